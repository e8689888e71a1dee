//! The contract at the boundary, as the UI and the CLI's JSON see it: dates cross as ISO text,
//! a date the user sent that is not one is an `invalid` error naming the field, and the
//! preview's row error has the same shape as every other error.

use recourse_app::dto::TxFilter;
use recourse_app::{App, ErrorCode, ImportRequest};

#[test]
fn a_row_error_in_the_preview_is_an_app_error_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("r.db")).unwrap();
    let file = dir.path().join("march.csv");
    let mut text = String::from("Date,Description,Amount,Currency\n");
    for day in 1..=9 {
        text.push_str(&format!("2024-03-0{day},SHOP {day},-{day}.50,EUR\n"));
    }
    text.push_str("2024-03-10,SHOP 10,lots,EUR\n");
    std::fs::write(&file, text).unwrap();

    let preview = app.preview_file(&file, &ImportRequest::default()).unwrap();
    assert!(
        !preview.parsed.rows.is_empty(),
        "the rows before it are shown"
    );
    let error = preview.error.expect("the tenth row has no amount");
    assert_eq!(error.code, ErrorCode::Import);
    assert!(
        error.message.starts_with("march.csv: "),
        "{}",
        error.message
    );
    assert!(error.message.contains("line 11"), "{}", error.message);
    let detail = error.detail.expect("a translatable form");
    assert_eq!(detail.key, "import.bad_amount");
    assert_eq!(detail.args["file"], "march.csv");
    assert_eq!(detail.args["line"], "11");

    let json =
        serde_json::to_value(app.preview_file(&file, &ImportRequest::default()).unwrap()).unwrap();
    assert_eq!(json["error"]["code"], "import", "{json}");
    assert!(
        json["detected"].is_object(),
        "the preview's own fields stay at the top: {json}"
    );
    assert!(json.get("error_key").is_none(), "{json}");
}

#[test]
fn dates_cross_as_iso_text_and_a_bad_one_names_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("r.db")).unwrap();
    let filter = TxFilter {
        from: Some("2024-02-30".into()),
        ..TxFilter::default()
    };
    let e = app.transactions_page(&filter, 0, 10).unwrap_err();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert_eq!(
        e.message,
        "the from date '2024-02-30' is not a date (expected YYYY-MM-DD)"
    );
    let detail = e.detail.unwrap();
    assert_eq!(detail.key, "date.invalid");
    assert_eq!(detail.args["field"], "from date");

    let e = app
        .top_merchants(None, None, Some("31/12/2024".into()), 10)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert!(
        e.message.starts_with("the to date '31/12/2024'"),
        "{}",
        e.message
    );
}
