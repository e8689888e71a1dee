// Which dispute a flag leads to: one mapping, shared with the case screen's "open a case" panel.
import { reasonForFlag } from "../cases/labels";
import type { FlagReason, Reason, Severity } from "../../ipc/api";

/** The dispute reason for a flag reason; a rule added later falls back to "not authorised". */
export function disputeReason(flagReason: FlagReason): Reason {
  return reasonForFlag(flagReason);
}

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Most severe first, then newest, then the latest raised: the order the inbox shows. */
export function byUrgency<T extends { severity: Severity; date: string; id: number }>(a: T, b: T): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.date.localeCompare(a.date) ||
    b.id - a.id
  );
}
