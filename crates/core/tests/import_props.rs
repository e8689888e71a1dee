//! Property tests of the importer: any bytes give rows or an error, never a panic; generated
//! statements read back with their dates, amounts and lines.

mod common;

use chrono::NaiveDate;
use common::{opts, run};
use proptest::prelude::*;
use recourse_core::import::preview;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = run(&bytes, &opts(None));
        let _ = preview(&bytes, &opts(None), 5);
    }

    #[test]
    fn csv_like_noise_never_panics(text in "[0-9a-zA-Z,;|\"\t\n .:/()¥£$-]{0,400}") {
        let _ = run(text.as_bytes(), &opts(Some("USD")));
        let _ = preview(text.as_bytes(), &opts(Some("USD")), 5);
    }

    // A bank statement: purchases are negative on at least one row in four. A file whose
    // amounts are all positive, or whose few negatives are its largest amounts (four positives
    // or more to each), is read as a card statement, which is the documented guess.
    #[test]
    fn statement_round_trips(
        mut rows in proptest::collection::vec((0u32..3650, "[A-Za-z][A-Za-z ]{0,20}[A-Za-z]", -5_000_000i64..5_000_000), 1..40),
        style in 0usize..4,
    ) {
        let (delim, header) = match style {
            0 => (',', "Date,Description,Amount"),
            1 => (';', "Buchungstag;Verwendungszweck;Betrag"),
            2 => ('\t', "Date\tDescription\tAmount"),
            _ => ('|', "Fecha|Concepto|Importe"),
        };
        for k in 0..=rows.len() / 4 {
            rows.push((10 + k as u32, "Card purchase".to_string(), -1234));
        }
        let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
        let mut text = format!("{header}\n");
        for (days, desc, cents) in &rows {
            let date = base + chrono::Duration::days(i64::from(*days));
            let (sign, abs) = (if *cents < 0 { "-" } else { "" }, cents.unsigned_abs());
            let amount = match style {
                1 => format!("{sign}{},{:02}", abs / 100, abs % 100),
                _ => format!("{sign}{}.{:02}", abs / 100, abs % 100),
            };
            let date = match style {
                1 => date.format("%d.%m.%Y").to_string(),
                _ => date.format("%Y-%m-%d").to_string(),
            };
            text.push_str(&format!("{date}{delim}{desc}{delim}{amount}\n"));
        }
        let (got, summary) = run(text.as_bytes(), &opts(Some("EUR"))).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(got.len(), rows.len());
        prop_assert_eq!(summary.rows_read as usize, rows.len());
        for (i, (row, (days, desc, cents))) in got.iter().zip(&rows).enumerate() {
            prop_assert_eq!(row.line, i as u64 + 2);
            prop_assert_eq!(row.date, base + chrono::Duration::days(i64::from(*days)));
            prop_assert_eq!(row.amount, *cents);
            prop_assert_eq!(&row.description, desc.trim());
        }
    }
}
