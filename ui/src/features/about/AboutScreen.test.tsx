import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import "../../i18n";
import { setLanguage } from "../../i18n";
import { AboutScreen } from "./AboutScreen";
import { hasGeneratedLicences, loadLicences, type Licences } from "./licences";

const LICENCES: Licences = {
  note: "",
  app: { name: "Recourse", version: "0.1.0", license: "MIT" },
  crates: [
    { name: "rusqlite", version: "0.37.0", license: "MIT", source: "https://github.com/rusqlite/rusqlite" },
    { name: "tauri", version: "2.9.0", license: "Apache-2.0 OR MIT", source: "https://github.com/tauri-apps/tauri" },
  ],
  npm: [{ name: "react", version: "19.3.1", license: "MIT", source: "https://www.npmjs.com/package/react" }],
  fonts: [{ name: "Noto Serif CJK SC", version: "subset", license: "OFL-1.1", source: "https://github.com/notofonts" }],
  texts: { "OFL-1.1": "SIL OPEN FONT LICENSE Version 1.1" },
};

function backend() {
  mockWindows("main");
  mockIPC((cmd) => {
    switch (cmd) {
      case "plugin:app|version":
        return "0.1.0";
      case "data_location":
        return { data_dir: "/home/ada/.local/share/app.recourse.desktop", db_path: "/home/ada/.local/share/app.recourse.desktop/recourse.db", evidence_dir: "" };
      default:
        return null;
    }
  });
}

describe("About", () => {
  beforeEach(() => setLanguage("en"));

  it("shows the version, the licence, the data folder and every third-party licence", async () => {
    backend();
    render(<AboutScreen load={() => Promise.resolve(LICENCES)} />);
    expect((await screen.findByText("0.1.0")).dataset.testid).toBe("about-version");
    expect(screen.getByTestId("about-licence").textContent).toBe("MIT");
    expect((await screen.findByTestId("about-data-folder")).textContent).toBe("/home/ada/.local/share/app.recourse.desktop");
    const crates = screen.getByTestId("about-crates");
    expect(within(crates).getByText("Rust crates (2)")).toBeTruthy();
    expect(within(crates).getByText("Apache-2.0 OR MIT")).toBeTruthy();
    expect(within(screen.getByTestId("about-npm")).getByText("react")).toBeTruthy();
    expect(within(screen.getByTestId("about-fonts")).getByText("OFL-1.1")).toBeTruthy();
    await userEvent.click(screen.getByText(/SIL Open Font License 1.1/));
    expect(screen.getByText("SIL OPEN FONT LICENSE Version 1.1")).toBeTruthy();
  });

  it("says so when the build has no generated list", async () => {
    backend();
    render(<AboutScreen load={() => Promise.resolve(null)} />);
    expect((await screen.findByTestId("about-no-licences")).textContent).toContain("npm run build");
  });

  // `npm run build` writes it (make test builds the UI first); reported as skipped without it.
  it.skipIf(!hasGeneratedLicences())("finds the list the UI build generates", async () => {
    const list = (await loadLicences())!;
    expect(list.crates.some((c) => c.name === "tauri")).toBe(true);
    expect(list.npm.some((p) => p.name === "react")).toBe(true);
    expect(list.fonts.map((f) => f.license)).toEqual(["OFL-1.1", "OFL-1.1"]);
  });
});
