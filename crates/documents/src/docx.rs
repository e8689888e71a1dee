//! DOCX through `docx-rs`, with the same parts in the same order as the PDF, for users who want
//! to edit the letter in Word or WPS.

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType,
};
use recourse_core::letters::Letter;

use crate::prepare::Prepared;
use crate::{DocumentError, Paper};

/// Fonts named in the file. A DOCX cannot carry a fallback list, so these are the faces Word
/// and WPS users actually have: 宋体 (SimSun) ships with Windows and Office in China, and
/// Times New Roman everywhere.
pub(crate) const EAST_ASIA_FONT: &str = "SimSun";
pub(crate) const LATIN_FONT: &str = "Times New Roman";

/// Twentieths of a point per centimetre.
const TWIPS_PER_CM: f64 = 1440.0 / 2.54;

/// The letter as a Word document on `paper`.
pub fn docx(letter: &Letter, paper: Paper) -> Result<Vec<u8>, DocumentError> {
    let p = Prepared::new(letter, paper);
    let zh = p.lang == "zh";
    let complaint = p.kind == "complaint";
    // Sizes in half-points: 12 pt (小四) for Chinese, 11 pt for English.
    let size = if zh { 24 } else { 22 };
    let mut fonts = RunFonts::new()
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
        .east_asia(EAST_ASIA_FONT);
    if zh {
        // Quotes and dashes are shared by both scripts: in a Chinese letter, draw them as Chinese.
        fonts = fonts.hint("eastAsia");
    }
    let (width, height) = paper.twips();
    let margin = if zh {
        margins(3.7, 2.8, 3.5, 2.8)
    } else {
        margins(2.5, 2.5, 2.5, 2.5)
    };
    let mut doc = Docx::new()
        .page_size(width, height)
        .page_margin(margin)
        .default_fonts(fonts.clone())
        .default_size(size);

    // Fonts go on every run as well as in the defaults: some editors (older WPS, LibreOffice
    // imports) ignore the document defaults for East Asian text.
    let w = Writer {
        fonts: fonts.clone(),
    };
    let line = |text: &str| w.line(text, None);
    let mut blocks: Vec<Paragraph> = Vec::new();
    if !p.title.is_empty() {
        let big = if zh { 36 } else { 30 };
        blocks.push(
            w.line(&p.title, Some(big))
                .align(AlignmentType::Center)
                .line_spacing(after(480)),
        );
    }
    if !zh && !complaint {
        let n = p.sender.len();
        for (i, l) in p.sender.iter().enumerate() {
            blocks.push(
                line(l)
                    .align(AlignmentType::Right)
                    .line_spacing(after(if i + 1 == n { 240 } else { 0 })),
            );
        }
        if !p.date.is_empty() {
            blocks.push(
                line(&p.date)
                    .align(AlignmentType::Right)
                    .line_spacing(after(360)),
            );
        }
    }
    if zh && !p.subject.is_empty() {
        blocks.push(
            w.line(&p.subject, Some(28))
                .align(AlignmentType::Center)
                .line_spacing(after(360)),
        );
    }
    if !(zh && complaint) {
        let n = p.recipient.len();
        for (i, l) in p.recipient.iter().enumerate() {
            blocks.push(line(l).line_spacing(after(if i + 1 == n { 360 } else { 0 })));
        }
    }
    if !zh && !p.subject.is_empty() {
        blocks.push(w.line(&p.subject, Some(size)).line_spacing(after(280)));
    }
    for (pi, paragraph) in p.paragraphs.iter().enumerate() {
        if zh {
            // Every line is its own indented paragraph, as in the PDF; the salutation is not.
            for (li, l) in paragraph.iter().enumerate() {
                let para = if p.salutation && pi == 0 && li == 0 {
                    line(l)
                } else {
                    indented(line(l), size)
                };
                blocks.push(para.line_spacing(after(120)));
            }
        } else {
            blocks.push(w.lines(paragraph).line_spacing(after(200)));
        }
    }
    for (i, l) in p.closing.iter().enumerate() {
        let para = line(l).line_spacing(after(if zh { 120 } else { 0 }));
        blocks.push(if zh && i == 0 {
            indented(para, size)
        } else {
            para
        });
    }
    // Chinese: enclosures before the signature (附件 before 落款; 附 before 具状人).
    let mut enclosures = Vec::new();
    if zh && complaint && !p.enclosures.is_empty() {
        enclosures.push(
            line(&format!(
                "{}{}",
                p.enclosures_label,
                p.enclosures.join("；")
            ))
            .line_spacing(before(240)),
        );
    } else if !p.enclosures.is_empty() {
        enclosures.push(line(p.enclosures_label).line_spacing(before(if zh { 240 } else { 480 })));
        for (i, e) in p.enclosures.iter().enumerate() {
            let indent = if zh { 2 * size as i32 * 10 } else { 280 };
            enclosures.push(line(&format!("{}. {e}", i + 1)).indent(
                Some(indent),
                None,
                None,
                None,
            ));
        }
    }
    if zh {
        blocks.append(&mut enclosures);
    }
    if zh || complaint {
        let mut end = vec![format!("{}{}", p.signature_label, p.signature)];
        if !complaint {
            end.extend(p.sender_details.iter().cloned());
        }
        end.push(p.date.clone());
        let mut first = true;
        for l in end.iter().filter(|l| !l.is_empty()) {
            let para = line(l).align(AlignmentType::Right);
            blocks.push(if first {
                para.line_spacing(before(480))
            } else {
                para
            });
            first = false;
        }
    } else {
        // Room for a pen signature above the typed name.
        blocks.push(line(&p.signature).line_spacing(before(720)));
    }
    blocks.append(&mut enclosures);
    for block in blocks {
        doc = doc.add_paragraph(block);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

struct Writer {
    fonts: RunFonts,
}

impl Writer {
    /// One line of plain text as a paragraph; `bold_size` (half-points) makes it a bold heading.
    fn line(&self, text: &str, bold_size: Option<usize>) -> Paragraph {
        let mut run = Run::new().fonts(self.fonts.clone()).add_text(text);
        if let Some(size) = bold_size {
            run = run.bold().size(size);
        }
        Paragraph::new().add_run(run)
    }

    /// Lines joined by line breaks inside one paragraph.
    fn lines(&self, lines: &[String]) -> Paragraph {
        let mut run = Run::new().fonts(self.fonts.clone());
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(l);
        }
        Paragraph::new().add_run(run)
    }
}

/// A two-character first-line indent (size is in half-points; 2 chars = size × 20 twips).
fn indented(p: Paragraph, size: usize) -> Paragraph {
    let twips = (size * 20) as i32;
    p.indent(None, Some(SpecialIndentType::FirstLine(twips)), None, None)
}

fn after(twips: u32) -> LineSpacing {
    LineSpacing::new().after(twips)
}

fn before(twips: u32) -> LineSpacing {
    LineSpacing::new().before(twips)
}

fn margins(top: f64, right: f64, bottom: f64, left: f64) -> PageMargin {
    let t = |cm: f64| (cm * TWIPS_PER_CM).round() as i32;
    PageMargin {
        top: t(top),
        left: t(left),
        bottom: t(bottom),
        right: t(right),
        header: 720,
        footer: 720,
        gutter: 0,
    }
}
