// The installed-app paths of the real binary: a statement passed on the command line (what the
// file manager's "Open with Recourse" does) lands in the import preview, so does one passed to a
// second launch (handed to the running app over D-Bus by the single-instance plugin), and the
// About screen shows the version, the licence, the data folder and the third-party licences.
import { before, after, test as nodeTest } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, APP, startApp, byTestId, waitText, typeInto, click, clickInView, appTest } from "./driver.mjs";

const STATEMENT = join(ROOT, "tests/data/e2e-statement.csv");
const SECOND = join(ROOT, "tests/data/sample-statement.csv");
const VERSION = JSON.parse(readFileSync(join(ROOT, "src-tauri/tauri.conf.json"), "utf8")).version;

/**
 * A D-Bus session bus of this test's own, where the single-instance plugin finds the running app
 * (and no other Recourse). Null when dbus-daemon is not installed.
 */
function privateBus() {
  try {
    const out = execFileSync("dbus-daemon", ["--session", "--fork", "--print-address=1", "--print-pid=1"], { encoding: "utf8" });
    const [address, pid] = out.trim().split("\n");
    return { address, stop: () => process.kill(Number(pid)) };
  } catch {
    return null;
  }
}

const bus = privateBus();
let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp({ args: [STATEMENT], env: bus ? { DBUS_SESSION_BUS_ADDRESS: bus.address } : {} });
});
after(async () => {
  await app?.stop();
  bus?.stop();
});

test("a statement opened with the app lands in the import preview", async () => {
  const { driver } = app;
  // The file is previewed (its detected columns and rows), not imported behind the user's back.
  await byTestId(driver, "mapping-editor", 30000);
  const editor = await (await byTestId(driver, "mapping-editor")).getText();
  assert.match(editor, /e2e-statement\.csv/);
  await app.screenshot("open-with-preview");
  // The backend counts it as a file the user chose: importing it is allowed, once the user
  // has named the account the file does not state.
  await typeInto(driver, await byTestId(driver, "account-input"), "everyday");
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

// Without a session bus the plugin lets every launch run on its own: nothing to hand over.
const withBus = (name, fn) =>
  bus === null ? nodeTest(name, { skip: "dbus-daemon is not installed" }, () => {}) : test(name, fn);

withBus("a statement passed to a second launch opens in the running app's import preview", async () => {
  const { driver } = app;
  const home = mkdtempSync(join(tmpdir(), "recourse-second-"));
  // The second process hands its arguments to the first and exits.
  const second = spawnSync(APP, [SECOND], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address, RECOURSE_DB: join(home, "recourse.db"), XDG_DATA_HOME: home, XDG_CONFIG_HOME: home },
    timeout: 60000,
    encoding: "utf8",
  });
  assert.equal(second.status, 0, `the second launch did not hand over and exit: ${second.stderr}`);
  // Read in the page: the editor of the first file was replaced, and an old reference to it fails.
  await driver.wait(
    () => driver.executeScript(`return document.querySelector('[data-testid="mapping-editor"] h2')?.textContent ?? ""`).then((t) => /sample-statement\.csv/.test(t)),
    30000,
    "the running app never previewed the file the second launch passed",
  );
  await typeInto(driver, await byTestId(driver, "account-input"), "sample card");
  await clickInView(driver, "import-confirm");
  await waitText(driver, "import-summary", /sample-statement\.csv/, 30000);
});
