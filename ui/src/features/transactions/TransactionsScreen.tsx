import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useVirtualizer } from "@tanstack/react-virtual";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import { api, emptyFilter, reportFirstScreen, type Account, type AppError, type SortKey, type Transaction, type TxFilter } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { useLoad } from "../../components/useLoad";
import { formatDate, formatMoney, formatNumber } from "../../i18n/format";
import { usePagedRows } from "./usePagedRows";
import type { OnDispute, Screen } from "../../App";
import { sourceOf } from "./source";

const SORT_KEYS: readonly SortKey[] = ["date", "amount", "merchant"];

/** The backend's sort key for the table's sorted column (the others sort by date). */
function sortKey(column: string | undefined): SortKey {
  return SORT_KEYS.find((k) => k === column) ?? "date";
}

const ROW_HEIGHT = 36;
const col = createColumnHelper<Transaction>();
const SORTABLE = new Set(["date", "merchant", "amount"]);

export function TransactionsScreen({ onNavigate, onDispute }: { onNavigate: (s: Screen) => void; onDispute?: OnDispute }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<TxFilter>(emptyFilter);
  const [sorting, setSorting] = useState<SortingState>([{ id: "date", desc: true }]);
  // The account filter's choices; without them the table still works, so a failure shows nothing.
  const { data: accounts } = useLoad(() => api.accounts(), [], [] as Account[]);

  // Search as the user types, without a query per keystroke.
  useEffect(() => {
    const next = search.trim() || null;
    const timer = setTimeout(() => setFilter((f) => (f.search === next ? f : { ...f, search: next })), 200);
    return () => clearTimeout(timer);
  }, [search]);
  useEffect(() => {
    const sort = sortKey(sorting[0]?.id);
    const ascending = sorting[0] ? !sorting[0].desc : false;
    setFilter((f) => (f.sort === sort && f.ascending === ascending ? f : { ...f, sort, ascending }));
  }, [sorting]);

  const { total, totals, row, ensure, error, clearError } = usePagedRows(filter);
  const setChargeRange = useCallback(
    (min: string | null, max: string | null) =>
      setFilter((f) => (f.min_amount === min && f.max_amount === max ? f : { ...f, min_amount: min, max_amount: max })),
    [],
  );

  // First start: one click imports the bundled sample statement and shows what it flags.
  const [loadingSample, setLoadingSample] = useState(false);
  const [sampleError, setSampleError] = useState<AppError | null>(null);
  const trySample = async () => {
    if (await runAction(async () => void (await api.importSample()), { setBusy: setLoadingSample, setError: setSampleError })) onNavigate("review");
  };

  const columns = useMemo(
    () => [
      col.accessor("date", { header: () => t("transactions.date"), cell: (c) => formatDate(c.getValue(), { compact: true }), size: 120 }),
      col.accessor("merchant", {
        header: () => t("transactions.description"),
        cell: (c) => (
          <span className="desc">
            <button
              type="button"
              className="merchant link-like"
              title={t("transactions.onlyMerchant")}
              onClick={() => setFilter((f) => ({ ...f, merchant: c.getValue() }))}
            >
              {c.getValue()}
            </button>
            <span className="raw muted">{c.row.original.description}</span>
          </span>
        ),
        size: 420,
      }),
      col.accessor("account", { header: () => t("transactions.account"), size: 120 }),
      col.accessor("amount", {
        header: () => t("transactions.amount"),
        cell: (c) => {
          const r = c.row.original;
          const status = r.status !== "booked" ? <span className="badge">{t(`transactions.status.${r.status}`)}</span> : null;
          return (
            <span className={r.amount_minor < 0 ? "num out" : "num in"}>
              {status} {formatMoney(r.amount, r.currency)}
            </span>
          );
        },
        size: 150,
      }),
      col.display({
        id: "source",
        header: () => t("transactions.source"),
        cell: (c) => (
          // Cut at the start when too long (see styles.css), so the line number always shows;
          // the marks keep the text in left-to-right order.
          <span className="muted source" title={sourceOf(c.row.original)}>
            {`\u200e${sourceOf(c.row.original)}\u200e`}
          </span>
        ),
        size: 180,
      }),
      // A flagged row can be disputed straight away; the case screen asks for the details.
      col.display({
        id: "actions",
        header: () => "",
        cell: (c) =>
          c.row.original.flagged && onDispute ? (
            <button type="button" className="link" onClick={() => onDispute([c.row.original.id])} data-testid="tx-dispute">
              {t("cases.disputeAction")}
            </button>
          ) : null,
        size: 90,
      }),
    ],
    [t, onDispute],
  );

  const count = total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Render the first screenful before the first measurement arrives.
    initialRect: { width: 1000, height: 600 },
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const item of items) ensure(item.index);
  }, [items, ensure]);
  // The table models only the rows on screen that have arrived; the rest show a placeholder.
  const visible = items.map((item) => ({ item, tx: row(item.index) }));
  const data = visible.flatMap((v) => (v.tx ? [v.tx] : []));
  const table = useReactTable({
    data,
    getRowId: (r) => String(r.id),
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    // Pages come from the backend: the table must not reset pagination state whenever the
    // visible rows change (that would re-render forever).
    manualPagination: true,
    autoResetAll: false,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
  });

  // The app's first screen is shown once its first rows (or its empty state) are on screen.
  const firstRowShown = total === 0 || (total !== null && data.length > 0);
  useEffect(() => {
    if (firstRowShown) reportFirstScreen();
  }, [firstRowShown]);

  const rowsById = new Map(table.getRowModel().rows.map((r) => [r.id, r]));
  const headers = table.getHeaderGroups()[0].headers;
  const template = headers.map((h) => `${h.getSize()}fr`).join(" ");

  return (
    <section className="screen transactions" aria-labelledby="tx-title">
      <header className="screen-header">
        <h1 id="tx-title">{t("transactions.title")}</h1>
        <span className="muted" data-testid="tx-count" aria-busy={total === null}>
          {total === null ? "…" : t("transactions.count", { count, formattedCount: formatNumber(count) })}
        </span>
      </header>
      <div className="filters">
        <input
          type="search"
          aria-label={t("transactions.search")}
          placeholder={t("transactions.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="tx-search"
        />
        <select aria-label={t("transactions.account")} value={filter.account ?? ""} onChange={(e) => setFilter((f) => ({ ...f, account: e.target.value || null }))}>
          <option value="">{t("transactions.allAccounts")}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.name}>
              {a.name}
            </option>
          ))}
        </select>
        <label>
          {t("transactions.from")}
          <input type="date" value={filter.from ?? ""} onChange={(e) => setFilter((f) => ({ ...f, from: e.target.value || null }))} />
        </label>
        <label>
          {t("transactions.to")}
          <input type="date" value={filter.to ?? ""} onChange={(e) => setFilter((f) => ({ ...f, to: e.target.value || null }))} />
        </label>
        <ChargeRange onChange={setChargeRange} />
        {filter.merchant && (
          <button type="button" className="chip" onClick={() => setFilter((f) => ({ ...f, merchant: null }))} data-testid="tx-merchant-chip">
            {t("transactions.merchantChip", { merchant: filter.merchant })} ×
          </button>
        )}
        <label className="check">
          <input type="checkbox" checked={filter.flagged_only} onChange={(e) => setFilter((f) => ({ ...f, flagged_only: e.target.checked }))} />
          {t("transactions.flagged")}
        </label>
      </div>
      {error && <ErrorPanel error={error} onClose={clearError} />}
      {total === 0 && !filter.search && !filter.account ? (
        <div className="empty" data-testid="tx-empty">
          <p>{t("transactions.empty")}</p>
          <p className="muted">{t("transactions.emptyHint")}</p>
          <div className="actions center">
            <button type="button" className="primary" onClick={() => onNavigate("import")}>
              {t("nav.import")}
            </button>
            <button type="button" onClick={trySample} disabled={loadingSample} data-testid="empty-sample">
              {t("import.sample")}
            </button>
          </div>
          {sampleError && <ErrorPanel error={sampleError} onClose={() => setSampleError(null)} />}
        </div>
      ) : (
        <div className="grid" role="table" aria-rowcount={count} data-testid="tx-table">
          <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: template }}>
            {headers.map((h) => {
              const sortable = SORTABLE.has(h.column.id);
              const dir = h.column.getIsSorted();
              return (
                <div key={h.id} role="columnheader" aria-sort={dir ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                  {sortable ? (
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true">{dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : ""}</span>
                    </button>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </div>
              );
            })}
          </div>
          {/* Focusable so the keyboard can scroll it; a rowgroup, because a table holds rows. */}
          <div className="grid-body" ref={scrollRef} tabIndex={0} role="rowgroup" aria-label={t("transactions.rows")}>
            <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {visible.map(({ item, tx }) => {
                const r = tx ? rowsById.get(String(tx.id)) : undefined;
                return (
                  <div
                    key={item.key}
                    role="row"
                    className={tx?.flagged ? "grid-row flagged" : "grid-row"}
                    data-testid={tx ? "tx-row" : undefined}
                    style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                  >
                    {r ? (
                      r.getVisibleCells().map((cell) => (
                        <div key={cell.id} role="cell">
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </div>
                      ))
                    ) : (
                      <div role="cell" className="muted">…</div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          <div className="grid-foot" data-testid="tx-totals">
            {totals.map((x) => (
              <span key={x.currency}>
                {formatNumber(x.count)} · <strong>{formatMoney(x.sum, x.currency)}</strong>
              </span>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/**
 * "Charges from … to …": a range of amounts of money going out, typed as positive numbers.
 * Money out is negative in the database, so the range is mirrored before it is sent.
 */
function ChargeRange({ onChange }: { onChange: (min: string | null, max: string | null) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  useEffect(() => {
    const lo = from.trim();
    const hi = to.trim();
    if ((lo && !DECIMAL.test(lo)) || (hi && !DECIMAL.test(hi))) return;
    const timer = setTimeout(() => onChange(hi ? `-${hi}` : null, lo ? `-${lo}` : null), 300);
    return () => clearTimeout(timer);
  }, [from, to, onChange]);
  const invalid = (v: string) => v.trim() !== "" && !DECIMAL.test(v.trim());
  return (
    <span className="range" role="group" aria-label={t("transactions.charges")}>
      {t("transactions.charges")}
      <input
        inputMode="decimal"
        aria-label={t("transactions.chargesFrom")}
        aria-invalid={invalid(from)}
        placeholder="0.00"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        data-testid="tx-charge-from"
      />
      –
      <input
        inputMode="decimal"
        aria-label={t("transactions.chargesTo")}
        aria-invalid={invalid(to)}
        placeholder="∞"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        data-testid="tx-charge-to"
      />
    </span>
  );
}
