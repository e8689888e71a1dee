// The column mapping of the import preview as plain functions over `Profile`, so the editor stays
// a thin view and the rules (one role per column, one column per role) are tested on their own.
import type { Columns, Profile, SignConvention } from "../../ipc/api";

/** Every role a column can take, in the order the role menu lists them. */
export const ROLES = [
  "date",
  "posted_date",
  "description",
  "counterparty",
  "amount",
  "debit",
  "credit",
  "direction",
  "currency",
  "reference",
  "card",
  "status",
  "time",
  "fee",
] as const satisfies readonly (keyof Columns)[];

export type Role = (typeof ROLES)[number];
export type RoleChoice = Role | "ignore";

export const SIGNS: SignConvention[] = ["negative-is-debit", "positive-is-debit", "direction-column", "debit-credit-columns"];

/** Date formats offered besides the detected one; only the order of day, month and year matters. */
export const DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y年%m月%d日"];

/** The role of column `index` in `profile`, or "ignore". */
export function roleOf(profile: Profile, index: number): RoleChoice {
  return ROLES.find((r) => profile.columns[r] === index) ?? "ignore";
}

/**
 * Gives column `index` the role `role`: the column loses any other role, and the role leaves the
 * column it had. Choosing debit/credit or direction also switches the sign convention that needs
 * them; a sign that needs a column no longer mapped falls back to a signed amount.
 */
export function assignRole(profile: Profile, index: number, role: RoleChoice): Profile {
  const columns: Columns = {};
  for (const r of ROLES) {
    const at = profile.columns[r];
    if (at !== undefined && at !== null && at !== index && r !== role) columns[r] = at;
  }
  if (role !== "ignore") columns[role] = index;

  let sign = profile.sign;
  if (role === "debit" || role === "credit") sign = "debit-credit-columns";
  else if (role === "direction") sign = "direction-column";
  else if (sign === "debit-credit-columns" && columns.debit == null && columns.credit == null) sign = "negative-is-debit";
  else if (sign === "direction-column" && columns.direction == null) sign = "negative-is-debit";
  return { ...profile, columns, sign };
}

/** "%d/%m/%Y %H:%M" → "DD/MM/YYYY hh:mm": the pattern as people read it. */
export function readableDateFormat(format: string): string {
  return format
    .replace(/%Y/g, "YYYY")
    .replace(/%y/g, "YY")
    .replace(/%m/g, "MM")
    .replace(/%d/g, "DD")
    .replace(/%b/g, "Mon")
    .replace(/%H/g, "hh")
    .replace(/%M/g, "mm")
    .replace(/%S/g, "ss")
    .replace(/%%/g, "%");
}

/** Signed minor units as a decimal string in the currency's digits: -438 USD → "-4.38". */
export function minorToDecimal(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code: two digits, like most currencies.
  }
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit);
  const frac = String(abs % unit).padStart(digits, "0");
  return `${sign}${whole}.${frac}`;
}

/** The account name the backend uses by default: the detected preset, else the file's stem. */
/**
 * The account a file goes to when the user names none: the one the backend found (the file's
 * own account number, the preset, or the user's choice for this layout), else the shared
 * fallback account. Never the file's name: one account's monthly exports have different names.
 */
export function defaultAccountName(detected: { account?: string | null; preset?: string | null }): string {
  return detected.account ?? detected.preset ?? FALLBACK_ACCOUNT;
}

/** The backend's account for files that name none (`recourse_app::FALLBACK_ACCOUNT`). */
export const FALLBACK_ACCOUNT = "default";

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** "," → "comma": the i18n key of a delimiter's name. */
export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? d;
}
