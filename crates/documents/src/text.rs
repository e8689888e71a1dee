//! The plain-text export, also what "copy" puts on the clipboard.

use recourse_core::letters::Letter;

use crate::prepare::Prepared;
use crate::Paper;

/// The letter as plain text: title, sender, date, recipient, subject, body, closing,
/// signature and enclosures, blocks separated by one blank line, ending in a newline.
pub fn text(letter: &Letter) -> String {
    // The paper does not matter for text.
    let p = Prepared::new(letter, Paper::A4);
    let zh = p.lang == "zh";
    let complaint = p.kind == "complaint";
    let mut blocks: Vec<String> = Vec::new();
    let mut push = |block: String| {
        if !block.trim().is_empty() {
            blocks.push(block);
        }
    };
    push(p.title.clone());
    // English letters open with the sender and date; Chinese ones sign and date at the end.
    if !zh && !complaint {
        push(p.sender.join("\n"));
        push(p.date.clone());
    }
    // A Chinese letter is headed by its subject; an English one puts it after the address.
    if zh {
        push(p.subject.clone());
    }
    if !(zh && complaint) {
        push(p.recipient.join("\n"));
    }
    if !zh {
        push(p.subject.clone());
    }
    for paragraph in &p.paragraphs {
        push(paragraph.join("\n"));
    }
    push(p.closing.join("\n"));
    // Chinese: enclosures before the signature (附件 before 落款; 附 before 具状人).
    let enclosures = enclosure_block(&p, zh && complaint);
    if zh {
        push(enclosures.clone());
    }
    let mut end = vec![format!("{}{}", p.signature_label, p.signature)];
    if zh || complaint {
        if !complaint {
            end.extend(p.sender_details.iter().cloned());
        }
        end.push(p.date.clone());
    }
    push(
        end.into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    if !zh {
        push(enclosures);
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The enclosures as text: one "附：…；…" line on a Chinese complaint, else a numbered list
/// under its label; empty when there are none.
fn enclosure_block(p: &Prepared, one_line: bool) -> String {
    if p.enclosures.is_empty() {
        return String::new();
    }
    if one_line {
        return format!("{}{}", p.enclosures_label, p.enclosures.join("；"));
    }
    let mut lines = vec![p.enclosures_label.to_string()];
    lines.extend(
        p.enclosures
            .iter()
            .enumerate()
            .map(|(i, e)| format!("{}. {e}", i + 1)),
    );
    lines.join("\n")
}
