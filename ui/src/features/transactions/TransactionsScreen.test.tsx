import { describe, it, expect, beforeAll } from "vitest";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import "../../i18n";
import { TransactionsScreen } from "./TransactionsScreen";
import type { Transaction } from "../../ipc/api";

// Counts React commits of the screen through the DOM: a render loop keeps mutating it.
let mutations = 0;
const observer = new MutationObserver((list) => (mutations += list.length));
function rendersSoFar() {
  observer.takeRecords();
  return mutations;
}

function tx(id: number, description: string, amount: string): Transaction {
  return {
    id,
    account: "chase",
    date: "2024-04-12",
    time: null,
    posted_date: null,
    description,
    merchant: description,
    amount,
    amount_minor: Math.round(Number(amount) * 100),
    currency: "USD",
    status: "booked",
    source_file: "chase.csv",
    source_sheet: null,
    source_line: id + 1,
    batch_id: 1,
    flagged: id === 2,
  };
}

beforeAll(() => {
  // jsdom has no layout: give the scrolling body a size so the virtualiser renders rows.
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => 1000 });
  HTMLElement.prototype.getBoundingClientRect = () => ({ width: 1000, height: 600, top: 0, left: 0, right: 1000, bottom: 600, x: 0, y: 0, toJSON: () => ({}) });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

describe("TransactionsScreen", () => {
  it("pages rows from the backend with provenance, and settles", async () => {
    const calls: Record<string, number> = {};
    const rows = [tx(1, "PHILZ COFFEE", "-4.38"), tx(2, "PHILZ COFFEE", "-4.38"), tx(3, "PAYMENT", "100.00")];
    mockIPC((cmd, args) => {
      calls[cmd] = (calls[cmd] ?? 0) + 1;
      if (cmd === "totals") return [{ currency: "USD", count: 3, sum: "91.24", sum_minor: 9124 }];
      if (cmd === "transactions_page") {
        const { offset, limit } = args as { offset: number; limit: number };
        return { offset, rows: rows.slice(offset, offset + limit) };
      }
      if (cmd === "accounts") return [{ id: 1, name: "chase", has_profile: false }];
      return null;
    });
    const { container } = render(<TransactionsScreen onNavigate={() => undefined} />);
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(3));
    expect(screen.getByTitle("chase.csv:3").textContent).toBe("\u200echase.csv:3\u200e");
    expect(screen.getByTestId("tx-count").textContent).toMatch(/3 transactions/);
    // The first rows on screen are the app's first screen: reported once, for start-up timing.
    await waitFor(() => expect(calls["first_screen_shown"]).toBe(1));
    const settled = { ...calls };
    const renders = rendersSoFar();
    await new Promise((r) => setTimeout(r, 500));
    // No render loop: nothing is fetched again once the rows are on screen.
    expect(calls).toEqual(settled);
    expect(calls["transactions_page"]).toBe(1);
    expect(rendersSoFar() - renders).toBeLessThan(5);
  });

  it("filters by a range of charges and by a merchant clicked in the list", async () => {
    const filters: Record<string, unknown>[] = [];
    const rows = [tx(1, "PHILZ COFFEE", "-4.38"), tx(2, "WHOLE FOODS", "-56.10")];
    mockIPC((cmd, args) => {
      if (cmd === "totals") return [{ currency: "USD", count: 2, sum: "-60.48", sum_minor: -6048 }];
      if (cmd === "transactions_page") {
        filters.push((args as { filter: Record<string, unknown> }).filter);
        return { offset: 0, rows };
      }
      if (cmd === "accounts") return [];
      return null;
    });
    render(<TransactionsScreen onNavigate={() => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(2));
    fireEvent.change(screen.getByTestId("tx-charge-from"), { target: { value: "10" } });
    fireEvent.change(screen.getByTestId("tx-charge-to"), { target: { value: "100" } });
    // Charges are money out: 10 to 100 means amounts from -100 to -10.
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ min_amount: "-100", max_amount: "-10" }));
    fireEvent.change(screen.getByTestId("tx-charge-to"), { target: { value: "abc" } });
    expect(screen.getByTestId("tx-charge-to").getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "WHOLE FOODS" }));
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ merchant: "WHOLE FOODS" }));
    expect(screen.getByTestId("tx-merchant-chip").textContent).toMatch(/WHOLE FOODS/);
  });

  it("shows the rows of the search typed last, even when the search before answers after it", async () => {
    // The unfiltered table answers at once; a search for "philz" is held until released; the
    // search for "whole" answers at once.
    const held: (() => void)[] = [];
    const all = [tx(1, "PHILZ COFFEE", "-4.38"), tx(2, "WHOLE FOODS", "-56.10"), tx(3, "PAYMENT", "100.00")];
    const matching = (search: string | null) => all.filter((r) => !search || r.description.toLowerCase().includes(search));
    const later = <T,>(search: string | null, value: T) => (search === "philz" ? new Promise<T>((answer) => held.push(() => answer(value))) : value);
    mockIPC((cmd, args) => {
      const search = (args as { filter?: { search: string | null } } | undefined)?.filter?.search ?? null;
      const rows = matching(search);
      if (cmd === "totals") return later(search, [{ currency: "USD", count: rows.length, sum: "0.00", sum_minor: 0 }]);
      if (cmd === "transactions_page") return later(search, { offset: 0, rows });
      if (cmd === "accounts") return [];
      return null;
    });
    render(<TransactionsScreen onNavigate={() => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(3));
    fireEvent.change(screen.getByTestId("tx-search"), { target: { value: "philz" } });
    await waitFor(() => expect(held).toHaveLength(2));
    fireEvent.change(screen.getByTestId("tx-search"), { target: { value: "whole" } });
    await waitFor(() => expect(screen.getByTestId("tx-count").textContent).toMatch(/1 transaction/));
    await waitFor(() => expect(screen.getAllByTestId("tx-row").map((r) => r.textContent)).toEqual([expect.stringContaining("WHOLE FOODS")]));

    await act(async () => held.forEach((answer) => answer()));
    expect(screen.getAllByTestId("tx-row").map((r) => r.textContent)).toEqual([expect.stringContaining("WHOLE FOODS")]);
    expect(screen.getByTestId("tx-count").textContent).toMatch(/1 transaction/);
  });
});
