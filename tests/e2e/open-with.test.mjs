// The installed-app paths of the real binary: a statement passed on the command line (what the
// file manager's "Open with Recourse" does) lands in the import preview, and the About screen
// shows the version, the licence, the data folder and the third-party licences.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startApp, byTestId, waitText, click, clickInView, appTest } from "./driver.mjs";

const STATEMENT = join(ROOT, "tests/data/e2e-statement.csv");
const VERSION = JSON.parse(readFileSync(join(ROOT, "src-tauri/tauri.conf.json"), "utf8")).version;

let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp({ args: [STATEMENT] });
});
after(async () => {
  await app?.stop();
});

test("a statement opened with the app lands in the import preview", async () => {
  const { driver } = app;
  // The file is previewed (its detected columns and rows), not imported behind the user's back.
  await byTestId(driver, "mapping-editor", 30000);
  const editor = await (await byTestId(driver, "mapping-editor")).getText();
  assert.match(editor, /e2e-statement\.csv/);
  await app.screenshot("open-with-preview");
  // The backend counts it as a file the user chose: importing it is allowed.
  await clickInView(driver, "import-confirm");
  const summary = await waitText(driver, "import-summary", /e2e-statement\.csv/, 30000);
  assert.match(summary, /3 new/);
});

test("About shows the version, the licence, the data folder and the bundled licences", async () => {
  const { driver } = app;
  await click(driver, "nav-about");
  await waitText(driver, "about-version", new RegExp(`^${VERSION.replace(/\./g, "\\.")}$`));
  await waitText(driver, "about-licence", /^MIT$/);
  await waitText(driver, "about-data-folder", /\S/);
  await waitText(driver, "about-crates", /Rust crates \(\d{3,}\)/);
  await waitText(driver, "about-npm", /npm packages \(\d+\)/);
  const fonts = await waitText(driver, "about-fonts", /Noto Serif CJK SC/);
  assert.match(fonts, /OFL-1\.1/);
  await app.screenshot("about");
});
