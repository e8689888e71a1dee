//! The one error type that crosses into the CLI and the UI: a stable code the UI may branch on,
//! and a message a person can act on (file, line and cause where there is one).

use serde::Serialize;

#[derive(Clone, Debug, Serialize, ts_rs::TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// "import", "not_found", "invalid", "storage", "io", "cancelled".
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError {
            code: code.into(),
            message: message.into(),
        }
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
