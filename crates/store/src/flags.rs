//! Flags raised by the detection rules, their permanent dismissals, and trusted merchants.

use crate::db::Db;
use crate::error::{Result, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::HashSet;

/// A flag to store, as the app hands it over from the detection rules.
#[derive(Clone, Debug)]
pub struct NewFlag {
    pub transaction_id: i64,
    pub kind: String,
    pub reason: String,
    pub severity: String,
    pub related_transaction_ids: Vec<i64>,
    pub explanation_en: String,
    pub explanation_zh: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FlagRow {
    pub id: i64,
    pub transaction_id: i64,
    pub kind: String,
    pub reason: String,
    pub severity: String,
    pub explanation_en: String,
    pub explanation_zh: String,
    pub related_transaction_ids: Vec<i64>,
    pub status: String,
    pub date: String,
    pub merchant: String,
    pub merchant_key: String,
}

/// Severity as a number, for "at least" filters and sorting.
pub fn severity_rank(severity: &str) -> i64 {
    match severity {
        "high" => 3,
        "medium" => 2,
        _ => 1,
    }
}

const SEVERITY_RANK_SQL: &str =
    "CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END";

/// Stores new flags inside the caller's transaction (`Db::add_flags`, or an import batch's
/// `BatchWriter::add_flags`). A flag the user dismissed before (for the same row, even
/// re-imported) is not raised again; a flag already stored is left as it is. Returns how many
/// were added.
pub(crate) fn insert_flags(conn: &rusqlite::Connection, flags: &[NewFlag]) -> Result<u64> {
    let mut added = 0;
    let mut dismissed = conn.prepare_cached(
        "SELECT 1 FROM dismissals d JOIN transactions t
           ON t.account_id = d.account_id AND t.fingerprint = d.fingerprint AND t.occurrence = d.occurrence
         WHERE t.id = ?1 AND d.reason = ?2",
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO flags(transaction_id, kind, reason, severity, related_json,
                                     explanation_en, explanation_zh)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for f in flags {
        if dismissed.exists(params![f.transaction_id, f.reason])? {
            continue;
        }
        let related =
            serde_json::to_string(&f.related_transaction_ids).unwrap_or_else(|_| "[]".into());
        added += insert.execute(params![
            f.transaction_id,
            f.kind,
            f.reason,
            f.severity,
            related,
            f.explanation_en,
            f.explanation_zh
        ])? as u64;
    }
    Ok(added)
}

impl Db {
    /// Stores new flags in one transaction (see `insert_flags`). Returns how many were added.
    pub fn add_flags(&mut self, flags: &[NewFlag]) -> Result<u64> {
        let tx = self.conn.transaction()?;
        let added = insert_flags(&tx, flags)?;
        tx.commit()?;
        Ok(added)
    }

    /// Flags at or above `min_severity`, with `status` ("open", "dismissed") or all when None;
    /// most severe first, then newest.
    pub fn flags(&self, min_severity: &str, status: Option<&str>) -> Result<Vec<FlagRow>> {
        let sql = format!(
            "SELECT f.id, f.transaction_id, f.kind, f.reason, f.severity, f.explanation_en,
                    f.explanation_zh, f.related_json, f.status, t.date, t.merchant, t.merchant_key
             FROM flags f JOIN transactions t ON t.id = f.transaction_id
             WHERE {SEVERITY_RANK_SQL} >= ?1 AND (?2 IS NULL OR f.status = ?2)
             ORDER BY {SEVERITY_RANK_SQL} DESC, t.date DESC, f.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![severity_rank(min_severity), status], |r| {
            let related: String = r.get(7)?;
            Ok(FlagRow {
                id: r.get(0)?,
                transaction_id: r.get(1)?,
                kind: r.get(2)?,
                reason: r.get(3)?,
                severity: r.get(4)?,
                explanation_en: r.get(5)?,
                explanation_zh: r.get(6)?,
                related_transaction_ids: serde_json::from_str(&related).unwrap_or_default(),
                status: r.get(8)?,
                date: r.get(9)?,
                merchant: r.get(10)?,
                merchant_key: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// "Looks fine": the flag is closed and never raised again for that row, even after the
    /// row's batch is undone and imported again.
    pub fn dismiss_flag(&mut self, flag_id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let found: Option<(i64, String)> = tx
            .query_row(
                "SELECT transaction_id, reason FROM flags WHERE id = ?1",
                [flag_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((transaction_id, reason)) = found else {
            return Err(StoreError::NotFound(format!("flag {flag_id}")));
        };
        tx.execute(
            "UPDATE flags SET status = 'dismissed' WHERE id = ?1",
            [flag_id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO dismissals(account_id, fingerprint, occurrence, reason)
             SELECT account_id, fingerprint, occurrence, ?2 FROM transactions WHERE id = ?1",
            params![transaction_id, reason],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Trusts a merchant: the new-merchant rules stay silent for it, and its open flags from
    /// those rules are dismissed.
    pub fn trust_merchant(
        &mut self,
        merchant_key: &str,
        merchant: &str,
        new_merchant_reasons: &[&str],
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO trusted_merchants(merchant_key, merchant) VALUES (?1, ?2)
             ON CONFLICT(merchant_key) DO NOTHING",
            params![merchant_key, merchant],
        )?;
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT f.id, f.reason FROM flags f JOIN transactions t ON t.id = f.transaction_id
                 WHERE t.merchant_key = ?1 AND f.status = 'open'",
            )?;
            let rows = stmt.query_map([merchant_key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            rows.filter_map(|r| r.ok())
                .filter(|(_, reason)| new_merchant_reasons.contains(&reason.as_str()))
                .map(|(id, _)| id)
                .collect()
        };
        for id in ids {
            self.dismiss_flag(id)?;
        }
        Ok(())
    }

    pub fn trusted_merchant_keys(&self) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT merchant_key FROM trusted_merchants")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The account's transactions dated on or after `since` (ids up to `up_to_id`) that the rules
/// must not take as normal: those with an open flag at medium or above (raised and not marked
/// "looks fine") and those in a dispute case, whatever its status. Read from the flags and
/// cases, which are few, so it costs little beside the history itself.
pub(crate) fn suspicious_ids(
    conn: &rusqlite::Connection,
    account_id: i64,
    since: &str,
    up_to_id: i64,
) -> Result<HashSet<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.transaction_id FROM flags f JOIN transactions t ON t.id = f.transaction_id
          WHERE f.status = 'open' AND f.severity IN ('medium', 'high')
            AND t.account_id = ?1 AND t.date >= ?2 AND t.id <= ?3
         UNION
         SELECT ct.transaction_id FROM case_transactions ct JOIN transactions t ON t.id = ct.transaction_id
          WHERE t.account_id = ?1 AND t.date >= ?2 AND t.id <= ?3",
    )?;
    let rows = stmt.query_map(params![account_id, since, up_to_id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
