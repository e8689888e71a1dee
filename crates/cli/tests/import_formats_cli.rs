//! `recourse import` on the formats beside CSV: a password-protected ZIP of bills read with
//! `--password-stdin`, and the sheet of a spreadsheet's rows in `transactions --json`.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/formats")
        .join(name)
}

fn recourse(db: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RECOURSE_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recourse");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

#[test]
fn an_encrypted_zip_imports_with_password_stdin_and_rows_name_their_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let zip = fixture("bills_zipcrypto.zip");
    let zip = zip.to_str().unwrap();

    let out = recourse(&db, &["import", zip, "--json"], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bills_zipcrypto.zip") && err.contains("password"),
        "{err}"
    );

    let out = recourse(
        &db,
        &["import", "--password-stdin", zip, "--json"],
        Some("not-it\n"),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("password does not open"), "{err}");

    let reports = json(&recourse(
        &db,
        &["import", "--password-stdin", zip, "--json"],
        Some("654321\n"),
    ));
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2, "one object per statement inside");
    assert_eq!(reports[0]["file"], "bills_zipcrypto.zip/wechat_2026.xlsx");
    assert_eq!(reports[0]["imported"], 5);
    assert_eq!(reports[0]["account"], "wechat");
    assert_eq!(reports[0]["detected"]["format"], "xlsx");
    assert_eq!(reports[0]["detected"]["sheet"], "Sheet1");
    assert_eq!(reports[1]["imported"], 3);

    let rows = json(&recourse(&db, &["transactions", "--json"], None));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 8);
    let sheet_rows: Vec<&Value> = rows
        .iter()
        .filter(|r| r["source_sheet"] == "Sheet1")
        .collect();
    assert_eq!(sheet_rows.len(), 5);
    assert!(sheet_rows
        .iter()
        .all(|r| r["source_line"].as_i64().unwrap() >= 19));
    assert!(
        rows.iter().any(|r| r["source_sheet"].is_null()),
        "a CSV's rows have no sheet"
    );
}

#[test]
fn a_multi_account_ofx_reports_each_statement_and_its_account() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let ofx = fixture("ofx_multi.ofx");
    let reports = json(&recourse(
        &db,
        &["import", ofx.to_str().unwrap(), "--json"],
        None,
    ));
    let accounts: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["account"].as_str().unwrap())
        .collect();
    assert_eq!(
        accounts,
        vec!["00012345601", "00012345602", "4970XXXXXXXX1234"]
    );
}
