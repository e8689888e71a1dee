import { useTranslation } from "react-i18next";
import type { Preview, Profile, SignConvention } from "../../ipc/api";
import { formatMoney } from "../../i18n/format";
import { ErrorPanel } from "../../components/ErrorPanel";
import {
  assignRole,
  DATE_FORMATS,
  delimiterName,
  ROLES,
  SIGNS,
  defaultAccountName,
  fileName,
  minorToDecimal,
  readableDateFormat,
  roleOf,
  type RoleChoice,
} from "./mapping";

export type Review = {
  path: string;
  preview: Preview;
  /** The profile being edited; every change is previewed again with it. */
  profile: Profile;
  account: string;
  /** The account the first preview named (the file's, its preset's, or the one given before
   * for its layout). Without one the preview asks, and the answer only fills what the file
   * leaves unnamed; with one, a typed account renames it. */
  namedAccount: string | null;
  saveProfile: boolean;
  /** The first preview's currency was only the default: the preview asks for it. */
  currencyAsked: boolean;
  /** The user typed a currency. Until then the backend chooses it (the typed account's, else
   * the default), so the profile sent carries none. */
  currencyAnswered: boolean;
};

type Props = {
  review: Review;
  /** 1-based position of this file among the files waiting, and how many there are. */
  position: number;
  total: number;
  accounts: string[];
  busy: boolean;
  onProfile: (p: Profile) => void;
  onAccount: (name: string) => void;
  onSaveProfile: (save: boolean) => void;
  onImport: () => void;
  onSkip: () => void;
};

type ParsedRow = { line?: number; date?: string; description?: string; amount?: number; currency?: string };

/** The preview of one file: raw columns with an editable role each, and the rows as they would be imported. */
export function MappingEditor({ review, position, total, accounts, busy, onProfile, onAccount, onSaveProfile, onImport, onSkip }: Props) {
  const { t } = useTranslation();
  const { preview, profile } = review;
  const d = preview.detected;
  const width = Math.max(preview.header.length, ...preview.sample.map((r) => r.length), 0);
  const columns = Array.from({ length: width }, (_, i) => i);
  const dateFormat = profile.date_format ?? d.date_format;
  const formats = DATE_FORMATS.includes(dateFormat) ? DATE_FORMATS : [dateFormat, ...DATE_FORMATS];
  const rows = preview.rows as ParsedRow[];
  // Nothing named the account (the file, a preset, an earlier answer for this layout): the
  // user must, before importing; the answer is remembered for the layout.
  const askAccount = !d.account && !d.preset;
  const accountMissing = askAccount && review.account.trim() === "";
  // The currency is only the default (the file, the preset and the account's earlier imports
  // say nothing): the user checks it; the rows keep it, so it becomes the account's currency.
  const askCurrency = review.currencyAsked && !review.currencyAnswered && d.currency_source !== "account";
  const shownCurrency = rows[0]?.currency ?? profile.currency ?? "";

  return (
    <div className="card mapping" data-testid="mapping-editor">
      <div className="mapping-head">
        <h2>{t("import.review.title", { file: fileName(review.path) })}</h2>
        {total > 1 && <span className="muted">{t("import.review.position", { position, total })}</span>}
      </div>
      <p className="muted" data-testid="detected-summary">
        {d.preset ? t("import.review.preset", { preset: d.preset }) + " · " : ""}
        {d.sheet
          ? // A workbook's sheet: cells, no encoding or delimiter to speak of.
            t("import.review.detectedSheet", { sheet: d.sheet, header: d.header_line ?? "—" })
          : t("import.review.detected", {
              encoding: d.encoding,
              delimiter: t(`import.delimiters.${delimiterName(d.delimiter)}`, { defaultValue: d.delimiter }),
              header: d.header_line ?? "—",
            })}
      </p>
      {!d.confident && <p className="warning">{t("import.review.notConfident")}</p>}
      {askAccount && (
        <p className="hint ask" id="account-hint" data-testid="account-hint">
          {t("import.review.accountHint")}
        </p>
      )}
      {askCurrency && (
        <p className="hint ask" id="currency-hint" data-testid="currency-hint">
          {t("import.review.currencyHint", { currency: shownCurrency })}
        </p>
      )}

      <div className="mapping-controls">
        <label>
          <span>{t("import.review.sign")}</span>
          <select
            data-testid="sign-select"
            value={profile.sign ?? d.sign}
            onChange={(e) => onProfile({ ...profile, sign: e.target.value as SignConvention })}
          >
            {SIGNS.map((s) => (
              <option key={s} value={s}>
                {t(`import.signs.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("import.review.dateFormat")}</span>
          <select data-testid="date-format-select" value={dateFormat} onChange={(e) => onProfile({ ...profile, date_format: e.target.value })}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {readableDateFormat(f)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("import.review.currency")}</span>
          <input
            data-testid="currency-input"
            className={askCurrency ? "currency ask" : "currency"}
            aria-describedby={askCurrency ? "currency-hint" : undefined}
            aria-invalid={askCurrency || undefined}
            maxLength={3}
            defaultValue={review.currencyAnswered ? (profile.currency ?? "") : shownCurrency}
            // Until answered, the field follows the backend's choice (the typed account's).
            key={review.currencyAnswered ? review.path : `${review.path}|${shownCurrency}`}
            onChange={(e) => {
              const code = e.target.value.trim().toUpperCase();
              if (/^[A-Z]{3}$/.test(code) && code !== profile.currency) onProfile({ ...profile, currency: code });
            }}
          />
        </label>
        <label>
          <span>{t("import.account")}</span>
          <input
            data-testid="account-input"
            className={askAccount ? "ask" : undefined}
            aria-describedby={askAccount ? "account-hint" : undefined}
            aria-required={askAccount || undefined}
            list="import-accounts"
            value={review.account}
            placeholder={defaultAccountName(d)}
            onChange={(e) => onAccount(e.target.value)}
          />
          <datalist id="import-accounts">
            {accounts.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="save-profile" checked={review.saveProfile} onChange={(e) => onSaveProfile(e.target.checked)} />
          <span>{t("import.review.saveProfile")}</span>
        </label>
      </div>

      {preview.error && (
        <div data-testid="preview-error">
          <ErrorPanel
            error={preview.error}
            title={t("import.review.rowError")}
            note={t("import.unchanged")}
          />
        </div>
      )}

      <div className="table-scroll">
        <table className="simple-table mapping-table" data-testid="preview-table">
          <thead>
            <tr>
              {columns.map((i) => (
                <th key={i}>
                  <select
                    aria-label={t("import.review.roleOf", { column: preview.header[i] || i + 1 })}
                    data-testid={`role-${i}`}
                    className={roleOf(profile, i) === "ignore" ? "role ignored" : "role"}
                    value={roleOf(profile, i)}
                    onChange={(e) => onProfile(assignRole(profile, i, e.target.value as RoleChoice))}
                  >
                    {[...ROLES, "ignore" as const].map((r) => (
                      <option key={r} value={r}>
                        {t(`import.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
            {preview.header.length > 0 && (
              <tr className="header-row">
                {columns.map((i) => (
                  <th key={i}>{preview.header[i] ?? ""}</th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {preview.sample.slice(0, 8).map((cells, r) => (
              <tr key={r}>
                {columns.map((i) => (
                  <td key={i} className={roleOf(profile, i) === "ignore" ? "ignored" : undefined}>
                    {cells[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t("import.review.parsed")}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t("import.review.noRows")}</p>
      ) : (
        <div className="table-scroll">
          <table className="simple-table" data-testid="parsed-table">
            <thead>
              <tr>
                <th>{t("import.review.line")}</th>
                <th>{t("transactions.date")}</th>
                <th>{t("transactions.description")}</th>
                <th className="num">{t("transactions.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 8).map((row, r) => {
                const currency = row.currency ?? "USD";
                const amount = typeof row.amount === "number" ? row.amount : 0;
                return (
                  <tr key={r}>
                    <td className="muted">{row.line}</td>
                    <td>{row.date}</td>
                    <td>{row.description}</td>
                    <td className={amount < 0 ? "num out" : "num in"}>{formatMoney(minorToDecimal(amount, currency), currency)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <div className="actions">
        <button type="button" className="primary" onClick={onImport} disabled={busy || accountMissing} data-testid="import-confirm">
          {t("import.review.import")}
        </button>
        <button type="button" onClick={onSkip} disabled={busy} data-testid="import-skip">
          {total > 1 ? t("import.review.skip") : t("import.cancel")}
        </button>
      </div>
    </div>
  );
}
