//! Dispute cases: opening one on flagged charges, the plan of steps and deadlines as of today,
//! recording letters sent and answers, evidence files copied into the data folder, notes,
//! refund detection and closing.

use crate::dto::Transaction;
use crate::dto_cases::{
    CaseDetailsInput, CaseEvent, CaseStatus, CaseStep, CaseSummary, CaseView, EvidenceView,
    OpenCaseRequest,
};
use crate::error::{stored, AppError, Result};
use crate::money_text::to_text;
use crate::ErrorCode;
use crate::{dates, now_text, App};
use chrono::NaiveDate;
use recourse_core::disputes::{
    self, CaseFacts, ComplaintBody, Instrument, Jurisdiction, Reason, Step, StepRecord,
    TransferKind,
};
use recourse_core::money::Currency;
use recourse_store::cases::{CaseDetailsRow, CaseRow, NewCase, StepRow};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Evidence is a receipt, a screenshot or a chat export; anything larger is almost surely the
/// wrong file, and would be read into memory whole.
pub(crate) const MAX_EVIDENCE_BYTES: u64 = 200 * 1024 * 1024;

/// A case as stored, with its typed fields and transactions, ready for the plan and letters.
pub(crate) struct Loaded {
    pub row: CaseRow,
    pub reason: Reason,
    pub jurisdiction: Jurisdiction,
    pub instrument: Instrument,
    pub transactions: Vec<Transaction>,
    pub steps: Vec<StepRow>,
}

impl Loaded {
    /// The merchant letters name: the one the user entered, else the first charge's merchant.
    pub fn merchant(&self) -> String {
        self.row
            .merchant_name
            .clone()
            .filter(|m| !m.trim().is_empty())
            .or_else(|| self.transactions.first().map(|t| t.merchant.clone()))
            .unwrap_or_default()
    }

    pub fn currency(&self) -> String {
        self.transactions
            .first()
            .map(|t| t.currency.clone())
            .unwrap_or_else(|| "USD".into())
    }

    /// The amount asked back (`disputes::claimed_minor`, the rule the letters use); an error
    /// when the charges add up to more than a claim can hold.
    pub fn claimed_minor(&self) -> Result<i64> {
        let amounts: Vec<i64> = self.transactions.iter().map(|t| t.amount_minor).collect();
        recourse_core::disputes::claimed_minor(self.reason, &amounts).ok_or_else(|| {
            AppError::invalid(format!(
                "case {}: its charges add up to more than one claim can hold",
                self.row.id
            ))
            .with_detail("case.claim_too_large", [("case", self.row.id.to_string())])
        })
    }

    pub fn facts(&self) -> Result<CaseFacts> {
        let first = self.transactions.first().ok_or_else(|| {
            AppError::new(
                ErrorCode::Storage,
                format!("case {} has no transactions", self.row.id),
            )
        })?;
        let currency = Currency::parse(&first.currency).ok_or_else(|| {
            AppError::new(
                ErrorCode::Storage,
                format!(
                    "case {}: unknown currency '{}'",
                    self.row.id, first.currency
                ),
            )
        })?;
        Ok(CaseFacts {
            jurisdiction: self.jurisdiction,
            instrument: self.instrument,
            reason: self.reason,
            transaction_date: first.date,
            posted_date: first.posted_date,
            statement_date: self
                .row
                .statement_date
                .as_deref()
                .and_then(|d| dates::stored("case", d).ok()),
            amount_minor: self.claimed_minor()?,
            currency,
            delivered_on: self
                .row
                .details
                .delivered_on
                .as_deref()
                .and_then(|d| dates::stored("case", d).ok()),
            region: self.row.details.region.clone(),
            transfer: self.transfer()?,
        })
    }

    /// A US bank transfer's kind as recorded (`None`: not known).
    pub fn transfer(&self) -> Result<Option<TransferKind>> {
        self.row
            .details
            .transfer_kind
            .as_deref()
            .map(|k| stored("transfer kind", k))
            .transpose()
    }

    pub fn complaint_body(&self) -> Result<Option<ComplaintBody>> {
        self.row
            .details
            .complaint_body
            .as_deref()
            .map(|b| stored("complaint body", b))
            .transpose()
    }

    pub fn step_records(&self) -> Vec<StepRecord> {
        let mut records: Vec<StepRecord> = self
            .steps
            .iter()
            .filter_map(|s| {
                Some(StepRecord {
                    step: Step::parse(&s.step)?,
                    sent: s
                        .sent_date
                        .as_deref()
                        .and_then(|d| dates::stored("case", d).ok()),
                    answered: s
                        .answered_date
                        .as_deref()
                        .and_then(|d| dates::stored("case", d).ok()),
                    outcome: s.outcome.clone(),
                })
            })
            .collect();
        records.sort_by_key(|r| r.step);
        records
    }

    pub fn step(&self, step: Step) -> Option<&StepRow> {
        self.steps.iter().find(|s| s.step == step.as_str())
    }
}

impl App {
    /// Opens a case on one or more charges. Defaults as in `OpenCaseRequest`.
    pub fn open_case(&mut self, req: &OpenCaseRequest) -> Result<CaseView> {
        let mut ids = req.transaction_ids.clone();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Err(
                AppError::invalid("choose at least one transaction to dispute")
                    .with_detail("case.no_transactions", []),
            );
        }
        let txns = ids
            .iter()
            .map(|&id| self.transaction(id))
            .collect::<Result<Vec<_>>>()?;
        if let Some(t) = txns.iter().find(|t| t.amount_minor >= 0) {
            return Err(AppError::invalid(format!(
                "transaction {} ({} {} at {} on {}) is not a charge: only money leaving the account can be disputed",
                t.id, t.amount, t.currency, t.merchant, t.date
            ))
            .with_detail(
                "case.not_a_charge",
                [
                    ("amount", format!("{} {}", t.amount, t.currency)),
                    ("merchant", t.merchant.clone()),
                    ("date", t.date.to_string()),
                ],
            ));
        }
        if let Some(t) = txns.iter().find(|t| t.currency != txns[0].currency) {
            return Err(AppError::invalid(format!(
                "transaction {} is in {}, transaction {} in {}: one case holds charges in one currency",
                txns[0].id, txns[0].currency, t.id, t.currency
            ))
            .with_detail(
                "case.mixed_currencies",
                [
                    ("first", txns[0].currency.clone()),
                    ("second", t.currency.clone()),
                ],
            ));
        }
        let statement_date =
            dates::optional_input("statement date", req.statement_date.as_deref())?;
        let jurisdiction = match req.jurisdiction {
            Some(j) => j,
            None => self.default_jurisdiction()?,
        };
        let instrument = req
            .instrument
            .unwrap_or_else(|| default_instrument(jurisdiction, &txns));
        let first = txns
            .iter()
            .min_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)))
            .unwrap_or(&txns[0]);
        let case = NewCase {
            reason: req.reason.as_str().into(),
            jurisdiction: jurisdiction.as_str().into(),
            instrument: instrument.as_str().into(),
            opened_at: now_text(),
            statement_date: statement_date.map(|d| d.to_string()),
            account_last4: self.db.transaction_card_last4(first.id)?,
            merchant_name: Some(first.merchant.clone()).filter(|m| !m.is_empty()),
            merchant_address: vec![],
            details: details_row(&req.details, jurisdiction, instrument)?,
        };
        let id = self.db.create_case(&case, &ids)?;
        self.case(id)
    }

    /// Every case, newest first, with what to do next and by when.
    pub fn cases(&self) -> Result<Vec<CaseSummary>> {
        let today = today();
        let mut out = Vec::new();
        for row in self.db.case_rows()? {
            let c = self.load_row(row)?;
            let refund = self.refund_candidate(&c)?;
            let open = c.row.status == "open";
            let plan = disputes::plan(&c.facts()?, &c.step_records(), today);
            let answer_dues = plan
                .steps
                .iter()
                .filter(|s| s.sent.is_some() && s.answered.is_none())
                .filter_map(|s| s.answer_due);
            let next_deadline = open
                .then(|| plan.next_action.by.into_iter().chain(answer_dues).min())
                .flatten();
            let claimed = c.claimed_minor()?;
            out.push(CaseSummary {
                id: c.row.id,
                reason: c.reason,
                jurisdiction: c.jurisdiction,
                status: status(&c.row, refund.is_some())?,
                merchant: c.merchant(),
                amount: to_text(claimed, &c.currency()),
                amount_minor: claimed,
                currency: c.currency(),
                opened_at: c.row.opened_at.clone(),
                next_deadline,
                warning: if open {
                    plan.warnings.first().map(|w| w.level)
                } else {
                    None
                },
                next_action: open.then_some(plan.next_action),
            });
        }
        Ok(out)
    }

    /// One case with its plan as of today.
    pub fn case(&self, case_id: i64) -> Result<CaseView> {
        let c = self.load_case(case_id)?;
        let refund_candidate = self.refund_candidate(&c)?;
        let plan = disputes::plan(&c.facts()?, &c.step_records(), today());
        let mut steps: Vec<CaseStep> = c
            .steps
            .iter()
            .filter_map(|s| Some((Step::parse(&s.step)?, s)))
            .map(|(step, s)| {
                let date = |d: &Option<String>| dates::stored_opt("case step", d.as_deref());
                Ok(CaseStep {
                    step,
                    sent_date: date(&s.sent_date)?,
                    answer_due: date(&s.answer_due)?,
                    answered_date: date(&s.answered_date)?,
                    outcome: s.outcome.clone(),
                    letter_edited: s.letter_text.is_some(),
                })
            })
            .collect::<Result<_>>()?;
        steps.sort_by_key(|s| s.step);
        let evidence = self
            .db
            .evidence(case_id)?
            .into_iter()
            .map(|e| EvidenceView {
                id: e.id,
                file_name: e.file_name,
                stored_path: e.stored_path,
                sha256: e.sha256,
                added_at: e.added_at,
                description: e.description,
            })
            .collect();
        let timeline = self
            .db
            .case_events(case_id)?
            .into_iter()
            .map(|e| {
                Ok(CaseEvent {
                    date: dates::stored("case event", &e.date)?,
                    kind: stored("case event", &e.kind)?,
                    step: e.step.as_deref().and_then(Step::parse),
                    text: e.text,
                })
            })
            .collect::<Result<_>>()?;
        let claimed = c.claimed_minor()?;
        Ok(CaseView {
            id: c.row.id,
            reason: c.reason,
            jurisdiction: c.jurisdiction,
            instrument: c.instrument,
            status: status(&c.row, refund_candidate.is_some())?,
            opened_at: c.row.opened_at.clone(),
            statement_date: dates::stored_opt("case", c.row.statement_date.as_deref())?,
            details: CaseDetailsInput {
                delivered_on: c.row.details.delivered_on.clone(),
                reported_on: c.row.details.reported_on.clone(),
                police_report: c.row.details.police_report.clone(),
                bank_name: c.row.details.bank_name.clone(),
                region: c.row.details.region.clone(),
                complaint_body: c.complaint_body()?,
                transfer: c.transfer()?,
            },
            account_last4: c.row.account_last4.clone(),
            merchant: c.merchant(),
            merchant_address: c.row.merchant_address.clone(),
            notes: c.row.notes.clone(),
            outcome: c.row.outcome.clone(),
            amount: to_text(claimed, &c.currency()),
            amount_minor: claimed,
            currency: c.currency(),
            checklist: disputes::checklist(c.reason, c.jurisdiction),
            plan,
            steps,
            evidence,
            timeline,
            refund_candidate,
            transactions: c.transactions,
        })
    }

    /// Records that the letter for `step` was sent on `date` (YYYY-MM-DD); the answer's due
    /// date follows from the jurisdiction's rules.
    pub fn record_step_sent(&mut self, case_id: i64, step: Step, date: &str) -> Result<CaseView> {
        let c = self.load_open_case(case_id)?;
        let sent = dates::input("sent date", date)?;
        let due = disputes::answer_due(&c.facts()?, step, sent).map(|d| d.to_string());
        self.db
            .record_step_sent(case_id, step.as_str(), &sent.to_string(), due.as_deref())?;
        self.case(case_id)
    }

    /// Records the answer to `step`, received on `date`, and what it said or did.
    pub fn record_answer(
        &mut self,
        case_id: i64,
        step: Step,
        date: &str,
        outcome: &str,
    ) -> Result<CaseView> {
        let c = self.load_open_case(case_id)?;
        let answered = dates::input("answer date", date)?;
        if let Some(sent) = c
            .step(step)
            .and_then(|s| s.sent_date.as_deref())
            .and_then(|d| dates::stored("case", d).ok())
        {
            if answered < sent {
                return Err(AppError::invalid(format!(
                    "the answer date {answered} is before the {} letter was sent ({sent})",
                    step.as_str()
                ))
                .with_detail(
                    "case.answer_before_sent",
                    [
                        ("answered", answered.to_string()),
                        ("sent", sent.to_string()),
                    ],
                ));
            }
        }
        if outcome.trim().is_empty() {
            return Err(
                AppError::invalid("say what the answer was (the outcome is empty)")
                    .with_detail("case.empty_outcome", []),
            );
        }
        self.db.record_step_answer(
            case_id,
            step.as_str(),
            &answered.to_string(),
            outcome.trim(),
        )?;
        self.case(case_id)
    }

    /// Copies an evidence file into `<evidence folder>/<case id>/` (`backup::evidence_dir`) and records it with its
    /// SHA-256 and, when given, what it is in the user's words (letters list that instead of
    /// the file's kind). Adding the same content twice keeps one copy (and takes the new
    /// description, if any).
    pub fn add_evidence(
        &mut self,
        case_id: i64,
        path: &Path,
        description: Option<&str>,
    ) -> Result<CaseView> {
        self.load_case(case_id)?;
        let description = description.map(str::trim).filter(|d| !d.is_empty());
        let io =
            |e: std::io::Error| AppError::new(ErrorCode::Io, format!("{}: {e}", path.display()));
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_file() {
            return Err(
                AppError::invalid(format!("{}: not a file", path.display())).with_detail(
                    "evidence.not_a_file",
                    [("file", path.display().to_string())],
                ),
            );
        }
        if meta.len() > MAX_EVIDENCE_BYTES {
            let (size, max) = (
                meta.len() / (1024 * 1024),
                MAX_EVIDENCE_BYTES / (1024 * 1024),
            );
            return Err(AppError::invalid(format!(
                "{}: {size} MB is too large for evidence (at most {max} MB)",
                path.display()
            ))
            .with_detail(
                "evidence.too_large",
                [
                    ("file", path.display().to_string()),
                    ("size", size.to_string()),
                    ("max", max.to_string()),
                ],
            ));
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let sha256 = format!("{:x}", Sha256::digest(&bytes));
        if let Some(same) = self
            .db
            .evidence(case_id)?
            .iter()
            .find(|e| e.sha256 == sha256)
        {
            if description.is_some() {
                self.db
                    .set_evidence_description(case_id, same.id, description)?;
            }
            return self.case(case_id);
        }
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "evidence".into());
        let dir = self.evidence_dir.join(case_id.to_string());
        std::fs::create_dir_all(&dir)
            .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", dir.display())))?;
        let dest = free_path(&dir, &file_name);
        write_new(&dest, &bytes)?;
        if let Err(e) = self.db.add_evidence(
            case_id,
            &file_name,
            &dest.to_string_lossy(),
            &sha256,
            &now_text(),
            description,
        ) {
            let _ = std::fs::remove_file(&dest);
            return Err(e.into());
        }
        self.case(case_id)
    }

    /// What an evidence file is, in the user's words ("order confirmation email of 3 May");
    /// empty text clears it, and letters then list the file's kind again.
    pub fn set_evidence_description(
        &mut self,
        case_id: i64,
        evidence_id: i64,
        description: &str,
    ) -> Result<CaseView> {
        self.load_case(case_id)?;
        let description = Some(description.trim()).filter(|d| !d.is_empty());
        self.db
            .set_evidence_description(case_id, evidence_id, description)?;
        self.case(case_id)
    }

    pub fn set_case_notes(&mut self, case_id: i64, notes: &str) -> Result<CaseView> {
        self.db
            .set_case_notes(case_id, notes.trim(), &today().to_string())?;
        self.case(case_id)
    }

    /// The merchant's name and address (lines separated by newlines) as letters show them.
    pub fn set_case_merchant(
        &mut self,
        case_id: i64,
        name: &str,
        address: &str,
    ) -> Result<CaseView> {
        let lines: Vec<String> = address.lines().map(String::from).collect();
        let name = Some(name.trim()).filter(|n| !n.is_empty());
        self.db.set_case_merchant(case_id, name, &lines)?;
        self.case(case_id)
    }

    /// Closes a case. The outcome "refunded" closes it as refunded (e.g. when the refund
    /// candidate is the refund); any other text is kept as the outcome of a closed case.
    pub fn close_case(&mut self, case_id: i64, outcome: &str) -> Result<CaseView> {
        self.load_open_case(case_id)?;
        let outcome = outcome.trim();
        let status = if outcome.eq_ignore_ascii_case("refunded") {
            "refunded"
        } else {
            "closed"
        };
        self.db
            .close_case(case_id, status, outcome, &today().to_string())?;
        self.case(case_id)
    }

    /// Deletes a case, its records and its evidence copies (the transactions stay).
    pub fn delete_case(&mut self, case_id: i64) -> Result<()> {
        self.db.delete_case(case_id)?;
        let dir = self.evidence_dir.join(case_id.to_string());
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", dir.display())))?;
        }
        Ok(())
    }

    pub(crate) fn load_case(&self, case_id: i64) -> Result<Loaded> {
        self.load_row(self.db.case_row(case_id)?)
    }

    fn load_open_case(&self, case_id: i64) -> Result<Loaded> {
        let c = self.load_case(case_id)?;
        if c.row.status != "open" {
            return Err(
                AppError::invalid(format!("case {case_id} is {} already", c.row.status))
                    .with_detail("case.not_open", [("case", case_id.to_string())]),
            );
        }
        Ok(c)
    }

    fn load_row(&self, row: CaseRow) -> Result<Loaded> {
        let bad = |what: &str, v: &str| {
            AppError::new(
                ErrorCode::Storage,
                format!("case {}: unknown {what} '{v}'", row.id),
            )
        };
        let reason = Reason::parse(&row.reason).ok_or_else(|| bad("reason", &row.reason))?;
        let jurisdiction = Jurisdiction::parse(&row.jurisdiction)
            .ok_or_else(|| bad("jurisdiction", &row.jurisdiction))?;
        let instrument =
            Instrument::parse(&row.instrument).ok_or_else(|| bad("instrument", &row.instrument))?;
        let transactions = self
            .db
            .case_transaction_ids(row.id)?
            .into_iter()
            .map(|id| self.transaction(id))
            .collect::<Result<_>>()?;
        let steps = self.db.case_steps(row.id)?;
        Ok(Loaded {
            row,
            reason,
            jurisdiction,
            instrument,
            transactions,
            steps,
        })
    }

    /// A credit at the case's merchant after the charge, for the amount asked back or for one
    /// of the charges.
    fn refund_candidate(&self, c: &Loaded) -> Result<Option<Transaction>> {
        if c.row.status != "open" {
            return Ok(None);
        }
        let claimed = c.claimed_minor()?;
        let found = self
            .db
            .credits_after_case_charges(c.row.id)?
            .into_iter()
            .find(|credit| {
                credit.amount_minor == claimed
                    || c.transactions
                        .iter()
                        .any(|t| t.amount_minor.saturating_abs() == credit.amount_minor)
            });
        found
            .map(|credit| self.transaction(credit.transaction_id))
            .transpose()
    }
}

fn status(row: &CaseRow, refund_detected: bool) -> Result<CaseStatus> {
    Ok(match stored("case status", &row.status)? {
        CaseStatus::Open if refund_detected => CaseStatus::RefundDetected,
        status => status,
    })
}

/// A credit card in the US, UK and EU (where most disputed card charges are made); in China,
/// the payment platform for Alipay / WeChat Pay accounts, else a bank card.
fn default_instrument(j: Jurisdiction, txns: &[Transaction]) -> Instrument {
    if j != Jurisdiction::Cn {
        return Instrument::CreditCard;
    }
    const WALLETS: [&str; 7] = [
        "alipay",
        "wechat",
        "weixin",
        "tenpay",
        "支付宝",
        "微信",
        "财付通",
    ];
    let looks_like_wallet = txns.iter().any(|t| {
        let account = t.account.to_lowercase();
        let file = t.source_file.to_lowercase();
        WALLETS
            .iter()
            .any(|w| account.contains(w) || file.contains(w))
    });
    if looks_like_wallet {
        Instrument::PaymentPlatform
    } else {
        Instrument::DebitCard
    }
}

pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The US states and DC by postal code.
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
];

/// Checks the optional facts of a new case: dates are dates, the region and the complaint body
/// are ones the rules know for the case's jurisdiction, a transfer's kind is given only for a US bank transfer (where it
/// decides the law); empty text counts as not given.
fn details_row(
    d: &CaseDetailsInput,
    jurisdiction: Jurisdiction,
    instrument: Instrument,
) -> Result<CaseDetailsRow> {
    fn text(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    let date = |v: &Option<String>, what: &str| -> Result<Option<String>> {
        text(v)
            .map(|s| dates::input(what, s).map(|d| d.to_string()))
            .transpose()
    };
    // The UK nation (courts and bank holidays differ), the US state (its pre-suit notice) or
    // the EU country (its public holidays count in PSD2's business days).
    let region = text(&d.region)
        .map(|r| {
            if jurisdiction == Jurisdiction::Eu {
                return disputes::EuCountry::parse(r)
                    .map(|c| c.code().to_string())
                    .ok_or_else(|| {
                        let known: Vec<&str> =
                            disputes::EuCountry::ALL.iter().map(|c| c.code()).collect();
                        AppError::invalid(format!(
                            "unknown EU country '{r}' (expected one whose public holidays are known: {}; leave it empty otherwise)",
                            known.join(", ")
                        ))
                    });
            }
            if disputes::law::UkNation::parse(r).is_some() {
                Ok(r.to_string())
            } else if US_STATES.contains(&r.to_ascii_uppercase().as_str()) {
                Ok(r.to_ascii_uppercase())
            } else {
                Err(AppError::invalid(format!(
                    "unknown region '{r}' (expected a UK nation: england_wales, scotland or northern_ireland; a US state's two-letter code such as MA; or, for an EU case, the country's code such as DE)"
                )))
            }
        })
        .transpose()?;
    if let Some(kind) = d.transfer {
        if disputes::law::us_transfer(jurisdiction, instrument, Some(kind)).is_none() {
            return Err(AppError::invalid(format!(
                "a transfer kind ('{}') is recorded only for a US bank transfer, not a {} case paid by {}",
                kind.as_str(),
                jurisdiction.as_str(),
                instrument.as_str()
            ))
            .with_detail(
                "case.transfer_not_us_bank_transfer",
                [("kind", kind.as_str().to_string())],
            ));
        }
    }
    Ok(CaseDetailsRow {
        delivered_on: date(&d.delivered_on, "delivery date")?,
        reported_on: date(&d.reported_on, "date reported to the bank")?,
        police_report: text(&d.police_report).map(str::to_string),
        bank_name: text(&d.bank_name).map(str::to_string),
        region,
        complaint_body: d.complaint_body.map(|b| b.as_str().to_string()),
        transfer_kind: d.transfer.map(|k| k.as_str().to_string()),
    })
}

/// `dir/name`, or `dir/stem-2.ext`, `dir/stem-3.ext`… when that is taken.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let p = Path::new(name);
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = p
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Writes a file whole or not at all: a temporary file renamed into place.
pub(crate) fn write_new(dest: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = dest.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let io = |e: std::io::Error| {
        AppError::new(
            ErrorCode::Io,
            format!("{}: cannot write the file: {e}", dest.display()),
        )
    };
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, dest).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}
