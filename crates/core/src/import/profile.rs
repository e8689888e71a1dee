//! The mapping of a statement layout: what detection guesses and what the user may fix. It is
//! stored as JSON in the database, so field names are part of the stored format.

use serde::{Deserialize, Serialize};

/// How the sign of money moved is written in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SignConvention {
    /// A signed amount; money out is negative (most bank accounts).
    #[serde(rename = "negative-is-debit")]
    NegativeIsDebit,
    /// A signed amount; money out is positive (most credit-card exports: purchases positive).
    #[serde(rename = "positive-is-debit")]
    PositiveIsDebit,
    /// An unsigned amount plus an in/out column (收/支, Af/Bij, DR/CR).
    #[serde(rename = "direction-column")]
    Direction,
    /// Separate unsigned debit (out) and credit (in) columns.
    #[serde(rename = "debit-credit-columns")]
    DebitCredit,
}

impl SignConvention {
    pub fn as_str(self) -> &'static str {
        match self {
            SignConvention::NegativeIsDebit => "negative-is-debit",
            SignConvention::PositiveIsDebit => "positive-is-debit",
            SignConvention::Direction => "direction-column",
            SignConvention::DebitCredit => "debit-credit-columns",
        }
    }
}

/// 0-based column index per role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
pub struct Columns {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_date: Option<usize>,
    /// A separate time-of-day column (the date column may also carry the time itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<usize>,
    /// A fee charged on top of the amount (Revolut): the money moved is amount − fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debit: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<usize>,
}

impl Columns {
    /// Role name and index of every role set, in a stable order (the CLI's `columns` map).
    pub fn entries(&self) -> Vec<(&'static str, usize)> {
        let all = [
            ("date", self.date),
            ("posted_date", self.posted_date),
            ("time", self.time),
            ("description", self.description),
            ("counterparty", self.counterparty),
            ("amount", self.amount),
            ("fee", self.fee),
            ("debit", self.debit),
            ("credit", self.credit),
            ("direction", self.direction),
            ("currency", self.currency),
            ("reference", self.reference),
            ("card", self.card),
            ("status", self.status),
        ];
        all.into_iter()
            .filter_map(|(k, v)| v.map(|i| (k, i)))
            .collect()
    }

    /// True when no role is set.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// The user's roles win; an amount set by the user replaces detected debit/credit columns
    /// and the other way round, since a file is read one way or the other.
    pub fn overlay(&self, user: &Columns) -> Columns {
        let mut out = self.clone();
        macro_rules! take {
            ($($f:ident),*) => { $( if user.$f.is_some() { out.$f = user.$f; } )* };
        }
        if user.amount.is_some() && user.debit.is_none() && user.credit.is_none() {
            out.debit = None;
            out.credit = None;
        }
        if (user.debit.is_some() || user.credit.is_some()) && user.amount.is_none() {
            out.amount = None;
        }
        take!(
            date,
            posted_date,
            time,
            description,
            counterparty,
            amount,
            fee,
            debit,
            credit,
            direction,
            currency,
            reference,
            card,
            status
        );
        out
    }
}

/// What the user may fix; also what detection returns. Serde JSON (stored in the DB).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default, ts_rs::TS)]
pub struct Profile {
    /// encoding_rs name, e.g. "UTF-8", "GBK", "windows-1252".
    #[serde(default)]
    pub encoding: Option<String>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub delimiter: Option<char>,
    /// 1-based physical line of the header; None = headerless (in a detected profile) or
    /// "detect it" (in a user's profile).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub header_line: Option<u64>,
    /// chrono-style format, e.g. "%m/%d/%Y"; only the order of day, month and year matters.
    #[serde(default)]
    pub date_format: Option<String>,
    #[serde(default)]
    pub columns: Columns,
    #[serde(default)]
    pub sign: Option<SignConvention>,
    /// Default currency when the file has none (ISO 4217 code).
    #[serde(default)]
    pub currency: Option<String>,
}
