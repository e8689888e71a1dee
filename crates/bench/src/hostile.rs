//! Hostile inputs: files shaped to make an importer hungry (a line without an end, a field of
//! a hundred megabytes, a line of commas, nothing but newlines, a quote that never closes, a
//! workbook whose shared strings unpack to far more than the file). Each is imported by the
//! release CLI in a child process of its own; its peak memory is printed next to the file's
//! size and the limit ARCHITECTURE.md states: the file's size + 200 MB, whatever the bytes.

use crate::child;
use crate::report::{Bar, Table};
use anyhow::Result;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Room an import may take beyond the file's own size.
const HEADROOM_MB: f64 = 200.0;

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

/// One hostile file: its name and how to write it at `bytes` of filler.
struct Case {
    name: &'static str,
    file: &'static str,
    write: fn(&mut dyn Write, usize) -> Result<()>,
}

const CASES: &[Case] = &[
    Case {
        name: "one line without a line break",
        file: "giant-line.csv",
        write: |f, n| fill(f, b"abcdefghij", n),
    },
    Case {
        name: "a field of the whole file",
        file: "giant-field.csv",
        write: |f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02,")?;
            fill(f, b"X", n)?;
            Ok(f.write_all(b",-1.00\n2024-03-03,BOOKSHOP,-18.99\n")?)
        },
    },
    Case {
        name: "a line of commas (the billion-comma line, scaled)",
        file: "commas.csv",
        write: |f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02")?;
            fill(f, b",", n)?;
            Ok(f.write_all(b"\n2024-03-03,BOOKSHOP,-18.99\n")?)
        },
    },
    Case {
        name: "newlines only",
        file: "newlines.csv",
        write: |f, n| fill(f, b"\n", n),
    },
    Case {
        name: "three rows, then newlines",
        file: "rows-then-newlines.csv",
        write: |f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02,CITY TRANSIT,-2.75\n2024-03-03,BOOKSHOP,-18.99\n")?;
            fill(f, b"\n", n)
        },
    },
    Case {
        name: "a quote opened on line 3, never closed",
        file: "unclosed-quote.csv",
        write: |f, n| {
            f.write_all(HEAD)?;
            f.write_all(b"2024-03-02,\"CITY TRANSIT,-2.75\n")?;
            fill(f, b"2024-03-03,BOOKSHOP,-18.99\n", n)
        },
    },
    Case {
        name: "rows without amounts (each a skipped line)",
        file: "no-amounts.csv",
        write: |f, n| {
            f.write_all(HEAD)?;
            fill(f, b"2024-03-03,X,\n", n)
        },
    },
];

/// Imports each hostile file of `mb` megabytes of filler and prints its peak memory.
pub fn run(table: &mut Table, cli: &Path, dir: &Path, mb: usize) -> Result<()> {
    let bytes = mb << 20;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for case in CASES {
        let path = dir.join(case.file);
        let mut f = BufWriter::new(std::fs::File::create(&path)?);
        (case.write)(&mut f, bytes)?;
        f.flush()?;
        files.push((case.name.to_string(), path));
    }
    let xlsx = dir.join("shared-strings.xlsx");
    write_shared_strings_xlsx(&xlsx, bytes)?;
    files.push((format!("XLSX whose shared strings unpack to {mb} MB"), xlsx));
    for (name, path) in files {
        // In MiB, as the peak is.
        let size_mb = std::fs::metadata(&path)?.len() as f64 / f64::from(1u32 << 20);
        let db = dir.join("hostile.db");
        let _ = std::fs::remove_file(&db);
        let m = child::run_any(
            cli,
            &[
                "--db",
                &db.to_string_lossy(),
                "import",
                &path.to_string_lossy(),
                "--json",
            ],
        )?;
        let outcome = if m.success { "imported" } else { "refused" };
        table.line(
            &format!(
                "{name}: {size_mb:.1} MB file, {outcome} in {:.1} s",
                m.wall.as_secs_f64()
            ),
            m.peak_mb,
            "MB",
            Bar::AtMost(size_mb + HEADROOM_MB),
        );
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}

/// A one-sheet workbook whose every cell names one of many long shared strings: a small file
/// that unpacks to `bytes` of text.
fn write_shared_strings_xlsx(out: &Path, bytes: usize) -> Result<()> {
    let string = "S".repeat(1000);
    let count = (bytes / string.len()).max(1);
    let mut zip = zip::ZipWriter::new(BufWriter::new(std::fs::File::create(out)?));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
    ];
    for (name, body) in parts {
        zip.start_file(name, opts)?;
        zip.write_all(body.as_bytes())?;
    }
    zip.start_file("xl/sharedStrings.xml", opts)?;
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">"#
    )?;
    for i in 0..count {
        // Each string differs in its last digits, so no reader can share them.
        write!(zip, "<si><t>{string}{i}</t></si>")?;
    }
    zip.write_all(b"</sst>")?;
    zip.start_file("xl/worksheets/sheet1.xml", opts)?;
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#)?;
    for i in 0..count.min(100_000) {
        let n = i + 1;
        write!(
            zip,
            r#"<row r="{n}"><c r="A{n}" t="s"><v>{i}</v></c></row>"#
        )?;
    }
    zip.write_all(b"</sheetData></worksheet>")?;
    zip.finish()?.flush()?;
    Ok(())
}
