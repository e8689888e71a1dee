//! Character references in the text of markup statements (OFX's SGML, HTML tables): the named
//! ones banks write and numeric ones. An `&` that starts no reference is kept as it is.

/// SGML and XML character references: `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#38;` `&#x26;`.
pub fn unescape(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The keyword of the first DTD declaration (`<!DOCTYPE …>`, `<!ENTITY …>`) in markup text,
/// upper-cased. Statements never carry one; a file that does is refused rather than have its
/// entities expanded (an entity bomb) or fetched (an external entity). Comments (`<!-- -->`)
/// and CDATA sections are not declarations.
pub fn declaration(text: &str) -> Option<String> {
    const KEYWORDS: [&str; 5] = ["DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST", "NOTATION"];
    text.match_indices("<!").find_map(|(at, _)| {
        let rest = text.as_bytes().get(at + 2..)?;
        KEYWORDS
            .iter()
            .find(|k| rest.len() >= k.len() && rest[..k.len()].eq_ignore_ascii_case(k.as_bytes()))
            .map(|k| k.to_string())
    })
}

/// The 1-based number of the last line of `text` (a final line break ends that line).
pub fn last_line(text: &str) -> u64 {
    let breaks = text.bytes().filter(|&b| b == b'\n').count() as u64;
    if text.ends_with('\n') {
        breaks.max(1)
    } else {
        breaks + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_are_found_whatever_their_case_and_comments_are_not() {
        assert_eq!(
            declaration("<?xml?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>").as_deref(),
            Some("DOCTYPE")
        );
        assert_eq!(
            declaration("<OFX><!entity x SYSTEM 'file:///etc/passwd'>").as_deref(),
            Some("ENTITY")
        );
        assert_eq!(
            declaration("<!-- exported by the bank --><OFX></OFX>"),
            None
        );
        assert_eq!(declaration("<a><![CDATA[x]]></a>"), None);
        assert_eq!(declaration("ends with <!"), None);
    }

    #[test]
    fn the_last_line_counts_a_final_line_without_a_break() {
        assert_eq!(last_line("a\nb\n"), 2);
        assert_eq!(last_line("a\nb"), 2);
        assert_eq!(last_line(""), 1);
    }
}
