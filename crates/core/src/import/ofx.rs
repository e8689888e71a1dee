//! OFX, QFX and QBO downloads (Quicken, QuickBooks): OFX 1.x SGML (leaf tags left unclosed,
//! with or without the `OFXHEADER` block) and OFX 2.x XML, bank (`STMTRS`) and credit-card
//! (`CCSTMTRS`) statements, several per file.
//!
//! Real files are often malformed (closing tags missing or misplaced, odd date suffixes such as
//! `[-7:MST]`), so this reads a flat stream of tags rather than a tree: a tag followed by text
//! is a value; the aggregates that matter (a statement, a transaction) begin at their opening
//! tag and end at their closing tag or wherever the next one of their kind begins. That reads
//! what a person reading the file would read.

use super::amounts::{self, DecimalMark};
use super::entities;
use super::error::ImportError;
use super::markup_limits::{
    skip_entry, too_many_entries, value_too_long, MAX_ENTRIES, MAX_VALUE_BYTES,
};
use super::{SkippedLine, Statement};
use crate::model::{ParsedRow, RowStatus};
use crate::money::Currency;
use chrono::{NaiveDate, NaiveTime};

/// Whether these bytes are an OFX file: the 1.x header, or an `<OFX>` root near the start.
pub fn looks_like(head: &str) -> bool {
    let upper = head.to_ascii_uppercase();
    upper.contains("OFXHEADER") || upper.contains("<OFX>")
}

/// One tag of the stream: its upper-cased name, whether it closes, and the text after it.
struct Tag<'a> {
    name: String,
    closing: bool,
    text: &'a str,
}

/// The tags of `text` in order, skipping processing instructions, comments and declarations.
fn tags(text: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let start = rest.find('<')?;
        let after = &rest[start + 1..];
        let end = after.find('>')?;
        let inner = after[..end].trim();
        let body = &after[end + 1..];
        let text_end = body.find('<').unwrap_or(body.len());
        let text = &body[..text_end];
        rest = &body[text_end..];
        if inner.starts_with('?') || inner.starts_with('!') || inner.is_empty() {
            continue;
        }
        let (closing, name) = match inner.strip_prefix('/') {
            Some(n) => (true, n),
            None => (false, inner.trim_end_matches('/')),
        };
        // `<NAME attr="…">` in OFX 2.x files that carry attributes: the name is the first word.
        // No OFX tag is longer than 32 characters: a longer one is kept as none, not copied.
        let name = name
            .split_whitespace()
            .next()
            .filter(|n| n.len() <= 32)
            .unwrap_or("");
        return Some(Tag {
            name: name.to_ascii_uppercase(),
            closing,
            text,
        });
    })
}

/// The values of one `STMTTRN` as written.
#[derive(Default)]
struct Entry {
    ordinal: u64,
    trntype: String,
    posted: String,
    user: String,
    amount: String,
    fitid: String,
    name: String,
    memo: String,
    checknum: String,
    currency: String,
}

#[derive(Default)]
struct Stmt {
    account: String,
    bank: String,
    kind: String,
    curdef: String,
    card: bool,
    /// Each transaction as a row once it closes, so a statement holds its rows and not their
    /// text as well.
    rows: Vec<ParsedRow>,
    skipped: Vec<SkippedLine>,
}

impl Stmt {
    fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.skipped.is_empty() && self.account.is_empty()
    }
}

/// What is read so far: the statements, and the first transaction that could not be read (kept
/// until the end, where a file cut short is the better explanation).
struct Reading {
    stmts: Vec<Stmt>,
    fallback: Option<Currency>,
    first_error: Option<ImportError>,
}

/// Reads every statement of an OFX file (already decoded to text).
/// `fallback` is the currency of a statement without `CURDEF`.
pub fn read(text: &str, fallback: Option<Currency>) -> Result<Vec<Statement>, ImportError> {
    if let Some(declaration) = entities::declaration(text) {
        return Err(ImportError::Declarations {
            format: "OFX".into(),
            declaration,
        });
    }
    let mut reading = Reading {
        stmts: Vec::new(),
        fallback,
        first_error: None,
    };
    let mut in_stmt = false;
    // What is open by its own tag, to tell a file that was cut short from a complete one: the
    // `<OFX>` root (closed in every OFX version, even where leaves are not), and the statement.
    let mut root = (false, false);
    let mut open_stmt: Option<String> = None;
    let mut entry: Option<Entry> = None;
    let mut ordinal = 0u64;
    // Inside `CURRENCY`/`ORIGCURRENCY` of an entry, `CURSYM` names the amount's currency only
    // for `CURRENCY` (ORIGCURRENCY is the original, converted into CURDEF).
    let mut in_currency = false;
    let current = |stmts: &mut Vec<Stmt>, in_stmt: &mut bool| {
        if !*in_stmt {
            stmts.push(Stmt::default());
            *in_stmt = true;
        }
    };
    let entry_ordinal = |entry: &Option<Entry>| entry.as_ref().map(|e| e.ordinal);
    for tag in tags(text) {
        let value = tag.text.trim();
        match (tag.name.as_str(), tag.closing) {
            ("OFX", closing) => {
                if closing {
                    root.1 = true;
                } else {
                    root.0 = true;
                }
            }
            ("STMTRS" | "CCSTMTRS", false) => {
                open_stmt = Some(tag.name.clone());
                reading.close_entry(&mut entry);
                // A statement that holds nothing yet is this one (a file of nothing but
                // `<STMTRS>` tags is one empty statement, not millions).
                if !reading.stmts.last().is_some_and(Stmt::is_empty) {
                    reading.stmts.push(Stmt::default());
                }
                if let Some(s) = reading.stmts.last_mut() {
                    s.card = tag.name == "CCSTMTRS";
                }
                in_stmt = true;
            }
            ("STMTRS" | "CCSTMTRS", true) => {
                open_stmt = None;
                reading.close_entry(&mut entry);
                in_stmt = false;
            }
            ("STMTTRN", false) => {
                reading.close_entry(&mut entry);
                current(&mut reading.stmts, &mut in_stmt);
                ordinal += 1;
                if ordinal > MAX_ENTRIES {
                    return Err(too_many_entries("OFX", ordinal));
                }
                entry = Some(Entry {
                    ordinal,
                    ..Entry::default()
                });
            }
            // The end of the transaction, or of what holds it when its own end is missing.
            ("STMTTRN" | "BANKTRANLIST", true) | ("LEDGERBAL" | "AVAILBAL", false) => {
                reading.close_entry(&mut entry);
            }
            ("CURRENCY", false) => in_currency = true,
            ("ORIGCURRENCY", false) | ("CURRENCY" | "ORIGCURRENCY", true) => in_currency = false,
            (_, false) if !value.is_empty() => {
                // A value that is kept is copied: one past the limit is refused first.
                let at = entry_ordinal(&entry);
                let keep = |field: &mut String| {
                    if !field.is_empty() {
                        return Ok(());
                    }
                    if value.len() > MAX_VALUE_BYTES {
                        return Err(value_too_long("OFX", at, &tag.name));
                    }
                    *field = entities::unescape(value);
                    Ok(())
                };
                if let Some(e) = entry.as_mut() {
                    let field = match tag.name.as_str() {
                        "TRNTYPE" => &mut e.trntype,
                        "DTPOSTED" => &mut e.posted,
                        "DTUSER" => &mut e.user,
                        "TRNAMT" => &mut e.amount,
                        "FITID" => &mut e.fitid,
                        "NAME" => &mut e.name,
                        "MEMO" => &mut e.memo,
                        "CHECKNUM" => &mut e.checknum,
                        "CURSYM" if in_currency => &mut e.currency,
                        _ => continue,
                    };
                    keep(field)?;
                } else {
                    let statement_field = matches!(
                        tag.name.as_str(),
                        "ACCTID" | "BANKID" | "ACCTTYPE" | "CURDEF"
                    );
                    if !statement_field {
                        continue;
                    }
                    current(&mut reading.stmts, &mut in_stmt);
                    let Some(s) = reading.stmts.last_mut() else {
                        continue;
                    };
                    let field = match tag.name.as_str() {
                        "ACCTID" => &mut s.account,
                        "BANKID" => &mut s.bank,
                        "ACCTTYPE" => &mut s.kind,
                        _ => &mut s.curdef,
                    };
                    keep(field)?;
                }
            }
            _ => {}
        }
    }
    // A file without its root's end (or, without a root, inside a statement) was cut short:
    // importing the part before the cut would look like a complete month.
    if (root.0 && !root.1) || (!root.0 && open_stmt.is_some()) {
        let inside = match (&entry, &open_stmt) {
            (Some(e), _) => format!("transaction {} (STMTTRN)", e.ordinal),
            (None, Some(tag)) => format!("a statement ({tag})"),
            (None, None) => "the OFX document (<OFX>)".into(),
        };
        return Err(ImportError::Truncated {
            format: "OFX".into(),
            line: entities::last_line(text),
            inside,
        });
    }
    reading.close_entry(&mut entry);
    let Reading {
        mut stmts,
        first_error,
        ..
    } = reading;
    stmts.retain(|s| !s.is_empty());
    if let Some(s) = stmts
        .iter()
        .find(|s| !s.curdef.is_empty() && Currency::parse(&s.curdef).is_none())
    {
        return Err(ImportError::NoStatement {
            format: "OFX".into(),
            detail: format!("CURDEF '{}' is not a currency code", s.curdef),
        });
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    if stmts.is_empty() {
        return Err(ImportError::NoStatement {
            format: "OFX".into(),
            detail: "no STMTRS or CCSTMTRS statement and no STMTTRN transaction was found".into(),
        });
    }
    let names = account_names(&stmts);
    Ok(stmts
        .into_iter()
        .zip(names)
        .map(|(s, account)| Statement {
            account,
            currency: Currency::parse(&s.curdef).or(fallback),
            rows: s.rows,
            skipped: s.skipped,
        })
        .collect())
}

impl Reading {
    /// The open transaction, read into a row of the statement it is in. Its currency is its own
    /// `CURSYM`, else the statement's `CURDEF` (which OFX puts before the transactions), else
    /// the fallback. One without an amount or a date is a skipped entry; a run of them is one.
    fn close_entry(&mut self, entry: &mut Option<Entry>) {
        let (Some(e), Some(s)) = (entry.take(), self.stmts.last_mut()) else {
            return;
        };
        if e.amount.is_empty() && e.posted.is_empty() && e.user.is_empty() {
            skip_entry(&mut s.skipped, e.ordinal, super::SkipReason::NoAmount);
            return;
        }
        if self.first_error.is_some() {
            return;
        }
        match row(e, Currency::parse(&s.curdef).or(self.fallback)) {
            Ok(r) => s.rows.push(r),
            Err(err) => self.first_error = Some(err),
        }
    }
}

/// Each statement's account: its `ACCTID`, told apart by its type or bank when one file holds
/// the same number twice (a checking and a savings account under one customer number).
fn account_names(stmts: &[Stmt]) -> Vec<Option<String>> {
    stmts
        .iter()
        .map(|s| {
            if s.account.is_empty() {
                return None;
            }
            let twins = stmts.iter().filter(|o| o.account == s.account).count();
            if twins < 2 {
                return Some(s.account.clone());
            }
            let qualifier = if !s.kind.is_empty() {
                s.kind.to_lowercase()
            } else if s.card {
                "credit card".into()
            } else {
                s.bank.clone()
            };
            Some(format!("{} {}", s.account, qualifier).trim().to_string())
        })
        .collect()
}

fn row(e: Entry, curdef: Option<Currency>) -> Result<ParsedRow, ImportError> {
    let bad = |field: &str, value: &str, expected: &str| ImportError::BadEntry {
        entry: e.ordinal,
        id: e.fitid.clone(),
        field: field.into(),
        value: value.into(),
        expected: expected.into(),
    };
    let currency = match e.currency.as_str() {
        "" => curdef.ok_or_else(|| bad("CURDEF", "", "the statement's currency code"))?,
        code => Currency::parse(code).ok_or_else(|| bad("CURSYM", code, "a currency code"))?,
    };
    const DATE: &str = "a date like 20240131 or 20240131120000[-5:EST]";
    let posted = match e.posted.as_str() {
        "" => None,
        v => Some(date(v).ok_or_else(|| bad("DTPOSTED", v, DATE))?),
    };
    let user = match e.user.as_str() {
        "" => None,
        v => Some(date(v).ok_or_else(|| bad("DTUSER", v, DATE))?),
    };
    // DTUSER is when the person paid; DTPOSTED when the bank booked it.
    let (day, posted_date) = match (user, posted) {
        (Some(u), p) => (u, p.filter(|p| *p != u)),
        (None, Some(p)) => (p, None),
        (None, None) => return Err(bad("DTPOSTED", "", DATE)),
    };
    let amount = decimal(&e.amount, currency.minor_digits())
        .ok_or_else(|| bad("TRNAMT", &e.amount, "a signed number like -12.50"))?;
    let description = describe(&e);
    let reference = (!e.fitid.is_empty()).then(|| e.fitid.clone());
    Ok(ParsedRow {
        line: e.ordinal,
        date: day.0,
        time: None,
        posted_date: posted_date.map(|p| p.0),
        description,
        amount,
        currency,
        reference,
        card_last4: None,
        status: RowStatus::Booked,
    })
}

/// NAME and MEMO joined (MEMO often repeats NAME, or continues it); the check number or the
/// transaction type when both are empty.
fn describe(e: &Entry) -> String {
    let name = e.name.trim();
    let memo = e.memo.trim();
    let text = if memo.is_empty() || name.contains(memo) {
        name.to_string()
    } else if name.is_empty() || memo.starts_with(name) {
        memo.to_string()
    } else {
        format!("{name} {memo}")
    };
    if !text.is_empty() {
        return text;
    }
    if !e.checknum.is_empty() {
        return format!("CHECK {}", e.checknum);
    }
    e.trntype.clone()
}

/// An OFX date: `YYYYMMDD`, then optionally `HHMMSS`, `.XXX` and a zone such as `[-7:MST]`
/// (or the same with ISO separators).
/// Only the date is kept: the time of a posting is rarely meaningful, and the date is read as
/// written, with no zone shift. Returned with the time as written, for callers that want it.
fn date(v: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    // Some exporters write `2024-03-23` or `2024-03-23T10:00:00`: the separators are dropped.
    let digits: String = v
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | 'T' | ' '))
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() < 8 {
        return None;
    }
    let d = NaiveDate::parse_from_str(&digits[..8], "%Y%m%d").ok()?;
    let t = (digits.len() >= 14)
        .then(|| NaiveTime::parse_from_str(&digits[8..14], "%H%M%S").ok())
        .flatten();
    Some((d, t))
}

/// A decimal amount in minor units: `-12.50`, `+1339.85`, `-100`, `12,50` (a comma decimal
/// mark, as some European banks write it).
pub(super) fn decimal(v: &str, digits: u32) -> Option<i64> {
    let v = v.trim();
    let mark = if v.contains(',') && !v.contains('.') {
        DecimalMark::Comma
    } else {
        DecimalMark::Dot
    };
    amounts::parse(v, mark).ok()??.to_minor(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SGML: &str = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<CURDEF>EUR\n<BANKACCTFROM><BANKID>1<ACCTID>111<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20220610<TRNAMT>-12.50<FITID>A1<NAME>CAFE &amp; CO<MEMO>card 1234</STMTTRN>\n<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20220611120000.000[-7:MST]<TRNAMT>+100<FITID>A2<NAME>SALARY\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";

    #[test]
    fn reads_sgml_with_unclosed_leaves_and_odd_zones() {
        let s = read(SGML, None).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].account.as_deref(), Some("111"));
        assert_eq!(s[0].currency, Some(Currency::EUR));
        let r = &s[0].rows;
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].amount, -1250);
        assert_eq!(r[0].description, "CAFE & CO card 1234");
        assert_eq!(r[0].reference.as_deref(), Some("A1"));
        assert_eq!(r[1].amount, 10000);
        assert_eq!(r[1].date, NaiveDate::from_ymd_opt(2022, 6, 11).unwrap());
        assert_eq!(r[1].line, 2);
    }

    #[test]
    fn misnested_transactions_end_where_the_next_begins() {
        let text = "<OFX><CREDITCARDMSGSRSV1><CCSTMTRS><CURDEF>BRL<CCACCTFROM><ACCTID>abc</CCACCTFROM><BANKTRANLIST><STMTTRN><DTPOSTED>20240323<TRNAMT>-1.00<FITID>x<STMTTRN><DTPOSTED>20240324<TRNAMT>-2.00<FITID>y<LEDGERBAL><BALAMT>-3</LEDGERBAL></CCSTMTRS></OFX>";
        let s = read(text, None).unwrap();
        assert_eq!(s[0].rows.len(), 2);
        assert_eq!(s[0].rows.iter().map(|r| r.amount).sum::<i64>(), -300);
    }

    #[test]
    fn dates_with_zones_fractions_or_iso_separators() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(date("20240323000000[-3:GMT]").unwrap().0, d(2024, 3, 23));
        assert_eq!(date("20230112050000.000").unwrap().0, d(2023, 1, 12));
        assert_eq!(date("2024-03-23").unwrap().0, d(2024, 3, 23));
        assert_eq!(date("20240323").unwrap().1, None);
        assert!(date("2024").is_none());
    }

    #[test]
    fn a_file_cut_short_is_refused_naming_where_it_ends() {
        let cut = &SGML[..SGML.find("<TRNAMT>+100").unwrap() + 10];
        let e = read(cut, None).unwrap_err();
        assert!(
            matches!(&e, ImportError::Truncated { line: 12, inside, .. } if inside == "transaction 2 (STMTTRN)"),
            "{e}"
        );
        // Without a root, a statement that never closes is cut short too.
        let body = &SGML[SGML.find("<STMTRS>").unwrap()..SGML.find("</BANKTRANLIST>").unwrap()];
        assert!(matches!(
            read(body, None),
            Err(ImportError::Truncated { .. })
        ));
    }

    #[test]
    fn a_dtd_or_entity_declaration_is_refused_unexpanded() {
        let bomb = SGML.replace(
            "<OFX>",
            "<!DOCTYPE OFX [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n<OFX>",
        );
        let e = read(&bomb, None).unwrap_err();
        assert!(
            matches!(&e, ImportError::Declarations { declaration, .. } if declaration == "DOCTYPE"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_amount_names_the_entry_and_its_fitid() {
        let text = SGML.replace("-12.50", "twelve");
        let e = read(&text, None).unwrap_err().to_string();
        assert!(
            e.contains("entry 1") && e.contains("A1") && e.contains("TRNAMT"),
            "{e}"
        );
    }
}
