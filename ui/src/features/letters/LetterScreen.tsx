// The letter of one step of a case, shown like the page it will print as: the body is editable
// (saved as the user's version, or reset to the template), and the letter can be exported as
// PDF, DOCX or text, copied, and marked as sent.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  api,
  type AppError,
  type CaseView,
  type ExportFormat,
  type Lang,
  type LetterView,
  type Paper,
  type Step,
  type TemplateKind,
  type Sender,
} from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { LegalNotice } from "../../components/LegalNotice";
import { runAction } from "../../components/runAction";
import { useLoad } from "../../components/useLoad";
import { formatDate } from "../../i18n/format";
import { langOf, today } from "../cases/labels";
import { SenderForm } from "./SenderForm";
import { particularsIncomplete } from "../settings/ParticularsFields";

export function LetterScreen({
  caseId,
  step,
  onBack,
  onSettings,
  onEditTemplate,
}: {
  caseId: number;
  step: Step;
  onBack: () => void;
  onSettings?: () => void;
  /** Opens the wording template this letter is written from. */
  onEditTemplate?: (kind: TemplateKind) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [lang, setLang] = useState<Lang>(langOf(i18n.language));
  const [paper, setPaper] = useState<Paper | null>(null);
  const [editSender, setEditSender] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const caseView = useLoad(() => api.case(caseId), [caseId], null as CaseView | null);
  const senderLoad = useLoad(() => api.sender(), [], null as Sender | null);
  // Another language chosen while a letter loads: only the latest choice's letter is shown.
  const letterLoad = useLoad(() => api.letter(caseId, step, lang), [caseId, step, lang], null as LetterView | null);
  const view = caseView.data;
  const sender = senderLoad.data;
  const letter = letterLoad.data;

  useEffect(() => {
    // US banks and courts expect US Letter; everyone else A4.
    if (view) setPaper((p) => p ?? (view.jurisdiction === "us" ? "letter" : "a4"));
  }, [view]);
  // The body as the user edits it, for the letter it was edited from: each letter loaded (after
  // a save, another language) starts from its own body.
  const [edit, setEdit] = useState<{ of: LetterView; text: string } | null>(null);
  const body = edit && edit.of === letter ? edit.text : (letter?.letter.body ?? "");
  const setBody = (text: string) => letter && setEdit({ of: letter, text });

  const run = (action: () => Promise<void>) => runAction(action, { setBusy, setError, setNotice });

  const dirty = letter !== null && body !== letter.letter.body;
  async function saveBody() {
    if (!dirty) return;
    await api.saveLetterText(caseId, step, body);
    await letterLoad.reload();
  }

  const exportAs = (format: ExportFormat) =>
    run(async () => {
      await saveBody();
      const paths = await api.exportLetter(caseId, step, lang, format, paper);
      if (paths) setNotice(t("letter.exported", { path: paths.join(t("letter.pathSeparator")) }));
    });

  const copy = () =>
    run(async () => {
      await saveBody();
      const text = (await api.letter(caseId, step, lang)).text;
      if (!navigator.clipboard?.writeText) {
        setNotice(t("letter.copyUnavailable"));
        return;
      }
      try {
        await navigator.clipboard.writeText(text);
        setNotice(t("letter.copied"));
      } catch {
        setNotice(t("letter.copyUnavailable"));
      }
    });

  const recorded = view?.plan.steps.find((s) => s.step === step);
  const sentOn = recorded?.sent ?? null;
  const markSent = () =>
    run(async () => {
      const date = today();
      caseView.setData(await api.recordStepSent(caseId, step, date));
      setNotice(t("letter.markedSent", { date: formatDate(date) }));
    });

  // An action's failure first, else why the case, the sender or the letter could not be read.
  const shownError = error ?? caseView.error ?? senderLoad.error ?? letterLoad.error;
  const closeError = () => {
    setError(null);
    caseView.clearError();
    senderLoad.clearError();
    letterLoad.clearError();
  };

  const senderEmpty = sender !== null && !sender.name.trim();
  // §9.4: a 民事起诉状 states the plaintiff's particulars; ask for them at the Chinese court step.
  const courtComplaint = view?.jurisdiction === "cn" && step === "court";
  const particularsMissing = courtComplaint && sender !== null && !senderEmpty && particularsIncomplete(sender);
  const l = letter?.letter;

  return (
    <section className="screen letter-screen" aria-labelledby={`${id}-title`}>
      <button type="button" className="link back" onClick={onBack} data-testid="letter-back">
        ← {t("letter.backToCase")}
      </button>
      <header className="screen-header">
        <h1 id={`${id}-title`}>{t("letter.title", { step: t(`cases.step.${step}`) })}</h1>
        {view && <span className="muted">{view.merchant}</span>}
      </header>
      <LegalNotice />

      {senderEmpty && !editSender && (
        <div className="banner" role="status" data-testid="letter-sender-notice">
          <span>{t("letter.senderMissing")}</span>
          {onSettings && (
            <button type="button" className="link" onClick={onSettings}>
              {t("letter.openSettings")}
            </button>
          )}
          <button type="button" onClick={() => setEditSender(true)} data-testid="letter-sender-add">
            {t("letter.addHere")}
          </button>
        </div>
      )}
      {particularsMissing && !editSender && (
        <div className="banner" role="status" data-testid="letter-particulars-notice">
          <span>{t("letter.particularsMissing")}</span>
          <button type="button" onClick={() => setEditSender(true)} data-testid="letter-particulars-add">
            {t("letter.addParticulars")}
          </button>
        </div>
      )}
      {sender && editSender && (
        <SenderForm
          sender={sender}
          particulars={courtComplaint}
          onSave={(p) =>
            run(async () => {
              senderLoad.setData(await api.setSender(p));
              setEditSender(false);
              await letterLoad.reload();
            })
          }
          onCancel={() => setEditSender(false)}
        />
      )}

      <div className="letter-toolbar" role="toolbar" aria-label={t("letter.actions")}>
        <label>
          {t("letter.language")}
          <select value={lang} onChange={(e) => setLang(langOf(e.target.value))} data-testid="letter-lang">
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <label>
          {t("letter.paper")}
          <select value={paper ?? "a4"} onChange={(e) => setPaper(e.target.value === "letter" ? "letter" : "a4")} data-testid="letter-paper">
            <option value="a4">A4</option>
            <option value="letter">{t("letter.usLetter")}</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy || !l} onClick={() => exportAs("pdf")} data-testid="letter-export-pdf">
          {t("letter.exportPdf")}
        </button>
        <button type="button" disabled={busy || !l} onClick={() => exportAs("docx")} data-testid="letter-export-docx">
          {t("letter.exportDocx")}
        </button>
        <button type="button" disabled={busy || !l} onClick={() => exportAs("txt")} data-testid="letter-export-txt">
          {t("letter.exportText")}
        </button>
        <button type="button" disabled={busy || !l} onClick={copy} data-testid="letter-copy">
          {t("letter.copy")}
        </button>
        <button type="button" disabled={busy || !l || sentOn !== null || view?.status === "closed"} onClick={markSent} data-testid="letter-mark-sent">
          {sentOn ? t("letter.sentOn", { date: formatDate(sentOn) }) : t("letter.markSent")}
        </button>
        {onEditTemplate && view && (
          <button
            type="button"
            className="link"
            data-testid="letter-edit-template"
            // Chinese wording exists for China only; elsewhere the English template writes both.
            onClick={() => onEditTemplate({ jurisdiction: view.jurisdiction, step, lang: view.jurisdiction === "cn" ? lang : "en" })}
          >
            {t("letter.editTemplate")}
          </button>
        )}
      </div>

      {notice && (
        <p className="notice" role="status" data-testid="letter-notice">
          {notice}
        </p>
      )}
      {shownError && <ErrorPanel error={shownError} onClose={closeError} />}

      {l && (
        <article className="page" lang={l.lang} aria-label={t("letter.preview")}>
          {l.sender.length > 0 && (
            <address className="sender" data-testid="letter-sender">
              {l.sender.map((line, i) => (
                <div key={i}>{line}</div>
              ))}
            </address>
          )}
          <p className="letter-date">{l.date}</p>
          <address className="recipient">
            {l.recipient.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </address>
          {l.title && <h2 className="letter-title">{l.title}</h2>}
          {l.subject && <p className="subject">{l.subject}</p>}
          <div className="body-edit">
            <label htmlFor={`${id}-body`} className="muted small">
              {letter.edited || dirty ? t("letter.bodyEdited") : t("letter.bodyTemplate")}
            </label>
            <textarea
              id={`${id}-body`}
              className="letter-body"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              onBlur={() => run(saveBody)}
              rows={Math.max(12, body.split("\n").length + 2)}
              data-testid="letter-body"
            />
            {(letter.edited || dirty) && (
              <button
                type="button"
                className="link"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    await api.saveLetterText(caseId, step, "");
                    await letterLoad.reload();
                  })
                }
                data-testid="letter-reset"
              >
                {t("letter.reset")}
              </button>
            )}
          </div>
          {l.signature && <p className="signature">{l.signature}</p>}
          {l.enclosures.length > 0 && (
            <div className="enclosures">
              <strong>{t("letter.enclosures")}</strong>
              <ol>
                {l.enclosures.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ol>
            </div>
          )}
        </article>
      )}
      {letter?.worksheet && (
        <details className="page worksheet" data-testid="letter-worksheet">
          <summary>{t("letter.worksheet")}</summary>
          <p className="muted small">{t("letter.worksheetHint")}</p>
          {letter.worksheet.title && <h2 className="letter-title">{letter.worksheet.title}</h2>}
          {letter.worksheet.subject && <p className="subject">{letter.worksheet.subject}</p>}
          <div className="letter-body-text">{letter.worksheet.body}</div>
        </details>
      )}
    </section>
  );
}
