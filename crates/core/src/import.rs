//! The statement import engine: bytes in, rows out. Pure: no files, no clock.
//!
//! The steps, each in its own module: decode the bytes ([`encoding`]), find the delimiter
//! ([`dialect`]), read records with the `csv` crate under size limits ([`sample`]), find the
//! header and the role of each column ([`roles`], [`presets`]), decide the date order, decimal
//! mark, sign convention and currency ([`plan`]), then stream the rows ([`rows`]).
//!
//! Detection looks at the first records only; the rows then stream through a callback, so a
//! million-row file is never held as a vector of rows.

mod account;
mod amounts;
mod currency;
mod dates;
mod dialect;
mod encoding;
mod error;
mod iban;
mod plan;
mod presets;
mod profile;
mod roles;
mod rows;
mod sample;
mod text;

pub use crate::model::{ParsedRow, RowStatus};
pub use dates::DateOrder;
pub use error::{ExpectedDate, ImportError, MissingColumns};
pub use profile::{Columns, Profile, SignConvention};

use crate::money::Currency;
use csv::ByteRecord;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The user's saved or edited profile: its `Some` fields override detection.
    pub profile: Option<Profile>,
    /// Used when neither the file nor the profile names the currency.
    pub default_currency: Option<Currency>,
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
    /// "negative-is-debit" | "positive-is-debit" | "direction-column" | "debit-credit-columns".
    pub sign: String,
    /// The full profile used (to show and edit in the app).
    pub profile: Profile,
    /// False when the app should ask the user to confirm the mapping.
    pub confident: bool,
    /// Where the currency came from: "profile", "column", "amounts", "header", "preamble",
    /// "iban", "sort-code", "language", "preset" or "default" (the caller's default: the app
    /// should ask, and `confident` is false).
    pub currency_source: String,
    /// The account the file says it belongs to (an IBAN, an account number, a card's last
    /// digits, a wallet's account), normalised; None when the file does not say.
    pub account: Option<String>,
}

/// A line that was not imported as a transaction, and why ("blank", "total row", "balance",
/// "preamble", "footer", "continuation", "no amount").
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct SkippedLine {
    pub line: u64,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ParseSummary {
    pub detected: Detected,
    pub rows_read: u64,
    pub skipped: Vec<SkippedLine>,
}

/// The preview screen: the mapping, the header, the raw cells and the parsed rows of the first
/// data lines.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
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
    pub error: Option<String>,
    /// The same error as a key and named values (`ImportError::key_and_args`), for the UI to
    /// word in the user's language.
    pub error_key: Option<String>,
    pub error_args: std::collections::BTreeMap<String, String>,
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
    let (plan, recs) = plan::detect(&decoded.text, profile, opts.default_currency)?;
    let label = encoding::label(decoded.encoding);
    let detected = Detected {
        encoding: label.clone(),
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
        sign: plan.sign.as_str().to_string(),
        profile: plan.profile(decoded.encoding.name()),
        confident: plan.confident,
        currency_source: plan.currency_source.to_string(),
        account: plan.account.clone(),
    };
    Ok(Prepared {
        text: decoded.text,
        plan,
        recs,
        detected,
    })
}

/// Streams the data records of the file through `reader`, stopping after `limit` rows.
fn run(
    p: &Prepared<'_>,
    reader: &mut rows::RowReader<'_>,
    limit: Option<usize>,
    sink: &mut rows::Sink<'_>,
) -> Result<(), ImportError> {
    let first_data_line = p.recs.get(p.plan.data_start).map_or(u64::MAX, |r| r.line);
    let mut rdr = sample::reader(&p.text, p.plan.delimiter);
    let mut rec = ByteRecord::new();
    // The line after the previous record, to count the blank lines the csv reader passes over.
    let mut expected_line = 1u64;
    while let Some(line) = sample::next(&mut rdr, &mut rec, p.text.as_bytes())? {
        for blank in expected_line..line {
            reader.skip(blank, "blank");
        }
        expected_line = line + 1 + sample::extra_lines(&rec);
        if line < first_data_line {
            let is_header = p.plan.header.is_some_and(|(_, h)| h == line);
            if !is_header {
                reader.skip(line, "preamble");
            }
            continue;
        }
        reader.feed(line, &rec, sink)?;
        if limit.is_some_and(|n| reader.rows_read as usize >= n) {
            return Ok(());
        }
    }
    reader.finish(sink)
}

/// Detect only (for the preview screen): returns the mapping and the first `n` data lines, raw
/// and parsed. A row error inside the preview is reported in `Preview::error`, not as `Err`.
pub fn preview(bytes: &[u8], opts: &ImportOptions, n: usize) -> Result<Preview, ImportError> {
    let p = prepare(bytes, opts)?;
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
    let failed = run(&p, &mut reader, Some(n), &mut sink).err();
    let error = failed.as_ref().map(ImportError::to_string);
    let (error_key, error_args) = match &failed {
        Some(e) => {
            let (key, args) = e.key_and_args();
            let args = args.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            (Some(key), args)
        }
        None => (None, Default::default()),
    };
    rows.truncate(n);
    Ok(Preview {
        detected: p.detected,
        header,
        sample,
        rows,
        error,
        error_key,
        error_args,
    })
}

/// Parses the whole file, streaming each row to `sink` in file order. Any unreadable row aborts
/// with an error carrying its line (the caller rolls back). The sink may also abort (cancel).
pub fn parse(
    bytes: &[u8],
    opts: &ImportOptions,
    sink: &mut dyn FnMut(ParsedRow) -> Result<(), ImportError>,
) -> Result<ParseSummary, ImportError> {
    let p = prepare(bytes, opts)?;
    let mut reader = rows::RowReader::new(&p.plan);
    run(&p, &mut reader, None, sink)?;
    Ok(ParseSummary {
        detected: p.detected,
        rows_read: reader.rows_read,
        skipped: reader.skipped,
    })
}
