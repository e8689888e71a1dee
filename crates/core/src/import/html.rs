//! HTML tables, which several banks save with an `.xls` name: each `<table>` is a grid of cell
//! texts, read like a sheet. Tolerant, as browsers are: unclosed `<td>` and `<tr>` end where
//! the next cell or row begins.

use super::sheet::Grid;

/// The tables of an HTML page, innermost text of each cell, in document order.
pub fn tables(text: &str) -> Vec<Grid> {
    let mut grids: Vec<Grid> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut in_table = false;
    let mut rest = text;
    let mut skip_until: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        if let (Some(c), None) = (cell.as_mut(), skip_until) {
            c.push_str(&rest[..lt]);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else { break };
        let tag = after[..gt].trim();
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("script" | "style", false) => {
                skip_until = Some(if name == "script" { "script" } else { "style" })
            }
            ("table", false) => {
                in_table = true;
                rows.clear();
            }
            ("table", true) => {
                end_row(&mut rows, &mut row, &mut cell);
                if in_table && !rows.is_empty() {
                    grids.push(Grid {
                        name: format!("table {}", grids.len() + 1),
                        first_row: 0,
                        rows: std::mem::take(&mut rows),
                    });
                }
                in_table = false;
            }
            ("tr", false) => {
                end_row(&mut rows, &mut row, &mut cell);
                row = Some(Vec::new());
            }
            ("tr", true) => end_row(&mut rows, &mut row, &mut cell),
            ("td" | "th", false) => {
                end_cell(&mut row, &mut cell);
                row.get_or_insert_with(Vec::new);
                cell = Some(String::new());
            }
            ("td" | "th", true) => end_cell(&mut row, &mut cell),
            ("br" | "p" | "div", _) => {
                if let Some(c) = cell.as_mut() {
                    c.push(' ');
                }
            }
            _ => {}
        }
    }
    end_row(&mut rows, &mut row, &mut cell);
    if !rows.is_empty() {
        grids.push(Grid {
            name: format!("table {}", grids.len() + 1),
            first_row: 0,
            rows,
        });
    }
    grids
}

fn end_cell(row: &mut Option<Vec<String>>, cell: &mut Option<String>) {
    if let Some(c) = cell.take() {
        let text = super::entities::unescape(&c);
        row.get_or_insert_with(Vec::new)
            .push(text.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

fn end_row(rows: &mut Vec<Vec<String>>, row: &mut Option<Vec<String>>, cell: &mut Option<String>) {
    end_cell(row, cell);
    if let Some(r) = row.take() {
        rows.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_of_loose_html() {
        let t = tables("<html><style>td{}</style><table><tr><th>Date<th>Amount\n<tr><td>01/02/2024</td><td>-1&nbsp;234,50</td></tr></table>");
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].rows,
            vec![vec!["Date", "Amount"], vec!["01/02/2024", "-1 234,50"]]
        );
    }
}
