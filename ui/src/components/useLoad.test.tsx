import { describe, it, expect } from "vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { api, type CaseView } from "../ipc/api";
import { useLatest, useLoad } from "./useLoad";
import { runAction } from "./runAction";

/** A backend whose answers to `case` the test releases one by one, in any order. */
function heldBackend() {
  const held = new Map<number, { answer: (v: unknown) => void; fail: (e: unknown) => void }>();
  mockIPC((cmd, args) => {
    if (cmd !== "case") throw new Error(`unexpected ${cmd}`);
    const { caseId } = args as { caseId: number };
    return new Promise((answer, fail) => held.set(caseId, { answer, fail }));
  });
  return held;
}

const named = (id: number, merchant: string) => ({ id, merchant }) as CaseView;

/** A view of case `id` (its id a prop: rerender to show another), once its request is made. */
async function showCase(id: number, opts: { clear?: boolean } = {}) {
  const held = heldBackend();
  const view = renderHook(({ id }) => useLoad(() => api.case(id), [id], null as CaseView | null, opts), { initialProps: { id } });
  await waitFor(() => expect(held.has(id)).toBe(true));
  return { held, ...view };
}

describe("useLoad", () => {
  it("ignores a slow first answer that arrives after the second one", async () => {
    const { held, result, rerender } = await showCase(1);
    rerender({ id: 2 });
    await waitFor(() => expect(held.has(2)).toBe(true));

    await act(async () => held.get(2)!.answer(named(2, "Second")));
    expect(result.current.data?.merchant).toBe("Second");
    expect(result.current.loading).toBe(false);

    await act(async () => held.get(1)!.answer(named(1, "First")));
    expect(result.current.data?.merchant).toBe("Second");
  });

  it("does not show the failure of a superseded request", async () => {
    const { held, result, rerender } = await showCase(1);
    rerender({ id: 2 });
    await waitFor(() => expect(held.has(2)).toBe(true));
    await act(async () => held.get(2)!.answer(named(2, "Second")));
    await act(async () => held.get(1)!.fail({ code: "not_found", message: "case 1 is gone" }));
    expect(result.current.error).toBeNull();
    expect(result.current.data?.merchant).toBe("Second");
  });

  it("shows the latest request's failure as an AppError", async () => {
    const held = heldBackend();
    const { result } = renderHook(() => useLoad(() => api.case(7), [], null as CaseView | null));
    await waitFor(() => expect(held.has(7)).toBe(true));
    await act(async () => held.get(7)!.fail({ code: "not_found", message: "no case 7" }));
    expect(result.current.error).toEqual({ code: "not_found", message: "no case 7" });
    expect(result.current.data).toBeNull();
    expect(result.current.loading).toBe(false);
  });

  it("clears the old data at each request when asked to", async () => {
    const { held, result, rerender } = await showCase(1, { clear: true });
    await act(async () => held.get(1)!.answer(named(1, "First")));
    expect(result.current.data?.merchant).toBe("First");
    rerender({ id: 2 });
    expect(result.current.data).toBeNull();
  });

  it("lets an action's answer replace a load still in flight", async () => {
    const held = heldBackend();
    const { result } = renderHook(() => useLoad(() => api.case(3), [], null as CaseView | null));
    await waitFor(() => expect(held.has(3)).toBe(true));
    act(() => result.current.setData(named(3, "Renamed")));
    await act(async () => held.get(3)!.answer(named(3, "Before the rename")));
    expect(result.current.data?.merchant).toBe("Renamed");
  });

  it("drops an action's answer for a view the user has left", async () => {
    const { held, result, rerender } = await showCase(1);
    await act(async () => held.get(1)!.answer(named(1, "First")));
    const action = result.current.forView();
    expect(action.current()).toBe(true);
    rerender({ id: 2 });
    await waitFor(() => expect(held.has(2)).toBe(true));
    expect(action.current()).toBe(false);
    act(() => action.set(named(1, "First, renamed")));
    await act(async () => held.get(2)!.answer(named(2, "Second")));
    expect(result.current.data?.merchant).toBe("Second");
    // Tied to the view now shown, an answer applies.
    act(() => result.current.forView().set(named(2, "Second, renamed")));
    expect(result.current.data?.merchant).toBe("Second, renamed");
  });
});

describe("useLatest", () => {
  it("keeps only the latest request current, and none once the view has gone", () => {
    const { result, unmount } = renderHook(() => useLatest());
    const first = result.current();
    expect(first()).toBe(true);
    const second = result.current();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    unmount();
    expect(second()).toBe(false);
  });
});

describe("runAction", () => {
  it("holds busy, clears the last error and notice, and shows a failure as an AppError", async () => {
    const log: string[] = [];
    const ok = await runAction(
      async () => {
        throw new Error("boom");
      },
      {
        setBusy: (b) => log.push(`busy ${b}`),
        setError: (e) => log.push(`error ${e ? `${e.code}: ${e.message}` : "none"}`),
        setNotice: (n) => log.push(`notice ${n ?? "none"}`),
      },
    );
    expect(ok).toBe(false);
    expect(log).toEqual(["busy true", "error none", "notice none", "error internal: boom", "busy false"]);
  });

  it("drops the failure of a call that is no longer current", async () => {
    const log: string[] = [];
    let current = true;
    await runAction(
      async () => {
        current = false;
        throw { code: "io", message: "late" };
      },
      { setBusy: (b) => log.push(`busy ${b}`), setError: (e) => log.push(`error ${e?.message ?? "none"}`), current: () => current },
    );
    expect(log).toEqual(["busy true", "error none"]);
  });
});
