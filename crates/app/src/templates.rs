//! The user's own letter templates, as the template editor sees them: which kinds of letter
//! have a template, the one in use (built-in or the user's), a preview filled from the user's
//! latest case (or a sample), and the checks a template passes before it is saved.
//!
//! A template is checked by rendering it, not by parsing alone: strict mode only reports a
//! misspelt field on the lines that actually run, so it is rendered for every reason and means
//! of payment, with and without the optional facts (notes, earlier letters, evidence), and for
//! the user's latest case of that jurisdiction. A template that passes all of these writes the
//! letters the user will ask for.

use crate::cases::today;
use crate::dto::Lang;
use crate::error::{AppError, Result};
use crate::sender::letter_sender;
use crate::App;
use crate::ErrorCode;
use chrono::{Days, NaiveDate};
use recourse_core::disputes::{Instrument, Jurisdiction, Reason, Step};
use recourse_core::letters::{
    self, EarlierStep, Letter, LetterParty, LetterRequest, LetterTransaction, Sender, TemplateError,
};
use recourse_core::money::Currency;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Far beyond any letter; a larger "template" is almost surely the wrong text pasted in.
const MAX_TEMPLATE_CHARS: usize = 100_000;

/// One kind of letter a template writes: jurisdiction × step × language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateKind {
    pub jurisdiction: Jurisdiction,
    pub step: Step,
    /// Chinese exists for China only.
    pub lang: Lang,
}

/// A kind of letter the editor offers, and whether the user writes it from their own template.
#[derive(Clone, Debug, Serialize, TS)]
pub struct TemplateChoice {
    pub kind: TemplateKind,
    pub custom: bool,
}

/// A field a template can use: `key` is its leading name (for a translated explanation),
/// `text` the names and their one-line explanation as the letter engine documents them.
#[derive(Clone, Debug, Serialize, TS)]
pub struct TemplateField {
    pub key: String,
    pub text: String,
}

/// The template in use for one kind of letter.
#[derive(Clone, Debug, Serialize, TS)]
pub struct TemplateView {
    pub kind: TemplateKind,
    /// The source letters are written from now.
    pub source: String,
    /// True when `source` is the user's own template, false for the built-in one.
    pub custom: bool,
    /// The built-in source, to compare with or go back to.
    pub builtin: String,
    pub fields: Vec<TemplateField>,
}

/// A template rendered for the editor: the letter, or why it could not be written.
#[derive(Clone, Debug, Serialize, TS)]
pub struct TemplatePreview {
    pub letter: Option<Letter>,
    /// The whole letter as plain text, as it would be copied or exported.
    pub text: Option<String>,
    pub error: Option<TemplateError>,
    /// The case the preview is filled from; `None` for the built-in sample case.
    pub case_id: Option<i64>,
    /// That case's merchant (or the sample's).
    pub merchant: String,
}

impl App {
    /// Every kind of letter that has a built-in template (English for every jurisdiction and
    /// step, Chinese for China), in ladder order, marking those the user has replaced.
    pub fn template_choices(&self) -> Result<Vec<TemplateChoice>> {
        let mut out = Vec::new();
        for kind in all_kinds() {
            let custom = self.own_template(&kind)?.is_some();
            out.push(TemplateChoice { kind, custom });
        }
        Ok(out)
    }

    /// The template in use for `kind`, with the built-in one and the fields it can use.
    pub fn template(&self, kind: &TemplateKind) -> Result<TemplateView> {
        let builtin = builtin(kind)?;
        let own = self.own_template(kind)?;
        Ok(TemplateView {
            kind: kind.clone(),
            custom: own.is_some(),
            source: own.unwrap_or_else(|| builtin.to_string()),
            builtin: builtin.to_string(),
            fields: fields(),
        })
    }

    /// Renders `source` as a letter of `kind`, filled from the user's latest case in that
    /// jurisdiction, else from a sample case. A template error is part of the answer (with its
    /// line), not a failure: the editor shows it next to the text.
    pub fn preview_template(&self, kind: &TemplateKind, source: &str) -> Result<TemplatePreview> {
        builtin(kind)?;
        check_size(source)?;
        let (req, case_id) = match self.latest_case_request(kind)? {
            Some((req, id)) => (req, Some(id)),
            None => (
                sample(
                    kind,
                    letter_sender(&self.sender()?),
                    Full::Yes,
                    Reason::DoubleCharge,
                    None,
                ),
                None,
            ),
        };
        let merchant = req
            .transactions
            .first()
            .map(|t| t.merchant.clone())
            .unwrap_or_default();
        Ok(match letters::render(&req, Some(source)) {
            Ok(letter) => TemplatePreview {
                text: Some(recourse_documents::text(&letter)),
                letter: Some(letter),
                error: None,
                case_id,
                merchant,
            },
            Err(e) => TemplatePreview {
                letter: None,
                text: None,
                error: Some(e),
                case_id,
                merchant,
            },
        })
    }

    /// Saves the user's template for `kind` once it renders every letter it may be asked for;
    /// refused (nothing stored) with the error and its line otherwise. Saving the built-in text
    /// unchanged goes back to the built-in template, so later improvements to it still arrive.
    pub fn save_template(&mut self, kind: &TemplateKind, source: &str) -> Result<TemplateView> {
        let builtin = builtin(kind)?;
        if source.trim().is_empty() {
            return Err(AppError::invalid(
                "an empty template would write an empty letter; to go back to the built-in one, reset it",
            )
            .with_detail("template.empty", []));
        }
        let own = (source.trim() != builtin.trim()).then_some(source);
        self.set_letter_template(kind.jurisdiction, kind.step, kind.lang, own)?;
        self.template(kind)
    }

    /// Goes back to the built-in template for `kind`.
    pub fn reset_template(&mut self, kind: &TemplateKind) -> Result<TemplateView> {
        builtin(kind)?;
        self.set_letter_template(kind.jurisdiction, kind.step, kind.lang, None)?;
        self.template(kind)
    }

    /// Renders `source` for every situation a letter of this kind can be written in (see the
    /// module comment); the first failure names the template's line and the situation.
    pub(crate) fn check_template(
        &self,
        j: Jurisdiction,
        step: Step,
        lang: Lang,
        source: &str,
    ) -> Result<()> {
        check_size(source)?;
        let kind = TemplateKind {
            jurisdiction: j,
            step,
            lang,
        };
        let whose = |e: TemplateError, situation: String| {
            AppError::new(
                ErrorCode::Template,
                format!(
                    "your template for {} {} ({}): {e} ({situation}); it was not saved",
                    j.as_str(),
                    step.as_str(),
                    lang.as_str()
                ),
            )
        };
        if let Some((req, id)) = self.latest_case_request(&kind)? {
            letters::render(&req, Some(source))
                .map_err(|e| whose(e, format!("writing the letter of case {id}")))?;
        }
        let sender = letter_sender(&self.sender()?);
        for full in [Full::Yes, Full::No] {
            for reason in Reason::ALL {
                for instrument in Instrument::ALL {
                    // A combination with no such letter (no such step, or facts the letter's
                    // law does not cover) has nothing to check.
                    let req = sample(&kind, sender.clone(), full, reason, Some(instrument));
                    if letters::letter_exists(&req).is_err() {
                        continue;
                    }
                    letters::render(&req, Some(source)).map_err(|e| {
                        let facts = match full {
                            Full::Yes => "",
                            Full::No => ", without notes, earlier letters or evidence",
                        };
                        whose(
                            e,
                            format!(
                                "with a sample case: {}, {}{facts}",
                                reason.label().en,
                                instrument.label().en
                            ),
                        )
                    })?;
                }
            }
        }
        Ok(())
    }

    /// The user's own template for `kind`, if they saved one.
    fn own_template(&self, kind: &TemplateKind) -> Result<Option<String>> {
        self.own_letter_template(kind.jurisdiction, kind.step, kind.lang)
    }

    /// The letter request of the user's most recent case in the kind's jurisdiction that has a
    /// letter of the kind's step (an unauthorised charge has no merchant letter, for one), for
    /// that step and language.
    fn latest_case_request(&self, kind: &TemplateKind) -> Result<Option<(LetterRequest, i64)>> {
        // Newest first.
        for row in self.db.case_rows()? {
            if row.jurisdiction != kind.jurisdiction.as_str() {
                continue;
            }
            let c = self.load_case(row.id)?;
            let has_step = recourse_core::disputes::law::step_exists(
                c.jurisdiction,
                c.instrument,
                c.reason,
                kind.step,
            )
            .is_ok();
            if has_step {
                return Ok(Some((
                    self.letter_request(&c, kind.step, kind.lang)?,
                    row.id,
                )));
            }
        }
        Ok(None)
    }
}

/// Whether a sample case carries every optional fact, or none.
#[derive(Clone, Copy)]
enum Full {
    Yes,
    No,
}

fn all_kinds() -> Vec<TemplateKind> {
    let mut out = Vec::new();
    for j in Jurisdiction::ALL {
        for lang in Lang::ALL {
            for step in Step::ALL {
                if letters::builtin_template(j, step, lang.as_str()).is_some() {
                    out.push(TemplateKind {
                        jurisdiction: j,
                        step,
                        lang,
                    });
                }
            }
        }
    }
    out
}

/// The built-in source of `kind`; only kinds with one can be edited here.
fn builtin(kind: &TemplateKind) -> Result<&'static str> {
    letters::builtin_template(kind.jurisdiction, kind.step, kind.lang.as_str()).ok_or_else(|| {
        AppError::invalid(format!(
            "there are no {} letters for {} {}: templates exist in English everywhere and in Chinese for China",
            kind.lang.as_str(),
            kind.jurisdiction.as_str(),
            kind.step.as_str()
        ))
    })
}

fn check_size(source: &str) -> Result<()> {
    let n = source.chars().count();
    if n > MAX_TEMPLATE_CHARS {
        return Err(AppError::invalid(format!(
            "the template is {n} characters long; a letter template is at most {MAX_TEMPLATE_CHARS}"
        ))
        .with_detail(
            "template.too_long",
            [
                ("size", n.to_string()),
                ("max", MAX_TEMPLATE_CHARS.to_string()),
            ],
        ));
    }
    Ok(())
}

fn fields() -> Vec<TemplateField> {
    letters::template_fields()
        .into_iter()
        .map(|text| TemplateField {
            key: text
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect(),
            text: text.to_string(),
        })
        .collect()
}

/// A believable case for previews and checks: a charge taken twice at a merchant typical of
/// the jurisdiction, with (when `full`) a card number, notes, evidence and every earlier step
/// taken, the first one answered.
fn sample(
    kind: &TemplateKind,
    sender: Sender,
    full: Full,
    reason: Reason,
    instrument: Option<Instrument>,
) -> LetterRequest {
    let (merchant, description, amount_minor, currency, instrument_default) =
        match kind.jurisdiction {
            Jurisdiction::Us => (
                "Philz Coffee",
                "TST* PHILZ COFFEE",
                -438,
                Currency::USD,
                Instrument::CreditCard,
            ),
            Jurisdiction::Uk => (
                "Deliveroo",
                "DELIVEROO LONDON",
                -2450,
                Currency::GBP,
                Instrument::CreditCard,
            ),
            Jurisdiction::Eu => (
                "Zalando",
                "ZALANDO SE BERLIN",
                -5995,
                Currency::EUR,
                Instrument::CreditCard,
            ),
            Jurisdiction::Cn => (
                "美团外卖",
                "美团外卖-订单 20240412",
                -3680,
                Currency::CNY,
                Instrument::PaymentPlatform,
            ),
        };
    let today = today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let full = matches!(full, Full::Yes);
    let txn = |line: u64, date: NaiveDate| LetterTransaction {
        date,
        posted_date: full.then(|| date.checked_add_days(Days::new(1)).unwrap_or(date)),
        merchant: merchant.to_string(),
        description: description.to_string(),
        amount_minor,
        currency,
        source_file: "statement.csv".to_string(),
        source_line: line,
    };
    let mut transactions = vec![txn(74, ago(40))];
    if full {
        transactions.push(txn(75, ago(40)));
    }
    let earlier = if full {
        Step::ALL
            .into_iter()
            .filter(|s| *s < kind.step)
            .enumerate()
            .map(|(i, s)| EarlierStep {
                step: s,
                sent: ago(30 - 7 * i as u64),
                answered: (i == 0).then(|| ago(25)),
                outcome: (i == 0).then(|| "They refused to refund.".to_string()),
                recipient: (s == Step::Merchant).then(|| merchant.to_string()),
            })
            .collect()
    } else {
        Vec::new()
    };
    let party = LetterParty {
        name: Some(merchant.to_string()),
        address: if full {
            vec!["1 Market Street".to_string()]
        } else {
            Vec::new()
        },
    };
    LetterRequest {
        lang: kind.lang.as_str().to_string(),
        jurisdiction: kind.jurisdiction,
        instrument: instrument.unwrap_or(instrument_default),
        reason,
        step: kind.step,
        sender: if full { sender } else { Sender::default() },
        recipient: (full && kind.step == Step::Merchant).then(|| party.clone()),
        counterparty: full.then_some(party),
        account_last4: full.then(|| "4242".to_string()),
        transactions,
        amount_claimed_minor: None,
        earlier_steps: earlier,
        legal_basis: None,
        enclosures: if full {
            vec!["receipt.pdf".into(), "statement.pdf".into()]
        } else {
            Vec::new()
        },
        notes: full.then(|| "I bought one coffee and was charged for two.".to_string()),
        today,
        details: if full {
            letters::CaseDetails {
                statement_date: today.checked_sub_days(chrono::Days::new(10)),
                delivered_on: None,
                reported_on: today.checked_sub_days(chrono::Days::new(20)),
                police_report: Some("2026-000123".to_string()),
                bank: Some(LetterParty {
                    name: Some("Example Bank".to_string()),
                    address: vec!["1 Bank Street".to_string()],
                }),
                complaint_body: None,
                region: None,
                transfer: None,
            }
        } else {
            letters::CaseDetails::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_passes_its_own_checks() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(&dir.path().join("recourse.db")).unwrap();
        let kinds = all_kinds();
        assert_eq!(
            kinds.len(),
            20,
            "English for 4 × 4, Chinese for China's 4 steps"
        );
        for kind in kinds {
            let src = builtin(&kind).unwrap();
            app.check_template(kind.jurisdiction, kind.step, kind.lang, src)
                .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        }
    }

    #[test]
    fn field_keys_are_the_leading_names() {
        let keys: Vec<String> = fields().into_iter().map(|f| f.key).collect();
        for k in [
            "lang",
            "today",
            "sender",
            "transactions",
            "earlier",
            "reply_by",
        ] {
            assert!(keys.iter().any(|x| x == k), "{k} in {keys:?}");
        }
    }
}
