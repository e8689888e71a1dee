//! Every real-layout statement in `shared/fixtures/statements` imports with the row count and
//! signed sum its MANIFEST gives, with no profile.

mod common;

use common::{counted, opts, run, sums};
use recourse_core::import::SkipReason;
use recourse_core::model::RowStatus;
use std::path::PathBuf;

struct Case {
    file: &'static str,
    /// Passed as the account's default currency only where the file itself does not say.
    implicit_currency: Option<&'static str>,
    rows: usize,
    currency: &'static str,
    sum: &'static str,
    /// Sum over rows that moved money (without closed orders), where the manifest gives it.
    moved: Option<&'static str>,
    preset: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        file: "cn_alipay_2021_gbk.csv",
        implicit_currency: None,
        rows: 16,
        currency: "CNY",
        sum: "-159.91",
        moved: Some("-50.01"),
        preset: Some("alipay"),
    },
    Case {
        file: "cn_wechat.csv",
        implicit_currency: None,
        rows: 27,
        currency: "CNY",
        sum: "-2876.04",
        moved: Some("-2876.04"),
        preset: Some("wechat"),
    },
    Case {
        file: "cn_meituan.csv",
        implicit_currency: None,
        rows: 29,
        currency: "CNY",
        sum: "-1014.07",
        moved: None,
        preset: Some("meituan"),
    },
    Case {
        file: "cn_cmb_credit.csv",
        implicit_currency: None,
        rows: 6,
        currency: "CNY",
        sum: "-7675.98",
        moved: None,
        preset: Some("cmb"),
    },
    Case {
        file: "cn_icbc_debit_v2.csv",
        implicit_currency: None,
        rows: 11,
        currency: "CNY",
        sum: "-1399.34",
        moved: None,
        preset: Some("icbc"),
    },
    Case {
        file: "cn_bocom_debit.csv",
        implicit_currency: None,
        rows: 6,
        currency: "CNY",
        sum: "-102.75",
        moved: None,
        preset: Some("bocom"),
    },
    Case {
        file: "uk_nationwide.csv",
        implicit_currency: None,
        rows: 4,
        currency: "GBP",
        sum: "360.23",
        moved: None,
        preset: None,
    },
    Case {
        file: "us_chase.csv",
        implicit_currency: Some("USD"),
        rows: 9,
        currency: "USD",
        sum: "6922.11",
        moved: None,
        preset: None,
    },
    Case {
        file: "us_capitalone.csv",
        implicit_currency: None,
        rows: 2,
        currency: "USD",
        sum: "0.00",
        moved: None,
        preset: Some("capital-one"),
    },
    Case {
        file: "us_paypal.csv",
        implicit_currency: None,
        rows: 7,
        currency: "USD",
        sum: "9.41",
        moved: None,
        preset: Some("paypal"),
    },
    Case {
        file: "nz_credit_card.csv",
        implicit_currency: Some("NZD"),
        rows: 16,
        currency: "NZD",
        sum: "187.01",
        moved: None,
        preset: None,
    },
    Case {
        file: "dk_nordea.csv",
        implicit_currency: Some("DKK"),
        rows: 6,
        currency: "DKK",
        sum: "-4732.00",
        moved: None,
        preset: None,
    },
    Case {
        file: "nl_ing.csv",
        implicit_currency: Some("EUR"),
        rows: 3,
        currency: "EUR",
        sum: "-18.63",
        moved: None,
        preset: None,
    },
    Case {
        file: "nl_bunq.csv",
        implicit_currency: Some("EUR"),
        rows: 7,
        currency: "EUR",
        sum: "-23.82",
        moved: None,
        preset: None,
    },
    Case {
        file: "de_gls.csv",
        implicit_currency: None,
        rows: 1,
        currency: "EUR",
        sum: "-98.76",
        moved: None,
        preset: None,
    },
    Case {
        file: "at_ing_diba.csv",
        implicit_currency: None,
        rows: 6,
        currency: "EUR",
        sum: "-992.03",
        moved: None,
        preset: None,
    },
    Case {
        file: "ch_ubs.csv",
        implicit_currency: None,
        rows: 3,
        currency: "CHF",
        sum: "30.00",
        moved: None,
        preset: None,
    },
    Case {
        file: "cz_raiffeisen_cp1250.csv",
        implicit_currency: None,
        rows: 1,
        currency: "CZK",
        sum: "-1.00",
        moved: None,
        preset: None,
    },
    Case {
        file: "eu_revolut.csv",
        implicit_currency: None,
        rows: 9,
        currency: "EUR",
        sum: "-31.59",
        moved: None,
        preset: Some("revolut"),
    },
    Case {
        file: "sg_frank_ocbc.csv",
        implicit_currency: None,
        rows: 8,
        currency: "SGD",
        sum: "-173.28",
        moved: None,
        preset: None,
    },
];

/// The real-layout statements, or None (reported as skipped) when they are absent.
fn dir(test: &str) -> Option<PathBuf> {
    common::shared_fixtures("statements", test)
}

#[test]
fn every_manifest_file_imports_with_its_count_and_sum() {
    let Some(dir) = dir("import_manifest::every_manifest_file_imports_with_its_count_and_sum")
    else {
        return;
    };
    let mut failures = Vec::new();
    for case in CASES {
        let bytes = std::fs::read(dir.join(case.file)).expect("fixture readable");
        let (rows, summary) = match run(&bytes, &opts(case.implicit_currency)) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: error: {e}", case.file));
                continue;
            }
        };
        let want_sum = [(case.currency.to_string(), case.sum.to_string())]
            .into_iter()
            .collect();
        let got_sum = sums(&rows, counted);
        if rows.len() != case.rows || got_sum != want_sum {
            failures.push(format!(
                "{}: {} rows (want {}), sums {:?} (want {} {}); detected {:?}; skipped {:?}",
                case.file,
                rows.len(),
                case.rows,
                got_sum,
                case.sum,
                case.currency,
                summary.detected.columns,
                summary.skipped
            ));
        }
        if let Some(moved) = case.moved {
            let got = sums(&rows, |r| r.status.moves_money());
            if got.get(case.currency).map(String::as_str) != Some(moved) {
                failures.push(format!(
                    "{}: money-moving sum {got:?}, want {moved}",
                    case.file
                ));
            }
        }
        if summary.detected.preset.as_deref() != case.preset {
            failures.push(format!(
                "{}: preset {:?}, want {:?}",
                case.file, summary.detected.preset, case.preset
            ));
        }
        if summary.rows_read as usize != rows.len() {
            failures.push(format!(
                "{}: rows_read {} but {} rows streamed",
                case.file,
                summary.rows_read,
                rows.len()
            ));
        }
        // Rows come in file order, each with its own physical line.
        if rows.windows(2).any(|w| w[0].line >= w[1].line) {
            failures.push(format!("{}: rows out of line order", case.file));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn import(
    file: &str,
    currency: Option<&str>,
) -> (
    Vec<recourse_core::model::ParsedRow>,
    recourse_core::import::ParseSummary,
) {
    let dir = dir("import_manifest::import").expect("fixtures present");
    run(&std::fs::read(dir.join(file)).unwrap(), &opts(currency)).unwrap()
}

#[test]
fn quirks_of_real_layouts() {
    if dir("import_manifest::quirks_of_real_layouts").is_none() {
        return;
    }
    // 招商银行: year-less dates take the year from the title; December rows are the year before.
    let (rows, s) = import("cn_cmb_credit.csv", None);
    assert_eq!(rows[0].date.to_string(), "2023-12-29");
    assert_eq!(rows[5].date.to_string(), "2024-01-05");
    assert_eq!(rows[0].card_last4.as_deref(), Some("1234"));
    assert_eq!(s.detected.header_line, Some(2));

    // OCBC: the merchant on the continuation line is joined into the description.
    let (rows, s) = import("sg_frank_ocbc.csv", None);
    assert!(
        rows[0].description.contains("UBER EATS"),
        "{}",
        rows[0].description
    );
    assert_eq!(
        s.skipped
            .iter()
            .filter(|k| k.reason == SkipReason::Continuation)
            .count(),
        8
    );

    // ICBC: the 人民币合计 footer is skipped and counted.
    let (_, s) = import("cn_icbc_debit_v2.csv", None);
    assert!(
        s.skipped.iter().any(|k| k.reason == SkipReason::TotalRow),
        "{:?}",
        s.skipped
    );

    // Alipay: the closed order is kept as closed; 其他 rows are neutral.
    let (rows, s) = import("cn_alipay_2021_gbk.csv", None);
    assert_eq!(s.detected.encoding, "gbk");
    assert_eq!(
        rows.iter()
            .filter(|r| r.status == RowStatus::Closed)
            .count(),
        1
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.status == RowStatus::Neutral)
            .count(),
        7
    );
    assert!(s.skipped.iter().any(|k| k.reason == SkipReason::Footer));

    // Chase: the compact date with its time.
    let (rows, _) = import("us_chase.csv", Some("USD"));
    assert_eq!(rows[0].date.to_string(), "2009-12-24");
    assert_eq!(
        rows[0].time.map(|t| t.to_string()).as_deref(),
        Some("12:00:00")
    );

    // Revolut: pending rows are pending, the posting date is empty for them.
    let (rows, _) = import("eu_revolut.csv", None);
    assert_eq!(
        rows.iter()
            .filter(|r| r.status == RowStatus::Pending)
            .count(),
        2
    );

    // PayPal: US dates decided from the whole column (19 and 22 as days).
    let (rows, s) = import("us_paypal.csv", None);
    assert_eq!(rows[4].date.to_string(), "2019-10-19");
    assert_eq!(s.detected.date_format, "%m/%d/%Y");

    // Code pages.
    let (rows, s) = import("cz_raiffeisen_cp1250.csv", None);
    assert_eq!(s.detected.encoding, "windows-1250");
    assert!(rows[0].description.contains("Name Surname"));
    let (_, s) = import("de_gls.csv", None);
    assert_eq!(s.detected.encoding, "windows-1252");
}
