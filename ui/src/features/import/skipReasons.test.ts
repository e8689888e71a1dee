// Every reason the backend gives for a skipped line has words in both languages: the record
// below must name each `SkipReason` (tsc fails when one is added or renamed in Rust).
import { describe, expect, it } from "vitest";
import type { SkipReason } from "../../ipc/api";
import en from "../../i18n/en.json";
import zh from "../../i18n/zh-CN.json";

const REASONS: Record<SkipReason, true> = {
  blank: true,
  preamble: true,
  "a row of another account in the file": true,
  continuation: true,
  heading: true,
  footer: true,
  balance: true,
  "total row": true,
  "no amount": true,
  "information only": true,
};

describe("skip reasons", () => {
  it("are translated in English and Chinese", () => {
    for (const [name, words] of [
      ["en", en.import.skipReasons],
      ["zh-CN", zh.import.skipReasons],
    ] as const) {
      const missing = Object.keys(REASONS).filter((r) => !(r in words));
      expect(missing, name).toEqual([]);
    }
  });
});
