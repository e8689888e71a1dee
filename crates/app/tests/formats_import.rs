//! Every statement format through the real import path (the App, SQLite): spreadsheets, OFX,
//! CAMT, files whose extension lies, ZIP archives with and without a password. Each fixture is
//! the repository's own (crates/core/tests/fixtures/formats, and tests/fixtures/statements for the
//! XLSB), written in a real export's layout.

mod common_formats;

use common_formats::{fixture, fresh, Totals};
use std::io::Write;
use std::path::Path;

/// (file, rows, signed sum in minor units, currency, first date, last date, accounts).
const CASES: &[(&str, usize, i64, &str, &str, &str, usize)] = &[
    (
        "ofx1_header.ofx",
        4,
        122_981,
        "USD",
        "2024-02-02",
        "2024-02-26",
        1,
    ),
    (
        "ofx1_noheader.qfx",
        4,
        12_784,
        "USD",
        "2024-03-02",
        "2024-03-28",
        1,
    ),
    ("ofx2.ofx", 3, 180_160, "GBP", "2024-04-02", "2024-04-25", 1),
    (
        "ofx_multi.ofx",
        4,
        -8_540,
        "EUR",
        "2024-06-03",
        "2024-06-12",
        3,
    ),
    (
        "camt053_v02.xml",
        3,
        141_671,
        "EUR",
        "2024-07-01",
        "2024-07-31",
        1,
    ),
    (
        "camt053_v08_pending.xml",
        4,
        -16_880,
        "CHF",
        "2024-09-02",
        "2024-09-29",
        1,
    ),
    (
        "camt052.xml",
        2,
        23_770,
        "EUR",
        "2024-10-01",
        "2024-10-01",
        1,
    ),
    (
        "wechat_2025.xlsx",
        5,
        3_270,
        "CNY",
        "2025-03-02",
        "2025-03-12",
        1,
    ),
    (
        "wechat_2026.xlsx",
        5,
        3_270,
        "CNY",
        "2025-03-02",
        "2025-03-12",
        1,
    ),
    (
        "card_two_sheets.xlsx",
        4,
        41_136,
        "USD",
        "2024-05-03",
        "2024-05-28",
        1,
    ),
    // Text named .xls: a CSV and an HTML table, read as what they are (no currency in the
    // file: the default currency of a US user).
    (
        "export_csv_named.xls",
        3,
        -1_266,
        "USD",
        "2024-05-02",
        "2024-05-06",
        1,
    ),
    (
        "export_html_named.xls",
        3,
        205_990,
        "USD",
        "2024-05-02",
        "2024-05-20",
        1,
    ),
];

#[test]
fn each_format_imports_its_rows_sum_currency_dates_and_accounts() {
    let mut failures = Vec::new();
    for &(file, rows, sum, currency, first, last, accounts) in CASES {
        let mut db = fresh();
        if let Err(e) = db.import(&fixture(file), None) {
            failures.push(format!("{file}: {e}"));
            continue;
        }
        let got = db.totals();
        let want = Totals {
            rows,
            sum_minor: sum,
            currencies: vec![currency.to_string()],
            first: first.into(),
            last: last.into(),
            pending: got.pending,
        };
        if got != want {
            failures.push(format!("{file}: got {got:?}, want {want:?}"));
        }
        let n = db.by_account().len();
        if n != accounts {
            failures.push(format!("{file}: {n} accounts, want {accounts}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn multi_account_ofx_puts_each_statement_in_its_account_in_one_transaction() {
    let mut db = fresh();
    let reports = db.import(&fixture("ofx_multi.ofx"), None).unwrap();
    assert_eq!(reports.len(), 3, "one batch per statement");
    let accounts = db.by_account();
    let summary: Vec<(&str, usize, i64)> = accounts
        .iter()
        .map(|(a, t)| (a.as_str(), t.rows, t.sum_minor))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("00012345601", 2, -17_350),
            ("00012345602", 1, 15_000),
            ("4970XXXXXXXX1234", 1, -6_190),
        ]
    );
    assert!(reports.iter().all(|r| r.file == "ofx_multi.ofx"));
    assert_eq!(
        reports[0].detected.format,
        recourse_core::import::Format::Ofx
    );

    // A file whose last statement cannot be read leaves nothing of its first ones.
    let mut db = fresh();
    let text = std::fs::read_to_string(fixture("ofx_multi.ofx"))
        .unwrap()
        .replace("-61,90", "sixty");
    let broken = db.dir.path().join("broken.ofx");
    std::fs::write(&broken, text).unwrap();
    let err = db.import(&broken, None).unwrap_err();
    assert!(
        err.message.contains("broken.ofx") && err.message.contains("CB0612"),
        "{err:?}"
    );
    assert!(err.message.contains("TRNAMT"), "{}", err.message);
    assert!(db.rows().is_empty(), "nothing of the file was kept");
    assert!(db.app.batches().unwrap().is_empty());
}

const DOWNLOAD_1: &str = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>555<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240101<TRNAMT>-4.50<FITID>A1<NAME>COFFEE
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240101<TRNAMT>-4.50<FITID>A2<NAME>COFFEE
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240115<TRNAMT>-60.00<FITID>A3<NAME>GROCER
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";

const DOWNLOAD_2: &str = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>555<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240115<TRNAMT>-60.00<FITID>A3<NAME>GROCER
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240201<TRNAMT>-4.50<FITID>B1<NAME>COFFEE
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240203<TRNAMT>-4.50<FITID>B2<NAME>COFFEE
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";

#[test]
fn an_overlapping_ofx_download_adds_only_new_fitids() {
    let mut db = fresh();
    let first = db.dir.path().join("jan.ofx");
    let second = db.dir.path().join("jan-feb.ofx");
    std::fs::write(&first, DOWNLOAD_1).unwrap();
    std::fs::write(&second, DOWNLOAD_2).unwrap();
    let r1 = db.import(&first, None).unwrap();
    assert_eq!((r1[0].imported, r1[0].already_present), (3, 0));
    assert_eq!(
        r1[0].account, "555",
        "the account is the file's ACCTID, not its name"
    );
    let r2 = db.import(&second, None).unwrap();
    assert_eq!((r2[0].imported, r2[0].already_present), (2, 1));
    let again = db.import(&second, None).unwrap();
    assert_eq!((again[0].imported, again[0].already_present), (0, 3));
    let t = db.totals();
    assert_eq!((t.rows, t.sum_minor), (5, -7_800));
    let refs: Vec<String> = db
        .rows()
        .iter()
        .map(|r| r.source_line.to_string())
        .collect();
    assert_eq!(refs.len(), 5);
}

#[test]
fn a_spreadsheet_row_names_its_sheet_and_row() {
    let mut db = fresh();
    db.import(&fixture("wechat_2026.xlsx"), None).unwrap();
    let rows = db.rows();
    let latte: Vec<_> = rows
        .iter()
        .filter(|r| r.description.contains("拿铁"))
        .collect();
    assert_eq!(latte.len(), 2, "identical rows of one bill are both kept");
    assert_eq!(latte[0].source_file, "wechat_2026.xlsx");
    assert_eq!(latte[0].source_sheet.as_deref(), Some("Sheet1"));
    // 17 preamble rows, the header on row 18: the first row is sheet row 19.
    let mut lines: Vec<i64> = rows.iter().map(|r| r.source_line).collect();
    lines.sort();
    assert_eq!(lines, vec![19, 20, 21, 22, 23]);
    // The time of day of a date cell is kept.
    assert!(
        latte.iter().all(|r| r.time.as_deref() == Some("08:15:03")),
        "{latte:?}"
    );
    // The account is the wallet's preset (the file names no account number).
    assert_eq!(rows[0].account, "wechat");
}

#[test]
fn a_workbook_holding_its_statement_twice_imports_it_once() {
    let mut db = fresh();
    let reports = db.import(&fixture("card_two_sheets.xlsx"), None).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(db.rows().len(), 4);
    assert!(reports[0].detected.sheet.is_some());
}

/// An AES-encrypted ZIP (as the Alipay bill e-mail sends), written here with the zip crate.
fn aes_zip(dir: &std::path::Path, password: &str) -> std::path::PathBuf {
    let path = dir.join("alipay_bill.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .with_aes_encryption(zip::AesMode::Aes256, password);
    zip.start_file("ofx2.ofx", opts).unwrap();
    zip.write_all(&std::fs::read(fixture("ofx2.ofx")).unwrap())
        .unwrap();
    zip.start_file("camt052.xml", opts).unwrap();
    zip.write_all(&std::fs::read(fixture("camt052.xml")).unwrap())
        .unwrap();
    zip.finish().unwrap();
    path
}

#[test]
fn encrypted_zips_need_their_password_and_import_each_statement_as_a_batch() {
    // ZipCrypto (Info-ZIP's `zip -P`), holding an XLSX and a CSV named .xls.
    let mut db = fresh();
    let zipcrypto = fixture("bills_zipcrypto.zip");
    let err = db.import(&zipcrypto, None).unwrap_err();
    assert!(
        err.message.contains("bills_zipcrypto.zip") && err.message.contains("password"),
        "{}",
        err.message
    );
    let detail = err.detail.as_ref().map(|d| d.key.clone());
    assert_eq!(detail.as_deref(), Some("import.password_needed"));
    let wrong = db.import(&zipcrypto, Some("123456")).unwrap_err();
    assert_eq!(
        wrong.detail.as_ref().map(|d| d.key.as_str()),
        Some("import.wrong_password"),
        "{}",
        wrong.message
    );
    assert!(db.rows().is_empty());
    let reports = db.import(&zipcrypto, Some("654321")).unwrap();
    assert_eq!(reports.len(), 2, "one batch per statement inside");
    assert_eq!(reports[0].file, "bills_zipcrypto.zip/wechat_2026.xlsx");
    assert_eq!(reports[1].file, "bills_zipcrypto.zip/export_csv_named.xls");
    assert_eq!(db.rows().len(), 8);

    // AES-256.
    let mut db = fresh();
    let aes = aes_zip(db.dir.path(), "s3cret");
    let wrong = db.import(&aes, Some("guess")).unwrap_err();
    assert_eq!(
        wrong.detail.as_ref().map(|d| d.key.as_str()),
        Some("import.wrong_password"),
        "{}",
        wrong.message
    );
    let reports = db.import(&aes, Some("s3cret")).unwrap();
    assert_eq!(reports.len(), 2);
    let accounts = db.by_account();
    assert_eq!(accounts["73102938"].rows, 3);
    assert_eq!(accounts["0123456789"].rows, 2);
    // The password is never stored.
    let stored = std::fs::read(db.dir.path().join("r.db")).unwrap();
    assert!(!stored.windows(6).any(|w| w == b"s3cret"));
}

#[test]
fn a_layout_without_an_account_goes_where_the_user_put_it_last_time() {
    let mut db = fresh();
    let req = recourse_app::ImportRequest {
        account: Some("my visa".into()),
        ..Default::default()
    };
    db.app
        .import_files(
            &[fixture("export_csv_named.xls")],
            &req,
            &|_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
    // The same layout again, without --account: the same account, not the file's name.
    let again = db.dir.path().join("may-export.csv");
    std::fs::write(
        &again,
        "Date,Description,Amount\n2024-05-06,REFUND AMAZON,12.99\n2024-05-09,PRET,-3.10\n",
    )
    .unwrap();
    let r = db.import(&again, None).unwrap();
    assert_eq!(r[0].account, "my visa");
    assert_eq!((r[0].imported, r[0].already_present), (1, 1));
    // A layout never seen, naming no account: the documented fallback account.
    let other = db.dir.path().join("other.csv");
    std::fs::write(&other, "Date,Memo,Amount\n2024-05-06,X,-1.00\n").unwrap();
    let preview = db.app.preview_file(&other, &Default::default()).unwrap();
    assert_eq!(preview.parsed.detected.account, None, "the app asks");
}

/// An Excel binary workbook, as Excel writes it and as SheetJS does (short cell records,
/// without their column, for every cell after a row's first): the same statement either way,
/// every cell read, rows named by sheet and row, the card from the title line.
#[test]
fn an_xlsb_imports_whichever_tool_wrote_it() {
    let statements = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/statements");
    for file in [
        "cn_citic_credit_2025-09.xlsb",
        "cn_citic_credit_2025-09_sheetjs.xlsb",
    ] {
        let mut db = fresh();
        db.import(&statements.join(file), None)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let rows = db.rows();
        // 7 charges of the CITIC card (purchases positive in the file): repayment and refund
        // in, the rest out; the Hong Kong dollar row counts at its settled 80.65 CNY.
        let sum: i64 = rows.iter().map(|r| r.amount_minor).sum();
        assert_eq!((rows.len(), sum), (7, 96_652), "{file}");
        assert!(rows.iter().all(|r| r.currency == "CNY"), "{file}");
        let hk: Vec<_> = rows
            .iter()
            .filter(|r| r.description.contains("香港"))
            .collect();
        assert_eq!(hk.len(), 1, "{file}");
        assert_eq!(hk[0].amount_minor, -8_065, "{file}");
        assert_eq!(hk[0].date.to_string(), "2025-09-07", "{file}");
        assert_eq!(hk[0].source_sheet.as_deref(), Some("交易明细"), "{file}");
        // Two title rows and the header: newest first from row 4, the HK row fifth.
        assert_eq!(hk[0].source_line, 8, "{file}");
        assert!(
            rows[0].account.contains("3096"),
            "{file}: {}",
            rows[0].account
        );
    }
}

/// The format a file was read as comes from its content (never its name), and a CAMT file also
/// names the message version it declares.
#[test]
fn each_file_reports_the_format_it_was_read_as() {
    use recourse_core::import::Format;
    for (file, format, version) in [
        ("ofx2.ofx", Format::Ofx, None),
        ("camt053_v02.xml", Format::Camt, Some("camt.053.001.02")),
        ("wechat_2025.xlsx", Format::Xlsx, None),
        ("export_html_named.xls", Format::Html, None),
        ("export_csv_named.xls", Format::Text, None),
    ] {
        let mut db = fresh();
        let reports = db.import(&fixture(file), None).unwrap();
        let d = &reports[0].detected;
        assert_eq!(
            (d.format, d.format_version.as_deref()),
            (format, version),
            "{file}"
        );
    }
    let json = serde_json::to_value(Format::Text).unwrap();
    assert_eq!(
        json, "csv",
        "the CLI's JSON keeps its word for delimited text"
    );
}
