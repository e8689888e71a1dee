//! Import batches: every import is one batch, written in one database transaction, and can be
//! undone as a whole.

use crate::db::Db;
use crate::error::{Result, StoreError};
use chrono::NaiveDate;
use recourse_core::model::{clock_time, iso_date, PreparedRow};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Where an import comes from.
pub struct BatchSource<'a> {
    pub account: &'a str,
    pub file_name: &'a str,
    pub sha256: &'a str,
    /// The import's time stamp, passed in (the store has no clock of its own).
    pub now: &'a str,
}

#[derive(Clone, Debug, Serialize)]
pub struct BatchSummary {
    pub batch_id: i64,
    pub account_id: i64,
    pub imported: u64,
    pub already_present: u64,
    /// The rows this batch added have ids above this one (ids grow, and a batch is written in
    /// one transaction with no other writer), so "what is new" needs no index on the batch.
    pub ids_after: i64,
    /// The earliest date among the rows this batch added.
    pub first_new_date: Option<NaiveDate>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Batch {
    pub id: i64,
    pub account: String,
    pub file_name: String,
    pub sha256: String,
    pub imported_at: String,
    pub rows_read: i64,
    pub imported: i64,
    pub already_present: i64,
    pub skipped: i64,
}

/// Writes one batch. Nothing is visible to readers until `finish`; dropping the writer (an
/// error or a cancel part-way) rolls the whole batch back.
pub struct BatchWriter<'c> {
    tx: Transaction<'c>,
    account_id: i64,
    batch_id: i64,
    imported: u64,
    already_present: u64,
    ids_after: i64,
    first_new_date: Option<NaiveDate>,
    /// Whether any batch of this transaction added rows (one file may hold several statements).
    any_imported: bool,
}

impl Db {
    /// Starts a batch: the writer, and the dedupe of its rows against what the account holds
    /// (a separate value, so the import can run it on its parsing thread).
    pub fn begin_batch(&mut self, src: &BatchSource) -> Result<(BatchWriter<'_>, Dedupe)> {
        let tx = self.conn.transaction()?;
        let started = start_batch(&tx, src)?;
        let writer = BatchWriter {
            tx,
            account_id: started.account_id,
            batch_id: started.batch_id,
            imported: 0,
            already_present: 0,
            ids_after: started.ids_after,
            first_new_date: None,
            any_imported: false,
        };
        Ok((writer, Dedupe::new(started.present)))
    }

    pub fn batches(&self) -> Result<Vec<Batch>> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, a.name, b.file_name, b.sha256, b.imported_at, b.rows_read, b.imported,
                    b.already_present, b.skipped
             FROM batches b JOIN accounts a ON a.id = b.account_id ORDER BY b.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Batch {
                id: r.get(0)?,
                account: r.get(1)?,
                file_name: r.get(2)?,
                sha256: r.get(3)?,
                imported_at: r.get(4)?,
                rows_read: r.get(5)?,
                imported: r.get(6)?,
                already_present: r.get(7)?,
                skipped: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a batch and every transaction it added (their flags go with them), atomically.
    /// Returns how many transactions were removed.
    pub fn undo_batch(&mut self, batch_id: i64) -> Result<u64> {
        let tx = self.conn.transaction()?;
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM batches WHERE id = ?1", [batch_id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::NotFound(format!("import batch {batch_id}")));
        }
        let removed = tx.execute("DELETE FROM transactions WHERE batch_id = ?1", [batch_id])?;
        tx.execute("DELETE FROM batches WHERE id = ?1", [batch_id])?;
        bump_ledger_version(&tx, true)?;
        tx.commit()?;
        Ok(removed as u64)
    }
}

/// The dedupe keys (fingerprint, occurrence) an account holds.
type Keys = HashSet<(i64, i64), ByFingerprint>;

/// A batch just recorded: its account, its id, the account's dedupe keys and the highest
/// transaction id so far.
struct Started {
    account_id: i64,
    batch_id: i64,
    present: Keys,
    ids_after: i64,
}

/// Records a new batch inside `tx` (creating its account if new).
fn start_batch(tx: &Transaction, src: &BatchSource) -> Result<Started> {
    tx.execute(
        "INSERT INTO accounts(name, created_at) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
        params![src.account, src.now],
    )?;
    let account_id: i64 = tx.query_row(
        "SELECT id FROM accounts WHERE name = ?1",
        [src.account],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO batches(account_id, file_name, sha256, imported_at, rows_read, imported,
                             already_present, skipped, detected_json)
         VALUES (?1, ?2, ?3, ?4, 0, 0, 0, 0, '{}')",
        params![account_id, src.file_name, src.sha256, src.now],
    )?;
    let batch_id = tx.last_insert_rowid();
    let present = present_keys(tx, account_id)?;
    let ids_after: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) FROM transactions", [], |r| {
            r.get(0)
        })?;
    Ok(Started {
        account_id,
        batch_id,
        present,
        ids_after,
    })
}

/// Rows per multi-row INSERT (16 parameters each, far below SQLite's limit of 32,766).
const ROWS_PER_INSERT: usize = 64;

/// `INSERT INTO transactions(…) VALUES (…), …` for `rows` rows.
fn insert_sql(rows: usize) -> String {
    const COLUMNS: &str =
        "account_id, batch_id, date, time, posted_date, description, merchant, merchant_key, \
        amount, currency, reference, card_last4, status, source_line, fingerprint, occurrence";
    let one = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    let mut sql = String::with_capacity(100 + rows * (one.len() + 1));
    sql.push_str("INSERT INTO transactions(");
    sql.push_str(COLUMNS);
    sql.push_str(") VALUES ");
    for r in 0..rows {
        if r > 0 {
            sql.push(',');
        }
        sql.push_str(one);
    }
    sql
}

/// The multiset dedupe of one file's rows: the k-th row with a given fingerprint is new unless
/// the account already holds a k-th one. Twins inside a statement are all kept; a re-import or
/// an overlapping file adds only what is not stored.
pub struct Dedupe {
    /// How many times each fingerprint has been seen so far in this file.
    seen: HashMap<i64, i64, ByFingerprint>,
    /// The dedupe keys (fingerprint, occurrence) the account held when the batch began: a row
    /// found here is present without touching the database, so re-importing a statement costs
    /// a hash lookup per row instead of an index probe.
    present: HashSet<(i64, i64), ByFingerprint>,
}

impl Dedupe {
    fn new(present: Keys) -> Dedupe {
        Dedupe {
            seen: HashMap::default(),
            present,
        }
    }

    /// The row's occurrence number if it is new, `None` if the account already holds it.
    pub fn occurrence_if_new(&mut self, fingerprint: i64) -> Option<i64> {
        let occurrence = self.seen.entry(fingerprint).or_insert(0);
        *occurrence += 1;
        (!self.present.contains(&(fingerprint, *occurrence))).then_some(*occurrence)
    }
}

/// Marks the transactions as changed for in-memory views (`ledger_version`, migrations 5 and
/// 6): rows were added, or (`removed`) some were removed.
fn bump_ledger_version(tx: &Transaction, removed: bool) -> Result<()> {
    tx.execute(
        "UPDATE ledger_version SET version = version + 1, removals = removals + ?1 WHERE id = 1",
        [i64::from(removed)],
    )?;
    Ok(())
}

/// The dedupe keys an account holds.
fn present_keys(tx: &Transaction, account_id: i64) -> Result<HashSet<(i64, i64), ByFingerprint>> {
    let count: i64 = tx.query_row(
        "SELECT count(*) FROM transactions WHERE account_id = ?1",
        [account_id],
        |r| r.get(0),
    )?;
    let mut keys = HashSet::with_capacity_and_hasher(count as usize, ByFingerprint::default());
    let mut stmt =
        tx.prepare("SELECT fingerprint, occurrence FROM transactions WHERE account_id = ?1")?;
    let mut rows = stmt.query([account_id])?;
    while let Some(r) = rows.next()? {
        keys.insert((r.get(0)?, r.get(1)?));
    }
    Ok(keys)
}

impl BatchWriter<'_> {
    pub fn batch_id(&self) -> i64 {
        self.batch_id
    }

    pub fn account_id(&self) -> i64 {
        self.account_id
    }

    /// New rows get ids above this one (see `BatchSummary::ids_after`).
    pub fn ids_after(&self) -> i64 {
        self.ids_after
    }

    /// The earliest date among the rows added so far.
    pub fn first_new_date(&self) -> Option<NaiveDate> {
        self.first_new_date
    }

    /// The account's rows stored before this batch and dated on or after `since`, as the
    /// detection rules read them (`Db::history`); read inside the batch's transaction so the
    /// rules can run while it commits.
    pub fn older_history(&self, since: &str) -> Result<Vec<recourse_core::model::Txn>> {
        crate::transactions::history(&self.tx, self.account_id, since, self.ids_after)
    }

    /// Which of `older_history(since)`'s rows are flagged and still open, or disputed
    /// (`flags::suspicious_ids`): the rules leave them out of what is normal.
    pub fn suspicious_in_history(&self, since: &str) -> Result<HashSet<i64>> {
        crate::flags::suspicious_ids(&self.tx, self.account_id, since, self.ids_after)
    }

    /// Adds one row unless the account already holds it (same fingerprint, same occurrence).
    /// Returns the new transaction's id, or `None` when it was already present.
    pub fn add(&mut self, dedupe: &mut Dedupe, prepared: &PreparedRow) -> Result<Option<i64>> {
        match dedupe.occurrence_if_new(prepared.fingerprint) {
            Some(occurrence) => self.insert(prepared, occurrence).map(Some),
            None => {
                self.count_present(1);
                Ok(None)
            }
        }
    }

    /// Counts rows `Dedupe` found already stored.
    pub fn count_present(&mut self, rows: u64) {
        self.already_present += rows;
    }

    /// Stores a row `Dedupe` found new, as the `occurrence`-th of its fingerprint in this
    /// file. Returns the new transaction's id.
    pub fn insert(&mut self, prepared: &PreparedRow, occurrence: i64) -> Result<i64> {
        Ok(self.insert_group(&[(prepared, occurrence)])?.start)
    }

    /// Stores rows `Dedupe` found new (each with its occurrence number), in order. Returns
    /// their ids, which are consecutive.
    pub fn insert_many(&mut self, rows: &[(PreparedRow, i64)]) -> Result<Range<i64>> {
        let mut ids: Option<Range<i64>> = None;
        let mut group: Vec<(&PreparedRow, i64)> = Vec::with_capacity(ROWS_PER_INSERT);
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            group.clear();
            group.extend(chunk.iter().map(|(p, o)| (p, *o)));
            let got = self.insert_group(&group)?;
            ids = Some(match ids {
                None => got,
                Some(so_far) if got.start == so_far.end => so_far.start..got.end,
                Some(_) => {
                    return Err(StoreError::Corrupt(
                        "new transaction ids are not consecutive".into(),
                    ))
                }
            });
        }
        Ok(ids.unwrap_or(0..0))
    }

    /// One multi-row INSERT: a statement per 64 rows costs far less than 64 statements.
    fn insert_group(&mut self, group: &[(&PreparedRow, i64)]) -> Result<Range<i64>> {
        let mut stmt = self.tx.prepare_cached(&insert_sql(group.len()))?;
        let mut at = 0;
        let mut bind = |value: &dyn rusqlite::ToSql| -> rusqlite::Result<()> {
            at += 1;
            stmt.raw_bind_parameter(at, value)
        };
        for &(prepared, occurrence) in group {
            let row = &prepared.row;
            bind(&self.account_id)?;
            bind(&self.batch_id)?;
            bind(&&*iso_date(row.date))?;
            bind(&row.time.map(|t| clock_time(t).to_string()))?;
            bind(&row.posted_date.map(|d| iso_date(d).to_string()))?;
            bind(&row.description)?;
            bind(&&*prepared.merchant)?;
            bind(&&*prepared.merchant_key)?;
            bind(&row.amount)?;
            bind(&row.currency.code())?;
            bind(&row.reference)?;
            bind(&row.card_last4)?;
            bind(&row.status.as_str())?;
            bind(&(row.line as i64))?;
            bind(&prepared.fingerprint)?;
            bind(&occurrence)?;
            if self.first_new_date.is_none_or(|d| row.date < d) {
                self.first_new_date = Some(row.date);
            }
        }
        stmt.raw_execute()?;
        self.imported += group.len() as u64;
        // Rows of one INSERT into a rowid table get consecutive ids: each is max(id) + 1.
        let last = self.tx.last_insert_rowid();
        Ok(last - group.len() as i64 + 1..last + 1)
    }

    /// Names the workbook's sheet the batch's rows come from (provenance).
    pub fn set_source_sheet(&mut self, sheet: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE batches SET source_sheet = ?2 WHERE id = ?1",
            params![self.batch_id, sheet],
        )?;
        Ok(())
    }

    /// Ends this batch (records its counts) and begins the next statement of the same file as
    /// a batch of its own, in the same database transaction: the statements of one file are
    /// committed together by `finish`, or not at all. Returns the ended batch's summary and
    /// the new batch's dedupe.
    pub fn next_batch(
        &mut self,
        src: &BatchSource,
        rows_read: u64,
        skipped: u64,
        detected_json: &str,
    ) -> Result<(BatchSummary, Dedupe)> {
        let done = self.record(rows_read, skipped, detected_json)?;
        let started = start_batch(&self.tx, src)?;
        self.account_id = started.account_id;
        self.batch_id = started.batch_id;
        self.imported = 0;
        self.already_present = 0;
        self.ids_after = started.ids_after;
        self.first_new_date = None;
        Ok((done, Dedupe::new(started.present)))
    }

    /// Writes this batch's counts, inside the transaction.
    fn record(
        &mut self,
        rows_read: u64,
        skipped: u64,
        detected_json: &str,
    ) -> Result<BatchSummary> {
        self.any_imported |= self.imported > 0;
        self.tx.execute(
            "UPDATE batches SET rows_read = ?2, imported = ?3, already_present = ?4, skipped = ?5,
                                detected_json = ?6 WHERE id = ?1",
            params![
                self.batch_id,
                rows_read as i64,
                self.imported as i64,
                self.already_present as i64,
                skipped as i64,
                detected_json
            ],
        )?;
        Ok(BatchSummary {
            batch_id: self.batch_id,
            account_id: self.account_id,
            imported: self.imported,
            already_present: self.already_present,
            ids_after: self.ids_after,
            first_new_date: self.first_new_date,
        })
    }

    /// Stores the flags the rules raised on this batch's rows inside the batch's transaction,
    /// so a file's rows and their flags commit together or not at all (see `insert_flags`).
    /// Returns how many were added.
    pub fn add_flags(&mut self, flags: &[crate::flags::NewFlag]) -> Result<u64> {
        crate::flags::insert_flags(&self.tx, flags)
    }

    /// Saves the import profile of the account `name` with this batch.
    pub fn save_account_profile(
        &mut self,
        name: &str,
        profile_json: &str,
        now: &str,
    ) -> Result<()> {
        crate::accounts::save_profile(&self.tx, name, profile_json, now)
    }

    /// Commits the batch with its counts (and every batch begun before it by `next_batch`). A
    /// batch that added nothing is still recorded, so the user can see that the file was read
    /// and found already present.
    pub fn finish(
        mut self,
        rows_read: u64,
        skipped: u64,
        detected_json: &str,
    ) -> Result<BatchSummary> {
        let done = self.record(rows_read, skipped, detected_json)?;
        if self.any_imported {
            bump_ledger_version(&self.tx, false)?;
        }
        self.tx.commit()?;
        Ok(done)
    }
}

/// Hashes dedupe keys. Fingerprints are already well-mixed 64-bit hashes, so one multiply
/// spreads them; the default SipHash cost more than the rest of the lookup.
#[derive(Default)]
struct FingerprintHasher(u64);

type ByFingerprint = BuildHasherDefault<FingerprintHasher>;

impl Hasher for FingerprintHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(29) ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_i64(&mut self, v: i64) {
        self.write_u64(v as u64);
    }
}
