//! Statement dates without regex or allocation: a cell is cut into numbers and words, and the
//! numbers are read in the day/month/year order decided for the whole column.

use super::text::is_cjk;
use chrono::{NaiveDate, NaiveTime};

/// How the numbers of a date are ordered. ISO (`2024-01-05`), compact (`20240105`) and
/// month-name (`07 Nov 2013`) dates read the same under every order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    Ymd,
    Dmy,
    Mdy,
    /// Month/day without a year (招商银行 credit-card statements): the year comes from the title.
    Md,
    /// Day/month without a year.
    Dm,
}

/// The statement month named in a title line ("2024年01月"), for dates without a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearHint {
    pub year: i32,
    pub month: u32,
}

/// Why a date cell could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFail {
    Invalid,
    NoYear,
}

const MAX_NUMS: usize = 8;

#[derive(Clone, Copy, Default)]
struct Num {
    value: u64,
    digits: u8,
}

#[derive(Default)]
struct Tokens {
    nums: [Num; MAX_NUMS],
    n: usize,
    month: Option<u32>,
    pm: Option<bool>,
    dots: bool,
}

const MONTH_STEMS: [(&str, u32); 30] = [
    ("jan", 1),
    ("ene", 1),
    ("feb", 2),
    ("fév", 2),
    ("fev", 2),
    ("mar", 3),
    ("mär", 3),
    ("mrz", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("may", 5),
    ("mai", 5),
    ("mei", 5),
    ("juin", 6),
    ("jun", 6),
    ("juil", 7),
    ("jul", 7),
    ("aug", 8),
    ("aoû", 8),
    ("aou", 8),
    ("ago", 8),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
    ("déc", 12),
    ("dic", 12),
];

/// Time-zone abbreviations that exports write after a time: North America, Europe, and the
/// Asia-Pacific zones of the banks we read.
const ZONES: [&str; 28] = [
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast", "adt",
    "nst", "ndt", "bst", "cet", "cest", "eet", "eest", "wet", "west", "msk", "jst", "kst", "hkt",
    "sgt", "aest",
];

fn month_of(word: &str) -> Option<u32> {
    if word.chars().count() > 9 {
        return None;
    }
    MONTH_STEMS
        .iter()
        .find(|(stem, _)| word.starts_with(stem))
        .map(|&(_, m)| m)
}

/// A word inside a date cell: a month name, am/pm, or a harmless marker; anything else means
/// the cell is text, not a date.
fn word(tok: &mut Tokens, w: &str) -> Option<()> {
    match w {
        "am" | "a.m" => tok.pm = Some(false),
        "pm" | "p.m" => tok.pm = Some(true),
        "t" | "z" | "utc" | "gmt" | "h" | "st" | "nd" | "rd" | "th" | "um" | "à" | "de" => {}
        // The zone a time was written in (`2025-06-15 07:59:01 EDT`): the statement's own
        // clock, kept as written like the `Z` and `[-5:EST]` forms.
        w if ZONES.contains(&w) => {}
        _ => {
            let m = month_of(w)?;
            if tok.month.replace(m).is_some() {
                return None;
            }
        }
    }
    Some(())
}

fn tokenize(s: &str) -> Option<Tokens> {
    let mut tok = Tokens::default();
    let mut num: Option<Num> = None;
    let mut wbuf = [0u8; 16];
    let mut wlen = 0usize;
    let mut in_word = false;
    let push_num = |tok: &mut Tokens, num: &mut Option<Num>| -> Option<()> {
        if let Some(n) = num.take() {
            if tok.n == MAX_NUMS {
                return None;
            }
            tok.nums[tok.n] = n;
            tok.n += 1;
        }
        Some(())
    };
    for c in s.chars().chain(std::iter::once(' ')) {
        let is_word_char = c.is_alphabetic() && !is_cjk(c);
        if in_word && !is_word_char {
            let w = std::str::from_utf8(&wbuf[..wlen]).ok()?;
            word(&mut tok, w)?;
            wlen = 0;
            in_word = false;
        }
        if let Some(d) = c.to_digit(10) {
            let n = num.get_or_insert(Num::default());
            if n.digits >= 14 {
                return None;
            }
            n.value = n.value * 10 + u64::from(d);
            n.digits += 1;
            continue;
        }
        push_num(&mut tok, &mut num)?;
        if is_word_char {
            in_word = true;
            for l in c.to_lowercase() {
                let mut b = [0u8; 4];
                let e = l.encode_utf8(&mut b).as_bytes();
                if wlen + e.len() > wbuf.len() {
                    return None;
                }
                wbuf[wlen..wlen + e.len()].copy_from_slice(e);
                wlen += e.len();
            }
            continue;
        }
        match c {
            '[' => break, // `20091224120000[0:GMT]`: what follows is a zone note
            '.' => tok.dots = true,
            '年' | '月' | '日' | '号' | '时' | '分' | '秒' | '点' => {}
            c if is_cjk(c) => return None,
            c if c.is_whitespace() || c.is_ascii_punctuation() || c == '\u{feff}' => {}
            _ => return None,
        }
    }
    push_num(&mut tok, &mut num)?;
    Some(tok)
}

fn year_of(n: Num) -> Option<i32> {
    match n.digits {
        4 => Some(n.value as i32),
        // Two-digit years: 00–69 are 2000s, 70–99 the 1900s (as strptime's %y).
        1 | 2 => Some(if n.value < 70 {
            2000 + n.value as i32
        } else {
            1900 + n.value as i32
        }),
        _ => None,
    }
}

fn small(n: Num) -> Option<u32> {
    (n.digits <= 2).then_some(n.value as u32)
}

fn time_of(nums: &[Num], pm: Option<bool>) -> Option<NaiveTime> {
    if nums.len() < 2 || nums[0].digits > 2 || nums[1].digits != 2 {
        return None;
    }
    let mut h = nums[0].value as u32;
    let m = nums[1].value as u32;
    let s = nums
        .get(2)
        .filter(|n| n.digits == 2)
        .map_or(0, |n| n.value as u32);
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m, s)
}

/// The earliest year a statement date can have: a year 0000 or 0024 is a placeholder or a
/// typo, never a transaction to store.
const FIRST_YEAR: i32 = 1900;

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if y < FIRST_YEAR {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn with_hint(m: u32, d: u32, hint: Option<YearHint>) -> Result<NaiveDate, DateFail> {
    let h = hint.ok_or(DateFail::NoYear)?;
    // A December row on a January statement belongs to the year before.
    let y = if m > h.month { h.year - 1 } else { h.year };
    ymd(y, m, d).ok_or(DateFail::Invalid)
}

/// Reads a date cell (and the time it may carry) in the given order.
pub fn parse(
    s: &str,
    order: DateOrder,
    hint: Option<YearHint>,
) -> Result<(NaiveDate, Option<NaiveTime>), DateFail> {
    let tok = tokenize(s).ok_or(DateFail::Invalid)?;
    let nums = &tok.nums[..tok.n];
    let inv = DateFail::Invalid;
    if nums.is_empty() {
        return Err(inv);
    }
    if let Some(m) = tok.month {
        // `07 Nov 2013`, `Nov 7, 2013`, `2013 Nov 07`, `07-Nov-13`.
        let (d, y, rest) = if nums[0].digits == 4 {
            (
                small(*nums.get(1).ok_or(inv)?).ok_or(inv)?,
                Some(nums[0]),
                2,
            )
        } else {
            let d = small(nums[0]).ok_or(inv)?;
            match nums.get(1) {
                Some(&y) if y.digits == 4 || y.digits == 2 => (d, Some(y), 2),
                _ => (d, None, 1),
            }
        };
        let date = match y {
            Some(y) => ymd(year_of(y).ok_or(inv)?, m, d).ok_or(inv)?,
            None => with_hint(m, d, hint)?,
        };
        return Ok((date, time_of(&nums[rest.min(nums.len())..], tok.pm)));
    }
    let first = nums[0];
    match first.digits {
        8 | 12 | 14 => {
            // Compact `YYYYMMDD[hhmm[ss]]`.
            let v = first.value;
            let div = 10u64.pow(u32::from(first.digits) - 8);
            let (date_part, time_part) = (v / div, v % div);
            let date = ymd(
                (date_part / 10000) as i32,
                (date_part / 100 % 100) as u32,
                (date_part % 100) as u32,
            )
            .ok_or(inv)?;
            let time = match first.digits {
                14 => NaiveTime::from_hms_opt(
                    (time_part / 10000) as u32,
                    (time_part / 100 % 100) as u32,
                    (time_part % 100) as u32,
                ),
                12 => {
                    NaiveTime::from_hms_opt((time_part / 100) as u32, (time_part % 100) as u32, 0)
                }
                _ => time_of(&nums[1..], tok.pm),
            };
            return Ok((date, time));
        }
        4 => {
            if nums.len() < 3 {
                return Err(inv);
            }
            let date = ymd(
                first.value as i32,
                small(nums[1]).ok_or(inv)?,
                small(nums[2]).ok_or(inv)?,
            )
            .ok_or(inv)?;
            return Ok((date, time_of(&nums[3..], tok.pm)));
        }
        1 | 2 => {}
        _ => return Err(inv),
    }
    let (a, b) = (first, *nums.get(1).ok_or(inv)?);
    let year_third = nums
        .get(2)
        .filter(|n| n.digits == 4 || (n.digits == 2 && nums.len() != 4));
    let (date, rest) = match order {
        DateOrder::Ymd => {
            let c = *nums.get(2).ok_or(inv)?;
            (
                ymd(
                    year_of(a).ok_or(inv)?,
                    small(b).ok_or(inv)?,
                    small(c).ok_or(inv)?,
                )
                .ok_or(inv)?,
                3,
            )
        }
        DateOrder::Dmy | DateOrder::Mdy => {
            let y = *nums.get(2).ok_or(inv)?;
            let (d, m) = if order == DateOrder::Dmy {
                (a, b)
            } else {
                (b, a)
            };
            (
                ymd(
                    year_of(y).ok_or(inv)?,
                    small(m).ok_or(inv)?,
                    small(d).ok_or(inv)?,
                )
                .ok_or(inv)?,
                3,
            )
        }
        DateOrder::Md | DateOrder::Dm => {
            let (d, m) = if order == DateOrder::Dm {
                (a, b)
            } else {
                (b, a)
            };
            let (d, m) = (small(d).ok_or(inv)?, small(m).ok_or(inv)?);
            match year_third.filter(|n| n.digits == 4) {
                Some(&y) => (ymd(y.value as i32, m, d).ok_or(inv)?, 3),
                None => (with_hint(m, d, hint)?, 2),
            }
        }
    };
    Ok((date, time_of(&nums[rest.min(nums.len())..], tok.pm)))
}

/// A time-of-day cell (`13:15:12`, `1:05 PM`).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let tok = tokenize(s)?;
    time_of(&tok.nums[..tok.n], tok.pm)
}

/// Does the cell read as a full date (with a year) under some order? For headerless files.
pub fn looks_like_date(s: &str) -> bool {
    let s = s.trim();
    if s.len() < 6 || s.len() > 40 {
        return false;
    }
    [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy]
        .iter()
        .any(|&o| parse(s, o, None).is_ok())
}

/// Evidence from a column of date cells about the day/month order.
#[derive(Clone, Copy, Debug, Default)]
pub struct OrderVotes {
    /// First number > 12: day first.
    pub day_first: u32,
    /// Second number > 12: month first.
    pub month_first: u32,
    pub with_year: u32,
    pub yearless: u32,
    /// ISO, compact or month-name dates (same under every order).
    pub fixed: u32,
    pub dotted: u32,
}

impl OrderVotes {
    pub fn add(&mut self, s: &str) {
        let Some(tok) = tokenize(s) else { return };
        let nums = &tok.nums[..tok.n];
        if nums.is_empty() {
            return;
        }
        if tok.month.is_some() || matches!(nums[0].digits, 4 | 8 | 12 | 14) {
            self.fixed += 1;
            return;
        }
        if nums.len() < 2 {
            return;
        }
        let (a, b) = (nums[0].value, nums[1].value);
        let has_year = nums.get(2).is_some_and(|n| n.digits == 4 || n.digits == 2);
        if has_year {
            self.with_year += 1;
        } else {
            self.yearless += 1;
        }
        if a > 12 && b <= 12 {
            self.day_first += 1;
        }
        if b > 12 && a <= 12 {
            self.month_first += 1;
        }
        self.dotted += u32::from(tok.dots);
    }

    /// True once the votes settle the order (a day above 12 was seen, or nothing needs one).
    pub fn settled(&self) -> bool {
        self.day_first + self.month_first > 0
            || (self.with_year + self.yearless == 0 && self.fixed > 0)
    }

    /// The order to read the column in, and whether it was a guess (no day above 12 anywhere).
    pub fn decide(&self, prefer_month_first: bool) -> (DateOrder, bool) {
        let yearless = self.yearless > self.with_year;
        let (dm, md) = if yearless {
            (DateOrder::Dm, DateOrder::Md)
        } else {
            (DateOrder::Dmy, DateOrder::Mdy)
        };
        if self.with_year + self.yearless == 0 {
            return (DateOrder::Ymd, false);
        }
        match (self.day_first, self.month_first) {
            (d, 0) if d > 0 => (dm, false),
            (0, m) if m > 0 => (md, false),
            (d, m) if d > 0 && m > 0 => (if d >= m { dm } else { md }, true),
            // Dotted dates (05.01.2024) are day-first wherever they are written.
            _ if self.dotted > 0 => (dm, false),
            _ if prefer_month_first || yearless => (md, true),
            _ => (dm, true),
        }
    }
}

/// The chrono-style format that describes `sample` read in `order`, for showing the user.
pub fn format_for(sample: &str, order: DateOrder) -> String {
    let Some(tok) = tokenize(sample) else {
        return default_format(order).to_string();
    };
    let nums = &tok.nums[..tok.n];
    if tok.month.is_some() {
        return if nums.first().is_some_and(|n| n.digits == 4) {
            "%Y %b %d"
        } else {
            "%d %b %Y"
        }
        .to_string();
    }
    match nums.first().map(|n| n.digits) {
        Some(8) => return "%Y%m%d".into(),
        Some(12) => return "%Y%m%d%H%M".into(),
        Some(14) => return "%Y%m%d%H%M%S".into(),
        _ => {}
    }
    let iso = nums.first().is_some_and(|n| n.digits == 4);
    let date_codes: &[&str] = match (iso, order) {
        (true, _) | (false, DateOrder::Ymd) => &["%Y", "%m", "%d"],
        (false, DateOrder::Dmy) => &["%d", "%m", "%Y"],
        (false, DateOrder::Mdy) => &["%m", "%d", "%Y"],
        (false, DateOrder::Md) => &["%m", "%d"],
        (false, DateOrder::Dm) => &["%d", "%m"],
    };
    let codes: Vec<&str> = date_codes
        .iter()
        .copied()
        .chain(["%H", "%M", "%S"])
        .collect();
    let mut out = String::new();
    let mut i = 0usize;
    let mut in_num = false;
    for c in sample.trim().chars() {
        if c == '[' {
            break;
        }
        if c.is_ascii_digit() {
            if !in_num {
                let Some(code) = codes.get(i) else { break };
                let two_digit_year = *code == "%Y" && nums.get(i).is_some_and(|n| n.digits == 2);
                out.push_str(if two_digit_year { "%y" } else { code });
                i += 1;
                in_num = true;
            }
            continue;
        }
        in_num = false;
        if c == '%' {
            out.push_str("%%");
        } else {
            out.push(c);
        }
    }
    out.trim_end().to_string()
}

fn default_format(order: DateOrder) -> &'static str {
    match order {
        DateOrder::Ymd => "%Y-%m-%d",
        DateOrder::Dmy => "%d/%m/%Y",
        DateOrder::Mdy => "%m/%d/%Y",
        DateOrder::Md => "%m/%d",
        DateOrder::Dm => "%d/%m",
    }
}

/// The order a user-given format implies (`%d.%m.%Y` → day first). `None` when the format
/// names no day and month.
pub fn order_of_format(f: &str) -> Option<DateOrder> {
    let pos = |codes: &[&str]| codes.iter().filter_map(|c| f.find(c)).min();
    let d = pos(&["%d", "%e", "%-d"])?;
    let m = pos(&["%m", "%b", "%B", "%h", "%-m"])?;
    Some(match pos(&["%Y", "%y", "%G"]) {
        Some(y) if y < m && y < d => DateOrder::Ymd,
        Some(_) if d < m => DateOrder::Dmy,
        Some(_) => DateOrder::Mdy,
        None if d < m => DateOrder::Dm,
        None => DateOrder::Md,
    })
}

/// A hint for year-less dates from a title line: `2024年01月`, `2024-01`, `2024/1`.
pub fn year_hint_in(line: &str) -> Option<YearHint> {
    let b = line.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let four = &b[i..i + 4];
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        if before_ok
            && four.iter().all(u8::is_ascii_digit)
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            let year: i32 = std::str::from_utf8(four).ok()?.parse().ok()?;
            let rest = &line[i + 4..];
            let rest = rest
                .strip_prefix('年')
                .or_else(|| rest.strip_prefix('-'))
                .or_else(|| rest.strip_prefix('/'))
                .or_else(|| rest.strip_prefix('.'));
            if let Some(rest) = rest {
                let digits: String = rest
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .take(2)
                    .collect();
                if let Ok(month) = digits.parse::<u32>() {
                    if (1990..=2200).contains(&year) && (1..=12).contains(&month) {
                        return Some(YearHint { year, month });
                    }
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_date_forms() {
        let hint = Some(YearHint {
            year: 2024,
            month: 1,
        });
        for (cell, order, want, time) in [
            ("2024-01-05", Dmy, "2024-01-05", None),
            ("2024/01/05 13:15:12", Mdy, "2024-01-05", Some("13:15:12")),
            ("2024-01-05T08:40:02Z", Dmy, "2024-01-05", Some("08:40:02")),
            ("05/01/2024", Dmy, "2024-01-05", None),
            ("01/05/2024", Mdy, "2024-01-05", None),
            ("05.01.2024", Dmy, "2024-01-05", None),
            ("16-11-2012", Dmy, "2012-11-16", None),
            ("05/01/24", Dmy, "2024-01-05", None),
            ("01/05/99", Mdy, "1999-01-05", None),
            ("24-01-05", Ymd, "2024-01-05", None),
            ("2024年1月5日", Dmy, "2024-01-05", None),
            ("2024年01月05日 09:30", Mdy, "2024-01-05", Some("09:30:00")),
            ("20091224120000[0:GMT]", Dmy, "2009-12-24", Some("12:00:00")),
            ("20121115", Mdy, "2012-11-15", None),
            ("07 Nov 2013", Mdy, "2013-11-07", None),
            ("Nov 7, 2013", Dmy, "2013-11-07", None),
            ("07-Nov-13", Dmy, "2013-11-07", None),
            ("3. März 2024", Dmy, "2024-03-03", None),
            ("12 déc. 2023", Dmy, "2023-12-12", None),
            ("01/05/2024 1:05 PM", Mdy, "2024-01-05", Some("13:05:00")),
            ("12/29", Md, "2023-12-29", None),
            ("01/07", Md, "2024-01-07", None),
            ("29/12", Dm, "2023-12-29", None),
            ("2023-05-02     \t", Dmy, "2023-05-02", None),
            (
                "2025-06-15 07:59:01 EDT",
                Ymd,
                "2025-06-15",
                Some("07:59:01"),
            ),
            (
                "06/09/2025 9:45 PM PST",
                Mdy,
                "2025-06-09",
                Some("21:45:00"),
            ),
            ("15.06.2025 07:59 CEST", Dmy, "2025-06-15", Some("07:59:00")),
        ] {
            let (date, t) = parse(cell, order, hint).unwrap_or_else(|e| panic!("{cell}: {e:?}"));
            assert_eq!(date, d(want), "{cell}");
            assert_eq!(t.map(|t| t.to_string()).as_deref(), time, "{cell}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for (cell, order) in [
            ("31/31/2024", Dmy),
            ("13/13/2024", Mdy),
            ("2024-02-30", Ymd),
            ("人民币合计", Dmy),
            ("Opening balance", Dmy),
            ("", Dmy),
            ("12.50", Dmy),
            ("DEBIT PURCHASE", Dmy),
            ("1234567", Dmy),
        ] {
            assert_eq!(parse(cell, order, None).ok(), None, "{cell}");
        }
        assert_eq!(parse("12/29", Md, None), Err(DateFail::NoYear));
    }

    #[test]
    fn day_month_order_comes_from_the_whole_column() {
        fn decide(cells: &[&str], prefer_us: bool) -> (DateOrder, bool) {
            let mut v = OrderVotes::default();
            for c in cells {
                v.add(c);
            }
            v.decide(prefer_us)
        }
        // One day above 12 anywhere settles the column, whatever the locale preference.
        assert_eq!(
            decide(&["01/02/2024", "03/04/2024", "18/04/2024"], true),
            (Dmy, false)
        );
        assert_eq!(decide(&["01/02/2024", "10/19/2019"], false), (Mdy, false));
        // Dotted dates are day-first.
        assert_eq!(decide(&["01.02.2024", "03.04.2024"], true), (Dmy, false));
        // Nothing decides: the preference, flagged as a guess.
        assert_eq!(decide(&["01/02/2024", "03/04/2024"], true), (Mdy, true));
        assert_eq!(decide(&["01/02/2024", "03/04/2024"], false), (Dmy, true));
        // ISO needs no decision; year-less dates are month/day or day/month.
        assert_eq!(decide(&["2024-01-02", "2024-03-04"], false), (Ymd, false));
        assert_eq!(decide(&["12/29", "01/07"], false), (Md, false));
        // Contradicting evidence: the majority, flagged.
        assert_eq!(
            decide(&["13/01/2024", "14/01/2024", "01/13/2024"], false),
            (Dmy, true)
        );
    }

    #[test]
    fn formats_and_hints() {
        assert_eq!(format_for("05.01.2024", Dmy), "%d.%m.%Y");
        assert_eq!(format_for("01/05/2024 13:00:00", Mdy), "%m/%d/%Y %H:%M:%S");
        assert_eq!(format_for("2024年1月5日", Dmy), "%Y年%m月%d日");
        assert_eq!(format_for("20091224120000[0:GMT]", Dmy), "%Y%m%d%H%M%S");
        assert_eq!(format_for("07 Nov 2013", Dmy), "%d %b %Y");
        assert_eq!(format_for("05/01/24", Dmy), "%d/%m/%y");
        assert_eq!(order_of_format("%d.%m.%Y"), Some(Dmy));
        assert_eq!(order_of_format("%m/%d/%Y"), Some(Mdy));
        assert_eq!(order_of_format("%Y%m%d"), Some(Ymd));
        assert_eq!(order_of_format("%m/%d"), Some(Md));
        assert_eq!(order_of_format("%H:%M"), None);
        assert_eq!(
            year_hint_in("招商银行信用卡对账单（个人消费卡账户 2024年01月）（补）"),
            Some(YearHint {
                year: 2024,
                month: 1
            })
        );
        assert_eq!(
            year_hint_in("Statement 2023-11"),
            Some(YearHint {
                year: 2023,
                month: 11
            })
        );
        assert_eq!(year_hint_in("Account 12345678"), None);
    }
}
