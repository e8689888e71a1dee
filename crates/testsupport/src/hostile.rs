//! Hostile inputs, shaped to make an importer hungry: a line without an end, a field of the
//! whole file, a line of commas, nothing but newlines, a quote that never closes, workbooks
//! that unpack to far more than the file (huge shared strings, a sheet that inflates a thousand
//! to one, an ODS table), OFX and CAMT files of a giant value, deep nesting or millions of tiny
//! entries. Each is written at a given size of filler, streamed, never held whole. The bench
//! measures the import's peak memory on them; the malformed corpus imports them and checks the
//! error.

use crate::workbook::{self, Xlsx};
use anyhow::Result;
use std::io::{BufWriter, Write};
use std::path::Path;

const HEAD: &[u8] = b"Date,Description,Amount\n2024-03-01,CORNER BAKERY,-4.50\n";

/// Writes `unit` repeated to `total` bytes, a block at a time.
fn fill(out: &mut dyn Write, unit: &[u8], total: usize) -> Result<()> {
    let block = unit.repeat((1 << 16) / unit.len() + 1);
    let mut left = total;
    while left > 0 {
        let n = left.min(block.len());
        out.write_all(&block[..n])?;
        left -= n;
    }
    Ok(())
}

/// How a hostile file is written at `bytes` of filler: text as a stream, or a file of its own
/// (a workbook, which is a ZIP).
pub enum Writer {
    Text(fn(&mut dyn Write, usize) -> Result<()>),
    File(fn(&Path, usize) -> Result<()>),
}

/// One hostile file: what it is and its name.
pub struct Case {
    pub name: &'static str,
    pub file: &'static str,
    pub write: Writer,
}

impl Case {
    /// Writes the file to `path` with `bytes` of filler, a block at a time.
    pub fn write(&self, path: &Path, bytes: usize) -> Result<()> {
        match self.write {
            Writer::Text(write) => {
                let mut f = BufWriter::new(std::fs::File::create(path)?);
                write(&mut f, bytes)?;
                f.flush()?;
            }
            Writer::File(write) => write(path, bytes)?,
        }
        Ok(())
    }
}

/// The case written to a file named `file`.
pub fn case(file: &str) -> Option<&'static Case> {
    CASES.iter().find(|c| c.file == file)
}

const OFX_HEAD: &[u8] = b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<STMTRS>\n<CURDEF>USD\n<BANKACCTFROM>\n<ACCTID>000111222333\n</BANKACCTFROM>\n<BANKTRANLIST>\n";
const OFX_TAIL: &[u8] = b"</BANKTRANLIST>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n";
const CAMT_HEAD: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr><Stmt><Id>1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>"#;
const CAMT_TAIL: &[u8] = b"</Stmt></BkToCstmrStmt></Document>\n";
const CAMT_ENTRY: &[u8] = br#"<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>"#;

/// `head`, `unit` repeated to `total` bytes, then `tail`.
fn framed(out: &mut dyn Write, head: &[u8], unit: &[u8], total: usize, tail: &[u8]) -> Result<()> {
    out.write_all(head)?;
    fill(out, unit, total)?;
    Ok(out.write_all(tail)?)
}

pub const CASES: &[Case] = &[
    Case {
        name: "one line without a line break",
        file: "giant-line.csv",
        write: Writer::Text(|f, n| fill(f, b"abcdefghij", n)),
    },
    Case {
        name: "a field of the whole file",
        file: "giant-field.csv",
        write: Writer::Text(|f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02,")?;
            fill(f, b"X", n)?;
            Ok(f.write_all(b",-1.00\n2024-03-03,BOOKSHOP,-18.99\n")?)
        }),
    },
    Case {
        name: "a line of commas (the billion-comma line, scaled)",
        file: "commas.csv",
        write: Writer::Text(|f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02")?;
            fill(f, b",", n)?;
            Ok(f.write_all(b"\n2024-03-03,BOOKSHOP,-18.99\n")?)
        }),
    },
    Case {
        name: "newlines only",
        file: "newlines.csv",
        write: Writer::Text(|f, n| fill(f, b"\n", n)),
    },
    Case {
        name: "three rows, then newlines",
        file: "rows-then-newlines.csv",
        write: Writer::Text(|f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02,CITY TRANSIT,-2.75\n2024-03-03,BOOKSHOP,-18.99\n")?;
            fill(f, b"\n", n)
        }),
    },
    Case {
        name: "a quote opened on line 3, never closed",
        file: "unclosed-quote.csv",
        write: Writer::Text(|f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02,\"CITY TRANSIT,-2.75\n")?;
            fill(f, b"2024-03-03,BOOKSHOP,-18.99\n", n)
        }),
    },
    Case {
        name: "rows without amounts (each a skipped line)",
        file: "no-amounts.csv",
        write: Writer::Text(|f, n| {
            f.write_all(HEAD)?;
            fill(f, b"2024-03-03,X,\n", n)
        }),
    },
    Case {
        name: "XLSX: shared strings of the filler's size",
        file: "shared-strings.xlsx",
        write: Writer::File(write_shared_strings_xlsx),
    },
    Case {
        name: "XLSX: shared strings just under the unpacked limit",
        file: "shared-strings-at-limit.xlsx",
        // Whatever the filler: the largest workbook an import reads, to measure what it costs.
        write: Writer::File(|path, _| {
            let limit = recourse_core::import::MAX_WORKBOOK_BYTES as usize;
            // Its sheet adds about 45 bytes a string to the strings themselves.
            write_shared_strings_xlsx(path, limit / 8 * 7)
        }),
    },
    Case {
        name: "XLSX: a sheet that inflates to 10 × the filler",
        file: "sheet-bomb.xlsx",
        write: Writer::File(write_sheet_bomb_xlsx),
    },
    Case {
        name: "ODS: a table of the filler's size",
        file: "content.ods",
        write: Writer::File(write_ods),
    },
    Case {
        name: "OFX: a NAME of the whole file",
        file: "giant-field.ofx",
        write: Writer::Text(|f, n| {
            let head = [
                OFX_HEAD,
                b"<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20240301\n<TRNAMT>-1.00\n<FITID>1\n<NAME>",
            ]
            .concat();
            framed(f, &head, b"X", n, &[b"\n</STMTTRN>\n", OFX_TAIL].concat())
        }),
    },
    Case {
        name: "OFX: statements opened inside statements",
        file: "deep.ofx",
        write: Writer::Text(|f, n| framed(f, OFX_HEAD, b"<STMTRS>", n, OFX_TAIL)),
    },
    Case {
        name: "OFX: millions of tiny transactions",
        file: "tiny-entries.ofx",
        write: Writer::Text(|f, n| {
            framed(
                f,
                OFX_HEAD,
                b"<STMTTRN><TRNAMT>-1<DTPOSTED>20240301</STMTTRN>\n",
                n,
                OFX_TAIL,
            )
        }),
    },
    Case {
        name: "OFX: millions of empty transactions",
        file: "empty-entries.ofx",
        write: Writer::Text(|f, n| framed(f, OFX_HEAD, b"<STMTTRN>", n, OFX_TAIL)),
    },
    Case {
        name: "CAMT: remittance text of the whole file",
        file: "giant-field.xml",
        write: Writer::Text(|f, n| {
            let head = [
                CAMT_HEAD,
                &CAMT_ENTRY[..CAMT_ENTRY.len() - 7],
                b"<AddtlNtryInf>",
            ]
            .concat();
            framed(
                f,
                &head,
                b"X",
                n,
                &[b"</AddtlNtryInf></Ntry>", CAMT_TAIL].concat(),
            )
        }),
    },
    Case {
        name: "CAMT: elements nested the whole file deep",
        file: "deep.xml",
        write: Writer::Text(|f, n| {
            framed(f, CAMT_HEAD, b"<a>", n / 7 * 3, b"")?;
            framed(f, b"", b"</a>", n / 7 * 4, CAMT_TAIL)
        }),
    },
    Case {
        name: "CAMT: millions of information-only entries",
        file: "info-entries.xml",
        write: Writer::Text(|f, n| {
            framed(f, CAMT_HEAD, b"<Ntry><Sts>INFO</Sts></Ntry>", n, CAMT_TAIL)
        }),
    },
    Case {
        name: "CAMT: millions of tiny entries",
        file: "tiny-entries.xml",
        write: Writer::Text(|f, n| framed(f, CAMT_HEAD, CAMT_ENTRY, n, CAMT_TAIL)),
    },
];

/// A one-sheet workbook whose every cell names one of many long shared strings: a small file
/// that unpacks to `bytes` of text.
fn write_shared_strings_xlsx(out: &Path, bytes: usize) -> Result<()> {
    let string = "S".repeat(1000);
    let count = (bytes / string.len()).max(1);
    let workbook = Xlsx {
        shared_strings: Some(&mut |zip| {
            write!(
                zip,
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">"#
            )?;
            for i in 0..count {
                // Each string differs in its last digits, so no reader can share them.
                write!(zip, "<si><t>{string}{i}</t></si>")?;
            }
            Ok(zip.write_all(b"</sst>")?)
        }),
        ..Xlsx::default()
    };
    workbook.write(out, &mut |zip| {
        zip.write_all(SHEET_HEAD)?;
        for i in 0..count.min(100_000) {
            let n = i + 1;
            write!(
                zip,
                r#"<row r="{n}"><c r="A{n}" t="s"><v>{i}</v></c></row>"#
            )?;
        }
        Ok(zip.write_all(SHEET_TAIL)?)
    })
}

const SHEET_HEAD: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &[u8] = b"</sheetData></worksheet>";

/// A workbook whose one sheet repeats the same row of long text to ten times `bytes`: it
/// deflates about a thousand to one.
fn write_sheet_bomb_xlsx(out: &Path, bytes: usize) -> Result<()> {
    let row = format!(
        r#"<row><c t="inlineStr"><is><t>{}</t></is></c></row>"#,
        "S".repeat(1000)
    );
    Xlsx::default().write(out, &mut |zip| {
        framed(zip, SHEET_HEAD, row.as_bytes(), bytes * 10, SHEET_TAIL)
    })
}

/// An OpenDocument spreadsheet whose table of long text cells unpacks to `bytes`.
fn write_ods(out: &Path, bytes: usize) -> Result<()> {
    workbook::write_ods(out, &mut |zip| {
        let mut left = bytes;
        let mut i = 0u64;
        while left > 0 {
            let row = format!(
                r#"<table:table-row><table:table-cell office:value-type="string"><text:p>{}{i}</text:p></table:table-cell></table:table-row>"#,
                "S".repeat(1000)
            );
            zip.write_all(row.as_bytes())?;
            left = left.saturating_sub(row.len());
            i += 1;
        }
        Ok(())
    })
}
