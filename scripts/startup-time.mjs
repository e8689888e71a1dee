#!/usr/bin/env node
// Times the desktop app from launch to its first screen, the way `make bench` does but for any
// binary (a target/ build or the installed /usr/bin/recourse-desktop): RUNS launches on a fresh
// empty database, each until the app prints "first screen shown" (RECOURSE_EXIT_AFTER_FIRST_SCREEN)
// and quits. Prints the first launch, then the median and slowest of the rest. Needs a display:
//   xvfb-run -a -s "-screen 0 1280x860x24" node scripts/startup-time.mjs BINARY [RUNS]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [app, runsArg = "6"] = process.argv.slice(2);
if (!app) {
  console.error("usage: startup-time.mjs BINARY [RUNS]");
  process.exit(2);
}
const runs = Math.max(2, Number(runsArg));
const home = mkdtempSync(join(tmpdir(), "recourse-startup-"));

function launch() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(app, [], {
      env: {
        ...process.env,
        RECOURSE_DB: join(home, "recourse.db"),
        RECOURSE_EXIT_AFTER_FIRST_SCREEN: "1",
        XDG_DATA_HOME: join(home, "data"),
        XDG_CONFIG_HOME: join(home, "config"),
      },
      stdio: ["ignore", "pipe", "ignore"],
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${app} showed no first screen within 60 s`));
    }, 60000);
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (/^first screen shown/m.test(out)) {
        clearTimeout(timer);
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      }
    });
    child.on("error", reject);
  });
}

const times = [];
for (let i = 0; i < runs; i++) {
  times.push(await launch());
  // Let the previous process finish quitting (single instance) before the next launch.
  await new Promise((r) => setTimeout(r, 500));
}
rmSync(home, { recursive: true, force: true });
const rest = times.slice(1).sort((a, b) => a - b);
const ms = (x) => `${Math.round(x)} ms`;
console.log(`first launch ${ms(times[0])}, median of the next ${rest.length} ${ms(rest[Math.floor(rest.length / 2)])}, slowest ${ms(rest.at(-1))}`);
