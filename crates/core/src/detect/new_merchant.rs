//! A large charge at a merchant the account has never paid before (`new_merchant_large`).
//! "Large" is measured against what this user usually spends the first time at a new place:
//! a percentile of their first charges per merchant, times a factor.

use super::explain;
use super::foreign;
use super::index::{add_days, merchant_name, Scope};
use super::stats::percentile;
use super::{Flag, Reason, Severity};

/// Fewer first charges than this and the distribution says nothing; fall back to all charges.
const MIN_SAMPLES: usize = 10;

pub(crate) fn large_first_charges(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let account = scope.account;
    let Some(usual) = usual_first_charge(scope) else {
        return;
    };
    let threshold = scope.cfg.scaled(scope.cfg.new_merchant_factor) * usual as f64;
    // Early in an account's history every merchant is new; judging newness must wait.
    let judged_from = add_days(
        account.first_date,
        i64::from(scope.cfg.warmup_days.min(3650)),
    );
    for group in &account.groups {
        // A merchant that goes on to bill regularly is a new payee (rent, gym), not a surprise.
        if group.currency != account.home || group.series.is_some() || scope.is_trusted(group) {
            continue;
        }
        let Some(&first) = group.charges.first() else {
            continue;
        };
        let first_date = scope.txn(first).date;
        if first_date < judged_from {
            continue;
        }
        for &i in group
            .charges
            .iter()
            .take_while(|&&i| scope.txn(i).date == first_date)
        {
            let t = scope.txn(i);
            let amount = t.amount.saturating_abs() as f64;
            // Abroad, a large bill at a place never seen before is the trip itself (a hotel);
            // the `foreign` rule already shows the charge, saying where it was made.
            if !scope.is_new(i) || amount <= threshold || foreign::abroad(t, account.home) {
                continue;
            }
            let severity = if amount > 2.0 * threshold {
                Severity::High
            } else {
                Severity::Medium
            };
            let text = explain::new_merchant_large(t, &merchant_name(t), usual);
            out.push(scope.flag(i, Reason::NewMerchantLarge, severity, &[], text));
        }
    }
}

/// The configured percentile of first charges at each merchant (home currency), or of all
/// home-currency charges when there are too few merchants to say.
fn usual_first_charge(scope: &Scope) -> Option<i64> {
    let account = scope.account;
    let p = scope.cfg.new_merchant_percentile;
    let mut firsts: Vec<i64> = account
        .groups
        .iter()
        .filter(|g| g.currency == account.home)
        .filter_map(|g| g.charges.first())
        .map(|&i| scope.txn(i).amount.saturating_abs())
        .collect();
    if firsts.len() >= MIN_SAMPLES {
        firsts.sort_unstable();
        return percentile(&firsts, p);
    }
    let mut all: Vec<i64> = account
        .charges
        .iter()
        .map(|&(i, _)| scope.txn(i))
        .filter(|t| t.currency == account.home)
        .map(|t| t.amount.saturating_abs())
        .collect();
    if all.len() < MIN_SAMPLES {
        return None;
    }
    all.sort_unstable();
    percentile(&all, p)
}
