//! Excel binary workbooks (XLSB) as tools other than Excel write them. MS-XLSB has two forms of
//! a cell record: the full one (`BrtCellRk`, `BrtCellIsst` …: column, style, value) and the
//! short one (`BrtShortRk`, `BrtShortIsst` …: style and value; the column is the previous
//! cell's plus one). Excel writes the full form; SheetJS and Aspose write the short form for
//! every cell after a row's first. calamine reads only the full form and would drop the other
//! cells without a word, so before a workbook reaches it each worksheet's short records are
//! rewritten in the full form.

use super::error::ImportError;
use std::io::{Cursor, Read, Write};

/// `BrtShortBlank` (0x0C) … `BrtShortIsst` (0x12); each one's full form is 11 less
/// (`BrtCellBlank` 0x01 … `BrtCellIsst` 0x07).
const SHORT_CELLS: std::ops::RangeInclusive<u16> = 0x0C..=0x12;
const FULL_CELLS: std::ops::RangeInclusive<u16> = 0x01..=0x07;
/// A worksheet part larger than this is left to calamine as it is.
const MAX_SHEET_BYTES: u64 = 1 << 30;

/// The workbook with its worksheets' cells in the full form, or `None` when `bytes` is not an
/// XLSB or holds no short cell record (nothing to rewrite).
pub fn with_full_cells(bytes: &[u8]) -> Result<Option<Vec<u8>>, ImportError> {
    let bad = |e: &dyn std::fmt::Display| ImportError::Workbook(e.to_string());
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(None);
    };
    if zip.index_for_name("xl/workbook.bin").is_none() {
        return Ok(None);
    }
    let mut rewritten = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| bad(&e))?;
        let name = part.name().to_string();
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".bin")) {
            continue;
        }
        let mut data = Vec::new();
        part.by_ref()
            .take(MAX_SHEET_BYTES)
            .read_to_end(&mut data)
            .map_err(|e| bad(&format_args!("sheet part '{name}': {e}")))?;
        if let Some(full) = full_cells(&data) {
            rewritten.push((i, full));
        }
    }
    if rewritten.is_empty() {
        return Ok(None);
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() * 2)));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    for i in 0..zip.len() {
        match rewritten.iter().position(|(k, _)| *k == i) {
            Some(r) => {
                let name = zip.by_index_raw(i).map_err(|e| bad(&e))?.name().to_string();
                out.start_file(name, stored).map_err(|e| bad(&e))?;
                out.write_all(&rewritten[r].1).map_err(|e| bad(&e))?;
            }
            None => {
                let part = zip.by_index_raw(i).map_err(|e| bad(&e))?;
                out.raw_copy_file(part).map_err(|e| bad(&e))?;
            }
        }
    }
    let out = out.finish().map_err(|e| bad(&e))?;
    Ok(Some(out.into_inner()))
}

/// A worksheet's record stream with its short cell records in the full form, or `None` when
/// it has none (or its records cannot be followed: then calamine reports what is wrong).
fn full_cells(sheet: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut column: u32 = 0;
    let mut any_short = false;
    let mut i = 0;
    while i < sheet.len() {
        let start = i;
        let (typ, n) = varint(&sheet[i..], 2)?;
        i += n;
        let (len, n) = varint(&sheet[i..], 4)?;
        i += n;
        let body = sheet.get(i..i.checked_add(len as usize)?)?;
        i += len as usize;
        let typ = typ as u16;
        if FULL_CELLS.contains(&typ) && body.len() >= 4 {
            column = u32::from_le_bytes([body[0], body[1], body[2], body[3]]);
            out.extend_from_slice(&sheet[start..i]);
        } else if SHORT_CELLS.contains(&typ) {
            any_short = true;
            column = column.wrapping_add(1);
            push_varint(&mut out, u32::from(typ - 11));
            push_varint(&mut out, len + 4);
            out.extend_from_slice(&column.to_le_bytes());
            out.extend_from_slice(body);
        } else {
            out.extend_from_slice(&sheet[start..i]);
        }
    }
    any_short.then_some(out)
}

/// A record's type (at most 2 bytes) or size (at most 4): 7 bits a byte, high bit = more.
fn varint(bytes: &[u8], max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (k, &b) in bytes.iter().take(max).enumerate() {
        value |= u32::from(b & 0x7F) << (7 * k);
        if b & 0x80 == 0 {
            return Some((value, k + 1));
        }
    }
    None
}

fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let b = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_cell_records_take_the_column_after_the_previous_cell() {
        // A row header, a full BrtCellIsst at column 2, then a BrtShortReal (1.5) and a
        // BrtShortIsst: they are columns 3 and 4.
        let mut sheet = vec![0x00, 0x00];
        sheet.extend([0x07, 12, 2, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0]);
        sheet.extend([0x10, 12, 0, 0, 0, 0]);
        sheet.extend(1.5f64.to_le_bytes());
        sheet.extend([0x12, 8, 0, 0, 0, 0, 7, 0, 0, 0]);
        let full = full_cells(&sheet).unwrap();
        let mut want = vec![0x00, 0x00];
        want.extend([0x07, 12, 2, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0]);
        want.extend([0x05, 16, 3, 0, 0, 0, 0, 0, 0, 0]);
        want.extend(1.5f64.to_le_bytes());
        want.extend([0x07, 12, 4, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0]);
        assert_eq!(full, want);
        // Nothing short: nothing to rewrite; a record cut short: left to calamine.
        assert_eq!(full_cells(&want), None);
        assert_eq!(full_cells(&[0x07, 12, 2, 0]), None);
    }
}
