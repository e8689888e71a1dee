// Pages of the transactions table, fetched from the backend on demand and cached; the table
// never holds more than the pages the user has scrolled past.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, type AppError, type Total, type Transaction, type TxFilter } from "../../ipc/api";
import { runAction } from "../../components/runAction";
import { useLatest } from "../../components/useLoad";

export const PAGE_SIZE = 200;

export function usePagedRows(filter: TxFilter) {
  const [total, setTotal] = useState<number | null>(null);
  const [totals, setTotals] = useState<Total[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const pages = useRef(new Map<number, Transaction[]>());
  const loading = useRef(new Set<number>());
  // Each filter is a new request for the table: the totals and pages of an older filter, still
  // on their way, are dropped (as is a failure of theirs).
  const beginFilter = useLatest();
  const filterIsCurrent = useRef<() => boolean>(() => false);
  const [, setVersion] = useState(0);

  useEffect(() => {
    const current = beginFilter();
    filterIsCurrent.current = current;
    pages.current = new Map();
    loading.current = new Set();
    setTotal(null);
    void runAction(
      async () => {
        const t = await api.totals(filter);
        if (!current()) return;
        setTotals(t);
        setTotal(t.reduce((n, x) => n + x.count, 0));
      },
      { setError, current },
    );
  }, [filter, beginFilter]);

  const ensure = useCallback(
    (index: number) => {
      const page = Math.floor(index / PAGE_SIZE);
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const current = filterIsCurrent.current;
      // The page's own failure is shown without clearing the totals' (runAction clears first).
      const showError = (e: AppError | null) => e && setError(e);
      void runAction(
        async () => {
          try {
            const p = await api.transactionsPage(filter, page * PAGE_SIZE, PAGE_SIZE);
            if (!current()) return;
            pages.current.set(page, p.rows);
            setVersion((v) => v + 1);
          } finally {
            if (current()) loading.current.delete(page);
          }
        },
        { setError: showError, current },
      );
    },
    [filter],
  );

  // The first page is asked for with the totals, not after them: the first screen needs both.
  useEffect(() => ensure(0), [ensure]);

  const row = useCallback((index: number): Transaction | undefined => {
    return pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }, []);

  return { total, totals, row, ensure, error, clearError: () => setError(null) };
}
