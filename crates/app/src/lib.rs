//! The use cases of Recourse: import, list, review, cases, letters, settings, backup.
//!
//! Invariants: this is the only API the CLI and the desktop shell call; nothing above it touches
//! the store or core directly. Every public function returns DTOs from `dto` and `AppError`.
//! This layer owns the clock and the file system; core below it has neither.

mod backup;
pub mod bindings;
mod cases;
mod dates;
pub mod dto;
pub mod dto_cases;
pub mod dto_insights;
mod error;
mod import;
mod insights;
mod letters;
mod money_text;
mod review;
mod sender;
mod settings;
pub mod templates;
mod transactions;

pub use backup::{
    backup_file_name, BackupReport, RestoreReport, MAX_ENTRIES as MAX_BACKUP_ENTRIES,
};
pub use dto::Preview;
pub use error::{AppError, ErrorCode, ErrorDetail, Result};
pub use import::{ImportRequest, Password, ProfileSource, ProgressFn, FALLBACK_ACCOUNT};
pub use recourse_core::import::{CurrencySource, Profile};
pub use recourse_core::money::Currency;
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
    /// This database's evidence files (`backup::evidence_dir`).
    evidence_dir: PathBuf,
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
    /// and letters live in the same folder. A restore the app stopped in the middle of is
    /// rolled back first (`backup::recover_interrupted_restore`).
    pub fn open(db_path: &Path) -> Result<App> {
        backup::recover_interrupted_restore(db_path)?;
        let db = Db::open(db_path).map_err(|e| open_error(db_path, e))?;
        let data_dir = db_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let mut app = App {
            db,
            data_dir,
            evidence_dir: backup::evidence_dir(db_path),
            renderer: std::sync::OnceLock::new(),
        };
        app.settle_evidence()?;
        Ok(app)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn db_path(&self) -> Option<&Path> {
        self.db.path()
    }
}

/// Why the database at `db_path` cannot be opened, and what the user can do about it: the
/// desktop app shows this in a dialog when it cannot start. Opening refuses these cases before
/// writing anything, so the file is as it was.
fn open_error(db_path: &Path, e: recourse_store::StoreError) -> AppError {
    let file = db_path.display().to_string();
    let elsewhere =
        "or open another database file by starting Recourse with RECOURSE_DB set to its path";
    let (key, what, todo) = if let recourse_store::StoreError::TooNew { .. } = e {
        (
            "open.too_new",
            format!("{e}"),
            format!("Install the newer version of Recourse, {elsewhere}."),
        )
    } else if e.is_locked() {
        (
            "open.locked",
            "another program is using it".to_string(),
            format!("Close the other program (another Recourse window, or a `recourse` command still running) and start again, {elsewhere}."),
        )
    } else if e.is_damaged() {
        (
            "open.damaged",
            format!("it is damaged or is not a Recourse database ({e})"),
            format!("To restore a backup, move this file elsewhere (keep it), start Recourse and use Settings → Data → Restore (or `recourse restore FILE`); {elsewhere}."),
        )
    } else {
        (
            "open.failed",
            format!("{e}"),
            format!("Check that the folder can be written to, {elsewhere}."),
        )
    };
    AppError::new(
        ErrorCode::Storage,
        format!(
            "Recourse cannot open its database {file}: {what}. The file was left as it is. {todo}"
        ),
    )
    .with_detail(key, [("file", file)])
}

/// The current local time as stored in batches and cases.
fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}
