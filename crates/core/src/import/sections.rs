//! A text export that holds several statements one after the other (a current account, then a
//! card), each under a title line and a header of its own. Each section is read as a table of
//! its own, and the app imports each into its own account, named by what the section states
//! (an IBAN, an account number) or else by its title.

use super::dates;
use super::plan::Plan;
use super::roles;
use super::sample;
use super::text::clean;

/// The lines where later sections begin: each header that follows rows of the one before,
/// moved up to the line after the last of those rows (so the section's title and balance
/// lines go with it). Empty for a file of one section.
pub fn starts(text: &str, plan: &Plan) -> Result<Vec<u64>, super::ImportError> {
    if plan.header.is_none() {
        return Ok(Vec::new());
    }
    let mut records = sample::Records::new(text, plan.delimiter);
    let mut date_col: Option<usize> = None;
    let mut last_row: Option<u64> = None;
    let mut out = Vec::new();
    while let Some(found) = records.next()? {
        let (line, rec) = (found.line, &records.rec);
        if let Some(col) = date_col {
            let cell = clean(sample::cell(rec, col));
            if cell.is_empty() {
                continue;
            }
            // Cheap first: a line whose date cell starts with a digit is a row, not a header.
            if cell.starts_with(|c: char| c.is_ascii_digit()) {
                if dates::parse(cell, plan.order, plan.hint).is_ok() {
                    last_row = Some(line);
                }
                continue;
            }
        }
        let cells: Vec<String> = (0..rec.len())
            .map(|i| sample::cell(rec, i).to_string())
            .collect();
        if roles::header_score(&cells) < 2 {
            continue;
        }
        if let Some(after) = last_row.take() {
            out.push(after + 1);
        }
        date_col = roles::from_header(&cells).date.or(date_col);
    }
    Ok(out)
}

/// The text of each section: the file's lines from its start to the next section's, with
/// the lines before it blanked, so every row keeps its physical line number.
pub fn texts(text: &str, starts: &[u64]) -> Vec<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(starts.iter().map(|&s| (s as usize - 1).min(lines.len())));
    bounds.push(lines.len());
    bounds
        .windows(2)
        .map(|w| {
            let mut s = "\n".repeat(w[0]);
            s.extend(lines[w[0]..w[1]].iter().copied());
            s
        })
        .collect()
}

/// A section's title: the first line above its header that holds words only (no amount, no
/// date), its first filled cell (`Umsätze Girokonto`).
pub fn title(preamble: &[sample::Rec]) -> Option<String> {
    preamble.iter().find_map(|r| {
        let filled: Vec<&str> = r
            .cells
            .iter()
            .map(|c| clean(c))
            .filter(|c| !c.is_empty())
            .collect();
        let words_only = filled.iter().all(|c| {
            !dates::looks_like_date(c)
                && !super::amounts::parse(c, super::amounts::DecimalMark::Comma)
                    .is_ok_and(|a| a.is_some())
                && !c.split_whitespace().any(|w| {
                    super::amounts::parse(w, super::amounts::DecimalMark::Comma)
                        .is_ok_and(|a| a.is_some_and(|a| a.scale > 0))
                })
        });
        (words_only && !filled.is_empty()).then(|| filled[0].to_string())
    })
}
