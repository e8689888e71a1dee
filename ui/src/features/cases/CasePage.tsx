// One case: what to do next and by when, warnings before a window closes, the ladder of steps,
// the disputed transactions with their source lines, the checklist, evidence, notes, timeline.
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError, type CaseView, type Step } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { useLoad } from "../../components/useLoad";
import { LegalNotice } from "../../components/LegalNotice";
import { formatDate, formatMoney } from "../../i18n/format";
import { pickPair } from "./labels";
import { StepsPanel } from "./StepsPanel";
import { ChecklistPanel, EvidencePanel, TimelinePanel, TransactionsPanel } from "./CaseSections";
import { MerchantForm, NotesField, ClosePanel } from "./CaseForms";

export function CasePage({ caseId, onBack, onLetter }: { caseId: number; onBack: () => void; onLetter: (step: Step) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const caseLoad = useLoad(() => api.case(caseId), [caseId], null as CaseView | null, { clear: true });
  const view = caseLoad.data;
  const [actionError, setError] = useState<AppError | null>(null);
  const error = actionError ?? caseLoad.error;
  const closeError = () => {
    setError(null);
    caseLoad.clearError();
  };

  /** Runs a change; the backend answers with the case as it now is (dropped if another case is shown by then). */
  const forView = caseLoad.forView;
  const update = useCallback(
    async (change: () => Promise<CaseView>) => {
      const shown = forView();
      await runAction(async () => shown.set(await change()), { setError, current: shown.current });
    },
    [forView],
  );

  if (!view) {
    return (
      <section className="screen case-page">
        <button type="button" className="link back" onClick={onBack}>
          ← {t("cases.back")}
        </button>
        {error ? <ErrorPanel error={error} /> : <p className="muted">{t("cases.loading")}</p>}
      </section>
    );
  }

  const next = view.plan.next_action;
  const closed = view.status === "closed" || view.status === "refunded";
  const refund = view.refund_candidate;

  return (
    <section className="screen case-page" aria-labelledby="case-title">
      <button type="button" className="link back" onClick={onBack}>
        ← {t("cases.back")}
      </button>
      <header className="screen-header">
        <h1 id="case-title">{view.merchant || t("cases.unnamed", { id: view.id })}</h1>
        <strong className="num">{formatMoney(view.amount, view.currency)}</strong>
        <span className={`status status-${view.status}`}>{t(`cases.status.${view.status}`, { defaultValue: view.status })}</span>
      </header>
      <p className="muted case-facts">
        {t(`cases.reason.${view.reason}`)} · {t(`cases.jurisdiction.${view.jurisdiction}`)} · {t(`cases.instrument.${view.instrument}`)}
        {view.account_last4 ? ` · ${t("cases.cardEnding", { last4: view.account_last4 })}` : ""} · {t("cases.openedOn", { date: formatDate(view.opened_at) })}
      </p>
      <CaseDetailsLine view={view} />
      <LegalNotice />
      {error && <ErrorPanel error={error} onClose={closeError} />}

      {refund && !closed && (
        <div className="banner refund" role="status" data-testid="case-refund">
          <span>{t("cases.refundFound", { amount: formatMoney(refund.amount, refund.currency), date: formatDate(refund.date) })}</span>
          <button type="button" className="primary" onClick={() => update(() => api.closeCase(view.id, t("cases.refundedOutcome", { date: refund.date })))}>
            {t("cases.closeRefunded")}
          </button>
        </div>
      )}

      {!closed && view.plan.warnings.length > 0 && (
        <ul className="warnings" aria-label={t("cases.warnings")} data-testid="case-warnings">
          {view.plan.warnings.map((w, i) => (
            <li key={i} className={`warning level-${w.level}`}>
              <span className="badge">{t(`cases.level.${w.level}`)}</span> {pickPair(w.message_en, w.message_zh, lang)}
              {w.date && <span className="muted"> — {formatDate(w.date)}</span>}
            </li>
          ))}
        </ul>
      )}

      {!closed && (
        <div className="card next-action" data-testid="case-next-action">
          <div>
            <h2>{t("cases.nextAction")}</h2>
            <p className="next-what">{pickPair(next.what_en, next.what_zh, lang)}</p>
            {next.by && <p className="next-by">{t("cases.by", { date: formatDate(next.by) })}</p>}
          </div>
          <button type="button" className="primary" onClick={() => onLetter(next.step)} data-testid="case-write-letter">
            {t("cases.writeLetter")}
          </button>
        </div>
      )}
      {closed && view.outcome && (
        <p className="card" data-testid="case-outcome">
          {t("cases.closedWith", { outcome: view.outcome })}
        </p>
      )}

      <TransactionsPanel transactions={view.transactions} />
      <StepsPanel view={view} disabled={closed} onUpdate={update} onLetter={onLetter} />
      <div className="case-columns">
        <ChecklistPanel checklist={view.checklist} />
        <div className="stack">
          <EvidencePanel
            evidence={view.evidence}
            onAdd={() => update(() => api.addEvidence(view.id))}
            onDescribe={(evidenceId, description) => update(() => api.setEvidenceDescription(view.id, evidenceId, description))}
          />
          <MerchantForm view={view} onUpdate={update} />
          <NotesField view={view} onUpdate={update} />
        </div>
      </div>
      <TimelinePanel timeline={view.timeline} />
      <ClosePanel view={view} closed={closed} onUpdate={update} onDeleted={onBack} onError={setError} />
    </section>
  );
}

/** The facts the case records beyond its charges: the only ones its letters state. */
function CaseDetailsLine({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const d = view.details;
  const parts = [
    d.delivered_on && `${t("cases.open.deliveredOn")}: ${formatDate(d.delivered_on)}`,
    d.reported_on && `${t("cases.open.reportedOn")}: ${formatDate(d.reported_on)}`,
    d.police_report && `${t("cases.open.policeReport")}: ${d.police_report}`,
    d.bank_name && `${t("cases.open.bankName")}: ${d.bank_name}`,
    d.transfer && `${t("cases.open.transfer")}: ${t(d.transfer === "ach" ? "cases.open.transferAch" : "cases.open.transferWire")}`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="muted small case-details-line" data-testid="case-details">
      {parts.join(" · ")}
    </p>
  );
}
