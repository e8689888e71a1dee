import { describe, it, expect, beforeEach } from "vitest";
import { act, render, screen } from "@testing-library/react";
import i18n from "../i18n";
import { ErrorPanel } from "./ErrorPanel";
import type { AppError } from "../ipc/api";

// What the backend sends for a date it cannot read (crates/app: import_error).
const badDate: AppError = {
  code: "import",
  message: "bad.csv: line 30: cannot read date '31/31/2024' (expected a date like 05/01/2024 (%d/%m/%Y), day before month as in the rest of the column)",
  detail: {
    key: "import.bad_date_day_first",
    args: { file: "bad.csv", line: "30", value: "31/31/2024", example: "05/01/2024", format: "%d/%m/%Y" },
  },
};

describe("ErrorPanel", () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage("en"));
  });

  it("shows the backend's sentence in English", () => {
    render(<ErrorPanel error={badDate} />);
    expect(screen.getByRole("alert").textContent).toContain(badDate.message);
  });

  it("words a known error in Chinese, with the file, line and value", async () => {
    await act(() => i18n.changeLanguage("zh-CN"));
    render(<ErrorPanel error={badDate} />);
    const text = screen.getByRole("alert").textContent ?? "";
    expect(text).toContain("bad.csv 第 30 行：无法识别日期“31/31/2024”");
    expect(text).toContain("日在月之前");
    expect(text).not.toContain("cannot read");
  });

  it("falls back to the backend's sentence for an error without a translation", async () => {
    await act(() => i18n.changeLanguage("zh-CN"));
    const other: AppError = { code: "io", message: "x.csv: cannot read the file: permission denied" };
    render(<ErrorPanel error={other} />);
    expect(screen.getByRole("alert").textContent).toContain(other.message);
    const unknownKey: AppError = { ...other, detail: { key: "import.no_such_kind", args: {} } };
    render(<ErrorPanel error={unknownKey} />);
    expect(screen.getAllByRole("alert")[1].textContent).toContain(other.message);
  });
});
