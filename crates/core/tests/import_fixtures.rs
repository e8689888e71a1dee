//! Layouts not among the real-layout statements, written for these tests: each imports with
//! the expected count and signed sum, and the detection the file calls for.

mod common;

use common::{counted, opts, run, sums};
use recourse_core::model::RowStatus;
use std::path::PathBuf;

struct Case {
    file: &'static str,
    default_currency: Option<&'static str>,
    rows: usize,
    currency: &'static str,
    sum: &'static str,
    preset: Option<&'static str>,
    sign: &'static str,
    encoding: &'static str,
    delimiter: &'static str,
}

const CASES: &[Case] = &[
    Case {
        file: "us_amex.csv",
        default_currency: None,
        rows: 4,
        currency: "USD",
        sum: "-754.55",
        preset: Some("amex"),
        sign: "positive-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "us_citi.csv",
        default_currency: None,
        rows: 3,
        currency: "USD",
        sum: "172.73",
        preset: Some("citi"),
        sign: "debit-credit-columns",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "us_bofa_checking.csv",
        default_currency: None,
        rows: 3,
        currency: "USD",
        sum: "1379.75",
        preset: Some("bank-of-america"),
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "uk_barclays.csv",
        default_currency: None,
        rows: 3,
        currency: "GBP",
        sum: "1772.51",
        preset: Some("barclays"),
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "uk_monzo.csv",
        default_currency: None,
        rows: 3,
        currency: "GBP",
        sum: "1.95",
        preset: Some("monzo"),
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "de_n26.csv",
        default_currency: None,
        rows: 3,
        currency: "EUR",
        sum: "2466.56",
        preset: Some("n26"),
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "de_dkb_giro.csv",
        default_currency: None,
        rows: 3,
        currency: "EUR",
        sum: "2256.47",
        preset: None,
        sign: "debit-credit-columns",
        encoding: "windows-1252",
        delimiter: ";",
    },
    Case {
        file: "utf16le_tabs.csv",
        default_currency: None,
        rows: 3,
        currency: "CHF",
        sum: "5145.25",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-16le",
        delimiter: "\t",
    },
    Case {
        file: "utf16le_nobom.csv",
        default_currency: Some("USD"),
        rows: 2,
        currency: "USD",
        sum: "-15.40",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-16le",
        delimiter: "\t",
    },
    Case {
        file: "cn_gb18030.csv",
        default_currency: None,
        rows: 3,
        currency: "CNY",
        sum: "7764.50",
        preset: None,
        sign: "direction-column",
        encoding: "gbk",
        delimiter: ",",
    },
    Case {
        file: "pipe_amounts.csv",
        default_currency: Some("EUR"),
        rows: 4,
        currency: "EUR",
        sum: "-10.40",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: "|",
    },
    Case {
        file: "headerless.csv",
        default_currency: Some("USD"),
        rows: 4,
        currency: "USD",
        sum: "2871.30",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "nl_ing_header.csv",
        default_currency: None,
        rows: 3,
        currency: "EUR",
        sum: "842.05",
        preset: Some("ing"),
        sign: "direction-column",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "es_bank.csv",
        default_currency: Some("EUR"),
        rows: 3,
        currency: "EUR",
        sum: "1693.45",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ";",
    },
    Case {
        file: "fr_bank.csv",
        default_currency: Some("EUR"),
        rows: 3,
        currency: "EUR",
        sum: "2406.11",
        preset: None,
        sign: "debit-credit-columns",
        encoding: "utf-8",
        delimiter: ";",
    },
    Case {
        file: "footer_totals.csv",
        default_currency: Some("USD"),
        rows: 2,
        currency: "USD",
        sum: "-41.00",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
    Case {
        file: "crdr_suffix.csv",
        default_currency: Some("GBP"),
        rows: 3,
        currency: "GBP",
        sum: "124.75",
        preset: None,
        sign: "negative-is-debit",
        encoding: "utf-8",
        delimiter: ",",
    },
];

fn read(file: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn own_fixtures_import_with_count_sum_and_detection() {
    let mut failures = Vec::new();
    for case in CASES {
        let (rows, s) = match run(&read(case.file), &opts(case.default_currency)) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: error: {e}", case.file));
                continue;
            }
        };
        let got = sums(&rows, counted);
        let want = [(case.currency.to_string(), case.sum.to_string())]
            .into_iter()
            .collect();
        let d = &s.detected;
        if rows.len() != case.rows
            || got != want
            || d.preset.as_deref() != case.preset
            || d.sign.as_str() != case.sign
            || d.encoding != case.encoding
            || d.delimiter != case.delimiter
        {
            failures.push(format!(
                "{}: {} rows (want {}), sums {got:?} (want {} {}), preset {:?}, sign {}, encoding {}, delimiter {:?}, columns {:?}, skipped {:?}",
                case.file, rows.len(), case.rows, case.sum, case.currency, d.preset, d.sign.as_str(), d.encoding,
                d.delimiter, d.columns, s.skipped
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn reasons(file: &str, currency: Option<&str>) -> Vec<(u64, String)> {
    let (_, s) = run(&read(file), &opts(currency)).unwrap();
    s.skipped
        .into_iter()
        .map(|k| (k.line, k.reason.as_str().to_string()))
        .collect()
}

#[test]
fn skipped_lines_are_counted_with_line_and_reason() {
    assert_eq!(
        reasons("footer_totals.csv", Some("USD")),
        vec![
            (4, "blank".to_string()),
            (5, "total row".to_string()),
            (6, "balance".to_string())
        ]
    );
    let bofa = reasons("us_bofa_checking.csv", None);
    assert!(bofa.contains(&(6, "blank".to_string())), "{bofa:?}");
    assert!(bofa.contains(&(8, "balance".to_string())), "{bofa:?}");
    assert_eq!(bofa.iter().filter(|(_, r)| r == "preamble").count(), 5);
    let dkb = reasons("de_dkb_giro.csv", None);
    assert!(dkb.contains(&(11, "total row".to_string())), "{dkb:?}");
    let crdr = reasons("crdr_suffix.csv", Some("GBP"));
    assert_eq!(crdr, vec![(2, "balance".to_string())]);
}

#[test]
fn details_of_own_layouts() {
    // Chinese dates and a GB18030-only character survive.
    let (rows, s) = run(&read("cn_gb18030.csv"), &opts(None)).unwrap();
    assert_eq!(rows[0].date.to_string(), "2024-01-05");
    assert!(
        rows[0].description.contains("北京𠀀便利店"),
        "{}",
        rows[0].description
    );
    assert_eq!(s.detected.header_line, Some(3));
    assert_eq!(s.detected.date_format, "%Y年%m月%d日");

    // Two-digit years, day first because of 13/01/24.
    let (rows, s) = run(&read("pipe_amounts.csv"), &opts(Some("EUR"))).unwrap();
    assert_eq!(rows[2].date.to_string(), "2024-01-13");
    assert_eq!(s.detected.date_format, "%d/%m/%y");

    // Headerless: both identical charges are kept (the double charge the user hunts).
    let (rows, s) = run(&read("headerless.csv"), &opts(Some("USD"))).unwrap();
    assert_eq!(rows[2].amount, rows[3].amount);
    assert_eq!(s.detected.header_line, None);
    assert!(!s.detected.confident);

    // Citi: the pending row is pending.
    let (rows, _) = run(&read("us_citi.csv"), &opts(None)).unwrap();
    assert_eq!(rows[2].status, RowStatus::Pending);

    // Monzo: the separate time column.
    let (rows, _) = run(&read("uk_monzo.csv"), &opts(None)).unwrap();
    assert_eq!(
        rows[0].time.map(|t| t.to_string()).as_deref(),
        Some("08:15:02")
    );
    assert_eq!(rows[0].reference.as_deref(), Some("tx_0001"));

    // DKB: Windows-1252 text decoded, counterparty and purpose joined.
    let (rows, _) = run(&read("de_dkb_giro.csv"), &opts(None)).unwrap();
    assert!(
        rows[2].description.starts_with("Bäckerei Müller"),
        "{}",
        rows[2].description
    );
    assert_eq!(
        rows[2].posted_date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-21")
    );
}
