//! The `recourse` binary against the CLI contract: import and transactions round-trip with
//! provenance; twins, overlap, undo and bad files behave as promised.

use recourse_app::ImportRequest;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

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

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const MARCH: &str = "Date,Description,Amount\n\
2024-03-01,TST* PHILZ COFFEE,-4.38\n\
2024-03-01,TST* PHILZ COFFEE,-4.38\n\
2024-03-02,WHOLE FOODS #123,-56.10\n\
2024-03-05,PAYMENT THANK YOU,200.00\n";

#[test]
fn import_then_transactions_round_trips_rows_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let file = write(dir.path(), "march.csv", MARCH);
    let report = json(&recourse(
        &db,
        &["import", file.to_str().unwrap(), "--json"],
    ));
    let r = &report[0];
    assert_eq!(r["file"], "march.csv");
    assert_eq!(r["rows_read"], 4);
    assert_eq!(r["imported"], 4);
    assert_eq!(r["already_present"], 0);
    assert_eq!(r["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(r["detected"]["delimiter"], ",");
    assert_eq!(r["detected"]["header_line"], 1);
    assert!(r["batch_id"].as_i64().is_some());

    let rows = json(&recourse(&db, &["transactions", "--json"]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let coffee: Vec<&Value> = rows
        .iter()
        .filter(|t| t["description"] == "TST* PHILZ COFFEE")
        .collect();
    assert_eq!(
        coffee.len(),
        2,
        "identical rows of one statement are both kept"
    );
    assert_eq!(coffee[0]["amount"], "-4.38");
    assert_eq!(coffee[0]["currency"], "USD");
    assert_eq!(coffee[0]["date"], "2024-03-01");
    assert_eq!(coffee[0]["time"], Value::Null);
    assert_eq!(coffee[0]["source_file"], "march.csv");
    let lines: Vec<i64> = coffee
        .iter()
        .map(|t| t["source_line"].as_i64().unwrap())
        .collect();
    assert_eq!(lines, vec![2, 3]);
    let payment = rows
        .iter()
        .find(|t| t["description"] == "PAYMENT THANK YOU")
        .unwrap();
    assert_eq!(payment["amount"], "200.00");
}

#[test]
fn reimport_and_overlap_add_only_new_rows_and_undo_removes_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let march = write(dir.path(), "march.csv", MARCH);
    json(&recourse(
        &db,
        &[
            "import",
            "--account",
            "card",
            march.to_str().unwrap(),
            "--json",
        ],
    ));
    let again = json(&recourse(
        &db,
        &[
            "import",
            "--account",
            "card",
            march.to_str().unwrap(),
            "--json",
        ],
    ));
    assert_eq!(
        (
            again[0]["imported"].as_i64(),
            again[0]["already_present"].as_i64()
        ),
        (Some(0), Some(4))
    );

    // An overlapping export: one of the two coffees, the payment, and a new row.
    let overlap = write(
        dir.path(),
        "march-april.csv",
        "Date,Description,Amount\n2024-03-01,TST* PHILZ COFFEE,-4.38\n2024-03-05,PAYMENT THANK YOU,200.00\n2024-04-02,NETFLIX.COM,-15.49\n",
    );
    let r = json(&recourse(
        &db,
        &[
            "import",
            "--account",
            "card",
            overlap.to_str().unwrap(),
            "--json",
        ],
    ));
    assert_eq!(
        (r[0]["imported"].as_i64(), r[0]["already_present"].as_i64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        json(&recourse(&db, &["transactions", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        5
    );

    let batch = r[0]["batch_id"].as_i64().unwrap().to_string();
    let out = recourse(&db, &["batches", "undo", &batch]);
    assert!(out.status.success());
    let rows = json(&recourse(&db, &["transactions", "--json"]));
    assert_eq!(rows.as_array().unwrap().len(), 4);
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["description"] != "NETFLIX.COM"));
}

#[test]
fn a_bad_file_exits_non_zero_names_file_and_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let good = write(dir.path(), "good.csv", MARCH);
    json(&recourse(
        &db,
        &["import", good.to_str().unwrap(), "--json"],
    ));
    let bad = write(
        dir.path(),
        "bad.csv",
        "Date,Description,Amount\n2024-05-01,OK,-1.00\n2024-05-02,OK,-2.00\n2024-13-45,BAD,-3.00\n",
    );
    let out = recourse(&db, &["import", bad.to_str().unwrap(), "--json"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("error: bad.csv"), "{err}");
    assert!(err.contains("line 4"), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(
        json(&recourse(&db, &["transactions", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        4
    );

    for (name, bytes) in [
        ("empty.csv", &b""[..]),
        ("binary.csv", &b"\x00\x01\x02\x89PNG\r\n\x1a\n\x00\x00"[..]),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let out = recourse(&db, &["import", p.to_str().unwrap()]);
        assert!(!out.status.success(), "{name} was accepted");
        assert!(String::from_utf8_lossy(&out.stderr).contains(name));
    }
    assert_eq!(
        json(&recourse(&db, &["transactions", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn dry_run_writes_nothing_and_filters_narrow_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let march = write(dir.path(), "march.csv", MARCH);
    let r = json(&recourse(
        &db,
        &["import", "--dry-run", march.to_str().unwrap(), "--json"],
    ));
    assert_eq!(r[0]["rows_read"], 4);
    assert_eq!(r[0]["batch_id"], Value::Null);
    assert_eq!(
        json(&recourse(&db, &["transactions", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        0
    );

    json(&recourse(
        &db,
        &["import", march.to_str().unwrap(), "--json"],
    ));
    let found = json(&recourse(
        &db,
        &["transactions", "--search", "whole foods", "--json"],
    ));
    assert_eq!(found.as_array().unwrap().len(), 1);
    let from = json(&recourse(
        &db,
        &[
            "transactions",
            "--from",
            "2024-03-02",
            "--to",
            "2024-03-04",
            "--json",
        ],
    ));
    assert_eq!(from.as_array().unwrap().len(), 1);
    let out = recourse(&db, &["transactions", "--from", "March", "--json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected YYYY-MM-DD"));
}

#[test]
fn double_charge_is_flagged_and_dismissal_survives_reimport() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let march = write(dir.path(), "march.csv", MARCH);
    let r = json(&recourse(
        &db,
        &["import", march.to_str().unwrap(), "--json"],
    ));
    assert!(r[0]["flagged"].as_i64().unwrap() >= 1);
    let flags = json(&recourse(&db, &["flags", "--json"]));
    let double = flags
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["reason"] == "double_charge")
        .expect("double charge flagged");
    assert_eq!(double["kind"], "duplicate");
    assert!(double["explanation"].as_str().unwrap().contains("$4.38"));
    assert!(double["explanation"]
        .as_str()
        .unwrap()
        .contains("march.csv"));
    let id = double["id"].as_i64().unwrap().to_string();
    assert!(recourse(&db, &["flag", "dismiss", &id]).status.success());
    assert!(json(&recourse(&db, &["flags", "--json"]))
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["reason"] != "double_charge"));
    // The dismissed flag is listed under its own status and under all, with its status.
    for status in ["dismissed", "all"] {
        let listed = json(&recourse(&db, &["flags", "--status", status, "--json"]));
        let double = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["reason"] == "double_charge")
            .unwrap_or_else(|| panic!("--status {status}: {listed}"));
        assert_eq!(double["status"], "dismissed");
    }

    // Undo and re-import: the dismissed flag stays dismissed.
    let batch = r[0]["batch_id"].as_i64().unwrap().to_string();
    assert!(recourse(&db, &["batches", "undo", &batch]).status.success());
    json(&recourse(
        &db,
        &["import", march.to_str().unwrap(), "--json"],
    ));
    let open = json(&recourse(&db, &["flags", "--status", "open", "--json"]));
    assert!(
        open.as_array()
            .unwrap()
            .iter()
            .all(|f| f["reason"] != "double_charge"),
        "{open}"
    );
    let high = json(&recourse(
        &db,
        &[
            "flags",
            "--status",
            "all",
            "--min-severity",
            "high",
            "--json",
        ],
    ));
    assert!(
        high.as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] == "high"),
        "{high}"
    );
    assert!(!recourse(&db, &["flags", "--status", "closed"])
        .status
        .success());
}

#[test]
fn a_saved_import_profile_exports_to_a_file_that_import_reads_back() {
    use recourse_app::App;
    use recourse_core::import::SignConvention;
    let dir = tempfile::tempdir().unwrap();
    let first_db = dir.path().join("first.db");
    let file = write(dir.path(), "march.csv", MARCH);
    // The user fixes the sign in the import screen and saves the mapping for this account.
    {
        let mut app = App::open(&first_db).unwrap();
        let mut profile = app
            .preview_file(&file, &ImportRequest::default())
            .unwrap()
            .parsed
            .detected
            .profile;
        profile.sign = Some(SignConvention::PositiveIsDebit);
        let req = ImportRequest {
            account: Some("card".into()),
            profile_override: Some(profile),
            save_profile: true,
            ..Default::default()
        };
        app.import_files(
            std::slice::from_ref(&file),
            &req,
            &|_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    }
    let listed = recourse(&first_db, &["profiles"]);
    assert_eq!(String::from_utf8_lossy(&listed.stdout).trim(), "card");
    let exported = dir.path().join("card-profile.json");
    let out = recourse(
        &first_db,
        &[
            "profiles",
            "export",
            "card",
            "--out",
            exported.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(saved["sign"], "positive-is-debit");

    // On another machine (a fresh database), the file is the profile.
    let second_db = dir.path().join("second.db");
    json(&recourse(
        &second_db,
        &[
            "import",
            "--profile",
            exported.to_str().unwrap(),
            file.to_str().unwrap(),
            "--json",
        ],
    ));
    let rows = json(&recourse(
        &second_db,
        &["transactions", "--search", "payment", "--json"],
    ));
    assert_eq!(
        rows[0]["amount_minor"], -20000,
        "the profile's sign was applied"
    );

    let broken = write(dir.path(), "broken.json", "{\n  \"sign\": 7\n}\n");
    let out = recourse(
        &second_db,
        &[
            "import",
            "--profile",
            broken.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json: line 2"), "{err}");
    let out = recourse(&second_db, &["profiles", "export", "nobody"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no account named 'nobody'"));
}

/// A reader that stops early (`recourse transactions | head -1`) ends the program quietly with
/// success: no panic, no error line.
#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pipe.db");
    // Far more output than a pipe buffers, so the program is still writing when the reader goes.
    let mut csv = String::from("Date,Description,Amount\n");
    for i in 0..4000 {
        csv.push_str(&format!(
            "2024-{:02}-{:02},SHOP NUMBER {i},-{}.{:02}\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 90 + 1,
            i % 100
        ));
    }
    let file = write(dir.path(), "many.csv", &csv);
    let out = recourse(&db, &["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for args in [&["transactions"][..], &["transactions", "--json"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RECOURSE_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run recourse");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is dropped here: the pipe is closed with most of the output unread.
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("error"), "{args:?}: {err}");
    }
}

/// The JSON of an import says which account the file states and where its currency came from.
#[test]
fn import_json_names_the_stated_account_and_the_currency_source() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("acct.db");
    let file = write(
        dir.path(),
        "giro-2024-03.csv",
        "Umsatzanzeige\nIBAN;DE02 1203 0000 0000 2020 51\n\nBuchung;Verwendungszweck;Betrag\n\
         01.03.2024;Miete;-500,00\n02.03.2024;Gehalt;2000,00\n",
    );
    let out = json(&recourse(
        &db,
        &["import", "--dry-run", "--json", file.to_str().unwrap()],
    ));
    let detected = &out[0]["detected"];
    assert_eq!(detected["account"], "DE02120300000000202051", "{detected}");
    assert_eq!(detected["currency_source"], "iban", "{detected}");
    assert_eq!(detected["profile"]["currency"], "EUR", "{detected}");
}

/// A file of the repository, as an argument.
fn repo_file(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

// Without --account, two overlapping exports of one account land in the account the file
// states, the overlap stored once; the currency comes from --currency, else the file, else
// the account's earlier imports.
#[test]
fn overlapping_exports_without_account_land_in_the_files_account_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let jan = json(&recourse(
        &db,
        &[
            "import",
            "--json",
            &repo_file("tests/fixtures/statements/de_dkb_giro_2025-01.csv"),
        ],
    ));
    let feb = json(&recourse(
        &db,
        &[
            "import",
            "--json",
            &repo_file("tests/fixtures/statements/de_dkb_giro_2025-02.csv"),
        ],
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

#[test]
fn currency_comes_from_the_flag_then_the_accounts_earlier_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let (may, june) = (
        repo_file("tests/data/ask-first.csv"),
        repo_file("tests/data/ask-second.csv"),
    );

    let bad = recourse(&db, &["import", "--currency", "EURO", &may]);
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
            &may,
        ],
    ));
    assert_eq!(first[0]["detected"]["currency_source"], "profile");
    let second = json(&recourse(
        &db,
        &["import", "--json", "--account", "purse", &june],
    ));
    assert_eq!(second[0]["detected"]["currency_source"], "account");

    let rows = json(&recourse(&db, &["transactions", "--json"]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| r["currency"] == "GBP"), "{rows:?}");
}
