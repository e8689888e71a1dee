//! Reading records with the `csv` crate, with the limits that keep hostile files from making
//! the importer slow or hungry: a cap on columns and on the length of one record.

use super::error::ImportError;
use super::text::clean;
use csv::{ByteRecord, Reader, ReaderBuilder};

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

pub fn reader(text: &str, delimiter: u8) -> Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Reads the next record into `rec`; `Ok(None)` at the end. Returns the record's first line.
/// `text` is what the reader reads.
pub fn next(
    rdr: &mut Reader<&[u8]>,
    rec: &mut ByteRecord,
    text: &[u8],
) -> Result<Option<u64>, ImportError> {
    let line_before = rdr.position().line();
    match rdr.read_byte_record(rec) {
        Ok(false) => Ok(None),
        Ok(true) => {
            // The reader's position is where it started looking, before the line ends (the
            // `\n` of a CRLF, blank lines) it skipped: step over them to the record's own line.
            let line = rec.position().map_or(line_before, |p| {
                let start = usize::try_from(p.byte())
                    .unwrap_or(usize::MAX)
                    .min(text.len());
                let skipped = text[start..]
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .filter(|&&b| b == b'\n')
                    .count() as u64;
                p.line() + skipped
            });
            if rec.len() > MAX_COLUMNS {
                return Err(ImportError::TooManyColumns {
                    line,
                    count: rec.len(),
                    max: MAX_COLUMNS,
                });
            }
            if rec.as_slice().len() > MAX_RECORD_BYTES {
                return Err(ImportError::RecordTooLong {
                    line,
                    bytes: rec.as_slice().len(),
                    max: MAX_RECORD_BYTES,
                });
            }
            Ok(Some(line))
        }
        Err(e) => {
            let line = e.position().map_or(line_before, |p| p.line());
            Err(ImportError::Csv {
                line,
                message: e.to_string(),
            })
        }
    }
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

/// The first records of the file (at most `max`), for detection.
pub fn read(text: &str, delimiter: u8, max: usize) -> Result<Vec<Rec>, ImportError> {
    let mut rdr = reader(text, delimiter);
    let mut rec = ByteRecord::new();
    let mut out = Vec::new();
    while out.len() < max {
        let Some(line) = next(&mut rdr, &mut rec, text.as_bytes())? else {
            break;
        };
        let cells = (0..rec.len()).map(|i| cell(&rec, i).to_string()).collect();
        out.push(Rec { line, cells });
    }
    Ok(out)
}
