//! How letters write dates and money in each language: "3 March 2026" / "2026年3月3日",
//! "$4.38" / "人民币4.38元".

use crate::money::{format_minor, Currency};
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "3 March 2026".
pub fn date_en(d: NaiveDate) -> String {
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

/// "2026年3月3日".
pub fn date_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The date for a language code ("zh…" → Chinese, else English).
pub fn date(d: NaiveDate, lang: &str) -> String {
    if lang.starts_with("zh") {
        date_zh(d)
    } else {
        date_en(d)
    }
}

/// Groups the integer part with commas: "1234567.89" → "1,234,567.89".
fn group_thousands(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "$4.38", "£1,200.00", "€9.99", "¥12.00", or "CHF 12.00" for currencies without a symbol.
pub fn money_en(minor: i64, currency: Currency) -> String {
    let n = group_thousands(&format_minor(
        minor.checked_abs().unwrap_or(i64::MAX),
        currency.minor_digits(),
    ));
    let sign = if minor < 0 { "-" } else { "" };
    match currency.code() {
        "USD" => format!("{sign}${n}"),
        "GBP" => format!("{sign}£{n}"),
        "EUR" => format!("{sign}€{n}"),
        "CNY" => format!("{sign}¥{n}"),
        code => format!("{sign}{code} {n}"),
    }
}

/// "人民币12.00元", "4.38美元", "12.00英镑", "9.99欧元", or "12.00 CHF".
pub fn money_zh(minor: i64, currency: Currency) -> String {
    let n = group_thousands(&format_minor(
        minor.checked_abs().unwrap_or(i64::MAX),
        currency.minor_digits(),
    ));
    let sign = if minor < 0 { "-" } else { "" };
    match currency.code() {
        "CNY" => format!("人民币{sign}{n}元"),
        "USD" => format!("{sign}{n}美元"),
        "GBP" => format!("{sign}{n}英镑"),
        "EUR" => format!("{sign}{n}欧元"),
        code => format!("{sign}{n} {code}"),
    }
}

/// Money for a language code.
pub fn money(minor: i64, currency: Currency, lang: &str) -> String {
    if lang.starts_with("zh") {
        money_zh(minor, currency)
    } else {
        money_en(minor, currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates() {
        assert_eq!(date_en(d(2026, 3, 3)), "3 March 2026");
        assert_eq!(date_zh(d(2026, 3, 3)), "2026年3月3日");
        assert_eq!(date(d(2026, 12, 31), "zh-CN"), "2026年12月31日");
        assert_eq!(date(d(2026, 12, 31), "en"), "31 December 2026");
    }

    #[test]
    fn money_in_both_languages() {
        assert_eq!(money_en(438, Currency::USD), "$4.38");
        assert_eq!(money_en(1200, Currency::GBP), "£12.00");
        assert_eq!(money_en(999, Currency::EUR), "€9.99");
        assert_eq!(money_en(1200, Currency::CNY), "¥12.00");
        assert_eq!(money_en(123456789, Currency::USD), "$1,234,567.89");
        assert_eq!(money_en(-438, Currency::USD), "-$4.38");
        assert_eq!(money_en(1500, Currency::parse("JPY").unwrap()), "JPY 1,500");
        assert_eq!(money_zh(1200, Currency::CNY), "人民币12.00元");
        assert_eq!(money_zh(438, Currency::USD), "4.38美元");
        assert_eq!(money(100000, Currency::CNY, "zh-CN"), "人民币1,000.00元");
        // i64::MIN has no positive counterpart: must not panic.
        let _ = money_en(i64::MIN, Currency::USD);
    }
}
