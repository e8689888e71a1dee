// The statements and previews the import screen's tests answer with.
import type { Preview, Profile } from "../../ipc/api";

export const PATH = "/home/ada/statements/odd-bank.csv";

export function profile(columns: Profile["columns"]): Profile {
  return { encoding: "UTF-8", delimiter: ",", header_line: 1, date_format: "%d/%m/%Y", columns, sign: "negative-is-debit", currency: "GBP" };
}

/**
 * The preview the backend would give for `p`: rows parsed with the amount column p chose. A
 * confident detection here also knows the account (the file states it); `account` overrides.
 */
export function previewFor(p: Profile, confident: boolean, account: string | null = confident ? "GB33BUKB20201555555555" : null): Preview {
  const amountCol = p.columns.amount ?? 2;
  const sample = [
    ["05/01/2024", "TESCO STORES", "-12.50", "999.00"],
    ["06/01/2024", "NETFLIX", "-9.99", "989.01"],
  ];
  return {
    detected: {
      encoding: "utf-8",
      delimiter: ",",
      header_line: 1,
      preset: null,
      date_format: "%d/%m/%Y",
      columns: {},
      sign: "negative-is-debit",
      profile: p,
      confident,
      currency_source: confident ? "column" : "default",
      format: "csv",
      format_version: null,
      sheet: null,
      account,
    },
    header: ["Date", "Details", "Amount", "Balance"],
    sample,
    rows: sample.map((r, i) => ({
      line: i + 2,
      date: `2024-01-0${5 + i}`,
      description: r[1],
      amount: Math.round(Number(r[amountCol]) * 100),
      currency: "GBP",
    })),
    error: null,
  };
}
