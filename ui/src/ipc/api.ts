// The only module that talks to the backend. Every call is typed with the generated bindings,
// and every failure arrives as an AppError {code, message} the UI can show.
import { getVersion } from "@tauri-apps/api/app";
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type {
  Account,
  AppError,
  AppSettings,
  BackupReport,
  DataLocation,
  Batch,
  CaseSummary,
  CaseView,
  LetterView,
  OpenCaseRequest,
  Step,
  Sender,
  FlagStatus,
  FlagView,
  ImportProgress,
  ImportReport,
  Page,
  Preview,
  Profile,
  RestoreReport,
  Severity,
  Total,
  TxFilter,
} from "./bindings";
// Review inbox + insights
import type { MerchantSpend, MonthSpend, RecurringCharge, Transaction } from "./bindings";
// Letter templates editor
import type { TemplateChoice, TemplateKind, TemplatePreview, TemplateView } from "./bindings";

export type * from "./bindings";

/** Turns whatever the backend threw into an AppError. */
export function asAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "message" in e) {
    const err = e as AppError;
    return { code: err.code ?? "internal", message: String(err.message), ...(err.detail ? { detail: err.detail } : {}) };
  }
  // Not the backend's error: a failure in the UI or the bridge, so a bug ("internal").
  return { code: "internal", message: String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asAppError(e);
  }
}

export const api = {
  pickFiles: () => call<string[]>("pick_files"),
  /** `password` opens an encrypted ZIP archive; it is sent for this call only, never stored. */
  previewFile: (path: string, profile: Profile | null = null, password: string | null = null, account: string | null = null) =>
    call<Preview>("preview_file", { path, profile, password, account }),
  importFiles: (
    paths: string[],
    opts: {
      account?: string | null;
      /** The account for a statement that names none; the file's own accounts still win. */
      accountIfUnnamed?: string | null;
      profile?: Profile | null;
      saveProfile?: boolean;
      password?: string | null;
    } = {},
  ) =>
    call<ImportReport[]>("import_files", {
      paths,
      account: opts.account ?? null,
      accountIfUnnamed: opts.accountIfUnnamed ?? null,
      profile: opts.profile ?? null,
      saveProfile: opts.saveProfile ?? false,
      password: opts.password ?? null,
    }),
  importSample: () => call<ImportReport[]>("import_sample"),
  cancelImport: () => call<void>("cancel_import"),
  transactionsPage: (filter: TxFilter, offset: number, limit: number) =>
    call<Page>("transactions_page", { filter, offset, limit }),
  totals: (filter: TxFilter) => call<Total[]>("totals", { filter }),
  batches: () => call<Batch[]>("batches"),
  undoBatch: (batchId: number) => call<number>("undo_batch", { batchId }),
  accounts: () => call<Account[]>("accounts"),
  /** Saves the account's import profile as a JSON file; the path, or null when cancelled. */
  exportImportProfile: (account: string) => call<string | null>("export_import_profile", { account }),
  /** `status` null: open and dismissed flags. */
  flags: (minSeverity: Severity, status: FlagStatus | null, lang: string) => call<FlagView[]>("flags", { minSeverity, status, lang }),
  dismissFlag: (flagId: number, trustMerchant: boolean) => call<void>("dismiss_flag", { flagId, trustMerchant }),

  // --- Review inbox + insights ---
  transactionsByIds: (ids: number[]) => call<Transaction[]>("transactions_by_ids", { ids }),
  openFlagCount: () => call<number>("open_flag_count"),
  monthlySpending: (account: string | null = null) => call<MonthSpend[]>("monthly_spending", { account }),
  topMerchants: (opts: { account?: string | null; from?: string | null; to?: string | null; limit: number }) =>
    call<MerchantSpend[]>("top_merchants", {
      account: opts.account ?? null,
      from: opts.from ?? null,
      to: opts.to ?? null,
      limit: opts.limit,
    }),
  recurringCharges: (account: string | null = null) => call<RecurringCharge[]>("recurring_charges", { account }),
  // --- end review inbox + insights ---
  // --- cases + letters ---
  openCase: (request: OpenCaseRequest) => call<CaseView>("open_case", { request }),
  cases: () => call<CaseSummary[]>("cases"),
  case: (caseId: number) => call<CaseView>("case", { caseId }),
  recordStepSent: (caseId: number, step: Step, date: string) => call<CaseView>("record_step_sent", { caseId, step, date }),
  recordAnswer: (caseId: number, step: Step, date: string, outcome: string) =>
    call<CaseView>("record_answer", { caseId, step, date, outcome }),
  /** Opens the system file dialog in the backend; the chosen files are copied into the case. */
  addEvidence: (caseId: number) => call<CaseView>("add_evidence", { caseId }),
  /** What an evidence file is, in the user's words (letters list it instead of the file's kind); empty clears it. */
  setEvidenceDescription: (caseId: number, evidenceId: number, description: string) =>
    call<CaseView>("set_evidence_description", { caseId, evidenceId, description }),
  setCaseNotes: (caseId: number, notes: string) => call<CaseView>("set_case_notes", { caseId, notes }),
  setCaseMerchant: (caseId: number, name: string, address: string) => call<CaseView>("set_case_merchant", { caseId, name, address }),
  closeCase: (caseId: number, outcome: string) => call<CaseView>("close_case", { caseId, outcome }),
  deleteCase: (caseId: number) => call<void>("delete_case", { caseId }),
  letter: (caseId: number, step: Step, lang: string) => call<LetterView>("letter", { caseId, step, lang }),
  /** An empty body goes back to the template. */
  saveLetterText: (caseId: number, step: Step, body: string) => call<void>("save_letter_text", { caseId, step, body }),
  /** Asks where to save (backend Save dialog); the path written, or null when cancelled. */
  exportLetter: (caseId: number, step: Step, lang: string, format: "pdf" | "docx" | "txt", paper: "a4" | "letter" | null) =>
    /** The files written: the letter, and for a court step outside China the claim worksheet beside it. */
    call<string[] | null>("export_letter", { caseId, step, lang, format, paper }),
  /** The sender of letters (an import profile is a column mapping: `exportImportProfile`). */
  sender: () => call<Sender>("sender"),
  setSender: (sender: Sender) => call<Sender>("set_sender", { sender }),
  // --- end cases + letters ---
  // --- Settings screen: app settings, sender, data folder, backup and restore ---
  getSettings: () => call<AppSettings>("get_settings"),
  setSettings: (settings: AppSettings) => call<void>("set_settings", { settings }),
  dataLocation: () => call<DataLocation>("data_location"),
  /** Asks where to save, then writes the backup; null when the user cancelled the dialog. */
  backupToFile: () => call<BackupReport | null>("backup_to_file"),
  /** Asks for a backup file, then replaces all data with it; null when cancelled. */
  restoreFromFile: () => call<RestoreReport | null>("restore_from_file"),
  // --- end of Settings screen ---
  // --- Letter templates editor (reached from Settings) ---
  templateChoices: () => call<TemplateChoice[]>("template_choices"),
  letterTemplate: (kind: TemplateKind) => call<TemplateView>("letter_template", { kind }),
  /** A template error comes back inside the preview (with its line), not as a failure. */
  previewTemplate: (kind: TemplateKind, source: string) => call<TemplatePreview>("preview_template", { kind, source }),
  /** Refused (AppError code "template", naming the line) when the template does not render; nothing is stored then. */
  saveTemplate: (kind: TemplateKind, source: string) => call<TemplateView>("save_template", { kind, source }),
  resetTemplate: (kind: TemplateKind) => call<TemplateView>("reset_template", { kind }),
  // --- end of letter templates editor ---
  /** Files the app was asked to open (Open with, the command line) since the last call. */
  takeOpenedFiles: () => call<string[]>("take_opened_files"),
  /** The app's version, as packaged. */
  appVersion: (): Promise<string> => getVersion().catch((e: unknown) => Promise.reject(asAppError(e))),
};

/** Files were opened with the running app (a second launch): ask for them with takeOpenedFiles. */
export function onFilesOpened(cb: () => void): Promise<UnlistenFn> {
  return listen("files-opened", () => cb());
}

export function onImportProgress(cb: (p: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>("import-progress", (e) => cb(e.payload));
}

/** Files dropped on the window: the backend records them as chosen, the UI imports them. */
export function onFileDrop(cb: (paths: string[]) => void, hover?: (over: boolean) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "over" || p.type === "enter") hover?.(true);
    else if (p.type === "leave") hover?.(false);
    else if (p.type === "drop") {
      hover?.(false);
      cb(p.paths);
    }
  });
}

let firstScreenReported = false;

/** Tells the backend, once, that the first screen shows its data (start-up is timed by it). */
export function reportFirstScreen(): void {
  if (firstScreenReported) return;
  firstScreenReported = true;
  call<void>("first_screen_shown").catch(() => undefined);
}

export const emptyFilter: TxFilter = {
  account: null,
  from: null,
  to: null,
  search: null,
  merchant: null,
  min_amount: null,
  max_amount: null,
  flagged_only: false,
  sort: "date",
  ascending: false,
};
