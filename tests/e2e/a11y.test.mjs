// Accessibility of every screen in the real webview, in the light and the dark theme: axe-core's
// WCAG 2.1 A and AA rules (names and labels of controls, roles, landmarks, and colour contrast as
// WebKit actually renders it), with the sample data loaded so the screens have content.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startApp, click, waitText, ROOT, appTest } from "./driver.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const SCREENS = ["review", "transactions", "import", "insights", "cases", "settings", "about"];

let app;
const test = appTest(() => app);
before(async () => {
  app = await startApp();
  await click(app.driver, "nav-import");
  await click(app.driver, "import-sample");
  await waitText(app.driver, "import-summary", /flagged/);
});
after(async () => {
  await app?.stop();
});

/** axe's violations on the page as it is now, one line each with up to three places. */
async function audit(driver) {
  await driver.executeScript(`if (!window.axe) { ${AXE} }`);
  const json = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then((r) => done(JSON.stringify(r.violations.map((v) =>
        v.id + " (" + v.impact + "): " + v.help + " — " +
        v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " [" + (n.failureSummary || "").replace(/\\s+/g, " ") + "]").join("; ")))))
      .catch((e) => done(JSON.stringify(["axe failed: " + e])));`);
  return JSON.parse(json);
}

for (const theme of ["light", "dark"]) {
  test(`every screen passes WCAG 2.1 AA checks in the ${theme} theme`, async () => {
    const { driver } = app;
    await driver.executeScript(`document.documentElement.dataset.theme = arguments[0];`, theme);
    const found = [];
    for (const screen of SCREENS) {
      await click(driver, `nav-${screen}`);
      // Let the screen load its data and settle before it is judged.
      await driver.sleep(1500);
      for (const v of await audit(driver)) found.push(`${screen}: ${v}`);
    }
    assert.deepEqual(found, [], `accessibility problems:\n${found.join("\n")}`);
  });
}
