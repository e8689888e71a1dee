//! Money between minor units and the decimal strings of the CLI contract and the UI.

use crate::error::{AppError, Result};
use recourse_core::money::{format_minor, parse_decimal, Currency};

pub fn to_text(minor: i64, currency: &str) -> String {
    format_minor(
        minor,
        Currency::parse(currency).map_or(2, |c| c.minor_digits()),
    )
}

/// Parses a decimal filter value such as "-100" or "12.50" into minor units (2 decimals).
pub fn parse_filter_amount(text: &str) -> Result<i64> {
    parse_decimal(text, 2).ok_or_else(|| {
        AppError::invalid(format!(
            "'{text}' is not an amount (expected a number like -12.50)"
        ))
        .with_detail("amount.invalid", [("value", text.to_string())])
    })
}
