//! Unexpected amounts at merchants the user already knows: a charge several times the
//! merchant's usual amount (`amount_outlier`), and a recurring charge whose price went up
//! (`price_increase`, low severity: it is news, rarely an error).

use super::days::days_between;
use super::explain;
use super::index::{merchant_name, ChargeColumns, Group, Scope};
use super::stats::percentile_without;
use super::{Flag, FlagReason, Severity};
use std::collections::HashMap;

/// Walks each recurring series comparing every regular charge with the usual price: the last
/// price that was not itself an outlier, so a one-off spike neither hides nor fakes a change.
pub(crate) fn series_price_changes(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let factor = scope.cfg.scaled(scope.cfg.outlier_factor);
    for group in &scope.account.groups {
        let Some(series) = &group.series else {
            continue;
        };
        if scope.is_trusted(group) {
            continue;
        }
        let Some(&first) = series.regular.first() else {
            continue;
        };
        let (mut usual, mut usual_at) = (
            scope.txn(group.charges[first]).amount.saturating_abs(),
            group.charges[first],
        );
        for &pos in &series.regular[1..] {
            let cur = group.charges[pos];
            let t = scope.txn(cur);
            let now = t.amount.saturating_abs();
            let ratio = now as f64 / usual.max(1) as f64;
            if ratio >= factor {
                if scope.is_new(cur) {
                    let severity = if ratio >= 2.0 * factor {
                        Severity::High
                    } else {
                        Severity::Medium
                    };
                    let text = explain::amount_outlier(t, &merchant_name(t), usual);
                    out.push(scope.flag(
                        cur,
                        FlagReason::AmountOutlier,
                        severity,
                        &[usual_at],
                        text,
                    ));
                }
                continue;
            }
            if now > usual && scope.is_new(cur) {
                let text = explain::price_increase(t, &merchant_name(t), usual);
                out.push(scope.flag(
                    cur,
                    FlagReason::PriceIncrease,
                    Severity::Low,
                    &[usual_at],
                    text,
                ));
            }
            (usual, usual_at) = (now, cur);
        }
    }
}

/// A charge far above a known merchant's median and above the top of its usual range.
/// Recurring series are handled above; only their off-cycle extras are checked here.
pub(crate) fn amount_outliers(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let factor = scope.cfg.scaled(scope.cfg.outlier_factor);
    let spread = scope.cfg.scaled(2.0);
    let min_known = scope.cfg.outlier_min_known.max(1) as usize;
    let known_for = i64::from(scope.cfg.warmup_days.min(3650));
    for group in &scope.account.groups {
        if group.charges.len() <= min_known || scope.is_trusted(group) {
            continue;
        }
        // A payee paid only whole amounts the user chose (a wallet topped up with what each
        // month needs, money put aside) has no price for a larger amount to be far above: the
        // top-up before a trip is larger, not an error. Shops charge prices, to the cent.
        if user_chosen_amounts(group) {
            continue;
        }
        let mut earlier_days_start = 0;
        // The merchant's median and 90th percentile without one charge of an amount: the same
        // for every charge of that amount (a daily coffee asks once).
        let mut usual: HashMap<i64, Option<(i64, i64, i64)>> = HashMap::new();
        let cols = ChargeColumns::of(scope, group);
        for (pos, &i) in group.charges.iter().enumerate() {
            // `earlier_days_start` = how many charges fall on days before this one.
            if pos > 0 && cols.dates[pos - 1] != cols.dates[pos] {
                earlier_days_start = pos;
            }
            if earlier_days_start < min_known || !scope.is_new(i) || !checked_here(group, pos) {
                continue;
            }
            // A place paid only over the last few days (a shop on a trip, a café in a first
            // week) has no usual amount yet: a bigger basket there is not far from anything.
            if days_between(cols.dates[0], cols.dates[pos]) < known_for {
                continue;
            }
            let amount = cols.amounts[pos].saturating_abs();
            let Some((median, upper, p90)) = *usual.entry(amount).or_insert_with(|| {
                let at = |p| percentile_without(&group.sorted_abs, amount, p);
                Some((at(0.5)?, at(0.75)?, at(0.9)?))
            }) else {
                continue;
            };
            // Several times the middle of the upper half (between the median and the upper
            // quartile), not only the median: a shop whose baskets vary widely has bigger
            // orders that are still orders, while a bill's or a plan's amounts barely vary, so
            // for them this is the median.
            let middle = (median + upper) as f64 / 2.0;
            let threshold = (factor * middle).max(spread * p90 as f64);
            if (amount as f64) <= threshold {
                continue;
            }
            let severity = if amount as f64 > 2.0 * threshold {
                Severity::High
            } else {
                Severity::Medium
            };
            let t = scope.txn(i);
            let text = explain::amount_outlier(t, &merchant_name(t), median);
            out.push(scope.flag(i, FlagReason::AmountOutlier, severity, &[], text));
        }
    }
}

/// Whether the group's charges are sums a person picks, not prices a shop sets: every one a
/// whole amount (in a currency with minor units), and no one amount half of them or more (a
/// gym's steady fee is a price, even a round one).
fn user_chosen_amounts(group: &Group) -> bool {
    let unit = 10_i64.pow(group.currency.minor_digits());
    let amounts = &group.sorted_abs;
    let most_common = amounts
        .chunk_by(|a, b| a == b)
        .map(<[i64]>::len)
        .max()
        .unwrap_or(0);
    unit > 1 && amounts.iter().all(|a| a % unit == 0) && most_common * 2 < amounts.len()
}

fn checked_here(group: &Group, pos: usize) -> bool {
    match &group.series {
        None => true,
        // Extras are in position order.
        Some(series) => series
            .extras
            .binary_search_by_key(&pos, |&(p, _)| p)
            .is_ok(),
    }
}
