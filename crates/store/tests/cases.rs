//! Dispute cases on a real SQLite file: migration from schema 2, steps, evidence, timeline,
//! refund candidates, and undo of an import refused while a case holds its rows.

use chrono::NaiveDate;
use recourse_core::model::{ParsedRow, RowStatus};
use recourse_core::money::Currency;
use recourse_store::cases::NewCase;
use recourse_store::query::TxQuery;
use recourse_store::{Db, MIGRATIONS, SCHEMA_VERSION};
use rusqlite::Connection;

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
        card_last4: Some("4242".into()),
        status: RowStatus::Booked,
    }
}

/// Imports rows as one batch; returns (batch id, new transaction ids).
fn import(db: &mut Db, file: &str, rows: &[ParsedRow]) -> (i64, Vec<i64>) {
    let (s, ids) = common::import_rows(db, "chase", file, rows);
    (s.batch_id, ids)
}

fn new_case() -> NewCase {
    NewCase {
        reason: "double_charge".into(),
        jurisdiction: "us".into(),
        instrument: "credit_card".into(),
        opened_at: "2024-04-20T10:00:00".into(),
        account_last4: Some("4242".into()),
        merchant_name: Some("Philz Coffee".into()),
        merchant_address: vec!["1 Main St".into(), " ".into(), "San Francisco".into()],
        ..Default::default()
    }
}

#[test]
fn a_schema_2_database_migrates_to_the_latest_and_keeps_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(MIGRATIONS[1]).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts(id, name, created_at) VALUES (1, 'chase', '2024-01-01');
             INSERT INTO batches(id, account_id, file_name, sha256, imported_at, rows_read, imported,
                                 already_present, skipped, detected_json)
                 VALUES (1, 1, 'a.csv', 'x', '2024-01-01', 1, 1, 0, 0, '{}');
             INSERT INTO transactions(id, account_id, batch_id, date, description, merchant, merchant_key,
                                      amount, currency, status, source_line, fingerprint, occurrence)
                 VALUES (7, 1, 1, '2024-04-12', 'PHILZ', 'Philz', 'philz', -438, 'USD', 'booked', 2, 99, 1);
             INSERT INTO flags(transaction_id, kind, reason, severity, related_json, explanation_en, explanation_zh)
                 VALUES (7, 'duplicate', 'double_charge', 'high', '[]', 'twice', '两次');
             INSERT INTO settings(key, value) VALUES ('profile', '{\"name\":\"Ann\"}');",
        )
        .unwrap();
    }
    let mut db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(
        dir.path().join("r.db.before-v3.bak").exists(),
        "no backup before migrating to 3"
    );
    assert_eq!(db.transaction(7).unwrap().description, "PHILZ");
    // Rows indexed for search before migration 4 are still found.
    let q = recourse_store::query::TxQuery {
        search: Some("philz".into()),
        ..Default::default()
    };
    assert_eq!(db.transactions_page(&q, 0, 10).unwrap().len(), 1);
    assert_eq!(db.flags("low", None).unwrap().len(), 1);
    assert_eq!(
        db.setting("profile").unwrap().as_deref(),
        Some("{\"name\":\"Ann\"}")
    );
    // The new tables work on the migrated file.
    let id = db.create_case(&new_case(), &[7]).unwrap();
    assert_eq!(db.case_transaction_ids(id).unwrap(), vec![7]);
}

#[test]
fn a_case_keeps_its_transactions_steps_evidence_and_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db")).unwrap();
    let (_, ids) = import(
        &mut db,
        "a.csv",
        &[
            row(2, 12, "PHILZ COFFEE", -438),
            row(3, 12, "PHILZ COFFEE", -438),
        ],
    );
    let id = db
        .create_case(&new_case(), &[ids[1], ids[0], ids[0]])
        .unwrap();

    let c = db.case_row(id).unwrap();
    assert_eq!(
        (c.status.as_str(), c.notes.as_str(), c.outcome),
        ("open", "", None)
    );
    assert_eq!(
        c.merchant_address,
        vec!["1 Main St", "San Francisco"],
        "blank address lines dropped"
    );
    assert_eq!(
        db.case_transaction_ids(id).unwrap(),
        ids,
        "oldest first, no duplicates"
    );
    assert_eq!(
        db.transaction_card_last4(ids[0]).unwrap().as_deref(),
        Some("4242")
    );

    db.record_step_sent(id, "merchant", "2024-04-21", Some("2024-05-05"))
        .unwrap();
    db.save_letter_text(id, "merchant", Some("My edited body"))
        .unwrap();
    db.record_step_answer(id, "merchant", "2024-04-25", "refused")
        .unwrap();
    let steps = db.case_steps(id).unwrap();
    assert_eq!(steps.len(), 1);
    let s = &steps[0];
    assert_eq!(s.sent_date.as_deref(), Some("2024-04-21"));
    assert_eq!(s.answer_due.as_deref(), Some("2024-05-05"));
    assert_eq!(s.answered_date.as_deref(), Some("2024-04-25"));
    assert_eq!(s.outcome.as_deref(), Some("refused"));
    assert_eq!(
        s.letter_text.as_deref(),
        Some("My edited body"),
        "saving text keeps the dates and vice versa"
    );

    db.add_evidence(
        id,
        "receipt.pdf",
        "/data/evidence/1/receipt.pdf",
        "abc",
        "2024-04-22T09:00:00",
        Some("Till receipt of 12 April"),
    )
    .unwrap();
    let e = &db.evidence(id).unwrap()[0];
    assert_eq!(e.sha256, "abc");
    // Migration 9: a description in the user's words, changed or cleared later, only through
    // the case the evidence belongs to.
    assert_eq!(e.description.as_deref(), Some("Till receipt of 12 April"));
    db.set_evidence_description(id, e.id, None).unwrap();
    assert_eq!(db.evidence(id).unwrap()[0].description, None);
    assert!(db
        .set_evidence_description(id + 1, e.id, Some("x"))
        .is_err());
    assert_eq!(db.evidence(id).unwrap()[0].description, None);
    db.set_case_notes(id, "Charged twice at the till", "2024-04-23")
        .unwrap();
    db.close_case(id, "closed", "gave up", "2024-04-30")
        .unwrap();
    let c = db.case_row(id).unwrap();
    assert_eq!(
        (c.status.as_str(), c.notes.as_str(), c.outcome.as_deref()),
        ("closed", "Charged twice at the till", Some("gave up"))
    );
    let kinds: Vec<String> = db
        .case_events(id)
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.date, e.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            "2024-04-20 opened",
            "2024-04-21 sent",
            "2024-04-22 evidence",
            "2024-04-23 notes",
            "2024-04-25 answered",
            "2024-04-30 closed"
        ]
    );
    assert_eq!(db.case_rows().unwrap().len(), 1);
}

#[test]
fn opening_a_case_on_a_missing_transaction_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db")).unwrap();
    let (_, ids) = import(&mut db, "a.csv", &[row(2, 12, "PHILZ COFFEE", -438)]);
    assert!(db.create_case(&new_case(), &[ids[0], 999]).is_err());
    assert!(db.create_case(&new_case(), &[]).is_err());
    assert!(db.case_rows().unwrap().is_empty());
    assert!(db.case_row(1).is_err());
}

#[test]
fn undoing_an_import_that_holds_a_case_transaction_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db")).unwrap();
    let (batch, ids) = import(
        &mut db,
        "a.csv",
        &[row(2, 12, "PHILZ COFFEE", -438), row(3, 13, "RENT", -100)],
    );
    let (other, _) = import(&mut db, "b.csv", &[row(2, 20, "BART", -265)]);
    let id = db.create_case(&new_case(), &[ids[0]]).unwrap();
    assert_eq!(db.cases_holding_batch(batch).unwrap(), vec![id]);
    assert!(db.cases_holding_batch(other).unwrap().is_empty());

    let err = db.undo_batch(batch).unwrap_err().to_string();
    assert!(err.contains("dispute case"), "{err}");
    let count: i64 = db
        .transactions_totals(&TxQuery::default())
        .unwrap()
        .iter()
        .map(|t| t.count)
        .sum();
    assert_eq!(count, 3, "nothing removed");
    assert_eq!(db.batches().unwrap().len(), 2);
    // Other imports still undo, and once the case is gone so does this one.
    assert_eq!(db.undo_batch(other).unwrap(), 1);
    db.delete_case(id).unwrap();
    assert_eq!(db.undo_batch(batch).unwrap(), 2);
}

#[test]
fn credits_at_the_same_merchant_after_the_charge_are_refund_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db")).unwrap();
    let (_, ids) = import(
        &mut db,
        "a.csv",
        &[
            row(2, 12, "PHILZ COFFEE", -438),
            row(3, 12, "PHILZ COFFEE", -438),
            row(4, 10, "PHILZ COFFEE", 438),
        ],
    );
    let id = db.create_case(&new_case(), &ids[..2]).unwrap();
    assert!(
        db.credits_after_case_charges(id).unwrap().is_empty(),
        "a credit before the charge is not its refund"
    );
    let (_, later) = import(
        &mut db,
        "b.csv",
        &[row(2, 18, "PHILZ COFFEE #12", 438), row(3, 18, "BART", 438)],
    );
    let credits = db.credits_after_case_charges(id).unwrap();
    assert_eq!(credits.len(), 1);
    assert_eq!(
        (credits[0].transaction_id, credits[0].amount_minor),
        (later[0], 438)
    );
}

/// Migration 9: a case keeps a US bank transfer's kind, and none when it is not known.
#[test]
fn a_case_keeps_its_transfer_kind() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db")).unwrap();
    let (_, ids) = import(&mut db, "a.csv", &[row(2, 12, "WIRE OUT 0042", -250_000)]);
    let mut case = new_case();
    case.instrument = "bank_transfer".into();
    case.details.transfer_kind = Some("wire".into());
    let wire = db.create_case(&case, &ids).unwrap();
    assert_eq!(
        db.case_row(wire).unwrap().details.transfer_kind.as_deref(),
        Some("wire")
    );
    let unknown = db.create_case(&new_case(), &ids).unwrap();
    assert_eq!(db.case_row(unknown).unwrap().details.transfer_kind, None);
}
