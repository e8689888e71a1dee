//! A large charge at a merchant the account has never paid before (`new_merchant_large`).
//! "Large" is measured against what this user usually spends the first time at a new place:
//! a percentile of their first charges per merchant, times a factor.

use super::days::add_days;
use super::explain;
use super::foreign;
use super::index::{merchant_name, Group, Scope};
use super::stats::percentile;
use super::{Flag, Reason, Severity};
use chrono::NaiveDate;
use std::borrow::Cow;

/// Fewer first charges than this and the distribution says nothing; fall back to all charges.
const MIN_SAMPLES: usize = 10;

/// Charges abroad within this many days of another one abroad make a trip.
const TRIP_DAYS: i64 = 2;

pub(crate) fn large_first_charges(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let account = scope.account;
    let Some(usual) = usual_first_charge(scope) else {
        return;
    };
    let threshold = scope.cfg.scaled(scope.cfg.new_merchant_factor) * usual as f64;
    // Early in an account's history every merchant is new: judging newness must wait.
    let judged_from = add_days(
        account.first_date,
        i64::from(scope.cfg.warmup_days.min(3650)),
    );
    let mut trips: Option<Trips> = None;
    for (g, group) in account.groups.iter().enumerate() {
        if group.currency != account.home || scope.is_trusted(group) {
            continue;
        }
        let firsts = first_place_charges(scope, group, threshold);
        let Some(&first) = firsts.first() else {
            continue;
        };
        if scope.txn(first).date < judged_from {
            continue;
        }
        for &i in firsts.iter() {
            let t = scope.txn(i);
            let amount = t.amount.saturating_abs() as f64;
            if !scope.is_new(i) || amount <= threshold {
                continue;
            }
            // Abroad, a large bill at a new place among ordinary spending there is the trip
            // itself (the hotel; the `foreign` rule shows it). Alone, it is as surprising as at
            // home: the user is not there.
            if foreign::abroad(t, account.home)
                && trips
                    .get_or_insert_with(|| Trips::of(scope, threshold))
                    .on_a_trip(t.date, g)
            {
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

/// The charges made while the user did not yet know this merchant as a place (history
/// indices; see `unknown_days`). A merchant that bills a subscription is a payee, not a place
/// (rent, a gym); a purchase beside the subscription (the same brand's shop) is the first
/// visit to a place.
fn first_place_charges<'g>(scope: &Scope, group: &'g Group, threshold: f64) -> Cow<'g, [usize]> {
    match &group.series {
        None => Cow::Borrowed(unknown_days(scope, &group.charges, threshold)),
        Some(series) => {
            let mut others: Vec<usize> = series.others.iter().map(|&p| group.charges[p]).collect();
            let n = unknown_days(scope, &others, threshold).len();
            others.truncate(n);
            Cow::Owned(others)
        }
    }
}

/// The leading charges of `list` (in date order) made while the place was still unknown:
/// those of its first day, and of each later day as long as every charge before it was large
/// (above `threshold`) and among the rows being checked. A place known only through charges
/// that are themselves suspect is not known: a second large charge at an exchange weeks after
/// the first, in the same import, is no less alarming. Older rows still under suspicion are
/// already out of the history (`Context::suspicious_ids`); older ones left are known fine.
fn unknown_days<'l>(scope: &Scope, list: &'l [usize], threshold: f64) -> &'l [usize] {
    let Some(&first) = list.first() else {
        return &[];
    };
    let mut date = scope.txn(first).date;
    let (mut n, mut all_large) = (0, true);
    for (k, &i) in list.iter().enumerate() {
        let t = scope.txn(i);
        if t.date != date {
            if !all_large {
                break;
            }
            date = t.date;
        }
        n = k + 1;
        all_large &= scope.is_new(i) && t.amount.saturating_abs() as f64 > threshold;
    }
    &list[..n]
}

/// The account's ordinary charges abroad, by date: (date, group), for telling a trip from a
/// lone charge abroad. Built only when a large first charge abroad needs it.
struct Trips(Vec<(NaiveDate, usize)>);

impl Trips {
    fn of(scope: &Scope, threshold: f64) -> Trips {
        let home = scope.account.home;
        let days = scope
            .account
            .charges
            .iter()
            .filter(|&&(i, _)| {
                let t = scope.txn(i);
                // Amounts in another currency cannot be compared: any of them is a sign of a trip.
                foreign::abroad(t, home)
                    && (t.currency != home || t.amount.saturating_abs() as f64 <= threshold)
            })
            .map(|&(i, g)| (scope.txn(i).date, g))
            .collect();
        Trips(days)
    }

    /// Another merchant abroad was paid an ordinary amount within `TRIP_DAYS` of `date`.
    fn on_a_trip(&self, date: NaiveDate, group: usize) -> bool {
        let from = add_days(date, -TRIP_DAYS);
        let to = add_days(date, TRIP_DAYS);
        let start = self.0.partition_point(|&(d, _)| d < from);
        self.0[start..]
            .iter()
            .take_while(|&&(d, _)| d <= to)
            .any(|&(_, g)| g != group)
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
