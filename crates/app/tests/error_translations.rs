//! Every import error reaches a Chinese user in Chinese: each kind of `ImportError` has a
//! sentence under `backendErrors.import` in the UI's zh-CN catalogue, and that sentence uses only
//! values the error carries (a misspelt `{{lien}}` would show literally).

use recourse_core::import::{DateOrder, ExpectedDate, ImportError, MissingColumns};
use std::path::Path;

/// One error of every kind. The match below fails to compile when a kind is added, so this list
/// cannot fall behind.
fn one_of_each() -> Vec<ImportError> {
    use ImportError::*;
    let date = |order| ExpectedDate {
        format: "%d/%m/%Y".into(),
        order,
    };
    let all = vec![
        Empty,
        Binary { line: 3 },
        Encoding {
            line: 4,
            encoding: "UTF-8".into(),
            detail: "invalid byte".into(),
        },
        UnknownEncoding("klingon".into()),
        NoColumns(MissingColumns::Dates),
        NoColumns(MissingColumns::Amount),
        NoColumns(MissingColumns::DirectionForSign),
        NoColumns(MissingColumns::AmountForSign),
        NoColumns(MissingColumns::DebitCreditForSign),
        TooManyColumns {
            line: 2,
            count: 100_000,
            max: 1000,
        },
        RecordTooLong {
            line: 9,
            max: 1_000_000,
        },
        UnclosedQuote { line: 4 },
        CutRow {
            line: 7,
            cells: 2,
            expected: 3,
        },
        NoRows,
        BadTime {
            line: 4,
            value: "25:61:00".into(),
        },
        BadDate {
            line: 57,
            value: "31/31/2024".into(),
            expected: date(DateOrder::Dmy),
        },
        BadDate {
            line: 57,
            value: "13/31/2024".into(),
            expected: date(DateOrder::Mdy),
        },
        BadDate {
            line: 57,
            value: "2024-13-01".into(),
            expected: date(DateOrder::Ymd),
        },
        BadAmount {
            line: 8,
            value: "12,3,4".into(),
            column: "Amount".into(),
        },
        BadDirection {
            line: 8,
            value: "?".into(),
        },
        Missing {
            line: 8,
            what: "date".into(),
        },
        Missing {
            line: 8,
            what: "amount".into(),
        },
        NoYear {
            line: 8,
            value: "03-12".into(),
        },
        Csv {
            line: 8,
            message: "unequal lengths".into(),
        },
        BadProfile("'x' is not a currency code".into()),
        Cancelled,
        Aborted("disk full".into()),
        BadEntry {
            entry: 3,
            id: "FITID-9".into(),
            field: "TRNAMT".into(),
            value: "abc".into(),
            expected: "a signed number like -12.50".into(),
        },
        NoStatement {
            format: "OFX".into(),
            detail: "no STMTRS".into(),
        },
        Declarations {
            format: "CAMT".into(),
            declaration: "DOCTYPE".into(),
        },
        Truncated {
            format: "OFX".into(),
            line: 41,
            inside: "transaction 3 (STMTTRN)".into(),
        },
        TooLarge {
            format: "OFX".into(),
            detail: "more than 1000000 transactions".into(),
        },
        Workbook("not a workbook".into()),
        NoSheet("Sheet1: no dates".into()),
        Archive("bad central directory".into()),
        PasswordNeeded {
            entry: "statement.csv".into(),
        },
        WrongPassword,
    ];
    for e in &all {
        match e {
            Empty
            | Binary { .. }
            | Encoding { .. }
            | UnknownEncoding(_)
            | NoColumns(_)
            | TooManyColumns { .. }
            | RecordTooLong { .. }
            | UnclosedQuote { .. }
            | CutRow { .. }
            | NoRows
            | BadTime { .. }
            | BadDate { .. }
            | BadAmount { .. }
            | BadDirection { .. }
            | Missing { .. }
            | NoYear { .. }
            | Csv { .. }
            | BadProfile(_)
            | Cancelled
            | Aborted(_)
            | BadEntry { .. }
            | NoStatement { .. }
            | Declarations { .. }
            | Truncated { .. }
            | TooLarge { .. }
            | Workbook(_)
            | NoSheet(_)
            | Archive(_)
            | PasswordNeeded { .. }
            | WrongPassword => {}
        }
    }
    all
}

/// The `{{name}}` placeholders of an i18next sentence.
fn placeholders(sentence: &str) -> Vec<&str> {
    sentence
        .split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name.trim()))
        .collect()
}

#[test]
fn every_import_error_has_a_chinese_sentence_using_only_its_values() {
    let catalogue = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/i18n/zh-CN.json");
    let zh: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&catalogue).unwrap()).unwrap();
    for e in one_of_each() {
        let (key, mut args) = e.key_and_args();
        // The app adds the file's name to every import error.
        args.push(("file", "statement.csv".into()));
        let pointer = format!("/backendErrors/import/{}", key.replace('.', "/"));
        let sentence = zh
            .pointer(&pointer)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| {
                panic!(
                    "{}: no Chinese sentence at {pointer} for “{e}”",
                    catalogue.display()
                )
            });
        assert!(
            sentence
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{pointer} is not Chinese: {sentence}"
        );
        for name in placeholders(sentence) {
            assert!(
                args.iter().any(|(k, _)| *k == name),
                "{pointer} uses {{{{{name}}}}}, which “{e}” does not carry (it has {:?})",
                args.iter().map(|(k, _)| k).collect::<Vec<_>>()
            );
        }
        if e.line().is_some() {
            assert!(
                placeholders(sentence).contains(&"line"),
                "{pointer} drops the line number"
            );
        }
    }
}

#[test]
fn the_english_sentence_is_unchanged_by_the_translatable_form() {
    let e = ImportError::BadDate {
        line: 57,
        value: "31/31/2024".into(),
        expected: ExpectedDate {
            format: "%d/%m/%Y".into(),
            order: DateOrder::Dmy,
        },
    };
    assert_eq!(
        e.to_string(),
        "line 57: cannot read date '31/31/2024' (expected a date like 05/01/2024 (%d/%m/%Y), day before month as in the rest of the column)"
    );
    let (key, args) = e.key_and_args();
    assert_eq!(key, "bad_date_day_first");
    assert!(args.contains(&("value", "31/31/2024".to_string())));
}

#[test]
fn a_failed_import_carries_its_key_file_and_line_to_the_ui() {
    use recourse_app::{App, ImportRequest};
    use std::sync::atomic::AtomicBool;
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let path = dir.path().join("bad.csv");
    let mut text = String::from("Date,Description,Amount\n");
    for day in 1..=28 {
        text.push_str(&format!("{day:02}/03/2024,COFFEE,-4.50\n"));
    }
    text.push_str("31/31/2024,COFFEE,-4.50\n");
    std::fs::write(&path, text).unwrap();
    let err = app
        .import_files(
            &[path],
            &ImportRequest::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .unwrap_err();
    // What the webview receives.
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "import");
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .starts_with("bad.csv: line 30: cannot read date '31/31/2024'"),
        "{json}"
    );
    assert_eq!(json["detail"]["key"], "import.bad_date_day_first", "{json}");
    assert_eq!(json["detail"]["args"]["file"], "bad.csv");
    assert_eq!(json["detail"]["args"]["line"], "30");
    assert_eq!(json["detail"]["args"]["value"], "31/31/2024");
}

/// Every `.with_detail("key", [("name", …), …])` in the app and the desktop shell, read from
/// their source: (file, key, the names of its values).
fn detail_calls() -> Vec<(String, String, Vec<String>)> {
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("../../src-tauri/src"), &mut files);
    let mut calls = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices(".with_detail(") {
            let start = at + ".with_detail(".len();
            // The call's text, to its closing parenthesis.
            let mut depth = 1;
            let end = start
                + text[start..]
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .unwrap()
                    .0;
            let call = text[start..end].trim_start();
            // A key built at run time (import errors) is checked by the test above.
            let Some(rest) = call.strip_prefix('"') else {
                continue;
            };
            let key = rest.split('"').next().unwrap().to_string();
            let names = call
                .split("(\"")
                .skip(1)
                .filter_map(|s| s.split_once("\","))
                .map(|(name, _)| name.to_string())
                .collect();
            calls.push((file.display().to_string(), key, names));
        }
    }
    calls
}

#[test]
fn every_other_translatable_error_has_a_chinese_sentence_using_only_its_values() {
    let catalogue = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/i18n/zh-CN.json");
    let zh: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&catalogue).unwrap()).unwrap();
    let calls = detail_calls();
    assert!(calls.len() >= 14, "the source scan found only {calls:?}");
    for (file, key, names) in calls {
        let pointer = format!("/backendErrors/{}", key.replace('.', "/"));
        let sentence = zh
            .pointer(&pointer)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| {
                panic!("{file}: the error {key} has no Chinese sentence at {pointer}")
            });
        for name in placeholders(sentence) {
            assert!(
                names.iter().any(|n| n == name),
                "{pointer} uses {{{{{name}}}}}, which {file} does not give (it gives {names:?})"
            );
        }
    }
}
