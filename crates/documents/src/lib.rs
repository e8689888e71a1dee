//! Letters to PDF, DOCX and plain text.
//!
//! A [`Letter`] from `recourse-core` is finished wording in plain text. This crate only lays it
//! out: PDF through the typst compiler used as a library (a template reads the letter as JSON
//! data, so no letter text is ever parsed as markup), DOCX through `docx-rs`, and plain text
//! for export and the clipboard. The three share one reading of the letter ([`prepare`]), so
//! they always have the same parts in the same order. Fonts (Noto Serif and a GB2312 subset of
//! Noto Serif CJK SC, both OFL) are embedded, so Chinese renders on any machine.

mod docx;
mod fonts;
mod pdf;
mod prepare;
mod text;

pub use docx::docx;
pub use pdf::Renderer;
pub use recourse_core::letters::Letter;
pub use text::text;

/// The paper a letter is laid out on; "a4" or "letter" on the wire and on the command line.
// The variants' notes are plain comments: as doc comments they would become the CLI's help.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    // 210 × 297 mm: the UK, the EU and China.
    A4,
    // 8.5 × 11 in: the US.
    Letter,
}

impl Paper {
    /// The name typst's `page(paper: ..)` knows it by.
    pub(crate) fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }

    /// Width and height in twentieths of a point (DOCX's unit).
    pub(crate) fn twips(self) -> (u32, u32) {
        match self {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        }
    }
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the bundled font {0} could not be read")]
    BundledFont(String),
    #[error("a font the letter layout needs is missing: {0}")]
    MissingFont(String),
    #[error("the letter could not be laid out: {0}")]
    Layout(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the DOCX could not be written: {0}")]
    Docx(String),
    #[error("the letter could not be passed to the layout: {0}")]
    Data(#[from] serde_json::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_names_on_the_wire() {
        for (s, want) in [("\"a4\"", Paper::A4), ("\"letter\"", Paper::Letter)] {
            assert_eq!(serde_json::from_str::<Paper>(s).unwrap(), want, "{s}");
        }
        assert_eq!(serde_json::to_string(&Paper::Letter).unwrap(), "\"letter\"");
        for bad in ["\"\"", "\"a5\"", "\"A4\"", "\"us-letter\""] {
            assert!(serde_json::from_str::<Paper>(bad).is_err(), "{bad}");
        }
    }
}
