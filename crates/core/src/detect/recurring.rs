//! Recurring charges (subscriptions, rent, phone bills): a merchant that charges a stable amount
//! on a regular cycle. Found per (account, merchant key, currency) from the gaps between charges.

use super::index::{self, days_between};
use super::stats::median_i64;
use crate::model::Txn;
use chrono::{Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// A recurring charge as the Insights screen shows it. Amounts are positive minor units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Recurring {
    pub merchant: String,
    pub merchant_key: String,
    pub currency: String,
    pub period_days: u32,
    /// The current price (the latest regular charge), positive.
    #[ts(type = "number")]
    pub usual_amount_minor: i64,
    #[ts(type = "string")]
    pub last_date: NaiveDate,
    #[ts(type = "string")]
    pub next_expected: NaiveDate,
    /// The first price and every change after it: (date, positive amount).
    #[ts(type = "Array<[string, number]>")]
    pub price_history: Vec<(NaiveDate, i64)>,
    /// The regular charges of the series (not extra charges inside a cycle).
    #[ts(type = "Array<number>")]
    pub transaction_ids: Vec<i64>,
}

/// A regular series inside one merchant group. Positions index the group's `charges`.
#[derive(Clone, Debug)]
pub(crate) struct Series {
    pub period_days: u32,
    /// Charges on the cycle, in date order.
    pub regular: Vec<usize>,
    /// Charges that fell inside a cycle already paid (e.g. billed twice), in date order; each
    /// with the position of the regular charge it follows.
    pub extras: Vec<(usize, usize)>,
}

/// The cycles we recognise: (nominal days, shortest gap, longest gap). Weekly and shorter are
/// left out on purpose: a weekly coffee at one price is a habit, not a subscription.
const PERIODS: &[(u32, i64, i64)] = &[
    (30, 26, 35),
    (61, 56, 66),
    (91, 84, 98),
    (182, 172, 192),
    (365, 350, 380),
];

const MIN_REGULAR: usize = 3;

/// Finds the regular series among a group's charges (indices into `txns`, in date order).
pub(crate) fn find_series(txns: &[Txn], charges: &[usize]) -> Option<Series> {
    if charges.len() < MIN_REGULAR {
        return None;
    }
    let mut gaps: Vec<i64> = charges
        .windows(2)
        .map(|w| days_between(txns[w[0]].date, txns[w[1]].date))
        .collect();
    let median_gap = median_i64(&mut gaps)?;
    let &(period, lo, hi) = PERIODS
        .iter()
        .find(|(_, lo, hi)| (*lo..=*hi).contains(&median_gap))?;

    // Walk the charges: one that comes well before the next cycle is due is an extra.
    let mut regular = vec![0usize];
    let mut extras = Vec::new();
    for (pos, &i) in charges.iter().enumerate().skip(1) {
        let last = regular[regular.len() - 1];
        let gap = days_between(txns[charges[last]].date, txns[i].date);
        if (gap as f64) < f64::from(period) * 0.6 {
            extras.push((pos, last));
        } else {
            regular.push(pos);
        }
    }
    if regular.len() < MIN_REGULAR {
        return None;
    }
    let on_cycle = regular
        .windows(2)
        .filter(|w| {
            (lo..=hi).contains(&days_between(
                txns[charges[w[0]]].date,
                txns[charges[w[1]]].date,
            ))
        })
        .count();
    if (on_cycle as f64) < 0.75 * (regular.len() - 1) as f64 {
        return None;
    }
    // A subscription's price changes rarely; groceries or utilities change every time.
    let changes = regular
        .windows(2)
        .filter(|w| txns[charges[w[0]]].amount != txns[charges[w[1]]].amount)
        .count();
    if changes > (regular.len() / 4).max(1) {
        return None;
    }
    // Extras are few by nature; a merchant with as many extras as regular charges is a shop.
    if extras.len() * 2 > regular.len() {
        return None;
    }
    Some(Series {
        period_days: period,
        regular,
        extras,
    })
}

/// The recurring charges in `history` (all accounts), ordered by merchant key then currency.
pub fn recurring(history: &[Txn]) -> Vec<Recurring> {
    let (accounts, _) = index::build(history, &super::DetectConfig::default());
    let mut out = Vec::new();
    for account in &accounts {
        for group in &account.groups {
            let Some(series) = &group.series else {
                continue;
            };
            let ids: Vec<usize> = series.regular.iter().map(|&p| group.charges[p]).collect();
            let Some(&last) = ids.last() else { continue };
            let last_t = &history[last];
            let mut price_history: Vec<(NaiveDate, i64)> = Vec::new();
            for &i in &ids {
                let amount = history[i].amount.saturating_abs();
                if price_history.last().is_none_or(|&(_, a)| a != amount) {
                    price_history.push((history[i].date, amount));
                }
            }
            out.push(Recurring {
                merchant: index::merchant_name(last_t).into_owned(),
                merchant_key: group.key.to_string(),
                currency: group.currency.code().to_string(),
                period_days: series.period_days,
                usual_amount_minor: last_t.amount.saturating_abs(),
                last_date: last_t.date,
                next_expected: next_due(last_t.date, series.period_days),
                price_history,
                transaction_ids: ids.iter().map(|&i| history[i].id).collect(),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.merchant_key, &a.currency, a.last_date).cmp(&(
            &b.merchant_key,
            &b.currency,
            b.last_date,
        ))
    });
    out
}

/// The next charge date: calendar months for month-based cycles (billing keeps the day of the
/// month), plain days otherwise.
pub(crate) fn next_due(last: NaiveDate, period_days: u32) -> NaiveDate {
    let months = match period_days {
        30 => 1,
        61 => 2,
        91 => 3,
        182 => 6,
        365 => 12,
        _ => 0,
    };
    if months > 0 {
        last.checked_add_months(Months::new(months)).unwrap_or(last)
    } else {
        index::add_days(last, i64::from(period_days))
    }
}
