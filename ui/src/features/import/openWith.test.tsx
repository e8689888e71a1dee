import { describe, expect, it, beforeEach } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { useCallback, useState } from "react";
import "../../i18n";
import { setLanguage } from "../../i18n";
import type { Preview } from "../../ipc/api";
import { ImportScreen } from "./ImportScreen";
import { useOpenedFiles } from "./useOpenedFiles";

const FIRST = "/home/ada/Downloads/march.csv";
const SECOND = "/home/ada/Downloads/april.csv";

function preview(): Preview {
  return {
    detected: {
      encoding: "utf-8",
      delimiter: ",",
      header_line: 1,
      preset: null,
      date_format: "%Y-%m-%d",
      columns: {},
      sign: "negative-is-debit",
      profile: { encoding: "UTF-8", delimiter: ",", header_line: 1, date_format: "%Y-%m-%d", columns: { date: 0, description: 1, amount: 2 }, sign: "negative-is-debit", currency: "USD" },
      confident: true,
      currency_source: "column",
      format: "csv",
      format_version: null,
      sheet: null,
      account: null,
    },
    header: ["Date", "Description", "Amount"],
    sample: [["2024-03-01", "NETFLIX", "-9.99"]],
    rows: [{ line: 2, date: "2024-03-01", description: "NETFLIX", amount: -999, currency: "USD" }],
    error: null,
  };
}

/** The backend: `opened` is what take_opened_files hands out next (then nothing). */
function backend(opened: { next: string[] }) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockWindows("main");
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      switch (cmd) {
        case "take_opened_files": {
          const files = opened.next;
          opened.next = [];
          return files;
        }
        case "preview_file":
          return preview();
        case "batches":
        case "accounts":
          return [];
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

/** The app's wiring: opened files switch to the import screen, which previews them. */
function Shell() {
  const [screenName, setScreenName] = useState("transactions");
  const { opened, done } = useOpenedFiles(useCallback(() => setScreenName("import"), []));
  return (
    <div data-testid={`on-${screenName}`}>
      {screenName === "import" && <ImportScreen onNavigate={() => undefined} opened={opened} onOpenedTaken={done} />}
    </div>
  );
}

describe("Open with Recourse", () => {
  beforeEach(() => setLanguage("en"));

  it("a file the app was started with opens in the import preview, not imported at once", async () => {
    const calls = backend({ next: [FIRST] });
    render(<Shell />);
    await screen.findByTestId("on-import");
    await screen.findByTestId("mapping-editor");
    // Detection was confident, yet the user sees the preview first.
    expect(calls.filter((c) => c.cmd === "preview_file").map((c) => c.args.path)).toEqual([FIRST]);
    expect(calls.some((c) => c.cmd === "import_files")).toBe(false);
  });

  it("files handed over by a second launch are asked for and previewed", async () => {
    const opened = { next: [] as string[] };
    const calls = backend(opened);
    render(<Shell />);
    await waitFor(() => expect(calls.some((c) => c.cmd === "take_opened_files")).toBe(true));
    expect(screen.getByTestId("on-transactions")).toBeTruthy();

    opened.next = [SECOND];
    await act(() => emit("files-opened"));
    await screen.findByTestId("mapping-editor");
    expect(calls.filter((c) => c.cmd === "preview_file").map((c) => c.args.path)).toEqual([SECOND]);
  });

  it("nothing opened: the app stays where it starts", async () => {
    const calls = backend({ next: [] });
    render(<Shell />);
    await waitFor(() => expect(calls.some((c) => c.cmd === "take_opened_files")).toBe(true));
    expect(screen.getByTestId("on-transactions")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "preview_file")).toBe(false);
  });
});
