//! The values of the case, letter and sender screens (and the CLI's `case`, `letter` and
//! `sender`). Dates are `NaiveDate`s (ISO `YYYY-MM-DD` on the wire); money follows `dto`: a decimal string plus minor
//! units. The plan, checklist and letter are core's own types, passed through unchanged.

use crate::dto::Transaction;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

// Core's own types in the contract, re-exported so the CLI and the shell need only this crate.
pub use recourse_core::disputes::{
    not_legal_advice, Bilingual, CasePlan, Checklist, ComplaintBody, Instrument, Jurisdiction,
    NextAction, Reason, Step, StepPlan, TransferKind, Warning, WarningLevel,
};
pub use recourse_core::letters::{Gender, Letter};
pub use recourse_documents::Paper;

/// What the "dispute" action asks for.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
pub struct OpenCaseRequest {
    pub transaction_ids: Vec<i64>,
    pub reason: Reason,
    /// Default: the "default_jurisdiction" setting, else "us".
    #[serde(default)]
    pub jurisdiction: Option<Jurisdiction>,
    /// Default: a credit card in the US, UK and EU; in China the payment platform when the
    /// account is an Alipay / WeChat Pay one, else a bank card.
    #[serde(default)]
    pub instrument: Option<Instrument>,
    /// Date of the first statement showing the charge (starts the US 60-day window).
    #[serde(default)]
    pub statement_date: Option<String>,
    /// What else the case records; letters state only these facts, never assume them.
    #[serde(default)]
    pub details: CaseDetailsInput,
}

/// Optional facts of a case (dates `YYYY-MM-DD`): when the goods arrived, when the charge was
/// reported to the bank, the police report number, the bank's name, the region (the UK nation
/// "england_wales", "scotland" or "northern_ireland"; the US state's code; the EU country's
/// code, "DE", whose public holidays count in business days) and, in China, the one body a complaint
/// goes to.
#[derive(Clone, Debug, Default, Serialize, Deserialize, TS)]
pub struct CaseDetailsInput {
    #[serde(default)]
    pub delivered_on: Option<String>,
    #[serde(default)]
    pub reported_on: Option<String>,
    #[serde(default)]
    pub police_report: Option<String>,
    #[serde(default)]
    pub bank_name: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub complaint_body: Option<ComplaintBody>,
    /// A US bank transfer: an ACH transfer or a wire; `None` when the user does not know (the
    /// letters then name both Regulation E and UCC Article 4A). Only for a US bank transfer.
    #[serde(default)]
    pub transfer: Option<TransferKind>,
}

/// One row of the cases list.
#[derive(Clone, Debug, Serialize, TS)]
pub struct CaseSummary {
    pub id: i64,
    pub reason: Reason,
    pub jurisdiction: Jurisdiction,
    pub status: CaseStatus,
    pub merchant: String,
    /// The amount asked back, as a decimal string, and in minor units.
    pub amount: String,
    pub amount_minor: i64,
    pub currency: String,
    pub opened_at: String,
    /// What to do next and by when (`None` for a closed case).
    pub next_action: Option<NextAction>,
    /// The nearest date anything is due: the next action's date or an open answer's due date.
    pub next_deadline: Option<NaiveDate>,
    /// The most severe warning of the plan, if any.
    pub warning: Option<WarningLevel>,
}

/// A step as recorded (the plan adds the legal dates).
#[derive(Clone, Debug, Serialize, TS)]
pub struct CaseStep {
    pub step: Step,
    pub sent_date: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    pub answered_date: Option<NaiveDate>,
    pub outcome: Option<String>,
    /// True when the user saved an edited letter for this step.
    pub letter_edited: bool,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct EvidenceView {
    pub id: i64,
    pub file_name: String,
    /// The copy in the app's data folder.
    pub stored_path: String,
    pub sha256: String,
    pub added_at: String,
    /// What it is, in the user's words; letters list it instead of the file's kind.
    pub description: Option<String>,
}

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    /// Still open, and a credit matching the claim has arrived: the user should confirm it.
    RefundDetected,
    Refunded,
    Closed,
}

impl CaseStatus {
    /// The name the CLI prints (its JSON name).
    pub fn as_str(&self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::RefundDetected => "refund_detected",
            CaseStatus::Refunded => "refunded",
            CaseStatus::Closed => "closed",
        }
    }
}

/// What happened on a case's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseEventKind {
    Opened,
    Sent,
    Answered,
    Evidence,
    Notes,
    Refunded,
    Closed,
}

/// One entry of the case's timeline.
#[derive(Clone, Debug, Serialize, TS)]
pub struct CaseEvent {
    pub date: NaiveDate,
    pub kind: CaseEventKind,
    pub step: Option<Step>,
    /// The outcome, file name or closing note; empty when there is none.
    pub text: String,
}

/// Everything the case screen shows.
#[derive(Clone, Debug, Serialize, TS)]
pub struct CaseView {
    pub id: i64,
    pub reason: Reason,
    pub jurisdiction: Jurisdiction,
    pub instrument: Instrument,
    pub status: CaseStatus,
    pub opened_at: String,
    pub statement_date: Option<NaiveDate>,
    /// The case's optional facts, as recorded.
    pub details: CaseDetailsInput,
    pub account_last4: Option<String>,
    pub merchant: String,
    pub merchant_address: Vec<String>,
    pub notes: String,
    pub outcome: Option<String>,
    pub amount: String,
    pub amount_minor: i64,
    pub currency: String,
    /// The disputed transactions with their provenance, oldest first.
    pub transactions: Vec<Transaction>,
    pub steps: Vec<CaseStep>,
    /// Dates per step, next action and warnings (most severe first), as of today.
    pub plan: CasePlan,
    pub checklist: Checklist,
    pub evidence: Vec<EvidenceView>,
    pub timeline: Vec<CaseEvent>,
    /// A credit at the same merchant for the disputed amount, after the charge: offer to close
    /// the case as refunded.
    pub refund_candidate: Option<Transaction>,
}

/// The file format a letter is exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Docx,
    // Plain UTF-8 text.
    Txt,
}

impl ExportFormat {
    /// The file extension, which is also the name on the wire: "pdf", "docx" or "txt".
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Docx => "docx",
            ExportFormat::Txt => "txt",
        }
    }
}

/// A letter ready to show and edit: the parts, and the whole as plain text (for the clipboard).
#[derive(Clone, Debug, Serialize, TS)]
pub struct LetterView {
    pub letter: Letter,
    pub text: String,
    /// True when the body is the user's saved edit rather than the template's.
    pub edited: bool,
    /// For a court step outside China: the statement or particulars of claim, a page the user
    /// keeps to file with the court and never sends with the letter.
    pub worksheet: Option<Letter>,
}

/// The user as the sender of letters (formerly "profile"; an import profile is a column
/// mapping, `recourse_core::import::Profile`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Sender {
    pub name: String,
    /// Address lines separated by newlines.
    pub address: String,
    pub email: String,
    pub phone: String,
    /// The particulars a Chinese court complaint (民事起诉状) states about the plaintiff; each
    /// is printed only when given, else the complaint leaves a blank to fill in by hand.
    pub gender: Option<Gender>,
    /// `YYYY-MM-DD`, or empty.
    pub birth_date: String,
    /// 民族 ("汉" or "汉族").
    pub ethnicity: String,
    /// 公民身份号码: 18 characters, checked by its check digit.
    pub id_number: String,
    /// 工作单位和职务或者职业.
    pub occupation: String,
}
