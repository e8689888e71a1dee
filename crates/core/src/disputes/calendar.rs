//! Date arithmetic for legal windows: calendar days, months and business days.
//!
//! `add_business_days` counts Monday to Friday; `add_business_days_in` also skips the public
//! holidays of a [`HolidayCalendar`] (and counts China's adjusted working weekends), which is
//! what the plan uses (disputes-facts §9.5).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::holidays::HolidayCalendar;

/// The date `n` business days after `from` in `cal`: the first business day after `from` is
/// day 1; a zero-day clock ends on `from` if it is a business day, else on the next one.
pub fn add_business_days_in(cal: HolidayCalendar, from: NaiveDate, n: u32) -> NaiveDate {
    let mut d = from;
    let mut left = n;
    // Bounded: the longest clock is a few months, and no calendar has a month of holidays.
    for _ in 0..(u64::from(n) * 3 + 60) {
        if left == 0 {
            break;
        }
        d = add_days(d, 1);
        if cal.is_business_day(d) {
            left -= 1;
        }
    }
    roll_forward(cal, d)
}

/// `d` if it is a business day in `cal`, else the next one (a period whose last day is a
/// holiday ends on the next working day: 民法典 第203条, and the same rule elsewhere).
pub fn roll_forward(cal: HolidayCalendar, d: NaiveDate) -> NaiveDate {
    let mut day = d;
    for _ in 0..40 {
        if cal.is_business_day(day) {
            return day;
        }
        day = add_days(day, 1);
    }
    day
}

/// True for Monday to Friday.
pub fn is_business_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The date `n` business days after `from`: the first business day after `from` is day 1, so
/// a notice received on Friday with a 10-business-day clock is due on the Friday two weeks
/// later. Saturating at the end of the calendar instead of panicking.
pub fn add_business_days(from: NaiveDate, n: u32) -> NaiveDate {
    if n == 0 {
        // A zero-day clock that starts on a weekend ends on the next business day.
        return next_business_day_on_or_after(from);
    }
    // Counting business days from a Saturday or Sunday gives the same result as counting from
    // the Friday before; starting on a weekday keeps the whole-weeks jump below on a weekday.
    let mut d = from;
    for _ in 0..2 {
        if is_business_day(d) {
            break;
        }
        d = d.pred_opt().unwrap_or(d);
    }
    // Whole weeks first so the loop below runs at most a handful of times.
    d = add_days(d, u64::from(n / 5) * 7);
    let mut left = n % 5;
    // Bounded: at most 4 business days remain, which takes at most 6 calendar days.
    for _ in 0..7 {
        if left == 0 {
            break;
        }
        d = add_days(d, 1);
        if is_business_day(d) {
            left -= 1;
        }
    }
    next_business_day_on_or_after(d)
}

fn next_business_day_on_or_after(from: NaiveDate) -> NaiveDate {
    let mut d = from;
    for _ in 0..2 {
        if is_business_day(d) {
            break;
        }
        d = add_days(d, 1);
    }
    d
}

/// `from + n` calendar days, saturating at the latest representable date.
pub fn add_days(from: NaiveDate, n: u64) -> NaiveDate {
    from.checked_add_days(Days::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// `from + n` months; a day that does not exist in the target month is clamped to its last day
/// (31 January + 1 month = 28/29 February). Saturates instead of panicking.
pub fn add_months(from: NaiveDate, n: u32) -> NaiveDate {
    from.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// Days from `today` until `date` (negative when it has passed).
pub fn days_until(today: NaiveDate, date: NaiveDate) -> i64 {
    date.signed_duration_since(today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn business_days_skip_weekends() {
        // Friday 6 March 2026 + 1 business day = Monday 9 March.
        assert_eq!(add_business_days(d(2026, 3, 6), 1), d(2026, 3, 9));
        // Friday + 10 business days = Friday two weeks later.
        assert_eq!(add_business_days(d(2026, 3, 6), 10), d(2026, 3, 20));
        // Wednesday + 3 = Monday.
        assert_eq!(add_business_days(d(2026, 3, 4), 3), d(2026, 3, 9));
        // Saturday + 1 = Monday; Saturday + 5 = Friday; Sunday + 10 = Friday two weeks on.
        assert_eq!(add_business_days(d(2026, 3, 7), 1), d(2026, 3, 9));
        assert_eq!(add_business_days(d(2026, 3, 7), 5), d(2026, 3, 13));
        assert_eq!(add_business_days(d(2026, 3, 8), 10), d(2026, 3, 20));
        // Zero days from a Saturday rolls to Monday; from a weekday stays put.
        assert_eq!(add_business_days(d(2026, 3, 7), 0), d(2026, 3, 9));
        assert_eq!(add_business_days(d(2026, 3, 4), 0), d(2026, 3, 4));
    }

    #[test]
    fn business_days_match_a_day_by_day_count() {
        let start = d(2026, 1, 1);
        for offset in 0..14 {
            let from = add_days(start, offset);
            for n in 1..40u32 {
                let mut day = from;
                let mut left = n;
                while left > 0 {
                    day = day.succ_opt().unwrap();
                    if is_business_day(day) {
                        left -= 1;
                    }
                }
                assert_eq!(add_business_days(from, n), day, "{from} + {n}");
            }
        }
    }

    #[test]
    fn holiday_calendars_move_business_day_deadlines() {
        // Golden Week: a complaint received on Wednesday 30 September 2026 with a 7-working-day
        // clock skips 1–7 October and counts the working Saturday 10 October.
        let cn = HolidayCalendar::China;
        assert_eq!(add_business_days_in(cn, d(2026, 9, 30), 1), d(2026, 10, 8));
        assert_eq!(add_business_days_in(cn, d(2026, 9, 30), 3), d(2026, 10, 10));
        assert_eq!(add_business_days_in(cn, d(2026, 9, 30), 7), d(2026, 10, 15));
        // Weekends only would have said 9 October.
        assert_eq!(add_business_days(d(2026, 9, 30), 7), d(2026, 10, 9));
        // Christmas and Boxing Day (substitute Monday 28 December 2026) in England and Wales:
        // Thursday 24 December + 1 business day = Tuesday 29 December.
        let ew = HolidayCalendar::UkEnglandWales;
        assert_eq!(
            add_business_days_in(ew, d(2026, 12, 24), 1),
            d(2026, 12, 29)
        );
        // A US federal holiday: Friday 6 November 2026 + 3 business days skips Veterans Day
        // (Wednesday 11 November) → Thursday 12 November.
        let us = HolidayCalendar::UsFederal;
        assert_eq!(add_business_days_in(us, d(2026, 11, 6), 3), d(2026, 11, 12));
        assert_eq!(add_business_days(d(2026, 11, 6), 3), d(2026, 11, 11));
        // A calendar-day period ending on a holiday moves to the next working day.
        assert_eq!(roll_forward(cn, d(2026, 10, 3)), d(2026, 10, 8));
        // The weekends-only calendar agrees with add_business_days.
        for n in 0..30 {
            assert_eq!(
                add_business_days_in(HolidayCalendar::Weekends, d(2026, 3, 4), n),
                add_business_days(d(2026, 3, 4), n)
            );
        }
    }

    #[test]
    fn months_clamp_and_nothing_panics_at_the_edge() {
        assert_eq!(add_months(d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(add_months(d(2024, 1, 31), 13), d(2025, 2, 28));
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MAX, 10), NaiveDate::MAX);
        let _ = add_business_days(NaiveDate::MAX, 10);
        assert_eq!(days_until(d(2026, 3, 1), d(2026, 3, 4)), 3);
    }
}
