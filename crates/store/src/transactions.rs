//! Reading transactions: filtered, sorted pages for the table, totals, search, and the history
//! the detection rules read.

use crate::db::Db;
use crate::error::{Result, StoreError};
use chrono::{NaiveDate, NaiveTime};
use recourse_core::model::{RowStatus, Txn};
use recourse_core::money::Currency;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// One stored transaction with its provenance.
#[derive(Clone, Debug, Serialize)]
pub struct TxRow {
    pub id: i64,
    pub account: String,
    pub date: String,
    pub time: Option<String>,
    pub posted_date: Option<String>,
    pub description: String,
    pub merchant: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: String,
    pub source_file: String,
    pub source_line: i64,
    pub batch_id: i64,
    pub flagged: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    pub sum_minor: i64,
}

const ROW_COLUMNS: &str = "t.id, a.name, t.date, t.time, t.posted_date, t.description, t.merchant,
    t.amount, t.currency, t.status, b.file_name, t.source_line, t.batch_id,
    EXISTS (SELECT 1 FROM flags f WHERE f.transaction_id = t.id AND f.status = 'open')";

const FROM: &str = "FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN batches b ON b.id = t.batch_id";

/// Builds the WHERE clause and its parameters for a query.
fn where_clause(q: &TxQuery) -> (String, Vec<Value>) {
    let mut parts: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(account) = &q.account {
        args.push(Value::Text(account.clone()));
        parts.push(format!("a.name = ?{}", args.len()));
    }
    if let Some(from) = &q.from {
        args.push(Value::Text(from.clone()));
        parts.push(format!("t.date >= ?{}", args.len()));
    }
    if let Some(to) = &q.to {
        args.push(Value::Text(to.clone()));
        parts.push(format!("t.date <= ?{}", args.len()));
    }
    if let Some(min) = q.min_amount_minor {
        args.push(Value::Integer(min));
        parts.push(format!("t.amount >= ?{}", args.len()));
    }
    if let Some(max) = q.max_amount_minor {
        args.push(Value::Integer(max));
        parts.push(format!("t.amount <= ?{}", args.len()));
    }
    if let Some(merchant) = q.merchant.as_deref().filter(|m| !m.is_empty()) {
        args.push(Value::Text(merchant.to_string()));
        parts.push(format!("t.merchant = ?{}", args.len()));
    }
    if q.flagged_only {
        parts.push("EXISTS (SELECT 1 FROM flags f WHERE f.transaction_id = t.id AND f.status = 'open')".into());
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        if text.chars().count() >= 3 {
            // The trigram index answers substring queries of three or more characters.
            args.push(Value::Text(format!("\"{}\"", text.replace('"', "\"\""))));
            parts.push(format!("t.id IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?{})", args.len()));
        } else {
            let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            args.push(Value::Text(format!("%{escaped}%")));
            let n = args.len();
            parts.push(format!("(t.description LIKE ?{n} ESCAPE '\\' OR t.merchant LIKE ?{n} ESCAPE '\\')"));
        }
    }
    let clause = if parts.is_empty() { String::new() } else { format!("WHERE {}", parts.join(" AND ")) };
    (clause, args)
}

fn order_clause(q: &TxQuery) -> String {
    let dir = if q.ascending { "ASC" } else { "DESC" };
    match q.sort {
        SortKey::Date => format!("ORDER BY t.date {dir}, t.id {dir}"),
        SortKey::Amount => format!("ORDER BY t.amount {dir}, t.id {dir}"),
        SortKey::Merchant => format!("ORDER BY t.merchant {dir}, t.id {dir}"),
    }
}

fn read_row(r: &rusqlite::Row) -> rusqlite::Result<TxRow> {
    Ok(TxRow {
        id: r.get(0)?,
        account: r.get(1)?,
        date: r.get(2)?,
        time: r.get(3)?,
        posted_date: r.get(4)?,
        description: r.get(5)?,
        merchant: r.get(6)?,
        amount_minor: r.get(7)?,
        currency: r.get(8)?,
        status: r.get(9)?,
        source_file: r.get(10)?,
        source_line: r.get(11)?,
        batch_id: r.get(12)?,
        flagged: r.get(13)?,
    })
}

impl Db {
    /// One page of the filtered, sorted set.
    pub fn transactions_page(&self, q: &TxQuery, offset: u64, limit: u64) -> Result<Vec<TxRow>> {
        let (clause, mut args) = where_clause(q);
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let n = args.len();
        let order = order_clause(q);
        // The page's ids are found first, so the rows skipped by OFFSET are walked in an index
        // without being joined or read; only the page's own rows are. The joins are inner joins
        // on foreign keys (always matched), so the id search needs them only to filter by
        // account name.
        let id_from = if q.account.is_some() { FROM } else { "FROM transactions t" };
        let sql = format!(
            "SELECT {ROW_COLUMNS} {FROM} WHERE t.id IN
               (SELECT t.id {id_from} {clause} {order} LIMIT ?{} OFFSET ?{n})
             {order}",
            n - 1
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), read_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Count and signed sum of the filtered set, per currency (pending rows included; closed
    /// orders and neutral wallet rows are not money moved and are left out of the sum).
    pub fn transactions_totals(&self, q: &TxQuery) -> Result<Vec<CurrencyTotal>> {
        let (clause, args) = where_clause(q);
        let sql = format!(
            "SELECT t.currency, count(*), sum(CASE WHEN t.status IN ('booked','pending') THEN t.amount ELSE 0 END)
             {FROM} {clause} GROUP BY t.currency ORDER BY count(*) DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(CurrencyTotal { currency: r.get(0)?, count: r.get(1)?, sum_minor: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn transaction(&self, id: i64) -> Result<TxRow> {
        let sql = format!("SELECT {ROW_COLUMNS} {FROM} WHERE t.id = ?1");
        self.conn
            .query_row(&sql, [id], read_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(format!("transaction {id}")),
                e => e.into(),
            })
    }

    /// The transactions of one account dated on or after `since`, oldest first, as the
    /// detection rules read them.
    pub fn history(&self, account_id: i64, since: &str) -> Result<Vec<Txn>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, t.account_id, t.date, t.time, t.amount, t.currency, t.description, t.merchant,
                    t.merchant_key, b.file_name, t.source_line, t.status
             FROM transactions t JOIN batches b ON b.id = t.batch_id
             WHERE t.account_id = ?1 AND t.date >= ?2 ORDER BY t.date, t.id",
        )?;
        let rows = stmt.query_map(rusqlite::params![account_id, since], |r| {
            let date: String = r.get(2)?;
            let time: Option<String> = r.get(3)?;
            let currency: String = r.get(5)?;
            let status: String = r.get(11)?;
            Ok(Txn {
                id: r.get(0)?,
                account_id: r.get(1)?,
                date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
                time: time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M:%S").ok()),
                amount: r.get(4)?,
                currency: Currency::parse(&currency).unwrap_or(Currency::USD),
                description: r.get(6)?,
                merchant: r.get(7)?,
                merchant_key: r.get(8)?,
                source_file: r.get(9)?,
                source_line: r.get::<_, i64>(10)? as u64,
                status: RowStatus::parse(&status).unwrap_or(RowStatus::Booked),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The ids of the transactions a batch added.
    pub fn batch_transaction_ids(&self, batch_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached("SELECT id FROM transactions WHERE batch_id = ?1")?;
        let rows = stmt.query_map([batch_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The earliest date among a batch's transactions, if it added any.
    pub fn batch_first_date(&self, batch_id: i64) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT min(date) FROM transactions WHERE batch_id = ?1", [batch_id], |r| r.get(0))?)
    }
}
