//! Statement amounts without regex or allocation: `1,234.56`, `1.234,56`, `1'234.56`,
//! `(12.00)`, `12.00-`, `-¥12.00`, `£12.00`, `12.00 CR`, `8,000.00(CN)`, `-` for empty.

use super::text::clean;
use crate::money::Currency;

/// Which mark separates the decimals when a lone mark could be either (`1,234`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalMark {
    Dot,
    Comma,
}

/// A number read from a cell: `mantissa / 10^scale`, with the currency its symbol names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub mantissa: i64,
    pub scale: u32,
    pub currency: Option<Currency>,
}

impl Amount {
    /// Minor units of `digits` decimals; `None` when cents would be lost (`1.234` in USD).
    pub fn to_minor(self, digits: u32) -> Option<i64> {
        if self.scale <= digits {
            self.mantissa
                .checked_mul(10i64.checked_pow(digits - self.scale)?)
        } else {
            let div = 10i64.checked_pow(self.scale - digits)?;
            (self.mantissa % div == 0).then_some(self.mantissa / div)
        }
    }
}

/// Cells that stand for "nothing here".
pub fn is_placeholder(s: &str) -> bool {
    matches!(
        s,
        "" | "-" | "--" | "—" | "–" | "/" | "n/a" | "N/A" | "null" | "NULL"
    )
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let n = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(n) && s[n..].eq_ignore_ascii_case(suffix)).then(|| s[..n].trim_end())
}

/// ISO 4217 codes accepted next to a number. A list, because any three letters parse as a
/// code and `VWZ1` is a column name, not 1 unit of currency VWZ.
const ISO_CODES: &str = "AED ARS AUD BDT BGN BHD BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HUF IDR \
    ILS INR ISK JOD JPY KES KRW KWD LKR MAD MXN MYR NGN NOK NZD OMR PEN PHP PKR PLN QAR RON RSD RUB \
    SAR SEK SGD THB TND TRY TWD UAH USD UYU VND ZAR CNH MOP";

/// The currency a symbol or code next to an amount names.
pub fn currency_of(sym: &str) -> Option<Currency> {
    let sym = sym.trim();
    let c = Currency::from_symbol(sym)?;
    let is_code = sym.len() == 3 && sym.bytes().all(|b| b.is_ascii_alphabetic());
    if is_code
        && !ISO_CODES
            .split_whitespace()
            .any(|k| k.eq_ignore_ascii_case(sym))
    {
        return None;
    }
    Some(c)
}

/// Reads an amount cell. `Ok(None)` for an empty cell or placeholder; `Err(())` when the cell
/// is not a number.
#[allow(clippy::result_unit_err)]
pub fn parse(cell: &str, mark: DecimalMark) -> Result<Option<Amount>, ()> {
    let mut s = clean(cell);
    if is_placeholder(s) {
        return Ok(None);
    }
    let mut neg = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() >= 2 {
        neg = true;
        s = s[1..s.len() - 1].trim();
    }
    // Suffixes: trailing minus, CR/DR, a bracketed country note `(CN)`.
    for _ in 0..4 {
        if let Some(r) = s.strip_suffix('-') {
            neg = !neg;
            s = r.trim_end();
        } else if let Some(r) = s.strip_suffix('+') {
            s = r.trim_end();
        } else if let Some(r) = strip_suffix_ci(s, "cr") {
            s = r;
        } else if let Some(r) = strip_suffix_ci(s, "dr") {
            neg = !neg;
            s = r;
        } else if (s.ends_with(')') || s.ends_with('）')) && !s.starts_with('(') {
            // A note after the number: a country `(CN)`, a partial refund `(已退款89.84)`.
            // Words make it a note; a bracketed number alone would be ambiguous.
            let open = s.rfind(['(', '（']);
            match open {
                Some(i) if i > 0 => {
                    let close = s.len() - s.chars().next_back().map_or(1, char::len_utf8);
                    let inner_start = i + s[i..].chars().next().map_or(1, char::len_utf8);
                    if s[inner_start..close].chars().any(char::is_alphabetic) {
                        s = s[..i].trim_end();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    let first = s.find(|c: char| c.is_ascii_digit()).ok_or(())?;
    let last = s.rfind(|c: char| c.is_ascii_digit()).ok_or(())?;
    let (mut before, core, after) = (&s[..first], &s[first..=last], clean(&s[last + 1..]));
    let mut lead_mark = false;
    if let Some(b) = before.strip_suffix(['.', ',']) {
        lead_mark = true; // `.50`
        before = b;
    }
    let mut symbol = String::new();
    let mut sym_len = 0;
    for c in before.chars() {
        match c {
            '-' | '−' => neg = !neg,
            '+' => {}
            c if c.is_whitespace() => {}
            c => {
                sym_len += 1;
                if sym_len > 8 {
                    return Err(());
                }
                symbol.push(c);
            }
        }
    }
    let mut currency = None;
    for sym in [symbol.as_str(), after] {
        if sym.is_empty() {
            continue;
        }
        let c = currency_of(sym).ok_or(())?;
        if currency.replace(c).is_some_and(|prev| prev != c) {
            return Err(());
        }
    }
    let (mantissa, scale) = number(core, mark, lead_mark)?;
    Ok(Some(Amount {
        mantissa: if neg { -mantissa } else { mantissa },
        scale,
        currency,
    }))
}

/// The digits of `core` with grouping marks removed and the decimal mark located.
fn number(core: &str, mark: DecimalMark, lead_mark: bool) -> Result<(i64, u32), ()> {
    let (mut dots, mut commas) = (0usize, 0usize);
    let (mut last_dot, mut last_comma) = (0usize, 0usize);
    for (i, c) in core.char_indices() {
        match c {
            '0'..='9' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '_' => {}
            '.' => {
                dots += 1;
                last_dot = i;
            }
            ',' => {
                commas += 1;
                last_comma = i;
            }
            _ => return Err(()),
        }
    }
    let digits_after = |i: usize| core[i + 1..].chars().filter(char::is_ascii_digit).count();
    let decimal_at: Option<usize> = match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => Some(last_dot.max(last_comma)),
        (1, 0) => lone(last_dot, DecimalMark::Dot, mark, digits_after(last_dot)),
        (0, 1) => lone(
            last_comma,
            DecimalMark::Comma,
            mark,
            digits_after(last_comma),
        ),
        _ => None, // the same mark several times groups thousands
    };
    if let Some(at) = decimal_at {
        // Grouping marks may not follow the decimal mark.
        if core[at + 1..].contains(['.', ',']) {
            return Err(());
        }
    }
    // Grouping marks must group thousands: `1.5.2024` is a date, not 152,024.
    let int_part = &core[..decimal_at.unwrap_or(core.len())];
    let mut groups = int_part.split(|c: char| !c.is_ascii_digit());
    let first_len = groups.next().map_or(0, str::len);
    let mut grouped = false;
    for g in groups {
        grouped = true;
        if g.len() != 3 {
            return Err(());
        }
    }
    if grouped && !(1..=3).contains(&first_len) {
        return Err(());
    }
    let mut mantissa: i64 = 0;
    let mut scale = 0u32;
    let mut after_mark = lead_mark;
    for (i, c) in core.char_indices() {
        if Some(i) == decimal_at {
            after_mark = true;
            continue;
        }
        if let Some(d) = c.to_digit(10) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(d)))
                .ok_or(())?;
            if after_mark {
                scale += 1;
                if scale > 8 {
                    return Err(());
                }
            }
        }
    }
    Ok((mantissa, scale))
}

/// A single `.` or `,`: the decimal mark unless it is the other convention's mark followed by
/// exactly three digits (`1,234` in a dot-decimal file groups thousands).
fn lone(at: usize, this: DecimalMark, file_mark: DecimalMark, after: usize) -> Option<usize> {
    if after == 3 && this != file_mark {
        None
    } else {
        Some(at)
    }
}

/// Evidence from sample cells for the file's decimal mark.
#[derive(Clone, Copy, Debug, Default)]
pub struct MarkVotes {
    pub dot: u32,
    pub comma: u32,
}

impl MarkVotes {
    pub fn add(&mut self, cell: &str) {
        let s = clean(cell);
        let Some(last) = s.rfind(['.', ',']) else {
            return;
        };
        let tail = s[last + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        let rest_has_digit_after = s[last + 1..].chars().skip(tail).any(|c| c.is_ascii_digit());
        if rest_has_digit_after || tail == 0 {
            return;
        }
        let is_dot = s[last..].starts_with('.');
        let other_before = s[..last].contains(if is_dot { ',' } else { '.' });
        if tail != 3 || other_before {
            if is_dot {
                self.dot += 1;
            } else {
                self.comma += 1;
            }
        }
    }

    pub fn decide(&self) -> DecimalMark {
        if self.comma > self.dot {
            DecimalMark::Comma
        } else {
            DecimalMark::Dot
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, mark: DecimalMark) -> Option<(i64, Option<Currency>)> {
        parse(s, mark)
            .ok()
            .flatten()
            .and_then(|a| Some((a.to_minor(2)?, a.currency)))
    }

    #[test]
    fn reads_amount_forms() {
        use DecimalMark::*;
        let gbp = Some(Currency::GBP);
        let cny = Some(Currency::CNY);
        let usd = Some(Currency::USD);
        let eur = Some(Currency::EUR);
        for (cell, mark, want) in [
            ("1,234.56", Dot, Some((123456, None))),
            ("1.234,56", Comma, Some((123456, None))),
            ("1.234,56", Dot, Some((123456, None))),
            ("1'234.56", Dot, Some((123456, None))),
            ("11'373.94", Dot, Some((1137394, None))),
            ("(12.00)", Dot, Some((-1200, None))),
            ("12.00-", Dot, Some((-1200, None))),
            ("-¥12.00", Dot, Some((-1200, cny))),
            ("¥50.0", Dot, Some((5000, cny))),
            ("￥-3.5", Dot, Some((-350, cny))),
            ("£12.00", Dot, Some((1200, gbp))),
            ("$1,000", Dot, Some((100000, usd))),
            ("-$4.38", Dot, Some((-438, usd))),
            ("12.00 CR", Dot, Some((1200, None))),
            ("12.00DR", Dot, Some((-1200, None))),
            ("  13.40   \t", Dot, Some((1340, None))),
            ("\"8,000.00(CN)", Dot, None),
            ("8,000.00(CN)", Dot, Some((800000, None))),
            ("131.77(已退款89.84)", Dot, Some((13177, None))),
            ("¥131.77（已全额退款）", Dot, Some((13177, cny))),
            ("12.00 (pending)", Dot, Some((1200, None))),
            ("-3452,90", Comma, Some((-345290, None))),
            ("-3452,90", Dot, Some((-345290, None))),
            ("1,234", Dot, Some((123400, None))),
            ("1,234", Comma, None),
            ("1.234", Comma, Some((123400, None))),
            ("1 234,56 €", Comma, Some((123456, eur))),
            ("EUR -7,99", Comma, Some((-799, eur))),
            (".50", Dot, Some((50, None))),
            ("+7.00", Dot, Some((700, None))),
            ("0.00", Dot, Some((0, None))),
            ("12", Dot, Some((1200, None))),
        ] {
            assert_eq!(p(cell, mark), want, "{cell}");
        }
    }

    #[test]
    fn placeholders_are_empty_and_text_is_not_a_number() {
        for cell in ["", "-", " - \t", "—", "/"] {
            assert_eq!(parse(cell, DecimalMark::Dot), Ok(None), "{cell:?}");
        }
        for cell in ["abc", "12 apples", "1.2.3,4.5", "Total", "12€$", "1.5.2024"] {
            assert!(parse(cell, DecimalMark::Dot).is_err(), "{cell:?}");
        }
        // Cents would be lost: not silently rounded.
        let a = parse("1.234", DecimalMark::Dot).unwrap().unwrap();
        assert_eq!(a.to_minor(2), None);
        assert_eq!(a.to_minor(3), Some(1234));
    }

    #[test]
    fn votes_for_the_decimal_mark() {
        let mut v = MarkVotes::default();
        for c in ["-48,00", "26550,33", "1.234,56"] {
            v.add(c);
        }
        assert_eq!(v.decide(), DecimalMark::Comma);
        let mut v = MarkVotes::default();
        for c in ["1,234.56", "13.40", "1,234"] {
            v.add(c);
        }
        assert_eq!(v.decide(), DecimalMark::Dot);
    }
}
