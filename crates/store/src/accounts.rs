//! Accounts: one per bank account or card, holding its saved import profile.

use crate::db::Db;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Account {
    pub id: i64,
    pub name: String,
    /// The account's saved import profile (JSON of `recourse_core::import::Profile`).
    pub profile_json: Option<String>,
}

impl Db {
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, profile_json FROM accounts ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Account {
                id: r.get(0)?,
                name: r.get(1)?,
                profile_json: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn account_by_name(&self, name: &str) -> Result<Option<Account>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, name, profile_json FROM accounts WHERE name = ?1",
                [name],
                |r| {
                    Ok(Account {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        profile_json: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// The currency most of the account's stored transactions are in (the latest of equals);
    /// None for an account that is new or holds no transaction.
    pub fn account_currency(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT t.currency FROM transactions t JOIN accounts a ON a.id = t.account_id
                 WHERE a.name = ?1
                 GROUP BY t.currency ORDER BY COUNT(*) DESC, MAX(t.id) DESC LIMIT 1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn save_account_profile(&self, name: &str, profile_json: &str, now: &str) -> Result<()> {
        save_profile(&self.conn, name, profile_json, now)
    }
}

/// Saves (creating the account if needed) an account's import profile, in the caller's
/// transaction (`Db::save_account_profile`, or an import batch's writer).
pub(crate) fn save_profile(
    conn: &rusqlite::Connection,
    name: &str,
    profile_json: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO accounts(name, profile_json, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(name) DO UPDATE SET profile_json = excluded.profile_json",
        params![name, profile_json, now],
    )?;
    Ok(())
}
