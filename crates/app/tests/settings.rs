//! Settings, backup and restore against a real SQLite database in a temporary folder.

use recourse_app::dto::TxFilter;
use recourse_app::ErrorCode;
use recourse_app::{App, AppSettings, ImportRequest};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/sample-statement.csv")
}

fn import(app: &mut App, path: &Path) -> u64 {
    let req = ImportRequest {
        account: Some("sample".into()),
        ..Default::default()
    };
    let reports = app
        .import_files(
            &[path.to_path_buf()],
            &req,
            &|_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    reports[0].imported
}

fn count(app: &App) -> usize {
    app.transactions(&TxFilter::default()).unwrap().len()
}

fn settings(
    language: Option<&str>,
    theme: &str,
    jurisdiction: &str,
    sensitivity: &str,
) -> AppSettings {
    AppSettings {
        language: language.map(str::to_string),
        theme: theme.into(),
        default_jurisdiction: jurisdiction.into(),
        sensitivity: sensitivity.into(),
    }
}

#[test]
fn defaults_then_a_round_trip_that_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    let mut app = App::open(&db).unwrap();
    assert_eq!(
        app.settings().unwrap(),
        settings(None, "system", "us", "normal")
    );

    let chosen = settings(Some("zh-CN"), "dark", "uk", "high");
    app.set_settings(&chosen).unwrap();
    assert_eq!(app.settings().unwrap(), chosen);
    drop(app);

    let app = App::open(&db).unwrap();
    assert_eq!(app.settings().unwrap(), chosen);
    assert_eq!(
        app.default_jurisdiction().unwrap(),
        recourse_core::disputes::Jurisdiction::Uk
    );
}

#[test]
fn sensitivity_is_written_into_the_detection_config_and_other_thresholds_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let mut cfg = app.detect_config().unwrap();
    cfg.duplicate_window_days = 5;
    app.set_detect_config(&cfg).unwrap();

    app.set_settings(&settings(None, "system", "us", "low"))
        .unwrap();
    let cfg = app.detect_config().unwrap();
    assert_eq!(cfg.sensitivity, 0.5);
    assert_eq!(cfg.duplicate_window_days, 5);

    app.set_settings(&settings(None, "system", "us", "high"))
        .unwrap();
    assert_eq!(app.detect_config().unwrap().sensitivity, 2.0);
    assert_eq!(app.settings().unwrap().sensitivity, "high");
}

#[test]
fn unknown_values_are_refused_by_name_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    for (bad, word) in [
        (settings(Some("fr"), "dark", "us", "normal"), "'fr'"),
        (settings(None, "purple", "us", "normal"), "'purple'"),
        (settings(None, "dark", "mars", "normal"), "'mars'"),
        (settings(None, "dark", "us", "extreme"), "'extreme'"),
    ] {
        let err = app.set_settings(&bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(err.message.contains(word), "{}", err.message);
    }
    assert_eq!(
        app.settings().unwrap(),
        settings(None, "system", "us", "normal")
    );
}

#[test]
fn data_location_names_the_database_and_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    let app = App::open(&db).unwrap();
    let loc = app.data_location();
    assert_eq!(Path::new(&loc.db_path), db);
    assert_eq!(Path::new(&loc.data_dir), dir.path());
    // Each database has its own evidence folder, named after its file.
    assert_eq!(
        Path::new(&loc.evidence_dir),
        dir.path().join("recourse.db-evidence")
    );
}

#[test]
fn backup_then_changes_then_restore_brings_the_old_data_and_evidence_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    let mut app = App::open(&db).unwrap();
    assert!(import(&mut app, &sample()) > 0);
    let before = count(&app);
    app.set_settings(&settings(Some("en"), "light", "eu", "normal"))
        .unwrap();
    let evidence = dir.path().join("recourse.db-evidence/case-1");
    std::fs::create_dir_all(&evidence).unwrap();
    std::fs::write(evidence.join("receipt.txt"), "paid 4.38").unwrap();

    let out = tempfile::tempdir().unwrap();
    let backup = out.path().join("backup.zip");
    let report = app.backup(&backup).unwrap();
    assert_eq!(report.evidence_files, 1);
    assert!(report.bytes > 0 && backup.exists());
    assert!(!out.path().join("backup.zip.partial").exists());

    // Change everything after the backup.
    let batch = app.batches().unwrap()[0].id;
    app.undo_batch(batch).unwrap();
    assert_eq!(count(&app), 0);
    app.set_settings(&settings(Some("zh-CN"), "dark", "cn", "high"))
        .unwrap();
    std::fs::remove_file(evidence.join("receipt.txt")).unwrap();
    std::fs::write(evidence.join("later.txt"), "added after").unwrap();

    let restored = app.restore(&backup).unwrap();
    assert_eq!(restored.evidence_files, 1);
    assert_eq!(count(&app), before);
    assert_eq!(
        app.settings().unwrap(),
        settings(Some("en"), "light", "eu", "normal")
    );
    assert_eq!(
        std::fs::read_to_string(evidence.join("receipt.txt")).unwrap(),
        "paid 4.38"
    );
    assert!(!evidence.join("later.txt").exists());
    // What was there before the restore is kept aside, not lost.
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("recourse.db-evidence.before-restore-")
        })
        .expect("the evidence folder as it was is kept");
    assert!(aside.join("case-1/later.txt").exists());
    assert!(Path::new(&restored.previous_copy).exists());
    let previous = App::open(Path::new(&restored.previous_copy)).unwrap();
    assert_eq!(count(&previous), 0);
    // No staging folders are left in the data folder.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // The restored database is the live one: it takes new writes and survives reopening.
    app.set_settings(&settings(Some("en"), "dark", "eu", "normal"))
        .unwrap();
    drop(app);
    let app = App::open(&db).unwrap();
    assert_eq!(count(&app), before);
    assert_eq!(app.settings().unwrap().theme, "dark");
}

fn zip_with(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn bad_restore_files_are_refused_and_leave_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("recourse.db")).unwrap();
    import(&mut app, &sample());
    let before = count(&app);
    let bad = tempfile::tempdir().unwrap();

    let not_zip = bad.path().join("notes.zip");
    std::fs::write(&not_zip, "just text").unwrap();
    let no_db = bad.path().join("no-db.zip");
    zip_with(&no_db, &[("evidence/a.txt", b"x")]);
    let garbage_db = bad.path().join("garbage.zip");
    zip_with(
        &garbage_db,
        &[(
            "recourse.db",
            b"this is not sqlite at all, not even close to it",
        )],
    );
    let escape = bad.path().join("escape.zip");
    zip_with(&escape, &[("../../outside.txt", b"x")]);
    let other_sqlite = bad.path().join("other.zip");
    {
        let foreign = bad.path().join("foreign.db");
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('hi');")
            .unwrap();
        drop(conn);
        zip_with(
            &other_sqlite,
            &[("recourse.db", &std::fs::read(&foreign).unwrap())],
        );
    }
    let too_new = bad.path().join("new.zip");
    {
        let newer = bad.path().join("newer.db");
        let backup = bad.path().join("tmp.zip");
        app.backup(&backup).unwrap();
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&backup).unwrap()).unwrap();
        std::io::copy(
            &mut archive.by_name("recourse.db").unwrap(),
            &mut std::fs::File::create(&newer).unwrap(),
        )
        .unwrap();
        rusqlite::Connection::open(&newer)
            .unwrap()
            .pragma_update(None, "user_version", 999)
            .unwrap();
        zip_with(
            &too_new,
            &[("recourse.db", &std::fs::read(&newer).unwrap())],
        );
    }

    for (file, says) in [
        (&not_zip, "not a Recourse backup"),
        (&no_db, "holds no recourse.db"),
        (&garbage_db, "not a Recourse database"),
        (&escape, "outside the data folder"),
        (&other_sqlite, "no Recourse schema"),
        (&too_new, "newer version"),
        (&bad.path().join("missing.zip"), "missing.zip"),
    ] {
        let err = app.restore(file).unwrap_err();
        assert!(
            err.message.contains(says),
            "{}: {}",
            file.display(),
            err.message
        );
        assert!(
            err.message
                .contains(&*file.file_name().unwrap().to_string_lossy()),
            "{}",
            err.message
        );
        assert_eq!(count(&app), before, "data changed by {}", file.display());
    }
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .collect();
    assert!(kept.is_empty(), "{kept:?}");
    assert!(!bad.path().join("outside.txt").exists() && !dir.path().join("outside.txt").exists());
    drop(app);
    let app = App::open(&dir.path().join("recourse.db")).unwrap();
    assert_eq!(count(&app), before);
}
