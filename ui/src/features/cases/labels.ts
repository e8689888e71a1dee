// Small helpers shared by the case and letter screens: picking the language of core's bilingual
// texts, today's date, and the dispute reason a detection flag suggests.
import type { Bilingual, FlagReason, Jurisdiction, Instrument, Lang, Reason, Step } from "../../ipc/api";

export const REASONS: Reason[] = [
  "double_charge",
  "not_authorised",
  "not_received",
  "cancelled_subscription",
  "wrong_amount",
  "refund_not_credited",
  "faulty_goods",
];
export const JURISDICTIONS: Jurisdiction[] = ["us", "uk", "eu", "cn"];
export const INSTRUMENTS: Instrument[] = ["credit_card", "debit_card", "payment_platform", "bank_transfer"];
export const STEPS: Step[] = ["merchant", "bank", "association", "court"];

export function isChinese(lang: string): boolean {
  return lang.toLowerCase().startsWith("zh");
}

/** The language the backend writes in for the UI's language (i18next's code, e.g. "zh-CN"). */
export function langOf(uiLanguage: string): Lang {
  return isChinese(uiLanguage) ? "zh-CN" : "en";
}

/** Core's texts come in both languages; show the one the UI speaks. */
export function pick(text: Bilingual, lang: string): string {
  return isChinese(lang) ? text.zh : text.en;
}

export function pickPair(en: string, zh: string, lang: string): string {
  return isChinese(lang) ? zh : en;
}

/** Today as YYYY-MM-DD in local time (what a user means by "today"). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The dispute reason a detection flag suggests (the user can change it before opening). */
export function reasonForFlag(flagReason: FlagReason): Reason {
  switch (flagReason) {
    case "double_charge":
    case "subscription_billed_twice":
      return "double_charge";
    case "price_increase":
    case "amount_outlier":
      return "wrong_amount";
    default:
      // Card testing, a large charge at a new merchant, an unexpected foreign charge.
      return "not_authorised";
  }
}
