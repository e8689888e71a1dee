//! Reading records with the `csv` crate, with the limits that keep hostile files from making
//! the importer slow or hungry: a cap on columns and on the length of one record, enforced
//! while reading (the reader is never handed more than one record's worth of text past the
//! record's start), and a quoted cell left open to the end of the file refused with its line.

use super::error::ImportError;
use super::text::clean;
use csv::{ByteRecord, Reader, ReaderBuilder};
use std::io::Read;

/// More columns than any statement has; a 100k-column line is refused.
pub const MAX_COLUMNS: usize = 2_000;
/// Longer than any statement line; a 10 MB cell (an unclosed quote, usually) is refused.
pub const MAX_RECORD_BYTES: usize = 256 * 1024;

/// One record of the sample: its first physical line and its cells.
#[derive(Clone, Debug)]
pub struct Rec {
    pub line: u64,
    pub cells: Vec<String>,
}

impl Rec {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| clean(c).is_empty())
    }
}

/// The text handed to the csv reader, never more than `MAX_RECORD_BYTES` (plus the reader's
/// own look-ahead) past the start of the record being read: a 2 GB line or a quote left open
/// over the rest of the file costs that much, not the whole line.
struct Bounded<'t> {
    text: &'t [u8],
    pos: usize,
    limit: usize,
}

impl Read for Bounded<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let end = self.limit.min(self.text.len());
        let n = buf.len().min(end.saturating_sub(self.pos));
        buf[..n].copy_from_slice(&self.text[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// A record found by [`Records::next`].
#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// Its first physical line.
    pub line: u64,
    /// It is the file's last and no line break ends it: the file may have been cut inside it.
    pub unterminated: bool,
}

/// The records of a decoded text, one at a time, under the limits.
pub struct Records<'t> {
    rdr: Reader<Bounded<'t>>,
    text: &'t [u8],
    delimiter: u8,
    pub rec: ByteRecord,
}

impl<'t> Records<'t> {
    pub fn new(text: &'t str, delimiter: u8) -> Records<'t> {
        let rdr = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Bounded {
                text: text.as_bytes(),
                pos: 0,
                limit: MAX_RECORD_BYTES,
            });
        Records {
            rdr,
            text: text.as_bytes(),
            delimiter,
            rec: ByteRecord::new(),
        }
    }

    /// Reads the next record into `self.rec`; `Ok(None)` at the end.
    pub fn next(&mut self) -> Result<Option<Found>, ImportError> {
        let text = self.text;
        let pos = self.rdr.position().clone();
        let from = usize::try_from(pos.byte())
            .unwrap_or(usize::MAX)
            .min(text.len());
        // The reader passes over line ends (the `\n` of a CRLF, blank lines) before a record:
        // its line is after them, and so is the start of the bound.
        let lead = text[from..]
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let line = pos.line()
            + text[from..from + lead]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
        let start = from + lead;
        self.rdr.get_mut().limit = start.saturating_add(MAX_RECORD_BYTES + 1);
        match self.rdr.read_byte_record(&mut self.rec) {
            Ok(false) => Ok(None),
            Ok(true) => {
                if self.rec.len() > MAX_COLUMNS {
                    return Err(ImportError::TooManyColumns {
                        line,
                        count: self.rec.len(),
                        max: MAX_COLUMNS,
                    });
                }
                let end = usize::try_from(self.rdr.position().byte())
                    .unwrap_or(usize::MAX)
                    .min(text.len());
                // A record that ran into the bound ended there, one byte past the cap.
                if end.saturating_sub(start) > MAX_RECORD_BYTES {
                    return Err(ImportError::RecordTooLong {
                        line,
                        max: MAX_RECORD_BYTES,
                    });
                }
                let last = end >= text.len();
                if last && quote_left_open(&text[start..], self.delimiter) {
                    return Err(ImportError::UnclosedQuote { line });
                }
                let unterminated = last && !matches!(text.last(), Some(b'\n' | b'\r'));
                Ok(Some(Found { line, unterminated }))
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                Err(ImportError::Csv {
                    line,
                    message: e.to_string(),
                })
            }
        }
    }
}

/// Does the text of a record end inside a quoted cell? The csv reader's own rule: a quote opens
/// a cell only as its first byte, `""` inside is one quote, and a lone quote closes the cell.
fn quote_left_open(raw: &[u8], delimiter: u8) -> bool {
    let mut quoted = false;
    let mut at_start = true;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if quoted {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_start {
            quoted = true;
        }
        at_start = !quoted && (b == delimiter || b == b'\n' || b == b'\r');
        i += 1;
    }
    quoted
}

/// A cell of a record as text. The input was decoded to UTF-8 before splitting and the
/// delimiters are ASCII, so every cell is valid UTF-8; a failure would be a bug, read as "".
pub fn cell(rec: &ByteRecord, i: usize) -> &str {
    rec.get(i)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// Physical lines a record spans beyond its first (newlines inside quoted cells).
pub fn extra_lines(rec: &ByteRecord) -> u64 {
    rec.as_slice().iter().filter(|&&b| b == b'\n').count() as u64
}

/// How many cells the data rows have: the most common count among the sample's non-blank
/// records (the larger on a tie); 0 without any.
pub fn row_width(recs: &[Rec]) -> usize {
    let mut tally = std::collections::BTreeMap::new();
    for r in recs.iter().filter(|r| !r.is_blank()) {
        *tally.entry(r.cells.len()).or_insert(0usize) += 1;
    }
    tally
        .into_iter()
        .max_by_key(|&(n, count)| (count, n))
        .map_or(0, |(n, _)| n)
}

/// The first records of the file (at most `max`), for detection.
pub fn read(text: &str, delimiter: u8, max: usize) -> Result<Vec<Rec>, ImportError> {
    let mut records = Records::new(text, delimiter);
    let mut out = Vec::new();
    while out.len() < max {
        let Some(found) = records.next()? else {
            break;
        };
        let rec = &records.rec;
        let cells = (0..rec.len()).map(|i| cell(rec, i).to_string()).collect();
        out.push(Rec {
            line: found.line,
            cells,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Result<Vec<u64>, ImportError> {
        let mut r = Records::new(text, b',');
        let mut out = Vec::new();
        while let Some(f) = r.next()? {
            out.push(f.line);
        }
        Ok(out)
    }

    #[test]
    fn a_long_record_is_refused_without_reading_it_whole() {
        let mut text = "a,b\n".to_string();
        text.push_str(&"x".repeat(3 * MAX_RECORD_BYTES));
        text.push_str("\nc,d\n");
        let err = lines(&text).unwrap_err();
        assert!(
            matches!(err, ImportError::RecordTooLong { line: 2, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn blank_runs_longer_than_the_bound_are_passed_over() {
        let text = format!("a,b\n{}c,d\n", "\n".repeat(2 * MAX_RECORD_BYTES));
        assert_eq!(
            lines(&text).unwrap(),
            vec![1, 2 * MAX_RECORD_BYTES as u64 + 2]
        );
    }

    #[test]
    fn a_quote_open_to_the_end_is_refused_with_its_line() {
        let err = lines("a,b\n1,\"x\n2,y\n3,z\n").unwrap_err();
        assert!(
            matches!(err, ImportError::UnclosedQuote { line: 2 }),
            "{err:?}"
        );
        assert_eq!(lines("a,b\n1,\"x\"\"y\"\n2,a\"b\n").unwrap(), vec![1, 2, 3]);
    }

    #[test]
    fn the_last_record_knows_whether_a_line_break_ends_it() {
        let mut r = Records::new("a,b\n1,2", b',');
        assert!(!r.next().unwrap().unwrap().unterminated);
        assert!(r.next().unwrap().unwrap().unterminated);
        let mut r = Records::new("a,b\n1,2\r\n", b',');
        r.next().unwrap();
        assert!(!r.next().unwrap().unwrap().unterminated);
    }
}
