//! Reading the data rows with a plan: each record becomes a row, a skipped line (with its
//! reason), a continuation of the row before, or an error naming its line.
//!
//! Streaming: one row is held back so a continuation line can still be joined to it; a line
//! whose date cannot be read is held too, because it may be the start of a footer (totals,
//! notes). If a real row follows it, the held line was an error after all.

use super::amounts::{self, Amount};
use super::dates::{self, DateFail};
use super::error::{ExpectedDate, ImportError};
use super::plan::Plan;
use super::row_words::{self, Dir};
use super::sample;
use super::skips::{SkipList, MAX_LISTED};
use super::text::clean;
use super::SkipReason;
use crate::model::{ParsedRow, RowStatus};
use crate::money::Currency;
use csv::ByteRecord;

/// What one record turned out to be.
enum Outcome {
    Row(ParsedRow),
    Skip(SkipReason),
    Continuation,
    /// Not readable as a transaction: an error unless only footer lines follow.
    NotARow(ImportError),
    /// A row with a date whose money cannot be read: an error at once.
    Fail(ImportError),
    /// A line of words only inside the data: a section's title ("Pending transactions").
    Heading,
}

pub struct RowReader<'p> {
    plan: &'p Plan,
    pending: Option<ParsedRow>,
    held: Option<(u64, ImportError)>,
    /// The lines after the last row (the first `MAX_LISTED` of them, and how many more):
    /// headings if a row follows, else the footer.
    footer: Vec<u64>,
    footer_unlisted: u64,
    /// Under a heading that says its rows are pending.
    pending_section: bool,
    pub skipped: SkipList,
    pub rows_read: u64,
}

pub type Sink<'s> = dyn FnMut(ParsedRow) -> Result<(), ImportError> + 's;

impl<'p> RowReader<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        RowReader {
            plan,
            pending: None,
            held: None,
            footer: Vec::new(),
            footer_unlisted: 0,
            pending_section: false,
            skipped: SkipList::default(),
            rows_read: 0,
        }
    }

    pub fn skip(&mut self, line: u64, reason: SkipReason) {
        self.skipped.push(line, reason);
    }

    /// `count` consecutive lines from `line` passed over for `reason`.
    pub fn skip_run(&mut self, line: u64, count: u64, reason: SkipReason) {
        self.skipped.push_run(line, count, reason);
    }

    /// The lines held after the last row, passed over as `reason`.
    fn flush_footer(&mut self, reason: SkipReason) {
        for line in std::mem::take(&mut self.footer) {
            self.skip(line, reason);
        }
        self.skipped
            .count_unlisted(std::mem::take(&mut self.footer_unlisted));
    }

    fn hold(&mut self, line: u64) {
        if self.footer.len() < MAX_LISTED {
            self.footer.push(line);
        } else {
            self.footer_unlisted += 1;
        }
    }

    /// Takes one data record.
    pub fn feed(
        &mut self,
        line: u64,
        rec: &ByteRecord,
        sink: &mut Sink<'_>,
    ) -> Result<(), ImportError> {
        match self.read(line, rec) {
            Outcome::Row(row) => {
                if let Some((_, err)) = self.held.take() {
                    return Err(err);
                }
                self.flush_footer(SkipReason::Heading);
                if let Some(prev) = self.pending.replace(row) {
                    self.emit(prev, sink)?;
                }
            }
            Outcome::Skip(reason) => self.skip(line, reason),
            Outcome::Continuation if self.held.is_none() && self.pending.is_some() => {
                let text = continuation_text(self.plan, rec);
                if let Some(p) = self.pending.as_mut() {
                    if !text.is_empty() {
                        if !p.description.is_empty() {
                            p.description.push(' ');
                        }
                        p.description.push_str(&text);
                    }
                }
                self.skip(line, SkipReason::Continuation);
            }
            Outcome::Continuation => self.footer_line(line, None),
            Outcome::NotARow(err) => self.footer_line(line, Some(err)),
            Outcome::Fail(err) => return Err(err),
            Outcome::Heading => {
                let text: Vec<&str> = (0..rec.len()).map(|i| sample::cell(rec, i)).collect();
                self.pending_section = says_pending(&text.join(" "));
                // A footer line if nothing follows; a heading if a row does.
                self.hold(line);
            }
        }
        Ok(())
    }

    fn footer_line(&mut self, line: u64, err: Option<ImportError>) {
        if self.held.is_none() {
            let err = err.unwrap_or(ImportError::Missing {
                line,
                what: "date".into(),
            });
            self.held = Some((line, err));
        }
        self.hold(line);
    }

    fn emit(&mut self, row: ParsedRow, sink: &mut Sink<'_>) -> Result<(), ImportError> {
        self.rows_read += 1;
        sink(row)
    }

    /// Flushes the last row; lines after the last row are the footer. A file without any
    /// row is refused: with the error of its first unreadable line, else as holding no
    /// transactions (a header alone is not an empty statement to import).
    pub fn finish(&mut self, sink: &mut Sink<'_>) -> Result<(), ImportError> {
        if let Some(row) = self.pending.take() {
            self.emit(row, sink)?;
        }
        let held = self.held.take();
        if self.rows_read == 0 {
            return Err(held.map_or(ImportError::NoRows, |(_, err)| err));
        }
        self.flush_footer(SkipReason::Footer);
        self.skipped.lines.sort_by_key(|s| s.line);
        Ok(())
    }

    fn read(&self, line: u64, rec: &ByteRecord) -> Outcome {
        let p = self.plan;
        let c = &p.cols;
        let get = |i: Option<usize>| i.map_or("", |i| clean(sample::cell(rec, i)));
        let blank = rec.as_slice().iter().all(u8::is_ascii_whitespace)
            || (0..rec.len()).all(|i| clean(sample::cell(rec, i)).is_empty());
        if blank {
            return Outcome::Skip(SkipReason::Blank);
        }
        let date_cell = get(c.date);
        let posted_cell = get(c.posted_date);
        let money_cells = [c.amount, c.debit, c.credit];
        let no_money = money_cells.iter().all(|&i| amounts::is_placeholder(get(i)));
        let summary =
            || (0..rec.len()).find_map(|i| row_words::summary_reason(sample::cell(rec, i)));
        if date_cell.is_empty() && posted_cell.is_empty() {
            if let Some(reason) = summary() {
                return Outcome::Skip(reason);
            }
            if no_money && is_continuation(p, rec) {
                return Outcome::Continuation;
            }
            if no_money && !has_digits(rec) {
                return Outcome::Heading;
            }
            return Outcome::NotARow(ImportError::Missing {
                line,
                what: "date".into(),
            });
        }
        // The transaction date, or the posting date when the row has only that (招商银行
        // repayment rows leave 交易日 empty).
        let (date_src, parsed) = if date_cell.is_empty() {
            (posted_cell, dates::parse(posted_cell, p.order, p.hint))
        } else {
            (date_cell, dates::parse(date_cell, p.order, p.hint))
        };
        // `Pending` where the date goes: a pending row, dated with the statement's latest date.
        let mut pending = self.pending_section;
        let parsed = match (parsed, p.latest_date) {
            (Err(_), Some(latest))
                if row_words::status_of(date_src) == RowStatus::Pending
                    || p.pending_word
                        .as_deref()
                        .is_some_and(|w| w.eq_ignore_ascii_case(date_src)) =>
            {
                pending = true;
                Ok((latest, None))
            }
            (other, _) => other,
        };
        let (date, mut time) = match parsed {
            Ok(v) => v,
            Err(fail) => {
                if let Some(reason) = summary() {
                    return Outcome::Skip(reason);
                }
                if no_money && !has_digits(rec) {
                    return Outcome::Heading;
                }
                let err = match fail {
                    DateFail::NoYear => ImportError::NoYear {
                        line,
                        value: date_src.to_string(),
                    },
                    DateFail::Invalid => ImportError::BadDate {
                        line,
                        value: date_src.to_string(),
                        expected: expected_date(p),
                    },
                };
                // Something date-like next to a readable amount is a broken row, even on the
                // last line; anything else may be the start of a footer.
                let money_ok = !no_money
                    && money_cells
                        .iter()
                        .flatten()
                        .all(|&i| amounts::parse(sample::cell(rec, i), p.mark).is_ok());
                if money_ok && date_src.bytes().any(|b| b.is_ascii_digit()) {
                    return Outcome::Fail(err);
                }
                return Outcome::NotARow(err);
            }
        };
        let posted_date = if date_cell.is_empty() {
            Some(date)
        } else if posted_cell.is_empty() {
            None
        } else {
            dates::parse(posted_cell, p.order, p.hint).ok().map(|d| d.0)
        };
        if time.is_none() {
            if let Some(i) = c.time {
                let cell = clean(sample::cell(rec, i));
                match time_of_cell(p, cell) {
                    Ok(t) => time = t,
                    Err(()) => {
                        return Outcome::Fail(ImportError::BadTime {
                            line,
                            value: cell.to_string(),
                        })
                    }
                }
            }
        }
        let coded = p.summary_codes.as_ref().and_then(|(i, codes)| {
            let cell = clean(sample::cell(rec, *i));
            codes.iter().find(|(c, _)| c == cell).map(|&(_, r)| r)
        });
        if let Some(reason) = coded.or_else(|| {
            p.record_type
                .and_then(|i| row_words::record_type_reason(sample::cell(rec, i)))
        }) {
            return Outcome::Skip(reason);
        }
        let description = describe(get(c.counterparty), get(c.description));
        if let Some(reason) = row_words::summary_reason(&description) {
            if reason == SkipReason::Balance {
                return Outcome::Skip(reason);
            }
        }
        if no_money {
            return Outcome::Skip(SkipReason::NoAmount);
        }
        match self.money(line, rec) {
            Ok((amount, currency, dir_neutral)) => {
                let mut status = c.status.map_or(RowStatus::Booked, |i| {
                    row_words::status_of(sample::cell(rec, i))
                });
                if dir_neutral {
                    status = RowStatus::Neutral;
                } else if pending && status == RowStatus::Booked {
                    status = RowStatus::Pending;
                }
                Outcome::Row(ParsedRow {
                    line,
                    date,
                    time,
                    posted_date,
                    description,
                    amount,
                    currency,
                    reference: Some(get(c.reference))
                        .filter(|s| !amounts::is_placeholder(s))
                        .map(str::to_string),
                    card_last4: last4(get(c.card)),
                    status,
                })
            }
            Err(e) => Outcome::Fail(e),
        }
    }

    /// Signed minor units (money out negative), currency, and whether the in/out word says the
    /// row moved no money (不计收支).
    fn money(&self, line: u64, rec: &ByteRecord) -> Result<(i64, Currency, bool), ImportError> {
        let p = self.plan;
        let c = &p.cols;
        let read = |i: Option<usize>| -> Result<Option<Amount>, ImportError> {
            let Some(i) = i else { return Ok(None) };
            let cell = sample::cell(rec, i);
            amounts::parse(cell, p.mark).map_err(|()| ImportError::BadAmount {
                line,
                value: clean(cell).to_string(),
                column: self.column_name(i),
            })
        };
        let amount = read(c.amount)?;
        let debit = read(c.debit)?;
        let credit = read(c.credit)?;
        let fee = read(c.fee)?;
        let row_currency = c
            .currency
            .and_then(|i| Currency::from_symbol(clean(sample::cell(rec, i))))
            .or_else(|| {
                [amount, debit, credit]
                    .iter()
                    .flatten()
                    .find_map(|a| a.currency)
            });
        // `$` in an Australian file is the Australian dollar: a bare symbol yields to the
        // file's currency when that is one the symbol also writes.
        let currency = match row_currency {
            Some(c) if c != p.currency && c.symbol_family().contains(&p.currency.code()) => {
                p.currency
            }
            Some(c) => c,
            None => p.currency,
        };
        let digits = currency.minor_digits();
        let minor = |a: Option<Amount>, col: Option<usize>| -> Result<i64, ImportError> {
            match a {
                None => Ok(0),
                Some(a) => a.to_minor(digits).ok_or_else(|| ImportError::BadAmount {
                    line,
                    value: col.map_or(String::new(), |i| clean(sample::cell(rec, i)).to_string()),
                    column: col.map_or(String::new(), |i| self.column_name(i)),
                }),
            }
        };
        // Checked: an amount and its fee near the limits of i64 must be refused, not wrap into a
        // huge credit.
        let overflow = || ImportError::Csv {
            line,
            message: "the amount with its fee is too large to store".into(),
        };
        let abs = |v: i64| v.checked_abs().ok_or_else(overflow);
        let fee_minor = abs(minor(fee, c.fee)?)?;
        let minus_fee = |v: i64| v.checked_sub(fee_minor).ok_or_else(overflow);
        let mut neutral = false;
        let signed = match p.sign {
            super::SignConvention::NegativeIsDebit => minus_fee(minor(amount, c.amount)?)?,
            super::SignConvention::PositiveIsDebit => minor(amount, c.amount)?
                .checked_add(fee_minor)
                .and_then(i64::checked_neg)
                .ok_or_else(overflow)?,
            super::SignConvention::DebitCredit => {
                let net = abs(minor(credit, c.credit)?)?
                    .checked_sub(abs(minor(debit, c.debit)?)?)
                    .ok_or_else(overflow)?;
                minus_fee(net)?
            }
            super::SignConvention::Direction => {
                let v = abs(minor(amount, c.amount)?)?;
                let word = c.direction.map_or("", |i| sample::cell(rec, i));
                match row_words::direction_of(word) {
                    Some(Dir::Out) => minus_fee(-v)?,
                    Some(Dir::In) => minus_fee(v)?,
                    Some(Dir::Neutral) => {
                        neutral = true;
                        v
                    }
                    None => {
                        return Err(ImportError::BadDirection {
                            line,
                            value: clean(word).to_string(),
                        })
                    }
                }
            }
        };
        Ok((signed, currency, neutral))
    }

    fn column_name(&self, i: usize) -> String {
        self.plan
            .header_cells
            .get(i)
            .map_or_else(|| format!("column {}", i + 1), |h| clean(h).to_string())
    }
}

/// The time in a time column's cell: none for an empty cell or a placeholder, the time of a
/// date-and-time cell; an error for anything else (25:61 is no time of day, and dropping it
/// silently would store the row without saying so).
fn time_of_cell(p: &Plan, cell: &str) -> Result<Option<chrono::NaiveTime>, ()> {
    if amounts::is_placeholder(cell) {
        return Ok(None);
    }
    if let Some(t) = dates::parse_time(cell) {
        return Ok(Some(t));
    }
    // Compact HHMM or HHMMSS (农业银行: `101530`).
    if matches!(cell.len(), 4 | 6) && cell.bytes().all(|b| b.is_ascii_digit()) {
        let n = |i: usize| cell[i..i + 2].parse::<u32>().unwrap_or(99);
        let s = if cell.len() == 6 { n(4) } else { 0 };
        return chrono::NaiveTime::from_hms_opt(n(0), n(2), s)
            .map(Some)
            .ok_or(());
    }
    dates::parse(cell, p.order, p.hint)
        .map(|(_, t)| t)
        .map_err(|_| ())
}

/// The file's last record when no line break ends it: a row the download cut short if it has
/// fewer cells than the file's rows (`width`) and begins like one, its date cell starting with
/// a digit or reading as a date. A footer line has words there, so it stays a footer; a
/// complete last row has all its cells.
pub fn check_cut(p: &Plan, line: u64, rec: &ByteRecord, width: usize) -> Result<(), ImportError> {
    if rec.len() >= width {
        return Ok(());
    }
    let date = p.cols.date.map_or("", |i| clean(sample::cell(rec, i)));
    let like_a_row = date.starts_with(|c: char| c.is_ascii_digit())
        || dates::parse(date, p.order, p.hint).is_ok();
    if like_a_row {
        return Err(ImportError::CutRow {
            line,
            cells: rec.len(),
            expected: width,
        });
    }
    Ok(())
}

/// Does the record hold any digit? A line without one cannot be a transaction.
fn has_digits(rec: &ByteRecord) -> bool {
    rec.as_slice().iter().any(u8::is_ascii_digit)
}

/// Does a section heading say the rows under it are pending ("Pending transactions are not
/// reflected in your balance", "Vorgemerkte Umsätze", "未入账交易")?
fn says_pending(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    [
        "pending",
        "vorgemerkt",
        "未入账",
        "待入账",
        "en attente",
        "in behandeling",
        "authoris",
        "authoriz",
        "in afwachting",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A line that only adds text to the row above (OCBC: `,,<merchant>`): every filled cell is a
/// description or counterparty cell.
fn is_continuation(p: &Plan, rec: &ByteRecord) -> bool {
    let text_cols = [p.cols.description, p.cols.counterparty];
    (0..rec.len()).all(|i| clean(sample::cell(rec, i)).is_empty() || text_cols.contains(&Some(i)))
}

fn continuation_text(p: &Plan, rec: &ByteRecord) -> String {
    let cp = p
        .cols
        .counterparty
        .map_or("", |i| clean(sample::cell(rec, i)));
    let de = p
        .cols
        .description
        .map_or("", |i| clean(sample::cell(rec, i)));
    describe(cp, de)
}

/// Counterparty and memo joined, each trimmed; one of them when the other is empty or equal.
fn describe(counterparty: &str, description: &str) -> String {
    let cp = if amounts::is_placeholder(counterparty) {
        ""
    } else {
        counterparty
    };
    let de = if amounts::is_placeholder(description) {
        ""
    } else {
        description
    };
    match (cp.is_empty(), de.is_empty()) {
        (true, _) => de.to_string(),
        (false, true) => cp.to_string(),
        _ if cp == de => cp.to_string(),
        _ => {
            let mut s = String::with_capacity(cp.len() + de.len() + 3);
            s.push_str(cp);
            s.push_str(" · ");
            s.push_str(de);
            s
        }
    }
}

/// The last four digits of a card cell (`1234`, `****1234`, `XXXX-XXXX-XXXX-1234`).
fn last4(cell: &str) -> Option<String> {
    let digits: Vec<char> = cell.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 4).then(|| digits[digits.len() - 4..].iter().collect())
}

/// What a date in this file should look like, for error messages.
fn expected_date(p: &Plan) -> ExpectedDate {
    ExpectedDate {
        format: p.date_format.to_string(),
        order: p.order,
    }
}
