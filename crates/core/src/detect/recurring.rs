//! Recurring charges (subscriptions, rent, phone bills): a merchant that charges a stable amount
//! on a regular cycle. Found per (account, merchant key, currency) from the gaps between charges.

use super::days::{add_days, days_between};
use super::stats::median_i64;
use crate::model::Txn;
use chrono::{Months, NaiveDate};

/// A regular series inside one merchant group. Positions index the group's `charges`.
#[derive(Clone, Debug)]
pub(crate) struct Series {
    pub period_days: u32,
    /// Charges on the cycle, in date order.
    pub regular: Vec<usize>,
    /// Charges that fell inside a cycle already paid (e.g. billed twice), in date order; each
    /// with the position of the regular charge it follows.
    pub extras: Vec<(usize, usize)>,
    /// Charges at a very different amount from the series' price (a third or less, or
    /// `OTHER_RATIO` times or more): purchases beside the subscription, such as the same
    /// brand's shop. They are neither bills of the series nor a break in it.
    pub others: Vec<usize>,
}

impl Series {
    /// Fewer regular charges than an established series: two bills one cycle apart and a
    /// third charge inside a cycle. Enough to judge that charge, not to list a subscription.
    pub fn is_young(&self) -> bool {
        self.regular.len() < MIN_REGULAR
    }
}

/// The cycles we recognise: (nominal days, shortest gap, longest gap, the shortest calendar
/// span of the cycle). Weekly and shorter are left out on purpose: a weekly coffee at one price
/// is a habit, not a subscription.
const PERIODS: &[(u32, i64, i64, i64)] = &[
    (30, 26, 35, 28),
    (61, 56, 66, 59),
    (91, 84, 98, 89),
    (182, 172, 192, 181),
    (365, 350, 380, 365),
];

const MIN_REGULAR: usize = 3;

/// A charge this many times the series' price, or this fraction of it, is a purchase beside
/// the subscription (the same factor that makes a price change an outlier).
const OTHER_RATIO: i64 = 3;

/// A young series is only believed when its two bills keep the day of the month (or of the
/// cycle) within this many days, as a biller's schedule does.
const YOUNG_DAY_SLACK: i64 = 3;

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
    let period = PERIODS
        .iter()
        .find(|(_, lo, hi, _)| (*lo..=*hi).contains(&median_gap));
    // With a few charges, one bill inside a cycle weighs as much as the cycles in the median
    // gap (two bills a month apart and a third two weeks later: gaps 31 and 14). Each cycle
    // is tried instead; a shop's charges fit none (too many of them fall inside a cycle).
    if period.is_none() && charges.len() > YOUNG_MAX_CHARGES {
        return None;
    }
    // Only merchants that may bill on a cycle get here (few): their columns are copied once.
    let dates: Vec<NaiveDate> = charges.iter().map(|&i| txns[i].date).collect();
    let amounts: Vec<i64> = charges
        .iter()
        .map(|&i| txns[i].amount.saturating_abs())
        .collect();
    match period {
        Some(period) => series_with(period, &dates, &amounts),
        None => PERIODS
            .iter()
            .find_map(|period| series_with(period, &dates, &amounts)),
    }
}

/// How many charges a merchant may have for every cycle to be tried on them.
const YOUNG_MAX_CHARGES: usize = 8;

/// The series on `period`, if the charges make one: bills inside a cycle are extras as far as
/// a few days before the cycle's shortest calendar span (a second bill anywhere in the
/// cycle), else, for a series that does not hold with that, as far as 60% of the period.
fn series_with(
    &(period, lo, hi, shortest): &(u32, i64, i64, i64),
    dates: &[NaiveDate],
    amounts: &[i64],
) -> Option<Series> {
    let slack = (i64::from(period) / 6).max(3);
    let narrow = (f64::from(period) * 0.6).ceil() as i64;
    let wide = (shortest - slack).max(narrow);
    let check = |s: Series| valid(s, lo, hi, dates, amounts);
    check(walk(period, wide, hi, dates, amounts))
        .or_else(|| (wide > narrow).then(|| check(walk(period, narrow, hi, dates, amounts)))?)
}

/// Walks the charges: one at a very different amount from the last bill is another purchase,
/// unless it stands alone where a bill is due (then it is the bill, at an odd price); one that
/// comes less than `cut` days after the last regular charge is an extra; the rest are regular.
fn walk(period: u32, cut: i64, hi: i64, dates: &[NaiveDate], amounts: &[i64]) -> Series {
    let mut sorted = amounts.to_vec();
    let price = median_i64(&mut sorted).unwrap_or(0);
    let odd = |a: i64, price: i64| {
        a >= price.saturating_mul(OTHER_RATIO) || a.saturating_mul(OTHER_RATIO) <= price
    };
    let mut others = Vec::new();
    let mut regular: Vec<usize> = Vec::new();
    let mut extras = Vec::new();
    for pos in 0..dates.len() {
        let Some(&last) = regular.last() else {
            // The series starts at its first charge at about the usual price.
            if odd(amounts[pos], price) {
                others.push(pos);
            } else {
                regular.push(pos);
            }
            continue;
        };
        let gap = days_between(dates[last], dates[pos]);
        let is_odd = odd(amounts[pos], amounts[last]);
        // The cycle's bill at the usual price comes later: this one is beside it.
        let bill_follows = || {
            (pos + 1..dates.len())
                .take_while(|&j| days_between(dates[last], dates[j]) <= hi)
                .any(|j| !odd(amounts[j], amounts[last]))
        };
        if is_odd && (gap < cut || bill_follows()) {
            others.push(pos);
        } else if gap < cut {
            extras.push((pos, last));
        } else {
            regular.push(pos);
        }
    }
    Series {
        period_days: period,
        regular,
        extras,
        others,
    }
}

fn valid(s: Series, lo: i64, hi: i64, dates: &[NaiveDate], amounts: &[i64]) -> Option<Series> {
    let n = s.regular.len();
    if n < 2 {
        return None;
    }
    if n < MIN_REGULAR {
        // Young: two bills of one price a cycle apart on the biller's day, then a charge
        // inside the cycle, and nothing else at this merchant.
        let (a, b) = (s.regular[0], s.regular[1]);
        let due = next_due(dates[a], s.period_days);
        if s.extras.is_empty()
            || s.extras.iter().any(|&(p, _)| p < b)
            || !s.others.is_empty()
            || amounts[a] != amounts[b]
            || days_between(due, dates[b]).abs() > YOUNG_DAY_SLACK
        {
            return None;
        }
    }
    let on_cycle = s
        .regular
        .windows(2)
        .filter(|w| (lo..=hi).contains(&days_between(dates[w[0]], dates[w[1]])))
        .count();
    if (on_cycle as f64) < 0.75 * (n - 1) as f64 {
        return None;
    }
    // A subscription's price changes rarely; groceries or utilities change every time.
    let changes = s
        .regular
        .windows(2)
        .filter(|w| amounts[w[0]] != amounts[w[1]])
        .count();
    if changes > (n / 4).max(1) {
        return None;
    }
    // Extras and other purchases are few by nature; a merchant with as many of them as
    // regular charges is a shop.
    if (s.extras.len() + s.others.len()) * 2 > n {
        return None;
    }
    Some(s)
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
        add_days(last, i64::from(period_days))
    }
}
