//! Letter wording: minijinja text templates per jurisdiction × step × language, filled from the
//! user's profile and the case. The result is a `Letter`, which `recourse-documents` lays out as
//! PDF or DOCX and which exports as plain text.

use serde::{Deserialize, Serialize};

/// A finished letter: every field is plain text (never markup), ready to lay out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Letter {
    /// "en" or "zh-CN": decides fonts, date forms and hyphenation in the layout.
    pub lang: String,
    /// "letter" for correspondence, "complaint" for a court form such as a 民事起诉状.
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
