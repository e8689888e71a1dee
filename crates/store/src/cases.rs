//! Dispute cases: the disputed transactions, the steps up the ladder (sent, answer due,
//! answered, outcome, the user's edited letter), evidence files and the case's timeline.
//!
//! Values are stored as the app hands them over (reason, jurisdiction, step as their wire
//! strings; dates as `YYYY-MM-DD`); the app checks them. A transaction in a case cannot be
//! deleted (a trigger refuses it), so undoing its import is refused until the case is deleted.

use crate::db::Db;
use crate::error::{Result, StoreError};
use rusqlite::{params, OptionalExtension, Row};

/// A case to open.
#[derive(Clone, Debug, Default)]
pub struct NewCase {
    pub reason: String,
    pub jurisdiction: String,
    pub instrument: String,
    pub opened_at: String,
    pub statement_date: Option<String>,
    pub account_last4: Option<String>,
    pub merchant_name: Option<String>,
    pub merchant_address: Vec<String>,
    pub details: CaseDetailsRow,
}

/// Optional facts of a case (migrations 8 and 9); dates as `YYYY-MM-DD`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseDetailsRow {
    pub delivered_on: Option<String>,
    pub reported_on: Option<String>,
    pub police_report: Option<String>,
    pub bank_name: Option<String>,
    pub region: Option<String>,
    pub complaint_body: Option<String>,
    /// A US bank transfer's kind, "ach" or "wire" (migration 9); `None` when not known.
    pub transfer_kind: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRow {
    pub id: i64,
    pub reason: String,
    pub jurisdiction: String,
    pub instrument: String,
    /// "open", "refunded" or "closed".
    pub status: String,
    pub opened_at: String,
    pub statement_date: Option<String>,
    pub account_last4: Option<String>,
    pub merchant_name: Option<String>,
    pub merchant_address: Vec<String>,
    pub notes: String,
    pub outcome: Option<String>,
    pub details: CaseDetailsRow,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepRow {
    pub step: String,
    pub sent_date: Option<String>,
    pub answer_due: Option<String>,
    pub answered_date: Option<String>,
    pub outcome: Option<String>,
    pub letter_text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceRow {
    pub id: i64,
    pub file_name: String,
    pub stored_path: String,
    pub sha256: String,
    pub added_at: String,
    /// What it is, in the user's words (migration 9); `None` when not described.
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    pub date: String,
    pub kind: String,
    pub step: Option<String>,
    pub text: String,
}

/// A credit (money in) that may be the refund of a case's charge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditRow {
    pub transaction_id: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub date: String,
}

const CASE_COLUMNS: &str =
    "id, reason, jurisdiction, instrument, status, opened_at, statement_date,
    account_last4, merchant_name, merchant_address, notes, outcome,
    delivered_on, reported_on, police_report, bank_name, region, complaint_body, transfer_kind";

fn read_case(r: &Row) -> rusqlite::Result<CaseRow> {
    let address: Option<String> = r.get(9)?;
    Ok(CaseRow {
        id: r.get(0)?,
        reason: r.get(1)?,
        jurisdiction: r.get(2)?,
        instrument: r.get(3)?,
        status: r.get(4)?,
        opened_at: r.get(5)?,
        statement_date: r.get(6)?,
        account_last4: r.get(7)?,
        merchant_name: r.get(8)?,
        merchant_address: split_lines(address.as_deref()),
        notes: r.get(10)?,
        outcome: r.get(11)?,
        details: CaseDetailsRow {
            delivered_on: r.get(12)?,
            reported_on: r.get(13)?,
            police_report: r.get(14)?,
            bank_name: r.get(15)?,
            region: r.get(16)?,
            complaint_body: r.get(17)?,
            transfer_kind: r.get(18)?,
        },
    })
}

fn split_lines(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn join_lines(lines: &[String]) -> Option<String> {
    let kept: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join("\n"))
}

impl Db {
    /// Opens a case on `transaction_ids` (at least one, each existing) in one transaction and
    /// records the "opened" event. Returns the case id.
    pub fn create_case(&mut self, case: &NewCase, transaction_ids: &[i64]) -> Result<i64> {
        if transaction_ids.is_empty() {
            return Err(StoreError::NotFound(
                "a transaction to dispute (none given)".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO cases(reason, jurisdiction, instrument, opened_at, statement_date,
                               account_last4, merchant_name, merchant_address,
                               delivered_on, reported_on, police_report, bank_name, region,
                               complaint_body, transfer_kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                case.reason,
                case.jurisdiction,
                case.instrument,
                case.opened_at,
                case.statement_date,
                case.account_last4,
                case.merchant_name,
                join_lines(&case.merchant_address),
                case.details.delivered_on,
                case.details.reported_on,
                case.details.police_report,
                case.details.bank_name,
                case.details.region,
                case.details.complaint_body,
                case.details.transfer_kind,
            ],
        )?;
        let case_id = tx.last_insert_rowid();
        for &id in transaction_ids {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM transactions WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            if exists.is_none() {
                // Dropping `tx` rolls the half-made case back.
                return Err(StoreError::NotFound(format!("transaction {id}")));
            }
            tx.execute(
                "INSERT OR IGNORE INTO case_transactions(case_id, transaction_id) VALUES (?1, ?2)",
                params![case_id, id],
            )?;
        }
        let date = case.opened_at.get(..10).unwrap_or(&case.opened_at);
        tx.execute(
            "INSERT INTO case_events(case_id, date, kind) VALUES (?1, ?2, 'opened')",
            params![case_id, date],
        )?;
        tx.commit()?;
        Ok(case_id)
    }

    pub fn case_row(&self, case_id: i64) -> Result<CaseRow> {
        self.conn
            .query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"),
                [case_id],
                read_case,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("case {case_id}")))
    }

    /// Every case, newest first.
    pub fn case_rows(&self) -> Result<Vec<CaseRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CASE_COLUMNS} FROM cases ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map([], read_case)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes a case with its steps, evidence records and timeline (not the transactions).
    pub fn delete_case(&mut self, case_id: i64) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM cases WHERE id = ?1", [case_id])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("case {case_id}")));
        }
        Ok(())
    }

    /// The ids of a case's transactions, oldest first.
    pub fn case_transaction_ids(&self, case_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id FROM case_transactions ct JOIN transactions t ON t.id = ct.transaction_id
             WHERE ct.case_id = ?1 ORDER BY t.date, t.id",
        )?;
        let rows = stmt.query_map([case_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The card's last digits as the statement gave them, for a transaction.
    pub fn transaction_card_last4(&self, transaction_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT card_last4 FROM transactions WHERE id = ?1",
                [transaction_id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// The cases holding any transaction of an import batch (an undo of it is refused).
    pub fn cases_holding_batch(&self, batch_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT ct.case_id FROM case_transactions ct
             JOIN transactions t ON t.id = ct.transaction_id
             WHERE t.batch_id = ?1 ORDER BY ct.case_id",
        )?;
        let rows = stmt.query_map([batch_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Credits on the same account, at the same merchant (normalised key) and in the same
    /// currency as one of the case's charges, dated on or after it, that are not in the case.
    pub fn credits_after_case_charges(&self, case_id: i64) -> Result<Vec<CreditRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.amount, t.currency, t.date FROM transactions t
             WHERE t.amount > 0
               AND t.id NOT IN (SELECT transaction_id FROM case_transactions WHERE case_id = ?1)
               AND EXISTS (SELECT 1 FROM case_transactions ct JOIN transactions d ON d.id = ct.transaction_id
                           WHERE ct.case_id = ?1 AND d.account_id = t.account_id
                             AND d.merchant_key = t.merchant_key AND d.currency = t.currency
                             AND t.date >= d.date)
             ORDER BY t.date, t.id",
        )?;
        let rows = stmt.query_map([case_id], |r| {
            Ok(CreditRow {
                transaction_id: r.get(0)?,
                amount_minor: r.get(1)?,
                currency: r.get(2)?,
                date: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn case_steps(&self, case_id: i64) -> Result<Vec<StepRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT step, sent_date, answer_due, answered_date, outcome, letter_text
             FROM case_steps WHERE case_id = ?1",
        )?;
        let rows = stmt.query_map([case_id], |r| {
            Ok(StepRow {
                step: r.get(0)?,
                sent_date: r.get(1)?,
                answer_due: r.get(2)?,
                answered_date: r.get(3)?,
                outcome: r.get(4)?,
                letter_text: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that a step's letter was sent on `sent`, with the answer's due date.
    pub fn record_step_sent(
        &mut self,
        case_id: i64,
        step: &str,
        sent: &str,
        answer_due: Option<&str>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO case_steps(case_id, step, sent_date, answer_due) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(case_id, step) DO UPDATE SET sent_date = excluded.sent_date,
                                                      answer_due = excluded.answer_due",
            params![case_id, step, sent, answer_due],
        )?;
        tx.execute(
            "INSERT INTO case_events(case_id, date, kind, step) VALUES (?1, ?2, 'sent', ?3)",
            params![case_id, sent, step],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records the other side's answer to a step and what came of it.
    pub fn record_step_answer(
        &mut self,
        case_id: i64,
        step: &str,
        date: &str,
        outcome: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO case_steps(case_id, step, answered_date, outcome) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(case_id, step) DO UPDATE SET answered_date = excluded.answered_date,
                                                      outcome = excluded.outcome",
            params![case_id, step, date, outcome],
        )?;
        tx.execute(
            "INSERT INTO case_events(case_id, date, kind, step, text) VALUES (?1, ?2, 'answered', ?3, ?4)",
            params![case_id, date, step, outcome],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Saves the user's edited letter body for a step (`None` goes back to the template's).
    pub fn save_letter_text(&self, case_id: i64, step: &str, body: Option<&str>) -> Result<()> {
        self.conn.execute(
            "INSERT INTO case_steps(case_id, step, letter_text) VALUES (?1, ?2, ?3)
             ON CONFLICT(case_id, step) DO UPDATE SET letter_text = excluded.letter_text",
            params![case_id, step, body],
        )?;
        Ok(())
    }

    pub fn set_case_notes(&mut self, case_id: i64, notes: &str, today: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        if tx.execute(
            "UPDATE cases SET notes = ?2 WHERE id = ?1",
            params![case_id, notes],
        )? == 0
        {
            return Err(StoreError::NotFound(format!("case {case_id}")));
        }
        tx.execute(
            "INSERT INTO case_events(case_id, date, kind) VALUES (?1, ?2, 'notes')",
            params![case_id, today],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The merchant's name and address as the letters should show them.
    pub fn set_case_merchant(
        &self,
        case_id: i64,
        name: Option<&str>,
        address: &[String],
    ) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE cases SET merchant_name = ?2, merchant_address = ?3 WHERE id = ?1",
            params![case_id, name, join_lines(address)],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("case {case_id}")));
        }
        Ok(())
    }

    /// Closes a case: `status` is "refunded" or "closed".
    pub fn close_case(
        &mut self,
        case_id: i64,
        status: &str,
        outcome: &str,
        today: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        if tx.execute(
            "UPDATE cases SET status = ?2, outcome = ?3 WHERE id = ?1",
            params![case_id, status, outcome],
        )? == 0
        {
            return Err(StoreError::NotFound(format!("case {case_id}")));
        }
        tx.execute(
            "INSERT INTO case_events(case_id, date, kind, text) VALUES (?1, ?2, ?3, ?4)",
            params![case_id, today, status, outcome],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn add_evidence(
        &mut self,
        case_id: i64,
        file_name: &str,
        stored_path: &str,
        sha256: &str,
        added_at: &str,
        description: Option<&str>,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO evidence(case_id, file_name, stored_path, sha256, added_at, description)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                case_id,
                file_name,
                stored_path,
                sha256,
                added_at,
                description
            ],
        )?;
        let id = tx.last_insert_rowid();
        let date = added_at.get(..10).unwrap_or(added_at);
        tx.execute(
            "INSERT INTO case_events(case_id, date, kind, text) VALUES (?1, ?2, 'evidence', ?3)",
            params![case_id, date, file_name],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A case's evidence files, in the order they were added.
    pub fn evidence(&self, case_id: i64) -> Result<Vec<EvidenceRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, file_name, stored_path, sha256, added_at, description FROM evidence
             WHERE case_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([case_id], |r| {
            Ok(EvidenceRow {
                id: r.get(0)?,
                file_name: r.get(1)?,
                stored_path: r.get(2)?,
                sha256: r.get(3)?,
                added_at: r.get(4)?,
                description: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets (or with `None` clears) what an evidence file of this case is, in the user's words.
    pub fn set_evidence_description(
        &self,
        case_id: i64,
        evidence_id: i64,
        description: Option<&str>,
    ) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE evidence SET description = ?3 WHERE id = ?2 AND case_id = ?1",
            params![case_id, evidence_id, description],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!(
                "evidence {evidence_id} of case {case_id}"
            )));
        }
        Ok(())
    }

    /// Every evidence file as (id, case id, stored path): where the app looks for the files
    /// when it moves them (a restore, an older evidence folder).
    pub fn evidence_paths(&self) -> Result<Vec<(i64, i64, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, case_id, stored_path FROM evidence ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records where an evidence file now is.
    pub fn set_evidence_path(&self, id: i64, stored_path: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE evidence SET stored_path = ?2 WHERE id = ?1",
            params![id, stored_path],
        )?;
        Ok(())
    }

    /// A case's timeline, oldest first.
    pub fn case_events(&self, case_id: i64) -> Result<Vec<EventRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, kind, step, text FROM case_events WHERE case_id = ?1 ORDER BY date, id",
        )?;
        let rows = stmt.query_map([case_id], |r| {
            Ok(EventRow {
                date: r.get(0)?,
                kind: r.get(1)?,
                step: r.get(2)?,
                text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
