import { describe, expect, it } from "vitest";
import type { TemplateChoice, TemplateKind, TemplateView } from "../../ipc/api";
import { editorReducer, initialEditor, isDirty, type EditorAction, type EditorState } from "./editorState";

const usMerchant: TemplateKind = { jurisdiction: "us", step: "merchant", lang: "en" };
const usBank: TemplateKind = { jurisdiction: "us", step: "bank", lang: "en" };
const choices: TemplateChoice[] = [
  { kind: usMerchant, custom: false },
  { kind: usBank, custom: false },
];
const viewOf = (kind: TemplateKind, source: string, custom = false): TemplateView => ({ kind, source, custom, builtin: "built-in", fields: [] });

const play = (...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, initialEditor);

describe("templates editor state", () => {
  const loaded = play({ type: "started", choices, kind: usMerchant }, { type: "loaded", view: viewOf(usMerchant, "Dear merchant") });

  it("starts on a kind and puts its stored template in the editor", () => {
    expect(loaded.kind).toEqual(usMerchant);
    expect(loaded.source).toBe("Dear merchant");
    expect(isDirty(loaded)).toBe(false);
  });

  it("switches at once when nothing is unsaved, leaving nothing of the last kind", () => {
    const withPreview = editorReducer(loaded, { type: "previewed", preview: { letter: null, text: "Dear merchant", error: null, case_id: null, merchant: "Sample" }, source: "Dear merchant" });
    const s = editorReducer(editorReducer(withPreview, { type: "resetAsked" }), { type: "chose", kind: usBank });
    expect(s.kind).toEqual(usBank);
    expect(s.view).toBeNull();
    expect(s.preview).toBeNull();
    expect(s.previewed).toBeNull();
    expect(s.confirmReset).toBe(false);
    expect(s.pending).toBeNull();
  });

  it("asks before leaving unsaved changes, and switches only when confirmed", () => {
    const edited = editorReducer(loaded, { type: "edited", source: "Dear merchant, please" });
    expect(isDirty(edited)).toBe(true);
    const asked = editorReducer(edited, { type: "chose", kind: usBank });
    expect(asked.kind).toEqual(usMerchant);
    expect(asked.pending).toEqual(usBank);

    const kept = editorReducer(asked, { type: "switchCancelled" });
    expect(kept.kind).toEqual(usMerchant);
    expect(kept.source).toBe("Dear merchant, please");
    expect(kept.pending).toBeNull();

    const switched = editorReducer(asked, { type: "switchConfirmed" });
    expect(switched.kind).toEqual(usBank);
    expect(switched.pending).toBeNull();
    expect(switched.view).toBeNull();
  });

  it("choosing the kind already shown changes nothing", () => {
    const edited = editorReducer(loaded, { type: "edited", source: "changed" });
    expect(editorReducer(edited, { type: "chose", kind: { ...usMerchant } })).toBe(edited);
  });

  it("discarding puts the stored text back", () => {
    const s = play({ type: "started", choices, kind: usMerchant }, { type: "loaded", view: viewOf(usMerchant, "A") }, { type: "edited", source: "B" }, { type: "discarded" });
    expect(s.source).toBe("A");
    expect(isDirty(s)).toBe(false);
  });

  it("a refused save keeps the edited text; a stored one clears the refusal and the reset question", () => {
    const edited = editorReducer(loaded, { type: "edited", source: "{{ nope }}" });
    const refused = editorReducer(edited, { type: "saveRefused", error: { code: "template", message: "line 1: undefined value 'nope'" } });
    expect(refused.source).toBe("{{ nope }}");
    expect(refused.saveError?.code).toBe("template");

    const stored = editorReducer(editorReducer(refused, { type: "resetAsked" }), { type: "stored", view: viewOf(usMerchant, "Mine", true), notice: "Saved" });
    expect(stored.saveError).toBeNull();
    expect(stored.confirmReset).toBe(false);
    expect(stored.source).toBe("Mine");
    expect(stored.view?.custom).toBe(true);
    expect(stored.notice).toBe("Saved");
    expect(isDirty(stored)).toBe(false);
  });

  it("typing clears the last notice", () => {
    const noticed = editorReducer(loaded, { type: "notice", notice: "Saved" });
    expect(editorReducer(noticed, { type: "edited", source: "x" }).notice).toBeNull();
  });
});
