//! IBANs in statement cells: an account's identity and its country (so its currency). Shape and
//! length per country are checked, not the check digits: exports of real accounts pass either
//! way, and anonymised ones (`NL00ASNB9999999999`) keep the shape but not the checksum.

use crate::money::Currency;

/// Country, IBAN length, currency.
const COUNTRIES: &[(&str, usize, &str)] = &[
    ("AD", 24, "EUR"),
    ("AT", 20, "EUR"),
    ("BE", 16, "EUR"),
    ("BG", 22, "BGN"),
    ("CH", 21, "CHF"),
    ("CY", 28, "EUR"),
    ("CZ", 24, "CZK"),
    ("DE", 22, "EUR"),
    ("DK", 18, "DKK"),
    ("EE", 20, "EUR"),
    ("ES", 24, "EUR"),
    ("FI", 18, "EUR"),
    ("FR", 27, "EUR"),
    ("GB", 22, "GBP"),
    ("GR", 27, "EUR"),
    ("HR", 21, "EUR"),
    ("HU", 28, "HUF"),
    ("IE", 22, "EUR"),
    ("IS", 26, "ISK"),
    ("IT", 27, "EUR"),
    ("LI", 21, "CHF"),
    ("LT", 20, "EUR"),
    ("LU", 20, "EUR"),
    ("LV", 21, "EUR"),
    ("MC", 27, "EUR"),
    ("MT", 31, "EUR"),
    ("NL", 18, "EUR"),
    ("NO", 15, "NOK"),
    ("PL", 28, "PLN"),
    ("PT", 25, "EUR"),
    ("RO", 24, "RON"),
    ("SE", 24, "SEK"),
    ("SI", 19, "EUR"),
    ("SK", 24, "EUR"),
    ("SM", 27, "EUR"),
];

fn country(code: &str) -> Option<&'static (&'static str, usize, &'static str)> {
    COUNTRIES.iter().find(|(c, _, _)| code.starts_with(c))
}

/// An IBAN as written in a cell (`DE12 3456 7890 1234 5678 90`, `IBAN: NL28INGB…`, `'GB…`),
/// without spaces and upper-cased; `None` when the cell holds none.
pub fn find(cell: &str) -> Option<String> {
    let upper = cell.to_ascii_uppercase();
    // Start at each two-letter country code; read letters, digits and single spaces.
    let b = upper.as_bytes();
    for start in 0..b.len().saturating_sub(14) {
        if start > 0 && b[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(&(_, len, _)) = std::str::from_utf8(&b[start..(start + 2).min(b.len())])
            .ok()
            .and_then(country)
        else {
            continue;
        };
        let mut out = String::with_capacity(len);
        let mut i = start;
        while i < b.len() && out.len() < len {
            let c = b[i];
            if c.is_ascii_alphanumeric() {
                out.push(c as char);
            } else if c != b' ' || out.len() < 4 {
                break;
            }
            i += 1;
        }
        let ends_clean = b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
        if out.len() == len && ends_clean && out.as_bytes()[2..4].iter().all(u8::is_ascii_digit) {
            return Some(out);
        }
    }
    None
}

/// The currency of the IBAN's country.
pub fn currency(iban: &str) -> Option<Currency> {
    country(iban.get(..2)?).and_then(|&(_, _, c)| Currency::parse(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ibans_in_cells() {
        for (cell, want) in [
            (
                "DE12 3456 7890 1234 5678 90",
                Some("DE12345678901234567890"),
            ),
            ("IBAN: NL28INGB0001234567", Some("NL28INGB0001234567")),
            ("NL28 INGB 1200 3244 16", Some("NL28INGB1200324416")),
            ("'GB29NWBK60161331926819", Some("GB29NWBK60161331926819")),
            (
                "FR0000000000000000000000000",
                Some("FR0000000000000000000000000"),
            ),
            ("DE1234123412341234", None), // a creditor id: too short for a German IBAN
            ("Grocery store 12345", None),
            ("DETAILS OF PAYMENT", None),
        ] {
            assert_eq!(find(cell).as_deref(), want, "{cell}");
        }
        assert_eq!(currency("DK5000400440116243"), Currency::parse("DKK"));
        assert_eq!(currency("GB29NWBK60161331926819"), Some(Currency::GBP));
    }
}
