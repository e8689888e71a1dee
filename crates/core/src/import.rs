//! Statement import (interim: a plain `Date,Description,Amount` UTF-8 CSV; the full detection
//! engine replaces this module).

pub use crate::model::{ParsedRow, RowStatus};
use crate::money::{parse_decimal, Currency};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Columns {
    pub date: Option<usize>,
    pub description: Option<usize>,
    pub amount: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Profile {
    pub header_line: Option<u64>,
    pub date_format: Option<String>,
    pub columns: Columns,
    pub currency: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    pub profile: Option<Profile>,
    pub default_currency: Option<Currency>,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct Detected {
    pub encoding: String,
    pub delimiter: String,
    pub header_line: Option<u64>,
    pub preset: Option<String>,
    pub date_format: String,
    pub columns: BTreeMap<String, usize>,
    pub sign: String,
    pub profile: Profile,
    pub confident: bool,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct SkippedLine {
    pub line: u64,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ParseSummary {
    pub detected: Detected,
    pub rows_read: u64,
    pub skipped: Vec<SkippedLine>,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct Preview {
    pub detected: Detected,
    pub header: Vec<String>,
    pub sample: Vec<Vec<String>>,
    #[ts(skip)]
    #[serde(skip)]
    pub rows: Vec<ParsedRow>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (UTF-8 expected)")]
    NotText,
    #[error("line {line}: {message}")]
    Row { line: u64, message: String },
    #[error("no Date, Description and Amount columns found in the header (line 1)")]
    NoColumns,
    #[error("import cancelled")]
    Cancelled,
}

impl ImportError {
    pub fn line(&self) -> Option<u64> {
        match self {
            ImportError::Row { line, .. } => Some(*line),
            ImportError::NoColumns => Some(1),
            _ => None,
        }
    }
}

fn detect(text: &str) -> Result<Detected, ImportError> {
    let header = text.lines().next().ok_or(ImportError::Empty)?;
    let names: Vec<String> = header.split(',').map(|c| c.trim().to_lowercase()).collect();
    let find = |n: &str| names.iter().position(|c| c == n);
    let (Some(date), Some(description), Some(amount)) = (find("date"), find("description"), find("amount")) else {
        return Err(ImportError::NoColumns);
    };
    let columns = Columns { date: Some(date), description: Some(description), amount: Some(amount) };
    Ok(Detected {
        encoding: "utf-8".into(),
        delimiter: ",".into(),
        header_line: Some(1),
        preset: None,
        date_format: "%Y-%m-%d".into(),
        columns: BTreeMap::from([("date".into(), date), ("description".into(), description), ("amount".into(), amount)]),
        sign: "negative-is-debit".into(),
        profile: Profile { header_line: Some(1), date_format: Some("%Y-%m-%d".into()), columns, currency: None },
        confident: true,
    })
}

fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)
}

pub fn preview(bytes: &[u8], opts: &ImportOptions, n: usize) -> Result<Preview, ImportError> {
    let text = decode(bytes)?;
    let detected = detect(text)?;
    let header = text.lines().next().unwrap_or("").split(',').map(str::to_string).collect();
    let sample = text.lines().skip(1).take(n).map(|l| l.split(',').map(str::to_string).collect()).collect();
    let mut rows = Vec::new();
    let _ = parse(bytes, opts, &mut |r| {
        if rows.len() < n {
            rows.push(r);
        }
        Ok(())
    });
    Ok(Preview { detected, header, sample, rows })
}

pub fn parse(
    bytes: &[u8],
    opts: &ImportOptions,
    sink: &mut dyn FnMut(ParsedRow) -> Result<(), ImportError>,
) -> Result<ParseSummary, ImportError> {
    let text = decode(bytes)?;
    let detected = detect(text)?;
    let cols = &detected.profile.columns;
    let currency = opts.default_currency.unwrap_or(Currency::USD);
    let mut rows_read = 0;
    let mut skipped = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line_no = i as u64 + 1;
        if line.trim().is_empty() {
            skipped.push(SkippedLine { line: line_no, reason: "blank line".into() });
            continue;
        }
        let cells: Vec<&str> = line.split(',').collect();
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).map(|s| s.trim()).unwrap_or("");
        let date = NaiveDate::parse_from_str(cell(cols.date), "%Y-%m-%d").map_err(|_| ImportError::Row {
            line: line_no,
            message: format!("cannot read date '{}' (expected YYYY-MM-DD)", cell(cols.date)),
        })?;
        let amount = parse_decimal(cell(cols.amount), currency.minor_digits()).ok_or_else(|| ImportError::Row {
            line: line_no,
            message: format!("cannot read amount '{}' (expected a number like -4.38)", cell(cols.amount)),
        })?;
        rows_read += 1;
        sink(ParsedRow {
            line: line_no,
            date,
            time: None,
            posted_date: None,
            description: cell(cols.description).to_string(),
            amount,
            currency,
            reference: None,
            card_last4: None,
            status: RowStatus::Booked,
        })?;
    }
    Ok(ParseSummary { detected, rows_read, skipped })
}
