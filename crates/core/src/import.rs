//! The statement import engine: bytes in, rows out. Pure: no files, no clock.
//!
//! The steps, each in its own module: decode the bytes ([`encoding`]), find the delimiter
//! ([`dialect`]), read records with the `csv` crate under size limits ([`sample`]), find the
//! header and the role of each column ([`roles`], [`presets`]), decide the date order, decimal
//! mark, sign convention and currency ([`plan`]), then stream the rows ([`rows`]), reading the
//! words in their cells that say what a row is ([`row_words`]: in/out, pending, totals).
//!
//! Detection looks at the first records only; the rows then stream through a callback, so a
//! million-row file is never held as a vector of rows.
//!
//! Other formats are told by their content ([`sniff`]): a spreadsheet's sheets ([`sheet`],
//! calamine), Excel 2003 XML worksheets ([`xml_sheet`]) and an HTML page's tables ([`html`])
//! are written out as CSV text and go through
//! the same table detection; OFX ([`ofx`]) and ISO 20022 CAMT ([`camt`]) files are read whole
//! into statements, each with its account and currency; a ZIP ([`archive`]) holds files to
//! import one by one.

mod account;
mod amounts;
pub mod archive;
mod camt;
mod currency;
pub use currency::CurrencySource;
mod dates;
mod dialect;
mod encoding;
mod entities;
mod error;
mod html;
mod iban;
mod markup_limits;
mod ofx;
mod plan;
mod presets;
mod profile;
mod roles;
mod row_words;
mod rows;
mod sample;
mod sections;
mod sheet;
mod skips;
mod sniff;
mod text;
mod unpacked;
mod xlsb;
mod xml_sheet;

pub use crate::model::{ParsedRow, RowStatus};
pub use dates::DateOrder;
pub use error::{ExpectedDate, ImportError, MissingColumns};
pub use profile::{Columns, Profile, SignConvention};
pub use sniff::Format;
pub use unpacked::MAX_WORKBOOK_BYTES;

use crate::money::Currency;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The user's saved or edited profile: its `Some` fields override detection.
    pub profile: Option<Profile>,
    /// Used when neither the file nor the profile names the currency.
    pub default_currency: Option<Currency>,
    /// The currency of the account's earlier imports: used before `default_currency` when
    /// neither the file nor the profile names one (`CurrencySource::Account`).
    pub account_currency: Option<Currency>,
}

/// What detection decided, for the CLI's JSON and the app's preview.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct Detected {
    /// Lowercase label, e.g. "utf-8", "gbk", "windows-1252".
    pub encoding: String,
    /// "," ";" "\t" "|".
    pub delimiter: String,
    pub header_line: Option<u64>,
    /// e.g. "chase", "alipay"; None when the layout was read generically.
    pub preset: Option<String>,
    pub date_format: String,
    /// Role name → 0-based column index.
    pub columns: BTreeMap<String, usize>,
    pub sign: SignConvention,
    /// The full profile used (to show and edit in the app).
    pub profile: Profile,
    /// False when the app should ask the user to confirm the mapping.
    pub confident: bool,
    /// Where the currency came from; `account` is the account's earlier imports
    /// (`ImportOptions::account_currency`), `default` the caller's default (the app should ask,
    /// and `confident` is false).
    pub currency_source: CurrencySource,
    pub format: Format,
    /// The message a CAMT file declares, e.g. "camt.053.001.02"; None for other formats.
    pub format_version: Option<String>,
    /// The sheet (or HTML table) the statement was read from, for a workbook.
    pub sheet: Option<String>,
    /// The account the file says it belongs to (an IBAN, an account number, a card's last
    /// digits, a wallet's account), normalised; None when the file does not say.
    pub account: Option<String>,
}

/// A line that was not imported as a transaction, and why; `count` lines from `line` for a run
/// of blank lines, else 1.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct SkippedLine {
    pub line: u64,
    pub reason: SkipReason,
    pub count: u64,
}

/// Why a line was passed over. The serde names are the words the CLI's JSON has always shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub enum SkipReason {
    #[serde(rename = "blank")]
    Blank,
    /// Before the header or the first row: a bank's title, the account's details.
    #[serde(rename = "preamble")]
    Preamble,
    /// A file of several accounts' statements: a row of an account not being imported.
    #[serde(rename = "a row of another account in the file")]
    OtherAccount,
    /// A line continuing the previous row's description.
    #[serde(rename = "continuation")]
    Continuation,
    /// Words only, between rows: a section's title.
    #[serde(rename = "heading")]
    Heading,
    /// After the last row.
    #[serde(rename = "footer")]
    Footer,
    /// An opening, closing or running balance.
    #[serde(rename = "balance")]
    Balance,
    /// A total or subtotal.
    #[serde(rename = "total row")]
    TotalRow,
    #[serde(rename = "no amount")]
    NoAmount,
    /// A CAMT entry marked information only: no money moved.
    #[serde(rename = "information only")]
    InformationOnly,
}

impl SkipReason {
    /// The serde name, e.g. "total row".
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Blank => "blank",
            SkipReason::Preamble => "preamble",
            SkipReason::OtherAccount => "a row of another account in the file",
            SkipReason::Continuation => "continuation",
            SkipReason::Heading => "heading",
            SkipReason::Footer => "footer",
            SkipReason::Balance => "balance",
            SkipReason::TotalRow => "total row",
            SkipReason::NoAmount => "no amount",
            SkipReason::InformationOnly => "information only",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ParseSummary {
    pub detected: Detected,
    pub rows_read: u64,
    /// The first lines passed over (at most a thousand entries, blank runs merged).
    pub skipped: Vec<SkippedLine>,
    /// How many lines were passed over in all.
    pub skipped_total: u64,
}

/// The preview screen: the mapping, the header, the raw cells and the parsed rows of the first
/// data lines. The app sends it with `error` worded as its other errors (`app::dto::Preview`).
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Preview {
    pub detected: Detected,
    pub header: Vec<String>,
    /// Raw cells of the first `n` data lines.
    pub sample: Vec<Vec<String>>,
    /// The first `n` rows as they would be imported.
    #[ts(type = "Array<Record<string, unknown>>")]
    pub rows: Vec<ParsedRow>,
    /// The first row error met within the preview, with its line, for the app to show next to
    /// the mapping (the user may fix the profile and preview again).
    #[serde(skip)]
    #[ts(skip)]
    pub error: Option<ImportError>,
}

struct Prepared<'a> {
    text: std::borrow::Cow<'a, str>,
    plan: plan::Plan,
    recs: Vec<sample::Rec>,
    detected: Detected,
}

fn prepare<'a>(bytes: &'a [u8], opts: &ImportOptions) -> Result<Prepared<'a>, ImportError> {
    let empty = Profile::default();
    let profile = opts.profile.as_ref().unwrap_or(&empty);
    let decoded = encoding::decode(bytes, profile.encoding.as_deref())?;
    let label = encoding::label(decoded.encoding);
    prepare_text(decoded.text, label, decoded.encoding.name(), profile, opts)
}

/// Detection on text already decoded (a CSV file, or a sheet written out as CSV).
fn prepare_text<'a>(
    text: std::borrow::Cow<'a, str>,
    label: String,
    encoding_name: &str,
    profile: &Profile,
    opts: &ImportOptions,
) -> Result<Prepared<'a>, ImportError> {
    let (plan, recs) = plan::detect(&text, profile, opts.account_currency, opts.default_currency)?;
    let detected = Detected {
        encoding: label,
        delimiter: dialect::label(plan.delimiter),
        header_line: plan.header.map(|(_, l)| l),
        preset: plan.preset.map(str::to_string),
        date_format: plan.date_format.clone(),
        columns: plan
            .cols
            .entries()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        sign: plan.sign,
        profile: plan.profile(encoding_name),
        confident: plan.confident,
        currency_source: plan.currency_source,
        format: Format::Text,
        format_version: None,
        sheet: None,
        account: plan.account.clone(),
    };
    Ok(Prepared {
        text,
        plan,
        recs,
        detected,
    })
}

/// Streams the data records of the file through `reader`, stopping after `limit` rows.
/// With `only`, the rows that name another of the file's accounts are skipped.
fn run(
    p: &Prepared<'_>,
    reader: &mut rows::RowReader<'_>,
    limit: Option<usize>,
    only: Option<&str>,
    sink: &mut rows::Sink<'_>,
) -> Result<(), ImportError> {
    let data = &p.recs[p.plan.data_start.min(p.recs.len())..];
    let first_data_line = data.first().map_or(u64::MAX, |r| r.line);
    let width = sample::row_width(data);
    let mut records = sample::Records::new(&p.text, p.plan.delimiter);
    // The line after the previous record, to count the blank lines the csv reader passes over.
    let mut expected_line = 1u64;
    while let Some(found) = records.next()? {
        let (line, rec) = (found.line, &records.rec);
        reader.skip_run(
            expected_line,
            line.saturating_sub(expected_line),
            SkipReason::Blank,
        );
        expected_line = line + 1 + sample::extra_lines(rec);
        if line < first_data_line {
            let is_header = p.plan.header.is_some_and(|(_, h)| h == line);
            if !is_header {
                reader.skip(line, SkipReason::Preamble);
            }
            continue;
        }
        if let (Some(only), Some(col)) = (only, p.plan.account_col) {
            let named = account::of_cell(text::clean(sample::cell(rec, col)));
            if named.as_deref().is_some_and(|a| a != only) {
                reader.skip(line, SkipReason::OtherAccount);
                continue;
            }
        }
        if found.unterminated {
            rows::check_cut(&p.plan, line, rec, width)?;
        }
        reader.feed(line, rec, sink)?;
        if limit.is_some_and(|n| reader.rows_read as usize >= n) {
            return Ok(());
        }
    }
    reader.finish(sink)
}

/// Detect only (for the preview screen): returns the mapping and the first `n` data lines, raw
/// and parsed. A row error inside the preview is reported in `Preview::error`, not as `Err`.
/// Any format but a ZIP archive (whose files are previewed one by one).
pub fn preview(bytes: &[u8], opts: &ImportOptions, n: usize) -> Result<Preview, ImportError> {
    preview_of(&open(bytes, opts)?, n)
}

/// The preview of a file already opened.
pub fn preview_of(opened: &Opened<'_>, n: usize) -> Result<Preview, ImportError> {
    match opened {
        Opened::Table(t) => Ok(t.preview(n)),
        Opened::Statements(list) => Ok(statements_preview(list, n)),
        Opened::Archive => Err(ImportError::Archive(
            "an archive is previewed file by file".into(),
        )),
    }
}

/// Parses the whole file, streaming each row to `sink` in file order. Any unreadable row aborts
/// with an error carrying its line (the caller rolls back). The sink may also abort (cancel).
/// The rows of every statement of an OFX or CAMT file come in turn.
pub fn parse(
    bytes: &[u8],
    opts: &ImportOptions,
    sink: &mut dyn FnMut(ParsedRow) -> Result<(), ImportError>,
) -> Result<ParseSummary, ImportError> {
    match open(bytes, opts)? {
        Opened::Table(t) => t.parse(sink),
        Opened::Statements(list) => {
            let mut summary = ParseSummary {
                detected: list[0].detected(),
                rows_read: 0,
                skipped: Vec::new(),
                skipped_total: 0,
            };
            for st in list {
                let st = st.statement;
                summary.rows_read += st.rows.len() as u64;
                summary.skipped_total += st.skipped.len() as u64;
                summary.skipped.extend(st.skipped);
                for row in st.rows {
                    sink(row)?;
                }
            }
            Ok(summary)
        }
        Opened::Archive => Err(ImportError::Archive(
            "an archive is imported file by file".into(),
        )),
    }
}

/// A table ready to stream: a CSV file, or the sheet of a workbook that holds the statement.
pub struct Table<'a> {
    p: Prepared<'a>,
    /// A file of several statements one after the other: each section, named by the account
    /// it states or its title (empty for a file of one).
    sections: Vec<(String, Prepared<'a>)>,
}

impl Table<'_> {
    pub fn detected(&self) -> &Detected {
        &self.p.detected
    }

    /// The header's cells (empty for a headerless table): what names a layout.
    pub fn header(&self) -> &[String] {
        &self.p.plan.header_cells
    }

    /// The mapping, the header, and the first `n` data lines raw and parsed.
    pub fn preview(&self, n: usize) -> Preview {
        let p = self.sections.first().map_or(&self.p, |(_, s)| s);
        let header = p
            .plan
            .header
            .map(|(i, _)| p.recs[i].cells.clone())
            .unwrap_or_default();
        let sample: Vec<Vec<String>> = p.recs[p.plan.data_start.min(p.recs.len())..]
            .iter()
            .filter(|r| !r.is_blank())
            .take(n)
            .map(|r| r.cells.clone())
            .collect();
        let mut rows = Vec::new();
        let mut reader = rows::RowReader::new(&p.plan);
        let mut sink = |row: ParsedRow| -> Result<(), ImportError> {
            rows.push(row);
            Ok(())
        };
        let failed = run(p, &mut reader, Some(n), None, &mut sink).err();
        rows.truncate(n);
        let mut preview = Preview::new(p.detected.clone(), header, sample, rows);
        preview.error = failed;
        preview
    }

    /// Streams every row to `sink` in file order.
    pub fn parse(
        &self,
        sink: &mut dyn FnMut(ParsedRow) -> Result<(), ImportError>,
    ) -> Result<ParseSummary, ImportError> {
        if self.sections.is_empty() {
            return self.parse_account(None, sink);
        }
        let mut all: Option<ParseSummary> = None;
        for (name, _) in &self.sections {
            let one = self.parse_account(Some(name), sink)?;
            match all.as_mut() {
                None => all = Some(one),
                Some(a) => {
                    a.rows_read += one.rows_read;
                    a.skipped.extend(one.skipped);
                }
            }
        }
        Ok(all.expect("sections are never one"))
    }

    /// The accounts a file of several names on its rows (see [`Table::parse_account`]), in the
    /// order they first appear; empty when the file is of one account (or names none per row).
    pub fn accounts(&self) -> Result<Vec<String>, ImportError> {
        if !self.sections.is_empty() {
            return Ok(self.sections.iter().map(|(name, _)| name.clone()).collect());
        }
        let Some(col) = self.p.plan.account_col else {
            return Ok(Vec::new());
        };
        let p = &self.p;
        let first_data_line = p.recs.get(p.plan.data_start).map_or(u64::MAX, |r| r.line);
        let mut records = sample::Records::new(&p.text, p.plan.delimiter);
        let mut found: Vec<String> = Vec::new();
        while let Some(next) = records.next()? {
            if next.line < first_data_line {
                continue;
            }
            if let Some(a) = account::of_cell(text::clean(sample::cell(&records.rec, col))) {
                if !found.contains(&a) {
                    found.push(a);
                }
            }
        }
        Ok(found)
    }

    /// Streams the rows of one account (`None`: every row) to `sink` in file order; the
    /// summary's `detected.account` is that account.
    pub fn parse_account(
        &self,
        account: Option<&str>,
        sink: &mut dyn FnMut(ParsedRow) -> Result<(), ImportError>,
    ) -> Result<ParseSummary, ImportError> {
        let section = account.and_then(|a| self.sections.iter().find(|(name, _)| name == a));
        let (p, only) = match section {
            Some((_, p)) => (p, None),
            None => (&self.p, account),
        };
        let mut reader = rows::RowReader::new(&p.plan);
        run(p, &mut reader, None, only, sink)?;
        let mut detected = p.detected.clone();
        if let Some(a) = account {
            detected.account = Some(a.to_string());
        }
        Ok(ParseSummary {
            detected,
            rows_read: reader.rows_read,
            skipped: reader.skipped.lines,
            skipped_total: reader.skipped.total,
        })
    }

    /// How many rows the whole table reads as, or why it does not.
    fn count_rows(&self) -> Result<u64, ImportError> {
        self.parse(&mut |_| Ok(())).map(|s| s.rows_read)
    }
}

impl Preview {
    fn new(
        detected: Detected,
        header: Vec<String>,
        sample: Vec<Vec<String>>,
        rows: Vec<ParsedRow>,
    ) -> Preview {
        Preview {
            detected,
            header,
            sample,
            rows,
            error: None,
        }
    }
}

/// One account's statement read whole from a structured file (OFX, CAMT).
#[derive(Clone, Debug)]
pub struct Statement {
    /// The account as the file names it (ACCTID, IBAN, Othr/Id).
    pub account: Option<String>,
    pub currency: Option<Currency>,
    pub rows: Vec<ParsedRow>,
    pub skipped: Vec<SkippedLine>,
}

/// A statement of a structured file, with the file's format.
#[derive(Clone, Debug)]
pub struct FileStatement {
    pub format: Format,
    /// See `Detected::format_version`.
    pub format_version: Option<String>,
    pub statement: Statement,
}

impl FileStatement {
    /// What the CLI's JSON and the preview show for a statement that needed no detection.
    pub fn detected(&self) -> Detected {
        Detected {
            encoding: "utf-8".into(),
            delimiter: String::new(),
            header_line: None,
            preset: None,
            date_format: String::new(),
            columns: BTreeMap::new(),
            sign: SignConvention::NegativeIsDebit,
            profile: Profile::default(),
            confident: true,
            currency_source: if self.statement.currency.is_some() {
                CurrencySource::File
            } else {
                CurrencySource::Default
            },
            format: self.format,
            format_version: self.format_version.clone(),
            sheet: None,
            account: self.statement.account.clone(),
        }
    }
}

/// A statement file opened by its content.
pub enum Opened<'a> {
    /// A table to stream (CSV text, or the sheet or HTML table that holds the statement).
    Table(Box<Table<'a>>),
    /// Statements read whole (OFX, CAMT), one per account; never empty.
    Statements(Vec<FileStatement>),
    /// A ZIP archive: its files are imported one by one (`archive::members`).
    Archive,
}

/// The format of a statement file, from its content.
pub fn sniff(bytes: &[u8]) -> Format {
    sniff::format(bytes)
}

/// Opens a statement file of any format, told by its content.
pub fn open<'a>(bytes: &'a [u8], opts: &ImportOptions) -> Result<Opened<'a>, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let format = sniff::format(bytes);
    let structured = |version: Option<String>, list: Vec<Statement>| {
        Opened::Statements(
            list.into_iter()
                .map(|statement| FileStatement {
                    format,
                    format_version: version.clone(),
                    statement,
                })
                .collect(),
        )
    };
    Ok(match format {
        Format::Text => {
            let p = prepare(bytes, opts)?;
            let sections = sectioned(&p, opts)?;
            Opened::Table(Box::new(Table { p, sections }))
        }
        Format::Xlsx | Format::Xls | Format::Ods => {
            Opened::Table(Box::new(best_table(sheet::workbook(bytes)?, format, opts)?))
        }
        Format::Html => {
            let decoded = encoding::decode(bytes, None)?;
            Opened::Table(Box::new(best_table(
                html::tables(&decoded.text),
                format,
                opts,
            )?))
        }
        Format::SpreadsheetXml => {
            let decoded = encoding::decode(bytes, None)?;
            let sheets = xml_sheet::worksheets(&decoded.text)?;
            Opened::Table(Box::new(best_table(sheets, format, opts)?))
        }
        Format::Ofx => {
            let decoded = encoding::decode(bytes, None)?;
            let list = ofx::read(&decoded.text, fallback_currency(opts))?;
            structured(None, list)
        }
        Format::Camt => {
            let decoded = encoding::decode_xml(bytes)?;
            let version = camt::version(&sniff::head_text(bytes));
            let list = camt::read(&decoded.text, fallback_currency(opts))?;
            structured(Some(version), list)
        }
        Format::Zip => Opened::Archive,
    })
}

/// The sections of a text file of several statements (see [`sections`]), each read as a table
/// of its own and named by the account it states, else its title; empty when the file holds
/// one statement, when the user fixed the header line, or when the sections cannot be told
/// apart by name.
fn sectioned<'a>(
    p: &Prepared<'_>,
    opts: &ImportOptions,
) -> Result<Vec<(String, Prepared<'a>)>, ImportError> {
    let empty = Profile::default();
    let profile = opts.profile.as_ref().unwrap_or(&empty);
    if profile.header_line.is_some() {
        return Ok(Vec::new());
    }
    let starts = sections::starts(&p.text, &p.plan)?;
    if starts.is_empty() {
        return Ok(Vec::new());
    }
    let encoding = p.detected.profile.encoding.clone().unwrap_or_default();
    let mut out: Vec<(String, Prepared<'a>)> = Vec::new();
    for text in sections::texts(&p.text, &starts) {
        let Ok(section) = prepare_text(
            std::borrow::Cow::Owned(text),
            p.detected.encoding.clone(),
            &encoding,
            profile,
            opts,
        ) else {
            return Ok(Vec::new());
        };
        let header = section.plan.header.map_or(0, |(i, _)| i);
        let name = section
            .detected
            .account
            .clone()
            .or_else(|| sections::title(&section.recs[..header]));
        match name {
            Some(n) if !out.iter().any(|(o, _)| *o == n) => out.push((n, section)),
            _ => return Ok(Vec::new()),
        }
    }
    Ok(out)
}

/// The currency for a structured statement that names none: the user's profile, else the
/// account's, else the default.
fn fallback_currency(opts: &ImportOptions) -> Option<Currency> {
    opts.profile
        .as_ref()
        .and_then(|p| p.currency.as_deref())
        .and_then(Currency::parse)
        .or(opts.account_currency)
        .or(opts.default_currency)
}

/// The sheet (or HTML table) holding the statement: of those the table detection can read, the
/// one it is sure of with the most rows; the first of equals (a workbook holding the same rows
/// twice, formatted and raw, imports them once).
fn best_table(
    grids: Vec<sheet::Grid>,
    format: Format,
    opts: &ImportOptions,
) -> Result<Table<'static>, ImportError> {
    let mut profile = opts.profile.clone().unwrap_or_default();
    // The grid is written as comma-separated UTF-8, whatever a saved CSV profile says.
    profile.delimiter = Some(',');
    profile.encoding = None;
    let (candidates, empty): (Vec<sheet::Grid>, Vec<sheet::Grid>) =
        grids.into_iter().partition(|g| {
            g.rows
                .iter()
                .any(|r| r.iter().any(|c| !c.trim().is_empty()))
        });
    let several = candidates.len() > 1;
    let mut best: Option<((bool, u64), Table<'static>)> = None;
    let mut reasons = Vec::new();
    for grid in candidates {
        let text = std::borrow::Cow::Owned(grid.to_csv());
        let mut p = match prepare_text(text, format.label().into(), "UTF-8", &profile, opts) {
            Ok(p) => p,
            Err(e) => {
                reasons.push(format!("{}: {e}", grid.name));
                continue;
            }
        };
        p.detected.format = format;
        p.detected.sheet = Some(grid.name.clone());
        // Cells, not delimited text: no delimiter to show or to save in a profile.
        p.detected.delimiter = String::new();
        p.detected.profile.delimiter = None;
        let table = Table {
            p,
            sections: Vec::new(),
        };
        if !several {
            return Ok(table);
        }
        let score = match table.count_rows() {
            Ok(rows) => (table.detected().confident, rows),
            Err(e) => {
                reasons.push(format!("{}: {e}", grid.name));
                (false, 0)
            }
        };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, table));
        }
    }
    match best {
        Some((_, table)) => Ok(table),
        None if reasons.is_empty() => {
            let names: Vec<String> = empty.iter().map(|g| format!("'{}'", g.name)).collect();
            Err(ImportError::NoSheet(match names.as_slice() {
                [] => "the workbook has no sheets".into(),
                [one] => format!("the sheet {one} is empty"),
                all => format!("every sheet is empty: {}", all.join(", ")),
            }))
        }
        None => Err(ImportError::NoSheet(reasons.join("; "))),
    }
}

/// The preview of a structured file: its rows as they will be imported.
fn statements_preview(list: &[FileStatement], n: usize) -> Preview {
    let header: Vec<String> = [
        "account",
        "date",
        "description",
        "amount",
        "currency",
        "reference",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<ParsedRow> = list
        .iter()
        .flat_map(|s| s.statement.rows.iter())
        .take(n)
        .cloned()
        .collect();
    let sample = list
        .iter()
        .flat_map(|s| {
            let st = &s.statement;
            st.rows.iter().map(move |r| (st.account.clone(), r))
        })
        .take(n)
        .map(|(account, r)| {
            vec![
                account.unwrap_or_default(),
                r.date.to_string(),
                r.description.clone(),
                crate::money::format_minor(r.amount, r.currency.minor_digits()),
                r.currency.code().to_string(),
                r.reference.clone().unwrap_or_default(),
            ]
        })
        .collect();
    Preview::new(list[0].detected(), header, sample, rows)
}
