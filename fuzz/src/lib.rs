//! What the fuzz targets share: the importer run to the end on some bytes, and the containers
//! the fuzzed bytes are put in so that they reach the reader under test (a sheet inside a valid
//! workbook, text after an OFX header or inside a CAMT document).
//!
//! A target fails on a panic, an abort, a hang or memory beyond libFuzzer's limit; an import
//! error is an answer, and must name something the user can find.

use recourse_core::import::{self, ImportOptions};
use recourse_core::money::Currency;
use std::io::{Cursor, Write};

/// Imports `bytes` as a file of any format with USD as the default currency, reading every row.
/// A refusal must say something.
pub fn import(bytes: &[u8]) {
    let opts = ImportOptions {
        default_currency: Currency::parse("USD"),
        ..ImportOptions::default()
    };
    if let Err(e) = import::parse(bytes, &opts, &mut |_| Ok(())) {
        assert!(!e.to_string().is_empty());
    }
}

/// Bytes as text: invalid UTF-8 replaced, so a target about text is not about encodings.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A valid one-sheet XLSX whose `xl/worksheets/sheet1.xml` is `sheet` and whose shared strings
/// are two short strings.
pub fn xlsx_with_sheet(sheet: &[u8]) -> Vec<u8> {
    const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.into()),
        ("_rels/.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{RELS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#)),
        ("xl/sharedStrings.xml", r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Date</t></si><si><t>Amount</t></si></sst>"#.into()),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(name, opts).expect("zip part");
        zip.write_all(body.as_bytes()).expect("zip part");
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts)
        .expect("zip part");
    zip.write_all(sheet).expect("zip part");
    zip.finish().expect("zip").into_inner()
}
