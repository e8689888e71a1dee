//! The floor to compare the import with: the `csv` crate reading the same file with no
//! detection, and the same rows bulk-inserted into SQLite with a prepared statement in one
//! transaction, under the pragmas the store uses (WAL, synchronous NORMAL), into a table with
//! no indexes.

use anyhow::{Context, Result};
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

pub struct Baseline {
    pub rows: u64,
    pub parse: Duration,
    pub parse_and_insert: Duration,
}

/// Amount text like `-12.34` to minor units, integer arithmetic only.
fn minor_units(text: &str) -> Option<i64> {
    let (neg, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (units, cents) = digits.split_once('.').unwrap_or((digits, "0"));
    let v = units.parse::<i64>().ok()? * 100 + cents.parse::<i64>().ok()?;
    Some(if neg { -v } else { v })
}

/// Measures both on a `Date,Description,Amount` file.
pub fn measure(csv_path: &Path, scratch: &Path) -> Result<Baseline> {
    let started = Instant::now();
    let mut rows = 0u64;
    let mut sum = 0i64;
    let mut rdr = csv::Reader::from_path(csv_path)?;
    let mut rec = csv::StringRecord::new();
    while rdr.read_record(&mut rec)? {
        sum = sum.wrapping_add(minor_units(&rec[2]).context("bad amount")?);
        rows += 1;
    }
    std::hint::black_box(sum);
    let parse = started.elapsed();

    let db_path = scratch.join("baseline.db");
    let _ = std::fs::remove_file(&db_path);
    let started = Instant::now();
    let mut conn = Connection::open(&db_path)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE TABLE t (id INTEGER PRIMARY KEY, date TEXT NOT NULL, description TEXT NOT NULL,
                         amount INTEGER NOT NULL);",
    )?;
    let tx = conn.transaction()?;
    {
        let mut stmt =
            tx.prepare("INSERT INTO t(date, description, amount) VALUES (?1, ?2, ?3)")?;
        let mut rdr = csv::Reader::from_path(csv_path)?;
        while rdr.read_record(&mut rec)? {
            stmt.execute(rusqlite::params![
                &rec[0],
                &rec[1],
                minor_units(&rec[2]).context("bad amount")?
            ])?;
        }
    }
    tx.commit()?;
    drop(conn);
    let parse_and_insert = started.elapsed();
    let _ = std::fs::remove_file(&db_path);
    Ok(Baseline {
        rows,
        parse,
        parse_and_insert,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(minor_units("-12.34"), Some(-1234));
        assert_eq!(minor_units("7.05"), Some(705));
        assert_eq!(minor_units("x"), None);
    }
}
