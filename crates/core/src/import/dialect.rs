//! Which character separates the cells. Decided by consistency: the delimiter that splits the
//! most lines into the same (and larger) number of cells wins, so preamble and footer lines,
//! which have other shapes, do not disturb the vote.

/// Delimiters a statement can use, in order of preference on a tie.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Lines looked at for the vote.
const SAMPLE_LINES: usize = 200;
/// Bytes looked at for the vote (a 10 MB line must not make sniffing slow).
const SAMPLE_BYTES: usize = 256 * 1024;

/// The most likely delimiter of `text` (',' when nothing splits anything).
pub fn sniff(text: &str) -> u8 {
    let head = &text.as_bytes()[..text.len().min(SAMPLE_BYTES)];
    let lines: Vec<&[u8]> = head
        .split(|&b| b == b'\n')
        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .take(SAMPLE_LINES)
        .collect();
    let mut best = (0usize, b',');
    for &d in &CANDIDATES {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| fields(l, d))
            .filter(|&n| n > 1)
            .collect();
        let Some(mode) = mode(&counts) else { continue };
        let agreeing = counts.iter().filter(|&&n| n == mode).count();
        let score = agreeing * mode.min(24);
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

/// Cells in one physical line when split by `d`, ignoring delimiters inside quotes.
fn fields(line: &[u8], d: u8) -> usize {
    let mut n = 1;
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

/// The most common cell count; the larger count wins a tie (data lines have more cells than
/// notes).
fn mode(v: &[usize]) -> Option<usize> {
    let mut tally = std::collections::BTreeMap::new();
    for &n in v {
        *tally.entry(n).or_insert(0usize) += 1;
    }
    tally
        .into_iter()
        .max_by_key(|&(n, count)| (count, n))
        .map(|(n, _)| n)
}

/// The delimiter as the CLI shows it.
pub fn label(d: u8) -> String {
    match d {
        b'\t' => "\t".to_string(),
        other => (other as char).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_consistent_delimiter() {
        for (text, want) in [
            ("a,b,c\n1,2,3\n4,5,6\n", b','),
            ("16-11-2012;Dankort;16-11-2012;-48,00;26550,33\n26-10-2012;Cafe;26-10-2012;-79,00;26054,54\n", b';'),
            ("Date\tAmount\tText\n2024-01-01\t1.00\tx, y\n", b'\t'),
            ("a|b|c\n1|2|3\n", b'|'),
            ("Title line, with comma\nDate;Text;Amount\n1.1.2024;\"a, b\";1,00\n2.1.2024;c;2,00\n", b';'),
        ] {
            assert_eq!(sniff(text) as char, want as char, "{text}");
        }
    }
}
