//! Small text helpers shared by the import steps.

/// Trims the padding statements put around cells: spaces, tabs, ideographic spaces, no-break
/// spaces and stray byte-order marks (ICBC pads every cell with spaces and a tab).
pub fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// A header cell reduced to a comparable form: cleaned, lowercased, inner runs of whitespace
/// collapsed to one space.
pub fn norm_header(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in clean(s).chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    drop_gender_marks(out)
}

/// German names written gender-inclusively (`Zahlungsempfänger*in`, `Empfänger:innen`,
/// `Zahlungspflichtige*r`) reduced to the base word, so the ending is never read as a word of
/// its own (`in` is also the name of a money-in column).
fn drop_gender_marks(s: String) -> String {
    const ENDINGS: &[&str] = &["innen", "in", "r", "n", "e"];
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find(['*', ':', '_']) {
        let (before, after) = (&rest[..i], &rest[i + 1..]);
        out.push_str(before);
        let letter_before = before.chars().next_back().is_some_and(char::is_alphabetic);
        let ending = ENDINGS.iter().find(|e| {
            after.starts_with(**e)
                && after[e.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        match ending {
            Some(e) if letter_before => rest = &after[e.len()..],
            _ => {
                out.push_str(&rest[i..i + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The header without a trailing parenthesised part, and that part: "Amount (EUR)" →
/// ("amount", Some("eur")); "金额(元)" → ("金额", Some("元")). A trailing unit after "in" is
/// the same thing: "Umsatz in EUR" → ("umsatz", Some("eur")), "Betrag in €".
pub fn split_paren(h: &str) -> (&str, Option<&str>) {
    let h = h.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if h.ends_with(close) {
            if let Some(i) = h.rfind(open) {
                let inner = &h[i + open.len_utf8()..h.len() - close.len_utf8()];
                return (h[..i].trim(), Some(inner.trim()));
            }
        }
    }
    let after_in = h
        .as_bytes()
        .windows(4)
        .rposition(|w| w.eq_ignore_ascii_case(b" in "));
    if let Some(i) = after_in.filter(|&i| i > 0) {
        let unit = h[i + 4..].trim();
        let code = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_alphabetic());
        let symbol = unit.chars().count() == 1 && !unit.chars().any(char::is_alphanumeric);
        if code || symbol {
            return (h[..i].trim(), Some(unit));
        }
    }
    (h, None)
}

/// Is this a CJK ideograph (used to tell Chinese keywords from Latin ones)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

/// Does `hay` contain `word` as whole words (ASCII word boundaries), or as a plain substring
/// when the keyword is written in CJK characters (which have no spaces between words)?
pub fn contains_word(hay: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.chars().any(is_cjk) {
        return hay.contains(word);
    }
    let mut start = 0;
    while let Some(pos) = hay[start..].find(word) {
        let i = start + pos;
        let j = i + word.len();
        let before_ok = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[j..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
        start = i + word.chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_and_normalises() {
        assert_eq!(clean("  13.40 \t"), "13.40");
        assert_eq!(
            norm_header("\u{feff}Transaction   Date "),
            "transaction date"
        );
        assert_eq!(split_paren("amount (eur)"), ("amount", Some("eur")));
        assert_eq!(split_paren("金额(元)"), ("金额", Some("元")));
        assert_eq!(split_paren("amount"), ("amount", None));
        assert_eq!(split_paren("umsatz in eur"), ("umsatz", Some("eur")));
        assert_eq!(split_paren("betrag in €"), ("betrag", Some("€")));
        assert_eq!(split_paren("paid in"), ("paid in", None));
        assert_eq!(norm_header("Zahlungsempfänger*in"), "zahlungsempfänger");
        assert_eq!(norm_header("Empfänger:innen"), "empfänger");
        assert_eq!(norm_header("Zahlungspflichtige*r"), "zahlungspflichtige");
        assert_eq!(norm_header("Konto:"), "konto:");
        assert_eq!(
            norm_header("Auftraggeber/Empfänger"),
            "auftraggeber/empfänger"
        );
    }

    #[test]
    fn word_matching() {
        assert!(contains_word("transaction date", "date"));
        assert!(!contains_word("update", "date"));
        assert!(contains_word("paid in", "in"));
        assert!(!contains_word("opening", "in"));
        assert!(contains_word("交易金额(收入)", "金额"));
    }
}
