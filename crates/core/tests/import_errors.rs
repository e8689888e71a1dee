//! Bad input: an error naming the line and the cause, never a panic or a hang; the user's
//! profile overrides detection; the preview shows the first rows.

mod common;

use common::{opts, run};
use recourse_core::import::{
    parse, preview, Columns, ImportError, ImportOptions, Profile, SignConvention,
};
use std::time::{Duration, Instant};

fn statement_with_bad_date_at_57() -> String {
    let mut s = String::from("Date,Description,Amount\n");
    for i in 2..=60u32 {
        if i == 57 {
            s.push_str("31/31/2024,BROKEN,-1.00\n");
        } else {
            s.push_str(&format!("{:02}/01/2024,SHOP {i},-{i}.00\n", (i % 28) + 1));
        }
    }
    s
}

#[test]
fn a_bad_date_names_its_line_and_the_expected_form() {
    let err = run(
        statement_with_bad_date_at_57().as_bytes(),
        &opts(Some("EUR")),
    )
    .unwrap_err();
    assert_eq!(err.line(), Some(57));
    let msg = err.to_string();
    assert!(
        msg.starts_with("line 57: cannot read date '31/31/2024'"),
        "{msg}"
    );
    assert!(
        msg.contains("05/01/2024") && msg.contains("day before month"),
        "{msg}"
    );
}

#[test]
fn a_bad_date_on_the_last_line_is_an_error_not_a_footer() {
    let text = "Date,Description,Amount\n2024-01-01,A,-1.00\n2024-13-45,B,-2.00\n";
    let err = run(text.as_bytes(), &opts(Some("EUR"))).unwrap_err();
    assert_eq!(err.line(), Some(3), "{err}");
}

#[test]
fn a_bad_amount_names_its_line_and_column() {
    let text =
        "Date,Description,Amount\n2024-01-01,A,-1.00\n2024-01-02,B,twelve\n2024-01-03,C,-3.00\n";
    let err = run(text.as_bytes(), &opts(Some("EUR"))).unwrap_err();
    assert_eq!(err.line(), Some(3));
    assert!(
        err.to_string().contains("'twelve' in column 'Amount'"),
        "{err}"
    );
}

#[test]
fn an_unknown_in_out_word_is_an_error() {
    let text = "交易时间,交易对方,收/支,金额\n2024-01-01 10:00:00,超市,支出,1.00\n2024-01-02 10:00:00,超市,maybe,2.00\n";
    let err = run(text.as_bytes(), &opts(None)).unwrap_err();
    assert!(
        matches!(err, ImportError::BadDirection { line: 3, .. }),
        "{err}"
    );
}

#[test]
fn files_that_cannot_be_imported() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("blank lines", b"\n\n  \n".to_vec()),
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec()),
        ("nul bytes", b"Date,Amount\n2024-01-01,\0\0\0\n".to_vec()),
        ("no columns", b"name,colour\nalice,red\nbob,blue\n".to_vec()),
        (
            "no amount",
            b"Date,Description\n2024-01-01,coffee\n".to_vec(),
        ),
        (
            "damaged utf-8",
            "日期,说明,金额\n2024-01-01,超市购物牛奶面包,1.00\n2024-01-02,\u{0}"
                .bytes()
                .map(|b| if b == 0 { 0xff } else { b })
                .collect(),
        ),
    ];
    for (name, bytes) in cases {
        let got = run(&bytes, &opts(Some("USD")));
        assert!(got.is_err(), "{name}: {:?}", got.map(|(r, _)| r));
        assert!(!got.unwrap_err().to_string().is_empty());
    }
}

fn quick(name: &str, bytes: &[u8]) -> Result<usize, ImportError> {
    let t = Instant::now();
    let got = run(bytes, &opts(Some("USD"))).map(|(r, _)| r.len());
    let _ = preview(bytes, &opts(Some("USD")), 10);
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "{name} took {:?}",
        t.elapsed()
    );
    got
}

#[test]
fn pathological_inputs_fail_fast() {
    let mut big_cell = b"Date,Description,Amount\n2024-01-01,\"".to_vec();
    big_cell.extend(vec![b'x'; 10 * 1024 * 1024]);
    big_cell.extend(b"\",1.00\n");
    assert!(matches!(
        quick("10 MB cell", &big_cell),
        Err(ImportError::RecordTooLong { line: 2, .. })
    ));

    let mut wide = b"Date,Description,Amount\n".to_vec();
    wide.extend(b"2024-01-01,x,1.00");
    wide.extend(b",1".repeat(100_000));
    wide.push(b'\n');
    assert!(matches!(
        quick("100k columns", &wide),
        Err(ImportError::TooManyColumns { line: 2, .. })
    ));

    let wide_header: Vec<u8> = b"a,".repeat(100_000);
    assert!(quick("100k-column header", &wide_header).is_err());

    let quotes: Vec<u8> = vec![b'"'; 2 * 1024 * 1024];
    let _ = quick("deep quotes", &quotes);

    let unclosed = b"Date,Description,Amount\n2024-01-01,\"never closed,1.00\n2024-01-02,x,2.00\n";
    let _ = quick("unclosed quote", unclosed);

    let long_line: Vec<u8> = vec![b'9'; 5 * 1024 * 1024];
    assert!(quick("one long line", &long_line).is_err());
}

#[test]
fn the_sink_can_cancel() {
    let text =
        "Date,Description,Amount\n2024-01-01,A,-1.00\n2024-01-02,B,-2.00\n2024-01-03,C,-3.00\n";
    let mut seen = 0;
    let err = parse(text.as_bytes(), &opts(Some("USD")), &mut |_| {
        seen += 1;
        if seen == 2 {
            Err(ImportError::Cancelled)
        } else {
            Ok(())
        }
    })
    .unwrap_err();
    assert!(matches!(err, ImportError::Cancelled));
    assert_eq!(seen, 2);
}

#[test]
fn the_profile_overrides_detection_and_round_trips_as_json() {
    // Nothing in the column says which number is the day: detection guesses day-first for EUR.
    let text = "Datum;Omschrijving;Bedrag;Extra\n01/02/2024;Winkel;-1,50;-9,99\n03/04/2024;Loon;100,00;0\n";
    let (rows, s) = run(text.as_bytes(), &opts(Some("EUR"))).unwrap();
    assert_eq!(rows[0].date.to_string(), "2024-02-01");
    assert!(!s.detected.confident);

    let profile = Profile {
        date_format: Some("%m/%d/%Y".into()),
        columns: Columns {
            amount: Some(3),
            ..Columns::default()
        },
        sign: Some(SignConvention::PositiveIsDebit),
        currency: Some("CHF".into()),
        ..Profile::default()
    };
    let json = serde_json::to_string(&profile).unwrap();
    assert!(json.contains("\"positive-is-debit\""), "{json}");
    let back: Profile = serde_json::from_str(&json).unwrap();
    assert_eq!(back, profile);

    let o = ImportOptions {
        profile: Some(back),
        default_currency: None,
        ..Default::default()
    };
    let (rows, s) = run(text.as_bytes(), &o).unwrap();
    assert_eq!(rows[0].date.to_string(), "2024-01-02");
    assert_eq!(rows[0].amount, 999);
    assert_eq!(rows[0].currency.code(), "CHF");
    assert_eq!(s.detected.columns.get("amount"), Some(&3));
    assert_eq!(s.detected.profile.date_format.as_deref(), Some("%m/%d/%Y"));

    // The detected profile, fed back unchanged, reads the file the same way.
    let (again, _) = run(
        text.as_bytes(),
        &ImportOptions {
            profile: Some(s.detected.profile.clone()),
            default_currency: None,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(again, rows);

    let bad = Profile {
        date_format: Some("%H:%M".into()),
        ..Profile::default()
    };
    let err = run(
        text.as_bytes(),
        &ImportOptions {
            profile: Some(bad),
            default_currency: None,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::BadProfile(_)), "{err}");
}

#[test]
fn preview_shows_mapping_header_sample_and_rows() {
    let p = preview(
        statement_with_bad_date_at_57().as_bytes(),
        &opts(Some("EUR")),
        5,
    )
    .unwrap();
    assert_eq!(p.header, vec!["Date", "Description", "Amount"]);
    assert_eq!(p.sample.len(), 5);
    assert_eq!(p.rows.len(), 5);
    assert_eq!(p.rows[0].line, 2);
    assert!(p.error.is_none());
    assert_eq!(p.detected.columns.get("date"), Some(&0));
    assert_eq!(p.detected.sign.as_str(), "negative-is-debit");
    let all = preview(
        statement_with_bad_date_at_57().as_bytes(),
        &opts(Some("EUR")),
        100,
    )
    .unwrap();
    assert!(
        all.error
            .as_ref()
            .is_some_and(|e| e.to_string().starts_with("line 57")),
        "{:?}",
        all.error
    );
}
