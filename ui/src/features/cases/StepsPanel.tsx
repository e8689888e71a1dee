// The escalation ladder (merchant → bank → association → court): per step who gets the letter,
// the date to send by, when it was sent, when the answer is due and what the answer was.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type CaseStep, type CaseView, type Step, type StepPlan } from "../../ipc/api";
import { formatDate } from "../../i18n/format";
import { pick, today } from "./labels";

type Update = (change: () => Promise<CaseView>) => Promise<void>;

export function StepsPanel({ view, disabled, onUpdate, onLetter }: { view: CaseView; disabled: boolean; onUpdate: Update; onLetter: (s: Step) => void }) {
  const { t } = useTranslation();
  return (
    <section className="card steps" aria-labelledby="steps-title">
      <h2 id="steps-title">{t("cases.steps.title")}</h2>
      <ol className="ladder">
        {view.plan.steps.map((plan) => (
          <StepRow
            key={plan.step}
            caseId={view.id}
            plan={plan}
            recorded={view.steps.find((s) => s.step === plan.step)}
            disabled={disabled}
            onUpdate={onUpdate}
            onLetter={onLetter}
          />
        ))}
      </ol>
    </section>
  );
}

function StepRow({
  caseId,
  plan,
  recorded,
  disabled,
  onUpdate,
  onLetter,
}: {
  caseId: number;
  plan: StepPlan;
  recorded?: CaseStep;
  disabled: boolean;
  onUpdate: Update;
  onLetter: (s: Step) => void;
}) {
  const { t, i18n } = useTranslation();
  const [sentDate, setSentDate] = useState(today());
  const [answerDate, setAnswerDate] = useState(today());
  const [outcome, setOutcome] = useState("");
  const name = t(`cases.step.${plan.step}`);
  const sent = plan.sent ?? recorded?.sent_date ?? null;
  const answered = plan.answered ?? recorded?.answered_date ?? null;
  const answerDue = plan.answer_due ?? recorded?.answer_due ?? null;

  if (plan.unavailable) {
    // This rung does not exist for the case's instrument and reason (e.g. a bank transfer has
    // no chargeback): say why instead of offering a letter.
    return (
      <li className="step unavailable" data-testid={`step-${plan.step}`}>
        <div className="step-head">
          <h3>{name}</h3>
          <span className="muted">{t("cases.steps.unavailable")}</span>
        </div>
        <p className="muted small basis">{pick(plan.unavailable, i18n.language)}</p>
      </li>
    );
  }

  return (
    <li className={sent ? "step done" : "step"} data-testid={`step-${plan.step}`}>
      <div className="step-head">
        <h3>{name}</h3>
        <span className="muted">{pick(plan.recipient, i18n.language)}</span>
        <button type="button" onClick={() => onLetter(plan.step)} data-testid={`step-letter-${plan.step}`}>
          {t("cases.steps.letter")}
        </button>
      </div>
      <dl className="step-dates">
        <dt>{t("cases.steps.sendBy")}</dt>
        <dd>{plan.send_by ? formatDate(plan.send_by) : "—"}</dd>
        <dt>{t("cases.steps.sent")}</dt>
        <dd>
          {sent ? (
            formatDate(sent)
          ) : (
            <span className="inline-form">
              <input
                type="date"
                aria-label={t("cases.steps.sentDate", { step: name })}
                value={sentDate}
                onChange={(e) => setSentDate(e.target.value)}
                disabled={disabled}
              />
              <button
                type="button"
                disabled={disabled || !sentDate}
                onClick={() => onUpdate(() => api.recordStepSent(caseId, plan.step, sentDate))}
                data-testid={`step-mark-sent-${plan.step}`}
              >
                {t("cases.steps.markSent")}
              </button>
            </span>
          )}
        </dd>
        <dt>{t("cases.steps.answerDue")}</dt>
        <dd>
          {answerDue ? formatDate(answerDue) : "—"}
          {plan.final_answer_due && <span className="muted"> ({t("cases.steps.finalDue", { date: formatDate(plan.final_answer_due) })})</span>}
        </dd>
        {sent && (
          <>
            <dt>{t("cases.steps.answer")}</dt>
            <dd>
              {answered ? (
                <>
                  {formatDate(answered)}
                  {recorded?.outcome ? ` — ${recorded.outcome}` : ""}
                </>
              ) : (
                <span className="inline-form">
                  <input
                    type="date"
                    aria-label={t("cases.steps.answerDate", { step: name })}
                    value={answerDate}
                    onChange={(e) => setAnswerDate(e.target.value)}
                    disabled={disabled}
                  />
                  <input
                    type="text"
                    aria-label={t("cases.steps.outcome", { step: name })}
                    placeholder={t("cases.steps.outcomePlaceholder")}
                    value={outcome}
                    onChange={(e) => setOutcome(e.target.value)}
                    disabled={disabled}
                  />
                  <button
                    type="button"
                    disabled={disabled || !answerDate || !outcome.trim()}
                    onClick={() => onUpdate(() => api.recordAnswer(caseId, plan.step, answerDate, outcome.trim()))}
                  >
                    {t("cases.steps.recordAnswer")}
                  </button>
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <p className="muted small basis">{pick(plan.basis, i18n.language)}</p>
      {plan.calendar && (
        <p className="muted small step-calendar" data-testid={`step-calendar-${plan.step}`}>
          {t("cases.steps.calendar", { calendar: pick(plan.calendar, i18n.language) })}
        </p>
      )}
      {plan.notes.length > 0 && (
        <ul className="small step-notes">
          {plan.notes.map((n, i) => (
            <li key={i}>{pick(n, i18n.language)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
