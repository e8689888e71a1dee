//! One file = one transaction, flags included: when the flags of a file cannot be stored, none of
//! its rows are kept either, so a later import finds them new and checks them.

use recourse_app::dto::{ImportProgress, TxFilter};
use recourse_app::{App, ImportRequest};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/sample-statement.csv")
}

fn import(app: &mut App) -> recourse_app::Result<Vec<recourse_app::dto::ImportReport>> {
    app.import_files(
        &[sample()],
        &ImportRequest {
            account: Some("sample".into()),
            save_profile: true,
            ..Default::default()
        },
        &|_: ImportProgress| {},
        &AtomicBool::new(false),
    )
}

#[test]
fn a_file_whose_flags_cannot_be_stored_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let mut app = App::open(&db).unwrap();
    // Another connection makes storing any flag fail, as a full disk or a kill would.
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER refuse_flags BEFORE INSERT ON flags
             BEGIN SELECT RAISE(ABORT, 'flags cannot be stored'); END;",
        )
        .unwrap();

    let err = import(&mut app).unwrap_err();
    assert!(err.message.contains("flags cannot be stored"), "{err}");
    assert!(app.transactions(&TxFilter::default()).unwrap().is_empty());
    assert!(app.batches().unwrap().is_empty());
    let count = |sql: &str| -> i64 { other.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM transactions"), 0);
    assert_eq!(
        count("SELECT count(*) FROM accounts WHERE profile_json IS NOT NULL"),
        0,
        "the profile is saved with the batch, not before it"
    );

    other.execute_batch("DROP TRIGGER refuse_flags").unwrap();
    let report = &import(&mut app).unwrap()[0];
    assert!(report.imported > 0 && report.flagged > 0, "{report:?}");
    assert_eq!(count("SELECT count(*) FROM flags") as u64, report.flagged);
    assert_eq!(
        count("SELECT count(*) FROM accounts WHERE profile_json IS NOT NULL"),
        1
    );
}
