//! What a restore refuses (a schema of its own, a zip bomb, a newer version, too many entries,
//! not a backup) leaves the data as it was; an older backup is migrated, not just opened.

use recourse_app::dto::{ImportProgress, TxFilter};
use recourse_app::{App, ImportRequest};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/sample-statement.csv")
}

fn imported(dir: &Path) -> App {
    let mut app = App::open(&dir.join("recourse.db")).unwrap();
    app.import_files(
        &[sample()],
        &ImportRequest::default(),
        &|_: ImportProgress| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    app
}

fn count(app: &App) -> usize {
    app.transactions(&TxFilter::default()).unwrap().len()
}

fn zip_with(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The database of a fresh backup of `app`, changed by `sql`, as a backup file.
fn crafted(app: &App, dir: &Path, name: &str, sql: &str) -> PathBuf {
    let backup = dir.join(format!("{name}-base.zip"));
    app.backup(&backup).unwrap();
    let db = dir.join(format!("{name}.db"));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&backup).unwrap()).unwrap();
    std::io::copy(
        &mut archive.by_name("recourse.db").unwrap(),
        &mut std::fs::File::create(&db).unwrap(),
    )
    .unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(sql)
        .unwrap();
    let out = dir.join(format!("{name}.zip"));
    zip_with(&out, &[("recourse.db", &std::fs::read(&db).unwrap())]);
    out
}

/// Rewrites the uncompressed size of every entry (local and central headers) of a stored zip.
fn lie_about_sizes(path: &Path, size: u32) {
    let mut bytes = std::fs::read(path).unwrap();
    let mut at = 0;
    while at + 4 <= bytes.len() {
        let offset = match &bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => Some(22),
            [0x50, 0x4b, 0x01, 0x02] => Some(24),
            _ => None,
        };
        if let Some(o) = offset {
            bytes[at + o..at + o + 4].copy_from_slice(&size.to_le_bytes());
        }
        at += 1;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn crafted_and_oversized_backups_are_refused_and_change_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut app = imported(data.path());
    let before = count(&app);
    let bad = tempfile::tempdir().unwrap();
    let b = bad.path();

    let trigger = crafted(
        &app,
        b,
        "trigger",
        "CREATE TRIGGER steal AFTER INSERT ON transactions BEGIN DELETE FROM cases; END;",
    );
    let view = crafted(
        &app,
        b,
        "view",
        "CREATE VIEW everything AS SELECT * FROM transactions;",
    );
    let column = crafted(
        &app,
        b,
        "column",
        "ALTER TABLE settings ADD COLUMN extra TEXT;",
    );
    let dropped = crafted(&app, b, "dropped", "DROP TABLE trusted_merchants;");
    let newer = crafted(&app, b, "newer", "PRAGMA user_version = 999;");
    let no_version = crafted(&app, b, "zero", "PRAGMA user_version = 0;");

    // A bomb whose entry says it is 4 GB: refused from its header, before a byte is written.
    let bomb = b.join("bomb.zip");
    let db_bytes = {
        let base = b.join("trigger.db");
        std::fs::read(base).unwrap()
    };
    zip_with(
        &bomb,
        &[("recourse.db", &db_bytes), ("evidence/1/x", b"small")],
    );
    lie_about_sizes(&bomb, 0xFFFF_FFF0);
    // One that says it is smaller than it is: stopped at its stated size.
    let liar = b.join("liar.zip");
    zip_with(&liar, &[("recourse.db", &db_bytes)]);
    lie_about_sizes(&liar, 100);
    let many = b.join("many.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&many).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("recourse.db", opts).unwrap();
        for i in 0..=recourse_app::MAX_BACKUP_ENTRIES {
            zip.start_file(format!("evidence/1/{i}"), opts).unwrap();
        }
        zip.finish().unwrap();
    }
    let text = b.join("notes.zip");
    std::fs::write(&text, "just text").unwrap();

    for (file, says) in [
        (&trigger, "trigger 'steal' that Recourse does not make"),
        (&view, "view 'everything' that Recourse does not make"),
        (&column, "table 'settings' differs"),
        (&dropped, "table 'trusted_merchants' of schema"),
        (&newer, "newer version"),
        (&no_version, "no Recourse schema"),
        (&bomb, "more than a backup may hold"),
        (&liar, "recourse.db"),
        (&many, "entries"),
        (&text, "not a Recourse backup"),
    ] {
        let started = Instant::now();
        let err = app.restore(file).unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{}",
            file.display()
        );
        assert!(
            err.message.contains(says),
            "{}: {}",
            file.display(),
            err.message
        );
        assert!(
            err.message.contains("not a Recourse backup"),
            "{}",
            err.message
        );
        assert_eq!(count(&app), before, "data changed by {}", file.display());
    }
    let names: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("before-restore") && !n.starts_with('.')),
        "{names:?}"
    );
    drop(app);
    assert_eq!(
        count(&App::open(&data.path().join("recourse.db")).unwrap()),
        before
    );
}

#[test]
fn an_older_backup_is_migrated_to_the_current_schema() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::open(&data.path().join("recourse.db")).unwrap();
    let old = data.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        for sql in &recourse_store::MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts(id, name, created_at) VALUES (1, 'card', '2024-01-01');
             INSERT INTO batches VALUES (1, 1, 'a.csv', 'x', '2024-01-01', 1, 1, 0, 0, '{}');
             INSERT INTO transactions(id, account_id, batch_id, date, description, merchant,
                 merchant_key, amount, currency, status, source_line, fingerprint, occurrence)
             VALUES (7, 1, 1, '2024-01-02', 'COFFEE', 'Coffee', 'coffee', -450, 'USD', 'booked', 2, 99, 1);",
        )
        .unwrap();
    }
    let backup = data.path().join("old.zip");
    zip_with(&backup, &[("recourse.db", &std::fs::read(&old).unwrap())]);
    let report = app.restore(&backup).unwrap();
    assert_eq!(report.schema_version, 4);
    let rows = app.transactions(&TxFilter::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].amount, "-4.50");
    drop(app);
    let reopened = rusqlite::Connection::open(data.path().join("recourse.db")).unwrap();
    let version: i64 = reopened
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, recourse_store::SCHEMA_VERSION);
}
