// Opens a case for transactions chosen elsewhere: the reason (prefilled from the flag), whose
// rules apply, how it was paid and, optionally, the statement date that starts the US window.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  api,
  type AppError,
  type ComplaintBody,
  type FlagView,
  type Instrument,
  type Jurisdiction,
  type Reason,
  type TransferKind,
} from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { useLatest } from "../../components/useLoad";
import { formatDate } from "../../i18n/format";
import { INSTRUMENTS, JURISDICTIONS, REASONS, langOf, reasonForFlag } from "./labels";

/** The EU countries whose public holidays the business-day clocks know (PSD2 Arts 73, 101). */
const EU_COUNTRIES = ["DE", "FR", "NL", "ES", "IT", "IE", "AT", "BE"] as const;

export function OpenCasePanel({
  transactionIds,
  reason: givenReason,
  onOpened,
  onCancel,
}: {
  transactionIds: number[];
  reason?: Reason;
  onOpened: (caseId: number) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<Reason>(givenReason ?? "double_charge");
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction | "">("");
  const [instrument, setInstrument] = useState<Instrument | "">("");
  const [statementDate, setStatementDate] = useState("");
  // What the case records beyond its charges; letters state only these (never assume them).
  const [deliveredOn, setDeliveredOn] = useState("");
  const [reportedOn, setReportedOn] = useState("");
  const [policeReport, setPoliceReport] = useState("");
  const [bankName, setBankName] = useState("");
  const [region, setRegion] = useState("");
  const [complaintBody, setComplaintBody] = useState<ComplaintBody | "">("");
  // A US bank transfer: ACH (Regulation E) or wire (UCC Article 4A); "" when the user does not know.
  const [transfer, setTransfer] = useState<TransferKind | "">("");
  // The jurisdiction "default" stands for, so the transfer question follows it too.
  const [defaultJurisdiction, setDefaultJurisdiction] = useState<Jurisdiction>("us");
  const [flags, setFlags] = useState<FlagView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const beginFlags = useLatest();

  // The flags on these transactions say what was found, and suggest the reason when none was given.
  useEffect(() => {
    // A hint only: without it the form still opens the case, so a failure shows nothing.
    const current = beginFlags();
    void runAction(
      async () => {
        const mine = (await api.flags("low", "open", langOf(i18n.language))).filter((f) => transactionIds.includes(f.transaction_id));
        if (!current()) return;
        setFlags(mine);
        if (!givenReason && mine.length > 0) setReason(reasonForFlag(mine[0].reason));
      },
      { setError: () => undefined, current },
    );
  }, [transactionIds, givenReason, i18n.language, beginFlags]);

  useEffect(() => {
    api.getSettings().then(
      (s) => setDefaultJurisdiction(s.default_jurisdiction),
      () => undefined,
    );
  }, []);
  const usBankTransfer = instrument === "bank_transfer" && (jurisdiction || defaultJurisdiction) === "us";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await runAction(async () => {
      const view = await api.openCase({
        transaction_ids: transactionIds,
        reason,
        jurisdiction: jurisdiction || null,
        instrument: instrument || null,
        statement_date: statementDate || null,
        details: {
          delivered_on: deliveredOn || null,
          reported_on: reportedOn || null,
          police_report: policeReport.trim() || null,
          bank_name: bankName.trim() || null,
          region: jurisdiction === "uk" || jurisdiction === "eu" ? region || null : null,
          complaint_body: jurisdiction === "cn" ? complaintBody || null : null,
          transfer: usBankTransfer ? transfer || null : null,
        },
      });
      onOpened(view.id);
    }, { setBusy, setError });
  }

  return (
    <section className="screen open-case" aria-labelledby={`${id}-title`}>
      <header className="screen-header">
        <h1 id={`${id}-title`}>{t("cases.open.title")}</h1>
        <span className="muted">{t("cases.open.count", { count: transactionIds.length })}</span>
      </header>
      {flags.length > 0 && (
        <ul className="card flag-list" aria-label={t("cases.open.found")}>
          {flags.map((f) => (
            <li key={f.id}>
              <strong>{f.merchant}</strong> · {formatDate(f.date)} — {f.explanation}
            </li>
          ))}
        </ul>
      )}
      <form className="card form-grid" onSubmit={submit}>
        <label htmlFor={`${id}-reason`}>{t("cases.reasonLabel")}</label>
        <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as Reason)} data-testid="case-open-reason">
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`cases.reason.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-jur`}>{t("cases.jurisdictionLabel")}</label>
        <select id={`${id}-jur`} value={jurisdiction} onChange={(e) => {
          setJurisdiction(e.target.value as Jurisdiction | "");
          // A UK nation is not an EU country: the region belongs to one jurisdiction.
          setRegion("");
        }}>
          <option value="">{t("cases.open.defaultJurisdiction")}</option>
          {JURISDICTIONS.map((j) => (
            <option key={j} value={j}>
              {t(`cases.jurisdiction.${j}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-inst`}>{t("cases.instrumentLabel")}</label>
        <select id={`${id}-inst`} value={instrument} onChange={(e) => setInstrument(e.target.value as Instrument | "")}>
          <option value="">{t("cases.open.defaultInstrument")}</option>
          {INSTRUMENTS.map((x) => (
            <option key={x} value={x}>
              {t(`cases.instrument.${x}`)}
            </option>
          ))}
        </select>
        {usBankTransfer && (
          <>
            <label htmlFor={`${id}-transfer`}>{t("cases.open.transfer")}</label>
            <div>
              <select id={`${id}-transfer`} value={transfer} onChange={(e) => setTransfer(e.target.value as TransferKind | "")} aria-describedby={`${id}-transfer-note`} data-testid="case-open-transfer">
                <option value="">{t("cases.open.transferUnknown")}</option>
                <option value="ach">{t("cases.open.transferAch")}</option>
                <option value="wire">{t("cases.open.transferWire")}</option>
              </select>
              <p id={`${id}-transfer-note`} className="muted small">
                {t("cases.open.transferNote")}
              </p>
            </div>
          </>
        )}
        <label htmlFor={`${id}-stmt`}>{t("cases.open.statementDate")}</label>
        <div>
          <input id={`${id}-stmt`} type="date" value={statementDate} onChange={(e) => setStatementDate(e.target.value)} aria-describedby={`${id}-stmt-note`} />
          <p id={`${id}-stmt-note`} className="muted small">
            {t("cases.open.statementNote")}
          </p>
        </div>
        <fieldset className="span case-details">
          <legend>{t("cases.open.detailsTitle")}</legend>
          <div className="form-grid">
            <label htmlFor={`${id}-delivered`}>{t("cases.open.deliveredOn")}</label>
            <input id={`${id}-delivered`} type="date" value={deliveredOn} onChange={(e) => setDeliveredOn(e.target.value)} />
            <label htmlFor={`${id}-reported`}>{t("cases.open.reportedOn")}</label>
            <input id={`${id}-reported`} type="date" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} />
            <label htmlFor={`${id}-police`}>{t("cases.open.policeReport")}</label>
            <input id={`${id}-police`} type="text" value={policeReport} onChange={(e) => setPoliceReport(e.target.value)} />
            <label htmlFor={`${id}-bank`}>{t("cases.open.bankName")}</label>
            <input id={`${id}-bank`} type="text" value={bankName} onChange={(e) => setBankName(e.target.value)} />
            {jurisdiction === "uk" && (
              <>
                <label htmlFor={`${id}-region`}>{t("cases.open.region")}</label>
                <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value)}>
                  <option value="">{t("cases.open.regionDefault")}</option>
                  <option value="scotland">{t("cases.open.regionScotland")}</option>
                  <option value="northern_ireland">{t("cases.open.regionNorthernIreland")}</option>
                </select>
              </>
            )}
            {jurisdiction === "eu" && (
              <>
                <label htmlFor={`${id}-region`}>{t("cases.open.euCountry")}</label>
                <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value)}>
                  <option value="">{t("cases.open.euCountryUnknown")}</option>
                  {EU_COUNTRIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`cases.open.euCountries.${c}`)}
                    </option>
                  ))}
                </select>
              </>
            )}
            {jurisdiction === "cn" && (
              <>
                <label htmlFor={`${id}-body`}>{t("cases.open.complaintBody")}</label>
                <select id={`${id}-body`} value={complaintBody} onChange={(e) => setComplaintBody(e.target.value as ComplaintBody | "")}>
                  <option value="">{t("cases.open.bodyDefault")}</option>
                  <option value="12315">{t("cases.open.body12315")}</option>
                  <option value="consumer_association">{t("cases.open.bodyConsumerAssociation")}</option>
                  <option value="regulator">{t("cases.open.bodyRegulator")}</option>
                </select>
              </>
            )}
          </div>
        </fieldset>
        {error && <ErrorPanel error={error} onClose={() => setError(null)} />}
        <div className="actions span">
          <button type="submit" className="primary" disabled={busy || transactionIds.length === 0} data-testid="case-open-submit">
            {t("cases.open.submit")}
          </button>
          <button type="button" onClick={onCancel}>
            {t("cases.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
