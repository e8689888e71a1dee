//! The one-sentence explanations, in English and Simplified Chinese. Each names the amounts
//! (with their currency), the dates and the statement lines, so the user can check the claim
//! against the bank's own file.

use crate::model::Txn;
use crate::money::{format_minor, Currency};
use chrono::{Datelike, NaiveDate};

/// `$1,234.56`, `€9.99`, `£3.20`, `¥12.00`; other currencies as `12.00 CHF`. Always positive:
/// the sentence says whether it was charged or refunded.
pub(crate) fn money(minor: i64, currency: Currency) -> String {
    let plain = group_thousands(&format_minor(
        minor.saturating_abs(),
        currency.minor_digits(),
    ));
    match currency.code() {
        "USD" => format!("${plain}"),
        "EUR" => format!("€{plain}"),
        "GBP" => format!("£{plain}"),
        "CNY" => format!("¥{plain}"),
        code => format!("{plain} {code}"),
    }
}

fn group_thousands(plain: &str) -> String {
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain, None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

pub(crate) fn date_en(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub(crate) fn date_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `line 75 of chase.csv`, `lines 74 and 75 of chase.csv`, `line 3 of a.csv and line 9 of b.csv`.
pub(crate) fn lines_en(rows: &[&Txn]) -> String {
    let parts: Vec<String> = by_file(rows)
        .into_iter()
        .map(|(file, lines)| {
            let nums = join_en(&lines.iter().map(u64::to_string).collect::<Vec<_>>());
            let word = if lines.len() == 1 { "line" } else { "lines" };
            if file.is_empty() {
                format!("{word} {nums}")
            } else {
                format!("{word} {nums} of {file}")
            }
        })
        .collect();
    join_en(&parts)
}

/// `chase.csv 第75行`, `chase.csv 第74和75行`, `a.csv 第3行和 b.csv 第9行`.
pub(crate) fn lines_zh(rows: &[&Txn]) -> String {
    let parts: Vec<String> = by_file(rows)
        .into_iter()
        .map(|(file, lines)| {
            let nums = join_zh(&lines.iter().map(u64::to_string).collect::<Vec<_>>());
            if file.is_empty() {
                format!("第{nums}行")
            } else {
                format!("{file} 第{nums}行")
            }
        })
        .collect();
    join_zh(&parts)
}

/// Source lines grouped by file, files in first-seen order, lines ascending and unique.
fn by_file<'a>(rows: &[&'a Txn]) -> Vec<(&'a str, Vec<u64>)> {
    let mut out: Vec<(&str, Vec<u64>)> = Vec::new();
    for t in rows {
        match out.iter_mut().find(|(f, _)| *f == &*t.source_file) {
            Some((_, lines)) => lines.push(t.source_line),
            None => out.push((&*t.source_file, vec![t.source_line])),
        }
    }
    for (_, lines) in &mut out {
        lines.sort_unstable();
        lines.dedup();
    }
    out
}

fn join_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn join_zh(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}和{last}", init.join("、")),
    }
}

/// `on 12 Apr 2024` or `on 12 Apr 2024 and 13 Apr 2024`.
fn on_dates_en(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        format!("on {}", date_en(a))
    } else {
        format!("on {} and {}", date_en(a), date_en(b))
    }
}

fn dates_zh(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        date_zh(a)
    } else {
        format!("{}和{}", date_zh(a), date_zh(b))
    }
}

pub(crate) fn double_charge(
    first: &Txn,
    second: &Txn,
    name: &str,
    refund: Option<&Txn>,
) -> (String, String) {
    let amount = money(second.amount, second.currency);
    let when_en = on_dates_en(first.date, second.date);
    let lines_e = lines_en(&[first, second]);
    let lines_z = lines_zh(&[first, second]);
    let when_zh = dates_zh(first.date, second.date);
    let how_zh = if first.date == second.date {
        "两次扣款"
    } else {
        "各扣款一次"
    };
    match refund {
        None => (
            format!("Charged twice: {amount} at {name} {when_en}, {lines_e}."),
            format!("重复扣款：{when_zh}在 {name} {how_zh} {amount}（{lines_z}）。"),
        ),
        Some(r) => {
            let back = money(r.amount, r.currency);
            (
                format!(
                    "Charged twice: {amount} at {name} {when_en}, {lines_e}, but a refund of {back} on {} already covers one of them.",
                    date_en(r.date)
                ),
                format!("重复扣款：{when_zh}在 {name} {how_zh} {amount}（{lines_z}），但商户已于{}退款 {back}。", date_zh(r.date)),
            )
        }
    }
}

pub(crate) fn billed_twice(
    regular: &Txn,
    extra: &Txn,
    name: &str,
    period_days: u32,
    refund: Option<&Txn>,
) -> (String, String) {
    let amount = money(extra.amount, extra.currency);
    let lines_e = lines_en(&[regular, extra]);
    let lines_z = lines_zh(&[regular, extra]);
    let refund_en = refund
        .map(|r| {
            format!(
                ", though a refund of {} on {} covers it",
                money(r.amount, r.currency),
                date_en(r.date)
            )
        })
        .unwrap_or_default();
    let refund_zh = refund
        .map(|r| {
            format!(
                "，但已于{}退款 {}",
                date_zh(r.date),
                money(r.amount, r.currency)
            )
        })
        .unwrap_or_default();
    (
        format!(
            "Billed twice in one cycle: {name} charged {amount} on {} and again on {}, though it bills about every {period_days} days ({lines_e}){refund_en}.",
            date_en(regular.date),
            date_en(extra.date)
        ),
        format!(
            "同一周期重复扣费：{name} 约每{period_days}天扣费一次，却在{}和{}各扣 {amount}（{lines_z}）{refund_zh}。",
            date_zh(regular.date),
            date_zh(extra.date)
        ),
    )
}

pub(crate) fn card_testing(t: &Txn, name: &str, burst: usize) -> (String, String) {
    let amount = money(t.amount, t.currency);
    let (burst_en, burst_zh) = if burst > 1 {
        (
            format!(", one of {burst} such tiny charges within a day"),
            format!("，一天内共{burst}笔此类小额扣款"),
        )
    } else {
        (String::new(), String::new())
    };
    (
        format!(
            "Possible card testing: a tiny charge of {amount} at {name}, a merchant never seen before, on {} ({}){burst_en}.",
            date_en(t.date),
            lines_en(&[t])
        ),
        format!(
            "疑似盗刷试探：{}在从未出现过的商户 {name} 小额扣款 {amount}（{}）{burst_zh}。",
            date_zh(t.date),
            lines_zh(&[t])
        ),
    )
}

pub(crate) fn new_merchant_large(t: &Txn, name: &str, usual_minor: i64) -> (String, String) {
    let amount = money(t.amount, t.currency);
    let usual = money(usual_minor, t.currency);
    (
        format!(
            "Large charge at a new merchant: {amount} at {name} on {}, far above the up to {usual} you usually spend at a new place ({}).",
            date_en(t.date),
            lines_en(&[t])
        ),
        format!(
            "新商户大额扣款：{}在新商户 {name} 扣款 {amount}，远高于您在新商户通常的消费（最多约 {usual}）（{}）。",
            date_zh(t.date),
            lines_zh(&[t])
        ),
    )
}

pub(crate) fn amount_outlier(t: &Txn, name: &str, usual_minor: i64) -> (String, String) {
    let amount = money(t.amount, t.currency);
    let usual = money(usual_minor, t.currency);
    let times = t.amount.saturating_abs() as f64 / usual_minor.max(1) as f64;
    (
        format!(
            "Unusual amount: {amount} at {name} on {} is {times:.1} times the usual {usual} there ({}).",
            date_en(t.date),
            lines_en(&[t])
        ),
        format!(
            "金额异常：{}在 {name} 扣款 {amount}，是该商户通常金额 {usual} 的{times:.1}倍（{}）。",
            date_zh(t.date),
            lines_zh(&[t])
        ),
    )
}

pub(crate) fn price_increase(t: &Txn, name: &str, before_minor: i64) -> (String, String) {
    let amount = money(t.amount, t.currency);
    let before = money(before_minor, t.currency);
    (
        format!(
            "Price increase: {name} went from {before} to {amount} on {} ({}).",
            date_en(t.date),
            lines_en(&[t])
        ),
        format!(
            "涨价：{name} 的定期扣费从 {before} 涨到 {amount}（{}，{}）。",
            date_zh(t.date),
            lines_zh(&[t])
        ),
    )
}

pub(crate) fn foreign_currency(t: &Txn, name: &str, home: Currency) -> (String, String) {
    let amount = money(t.amount, t.currency);
    (
        format!(
            "Foreign charge: {amount} at {name} on {}, in {} while this account is normally in {home} ({}).",
            date_en(t.date),
            t.currency,
            lines_en(&[t])
        ),
        format!(
            "外币交易：{}在 {name} 以 {} 扣款 {amount}，而该账户通常使用 {home}（{}）。",
            date_zh(t.date),
            t.currency,
            lines_zh(&[t])
        ),
    )
}

pub(crate) fn foreign_country(
    t: &Txn,
    name: &str,
    country_en: &str,
    country_zh: &str,
) -> (String, String) {
    let amount = money(t.amount, t.currency);
    (
        format!(
            "Foreign charge: {amount} at {name} on {}, a merchant in {country_en} ({}).",
            date_en(t.date),
            lines_en(&[t])
        ),
        format!(
            "境外交易：{}在位于{country_zh}的商户 {name} 扣款 {amount}（{}）。",
            date_zh(t.date),
            lines_zh(&[t])
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_formats() {
        let chf = Currency::parse("CHF").unwrap_or(Currency::USD);
        let jpy = Currency::parse("JPY").unwrap_or(Currency::USD);
        let cases = [
            (-438, Currency::USD, "$4.38"),
            (123456, Currency::USD, "$1,234.56"),
            (-1200, Currency::CNY, "¥12.00"),
            (999, Currency::EUR, "€9.99"),
            (100000000, Currency::GBP, "£1,000,000.00"),
            (1200, chf, "12.00 CHF"),
            (-12000, jpy, "12,000 JPY"),
            (5, Currency::USD, "$0.05"),
        ];
        for (minor, cur, want) in cases {
            assert_eq!(money(minor, cur), want);
        }
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 12).unwrap_or_default();
        assert_eq!(date_en(d), "12 Apr 2024");
        assert_eq!(date_zh(d), "2024年4月12日");
    }
}
