import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MonthSpend } from "../../ipc/api";
import { formatMoney } from "../../i18n/format";
import { formatMonth, localeOf } from "./format";

type Point = { month: string; spent: number; row: MonthSpend };

/** Spending per month in one currency, as bars. Bar heights are plotted from the decimal
 * strings as numbers (display only); every figure shown in text comes from the strings. */
export function SpendingChart({ months, currency }: { months: MonthSpend[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const data: Point[] = months.filter((m) => m.currency === currency).map((m) => ({ month: m.month, spent: Number(m.spent), row: m }));
  const axis = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
  return (
    <div className="chart" data-testid="insights-chart">
      <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 640, height: 260 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer>
          <CartesianGrid vertical={false} stroke="var(--line)" />
          <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(m, locale)} stroke="var(--muted)" tickLine={false} />
          <YAxis tickFormatter={(v: number) => axis.format(v)} stroke="var(--muted)" width={72} axisLine={false} tickLine={false} />
          <Tooltip
            cursor={{ fill: "color-mix(in srgb, var(--accent) 10%, transparent)" }}
            contentStyle={{ background: "var(--panel)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--text)" }}
            labelFormatter={(m) => formatMonth(String(m), locale)}
            formatter={(_v, _name, item) => {
              const row = (item.payload as Point).row;
              return [formatMoney(row.spent, row.currency), t("insights.spent")];
            }}
          />
          <Bar dataKey="spent" name={t("insights.spent")} fill="var(--accent)" radius={[4, 4, 0, 0]} maxBarSize={48} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
