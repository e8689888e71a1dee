//! Amounts of ±9×10^16 through the real import, the transactions view and the insights: a sum
//! too large to hold is an error naming the currency, never a wrapped number, and sums that fit
//! are exact.

use recourse_app::dto::{ImportProgress, TxFilter};
use recourse_app::{App, ImportRequest};
use std::sync::atomic::AtomicBool;

const NEAR_MAX: i64 = 9_000_000_000_000_000_000;

fn app_with(csv: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("giant.csv");
    std::fs::write(&file, csv).unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let req = ImportRequest {
        account: Some("giant".into()),
        ..Default::default()
    };
    app.import_files(
        &[file],
        &req,
        &|_: ImportProgress| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    (dir, app)
}

#[test]
fn two_giant_charges_make_totals_and_insights_an_error_not_a_wrapped_number() {
    let (_dir, app) = app_with(
        "Date,Description,Amount\n\
         2024-01-03,HUGE,-90000000000000000.00\n\
         2024-01-04,HUGE,-90000000000000000.00\n",
    );
    let err = app.totals(&TxFilter::default()).unwrap_err();
    assert!(err.message.contains("USD total"), "{err}");
    assert_eq!(err.detail.unwrap().key, "amount.total_too_large");
    let err = app.monthly_spending(None).unwrap_err();
    assert!(err.message.contains("USD total"), "{err}");
    let err = app.top_merchants(None, None, None, 10).unwrap_err();
    assert!(err.message.contains("USD total"), "{err}");
    // The rows themselves are intact and page normally.
    let page = app.transactions_page(&TxFilter::default(), 0, 10).unwrap();
    assert_eq!(page.rows.len(), 2);
    assert!(page
        .rows
        .iter()
        .all(|t| t.amount == "-90000000000000000.00"));
}

#[test]
fn giant_amounts_that_cancel_out_sum_exactly() {
    let (_dir, app) = app_with(
        "Date,Description,Amount\n\
         2024-01-03,HUGE OUT,-90000000000000000.00\n\
         2024-01-04,HUGE IN,90000000000000000.00\n\
         2024-01-05,COFFEE,-4.38\n",
    );
    let totals = app.totals(&TxFilter::default()).unwrap();
    assert_eq!(totals.len(), 1);
    assert_eq!(totals[0].sum, "-4.38");
    assert_eq!(totals[0].sum_minor, -438);
    let months = app.monthly_spending(None).unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(months[0].spent_minor, NEAR_MAX + 438);
    assert_eq!(months[0].received_minor, NEAR_MAX);
    assert_eq!(months[0].spent, "90000000000000004.38");
    let top = app.top_merchants(None, None, None, 10).unwrap();
    assert_eq!(top[0].spent_minor, NEAR_MAX);
    assert_eq!(top[1].spent_minor, 438);
}

#[test]
fn an_amount_minus_its_fee_beyond_an_i64_fails_the_import_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fee.csv");
    std::fs::write(
        &file,
        "Date,Description,Amount,Fee\n\
         2024-01-02,COFFEE,-4.00,0.00\n\
         2024-01-03,HUGE,-90000000000000000.00,90000000000000000.00\n",
    )
    .unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let err = app
        .import_files(
            &[file],
            &ImportRequest::default(),
            &|_: ImportProgress| {},
            &AtomicBool::new(false),
        )
        .unwrap_err();
    assert_eq!(err.detail.as_ref().unwrap().args["line"], "3", "{err}");
    assert!(err.message.starts_with("fee.csv: line 3:"), "{err}");
    assert!(app.transactions(&TxFilter::default()).unwrap().is_empty());
}

#[test]
fn a_page_holds_at_most_max_page_rows_and_the_cli_listing_reads_them_all() {
    let mut csv = String::from("Date,Description,Amount\n");
    let n = recourse_app::MAX_PAGE as usize + 7;
    for i in 0..n {
        csv.push_str(&format!("2024-01-{:02},SHOP {i},-1.00\n", i % 28 + 1));
    }
    let (_dir, app) = app_with(&csv);
    let page = app
        .transactions_page(&TxFilter::default(), 0, 10_000_000)
        .unwrap();
    assert_eq!(page.rows.len() as u64, recourse_app::MAX_PAGE);
    assert_eq!(app.transactions(&TxFilter::default()).unwrap().len(), n);
}
