//! Spreadsheets (XLSX, XLSB, XLS, ODS through calamine) and HTML tables: each sheet or table is a
//! grid of cells, a candidate for the statement. A grid is written out as CSV text, one sheet
//! row per line (so a row's line is its sheet row), and read by the same table detection as a
//! CSV file: header, roles, preamble and footer, dates, amounts.
//!
//! Cells keep their types on the way: a date cell (an Excel date serial with a date format) is
//! written as an ISO date, which only reads one way; a number cell is written as the decimal a
//! person sees (rounded to six places, which undoes binary floating point such as
//! 0.30000000000000004 and keeps every cent), never re-read through a locale's number format.

use super::error::ImportError;
use calamine::{Data, Reader};
use std::io::Cursor;

/// One sheet (or HTML table) as text cells.
pub struct Grid {
    pub name: String,
    /// 0-based sheet row of `rows[0]` (a sheet's used range may start below row 1).
    pub first_row: u32,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// The grid as CSV text whose line N is the sheet's row N. Line breaks inside a cell become
    /// spaces so that lines and rows stay one to one.
    pub fn to_csv(&self) -> String {
        let mut out = "\n".repeat(self.first_row as usize);
        out.reserve(self.rows.len() * 64);
        for row in &self.rows {
            let used = row
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |l| l + 1);
            for (i, cell) in row[..used].iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let cell = one_line(cell);
                if cell.contains([',', '"']) {
                    out.push('"');
                    out.push_str(&cell.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(&cell);
                }
            }
            out.push('\n');
        }
        out
    }
}

fn one_line(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.contains(['\n', '\r']) {
        cell.split(['\n', '\r'])
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .into()
    } else {
        cell.into()
    }
}

/// Every sheet of a workbook (XLSX, XLS, ODS), in the workbook's order; a workbook whose parts
/// unpack to more than `unpacked::MAX_WORKBOOK_BYTES` is refused before it is read.
pub fn workbook(bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    super::unpacked::check_workbook(bytes)?;
    // An XLSB's short cell records, which calamine would skip, in the form it reads.
    let full = super::xlsb::with_full_cells(bytes)?;
    let bytes = full.as_deref().unwrap_or(bytes);
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
    let names = book.sheet_names();
    let mut grids = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| {
            // calamine says a cell names a shared string the workbook lacks, not which cell.
            match missing_shared_string_row(bytes, &name) {
                Some(row) => ImportError::Workbook(format!(
                    "sheet '{name}', row {row}: a cell refers to a shared string the workbook does not have ({e})"
                )),
                None => ImportError::Workbook(format!("sheet '{name}': {e}")),
            }
        })?;
        let first_row = range.start().map_or(0, |(r, _)| r);
        let rows = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        grids.push(Grid {
            name,
            first_row,
            rows,
        });
    }
    Ok(grids)
}

/// Largest XLSX part read when looking for the cell calamine refused.
const MAX_PART_BYTES: u64 = 256 << 20;

/// The sheet row of the first cell of an XLSX sheet that names a shared string past the end of
/// the workbook's table; None when there is none or the workbook is not an XLSX.
fn missing_shared_string_row(bytes: &[u8], sheet: &str) -> Option<u64> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut part = |path: &str| -> Option<String> {
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut std::io::Read::take(zip.by_name(path).ok()?, MAX_PART_BYTES),
            &mut text,
        )
        .ok()?;
        Some(text)
    };
    let attr = |e: &quick_xml::events::BytesStart<'_>, key: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == key.as_bytes())
            .and_then(|a| {
                quick_xml::escape::unescape(&String::from_utf8_lossy(&a.value))
                    .ok()
                    .map(|v| v.into_owned())
            })
    };
    // The sheet's relationship id, then its part.
    let workbook = part("xl/workbook.xml")?;
    let mut id = None;
    each_element(&workbook, |e| {
        if e.local_name().as_ref() == b"sheet" && attr(e, "name").as_deref() == Some(sheet) {
            id = attr(e, "id");
        }
    });
    let id = id?;
    let rels = part("xl/_rels/workbook.xml.rels")?;
    let mut target = None;
    each_element(&rels, |e| {
        if attr(e, "Id").as_deref() == Some(id.as_str()) {
            target = attr(e, "Target");
        }
    });
    let target = target?;
    let path = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    };
    let strings = part("xl/sharedStrings.xml").map_or(0usize, |t| {
        let mut n = 0;
        each_element(&t, |e| n += usize::from(e.local_name().as_ref() == b"si"));
        n
    });
    let xml = part(&path)?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut shared_cell: Option<String> = None;
    let mut in_value = false;
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Start(e) if e.local_name().as_ref() == b"c" => {
                shared_cell = (attr(&e, "t").as_deref() == Some("s"))
                    .then(|| attr(&e, "r").unwrap_or_default());
            }
            quick_xml::events::Event::Start(e) => in_value = e.local_name().as_ref() == b"v",
            quick_xml::events::Event::Text(t) if in_value => {
                let index = t.decode().ok()?.trim().parse::<usize>().ok();
                if let (Some(cell), Some(i)) = (&shared_cell, index) {
                    if i >= strings {
                        let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
                        return digits.parse().ok();
                    }
                }
            }
            quick_xml::events::Event::End(_) => in_value = false,
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// Calls `f` on every start or empty element of `xml` (stopping at the first error).
fn each_element(xml: &str, mut f: impl FnMut(&quick_xml::events::BytesStart<'_>)) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => f(&e),
            Ok(quick_xml::events::Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// A cell as the text a statement would print: dates as ISO dates, numbers as decimals.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => decimal_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(d) if d.is_duration() => decimal_text(d.as_f64()),
        Data::DateTime(d) => match d.as_datetime() {
            // A serial below 1 is a time of day with no date.
            Some(dt) if d.as_f64() < 1.0 => dt.time().format("%H:%M:%S").to_string(),
            Some(dt) if dt.time() == chrono::NaiveTime::MIN => {
                dt.date().format("%Y-%m-%d").to_string()
            }
            Some(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => decimal_text(d.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// The decimal a spreadsheet shows for a number cell: at most six decimals, no trailing zeros.
fn decimal_text(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    let s = format!("{f:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_see_them() {
        assert_eq!(decimal_text(-238.0), "-238");
        assert_eq!(decimal_text(0.1 + 0.2), "0.3");
        assert_eq!(decimal_text(1234.5), "1234.5");
        assert_eq!(decimal_text(-0.000_000_1), "0");
    }

    #[test]
    fn a_grid_keeps_sheet_rows_as_lines() {
        let g = Grid {
            name: "S".into(),
            first_row: 2,
            rows: vec![
                vec!["Date".into(), "Text".into()],
                vec![],
                vec!["2024-01-01".into(), "a, b\nc".into()],
            ],
        };
        assert_eq!(g.to_csv(), "\n\nDate,Text\n\n2024-01-01,\"a, b c\"\n");
    }
}
