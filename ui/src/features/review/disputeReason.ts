// Which dispute a flag leads to: the detection rule says what went wrong, the dispute reason says
// what the user asks the merchant or bank to put right.
const DISPUTE_REASON: Record<string, string> = {
  double_charge: "double_charge",
  subscription_billed_twice: "double_charge",
  card_testing: "not_authorised",
  new_merchant_large: "not_authorised",
  foreign: "not_authorised",
  amount_outlier: "wrong_amount",
  price_increase: "wrong_amount",
};

/** The dispute reason for a flag reason; a rule added later falls back to "not authorised". */
export function disputeReason(flagReason: string): string {
  return DISPUTE_REASON[flagReason] ?? "not_authorised";
}

const SEVERITY_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };

/** Most severe first, then newest, then the latest raised: the order the inbox shows. */
export function byUrgency<T extends { severity: string; date: string; id: number }>(a: T, b: T): number {
  return (
    (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) ||
    b.date.localeCompare(a.date) ||
    b.id - a.id
  );
}
