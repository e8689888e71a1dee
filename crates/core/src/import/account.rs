//! The account a statement belongs to, as the file states it: an IBAN or an account number in
//! the preamble (`Kontonummer: DE02 …`, `账号: 6214…`), or a column that holds the same account
//! on every row (`Auftragskonto`, `Account Number`, a card's last digits). Never the file name.

use super::currency::is_sort_code;
use super::dates::looks_like_date;
use super::iban;
use super::sample::Rec;
use super::text::{clean, contains_word, norm_header};

/// Words naming an account, a card or a wallet in a label cell or a column name.
const LABELS: &[&str] = &[
    "account",
    "account number",
    "account no",
    "accountid",
    "acct",
    "iban",
    "konto",
    "kontonummer",
    "kontonr",
    "auftragskonto",
    "rekening",
    "rekeningnummer",
    "compte",
    "numéro de compte",
    "cuenta",
    "conto",
    "rachunek",
    "rachunku",
    "účet",
    "číslo účtu",
    "tilinumero",
    "card",
    "card number",
    "账号",
    "账户",
    "卡号",
    "支付宝账户",
    "微信昵称",
];

/// Words naming the bank's own code that a domestic account number is only unique with: a
/// German Bankleitzahl, a UK sort code, a Swedish clearing number, a US routing number.
const BANK_CODE_LABELS: &[&str] = &[
    "blz",
    "bankleitzahl",
    "bank code",
    "sort code",
    "clearingnummer",
    "clearing number",
    "clearing",
    "routing number",
];

/// Words of a column that names the other party's account, never the statement's own.
const COUNTERPARTY_WORDS: &[&str] = &[
    "tegenrekening",
    "gegenkonto",
    "counterparty",
    "counter party",
    "beneficiary",
    "payee",
    "empfänger",
    "auftraggeber",
    "protiúčet",
    "对方",
];

fn has_word(cell: &str, words: &[&str]) -> bool {
    let h = norm_header(cell.trim_end_matches([':', '：']));
    let h = h.trim_start_matches('#');
    !h.is_empty() && h.len() <= 40 && words.iter().any(|w| contains_word(h, w))
}

fn is_label(cell: &str) -> bool {
    has_word(cell, LABELS) && !has_word(cell, COUNTERPARTY_WORDS)
}

fn is_bank_code_label(cell: &str) -> bool {
    has_word(cell, BANK_CODE_LABELS)
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

/// A bank code as written: digits with at most dashes or spaces between them.
fn bank_code(cell: &str) -> Option<String> {
    let c = clean(cell).trim_matches(['\'', '"']).trim();
    let digits = c.chars().filter(char::is_ascii_digit).count();
    (digits >= 4 && c.chars().all(|ch| ch.is_ascii_digit() || " -".contains(ch)))
        .then(|| c.to_string())
}

/// The `label: value` pairs of a preamble record. A cell may hold several pairs side by side,
/// padded apart by runs of spaces (`户名：李某  账户：6228…  币种：人民币`); a label cell takes
/// its value from the next filled cell of its record, or, when the rest of the record is empty,
/// from the same column of the next record (a key line over a value line).
pub(super) fn pairs(preamble: &[Rec]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let records: Vec<&Rec> = preamble.iter().filter(|r| !r.is_blank()).collect();
    for (n, r) in records.iter().enumerate() {
        for (k, cell) in r.cells.iter().enumerate() {
            for segment in segments(cell) {
                if let Some((label, value)) = segment.split_once([':', '：']) {
                    if !clean(value).is_empty() {
                        out.push((label.to_string(), value.to_string()));
                        continue;
                    }
                }
                let label = segment.trim_end_matches([':', '：']);
                if !(is_label(label) || is_bank_code_label(label)) {
                    continue;
                }
                let beside = r.cells[k + 1..].iter().find(|c| !clean(c).is_empty());
                let below = || records.get(n + 1).and_then(|next| next.cells.get(k));
                if let Some(value) = beside.or_else(below) {
                    out.push((label.to_string(), value.clone()));
                }
            }
        }
    }
    out
}

/// A cell cut at runs of two or more spaces (or an ideographic space), the way exports pad
/// several `label: value` pairs onto one line.
fn segments(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut run = 0;
    let mut run_start = 0;
    for (i, c) in cell.char_indices() {
        if c == ' ' || c == '\t' || c == '\u{3000}' {
            if run == 0 {
                run_start = i;
            }
            run += if c == ' ' { 1 } else { 2 };
        } else {
            if run >= 2 {
                out.push(&cell[start..run_start]);
                start = i;
            }
            run = 0;
        }
    }
    out.push(&cell[start..]);
    out.into_iter()
        .map(clean)
        .filter(|s| !s.is_empty())
        .collect()
}

/// From the lines above the header: an IBAN anywhere, else a labelled account number, preceded
/// by the bank code when the preamble also states one (`BLZ 50190000`, `Konto 1234567`).
fn in_preamble(preamble: &[Rec]) -> Option<String> {
    let cells = || preamble.iter().flat_map(|r| r.cells.iter());
    if let Some(i) = cells().find_map(|c| iban::find(c)) {
        return Some(i);
    }
    let pairs = pairs(preamble);
    let account = pairs
        .iter()
        .filter(|(label, _)| is_label(label))
        .find_map(|(_, value)| identity(value))?;
    let bank = pairs
        .iter()
        .filter(|(label, _)| is_bank_code_label(label))
        .find_map(|(_, value)| bank_code(value));
    Some(match bank {
        Some(b) if !account.starts_with(&b) => format!("{b} {account}"),
        _ => account,
    })
}

/// From the data: the columns that hold one value on every sampled row and read as an account
/// (an IBAN, a sort code, a labelled column with an account number or bank code, or — in a
/// file without a header — a long number no other role took), the bank code first
/// (`99-88-74 1515152252` for a sort code and an account number).
fn in_columns(header: &[String], data: &[&Rec], taken: &[usize]) -> Option<String> {
    if data.len() < 2 {
        return None;
    }
    let ncols = data.iter().map(|r| r.cells.len()).min().unwrap_or(0);
    let (mut banks, mut parts) = (Vec::new(), Vec::new());
    for i in 0..ncols {
        let first = clean(&data[0].cells[i]);
        if first.is_empty() || data.iter().any(|r| clean(&r.cells[i]) != first) {
            continue;
        }
        let named = header.get(i).map(String::as_str);
        if named.is_some_and(is_bank_code_label) || is_sort_code(first) {
            banks.extend(identity(first));
        } else if iban::find(first).is_some()
            || named.is_some_and(is_label)
            || (header.is_empty() && !taken.contains(&i) && is_account_number(first))
        {
            parts.extend(identity(first));
        }
    }
    banks.extend(parts);
    (!banks.is_empty()).then(|| banks.join(" "))
}

/// A long number standing alone (7 to 34 digits, with at most spaces, dots or dashes between
/// groups) that is not a date: what an account number looks like when no header names it.
fn is_account_number(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    (7..=34).contains(&digits)
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || " .-".contains(c))
        && cell.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !looks_like_date(cell)
}

/// A column that names the statement's own account on every row and holds more than one
/// (a download covering a current and a savings account): labelled as an account (not the
/// other party's), filled on every sampled row with IBANs or account numbers, each repeated.
pub fn per_row_column(header: &[String], data: &[&Rec]) -> Option<usize> {
    if data.len() < 3 {
        return None;
    }
    (0..header.len()).find(|&i| {
        if !is_label(&header[i]) {
            return false;
        }
        let values: Vec<&str> = data
            .iter()
            .map(|r| r.cells.get(i).map_or("", |c| clean(c)))
            .collect();
        if values
            .iter()
            .any(|v| iban::find(v).is_none() && !is_account_number(v))
        {
            return false;
        }
        let mut distinct: Vec<&str> = values.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let each_repeated = distinct
            .iter()
            .all(|d| values.iter().filter(|v| *v == d).count() >= 2);
        (2..=4).contains(&distinct.len()) && each_repeated
    })
}

/// The identity of the account a per-row account cell names.
pub fn of_cell(cell: &str) -> Option<String> {
    identity(cell)
}

/// The account the file states, if it states one. `taken` are the columns another role took.
pub fn detect(
    preamble: &[Rec],
    header: &[String],
    data: &[&Rec],
    taken: &[usize],
) -> Option<String> {
    in_preamble(preamble).or_else(|| in_columns(header, data, taken))
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
            // Several `label：value` pairs padded apart in one cell.
            (
                &[&["户名：某人    账户：6200 1111 2222 3333    币种：人民币"]],
                &["交易日期", "金额"],
                &[&["20240102", "-1.00"], &["20240103", "-2.00"]],
                Some("6200 1111 2222 3333"),
            ),
            // A key line over its value line.
            (
                &[
                    &["#Owner", ""],
                    &["A PERSON", ""],
                    &["#Account number", ""],
                    &["12 3456 7890", ""],
                ],
                &["#Date", "#Amount"],
                &[&["2024-01-02", "-1,00"], &["2024-01-03", "-2,00"]],
                Some("12 3456 7890"),
            ),
            // A bank code and an account number on lines of their own: both, bank code first.
            (
                &[&["Account:", "7654321"], &["Bank code:", "10020030"]],
                &["Date", "Amount"],
                &[&["01.02.2024", "-1,00"], &["02.02.2024", "-2,00"]],
                Some("10020030 7654321"),
            ),
            // Constant clearing-number and account-number columns.
            (
                &[],
                &["Row", "Clearing number", "Account number", "Date", "Amount"],
                &[
                    &["1", "1234", "99887766", "2024-02-01", "-1.00"],
                    &["2", "1234", "99887766", "2024-02-02", "-2.00"],
                ],
                Some("1234 99887766"),
            ),
            // No header: a constant long number no other role took.
            (
                &[],
                &[],
                &[
                    &["55443322", "20240201", "-1,00", "Shop"],
                    &["55443322", "20240202", "-2,00", "Shop"],
                ],
                Some("55443322"),
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
            // Columns 1 and 2 of the headerless case are its date and amount.
            let taken: &[usize] = if h.is_empty() { &[1, 2, 3] } else { &[] };
            assert_eq!(
                detect(&pre, &header(h), &refs, taken).as_deref(),
                want,
                "{h:?}"
            );
        }
    }

    #[test]
    fn a_column_naming_several_accounts_splits_the_file() {
        let header: Vec<String> = ["IBAN", "Date", "Amount", "Counterparty IBAN"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = "NL00ASNB9999999999";
        let b = "NL11ABNA0000000000";
        let rows = recs(&[
            &[a, "2024-01-01", "-1,00", b],
            &[b, "2024-01-02", "1,00", a],
            &[a, "2024-01-03", "-2,00", "NL22ABNA0000000001"],
            &[b, "2024-01-04", "-3,00", "NL33ABNA0000000002"],
        ]);
        let refs: Vec<&Rec> = rows.iter().collect();
        assert_eq!(per_row_column(&header, &refs), Some(0));
        assert_eq!(of_cell(a).as_deref(), Some(a));
        // One account on every row is the file's account, not a split.
        let one = recs(&[
            &[a, "2024-01-01", "-1,00", b],
            &[a, "2024-01-02", "1,00", b],
            &[a, "2024-01-03", "-2,00", b],
        ]);
        let refs: Vec<&Rec> = one.iter().collect();
        assert_eq!(per_row_column(&header, &refs), None);
        // The other party's account column never splits a file, however it repeats.
        let header: Vec<String> = ["Date", "Amount", "Counterparty IBAN"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let theirs = recs(&[
            &["2024-01-01", "-1,00", a],
            &["2024-01-02", "1,00", b],
            &["2024-01-03", "-2,00", a],
            &["2024-01-04", "-3,00", b],
        ]);
        let refs: Vec<&Rec> = theirs.iter().collect();
        assert_eq!(per_row_column(&header, &refs), None);
    }
}
