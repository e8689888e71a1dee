//! The transactions view on a real SQLite file: search, filters, sorting, totals and pages,
//! and that it follows every change to the table, including one made by another connection.

use chrono::NaiveDate;
use recourse_core::model::{ParsedRow, RowStatus};
use recourse_core::money::Currency;
use recourse_store::flags::NewFlag;
use recourse_store::query::{SortKey, TxQuery};
use recourse_store::Db;

mod common;

fn row(line: u64, day: u32, desc: &str, amount: i64, currency: Currency) -> ParsedRow {
    ParsedRow {
        line,
        date: NaiveDate::from_ymd_opt(2024, 5, day).unwrap(),
        time: None,
        posted_date: None,
        description: desc.into(),
        amount,
        currency,
        reference: None,
        card_last4: None,
        status: RowStatus::Booked,
    }
}

fn import(db: &mut Db, account: &str, file: &str, rows: &[ParsedRow]) -> i64 {
    common::import_rows(db, account, file, rows).0.batch_id
}

fn descriptions(db: &Db, q: &TxQuery, offset: u64, limit: u64) -> Vec<String> {
    db.transactions_page(q, offset, limit)
        .unwrap()
        .into_iter()
        .map(|r| r.description)
        .collect()
}

fn sample(db: &mut Db) -> i64 {
    import(
        db,
        "card",
        "may.csv",
        &[
            row(2, 3, "STARBUCKS STORE 0042 SEATTLE", -450, Currency::USD),
            row(3, 1, "AMZN Mktp US*2K4AB12", -2599, Currency::USD),
            row(4, 9, "美团外卖 订单 1234", -3800, Currency::CNY),
            row(5, 9, "Starbucks Reserve", -725, Currency::USD),
            row(6, 20, "AMZN Mktp US*RF55Q01", 2599, Currency::USD),
        ],
    )
}

#[test]
fn search_is_case_insensitive_in_any_script_and_also_matches_the_merchant_name() {
    let mut db = Db::open_in_memory().unwrap();
    sample(&mut db);
    let q = |s: &str| TxQuery {
        search: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(
        descriptions(&db, &q("starbucks"), 0, 10),
        ["Starbucks Reserve", "STARBUCKS STORE 0042 SEATTLE"]
    );
    assert_eq!(
        descriptions(&db, &q("2k4ab"), 0, 10),
        ["AMZN Mktp US*2K4AB12"]
    );
    assert_eq!(descriptions(&db, &q("美团"), 0, 10), ["美团外卖 订单 1234"]);
    assert_eq!(
        descriptions(&db, &q("外卖 订"), 0, 10),
        ["美团外卖 订单 1234"]
    );
    // "Amazon" is not in any description: it is the normalised merchant of the AMZN rows.
    assert_eq!(descriptions(&db, &q("amazon"), 0, 10).len(), 2);
    assert!(descriptions(&db, &q("zzz"), 0, 10).is_empty());
    // A query cannot match across two rows' text.
    assert!(descriptions(&db, &q("seattlestarbucks"), 0, 10).is_empty());
}

#[test]
fn sorting_filters_totals_and_pages() {
    let mut db = Db::open_in_memory().unwrap();
    sample(&mut db);
    let by = |sort, ascending| TxQuery {
        sort,
        ascending,
        ..Default::default()
    };
    // Newest first by default; the same day in import order, reversed.
    assert_eq!(
        descriptions(&db, &by(SortKey::Date, false), 0, 10),
        [
            "AMZN Mktp US*RF55Q01",
            "Starbucks Reserve",
            "美团外卖 订单 1234",
            "STARBUCKS STORE 0042 SEATTLE",
            "AMZN Mktp US*2K4AB12"
        ]
    );
    assert_eq!(
        descriptions(&db, &by(SortKey::Amount, true), 0, 2),
        ["美团外卖 订单 1234", "AMZN Mktp US*2K4AB12"]
    );
    // Pages are slices of the same order.
    assert_eq!(
        descriptions(&db, &by(SortKey::Amount, true), 2, 2),
        ["Starbucks Reserve", "STARBUCKS STORE 0042 SEATTLE"]
    );
    assert!(descriptions(&db, &by(SortKey::Amount, true), 99, 2).is_empty());
    let merchants: Vec<String> = db
        .transactions_page(&by(SortKey::Merchant, true), 0, 10)
        .unwrap()
        .into_iter()
        .map(|r| r.merchant)
        .collect();
    let mut sorted = merchants.clone();
    sorted.sort();
    assert_eq!(merchants, sorted);

    let q = TxQuery {
        from: Some("2024-05-02".into()),
        to: Some("2024-05-09".into()),
        max_amount_minor: Some(-500),
        ..Default::default()
    };
    assert_eq!(
        descriptions(&db, &q, 0, 10),
        ["Starbucks Reserve", "美团外卖 订单 1234"]
    );
    let totals = db.transactions_totals(&q).unwrap();
    let usd = totals.iter().find(|t| t.currency == "USD").unwrap();
    let cny = totals.iter().find(|t| t.currency == "CNY").unwrap();
    assert_eq!(
        (usd.count, usd.sum_minor, cny.count, cny.sum_minor),
        (1, Some(-725), 1, Some(-3800))
    );

    let all = db.transactions_totals(&TxQuery::default()).unwrap();
    assert_eq!(all[0].currency, "USD", "most rows first");
    assert_eq!(
        (all[0].count, all[0].sum_minor),
        (4, Some(-450 - 2599 - 725 + 2599))
    );

    let none = TxQuery {
        account: Some("no such account".into()),
        ..Default::default()
    };
    assert!(db.transactions_totals(&none).unwrap().is_empty());
    let merchant = TxQuery {
        merchant: Some(
            db.transactions_page(&TxQuery::default(), 0, 1).unwrap()[0]
                .merchant
                .clone(),
        ),
        ..Default::default()
    };
    assert_eq!(
        descriptions(&db, &merchant, 0, 10).len(),
        2,
        "both AMZN rows share the merchant"
    );
}

#[test]
fn accounts_and_open_flags_filter() {
    let mut db = Db::open_in_memory().unwrap();
    sample(&mut db);
    import(
        &mut db,
        "wallet",
        "alipay.csv",
        &[row(9, 4, "滴滴出行", -1500, Currency::CNY)],
    );
    let wallet = TxQuery {
        account: Some("wallet".into()),
        ..Default::default()
    };
    assert_eq!(descriptions(&db, &wallet, 0, 10), ["滴滴出行"]);

    let flagged = TxQuery {
        flagged_only: true,
        ..Default::default()
    };
    assert!(descriptions(&db, &flagged, 0, 10).is_empty());
    let target = db.transactions_page(&wallet, 0, 1).unwrap()[0].id;
    db.add_flags(&[NewFlag {
        transaction_id: target,
        kind: "unexpected".into(),
        reason: "new_merchant_large".into(),
        severity: "medium".into(),
        related_transaction_ids: vec![],
        explanation_en: "x".into(),
        explanation_zh: "x".into(),
    }])
    .unwrap();
    assert_eq!(
        descriptions(&db, &flagged, 0, 10),
        ["滴滴出行"],
        "a new flag shows at once"
    );
    let flag_id = db.flags("low", Some("open")).unwrap()[0].id;
    db.dismiss_flag(flag_id).unwrap();
    assert!(
        descriptions(&db, &flagged, 0, 10).is_empty(),
        "a dismissed flag leaves the filter at once"
    );
}

#[test]
fn the_view_follows_imports_and_undo_in_this_and_another_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut db = Db::open(&path).unwrap();
    let first = sample(&mut db);
    let coffee = TxQuery {
        search: Some("coffee".into()),
        ..Default::default()
    };
    assert!(descriptions(&db, &coffee, 0, 10).is_empty());

    let second = import(
        &mut db,
        "card",
        "june.csv",
        &[row(2, 30, "BLUE BOTTLE COFFEE", -600, Currency::USD)],
    );
    assert_eq!(descriptions(&db, &coffee, 0, 10), ["BLUE BOTTLE COFFEE"]);
    db.undo_batch(second).unwrap();
    assert!(descriptions(&db, &coffee, 0, 10).is_empty());

    // Another process (the CLI while the app is open) imports and undoes.
    let mut other = Db::open(&path).unwrap();
    import(
        &mut other,
        "card",
        "june.csv",
        &[row(2, 30, "BLUE BOTTLE COFFEE", -600, Currency::USD)],
    );
    assert_eq!(descriptions(&db, &coffee, 0, 10), ["BLUE BOTTLE COFFEE"]);
    other.undo_batch(first).unwrap();
    let all = db.transactions_totals(&TxQuery::default()).unwrap();
    assert_eq!(all.iter().map(|t| t.count).sum::<i64>(), 1);
}

#[test]
fn a_preloaded_view_serves_the_first_query_and_a_stale_one_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut db = Db::open(&path).unwrap();
    sample(&mut db);
    let count = |db: &Db, q: &TxQuery| -> i64 {
        db.transactions_totals(q)
            .unwrap()
            .iter()
            .map(|t| t.count)
            .sum()
    };
    let expected = count(&db, &TxQuery::default());

    // Opened again (the app starting): the preload answers the first query.
    let reopened = Db::open(&path).unwrap();
    reopened.preload_view();
    assert_eq!(count(&reopened, &TxQuery::default()), expected);
    let coffee = TxQuery {
        search: Some("coffee".into()),
        ..Default::default()
    };
    assert!(descriptions(&reopened, &coffee, 0, 10).is_empty());
    drop(reopened);

    // Rows added after the preload began (an import right at start): the stale view is not used.
    let mut reopened = Db::open(&path).unwrap();
    reopened.preload_view();
    import(
        &mut reopened,
        "card",
        "june.csv",
        &[row(2, 30, "BLUE BOTTLE COFFEE", -600, Currency::USD)],
    );
    assert_eq!(count(&reopened, &TxQuery::default()), expected + 1);
    assert_eq!(
        descriptions(&reopened, &coffee, 0, 10),
        ["BLUE BOTTLE COFFEE"]
    );

    // A database without the file (in memory) has nothing to preload.
    let memory = Db::open_in_memory().unwrap();
    memory.preload_view();
    assert_eq!(count(&memory, &TxQuery::default()), 0);
}

/// Everything the screen can show for a few queries, in order, with totals.
fn everything(db: &Db) -> Vec<String> {
    let mut out = Vec::new();
    for sort in [SortKey::Date, SortKey::Amount, SortKey::Merchant] {
        for ascending in [false, true] {
            for search in [None, Some("coffee".to_string())] {
                let q = TxQuery {
                    sort,
                    ascending,
                    search,
                    ..Default::default()
                };
                out.push(format!("{q:?}"));
                out.extend(descriptions(db, &q, 0, 1000));
                out.extend(
                    db.transactions_totals(&q)
                        .unwrap()
                        .iter()
                        .map(|t| format!("{} {} {:?}", t.currency, t.count, t.sum_minor)),
                );
            }
        }
    }
    out
}

#[test]
fn new_imports_are_appended_to_the_view_and_an_undo_that_frees_ids_rereads_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut db = Db::open(&path).unwrap();
    sample(&mut db);
    let before = everything(&db); // builds the view

    // Rows dated before, between and after the stored ones, and a new merchant: appended.
    let june = import(
        &mut db,
        "card",
        "june.csv",
        &[
            row(2, 1, "BLUE BOTTLE COFFEE", -600, Currency::USD),
            row(3, 30, "PHILZ COFFEE", -450, Currency::USD),
            row(4, 15, "NEW PLACE", -2000, Currency::EUR),
        ],
    );
    let appended = everything(&db);
    assert_ne!(appended, before);
    assert_eq!(
        appended,
        everything(&Db::open(&path).unwrap()),
        "appending differs from reading afresh"
    );

    // Undo the last import and import as many other rows: SQLite gives them the freed ids.
    db.undo_batch(june).unwrap();
    import(
        &mut db,
        "card",
        "july.csv",
        &[
            row(2, 2, "RITUAL COFFEE", -500, Currency::USD),
            row(3, 3, "SIGHTGLASS COFFEE", -550, Currency::USD),
            row(4, 4, "OTHER PLACE", -1000, Currency::USD),
        ],
    );
    let after = everything(&db);
    assert!(after.iter().any(|d| d == "SIGHTGLASS COFFEE"));
    assert!(!after.iter().any(|d| d == "BLUE BOTTLE COFFEE"));
    assert_eq!(after, everything(&Db::open(&path).unwrap()));
}
