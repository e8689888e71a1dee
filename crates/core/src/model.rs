//! The values that cross module boundaries inside core: a parsed statement row, and a stored
//! transaction as the detection rules see it.

use crate::money::Currency;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Whether a row moved money. Pending rows did (or will); closed orders (交易关闭) and neutral
/// wallet rows (不计收支: top-ups, withdrawals, card repayments) are kept for the record but
/// are not counted as money moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Booked,
    Pending,
    Closed,
    Neutral,
}

impl RowStatus {
    /// True when the row's amount counts towards sums and detection.
    pub fn moves_money(self) -> bool {
        matches!(self, RowStatus::Booked | RowStatus::Pending)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RowStatus::Booked => "booked",
            RowStatus::Pending => "pending",
            RowStatus::Closed => "closed",
            RowStatus::Neutral => "neutral",
        }
    }

    pub fn parse(s: &str) -> Option<RowStatus> {
        Some(match s {
            "booked" => RowStatus::Booked,
            "pending" => RowStatus::Pending,
            "closed" => RowStatus::Closed,
            "neutral" => RowStatus::Neutral,
            _ => return None,
        })
    }
}

/// One transaction row read from a statement file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedRow {
    /// 1-based physical line of the row in its file (the first line of a multi-line record).
    pub line: u64,
    /// Transaction date (falls back to the posting date when the file has only that).
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub posted_date: Option<NaiveDate>,
    /// The raw description as the bank wrote it (counterparty and memo joined), trimmed.
    pub description: String,
    /// Signed minor units: negative is money leaving the account, whatever the file's convention.
    pub amount: i64,
    pub currency: Currency,
    /// The bank's own id for the transaction, where the file has one.
    pub reference: Option<String>,
    pub card_last4: Option<String>,
    pub status: RowStatus,
}

/// A stored transaction as the detection rules read it (see `detect`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Txn {
    pub id: i64,
    pub account_id: i64,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Signed minor units, negative is money out.
    pub amount: i64,
    pub currency: Currency,
    /// Raw description.
    pub description: String,
    /// Normalised merchant for display (`merchant::display_name`).
    pub merchant: String,
    /// Normalised merchant key for matching (`merchant::key`).
    pub merchant_key: String,
    pub source_file: String,
    pub source_line: u64,
    pub status: RowStatus,
}
