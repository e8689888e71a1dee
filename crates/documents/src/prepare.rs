//! One reading of a [`Letter`] shared by the PDF, DOCX and text outputs, so the three always
//! have the same structure: body split into paragraphs, the closing chosen for the language,
//! labels in the letter's language, stray control characters removed.

use recourse_core::letters::Letter;
use serde::Serialize;

use crate::Paper;

/// The letter as the layouts consume it (and as the typst template reads it from JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Prepared {
    /// "en" or "zh": anything that is not Chinese is laid out as English.
    pub lang: &'static str,
    /// "letter" or "complaint".
    pub kind: &'static str,
    /// typst's paper name: "a4" or "us-letter".
    pub paper: &'static str,
    /// Font families in order of preference for this language.
    pub fonts: Vec<&'static str>,
    pub title: String,
    pub sender: Vec<String>,
    /// The sender's lines without the one repeating the signed name: printed under the
    /// signature, where the name would otherwise appear twice.
    pub sender_details: Vec<String>,
    pub recipient: Vec<String>,
    pub date: String,
    pub subject: String,
    /// Paragraphs, each a list of lines (single line breaks inside a paragraph are kept:
    /// lists and quoted statement lines rely on them).
    pub paragraphs: Vec<Vec<String>>,
    /// The closing lines, empty when the body already ends with one.
    pub closing: Vec<String>,
    /// True when the body's first line is a Chinese letter's salutation ("某某银行："), which
    /// starts at the margin (顶格) while the other lines are indented.
    pub salutation: bool,
    /// Printed before the signature ("具状人：" on a Chinese complaint).
    pub signature_label: &'static str,
    pub signature: String,
    pub enclosures_label: &'static str,
    pub enclosures: Vec<String>,
}

/// Families of the bundled fonts (see `fonts/`).
pub(crate) const LATIN_FAMILY: &str = "Noto Serif";
pub(crate) const CJK_FAMILY: &str = "Noto Serif CJK SC";

impl Prepared {
    pub(crate) fn new(letter: &Letter, paper: Paper) -> Prepared {
        let zh = is_chinese(&letter.lang);
        let complaint = letter.kind.trim().eq_ignore_ascii_case("complaint");
        let paragraphs = paragraphs(&letter.body);
        let recipient = clean_lines(&letter.recipient);
        let sender = clean_lines(&letter.sender);
        let signature = clean_line(&letter.signature);
        let sender_details = sender
            .iter()
            .filter(|l| **l != signature)
            .cloned()
            .collect();
        // A worksheet is a page the user keeps (the particulars of claim): nobody to close to.
        let worksheet = letter.kind.trim().eq_ignore_ascii_case("worksheet");
        let closing = if worksheet || ends_with_closing(&paragraphs) {
            Vec::new()
        } else {
            closing(zh, complaint, &paragraphs, &recipient)
        };
        Prepared {
            lang: if zh { "zh" } else { "en" },
            kind: if complaint { "complaint" } else { "letter" },
            paper: paper.typst_name(),
            // Chinese text is set entirely in the CJK face (its Latin matches its hanzi);
            // English uses the Latin face and reaches the CJK face only for stray hanzi.
            fonts: if zh {
                vec![CJK_FAMILY, LATIN_FAMILY]
            } else {
                vec![LATIN_FAMILY, CJK_FAMILY]
            },
            title: clean_line(&letter.title),
            sender,
            sender_details,
            recipient,
            date: clean_line(&letter.date),
            subject: clean_line(&letter.subject),
            salutation: zh && !complaint && starts_with_salutation(&paragraphs),
            paragraphs,
            closing,
            signature_label: if zh && complaint { "具状人：" } else { "" },
            signature,
            enclosures_label: match (zh, complaint) {
                (true, true) => "附：",
                (true, false) => "附件：",
                (false, _) => "Enclosures:",
            },
            enclosures: clean_lines(&letter.enclosures),
        }
    }
}

impl Prepared {
    /// Every character the layout will print (the template adds only digits and "/").
    pub(crate) fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let lines = [&self.title, &self.date, &self.subject, &self.signature]
            .into_iter()
            .chain(&self.sender)
            .chain(&self.recipient)
            .chain(self.paragraphs.iter().flatten())
            .chain(&self.closing)
            .chain(&self.enclosures);
        lines
            .flat_map(|l| l.chars())
            .chain(self.signature_label.chars())
            .chain(self.enclosures_label.chars())
    }
}

pub(crate) fn is_chinese(lang: &str) -> bool {
    let lang = lang.trim().to_ascii_lowercase();
    lang == "zh" || lang.starts_with("zh-") || lang.starts_with("zh_")
}

/// Splits the body at blank lines (lines holding only whitespace count as blank), trimming the
/// end of each line and dropping empty paragraphs.
pub(crate) fn paragraphs(body: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in body.lines() {
        let line = clean_text(line);
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True when the first line addresses the reader: a short name ending in a colon ("某某数码："),
/// not a sentence introducing a list ("……价款如下：").
fn starts_with_salutation(paragraphs: &[Vec<String>]) -> bool {
    paragraphs.first().and_then(|p| p.first()).is_some_and(|l| {
        let l = l.trim();
        l.ends_with('：') && l.chars().count() <= 30 && !l.contains(['，', '。', '；', ',', ';'])
    })
}

/// The closing the layout adds when the body has none.
fn closing(
    zh: bool,
    complaint: bool,
    paragraphs: &[Vec<String>],
    recipient: &[String],
) -> Vec<String> {
    match (zh, complaint) {
        // A 起诉状 ends "此致" and the court's name.
        (true, true) => {
            let mut lines = vec!["此致".to_string()];
            lines.extend(recipient.first().cloned());
            lines
        }
        (true, false) => vec!["此致".to_string(), "敬礼！".to_string()],
        // A court form in English is signed without a letter's closing.
        (false, true) => Vec::new(),
        // British usage, which American readers accept too: "faithfully" to an unnamed reader.
        (false, false) => {
            let first = paragraphs
                .first()
                .and_then(|p| p.first())
                .map(|l| l.to_ascii_lowercase())
                .unwrap_or_default();
            if first.starts_with("dear sir") || first.starts_with("dear madam") {
                vec!["Yours faithfully,".to_string()]
            } else {
                vec!["Yours sincerely,".to_string()]
            }
        }
    }
}

/// True when the body already ends with a closing, so the layout must not add one. A closing
/// may be followed by a short note (a 起诉状's "附：本起诉状副本…"), so the last three
/// paragraphs are looked at.
fn ends_with_closing(paragraphs: &[Vec<String>]) -> bool {
    const EN: [&str; 8] = [
        "yours",
        "sincerely",
        "regards",
        "kind regards",
        "best regards",
        "respectfully",
        "faithfully",
        "with thanks",
    ];
    let tail = &paragraphs[paragraphs.len().saturating_sub(3)..];
    tail.iter().flatten().any(|line| {
        let l = line.trim().to_lowercase();
        l.starts_with("此致")
            || l.starts_with("敬礼")
            || (l.chars().count() < 40 && EN.iter().any(|w| l.starts_with(w)))
    })
}

fn clean_lines(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| clean_line(l))
        .filter(|l| !l.is_empty())
        .collect()
}

/// One line of a block: control characters and line breaks removed, whitespace trimmed.
fn clean_line(s: &str) -> String {
    clean_text(&s.replace(['\r', '\n'], " ")).trim().to_string()
}

/// Drops control characters (they have no glyph and can upset PDF text extraction and XML);
/// a tab becomes a space.
fn clean_text(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(lang: &str, kind: &str, body: &str) -> Letter {
        Letter {
            lang: lang.into(),
            kind: kind.into(),
            title: String::new(),
            sender: vec!["Ann Smith".into()],
            recipient: vec!["ACME Bank".into(), "1 High St".into()],
            date: "1 March 2026".into(),
            subject: "Re".into(),
            body: body.into(),
            enclosures: vec![],
            signature: "Ann Smith".into(),
        }
    }

    #[test]
    fn splits_paragraphs_at_blank_lines_and_keeps_single_breaks() {
        let got = paragraphs("Dear Sir,\r\n\r\nLine one\nline two\n  \n\n\nEnd\u{0}.\n");
        assert_eq!(
            got,
            vec![
                vec!["Dear Sir,".to_string()],
                vec!["Line one".into(), "line two".into()],
                vec!["End.".into()],
            ]
        );
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n \n\t\n").is_empty());
    }

    #[test]
    fn a_chinese_salutation_is_a_short_first_line_ending_in_a_colon() {
        let p = |body: &str, kind: &str| {
            Prepared::new(&letter("zh-CN", kind, body), Paper::A4).salutation
        };
        assert!(p("某某数码：\n\n本人于……", "letter"));
        assert!(!p(
            "本人于2026年10月23日在贵店购买商品，价款如下：\n1. …",
            "letter"
        ));
        assert!(!p("原告：张伟", "complaint"));
        assert!(
            !Prepared::new(&letter("en", "letter", "Dear Sir or Madam,"), Paper::A4).salutation
        );
    }

    #[test]
    fn chooses_the_closing_by_language_and_salutation() {
        let cases = [
            (
                "en",
                "letter",
                "Dear Sir or Madam,\n\nText.",
                vec!["Yours faithfully,"],
            ),
            (
                "en",
                "letter",
                "Dear Ms Lee,\n\nText.",
                vec!["Yours sincerely,"],
            ),
            ("en", "letter", "Text.\n\nKind regards,", vec![]),
            ("en", "complaint", "Text.", vec![]),
            ("en", "worksheet", "Dear Sir or Madam,\n\nText.", vec![]),
            ("zh-CN", "letter", "正文。", vec!["此致", "敬礼！"]),
            ("zh-CN", "letter", "正文。\n\n此致\n敬礼！", vec![]),
            // A complaint's own closing, followed by its note on copies.
            (
                "zh-CN",
                "complaint",
                "诉讼请求：\n\n此致\n某某区人民法院\n\n附：本起诉状副本一份",
                vec![],
            ),
            (
                "zh-CN",
                "complaint",
                "诉讼请求：",
                vec!["此致", "ACME Bank"],
            ),
        ];
        for (lang, kind, body, want) in cases {
            let p = Prepared::new(&letter(lang, kind, body), Paper::A4);
            assert_eq!(p.closing, want, "{lang} {kind} {body:?}");
        }
    }

    #[test]
    fn orders_fonts_and_labels_by_language() {
        let en = Prepared::new(&letter("en", "letter", "x"), Paper::Letter);
        assert_eq!(en.fonts, vec![LATIN_FAMILY, CJK_FAMILY]);
        assert_eq!(
            (en.lang, en.paper, en.enclosures_label),
            ("en", "us-letter", "Enclosures:")
        );
        let zh = Prepared::new(&letter("zh-CN", "complaint", "x"), Paper::A4);
        assert_eq!(zh.fonts, vec![CJK_FAMILY, LATIN_FAMILY]);
        assert_eq!(
            (zh.lang, zh.paper, zh.signature_label),
            ("zh", "a4", "具状人：")
        );
        // Unknown language and kind fall back to an English letter rather than failing.
        let other = Prepared::new(&letter("fr", "memo", "x"), Paper::A4);
        assert_eq!((other.lang, other.kind), ("en", "letter"));
    }
}
