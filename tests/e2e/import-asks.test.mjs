// A statement that names neither its account nor its currency: the import preview asks for
// both, and remembers the answers — the next file of the same layout imports without a
// question, into the same account, in the same currency; a file of another layout named for
// that account takes its currency.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, startApp, byTestId, waitText, typeInto, click, clickInView, countTestId, appTest } from "./driver.mjs";

const FIRST = join(ROOT, "tests/data/ask-first.csv");
const SECOND = join(ROOT, "tests/data/ask-second.csv");

let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

test("a file without account or currency stops at the preview, which asks for both", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  app.willPick(FIRST);
  await click(driver, "choose-files");
  await byTestId(driver, "mapping-editor", 30000);
  await waitText(driver, "account-hint", /does not say which account/);
  await waitText(driver, "currency-hint", /does not say its currency/);
  // Nothing was imported behind the user's back, and import waits for the account.
  assert.equal(await countTestId(driver, "import-summary"), 0);
  assert.equal(await (await byTestId(driver, "import-confirm")).isEnabled(), false);
  await app.screenshot("import-asks-01-preview");

  await typeInto(driver, await byTestId(driver, "account-input"), "Household");
  await typeInto(driver, await byTestId(driver, "currency-input"), "EUR");
  // The edited currency is previewed again: the parsed rows are in euros, the question answered.
  await driver.wait(async () => (await countTestId(driver, "currency-hint")) === 0, 15000, "the currency question stayed");
  // textContent: the table is below the fold, where WebKitWebDriver's visible text is empty.
  await driver.wait(
    () => driver.executeScript("return document.querySelector('[data-testid=parsed-table]')?.textContent ?? ''").then((t) => /€/.test(t)),
    15000,
    "the parsed rows are not in euros",
  );
  await clickInView(driver, "import-confirm");
  const summary = await waitText(driver, "import-summary", /ask-first\.csv/, 30000);
  assert.match(summary, /3 new/);
});

test("the next file of the same layout imports without a question, into the same account and currency", async () => {
  const { driver } = app;
  app.willPick(SECOND);
  await click(driver, "choose-files");
  const summary = await waitText(driver, "import-summary", /ask-second\.csv/, 30000);
  assert.match(summary, /3 new/);
  assert.equal(await countTestId(driver, "mapping-editor"), 0, "the second file was previewed");
  await app.screenshot("import-asks-02-second-file");

  await click(driver, "nav-transactions");
  await waitText(driver, "tx-count", /^6 transactions/);
  await driver.wait(async () => (await countTestId(driver, "tx-row")) === 6, 10000);
  // Every row, from both files, is in the account and the currency the user gave once.
  const rows = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=tx-row]')].map((r) => r.textContent)",
  );
  assert.equal(rows.length, 6);
  for (const row of rows) {
    assert.match(row, /Household/, row);
    assert.match(row, /€/, row);
    assert.doesNotMatch(row, /\$/, row);
  }
  assert.equal(rows.filter((r) => /ask-second\.csv/.test(r)).length, 3);
});

test("a file of another layout for the same account: naming the account answers the currency", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  app.willPick(join(ROOT, "tests/data/ask-other-layout.csv"));
  await click(driver, "choose-files");
  await byTestId(driver, "mapping-editor", 30000);
  await waitText(driver, "account-hint", /does not say which account/);
  await waitText(driver, "currency-hint", /does not say its currency/);
  await typeInto(driver, await byTestId(driver, "account-input"), "Household");
  // The preview is read again for that account: its currency from the first answer applies.
  await driver.wait(async () => (await countTestId(driver, "currency-hint")) === 0, 15000, "the currency question stayed");
  await driver.wait(
    () => driver.executeScript("return document.querySelector('[data-testid=currency-input]')?.value").then((v) => v === "EUR"),
    15000,
    "the currency field does not show the account's currency",
  );
  await clickInView(driver, "import-confirm");
  const summary = await waitText(driver, "import-summary", /ask-other-layout\.csv/, 30000);
  assert.match(summary, /3 new/);
  await click(driver, "nav-transactions");
  await waitText(driver, "tx-count", /^9 transactions/);
  const rows = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=tx-row]')].map((r) => r.textContent)",
  );
  const other = rows.filter((r) => /ask-other-layout\.csv/.test(r));
  assert.equal(other.length, 3);
  for (const row of other) {
    assert.match(row, /Household/, row);
    assert.match(row, /€/, row);
  }
});
