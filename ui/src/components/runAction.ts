import { asAppError, type AppError } from "../ipc/api";

/** The state a screen shows around one of its calls to the backend. */
export type ActionState = {
  /** Holds the screen's buttons while the call runs; a loader that holds nothing leaves it out. */
  setBusy?: (busy: boolean) => void;
  setError: (error: AppError | null) => void;
  /** Cleared when an action starts, so a notice never outlives the action that set it. */
  setNotice?: (notice: string | null) => void;
  /**
   * False once a newer request for the same view has started (a filter typed, another case
   * chosen) or the view has gone: the call's failure is then not shown, and its `busy` is left
   * to the newer call. See `useLatest`.
   */
  current?: () => boolean;
};

/**
 * Runs a call to the backend for a screen: its buttons held (busy) while it runs, the last error
 * and notice cleared first, and a failure shown as the screen's error (`ErrorPanel`) instead of
 * escaping as a rejection. Every backend call of the UI goes through here, directly or through
 * `useLoad`. Resolves to whether the action succeeded.
 */
export async function runAction(action: () => Promise<void>, state: ActionState): Promise<boolean> {
  const current = state.current ?? (() => true);
  state.setBusy?.(true);
  state.setError(null);
  state.setNotice?.(null);
  try {
    await action();
    return true;
  } catch (e) {
    if (current()) state.setError(asAppError(e));
    return false;
  } finally {
    if (current()) state.setBusy?.(false);
  }
}

/** What a screen shows around its actions, kept in the screen's reducer. */
export type ActionStatus = { busy: boolean; error: AppError | null; notice: string | null };

export type StatusAction = { type: "busy"; busy: boolean } | { type: "error"; error: AppError | null } | { type: "notice"; notice: string | null };

/** A reducer's step for the status actions runAction dispatches. */
export function withStatus<S extends ActionStatus>(s: S, a: StatusAction): S {
  switch (a.type) {
    case "busy":
      return { ...s, busy: a.busy };
    case "error":
      return { ...s, error: a.error };
    case "notice":
      return { ...s, notice: a.notice };
  }
}

/** The ActionState of a screen whose status lives in its reducer. */
export function statusOf(dispatch: (a: StatusAction) => void): ActionState {
  return {
    setBusy: (busy) => dispatch({ type: "busy", busy }),
    setError: (error) => dispatch({ type: "error", error }),
    setNotice: (notice) => dispatch({ type: "notice", notice }),
  };
}
