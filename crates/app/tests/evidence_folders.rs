//! Each database keeps its evidence in a folder of its own, named after its file: two databases
//! in one folder never share (or delete) each other's files, and evidence in the folder all
//! databases of a data folder once shared moves into its database's own when it is opened.

use recourse_app::dto::{ImportProgress, TxFilter};
use recourse_app::dto_cases::OpenCaseRequest;
use recourse_app::{App, ImportRequest};
use recourse_core::disputes::Reason;
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// A database at `db` with one case (id 1) holding one evidence file; returns where it is.
fn case_with_evidence(db: &Path, text: &str) -> (App, String) {
    let dir = db.parent().unwrap();
    let csv = dir.join(format!("{text}.csv"));
    std::fs::write(&csv, "Date,Description,Amount\n2024-03-01,COFFEE,-4.38\n").unwrap();
    let mut app = App::open(db).unwrap();
    app.import_files(
        &[csv],
        &ImportRequest::default(),
        &|_: ImportProgress| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let id = app.transactions(&TxFilter::default()).unwrap()[0].id;
    let case = app
        .open_case(&OpenCaseRequest {
            transaction_ids: vec![id],
            reason: Reason::NotReceived,
            jurisdiction: None,
            instrument: None,
            statement_date: None,
            details: Default::default(),
        })
        .unwrap();
    let receipt = dir.join("receipt.txt");
    std::fs::write(&receipt, text).unwrap();
    let view = app.add_evidence(case.id, &receipt, None).unwrap();
    (app, view.evidence[0].stored_path.clone())
}

#[test]
fn two_databases_in_one_folder_keep_their_own_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = case_with_evidence(&dir.path().join("a.db"), "from a");
    let (_b, b_path) = case_with_evidence(&dir.path().join("b.db"), "from b");
    assert!(a_path.starts_with(&*dir.path().join("a.db-evidence").to_string_lossy()));
    assert!(b_path.starts_with(&*dir.path().join("b.db-evidence").to_string_lossy()));
    // Deleting case 1 of one database leaves case 1 of the other alone.
    a.delete_case(1).unwrap();
    assert!(!Path::new(&a_path).exists());
    assert_eq!(std::fs::read_to_string(&b_path).unwrap(), "from b");
}

#[test]
fn evidence_in_the_old_shared_folder_moves_into_its_databases_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    let (app, stored) = case_with_evidence(&db, "kept");
    drop(app);
    // As an earlier version left it: <data folder>/evidence/<case>/<file>.
    let legacy = dir.path().join("evidence/1/receipt.txt");
    std::fs::create_dir_all(legacy.parent().unwrap()).unwrap();
    std::fs::rename(&stored, &legacy).unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE evidence SET stored_path = ?1",
            [legacy.to_string_lossy()],
        )
        .unwrap();

    let app = App::open(&db).unwrap();
    let view = app.case(1).unwrap();
    let now = Path::new(&view.evidence[0].stored_path);
    assert_eq!(now, dir.path().join("recourse.db-evidence/1/receipt.txt"));
    assert_eq!(std::fs::read_to_string(now).unwrap(), "kept");
    assert!(!legacy.exists());
}
