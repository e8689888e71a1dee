//! The use cases of Recourse: import, list, review, cases, letters, settings, backup.
//!
//! Invariants: this is the only API the CLI and the desktop shell call; nothing above it touches
//! the store or core directly. Every public function returns DTOs from `dto` and `AppError`.
//! This layer owns the clock and the file system; core below it has neither.

mod backup;
pub mod bindings;
mod cases;
pub mod dto;
pub mod dto_cases;
pub mod dto_insights;
mod error;
mod import;
mod insights;
mod letters;
mod money_text;
mod profile;
mod review;
mod settings;
pub mod templates;
mod transactions;

pub use backup::{backup_file_name, BackupReport, RestoreReport};
pub use error::{AppError, ErrorDetail, Result};
pub use import::{ImportRequest, ProfileSource, ProgressFn};
pub use recourse_core::import::{Preview, Profile};
pub use settings::{AppSettings, DataLocation};
pub use transactions::MAX_PAGE;

use recourse_store::Db;
use std::path::{Path, PathBuf};

/// The folder name under the platform data folder; the desktop shell's identifier, so the CLI
/// and the desktop app open the same database.
pub const APP_IDENTIFIER: &str = "app.recourse.desktop";

/// The open application: its database and data folder.
pub struct App {
    db: Db,
    data_dir: PathBuf,
    /// The PDF renderer, made on first export (see `letters`).
    renderer: std::sync::OnceLock<recourse_documents::Renderer>,
}

/// The database the CLI and the desktop app use unless told otherwise: `$RECOURSE_DB`, else
/// `recourse.db` in the platform data folder (`~/.local/share/app.recourse.desktop` on Linux).
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("RECOURSE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("recourse.db")
}

impl App {
    /// Opens (creating and migrating on first start) the database at `db_path`. Evidence files
    /// and letters live in the same folder.
    pub fn open(db_path: &Path) -> Result<App> {
        let db = Db::open(db_path).map_err(|e| {
            AppError::new(
                "storage",
                format!("cannot open the database {}: {e}", db_path.display()),
            )
        })?;
        let data_dir = db_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Ok(App {
            db,
            data_dir,
            renderer: std::sync::OnceLock::new(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn db_path(&self) -> Option<&Path> {
        self.db.path()
    }
}

/// The current local time as stored in batches and cases.
fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}
