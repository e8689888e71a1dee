import { describe, expect, it, beforeAll, beforeEach } from "vitest";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import i18n from "../../i18n";
import type { MerchantSpend, MonthSpend, RecurringCharge } from "../../ipc/api";
import { InsightsScreen } from "./InsightsScreen";

// Recharts measures its container: jsdom has no layout, so give it a ResizeObserver that
// reports a fixed size.
beforeAll(() => {
  class FixedResizeObserver {
    constructor(private cb: ResizeObserverCallback) {}
    observe(target: Element) {
      this.cb([{ target, contentRect: { width: 640, height: 260 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = FixedResizeObserver as unknown as typeof ResizeObserver;
});

const month = (m: string, currency: string, spent: string, received: string): MonthSpend => ({
  month: m,
  currency,
  spent,
  spent_minor: Math.round(Number(spent) * 100),
  received,
  received_minor: Math.round(Number(received) * 100),
});

const MONTHS = [
  month("2026-04", "USD", "142.99", "2000.00"),
  month("2026-05", "USD", "210.40", "2000.00"),
  month("2026-05", "EUR", "12.00", "0.00"),
  month("2026-06", "USD", "145.49", "2000.00"),
];

const MERCHANTS: MerchantSpend[] = [
  { merchant: "Safeway", currency: "USD", count: 8, spent: "510.00", spent_minor: 51000 },
  { merchant: "Netflix", currency: "USD", count: 4, spent: "64.46", spent_minor: 6446 },
];

const RECURRING: RecurringCharge[] = [
  {
    account: "checking",
    merchant: "Netflix",
    currency: "USD",
    period_days: 30,
    usual_amount: "17.99",
    usual_amount_minor: 1799,
    last_date: "2026-06-03",
    next_expected: "2026-07-03",
    price_history: [
      { date: "2026-01-03", amount: "15.49", amount_minor: 1549 },
      { date: "2026-06-03", amount: "17.99", amount_minor: 1799 },
    ],
    transaction_ids: [1, 2, 3, 4, 5, 6],
  },
];

function backend(months = MONTHS) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "accounts":
        return [{ id: 1, name: "checking", has_profile: false }];
      case "monthly_spending":
        return months;
      case "top_merchants":
        return months.length ? MERCHANTS : [];
      case "recurring_charges":
        return months.length ? RECURRING : [];
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return calls;
}

describe("InsightsScreen", () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage("en"));
  });

  it("charts the main currency's months and lists top merchants and recurring charges", async () => {
    const calls = backend();
    const { container } = render(
      <div style={{ width: 800, height: 600 }}>
        <InsightsScreen />
      </div>,
    );
    // The main currency is the one with the most spending; the chart's axis shows its months.
    await waitFor(() => expect(container.querySelectorAll(".recharts-bar-rectangle").length).toBe(3));
    const chart = screen.getByTestId("insights-chart");
    const ticks = () => [...chart.querySelectorAll(".recharts-xAxis-tick-labels text")].map((t) => t.textContent);
    await waitFor(() => expect(ticks()).toEqual(["Apr 2026", "May 2026", "Jun 2026"]));
    const yTicks = [...chart.querySelectorAll(".recharts-yAxis-tick-labels text")].map((t) => t.textContent);
    expect(yTicks).toContain("$0");
    const rows = screen.getAllByTestId("insights-month").map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([
      ["Apr 2026", "$142.99", "$2,000.00"],
      ["May 2026", "$210.40", "$2,000.00"],
      ["Jun 2026", "$145.49", "$2,000.00"],
    ]);

    const merchants = await screen.findAllByTestId("insights-merchant");
    expect(within(merchants[0]).getByText("Safeway")).toBeTruthy();
    expect(within(merchants[0]).getByText("$510.00")).toBeTruthy();
    // The default period is the twelve months up to the latest month with data.
    expect(calls.find((c) => c.cmd === "top_merchants")?.args).toEqual({ account: null, from: "2025-07-01", to: "2026-06-30", limit: 10 });

    const recurring = screen.getAllByTestId("insights-recurring-row");
    expect(recurring).toHaveLength(1);
    expect(recurring[0].textContent).toContain("Monthly");
    expect(recurring[0].textContent).toContain("next Jul 3, 2026");
    expect(recurring[0].textContent).toContain("Jan 3, 2026: $15.49");
    expect(recurring[0].textContent).toContain("Jun 3, 2026: $17.99");

    // Switching currency redraws the chart with that currency's months only.
    fireEvent.change(screen.getByTestId("insights-currency"), { target: { value: "EUR" } });
    await waitFor(() => expect(screen.getAllByTestId("insights-month")).toHaveLength(1));
    expect(screen.getByTestId("insights-month").textContent).toContain("€12.00");
  }, 30000);

  it("shows the empty state, in Chinese, when there is no spending", async () => {
    backend([]);
    await act(() => i18n.changeLanguage("zh-CN"));
    render(<InsightsScreen />);
    expect((await screen.findByTestId("insights-empty")).textContent).toContain("暂无支出");
  });

  it("shows the account chosen last, even when the figures of the one before arrive after it", async () => {
    // All accounts answer slowly (the test releases them); the checking account answers at once.
    const held: (() => void)[] = [];
    const slow = <T,>(value: T) => new Promise<T>((answer) => held.push(() => answer(value)));
    const checking = [month("2026-06", "USD", "33.00", "0.00")];
    const everything = [month("2026-06", "USD", "999.00", "0.00"), month("2026-05", "USD", "888.00", "0.00")];
    mockIPC((cmd, args) => {
      const account = (args as { account?: string | null } | undefined)?.account ?? null;
      switch (cmd) {
        case "accounts":
          return [{ id: 1, name: "checking", has_profile: false }];
        case "monthly_spending":
          return account ? checking : slow(everything);
        case "recurring_charges":
          return account ? [] : slow(RECURRING);
        case "top_merchants":
          return account ? [] : slow(MERCHANTS);
        default:
          throw new Error(`unexpected command ${cmd}`);
      }
    });
    render(<InsightsScreen />);
    const select = await screen.findByTestId("insights-account");
    await screen.findByRole("option", { name: "checking" });
    await waitFor(() => expect(held.length).toBe(2));
    fireEvent.change(select, { target: { value: "checking" } });
    await waitFor(() => expect(screen.getAllByTestId("insights-month")).toHaveLength(1));
    expect(screen.getByTestId("insights-month").textContent).toContain("$33.00");

    await act(async () => held.forEach((answer) => answer()));
    expect(screen.getAllByTestId("insights-month")).toHaveLength(1);
    expect(screen.getByTestId("insights-month").textContent).toContain("$33.00");
    expect(screen.queryAllByTestId("insights-recurring-row")).toHaveLength(0);
  });
});
