//! A large charge at a merchant the account has never paid before (`new_merchant_large`).
//! "Large" is measured against what this user usually spends the first time at a new place:
//! a percentile of their first charges at the places they found before, times a factor.

use super::days::add_days;
use super::explain;
use super::foreign;
use super::index::{merchant_name, Group, Scope};
use super::stats::percentile;
use super::{Flag, FlagReason, Severity};
use chrono::NaiveDate;
use std::borrow::Cow;

/// Fewer first charges than this and the distribution says nothing; fall back to all charges.
const MIN_SAMPLES: usize = 10;

/// Charges abroad within this many days of another one abroad make a trip.
const TRIP_DAYS: i64 = 2;

pub(crate) fn large_first_charges(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let account = scope.account;
    let factor = scope.cfg.scaled(scope.cfg.new_merchant_factor);
    let usual_at_first = usual_first_charges(scope, factor);
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
        let Some(usual) = usual_at_first[g] else {
            continue;
        };
        let threshold = factor * usual as f64;
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
                    .get_or_insert_with(|| Trips::of(scope))
                    .on_a_trip(t.date, g, threshold)
            {
                continue;
            }
            let severity = if amount > 2.0 * threshold {
                Severity::High
            } else {
                Severity::Medium
            };
            let text = explain::new_merchant_large(t, &merchant_name(t), usual);
            out.push(scope.flag(i, FlagReason::NewMerchantLarge, severity, &[], text));
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

/// The account's charges abroad, by date: (date, group, amount in the home currency or `None`),
/// for telling a trip from a lone charge abroad. Built only when a large first charge abroad
/// needs it.
struct Trips(Vec<(NaiveDate, usize, Option<i64>)>);

impl Trips {
    fn of(scope: &Scope) -> Trips {
        let home = scope.account.home;
        let days = scope
            .account
            .charges
            .iter()
            .filter(|&&(i, _)| foreign::abroad(scope.txn(i), home))
            .map(|&(i, g)| {
                let t = scope.txn(i);
                let amount = (t.currency == home).then(|| t.amount.saturating_abs());
                (t.date, g, amount)
            })
            .collect();
        Trips(days)
    }

    /// Another merchant abroad was paid an ordinary amount (at most `threshold`) within
    /// `TRIP_DAYS` of `date`. Amounts in another currency cannot be compared: any of them is a
    /// sign of a trip.
    fn on_a_trip(&self, date: NaiveDate, group: usize, threshold: f64) -> bool {
        let from = add_days(date, -TRIP_DAYS);
        let to = add_days(date, TRIP_DAYS);
        let start = self.0.partition_point(|&(d, _, _)| d < from);
        self.0[start..]
            .iter()
            .take_while(|&&(d, _, _)| d <= to)
            .any(|&(_, g, amount)| g != group && !amount.is_some_and(|a| a as f64 > threshold))
    }
}

/// The first charge at a merchant as a place (history index): its first charge, or for a
/// merchant that bills a subscription, its first charge beside the series (the brand's shop).
/// A payee's first bill (rent, council tax) says nothing of what the user spends at a new place.
fn first_place_charge(group: &Group) -> Option<usize> {
    match &group.series {
        None => group.charges.first().copied(),
        Some(series) => series.others.first().map(|&p| group.charges[p]),
    }
}

/// Per group: the usual first charge at a new place when the merchant's first place charge was
/// made — the configured percentile of the first place charges at other merchants before that
/// day (home currency); while there are too few of them, of the first charges at every merchant
/// before that day (a payee's first bill then gives the scale of the user's money); while there
/// are too few of those, of all home-currency charges. History defines "normal" in date order,
/// and a first charge that is itself large (above `factor` × the usual of its day) and still
/// being checked does not join it: a fraud's first charge must not raise the bar for the next
/// fraud, nor for itself.
fn usual_first_charges(scope: &Scope, factor: f64) -> Vec<Option<i64>> {
    let account = scope.account;
    let p = scope.cfg.new_merchant_percentile;
    let mut usual = vec![None; account.groups.len()];
    let mut firsts: Vec<First> = Vec::new();
    for (g, group) in account.groups.iter().enumerate() {
        if group.currency != account.home {
            continue;
        }
        let place = first_place_charge(group);
        if let Some(&i) = group.charges.first() {
            if place != Some(i) {
                firsts.push(First::at(scope, i, g, false));
            }
        }
        if let Some(i) = place {
            firsts.push(First::at(scope, i, g, true));
        }
    }
    if firsts.is_empty() {
        return usual;
    }
    firsts.sort_unstable_by_key(|f| (f.date, f.row));
    let mut all: Vec<i64> = account
        .charges
        .iter()
        .map(|&(i, _)| scope.txn(i))
        .filter(|t| t.currency == account.home)
        .map(|t| t.amount.saturating_abs())
        .collect();
    all.sort_unstable();
    let fallback = (all.len() >= MIN_SAMPLES)
        .then(|| percentile(&all, p))
        .flatten();
    // First charges of earlier days that define "normal", each sorted ascending: at places, and
    // at every merchant (a merchant's first charge, whether a bill or a purchase).
    let (mut places, mut merchants): (Vec<i64>, Vec<i64>) = (Vec::new(), Vec::new());
    for day in firsts.chunk_by(|a, b| a.date == b.date) {
        let today = if places.len() >= MIN_SAMPLES {
            percentile(&places, p)
        } else if merchants.len() >= MIN_SAMPLES {
            percentile(&merchants, p)
        } else {
            fallback
        };
        for f in day {
            if f.place {
                usual[f.group] = today;
            }
            let large = today.is_some_and(|u| f.amount as f64 > factor * u as f64);
            if large && scope.is_new(f.row) {
                // Still being judged: not what the user usually spends.
                continue;
            }
            if f.place {
                insert_sorted(&mut places, f.amount);
            }
            if account.groups[f.group].charges.first() == Some(&f.row) {
                insert_sorted(&mut merchants, f.amount);
            }
        }
    }
    usual
}

/// A merchant's first charge, or its first charge as a place (see `first_place_charge`).
struct First {
    date: NaiveDate,
    row: usize,
    group: usize,
    amount: i64,
    place: bool,
}

impl First {
    fn at(scope: &Scope, row: usize, group: usize, place: bool) -> First {
        let t = scope.txn(row);
        First {
            date: t.date,
            row,
            group,
            amount: t.amount.saturating_abs(),
            place,
        }
    }
}

fn insert_sorted(sorted: &mut Vec<i64>, value: i64) {
    let at = sorted.partition_point(|&v| v < value);
    sorted.insert(at, value);
}
