//! The nationwide public holidays of the EU countries whose bank-dispute bodies the law model
//! names (`law::EU_BANK_ADR`), computed by rule: fixed dates and days counted from Easter.
//!
//! PSD2 counts its clocks (Art. 73 refund, Art. 101 complaint answer) in business days, "a day
//! on which the relevant payment service provider ... is open for business as required for the
//! execution of a payment transaction" (Art. 4(37)). A bank is closed on its country's public
//! holidays, and euro payments are not settled on TARGET closing days, so a business day here is
//! neither (disputes-facts §9.5). Regional holidays (a German Land's, a Spanish community's) are
//! not included: the label says "nationwide".
//!
//! Sources, one per country:
//! - DE: the Feiertagsgesetze of all 16 Länder (New Year, Good Friday, Easter Monday, 1 May,
//!   Ascension, Whit Monday, 25–26 December) and the Einigungsvertrag Art. 2(2) (3 October).
//! - FR: Code du travail art. L3133-1 (eleven jours fériés; Good Friday and 26 December only in
//!   Alsace-Moselle, art. L3134-13, so not nationwide).
//! - NL: Algemene termijnenwet art. 3(1) — the very list that extends Dutch statutory periods:
//!   New Year, Easter Monday, Ascension, Whit Monday, Christmas and Boxing Day, the King's
//!   birthday as celebrated (27 April, or 26 April when the 27th is a Sunday) and 5 May.
//! - ES: Estatuto de los Trabajadores art. 37.2 and Real Decreto 2001/1983 art. 45 (the national
//!   holidays: 1 and 6 January, Good Friday, 1 May, 15 August, 12 October, 1 November,
//!   6, 8 and 25 December), as published each year by the BOE.
//! - IT: Legge 27 maggio 1949 n. 260 art. 2, as cut by Legge 5 marzo 1977 n. 54 and extended by
//!   Legge 8 ottobre 2025 n. 151 (4 October, San Francesco, from 2026); 2 June and 25 April by
//!   the same law as amended.
//! - IE: Organisation of Working Time Act 1997, Schedule 2, as amended (St Brigid's Day from
//!   2023: the first Monday of February, or 1 February when it is a Friday).
//! - AT: Feiertagsruhegesetz 1957 § 1 (thirteen days, including 26 October and Corpus Christi).
//! - BE: Arrêté royal du 18 avril 1974 (ten days, including 21 July and 11 November).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::holidays::easter_sunday;

/// An EU country whose public holidays are known here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EuCountry {
    De,
    Fr,
    Nl,
    Es,
    It,
    Ie,
    At,
    Be,
}

impl EuCountry {
    pub const ALL: [EuCountry; 8] = [
        EuCountry::De,
        EuCountry::Fr,
        EuCountry::Nl,
        EuCountry::Es,
        EuCountry::It,
        EuCountry::Ie,
        EuCountry::At,
        EuCountry::Be,
    ];

    /// The ISO 3166-1 alpha-2 code ("DE").
    pub fn code(self) -> &'static str {
        match self {
            EuCountry::De => "DE",
            EuCountry::Fr => "FR",
            EuCountry::Nl => "NL",
            EuCountry::Es => "ES",
            EuCountry::It => "IT",
            EuCountry::Ie => "IE",
            EuCountry::At => "AT",
            EuCountry::Be => "BE",
        }
    }

    /// The country from its two-letter code, in any case.
    pub fn parse(s: &str) -> Option<EuCountry> {
        let code = s.trim().to_ascii_uppercase();
        EuCountry::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The country's name in English and Chinese.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            EuCountry::De => ("Germany", "德国"),
            EuCountry::Fr => ("France", "法国"),
            EuCountry::Nl => ("the Netherlands", "荷兰"),
            EuCountry::Es => ("Spain", "西班牙"),
            EuCountry::It => ("Italy", "意大利"),
            EuCountry::Ie => ("Ireland", "爱尔兰"),
            EuCountry::At => ("Austria", "奥地利"),
            EuCountry::Be => ("Belgium", "比利时"),
        }
    }

    /// True on one of the country's nationwide public holidays.
    pub fn is_holiday(self, d: NaiveDate) -> bool {
        holidays(self, d.year()).contains(&d)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Easter Sunday of `y` moved by `days` (negative: before).
fn easter(y: i32, days: i64) -> Option<NaiveDate> {
    let e = easter_sunday(y)?;
    if days >= 0 {
        e.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        e.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

const GOOD_FRIDAY: i64 = -2;
const EASTER_MONDAY: i64 = 1;
const ASCENSION: i64 = 39;
const WHIT_MONDAY: i64 = 50;
const CORPUS_CHRISTI: i64 = 60;

/// The country's nationwide public holidays in `y`.
fn holidays(c: EuCountry, y: i32) -> Vec<NaiveDate> {
    let fixed = |days: &[(u32, u32)]| -> Vec<Option<NaiveDate>> {
        days.iter().map(|&(m, d)| ymd(y, m, d)).collect()
    };
    let moving = |offsets: &[i64]| -> Vec<Option<NaiveDate>> {
        offsets.iter().map(|&o| easter(y, o)).collect()
    };
    let out: Vec<Option<NaiveDate>> = match c {
        EuCountry::De => [
            fixed(&[(1, 1), (5, 1), (10, 3), (12, 25), (12, 26)]),
            moving(&[GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY]),
        ]
        .concat(),
        EuCountry::Fr => [
            fixed(&[
                (1, 1),
                (5, 1),
                (5, 8),
                (7, 14),
                (8, 15),
                (11, 1),
                (11, 11),
                (12, 25),
            ]),
            moving(&[EASTER_MONDAY, ASCENSION, WHIT_MONDAY]),
        ]
        .concat(),
        EuCountry::Nl => {
            // Koningsdag: 27 April, the 26th when the 27th is a Sunday.
            let kings_day = ymd(y, 4, 27).and_then(|d| {
                if d.weekday() == Weekday::Sun {
                    ymd(y, 4, 26)
                } else {
                    Some(d)
                }
            });
            [
                fixed(&[(1, 1), (5, 5), (12, 25), (12, 26)]),
                vec![kings_day],
                moving(&[EASTER_MONDAY, ASCENSION, WHIT_MONDAY]),
            ]
            .concat()
        }
        EuCountry::Es => [
            fixed(&[
                (1, 1),
                (1, 6),
                (5, 1),
                (8, 15),
                (10, 12),
                (11, 1),
                (12, 6),
                (12, 8),
                (12, 25),
            ]),
            moving(&[GOOD_FRIDAY]),
        ]
        .concat(),
        EuCountry::It => {
            let mut days = fixed(&[
                (1, 1),
                (1, 6),
                (4, 25),
                (5, 1),
                (6, 2),
                (8, 15),
                (11, 1),
                (12, 8),
                (12, 25),
                (12, 26),
            ]);
            if y >= 2026 {
                days.push(ymd(y, 10, 4));
            }
            [days, moving(&[EASTER_MONDAY])].concat()
        }
        EuCountry::Ie => {
            let first_monday = |m| NaiveDate::from_weekday_of_month_opt(y, m, Weekday::Mon, 1);
            let mut days = fixed(&[(1, 1), (3, 17), (12, 25), (12, 26)]);
            days.extend([first_monday(5), first_monday(6), first_monday(8)]);
            days.push(last_monday(y, 10));
            if y >= 2023 {
                // St Brigid's Day: 1 February when it is a Friday, else the first Monday.
                days.push(match ymd(y, 2, 1) {
                    Some(d) if d.weekday() == Weekday::Fri => Some(d),
                    _ => first_monday(2),
                });
            }
            [days, moving(&[EASTER_MONDAY])].concat()
        }
        EuCountry::At => [
            fixed(&[
                (1, 1),
                (1, 6),
                (5, 1),
                (8, 15),
                (10, 26),
                (11, 1),
                (12, 8),
                (12, 25),
                (12, 26),
            ]),
            moving(&[EASTER_MONDAY, ASCENSION, WHIT_MONDAY, CORPUS_CHRISTI]),
        ]
        .concat(),
        EuCountry::Be => [
            fixed(&[
                (1, 1),
                (5, 1),
                (7, 21),
                (8, 15),
                (11, 1),
                (11, 11),
                (12, 25),
            ]),
            moving(&[EASTER_MONDAY, ASCENSION, WHIT_MONDAY]),
        ]
        .concat(),
    };
    out.into_iter().flatten().collect()
}

fn last_monday(y: i32, month: u32) -> Option<NaiveDate> {
    (1..=5)
        .rev()
        .find_map(|n| NaiveDate::from_weekday_of_month_opt(y, month, Weekday::Mon, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn national_holidays_by_rule() {
        use EuCountry::*;
        // Easter 2026 is 5 April: Ascension Thursday 14 May, Whit Monday 25 May, Corpus Christi
        // Thursday 4 June.
        assert!(De.is_holiday(d(2026, 5, 14)) && Fr.is_holiday(d(2026, 5, 14)));
        assert!(De.is_holiday(d(2026, 5, 25)) && Be.is_holiday(d(2026, 5, 25)));
        assert!(At.is_holiday(d(2026, 6, 4)) && !De.is_holiday(d(2026, 6, 4)));
        assert!(De.is_holiday(d(2026, 10, 3)) && !Fr.is_holiday(d(2026, 10, 3)));
        assert!(Fr.is_holiday(d(2026, 7, 14)) && Fr.is_holiday(d(2026, 5, 8)));
        assert!(
            !Fr.is_holiday(d(2026, 4, 3)),
            "Good Friday: Alsace-Moselle only"
        );
        assert!(Es.is_holiday(d(2026, 4, 3)) && Es.is_holiday(d(2026, 10, 12)));
        assert!(
            !Es.is_holiday(d(2026, 4, 6)),
            "Easter Monday is regional in Spain"
        );
        assert!(It.is_holiday(d(2026, 6, 2)) && It.is_holiday(d(2027, 10, 4)));
        assert!(
            !It.is_holiday(d(2025, 10, 4)),
            "San Francesco from 2026 only"
        );
        assert!(Be.is_holiday(d(2026, 7, 21)) && Be.is_holiday(d(2026, 11, 11)));
        assert!(At.is_holiday(d(2026, 10, 26)) && At.is_holiday(d(2026, 12, 8)));
        // Koningsdag 2025 was a Sunday: celebrated Saturday 26 April.
        assert!(Nl.is_holiday(d(2025, 4, 26)) && !Nl.is_holiday(d(2025, 4, 27)));
        assert!(Nl.is_holiday(d(2026, 4, 27)) && Nl.is_holiday(d(2026, 5, 5)));
        // Ireland: St Brigid's Day 2026 is Monday 2 February (1 February is a Sunday); 2030's
        // 1 February is a Friday. October: last Monday.
        assert!(Ie.is_holiday(d(2026, 2, 2)) && Ie.is_holiday(d(2030, 2, 1)));
        assert!(Ie.is_holiday(d(2026, 10, 26)) && Ie.is_holiday(d(2026, 3, 17)));
        assert!(Ie.is_holiday(d(2026, 8, 3)) && !Ie.is_holiday(d(2022, 2, 7)));
    }

    #[test]
    fn codes_round_trip() {
        for c in EuCountry::ALL {
            assert_eq!(EuCountry::parse(&c.code().to_ascii_lowercase()), Some(c));
        }
        assert_eq!(EuCountry::parse("XX"), None);
        assert_eq!(EuCountry::parse(" de "), Some(EuCountry::De));
    }
}
