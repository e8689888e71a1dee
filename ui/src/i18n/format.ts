// Locale-aware formatting of money, dates and numbers.
import i18n from "i18next";

function locale(): string {
  return i18n.language === "zh-CN" ? "zh-CN" : "en-US";
}

/**
 * Formats a decimal amount string ("-4.38") in its currency for the current language. The
 * string goes to Intl as it is: it formats a decimal string exactly (Intl.NumberFormat v3),
 * so no amount passes through floating point.
 */
export function formatMoney(amount: string, currency: string): string {
  // ES2021's typings accept only numbers; the engines take the string.
  const value = amount as unknown as number;
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * Formats an ISO date (YYYY-MM-DD) for the current language, without shifting time zones.
 * `compact` is for table columns: all digits in Chinese ("2026/10/12" rather than
 * "2026年10月12日", which does not fit a date column).
 */
export function formatDate(iso: string, { compact = false } = {}): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  const month = compact && locale() === "zh-CN" ? "2-digit" : "short";
  const day = month === "2-digit" ? "2-digit" : "numeric";
  return new Intl.DateTimeFormat(locale(), { year: "numeric", month, day, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}
