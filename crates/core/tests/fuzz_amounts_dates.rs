//! Property-based fuzzing of amounts and dates through the real importer (stable Rust,
//! proptest). `cargo test` runs each property 256 times; `make fuzz` runs them for a fixed,
//! larger budget (`PROPTEST_CASES`). A failing case is kept by proptest in
//! `fuzz_amounts_dates.proptest-regressions` beside this file and replayed first on every run.

mod common;

use chrono::{Datelike, Duration, NaiveDate};
use common::{opts, run};
use proptest::prelude::*;
use recourse_core::money::{format_minor, parse_decimal};

/// A statement of one row under test and one fixed charge (so the sign convention is clear).
fn statement(date: &str, amount: &str, fee: &str) -> String {
    format!("Date,Description,Amount,Fee\n{date},SHOP UNDER TEST,{amount},{fee}\n2024-01-03,FIXED CHARGE,-1.00,0.00\n")
}

proptest! {
    // Cases from PROPTEST_CASES (256 when unset): `make fuzz` raises it.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn minor_units_round_trip_through_decimal_text(minor in any::<i64>(), digits in 0u32..4) {
        let text = format_minor(minor, digits);
        prop_assert_eq!(parse_decimal(&text, digits), Some(minor), "{}", text);
    }

    /// Any amount and fee an i64 holds: the row is the exact checked result, or an error on its
    /// own line; never a panic, never a wrapped number.
    #[test]
    fn an_amount_and_its_fee_import_exactly_or_fail_on_their_line(
        amount in (i64::MIN + 1)..=i64::MAX,
        fee in any::<i64>(),
    ) {
        let csv = statement("2024-01-02", &format_minor(amount, 2), &format_minor(fee, 2));
        let expected = fee.checked_abs().and_then(|f| amount.checked_sub(f));
        match (run(csv.as_bytes(), &opts(Some("USD"))), expected) {
            (Ok((rows, _)), Some(v)) => prop_assert_eq!(rows[0].amount, v, "{}", csv),
            (Err(e), None) => prop_assert_eq!(e.line(), Some(2), "{}", e),
            (got, want) => prop_assert!(false, "{csv}: got {got:?}, want {want:?}"),
        }
    }

    /// Amount cells of any shape: rows or an error naming a line, never a panic.
    #[test]
    fn any_amount_text_is_read_or_refused_with_a_line(cell in "[-+(]?[0-9 ,.'’]{0,28}[)]?(CR|DR|USD|€|\\$)?") {
        let csv = statement("2024-01-02", &format!("\"{cell}\""), "0.00");
        if let Err(e) = run(csv.as_bytes(), &opts(Some("USD"))) {
            prop_assert!(e.line().is_some() || e.to_string().contains("column"), "{}", e);
        }
    }

    /// Dates over four centuries in three written forms read back as the same day.
    #[test]
    fn dates_read_back_as_written(days in 0i64..146_000, form in 0usize..3) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(days);
        let written = match form {
            0 => date.format("%Y-%m-%d").to_string(),
            1 => date.format("%Y/%m/%d").to_string(),
            _ => date.format("%d.%m.%Y").to_string(),
        };
        // The second row's day (25) says which number is the day in the third form.
        let fixed = match form {
            0 => "2024-01-25",
            1 => "2024/01/25",
            _ => "25.01.2024",
        };
        let csv = format!("Date,Description,Amount\n{written},SHOP,-2.00\n{fixed},FIXED,-1.00\n");
        let (rows, _) = run(csv.as_bytes(), &opts(Some("USD"))).map_err(|e| TestCaseError::fail(format!("{csv}: {e}")))?;
        prop_assert_eq!(rows[0].date, date, "{}", csv);
        prop_assert!(rows[0].date.year() >= 1900);
    }

    /// Any text in the date cell: rows or an error naming its line, never a panic.
    #[test]
    fn any_date_text_is_read_or_refused_with_a_line(cell in "[0-9]{0,8}[-/. ]?[0-9A-Za-z]{0,9}[-/. ]?[0-9]{0,6}( [0-9:]{0,8})?") {
        let csv = statement(&cell, "-2.00", "0.00");
        if let Err(e) = run(csv.as_bytes(), &opts(Some("USD"))) {
            prop_assert!(e.line().is_some() || !e.to_string().is_empty(), "{}", e);
        }
    }
}
