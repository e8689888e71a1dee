//! What kind of statement a file is, from its content (magic bytes, the names inside a ZIP, the
//! XML root or the OFX header), never from its name: banks name CSV, TSV and HTML tables
//! `.xls`, and XLSX files `.xls`.

use serde::{Deserialize, Serialize};
use std::io::Cursor;

/// A statement file's format; its serde name is its `label`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Delimited text (CSV, TSV, semicolons …).
    #[serde(rename = "csv")]
    Text,
    /// Office Open XML workbook.
    Xlsx,
    /// Excel 97–2003 binary workbook (an OLE compound file).
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// An HTML page holding the statement as a table (often named `.xls`).
    Html,
    /// An Excel 2003 XML workbook ("SpreadsheetML", often named `.xls`).
    #[serde(rename = "xml-spreadsheet")]
    SpreadsheetXml,
    Ofx,
    Camt,
    /// A ZIP archive of statement files.
    Zip,
}

impl Format {
    /// Short lower-case name, shown in the preview and the CLI's JSON.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "csv",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Html => "html",
            Format::SpreadsheetXml => "xml-spreadsheet",
            Format::Ofx => "ofx",
            Format::Camt => "camt",
            Format::Zip => "zip",
        }
    }
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The start of a text file that is enough to tell OFX, CAMT and HTML from CSV.
const HEAD_BYTES: usize = 4096;

/// The format of `bytes`.
pub fn format(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Format::Xls;
    }
    let head = head_text(bytes);
    if super::ofx::looks_like(&head) {
        return Format::Ofx;
    }
    if super::camt::looks_like(&head) {
        return Format::Camt;
    }
    if super::xml_sheet::looks_like(&head) {
        return Format::SpreadsheetXml;
    }
    if looks_like_html_table(&head, bytes) {
        return Format::Html;
    }
    Format::Text
}

/// The first bytes as text, whatever their encoding (ASCII markers are all this looks for);
/// UTF-16 is read as such.
pub fn head_text(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    match encoding_rs::Encoding::for_bom(head) {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => {
            enc.decode_with_bom_removal(head).0.into_owned()
        }
        _ => String::from_utf8_lossy(head).into_owned(),
    }
}

fn looks_like_html_table(head: &str, bytes: &[u8]) -> bool {
    let start = head
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    let markup = start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<table")
        || start.starts_with("<meta")
        || (start.starts_with("<?xml") && start.contains("<html"));
    markup && memfind(bytes, b"<table")
}

fn memfind(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// A ZIP is a workbook when it holds one's parts; else an archive of statements.
fn zip_kind(bytes: &[u8]) -> Format {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Format::Zip;
    };
    let names: Vec<&str> = archive.file_names().collect();
    if names
        .iter()
        .any(|n| *n == "xl/workbook.xml" || *n == "xl/workbook.bin")
    {
        return Format::Xlsx;
    }
    if names.contains(&"content.xml") && names.contains(&"mimetype") {
        return Format::Ods;
    }
    Format::Zip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_by_content() {
        assert_eq!(format(b"Date,Amount\n2024-01-01,1\n"), Format::Text);
        assert_eq!(format(b"OFXHEADER:100\nDATA:OFXSGML\n<OFX>"), Format::Ofx);
        assert_eq!(
            format(b"<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?><OFX>"),
            Format::Ofx
        );
        assert_eq!(
            format(b"<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"),
            Format::Camt
        );
        assert_eq!(
            format(b"<html><body><table><tr><td>1</td></tr></table>"),
            Format::Html
        );
        assert_eq!(format(OLE_MAGIC), Format::Xls);
        assert_eq!(
            format(b"<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
            Format::SpreadsheetXml
        );
        assert_eq!(format(b"Date\tAmount\n2024-01-01\t-1\n"), Format::Text);
    }
}
