// The templates editor's state and every way it changes, in one place.
import { withStatus, type ActionStatus, type StatusAction } from "../../components/runAction";
import type { AppError, TemplateChoice, TemplateKind, TemplatePreview, TemplateView } from "../../ipc/api";
import { sameKind } from "./kinds";

/** Busy, error and notice as runAction sets them (`statusOf`), and: */
export type EditorState = ActionStatus & {
  /** The kinds on offer (which are the user's own); null until the backend answers. */
  choices: TemplateChoice[] | null;
  /** The kind in the editor. */
  kind: TemplateKind | null;
  /** The kind's stored template; null while it loads. */
  view: TemplateView | null;
  /** The text in the editor. */
  source: string;
  preview: TemplatePreview | null;
  /** The text the preview was made from: when it differs from `source` the preview is stale. */
  previewed: string | null;
  caretLine: number;
  /** A kind chosen while the editor held unsaved changes, waiting for "discard and switch". */
  pending: TemplateKind | null;
  confirmReset: boolean;
  /** Why the last save was refused (the template did not render); shown beside the editor. */
  saveError: AppError | null;
};

export type EditorAction =
  | { type: "started"; choices: TemplateChoice[]; kind: TemplateKind }
  /** One of the pickers named another kind: switch, or ask first when there are unsaved changes. */
  | { type: "chose"; kind: TemplateKind }
  | { type: "switchConfirmed" }
  | { type: "switchCancelled" }
  | { type: "loaded"; view: TemplateView }
  | { type: "previewed"; preview: TemplatePreview; source: string }
  | { type: "edited"; source: string }
  | { type: "caretMoved"; line: number }
  | { type: "discarded" }
  | { type: "resetAsked" }
  | { type: "resetCancelled" }
  /** The backend stored (or reset) the template: the editor shows what is stored now. */
  | { type: "stored"; view: TemplateView; notice: string | null }
  | { type: "choicesChanged"; choices: TemplateChoice[] }
  | { type: "saveRefused"; error: AppError | null }
  | StatusAction;

export const initialEditor: EditorState = {
  choices: null,
  kind: null,
  view: null,
  source: "",
  preview: null,
  previewed: null,
  caretLine: 1,
  pending: null,
  confirmReset: false,
  notice: null,
  error: null,
  saveError: null,
  busy: false,
};

/** True when the editor's text differs from the stored template. */
export const isDirty = (s: EditorState) => s.view !== null && s.source !== s.view.source;

/** Another kind in the editor: nothing of the last one's template, preview or questions stays. */
function switchTo(s: EditorState, kind: TemplateKind): EditorState {
  return { ...s, kind, pending: null, view: null, preview: null, previewed: null, saveError: null, confirmReset: false };
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case "busy":
    case "error":
    case "notice":
      return withStatus(s, a);
    case "started":
      return switchTo({ ...s, choices: a.choices }, a.kind);
    case "chose":
      if (s.kind && sameKind(a.kind, s.kind)) return s;
      return isDirty(s) ? { ...s, notice: null, pending: a.kind } : switchTo({ ...s, notice: null }, a.kind);
    case "switchConfirmed":
      return s.pending ? switchTo(s, s.pending) : s;
    case "switchCancelled":
      return { ...s, pending: null };
    case "loaded":
      return { ...s, view: a.view, source: a.view.source, caretLine: 1 };
    case "previewed":
      return { ...s, preview: a.preview, previewed: a.source };
    case "edited":
      return { ...s, source: a.source, notice: null };
    case "caretMoved":
      return { ...s, caretLine: a.line };
    case "discarded":
      return s.view ? { ...s, source: s.view.source } : s;
    case "resetAsked":
      return { ...s, confirmReset: true };
    case "resetCancelled":
      return { ...s, confirmReset: false };
    case "stored":
      return { ...s, view: a.view, source: a.view.source, confirmReset: false, saveError: null, notice: a.notice };
    case "choicesChanged":
      return { ...s, choices: a.choices };
    case "saveRefused":
      return { ...s, saveError: a.error };
  }
}
