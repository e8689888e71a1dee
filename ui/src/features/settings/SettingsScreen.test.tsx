import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import "../../i18n";
import { setLanguage } from "../../i18n";
import type { AppSettings } from "../../ipc/api";
import type { Sender } from "./sender";
import { SettingsScreen } from "./SettingsScreen";

type Call = { cmd: string; args: Record<string, unknown> | undefined };

/** A fake backend holding settings and sender in memory, recording every call. */
function backend(initial: Partial<AppSettings> = {}) {
  const state = {
    settings: { language: null, theme: "system", default_jurisdiction: "us", sensitivity: "normal", ...initial } as AppSettings,
    sender: { name: "Ada Lovelace", address: "12 St James's Sq\nLondon", email: "ada@example.org", phone: "" } as Sender,
    calls: [] as Call[],
  };
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown> | undefined;
    state.calls.push({ cmd, args: a });
    switch (cmd) {
      case "get_settings":
        return state.settings;
      case "set_settings":
        state.settings = a!.settings as AppSettings;
        return null;
      case "sender":
        return state.sender;
      case "set_sender":
        state.sender = a!.sender as Sender;
        return null;
      case "data_location":
        return { data_dir: "/home/ada/.local/share/app.recourse.desktop", db_path: "/home/ada/.local/share/app.recourse.desktop/recourse.db", evidence_dir: "/x/evidence" };
      case "backup_to_file":
        return { path: "/tmp/recourse-backup.zip", bytes: 2 * 1024 * 1024, evidence_files: 3 };
      case "restore_from_file":
        throw { code: "invalid", message: "/tmp/notes.zip is not a Recourse backup: it holds no recourse.db" };
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return state;
}

// userEvent types key by key; on a slow machine that alone can take seconds.
describe("Settings", { timeout: 20000 }, () => {
  beforeEach(() => {
    setLanguage("en");
    delete document.documentElement.dataset.theme;
  });

  it("loads the saved settings and saves a change through the backend", async () => {
    const be = backend({ sensitivity: "high", default_jurisdiction: "uk" });
    render(<SettingsScreen />);
    const jurisdiction = await screen.findByLabelText("Default jurisdiction");
    expect((jurisdiction as HTMLSelectElement).value).toBe("uk");
    expect((screen.getByLabelText("Detection sensitivity") as HTMLSelectElement).value).toBe("high");

    await userEvent.selectOptions(jurisdiction, "cn");
    await screen.findByTestId("settings-saved");
    expect(be.calls.find((c) => c.cmd === "set_settings")?.args).toEqual({
      settings: { language: null, theme: "system", default_jurisdiction: "cn", sensitivity: "high" },
    });
    expect(be.settings.default_jurisdiction).toBe("cn");
  });

  it("applies the chosen theme to the document at once", async () => {
    const be = backend();
    render(<SettingsScreen />);
    const group = await screen.findByTestId("settings-theme");
    await userEvent.click(within(group).getByLabelText("Dark"));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
    expect(be.settings.theme).toBe("dark");
    expect(localStorage.getItem("recourse.theme")).toBe("dark");
  });

  it("switches the language of the visible text and saves it", async () => {
    const be = backend();
    render(<SettingsScreen />);
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
    await userEvent.selectOptions(await screen.findByTestId("settings-language"), "zh-CN");
    expect(await screen.findByRole("heading", { name: "设置" })).toBeTruthy();
    // Saving to the backend is asynchronous: wait for it rather than race it.
    await waitFor(() => expect(be.settings.language).toBe("zh-CN"));
    expect(localStorage.getItem("recourse.language")).toBe("zh-CN");
  });

  it("edits and saves the sender, address on several lines", async () => {
    const be = backend();
    render(<SettingsScreen />);
    const name = (await screen.findByLabelText("Full name")) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe("Ada Lovelace"));
    await userEvent.clear(name);
    await userEvent.type(name, "Ada King");
    const address = screen.getByLabelText("Postal address");
    await userEvent.type(address, "{Enter}SW1Y 4JU");
    await userEvent.click(screen.getByTestId("sender-save"));
    await waitFor(() => expect(be.sender.name).toBe("Ada King"));
    expect(be.sender.address).toBe("12 St James's Sq\nLondon\nSW1Y 4JU");
    expect(be.calls.some((c) => c.cmd === "set_sender")).toBe(true);
  });

  it("shows the data folder, reports a backup and explains a refused restore", async () => {
    backend();
    render(<SettingsScreen />);
    expect((await screen.findByTestId("settings-data-dir")).textContent).toContain("app.recourse.desktop");
    await userEvent.click(screen.getByTestId("settings-backup"));
    expect((await screen.findByTestId("settings-data-notice")).textContent).toContain("/tmp/recourse-backup.zip");

    await userEvent.click(screen.getByTestId("settings-restore"));
    await userEvent.click(await screen.findByTestId("settings-restore-confirm"));
    const panel = await screen.findByTestId("error-panel");
    expect(panel.textContent).toContain("notes.zip is not a Recourse backup");
    expect(panel.textContent).toContain("Your data was not changed.");
  });
});
