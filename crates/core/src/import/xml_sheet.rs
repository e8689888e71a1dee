//! Excel 2003 XML spreadsheets ("SpreadsheetML": `<Workbook xmlns="urn:schemas-microsoft-com:
//! office:spreadsheet">`), which banks save with an `.xls` name: each `Worksheet` is a grid read
//! like any sheet. Typed cells keep their types: a `DateTime` cell becomes an ISO date, a
//! `Number` cell its decimal text.

use super::error::ImportError;
use super::sheet::Grid;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Whether the start of a file is a SpreadsheetML workbook.
pub fn looks_like(head: &str) -> bool {
    head.contains("urn:schemas-microsoft-com:office:spreadsheet")
        && (head.contains("<Workbook") || head.contains(":Workbook"))
}

/// A 1-based attribute such as `ss:Index`, whatever its prefix.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// The worksheets of a SpreadsheetML workbook, in order.
pub fn worksheets(text: &str) -> Result<Vec<Grid>, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut grids: Vec<Grid> = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<(String, String)> = None; // (type, text)
    let mut in_data = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ImportError::Workbook(format!("the XML is malformed: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"Worksheet" => grids.push(Grid {
                        name: attr(e, b"Name")
                            .unwrap_or_else(|| format!("Sheet{}", grids.len() + 1)),
                        first_row: 0,
                        rows: Vec::new(),
                    }),
                    b"Row" => {
                        if let Some(g) = grids.last_mut() {
                            // `ss:Index` skips empty rows.
                            if let Some(i) = attr(e, b"Index").and_then(|i| i.parse::<usize>().ok())
                            {
                                while g.rows.len() + 1 < i {
                                    g.rows.push(Vec::new());
                                }
                            }
                        }
                        row = Some(Vec::new());
                        if empty {
                            if let (Some(g), Some(r)) = (grids.last_mut(), row.take()) {
                                g.rows.push(r);
                            }
                        }
                    }
                    b"Cell" => {
                        if let Some(r) = row.as_mut() {
                            if let Some(i) = attr(e, b"Index").and_then(|i| i.parse::<usize>().ok())
                            {
                                while r.len() + 1 < i {
                                    r.push(String::new());
                                }
                            }
                            if empty {
                                r.push(String::new());
                            } else {
                                cell = Some((String::new(), String::new()));
                            }
                        }
                    }
                    b"Data" if !empty => {
                        in_data = true;
                        if let Some(c) = cell.as_mut() {
                            c.0 = attr(e, b"Type").unwrap_or_default();
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_data => {
                if let (Some(c), Ok(s)) = (cell.as_mut(), t.decode()) {
                    c.1.push_str(&s);
                }
            }
            Event::GeneralRef(r) if in_data => {
                if let Some(c) = cell.as_mut() {
                    let ch = match r.resolve_char_ref() {
                        Ok(Some(ch)) => Some(ch),
                        _ => match r.decode().as_deref() {
                            Ok("amp") => Some('&'),
                            Ok("lt") => Some('<'),
                            Ok("gt") => Some('>'),
                            Ok("quot") => Some('"'),
                            Ok("apos") => Some('\''),
                            _ => None,
                        },
                    };
                    if let Some(ch) = ch {
                        c.1.push(ch);
                    }
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                b"Data" => in_data = false,
                b"Cell" => {
                    if let (Some(r), Some((kind, text))) = (row.as_mut(), cell.take()) {
                        r.push(typed(&kind, text));
                    }
                }
                b"Row" => {
                    if let (Some(g), Some(r)) = (grids.last_mut(), row.take()) {
                        g.rows.push(r);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if grids.is_empty() {
        return Err(ImportError::Workbook(
            "the workbook holds no Worksheet".into(),
        ));
    }
    Ok(grids)
}

/// A cell's text by its type: `DateTime` `2024-05-03T00:00:00.000` is the date (and time when
/// there is one); `Number` and `String` are as written.
fn typed(kind: &str, text: String) -> String {
    if kind == "DateTime" && text.len() >= 10 {
        let (date, rest) = text.split_at(10);
        let time = rest.trim_start_matches('T').get(..8).unwrap_or("");
        if time.is_empty() || time == "00:00:00" {
            return date.to_string();
        }
        return format!("{date} {time}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_typed_cells_and_skipped_indexes() {
        let text = r#"<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="Movimenti"><Table>
<Row><Cell><Data ss:Type="String">Conto &amp; carte</Data></Cell></Row>
<Row ss:Index="3"><Cell><Data ss:Type="String">Data</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">Importo</Data></Cell></Row>
<Row><Cell><Data ss:Type="DateTime">2024-05-03T00:00:00.000</Data></Cell><Cell/><Cell><Data ss:Type="Number">-12.5</Data></Cell></Row>
</Table></Worksheet></Workbook>"#;
        assert!(looks_like(text));
        let g = worksheets(text).unwrap();
        assert_eq!(g[0].name, "Movimenti");
        assert_eq!(
            g[0].rows,
            vec![
                vec!["Conto & carte".to_string()],
                vec![],
                vec!["Data".into(), "".into(), "Importo".into()],
                vec!["2024-05-03".into(), "".into(), "-12.5".into()],
            ]
        );
    }
}
