//! Import batches on a real SQLite file: twins kept, overlap ignored, undo, rollback.

use chrono::NaiveDate;
use recourse_core::merchant::NameCache;
use recourse_core::model::{ParsedRow, PreparedRow, RowStatus};
use recourse_core::money::Currency;
use recourse_store::batches::BatchSource;
use recourse_store::query::TxQuery;
use recourse_store::Db;

mod common;

fn row(line: u64, day: u32, desc: &str, amount: i64) -> ParsedRow {
    ParsedRow {
        line,
        date: NaiveDate::from_ymd_opt(2024, 4, day).unwrap(),
        time: None,
        posted_date: None,
        description: desc.into(),
        amount,
        currency: Currency::USD,
        reference: None,
        card_last4: None,
        status: RowStatus::Booked,
    }
}

fn import(db: &mut Db, file: &str, rows: &[ParsedRow]) -> (u64, u64) {
    let (s, _) = common::import_rows(db, "chase", file, rows);
    (s.imported, s.already_present)
}

fn count(db: &Db) -> i64 {
    db.transactions_totals(&TxQuery::default())
        .unwrap()
        .iter()
        .map(|t| t.count)
        .sum()
}

#[test]
fn identical_rows_in_one_file_are_all_kept_and_reimport_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db")).unwrap();
    let file = [
        row(2, 12, "PHILZ COFFEE", -438),
        row(3, 12, "PHILZ COFFEE", -438),
        row(4, 13, "RENT", -120000),
    ];
    assert_eq!(import(&mut db, "a.csv", &file), (3, 0));
    assert_eq!(import(&mut db, "a.csv", &file), (0, 3));
    assert_eq!(count(&db), 3);
}

#[test]
fn an_overlapping_file_adds_only_the_rows_not_already_stored() {
    let mut db = Db::open_in_memory().unwrap();
    import(
        &mut db,
        "march.csv",
        &[
            row(2, 1, "A", -100),
            row(3, 2, "B", -200),
            row(4, 2, "B", -200),
        ],
    );
    // The next statement repeats one of the twin B rows and the A row, and adds C.
    let (new, old) = import(
        &mut db,
        "april.csv",
        &[
            row(2, 1, "A", -100),
            row(3, 2, "B", -200),
            row(4, 3, "C", -300),
        ],
    );
    assert_eq!((new, old), (1, 2));
    assert_eq!(count(&db), 4);
    // A third copy of B in a later file is a genuinely new row.
    let (new, _) = import(
        &mut db,
        "may.csv",
        &[
            row(2, 2, "B", -200),
            row(3, 2, "B", -200),
            row(4, 2, "B", -200),
        ],
    );
    assert_eq!(new, 1);
}

#[test]
fn undo_removes_exactly_the_batch_and_allows_reimport() {
    let mut db = Db::open_in_memory().unwrap();
    import(&mut db, "a.csv", &[row(2, 1, "A", -100)]);
    import(
        &mut db,
        "b.csv",
        &[row(2, 1, "A", -100), row(3, 5, "Z", -900)],
    );
    let batches = db.batches().unwrap();
    let b = batches.iter().find(|b| b.file_name == "b.csv").unwrap();
    assert_eq!(db.undo_batch(b.id).unwrap(), 1);
    assert_eq!(count(&db), 1);
    assert_eq!(
        import(
            &mut db,
            "b.csv",
            &[row(2, 1, "A", -100), row(3, 5, "Z", -900)]
        ),
        (1, 1)
    );
}

#[test]
fn a_batch_dropped_before_finish_leaves_the_database_as_it_was() {
    let mut db = Db::open_in_memory().unwrap();
    import(&mut db, "a.csv", &[row(2, 1, "A", -100)]);
    {
        let src = BatchSource {
            account: "chase",
            file_name: "bad.csv",
            sha256: "y",
            now: "t",
        };
        let (mut w, mut d) = db.begin_batch(&src).unwrap();
        w.add(
            &mut d,
            &PreparedRow::new(row(2, 9, "Q", -5), &mut NameCache::new()),
        )
        .unwrap();
        // An error on a later line: the writer is dropped without finish.
    }
    assert_eq!(count(&db), 1);
    assert_eq!(db.batches().unwrap().len(), 1);
}

#[test]
fn provenance_and_search_work() {
    let mut db = Db::open_in_memory().unwrap();
    import(
        &mut db,
        "chase.csv",
        &[
            row(74, 12, "TST* PHILZ COFFEE", -438),
            row(75, 12, "美团外卖 订单", -2200),
        ],
    );
    let q = TxQuery {
        search: Some("philz".into()),
        ..Default::default()
    };
    let rows = db.transactions_page(&q, 0, 10).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].source_file.as_str(), rows[0].source_line),
        ("chase.csv", 74)
    );
    let q = TxQuery {
        search: Some("美团".into()),
        ..Default::default()
    };
    assert_eq!(db.transactions_page(&q, 0, 10).unwrap().len(), 1);
    let q = TxQuery {
        search: Some("外卖 订".into()),
        ..Default::default()
    };
    assert_eq!(db.transactions_page(&q, 0, 10).unwrap().len(), 1);
}

#[test]
fn many_rows_in_multi_row_inserts_get_their_own_ids_in_order() {
    let mut db = Db::open_in_memory().unwrap();
    let src = BatchSource {
        account: "chase",
        file_name: "big.csv",
        sha256: "x",
        now: "2026-01-01T00:00:00",
    };
    let (mut w, mut d) = db.begin_batch(&src).unwrap();
    let mut names = NameCache::new();
    // 150 rows: two full groups of 64 and a remainder, plus a twin that must be kept.
    let mut rows: Vec<(PreparedRow, i64)> = Vec::new();
    for n in 0..150u64 {
        let desc = if n == 149 {
            "ROW 148".to_string()
        } else {
            format!("ROW {n}")
        };
        let p = PreparedRow::new(
            row(n + 2, 1 + (n % 28) as u32, &desc, -(n as i64) - 1),
            &mut names,
        );
        let p = if n == 149 {
            PreparedRow::new(rows[148].0.row.clone(), &mut names)
        } else {
            p
        };
        let occ = d.occurrence_if_new(p.fingerprint).expect("new");
        rows.push((p, occ));
    }
    let ids = w.insert_many(&rows).unwrap();
    assert_eq!(ids.clone().count(), 150);
    w.finish(150, 0, "{}").unwrap();
    assert_eq!(rows[149].1, 2, "the twin is the second occurrence");
    for ((p, _), id) in rows.iter().zip(ids) {
        let stored = db.transaction(id).unwrap();
        assert_eq!(
            (stored.source_line, stored.amount_minor),
            (p.row.line as i64, p.row.amount)
        );
    }
}
