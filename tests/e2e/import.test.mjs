// The foundation journey through the real app: import a statement through the UI's own path,
// see its rows with provenance, and get a clear error for a bad file that changes nothing.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, startApp, byTestId, waitText, typeInto, selectValue, By, click, clickInView, countTestId, appTest } from "./driver.mjs";

let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

test("first start shows the empty transactions list with a way to import", async () => {
  await waitText(app.driver, "tx-empty", /No transactions yet/);
  await byTestId(app.driver, "empty-sample");
  await app.screenshot("01-first-start");
});

test("importing a statement through the file dialog shows its rows with file and line", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  app.willPick(join(ROOT, "tests/data/e2e-statement.csv"));
  await click(driver, "choose-files");
  // The file names neither its account nor its currency: the preview asks, the user answers.
  await byTestId(driver, "mapping-editor", 30000);
  await typeInto(driver, await byTestId(driver, "account-input"), "everyday");
  await typeInto(driver, await byTestId(driver, "currency-input"), "USD");
  await clickInView(driver, "import-confirm");
  const summary = await waitText(driver, "import-summary", /e2e-statement\.csv/);
  assert.match(summary, /3 new/);
  await app.screenshot("02-import-summary");

  await click(driver, "nav-transactions");
  await waitText(driver, "tx-count", /^3 transactions/);
  await driver.wait(async () => (await countTestId(driver, "tx-row")) === 3, 10000);
  const table = await (await byTestId(driver, "tx-table")).getText();
  assert.match(table, /PHILZ COFFEE/i);
  assert.match(table, /e2e-statement\.csv:2/);
  assert.match(table, /e2e-statement\.csv:3/);
  await app.screenshot("03-transactions");
});

test("importing the same file again adds nothing, without asking again", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  await click(driver, "choose-files");
  const summary = await waitText(driver, "import-summary", /3 already present/);
  assert.match(summary, /0 new/);
});

test("a malformed file names the file and line, and leaves the data as it was", async () => {
  const { driver } = app;
  app.willPick(join(ROOT, "tests/data/bad-date.csv"));
  await click(driver, "choose-files");
  const message = await waitText(driver, "error-panel", /bad-date\.csv/);
  assert.match(message, /line 3/);
  assert.match(message, /Nothing was changed/);
  await app.screenshot("04-import-error");
  await click(driver, "nav-transactions");
  await waitText(driver, "tx-count", /^3 transactions/);
});

test("search narrows the list", async () => {
  const { driver } = app;
  const search = await byTestId(driver, "tx-search");
  await typeInto(driver, search, "payment");
  await waitText(driver, "tx-count", /^1 transaction/);
  await typeInto(driver, search, "");
  await waitText(driver, "tx-count", /^3 transactions/);
});

test("in Chinese, a malformed file's error is worded in Chinese with its file and line", async () => {
  const { driver } = app;
  await click(driver, "nav-settings");
  await selectValue(driver, await byTestId(driver, "settings-language"), "zh-CN");
  await waitText(driver, "nav-import", /导入/);
  await click(driver, "nav-import");
  app.willPick(join(ROOT, "tests/data/bad-date.csv"));
  await click(driver, "choose-files");
  const message = await waitText(driver, "error-panel", /bad-date\.csv 第 3 行/);
  assert.match(message, /无法识别日期/);
  assert.doesNotMatch(message, /cannot read/);
  await app.screenshot("05-import-error-zh");
});
