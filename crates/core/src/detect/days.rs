//! Whole-day arithmetic on dates, shared by the rules and the recurring series.

use chrono::{Duration, NaiveDate};

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

pub(crate) fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(days)).unwrap_or(d)
}
