// The only module that talks to the backend. Every call goes through the generated command
// wrappers (commands.ts: names, arguments and types from the Rust commands), and every failure
// arrives as an AppError {code, message} the UI can show.
import { getVersion } from "@tauri-apps/api/app";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { commands } from "./commands";
import type {
  AppError,
  AppSettings,
  ExportFormat,
  FlagStatus,
  Lang,
  Paper,
  ImportProgress,
  OpenCaseRequest,
  Profile,
  Severity,
  Step,
  TemplateKind,
  TxFilter,
  Sender,
} from "./bindings";

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

/** Runs a generated command wrapper; its failure becomes an AppError. */
async function call<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (e) {
    throw asAppError(e);
  }
}

export const api = {
  pickFiles: () => call(commands.pickFiles()),
  /** `password` opens an encrypted ZIP archive; it is sent for this call only, never stored. */
  previewFile: (path: string, profile: Profile | null = null, password: string | null = null, account: string | null = null) =>
    call(commands.previewFile({ path, profile, password, account })),
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
    call(
      commands.importFiles({
        paths,
        account: opts.account ?? null,
        accountIfUnnamed: opts.accountIfUnnamed ?? null,
        profile: opts.profile ?? null,
        saveProfile: opts.saveProfile ?? false,
        password: opts.password ?? null,
      }),
    ),
  importSample: () => call(commands.importSample()),
  cancelImport: () => call(commands.cancelImport()),
  transactionsPage: (filter: TxFilter, offset: number, limit: number) => call(commands.transactionsPage({ filter, offset, limit })),
  totals: (filter: TxFilter) => call(commands.totals({ filter })),
  batches: () => call(commands.batches()),
  undoBatch: (batchId: number) => call(commands.undoBatch({ batchId })),
  accounts: () => call(commands.accounts()),
  /** Saves the account's import profile as a JSON file; the path, or null when cancelled. */
  exportImportProfile: (account: string) => call(commands.exportImportProfile({ account })),
  /** `status` null: open and dismissed flags. */
  flags: (minSeverity: Severity, status: FlagStatus | null, lang: Lang) => call(commands.flags({ minSeverity, status, lang })),
  dismissFlag: (flagId: number, trustMerchant: boolean) => call(commands.dismissFlag({ flagId, trustMerchant })),

  // --- Review inbox + insights ---
  transactionsByIds: (ids: number[]) => call(commands.transactionsByIds({ ids })),
  openFlagCount: () => call(commands.openFlagCount()),
  monthlySpending: (account: string | null = null) => call(commands.monthlySpending({ account })),
  topMerchants: (opts: { account?: string | null; from?: string | null; to?: string | null; limit: number }) =>
    call(commands.topMerchants({ account: opts.account ?? null, from: opts.from ?? null, to: opts.to ?? null, limit: opts.limit })),
  recurringCharges: (account: string | null = null) => call(commands.recurringCharges({ account })),
  // --- end review inbox + insights ---
  // --- cases + letters ---
  openCase: (request: OpenCaseRequest) => call(commands.openCase({ request })),
  cases: () => call(commands.cases()),
  case: (caseId: number) => call(commands.case({ caseId })),
  recordStepSent: (caseId: number, step: Step, date: string) => call(commands.recordStepSent({ caseId, step, date })),
  recordAnswer: (caseId: number, step: Step, date: string, outcome: string) =>
    call(commands.recordAnswer({ caseId, step, date, outcome })),
  /** Opens the system file dialog in the backend; the chosen files are copied into the case. */
  addEvidence: (caseId: number) => call(commands.addEvidence({ caseId })),
  /** What an evidence file is, in the user's words (letters list it instead of the file's kind); empty clears it. */
  setEvidenceDescription: (caseId: number, evidenceId: number, description: string) =>
    call(commands.setEvidenceDescription({ caseId, evidenceId, description })),
  setCaseNotes: (caseId: number, notes: string) => call(commands.setCaseNotes({ caseId, notes })),
  setCaseMerchant: (caseId: number, name: string, address: string) => call(commands.setCaseMerchant({ caseId, name, address })),
  closeCase: (caseId: number, outcome: string) => call(commands.closeCase({ caseId, outcome })),
  deleteCase: (caseId: number) => call(commands.deleteCase({ caseId })),
  letter: (caseId: number, step: Step, lang: Lang) => call(commands.letter({ caseId, step, lang })),
  /** An empty body goes back to the template. */
  saveLetterText: (caseId: number, step: Step, body: string) => call(commands.saveLetterText({ caseId, step, body })),
  /**
   * Asks where to save (backend Save dialog). The files written: the letter, and for a court step
   * outside China the claim worksheet beside it; null when cancelled.
   */
  exportLetter: (caseId: number, step: Step, lang: Lang, format: ExportFormat, paper: Paper | null) =>
    call(commands.exportLetter({ caseId, step, lang, format, paper })),
  /** The sender of letters (an import profile is a column mapping: `exportImportProfile`). */
  sender: () => call(commands.sender()),
  setSender: (sender: Sender) => call(commands.setSender({ sender })),
  // --- end cases + letters ---
  // --- Settings screen: app settings, sender, data folder, backup and restore ---
  getSettings: () => call(commands.getSettings()),
  setSettings: (settings: AppSettings) => call(commands.setSettings({ settings })),
  dataLocation: () => call(commands.dataLocation()),
  /** Asks where to save, then writes the backup; null when the user cancelled the dialog. */
  backupToFile: () => call(commands.backupToFile()),
  /** Asks for a backup file, then replaces all data with it; null when cancelled. */
  restoreFromFile: () => call(commands.restoreFromFile()),
  // --- end of Settings screen ---
  // --- Letter templates editor (reached from Settings) ---
  templateChoices: () => call(commands.templateChoices()),
  letterTemplate: (kind: TemplateKind) => call(commands.letterTemplate({ kind })),
  /** A template error comes back inside the preview (with its line), not as a failure. */
  previewTemplate: (kind: TemplateKind, source: string) => call(commands.previewTemplate({ kind, source })),
  /** Refused (AppError code "template", naming the line) when the template does not render; nothing is stored then. */
  saveTemplate: (kind: TemplateKind, source: string) => call(commands.saveTemplate({ kind, source })),
  resetTemplate: (kind: TemplateKind) => call(commands.resetTemplate({ kind })),
  // --- end of letter templates editor ---
  /** Files the app was asked to open (Open with, the command line) since the last call. */
  takeOpenedFiles: () => call(commands.takeOpenedFiles()),
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
  call(commands.firstScreenShown()).catch(() => undefined);
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
