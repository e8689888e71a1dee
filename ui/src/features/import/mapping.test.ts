import { describe, expect, it } from "vitest";
import type { Profile } from "../../ipc/api";
import { assignRole, defaultAccountName, minorToDecimal, readableDateFormat, roleOf } from "./mapping";

const base: Profile = {
  encoding: "UTF-8",
  delimiter: ",",
  header_line: 1,
  date_format: "%Y-%m-%d",
  columns: { date: 0, description: 1, amount: 2 },
  sign: "negative-is-debit",
  currency: null,
};

describe("column mapping", () => {
  it("reads each column's role, unmapped columns are ignored", () => {
    expect([0, 1, 2, 3].map((i) => roleOf(base, i))).toEqual(["date", "description", "amount", "ignore"]);
  });

  it("moves a role to its new column and clears the column's old role", () => {
    const p = assignRole(base, 1, "date");
    expect(p.columns).toEqual({ date: 1, amount: 2 });
    expect(roleOf(p, 0)).toBe("ignore");
  });

  it("ignoring a column removes its role only", () => {
    expect(assignRole(base, 2, "ignore").columns).toEqual({ date: 0, description: 1 });
  });

  it("debit/credit and direction columns switch the sign convention, and back", () => {
    const dc = assignRole(assignRole(base, 2, "debit"), 3, "credit");
    expect(dc.sign).toBe("debit-credit-columns");
    expect(dc.columns).toEqual({ date: 0, description: 1, debit: 2, credit: 3 });
    const back = assignRole(assignRole(dc, 2, "amount"), 3, "ignore");
    expect(back.sign).toBe("negative-is-debit");
    expect(assignRole(base, 3, "direction").sign).toBe("direction-column");
  });

  it("shows formats and amounts as people read them", () => {
    expect(readableDateFormat("%d/%m/%Y %H:%M")).toBe("DD/MM/YYYY hh:mm");
    expect(minorToDecimal(-438, "USD")).toBe("-4.38");
    expect(minorToDecimal(5, "EUR")).toBe("0.05");
    expect(minorToDecimal(-1200, "JPY")).toBe("-1200");
    expect(defaultAccountName({ account: null, preset: null })).toBe("default");
    expect(defaultAccountName({ account: null, preset: "chase" })).toBe("chase");
    expect(defaultAccountName({ account: "DE89370400440532013000", preset: null })).toBe("DE89370400440532013000");
  });
});
