//! The values that cross module boundaries inside core: a parsed statement row, and a stored
//! transaction as the detection rules see it.

use crate::merchant::NameCache;
use crate::money::Currency;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Whether a row moved money. Pending rows did (or will); closed orders (交易关闭) and neutral
/// wallet rows (不计收支: top-ups, withdrawals, card repayments) are kept for the record but
/// are not counted as money moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
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
    /// Normalised merchant for display (`merchant::display_name`). Shared: a million rows name
    /// a few thousand merchants, and the rules hold every row of a large import at once.
    pub merchant: Arc<str>,
    /// Normalised merchant key for matching (`merchant::key`).
    pub merchant_key: Arc<str>,
    pub source_file: Arc<str>,
    pub source_line: u64,
    pub status: RowStatus,
}

impl ParsedRow {
    /// The row's identity for de-duplication across imports: a stable 64-bit FNV-1a hash of what
    /// the bank printed (dates, amount, currency, description, reference). Stable across
    /// versions and platforms, because it is stored. Identical rows inside one statement share a
    /// fingerprint and are told apart by their occurrence count (see the store's batches).
    pub fn fingerprint(&self) -> i64 {
        let mut h = Fnv64::new();
        h.write(iso_date(self.date).as_bytes());
        match self.time {
            Some(t) if t.nanosecond() == 0 => h.write(clock_time(t).as_bytes()),
            Some(t) => h.write(t.to_string().as_bytes()),
            None => h.write(b""),
        }
        h.write(&self.amount.to_le_bytes());
        h.write(self.currency.code().as_bytes());
        for word in self.description.split_whitespace() {
            h.write(word.as_bytes());
            h.write(b" ");
        }
        h.write(self.reference.as_deref().unwrap_or("").trim().as_bytes());
        h.finish() as i64
    }
}

/// A parsed row with what storing it needs, derived once: its fingerprint and its merchant's
/// display name and key.
#[derive(Clone, Debug)]
pub struct PreparedRow {
    pub row: ParsedRow,
    pub fingerprint: i64,
    pub merchant: Arc<str>,
    pub merchant_key: Arc<str>,
}

impl PreparedRow {
    pub fn new(row: ParsedRow, names: &mut NameCache) -> PreparedRow {
        let fingerprint = row.fingerprint();
        PreparedRow::with_fingerprint(row, fingerprint, names)
    }

    /// For a row whose fingerprint was already computed (to find out whether it is new).
    pub fn with_fingerprint(
        row: ParsedRow,
        fingerprint: i64,
        names: &mut NameCache,
    ) -> PreparedRow {
        let (merchant, merchant_key) = names.name_and_key(&row.description);
        PreparedRow {
            fingerprint,
            row,
            merchant,
            merchant_key,
        }
    }

    /// The row as the detection rules see it once stored with `id`.
    pub fn into_txn(self, id: i64, account_id: i64, source_file: Arc<str>) -> Txn {
        let PreparedRow {
            row,
            merchant,
            merchant_key,
            ..
        } = self;
        Txn {
            id,
            account_id,
            date: row.date,
            time: row.time,
            amount: row.amount,
            currency: row.currency,
            description: row.description,
            merchant,
            merchant_key,
            source_file,
            source_line: row.line,
            status: row.status,
        }
    }
}

/// `YYYY-MM-DD` (what `NaiveDate`'s `Display` writes for years 0–9999, which the stored
/// fingerprints were computed from), without allocating: the import formats millions of dates.
pub fn iso_date(d: NaiveDate) -> DateText {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        let s = d.to_string();
        let mut out = [b'?'; 10];
        let n = s.len().min(10);
        out[..n].copy_from_slice(&s.as_bytes()[..n]);
        return DateText(out);
    }
    let (y, m, day) = (y as u32, d.month(), d.day());
    let digit = |v: u32| b'0' + v as u8;
    DateText([
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(day / 10),
        digit(day % 10),
    ])
}

/// `HH:MM:SS` of a time without fractions of a second.
pub fn clock_time(t: NaiveTime) -> ClockText {
    let digit = |v: u32| b'0' + v as u8;
    let (h, m, s) = (t.hour(), t.minute(), t.second().min(59));
    ClockText([
        digit(h / 10),
        digit(h % 10),
        b':',
        digit(m / 10),
        digit(m % 10),
        b':',
        digit(s / 10),
        digit(s % 10),
    ])
}

/// A date as ten ASCII bytes.
pub struct DateText([u8; 10]);

/// A time of day as eight ASCII bytes.
pub struct ClockText([u8; 8]);

impl std::ops::Deref for DateText {
    type Target = str;
    fn deref(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl std::ops::Deref for ClockText {
    type Target = str;
    fn deref(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// 64-bit FNV-1a with a field separator, so ("ab","c") and ("a","bc") differ.
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(desc: &str, amount: i64) -> ParsedRow {
        ParsedRow {
            line: 2,
            date: NaiveDate::from_ymd_opt(2024, 4, 12).unwrap(),
            time: None,
            posted_date: None,
            description: desc.into(),
            amount,
            currency: Currency::USD,
            reference: None,
            card_last4: None,
            status: RowStatus::Booked,
        }
    }

    #[test]
    fn fingerprint_is_stable_and_ignores_line_and_spacing() {
        let a = row("TST* PHILZ  COFFEE", -438);
        let mut b = row("TST* PHILZ COFFEE", -438);
        b.line = 99;
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_ne!(
            a.fingerprint(),
            row("TST* PHILZ COFFEE", -439).fingerprint()
        );
        // Pinned: the value is stored in users' databases, so it must never change.
        assert_eq!(
            row("X", 1).fingerprint(),
            0x7c8f_402a_b987_09de_u64 as i64,
            "{:#x}",
            row("X", 1).fingerprint()
        );
    }

    #[test]
    fn date_and_time_text_match_chrono_which_the_stored_fingerprints_used() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        while d.year() < 2031 {
            assert_eq!(&*iso_date(d), d.to_string());
            d += chrono::Duration::days(17);
        }
        for secs in (0..86_400).step_by(37) {
            let t = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap();
            assert_eq!(&*clock_time(t), t.to_string());
        }
        let mut timed = row("X", 1);
        timed.time = NaiveTime::from_hms_opt(9, 5, 7);
        assert_eq!(
            timed.fingerprint(),
            0xfb6f_5d26_3df2_cb9f_u64 as i64,
            "{:#x}",
            timed.fingerprint()
        );
    }
}
