// Month labels and period arithmetic for the insights screen, on "YYYY-MM" strings so no time
// zone can move a month.

export function localeOf(language: string): string {
  return language.startsWith("zh") ? "zh-CN" : "en-US";
}

/** "2026-03" → "Mar 2026" / "2026年3月". */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The first day of the month `back` months before "YYYY-MM", as an ISO date. */
export function monthsBefore(month: string, back: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) - back;
  const year = Math.floor(index / 12);
  const mon = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(mon).padStart(2, "0")}-01`;
}

/** The last day of "YYYY-MM", as an ISO date. */
export function endOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}
