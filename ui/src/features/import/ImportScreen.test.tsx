import { describe, expect, it, beforeEach } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import "../../i18n";
import { setLanguage } from "../../i18n";
import type { AppError, ImportReport, Profile } from "../../ipc/api";
import { ImportScreen } from "./ImportScreen";
import { PATH, previewFor, profile } from "./fixtures.test-data";

type Call = { cmd: string; args: Record<string, unknown> };

function report(file: string, extra: Partial<ImportReport> = {}): ImportReport {
  return {
    file,
    sha256: "ab",
    batch_id: 1,
    account: "odd-bank",
    detected: previewFor(profile({}), true).detected,
    rows_read: 2,
    imported: 2,
    already_present: 0,
    skipped: 1,
    skipped_lines: [{ line: 4, reason: "total row", count: 1 }],
    flagged: 1,
    ...extra,
  };
}

type Opts = {
  confident: boolean;
  /** The account the preview names (default: the file's when confident, else none). */
  account?: string | null;
  importError?: { code: string; message: string };
  /** The first row error the preview meets. */
  previewError?: AppError;
  accounts?: { id: number; name: string; has_profile: boolean }[];
  /** The file is an encrypted archive that this password opens. */
  password?: string;
  /** Previews with these mappings are held until the test calls the function pushed to `held`. */
  hold?: { when: (p: Profile | null) => boolean; held: (() => void)[] };
};

function backend(opts: Opts) {
  const calls: Call[] = [];
  const detectedProfile = { ...profile({ date: 0, description: 1, amount: 3 }), currency: "GBP" };
  mockWindows("main");
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      switch (cmd) {
        case "pick_files":
          return [PATH];
        case "preview_file": {
          if (opts.password && a.password !== opts.password) {
            const key = a.password ? "import.wrong_password" : "import.password_needed";
            throw { code: "import", message: `bills.zip: ${key}`, detail: { key, args: { file: "bills.zip" } } };
          }
          const given = a.profile as Profile | null;
          const preview = { ...previewFor(given ?? detectedProfile, opts.confident, opts.account), error: opts.previewError ?? null };
          if (opts.hold?.when(given)) return new Promise((answer) => opts.hold!.held.push(() => answer(preview)));
          return preview;
        }
        case "get_settings":
          return { language: null, theme: "system", default_jurisdiction: "uk", sensitivity: "normal" };
        case "import_files":
          if (opts.importError) throw opts.importError;
          return [report("odd-bank.csv")];
        case "batches":
          return [];
        case "accounts":
          return opts.accounts ?? [];
        case "export_import_profile":
          return `/home/ada/${a.account as string}-import-profile.json`;
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

// userEvent types key by key; on a slow machine that alone can take seconds.
describe("Import screen", { timeout: 20000 }, () => {
  beforeEach(() => setLanguage("en"));

  it("opens the preview with the detected roles when detection is not confident", async () => {
    backend({ confident: false });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    expect((screen.getByTestId("role-0") as HTMLSelectElement).value).toBe("date");
    expect((screen.getByTestId("role-1") as HTMLSelectElement).value).toBe("description");
    expect((screen.getByTestId("role-2") as HTMLSelectElement).value).toBe("ignore");
    expect((screen.getByTestId("role-3") as HTMLSelectElement).value).toBe("amount");
    // The balance column was taken as the amount: the parsed rows show it.
    expect(screen.getByTestId("parsed-table").textContent).toContain("999.00");
  });

  it("asks for an encrypted archive's password, says when it is wrong, and imports with it", async () => {
    const calls = backend({ confident: true, password: "654321" });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("zip-password-prompt");
    expect(screen.queryByTestId("zip-password-wrong")).toBeNull();
    await userEvent.type(screen.getByTestId("zip-password"), "111111");
    await userEvent.click(screen.getByTestId("zip-password-submit"));
    await screen.findByTestId("zip-password-wrong");
    await userEvent.type(screen.getByTestId("zip-password"), "654321");
    await userEvent.click(screen.getByTestId("zip-password-submit"));
    await screen.findByTestId("import-summary");
    const imp = calls.find((c) => c.cmd === "import_files")!.args;
    expect(imp).toMatchObject({ paths: [PATH], password: "654321" });
    expect(screen.queryByTestId("zip-password-prompt")).toBeNull();
  });

  it("re-previews with the edited profile when a role changes", async () => {
    const calls = backend({ confident: false });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    await userEvent.selectOptions(screen.getByTestId("role-2"), "amount");

    await waitFor(() => expect(calls.filter((c) => c.cmd === "preview_file")).toHaveLength(2));
    const last = calls.filter((c) => c.cmd === "preview_file")[1].args;
    expect(last.path).toBe(PATH);
    expect((last.profile as Profile).columns).toEqual({ date: 0, description: 1, amount: 2 });
    await waitFor(() => expect(screen.getByTestId("parsed-table").textContent).toContain("12.50"));
    expect(screen.getByTestId("parsed-table").textContent).not.toContain("999.00");
  });

  it("imports with the edited profile, the account and the save-profile flag", async () => {
    const calls = backend({ confident: false });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    await userEvent.selectOptions(screen.getByTestId("sign-select"), "positive-is-debit");
    await userEvent.type(screen.getByTestId("account-input"), "Barclays current");
    await userEvent.click(screen.getByTestId("save-profile"));
    await userEvent.click(screen.getByTestId("import-confirm"));

    const summary = await screen.findByTestId("import-summary");
    expect(summary.textContent).toContain("odd-bank.csv: 2 new, 0 already present, 1 skipped, 1 flagged");
    const imp = calls.find((c) => c.cmd === "import_files")!.args;
    expect(imp.paths).toEqual([PATH]);
    // The file names no account: the answer fills only what the file leaves unnamed.
    expect(imp).toMatchObject({ account: null, accountIfUnnamed: "Barclays current" });
    expect(imp.saveProfile).toBe(true);
    expect((imp.profile as Profile).sign).toBe("positive-is-debit");
    expect(screen.queryByTestId("mapping-editor")).toBeNull();
    // Skipped lines are listed with their line and reason.
    expect(screen.getByTestId("skipped-lines").textContent).toContain("Line 4: a total, not a transaction");
  });

  it("imports at once when detection is confident, and links to the review inbox", async () => {
    const calls = backend({ confident: true });
    const went: string[] = [];
    render(<ImportScreen onNavigate={(s) => went.push(s)} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("import-summary");
    expect(screen.queryByTestId("mapping-editor")).toBeNull();
    expect(calls.find((c) => c.cmd === "import_files")!.args).toMatchObject({ paths: [PATH], saveProfile: false, profile: null });
    await userEvent.click(screen.getByTestId("go-review"));
    expect(went).toEqual(["review"]);
  });

  it("shows a failed import's message with its file and line, and offers to fix the mapping", async () => {
    backend({ confident: true, importError: { code: "import", message: "odd-bank.csv, line 3: expected a date, found '2024-13-45'" } });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    const panel = await screen.findByTestId("error-panel");
    expect(panel.textContent).toContain("odd-bank.csv, line 3");
    expect(panel.textContent).toContain("Nothing was changed");
    await userEvent.click(screen.getByTestId("fix-mapping"));
    expect(await screen.findByTestId("mapping-editor")).toBeTruthy();
  });


  it("shows the preview's row error like any other error, in the user's language", async () => {
    const error: AppError = {
      code: "import",
      message: "odd-bank.csv: line 4: cannot read amount 'lots' in column 'Amount'",
      detail: { key: "import.bad_amount", args: { file: "odd-bank.csv", line: "4", column: "Amount", value: "lots" } },
    };
    backend({ confident: false, previewError: error });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    const panel = await screen.findByTestId("preview-error");
    expect(panel.textContent).toContain("odd-bank.csv: line 4: cannot read amount 'lots'");
    setLanguage("zh-CN");
    await waitFor(() => expect(screen.getByTestId("preview-error").textContent).toContain("odd-bank.csv 第 4 行：无法识别“Amount”列中的金额“lots”"));
  });

  it("asks for the account of a file that names none, and imports only once it is given", async () => {
    const calls = backend({ confident: true, account: null });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    expect(calls.some((c) => c.cmd === "import_files")).toBe(false);
    expect(screen.getByTestId("account-hint").textContent).toContain("does not say which account");
    expect(screen.getByTestId("account-input").className).toContain("ask");
    expect((screen.getByTestId("import-confirm") as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByTestId("account-input"), "Joint account");
    expect((screen.getByTestId("import-confirm") as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(screen.getByTestId("import-confirm"));
    await screen.findByTestId("import-summary");
    expect(calls.find((c) => c.cmd === "import_files")!.args).toMatchObject({ account: null, accountIfUnnamed: "Joint account" });
  });

  it("renames an account the file names only when the user types another", async () => {
    const calls = backend({ confident: false, account: "GB33BUKB20201555555555" });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    await userEvent.type(screen.getByTestId("account-input"), "Savings");
    await userEvent.click(screen.getByTestId("import-confirm"));
    await screen.findByTestId("import-summary");
    expect(calls.find((c) => c.cmd === "import_files")!.args).toMatchObject({ account: "Savings", accountIfUnnamed: null });
  });

  it("asks for the currency when it is only the default, and not once it is answered", async () => {
    const calls = backend({ confident: false, account: "GB33BUKB20201555555555" });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    expect(screen.getByTestId("currency-hint").textContent).toContain("GBP is only your default");
    expect(screen.getByTestId("currency-input").className).toContain("ask");
    expect(screen.queryByTestId("account-hint")).toBeNull();
    // Another edit leaves the question open; the backend keeps choosing the currency.
    await userEvent.selectOptions(screen.getByTestId("role-2"), "amount");
    await waitFor(() => expect(calls.filter((c) => c.cmd === "preview_file")).toHaveLength(2));
    expect((calls.filter((c) => c.cmd === "preview_file")[1].args.profile as Profile).currency).toBeNull();
    expect(screen.getByTestId("currency-hint")).toBeTruthy();
    const input = screen.getByTestId("currency-input");
    await userEvent.clear(input);
    await userEvent.type(input, "eur");
    await waitFor(() => expect(calls.filter((c) => c.cmd === "preview_file").length).toBeGreaterThan(1));
    const last = calls.filter((c) => c.cmd === "preview_file").pop()!.args;
    expect((last.profile as Profile).currency).toBe("EUR");
    await waitFor(() => expect(screen.queryByTestId("currency-hint")).toBeNull());
    await userEvent.click(screen.getByTestId("import-confirm"));
    await screen.findByTestId("import-summary");
    expect((calls.find((c) => c.cmd === "import_files")!.args.profile as Profile).currency).toBe("EUR");
  });

  it("previews again with the typed account, so a known account's currency can apply", async () => {
    const calls = backend({ confident: false, account: null });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    await userEvent.type(screen.getByTestId("account-input"), "Joint");
    await waitFor(() => expect(calls.filter((c) => c.cmd === "preview_file").pop()!.args.account).toBe("Joint"));
  });

  it("lists saved column mappings and exports one to a file", async () => {
    const calls = backend({
      confident: true,
      accounts: [
        { id: 1, name: "odd-bank", has_profile: true },
        { id: 2, name: "chase", has_profile: false },
      ],
    });
    render(<ImportScreen onNavigate={() => undefined} />);
    const list = await screen.findByTestId("saved-profiles");
    expect(list.textContent).toContain("odd-bank");
    expect(list.textContent).not.toContain("chase");
    await userEvent.click(screen.getByRole("button", { name: "Export the column mapping of odd-bank" }));
    await screen.findByText("The column mapping of odd-bank was saved to /home/ada/odd-bank-import-profile.json.");
    expect(calls.find((c) => c.cmd === "export_import_profile")?.args).toEqual({ account: "odd-bank" });
  });

  it("shows the preview of the latest mapping edit, even when an earlier one answers after it", async () => {
    // Previews of a mapping with the amount in the third column are held until released.
    const held: (() => void)[] = [];
    backend({ confident: false, hold: { when: (p) => p?.columns.amount === 2, held } });
    render(<ImportScreen onNavigate={() => undefined} />);
    await userEvent.click(screen.getByTestId("choose-files"));
    await screen.findByTestId("mapping-editor");
    const table = () => screen.getByTestId("parsed-table").textContent;
    expect(table()).toContain("999.00");

    await userEvent.selectOptions(screen.getByTestId("role-2"), "amount");
    await waitFor(() => expect(held).toHaveLength(1));
    await userEvent.selectOptions(screen.getByTestId("role-3"), "amount");
    await waitFor(() => expect((screen.getByTestId("role-3") as HTMLSelectElement).value).toBe("amount"));
    await act(async () => held.forEach((answer) => answer()));
    expect(table()).toContain("999.00");
    expect(table()).not.toContain("12.50");
  });
});
