import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../ipc/api";
import { formatNumber } from "../../i18n/format";

/** What each import did: new, already present, skipped (with the lines and why) and flagged. */
export function ImportSummary({ reports, onReview, onTransactions }: { reports: ImportReport[]; onReview: () => void; onTransactions: () => void }) {
  const { t } = useTranslation();
  const flagged = reports.reduce((n, r) => n + r.flagged, 0);
  return (
    <div className="card" data-testid="import-summary">
      <h2>{t("import.done")}</h2>
      <ul className="summary-list">
        {reports.map((r) => (
          <li key={r.file + r.batch_id}>
            {t("import.summary", {
              file: r.file,
              imported: formatNumber(r.imported),
              present: formatNumber(r.already_present),
              skipped: formatNumber(r.skipped),
              flagged: formatNumber(r.flagged),
            })}
            <span className="muted"> · {t("import.account")}: {r.account}</span>
            {r.skipped_lines.length > 0 && (
              <details className="skipped" data-testid="skipped-lines">
                <summary>{t("import.skippedDetails", { count: r.skipped })}</summary>
                <ul>
                  {r.skipped_lines.map((s) => (
                    <li key={s.line}>
                      {t(s.count > 1 ? "import.skippedLines" : "import.skippedLine", {
                        line: s.line,
                        last: s.line + s.count - 1,
                        reason: t(`import.skipReasons.${s.reason}`, { defaultValue: s.reason }),
                      })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        {flagged > 0 && (
          <button type="button" className="primary" onClick={onReview} data-testid="go-review">
            {t("import.seeFlagsCount", { count: flagged })}
          </button>
        )}
        <button type="button" className={flagged > 0 ? undefined : "primary"} onClick={onTransactions}>
          {t("import.seeTransactions")}
        </button>
      </div>
    </div>
  );
}
