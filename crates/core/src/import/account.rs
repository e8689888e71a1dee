//! The account a statement belongs to, as the file states it: an IBAN or an account number in
//! the preamble (`Kontonummer: DE02 …`, `账号: 6214…`), or a column that holds the same account
//! on every row (`Auftragskonto`, `Account Number`, a card's last digits). Never the file name.

use super::currency::is_sort_code;
use super::iban;
use super::sample::Rec;
use super::text::{clean, contains_word, norm_header};

/// Words naming an account, a card or a wallet in a label cell or a column name.
const LABELS: &[&str] = &[
    "account",
    "account number",
    "account no",
    "acct",
    "iban",
    "konto",
    "kontonummer",
    "auftragskonto",
    "rekening",
    "rekeningnummer",
    "compte",
    "numéro de compte",
    "cuenta",
    "conto",
    "card",
    "card number",
    "账号",
    "账户",
    "卡号",
    "支付宝账户",
    "微信昵称",
    "sort code",
];

fn is_label(cell: &str) -> bool {
    let h = norm_header(cell.trim_end_matches([':', '：']));
    !h.is_empty() && h.len() <= 40 && LABELS.iter().any(|w| contains_word(&h, w))
}

/// An account identity as written: an IBAN without spaces, else the cell trimmed of quotes and
/// padding, when it has enough digits to identify something.
pub(super) fn identity(cell: &str) -> Option<String> {
    if let Some(i) = iban::find(cell) {
        return Some(i);
    }
    let c = clean(cell).trim_matches(['\'', '"', '[', ']']).trim();
    let digits = c.chars().filter(char::is_ascii_digit).count();
    let ok = digits >= 4
        && c.chars().count() <= 40
        && c.chars()
            .all(|ch| ch.is_alphanumeric() || " -*./_@".contains(ch));
    ok.then(|| c.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// From the lines above the header: an IBAN anywhere, else a labelled value (`Label;value` or
/// `Label: value`).
fn in_preamble(preamble: &[Rec]) -> Option<String> {
    let cells = || preamble.iter().flat_map(|r| r.cells.iter());
    if let Some(i) = cells().find_map(|c| iban::find(c)) {
        return Some(i);
    }
    for r in preamble {
        for (k, cell) in r.cells.iter().enumerate() {
            if let Some((label, value)) = cell.split_once([':', '：']) {
                if is_label(label) {
                    if let Some(id) = identity(value) {
                        return Some(id);
                    }
                }
            }
            if is_label(cell) {
                if let Some(id) = r.cells[k + 1..]
                    .iter()
                    .find(|c| !clean(c).is_empty())
                    .and_then(|c| identity(c))
                {
                    return Some(id);
                }
            }
        }
    }
    None
}

/// From the data: the columns that hold one value on every sampled row and read as an account
/// (an IBAN, a sort code, or a labelled column with an account number), joined in column
/// order (`99-88-74 1515152252` for a sort code and an account number).
fn in_columns(header: &[String], data: &[&Rec]) -> Option<String> {
    if data.len() < 2 {
        return None;
    }
    let ncols = data.iter().map(|r| r.cells.len()).min().unwrap_or(0);
    let mut parts = Vec::new();
    for i in 0..ncols {
        let first = clean(&data[0].cells[i]);
        if first.is_empty() || data.iter().any(|r| clean(&r.cells[i]) != first) {
            continue;
        }
        let labelled = header.get(i).is_some_and(|h| is_label(h));
        if iban::find(first).is_some() || is_sort_code(first) || labelled {
            if let Some(id) = identity(first) {
                parts.push(id);
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The account the file states, if it states one.
pub fn detect(preamble: &[Rec], header: &[String], data: &[&Rec]) -> Option<String> {
    in_preamble(preamble).or_else(|| in_columns(header, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recs(rows: &[&[&str]]) -> Vec<Rec> {
        rows.iter()
            .enumerate()
            .map(|(i, c)| Rec {
                line: i as u64 + 1,
                cells: c.iter().map(|s| s.to_string()).collect(),
            })
            .collect()
    }

    #[test]
    fn the_file_states_its_account() {
        let header = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // Preamble lines, header, data lines, the account wanted.
        type Case<'a> = (
            &'a [&'a [&'a str]],
            &'a [&'a str],
            &'a [&'a [&'a str]],
            Option<&'a str>,
        );
        let cases: Vec<Case> = vec![
            // An IBAN in the preamble, with spaces.
            (
                &[&["Umsatzanzeige"], &["IBAN", "DE02 1203 0000 0000 2020 51"]],
                &["Buchung", "Betrag"],
                &[&["01.02.2024", "-1,00"], &["02.02.2024", "-2,00"]],
                Some("DE02120300000000202051"),
            ),
            // A labelled number in one cell.
            (
                &[&["账号：6214 8301 2345 6789"]],
                &["交易日期", "金额"],
                &[&["20240102", "-1.00"], &["20240103", "-2.00"]],
                Some("6214 8301 2345 6789"),
            ),
            // A constant account column beside a sort code.
            (
                &[],
                &["Date", "Sort Code", "Account Number", "Amount"],
                &[
                    &["01/02/2024", "'99-88-74", "1515152252", "-1.00"],
                    &["02/02/2024", "'99-88-74", "1515152252", "-2.00"],
                ],
                Some("99-88-74 1515152252"),
            ),
            // A constant IBAN column with no header.
            (
                &[],
                &[],
                &[
                    &[
                        "17-06-2022",
                        "NL00ASNB9999999999",
                        "NL99ASNB0000000000",
                        "1.00",
                    ],
                    &[
                        "18-06-2022",
                        "NL00ASNB9999999999",
                        "NL11ABNA0000000000",
                        "2.00",
                    ],
                ],
                Some("NL00ASNB9999999999"),
            ),
            // A card column that changes from row to row is not one account.
            (
                &[],
                &["Date", "Card", "Amount"],
                &[
                    &["01/02/2024", "2226", "-1.00"],
                    &["02/02/2024", "2101", "-2.00"],
                ],
                None,
            ),
            // Nothing said.
            (
                &[],
                &["Date", "Description", "Amount"],
                &[
                    &["01/02/2024", "COFFEE 1234", "-1.00"],
                    &["02/02/2024", "COFFEE 1234", "-2.00"],
                ],
                None,
            ),
        ];
        for (pre, h, rows, want) in cases {
            let pre = recs(pre);
            let data = recs(rows);
            let refs: Vec<&Rec> = data.iter().collect();
            assert_eq!(detect(&pre, &header(h), &refs).as_deref(), want, "{h:?}");
        }
    }
}
