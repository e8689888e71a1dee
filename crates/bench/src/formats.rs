//! The same statement in the other formats people download: an XLSX workbook (typed cells: a
//! date serial with a date style, a number cell for the amount) and an OFX 1.x file, written
//! from a generated `Date,Description,Amount` CSV so the three imports read the same rows.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use recourse_testsupport::workbook::Xlsx;
use std::io::{BufWriter, Write};
use std::path::Path;

/// One row of the simple CSV.
struct Row {
    date: NaiveDate,
    description: String,
    amount: String,
}

fn rows(csv_path: &Path) -> Result<Vec<Row>> {
    let mut rdr = csv::Reader::from_path(csv_path)?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        let date = NaiveDate::parse_from_str(&rec[0], "%Y-%m-%d")
            .with_context(|| format!("{}: date {}", csv_path.display(), &rec[0]))?;
        out.push(Row {
            date,
            description: rec[1].to_string(),
            amount: rec[2].to_string(),
        });
    }
    Ok(out)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Excel's serial number of a date (days since 1899-12-30).
fn serial(d: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (d - epoch).num_days()
}

/// A style sheet whose style 1 is a date (built-in number format 14).
const DATE_STYLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

/// Writes the CSV's rows as a one-sheet XLSX workbook.
pub fn write_xlsx(csv_path: &Path, out: &Path) -> Result<()> {
    let rows = rows(csv_path)?;
    let workbook = Xlsx {
        styles: Some(DATE_STYLE),
        ..Xlsx::default()
    };
    workbook.write(out, &mut |zip| {
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Description</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row>"#)?;
        for (i, r) in rows.iter().enumerate() {
            let n = i + 2;
            write!(
                zip,
                r#"<row r="{n}"><c r="A{n}" s="1"><v>{}</v></c><c r="B{n}" t="inlineStr"><is><t>{}</t></is></c><c r="C{n}"><v>{}</v></c></row>"#,
                serial(r.date),
                xml_escape(&r.description),
                r.amount
            )?;
        }
        zip.write_all(b"</sheetData></worksheet>")?;
        Ok(())
    })
}

/// Writes the CSV's rows as an OFX 1.02 (SGML) checking-account statement, one `STMTTRN` each.
pub fn write_ofx(csv_path: &Path, out: &Path) -> Result<()> {
    let rows = rows(csv_path)?;
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    w.write_all(b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n<CURDEF>USD\n<BANKACCTFROM>\n<BANKID>121000358\n<ACCTID>000111222333\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n")?;
    for (i, r) in rows.iter().enumerate() {
        let kind = if r.amount.starts_with('-') {
            "DEBIT"
        } else {
            "CREDIT"
        };
        write!(
            w,
            "<STMTTRN>\n<TRNTYPE>{kind}\n<DTPOSTED>{}120000.000[-5:EST]\n<TRNAMT>{}\n<FITID>{:09}\n<NAME>{}\n</STMTTRN>\n",
            r.date.format("%Y%m%d"),
            r.amount,
            i + 1,
            xml_escape(&r.description)
        )?;
    }
    w.write_all(b"</BANKTRANLIST>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n")?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statements::{self, Dialect};

    fn read(path: &Path) -> (u64, i64) {
        let bytes = std::fs::read(path).unwrap();
        let (mut n, mut sum) = (0u64, 0i64);
        recourse_core::import::parse(&bytes, &Default::default(), &mut |row| {
            n += 1;
            sum += row.amount;
            Ok(())
        })
        .unwrap();
        (n, sum)
    }

    #[test]
    fn the_workbook_and_the_ofx_hold_the_rows_of_the_csv() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("s.csv");
        statements::write(&csv, Dialect::Simple, 2_000, 3).unwrap();
        let (xlsx, ofx) = (dir.path().join("s.xlsx"), dir.path().join("s.ofx"));
        write_xlsx(&csv, &xlsx).unwrap();
        write_ofx(&csv, &ofx).unwrap();
        let want = read(&csv);
        assert_eq!(want.0, 2_000);
        assert_eq!(read(&xlsx), want);
        assert_eq!(read(&ofx), want);
    }
}
