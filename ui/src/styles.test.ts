// Colour contrast of the themes, checked against WCAG 2.1 AA from the variables in styles.css:
// 4.5:1 for text, 3:1 for the focus ring. A colour change that makes text hard to read fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Read from disk: vitest does not load stylesheets. (The test's own URL is not a file: URL under
// jsdom, so the path comes from the module's directory name.)
const css = readFileSync(join(import.meta.dirname, "styles.css"), "utf8");

/** The `--name: #hex` variables declared in the first block that starts with `selector`. */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  expect(start, `${selector} not found in styles.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("}", start));
  const vars: Record<string, string> = {};
  for (const m of body.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) vars[m[1]] = m[2].toLowerCase();
  return vars;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const LIGHT = variables(":root {");
const DARK = variables(':root[data-theme="dark"]');
const SYSTEM_DARK = variables(':root:not([data-theme="light"])');

// [foreground, background, minimum ratio]: every pairing the stylesheet uses for text.
const PAIRS: [string, string, number][] = [
  ["text", "bg", 4.5],
  ["text", "panel", 4.5],
  ["text", "flag", 4.5],
  ["muted", "bg", 4.5],
  ["muted", "panel", 4.5],
  ["accent", "panel", 4.5],
  ["accent-text", "accent", 4.5],
  ["danger", "panel", 4.5],
  ["danger", "danger-bg", 4.5],
  ["in", "panel", 4.5],
  ["out", "panel", 4.5],
  ["high", "panel", 4.5],
  ["high", "flag", 4.5],
  ["medium", "panel", 4.5],
  ["medium", "flag", 4.5],
  ["low", "panel", 4.5],
  ["panel", "high", 4.5], // the count badge in the menu
  ["focus", "panel", 3],
  ["focus", "bg", 3],
];

describe.each([
  ["light", LIGHT],
  ["dark", DARK],
])("the %s theme", (_name, vars) => {
  it.each(PAIRS)("%s on %s reaches %s:1", (fg, bg, min) => {
    expect(vars[fg], `--${fg}`).toBeDefined();
    expect(vars[bg], `--${bg}`).toBeDefined();
    expect(contrast(vars[fg], vars[bg])).toBeGreaterThanOrEqual(min);
  });
});

describe("the dark theme chosen by the system", () => {
  it("uses exactly the colours of the dark theme chosen in settings", () => {
    // The two blocks must repeat each other (a media query cannot share a selector's block).
    expect(SYSTEM_DARK).toEqual(DARK);
  });
});

describe("contrast()", () => {
  it("matches WCAG's reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
