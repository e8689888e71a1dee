//! `recourse case …`, `recourse letter …` and `recourse sender …` (alias `profile`, as CLI.md
//! "cases and letters" spells it).

use crate::print_json;
use clap::{Args, Subcommand};
use recourse_app::dto::Lang;
use recourse_app::dto_cases::{
    CaseDetailsInput, CaseView, ComplaintBody, ExportFormat, Gender, Instrument, Jurisdiction,
    OpenCaseRequest, Paper, Reason, Sender, Step, TransferKind,
};
use recourse_app::{App, AppError};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum CaseAction {
    /// Open a dispute case on one or more charges.
    Open {
        /// A transaction id (repeat for several charges).
        #[arg(long = "transaction", required = true, num_args = 1..)]
        transactions: Vec<i64>,
        /// double_charge, not_authorised, not_received, cancelled_subscription, wrong_amount,
        /// refund_not_credited or faulty_goods.
        #[arg(long, value_parser = parse_reason)]
        reason: Reason,
        #[arg(long, value_parser = parse_jurisdiction)]
        jurisdiction: Option<Jurisdiction>,
        /// credit_card, debit_card, payment_platform or bank_transfer (it decides the law at
        /// the bank step).
        #[arg(long, value_parser = parse_instrument)]
        instrument: Option<Instrument>,
        /// Date of the first statement showing the charge (YYYY-MM-DD).
        #[arg(long)]
        statement_date: Option<String>,
        /// When the goods arrived (YYYY-MM-DD).
        #[arg(long)]
        delivered_on: Option<String>,
        /// When you reported the charge to the bank, card issuer or platform (YYYY-MM-DD).
        #[arg(long)]
        reported_on: Option<String>,
        /// The police report's number, if you made one.
        #[arg(long)]
        police_report: Option<String>,
        /// The bank, card issuer or platform's name.
        #[arg(long)]
        bank: Option<String>,
        /// UK: england_wales, scotland or northern_ireland (bank holidays and courts differ);
        /// US: the state's two-letter code (MA, CA and TX have pre-suit notice rules);
        /// EU: the country's code (DE, FR, NL, ES, IT, IE, AT, BE), whose public holidays count
        /// in business days (without it, letters give the PSD2 periods without a date).
        #[arg(long)]
        region: Option<String>,
        /// China: the one body a complaint goes to.
        #[arg(long, value_enum)]
        complaint_body: Option<ComplaintBody>,
        /// US bank transfer: ach, wire or unknown (Regulation E covers ACH transfers, UCC
        /// Article 4A wires; unknown names both).
        #[arg(long, value_parser = parse_transfer)]
        transfer: Option<TransferAnswer>,
        #[arg(long)]
        json: bool,
    },
    /// List cases with their next action.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a case: transactions, steps, due dates, next action, warnings.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Record that a step's letter was sent.
    Step {
        id: i64,
        #[arg(long, value_parser = parse_step)]
        step: Step,
        #[arg(long)]
        sent: String,
        #[arg(long)]
        json: bool,
    },
    /// Record the answer to a step.
    Answer {
        id: i64,
        #[arg(long, value_parser = parse_step)]
        step: Step,
        #[arg(long)]
        date: String,
        #[arg(long)]
        outcome: String,
        #[arg(long)]
        json: bool,
    },
    /// Copy evidence files into the case.
    Evidence {
        id: i64,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// What the file is, in your words ("order confirmation email of 3 May"): letters list
        /// it instead of the file's kind. Repeat it once per file, in the files' order.
        #[arg(long = "description")]
        descriptions: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Close a case ("refunded", or any other outcome).
    Close {
        id: i64,
        #[arg(long)]
        outcome: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct LetterArgs {
    case_id: i64,
    #[arg(long, value_parser = parse_step)]
    step: Step,
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Default: letter for US cases, a4 elsewhere.
    #[arg(long, value_enum)]
    paper: Option<Paper>,
    #[arg(long)]
    out: PathBuf,
}

#[derive(Subcommand)]
pub enum SenderAction {
    /// Set the sender's details on letters (only the fields given change).
    Set {
        #[arg(long)]
        name: Option<String>,
        /// An address line (repeat for several lines).
        #[arg(long)]
        address: Vec<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// For a Chinese court complaint (民事起诉状): male or female.
        #[arg(long, value_parser = parse_gender)]
        gender: Option<Gender>,
        /// For a Chinese court complaint: your date of birth (YYYY-MM-DD).
        #[arg(long)]
        birth_date: Option<String>,
        /// For a Chinese court complaint: your 民族 (e.g. 汉).
        #[arg(long)]
        ethnicity: Option<String>,
        /// For a Chinese court complaint: your resident identity card number (公民身份号码).
        #[arg(long)]
        id_number: Option<String>,
        /// For a Chinese court complaint: your employer and position, or occupation.
        #[arg(long)]
        occupation: Option<String>,
    },
    /// Show the sender's details.
    Show {
        #[arg(long)]
        json: bool,
    },
}

fn parse_reason(s: &str) -> Result<Reason, String> {
    Reason::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

fn parse_jurisdiction(s: &str) -> Result<Jurisdiction, String> {
    Jurisdiction::parse(s).ok_or_else(|| "expected us, uk, eu or cn".to_string())
}

fn parse_instrument(s: &str) -> Result<Instrument, String> {
    Instrument::parse(s).ok_or_else(|| {
        "expected credit_card, debit_card, payment_platform or bank_transfer".to_string()
    })
}

/// The answer to "ACH or wire?": a kind, or "unknown" (a plain `Option` would make clap accept
/// `--transfer` without a value).
#[derive(Clone, Copy)]
pub struct TransferAnswer(Option<TransferKind>);

fn parse_transfer(s: &str) -> Result<TransferAnswer, String> {
    TransferKind::parse(s).map(TransferAnswer)
}

fn parse_gender(s: &str) -> Result<Gender, String> {
    Gender::parse(s).ok_or_else(|| "expected male or female".to_string())
}

fn parse_step(s: &str) -> Result<Step, String> {
    Step::parse(s).ok_or_else(|| "expected merchant, bank, association or court".to_string())
}

pub fn case(app: &mut App, action: CaseAction) -> Result<(), AppError> {
    let (view, json) = match action {
        CaseAction::Open {
            transactions,
            reason,
            jurisdiction,
            instrument,
            statement_date,
            delivered_on,
            reported_on,
            police_report,
            bank,
            region,
            complaint_body,
            transfer,
            json,
        } => {
            let req = OpenCaseRequest {
                transaction_ids: transactions,
                reason,
                jurisdiction,
                instrument,
                statement_date,
                details: CaseDetailsInput {
                    delivered_on,
                    reported_on,
                    police_report,
                    bank_name: bank,
                    region,
                    complaint_body,
                    transfer: transfer.and_then(|t| t.0),
                },
            };
            let view = app.open_case(&req)?;
            eprintln!("case {} opened", view.id);
            (view, json)
        }
        CaseAction::List { json } => {
            let cases = app.cases()?;
            if json {
                return print_json(&cases);
            }
            for c in &cases {
                let next = c
                    .next_action
                    .as_ref()
                    .map(|n| n.what_en.as_str())
                    .unwrap_or("");
                let by = c
                    .next_deadline
                    .map(|d| format!(" (by {d})"))
                    .unwrap_or_default();
                out!(
                    "{:>4}  {:<15}  {:>10} {}  {}  {}{}",
                    c.id,
                    c.status.as_str(),
                    c.amount,
                    c.currency,
                    c.merchant,
                    next,
                    by
                );
            }
            return Ok(());
        }
        CaseAction::Show { id, json } => (app.case(id)?, json),
        CaseAction::Step {
            id,
            step,
            sent,
            json,
        } => (app.record_step_sent(id, step, &sent)?, json),
        CaseAction::Answer {
            id,
            step,
            date,
            outcome,
            json,
        } => (app.record_answer(id, step, &date, &outcome)?, json),
        CaseAction::Evidence {
            id,
            files,
            descriptions,
            json,
        } => {
            if !descriptions.is_empty() && descriptions.len() != files.len() {
                return Err(AppError::invalid(format!(
                    "{} files and {} descriptions: give one --description per file, in the files' order, or none",
                    files.len(),
                    descriptions.len()
                )));
            }
            let mut view = app.case(id)?;
            for (n, f) in files.iter().enumerate() {
                view = app.add_evidence(id, f, descriptions.get(n).map(String::as_str))?;
            }
            (view, json)
        }
        CaseAction::Close { id, outcome, json } => (app.close_case(id, &outcome)?, json),
    };
    if json {
        print_json(&view)
    } else {
        print_case(&view);
        Ok(())
    }
}

fn print_case(c: &CaseView) {
    out!(
        "case {}  {}  {} {} at {}  ({}, {}, {})",
        c.id,
        c.status.as_str(),
        c.amount,
        c.currency,
        c.merchant,
        c.reason.as_str(),
        c.jurisdiction.as_str(),
        c.instrument.as_str()
    );
    if let Some(kind) = c.details.transfer {
        out!("  transfer: {}", kind.as_str());
    }
    for t in &c.transactions {
        out!(
            "  transaction {:>6}  {}  {:>10} {}  {}  ({}:{})",
            t.id,
            t.date,
            t.amount,
            t.currency,
            t.description,
            t.source_file,
            t.source_line
        );
    }
    for s in &c.plan.steps {
        if let Some(why) = &s.unavailable {
            out!("  {:<12} not available: {}", s.step.as_str(), why.en);
            continue;
        }
        out!(
            "  {:<12} send by {:<10}  sent {:<10}  answer due {:<10}  answered {}",
            s.step.as_str(),
            opt(s.send_by),
            opt(s.sent),
            opt(s.answer_due),
            opt(s.answered)
        );
        if let Some(cal) = &s.calendar {
            out!("  {:<12} business days: {}", "", cal.en);
        }
    }
    let n = &c.plan.next_action;
    let by = n.by.map(|d| format!(" by {d}")).unwrap_or_default();
    out!("next: {}{}", n.what_en, by);
    for w in &c.plan.warnings {
        out!("warning: {}", w.message_en);
    }
    if let Some(r) = &c.refund_candidate {
        out!(
            "refund found: transaction {} of {} {} on {} (close with --outcome refunded)",
            r.id,
            r.amount,
            r.currency,
            r.date
        );
    }
    // disputes-facts §9.5: said wherever a plan or letter is shown, in both languages.
    let notice = recourse_app::dto_cases::not_legal_advice();
    out!("note: {}", notice.en);
    out!("说明：{}", notice.zh);
}

/// A date or "-".
fn opt<T: ToString>(d: Option<T>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

pub fn letter(app: &App, a: LetterArgs) -> Result<(), AppError> {
    let written = app.export_letter(a.case_id, a.step, a.lang, a.format, a.paper, &a.out)?;
    for path in written {
        eprintln!("{} written", path.display());
    }
    Ok(())
}

pub fn sender(app: &mut App, action: SenderAction) -> Result<(), AppError> {
    match action {
        SenderAction::Set {
            name,
            address,
            email,
            phone,
            gender,
            birth_date,
            ethnicity,
            id_number,
            occupation,
        } => {
            let mut p = app.sender()?;
            if gender.is_some() {
                p.gender = gender;
            }
            for (field, value) in [
                (&mut p.birth_date, birth_date),
                (&mut p.ethnicity, ethnicity),
                (&mut p.id_number, id_number),
                (&mut p.occupation, occupation),
            ] {
                if let Some(v) = value {
                    *field = v;
                }
            }
            if let Some(v) = name {
                p.name = v;
            }
            if !address.is_empty() {
                p.address = address.join("\n");
            }
            if let Some(v) = email {
                p.email = v;
            }
            if let Some(v) = phone {
                p.phone = v;
            }
            let saved: Sender = app.set_sender(&p)?;
            eprintln!("sender saved: {}", saved.name);
        }
        SenderAction::Show { json } => {
            let p = app.sender()?;
            if json {
                return print_json(&p);
            }
            out!("{}\n{}\n{}\n{}", p.name, p.address, p.email, p.phone);
            // The court complaint's particulars, only those given.
            let particulars = [
                ("gender", p.gender.map(|g| g.as_str().to_string())),
                ("birth date", Some(p.birth_date.clone())),
                ("ethnicity", Some(p.ethnicity.clone())),
                ("id number", Some(p.id_number.clone())),
                ("occupation", Some(p.occupation.clone())),
            ];
            for (label, value) in particulars {
                if let Some(v) = value.filter(|v| !v.is_empty()) {
                    out!("{label}: {v}");
                }
            }
        }
    }
    Ok(())
}
