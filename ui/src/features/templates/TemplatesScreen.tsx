// The letter-templates editor: choose a kind of letter (jurisdiction × step × language), edit
// the wording template it is written from, preview it on real data, save it (the backend
// refuses a template that does not render, naming the line) or go back to the built-in one.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError, type TemplateChoice, type TemplateKind, type TemplatePreview, type TemplateView } from "../../ipc/api";
import { runAction } from "../../components/runAction";
import { ErrorPanel } from "../../components/ErrorPanel";
import { TemplatePreviewPane } from "./TemplatePreviewPane";
import { TemplateFields } from "./TemplateFields";
import { JURISDICTIONS, STEPS, isCustom, languagesFor, lineAt, lineRange, sameKind, withChange } from "./kinds";

const LANGUAGE_NAMES: Record<string, string> = { en: "English", "zh-CN": "简体中文" };

/** `initial`: the template to open (from a letter's "Edit its template"), else the default
 * jurisdiction's letter to the merchant. */
export function TemplatesScreen({ onBack, initial }: { onBack: () => void; initial?: TemplateKind | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const editor = useRef<HTMLTextAreaElement>(null);
  const [choices, setChoices] = useState<TemplateChoice[] | null>(null);
  const [kind, setKind] = useState<TemplateKind | null>(null);
  const [view, setView] = useState<TemplateView | null>(null);
  const [source, setSource] = useState("");
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [caretLine, setCaretLine] = useState(1);
  const [pending, setPending] = useState<TemplateKind | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Answers for a kind the user has already left are dropped.
  const shown = useRef<TemplateKind | null>(null);

  // The kinds on offer, and where to start: the default jurisdiction's letter to the merchant.
  useEffect(() => {
    Promise.all([api.templateChoices(), api.getSettings().catch(() => null)]).then(([list, settings]) => {
      setChoices(list);
      const j = settings?.default_jurisdiction ?? "us";
      const zh = i18n.language.startsWith("zh");
      const start = withChange(list, initial ?? { jurisdiction: j, step: "merchant", lang: zh ? "zh-CN" : "en" }, {});
      setKind(start);
    }, setError);
    // Only on first show: the language at that moment picks the first template.
  }, []);

  const runPreview = useCallback(async (k: TemplateKind, text: string) => {
    const p = await api.previewTemplate(k, text);
    if (shown.current && sameKind(shown.current, k)) {
      setPreview(p);
      setPreviewed(text);
    }
  }, []);

  // Each kind chosen: its template in the editor and a preview of it.
  useEffect(() => {
    if (!kind) return;
    shown.current = kind;
    setView(null);
    setPreview(null);
    setPreviewed(null);
    setSaveError(null);
    setConfirmReset(false);
    api
      .letterTemplate(kind)
      .then(async (v) => {
        if (!shown.current || !sameKind(shown.current, kind)) return;
        setView(v);
        setSource(v.source);
        setCaretLine(1);
        await runPreview(kind, v.source);
      })
      .catch((e: AppError) => setError(e));
  }, [kind, runPreview]);

  const dirty = view !== null && source !== view.source;
  const stale = preview !== null && previewed !== source;

  const run = (action: () => Promise<void>) => runAction(action, { setBusy, setError, setNotice });

  const choose = (change: Partial<TemplateKind>) => {
    if (!choices || !kind) return;
    const next = withChange(choices, kind, change);
    if (sameKind(next, kind)) return;
    setNotice(null);
    if (dirty) setPending(next);
    else setKind(next);
  };

  const doPreview = () => kind && view && run(() => runPreview(kind, source));

  const save = () =>
    kind &&
    view &&
    run(async () => {
      setSaveError(null);
      let v: TemplateView;
      try {
        v = await api.saveTemplate(kind, source);
      } catch (e) {
        setSaveError(e as AppError);
        // The preview shows where, with a way to jump to the line.
        await runPreview(kind, source).catch(() => undefined);
        return;
      }
      setView(v);
      setSource(v.source);
      setNotice(v.custom ? t("templates.saved") : t("templates.savedSameAsBuiltIn"));
      setChoices(await api.templateChoices());
      await runPreview(kind, v.source);
    });

  const reset = () =>
    kind &&
    run(async () => {
      setConfirmReset(false);
      setSaveError(null);
      const v = await api.resetTemplate(kind);
      setView(v);
      setSource(v.source);
      setChoices(await api.templateChoices());
      setNotice(t("templates.resetDone"));
      await runPreview(kind, v.source);
    });

  const goToLine = (line: number) => {
    const el = editor.current;
    if (!el) return;
    const [start, end] = lineRange(el.value, line);
    el.focus();
    el.setSelectionRange(start, end);
    setCaretLine(line);
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
    if (el) setCaretLine(lineAt(el.value, el.selectionStart));
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

      {error && <ErrorPanel error={error} onClose={() => setError(null)} />}
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
              <select value={kind.lang} onChange={(e) => choose({ lang: e.target.value })} disabled={langs.length < 2} data-testid="templates-lang">
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
                  onClick={() => {
                    setKind(pending);
                    setPending(null);
                  }}
                  data-testid="templates-discard-confirm"
                >
                  {t("templates.discardAndSwitch")}
                </button>
                <button type="button" onClick={() => setPending(null)} autoFocus>
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
                  setSource(e.target.value);
                  setNotice(null);
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
                  <button type="button" onClick={() => view && setSource(view.source)} disabled={busy} data-testid="templates-discard">
                    {t("templates.discard")}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => setConfirmReset(true)}
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
                    <button type="button" onClick={() => setConfirmReset(false)} autoFocus>
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
                <ErrorPanel error={saveError} title={t("templates.notSaved")} note={t("templates.nothingStored")} onClose={() => setSaveError(null)} />
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
