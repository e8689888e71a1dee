import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError, type FlagView, type Transaction } from "../../ipc/api";
import type { Reason } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { useLoad } from "../../components/useLoad";
import { formatDate, formatMoney, formatNumber } from "../../i18n/format";
import { byUrgency, disputeReason } from "./disputeReason";
import { sourceOf } from "../transactions/source";
import { langOf } from "../cases/labels";

export type ReviewProps = {
  /** Starts a dispute about these transactions (the flagged one first) for this dispute reason. */
  onDispute: (transactionIds: number[], reason: Reason) => void;
  /** Called after a flag was closed, so the navigation badge can recount. */
  onChanged?: () => void;
};

/** Keys typed into a form control belong to the control, not to the inbox. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export function ReviewScreen({ onDispute, onChanged }: ReviewProps) {
  const { t, i18n } = useTranslation();
  const [includeLow, setIncludeLow] = useState(false);
  const [selected, setSelected] = useState(0);
  const [actionError, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const zh = i18n.language.startsWith("zh");

  // Low flags shown or hidden, another language: only the latest list asked for is shown.
  const flagsLoad = useLoad(
    async () => [...(await api.flags(includeLow ? "low" : "medium", "open", langOf(i18n.language)))].sort(byUrgency),
    [includeLow, i18n.language],
    null as FlagView[] | null,
  );
  const { data: flags, reload, setData: setFlags } = flagsLoad;
  const error = actionError ?? flagsLoad.error;

  const list = flags ?? [];
  const index = Math.min(selected, Math.max(list.length - 1, 0));
  const flag: FlagView | undefined = list[index];

  const dismiss = useCallback(
    (f: FlagView, trust: boolean) =>
      runAction(
        async () => {
          await api.dismissFlag(f.id, trust);
          // Trusting a merchant may close its other flags too: ask again rather than guess.
          if (trust) void reload();
          else setFlags((old) => (old ?? []).filter((x) => x.id !== f.id));
          onChanged?.();
        },
        { setBusy, setError },
      ),
    [reload, setFlags, onChanged],
  );

  const dispute = useCallback(
    (f: FlagView) => onDispute([f.transaction_id, ...f.related_transaction_ids], disputeReason(f.reason)),
    [onDispute],
  );

  // The selected item takes the focus after a keyboard action, so the focus ring follows it.
  const itemRefs = useRef(new Map<number, HTMLButtonElement>());
  const focusSelected = useRef(false);
  useEffect(() => {
    if (flag && focusSelected.current) itemRefs.current.get(flag.id)?.focus();
    focusSelected.current = false;
  }, [flag]);

  // Keyboard: j/k or arrows move, f = looks fine, t = trust merchant, d = dispute. One listener
  // for the screen's life, reading the state the screen last drew (a layout effect updates it
  // before the browser paints), so a key pressed as the list appears acts on that list.
  const drawn = useRef({ list, flag, busy, dismiss, dispute });
  useLayoutEffect(() => {
    drawn.current = { list, flag, busy, dismiss, dispute };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      const { list, flag, busy, dismiss, dispute } = drawn.current;
      const move = (by: number) => {
        e.preventDefault();
        focusSelected.current = true;
        // From the latest selection, so two quick presses move two rows.
        const last = Math.max(list.length - 1, 0);
        setSelected((s) => Math.max(0, Math.min(last, Math.min(s, last) + by)));
      };
      switch (e.key) {
        case "j":
        case "ArrowDown":
          return move(1);
        case "k":
        case "ArrowUp":
          return move(-1);
      }
      if (!flag || busy) return;
      focusSelected.current = e.key === "f" || e.key === "t";
      if (e.key === "f") void dismiss(flag, false);
      else if (e.key === "t") void dismiss(flag, true);
      else if (e.key === "d") dispute(flag);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section className="screen review" aria-labelledby="review-title">
      <header className="screen-header">
        <h1 id="review-title">{t("review.title")}</h1>
        <span className="muted" data-testid="review-count">
          {t("review.count", { count: list.length, formattedCount: formatNumber(list.length) })}
        </span>
        <label className="check review-low">
          <input type="checkbox" checked={includeLow} onChange={(e) => setIncludeLow(e.target.checked)} data-testid="review-include-low" />
          {t("review.includeLow")}
        </label>
      </header>
      {error && (
        <ErrorPanel
          error={error}
          onClose={() => {
            setError(null);
            flagsLoad.clearError();
          }}
        />
      )}
      {flags !== null && list.length === 0 ? (
        <div className="empty" data-testid="review-empty">
          <p>{t("review.empty")}</p>
          <p className="muted">{t("review.emptyHint")}</p>
        </div>
      ) : (
        <div className="review-body">
          <ul className="review-list" role="listbox" aria-label={t("review.listLabel")} data-testid="review-list">
            {list.map((f, i) => (
              <li key={f.id} role="presentation">
                <button
                  type="button"
                  role="option"
                  aria-selected={i === index}
                  className={i === index ? "review-item selected" : "review-item"}
                  ref={(el) => {
                    if (el) itemRefs.current.set(f.id, el);
                    else itemRefs.current.delete(f.id);
                  }}
                  onClick={() => setSelected(i)}
                  data-testid="review-item"
                >
                  <span className={`severity ${f.severity}`}>{t(`review.severity.${f.severity}`)}</span>
                  <span className="review-item-main">
                    <span className="merchant">{f.merchant}</span>
                    <span className="muted">{t(`review.reason.${f.reason}`, { defaultValue: f.reason })}</span>
                  </span>
                  <span className="muted review-item-date">{formatDate(f.date)}</span>
                </button>
              </li>
            ))}
          </ul>
          {flag && (
            <FlagDetail
              flag={flag}
              explanation={zh ? flag.explanation_zh : flag.explanation_en}
              busy={busy}
              onFine={() => void dismiss(flag, false)}
              onTrust={() => void dismiss(flag, true)}
              onDispute={() => dispute(flag)}
            />
          )}
        </div>
      )}
      <p className="muted review-keys" aria-hidden="true">
        {t("review.keys")}
      </p>
    </section>
  );
}

function FlagDetail(props: {
  flag: FlagView;
  explanation: string;
  busy: boolean;
  onFine: () => void;
  onTrust: () => void;
  onDispute: () => void;
}) {
  const { t } = useTranslation();
  const { flag } = props;
  // Another flag selected meanwhile: its rows, not these, are shown.
  const { data: rows, error } = useLoad(
    () => api.transactionsByIds([flag.transaction_id, ...flag.related_transaction_ids]),
    [flag.transaction_id, flag.related_transaction_ids],
    null as Transaction[] | null,
    { clear: true },
  );

  return (
    <article className="card review-detail" aria-live="polite" data-testid="review-detail">
      <header className="review-detail-head">
        <span className={`severity ${flag.severity}`}>{t(`review.severity.${flag.severity}`)}</span>
        <h2>{t(`review.reason.${flag.reason}`, { defaultValue: flag.reason })}</h2>
      </header>
      <p className="review-explanation" data-testid="review-explanation">
        {props.explanation}
      </p>
      {error && <ErrorPanel error={error} />}
      <div className="review-txs" data-testid="review-txs">
        {(rows ?? []).map((tx) => (
          <TxCard key={tx.id} tx={tx} flagged={tx.id === flag.transaction_id} />
        ))}
      </div>
      <div className="actions">
        <button type="button" disabled={props.busy} onClick={props.onFine} data-testid="review-fine">
          {t("review.fine")} <kbd>F</kbd>
        </button>
        <button type="button" disabled={props.busy} onClick={props.onTrust} data-testid="review-trust">
          {t("review.trust")} <kbd>T</kbd>
        </button>
        <button type="button" className="primary" disabled={props.busy} onClick={props.onDispute} data-testid="review-dispute">
          {t("review.dispute")} <kbd>D</kbd>
        </button>
      </div>
    </article>
  );
}

function TxCard({ tx, flagged }: { tx: Transaction; flagged: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={flagged ? "review-tx flagged" : "review-tx"} data-testid="review-tx">
      <span className="review-tx-label">{flagged ? t("review.flagged") : t("review.related")}</span>
      <span className="review-tx-date">{formatDate(tx.date)}{tx.time ? ` ${tx.time.slice(0, 5)}` : ""}</span>
      <strong className="merchant">{tx.merchant}</strong>
      <span className="muted raw">{tx.description}</span>
      <span className={tx.amount_minor < 0 ? "num out review-tx-amount" : "num in review-tx-amount"}>{formatMoney(tx.amount, tx.currency)}</span>
      <span className="muted source" title={sourceOf(tx)}>
        {sourceOf(tx)}
      </span>
    </div>
  );
}
