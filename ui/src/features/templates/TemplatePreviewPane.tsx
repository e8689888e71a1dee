// What the template writes: the letter filled from the user's latest case (or a sample), or
// the template's error with its line and a way to jump there.
import { useTranslation } from "react-i18next";
import type { TemplatePreview } from "../../ipc/api";

export function TemplatePreviewPane({
  preview,
  stale,
  onGoToLine,
}: {
  preview: TemplatePreview | null;
  /** True when the text was edited after this preview was made. */
  stale: boolean;
  onGoToLine: (line: number) => void;
}) {
  const { t } = useTranslation();
  if (!preview) return <p className="muted">{t("templates.previewLoading")}</p>;
  const from =
    preview.case_id !== null
      ? t("templates.previewFromCase", { id: preview.case_id, merchant: preview.merchant })
      : t("templates.previewFromSample", { merchant: preview.merchant });
  const error = preview.error;
  const l = preview.letter;
  return (
    <div className="template-preview" data-testid="templates-preview">
      <p className="muted small" data-testid="templates-preview-source">
        {from}
      </p>
      {stale && (
        <p className="template-stale small" role="status" data-testid="templates-preview-stale">
          {t("templates.previewStale")}
        </p>
      )}
      {error && (
        <div className="error-panel" role="alert" data-testid="templates-preview-error">
          <strong>{t("templates.cannotRender")}</strong>
          <p className="error-message">
            {error.line !== null ? t("templates.errorAtLine", { line: error.line, message: error.message }) : error.message}
          </p>
          {error.line !== null && (
            <button type="button" className="link" onClick={() => onGoToLine(error.line!)} data-testid="templates-goto-line">
              {t("templates.goToLine", { line: error.line })}
            </button>
          )}
        </div>
      )}
      {l && (
        <article className="page template-page" lang={l.lang} aria-label={t("templates.previewLabel")}>
          {l.title && <h3 className="letter-title">{l.title}</h3>}
          {l.subject && (
            <p className="subject" data-testid="templates-preview-subject">
              {l.subject}
            </p>
          )}
          <div className="template-body" data-testid="templates-preview-body">
            {l.body}
          </div>
          {l.signature && <p className="signature">{l.signature}</p>}
        </article>
      )}
    </div>
  );
}
