// The list of cases: what was disputed, where it stands and the next date that matters.
import { useTranslation } from "react-i18next";
import { api, type CaseSummary } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { useLoad } from "../../components/useLoad";
import { formatDate, formatMoney } from "../../i18n/format";
import { pickPair } from "./labels";

export function CaseList({ onOpen }: { onOpen: (caseId: number) => void }) {
  const { t, i18n } = useTranslation();
  const { data: cases, error, clearError } = useLoad(() => api.cases(), [], null as CaseSummary[] | null);

  return (
    <section className="screen cases" aria-labelledby="cases-title">
      <header className="screen-header">
        <h1 id="cases-title">{t("cases.title")}</h1>
        {cases && <span className="muted">{t("cases.count", { count: cases.length })}</span>}
      </header>
      {error && <ErrorPanel error={error} onClose={clearError} />}
      {cases && cases.length === 0 && (
        <div className="empty" data-testid="cases-empty">
          <p>{t("cases.empty")}</p>
          <p className="muted">{t("cases.emptyHint")}</p>
        </div>
      )}
      {cases && cases.length > 0 && (
        <table className="simple-table case-table" data-testid="case-list">
          <thead>
            <tr>
              <th scope="col">{t("cases.merchant")}</th>
              <th scope="col">{t("cases.reasonLabel")}</th>
              <th scope="col" className="num">{t("cases.amount")}</th>
              <th scope="col">{t("cases.statusLabel")}</th>
              <th scope="col">{t("cases.nextAction")}</th>
              <th scope="col">{t("cases.nextDeadline")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} data-testid="case-row" className={c.warning ? `warn-${c.warning}` : undefined}>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(c.id)}>
                    {c.merchant || t("cases.unnamed", { id: c.id })}
                  </button>
                </td>
                <td>{t(`cases.reason.${c.reason}`)}</td>
                <td className="num">{formatMoney(c.amount, c.currency)}</td>
                <td>
                  <span className={`status status-${c.status}`}>{t(`cases.status.${c.status}`, { defaultValue: c.status })}</span>
                </td>
                <td>{c.next_action ? pickPair(c.next_action.what_en, c.next_action.what_zh, i18n.language) : "—"}</td>
                <td data-testid="case-deadline">
                  {c.next_deadline ? formatDate(c.next_deadline) : "—"}
                  {c.warning && c.warning !== "info" && <span className={`badge level-${c.warning}`}>{t(`cases.level.${c.warning}`)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
