// Generated from the desktop commands (src-tauri/src/commands) by `make bindings`
// (crates/ipcgen). Do not edit.

import { invoke } from "@tauri-apps/api/core";
import type { Account, AppSettings, BackupReport, Batch, CaseSummary, CaseView, DataLocation, ExportFormat, FlagStatus, FlagView, ImportReport, Lang, LetterView, MerchantSpend, MonthSpend, OpenCaseRequest, Page, Paper, Preview, Profile, RecurringCharge, RestoreReport, Sender, Severity, Step, TemplateChoice, TemplateKind, TemplatePreview, TemplateView, Total, Transaction, TxFilter } from "./bindings";

/** The name of every command the webview may call. */
export type CommandName =
  | "pick_files"
  | "preview_file"
  | "import_files"
  | "import_sample"
  | "cancel_import"
  | "transactions_page"
  | "totals"
  | "batches"
  | "undo_batch"
  | "export_import_profile"
  | "accounts"
  | "flags"
  | "dismiss_flag"
  | "transactions_by_ids"
  | "open_flag_count"
  | "monthly_spending"
  | "top_merchants"
  | "recurring_charges"
  | "open_case"
  | "cases"
  | "case"
  | "record_step_sent"
  | "record_answer"
  | "add_evidence"
  | "set_evidence_description"
  | "set_case_notes"
  | "set_case_merchant"
  | "close_case"
  | "delete_case"
  | "letter"
  | "save_letter_text"
  | "export_letter"
  | "sender"
  | "set_sender"
  | "get_settings"
  | "set_settings"
  | "data_location"
  | "backup_to_file"
  | "restore_from_file"
  | "template_choices"
  | "letter_template"
  | "preview_template"
  | "save_template"
  | "reset_template"
  | "first_screen_shown"
  | "take_opened_files";

/** One function per command: its arguments by name and type (one object), its result's type. A Rust `Err` rejects the promise. */
export const commands = {
  /** Opens the system file dialog from the backend; the chosen files become importable. */
  pickFiles: (): Promise<string[]> =>
    invoke<string[]>("pick_files"),
  previewFile: (args: { path: string; profile: Profile | null; password: string | null; account: string | null }): Promise<Preview> =>
    invoke<Preview>("preview_file", args),
  importFiles: (args: { paths: string[]; account: string | null; accountIfUnnamed: string | null; profile: Profile | null; saveProfile: boolean; password: string | null }): Promise<ImportReport[]> =>
    invoke<ImportReport[]>("import_files", args),
  /** Imports the bundled sample statement, so a new user sees flags at once. */
  importSample: (): Promise<ImportReport[]> =>
    invoke<ImportReport[]>("import_sample"),
  cancelImport: (): Promise<void> =>
    invoke<void>("cancel_import"),
  transactionsPage: (args: { filter: TxFilter; offset: number; limit: number }): Promise<Page> =>
    invoke<Page>("transactions_page", args),
  totals: (args: { filter: TxFilter }): Promise<Total[]> =>
    invoke<Total[]>("totals", args),
  batches: (): Promise<Batch[]> =>
    invoke<Batch[]>("batches"),
  undoBatch: (args: { batchId: number }): Promise<number> =>
    invoke<number>("undo_batch", args),
  /**
   * Saves an account's import profile (its column mapping) as a JSON file the user picks.
   * Returns where it was written, or None when the dialog was cancelled. `account` is only ever
   * an account's name (`App::export_import_profile` reads no path).
   */
  exportImportProfile: (args: { account: string }): Promise<string | null> =>
    invoke<string | null>("export_import_profile", args),
  accounts: (): Promise<Account[]> =>
    invoke<Account[]>("accounts"),
  flags: (args: { minSeverity: Severity; status: FlagStatus | null; lang: Lang }): Promise<FlagView[]> =>
    invoke<FlagView[]>("flags", args),
  dismissFlag: (args: { flagId: number; trustMerchant: boolean }): Promise<void> =>
    invoke<void>("dismiss_flag", args),
  transactionsByIds: (args: { ids: number[] }): Promise<Transaction[]> =>
    invoke<Transaction[]>("transactions_by_ids", args),
  openFlagCount: (): Promise<number> =>
    invoke<number>("open_flag_count"),
  monthlySpending: (args: { account: string | null }): Promise<MonthSpend[]> =>
    invoke<MonthSpend[]>("monthly_spending", args),
  topMerchants: (args: { account: string | null; from: string | null; to: string | null; limit: number }): Promise<MerchantSpend[]> =>
    invoke<MerchantSpend[]>("top_merchants", args),
  recurringCharges: (args: { account: string | null }): Promise<RecurringCharge[]> =>
    invoke<RecurringCharge[]>("recurring_charges", args),
  openCase: (args: { request: OpenCaseRequest }): Promise<CaseView> =>
    invoke<CaseView>("open_case", args),
  cases: (): Promise<CaseSummary[]> =>
    invoke<CaseSummary[]>("cases"),
  case: (args: { caseId: number }): Promise<CaseView> =>
    invoke<CaseView>("case", args),
  recordStepSent: (args: { caseId: number; step: Step; date: string }): Promise<CaseView> =>
    invoke<CaseView>("record_step_sent", args),
  recordAnswer: (args: { caseId: number; step: Step; date: string; outcome: string }): Promise<CaseView> =>
    invoke<CaseView>("record_answer", args),
  /** Opens the system file dialog from the backend and copies the chosen files into the case. */
  addEvidence: (args: { caseId: number }): Promise<CaseView> =>
    invoke<CaseView>("add_evidence", args),
  /** What an evidence file is, in the user's words; empty clears it. */
  setEvidenceDescription: (args: { caseId: number; evidenceId: number; description: string }): Promise<CaseView> =>
    invoke<CaseView>("set_evidence_description", args),
  setCaseNotes: (args: { caseId: number; notes: string }): Promise<CaseView> =>
    invoke<CaseView>("set_case_notes", args),
  setCaseMerchant: (args: { caseId: number; name: string; address: string }): Promise<CaseView> =>
    invoke<CaseView>("set_case_merchant", args),
  closeCase: (args: { caseId: number; outcome: string }): Promise<CaseView> =>
    invoke<CaseView>("close_case", args),
  deleteCase: (args: { caseId: number }): Promise<void> =>
    invoke<void>("delete_case", args),
  letter: (args: { caseId: number; step: Step; lang: Lang }): Promise<LetterView> =>
    invoke<LetterView>("letter", args),
  saveLetterText: (args: { caseId: number; step: Step; body: string }): Promise<void> =>
    invoke<void>("save_letter_text", args),
  /**
   * Asks where to save in the backend's own Save dialog, then writes the letter there. Returns
   * the path written, or `None` when the user cancelled.
   */
  exportLetter: (args: { caseId: number; step: Step; lang: Lang; format: ExportFormat; paper: Paper | null }): Promise<string[] | null> =>
    invoke<string[] | null>("export_letter", args),
  sender: (): Promise<Sender> =>
    invoke<Sender>("sender"),
  setSender: (args: { sender: Sender }): Promise<Sender> =>
    invoke<Sender>("set_sender", args),
  getSettings: (): Promise<AppSettings> =>
    invoke<AppSettings>("get_settings"),
  setSettings: (args: { settings: AppSettings }): Promise<void> =>
    invoke<void>("set_settings", args),
  dataLocation: (): Promise<DataLocation> =>
    invoke<DataLocation>("data_location"),
  /** Asks where to save (a native dialog), then writes the backup there. None when the user cancelled. */
  backupToFile: (): Promise<BackupReport | null> =>
    invoke<BackupReport | null>("backup_to_file"),
  /** Asks for a backup file (a native dialog), then restores it. None when the user cancelled. */
  restoreFromFile: (): Promise<RestoreReport | null> =>
    invoke<RestoreReport | null>("restore_from_file"),
  templateChoices: (): Promise<TemplateChoice[]> =>
    invoke<TemplateChoice[]>("template_choices"),
  letterTemplate: (args: { kind: TemplateKind }): Promise<TemplateView> =>
    invoke<TemplateView>("letter_template", args),
  previewTemplate: (args: { kind: TemplateKind; source: string }): Promise<TemplatePreview> =>
    invoke<TemplatePreview>("preview_template", args),
  saveTemplate: (args: { kind: TemplateKind; source: string }): Promise<TemplateView> =>
    invoke<TemplateView>("save_template", args),
  resetTemplate: (args: { kind: TemplateKind }): Promise<TemplateView> =>
    invoke<TemplateView>("reset_template", args),
  /** Called once by the UI, after the first screen has rendered its first rows (or its empty state). */
  firstScreenShown: (): Promise<void> =>
    invoke<void>("first_screen_shown"),
  /** The files opened since the last call (each is already a chosen file); the UI previews them. */
  takeOpenedFiles: (): Promise<string[]> =>
    invoke<string[]>("take_opened_files"),
};
