// Starts the real Recourse binary under tauri-driver (WebKitWebDriver) and hands a selenium
// session to the tests. Run under Xvfb: `xvfb-run -a node --test tests/e2e/`.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { Builder, By, until } from "selenium-webdriver";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "tests/artifacts");
export const APP = process.env.RECOURSE_APP_BINARY ?? join(ROOT, "target/debug/recourse-desktop");
export { By, until };

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((ok) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        ok(true);
      });
      socket.on("error", () => ok(false));
    });
    if (open) return;
    await sleep(200);
  }
  throw new Error(`tauri-driver did not listen on port ${port}`);
}

/**
 * A fresh app: its own database, its own answer file for the file dialog. `args` are passed to
 * the app as its command line (a file there is one opened with the app); `env` is added to its
 * environment.
 */
export async function startApp({ args = [], env = {} } = {}) {
  const home = mkdtempSync(join(tmpdir(), "recourse-e2e-"));
  const pickFile = join(home, "pick.txt");
  writeFileSync(pickFile, "");
  // Letters exported by the app land here instead of going through the Save dialog.
  const saveDir = join(home, "saved");
  mkdirSync(saveDir);
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = 4444 + Math.floor(Math.random() * 1000);
  // The driver, WebKitWebDriver and the app run in a process group of their own and write to a
  // log file, not to the test runner's pipe: whatever happens to a test, stop() (or this
  // process's exit) kills the whole group, and no leftover process can hold the runner open.
  const log = openSync(join(ARTIFACTS, "tauri-driver.log"), "a");
  const driverProcess = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1000)], {
    env: { ...process.env, RECOURSE_DB: join(home, "recourse.db"), RECOURSE_TEST_PICK_FILES: pickFile, RECOURSE_TEST_SAVE_DIR: saveDir, XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), ...env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-driverProcess.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killGroup);
  await waitForPort(port);
  let driver;
  for (let attempt = 0; attempt < 60 && !driver; attempt++) {
    try {
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}/`)
        .withCapabilities({ browserName: "wry", "tauri:options": { application: APP, args } })
        .build();
    } catch (e) {
      if (attempt === 59) throw e;
      await sleep(500);
    }
  }
  // The webview loads the UI after the session starts: wait for React's first render.
  await driver.wait(
    async () => {
      try {
        return await driver.executeScript("return document.readyState === 'complete' && !!document.querySelector('#root > *')");
      } catch {
        return false;
      }
    },
    60000,
    "the app's first screen never rendered",
  );
  return {
    driver,
    saveDir,
    /** Makes the next "Choose files…" answer with these paths. */
    willPick: (...paths) => writeFileSync(pickFile, paths.join("\n")),
    async screenshot(name) {
      writeFileSync(join(ARTIFACTS, `${name}.png`), await driver.takeScreenshot(), "base64");
    },
    async stop() {
      try {
        // A session the app no longer answers must not hold the run: give quit 20 s.
        await Promise.race([driver.quit(), sleep(20000)]);
      } finally {
        killGroup();
      }
    },
  };
}

/**
 * Types into an input the way React sees typing. WebKitWebDriver's native key events need a
 * focused top-level window, which a bare Xvfb (no window manager) never gives, so the value is
 * set through the input's own setter and an `input` event is dispatched.
 */
export async function typeInto(driver, element, text) {
  await driver.executeScript(
    `const el = arguments[0];
     const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value").set;
     setter.call(el, arguments[1]);
     el.dispatchEvent(new Event("input", { bubbles: true }));`,
    element,
    text,
  );
}

/** The first element with this data-testid, waiting for it; a node replaced mid-lookup is retried. */
export async function byTestId(driver, id, timeout = 15000) {
  let found;
  await driver.wait(
    async () => {
      try {
        [found] = await driver.findElements(By.css(`[data-testid="${id}"]`));
        return !!found;
      } catch (e) {
        if (e?.name === "StaleElementReferenceError") return false;
        throw e;
      }
    },
    timeout,
    `no element [data-testid="${id}"]`,
  );
  return found;
}

/** Runs `fn` again while the element it touched was replaced by a re-render (React redraws). */
export async function retryStale(fn, attempts = 20) {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (e?.name !== "StaleElementReferenceError" || i >= attempts) throw e;
      await sleep(100);
    }
  }
}

/** Clicks the element with this data-testid, finding it again if a re-render replaced it. */
export async function click(driver, id, timeout = 15000) {
  await retryStale(async () => (await byTestId(driver, id, timeout)).click());
}

/**
 * Clicks an element that may be below the fold of a screen that scrolls in its own pane (which
 * WebKitWebDriver does not scroll to). Screens fill in asynchronously and move their controls,
 * so the click waits until the element, scrolled into view, stays where it is.
 */
export async function clickInView(driver, id) {
  await retryStale(async () => {
    const el = await byTestId(driver, id);
    await driver.wait(
      () =>
        driver.executeScript(
          `const el = arguments[0];
           el.scrollIntoView({ block: "center" });
           const top = el.getBoundingClientRect().top;
           return new Promise((done) => setTimeout(() => done(Math.abs(el.getBoundingClientRect().top - top) < 1), 250));`,
          el,
        ),
      15000,
      `[data-testid="${id}"] never stopped moving`,
    );
    await el.click();
  });
}

/** Clicks `id` (in view) until `appears` is on screen: for a click that a re-render may swallow. */
export async function clickUntil(driver, id, appears, timeout = 15000) {
  await driver.wait(
    async () => {
      if ((await countTestId(driver, appears)) > 0) return true;
      await clickInView(driver, id);
      for (let i = 0; i < 10; i++) {
        if ((await countTestId(driver, appears)) > 0) return true;
        await sleep(300);
      }
      return false;
    },
    timeout,
    `clicking [data-testid="${id}"] never showed [data-testid="${appears}"]`,
  );
}

/** How many elements carry this data-testid right now. */
export async function countTestId(driver, id) {
  return retryStale(async () => (await driver.findElements(By.css(`[data-testid="${id}"]`))).length);
}

/** Chooses an option of a <select> the way React sees a user's choice (see typeInto). */
export async function selectValue(driver, element, value) {
  await driver.executeScript(
    `const el = arguments[0];
     const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set;
     setter.call(el, arguments[1]);
     el.dispatchEvent(new Event("change", { bubbles: true }));`,
    element,
    value,
  );
}

export async function waitText(driver, id, pattern, timeout = 15000) {
  let text = "";
  await driver.wait(
    async () => {
      try {
        text = await (await byTestId(driver, id, timeout)).getText();
        return pattern.test(text);
      } catch (e) {
        if (e?.name === "StaleElementReferenceError") return false;
        throw e;
      }
    },
    timeout,
    `${id} never matched ${pattern}`,
  );
  return text;
}

/**
 * `test` from node:test, plus a screenshot of the window when the test fails
 * (tests/artifacts/failed-<name>.png): what the window showed is the first thing to look at.
 */
export function appTest(getApp) {
  return (name, fn) =>
    test(name, async (t) => {
      try {
        await fn(t);
      } catch (e) {
        const file = `failed-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`;
        await getApp()?.screenshot(file).catch(() => {});
        throw e;
      }
    });
}
