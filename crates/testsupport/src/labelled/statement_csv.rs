//! Labelled synthetic statements written as the CSV files banks and wallets export, so detection
//! quality can be measured through the real import (parse, dedupe, store, detect).
//!
//! Each person's year becomes monthly statement files in a dialect that fits their locale (a
//! Chase card export in the US, a Monzo export in the UK, a German bank's semicolon export in
//! the euro area, a WeChat Pay bill in mainland China). Each file repeats the last few days of
//! the one before, as real downloads overlap; the importer must add those rows only once. Every
//! (file, physical line) maps back to the synthetic id, so flags can be scored against the labels
//! with `years::evaluate`. Pure: text in memory, no I/O.

use super::years::{evaluate, person_currency, Labelled, Quality};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use recourse_core::detect::Flag;
use recourse_core::model::{RowStatus, Txn};
use recourse_core::money::{format_minor, Currency};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `Date,Description,Amount`, ISO dates, point decimals, negative = money out.
    Simple,
    /// Chase credit-card export: `Transaction Date,Post Date,Description,Category,Type,Amount,Memo`,
    /// MM/DD/YYYY, purchases negative. Card statements list only posted charges, in dollars.
    Chase,
    /// Monzo (UK): DD/MM/YYYY, a transaction id, amounts in pounds with the local amount and
    /// currency of purchases abroad beside them.
    Monzo,
    /// A German bank: semicolons, `dd.mm.yyyy`, decimal comma with thousands dots, a currency column.
    European,
    /// WeChat Pay bill (微信支付账单): a preamble, Chinese headers, 收/支 direction, `¥` amounts,
    /// a status column (closed orders) and neutral rows (`/`).
    WeChat,
}

impl Dialect {
    pub const ALL: [Dialect; 5] = [
        Dialect::Simple,
        Dialect::Chase,
        Dialect::Monzo,
        Dialect::European,
        Dialect::WeChat,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Simple => "simple",
            Dialect::Chase => "chase",
            Dialect::Monzo => "monzo",
            Dialect::European => "european",
            Dialect::WeChat => "wechat",
        }
    }

    /// The export a person paying in `home` most likely downloads.
    pub fn for_home(home: Currency) -> Dialect {
        match home.code() {
            "USD" => Dialect::Chase,
            "GBP" => Dialect::Monzo,
            "CNY" => Dialect::WeChat,
            _ => Dialect::European,
        }
    }

    /// Whether a row keeps its own currency. Card and wallet statements print foreign purchases
    /// converted to the account's currency, with the place abroad in the descriptor.
    pub fn keeps_currency(self) -> bool {
        self == Dialect::European
    }

    /// Whether rows that moved no money (closed orders, neutral wallet rows) are printed at all:
    /// only wallet bills list them.
    pub fn lists_unmoved(self) -> bool {
        self == Dialect::WeChat
    }

    /// The lines before the first row (preamble and header), each ending in `\n`.
    pub fn header(self, from: NaiveDate, to: NaiveDate, rows: usize) -> String {
        match self {
            Dialect::Simple => "Date,Description,Amount\n".into(),
            Dialect::Chase => {
                "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n".into()
            }
            Dialect::Monzo => "Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,\
                Local amount,Local currency,Notes and #tags,Address,Receipt,Description\n"
                .into(),
            Dialect::European => {
                "Buchungstag;Valuta;Empfänger;Verwendungszweck;Betrag;Währung\n".into()
            }
            Dialect::WeChat => {
                let pad = ",,,,,,,,,,";
                let mut s = String::new();
                for line in [
                    "微信支付账单明细".to_string(),
                    "微信昵称：[小明]".to_string(),
                    format!("起始时间：[{from} 00:00:00] 终止时间：[{to} 23:59:59]"),
                    "导出类型：[全部]".to_string(),
                    format!("导出时间：[{to} 23:59:59]"),
                    String::new(),
                    format!("共{rows}笔记录"),
                    "注：".to_string(),
                    "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"
                        .to_string(),
                    String::new(),
                    "----------------------微信支付账单明细列表--------------------".to_string(),
                ] {
                    let _ = writeln!(s, "{line}{pad}");
                }
                s.push_str(
                    "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n",
                );
                s
            }
        }
    }

    /// Appends one row, ending in `\n`.
    pub fn write_row(self, out: &mut String, r: &Row) {
        let digits = r.currency.minor_digits();
        let _ = match self {
            Dialect::Simple => writeln!(
                out,
                "{},{},{}",
                r.date.format("%Y-%m-%d"),
                csv_cell(&r.description, ','),
                format_minor(r.amount, digits)
            ),
            Dialect::Chase => {
                let kind = if r.amount > 0 { "Payment" } else { "Sale" };
                writeln!(
                    out,
                    "{},{},{},{},{kind},{},",
                    r.date.format("%m/%d/%Y"),
                    r.posted.format("%m/%d/%Y"),
                    csv_cell(&r.description, ','),
                    r.category,
                    format_minor(r.amount, digits)
                )
            }
            Dialect::Monzo => {
                let kind = if r.amount > 0 {
                    "Faster payment"
                } else {
                    "Card payment"
                };
                let (local, local_cur) = match r.local {
                    Some((minor, cur)) => (format_minor(minor, cur.minor_digits()), cur),
                    None => (format_minor(r.amount, digits), r.currency),
                };
                let name = csv_cell(&r.description, ',');
                writeln!(
                    out,
                    "{},{},{},{kind},{name},,{},{},{},{local},{},,,,{name}",
                    r.reference.as_deref().unwrap_or(""),
                    r.date.format("%d/%m/%Y"),
                    r.time.unwrap_or_default().format("%H:%M:%S"),
                    r.category,
                    format_minor(r.amount, digits),
                    r.currency.code(),
                    local_cur.code(),
                )
            }
            Dialect::European => {
                let purpose = if r.amount > 0 {
                    "Gutschrift"
                } else {
                    "Kartenzahlung"
                };
                writeln!(
                    out,
                    "{};{};{};{purpose};{};{}",
                    r.date.format("%d.%m.%Y"),
                    r.posted.format("%d.%m.%Y"),
                    csv_cell(&r.description, ';'),
                    comma_amount(r.amount, digits),
                    r.currency.code()
                )
            }
            Dialect::WeChat => {
                let (kind, direction, status) = match (r.status, r.amount > 0) {
                    (RowStatus::Neutral, _) => ("零钱提现", "/", "提现已到账"),
                    (RowStatus::Closed, _) => ("商户消费", "支出", "已关闭"),
                    (_, true) => ("转账", "收入", "已收钱"),
                    (_, false) => ("商户消费", "支出", "支付成功"),
                };
                writeln!(
                    out,
                    "{} {},{kind},{},/,{direction},¥{},零钱,{status},{}\t,/\t,/",
                    r.date.format("%Y-%m-%d"),
                    r.time.unwrap_or_default().format("%H:%M:%S"),
                    csv_cell(&r.description, ','),
                    format_minor(r.amount.abs(), digits),
                    r.reference.as_deref().unwrap_or("/"),
                )
            }
        };
    }
}

/// One row as the statement prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub posted: NaiveDate,
    pub description: String,
    pub category: &'static str,
    /// Signed minor units of `currency`; negative = money out.
    pub amount: i64,
    pub currency: Currency,
    pub status: RowStatus,
    pub reference: Option<String>,
    /// For a purchase abroad printed converted: what was paid there.
    pub local: Option<(i64, Currency)>,
}

/// Quotes a cell when it holds the delimiter or a quote.
pub fn csv_cell(s: &str, delimiter: char) -> String {
    if s.contains(delimiter) || s.contains('"') || s.contains('\n') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `-1.234,50`: decimal comma, thousands dots.
pub fn comma_amount(minor: i64, digits: u32) -> String {
    let plain = format_minor(minor.abs(), digits);
    let (units, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut grouped = String::with_capacity(plain.len() + 4);
    if minor < 0 {
        grouped.push('-');
    }
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped.push(',');
        grouped.push_str(frac);
    }
    grouped
}

/// Rough value of one major unit in millionths of a dollar: enough to print a purchase abroad
/// converted, as card statements do. Integer, so converted amounts are exact and repeatable.
const RATES: &[(&str, i128, &str)] = &[
    ("USD", 1_000_000, "USA"),
    ("EUR", 1_080_000, "FRANCE"),
    ("GBP", 1_270_000, "UNITED KINGDOM"),
    ("CNY", 140_000, "CHINA"),
    ("JPY", 6_700, "JAPAN"),
];

fn rate(c: Currency) -> Option<(i128, &'static str)> {
    RATES
        .iter()
        .find(|(code, _, _)| *code == c.code())
        .map(|&(_, r, country)| (r, country))
}

/// `minor` of `from` in `to`'s minor units, rounded half away from zero; `None` for a
/// currency without a rate.
pub fn convert(minor: i64, from: Currency, to: Currency) -> Option<i64> {
    let (rf, _) = rate(from)?;
    let (rt, _) = rate(to)?;
    let num = i128::from(minor) * rf * 10i128.pow(to.minor_digits());
    let den = rt * 10i128.pow(from.minor_digits());
    let q = (num.abs() * 2 + den) / (2 * den);
    i64::try_from(if num < 0 { -q } else { q }).ok()
}

/// How a labelled transaction appears on a statement in `dialect` for an account in `home`:
/// `None` when that statement does not list it (a card statement lists no closed order).
pub fn statement_row(t: &Txn, dialect: Dialect, home: Currency, time: NaiveTime) -> Option<Row> {
    if !t.status.moves_money() && !dialect.lists_unmoved() {
        return None;
    }
    let mut row = Row {
        date: t.date,
        time: Some(time),
        // Cards post a day or two later; the same id always posts on the same day.
        posted: t.date + Duration::days(t.id % 3),
        description: t.description.clone(),
        category: if t.amount > 0 { "" } else { "Shopping" },
        amount: t.amount,
        currency: t.currency,
        status: t.status,
        reference: match dialect {
            Dialect::Monzo => Some(format!("tx_0000{:012X}", t.id * 7919)),
            Dialect::WeChat => Some(format!("42000{:017}", t.id * 7919)),
            _ => None,
        },
        local: None,
    };
    if t.currency != home && !dialect.keeps_currency() {
        let converted = convert(t.amount, t.currency, home)?;
        let (_, country) = rate(t.currency)?;
        row.local = Some((t.amount, t.currency));
        row.amount = converted;
        row.currency = home;
        row.description = format!("{} {country}", t.description);
    }
    Some(row)
}

/// How to cut each person's rows into files.
#[derive(Clone, Debug)]
pub struct CsvConfig {
    /// Months per statement file.
    pub months_per_file: u32,
    /// Each file repeats this many (or up to 3 more) days of the one before it.
    pub overlap_days: i64,
}

impl Default for CsvConfig {
    fn default() -> Self {
        CsvConfig {
            months_per_file: 1,
            overlap_days: 3,
        }
    }
}

/// One statement file to write and import.
#[derive(Clone, Debug)]
pub struct StatementFile {
    pub name: String,
    /// The account to import it into (one per person).
    pub account: String,
    pub dialect: Dialect,
    pub text: String,
}

/// The labelled population as statement files, with the way back from each line to its id.
#[derive(Clone, Debug, Default)]
pub struct CsvStatements {
    /// In import order: each account's files by date.
    pub files: Vec<StatementFile>,
    /// (file name, physical line) → synthetic id, for every row of every file.
    pub lines: BTreeMap<(String, u64), i64>,
    /// The rows printed, by synthetic id (each once, whatever the overlaps).
    pub rows: BTreeMap<i64, Row>,
    /// The account each synthetic id belongs to.
    pub account_of: BTreeMap<i64, String>,
    /// The labels, restricted to the rows the statements print.
    pub labelled: Labelled,
    /// Rows generated, printed or not.
    pub generated: usize,
}

/// The account name of person `account_id` (1-based), naming the dialect.
pub fn account_name(account_id: i64, dialect: Dialect) -> String {
    format!("person{account_id}-{}", dialect.name())
}

/// Writes each person of `data` (account ids are 1-based persons, as `years::generate` makes
/// them) as overlapping statement files in the dialect of their home currency.
pub fn statements(data: &Labelled, cfg: &CsvConfig) -> CsvStatements {
    let mut out = CsvStatements {
        generated: data.txns.len(),
        ..CsvStatements::default()
    };
    let mut by_account: BTreeMap<i64, Vec<&Txn>> = BTreeMap::new();
    for t in &data.txns {
        by_account.entry(t.account_id).or_default().push(t);
    }
    for (account_id, txns) in by_account {
        let home = person_currency((account_id - 1).max(0) as u32);
        let dialect = Dialect::for_home(home);
        let account = account_name(account_id, dialect);
        let mut rows: Vec<(i64, Row)> = Vec::with_capacity(txns.len());
        let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
        for t in &txns {
            *per_day.entry(t.date).or_default() += 1;
        }
        let mut seen_today: (Option<NaiveDate>, u32) = (None, 0);
        for t in txns {
            if seen_today.0 != Some(t.date) {
                seen_today = (Some(t.date), 0);
            }
            let k = seen_today.1;
            seen_today.1 += 1;
            let time = time_of_day(k, per_day[&t.date]);
            if let Some(row) = statement_row(t, dialect, home, time) {
                out.account_of.insert(t.id, account.clone());
                rows.push((t.id, row));
            }
        }
        let Some(first) = rows.first().map(|r| r.1.date) else {
            continue;
        };
        let last = rows.last().map_or(first, |r| r.1.date);
        let mut period_start = first_of_month(first);
        let mut n = 0i64;
        while period_start <= last {
            let next = add_months(period_start, cfg.months_per_file.max(1));
            // The first file has nothing to repeat; later ones reach back a few days.
            let from = if n == 0 {
                period_start
            } else {
                period_start - Duration::days(cfg.overlap_days + (account_id + n) % 4)
            };
            let to = next - Duration::days(1);
            let in_file: Vec<&(i64, Row)> = rows
                .iter()
                .filter(|(_, r)| r.date >= from && r.date <= to)
                .collect();
            let name = format!(
                "{account}-{:04}-{:02}.csv",
                period_start.year(),
                period_start.month()
            );
            let mut text = dialect.header(from, to.min(last), in_file.len());
            let mut line = text.matches('\n').count() as u64;
            for (id, row) in in_file {
                line += 1;
                dialect.write_row(&mut text, row);
                out.lines.insert((name.clone(), line), *id);
            }
            out.files.push(StatementFile {
                name,
                account: account.clone(),
                dialect,
                text,
            });
            period_start = next;
            n += 1;
        }
        out.rows.extend(rows);
    }
    let printed: BTreeSet<i64> = out.rows.keys().copied().collect();
    out.labelled = Labelled {
        txns: data
            .txns
            .iter()
            .filter(|t| printed.contains(&t.id))
            .cloned()
            .collect(),
        expected: keep(&data.expected, &printed),
        tolerated: keep(&data.tolerated, &printed),
        traps: keep(&data.traps, &printed),
    };
    out
}

fn keep<V: Clone>(m: &BTreeMap<i64, V>, ids: &BTreeSet<i64>) -> BTreeMap<i64, V> {
    m.iter()
        .filter(|(id, _)| ids.contains(id))
        .map(|(id, v)| (*id, v.clone()))
        .collect()
}

/// The `k`-th of `n` rows of a day, spread from 08:00 to 22:00 in order.
fn time_of_day(k: u32, n: u32) -> NaiveTime {
    let secs = 8 * 3600 + (14 * 3600 * k) / n.max(1);
    NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or_default()
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(months))
        .unwrap_or(d)
}

/// A row as the store holds it after the import.
#[derive(Clone, Debug)]
pub struct StoredRow {
    pub id: i64,
    pub account: String,
    pub source_file: String,
    pub source_line: u64,
    pub amount: i64,
    pub currency: Currency,
    pub moves_money: bool,
}

/// How the import of `CsvStatements` went, and how its flags score.
#[derive(Clone, Debug, Default)]
pub struct CsvQuality {
    pub quality: Quality,
    /// Rows generated, rows the statements print (each once) and rows the import stored.
    pub rows_generated: usize,
    pub rows_printed: usize,
    pub rows_stored: usize,
    /// Synthetic ids stored more than once (an overlap added again), and never stored.
    pub stored_twice: Vec<i64>,
    pub missing: Vec<i64>,
    /// Stored rows whose (file, line) holds no statement row.
    pub unmapped: Vec<(String, u64)>,
    /// Stored rows whose amount or currency differ from the printed row: (id, printed, stored).
    pub misread: Vec<(i64, String, String)>,
    /// Signed sums of rows that moved money, per (account, currency): printed and stored.
    pub sums_printed: BTreeMap<(String, String), i64>,
    pub sums_stored: BTreeMap<(String, String), i64>,
    /// Flags on rows that could not be mapped back.
    pub unmapped_flags: usize,
}

impl CsvQuality {
    /// Every printed row stored exactly once, read as printed, and the sums agree.
    pub fn import_exact(&self) -> bool {
        self.rows_printed == self.rows_stored
            && self.stored_twice.is_empty()
            && self.missing.is_empty()
            && self.unmapped.is_empty()
            && self.misread.is_empty()
            && self.sums_printed == self.sums_stored
    }
}

/// Maps the stored rows and the flags raised on them (by stored id) back to synthetic ids and
/// scores them with `years::evaluate`.
pub fn score(set: &CsvStatements, stored: &[StoredRow], flags: &[Flag]) -> CsvQuality {
    let mut q = CsvQuality {
        rows_generated: set.generated,
        rows_printed: set.rows.len(),
        rows_stored: stored.len(),
        ..CsvQuality::default()
    };
    for (id, row) in &set.rows {
        if row.status.moves_money() {
            let account = set.account_of.get(id).cloned().unwrap_or_default();
            *q.sums_printed
                .entry((account, row.currency.code().to_string()))
                .or_default() += row.amount;
        }
    }
    let mut to_synth: BTreeMap<i64, i64> = BTreeMap::new();
    let mut seen: BTreeSet<i64> = BTreeSet::new();
    for s in stored {
        if s.moves_money {
            *q.sums_stored
                .entry((s.account.clone(), s.currency.code().to_string()))
                .or_default() += s.amount;
        }
        let Some(&id) = set.lines.get(&(s.source_file.clone(), s.source_line)) else {
            q.unmapped.push((s.source_file.clone(), s.source_line));
            continue;
        };
        if !seen.insert(id) {
            q.stored_twice.push(id);
        }
        to_synth.insert(s.id, id);
        if let Some(row) = set.rows.get(&id) {
            // Neutral wallet rows carry no sign (不计收支): compare their size only.
            let amount_ok = if row.status == RowStatus::Neutral {
                row.amount.abs() == s.amount.abs()
            } else {
                row.amount == s.amount
            };
            if !amount_ok || row.currency != s.currency || row.status.moves_money() != s.moves_money
            {
                q.misread.push((
                    id,
                    format!("{} {}", format_minor(row.amount, 2), row.currency),
                    format!("{} {}", format_minor(s.amount, 2), s.currency),
                ));
            }
        }
    }
    q.missing = set
        .rows
        .keys()
        .filter(|id| !seen.contains(id))
        .copied()
        .collect();
    let mapped: Vec<Flag> = flags
        .iter()
        .filter_map(|f| {
            let id = to_synth.get(&f.transaction_id).copied();
            if id.is_none() {
                q.unmapped_flags += 1;
            }
            Some(Flag {
                transaction_id: id?,
                ..f.clone()
            })
        })
        .collect();
    q.quality = evaluate(&set.labelled, &mapped);
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labelled::years::{generate, SynthConfig};

    #[test]
    fn amounts_are_written_exactly() {
        assert_eq!(comma_amount(-123_456_789, 2), "-1.234.567,89");
        assert_eq!(comma_amount(99, 2), "0,99");
        assert_eq!(comma_amount(-1500, 0), "-1.500");
        assert_eq!(
            convert(-10_000, Currency::EUR, Currency::USD),
            Some(-10_800)
        );
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(convert(-1000, jpy, Currency::CNY), Some(-4786));
    }

    #[test]
    fn files_overlap_and_every_line_maps_to_one_id() {
        let data = generate(&SynthConfig {
            people: 4,
            years: 1,
            ..SynthConfig::default()
        });
        let set = statements(&data, &CsvConfig::default());
        // Four people, twelve months each.
        assert_eq!(set.files.len(), 48);
        let dialects: BTreeSet<&str> = set.files.iter().map(|f| f.dialect.name()).collect();
        assert_eq!(dialects.len(), 4, "{dialects:?}");
        // Overlaps: more (file, line) pairs than rows, and every row printed somewhere.
        assert!(set.lines.len() > set.rows.len());
        let ids: BTreeSet<i64> = set.lines.values().copied().collect();
        assert_eq!(ids.len(), set.rows.len());
        // Lines point at the row they claim: the description is on that line.
        for f in &set.files {
            for (i, text) in f.text.lines().enumerate() {
                if let Some(id) = set.lines.get(&(f.name.clone(), i as u64 + 1)) {
                    let row = &set.rows[id];
                    assert!(
                        text.contains(&row.description),
                        "{}:{}: {text}",
                        f.name,
                        i + 1
                    );
                }
            }
        }
        // Closed orders are listed by the wallet bill only.
        let closed: Vec<&Row> = set
            .rows
            .values()
            .filter(|r| !r.status.moves_money())
            .collect();
        assert!(!closed.is_empty());
        assert!(closed
            .iter()
            .all(|r| r.reference.as_deref().is_some_and(|s| s.starts_with("42"))));
    }
}
