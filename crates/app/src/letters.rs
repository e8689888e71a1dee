//! Letters for a case's steps: rendered from the built-in templates with the sender, the case,
//! its transactions, earlier steps and evidence; the user's edited body kept per step; exported
//! as PDF, DOCX or plain text.

use crate::cases::{today, write_new, Loaded};
use crate::dto::Lang;
use crate::dto_cases::{ExportFormat, LetterView};
use crate::error::{AppError, Result};
use crate::sender::letter_sender;
use crate::App;
use crate::ErrorCode;
use recourse_core::disputes::{Jurisdiction, Step};
use recourse_core::letters::{
    self, EarlierStep, Letter, LetterParty, LetterRequest, LetterTransaction,
};
use recourse_core::money::Currency;
use recourse_documents::{DocumentError, Paper, Renderer};
use std::path::{Path, PathBuf};

impl App {
    /// The letter for `step` in `lang` (a jurisdiction without Chinese templates answers in
    /// English, which its recipient reads), with the user's saved body when there is one.
    pub fn letter(&self, case_id: i64, step: Step, lang: Lang) -> Result<LetterView> {
        let c = self.load_case(case_id)?;
        let (custom, lang) = self.own_template_for_letter(c.jurisdiction, step, lang)?;
        let req = self.letter_request(&c, step, lang)?;
        let mut letter = letters::render(&req, custom.as_deref()).map_err(|e| {
            let whose = if custom.is_some() {
                "your template"
            } else {
                "the built-in template"
            };
            AppError::new(
                ErrorCode::Template,
                format!(
                    "{whose} for {} {} ({}): {e}",
                    c.jurisdiction.as_str(),
                    step.as_str(),
                    lang.as_str()
                ),
            )
        })?;
        let saved = c.step(step).and_then(|s| s.letter_text.clone());
        let edited = saved.is_some();
        if let Some(body) = saved {
            letter.body = body;
        }
        let text = recourse_documents::text(&letter);
        let worksheet = letters::claim_worksheet(&req).map_err(|e| {
            AppError::new(
                ErrorCode::Template,
                format!("the claim worksheet for {}: {e}", step.as_str()),
            )
        })?;
        Ok(LetterView {
            letter,
            text,
            edited,
            worksheet,
        })
    }

    /// The wording template a letter of this jurisdiction, step and language is written from:
    /// the user's own when they saved one, else the built-in one (None when there is neither).
    pub fn letter_template(
        &self,
        jurisdiction: Jurisdiction,
        step: Step,
        lang: Lang,
    ) -> Result<Option<String>> {
        if let Some(own) = self.db.setting(&template_key(jurisdiction, step, lang))? {
            return Ok(Some(own));
        }
        Ok(letters::builtin_template(jurisdiction, step, lang.as_str()).map(str::to_string))
    }

    /// Saves the user's own wording template for letters of this jurisdiction, step and
    /// language (None goes back to the built-in one). A template that does not render (a
    /// misspelt field, a tag left open) is refused with its template line, and nothing is
    /// stored; see `templates` for what it is checked against.
    pub fn set_letter_template(
        &mut self,
        jurisdiction: Jurisdiction,
        step: Step,
        lang: Lang,
        source: Option<&str>,
    ) -> Result<()> {
        let key = template_key(jurisdiction, step, lang);
        match source.map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => {
                self.check_template(jurisdiction, step, lang, text)?;
                Ok(self.db.set_setting(&key, text)?)
            }
            None => Ok(self.db.delete_setting(&key)?),
        }
    }

    /// Saves the user's edit of a step's letter body; an empty body goes back to the template.
    pub fn save_letter_text(&mut self, case_id: i64, step: Step, body: &str) -> Result<()> {
        self.load_case(case_id)?;
        let body = Some(body.trim()).filter(|b| !b.is_empty());
        Ok(self.db.save_letter_text(case_id, step.as_str(), body)?)
    }

    /// Writes the letter to `out` in `format` on `paper` (default: US Letter for US cases, A4
    /// elsewhere). The file is written whole or not at all.
    pub fn export_letter(
        &self,
        case_id: i64,
        step: Step,
        lang: Lang,
        format: ExportFormat,
        paper: Option<Paper>,
        out: &Path,
    ) -> Result<Vec<PathBuf>> {
        let view = self.letter(case_id, step, lang)?;
        let paper = match paper {
            Some(p) => p,
            None => default_paper(self.load_case(case_id)?.jurisdiction),
        };
        let mut documents = vec![(out.to_path_buf(), view.letter)];
        if let Some(sheet) = view.worksheet {
            // The worksheet is its own file beside the letter, so it never goes out with it.
            documents.push((worksheet_path(out), sheet));
        }
        let rendered = documents
            .iter()
            .map(|(_, letter)| self.document(letter, format, paper))
            .collect::<Result<Vec<_>>>()?;
        for ((path, _), bytes) in documents.iter().zip(rendered) {
            write_new(path, &bytes)?;
        }
        Ok(documents.into_iter().map(|(path, _)| path).collect())
    }

    /// One letter in the format asked for.
    fn document(&self, letter: &Letter, format: ExportFormat, paper: Paper) -> Result<Vec<u8>> {
        Ok(match format {
            ExportFormat::Pdf => self
                .renderer()?
                .pdf(letter, paper)
                .map_err(document_error)?,
            ExportFormat::Docx => {
                recourse_documents::docx(letter, paper).map_err(document_error)?
            }
            ExportFormat::Txt => recourse_documents::text(letter).into_bytes(),
        })
    }

    /// A file name for an exported letter, e.g. `case-3-merchant-en.pdf`.
    pub fn letter_file_name(case_id: i64, step: Step, lang: Lang, format: ExportFormat) -> String {
        format!(
            "case-{case_id}-{}-{}.{}",
            step.as_str(),
            lang.as_str(),
            format.extension()
        )
    }

    /// The PDF renderer, made on first use: loading the fonts takes a moment, and most runs of
    /// the app export no letter.
    fn renderer(&self) -> Result<&Renderer> {
        if let Some(r) = self.renderer.get() {
            return Ok(r);
        }
        let made = Renderer::new(&[]).map_err(document_error)?;
        Ok(self.renderer.get_or_init(|| made))
    }

    pub(crate) fn letter_request(
        &self,
        c: &Loaded,
        step: Step,
        lang: Lang,
    ) -> Result<LetterRequest> {
        let merchant = c.merchant();
        let merchant_party = LetterParty {
            name: Some(merchant.clone()).filter(|m| !m.is_empty()),
            address: c.row.merchant_address.clone(),
        };
        let transactions = c
            .transactions
            .iter()
            .map(letter_transaction)
            .collect::<Result<Vec<_>>>()?;
        let mut earlier: Vec<EarlierStep> = c
            .step_records()
            .into_iter()
            .filter(|r| r.step < step)
            .filter_map(|r| {
                Some(EarlierStep {
                    step: r.step,
                    sent: r.sent?,
                    answered: r.answered,
                    outcome: r.outcome,
                    recipient: (r.step == Step::Merchant)
                        .then(|| merchant.clone())
                        .filter(|m| !m.is_empty()),
                })
            })
            .collect();
        earlier.sort_by_key(|e| e.sent);
        Ok(LetterRequest {
            lang: lang.as_str().to_string(),
            jurisdiction: c.jurisdiction,
            instrument: c.instrument,
            reason: c.reason,
            step,
            sender: letter_sender(&self.sender()?),
            recipient: (step == Step::Merchant).then(|| merchant_party.clone()),
            counterparty: Some(merchant_party),
            account_last4: c.row.account_last4.clone(),
            transactions,
            amount_claimed_minor: None,
            earlier_steps: earlier,
            legal_basis: None,
            enclosures: self
                .db
                .evidence(c.row.id)?
                .into_iter()
                .map(|e| letters::Enclosure {
                    file_name: e.file_name,
                    description: e.description,
                })
                .collect(),
            notes: Some(c.row.notes.clone()).filter(|n| !n.trim().is_empty()),
            today: today(),
            details: {
                let d = &c.row.details;
                // A fact whose stored date cannot be read is left out of the letter.
                let date = |v: &Option<String>| {
                    v.as_deref()
                        .and_then(|s| crate::dates::stored("case", s).ok())
                };
                letters::CaseDetails {
                    statement_date: date(&c.row.statement_date),
                    delivered_on: date(&d.delivered_on),
                    reported_on: date(&d.reported_on),
                    police_report: d.police_report.clone(),
                    bank: d.bank_name.clone().map(|name| LetterParty {
                        name: Some(name),
                        address: vec![],
                    }),
                    complaint_body: c.complaint_body()?,
                    region: d.region.clone(),
                    transfer: c.transfer()?,
                }
            },
        })
    }
}

/// US Letter in the US, A4 everywhere else.
fn default_paper(j: Jurisdiction) -> Paper {
    if j == Jurisdiction::Us {
        Paper::Letter
    } else {
        Paper::A4
    }
}

/// The settings key of the user's own template for one kind of letter.
fn template_key(j: Jurisdiction, step: Step, lang: Lang) -> String {
    format!(
        "letter_template:{}:{}:{}",
        j.as_str(),
        step.as_str(),
        lang.as_str()
    )
}

fn letter_transaction(t: &crate::dto::Transaction) -> Result<LetterTransaction> {
    Ok(LetterTransaction {
        date: t.date,
        posted_date: t.posted_date,
        merchant: t.merchant.clone(),
        description: t.description.clone(),
        amount_minor: t.amount_minor,
        currency: Currency::parse(&t.currency).ok_or_else(|| {
            AppError::new(
                ErrorCode::Storage,
                format!("transaction {}: unknown currency '{}'", t.id, t.currency),
            )
        })?,
        source_file: t.source_file.clone(),
        source_line: t.source_line.max(0) as u64,
    })
}

/// `case-3-court-en.pdf` → `case-3-court-en-worksheet.pdf`.
fn worksheet_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().unwrap_or_default().to_string_lossy();
    let name = match out.extension() {
        Some(ext) => format!("{stem}-worksheet.{}", ext.to_string_lossy()),
        None => format!("{stem}-worksheet"),
    };
    out.with_file_name(name)
}

fn document_error(e: DocumentError) -> AppError {
    AppError::new(ErrorCode::Document, e.to_string())
}

impl App {
    /// The user's own template for this kind of letter, if they saved one (None: the built-in).
    pub(crate) fn own_letter_template(
        &self,
        j: Jurisdiction,
        step: Step,
        lang: Lang,
    ) -> Result<Option<String>> {
        Ok(self.db.setting(&template_key(j, step, lang))?)
    }

    /// The user's template a letter in `lang` is written from, and the language the letter is
    /// then written in. Where there is no built-in template in `lang` (Chinese outside China),
    /// the letter is written in English, so the user's English template is the one that
    /// applies, with English dates and amounts.
    fn own_template_for_letter(
        &self,
        j: Jurisdiction,
        step: Step,
        lang: Lang,
    ) -> Result<(Option<String>, Lang)> {
        if let Some(own) = self.own_letter_template(j, step, lang)? {
            return Ok((Some(own), lang));
        }
        if letters::builtin_template(j, step, lang.as_str()).is_none() && lang != Lang::En {
            return Ok((self.own_letter_template(j, step, Lang::En)?, Lang::En));
        }
        Ok((None, lang))
    }
}
