//! Letter wording: minijinja text templates per jurisdiction × step × language, filled from the
//! user's profile and the case. The result is a `Letter`, which `recourse-documents` lays out as
//! PDF or DOCX and which exports as plain text.
//!
//! # How a template is written
//!
//! A template is plain text with minijinja tags (`{{ value }}`, `{% if %}`, `{% for %}`). Its
//! **first line is the subject**: `Subject: …` in English, `事由：…` in Chinese (`主题：` and
//! `Subject:` are accepted in both). Everything after it (leading blank lines dropped) is the
//! body: paragraphs separated by one blank line. A template without such a first line renders a
//! letter with an empty subject. Block tags take their newline with them (`trim_blocks` and
//! `lstrip_blocks` are on), so `{% if %}` lines leave no blank lines behind.
//!
//! Sender, recipient, date, enclosures and signature are laid out by the document layer from the
//! same data; the template only writes the subject and the body.
//!
//! Templates run in strict mode: a misspelt field is an error naming the line and the field
//! (`template line 12: undefined value 'transactoin'`). Text from statements and from the user
//! is passed as data and printed literally — it is never parsed as template code. Auto-escape
//! is off (the output is plain text, not HTML). Execution is bounded (fuel), so no template can
//! hang the app.
//!
//! # Fields available to templates
//!
//! See [`template_fields`] for the list with one line of explanation each.

mod context;
mod evidence;
pub mod format;
pub mod guard;
mod render;
mod request;

pub use render::{
    builtin_template, claim_worksheet, letter_exists, render, template_fields, TemplateError,
};
pub use request::{
    CaseDetails, EarlierStep, Enclosure, Gender, LetterParty, LetterRequest, LetterTransaction,
    Particulars, Sender,
};

use serde::{Deserialize, Serialize};

/// A finished letter: every field is plain text (never markup), ready to lay out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Letter {
    /// "en" or "zh-CN": decides fonts, date forms and hyphenation in the layout.
    pub lang: String,
    /// "letter" for correspondence, "complaint" for a court form such as a 民事起诉状,
    /// "worksheet" for a page the user keeps (the particulars of claim: `claim_worksheet`).
    pub kind: String,
    /// A heading printed above the body (e.g. "民事起诉状"); empty for ordinary letters.
    pub title: String,
    /// The sender's name, address lines, email and phone, one per entry.
    pub sender: Vec<String>,
    /// The recipient's name and address lines, one per entry.
    pub recipient: Vec<String>,
    /// The date line, already formatted for the language ("27 November 2026", "2026年11月27日").
    pub date: String,
    /// The subject line ("Billing error notice — account ending 1234"); may be empty.
    pub subject: String,
    /// The body: paragraphs separated by one blank line. This is the text the user edits.
    pub body: String,
    /// Enclosures listed under the signature.
    pub enclosures: Vec<String>,
    /// The name signed under the closing.
    pub signature: String,
}
