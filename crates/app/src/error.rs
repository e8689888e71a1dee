//! The one error type that crosses into the CLI and the UI: a stable code the UI may branch on,
//! and a message a person can act on (file, line and cause where there is one).

use serde::Serialize;

#[derive(Clone, Debug, Serialize, ts_rs::TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    /// The English sentence (what the CLI prints; the UI's fallback).
    pub message: String,
    /// The same error as a key and named values, for the UI to word in the user's language.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<ErrorDetail>,
}

/// What kind of failure an [`AppError`] is: the UI and scripts branch on it, never on the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A statement file could not be read; nothing of it was stored.
    Import,
    /// The account, case, flag, letter or file asked for does not exist.
    NotFound,
    /// The request itself is wrong (a bad date, an unknown language, an empty selection).
    Invalid,
    /// The database refused or holds something it should not.
    Storage,
    /// Reading or writing a file outside the database failed.
    Io,
    /// The person stopped the operation; nothing was changed.
    Cancelled,
    /// A bug: something that should not happen did.
    Internal,
    /// A letter template does not render (its line is in the message).
    Template,
    /// A letter could not be made into a document.
    Document,
}

/// A translatable error: `key` names the sentence (e.g. "import.bad_date_day_first"), `args` the
/// values it is built from (always strings, "file" and "line" among them where there are some).
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct ErrorDetail {
    pub key: String,
    pub args: std::collections::BTreeMap<String, String>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
            detail: None,
        }
    }

    /// Adds the translatable form of this error.
    pub fn with_detail(
        mut self,
        key: impl Into<String>,
        args: impl IntoIterator<Item = (&'static str, String)>,
    ) -> AppError {
        self.detail = Some(ErrorDetail {
            key: key.into(),
            args: args.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        });
        self
    }
    pub fn invalid(message: impl Into<String>) -> AppError {
        AppError::new(ErrorCode::Invalid, message)
    }
}

impl From<recourse_store::StoreError> for AppError {
    fn from(e: recourse_store::StoreError) -> AppError {
        tracing::error!(error = ?e, "storage error");
        let code = match e {
            recourse_store::StoreError::NotFound(_) => ErrorCode::NotFound,
            _ => ErrorCode::Storage,
        };
        AppError::new(code, e.to_string())
    }
}

/// A value the database keeps as text, read back as its enum (by the enum's serde names, the
/// same names the UI and the CLI see); anything else in the database is a storage error.
pub(crate) fn stored<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).map_err(|_| {
        AppError::new(
            ErrorCode::Storage,
            format!("the database holds an unknown {what} '{text}'"),
        )
    })
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
