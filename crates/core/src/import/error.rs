//! Why a file could not be imported. Every variant names the line when there is one, so the
//! user can open the file and see what was meant.

/// An import failure. `Display` is a sentence the user can act on.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("this does not look like a text statement (binary data near line {line})")]
    Binary { line: u64 },
    #[error("line {line}: the text is not valid {encoding}: {detail}")]
    Encoding {
        line: u64,
        encoding: String,
        detail: String,
    },
    #[error("unknown encoding '{0}' (expected a name like UTF-8, GBK, windows-1252)")]
    UnknownEncoding(String),
    #[error("no recognisable columns: {0}")]
    NoColumns(String),
    #[error("line {line}: {count} columns is more than a statement can have (at most {max})")]
    TooManyColumns { line: u64, count: usize, max: usize },
    #[error("line {line}: the line is {bytes} bytes long, more than a statement line can be (at most {max}); is a quote left open?")]
    RecordTooLong { line: u64, bytes: usize, max: usize },
    #[error("line {line}: cannot read date '{value}' (expected {expected})")]
    BadDate {
        line: u64,
        value: String,
        expected: String,
    },
    #[error("line {line}: cannot read amount '{value}' in column '{column}' (expected a number like 1234.56, -12.00 or (12.00))")]
    BadAmount {
        line: u64,
        value: String,
        column: String,
    },
    #[error("line {line}: '{value}' in the in/out column is neither money in nor money out (expected e.g. 支出/收入, DR/CR, Af/Bij)")]
    BadDirection { line: u64, value: String },
    #[error("line {line}: the row has no {what}")]
    Missing { line: u64, what: String },
    #[error("line {line}: the date '{value}' has no year and the file's title names no statement month (set a date format with a year in the profile)")]
    NoYear { line: u64, value: String },
    #[error("line {line}: {message}")]
    Csv { line: u64, message: String },
    #[error("the profile cannot be used: {0}")]
    BadProfile(String),
    #[error("the import was cancelled")]
    Cancelled,
    #[error("the import was stopped: {0}")]
    Aborted(String),
}

impl ImportError {
    /// The 1-based physical line the error is about, when there is one.
    pub fn line(&self) -> Option<u64> {
        use ImportError::*;
        match self {
            Binary { line }
            | Encoding { line, .. }
            | TooManyColumns { line, .. }
            | RecordTooLong { line, .. }
            | BadDate { line, .. }
            | BadAmount { line, .. }
            | BadDirection { line, .. }
            | Missing { line, .. }
            | NoYear { line, .. }
            | Csv { line, .. } => Some(*line),
            Empty | UnknownEncoding(_) | NoColumns(_) | BadProfile(_) | Cancelled | Aborted(_) => {
                None
            }
        }
    }
}
