// Generated from the Rust DTOs by `make bindings` (crates/app/src/bindings.rs). Do not edit.

export type Transaction = { id: number, account: string, date: string, time: string | null, posted_date: string | null, description: string, merchant: string, 
/**
 * Decimal string, e.g. "-4.38".
 */
amount: string, amount_minor: number, currency: string, status: RowStatus, source_file: string, 
/**
 * The sheet of a workbook the row was read from; `source_line` is then its sheet row.
 */
source_sheet: string | null, source_line: number, batch_id: number, flagged: boolean, };

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
min_amount: string | null, max_amount: string | null, flagged_only: boolean, sort: SortKey | null, ascending: boolean, };

export type Batch = { id: number, account: string, file_name: string, sha256: string, imported_at: string, rows_read: number, imported: number, already_present: number, skipped: number, };

export type FlagView = { id: number, transaction_id: number, kind: FlagKind, reason: FlagReason, severity: Severity, 
/**
 * In the language asked for.
 */
explanation: string, explanation_en: string, explanation_zh: string, related_transaction_ids: Array<number>, status: FlagStatus, merchant: string, date: string, };

export type FlagStatus = "open" | "dismissed";

export type Lang = "en" | "zh-CN";

export type RowStatus = "booked" | "pending" | "closed" | "neutral";

export type SortKey = "date" | "amount" | "merchant";

export type FlagKind = "duplicate" | "unexpected";

export type FlagReason = "double_charge" | "subscription_billed_twice" | "card_testing" | "new_merchant_large" | "amount_outlier" | "price_increase" | "foreign";

export type Severity = "low" | "medium" | "high";

export type Account = { id: number, name: string, has_profile: boolean, };

export type ImportProgress = { file: string, file_index: number, files: number, rows: number, 
/**
 * The physical line reached in the current file, and the file's line count.
 */
line: number, total_lines: number, };

export type MonthSpend = { 
/**
 * "YYYY-MM".
 */
month: string, currency: string, 
/**
 * Decimal string, positive, e.g. "1234.50".
 */
spent: string, spent_minor: number, received: string, received_minor: number, };

export type MerchantSpend = { merchant: string, currency: string, count: number, 
/**
 * Decimal string, positive.
 */
spent: string, spent_minor: number, };

export type PricePoint = { 
/**
 * The first charge at this price.
 */
date: string, 
/**
 * Decimal string, positive.
 */
amount: string, amount_minor: number, };

export type RecurringCharge = { account: string, merchant: string, currency: string, 
/**
 * The usual gap between charges, e.g. 7, 30 or 365.
 */
period_days: number, 
/**
 * The current price (the latest regular charge), positive decimal string.
 */
usual_amount: string, usual_amount_minor: number, last_date: string, next_expected: string, 
/**
 * The first price and every change after it, oldest first.
 */
price_history: Array<PricePoint>, 
/**
 * The regular charges of the series, oldest first.
 */
transaction_ids: Array<number>, };

export type AppError = { code: ErrorCode, 
/**
 * The English sentence (what the CLI prints; the UI's fallback).
 */
message: string, 
/**
 * The same error as a key and named values, for the UI to word in the user's language.
 */
detail?: ErrorDetail, };

export type ErrorCode = "import" | "not_found" | "invalid" | "storage" | "io" | "cancelled" | "internal" | "template" | "document";

export type ErrorDetail = { key: string, args: { [key in string]?: string }, };

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
columns: { [key in string]?: number }, sign: SignConvention, 
/**
 * The full profile used (to show and edit in the app).
 */
profile: Profile, 
/**
 * False when the app should ask the user to confirm the mapping.
 */
confident: boolean, 
/**
 * Where the currency came from; `account` is the account's earlier imports
 * (`ImportOptions::account_currency`), `default` the caller's default (the app should ask,
 * and `confident` is false).
 */
currency_source: CurrencySource, format: Format, 
/**
 * The message a CAMT file declares, e.g. "camt.053.001.02"; None for other formats.
 */
format_version: string | null, 
/**
 * The sheet (or HTML table) the statement was read from, for a workbook.
 */
sheet: string | null, 
/**
 * The account the file says it belongs to (an IBAN, an account number, a card's last
 * digits, a wallet's account), normalised; None when the file does not say.
 */
account: string | null, };

export type CurrencySource = "profile" | "column" | "amounts" | "header" | "preamble" | "iban" | "sort-code" | "language" | "payment-schemes" | "descriptors" | "places" | "mentions" | "preset" | "file" | "account" | "default" | "none";

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

export type SkippedLine = { line: number, reason: SkipReason, count: number, };

export type SkipReason = "blank" | "preamble" | "a row of another account in the file" | "continuation" | "heading" | "footer" | "balance" | "total row" | "no amount" | "information only";

export type Format = "csv" | "xlsx" | "xls" | "ods" | "html" | "xml-spreadsheet" | "ofx" | "camt" | "zip";

export type Preview = { 
/**
 * The first row error met within the preview (the user may fix the mapping and preview
 * again); `None` when the first rows read.
 */
error: AppError | null, detected: Detected, header: Array<string>, 
/**
 * Raw cells of the first `n` data lines.
 */
sample: Array<Array<string>>, 
/**
 * The first `n` rows as they would be imported.
 */
rows: Array<Record<string, unknown>>, };

export type OpenCaseRequest = { transaction_ids: Array<number>, reason: Reason, 
/**
 * Default: the "default_jurisdiction" setting, else "us".
 */
jurisdiction: Jurisdiction | null, 
/**
 * Default: a credit card in the US, UK and EU; in China the payment platform when the
 * account is an Alipay / WeChat Pay one, else a bank card.
 */
instrument: Instrument | null, 
/**
 * Date of the first statement showing the charge (starts the US 60-day window).
 */
statement_date: string | null, 
/**
 * What else the case records; letters state only these facts, never assume them.
 */
details: CaseDetailsInput, };

export type ComplaintBody = "12315" | "consumer_association" | "regulator";

export type CaseDetailsInput = { delivered_on: string | null, reported_on: string | null, police_report: string | null, bank_name: string | null, region: string | null, complaint_body: ComplaintBody | null, 
/**
 * A US bank transfer: an ACH transfer or a wire; `None` when the user does not know (the
 * letters then name both Regulation E and UCC Article 4A). Only for a US bank transfer.
 */
transfer: TransferKind | null, };

export type CaseSummary = { id: number, reason: Reason, jurisdiction: Jurisdiction, status: CaseStatus, merchant: string, 
/**
 * The amount asked back, as a decimal string, and in minor units.
 */
amount: string, amount_minor: number, currency: string, opened_at: string, 
/**
 * What to do next and by when (`None` for a closed case).
 */
next_action: NextAction | null, 
/**
 * The nearest date anything is due: the next action's date or an open answer's due date.
 */
next_deadline: string | null, 
/**
 * The most severe warning of the plan, if any.
 */
warning: WarningLevel | null, };

export type CaseStep = { step: Step, sent_date: string | null, answer_due: string | null, answered_date: string | null, outcome: string | null, 
/**
 * True when the user saved an edited letter for this step.
 */
letter_edited: boolean, };

export type EvidenceView = { id: number, file_name: string, 
/**
 * The copy in the app's data folder.
 */
stored_path: string, sha256: string, added_at: string, 
/**
 * What it is, in the user's words; letters list it instead of the file's kind.
 */
description: string | null, };

export type CaseStatus = "open" | "refund_detected" | "refunded" | "closed";

export type CaseEventKind = "opened" | "sent" | "answered" | "evidence" | "notes" | "refunded" | "closed";

export type CaseEvent = { date: string, kind: CaseEventKind, step: Step | null, 
/**
 * The outcome, file name or closing note; empty when there is none.
 */
text: string, };

export type CaseView = { id: number, reason: Reason, jurisdiction: Jurisdiction, instrument: Instrument, status: CaseStatus, opened_at: string, statement_date: string | null, 
/**
 * The case's optional facts, as recorded.
 */
details: CaseDetailsInput, account_last4: string | null, merchant: string, merchant_address: Array<string>, notes: string, outcome: string | null, amount: string, amount_minor: number, currency: string, 
/**
 * The disputed transactions with their provenance, oldest first.
 */
transactions: Array<Transaction>, steps: Array<CaseStep>, 
/**
 * Dates per step, next action and warnings (most severe first), as of today.
 */
plan: CasePlan, checklist: Checklist, evidence: Array<EvidenceView>, timeline: Array<CaseEvent>, 
/**
 * A credit at the same merchant for the disputed amount, after the charge: offer to close
 * the case as refunded.
 */
refund_candidate: Transaction | null, };

export type LetterView = { letter: Letter, text: string, 
/**
 * True when the body is the user's saved edit rather than the template's.
 */
edited: boolean, 
/**
 * For a court step outside China: the statement or particulars of claim, a page the user
 * keeps to file with the court and never sends with the letter.
 */
worksheet: Letter | null, };

export type ExportFormat = "pdf" | "docx" | "txt";

export type Paper = "a4" | "letter";

export type Sender = { name: string, 
/**
 * Address lines separated by newlines.
 */
address: string, email: string, phone: string, 
/**
 * The particulars a Chinese court complaint (民事起诉状) states about the plaintiff; each
 * is printed only when given, else the complaint leaves a blank to fill in by hand.
 */
gender: Gender | null, 
/**
 * `YYYY-MM-DD`, or empty.
 */
birth_date: string, 
/**
 * 民族 ("汉" or "汉族").
 */
ethnicity: string, 
/**
 * 公民身份号码: 18 characters, checked by its check digit.
 */
id_number: string, 
/**
 * 工作单位和职务或者职业.
 */
occupation: string, };

export type Gender = "male" | "female";

export type Reason = "double_charge" | "not_authorised" | "not_received" | "cancelled_subscription" | "wrong_amount" | "refund_not_credited" | "faulty_goods";

export type Jurisdiction = "us" | "uk" | "eu" | "cn";

export type Instrument = "credit_card" | "debit_card" | "payment_platform" | "bank_transfer";

export type TransferKind = "ach" | "wire";

export type Step = "merchant" | "bank" | "association" | "court";

export type Bilingual = { en: string, zh: string, };

export type CasePlan = { steps: Array<StepPlan>, next_action: NextAction, 
/**
 * Most severe first.
 */
warnings: Array<Warning>, };

export type StepPlan = { step: Step, recipient: Bilingual, 
/**
 * Last day of the legal window to send (or have received) this step's letter.
 */
send_by: string | null, sent: string | null, answered: string | null, 
/**
 * When the first answer is due (acknowledgment, investigation result or final response).
 */
answer_due: string | null, 
/**
 * When the matter must be finally resolved, where the rule has a second, later clock.
 */
final_answer_due: string | null, 
/**
 * Which rules give these dates, citing the law.
 */
basis: Bilingual, 
/**
 * Assumptions and caveats behind the dates.
 */
notes: Array<Bilingual>, 
/**
 * The holiday calendar a business-day deadline of this step used (§9.5), if any.
 */
calendar: Bilingual | null, 
/**
 * Why this step does not exist for the case's instrument and reason, if it does not.
 */
unavailable: Bilingual | null, };

export type NextAction = { step: Step, what_en: string, what_zh: string, by: string | null, };

export type Warning = { level: WarningLevel, step: Step | null, message_en: string, message_zh: string, date: string | null, };

export type WarningLevel = "info" | "soon" | "urgent" | "missed";

export type Checklist = { reason: Reason, jurisdiction: Jurisdiction, 
/**
 * Steps to take before any letter (only for unauthorised charges), in order.
 */
urgent_first: Array<Bilingual>, 
/**
 * Evidence to gather.
 */
evidence: Array<Bilingual>, 
/**
 * What can prove the purchase when the receipt is lost.
 */
if_receipt_lost: Array<Bilingual>, };

export type Letter = { 
/**
 * "en" or "zh-CN": decides fonts, date forms and hyphenation in the layout.
 */
lang: string, 
/**
 * "letter" for correspondence, "complaint" for a court form such as a 民事起诉状,
 * "worksheet" for a page the user keeps (the particulars of claim: `claim_worksheet`).
 */
kind: string, 
/**
 * A heading printed above the body (e.g. "民事起诉状"); empty for ordinary letters.
 */
title: string, 
/**
 * The sender's name, address lines, email and phone, one per entry.
 */
sender: Array<string>, 
/**
 * The recipient's name and address lines, one per entry.
 */
recipient: Array<string>, 
/**
 * The date line, already formatted for the language ("27 November 2026", "2026年11月27日").
 */
date: string, 
/**
 * The subject line ("Billing error notice — account ending 1234"); may be empty.
 */
subject: string, 
/**
 * The body: paragraphs separated by one blank line. This is the text the user edits.
 */
body: string, 
/**
 * Enclosures listed under the signature.
 */
enclosures: Array<string>, 
/**
 * The name signed under the closing.
 */
signature: string, };

export type TemplateError = { line: number | null, message: string, };

export type TemplateKind = { jurisdiction: Jurisdiction, step: Step, 
/**
 * Chinese exists for China only.
 */
lang: Lang, };

export type TemplateChoice = { kind: TemplateKind, custom: boolean, };

export type TemplateField = { key: string, text: string, };

export type TemplateView = { kind: TemplateKind, 
/**
 * The source letters are written from now.
 */
source: string, 
/**
 * True when `source` is the user's own template, false for the built-in one.
 */
custom: boolean, 
/**
 * The built-in source, to compare with or go back to.
 */
builtin: string, fields: Array<TemplateField>, };

export type TemplatePreview = { letter: Letter | null, 
/**
 * The whole letter as plain text, as it would be copied or exported.
 */
text: string | null, error: TemplateError | null, 
/**
 * The case the preview is filled from; `None` for the built-in sample case.
 */
case_id: number | null, 
/**
 * That case's merchant (or the sample's).
 */
merchant: string, };

