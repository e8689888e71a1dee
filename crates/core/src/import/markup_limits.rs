//! What a structured statement (OFX, CAMT) may hold. These files are read whole into their
//! statements, so their size in memory is bounded here rather than by streaming: a value, the
//! nesting of elements, and the number of transaction entries each have a limit well beyond
//! any bank's file, and a file past one is refused naming where (ARCHITECTURE.md, "An import's
//! memory is bounded by its file").

use super::error::ImportError;
use super::{SkipReason, SkippedLine};

/// Transaction entries in one file: about 130 bytes each in memory as rows, so at most ~130 MB.
pub const MAX_ENTRIES: u64 = 1_000_000;

/// The text of one value (a name, a memo, a remittance line); banks write at most a few hundred
/// characters.
pub const MAX_VALUE_BYTES: usize = 64 * 1024;

/// Elements open at once in a CAMT file (a real one nests about fifteen deep).
pub const MAX_DEPTH: usize = 100;

/// The error for entry number `entry` past [`MAX_ENTRIES`].
pub fn too_many_entries(format: &str, entry: u64) -> ImportError {
    ImportError::TooLarge {
        format: format.into(),
        detail: format!(
            "entry {entry} is past the {MAX_ENTRIES} transactions one file may hold (split the \
             download by date)"
        ),
    }
}

/// The error for a value of `field` longer than [`MAX_VALUE_BYTES`], in entry `entry` when
/// there is one.
pub fn value_too_long(format: &str, entry: Option<u64>, field: &str) -> ImportError {
    let place = entry.map_or_else(String::new, |e| format!("entry {e}: "));
    ImportError::TooLarge {
        format: format.into(),
        detail: format!("{place}{field} is longer than {MAX_VALUE_BYTES} bytes"),
    }
}

/// Records entry number `entry` as passed over for `reason`: a run of consecutive entries
/// passed over for the same reason is one skipped entry with its count, so a file of a million
/// empty entries costs one.
pub fn skip_entry(skipped: &mut Vec<SkippedLine>, entry: u64, reason: SkipReason) {
    match skipped.last_mut() {
        Some(last) if last.reason == reason && last.line + last.count == entry => last.count += 1,
        _ => skipped.push(SkippedLine {
            line: entry,
            reason,
            count: 1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{camt, ofx};
    use crate::money::Currency;

    const OFX_HEAD: &str = "OFXHEADER:100\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1234</BANKACCTFROM><BANKTRANLIST>";
    const OFX_TAIL: &str = "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
    const CAMT_HEAD: &str = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>"#;
    const CAMT_TAIL: &str = "</Stmt></BkToCstmrStmt></Document>";

    fn ofx(body: &str) -> Result<Vec<crate::import::Statement>, ImportError> {
        ofx::read(&format!("{OFX_HEAD}{body}{OFX_TAIL}"), None)
    }

    fn camt(body: &str) -> Result<Vec<crate::import::Statement>, ImportError> {
        camt::read(
            &format!("{CAMT_HEAD}{body}{CAMT_TAIL}"),
            Currency::parse("EUR"),
        )
    }

    #[test]
    fn an_ofx_value_past_the_limit_is_refused_naming_its_entry() {
        let ok = "X".repeat(MAX_VALUE_BYTES);
        let entry =
            |name: &str| format!("<STMTTRN><DTPOSTED>20240301<TRNAMT>-1.00<NAME>{name}</STMTTRN>");
        assert_eq!(ofx(&entry(&ok)).unwrap()[0].rows[0].description, ok);
        let e = ofx(&format!("{}{}", entry("A"), entry(&format!("{ok}X")))).unwrap_err();
        assert!(
            e.to_string()
                .contains("entry 2: NAME is longer than 65536 bytes"),
            "{e}"
        );
    }

    #[test]
    fn ofx_entries_are_counted_and_a_run_without_amounts_is_one_skipped_entry() {
        let rows = "<STMTTRN><DTPOSTED>20240301<TRNAMT>-1.00</STMTTRN>".repeat(3);
        let empties = "<STMTTRN>".repeat(1000);
        let s = ofx(&format!("{rows}{empties}")).unwrap();
        assert_eq!(s[0].rows.len(), 3);
        assert_eq!(s[0].skipped.len(), 1);
        assert_eq!((s[0].skipped[0].line, s[0].skipped[0].count), (4, 1000));

        let e = ofx(&"<STMTTRN>".repeat(MAX_ENTRIES as usize + 1)).unwrap_err();
        assert!(e.to_string().contains("entry 1000001 is past"), "{e}");
    }

    #[test]
    fn ofx_statement_tags_without_content_are_one_statement() {
        let s = ofx(&format!(
            "{}<CURDEF>USD<STMTTRN><DTPOSTED>20240301<TRNAMT>-1.00</STMTTRN>",
            "<STMTRS>".repeat(10_000)
        ))
        .unwrap();
        // The account's statement, then the one the last <STMTRS> opened with the row.
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].rows.len(), 1);
    }

    #[test]
    fn camt_values_and_nesting_past_the_limits_are_refused() {
        let entry = |info: &str| {
            format!(
                r#"<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-03-01</Dt></BookgDt><AddtlNtryInf>{info}</AddtlNtryInf></Ntry>"#
            )
        };
        let ok = "X".repeat(MAX_VALUE_BYTES);
        assert_eq!(camt(&entry(&ok)).unwrap()[0].rows.len(), 1);
        let e = camt(&entry(&format!("{ok}X"))).unwrap_err();
        assert!(
            e.to_string().contains("entry 1: <AddtlNtryInf> is longer"),
            "{e}"
        );
        let deep = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        let e = camt(&deep).unwrap_err();
        assert!(e.to_string().contains("nest more than 100 deep"), "{e}");
    }
}
