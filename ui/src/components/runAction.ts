import type { AppError } from "../ipc/api";

/** The state a screen shows around one of its actions. */
export type ActionState = {
  setBusy: (busy: boolean) => void;
  setError: (error: AppError | null) => void;
  setNotice: (notice: string | null) => void;
};

/**
 * Runs a screen's action: its buttons held (busy) while it runs, the last error and notice
 * cleared first, and a failure shown as the screen's error instead of escaping as a rejection.
 */
export async function runAction(action: () => Promise<void>, state: ActionState) {
  state.setBusy(true);
  state.setError(null);
  state.setNotice(null);
  try {
    await action();
  } catch (e) {
    state.setError(e as AppError);
  } finally {
    state.setBusy(false);
  }
}
