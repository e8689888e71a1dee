//! Public holidays, as data and rules, for the business-day clocks (disputes-facts §9.5:
//! "business days exclude public holidays as well as weekends").
//!
//! - US: the federal holidays as the Federal Reserve Banks observe them (5 U.S.C. §6103; a
//!   holiday on a Sunday is observed on the Monday, one on a Saturday is not moved, because
//!   Reserve Banks open on the Friday before). Reg E's business day is a day the institution is
//!   open (§1005.2(d)), which for a bank follows this schedule.
//! - UK: bank holidays of England and Wales, Scotland and Northern Ireland (Banking and
//!   Financial Dealings Act 1971, Sch. 1, and the royal proclamations moving or adding days),
//!   with substitute days when a fixed-date holiday falls on a weekend.
//! - EU: the nationwide public holidays of the user's country (`eu_holidays`, with sources)
//!   together with the TARGET closing days set by the ECB (New Year's Day, Good Friday, Easter
//!   Monday, 1 May, 25 and 26 December), the days on which euro payments are not settled. When
//!   the case does not record the country, only the TARGET days are known: that calendar never
//!   "covers" a year, so letters state the period without a date and the plan says why.
//! - China: each year's State Council General Office notice (国务院办公厅关于XXXX年部分节假日
//!   安排的通知), which fixes both the days off and the weekend days worked instead (调休). Only
//!   the years listed in `CN_YEARS` are known (2027's notice was not yet published on 7 December
//!   2026); a date in another year counts weekends only, the plan says so and a letter gives
//!   the period without a date (`covers`).

use chrono::{Datelike, NaiveDate, Weekday};

use super::eu_holidays::EuCountry;
use super::Bilingual;

/// Which public holidays a business-day clock skips.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HolidayCalendar {
    /// Saturdays and Sundays only.
    Weekends,
    UsFederal,
    UkEnglandWales,
    UkScotland,
    UkNorthernIreland,
    /// TARGET closing days (euro area) only: the country, and so its holidays, is unknown.
    EuTarget,
    /// A country's nationwide public holidays and the TARGET closing days.
    EuNational(EuCountry),
    /// Mainland China with 调休.
    China,
}

impl HolidayCalendar {
    /// A short name shown next to a deadline computed with this calendar.
    pub fn label(self) -> Bilingual {
        let (en, zh) = match self {
            HolidayCalendar::Weekends => ("weekends only".to_string(), "仅排除周末".to_string()),
            HolidayCalendar::UsFederal => (
                "US federal holidays (Federal Reserve schedule)".to_string(),
                "美国联邦假日（联邦储备银行日历）".to_string(),
            ),
            HolidayCalendar::UkEnglandWales => (
                "bank holidays of England and Wales".to_string(),
                "英格兰和威尔士银行假日".to_string(),
            ),
            HolidayCalendar::UkScotland => (
                "bank holidays of Scotland".to_string(),
                "苏格兰银行假日".to_string(),
            ),
            HolidayCalendar::UkNorthernIreland => (
                "bank holidays of Northern Ireland".to_string(),
                "北爱尔兰银行假日".to_string(),
            ),
            HolidayCalendar::EuTarget => (
                "TARGET closing days (national holidays not included)".to_string(),
                "欧元TARGET系统休市日（未含各国法定假日）".to_string(),
            ),
            HolidayCalendar::EuNational(c) => {
                let (en, zh) = c.names();
                (
                    format!("nationwide public holidays of {en} and TARGET closing days"),
                    format!("{zh}全国性法定假日及欧元TARGET系统休市日"),
                )
            }
            HolidayCalendar::China => (
                "China's statutory holidays and adjusted working days (State Council notices)"
                    .to_string(),
                "中国法定节假日及调休（国务院办公厅通知）".to_string(),
            ),
        };
        Bilingual::new(en, zh)
    }

    /// False when this calendar does not know every holiday of `year`: China's depends on each
    /// year's published notice; the TARGET days alone leave out the user's national holidays.
    /// The others follow fixed rules.
    pub fn covers(self, year: i32) -> bool {
        match self {
            HolidayCalendar::China => cn_year(year).is_some(),
            HolidayCalendar::EuTarget => false,
            _ => true,
        }
    }

    /// Why a date counted in business days cannot be given for `year` (see `covers`).
    pub fn gap_note(self, year: i32) -> Bilingual {
        match self {
            HolidayCalendar::EuTarget => Bilingual::new(
                "No date is given in the letter: a business day is a day your bank is open (PSD2 Art. 4(37)), which depends on your country's public holidays, and the case does not record your country. The date shown here counts only weekends and TARGET closing days, so it may be a day or two early. Record the country (DE, FR, NL, ES, IT, IE, AT or BE) for an exact date.",
                "信函中不写具体日期：营业日指银行营业的日子（PSD2第4条第37项），取决于您所在国家的法定假日，而本案未记录国家。此处日期仅排除周末及欧元TARGET系统休市日，可能提前一两天。记录国家（DE、FR、NL、ES、IT、IE、AT或BE）即可得到准确日期。",
            ),
            _ => Bilingual::new(
                format!("No date is given in the letter: the holidays of {year} are not yet published (the State Council announces each year's holidays and adjusted working days late in the year before), so a count through {year} would skip only weekends. The letter states the period instead; count it again once the {year} notice is out."),
                format!("信函中不写具体日期：{year}年的节假日安排尚未公布（国务院办公厅通常在上一年年末发布），按周末推算的日期可能不准。信函改为写明期限；{year}年通知发布后请重新计算。"),
            ),
        }
    }

    /// True on a day the clock counts: not a weekend (unless China makes it a working day)
    /// and not a public holiday.
    pub fn is_business_day(self, d: NaiveDate) -> bool {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        match self {
            HolidayCalendar::China => match cn_day(d) {
                Some(CnDay::Off) => false,
                Some(CnDay::Work) => true,
                None => !weekend,
            },
            _ => !weekend && !self.is_holiday(d),
        }
    }

    /// True on a public holiday (weekends aside).
    pub fn is_holiday(self, d: NaiveDate) -> bool {
        match self {
            HolidayCalendar::Weekends => false,
            HolidayCalendar::UsFederal => us_federal(d),
            HolidayCalendar::UkEnglandWales => uk(d, UkRegion::EnglandWales),
            HolidayCalendar::UkScotland => uk(d, UkRegion::Scotland),
            HolidayCalendar::UkNorthernIreland => uk(d, UkRegion::NorthernIreland),
            HolidayCalendar::EuTarget => target(d),
            HolidayCalendar::EuNational(c) => target(d) || c.is_holiday(d),
            HolidayCalendar::China => cn_day(d) == Some(CnDay::Off),
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`th (1-based) `weekday` of a month.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
}

/// The last `weekday` of a month.
fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        ymd(year + 1, 1, 1)?
    } else {
        ymd(year, month + 1, 1)?
    };
    let mut d = first_next.pred_opt()?;
    for _ in 0..7 {
        if d.weekday() == weekday {
            return Some(d);
        }
        d = d.pred_opt()?;
    }
    None
}

fn us_federal(d: NaiveDate) -> bool {
    let y = d.year();
    let mut days: Vec<NaiveDate> = Vec::with_capacity(11);
    // Fixed dates: a Sunday moves to Monday; a Saturday is not moved for the Reserve Banks.
    let mut fixed = vec![(1, 1), (7, 4), (11, 11), (12, 25)];
    if y >= 2021 {
        // Juneteenth National Independence Day Act, 17 June 2021.
        fixed.push((6, 19));
    }
    for (m, day) in fixed {
        if let Some(f) = ymd(y, m, day) {
            days.push(if f.weekday() == Weekday::Sun {
                f.succ_opt().unwrap_or(f)
            } else {
                f
            });
        }
    }
    let floating = [
        (y >= 1986)
            .then(|| nth_weekday(y, 1, Weekday::Mon, 3))
            .flatten(), // Martin Luther King Jr.
        nth_weekday(y, 2, Weekday::Mon, 3), // Washington's Birthday
        last_weekday(y, 5, Weekday::Mon),   // Memorial Day
        nth_weekday(y, 9, Weekday::Mon, 1), // Labor Day
        nth_weekday(y, 10, Weekday::Mon, 2), // Columbus Day
        nth_weekday(y, 11, Weekday::Thu, 4), // Thanksgiving
    ];
    days.extend(floating.into_iter().flatten());
    days.contains(&d)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum UkRegion {
    EnglandWales,
    Scotland,
    NorthernIreland,
}

/// The bank holidays of one UK region in one year.
fn uk_year(y: i32, region: UkRegion) -> Vec<NaiveDate> {
    use UkRegion::*;
    let mut out: Vec<NaiveDate> = Vec::new();
    // Fixed-date holidays, in date order; a weekend one gets the next weekday not already a
    // holiday (so Christmas on Saturday → Monday 27th, Boxing Day on Sunday → Tuesday 28th).
    let mut fixed: Vec<(u32, u32)> = vec![(1, 1)];
    if region == Scotland {
        fixed.push((1, 2));
    }
    if region == NorthernIreland {
        fixed.push((3, 17)); // St Patrick's Day
        fixed.push((7, 12)); // Battle of the Boyne
    }
    if region == Scotland {
        fixed.push((11, 30)); // St Andrew's Day
    }
    fixed.push((12, 25));
    fixed.push((12, 26));

    if let Some(easter) = easter_sunday(y) {
        out.extend(easter.checked_sub_days(chrono::Days::new(2))); // Good Friday
        if region != Scotland {
            out.extend(easter.succ_opt()); // Easter Monday
        }
    }
    // Early May bank holiday: first Monday of May; 1995 and 2020 moved to 8 May (VE Day).
    match y {
        1995 => out.extend(ymd(y, 5, 8)),
        2020 => out.extend(ymd(y, 5, 8)),
        _ => out.extend(nth_weekday(y, 5, Weekday::Mon, 1)),
    }
    // Spring bank holiday: last Monday of May; moved for the jubilees of 2002, 2012 and 2022.
    match y {
        2002 => out.extend([ymd(y, 6, 3), ymd(y, 6, 4)].into_iter().flatten()),
        2012 => out.extend([ymd(y, 6, 4), ymd(y, 6, 5)].into_iter().flatten()),
        2022 => out.extend([ymd(y, 6, 2), ymd(y, 6, 3)].into_iter().flatten()),
        _ => out.extend(last_weekday(y, 5, Weekday::Mon)),
    }
    // Summer bank holiday: first Monday of August in Scotland, last Monday elsewhere.
    out.extend(if region == Scotland {
        nth_weekday(y, 8, Weekday::Mon, 1)
    } else {
        last_weekday(y, 8, Weekday::Mon)
    });
    // One-off days by proclamation, UK-wide.
    let one_off: &[(i32, u32, u32)] = &[
        (1999, 12, 31), // Millennium
        (2011, 4, 29),  // Royal wedding
        (2022, 9, 19),  // State funeral of Queen Elizabeth II
        (2023, 5, 8),   // Coronation of King Charles III
    ];
    for &(oy, m, d) in one_off {
        if oy == y {
            out.extend(ymd(y, m, d));
        }
    }
    for &(m, d) in &fixed {
        if let Some(f) = ymd(y, m, d) {
            if !matches!(f.weekday(), Weekday::Sat | Weekday::Sun) {
                out.push(f);
            }
        }
    }
    for &(m, d) in &fixed {
        let Some(f) = ymd(y, m, d) else { continue };
        if matches!(f.weekday(), Weekday::Sat | Weekday::Sun) {
            let mut s = f;
            for _ in 0..10 {
                s = s.succ_opt().unwrap_or(s);
                if !matches!(s.weekday(), Weekday::Sat | Weekday::Sun) && !out.contains(&s) {
                    out.push(s);
                    break;
                }
            }
        }
    }
    out
}

fn uk(d: NaiveDate, region: UkRegion) -> bool {
    uk_year(d.year(), region).contains(&d)
}

fn target(d: NaiveDate) -> bool {
    let y = d.year();
    let mut days: Vec<NaiveDate> = [ymd(y, 1, 1), ymd(y, 5, 1), ymd(y, 12, 25), ymd(y, 12, 26)]
        .into_iter()
        .flatten()
        .collect();
    if let Some(e) = easter_sunday(y) {
        days.extend(e.checked_sub_days(chrono::Days::new(2)));
        days.extend(e.succ_opt());
    }
    days.contains(&d)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CnDay {
    Off,
    Work,
}

/// A date as written in a notice: (year, month, day).
type Ymd = (i32, u32, u32);

/// One year's State Council arrangement: days off (inclusive ranges, which may start in the
/// year before, as New Year 2019 and 2023 did) and the weekend days worked instead.
struct CnYear {
    year: i32,
    /// The notice (and any later notice changing it), cited in `docs/legal-model.md`.
    source: &'static str,
    off: &'static [(Ymd, Ymd)],
    work: &'static [Ymd],
}

/// The years whose notices were read (their text as published on gov.cn, quoted by several
/// holiday libraries and pages). Years before 2012 are not listed: no dispute from then is
/// still within the three-year limitation period (民法典 第188条).
static CN_YEARS: &[CnYear] = &[
    CnYear {
        year: 2012,
        source: "国务院办公厅关于2012年部分节假日安排的通知 (gov.cn/zwgk/2011-12/06/content_2012097.htm)",
        off: &[
            ((2012, 1, 1), (2012, 1, 3)),
            ((2012, 1, 22), (2012, 1, 28)),
            ((2012, 4, 2), (2012, 4, 4)),
            ((2012, 4, 29), (2012, 5, 1)),
            ((2012, 6, 22), (2012, 6, 24)),
            ((2012, 9, 30), (2012, 10, 7)),
        ],
        work: &[
            (2011, 12, 31),
            (2012, 1, 21),
            (2012, 1, 29),
            (2012, 3, 31),
            (2012, 4, 1),
            (2012, 4, 28),
            (2012, 9, 29),
        ],
    },
    CnYear {
        year: 2013,
        source: "国务院办公厅关于2013年部分节假日安排的通知 (gov.cn/zwgk/2012-12/10/content_2286598.htm)",
        off: &[
            ((2013, 1, 1), (2013, 1, 3)),
            ((2013, 2, 9), (2013, 2, 15)),
            ((2013, 4, 4), (2013, 4, 6)),
            ((2013, 4, 29), (2013, 5, 1)),
            ((2013, 6, 10), (2013, 6, 12)),
            ((2013, 9, 19), (2013, 9, 21)),
            ((2013, 10, 1), (2013, 10, 7)),
        ],
        work: &[
            (2013, 1, 5),
            (2013, 1, 6),
            (2013, 2, 16),
            (2013, 2, 17),
            (2013, 4, 7),
            (2013, 4, 27),
            (2013, 4, 28),
            (2013, 6, 8),
            (2013, 6, 9),
            (2013, 9, 22),
            (2013, 9, 29),
            (2013, 10, 12),
        ],
    },
    CnYear {
        year: 2014,
        source: "国务院办公厅关于2014年部分节假日安排的通知 (gov.cn/zwgk/2013-12/11/content_2546204.htm)",
        off: &[
            ((2014, 1, 1), (2014, 1, 1)),
            ((2014, 1, 31), (2014, 2, 6)),
            ((2014, 4, 5), (2014, 4, 7)),
            ((2014, 5, 1), (2014, 5, 3)),
            ((2014, 5, 31), (2014, 6, 2)),
            ((2014, 9, 6), (2014, 9, 8)),
            ((2014, 10, 1), (2014, 10, 7)),
        ],
        work: &[
            (2014, 1, 26),
            (2014, 2, 8),
            (2014, 5, 4),
            (2014, 9, 28),
            (2014, 10, 11),
        ],
    },
    CnYear {
        year: 2015,
        source: "国务院办公厅关于2015年部分节假日安排的通知 (gov.cn/zhengce/content/2014-12/16/content_9302.htm); 国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (2015)",
        off: &[
            ((2015, 1, 1), (2015, 1, 3)),
            ((2015, 2, 18), (2015, 2, 24)),
            ((2015, 4, 5), (2015, 4, 6)),
            ((2015, 5, 1), (2015, 5, 1)),
            ((2015, 6, 20), (2015, 6, 22)),
            ((2015, 9, 3), (2015, 9, 5)),
            ((2015, 9, 27), (2015, 9, 27)),
            ((2015, 10, 1), (2015, 10, 7)),
        ],
        work: &[
            (2015, 1, 4),
            (2015, 2, 15),
            (2015, 2, 28),
            (2015, 9, 6),
            (2015, 10, 10),
        ],
    },
    CnYear {
        year: 2016,
        source: "国务院办公厅关于2016年部分节假日安排的通知 (gov.cn/zhengce/content/2015-12/10/content_10394.htm)",
        off: &[
            ((2016, 1, 1), (2016, 1, 1)),
            ((2016, 2, 7), (2016, 2, 13)),
            ((2016, 4, 4), (2016, 4, 4)),
            ((2016, 5, 1), (2016, 5, 2)),
            ((2016, 6, 9), (2016, 6, 11)),
            ((2016, 9, 15), (2016, 9, 17)),
            ((2016, 10, 1), (2016, 10, 7)),
        ],
        work: &[
            (2016, 2, 6),
            (2016, 2, 14),
            (2016, 6, 12),
            (2016, 9, 18),
            (2016, 10, 8),
            (2016, 10, 9),
        ],
    },
    CnYear {
        year: 2017,
        source: "国务院办公厅关于2017年部分节假日安排的通知 (gov.cn/zhengce/content/2016-12/01/content_5141603.htm)",
        off: &[
            ((2017, 1, 1), (2017, 1, 2)),
            ((2017, 1, 27), (2017, 2, 2)),
            ((2017, 4, 2), (2017, 4, 4)),
            ((2017, 5, 1), (2017, 5, 1)),
            ((2017, 5, 28), (2017, 5, 30)),
            ((2017, 10, 1), (2017, 10, 8)),
        ],
        work: &[
            (2017, 1, 22),
            (2017, 2, 4),
            (2017, 4, 1),
            (2017, 5, 27),
            (2017, 9, 30),
        ],
    },
    CnYear {
        year: 2018,
        source: "国务院办公厅关于2018年部分节假日安排的通知 (gov.cn/zhengce/content/2017-11/30/content_5243579.htm)",
        off: &[
            ((2018, 1, 1), (2018, 1, 1)),
            ((2018, 2, 15), (2018, 2, 21)),
            ((2018, 4, 5), (2018, 4, 7)),
            ((2018, 4, 29), (2018, 5, 1)),
            ((2018, 6, 18), (2018, 6, 18)),
            ((2018, 9, 24), (2018, 9, 24)),
            ((2018, 10, 1), (2018, 10, 7)),
        ],
        work: &[
            (2018, 2, 11),
            (2018, 2, 24),
            (2018, 4, 8),
            (2018, 4, 28),
            (2018, 9, 29),
            (2018, 9, 30),
        ],
    },
    CnYear {
        year: 2019,
        source: "国务院办公厅关于2019年部分节假日安排的通知 (gov.cn/xinwen/2018-12/06/content_5346287.htm); 劳动节调整 (gov.cn/zhengce/content/2019-03/22/content_5375877.htm)",
        off: &[
            ((2018, 12, 30), (2019, 1, 1)),
            ((2019, 2, 4), (2019, 2, 10)),
            ((2019, 4, 5), (2019, 4, 5)),
            ((2019, 5, 1), (2019, 5, 4)),
            ((2019, 6, 7), (2019, 6, 7)),
            ((2019, 9, 13), (2019, 9, 13)),
            ((2019, 10, 1), (2019, 10, 7)),
        ],
        work: &[
            (2018, 12, 29),
            (2019, 2, 2),
            (2019, 2, 3),
            (2019, 4, 28),
            (2019, 5, 5),
            (2019, 9, 29),
            (2019, 10, 12),
        ],
    },
    CnYear {
        year: 2020,
        source: "国务院办公厅关于2020年部分节假日安排的通知 (gov.cn/zhengce/content/2019-11/21/content_5454164.htm); 延长2020年春节假期的通知 (gov.cn/zhengce/content/2020-01/27/content_5472352.htm)",
        off: &[
            ((2020, 1, 1), (2020, 1, 1)),
            // Extended to 2 February; the working Saturday of 1 February fell away with it.
            ((2020, 1, 24), (2020, 2, 2)),
            ((2020, 4, 4), (2020, 4, 6)),
            ((2020, 5, 1), (2020, 5, 5)),
            ((2020, 6, 25), (2020, 6, 27)),
            ((2020, 10, 1), (2020, 10, 8)),
        ],
        work: &[
            (2020, 1, 19),
            (2020, 4, 26),
            (2020, 5, 9),
            (2020, 6, 28),
            (2020, 9, 27),
            (2020, 10, 10),
        ],
    },
    CnYear {
        year: 2021,
        source: "国务院办公厅关于2021年部分节假日安排的通知 (gov.cn/zhengce/content/2020-11/25/content_5564127.htm)",
        off: &[
            ((2021, 1, 1), (2021, 1, 3)),
            ((2021, 2, 11), (2021, 2, 17)),
            ((2021, 4, 3), (2021, 4, 5)),
            ((2021, 5, 1), (2021, 5, 5)),
            ((2021, 6, 12), (2021, 6, 14)),
            ((2021, 9, 19), (2021, 9, 21)),
            ((2021, 10, 1), (2021, 10, 7)),
        ],
        work: &[
            (2021, 2, 7),
            (2021, 2, 20),
            (2021, 4, 25),
            (2021, 5, 8),
            (2021, 9, 18),
            (2021, 9, 26),
            (2021, 10, 9),
        ],
    },
    CnYear {
        year: 2022,
        source: "国务院办公厅关于2022年部分节假日安排的通知 (gov.cn/zhengce/content/2021-10/25/content_5644835.htm)",
        off: &[
            ((2022, 1, 1), (2022, 1, 3)),
            ((2022, 1, 31), (2022, 2, 6)),
            ((2022, 4, 3), (2022, 4, 5)),
            ((2022, 4, 30), (2022, 5, 4)),
            ((2022, 6, 3), (2022, 6, 5)),
            ((2022, 9, 10), (2022, 9, 12)),
            ((2022, 10, 1), (2022, 10, 7)),
        ],
        work: &[
            (2022, 1, 29),
            (2022, 1, 30),
            (2022, 4, 2),
            (2022, 4, 24),
            (2022, 5, 7),
            (2022, 10, 8),
            (2022, 10, 9),
        ],
    },
    CnYear {
        year: 2023,
        source: "国务院办公厅关于2023年部分节假日安排的通知 (gov.cn/zhengce/content/2022-12/08/content_5730844.htm)",
        off: &[
            ((2022, 12, 31), (2023, 1, 2)),
            ((2023, 1, 21), (2023, 1, 27)),
            ((2023, 4, 5), (2023, 4, 5)),
            ((2023, 4, 29), (2023, 5, 3)),
            ((2023, 6, 22), (2023, 6, 24)),
            ((2023, 9, 29), (2023, 10, 6)),
        ],
        work: &[
            (2023, 1, 28),
            (2023, 1, 29),
            (2023, 4, 23),
            (2023, 5, 6),
            (2023, 6, 25),
            (2023, 10, 7),
            (2023, 10, 8),
        ],
    },
    CnYear {
        year: 2024,
        source: "国务院办公厅关于2024年部分节假日安排的通知 (gov.cn/zhengce/content/202310/content_6911527.htm)",
        off: &[
            ((2024, 1, 1), (2024, 1, 1)),
            ((2024, 2, 10), (2024, 2, 17)),
            ((2024, 4, 4), (2024, 4, 6)),
            ((2024, 5, 1), (2024, 5, 5)),
            ((2024, 6, 8), (2024, 6, 10)),
            ((2024, 9, 15), (2024, 9, 17)),
            ((2024, 10, 1), (2024, 10, 7)),
        ],
        work: &[
            (2024, 2, 4),
            (2024, 2, 18),
            (2024, 4, 7),
            (2024, 4, 28),
            (2024, 5, 11),
            (2024, 9, 14),
            (2024, 9, 29),
            (2024, 10, 12),
        ],
    },
    CnYear {
        year: 2025,
        source: "国务院办公厅关于2025年部分节假日安排的通知 (gov.cn/zhengce/content/202411/content_6986382.htm)",
        off: &[
            ((2025, 1, 1), (2025, 1, 1)),
            ((2025, 1, 28), (2025, 2, 4)),
            ((2025, 4, 4), (2025, 4, 6)),
            ((2025, 5, 1), (2025, 5, 5)),
            ((2025, 5, 31), (2025, 6, 2)),
            ((2025, 10, 1), (2025, 10, 8)),
        ],
        work: &[
            (2025, 1, 26),
            (2025, 2, 8),
            (2025, 4, 27),
            (2025, 9, 28),
            (2025, 10, 11),
        ],
    },
    CnYear {
        year: 2026,
        source: "国务院办公厅关于2026年部分节假日安排的通知 (gov.cn/zhengce/zhengceku/202511/content_7047091.htm)",
        off: &[
            ((2026, 1, 1), (2026, 1, 3)),
            ((2026, 2, 15), (2026, 2, 23)),
            ((2026, 4, 4), (2026, 4, 6)),
            ((2026, 5, 1), (2026, 5, 5)),
            ((2026, 6, 19), (2026, 6, 21)),
            ((2026, 9, 25), (2026, 9, 27)),
            ((2026, 10, 1), (2026, 10, 7)),
        ],
        work: &[
            (2026, 1, 4),
            (2026, 2, 14),
            (2026, 2, 28),
            (2026, 5, 9),
            (2026, 9, 20),
            (2026, 10, 10),
        ],
    },
];

/// The notices behind China's calendar, one line per year (for the docs and the plan).
pub fn cn_sources() -> Vec<(i32, &'static str)> {
    CN_YEARS.iter().map(|y| (y.year, y.source)).collect()
}

fn cn_year(year: i32) -> Option<&'static CnYear> {
    CN_YEARS.iter().find(|y| y.year == year)
}

fn cn_day(d: NaiveDate) -> Option<CnDay> {
    let as_date = |(y, m, day): Ymd| ymd(y, m, day);
    // A notice may reach into the year before (New Year 2019, 2023), so look at both.
    for y in [d.year(), d.year() + 1] {
        let Some(year) = cn_year(y) else { continue };
        for &(from, to) in year.off {
            if let (Some(a), Some(b)) = (as_date(from), as_date(to)) {
                if a <= d && d <= b {
                    return Some(CnDay::Off);
                }
            }
        }
        if year.work.iter().any(|&w| as_date(w) == Some(d)) {
            return Some(CnDay::Work);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_matches_known_dates() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2019), Some(d(2019, 4, 21)));
    }

    #[test]
    fn us_federal_holidays_as_the_reserve_banks_observe_them() {
        let us = HolidayCalendar::UsFederal;
        // Thanksgiving 2026: fourth Thursday of November.
        assert!(us.is_holiday(d(2026, 11, 26)));
        // Juneteenth 2026 is a Friday; in 2022 it was a Sunday, observed Monday 20 June.
        assert!(us.is_holiday(d(2026, 6, 19)));
        assert!(us.is_holiday(d(2022, 6, 20)));
        assert!(
            !us.is_holiday(d(2020, 6, 19)),
            "not a federal holiday before 2021"
        );
        // Independence Day 2026 is a Saturday: Reserve Banks do not close on Friday 3 July.
        assert!(!us.is_holiday(d(2026, 7, 3)));
        assert!(us.is_holiday(d(2026, 9, 7))); // Labor Day
        assert!(us.is_holiday(d(2026, 1, 19))); // Martin Luther King Jr. Day
        assert!(!us.is_holiday(d(2026, 11, 27))); // the day after Thanksgiving
    }

    #[test]
    fn uk_bank_holidays_differ_by_region_and_take_substitute_days() {
        let ew = HolidayCalendar::UkEnglandWales;
        let sc = HolidayCalendar::UkScotland;
        let ni = HolidayCalendar::UkNorthernIreland;
        // Christmas 2027 is a Saturday, Boxing Day a Sunday: Monday 27 and Tuesday 28.
        assert!(ew.is_holiday(d(2027, 12, 27)) && ew.is_holiday(d(2027, 12, 28)));
        // 2026: Christmas Friday, Boxing Day Saturday → Monday 28 December.
        assert!(ew.is_holiday(d(2026, 12, 25)) && ew.is_holiday(d(2026, 12, 28)));
        assert!(!ew.is_holiday(d(2026, 12, 29)));
        // Easter Monday in England, not in Scotland; 2 January in Scotland only.
        assert!(ew.is_holiday(d(2026, 4, 6)) && !sc.is_holiday(d(2026, 4, 6)));
        assert!(sc.is_holiday(d(2026, 1, 2)) && !ew.is_holiday(d(2026, 1, 2)));
        // Summer: first Monday of August in Scotland, last Monday elsewhere.
        assert!(sc.is_holiday(d(2026, 8, 3)) && ew.is_holiday(d(2026, 8, 31)));
        // St Andrew's Day 2026 is a Monday; St Patrick's Day and the Boyne in Northern Ireland.
        assert!(sc.is_holiday(d(2026, 11, 30)));
        assert!(ni.is_holiday(d(2026, 3, 17)) && ni.is_holiday(d(2026, 7, 13)));
        assert!(!ew.is_holiday(d(2026, 3, 17)));
        // Proclaimed days: the 2022 jubilee and state funeral, the 2023 coronation.
        assert!(ew.is_holiday(d(2022, 6, 2)) && ew.is_holiday(d(2022, 6, 3)));
        assert!(!ew.is_holiday(d(2022, 5, 30)));
        assert!(ew.is_holiday(d(2022, 9, 19)) && sc.is_holiday(d(2023, 5, 8)));
    }

    #[test]
    fn china_golden_week_and_adjusted_working_weekends() {
        let cn = HolidayCalendar::China;
        // National Day 2026: 1–7 October off; Saturday 10 October is worked.
        for day in 1..=7 {
            assert!(!cn.is_business_day(d(2026, 10, day)), "10-{day}");
        }
        assert!(cn.is_business_day(d(2026, 10, 10)));
        assert!(cn.is_business_day(d(2026, 10, 8)));
        // Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked.
        assert!(!cn.is_business_day(d(2026, 2, 16)));
        assert!(cn.is_business_day(d(2026, 2, 14)) && cn.is_business_day(d(2026, 2, 28)));
        // New Year 2023 began on 31 December 2022 (the 2023 notice).
        assert!(!cn.is_business_day(d(2022, 12, 31)) && !cn.is_business_day(d(2023, 1, 2)));
        // 2020: the extended Spring Festival (to 2 February) cancelled the working Saturday.
        assert!(!cn.is_business_day(d(2020, 2, 1)));
        assert!(cn.covers(2012) && cn.covers(2026) && !cn.covers(2027) && !cn.covers(2011));
        // An unknown year counts weekends only.
        assert!(cn.is_business_day(d(2027, 10, 1)));
    }

    #[test]
    fn every_cn_notice_is_internally_consistent() {
        for y in CN_YEARS {
            for &(a, b) in y.off {
                let (a, b) = (d(a.0, a.1, a.2), d(b.0, b.1, b.2));
                assert!(a <= b, "{}: {a} after {b}", y.year);
            }
            for &w in y.work {
                let w = d(w.0, w.1, w.2);
                // A 调休 working day is always a weekend day that would otherwise be free.
                assert!(
                    matches!(w.weekday(), Weekday::Sat | Weekday::Sun),
                    "{}: {w} is not a weekend",
                    y.year
                );
                assert_eq!(cn_day(w), Some(CnDay::Work), "{w}");
            }
        }
    }
}
