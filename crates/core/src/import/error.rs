//! Why a file could not be imported. Every variant names the line when there is one, so the
//! user can open the file and see what was meant.

use super::dates::DateOrder;

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
    NoColumns(MissingColumns),
    #[error("line {line}: {count} columns is more than a statement can have (at most {max})")]
    TooManyColumns { line: u64, count: usize, max: usize },
    #[error("line {line}: the line is longer than a statement line can be (more than {max} bytes); is a quote left open?")]
    RecordTooLong { line: u64, max: usize },
    #[error("line {line}: a quoted cell opened on this line is never closed (the quote runs to the end of the file); nothing was imported")]
    UnclosedQuote { line: u64 },
    #[error("line {line}: the file ends inside this row, after {cells} of its {expected} cells and without a line break; was the download cut short? Nothing was imported")]
    CutRow {
        line: u64,
        cells: usize,
        expected: usize,
    },
    #[error("there are no transactions in this file: it holds a header, notes or blank lines but no transaction rows; nothing was imported")]
    NoRows,
    #[error("line {line}: cannot read time '{value}' (expected a time like 14:05 or 14:05:30)")]
    BadTime { line: u64, value: String },
    #[error("line {line}: cannot read date '{value}' (expected {expected})")]
    BadDate {
        line: u64,
        value: String,
        expected: ExpectedDate,
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
    #[error("entry {entry}{}: cannot read {field} '{value}' (expected {expected})", id_note(.id))]
    BadEntry {
        /// 1-based ordinal of the transaction entry in the file.
        entry: u64,
        /// The entry's own id (FITID, AcctSvcrRef), when it has one.
        id: String,
        field: String,
        value: String,
        expected: String,
    },
    #[error("this {format} file holds no statement that can be read: {detail}")]
    NoStatement { format: String, detail: String },
    /// A DTD or entity declaration: bank statements never carry one, and expanding or fetching
    /// its entities is how an entity bomb or an external entity attacks.
    #[error("this {format} file declares a DTD or entities (<!{declaration} …>), which no bank statement carries; it is refused without expanding or fetching anything")]
    Declarations { format: String, declaration: String },
    #[error("line {line}: this {format} file ends inside {inside}, before the statement is complete; was the download cut short? Nothing was imported")]
    Truncated {
        format: String,
        /// The last line of the file.
        line: u64,
        /// What was still open, e.g. "transaction 3 (STMTTRN)".
        inside: String,
    },
    /// A structured statement (OFX, CAMT) beyond what one can hold: it is read whole, so it is
    /// refused at the limit rather than held in memory.
    #[error(
        "this {format} file is larger than a statement can be: {detail}; nothing was imported"
    )]
    TooLarge { format: String, detail: String },
    #[error("the spreadsheet cannot be read: {0}")]
    Workbook(String),
    #[error("no sheet of the workbook holds a statement ({0})")]
    NoSheet(String),
    #[error("the ZIP archive cannot be read: {0}")]
    Archive(String),
    #[error("the ZIP archive is protected by a password: give it to open '{entry}' and the other statements inside")]
    PasswordNeeded {
        /// The first entry that needs the password.
        entry: String,
    },
    #[error("the password does not open this ZIP archive")]
    WrongPassword,
}

fn id_note(id: &str) -> String {
    if id.is_empty() {
        String::new()
    } else {
        format!(" ({id})")
    }
}

/// Which columns a file lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingColumns {
    Dates,
    Amount,
    /// The profile's sign convention needs a column the file does not have.
    DirectionForSign,
    AmountForSign,
    DebitCreditForSign,
}

impl MissingColumns {
    fn key(self) -> &'static str {
        match self {
            MissingColumns::Dates => "dates",
            MissingColumns::Amount => "amount",
            MissingColumns::DirectionForSign => "direction_for_sign",
            MissingColumns::AmountForSign => "amount_for_sign",
            MissingColumns::DebitCreditForSign => "debit_credit_for_sign",
        }
    }
}

impl std::fmt::Display for MissingColumns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MissingColumns::Dates => "no column of dates was found (expected a header like Date, Datum, 交易日期, or a column of dates)",
            MissingColumns::Amount => "no amount column was found (expected a header like Amount, Betrag, 金额, or Debit and Credit columns)",
            MissingColumns::DirectionForSign => "the sign convention needs an in/out column (收/支, Af/Bij, DR/CR)",
            MissingColumns::AmountForSign => "the sign convention needs an amount column",
            MissingColumns::DebitCreditForSign => "the sign convention needs debit and credit columns",
        })
    }
}

/// What a date in the file should have looked like: the file's format and day/month order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedDate {
    /// The strftime-style format, e.g. `%d/%m/%Y`.
    pub format: String,
    pub order: DateOrder,
}

impl ExpectedDate {
    /// A date in this order, for the message.
    pub fn example(&self) -> &'static str {
        match self.order {
            DateOrder::Ymd => "2024-01-05",
            DateOrder::Dmy => "05/01/2024",
            DateOrder::Mdy => "01/05/2024",
            DateOrder::Md => "01/05",
            DateOrder::Dm => "05/01",
        }
    }

    /// Whether the day comes before the month (decided from the rest of the column), when the
    /// order is not year first.
    fn day_first(&self) -> Option<bool> {
        match self.order {
            DateOrder::Dmy | DateOrder::Dm => Some(true),
            DateOrder::Mdy | DateOrder::Md => Some(false),
            DateOrder::Ymd => None,
        }
    }
}

impl std::fmt::Display for ExpectedDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a date like {} ({})", self.example(), self.format)?;
        match self.day_first() {
            Some(true) => f.write_str(", day before month as in the rest of the column"),
            Some(false) => f.write_str(", month before day as in the rest of the column"),
            None => Ok(()),
        }
    }
}

impl ImportError {
    /// A stable name for this kind of error and its values by name, so that a screen can word
    /// it in the user's language (the `Display` text is the English wording).
    pub fn key_and_args(&self) -> (String, Vec<(&'static str, String)>) {
        use ImportError::*;
        let line = |l: &u64| ("line", l.to_string());
        let (key, args): (&str, Vec<(&'static str, String)>) = match self {
            Empty => ("empty", vec![]),
            Binary { line: l } => ("binary", vec![line(l)]),
            Encoding {
                line: l,
                encoding,
                detail,
            } => (
                "encoding",
                vec![
                    line(l),
                    ("encoding", encoding.clone()),
                    ("detail", detail.clone()),
                ],
            ),
            UnknownEncoding(name) => ("unknown_encoding", vec![("encoding", name.clone())]),
            NoColumns(missing) => return (format!("no_columns.{}", missing.key()), vec![]),
            TooManyColumns {
                line: l,
                count,
                max,
            } => (
                "too_many_columns",
                vec![
                    line(l),
                    ("count", count.to_string()),
                    ("max", max.to_string()),
                ],
            ),
            RecordTooLong { line: l, max } => {
                ("record_too_long", vec![line(l), ("max", max.to_string())])
            }
            UnclosedQuote { line: l } => ("unclosed_quote", vec![line(l)]),
            CutRow {
                line: l,
                cells,
                expected,
            } => (
                "cut_row",
                vec![
                    line(l),
                    ("cells", cells.to_string()),
                    ("expected", expected.to_string()),
                ],
            ),
            NoRows => ("no_rows", vec![]),
            BadTime { line: l, value } => ("bad_time", vec![line(l), ("value", value.clone())]),
            BadDate {
                line: l,
                value,
                expected,
            } => (
                match expected.day_first() {
                    Some(true) => "bad_date_day_first",
                    Some(false) => "bad_date_month_first",
                    None => "bad_date",
                },
                vec![
                    line(l),
                    ("value", value.clone()),
                    ("example", expected.example().to_string()),
                    ("format", expected.format.clone()),
                ],
            ),
            BadAmount {
                line: l,
                value,
                column,
            } => (
                "bad_amount",
                vec![
                    line(l),
                    ("value", value.clone()),
                    ("column", column.clone()),
                ],
            ),
            BadDirection { line: l, value } => {
                ("bad_direction", vec![line(l), ("value", value.clone())])
            }
            Missing { line: l, what } => (
                if what == "date" {
                    "missing_date"
                } else {
                    "missing"
                },
                vec![line(l), ("what", what.clone())],
            ),
            NoYear { line: l, value } => ("no_year", vec![line(l), ("value", value.clone())]),
            Csv { line: l, message } => ("csv", vec![line(l), ("detail", message.clone())]),
            BadProfile(detail) => ("bad_profile", vec![("detail", detail.clone())]),
            Cancelled => ("cancelled", vec![]),
            Aborted(detail) => ("aborted", vec![("detail", detail.clone())]),
            BadEntry {
                entry,
                id,
                field,
                value,
                expected,
            } => (
                "bad_entry",
                vec![
                    ("entry", entry.to_string()),
                    ("id", id_note(id)),
                    ("field", field.clone()),
                    ("value", value.clone()),
                    ("expected", expected.clone()),
                ],
            ),
            NoStatement { format, detail } => (
                "no_statement",
                vec![("format", format.clone()), ("detail", detail.clone())],
            ),
            Declarations {
                format,
                declaration,
            } => (
                "declarations",
                vec![
                    ("format", format.clone()),
                    ("declaration", declaration.clone()),
                ],
            ),
            Truncated {
                format,
                line: l,
                inside,
            } => (
                "truncated",
                vec![
                    line(l),
                    ("format", format.clone()),
                    ("inside", inside.clone()),
                ],
            ),
            TooLarge { format, detail } => (
                "too_large",
                vec![("format", format.clone()), ("detail", detail.clone())],
            ),
            Workbook(detail) => ("workbook", vec![("detail", detail.clone())]),
            NoSheet(detail) => ("no_sheet", vec![("detail", detail.clone())]),
            Archive(detail) => ("archive", vec![("detail", detail.clone())]),
            PasswordNeeded { entry } => ("password_needed", vec![("entry", entry.clone())]),
            WrongPassword => ("wrong_password", vec![]),
        };
        (key.to_string(), args)
    }

    /// The 1-based physical line the error is about, when there is one.
    pub fn line(&self) -> Option<u64> {
        use ImportError::*;
        match self {
            Binary { line }
            | Encoding { line, .. }
            | TooManyColumns { line, .. }
            | RecordTooLong { line, .. }
            | UnclosedQuote { line }
            | CutRow { line, .. }
            | BadTime { line, .. }
            | BadDate { line, .. }
            | BadAmount { line, .. }
            | BadDirection { line, .. }
            | Missing { line, .. }
            | NoYear { line, .. }
            | Csv { line, .. }
            | Truncated { line, .. } => Some(*line),
            Empty | NoRows | UnknownEncoding(_) | NoColumns(_) | BadProfile(_) | Cancelled
            | Aborted(_) => None,
            BadEntry { .. }
            | NoStatement { .. }
            | Declarations { .. }
            | TooLarge { .. }
            | Workbook(_)
            | NoSheet(_)
            | Archive(_)
            | PasswordNeeded { .. }
            | WrongPassword => None,
        }
    }
}
