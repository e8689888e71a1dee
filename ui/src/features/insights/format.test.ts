import { describe, expect, it } from "vitest";
import { endOfMonth, formatMonth, monthsBefore } from "./format";

describe("insights month arithmetic", () => {
  it("counts back across year ends", () => {
    expect(monthsBefore("2026-06", 11)).toBe("2025-07-01");
    expect(monthsBefore("2026-01", 1)).toBe("2025-12-01");
    expect(monthsBefore("2026-03", 0)).toBe("2026-03-01");
  });
  it("knows the last day of each month, leap years included", () => {
    expect(endOfMonth("2024-02")).toBe("2024-02-29");
    expect(endOfMonth("2026-02")).toBe("2026-02-28");
    expect(endOfMonth("2026-12")).toBe("2026-12-31");
  });
  it("labels months in the UI language", () => {
    expect(formatMonth("2026-04", "en-US")).toBe("Apr 2026");
    expect(formatMonth("2026-04", "zh-CN")).toBe("2026年4月");
    expect(formatMonth("garbage", "en-US")).toBe("garbage");
  });
});
