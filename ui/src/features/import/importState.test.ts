import { describe, expect, it } from "vitest";
import type { Profile } from "../../ipc/api";
import { previewFor, profile } from "./fixtures.test-data";
import { importReducer, initialImport, profileToSend, reviewOf, withProfile, type ImportAction, type ImportState } from "./importState";

const mapping = profile({ date: 0, description: 1, amount: 2 });
/** A preview whose currency came from the file ("column") or only from the default. */
const preview = (currency: "column" | "default", account: string | null, p: Profile = mapping) => previewFor(p, currency === "column", account);

const play = (from: ImportState, ...actions: ImportAction[]) => actions.reduce(importReducer, from);

describe("import screen state", () => {
  it("a new round forgets the last round's outcome but keeps the user's choice to check first", () => {
    const last = play(
      initialImport,
      { type: "checkFirst", on: true },
      { type: "error", error: { code: "import", message: "a.csv: line 3: no date" } },
      { type: "failedAt", path: "/a.csv" },
      { type: "notice", notice: "Batch 2 undone" },
      { type: "imported", reports: [{ file: "b.csv" } as never] },
    );
    const s = importReducer(last, { type: "started", total: 3 });
    expect(s.error).toBeNull();
    expect(s.failedPath).toBeNull();
    expect(s.notice).toBeNull();
    expect(s.reports).toEqual([]);
    expect(s.total).toBe(3);
    expect(s.checkFirst).toBe(true);
  });

  it("opens a file's preview with the files after it waiting, and asks for a currency taken from the default", () => {
    const s = play(initialImport, { type: "started", total: 3 }, { type: "reviewOpened", path: "/a.csv", preview: preview("default", null), pending: ["/b.csv", "/c.csv"] });
    expect(s.review?.path).toBe("/a.csv");
    expect(s.review?.currencyAsked).toBe(true);
    expect(s.review?.currencyAnswered).toBe(false);
    expect(s.pending).toEqual(["/b.csv", "/c.csv"]);
    // Until the user answers, the backend picks the currency.
    expect(profileToSend(s.review!).currency).toBeNull();
  });

  it("takes a typed currency as the answer, and other edits as not answering it", () => {
    const r = reviewOf("/a.csv", preview("default", null));
    const otherEdit = withProfile(r, { ...mapping, columns: { date: 0, description: 1, amount: 3 } });
    expect(otherEdit.currencyAnswered).toBe(false);
    const typed = withProfile(otherEdit, { ...otherEdit.profile, currency: "EUR" });
    expect(typed.currencyAnswered).toBe(true);
    expect(profileToSend(typed).currency).toBe("EUR");
  });

  it("shows a re-preview only for the file still in review", () => {
    const open = play(initialImport, { type: "reviewOpened", path: "/a.csv", preview: preview("column", "acct"), pending: ["/b.csv"] });
    const balanceAsAmount = profile({ date: 0, description: 1, amount: 3 });
    const fresh = importReducer(open, { type: "reviewPreviewed", path: "/a.csv", preview: preview("column", "acct", balanceAsAmount) });
    expect(fresh.review?.preview.rows[0].amount).toBe(99900);
    const moved = play(open, { type: "reviewClosed" }, { type: "reviewOpened", path: "/b.csv", preview: preview("column", "acct"), pending: [] });
    expect(importReducer(moved, { type: "reviewPreviewed", path: "/a.csv", preview: preview("column", "acct", balanceAsAmount) })).toBe(moved);
  });

  it("fixing a failed file's mapping makes it the round's only file", () => {
    const s = play(initialImport, { type: "started", total: 4 }, { type: "fixOpened", path: "/c.csv", preview: preview("column", "acct") });
    expect(s.total).toBe(1);
    expect(s.pending).toEqual([]);
    expect(s.review?.path).toBe("/c.csv");
  });

  it("an ended round leaves no preview open, nothing waiting and no progress, and keeps its reports", () => {
    const s = play(
      initialImport,
      { type: "reviewOpened", path: "/a.csv", preview: preview("column", "acct"), pending: ["/b.csv"] },
      { type: "progress", progress: { file: "a.csv", line: 3, total_lines: 10, rows: 2 } as never },
      { type: "imported", reports: [{ file: "a.csv" } as never] },
      { type: "roundEnded" },
    );
    expect(s.review).toBeNull();
    expect(s.pending).toEqual([]);
    expect(s.progress).toBeNull();
    expect(s.reports).toHaveLength(1);
  });

  it("remembers the archive asking for a password and the files after it, until answered", () => {
    const asked = importReducer(initialImport, { type: "passwordAsked", path: "/bills.zip", rest: ["/d.csv"], wrong: true });
    expect(asked.askPassword).toEqual({ path: "/bills.zip", rest: ["/d.csv"], wrong: true });
    expect(importReducer(asked, { type: "passwordAnswered" }).askPassword).toBeNull();
  });
});
