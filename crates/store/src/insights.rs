//! Summaries for the insights screen: spending per month and the merchants taking the most.
//!
//! Only rows that move money count (booked or pending): a closed order or a neutral wallet row
//! was never spent, so it would inflate every figure here.

use crate::db::Db;
use crate::error::Result;
use rusqlite::params;
use serde::Serialize;

/// Money out and money in of one calendar month, in one currency. Both are positive minor units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthTotal {
    /// "YYYY-MM".
    pub month: String,
    pub currency: String,
    /// `None` (here and below) when the sum is beyond what an i64 holds.
    pub spent_minor: Option<i64>,
    pub received_minor: Option<i64>,
}

/// What one merchant took over a period, in one currency (spent is positive minor units).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MerchantTotal {
    pub merchant: String,
    pub merchant_key: String,
    pub currency: String,
    pub count: i64,
    pub spent_minor: Option<i64>,
}

/// Which rows a summary reads; `None` means no limit.
#[derive(Clone, Debug, Default)]
pub struct InsightQuery<'a> {
    /// Account name.
    pub account: Option<&'a str>,
    /// Inclusive ISO dates.
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

const MOVES_MONEY: &str = "t.status IN ('booked','pending')";

/// Sums of amounts are taken in two parts, the billions and the rest (`SPLIT`), each of which
/// stays far inside an i64 for any number of rows; `exact_sum` joins them in i128. A plain
/// `sum()` of amounts near the limits of an i64 fails with SQLite's "integer overflow", and
/// negating the smallest i64 turns it into a float.
const SPLIT: i64 = 1_000_000_000;

/// The sum whose parts were `high` (in units of `SPLIT`) and `low`, if it fits an i64.
fn exact_sum(high: i64, low: i64) -> Option<i64> {
    i64::try_from(i128::from(high) * i128::from(SPLIT) + i128::from(low)).ok()
}

impl Db {
    /// Spending and income per month and currency, oldest month first.
    pub fn monthly_totals(&self, q: &InsightQuery) -> Result<Vec<MonthTotal>> {
        let sql = format!(
            "SELECT substr(t.date, 1, 7) AS month, t.currency,
                    coalesce(sum(CASE WHEN t.amount < 0 THEN -(t.amount / {SPLIT}) ELSE 0 END), 0),
                    coalesce(sum(CASE WHEN t.amount < 0 THEN -(t.amount % {SPLIT}) ELSE 0 END), 0),
                    coalesce(sum(CASE WHEN t.amount > 0 THEN t.amount / {SPLIT} ELSE 0 END), 0),
                    coalesce(sum(CASE WHEN t.amount > 0 THEN t.amount % {SPLIT} ELSE 0 END), 0)
             FROM transactions t JOIN accounts a ON a.id = t.account_id
             WHERE {MOVES_MONEY} AND (?1 IS NULL OR a.name = ?1)
               AND (?2 IS NULL OR t.date >= ?2) AND (?3 IS NULL OR t.date <= ?3)
             GROUP BY month, t.currency
             ORDER BY month, t.currency"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![q.account, q.from, q.to], |r| {
            Ok(MonthTotal {
                month: r.get(0)?,
                currency: r.get(1)?,
                spent_minor: exact_sum(r.get(2)?, r.get(3)?),
                received_minor: exact_sum(r.get(4)?, r.get(5)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The `limit` merchants with the most money out, largest first. A merchant paid in two
    /// currencies appears once per currency: amounts in different currencies are never added.
    pub fn top_merchants(&self, q: &InsightQuery, limit: u32) -> Result<Vec<MerchantTotal>> {
        // The display name is the one last imported (normalisation may improve between
        // imports): with a single max() aggregate, SQLite takes the bare `t.merchant` from the
        // row holding the maximum id. The order is by `total()` (a float sum, only to rank;
        // the amounts returned are the exact parts).
        let sql = format!(
            "SELECT t.merchant, max(t.id), t.merchant_key, t.currency, count(*),
                    sum(-(t.amount / {SPLIT})), sum(-(t.amount % {SPLIT})), total(-t.amount) AS spent
             FROM transactions t JOIN accounts a ON a.id = t.account_id
             WHERE {MOVES_MONEY} AND t.amount < 0 AND (?1 IS NULL OR a.name = ?1)
               AND (?2 IS NULL OR t.date >= ?2) AND (?3 IS NULL OR t.date <= ?3)
             GROUP BY t.merchant_key, t.currency
             ORDER BY spent DESC, t.merchant_key
             LIMIT ?4"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![q.account, q.from, q.to, limit], |r| {
            Ok(MerchantTotal {
                merchant: r.get(0)?,
                merchant_key: r.get(2)?,
                currency: r.get(3)?,
                count: r.get(4)?,
                spent_minor: exact_sum(r.get(5)?, r.get(6)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest transaction date of an account, if it has any.
    pub fn account_last_date(&self, account_id: i64) -> Result<Option<String>> {
        Ok(self.conn.query_row(
            "SELECT max(date) FROM transactions WHERE account_id = ?1",
            [account_id],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_database_has_no_totals() {
        let db = Db::open_in_memory().unwrap();
        assert!(db
            .monthly_totals(&InsightQuery::default())
            .unwrap()
            .is_empty());
        assert!(db
            .top_merchants(&InsightQuery::default(), 10)
            .unwrap()
            .is_empty());
        assert_eq!(db.account_last_date(1).unwrap(), None);
    }
}
