//! What the transactions view is asked (`TxQuery`, its `SortKey`) and the totals it answers
//! with (`CurrencyTotal`). Both the table's reader (`transactions`) and the in-memory view that
//! answers the query (`ledger_view`) use them; they live here so neither module depends on the
//! other for them.

use serde::{Deserialize, Serialize};

/// The order of the transactions view (the UI sends it; ts-rs gives it its TypeScript type).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    Date,
    Amount,
    Merchant,
}

/// What the transactions view asks for. Every field narrows the set; `None` means no limit.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TxQuery {
    pub account: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub search: Option<String>,
    pub merchant: Option<String>,
    pub min_amount_minor: Option<i64>,
    pub max_amount_minor: Option<i64>,
    pub flagged_only: bool,
    pub sort: SortKey,
    pub ascending: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct CurrencyTotal {
    pub currency: String,
    pub count: i64,
    /// `None` when the sum is beyond what an i64 holds.
    pub sum_minor: Option<i64>,
}
