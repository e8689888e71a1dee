// Locale-aware formatting of money, dates and numbers.
import i18n from "i18next";

function locale(): string {
  return i18n.language === "zh-CN" ? "zh-CN" : "en-US";
}

/** Formats a decimal amount string ("-4.38") in its currency for the current language. */
export function formatMoney(amount: string, currency: string): string {
  const value = Number(amount);
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Formats an ISO date (YYYY-MM-DD) for the current language, without shifting time zones. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale(), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}
