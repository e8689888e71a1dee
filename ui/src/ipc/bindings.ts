// Generated from the Rust DTOs by `make bindings` (crates/app/src/bindings.rs). Do not edit.

export type Transaction = { id: number, account: string, date: string, time: string | null, posted_date: string | null, description: string, merchant: string, 
/**
 * Decimal string, e.g. "-4.38".
 */
amount: string, amount_minor: number, currency: string, 
/**
 * "booked", "pending", "closed" (交易关闭) or "neutral" (不计收支).
 */
status: string, source_file: string, source_line: number, batch_id: number, flagged: boolean, };

export type ImportReport = { file: string, sha256: string, 
/**
 * None for a dry run.
 */
batch_id: number | null, account: string, detected: Detected, rows_read: number, imported: number, already_present: number, skipped: number, skipped_lines: Array<SkippedLine>, flagged: number, };

export type Total = { currency: string, count: number, 
/**
 * Decimal string of the signed sum (money moved only).
 */
sum: string, sum_minor: number, };

export type Page = { offset: number, rows: Array<Transaction>, };

export type TxFilter = { account: string | null, from: string | null, to: string | null, search: string | null, merchant: string | null, 
/**
 * Decimal strings in the account's currency, e.g. "-100" … "0".
 */
min_amount: string | null, max_amount: string | null, flagged_only: boolean, 
/**
 * "date" | "amount" | "merchant"
 */
sort: string | null, ascending: boolean, };

export type Batch = { id: number, account: string, file_name: string, sha256: string, imported_at: string, rows_read: number, imported: number, already_present: number, skipped: number, };

export type FlagView = { id: number, transaction_id: number, 
/**
 * "duplicate" | "unexpected"
 */
kind: string, reason: string, 
/**
 * "low" | "medium" | "high"
 */
severity: string, 
/**
 * In the language asked for.
 */
explanation: string, explanation_en: string, explanation_zh: string, related_transaction_ids: Array<number>, 
/**
 * "open" | "dismissed"
 */
status: string, merchant: string, date: string, };

export type Account = { id: number, name: string, has_profile: boolean, };

export type ImportProgress = { file: string, file_index: number, files: number, rows: number, 
/**
 * The physical line reached in the current file, and the file's line count.
 */
line: number, total_lines: number, };

export type AppError = { 
/**
 * "import", "not_found", "invalid", "storage", "io", "cancelled".
 */
code: string, message: string, };

export type AppSettings = { 
/**
 * None until the user chooses one: the UI then follows the system language.
 */
language: "en" | "zh-CN" | null, theme: "system" | "light" | "dark", 
/**
 * The jurisdiction a new case starts with.
 */
default_jurisdiction: "us" | "uk" | "eu" | "cn", 
/**
 * How readily charges are flagged; stored as `DetectConfig.sensitivity` (0.5 / 1 / 2).
 */
sensitivity: "low" | "normal" | "high", };

export type DataLocation = { data_dir: string, 
/**
 * Empty for an in-memory database.
 */
db_path: string, evidence_dir: string, };

export type BackupReport = { path: string, bytes: number, evidence_files: number, };

export type RestoreReport = { restored_from: string, 
/**
 * The schema of the restored database before it was migrated to the current one.
 */
schema_version: number, evidence_files: number, 
/**
 * Where the database as it was before the restore was kept.
 */
previous_copy: string, };

export type Detected = { 
/**
 * Lowercase label, e.g. "utf-8", "gbk", "windows-1252".
 */
encoding: string, 
/**
 * "," ";" "\t" "|".
 */
delimiter: string, header_line: number | null, 
/**
 * e.g. "chase", "alipay"; None when the layout was read generically.
 */
preset: string | null, date_format: string, 
/**
 * Role name → 0-based column index.
 */
columns: { [key in string]?: number }, 
/**
 * "negative-is-debit" | "positive-is-debit" | "direction-column" | "debit-credit-columns".
 */
sign: string, 
/**
 * The full profile used (to show and edit in the app).
 */
profile: Profile, 
/**
 * False when the app should ask the user to confirm the mapping.
 */
confident: boolean, };

export type Profile = { 
/**
 * encoding_rs name, e.g. "UTF-8", "GBK", "windows-1252".
 */
encoding: string | null, delimiter: string | null, 
/**
 * 1-based physical line of the header; None = headerless (in a detected profile) or
 * "detect it" (in a user's profile).
 */
header_line: number | null, 
/**
 * chrono-style format, e.g. "%m/%d/%Y"; only the order of day, month and year matters.
 */
date_format: string | null, columns: Columns, sign: SignConvention | null, 
/**
 * Default currency when the file has none (ISO 4217 code).
 */
currency: string | null, };

export type Columns = { date?: number | null, posted_date?: number | null, 
/**
 * A separate time-of-day column (the date column may also carry the time itself).
 */
time?: number | null, description?: number | null, counterparty?: number | null, amount?: number | null, 
/**
 * A fee charged on top of the amount (Revolut): the money moved is amount − fee.
 */
fee?: number | null, debit?: number | null, credit?: number | null, direction?: number | null, currency?: number | null, reference?: number | null, card?: number | null, status?: number | null, };

export type SignConvention = "negative-is-debit" | "positive-is-debit" | "direction-column" | "debit-credit-columns";

export type SkippedLine = { line: number, reason: string, };

export type Preview = { detected: Detected, header: Array<string>, 
/**
 * Raw cells of the first `n` data lines.
 */
sample: Array<Array<string>>, 
/**
 * The first `n` rows as they would be imported.
 */
rows: Array<Record<string, unknown>>, 
/**
 * The first row error met within the preview, with its line, for the app to show next to
 * the mapping (the user may fix the profile and preview again).
 */
error: string | null, };

