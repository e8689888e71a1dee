//! The one error type that crosses into the CLI and the UI: a stable code the UI may branch on,
//! and a message a person can act on (file, line and cause where there is one).

use serde::Serialize;

#[derive(Clone, Debug, Serialize, ts_rs::TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// "import", "not_found", "invalid", "storage", "io", "cancelled".
    pub code: String,
    /// The English sentence (what the CLI prints; the UI's fallback).
    pub message: String,
    /// The same error as a key and named values, for the UI to word in the user's language.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<ErrorDetail>,
}

/// A translatable error: `key` names the sentence (e.g. "import.bad_date_day_first"), `args` the
/// values it is built from (always strings, "file" and "line" among them where there are some).
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct ErrorDetail {
    pub key: String,
    pub args: std::collections::BTreeMap<String, String>,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError {
            code: code.into(),
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
        AppError::new("invalid", message)
    }
}

impl From<recourse_store::StoreError> for AppError {
    fn from(e: recourse_store::StoreError) -> AppError {
        tracing::error!(error = ?e, "storage error");
        let code = match e {
            recourse_store::StoreError::NotFound(_) => "not_found",
            _ => "storage",
        };
        AppError::new(code, e.to_string())
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
