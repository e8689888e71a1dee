//! Opening the database: pragmas, a backup before migrating an existing file, then migrations.

use crate::error::{Result, StoreError};
use crate::ledger_view::LedgerView;
use crate::migrations::{MIGRATIONS, SCHEMA_VERSION};
use rusqlite::Connection;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// An open, migrated database.
pub struct Db {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// The transactions view's columns, loaded on first use (transactions.rs).
    pub(crate) view: RefCell<Option<LedgerView>>,
    /// A view being loaded ahead on its own connection (`preload_view`).
    pub(crate) preloading: RefCell<Option<JoinHandle<Result<LedgerView>>>>,
}

impl Db {
    /// Opens (creating if needed) and migrates the database file at `path`. When an existing
    /// file needs migrating, a copy is first written beside it as `NAME.before-vN.bak`.
    pub fn open(path: &Path) -> Result<Db> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Backup(format!("{}: {e}", dir.display())))?;
            }
        }
        if path.exists() {
            Self::check_before_opening(path)?;
        }
        let conn = Connection::open(path)?;
        let mut db = Db {
            conn,
            path: Some(path.to_path_buf()),
            view: RefCell::new(None),
            preloading: RefCell::new(None),
        };
        db.configure()?;
        db.migrate()?;
        Ok(db)
    }

    /// Reads an existing file read-only before it is opened for writing (which switches it to
    /// WAL and migrates it): a file of a newer version, one another program holds locked, or
    /// one that is not a database is refused here without a byte of it changed.
    fn check_before_opening(path: &Path) -> Result<()> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Reading the schema reads the file's header and first page: a file that is not a
        // database, or is locked, fails here.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(())
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: None,
            view: RefCell::new(None),
            preloading: RefCell::new(None),
        };
        db.configure()?;
        db.migrate()?;
        Ok(db)
    }

    /// Starts loading the transactions view on a thread, with a connection of its own, so that
    /// the first query finds it (nearly) ready: the desktop app calls this as it starts, while
    /// its window and webview start. The first query takes the result; if the table changed in
    /// between, the view is loaded again as usual.
    pub fn preload_view(&self) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let handle = std::thread::spawn(move || {
            let conn = Connection::open_with_flags(
                &path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            // One read transaction: the version and the rows are one snapshot.
            let tx = conn.unchecked_transaction()?;
            let view = LedgerView::load(&tx)?;
            tx.finish()?;
            Ok(view)
        });
        *self.preloading.borrow_mut() = Some(handle);
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn configure(&self) -> Result<()> {
        // `rarray(?)`: a page's rows are read by a list of ids (transactions.rs).
        rusqlite::vtab::array::load_module(&self.conn)?;
        // WAL: readers never block the writer; NORMAL sync is durable at each commit in WAL mode
        // against application crashes (a killed import loses nothing that was committed).
        self.conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16384;",
        )?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found == SCHEMA_VERSION {
            return Ok(());
        }
        if found > 0 {
            self.backup_before_migration(found)?;
        }
        // Foreign keys are off while migrating: rebuilding a table (migration 5) drops the old
        // one, which with them on would cascade to flags or be refused for case rows. They are
        // checked as a whole before the commit instead.
        self.conn.execute_batch("PRAGMA foreign_keys = OFF")?;
        let migrated = (|| -> Result<()> {
            let tx = self.conn.transaction()?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            }
            let broken: i64 =
                tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
            if broken > 0 {
                return Err(StoreError::Corrupt(format!(
                    "{broken} rows break a foreign key after migrating"
                )));
            }
            tx.commit()?;
            Ok(())
        })();
        self.conn.execute_batch("PRAGMA foreign_keys = ON")?;
        migrated
    }

    fn backup_before_migration(&self, version: i64) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".before-v{}.bak", version + 1));
        let backup = path.with_file_name(name);
        let _ = std::fs::remove_file(&backup);
        self.conn
            .execute("VACUUM INTO ?1", [backup.to_string_lossy()])
            .map_err(|e| StoreError::Backup(format!("{}: {e}", backup.display())))?;
        Ok(())
    }

    /// Writes a consistent copy of the whole database to `dest` (backup to one file).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let _ = std::fs::remove_file(dest);
        self.conn
            .execute("VACUUM INTO ?1", [dest.to_string_lossy()])?;
        Ok(())
    }

    /// Checks that the file at `path` is a whole Recourse database this version can open and
    /// migrate, opening it read-only so a rejected file is never changed. Returns its schema
    /// version. Used before a restore, so it trusts nothing in the file:
    /// - SQLite's full `integrity_check` and `foreign_key_check` pass;
    /// - its version is between 1 and ours;
    /// - its schema is exactly what our migrations make at that version: the same tables,
    ///   columns, indexes and triggers, each with the same SQL, and nothing else (a view or a
    ///   trigger of its own would run inside the app).
    pub fn inspect(path: &Path) -> Result<i64> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let not_ours = |why: String| {
            StoreError::Corrupt(format!(
                "{} is not a Recourse database: {why}",
                path.display()
            ))
        };
        let problems: Vec<String> = (|| -> rusqlite::Result<Vec<String>> {
            let mut stmt = conn.prepare("PRAGMA integrity_check(20)")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect()
        })()
        .map_err(|e| not_ours(e.to_string()))?;
        if problems != ["ok"] {
            return Err(not_ours(format!(
                "integrity check failed ({})",
                problems.join("; ")
            )));
        }
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found < 1 {
            return Err(not_ours("it has no Recourse schema".into()));
        }
        let expected = Connection::open_in_memory()?;
        for sql in &MIGRATIONS[..found as usize] {
            expected.execute_batch(sql)?;
        }
        let (theirs, ours) = (schema_of(&conn)?, schema_of(&expected)?);
        if let Some((kind, name, _)) = theirs.iter().find(|o| !ours.contains(o)) {
            return Err(not_ours(match ours.iter().any(|o| &o.1 == name) {
                true => format!("its {kind} '{name}' differs from schema {found}'s"),
                false => format!("it has a {kind} '{name}' that Recourse does not make"),
            }));
        }
        if let Some((kind, name, _)) = ours.iter().find(|o| !theirs.contains(o)) {
            return Err(not_ours(format!(
                "its {kind} '{name}' of schema {found} is missing"
            )));
        }
        let broken: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(not_ours(format!(
                "{broken} rows point at rows that do not exist"
            )));
        }
        Ok(found)
    }

    /// Direct access for store modules' tests.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Every object of a database's schema as (type, name, SQL), in order. SQLite keeps each
/// object's SQL as it was created (and as `ALTER TABLE` rewrote it), so two databases made by
/// the same migrations have the same list; its own internal tables (`sqlite_%`) are left out.
fn schema_of(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preload_reads_the_view_on_its_own_read_only_connection() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("r.db")).unwrap();
        db.preload_view();
        let preload = db
            .preloading
            .borrow_mut()
            .take()
            .expect("a preload started");
        let view = preload.join().unwrap().expect("the preload read the view");
        assert_eq!(
            view.stamp(),
            crate::ledger_view::current_stamp(&db.conn).unwrap()
        );
    }

    #[test]
    fn fresh_database_reaches_the_latest_schema_and_tables_exist() {
        let db = Db::open_in_memory().unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        for table in [
            "accounts",
            "batches",
            "transactions",
            "flags",
            "dismissals",
            "settings",
            "ledger_version",
        ] {
            let n: i64 = db
                .conn()
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "table {table} missing");
        }
    }

    #[test]
    fn each_migration_applies_on_top_of_the_previous_and_backs_up_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        // Build a database at schema 1 only, as an older version of the app would have left it.
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO accounts(name, created_at) VALUES ('old', '2024-01-01')",
                [],
            )
            .unwrap();
        }
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        let kept: String = db
            .conn()
            .query_row("SELECT name FROM accounts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "old");
        let backup = dir.path().join("r.db.before-v2.bak");
        assert!(backup.exists(), "no backup written before migrating");
        let old = Connection::open(&backup).unwrap();
        let v: i64 = old
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }

    #[test]
    fn migration_5_rebuilds_transactions_keeping_rows_flags_and_case_links() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
            for sql in &MIGRATIONS[..4] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 4).unwrap();
            conn.execute_batch(
                "INSERT INTO accounts(id, name, created_at) VALUES (1, 'card', '2024-01-01');
                 INSERT INTO batches VALUES (1, 1, 'a.csv', 'x', '2024-01-01', 2, 2, 0, 0, '{}');
                 INSERT INTO transactions(id, account_id, batch_id, date, description, merchant, merchant_key,
                     amount, currency, status, source_line, fingerprint, occurrence)
                 VALUES (7, 1, 1, '2024-01-02', 'COFFEE', 'Coffee', 'coffee', -450, 'USD', 'booked', 2, 99, 1),
                        (8, 1, 1, '2024-01-02', 'COFFEE', 'Coffee', 'coffee', -450, 'USD', 'booked', 3, 99, 2);
                 INSERT INTO flags(transaction_id, kind, reason, severity, related_json, explanation_en, explanation_zh)
                 VALUES (8, 'duplicate', 'double_charge', 'high', '[7]', 'twice', '两次');
                 INSERT INTO cases(id, reason, jurisdiction, instrument, opened_at) VALUES (1, 'double_charge', 'us', 'credit_card', '2024-01-03');
                 INSERT INTO case_transactions VALUES (1, 8);",
            )
            .unwrap();
        }
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        let count = |sql: &str| -> i64 { db.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM transactions"), 2);
        assert_eq!(
            count("SELECT count(*) FROM flags WHERE transaction_id = 8"),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM case_transactions WHERE transaction_id = 8"),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM sqlite_master WHERE name = 'transactions_fts'"),
            0
        );
        assert_eq!(
            count("PRAGMA foreign_keys"),
            1,
            "foreign keys are back on after migrating"
        );
        // The rebuilt table still guards a dispute's evidence.
        assert!(db
            .conn()
            .execute("DELETE FROM transactions WHERE id = 8", [])
            .is_err());
        db.conn()
            .execute("DELETE FROM transactions WHERE id = 7", [])
            .unwrap();
        assert!(dir.path().join("r.db.before-v5.bak").exists());
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        assert!(matches!(
            Db::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    fn reopening_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        drop(Db::open(&path).unwrap());
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(!dir.path().join("r.db.before-v1.bak").exists());
    }
}
