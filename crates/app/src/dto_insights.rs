//! The values of the insights screen. Money is a positive decimal string in the currency's minor
//! digits (these are sizes of spending, not signed rows) plus the same amount in minor units.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// Money out and money in of one month, in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct MonthSpend {
    /// "YYYY-MM".
    pub month: String,
    pub currency: String,
    /// Decimal string, positive, e.g. "1234.50".
    pub spent: String,
    pub spent_minor: i64,
    pub received: String,
    pub received_minor: i64,
}

/// What one merchant took over the period asked for, in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct MerchantSpend {
    pub merchant: String,
    pub currency: String,
    pub count: i64,
    /// Decimal string, positive.
    pub spent: String,
    pub spent_minor: i64,
}

/// One price of a recurring charge, from `date` until the next change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct PricePoint {
    /// The first charge at this price.
    pub date: NaiveDate,
    /// Decimal string, positive.
    pub amount: String,
    pub amount_minor: i64,
}

/// A subscription or other regular charge found in an account's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct RecurringCharge {
    pub account: String,
    pub merchant: String,
    pub currency: String,
    /// The usual gap between charges, e.g. 7, 30 or 365.
    pub period_days: u32,
    /// The current price (the latest regular charge), positive decimal string.
    pub usual_amount: String,
    pub usual_amount_minor: i64,
    pub last_date: NaiveDate,
    pub next_expected: NaiveDate,
    /// The first price and every change after it, oldest first.
    pub price_history: Vec<PricePoint>,
    /// The regular charges of the series, oldest first.
    pub transaction_ids: Vec<i64>,
}
