//! `recourse import` without `--account`: two overlapping exports of one account land in the
//! account the file states, the overlap stored once; `--currency` and the account's currency
//! from earlier imports.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn recourse(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recourse"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RECOURSE_DB")
        .output()
        .expect("run recourse")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn statements(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/statements")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn overlapping_exports_without_account_land_in_the_files_account_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let jan = json(&recourse(
        &db,
        &["import", "--json", &statements("de_dkb_giro_2025-01.csv")],
    ));
    let feb = json(&recourse(
        &db,
        &["import", "--json", &statements("de_dkb_giro_2025-02.csv")],
    ));
    let account = jan[0]["account"].as_str().unwrap().to_string();
    assert_eq!(account.replace(' ', ""), "DE75120300001020304050");
    assert_eq!(feb[0]["account"], account.as_str());
    assert_eq!(feb[0]["imported"], 4);
    assert_eq!(feb[0]["already_present"], 3);

    let rows = json(&recourse(&db, &["transactions", "--json"]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 9);
    assert!(rows.iter().all(|r| r["account"] == account.as_str()));
    assert!(rows.iter().all(|r| r["currency"] == "EUR"));
}

const PLAIN: &str = "Date,Description,Amount\n\
2024-05-02,CORNER SHOP,-12.50\n\
2024-05-03,BOOK STORE,-30.00\n\
2024-05-06,REFUND CORNER SHOP,12.50\n";

const PLAIN_LATER: &str = "Date,Description,Amount\n\
2024-06-02,CORNER SHOP,-8.20\n\
2024-06-05,REFUND BAKERY,4.10\n";

#[test]
fn currency_comes_from_the_flag_then_the_accounts_earlier_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let may = write(dir.path(), "may.csv", PLAIN);
    let june = write(dir.path(), "june.csv", PLAIN_LATER);

    let bad = recourse(
        &db,
        &["import", "--currency", "EURO", may.to_str().unwrap()],
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("--currency") && err.contains("EURO"), "{err}");

    let first = json(&recourse(
        &db,
        &[
            "import",
            "--json",
            "--account",
            "purse",
            "--currency",
            "gbp",
            may.to_str().unwrap(),
        ],
    ));
    assert_eq!(first[0]["detected"]["currency_source"], "profile");
    let second = json(&recourse(
        &db,
        &[
            "import",
            "--json",
            "--account",
            "purse",
            june.to_str().unwrap(),
        ],
    ));
    assert_eq!(second[0]["detected"]["currency_source"], "account");

    let rows = json(&recourse(&db, &["transactions", "--json"]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["currency"] == "GBP"), "{rows:?}");
}
