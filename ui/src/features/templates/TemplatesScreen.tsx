// The letter-templates editor: choose a kind of letter (jurisdiction × step × language), edit
// the wording template it is written from, preview it on real data, save it (the backend
// refuses a template that does not render, naming the line) or go back to the built-in one.
import { useCallback, useEffect, useId, useMemo, useReducer, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, asAppError, type TemplateKind, type TemplateView } from "../../ipc/api";
import { runAction, statusOf } from "../../components/runAction";
import { useLatest } from "../../components/useLoad";
import { ErrorPanel } from "../../components/ErrorPanel";
import { TemplatePreviewPane } from "./TemplatePreviewPane";
import { TemplateFields } from "./TemplateFields";
import { JURISDICTIONS, STEPS, isCustom, languagesFor, lineAt, lineRange, withChange } from "./kinds";
import { editorReducer, initialEditor, isDirty } from "./editorState";
import { langOf } from "../cases/labels";

const LANGUAGE_NAMES: Record<string, string> = { en: "English", "zh-CN": "简体中文" };

/** `initial`: the template to open (from a letter's "Edit its template"), else the default
 * jurisdiction's letter to the merchant. */
export function TemplatesScreen({ onBack, initial }: { onBack: () => void; initial?: TemplateKind | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const editor = useRef<HTMLTextAreaElement>(null);
  const [state, dispatch] = useReducer(editorReducer, initialEditor);
  const { choices, kind, view, source, preview, previewed, caretLine, pending, confirmReset, notice, error, saveError, busy } = state;
  // Answers for a kind the user has already left, and previews older than the last one asked
  // for, are dropped.
  const beginKind = useLatest();
  const kindIsCurrent = useRef<() => boolean>(() => false);
  const beginPreview = useLatest();

  const shows = useMemo(() => statusOf(dispatch), []);

  // The kinds on offer, and where to start: the default jurisdiction's letter to the merchant.
  useEffect(() => {
    const current = beginKind();
    void runAction(
      async () => {
        const [list, settings] = await Promise.all([api.templateChoices(), api.getSettings().catch(() => null)]);
        const j = settings?.default_jurisdiction ?? "us";
        if (current()) dispatch({ type: "started", choices: list, kind: withChange(list, initial ?? { jurisdiction: j, step: "merchant", lang: langOf(i18n.language) }, {}) });
      },
      { setError: shows.setError, current },
    );
    // Only on first show: the language at that moment picks the first template.
  }, []);

  /** Previews `text` as a template of `k`, unless the kind was left or a newer preview asked. */
  const runPreview = useCallback(
    async (k: TemplateKind, text: string, ofKind: () => boolean) => {
      const current = beginPreview();
      const p = await api.previewTemplate(k, text);
      if (current() && ofKind()) dispatch({ type: "previewed", preview: p, source: text });
    },
    [beginPreview],
  );

  // Each kind chosen: its template in the editor and a preview of it.
  useEffect(() => {
    if (!kind) return;
    const current = beginKind();
    kindIsCurrent.current = current;
    beginPreview(); // a preview of the last kind still on its way is not this kind's
    void runAction(
      async () => {
        const v = await api.letterTemplate(kind);
        if (!current()) return;
        dispatch({ type: "loaded", view: v });
        await runPreview(kind, v.source, current);
      },
      { setError: shows.setError, current },
    );
  }, [kind, runPreview, beginKind, beginPreview, shows]);

  const dirty = isDirty(state);
  const stale = preview !== null && previewed !== source;

  const run = (action: () => Promise<void>) => runAction(action, shows);

  const choose = (change: Partial<TemplateKind>) => {
    if (!choices || !kind) return;
    dispatch({ type: "chose", kind: withChange(choices, kind, change) });
  };

  const doPreview = () => kind && view && run(() => runPreview(kind, source, kindIsCurrent.current));

  const save = () => {
    if (!kind || !view) return;
    const current = kindIsCurrent.current;
    return run(async () => {
      dispatch({ type: "saveRefused", error: null });
      let v: TemplateView;
      try {
        v = await api.saveTemplate(kind, source);
      } catch (e) {
        // Refused, not failed: the refusal is shown beside the editor, naming the line, and the
        // preview shows where, with a way to jump to it.
        if (current()) dispatch({ type: "saveRefused", error: asAppError(e) });
        await runPreview(kind, source, current).catch(() => undefined);
        return;
      }
      if (current()) dispatch({ type: "stored", view: v, notice: v.custom ? t("templates.saved") : t("templates.savedSameAsBuiltIn") });
      dispatch({ type: "choicesChanged", choices: await api.templateChoices() });
      await runPreview(kind, v.source, current);
    });
  };

  const reset = () => {
    if (!kind) return;
    const current = kindIsCurrent.current;
    return run(async () => {
      dispatch({ type: "resetCancelled" });
      dispatch({ type: "saveRefused", error: null });
      const v = await api.resetTemplate(kind);
      if (current()) dispatch({ type: "stored", view: v, notice: null });
      dispatch({ type: "choicesChanged", choices: await api.templateChoices() });
      if (current()) dispatch({ type: "notice", notice: t("templates.resetDone") });
      await runPreview(kind, v.source, current);
    });
  };

  const goToLine = (line: number) => {
    const el = editor.current;
    if (!el) return;
    const [start, end] = lineRange(el.value, line);
    el.focus();
    el.setSelectionRange(start, end);
    dispatch({ type: "caretMoved", line });
    // Bring the line into view: the share of the text above it, of the scrollable height.
    const lines = el.value.split("\n").length;
    el.scrollTop = Math.max(0, ((line - 3) / Math.max(1, lines)) * el.scrollHeight);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === "Enter") {
      e.preventDefault();
      void doPreview();
    } else if (mod && (e.key === "s" || e.key === "S")) {
      e.preventDefault();
      if (dirty && !busy) void save();
    }
  };

  const trackCaret = () => {
    const el = editor.current;
    if (el) dispatch({ type: "caretMoved", line: lineAt(el.value, el.selectionStart) });
  };

  const custom = view?.custom ?? false;
  const langs = choices && kind ? languagesFor(choices, kind.jurisdiction, kind.step) : ["en"];
  const stepLabel = (s: string) => t(`templates.steps.${s}`);

  return (
    <section className="screen templates" aria-labelledby={`${id}-title`}>
      <button type="button" className="link back" onClick={onBack} data-testid="templates-back">
        ← {t("templates.backToSettings")}
      </button>
      <header className="screen-header">
        <h1 id={`${id}-title`}>{t("templates.title")}</h1>
      </header>
      <p className="intro">{t("templates.intro")}</p>

      {error && <ErrorPanel error={error} onClose={() => dispatch({ type: "error", error: null })} />}
      {!choices && !error && <p className="muted">{t("templates.loading")}</p>}

      {choices && kind && (
        <>
          <div className="card template-picker" role="group" aria-label={t("templates.which")}>
            <label>
              {t("templates.jurisdiction")}
              <select
                value={kind.jurisdiction}
                onChange={(e) => choose({ jurisdiction: e.target.value as TemplateKind["jurisdiction"] })}
                data-testid="templates-jurisdiction"
              >
                {JURISDICTIONS.map((j) => (
                  <option key={j} value={j}>
                    {t(`templates.jurisdictions.${j}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("templates.step")}
              <select value={kind.step} onChange={(e) => choose({ step: e.target.value as TemplateKind["step"] })} data-testid="templates-step">
                {STEPS.map((s) => {
                  const mine = languagesFor(choices, kind.jurisdiction, s).some((lang) => isCustom(choices, { ...kind, step: s, lang }));
                  return (
                    <option key={s} value={s}>
                      {mine ? t("templates.optionYours", { name: stepLabel(s) }) : stepLabel(s)}
                    </option>
                  );
                })}
              </select>
            </label>
            <label>
              {t("templates.language")}
              <select value={kind.lang} onChange={(e) => choose({ lang: langOf(e.target.value) })} disabled={langs.length < 2} data-testid="templates-lang">
                {langs.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l] ?? l}
                  </option>
                ))}
              </select>
            </label>
            <span className={custom ? "template-status yours" : "template-status"} data-testid="templates-status">
              {custom ? t("templates.yours") : t("templates.builtIn")}
            </span>
            {dirty && (
              <span className="template-status unsaved" data-testid="templates-unsaved">
                {t("templates.unsaved")}
              </span>
            )}
            {kind.jurisdiction !== "cn" && <p className="hint muted span">{t("templates.englishOnly")}</p>}
          </div>

          {pending && (
            <div className="confirm" role="alertdialog" aria-labelledby={`${id}-discard`}>
              <p id={`${id}-discard`}>{t("templates.discardQuestion")}</p>
              <div className="actions">
                <button
                  type="button"
                  className="danger"
                  onClick={() => dispatch({ type: "switchConfirmed" })}
                  data-testid="templates-discard-confirm"
                >
                  {t("templates.discardAndSwitch")}
                </button>
                <button type="button" onClick={() => dispatch({ type: "switchCancelled" })} autoFocus>
                  {t("templates.keepEditing")}
                </button>
              </div>
            </div>
          )}

          <div className="template-columns">
            <div className="card template-editor">
              <div className="card-head">
                <h2>
                  <label htmlFor={`${id}-source`}>{t("templates.editorTitle")}</label>
                </h2>
                <span className="muted small" data-testid="templates-caret">
                  {t("templates.caretLine", { line: caretLine })}
                </span>
              </div>
              <textarea
                id={`${id}-source`}
                ref={editor}
                className="template-source"
                value={source}
                disabled={!view}
                spellCheck={false}
                aria-describedby={`${id}-keys`}
                onChange={(e) => {
                  dispatch({ type: "edited", source: e.target.value });
                  trackCaret();
                }}
                onKeyDown={onKeyDown}
                onKeyUp={trackCaret}
                onClick={trackCaret}
                data-testid="templates-source"
              />
              <p id={`${id}-keys`} className="muted small template-keys">
                {t("templates.keys")}
              </p>
              <div className="actions">
                <button type="button" onClick={doPreview} disabled={busy || !view} data-testid="templates-preview-button">
                  {t("templates.preview")}
                </button>
                <button type="button" className="primary" onClick={save} disabled={busy || !dirty} data-testid="templates-save">
                  {t("templates.save")}
                </button>
                {dirty && (
                  <button type="button" onClick={() => dispatch({ type: "discarded" })} disabled={busy} data-testid="templates-discard">
                    {t("templates.discard")}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => dispatch({ type: "resetAsked" })}
                  disabled={busy || !custom || confirmReset}
                  data-testid="templates-reset"
                >
                  {t("templates.reset")}
                </button>
              </div>
              {confirmReset && (
                <div className="confirm" role="alertdialog" aria-labelledby={`${id}-reset-q`}>
                  <p id={`${id}-reset-q`}>{t("templates.resetQuestion")}</p>
                  <div className="actions">
                    <button type="button" className="danger" onClick={reset} data-testid="templates-reset-confirm">
                      {t("templates.resetConfirm")}
                    </button>
                    <button type="button" onClick={() => dispatch({ type: "resetCancelled" })} autoFocus>
                      {t("templates.cancel")}
                    </button>
                  </div>
                </div>
              )}
              {notice && (
                <p className="notice" role="status" data-testid="templates-notice">
                  {notice}
                </p>
              )}
              {saveError && (
                <ErrorPanel error={saveError} title={t("templates.notSaved")} note={t("templates.nothingStored")} onClose={() => dispatch({ type: "saveRefused", error: null })} />
              )}
            </div>

            <div className="stack">
              <section className="card" aria-labelledby={`${id}-preview`}>
                <h2 id={`${id}-preview`}>{t("templates.previewTitle")}</h2>
                <TemplatePreviewPane preview={preview} stale={stale} onGoToLine={goToLine} />
              </section>
              {view && <TemplateFields fields={view.fields} />}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
