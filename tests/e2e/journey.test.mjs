// The dispute journey through the real app: sample data → a flagged charge → a case → its next
// action → the letter, edited and exported as PDF and text → marked as sent → on the timeline.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startApp, byTestId, waitText, typeInto, selectValue, By, click, countTestId, retryStale, appTest, clickInView as clickInViewOf, clickUntil } from "./driver.mjs";

let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** Waits for an exported file with this extension in the app's save folder. */
async function exported(ext) {
  let found;
  await app.driver.wait(
    async () => {
      found = readdirSync(app.saveDir).find((f) => f.endsWith(ext));
      return !!found;
    },
    30000,
    `no ${ext} file was written to ${app.saveDir}`,
  );
  return readFileSync(join(app.saveDir, found));
}

test("first start, sample data: the review inbox explains each flagged charge", async () => {
  const { driver } = app;
  await click(driver, "nav-import");
  await app.screenshot("journey-00-import");
  await click(driver, "import-sample");
  await waitText(driver, "import-summary", /flagged/);
  await click(driver, "nav-review");
  await byTestId(driver, "review-list");
  const explanation = await waitText(driver, "review-explanation", /\S/);
  assert.match(explanation, /line/);
  // textContent: WebKitWebDriver's visible-text rules drop the items' second lines.
  const all = await driver.executeScript("return document.querySelector('[data-testid=review-list]').textContent");
  assert.match(all, /Charged twice/);
  assert.match(all, /card testing/i);
  await app.screenshot("journey-01-review");
});

test("'looks fine' takes a flag out of the inbox for good", async () => {
  const { driver } = app;
  const count = () => countTestId(driver, "review-item");
  const before = await count();
  await click(driver, "review-fine");
  await driver.wait(async () => (await count()) === before - 1, 15000, "the dismissed flag stayed in the inbox");
});

test("disputing a flagged charge opens a case whose page shows the next action", async () => {
  const { driver } = app;
  await click(driver, "review-dispute");
  await byTestId(driver, "case-open-submit");
  await app.screenshot("journey-02-open-case");
  await click(driver, "case-open-submit");
  const next = await waitText(driver, "case-next-action", /\S/);
  assert.match(next, /Next action/);
  assert.match(await (await byTestId(driver, "case-transactions")).getText(), /\.csv:\d+/);
  // Where a plan is shown, the app says it gives information, not legal advice (§9.5).
  await waitText(driver, "legal-notice", /Recourse gives information, not legal advice\./);
  await app.screenshot("journey-03-case-page");
});

test("the letter is edited, exported as PDF and text, and marked as sent", async () => {
  const { driver } = app;
  await click(driver, "case-write-letter");
  // Each read finds the textarea again: saving the sender re-renders the letter.
  const bodyValue = () => retryStale(async () => (await byTestId(driver, "letter-body")).getAttribute("value"));
  await driver.wait(async () => (await bodyValue()).length > 20, 15000, "the letter body never arrived");

  // Sign it: the sender is empty on a first start.
  await click(driver, "letter-sender-add");
  const inForm = async (css) => (await byTestId(driver, "letter-sender-form")).findElement(By.css(css));
  await retryStale(async () => typeInto(driver, await inForm("input"), "Ada Lovelace"));
  await retryStale(async () => (await inForm('button[type="submit"]')).click());
  await driver.wait(async () => (await countTestId(driver, "letter-sender-form")) === 0, 15000, "the sender form stayed open");
  await waitText(driver, "letter-sender", /Ada Lovelace/);

  const edited = `${await bodyValue()}\n\nI called your shop on 3 November; reference 5521.`;
  await retryStale(async () => typeInto(driver, await byTestId(driver, "letter-body"), edited));
  await click(driver, "letter-export-pdf");
  const pdf = await exported(".pdf");
  assert.equal(pdf.subarray(0, 4).toString("latin1"), "%PDF");
  await byTestId(driver, "letter-reset");
  await app.screenshot("journey-04-letter");

  await click(driver, "letter-export-txt");
  assert.match((await exported(".txt")).toString("utf8"), /reference 5521/);

  await click(driver, "letter-mark-sent");
  await waitText(driver, "letter-mark-sent", /Sent/);
});

test("the case timeline shows the letter as sent", async () => {
  const { driver } = app;
  await click(driver, "letter-back");
  await waitText(driver, "case-timeline", /letter sent/);
  await app.screenshot("journey-05-case-after-sending");
  await click(driver, "nav-cases");
  await byTestId(driver, "case-row");
  await app.screenshot("journey-06-cases-list");
});

test("search finds transactions among the sample's", async () => {
  const { driver } = app;
  await click(driver, "nav-transactions");
  const all = await waitText(driver, "tx-count", /^[\d,]+ transactions/);
  await typeInto(driver, await byTestId(driver, "tx-search"), "netflix");
  const found = await waitText(driver, "tx-count", /^[1-9] transactions/);
  assert.notEqual(found, all);
  await driver.wait(async () => /Netflix/i.test(await (await byTestId(driver, "tx-table")).getText()), 15000);
  assert.equal(`${await countTestId(driver, "tx-row")} transactions`, found);
  await app.screenshot("journey-07-search");
  await typeInto(driver, await byTestId(driver, "tx-search"), "");
  await click(driver, "nav-insights");
  await driver.sleep(1500);
  await app.screenshot("journey-08-insights");
});

test("switching the language to Chinese changes every screen", async () => {
  const { driver } = app;
  await click(driver, "nav-settings");
  await app.screenshot("journey-09-settings");
  await selectValue(driver, await byTestId(driver, "settings-language"), "zh-CN");
  await waitText(driver, "nav-transactions", /交易记录/);
  await app.screenshot("journey-10-settings-zh");
  await click(driver, "nav-review");
  await waitText(driver, "review-explanation", /[\u4e00-\u9fff]/);
  await app.screenshot("journey-11-review-zh");
  await click(driver, "nav-transactions");
  await byTestId(driver, "tx-row");
  await app.screenshot("journey-12-transactions-zh");
  await click(driver, "nav-cases");
  await byTestId(driver, "case-row");
  await app.screenshot("journey-13-cases-zh");
  // The notice in Chinese on the case page and on the letter screen.
  await retryStale(async () => (await (await byTestId(driver, "case-row")).findElement(By.css("button"))).click());
  await waitText(driver, "legal-notice", /Recourse 提供的是信息，不是法律意见。/);
  await clickUntil(driver, "case-write-letter", "letter-body");
  await waitText(driver, "legal-notice", /不是法律意见/);
});

test("the user's own letter template writes the case's letter; reset brings the built-in one back", async () => {
  const { driver } = app;
  const clickInView = (id) => clickInViewOf(driver, id);
  // Screenshots from the top of the screen, once WebKit has painted the latest state.
  const toTop = async () => {
    await driver.executeScript("document.querySelector('main').scrollTop = 0");
    await driver.sleep(700);
  };
  const value = (id) => retryStale(async () => (await byTestId(driver, id)).getAttribute("value"));
  const waitValue = (id, pattern, what) => driver.wait(async () => pattern.test(await value(id)), 15000, what);
  const openRegulatorTemplate = async () => {
    await clickInView("nav-settings");
    await clickUntil(driver, "settings-templates-open", "templates-source");
    await waitValue("templates-source", /^Subject:/, "the template never loaded");
    // The sample case is a US one; its letter to the regulator has not been edited by hand.
    await selectValue(driver, await byTestId(driver, "templates-jurisdiction"), "us");
    await selectValue(driver, await byTestId(driver, "templates-step"), "association");
    await waitValue("templates-source", /^Subject: Complaint/, "the US regulator template never loaded");
  };

  await openRegulatorTemplate();
  await waitText(driver, "templates-status", /内置模板/);
  const builtin = await value("templates-source");
  assert.match(builtin, /^Dear Sir or Madam,$/m);
  // A misspelt field on line 2: refused with its line, nothing stored.
  await typeInto(driver, await byTestId(driver, "templates-source"), builtin.replace(/^Dear Sir or Madam,$/m, "Dear {{ recipient.nmae }},"));
  await clickInView("templates-save");
  await waitText(driver, "error-panel", /template line 2: undefined value 'recipient\.nmae'/);
  await waitText(driver, "templates-preview-error", /第 2 行/);
  assert.match(await (await byTestId(driver, "templates-status")).getText(), /内置模板/);
  await toTop();
  await app.screenshot("journey-14-templates-refused-zh");

  const mine = builtin.replace(/^Dear Sir or Madam,$/m, "Dear Billing Disputes Team, I write from my own template.");
  await typeInto(driver, await byTestId(driver, "templates-source"), mine);
  await clickInView("templates-preview-button");
  await waitText(driver, "templates-preview-body", /I write from my own template/);
  await clickInView("templates-save");
  await waitText(driver, "templates-status", /您的模板/);
  await waitText(driver, "templates-notice", /\S/);
  await toTop();
  await app.screenshot("journey-14-templates-zh");

  // The case's letter to the regulator now has the new wording (a US letter asked for in
  // Chinese is written in English, from the user's English template).
  await clickInView("nav-cases");
  await byTestId(driver, "case-row");
  await retryStale(async () => (await (await byTestId(driver, "case-row")).findElement(By.css("button"))).click());
  await clickUntil(driver, "step-letter-association", "letter-body");
  await waitValue("letter-body", /Dear Billing Disputes Team, I write from my own template\./, "the letter does not use the saved template");
  assert.doesNotMatch(await value("letter-body"), /美元/, "an English letter gives amounts in English");
  await toTop();
  await app.screenshot("journey-15-letter-from-own-template");

  // Reset, after confirming: the built-in wording is back.
  await openRegulatorTemplate();
  await waitText(driver, "templates-status", /您的模板/);
  await clickInView("templates-reset");
  await clickInView("templates-reset-confirm");
  await waitText(driver, "templates-status", /内置模板/);
  assert.equal(await value("templates-source"), builtin);

  // The editor in English and the dark theme, for the screenshots.
  await clickInView("templates-back");
  await selectValue(driver, await byTestId(driver, "settings-language"), "en");
  await waitText(driver, "nav-transactions", /Transactions/);
  // The radio itself is hidden under its label (a segmented control): click it by script.
  await retryStale(async () =>
    driver.executeScript("arguments[0].click()", await (await byTestId(driver, "settings-theme")).findElement(By.css('input[value="dark"]'))),
  );
  await clickUntil(driver, "settings-templates-open", "templates-source");
  await waitText(driver, "templates-status", /Built-in/);
  await waitText(driver, "templates-preview-body", /\S/);
  await toTop();
  await app.screenshot("journey-16-templates-dark");
});
