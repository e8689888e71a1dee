// Pages of the transactions table, fetched from the backend on demand and cached; the table
// never holds more than the pages the user has scrolled past.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, type AppError, type Total, type Transaction, type TxFilter } from "../../ipc/api";

export const PAGE_SIZE = 200;

export function usePagedRows(filter: TxFilter) {
  const [total, setTotal] = useState<number | null>(null);
  const [totals, setTotals] = useState<Total[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const pages = useRef(new Map<number, Transaction[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    loading.current = new Set();
    setTotal(null);
    const gen = generation.current;
    api.totals(filter).then(
      (t) => {
        if (gen !== generation.current) return;
        setTotals(t);
        setTotal(t.reduce((n, x) => n + x.count, 0));
      },
      (e) => setError(e),
    );
  }, [filter]);

  const ensure = useCallback(
    (index: number) => {
      const page = Math.floor(index / PAGE_SIZE);
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      api.transactionsPage(filter, page * PAGE_SIZE, PAGE_SIZE).then(
        (p) => {
          if (gen !== generation.current) return;
          pages.current.set(page, p.rows);
          loading.current.delete(page);
          setVersion((v) => v + 1);
        },
        (e) => {
          loading.current.delete(page);
          setError(e);
        },
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
