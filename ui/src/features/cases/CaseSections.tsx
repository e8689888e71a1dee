// The parts of a case page: disputed transactions, checklist, evidence (each with its description), timeline.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Bilingual, CaseEvent, Checklist, EvidenceView, Transaction } from "../../ipc/api";
import { formatDate, formatMoney } from "../../i18n/format";
import { pick } from "./labels";
import { sourceOf } from "../transactions/source";

export function TransactionsPanel({ transactions }: { transactions: Transaction[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="case-tx-title">
      <h2 id="case-tx-title">{t("cases.transactions")}</h2>
      <table className="simple-table" data-testid="case-transactions">
        <thead>
          <tr>
            <th scope="col">{t("transactions.date")}</th>
            <th scope="col">{t("transactions.description")}</th>
            <th scope="col" className="num">{t("transactions.amount")}</th>
            <th scope="col">{t("transactions.source")}</th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((tx) => (
            <tr key={tx.id}>
              <td>{formatDate(tx.date)}</td>
              <td>
                <strong>{tx.merchant}</strong> <span className="muted">{tx.description}</span>
              </td>
              <td className="num">{formatMoney(tx.amount, tx.currency)}</td>
              <td className="source muted">
                {sourceOf(tx)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BilingualList({ title, items, className }: { title: string; items: Bilingual[]; className?: string }) {
  const { i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className={className}>
      <h3>{title}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{pick(item, i18n.language)}</li>
        ))}
      </ul>
    </div>
  );
}

export function ChecklistPanel({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  return (
    <section className="card checklist" aria-labelledby="checklist-title" data-testid="case-checklist">
      <h2 id="checklist-title">{t("cases.checklist.title")}</h2>
      <BilingualList className="urgent" title={t("cases.checklist.urgent")} items={checklist.urgent_first} />
      <BilingualList title={t("cases.checklist.evidence")} items={checklist.evidence} />
      <BilingualList title={t("cases.checklist.receiptLost")} items={checklist.if_receipt_lost} />
    </section>
  );
}

export function EvidencePanel({
  evidence,
  onAdd,
  onDescribe,
}: {
  evidence: EvidenceView[];
  onAdd: () => void;
  /** Saves what a file is, in the user's words (empty clears it). */
  onDescribe: (evidenceId: number, description: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t("cases.evidence.title")}</h2>
      {evidence.length === 0 ? (
        <p className="muted">{t("cases.evidence.none")}</p>
      ) : (
        <>
          <p className="muted small">{t("cases.evidence.describeHint")}</p>
          <ul className="evidence" data-testid="case-evidence">
            {evidence.map((e) => (
              <EvidenceItem key={e.id} item={e} onDescribe={onDescribe} />
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onAdd} data-testid="case-add-evidence">
        {t("cases.evidence.add")}
      </button>
    </section>
  );
}

/** One evidence file: its name (shown here only, never in a letter) and its description. */
function EvidenceItem({ item, onDescribe }: { item: EvidenceView; onDescribe: (evidenceId: number, description: string) => void }) {
  const { t } = useTranslation();
  const saved = item.description ?? "";
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  return (
    <li title={`${item.stored_path}\nSHA-256 ${item.sha256}`}>
      {item.file_name} <span className="muted small">{formatDate(item.added_at.slice(0, 10))}</span>
      <input
        type="text"
        value={text}
        aria-label={t("cases.evidence.describe", { file: item.file_name })}
        placeholder={t("cases.evidence.describePlaceholder")}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() !== saved) onDescribe(item.id, text);
        }}
        data-testid="evidence-description"
      />
    </li>
  );
}

export function TimelinePanel({ timeline }: { timeline: CaseEvent[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("cases.timeline.title")}</h2>
      <ol className="timeline" data-testid="case-timeline">
        {timeline.map((e, i) => (
          <li key={i}>
            <time dateTime={e.date}>{formatDate(e.date.slice(0, 10))}</time>{" "}
            <span>
              {t(`cases.timeline.${e.kind}`, {
                defaultValue: e.kind,
                step: e.step ? t(`cases.step.${e.step}`) : "",
              })}
            </span>
            {e.text && <span className="muted"> — {e.text}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
