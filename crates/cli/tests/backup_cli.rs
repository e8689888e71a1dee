//! `recourse backup FILE` and `recourse restore FILE` through the real binary: everything comes
//! back (rows, cases, evidence), each restore keeps its own dated safety copy, and a file that
//! is not a backup is refused with one error line and changes nothing.

mod common;

use common::{ok_json, recourse};
use std::path::Path;

fn count(dir: &Path) -> usize {
    ok_json(dir, &["transactions", "--json"])
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn backup_then_restore_brings_back_rows_cases_and_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("march.csv"),
        "Date,Description,Amount\n2024-03-01,TST* PHILZ COFFEE,-4.38\n2024-03-01,TST* PHILZ COFFEE,-4.38\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("april.csv"),
        "Date,Description,Amount\n2024-04-02,WHOLE FOODS,-56.10\n",
    )
    .unwrap();
    std::fs::write(dir.join("receipt.txt"), "paid once, charged twice").unwrap();
    ok_json(dir, &["import", "--json", "march.csv"]);
    let ids: Vec<String> = ok_json(dir, &["transactions", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap().to_string())
        .collect();
    let case = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &ids[0],
            "--transaction",
            &ids[1],
            "--reason",
            "double_charge",
            "--json",
        ],
    );
    let case_id = case["id"].as_i64().unwrap().to_string();
    ok_json(
        dir,
        &["case", "evidence", &case_id, "receipt.txt", "--json"],
    );

    let backup = ok_json(dir, &["backup", "saved.zip", "--json"]);
    assert_eq!(backup["evidence_files"], 1);

    // Change things after the backup.
    ok_json(dir, &["import", "--json", "april.csv"]);
    assert_eq!(count(dir), 3);
    let shown = ok_json(dir, &["case", "show", &case_id, "--json"]);
    let stored = shown["evidence"][0]["stored_path"]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::write(&stored, "overwritten").unwrap();

    let first = ok_json(dir, &["restore", "saved.zip", "--json"]);
    assert_eq!(first["evidence_files"], 1);
    assert_eq!(count(dir), 2);
    let shown = ok_json(dir, &["case", "show", &case_id, "--json"]);
    let stored = shown["evidence"][0]["stored_path"].as_str().unwrap();
    assert_eq!(
        std::fs::read_to_string(stored).unwrap(),
        "paid once, charged twice"
    );

    // A second restore keeps its own safety copy: the first one's is still there.
    let second = ok_json(dir, &["restore", "saved.zip", "--json"]);
    let (a, b) = (
        first["previous_copy"].as_str().unwrap(),
        second["previous_copy"].as_str().unwrap(),
    );
    assert_ne!(a, b);
    assert!(Path::new(a).exists() && Path::new(b).exists());
    // No staging folder or journal is left behind.
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.contains("journal"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn restoring_a_file_that_is_not_a_backup_fails_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("march.csv"),
        "Date,Description,Amount\n2024-03-01,COFFEE,-4.38\n",
    )
    .unwrap();
    ok_json(dir, &["import", "--json", "march.csv"]);
    let out = recourse(dir, &["restore", "march.csv"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert!(
        err.starts_with("error: ") && err.contains("not a Recourse backup"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(count(dir), 1);
}
