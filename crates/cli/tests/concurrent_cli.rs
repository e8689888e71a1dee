//! The command line importing while the app pages, searches and totals the same database: every
//! read succeeds while the import runs, and sees either none of the file or all of it.

use recourse_app::dto::TxFilter;
use recourse_app::App;
use std::fmt::Write;
use std::process::Command;

const ROWS: usize = 60_000;

#[test]
fn the_app_reads_while_the_cli_imports_and_sees_all_of_a_file_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recourse.db");
    let csv = dir.path().join("big.csv");
    let mut text = String::from("Date,Description,Amount\n");
    for i in 0..ROWS {
        let _ = writeln!(
            text,
            "2024-{:02}-{:02},SHOP {i},-{}.{:02}",
            i % 12 + 1,
            i % 28 + 1,
            i % 500 + 1,
            i % 100
        );
    }
    std::fs::write(&csv, text).unwrap();
    let app = App::open(&db).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .arg("--db")
        .arg(&db)
        .args(["import", "--json"])
        .arg(&csv)
        .env_remove("RECOURSE_DB")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let search = TxFilter {
        search: Some("shop 1234".into()),
        ..Default::default()
    };
    let mut reads = 0;
    let status = loop {
        let seen: i64 = app
            .totals(&TxFilter::default())
            .unwrap()
            .iter()
            .map(|t| t.count)
            .sum();
        assert!(
            seen == 0 || seen == ROWS as i64,
            "saw {seen} rows: part of a file"
        );
        let page = app.transactions_page(&TxFilter::default(), 0, 200).unwrap();
        // The import may commit between two reads: each read sees none of it or all of it.
        assert!(matches!(page.rows.len(), 0 | 200), "{}", page.rows.len());
        app.transactions_page(&search, 0, 50).unwrap();
        reads += 1;
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
    };
    let out = child.wait_with_output().unwrap();
    assert!(status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(reads > 1, "the reads ran beside the import");
    let all = app.transactions(&TxFilter::default()).unwrap();
    assert_eq!(all.len(), ROWS);
    let found = app.transactions_page(&search, 0, 50).unwrap().rows;
    // "SHOP 1234" and "SHOP 12340".."SHOP 12349".
    assert_eq!(
        found.len(),
        11,
        "{:?}",
        found.iter().map(|t| &t.description).collect::<Vec<_>>()
    );
}
