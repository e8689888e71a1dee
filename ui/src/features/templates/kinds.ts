// Which letter templates exist and how the editor moves between them.
import type { Jurisdiction, Lang, Step, TemplateChoice, TemplateKind } from "../../ipc/api";

export const JURISDICTIONS: Jurisdiction[] = ["us", "uk", "eu", "cn"];
export const STEPS: Step[] = ["merchant", "bank", "association", "court"];

export function sameKind(a: TemplateKind, b: TemplateKind): boolean {
  return a.jurisdiction === b.jurisdiction && a.step === b.step && a.lang === b.lang;
}

/** The languages with a template for this jurisdiction and step, as the backend lists them. */
export function languagesFor(choices: TemplateChoice[], jurisdiction: Jurisdiction, step: Step): Lang[] {
  return choices.filter((c) => c.kind.jurisdiction === jurisdiction && c.kind.step === step).map((c) => c.kind.lang);
}

/**
 * The kind after one of the three pickers changed: keeps the language when that template
 * exists, else falls back to English (every jurisdiction and step has one).
 */
export function withChange(choices: TemplateChoice[], kind: TemplateKind, change: Partial<TemplateKind>): TemplateKind {
  const next = { ...kind, ...change };
  const langs = languagesFor(choices, next.jurisdiction, next.step);
  if (!langs.includes(next.lang)) next.lang = langs.includes("en") ? "en" : (langs[0] ?? "en");
  return next;
}

export function isCustom(choices: TemplateChoice[], kind: TemplateKind): boolean {
  return choices.some((c) => c.custom && sameKind(c.kind, kind));
}

/** The [start, end) offsets of a 1-based line of `text`, to select it in the editor. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end < 0 ? text.length : end];
}

/** The 1-based line the caret at `offset` is on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
  return line;
}
