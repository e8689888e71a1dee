// Statement formats other than CSV through the real app: an XLSX bill (previewed first, as
// when detection asks), and a password-protected ZIP of bills (a wrong password is refused,
// the right one imports every statement inside, and nothing asks for it again).
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, startApp, byTestId, waitText, typeInto, click, clickInView, countTestId, appTest } from "./driver.mjs";

const FIXTURES = join(ROOT, "crates/core/tests/fixtures/formats");

/**
 * Waits until the text content of `id` matches: read from the DOM rather than as WebDriver's
 * rendered text, which WebKitWebDriver leaves empty for a table inside a scrolling pane.
 */
async function waitContent(driver, id, pattern, timeout = 15000) {
  let text = "";
  await driver.wait(
    async () => {
      text = await driver.executeScript(
        `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
         return el ? el.textContent : "";`,
        id,
      );
      return pattern.test(text);
    },
    timeout,
    `${id} never held ${pattern}`,
  );
  return text;
}

let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

test("an XLSX bill is previewed from its sheet and imported with sheet and row", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  // Ask for the preview, as the app does when it is not sure of a layout.
  await click(driver, "review-mapping");
  app.willPick(join(FIXTURES, "card_two_sheets.xlsx"));
  await click(driver, "choose-files");
  await byTestId(driver, "mapping-editor");
  const summary = await waitText(driver, "detected-summary", /sheet “(Formatted|Raw)”, header on row \d/);
  assert.doesNotMatch(summary, /Encoding/);
  const cells = await waitContent(driver, "preview-table", /UBER \*TRIP/);
  assert.match(cells, /AMAZON MKTPLACE/);
  await app.screenshot("formats-01-xlsx-preview");
  // The bill does not state its account: the preview asks for it.
  await typeInto(driver, await byTestId(driver, "account-input"), "card");
  await clickInView(driver, "import-confirm");
  const done = await waitText(driver, "import-summary", /card_two_sheets\.xlsx/);
  assert.match(done, /4 new/);
  await click(driver, "review-mapping");

  await click(driver, "nav-transactions");
  await waitText(driver, "tx-count", /^4 transactions/);
  await driver.wait(async () => (await countTestId(driver, "tx-row")) === 4, 10000);
  const table = await waitContent(driver, "tx-table", /card_two_sheets\.xlsx · (Formatted|Raw):\d+/);
  assert.match(table, /UBER \*TRIP/);
});

test("an encrypted ZIP asks for its password and imports each bill inside", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  app.willPick(join(FIXTURES, "bills_zipcrypto.zip"));
  await click(driver, "choose-files");
  await byTestId(driver, "zip-password-prompt");
  await typeInto(driver, await byTestId(driver, "zip-password"), "000000");
  await click(driver, "zip-password-submit");
  await byTestId(driver, "zip-password-wrong");
  await app.screenshot("formats-02-zip-wrong-password");
  await typeInto(driver, await byTestId(driver, "zip-password"), "654321");
  await click(driver, "zip-password-submit");
  // The WeChat bill names its account; the CSV-named .xls names none, so the preview shows it
  // and asks. The answer is for that bill only.
  await waitText(driver, "account-hint", /does not say which account/);
  await typeInto(driver, await byTestId(driver, "account-input"), "Household");
  await typeInto(driver, await byTestId(driver, "currency-input"), "GBP");
  await driver.wait(async () => (await countTestId(driver, "currency-hint")) === 0, 15000, "the currency question stayed");
  await clickInView(driver, "import-confirm");
  const summary = await waitText(driver, "import-summary", /export_csv_named\.xls/, 30000);
  assert.match(summary, /wechat_2026\.xlsx/);
  await app.screenshot("formats-03-zip-imported");

  await click(driver, "nav-transactions");
  await waitText(driver, "tx-count", /^12 transactions/);
});
