import { describe, expect, it, vi, beforeEach } from "vitest";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import i18n from "../../i18n";
import type { FlagReason, FlagView, Severity, Transaction } from "../../ipc/api";
import { ReviewScreen } from "./ReviewScreen";

function flag(id: number, severity: Severity, date: string, reason: FlagReason, merchant: string, related: number[] = []): FlagView {
  return {
    id,
    transaction_id: id * 10,
    kind: reason === "double_charge" ? "duplicate" : "unexpected",
    reason,
    severity,
    explanation: `EN ${merchant}`,
    explanation_en: `EN ${merchant}`,
    explanation_zh: `中文 ${merchant}`,
    related_transaction_ids: related,
    status: "open",
    merchant,
    date,
  };
}

function tx(id: number, merchant: string, amount: string): Transaction {
  return {
    id,
    account: "checking",
    date: "2026-06-03",
    time: null,
    posted_date: null,
    description: `${merchant.toUpperCase()} RAW`,
    merchant,
    amount,
    amount_minor: Math.round(Number(amount) * 100),
    currency: "USD",
    status: "booked",
    source_file: "june.csv",
    source_sheet: null,
    source_line: id,
    batch_id: 1,
    flagged: true,
  };
}

// Deliberately out of order: the inbox must put high before medium, newest first.
const FLAGS = [
  flag(1, "medium", "2026-06-10", "amount_outlier", "Safeway"),
  flag(2, "high", "2026-06-01", "double_charge", "Netflix", [21]),
  flag(3, "high", "2026-06-05", "card_testing", "Shady Shop"),
];

type Call = { cmd: string; args: Record<string, unknown> };

function backend(flags: FlagView[]) {
  const calls: Call[] = [];
  let open = [...flags];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "flags":
        return open.filter((f) => a.minSeverity === "low" || f.severity !== "low");
      case "transactions_by_ids":
        return (a.ids as number[]).map((id) => tx(id, id === 21 ? "Netflix (first)" : `Row ${id}`, "-15.49"));
      case "dismiss_flag":
        open = open.filter((f) => f.id !== a.flagId);
        return null;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return calls;
}

const merchants = () => screen.getAllByTestId("review-item").map((el) => el.querySelector(".merchant")?.textContent);

// Rendering is slow on a busy machine; the default 5 s is too tight.
vi.setConfig({ testTimeout: 30000 });

describe("ReviewScreen", () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage("en"));
  });

  it("lists open flags by severity, then newest first, with the explanation and related rows", async () => {
    const calls = backend(FLAGS);
    render(<ReviewScreen onDispute={() => undefined} />);
    await waitFor(() => expect(merchants()).toEqual(["Shady Shop", "Netflix", "Safeway"]));
    expect(calls.find((c) => c.cmd === "flags")?.args).toMatchObject({ minSeverity: "medium", status: "open" });
    expect(screen.getByTestId("review-explanation").textContent).toBe("EN Shady Shop");

    fireEvent.click(screen.getAllByTestId("review-item")[1]);
    await waitFor(() => expect(screen.getAllByTestId("review-tx")).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === "transactions_by_ids").at(-1)?.args).toEqual({ ids: [20, 21] });
    const first = within(screen.getAllByTestId("review-tx")[0]);
    expect(first.getByText("Flagged")).toBeTruthy();
    expect(first.getByText("ROW 20 RAW")).toBeTruthy();
    expect(first.getByText("june.csv:20")).toBeTruthy();
    expect(first.getByText("-$15.49")).toBeTruthy();
    expect(within(screen.getAllByTestId("review-tx")[1]).getByText("Netflix (first)")).toBeTruthy();
  });

  it("shows the explanation in Chinese when the language is zh-CN", async () => {
    backend(FLAGS);
    await act(() => i18n.changeLanguage("zh-CN"));
    render(<ReviewScreen onDispute={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId("review-explanation").textContent).toBe("中文 Shady Shop"));
    expect(screen.getByTestId("review-fine").textContent).toContain("没问题");
  });

  it("f dismisses the selected flag, t trusts its merchant, j moves down", async () => {
    const calls = backend(FLAGS);
    const onChanged = vi.fn();
    render(<ReviewScreen onDispute={() => undefined} onChanged={onChanged} />);
    await waitFor(() => expect(merchants()).toHaveLength(3));
    // The keyboard handler is live once an item is selected.
    await waitFor(() => expect(screen.getAllByTestId("review-item")[0].getAttribute("aria-selected")).toBe("true"));

    fireEvent.keyDown(window, { key: "f" });
    await waitFor(() => expect(merchants()).toEqual(["Netflix", "Safeway"]));
    expect(calls.filter((c) => c.cmd === "dismiss_flag").map((c) => c.args)).toEqual([{ flagId: 3, trustMerchant: false }]);
    expect(onChanged).toHaveBeenCalledTimes(1);

    fireEvent.keyDown(window, { key: "j" });
    await waitFor(() => expect(screen.getAllByTestId("review-item")[1].getAttribute("aria-selected")).toBe("true"));
    expect(document.activeElement).toBe(screen.getAllByTestId("review-item")[1]);
    fireEvent.keyDown(window, { key: "t" });
    await waitFor(() => expect(merchants()).toEqual(["Netflix"]));
    expect(calls.filter((c) => c.cmd === "dismiss_flag").map((c) => c.args)[1]).toEqual({ flagId: 1, trustMerchant: true });
  });

  it("d starts a dispute with the flagged row first and the mapped reason", async () => {
    backend(FLAGS);
    const onDispute = vi.fn();
    render(<ReviewScreen onDispute={onDispute} />);
    await waitFor(() => expect(merchants()).toHaveLength(3));
    fireEvent.keyDown(window, { key: "ArrowDown" });
    fireEvent.keyDown(window, { key: "d" });
    expect(onDispute).toHaveBeenCalledWith([20, 21], "double_charge");
  });

  it("ignores shortcuts typed into a form control", async () => {
    const calls = backend(FLAGS);
    render(<ReviewScreen onDispute={() => undefined} />);
    await waitFor(() => expect(merchants()).toHaveLength(3));
    fireEvent.keyDown(screen.getByTestId("review-include-low"), { key: "f" });
    expect(calls.some((c) => c.cmd === "dismiss_flag")).toBe(false);
  });

  it("shows the empty state when nothing is open, and asks for low flags on the toggle", async () => {
    const calls = backend([flag(9, "low", "2026-06-02", "foreign", "Paris Cafe")]);
    render(<ReviewScreen onDispute={() => undefined} />);
    expect((await screen.findByTestId("review-empty")).textContent).toContain("Nothing needs your attention");
    fireEvent.click(screen.getByTestId("review-include-low"));
    await waitFor(() => expect(merchants()).toEqual(["Paris Cafe"]));
    expect(calls.filter((c) => c.cmd === "flags").at(-1)?.args).toMatchObject({ minSeverity: "low" });
  });
});
