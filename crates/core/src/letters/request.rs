//! Everything a letter is filled from. The app assembles it from the sender's details, the case, its
//! transactions, steps and evidence files; `render` turns it into a `Letter`.

use crate::disputes::{ComplaintBody, Instrument, Jurisdiction, Reason, Step, TransferKind};
use crate::money::Currency;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The user, as the letter's sender.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Sender {
    pub name: String,
    /// Address lines, one per entry.
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// What a Chinese court complaint must state about a plaintiff who is a person; each is
    /// printed only when the user gave it, else left as a blank to fill in by hand.
    #[serde(default)]
    pub particulars: Particulars,
}

/// A natural person's particulars as the model 民事起诉状 states them (民事诉讼法 第124条:
/// 姓名、性别、年龄、民族、职业、工作单位、住所、联系方式; SPC 民事诉讼文书样式 2016). The
/// address and phone are the sender's own; only what the user entered is ever printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Particulars {
    pub gender: Option<Gender>,
    pub birth_date: Option<NaiveDate>,
    /// 民族, as the user wrote it ("汉" or "汉族").
    pub ethnicity: Option<String>,
    /// 公民身份号码 (the resident identity card number).
    pub id_number: Option<String>,
    /// 工作单位和职务或者职业.
    pub occupation: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    pub fn parse(s: &str) -> Option<Gender> {
        match s.trim().to_ascii_lowercase().as_str() {
            "male" | "m" | "男" => Some(Gender::Male),
            "female" | "f" | "女" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A recipient or the other side of the dispute. Unknown parts are left as clear placeholders
/// in the letter ("[Card issuer's billing-inquiry address]").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LetterParty {
    pub name: Option<String>,
    pub address: Vec<String>,
}

/// One disputed transaction, with its provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LetterTransaction {
    pub date: NaiveDate,
    pub posted_date: Option<NaiveDate>,
    /// The normalised merchant name ("Philz Coffee").
    pub merchant: String,
    /// The raw description as the bank wrote it.
    pub description: String,
    /// Signed minor units as stored (negative = money out); letters print the absolute value.
    #[ts(type = "number")]
    pub amount_minor: i64,
    #[ts(type = "string")]
    pub currency: Currency,
    pub source_file: String,
    /// 1-based line of the row in its statement file.
    #[ts(type = "number")]
    pub source_line: u64,
}

/// What the case records beyond its charges. A letter states only what is recorded here: it
/// never claims the user reported the charge or went to the police unless the case says so
/// (disputes-facts §9.5).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CaseDetails {
    /// Date of the first statement showing the charge (what the recipient can check).
    pub statement_date: Option<NaiveDate>,
    /// When the goods arrived.
    pub delivered_on: Option<NaiveDate>,
    /// When the user reported the charge to the bank, card issuer or platform.
    pub reported_on: Option<NaiveDate>,
    /// The police report's number, when the user made one.
    pub police_report: Option<String>,
    /// The bank, card issuer or platform: the defendant when the claim is against it.
    pub bank: Option<LetterParty>,
    /// In China, the one body a complaint goes to. The user picks it.
    pub complaint_body: Option<ComplaintBody>,
    /// Where the user lives, when it decides the procedure or the holidays: the UK nation
    /// ("england_wales", "scotland", "northern_ireland"), the US state's two-letter code ("MA",
    /// "CA", "TX") or the EU country's code ("DE"; its public holidays, §9.5).
    #[serde(default)]
    pub region: Option<String>,
    /// A US bank transfer's kind, when the user knows it: an ACH transfer's letter cites
    /// Regulation E only, a wire's UCC Article 4A only; unknown names both (review #8).
    #[serde(default)]
    pub transfer: Option<TransferKind>,
}

/// One evidence file enclosed with a letter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Enclosure {
    /// The file's name: only its extension is read (for its kind), never printed.
    pub file_name: String,
    /// What it is, in the user's words ("order confirmation email of 3 May"); printed instead
    /// of the kind when given (review #15).
    #[serde(default)]
    pub description: Option<String>,
}

impl From<&str> for Enclosure {
    /// A file the user described in no words.
    fn from(file_name: &str) -> Enclosure {
        Enclosure {
            file_name: file_name.to_string(),
            description: None,
        }
    }
}

/// A step taken before this letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct EarlierStep {
    pub step: Step,
    pub sent: NaiveDate,
    pub answered: Option<NaiveDate>,
    /// What the other side answered or did, in the user's words.
    pub outcome: Option<String>,
    /// Who it went to, when known ("Philz Coffee"); else the step's usual recipient is named.
    pub recipient: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LetterRequest {
    /// "en" or "zh-CN".
    pub lang: String,
    pub jurisdiction: Jurisdiction,
    pub instrument: Instrument,
    pub reason: Reason,
    /// The step this letter is for.
    pub step: Step,
    /// The user, who signs the letter.
    pub sender: Sender,
    /// Who the letter goes to; `None` leaves the step's placeholder (for the court step outside
    /// China the letter goes to the other side, before filing).
    pub recipient: Option<LetterParty>,
    /// The other side of the dispute (the merchant, or the bank when it is the one sued);
    /// `None` names the merchant of the first transaction.
    pub counterparty: Option<LetterParty>,
    /// Last four digits of the card or account, never more.
    pub account_last4: Option<String>,
    pub transactions: Vec<LetterTransaction>,
    /// The amount asked back, in minor units; `None` means the sum of the transactions, or for
    /// a double charge the sum of all but the first (the first charge was the real one).
    #[ts(type = "number | null")]
    pub amount_claimed_minor: Option<i64>,
    pub earlier_steps: Vec<EarlierStep>,
    /// The legal basis to cite; `None` uses the ladder's basis for this step.
    pub legal_basis: Option<String>,
    /// The evidence files; letters list each by the user's description, else by its kind
    /// ("Photograph or screenshot"), never by its file name (disputes-facts §9.5).
    pub enclosures: Vec<Enclosure>,
    /// The user's own account of what happened, quoted in the letter.
    pub notes: Option<String>,
    pub today: NaiveDate,
    /// What else the case records (dates of delivery and report, police report number…).
    #[serde(default)]
    pub details: CaseDetails,
}
