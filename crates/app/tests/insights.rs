//! The insights and review reads over a real database: a statement with a monthly subscription,
//! groceries and a salary across four months, imported the way the user imports it.

use recourse_app::dto::{FlagStatus, ImportProgress};
use recourse_app::ErrorCode;
use recourse_app::{App, ImportRequest};
use recourse_core::detect::Severity;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

const STATEMENT: &str = "\
Date,Description,Amount,Currency
2026-01-03,NETFLIX.COM,-15.49,USD
2026-01-10,SAFEWAY #1432 SAN FRANCISCO CA,-85.00,USD
2026-01-15,PAYROLL ACME CORP,2000.00,USD
2026-01-24,SAFEWAY #1432 SAN FRANCISCO CA,-42.50,USD
2026-02-03,NETFLIX.COM,-15.49,USD
2026-02-10,SAFEWAY #1432 SAN FRANCISCO CA,-85.00,USD
2026-02-15,PAYROLL ACME CORP,2000.00,USD
2026-02-24,SAFEWAY #1432 SAN FRANCISCO CA,-42.50,USD
2026-03-03,NETFLIX.COM,-15.49,USD
2026-03-10,SAFEWAY #1432 SAN FRANCISCO CA,-85.00,USD
2026-03-15,PAYROLL ACME CORP,2000.00,USD
2026-03-24,SAFEWAY #1432 SAN FRANCISCO CA,-42.50,USD
2026-04-03,NETFLIX.COM,-17.99,USD
2026-04-10,SAFEWAY #1432 SAN FRANCISCO CA,-85.00,USD
2026-04-15,PAYROLL ACME CORP,2000.00,USD
2026-04-24,SAFEWAY #1432 SAN FRANCISCO CA,-42.50,USD
";

struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
}

fn imported() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let csv: PathBuf = dir.path().join("checking.csv");
    std::fs::write(&csv, STATEMENT).unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let req = ImportRequest {
        account: Some("checking".into()),
        ..Default::default()
    };
    let reports = app
        .import_files(
            &[csv],
            &req,
            &|_: ImportProgress| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    assert_eq!(reports[0].imported, 16);
    Fixture { _dir: dir, app }
}

#[test]
fn monthly_spending_sums_money_out_and_in_per_month() {
    let f = imported();
    let months = f.app.monthly_spending(None).unwrap();
    let rows: Vec<(&str, &str, &str, &str)> = months
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.currency.as_str(),
                m.spent.as_str(),
                m.received.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-01", "USD", "142.99", "2000.00"),
            ("2026-02", "USD", "142.99", "2000.00"),
            ("2026-03", "USD", "142.99", "2000.00"),
            ("2026-04", "USD", "145.49", "2000.00"),
        ]
    );
    assert_eq!(months[3].spent_minor, 14_549);
    assert_eq!(months[0].received_minor, 200_000);
    // The same figures for the account by name; an unknown account is an error, not zeros.
    assert_eq!(
        f.app.monthly_spending(Some("checking".into())).unwrap(),
        months
    );
    let err = f.app.monthly_spending(Some("savings".into())).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("savings"), "{}", err.message);
}

#[test]
fn top_merchants_rank_by_money_out_over_a_period() {
    let f = imported();
    let all = f.app.top_merchants(None, None, None, 10).unwrap();
    let rows: Vec<(&str, i64, &str)> = all
        .iter()
        .map(|m| (m.merchant.as_str(), m.count, m.spent.as_str()))
        .collect();
    assert_eq!(
        rows.len(),
        2,
        "the salary is money in, not a merchant taking money: {rows:?}"
    );
    assert_eq!(rows[0].1, 8);
    assert_eq!(rows[0].2, "510.00");
    assert!(rows[0].0.to_uppercase().contains("SAFEWAY"), "{rows:?}");
    assert!(rows[1].0.to_uppercase().contains("NETFLIX"), "{rows:?}");
    assert_eq!(rows[1].2, "64.46");

    let april = f
        .app
        .top_merchants(
            Some("checking".into()),
            Some("2026-04-01".into()),
            Some("2026-04-30".into()),
            1,
        )
        .unwrap();
    assert_eq!(april.len(), 1);
    assert_eq!((april[0].count, april[0].spent.as_str()), (2, "127.50"));

    let err = f
        .app
        .top_merchants(None, Some("April".into()), None, 10)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Invalid);
    assert!(err.message.contains("April"), "{}", err.message);
}

#[test]
fn the_monthly_subscription_is_found_with_its_price_history_and_next_date() {
    let f = imported();
    let recurring = f.app.recurring_charges(None).unwrap();
    let netflix = recurring
        .iter()
        .find(|r| r.merchant.to_uppercase().contains("NETFLIX"))
        .unwrap_or_else(|| panic!("no recurring Netflix in {recurring:?}"));
    assert_eq!(netflix.account, "checking");
    assert_eq!(netflix.period_days, 30);
    assert_eq!(netflix.last_date.to_string(), "2026-04-03");
    assert_eq!(netflix.next_expected.to_string(), "2026-05-03");
    assert_eq!(
        (netflix.usual_amount.as_str(), netflix.currency.as_str()),
        ("17.99", "USD")
    );
    let prices: Vec<(String, &str)> = netflix
        .price_history
        .iter()
        .map(|p| (p.date.to_string(), p.amount.as_str()))
        .collect();
    assert_eq!(
        prices,
        [
            ("2026-01-03".to_string(), "15.49"),
            ("2026-04-03".to_string(), "17.99")
        ]
    );
    assert_eq!(netflix.transaction_ids.len(), 4);
    assert!(
        recurring
            .iter()
            .all(|r| !r.merchant.to_uppercase().contains("PAYROLL")),
        "{recurring:?}"
    );
}

#[test]
fn transactions_by_ids_returns_the_rows_in_the_order_asked_and_skips_missing_ones() {
    let f = imported();
    let netflix = f
        .app
        .recurring_charges(None)
        .unwrap()
        .into_iter()
        .find(|r| r.merchant.to_uppercase().contains("NETFLIX"))
        .unwrap();
    let mut ids = netflix.transaction_ids.clone();
    ids.reverse();
    ids.push(999_999);
    let rows = f.app.transactions_by_ids(&ids).unwrap();
    assert_eq!(rows.iter().map(|t| t.id).collect::<Vec<_>>(), ids[..4]);
    assert_eq!(rows[0].date.to_string(), "2026-04-03");
    assert_eq!(rows[0].amount, "-17.99");
    assert_eq!(rows[0].source_file, "checking.csv");
    assert_eq!(rows[0].source_line, 14);
    assert!(f.app.transactions_by_ids(&[]).unwrap().is_empty());
}

#[test]
fn the_open_flag_count_is_the_inbox_size_and_drops_on_dismissal() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/sample-statement.csv");
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    app.import_files(
        &[sample],
        &ImportRequest::default(),
        &|_: ImportProgress| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let open = app
        .flags(
            Severity::Medium,
            Some(FlagStatus::Open),
            recourse_app::dto::Lang::En,
        )
        .unwrap();
    assert!(
        !open.is_empty(),
        "the sample statement raises medium or high flags"
    );
    assert_eq!(app.open_flag_count().unwrap(), open.len() as u64);
    app.dismiss_flag(open[0].id, false).unwrap();
    assert_eq!(app.open_flag_count().unwrap(), open.len() as u64 - 1);
}
