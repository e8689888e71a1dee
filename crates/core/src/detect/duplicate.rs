//! Duplicate charges: the same purchase charged twice (`double_charge`), and a recurring
//! merchant billing again inside a cycle already paid (`subscription_billed_twice`).

use super::days::days_between;
use super::explain;
use super::index::{merchant_name, ChargeColumns, Group, Scope};
use super::{Flag, FlagReason, Severity};
use crate::model::Txn;
use std::collections::{HashMap, HashSet};

pub(crate) fn double_charges(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let window = scope.cfg.window();
    for group in &scope.account.groups {
        // A recurring merchant's bills are judged against its cycle instead (below); its
        // purchases beside the series (the brand's shop) can be charged twice like any other.
        let others: Vec<usize>;
        let members: &[usize] = match &group.series {
            None => &group.charges,
            Some(series) => {
                others = series.others.iter().map(|&p| group.charges[p]).collect();
                &others
            }
        };
        if members.len() < 2 {
            continue;
        }
        let cols = ChargeColumns::of_rows(scope, members);
        let pairs = same_amount_pairs(members, &cols, window);
        if pairs.is_empty() {
            continue;
        }
        // How often this merchant repeats the same amount after each gap (in days): a fare
        // paid twice a day, or the same coffee on consecutive days, is the user's routine.
        let mut routine = [0u32; 32];
        for &(_, _, gap) in &pairs {
            routine[gap as usize] += 1;
        }
        // On how many days each amount was paid: the same price day after day (a day pass, a
        // usual order) is a habit, so equal charges on neighbouring days are no surprise.
        let days_by_amount = distinct_days_by_amount(&cols);
        let fixed_prices = charges_fixed_prices(&cols, window);
        let mut refunds = RefundFinder::new(scope, group);
        for &(first, second, gap) in &pairs {
            if !scope.is_new(second) {
                continue;
            }
            let min = scope.cfg.routine_min_repeats;
            if routine[gap as usize].saturating_sub(1) >= min {
                continue;
            }
            let amount = scope.txn(second).amount;
            let habitual_days = days_by_amount.get(&amount).copied().unwrap_or(0);
            if gap > 0 && habitual_days.saturating_sub(2) >= min as usize {
                continue;
            }
            let refund = refunds.take(first, second);
            // Same day is the classic duplicate authorisation; next day a late posting, two
            // days a repeated posting: at a place whose prices vary to the cent (groceries, a
            // meal, an order), the same amount again that soon is the same purchase. Where the
            // user pays the same prices again and again (a café's menu, a fare), an equal
            // charge a day or two later is as likely their habit, so it stays low.
            // Abroad, the same price on another day is a day ticket or a daily meal on a trip
            // (whose later days may only arrive with the next statement), not a duplicate: a
            // duplicate authorisation abroad shows on the same day like any other. A card loaded
            // in one currency and spent in another is abroad too, even if every purchase on it is.
            if gap > 0 && scope.account.abroad(scope.txn(second)) {
                continue;
            }
            let severity = match (refund, gap) {
                (Some(_), _) => Severity::Low,
                (None, 0) => Severity::High,
                (None, _) if fixed_prices => Severity::Low,
                (None, _) => Severity::Medium,
            };
            let (a, b) = (scope.txn(first), scope.txn(second));
            let text =
                explain::double_charge(a, b, &merchant_name(b), refund.map(|r| scope.txn(r)));
            let mut related = vec![first];
            related.extend(refund);
            out.push(scope.flag(second, FlagReason::DoubleCharge, severity, &related, text));
        }
    }
}

fn distinct_days_by_amount(cols: &ChargeColumns) -> HashMap<i64, usize> {
    let mut last_day: HashMap<i64, chrono::NaiveDate> = HashMap::new();
    let mut days: HashMap<i64, usize> = HashMap::new();
    for (&amount, &date) in cols.amounts.iter().zip(&cols.dates) {
        if last_day.insert(amount, date) != Some(date) {
            *days.entry(amount).or_default() += 1;
        }
    }
    days
}

/// Whether the merchant charges fixed prices: at least three of its charges, and a quarter of
/// them or more, are of an amount it also charged more than `window` days apart (a menu, a
/// fare). Equal amounts only within the window do not count: they are the pairs being judged.
/// At a shop whose bills vary to the cent, amounts repeat far apart only by chance, rarely.
fn charges_fixed_prices(cols: &ChargeColumns, window: i64) -> bool {
    let mut span: HashMap<i64, (chrono::NaiveDate, chrono::NaiveDate, usize)> = HashMap::new();
    for (&amount, &date) in cols.amounts.iter().zip(&cols.dates) {
        let e = span.entry(amount).or_insert((date, date, 0));
        e.1 = date;
        e.2 += 1;
    }
    let repeated: usize = span
        .values()
        .filter(|&&(first, last, _)| days_between(first, last) > window)
        .map(|&(_, _, n)| n)
        .sum();
    repeated >= 3 && repeated * 4 >= cols.amounts.len()
}

/// Consecutive charges of equal amount within the window among `members` (history indices in
/// date order, read into `cols`): (earlier, later, gap in days).
fn same_amount_pairs(
    members: &[usize],
    cols: &ChargeColumns,
    window: i64,
) -> Vec<(usize, usize, i64)> {
    // Per amount: the position (in the group's charges) of its latest charge.
    let mut last_by_amount: HashMap<i64, usize> = HashMap::new();
    let mut pairs = Vec::new();
    for (pos, &amount) in cols.amounts.iter().enumerate() {
        if let Some(prev) = last_by_amount.insert(amount, pos) {
            let gap = days_between(cols.dates[prev], cols.dates[pos]);
            if (0..=window).contains(&gap) {
                pairs.push((members[prev], members[pos], gap));
            }
        }
    }
    pairs
}

pub(crate) fn subscription_billed_twice(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let window = scope.cfg.window();
    for group in &scope.account.groups {
        let Some(series) = &group.series else {
            continue;
        };
        let mut refunds = RefundFinder::new(scope, group);
        for &(pos, regular_pos) in &series.extras {
            let (extra, regular) = (group.charges[pos], group.charges[regular_pos]);
            if !scope.is_new(extra) {
                continue;
            }
            let (e, r) = (scope.txn(extra), scope.txn(regular));
            // Same price (within 5%): a different amount is an add-on purchase, not a rebill.
            let usual = r.amount.saturating_abs();
            if (e.amount.saturating_abs() - usual).abs() * 20 > usual {
                continue;
            }
            let refund = refunds.take(regular, extra);
            let severity = match refund {
                Some(_) => Severity::Low,
                None if days_between(r.date, e.date) <= window => Severity::High,
                None => Severity::Medium,
            };
            let text = explain::billed_twice(
                r,
                e,
                &merchant_name(e),
                series.period_days,
                refund.map(|i| scope.txn(i)),
            );
            let mut related = vec![regular];
            related.extend(refund);
            out.push(scope.flag(
                extra,
                FlagReason::SubscriptionBilledTwice,
                severity,
                &related,
                text,
            ));
        }
    }
}

/// Finds the refund that resolves a duplicate: same merchant, same amount back, dated from the
/// first charge to `refund_window_days` after the second, and not the return of the first
/// charge's own order (`returns_the_other`). Each refund resolves one duplicate.
struct RefundFinder<'s> {
    scope: &'s Scope<'s>,
    by_amount: HashMap<i64, Vec<usize>>,
    used: HashSet<usize>,
}

impl<'s> RefundFinder<'s> {
    fn new(scope: &'s Scope<'s>, group: &Group) -> Self {
        let mut by_amount: HashMap<i64, Vec<usize>> = HashMap::new();
        for &i in &group.refunds {
            by_amount.entry(scope.txn(i).amount).or_default().push(i);
        }
        RefundFinder {
            scope,
            by_amount,
            used: HashSet::new(),
        }
    }

    fn take(&mut self, first: usize, second: usize) -> Option<usize> {
        let (a, b) = (self.scope.txn(first), self.scope.txn(second));
        let candidates = self.by_amount.get(&b.amount.saturating_neg())?;
        let latest = super::days::add_days(
            b.date,
            i64::from(self.scope.cfg.refund_window_days.min(3650)),
        );
        let start = candidates.partition_point(|&r| self.scope.txn(r).date < a.date);
        let found = candidates[start..]
            .iter()
            .take_while(|&&r| self.scope.txn(r).date <= latest)
            .find(|&&r| !self.used.contains(&r) && !returns_the_other(a, b, self.scope.txn(r)))
            .copied()?;
        self.used.insert(found);
        Some(found)
    }
}

/// Whether `refund` is the return of the first charge's order after the second was taken: the
/// two charges carry different descriptors (an order reference each), the refund repeats the
/// first one's and comes on a later day than the second charge. That order was sent back; the
/// money taken twice stays taken. A refund of the first order before the second charge is a
/// cancelled order bought again (resolved), and one of the second charge's order, or naming
/// neither, can be the duplicate given back.
fn returns_the_other(first: &Txn, second: &Txn, refund: &Txn) -> bool {
    first.description != second.description
        && refund.description == first.description
        && refund.date > second.date
}
