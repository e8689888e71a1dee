//! Card testing: fraudsters check a stolen card with tiny charges at a merchant the owner has
//! never used, often several in a row. One tiny charge at a new place is usually innocent
//! (a parking meter), so alone it is low; a burst is high.
//!
//! A wallet's bill may not name the merchant at all, so the test charges share a name with the
//! user's ordinary payments through the wallet and the merchant looks known. There, a burst of
//! tiny charges on one day that the merchant's history has never shown is the sign.

use super::days::days_between;
use super::explain;
use super::index::{merchant_name, Scope};
use super::{Flag, FlagReason, Severity};
use std::collections::{HashMap, HashSet};

pub(crate) fn tiny_charges(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let account = scope.account;
    // Candidates in date order: (history index, group index).
    let mut first_days: HashMap<usize, FirstDay> = HashMap::new();
    let mut test_days: HashMap<usize, Vec<chrono::NaiveDate>> = HashMap::new();
    let candidates: Vec<(usize, usize)> = account
        .charges
        .iter()
        .copied()
        .filter(|&(i, g)| {
            is_candidate(scope, i, g, &mut first_days) || on_a_test_day(scope, i, g, &mut test_days)
        })
        .collect();
    tiny_bursts_at_known_merchants(scope, &candidates, out);
    if candidates.is_empty() {
        return;
    }
    let mut per_group: HashMap<usize, usize> = HashMap::new();
    for &(_, g) in &candidates {
        *per_group.entry(g).or_default() += 1;
    }
    // Two pointers: how many candidates (any merchant) fall within a day either side.
    let (mut lo, mut hi) = (0usize, 0usize);
    for (n, &(i, g)) in candidates.iter().enumerate() {
        let date = scope.txn(i).date;
        while days_between(scope.txn(candidates[lo].0).date, date) > 1 {
            lo += 1;
        }
        hi = hi.max(n);
        while hi + 1 < candidates.len()
            && days_between(date, scope.txn(candidates[hi + 1].0).date) <= 1
        {
            hi += 1;
        }
        if !scope.is_new(i) {
            continue;
        }
        let nearby = hi + 1 - lo;
        let same_merchant = per_group.get(&g).copied().unwrap_or(1);
        let burst = same_merchant >= 2 || nearby >= 3;
        let severity = if burst { Severity::High } else { Severity::Low };
        let count = if burst { same_merchant.max(nearby) } else { 1 };
        let t = scope.txn(i);
        let text = explain::card_testing(t, &merchant_name(t), count);
        out.push(scope.flag(i, FlagReason::CardTesting, severity, &[], text));
    }
}

/// Bursts of tiny charges at a merchant with a history: on a day with at least two tiny
/// charges there, when no earlier day had two and tiny charges were rare there (a quarter of
/// its charges at most). Three or more are high; two of different amounts medium (testers vary
/// the amount; the same small price twice is more often a habit), two of one amount low.
/// Charges that are already candidates at a new merchant are left to `tiny_charges`.
fn tiny_bursts_at_known_merchants(
    scope: &Scope,
    candidates: &[(usize, usize)],
    out: &mut Vec<(usize, Flag)>,
) {
    let account = scope.account;
    let at_new: HashSet<usize> = candidates.iter().map(|&(i, _)| i).collect();
    // The groups with a new tiny charge (rare): only those are walked.
    let mut groups: Vec<usize> = account
        .charges
        .iter()
        .filter(|&&(i, _)| scope.is_new(i) && is_tiny(scope, i) && !at_new.contains(&i))
        .map(|&(_, g)| g)
        .collect();
    groups.sort_unstable();
    groups.dedup();
    for g in groups {
        let group = &account.groups[g];
        if scope.is_trusted(group) {
            continue;
        }
        let charges = &group.charges;
        // Before the current day: charges, tiny charges, and the most tiny charges on one day.
        let (mut before, mut tiny_before, mut most_in_a_day) = (0usize, 0usize, 0usize);
        let mut start = 0;
        while start < charges.len() {
            let date = scope.txn(charges[start]).date;
            let end = start
                + charges[start..]
                    .iter()
                    .take_while(|&&i| scope.txn(i).date == date)
                    .count();
            let day = &charges[start..end];
            let tiny: Vec<usize> = day.iter().copied().filter(|&i| is_tiny(scope, i)).collect();
            let unheard_of = before > 0 && most_in_a_day < 2 && tiny_before * 4 <= before;
            if tiny.len() >= 2 && unheard_of {
                let amounts: HashSet<i64> = tiny.iter().map(|&i| scope.txn(i).amount).collect();
                let severity = match (tiny.len(), amounts.len()) {
                    (3.., _) => Severity::High,
                    (_, 2..) => Severity::Medium,
                    _ => Severity::Low,
                };
                for &i in tiny
                    .iter()
                    .filter(|&&i| scope.is_new(i) && !at_new.contains(&i))
                {
                    let t = scope.txn(i);
                    let text = explain::card_testing(t, &merchant_name(t), tiny.len());
                    out.push(scope.flag(i, FlagReason::CardTesting, severity, &[], text));
                }
            }
            before += day.len();
            tiny_before += tiny.len();
            most_in_a_day = most_in_a_day.max(tiny.len());
            start = end;
        }
    }
}

fn is_tiny(scope: &Scope, i: usize) -> bool {
    let t = scope.txn(i);
    t.amount.saturating_abs()
        <= tiny_limit(scope.cfg.card_testing_max_minor, t.currency.minor_digits())
}

/// A tiny charge at a merchant first seen no earlier than the day before, charged on at most
/// two days in all, and only tiny amounts before this one.
fn is_candidate(
    scope: &Scope,
    i: usize,
    g: usize,
    first_days: &mut HashMap<usize, FirstDay>,
) -> bool {
    let group = &scope.account.groups[g];
    let t = scope.txn(i);
    let limit = tiny_limit(scope.cfg.card_testing_max_minor, t.currency.minor_digits());
    if t.amount.saturating_abs() > limit || group.distinct_days > 2 || scope.is_trusted(group) {
        return false;
    }
    // Computed once per group, so a flood of rows at one merchant stays linear.
    let first = *first_days.entry(g).or_insert_with(|| first_day(scope, g));
    t.date == first.date || (days_between(first.date, t.date) <= 1 && first.largest <= limit)
}

/// At most this many days of charges at a merchant known only through test bursts: past it,
/// the merchant is a habit of the user's, whatever its amounts.
const MAX_TEST_DAYS: usize = 4;

/// A tiny charge at a merchant the user knows only through bursts of tiny charges among the
/// rows being checked: this day and every earlier day there were bursts (two or more new
/// charges, all tiny, of varying amounts, as testers vary them). Card testing that comes back
/// weeks later at the same site, in the same import, is as alarming as the first time. Older
/// bursts still under suspicion are already out of the history (`Context::suspicious_ids`);
/// older ones left were seen and found fine, so they make the merchant known.
/// Routine tiny charges (two equal fares a day) repeat one price, so they are not bursts.
fn on_a_test_day(
    scope: &Scope,
    i: usize,
    g: usize,
    test_days: &mut HashMap<usize, Vec<chrono::NaiveDate>>,
) -> bool {
    let group = &scope.account.groups[g];
    if group.distinct_days > MAX_TEST_DAYS || !is_tiny(scope, i) || scope.is_trusted(group) {
        return false;
    }
    let date = scope.txn(i).date;
    test_days
        .entry(g)
        .or_insert_with(|| leading_test_days(scope, g))
        .contains(&date)
}

/// The days of a group's charges, from the first, while each one is a burst of varied tiny
/// new charges and nothing else.
fn leading_test_days(scope: &Scope, g: usize) -> Vec<chrono::NaiveDate> {
    let charges = &scope.account.groups[g].charges;
    let mut days = Vec::new();
    for day in charges.chunk_by(|&a, &b| scope.txn(a).date == scope.txn(b).date) {
        let amounts: HashSet<i64> = day.iter().map(|&c| scope.txn(c).amount).collect();
        if day.len() < 2
            || amounts.len() < 2
            || !day.iter().all(|&c| scope.is_new(c) && is_tiny(scope, c))
        {
            break;
        }
        days.push(scope.txn(day[0]).date);
    }
    days
}

/// A group's first charge day and the largest amount charged on it.
#[derive(Clone, Copy)]
struct FirstDay {
    date: chrono::NaiveDate,
    largest: i64,
}

fn first_day(scope: &Scope, g: usize) -> FirstDay {
    let charges = &scope.account.groups[g].charges;
    let date = charges
        .first()
        .map(|&c| scope.txn(c).date)
        .unwrap_or_default();
    let largest = charges
        .iter()
        .map(|&c| scope.txn(c))
        .take_while(|c| c.date == date)
        .map(|c| c.amount.saturating_abs())
        .max()
        .unwrap_or(0);
    FirstDay { date, largest }
}

/// The configured limit is in minor units of a two-decimal currency; other currencies scale.
fn tiny_limit(max_minor: i64, digits: u32) -> i64 {
    match digits {
        0 => max_minor / 100,
        1 => max_minor / 10,
        2 => max_minor,
        d => max_minor.saturating_mul(10i64.saturating_pow(d - 2)),
    }
}
