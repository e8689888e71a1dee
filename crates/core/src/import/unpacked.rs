//! How much a workbook unpacks to, counted before it is read. calamine reads a workbook whole:
//! its shared strings, each sheet's cells, then the grid and its CSV text are all in memory at
//! once, about four times what the parts unpack to. A small XLSX or ODS can unpack to
//! gigabytes (a ZIP's sizes are the writer's word, so they are not trusted: the parts are
//! inflated into nothing and their bytes counted), so a workbook whose parts unpack to more
//! than [`MAX_WORKBOOK_BYTES`] is refused before calamine sees it. An XLS or other workbook that
//! is not a ZIP is its own unpacked size.

use super::error::ImportError;
use std::io::{Cursor, Read};

/// The most a workbook's parts may unpack to, together. Four times this and the program itself
/// stay within the 200 MB an import may take beyond its file (ARCHITECTURE.md, "An import's
/// memory is bounded by its file"; `make bench` measures a workbook just under it); it holds a
/// statement of about 150,000 rows.
pub const MAX_WORKBOOK_BYTES: u64 = 32 << 20;

/// Refuses a workbook whose parts unpack to more than [`MAX_WORKBOOK_BYTES`], naming the part
/// at which the count passed it. A part that cannot be inflated is left for calamine to report.
pub fn check_workbook(bytes: &[u8]) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        if bytes.len() as u64 > MAX_WORKBOOK_BYTES {
            return Err(too_large("the workbook"));
        }
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        let name = part.name().to_string();
        let left = MAX_WORKBOOK_BYTES - total;
        // One byte more than is left tells "too much" from "exactly the limit".
        let mut counted = part.take(left + 1);
        let n = std::io::copy(&mut counted, &mut std::io::sink()).unwrap_or_else(|_| {
            // Inflating failed part-way (a cut or corrupt part): what was inflated still counts.
            left + 1 - counted.limit()
        });
        total += n;
        if total > MAX_WORKBOOK_BYTES {
            return Err(too_large(&format!("part '{name}'")));
        }
    }
    Ok(())
}

fn too_large(what: &str) -> ImportError {
    ImportError::Workbook(format!(
        "{what} unpacks to more than {} MB together with the parts before it; a workbook is read \
         whole into memory, so one this large is refused: export the sheet as CSV, which is \
         read as it streams",
        MAX_WORKBOOK_BYTES >> 20
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, u64)]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        let block = vec![b'S'; 1 << 16];
        for (name, size) in parts {
            out.start_file(*name, opts).unwrap();
            let mut left = *size;
            while left > 0 {
                let n = left.min(block.len() as u64) as usize;
                out.write_all(&block[..n]).unwrap();
                left -= n as u64;
            }
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn parts_are_counted_by_what_they_inflate_to() {
        let at_limit = zip_of(&[
            ("xl/workbook.xml", 1000),
            ("xl/sharedStrings.xml", MAX_WORKBOOK_BYTES - 1000),
        ]);
        assert!(at_limit.len() < 1 << 20, "a small file");
        assert!(check_workbook(&at_limit).is_ok());

        let over = zip_of(&[
            ("xl/workbook.xml", 1000),
            ("xl/sharedStrings.xml", MAX_WORKBOOK_BYTES - 999),
        ]);
        let e = check_workbook(&over).unwrap_err().to_string();
        assert!(
            e.contains("'xl/sharedStrings.xml'") && e.contains("32 MB") && e.contains("CSV"),
            "{e}"
        );
    }

    #[test]
    fn a_workbook_that_is_not_a_zip_is_its_own_size() {
        assert!(check_workbook(&[0xD0, 0xCF, 0x11, 0xE0]).is_ok());
        let big = vec![0u8; MAX_WORKBOOK_BYTES as usize + 1];
        let e = check_workbook(&big).unwrap_err().to_string();
        assert!(e.contains("the workbook unpacks"), "{e}");
    }
}
