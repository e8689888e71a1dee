//! Unexpected amounts at merchants the user already knows: a charge several times the
//! merchant's usual amount (`amount_outlier`), and a recurring charge whose price went up
//! (`price_increase`, low severity: it is news, rarely an error).

use super::explain;
use super::index::{merchant_name, Group, Scope};
use super::stats::percentile_without;
use super::{Flag, Reason, Severity};

/// Compares each regular charge of a recurring series with the one before it.
pub(crate) fn series_price_changes(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let factor = scope.cfg.scaled(scope.cfg.outlier_factor);
    for group in &scope.account.groups {
        let Some(series) = &group.series else { continue };
        if scope.is_trusted(group) {
            continue;
        }
        for w in series.regular.windows(2) {
            let (prev, cur) = (group.charges[w[0]], group.charges[w[1]]);
            if !scope.is_new(cur) {
                continue;
            }
            let before = scope.txn(prev).amount.saturating_abs();
            let now = scope.txn(cur).amount.saturating_abs();
            if now <= before {
                continue;
            }
            let t = scope.txn(cur);
            let name = merchant_name(t);
            let ratio = now as f64 / before.max(1) as f64;
            if ratio >= factor {
                let severity = if ratio >= 2.0 * factor { Severity::High } else { Severity::Medium };
                let text = explain::amount_outlier(t, &name, before);
                out.push(scope.flag(cur, Reason::AmountOutlier, severity, &[prev], text));
            } else {
                let text = explain::price_increase(t, &name, before);
                out.push(scope.flag(cur, Reason::PriceIncrease, Severity::Low, &[prev], text));
            }
        }
    }
}

/// A charge far above a known merchant's median and above the top of its usual range.
/// Recurring series are handled above; only their off-cycle extras are checked here.
pub(crate) fn amount_outliers(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let factor = scope.cfg.scaled(scope.cfg.outlier_factor);
    let spread = scope.cfg.scaled(2.0);
    let min_known = scope.cfg.outlier_min_known.max(1) as usize;
    for group in &scope.account.groups {
        if group.charges.len() <= min_known || scope.is_trusted(group) {
            continue;
        }
        let mut earlier_days_start = 0;
        for (pos, &i) in group.charges.iter().enumerate() {
            let t = scope.txn(i);
            // `earlier_days_start` = how many charges fall on days before this one.
            if pos > 0 && scope.txn(group.charges[pos - 1]).date != t.date {
                earlier_days_start = pos;
            }
            if earlier_days_start < min_known || !scope.is_new(i) || !checked_here(group, pos) {
                continue;
            }
            let amount = t.amount.saturating_abs();
            let (Some(median), Some(p90)) = (
                percentile_without(&group.sorted_abs, amount, 0.5),
                percentile_without(&group.sorted_abs, amount, 0.9),
            ) else {
                continue;
            };
            let threshold = (factor * median as f64).max(spread * p90 as f64);
            if (amount as f64) <= threshold {
                continue;
            }
            let severity = if amount as f64 > 2.0 * threshold { Severity::High } else { Severity::Medium };
            let text = explain::amount_outlier(t, &merchant_name(t), median);
            out.push(scope.flag(i, Reason::AmountOutlier, severity, &[], text));
        }
    }
}

fn checked_here(group: &Group, pos: usize) -> bool {
    match &group.series {
        None => true,
        // Extras are in position order.
        Some(series) => series.extras.binary_search_by_key(&pos, |&(p, _)| p).is_ok(),
    }
}
