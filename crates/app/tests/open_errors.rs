//! A database that cannot be opened (written by a newer version, locked by another program,
//! damaged) gives an error saying what happened and what to do (the desktop app shows it in a
//! dialog), and the file is not changed by the attempt.

use recourse_app::App;
use std::path::Path;

fn refused(db: &Path) -> recourse_app::AppError {
    let before = std::fs::read(db).unwrap();
    let err = match App::open(db) {
        Ok(_) => panic!("{} opened", db.display()),
        Err(e) => e,
    };
    assert_eq!(std::fs::read(db).unwrap(), before, "the file was changed");
    assert!(
        err.message.contains(&*db.display().to_string()),
        "{}",
        err.message
    );
    assert!(err.message.contains("left as it is"), "{}", err.message);
    assert!(err.message.contains("RECOURSE_DB"), "{}", err.message);
    err
}

#[test]
fn a_database_of_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    drop(App::open(&db).unwrap());
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = refused(&db);
    assert_eq!(err.detail.unwrap().key, "open.too_new");
    assert!(err.message.contains("newer version"), "{}", err.message);
}

#[test]
fn a_damaged_file_is_refused_untouched_with_restore_as_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    std::fs::write(&db, "this is not a database at all\n".repeat(200)).unwrap();
    let err = refused(&db);
    assert_eq!(err.detail.unwrap().key, "open.damaged");
    assert!(err.message.contains("Restore"), "{}", err.message);
    assert!(!dir.path().join("recourse.db-wal").exists());
}

#[test]
fn a_database_another_program_holds_locked_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    drop(App::open(&db).unwrap());
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; \
             INSERT INTO settings(key, value) VALUES ('held', 'by another program');",
        )
        .unwrap();
    let err = refused(&db);
    assert_eq!(err.detail.unwrap().key, "open.locked", "{}", err.message);
    assert!(err.message.contains("another program"), "{}", err.message);
}
