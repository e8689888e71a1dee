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

export type Detected = { encoding: string, delimiter: string, header_line: number | null, preset: string | null, date_format: string, columns: { [key in string]?: number }, sign: string, profile: Profile, confident: boolean, };

export type Profile = { header_line: number | null, date_format: string | null, columns: Columns, currency: string | null, };

export type Columns = { date: number | null, description: number | null, amount: number | null, };

export type SkippedLine = { line: number, reason: string, };

export type Preview = { detected: Detected, header: Array<string>, sample: Array<Array<string>>, };

