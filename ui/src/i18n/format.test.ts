import { describe, it, expect, afterEach } from "vitest";
import i18n from ".";
import { formatDate, formatMoney } from "./format";

describe("formatDate", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("writes dates the way each language does, never shifting the day", async () => {
    await i18n.changeLanguage("en");
    expect(formatDate("2026-10-12")).toBe("Oct 12, 2026");
    expect(formatDate("2026-01-01", { compact: true })).toBe("Jan 1, 2026");
    await i18n.changeLanguage("zh-CN");
    expect(formatDate("2026-10-12")).toBe("2026年10月12日");
  });

  it("keeps a table's Chinese dates short enough for the column", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(formatDate("2026-10-12", { compact: true })).toBe("2026/10/12");
  });

  it("shows text that is not a date as it is", () => {
    expect(formatDate("not a date")).toBe("not a date");
  });
});

describe("formatMoney", () => {
  it("formats the decimal string exactly, beyond what a float holds", async () => {
    await i18n.changeLanguage("en");
    expect(formatMoney("-4.38", "USD")).toBe("-$4.38");
    // 2^53 + 1 cents: a float would print …992.00 or …993.00 wrongly rounded.
    expect(formatMoney("90071992547409.93", "USD")).toBe("$90,071,992,547,409.93");
    await i18n.changeLanguage("zh-CN");
    expect(formatMoney("12.50", "CNY")).toBe("¥12.50");
  });
});
