// The import screen's state and every way it changes, in one place: the files in hand, the
// preview the user is answering, the archive asking for its password, and what came of it all.
import { withStatus, type ActionStatus, type StatusAction } from "../../components/runAction";
import type { ImportProgress, ImportReport, Preview, Profile } from "../../ipc/api";
import type { Review } from "./MappingEditor";

/** An encrypted archive waiting for its password, and the files after it. */
export type PasswordQuestion = { path: string; rest: string[]; wrong: boolean };

/** Busy, error and notice as runAction sets them (`statusOf`), and: */
export type ImportState = ActionStatus & {
  /** Files are dragged over the window. */
  hover: boolean;
  progress: ImportProgress | null;
  /** What the files of this round added. */
  reports: ImportReport[];
  /** The file an error came from, so the user can open its mapping and fix it. */
  failedPath: string | null;
  /** The preview the user is answering; null when none is open. */
  review: Review | null;
  /** The files after the one in review. */
  pending: string[];
  /** How many files this round has, for "file 2 of 3". */
  total: number;
  /** The user asked to check every mapping before it is imported. */
  checkFirst: boolean;
  askPassword: PasswordQuestion | null;
};

export type ImportAction =
  /** A new round of files (or the sample): the last round's outcome is forgotten. */
  | { type: "started"; total?: number }
  | StatusAction
  | { type: "progress"; progress: ImportProgress | null }
  | { type: "hover"; over: boolean }
  | { type: "checkFirst"; on: boolean }
  | { type: "failedAt"; path: string | null }
  | ({ type: "passwordAsked" } & PasswordQuestion)
  | { type: "passwordAnswered" }
  /** A file's first preview opens for the user to answer; `pending` are the files after it. */
  | { type: "reviewOpened"; path: string; preview: Preview; pending: string[] }
  /** The user's mapping answer to a failed file: only that file is in this round now. */
  | { type: "fixOpened"; path: string; preview: Preview }
  | { type: "reviewEdited"; review: Review }
  /** The backend's preview of the edited mapping of `path`. */
  | { type: "reviewPreviewed"; path: string; preview: Preview }
  /** The file in review was imported or skipped. */
  | { type: "reviewClosed" }
  | { type: "imported"; reports: ImportReport[] }
  /** The round ended, done or failed: no preview stays open, nothing waits. */
  | { type: "roundEnded" };

export const initialImport: ImportState = {
  busy: false,
  hover: false,
  progress: null,
  reports: [],
  error: null,
  failedPath: null,
  notice: null,
  review: null,
  pending: [],
  total: 0,
  checkFirst: false,
  askPassword: null,
};

/** A file's first preview, as the user starts answering it. */
export function reviewOf(path: string, preview: Preview): Review {
  const asked = ["default", "none"].includes(preview.detected.currency_source);
  return {
    path,
    preview,
    profile: preview.detected.profile,
    account: "",
    namedAccount: preview.detected.account,
    saveProfile: false,
    currencyAsked: asked,
    currencyAnswered: !asked,
  };
}

/** The profile the backend reads with: without a currency while the user has not given one. */
export const profileToSend = (r: Review, profile: Profile = r.profile): Profile => (r.currencyAnswered ? profile : { ...profile, currency: null });

/** The review after the user edited its mapping: a currency the user typed is their answer;
 * other edits leave the question open. */
export function withProfile(r: Review, profile: Profile): Review {
  return { ...r, profile, currencyAnswered: r.currencyAnswered || profile.currency !== r.profile.currency };
}

export function importReducer(s: ImportState, a: ImportAction): ImportState {
  switch (a.type) {
    case "busy":
    case "error":
    case "notice":
      return withStatus(s, a);
    case "started":
      return { ...s, error: null, failedPath: null, notice: null, reports: [], total: a.total ?? s.total };
    case "progress":
      return { ...s, progress: a.progress };
    case "hover":
      return { ...s, hover: a.over };
    case "checkFirst":
      return { ...s, checkFirst: a.on };
    case "failedAt":
      return { ...s, failedPath: a.path };
    case "passwordAsked":
      return { ...s, askPassword: { path: a.path, rest: a.rest, wrong: a.wrong } };
    case "passwordAnswered":
      return { ...s, askPassword: null };
    case "reviewOpened":
      return { ...s, review: reviewOf(a.path, a.preview), pending: a.pending };
    case "fixOpened":
      return { ...s, review: reviewOf(a.path, a.preview), total: 1, pending: [] };
    case "reviewEdited":
      return { ...s, review: a.review };
    case "reviewPreviewed":
      // An answer for a file no longer in review is dropped.
      return s.review && s.review.path === a.path ? { ...s, review: { ...s.review, preview: a.preview } } : s;
    case "reviewClosed":
      return { ...s, review: null };
    case "imported":
      return { ...s, reports: [...s.reports, ...a.reports] };
    case "roundEnded":
      return { ...s, review: null, pending: [], progress: null };
  }
}
