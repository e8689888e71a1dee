//! Which account and which currency a statement lands in when the request does not say: the
//! file's own account (two overlapping exports of one account meet, the overlap stored once),
//! the request's currency over the file's, and, for a file with no currency evidence, the
//! currency of its account's earlier imports.

use recourse_app::dto::{ImportProgress, ImportReport, Transaction, TxFilter};
use recourse_app::{App, Currency, CurrencySource, ImportRequest};

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn statements(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/statements")
        .join(name)
}

fn import(app: &mut App, path: &Path, req: &ImportRequest) -> ImportReport {
    let mut reports = app
        .import_files(
            &[path.to_path_buf()],
            req,
            &|_: ImportProgress| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

fn all_rows(app: &App) -> Vec<Transaction> {
    app.transactions_page(&TxFilter::default(), 0, 1000)
        .unwrap()
        .rows
}

#[test]
fn overlapping_exports_of_one_account_land_in_that_account_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let req = ImportRequest::default();
    let jan = import(&mut app, &statements("de_dkb_giro_2025-01.csv"), &req);
    let feb = import(&mut app, &statements("de_dkb_giro_2025-02.csv"), &req);

    // The account is the IBAN the preamble states, not the file's name nor the fallback.
    assert_eq!(jan.account, feb.account);
    assert_eq!(
        jan.account.replace(' ', ""),
        "DE75120300001020304050",
        "account: {}",
        jan.account
    );
    assert_eq!((jan.rows_read, jan.imported), (5, 5));
    // February's export starts on 15 January: its three January rows are already stored.
    assert_eq!(feb.rows_read, 7);
    assert_eq!((feb.imported, feb.already_present), (4, 3));

    let rows = all_rows(&app);
    assert_eq!(rows.len(), 9);
    assert!(rows.iter().all(|r| r.account == jan.account));
    assert!(rows.iter().all(|r| r.currency == "EUR"));
    let mut lines: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.date.to_string(), r.amount.clone()))
        .collect();
    lines.sort();
    lines.dedup();
    assert_eq!(lines.len(), 9, "no row is stored twice: {lines:?}");
    let accounts = app.accounts().unwrap();
    assert_eq!(accounts.len(), 1, "{accounts:?}");
}

/// Two exports of one layout that give no clue to their currency nor their account (ISO dates,
/// plain decimals, English headers); the desktop's end-to-end test imports them too.
fn unlabelled(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data")
        .join(name)
}

#[test]
fn a_file_without_currency_evidence_takes_its_accounts_currency() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let (may, june) = (unlabelled("ask-first.csv"), unlabelled("ask-second.csv"));
    // Nothing says the currency: the default applies, and says so.
    let preview = app
        .preview_file(
            &may,
            &ImportRequest {
                account: Some("wallet".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        preview.parsed.detected.currency_source,
        CurrencySource::Default
    );
    assert!(!preview.parsed.detected.confident);

    // The user names the currency once …
    let first = import(
        &mut app,
        &may,
        &ImportRequest {
            account: Some("wallet".into()),
            currency: Some(Currency::parse("CHF").unwrap()),
            ..Default::default()
        },
    );
    assert_eq!(first.detected.currency_source, CurrencySource::Profile);

    // … and the account's next file, which says nothing either, is read in it.
    let wallet = ImportRequest {
        account: Some("wallet".into()),
        ..Default::default()
    };
    let preview = app.preview_file(&june, &wallet).unwrap();
    assert_eq!(
        preview.parsed.detected.currency_source,
        CurrencySource::Account
    );
    assert!(preview.parsed.detected.confident);
    let second = import(&mut app, &june, &wallet);
    assert_eq!(second.detected.currency_source, CurrencySource::Account);
    assert_eq!(second.imported, 3);

    // Another account has no earlier imports: the default currency, not the wallet's.
    let third = import(
        &mut app,
        &june,
        &ImportRequest {
            account: Some("card".into()),
            ..Default::default()
        },
    );
    assert_eq!(third.detected.currency_source, CurrencySource::Default);

    let rows = all_rows(&app);
    let wallet_currencies: Vec<&str> = rows
        .iter()
        .filter(|r| r.account == "wallet")
        .map(|r| r.currency.as_str())
        .collect();
    assert_eq!(wallet_currencies, vec!["CHF"; 6]);
    assert!(rows
        .iter()
        .filter(|r| r.account == "card")
        .all(|r| r.currency == "USD"));
}

#[test]
fn the_requested_currency_wins_over_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let report = import(
        &mut app,
        &statements("de_dkb_giro_2025-01.csv"),
        &ImportRequest {
            currency: Some(Currency::parse("CHF").unwrap()),
            ..Default::default()
        },
    );
    assert_eq!(report.detected.currency_source, CurrencySource::Profile);
    assert!(all_rows(&app).iter().all(|r| r.currency == "CHF"));
}

/// A download of two accounts (an IBAN column holding both) puts each row in its own account,
/// and its preview names both, so the app has no account to ask for.
#[test]
fn a_file_of_two_accounts_fills_both() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("download.csv");
    std::fs::write(
        &file,
        "IBAN,Date,Amount,Description\n\
         NL00ASNB0000000001,2024-01-01,-1.00,Groceries\n\
         NL00ASNB0000000002,2024-01-02,50.00,From current account\n\
         NL00ASNB0000000001,2024-01-02,-50.00,To savings\n\
         NL00ASNB0000000002,2024-01-31,0.10,Interest\n",
    )
    .unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let req = ImportRequest::default();
    let preview = app.preview_file(&file, &req).unwrap();
    assert_eq!(
        preview.parsed.detected.account.as_deref(),
        Some("NL00ASNB0000000001 + NL00ASNB0000000002")
    );
    let reports = app
        .import_files(
            std::slice::from_ref(&file),
            &req,
            &|_: ImportProgress| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    let per_account: Vec<(String, u64)> = reports
        .iter()
        .map(|r| (r.account.clone(), r.imported))
        .collect();
    assert_eq!(
        per_account,
        [
            ("NL00ASNB0000000001".to_string(), 2),
            ("NL00ASNB0000000002".to_string(), 2)
        ]
    );
    let rows = all_rows(&app);
    let savings: i64 = rows
        .iter()
        .filter(|r| r.account == "NL00ASNB0000000002")
        .count() as i64;
    assert_eq!(savings, 2);
}

/// A ZIP of statements is previewed so that no member's rows land in an account behind the
/// user's back: a member that names no account is the one shown (and asked about); when every
/// member names its account, the preview names them all.
#[test]
fn a_zip_preview_asks_about_the_member_that_names_no_account() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let named = "IBAN;DE02 1203 0000 0000 2020 51\n\nBuchungstag;Buchungstext;Betrag\n\
                 01.02.2024;Miete;-500,00\n02.02.2024;Brot;-2,00\n";
    let unnamed = "Date,Description,Amount\n2024-02-01,SHOP,-1.00\n2024-02-03,CAFE,-2.00\n";
    let zip_of = |file: &str, members: &[(&str, &str)]| {
        let path = dir.path().join(file);
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        for (name, text) in members {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        path
    };
    let app = App::open(&dir.path().join("r.db")).unwrap();
    let req = ImportRequest::default();

    let mixed = zip_of("mixed.zip", &[("giro.csv", named), ("card.csv", unnamed)]);
    let preview = app.preview_file(&mixed, &req).unwrap();
    assert_eq!(preview.parsed.detected.account, None);
    assert_eq!(preview.parsed.rows[0].description, "SHOP");

    let both = zip_of(
        "both.zip",
        &[
            ("giro.csv", named),
            (
                "statements_2025-07.ofx",
                &std::fs::read_to_string(statements("us_checking_ofx102.ofx")).unwrap(),
            ),
        ],
    );
    let preview = app.preview_file(&both, &req).unwrap();
    let account = preview.parsed.detected.account.unwrap();
    assert!(
        account.starts_with("DE02120300000000202051 + "),
        "{account}"
    );

    // The answer goes to the member that names no account; the bank's statement keeps its own,
    // and the answer is remembered for the next file of the card export's layout.
    let mut app = app;
    // The answers the preview gathered: the card export's mapping with the currency the user
    // typed, and its account. The mapping is for the card export only.
    let mut mapping = app
        .preview_file(&mixed, &req)
        .unwrap()
        .parsed
        .detected
        .profile;
    mapping.currency = Some("GBP".into());
    let answer = ImportRequest {
        account_if_unnamed: Some("Card".into()),
        profile_override: Some(mapping),
        ..Default::default()
    };
    let reports = app
        .import_files(
            &[mixed],
            &answer,
            &|_: ImportProgress| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    let mut accounts: Vec<&str> = reports.iter().map(|r| r.account.as_str()).collect();
    accounts.sort();
    assert_eq!(accounts, ["Card", "DE02120300000000202051"]);
    let mut currencies: Vec<(String, String)> = all_rows(&app)
        .into_iter()
        .map(|t| (t.account, t.currency))
        .collect();
    currencies.sort();
    currencies.dedup();
    assert_eq!(
        currencies,
        [
            ("Card".to_string(), "GBP".to_string()),
            ("DE02120300000000202051".to_string(), "EUR".to_string())
        ]
    );
    let again = dir.path().join("card_march.csv");
    std::fs::write(&again, "Date,Description,Amount\n2024-03-01,SHOP,-4.00\n").unwrap();
    let preview = app.preview_file(&again, &req).unwrap();
    assert_eq!(preview.parsed.detected.account.as_deref(), Some("Card"));
}
