//! Listing transactions, their totals, import batches and undoing a batch.

use crate::dto::{Account, Batch, Page, Total, Transaction, TxFilter};
use crate::error::{stored, AppError, Result};
use crate::money_text::{parse_filter_amount, to_text};
use crate::App;
use recourse_store::query::TxQuery;
use recourse_store::transactions::TxRow;

/// The most rows one page holds, whatever is asked (a larger `limit` gets this many): the UI
/// asks for 200 at a time; a request for millions would build them all in one reply.
pub const MAX_PAGE: u64 = 5_000;

impl App {
    pub fn transactions_page(&self, filter: &TxFilter, offset: u64, limit: u64) -> Result<Page> {
        let q = query(filter)?;
        let rows = self.db.transactions_page(&q, offset, limit.min(MAX_PAGE))?;
        Ok(Page {
            offset,
            rows: rows.into_iter().map(transaction).collect::<Result<_>>()?,
        })
    }

    /// Every transaction matching the filter (the CLI's `transactions`).
    pub fn transactions(&self, filter: &TxFilter) -> Result<Vec<Transaction>> {
        let mut all = Vec::new();
        loop {
            let page = self.transactions_page(filter, all.len() as u64, MAX_PAGE)?;
            let last = (page.rows.len() as u64) < MAX_PAGE;
            all.extend(page.rows);
            if last {
                return Ok(all);
            }
        }
    }

    pub fn transaction(&self, id: i64) -> Result<Transaction> {
        transaction(self.db.transaction(id)?)
    }

    /// Starts loading the transactions view (about a second per million rows) on a thread of
    /// its own: the desktop app calls it as it starts, so the first screen finds it ready.
    pub fn preload(&self) {
        self.db.preload_view();
    }

    /// Count and signed sum per currency. A sum too large to hold is an error naming the
    /// currency, never a wrapped number.
    pub fn totals(&self, filter: &TxFilter) -> Result<Vec<Total>> {
        let q = query(filter)?;
        self.db
            .transactions_totals(&q)?
            .into_iter()
            .map(|t| {
                let sum_minor = t.sum_minor.ok_or_else(|| total_too_large(&t.currency))?;
                Ok(Total {
                    sum: to_text(sum_minor, &t.currency),
                    currency: t.currency,
                    count: t.count,
                    sum_minor,
                })
            })
            .collect()
    }

    pub fn batches(&self) -> Result<Vec<Batch>> {
        Ok(self
            .db
            .batches()?
            .into_iter()
            .map(|b| Batch {
                id: b.id,
                account: b.account,
                file_name: b.file_name,
                sha256: b.sha256,
                imported_at: b.imported_at,
                rows_read: b.rows_read,
                imported: b.imported,
                already_present: b.already_present,
                skipped: b.skipped,
            })
            .collect())
    }

    /// Removes an import batch and everything it added. Returns the number of transactions removed.
    pub fn undo_batch(&mut self, batch_id: i64) -> Result<u64> {
        Ok(self.db.undo_batch(batch_id)?)
    }

    pub fn accounts(&self) -> Result<Vec<Account>> {
        Ok(self
            .db
            .accounts()?
            .into_iter()
            .map(|a| Account {
                id: a.id,
                name: a.name,
                has_profile: a.profile_json.is_some(),
            })
            .collect())
    }
}

fn query(f: &TxFilter) -> Result<TxQuery> {
    let sort = f.sort.unwrap_or_default();
    let date = |field, text: &Option<String>| {
        crate::dates::optional_input(field, text.as_deref()).map(|d| d.map(|d| d.to_string()))
    };
    Ok(TxQuery {
        account: f.account.clone().filter(|a| !a.is_empty()),
        from: date("from date", &f.from)?,
        to: date("to date", &f.to)?,
        search: f.search.clone(),
        merchant: f.merchant.clone(),
        min_amount_minor: f
            .min_amount
            .as_deref()
            .map(parse_filter_amount)
            .transpose()?,
        max_amount_minor: f
            .max_amount
            .as_deref()
            .map(parse_filter_amount)
            .transpose()?,
        flagged_only: f.flagged_only,
        sort,
        ascending: f.ascending,
    })
}

fn transaction(r: TxRow) -> Result<Transaction> {
    Ok(Transaction {
        amount: to_text(r.amount_minor, &r.currency),
        id: r.id,
        account: r.account,
        date: crate::dates::stored(&format!("transaction {}", r.id), &r.date)?,
        time: r.time,
        posted_date: crate::dates::stored_opt(
            &format!("transaction {}", r.id),
            r.posted_date.as_deref(),
        )?,
        description: r.description,
        merchant: r.merchant,
        amount_minor: r.amount_minor,
        currency: r.currency,
        status: stored("row status", &r.status)?,
        source_file: r.source_file,
        source_sheet: r.source_sheet,
        source_line: r.source_line,
        batch_id: r.batch_id,
        flagged: r.flagged,
    })
}

/// A sum of amounts beyond what Recourse can hold (about ±92 quadrillion units).
pub(crate) fn total_too_large(currency: &str) -> AppError {
    AppError::invalid(format!(
        "the {currency} total of these transactions is too large to add up"
    ))
    .with_detail(
        "amount.total_too_large",
        [("currency", currency.to_string())],
    )
}
