//! Reading transactions: filtered, sorted pages for the table, totals, search, and the history
//! the detection rules read.

use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::ledger_view::{self, LedgerView, Lookups};
use crate::query::{CurrencyTotal, TxQuery};
use chrono::{NaiveDate, NaiveTime};
use recourse_core::model::{RowStatus, Txn};
use recourse_core::money::Currency;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

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
    /// The workbook's sheet the row was read from, for a spreadsheet.
    pub source_sheet: Option<String>,
    pub source_line: i64,
    pub batch_id: i64,
    pub flagged: bool,
}

const ROW_COLUMNS: &str = "t.id, a.name, t.date, t.time, t.posted_date, t.description, t.merchant,
    t.amount, t.currency, t.status, b.file_name, t.source_line, t.batch_id,
    EXISTS (SELECT 1 FROM flags f WHERE f.transaction_id = t.id AND f.status = 'open'),
    b.source_sheet";

const FROM: &str = "FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN batches b ON b.id = t.batch_id";

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
        source_sheet: r.get(14)?,
    })
}

impl Db {
    /// One page of the filtered, sorted set.
    pub fn transactions_page(&self, q: &TxQuery, offset: u64, limit: u64) -> Result<Vec<TxRow>> {
        let ids = self.with_selection(q, |view| view.page_ids(offset, limit))?;
        self.rows_by_id(&ids)
    }

    /// Count and signed sum of the filtered set, per currency, most rows first (pending rows
    /// included; closed orders and neutral wallet rows are not money moved and are left out of
    /// the sum).
    pub fn transactions_totals(&self, q: &TxQuery) -> Result<Vec<CurrencyTotal>> {
        self.with_selection(q, |view| {
            view.selected()
                .map(|s| s.totals.clone())
                .unwrap_or_default()
        })
    }

    /// Runs `q` on the in-memory view (loading it first if the transactions changed since) and
    /// reads the result with `read`.
    fn with_selection<T>(&self, q: &TxQuery, read: impl FnOnce(&LedgerView) -> T) -> Result<T> {
        let lookups = Lookups {
            account_id: match &q.account {
                Some(name) => Some(
                    self.conn
                        .query_row("SELECT id FROM accounts WHERE name = ?1", [name], |r| {
                            r.get(0)
                        })
                        .optional()?,
                ),
                None => None,
            },
            open_flagged: if q.flagged_only {
                let mut stmt = self
                    .conn
                    .prepare_cached("SELECT transaction_id FROM flags WHERE status = 'open'")?;
                let ids = stmt.query_map([], |r| r.get(0))?;
                Some(ids.collect::<Result<_, _>>()?)
            } else {
                None
            },
        };
        let mut slot = self.view.borrow_mut();
        if let Some(preload) = self.preloading.borrow_mut().take() {
            // A failed preload only costs the load below; a stale one is brought up to date.
            if let (Ok(Ok(view)), None) = (preload.join(), slot.as_ref()) {
                *slot = Some(view);
            }
        }
        // One read transaction: the stamp and the rows read are one snapshot.
        let snapshot = self.conn.unchecked_transaction()?;
        let now = ledger_view::current_stamp(&snapshot)?;
        match slot.as_mut() {
            Some(view) if view.stamp() == now => {}
            Some(view) if view.can_extend_to(now) => view.extend(&snapshot)?,
            _ => {
                *slot = None; // free the stale view before loading the new one
                *slot = Some(LedgerView::load(&snapshot)?);
            }
        }
        snapshot.finish()?;
        let view = slot
            .as_mut()
            .ok_or_else(|| StoreError::NotFound("the transactions view".into()))?;
        view.select(q, &lookups)?;
        Ok(read(view))
    }

    /// The rows with these ids, in this order (ids no longer stored are left out).
    fn rows_by_id(&self, ids: &[i64]) -> Result<Vec<TxRow>> {
        // Read in chunks: the CLI lists every row in one "page".
        const CHUNK: usize = 10_000;
        let sql = format!("SELECT {ROW_COLUMNS} {FROM} WHERE t.id IN rarray(?1)");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let list = Rc::new(
                chunk
                    .iter()
                    .copied()
                    .map(Value::Integer)
                    .collect::<Vec<Value>>(),
            );
            let mut found: HashMap<i64, TxRow> = stmt
                .query_map([list], read_row)?
                .map(|r| r.map(|row| (row.id, row)))
                .collect::<Result<_, _>>()?;
            out.extend(chunk.iter().filter_map(|id| found.remove(id)));
        }
        Ok(out)
    }

    pub fn transaction(&self, id: i64) -> Result<TxRow> {
        let sql = format!("SELECT {ROW_COLUMNS} {FROM} WHERE t.id = ?1");
        self.conn
            .query_row(&sql, [id], read_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    StoreError::NotFound(format!("transaction {id}"))
                }
                e => e.into(),
            })
    }

    /// The transactions of one account dated on or after `since` with ids up to `up_to_id`, in
    /// no particular order, as the detection rules read them. Merchant names and file names
    /// are shared between rows (see `Txn`).
    pub fn history(&self, account_id: i64, since: &str, up_to_id: i64) -> Result<Vec<Txn>> {
        history(&self.conn, account_id, since, up_to_id)
    }
}

/// `Db::history` on any connection or open transaction (a batch reads it before committing).
pub(crate) fn history(
    conn: &rusqlite::Connection,
    account_id: i64,
    since: &str,
    up_to_id: i64,
) -> Result<Vec<Txn>> {
    let files: HashMap<i64, Arc<str>> = {
        let mut stmt =
            conn.prepare_cached("SELECT id, file_name FROM batches WHERE account_id = ?1")?;
        let rows = stmt.query_map([account_id], |r| {
            Ok((r.get(0)?, Arc::from(r.get::<_, String>(1)?)))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    let mut shared: HashMap<String, Arc<str>> = HashMap::new();
    let mut share = |s: &str| -> Arc<str> {
        match shared.get(s) {
            Some(a) => a.clone(),
            None => {
                let a: Arc<str> = s.into();
                shared.insert(s.to_string(), a.clone());
                a
            }
        }
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, account_id, date, time, amount, currency, description, merchant, merchant_key,
                    batch_id, source_line, status
             FROM transactions WHERE account_id = ?1 AND date >= ?2 AND id <= ?3",
    )?;
    let mut rows = stmt.query(rusqlite::params![account_id, since, up_to_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let date = NaiveDate::parse_from_str(r.get_ref(2)?.as_str().unwrap_or(""), "%Y-%m-%d")
            .map_err(|_| StoreError::Corrupt(format!("transaction {id} has no valid date")))?;
        let time: Option<String> = r.get(3)?;
        let currency = r.get_ref(5)?.as_str().unwrap_or("");
        let status = r.get_ref(11)?.as_str().unwrap_or("");
        let batch_id: i64 = r.get(9)?;
        out.push(Txn {
            id,
            account_id: r.get(1)?,
            date,
            time: time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M:%S").ok()),
            amount: r.get(4)?,
            currency: Currency::parse(currency).unwrap_or(Currency::USD),
            description: r.get(6)?,
            merchant: share(r.get_ref(7)?.as_str().unwrap_or("")),
            merchant_key: share(r.get_ref(8)?.as_str().unwrap_or("")),
            source_file: files.get(&batch_id).cloned().unwrap_or_else(|| "".into()),
            source_line: r.get::<_, i64>(10)? as u64,
            status: RowStatus::parse(status).unwrap_or(RowStatus::Booked),
        });
    }
    Ok(out)
}
