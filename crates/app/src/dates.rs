//! Dates at the boundary. The DTOs carry `NaiveDate`s, which serde writes as ISO `YYYY-MM-DD`
//! (and ts-rs types as `string`). Dates that come in as text — typed by the user in the UI or on
//! the command line, or read back from the store — are parsed here, once.

use crate::{AppError, ErrorCode, Result};
use chrono::NaiveDate;

const ISO: &str = "%Y-%m-%d";

/// A date the user sent for `field`; when it is not one, an `invalid` error naming the field.
pub(crate) fn input(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), ISO).map_err(|_| {
        AppError::invalid(format!(
            "the {field} '{text}' is not a date (expected YYYY-MM-DD)"
        ))
        .with_detail(
            "date.invalid",
            [("field", field.to_string()), ("value", text.to_string())],
        )
    })
}

/// An optional date the user sent for `field`; empty text means none.
pub(crate) fn optional_input(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| input(field, t))
        .transpose()
}

/// A date read back from the store (written there by Recourse, so not one is a storage error).
pub(crate) fn stored(what: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, ISO).map_err(|_| {
        AppError::new(
            ErrorCode::Storage,
            format!("{what}: stored date '{text}' is not valid"),
        )
    })
}

/// An optional date read back from the store.
pub(crate) fn stored_opt(what: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|t| stored(what, t)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_is_not_one_is_invalid_and_names_its_field() {
        let e = input("statement date", "2024-02-30").unwrap_err();
        assert_eq!(e.code, ErrorCode::Invalid);
        assert_eq!(
            e.message,
            "the statement date '2024-02-30' is not a date (expected YYYY-MM-DD)"
        );
        assert_eq!(
            optional_input("from", Some(" 2024-02-29 ")).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(optional_input("from", Some("")).unwrap(), None);
        assert_eq!(
            stored("transaction 4", "24/1/2").unwrap_err().code,
            ErrorCode::Storage
        );
    }

    #[test]
    fn a_date_crosses_as_iso_text() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 7).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2024-03-07\"");
        assert_eq!(<NaiveDate as ts_rs::TS>::name(), "string");
    }
}
