//! ISO 20022 bank-to-customer statements: CAMT.053 (end of day, versions 001.02 to 001.13),
//! CAMT.052 (intraday reports) and CAMT.054 (notifications), streamed with quick-xml.
//!
//! Each `Stmt` (or `Rpt`, `Ntfctn`) is one account's statement: the account is its IBAN (or
//! `Othr/Id`), the currency the `Ccy` of its amounts. Each `Ntry` is one row, signed by
//! `CdtDbtInd`; a batched entry whose `TxDtls` each give an amount is one row per `TxDtls`.
//! Elements are matched by local name, so any namespace prefix and any version reads the same.

use super::error::ImportError;
use super::markup_limits::{
    skip_entry, too_many_entries, value_too_long, MAX_DEPTH, MAX_ENTRIES, MAX_VALUE_BYTES,
};
use super::ofx::decimal;
use super::{SkippedLine, Statement};
use crate::model::{ParsedRow, RowStatus};
use crate::money::Currency;
use chrono::{NaiveDate, NaiveTime};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Whether the start of a file is an ISO 20022 cash-management message.
pub fn looks_like(head: &str) -> bool {
    head.contains(":xsd:camt.05")
        || head.contains("<BkToCstmrStmt")
        || head.contains("<BkToCstmrAcctRpt")
        || head.contains(":BkToCstmrStmt")
}

/// The message's name and version from its namespace, e.g. "camt.053.001.02".
pub fn version(head: &str) -> String {
    head.find("camt.05")
        .map(|at| {
            head[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect::<String>()
        })
        .unwrap_or_else(|| "camt".into())
}

#[derive(Default)]
struct Money {
    amount: String,
    currency: String,
}

#[derive(Default)]
struct Detail {
    money: Option<Money>,
    credit_debit: String,
    reference: String,
    creditor: String,
    debtor: String,
    remittance: Vec<String>,
    additional: String,
}

#[derive(Default)]
struct Entry {
    ordinal: u64,
    money: Money,
    credit_debit: String,
    status: String,
    booked: String,
    value: String,
    reference: String,
    entry_ref: String,
    additional: String,
    details: Vec<Detail>,
}

#[derive(Default)]
struct Stmt {
    iban: String,
    other_id: String,
    currency: String,
    rows: Vec<ParsedRow>,
    skipped: Vec<SkippedLine>,
}

const STATEMENTS: [&str; 3] = ["Stmt", "Rpt", "Ntfctn"];

/// Reads every statement of a CAMT file (already decoded to text).
/// `fallback` is the currency of amounts without a `Ccy`.
pub fn read(text: &str, fallback: Option<Currency>) -> Result<Vec<Statement>, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut amount_ccy = String::new();
    let mut stmts: Vec<Stmt> = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut ordinal = 0u64;
    loop {
        let event = reader.read_event().map_err(|e| ImportError::NoStatement {
            format: "CAMT".into(),
            detail: format!(
                "the XML is malformed near byte {}: {e}",
                reader.buffer_position()
            ),
        })?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                buf.clear();
                if name == "Amt" {
                    amount_ccy = e
                        .try_get_attribute("Ccy")
                        .ok()
                        .flatten()
                        .and_then(|a| a.decode_and_unescape_value(reader.decoder()).ok())
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                }
                if path.len() >= MAX_DEPTH {
                    return Err(ImportError::TooLarge {
                        format: "CAMT".into(),
                        detail: format!(
                            "its elements nest more than {MAX_DEPTH} deep near byte {}",
                            reader.buffer_position()
                        ),
                    });
                }
                let parent = path.last().map(String::as_str).unwrap_or("");
                if STATEMENTS.contains(&name.as_str()) && parent.starts_with("BkToCstmr") {
                    stmts.push(Stmt::default());
                } else if name == "Ntry" && !stmts.is_empty() {
                    ordinal += 1;
                    if ordinal > MAX_ENTRIES {
                        return Err(too_many_entries("CAMT", ordinal));
                    }
                    entry = Some(Entry {
                        ordinal,
                        ..Entry::default()
                    });
                } else if name == "TxDtls" {
                    if let Some(en) = entry.as_mut() {
                        en.details.push(Detail::default());
                    }
                }
                path.push(name);
            }
            Event::Text(t) => {
                if let Ok(s) = t.decode() {
                    append(&mut buf, &s, &path, &entry)?;
                }
            }
            Event::CData(t) => {
                if let Ok(s) = t.decode() {
                    append(&mut buf, &s, &path, &entry)?;
                }
            }
            Event::GeneralRef(r) => {
                append(&mut buf, "", &path, &entry)?;
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    buf.push(c);
                } else if let Ok(name) = r.decode() {
                    buf.push(match name.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => ' ',
                    });
                }
            }
            Event::End(_) => {
                let value = one_line(&buf);
                buf.clear();
                if value.is_empty() && path.last().map(String::as_str) != Some("Ntry") {
                    // An element holding only elements (`<Sts><Cd>…</Cd></Sts>`).
                } else if path.last().map(String::as_str) == Some("Ntry") {
                    if let (Some(en), Some(st)) = (entry.take(), stmts.last_mut()) {
                        finish_entry(en, st, fallback)?;
                    }
                } else if let Some(en) = entry.as_mut() {
                    entry_value(en, &path, value, &amount_ccy);
                } else if let Some(st) = stmts.last_mut() {
                    statement_value(st, &path, value);
                }
                path.pop();
            }
            // Statements never carry a DTD; refusing it means no entity is ever expanded (an
            // entity bomb) or fetched (an external entity).
            Event::DocType(_) => {
                return Err(ImportError::Declarations {
                    format: "CAMT".into(),
                    declaration: "DOCTYPE".into(),
                })
            }
            Event::Eof => {
                if let Some(open) = path.last() {
                    // Cut short: what was read so far would look like a complete statement.
                    let inside = match &entry {
                        Some(en) => format!("entry {} (Ntry)", en.ordinal),
                        None => format!("<{open}>"),
                    };
                    return Err(ImportError::Truncated {
                        format: "CAMT".into(),
                        line: super::entities::last_line(text),
                        inside,
                    });
                }
                break;
            }
            _ => {}
        }
    }
    if stmts.is_empty() {
        return Err(ImportError::NoStatement {
            format: "CAMT".into(),
            detail: "no Stmt (camt.053), Rpt (camt.052) or Ntfctn (camt.054) element was found"
                .into(),
        });
    }
    Ok(stmts
        .into_iter()
        .map(|s| {
            let account = [s.iban, s.other_id].into_iter().find(|a| !a.is_empty());
            let currency =
                Currency::parse(&s.currency).or_else(|| s.rows.first().map(|r| r.currency));
            Statement {
                account,
                currency,
                rows: s.rows,
                skipped: s.skipped,
            }
        })
        .collect())
}

/// Adds `text` to the value of the element open at the end of `path`, refusing a value longer
/// than a statement's values can be before it is copied.
fn append(
    buf: &mut String,
    text: &str,
    path: &[String],
    entry: &Option<Entry>,
) -> Result<(), ImportError> {
    if buf.len() + text.len() > MAX_VALUE_BYTES {
        let element = path.last().map_or("", String::as_str);
        let at = entry.as_ref().map(|e| e.ordinal);
        return Err(value_too_long("CAMT", at, &format!("<{element}>")));
    }
    buf.push_str(text);
    Ok(())
}

/// Whether `path` ends with `tail`.
fn at(path: &[String], tail: &[&str]) -> bool {
    path.len() >= tail.len()
        && path[path.len() - tail.len()..]
            .iter()
            .zip(tail)
            .all(|(a, b)| a == b)
}

fn statement_value(st: &mut Stmt, path: &[String], value: String) {
    if at(path, &["Acct", "Id", "IBAN"]) {
        st.iban = value;
    } else if at(path, &["Acct", "Id", "Othr", "Id"]) && st.other_id.is_empty() {
        st.other_id = value;
    } else if at(path, &["Acct", "Ccy"]) {
        st.currency = value;
    }
}

fn entry_value(en: &mut Entry, path: &[String], value: String, ccy: &str) {
    if let Some(d) = path
        .iter()
        .position(|p| p == "TxDtls")
        .and_then(|_| en.details.last_mut())
    {
        detail_value(d, path, value, ccy);
        return;
    }
    let parent = path.len().checked_sub(2).map(|i| path[i].as_str());
    let name = path.last().map(String::as_str).unwrap_or("");
    match (parent, name) {
        (Some("Ntry"), "Amt") => {
            en.money = Money {
                amount: value,
                currency: ccy.to_string(),
            }
        }
        (Some("Ntry"), "CdtDbtInd") => en.credit_debit = value,
        _ if at(path, &["Ntry", "Sts"]) || at(path, &["Ntry", "Sts", "Cd"]) => en.status = value,
        (Some("BookgDt"), "Dt" | "DtTm") => en.booked = value,
        (Some("ValDt"), "Dt" | "DtTm") => en.value = value,
        (Some("Ntry"), "AcctSvcrRef") => en.reference = value,
        (Some("Ntry"), "NtryRef") => en.entry_ref = value,
        (Some("Ntry"), "AddtlNtryInf") => en.additional = value,
        _ => {}
    }
}

fn detail_value(d: &mut Detail, path: &[String], value: String, ccy: &str) {
    let name = path.last().map(String::as_str).unwrap_or("");
    let money = || Money {
        amount: value.clone(),
        currency: ccy.to_string(),
    };
    // `TxDtls/Amt` (version 08 on) or `AmtDtls/TxAmt/Amt` (earlier), whichever comes first.
    let amount = at(path, &["TxDtls", "Amt"]) || at(path, &["AmtDtls", "TxAmt", "Amt"]);
    if amount && d.money.is_none() {
        d.money = Some(money());
    } else if at(path, &["TxDtls", "CdtDbtInd"]) {
        d.credit_debit = value;
    } else if at(path, &["Refs", "AcctSvcrRef"]) {
        d.reference = value;
    } else if name == "Nm" && path.iter().any(|p| p == "RltdPties") {
        // Cdtr/Nm up to version 07, Cdtr/Pty/Nm from 08 on; the ultimate parties come second.
        if path.iter().any(|p| p == "Cdtr" || p == "UltmtCdtr") && d.creditor.is_empty() {
            d.creditor = value;
        } else if path.iter().any(|p| p == "Dbtr" || p == "UltmtDbtr") && d.debtor.is_empty() {
            d.debtor = value;
        }
    } else if at(path, &["RmtInf", "Ustrd"])
        || (at(path, &["CdtrRefInf", "Ref"]) && d.remittance.is_empty())
    {
        if !value.is_empty() {
            d.remittance.push(value);
        }
    } else if at(path, &["TxDtls", "AddtlTxInf"]) {
        d.additional = value;
    }
}

fn finish_entry(en: Entry, st: &mut Stmt, fallback: Option<Currency>) -> Result<(), ImportError> {
    let id = [&en.reference, &en.entry_ref]
        .into_iter()
        .find(|r| !r.is_empty())
        .cloned()
        .unwrap_or_default();
    let bad = |field: &str, value: &str, expected: &str| ImportError::BadEntry {
        entry: en.ordinal,
        id: id.clone(),
        field: field.into(),
        value: value.into(),
        expected: expected.into(),
    };
    let status = match en.status.to_ascii_uppercase().as_str() {
        "" | "BOOK" => RowStatus::Booked,
        "PDNG" | "FUTR" => RowStatus::Pending,
        // Information only: no money moved (version 09 and later).
        "INFO" => {
            skip_entry(&mut st.skipped, en.ordinal, super::SkipReason::InformationOnly);
            return Ok(());
        }
        other => return Err(bad("Sts", other, "BOOK, PDNG or INFO")),
    };
    const DATE: &str = "a date like 2024-01-31 or 2024-01-31T10:00:00";
    let booked = match en.booked.as_str() {
        "" => None,
        v => Some(date(v).ok_or_else(|| bad("BookgDt", v, DATE))?),
    };
    let value = match en.value.as_str() {
        "" => None,
        v => Some(date(v).ok_or_else(|| bad("ValDt", v, DATE))?),
    };
    let ((day, time), value_day) = match (booked, value) {
        (Some(b), v) => (b, v.map(|v| v.0).filter(|v| *v != b.0)),
        (None, Some(v)) => (v, None),
        (None, None) => return Err(bad("BookgDt", "", DATE)),
    };
    let entry_sign =
        sign(&en.credit_debit).ok_or_else(|| bad("CdtDbtInd", &en.credit_debit, "CRDT or DBIT"))?;
    let row = |money: &Money, sign: i64, description: String, reference: &str| {
        let currency = Currency::parse(&money.currency)
            .or_else(|| Currency::parse(&st.currency))
            .or(fallback)
            .ok_or_else(|| bad("Amt Ccy", &money.currency, "a currency code"))?;
        let minor = decimal(&money.amount, currency.minor_digits())
            .and_then(i64::checked_abs)
            .ok_or_else(|| bad("Amt", &money.amount, "a number like 1234.56"))?;
        Ok::<_, ImportError>(ParsedRow {
            line: en.ordinal,
            date: day,
            time,
            posted_date: value_day,
            description,
            amount: sign * minor,
            currency,
            reference: Some(reference.to_string()).filter(|r| !r.is_empty()),
            card_last4: None,
            status,
        })
    };
    let split = en.details.len() >= 2 && en.details.iter().all(|d| d.money.is_some());
    if split {
        for d in &en.details {
            let s = match d.credit_debit.as_str() {
                "" => entry_sign,
                v => sign(v).ok_or_else(|| bad("TxDtls CdtDbtInd", v, "CRDT or DBIT"))?,
            };
            let reference = if d.reference.is_empty() {
                &id
            } else {
                &d.reference
            };
            let description = describe(d, s).unwrap_or_else(|| en.additional.clone());
            if let Some(money) = &d.money {
                st.rows.push(row(money, s, description, reference)?);
            }
        }
        return Ok(());
    }
    let described: Vec<String> = en
        .details
        .iter()
        .filter_map(|d| describe(d, entry_sign))
        .collect();
    let description = if described.is_empty() {
        en.details
            .iter()
            .map(|d| d.additional.clone())
            .find(|a| !a.is_empty())
            .unwrap_or_else(|| en.additional.clone())
    } else {
        described.join("; ")
    };
    let r = row(&en.money, entry_sign, description, &id)?;
    st.rows.push(r);
    Ok(())
}

fn sign(indicator: &str) -> Option<i64> {
    match indicator.to_ascii_uppercase().as_str() {
        "DBIT" => Some(-1),
        "CRDT" => Some(1),
        _ => None,
    }
}

/// The other party (the creditor of money paid out, the debtor of money received) and the
/// remittance text.
fn describe(d: &Detail, sign: i64) -> Option<String> {
    let party = if sign < 0 { &d.creditor } else { &d.debtor };
    let mut parts: Vec<&str> = Vec::new();
    if !party.is_empty() {
        parts.push(party);
    }
    for r in &d.remittance {
        parts.push(r);
    }
    if parts.is_empty() && !d.additional.is_empty() {
        parts.push(&d.additional);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `2017-04-01`, `2017-04-01+02:00`, `2015-12-31T01:12:39`, `2015-12-31T01:12:39.000+01:00`:
/// the date as written (no zone shift), and the time when there is one.
fn date(v: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let d = NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?;
    let t = v
        .get(10..)
        .and_then(|rest| rest.strip_prefix('T'))
        .and_then(|rest| rest.get(..8))
        .and_then(|hms| NaiveTime::parse_from_str(hms, "%H:%M:%S").ok());
    Some((d, t))
}

/// Whitespace (line breaks inside long texts) collapsed to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(version: &str, entries: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Bal><Amt Ccy="CHF">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
{entries}</Stmt></BkToCstmrStmt></Document>"#
        )
    }

    #[test]
    fn entries_are_signed_dated_and_described() {
        let text = doc(
            "08",
            r#"<Ntry><Amt Ccy="CHF">38</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2017-04-01+02:00</Dt></BookgDt><ValDt><Dt>2017-04-03</Dt></ValDt><AcctSvcrRef>R1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>MIGROS &amp; CO</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>Einkauf</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="CHF">10.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><DtTm>2017-04-02T10:11:12</DtTm></BookgDt></Ntry>"#,
        );
        let s = read(&text, None).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].account.as_deref(), Some("CH9300762011623852957"));
        let r = &s[0].rows;
        assert_eq!(r[0].amount, -3800);
        assert_eq!(r[0].description, "MIGROS & CO Einkauf");
        assert_eq!(r[0].reference.as_deref(), Some("R1"));
        assert_eq!(r[0].posted_date, NaiveDate::from_ymd_opt(2017, 4, 3));
        assert_eq!(r[1].amount, 1050);
        assert_eq!(r[1].status, RowStatus::Pending);
        assert!(r[1].time.is_some());
    }

    const ENTRY: &str = r#"<Ntry><Amt Ccy="CHF">38</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2017-04-01</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef></Ntry>
<Ntry><Amt Ccy="CHF">10.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2017-04-02</Dt></BookgDt></Ntry>"#;

    #[test]
    fn a_document_cut_short_is_refused_naming_where_it_ends() {
        let text = doc("02", ENTRY);
        assert_eq!(read(&text, None).unwrap()[0].rows.len(), 2);
        let cut = &text[..text.find("<Amt Ccy=\"CHF\">10.5").unwrap() + 18];
        let e = read(cut, None).unwrap_err();
        assert!(
            matches!(&e, ImportError::Truncated { line: 7, inside, .. } if inside == "entry 2 (Ntry)"),
            "{e}"
        );
        // Between entries, the open element is named instead.
        let cut = &text[..text.find("</Stmt>").unwrap()];
        assert!(matches!(
            read(cut, None),
            Err(ImportError::Truncated { inside, .. }) if inside == "<Stmt>"
        ));
    }

    #[test]
    fn a_dtd_is_refused_and_its_entities_never_expanded_or_fetched() {
        for dtd in [
            r#"<!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>"#,
            r#"<!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#,
        ] {
            let text = doc("02", &ENTRY.replace("R1", "&b;&x;")).replacen(
                "?>\n",
                &format!("?>\n{dtd}\n"),
                1,
            );
            let e = read(&text, None).unwrap_err();
            assert!(
                matches!(&e, ImportError::Declarations { format, .. } if format == "CAMT"),
                "{e}"
            );
        }
    }

    #[test]
    fn a_batch_with_amounts_per_transaction_is_one_row_each() {
        let text = doc(
            "02",
            r#"<Ntry><Amt Ccy="CHF">30.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2017-04-01</Dt></BookgDt>
<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="CHF">10.00</Amt></TxAmt></AmtDtls><RltdPties><Cdtr><Nm>A</Nm></Cdtr></RltdPties></TxDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="CHF">20.00</Amt></TxAmt></AmtDtls><RltdPties><Cdtr><Nm>B</Nm></Cdtr></RltdPties></TxDtls>
</NtryDtls></Ntry>"#,
        );
        let r = &read(&text, None).unwrap()[0].rows;
        assert_eq!(
            r.iter().map(|r| r.amount).collect::<Vec<_>>(),
            vec![-1000, -2000]
        );
        assert_eq!(r[1].description, "B");
    }
}
