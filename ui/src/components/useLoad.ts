// Loading a view's data from the backend, with answers to superseded requests ignored.
import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import type { AppError } from "../ipc/api";
import { runAction } from "./runAction";

/**
 * Numbers a view's requests: `begin()` starts one and returns whether it is still the latest.
 * A request is superseded by the next `begin()` of the same view, and every request by the view
 * leaving the screen, so an old, slow answer never overwrites a newer one.
 */
export function useLatest(): () => () => boolean {
  const latest = useRef(0);
  useEffect(() => {
    // Mounting again (React's strict mode does) begins afresh; leaving ends every request.
    return () => {
      latest.current += 1;
    };
  }, []);
  return useCallback(() => {
    const mine = ++latest.current;
    return () => mine === latest.current;
  }, []);
}

export type Loaded<T> = {
  /** The latest answer; `initial` until the first one arrives (and while reloading, with `clear`). */
  data: T;
  /** The failure of the latest load, for the screen's `ErrorPanel`. */
  error: AppError | null;
  /** True while a load is in flight. */
  loading: boolean;
  /** Loads again (after a change the screen made); resolves once the answer is in. */
  reload: () => Promise<boolean>;
  /** Replaces the data with what an action's answer says it now is, ending any load in flight. */
  setData: (data: T | ((old: T) => T)) => void;
  /**
   * Ties an action to the view as it is now (its `deps`): `set` applies the action's answer only
   * while the view is still the same (another case shown, the screen left: dropped), and
   * `current` tells runAction whether the action's failure still concerns what is shown.
   */
  forView: () => { set: (data: T) => void; current: () => boolean };
  clearError: () => void;
};

/**
 * A view's data from the backend: `load` runs when the view appears and whenever `deps` change
 * (a filter, the case shown), through `runAction`, and only the latest request's answer or
 * failure is kept. `clear` empties the data back to `initial` at each new request, for a view
 * whose old data would be wrong to show meanwhile (another item's details).
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, initial: T, opts: { clear?: boolean } = {}): Loaded<T> {
  const [data, setState] = useState<T>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  const begin = useLatest();
  const initialRef = useRef(initial);
  const clear = opts.clear ?? false;

  // `deps` name everything `load` reads, as with useCallback.
  const reload = useCallback(() => {
    const current = begin();
    if (clear) setState(initialRef.current);
    return runAction(
      async () => {
        const value = await load();
        if (current()) setState(() => value);
      },
      { setBusy: setLoading, setError, current },
    );
  }, deps);

  // Each change of `deps` is another view: actions tied to the last one no longer apply.
  const view = useRef(0);
  useEffect(() => {
    void reload();
    return () => {
      view.current += 1;
    };
  }, [reload]);

  const setData = useCallback(
    (next: T | ((old: T) => T)) => {
      begin(); // an action's answer is newer than any load still in flight
      setLoading(false);
      setState(next as T | ((old: T) => T));
    },
    [begin],
  );
  const forView = useCallback(() => {
    const mine = view.current;
    const current = () => mine === view.current;
    return { set: (value: T) => current() && setData(() => value), current };
  }, [setData]);
  const clearError = useCallback(() => setError(null), []);
  return { data, error, loading, reload, setData, forView, clearError };
}
