import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Account, type MerchantSpend, type MonthSpend, type RecurringCharge } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { useLoad } from "../../components/useLoad";
import { formatDate, formatMoney, formatNumber } from "../../i18n/format";
import { SpendingChart } from "./SpendingChart";
import { endOfMonth, formatMonth, localeOf, monthsBefore } from "./format";

type Period = "3" | "12" | "all";
const TOP_MERCHANTS = 10;

/** The currency with the most money out: the one most users mean by "my spending". */
function mainCurrency(months: MonthSpend[]): string | null {
  const totals = new Map<string, bigint>();
  for (const m of months) totals.set(m.currency, (totals.get(m.currency) ?? 0n) + BigInt(m.spent_minor));
  let best: string | null = null;
  for (const [c, v] of totals) if (best === null || v > (totals.get(best) ?? 0n)) best = c;
  return best;
}

export function InsightsScreen() {
  const { t } = useTranslation();
  const [account, setAccount] = useState("");
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>("12");
  const acc = account || null;
  // Another account chosen while the last one's figures load: only the latest are shown.
  const accountsLoad = useLoad(() => api.accounts(), [], [] as Account[]);
  const monthsLoad = useLoad(() => api.monthlySpending(acc), [acc], null as MonthSpend[] | null);
  const recurringLoad = useLoad(() => api.recurringCharges(acc), [acc], [] as RecurringCharge[]);
  const accounts = accountsLoad.data;
  const months = monthsLoad.data;
  const recurring = recurringLoad.data;

  const currencies = useMemo(() => [...new Set((months ?? []).map((m) => m.currency))].sort(), [months]);
  // The currency chosen, while the figures have it; else the main one.
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : mainCurrency(months ?? []);
  // Periods end at the latest month with data, so an old statement still shows its figures.
  const lastMonth = months && months.length > 0 ? months[months.length - 1].month : null;
  const merchantsLoad = useLoad(
    async () => {
      if (!lastMonth) return [];
      const from = period === "all" ? null : monthsBefore(lastMonth, Number(period) - 1);
      return api.topMerchants({ account: acc, from, to: endOfMonth(lastMonth), limit: TOP_MERCHANTS });
    },
    [acc, period, lastMonth],
    [] as MerchantSpend[],
  );
  const merchants = merchantsLoad.data;

  const loads = [accountsLoad, monthsLoad, recurringLoad, merchantsLoad];
  const error = loads.find((l) => l.error)?.error ?? null;
  const closeError = () => loads.forEach((l) => l.clearError());

  const empty = months !== null && months.length === 0;
  return (
    <section className="screen insights" aria-labelledby="insights-title">
      <header className="screen-header">
        <h1 id="insights-title">{t("insights.title")}</h1>
        <div className="filters">
          <select aria-label={t("insights.account")} value={account} onChange={(e) => setAccount(e.target.value)} data-testid="insights-account">
            <option value="">{t("insights.allAccounts")}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      </header>
      {error && <ErrorPanel error={error} onClose={closeError} />}
      {empty ? (
        <div className="empty" data-testid="insights-empty">
          <p>{t("insights.empty")}</p>
        </div>
      ) : (
        <>
          <div className="card">
            <div className="card-head">
              <h2>{t("insights.monthly")}</h2>
              {currencies.length > 1 && (
                <select aria-label={t("insights.currency")} value={currency ?? ""} onChange={(e) => setCurrency(e.target.value)} data-testid="insights-currency">
                  {currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              )}
            </div>
            {months && currency && <SpendingChart months={months} currency={currency} />}
            {months && currency && <MonthTable months={months.filter((m) => m.currency === currency)} />}
          </div>
          <div className="insights-columns">
            <div className="card">
              <div className="card-head">
                <h2>{t("insights.topMerchants")}</h2>
                <select aria-label={t("insights.period")} value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="insights-period">
                  <option value="3">{t("insights.last3")}</option>
                  <option value="12">{t("insights.last12")}</option>
                  <option value="all">{t("insights.allTime")}</option>
                </select>
              </div>
              <MerchantTable merchants={merchants} />
            </div>
            <div className="card">
              <h2>{t("insights.recurring")}</h2>
              <RecurringList charges={recurring} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** The chart's figures as text: exact amounts, and money in beside money out. */
function MonthTable({ months }: { months: MonthSpend[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <details className="month-table">
      <summary>{t("insights.showTable")}</summary>
      <table className="simple-table" data-testid="insights-months">
        <thead>
          <tr>
            <th>{t("insights.month")}</th>
            <th className="num">{t("insights.spent")}</th>
            <th className="num">{t("insights.received")}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={`${m.month}-${m.currency}`} data-testid="insights-month">
              <td>{formatMonth(m.month, locale)}</td>
              <td className="num">{formatMoney(m.spent, m.currency)}</td>
              <td className="num in">{formatMoney(m.received, m.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function MerchantTable({ merchants }: { merchants: MerchantSpend[] }) {
  const { t } = useTranslation();
  if (merchants.length === 0) return <p className="muted">{t("insights.noMerchants")}</p>;
  return (
    <table className="simple-table" data-testid="insights-merchants">
      <thead>
        <tr>
          <th>{t("insights.merchant")}</th>
          <th className="num">{t("insights.charges")}</th>
          <th className="num">{t("insights.spent")}</th>
        </tr>
      </thead>
      <tbody>
        {merchants.map((m) => (
          <tr key={`${m.merchant}-${m.currency}`} data-testid="insights-merchant">
            <td>{m.merchant}</td>
            <td className="num">{formatNumber(m.count)}</td>
            <td className="num">{formatMoney(m.spent, m.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function periodLabel(days: number, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const named: Record<number, string> = { 7: "weekly", 14: "fortnightly", 30: "monthly", 91: "quarterly", 365: "yearly" };
  return named[days] ? t(`insights.period_${named[days]}`) : t("insights.everyDays", { count: days });
}

function RecurringList({ charges }: { charges: RecurringCharge[] }) {
  const { t } = useTranslation();
  if (charges.length === 0) return <p className="muted">{t("insights.noRecurring")}</p>;
  return (
    <ul className="recurring-list" data-testid="insights-recurring">
      {charges.map((r) => (
        <li key={`${r.account}-${r.merchant}-${r.currency}`} className="recurring" data-testid="insights-recurring-row">
          <div className="recurring-head">
            <strong className="merchant">{r.merchant}</strong>
            <span className="num">{formatMoney(r.usual_amount, r.currency)}</span>
          </div>
          <div className="muted recurring-meta">
            <span>{periodLabel(r.period_days, t)}</span>
            <span>·</span>
            <span data-testid="insights-next">{t("insights.next", { date: formatDate(r.next_expected) })}</span>
            <span>·</span>
            <span>{r.account}</span>
          </div>
          {r.price_history.length > 1 && (
            <ol className="price-history" aria-label={t("insights.priceHistory")}>
              {r.price_history.map((p, i) => {
                const prev = r.price_history[i - 1];
                const dir = prev ? (p.amount_minor > prev.amount_minor ? "up" : "down") : "";
                return (
                  <li key={p.date} className={dir}>
                    {formatDate(p.date)}: {formatMoney(p.amount, r.currency)}
                  </li>
                );
              })}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}
