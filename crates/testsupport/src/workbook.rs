//! Writing the XLSX and ODS workbooks the bench imports: the parts every workbook needs, and
//! the sheet (and shared strings, styles) streamed in by the caller, so a workbook that unpacks
//! to far more than memory should hold is written without holding it.

use anyhow::Result;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes part of a workbook to the archive.
pub type Part<'a> = &'a mut dyn FnMut(&mut dyn Write) -> Result<()>;

/// What goes into an XLSX besides its one sheet (`Transactions`).
#[derive(Default)]
pub struct Xlsx<'a> {
    /// `xl/styles.xml`, when the sheet's cells name styles.
    pub styles: Option<&'a str>,
    /// Writes `xl/sharedStrings.xml`, when the sheet's cells name shared strings.
    pub shared_strings: Option<Part<'a>>,
}

const OVERRIDE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true)
}

impl Xlsx<'_> {
    /// Writes the workbook to `out`, its sheet by `sheet` (the `<worksheet>` element whole).
    pub fn write(mut self, out: &Path, sheet: Part<'_>) -> Result<()> {
        let mut zip = zip::ZipWriter::new(BufWriter::new(std::fs::File::create(out)?));
        let mut types = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{OVERRIDE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OVERRIDE}.worksheet+xml"/>"#
        );
        let mut rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELATIONSHIP}/worksheet" Target="worksheets/sheet1.xml"/>"#
        );
        let extras = [
            ("styles", self.styles.is_some()),
            ("sharedStrings", self.shared_strings.is_some()),
        ];
        for (i, (part, _)) in extras.iter().enumerate().filter(|(_, (_, has))| *has) {
            types.push_str(&format!(
                r#"<Override PartName="/xl/{part}.xml" ContentType="{OVERRIDE}.{part}+xml"/>"#
            ));
            rels.push_str(&format!(
                r#"<Relationship Id="rId{}" Type="{RELATIONSHIP}/{part}" Target="{part}.xml"/>"#,
                i + 2
            ));
        }
        types.push_str("</Types>");
        rels.push_str("</Relationships>");
        let fixed = [
            ("[Content_Types].xml", types),
            (
                "_rels/.rels",
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                ),
            ),
            (
                "xl/workbook.xml",
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{RELATIONSHIP}"><sheets><sheet name="Transactions" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                ),
            ),
            ("xl/_rels/workbook.xml.rels", rels),
        ];
        for (name, body) in fixed {
            zip.start_file(name, options())?;
            zip.write_all(body.as_bytes())?;
        }
        if let Some(styles) = self.styles {
            zip.start_file("xl/styles.xml", options())?;
            zip.write_all(styles.as_bytes())?;
        }
        if let Some(shared) = self.shared_strings.as_mut() {
            zip.start_file("xl/sharedStrings.xml", options())?;
            shared(&mut zip)?;
        }
        zip.start_file("xl/worksheets/sheet1.xml", options())?;
        sheet(&mut zip)?;
        zip.finish()?.flush()?;
        Ok(())
    }
}

/// Writes an OpenDocument spreadsheet to `out`: `table` writes the rows of its one table
/// (`table:table-row` elements).
pub fn write_ods(out: &Path, table: Part<'_>) -> Result<()> {
    let mut zip = zip::ZipWriter::new(BufWriter::new(std::fs::File::create(out)?));
    // The mimetype comes first and stored, so the file's first bytes say what it is.
    zip.start_file(
        "mimetype",
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    zip.start_file("META-INF/manifest.xml", options())?;
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)?;
    zip.start_file("content.xml", options())?;
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Transactions">"#)?;
    table(&mut zip)?;
    zip.write_all(b"</table:table></office:spreadsheet></office:body></office:document-content>")?;
    zip.finish()?.flush()?;
    Ok(())
}
