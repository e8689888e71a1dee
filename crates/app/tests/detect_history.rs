//! What the rules take as the user's normal history, through the real import and database: a
//! charge the user left flagged, or disputed, does not make its merchant known, so the same
//! merchant charging again in a later statement is flagged again; one marked "looks fine" does.

use recourse_app::dto::FlagStatus;
use recourse_app::dto_cases::OpenCaseRequest;
use recourse_app::{App, ImportRequest};
use recourse_core::detect::{FlagReason, Severity};
use recourse_core::disputes::{Jurisdiction, Reason};
use std::fmt::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// Ordinary spending every day from `from` for `days` days (groceries, a pharmacy, and a new
/// restaurant every third day), as `Date,Description,Amount` lines.
fn ordinary(out: &mut String, from: chrono::NaiveDate, days: i64, seed: i64) {
    for i in 0..days {
        let d = from + chrono::Duration::days(i);
        let n = i + seed;
        let (desc, cents) = match n % 3 {
            0 => (format!("{} BISTRO", place(n)), 2000 + (n * 37) % 4000),
            1 => ("SAFEWAY STORE 0042".to_string(), 4000 + (n * 53) % 3000),
            _ => ("WALGREENS #123".to_string(), 1500 + (n * 41) % 1500),
        };
        let _ = writeln!(out, "{d},{desc},-{}.{:02}", cents / 100, cents % 100);
    }
}

/// A distinct name per number (merchant keys drop digits, so names differ in letters).
fn place(mut n: i64) -> String {
    let mut s = String::new();
    loop {
        s.push((b'A' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s + "X";
        }
    }
}

fn import(app: &mut App, dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let req = ImportRequest {
        account: Some("card".into()),
        ..Default::default()
    };
    app.import_files(&[path], &req, &|_| {}, &AtomicBool::new(false))
        .unwrap();
}

/// What the user did with the first large charge before the second statement arrived.
#[derive(Debug, Clone, Copy)]
enum Then {
    LeftOpen,
    MarkedFine,
    Disputed,
    MarkedFineAndDisputed,
}

#[test]
fn a_merchant_known_only_through_a_flagged_or_disputed_charge_is_still_new() {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut april = String::from("Date,Description,Amount\n");
    ordinary(&mut april, start, 105, 0);
    april.push_str("2024-04-10,COINVAULT EXCHANGE,-3000.00\n");
    let mut may = String::from("Date,Description,Amount\n");
    ordinary(&mut may, start + chrono::Duration::days(105), 45, 105);
    may.push_str("2024-05-20,COINVAULT EXCHANGE,-3500.00\n");

    let cases = [
        (Then::LeftOpen, true),
        (Then::MarkedFine, false),
        (Then::Disputed, true),
        (Then::MarkedFineAndDisputed, true),
    ];
    for (then, flagged_again) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::open(&dir.path().join("r.db")).unwrap();
        import(&mut app, dir.path(), "april.csv", &april);
        let flags = app
            .flags(
                Severity::Medium,
                Some(FlagStatus::Open),
                recourse_app::dto::Lang::En,
            )
            .unwrap();
        let first: Vec<_> = flags
            .iter()
            .filter(|f| f.reason == FlagReason::NewMerchantLarge)
            .collect();
        assert_eq!(first.len(), 1, "{then:?}: {flags:?}");
        let (flag_id, txn_id) = (first[0].id, first[0].transaction_id);
        if matches!(then, Then::MarkedFine | Then::MarkedFineAndDisputed) {
            app.dismiss_flag(flag_id, false).unwrap();
        }
        if matches!(then, Then::Disputed | Then::MarkedFineAndDisputed) {
            app.open_case(&OpenCaseRequest {
                transaction_ids: vec![txn_id],
                reason: Reason::NotAuthorised,
                jurisdiction: Some(Jurisdiction::Us),
                instrument: None,
                statement_date: None,
                details: Default::default(),
            })
            .unwrap();
        }
        import(&mut app, dir.path(), "may.csv", &may);
        let again: Vec<_> = app
            .flags(
                Severity::Medium,
                Some(FlagStatus::Open),
                recourse_app::dto::Lang::En,
            )
            .unwrap()
            .into_iter()
            .filter(|f| f.date.to_string() == "2024-05-20")
            .map(|f| (f.merchant, f.reason))
            .collect();
        let want = if flagged_again {
            vec![(
                "Coinvault Exchange".to_string(),
                FlagReason::NewMerchantLarge,
            )]
        } else {
            vec![]
        };
        assert_eq!(again, want, "{then:?}");
    }
}
