//! Money is integer minor units plus an ISO 4217 code. Never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 4217 currency code, stored inline so rows stay `Copy`-cheap.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const USD: Currency = Currency(*b"USD");
    pub const EUR: Currency = Currency(*b"EUR");
    pub const GBP: Currency = Currency(*b"GBP");
    pub const CNY: Currency = Currency(*b"CNY");

    /// Parses a three-letter code (any case). Returns `None` for anything else.
    pub fn parse(code: &str) -> Option<Currency> {
        let b = code.trim().as_bytes();
        if b.len() != 3 || !b.iter().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        Some(Currency([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }

    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored (see `parse`), so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Digits after the decimal point (ISO 4217 minor unit).
    pub fn minor_digits(&self) -> u32 {
        match self.code() {
            "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "XAF" | "XOF" | "PYG" => 0,
            "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
            _ => 2,
        }
    }

    /// The currency a symbol or word in a statement stands for, if unambiguous.
    pub fn from_symbol(s: &str) -> Option<Currency> {
        Some(match s.trim() {
            "$" | "US$" => Currency::USD,
            "€" => Currency::EUR,
            "£" => Currency::GBP,
            "¥" | "￥" | "元" | "人民币" | "RMB" | "CN¥" => Currency::CNY,
            "CHF" | "Fr." => Currency(*b"CHF"),
            "Kč" => Currency(*b"CZK"),
            "kr" | "kr." => Currency(*b"DKK"),
            "S$" => Currency(*b"SGD"),
            "NZ$" => Currency(*b"NZD"),
            "A$" | "AU$" => Currency(*b"AUD"),
            "C$" | "CA$" => Currency(*b"CAD"),
            "HK$" => Currency(*b"HKD"),
            "R$" => Currency(*b"BRL"),
            "₹" | "Rs" | "Rs." => Currency(*b"INR"),
            "zł" => Currency(*b"PLN"),
            "₩" => Currency(*b"KRW"),
            "₺" => Currency(*b"TRY"),
            "₽" => Currency(*b"RUB"),
            other => return Currency::parse(other),
        })
    }
}

impl Currency {
    /// The currency a bare symbol names when nothing else is known (`$` → USD, `kr` → DKK,
    /// `¥` → CNY), and the others the same symbol also writes: a file whose own evidence names
    /// one of those (an Australian IBAN-less export in `$`) means that one.
    pub fn symbol_family(self) -> &'static [&'static str] {
        match self.code() {
            "USD" => &["AUD", "CAD", "NZD", "SGD", "HKD", "MXN", "TWD"],
            "DKK" => &["SEK", "NOK", "ISK"],
            "CNY" => &["JPY"],
            _ => &[],
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 4217 code: {s}")))
    }
}

/// Formats minor units as a plain decimal string with `digits` decimals.
pub fn format_minor(minor: i64, digits: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    if digits == 0 {
        return format!("{sign}{abs}");
    }
    let scale = 10u64.pow(digits);
    format!(
        "{sign}{}.{:0width$}",
        abs / scale,
        abs % scale,
        width = digits as usize
    )
}

/// Parses a plain decimal string (`-12.5`, `4.38`, `100`) into minor units, exactly.
/// Returns `None` when it has more decimals than the currency allows or is not a number.
pub fn parse_decimal(s: &str, digits: u32) -> Option<i64> {
    let s = s.trim();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > digits as usize
    {
        return None;
    }
    let int_v: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut frac_v: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    frac_v *= 10i64.pow(digits - frac.len() as u32);
    let v = int_v.checked_mul(10i64.pow(digits))?.checked_add(frac_v)?;
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        for (minor, digits, text) in [
            (-438, 2, "-4.38"),
            (5, 2, "0.05"),
            (-5, 2, "-0.05"),
            (120000, 2, "1200.00"),
            (1500, 0, "1500"),
            (1234, 3, "1.234"),
        ] {
            assert_eq!(format_minor(minor, digits), text);
            assert_eq!(parse_decimal(text, digits), Some(minor), "{text}");
        }
    }

    #[test]
    fn rejects_too_many_decimals_and_junk() {
        assert_eq!(parse_decimal("1.234", 2), None);
        assert_eq!(parse_decimal("1,23", 2), None);
        assert_eq!(parse_decimal("", 2), None);
        assert_eq!(parse_decimal("-", 2), None);
        assert_eq!(parse_decimal("12.5", 2), Some(1250));
    }

    #[test]
    fn currency_codes_and_symbols() {
        assert_eq!(Currency::parse("usd"), Some(Currency::USD));
        assert_eq!(Currency::parse("US"), None);
        assert_eq!(Currency::from_symbol("¥"), Some(Currency::CNY));
        assert_eq!(Currency::parse("JPY").unwrap().minor_digits(), 0);
        assert_eq!(format_minor(-438, Currency::USD.minor_digits()), "-4.38");
    }
}
