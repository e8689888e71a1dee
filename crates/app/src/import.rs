//! Importing statement files: each file is one atomic batch, then the detection rules run on
//! what it added.

use crate::dto::{ImportProgress, ImportReport};
use crate::error::{AppError, Result};
use crate::{now_text, App};
use recourse_core::disputes::Jurisdiction;
use recourse_core::import::{self, ImportError, ImportOptions, Profile};
use recourse_core::money::Currency;
use recourse_store::batches::BatchSource;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How to import: which account, which saved profile, and whether to write anything.
#[derive(Clone, Debug, Default)]
pub struct ImportRequest {
    /// Account name; default: the detected preset's name, else the file's stem.
    pub account: Option<String>,
    /// Use this account's saved profile (the CLI's `--profile NAME`).
    pub profile: Option<String>,
    /// A profile given directly (the import screen's edited mapping).
    pub profile_override: Option<Profile>,
    /// Save the profile used as the account's profile.
    pub save_profile: bool,
    pub dry_run: bool,
}

pub type ProgressFn<'a> = &'a (dyn Fn(ImportProgress) + Sync);

/// How many rows pass between progress reports and cancellation checks.
const PROGRESS_EVERY: u64 = 20_000;

impl App {
    /// Imports each file as one batch, in order. Stops at the first file that cannot be imported,
    /// with an error naming the file, line and cause; files before it stay imported, and the
    /// failing file leaves the database as it was.
    pub fn import_files(
        &mut self,
        paths: &[PathBuf],
        req: &ImportRequest,
        progress: ProgressFn,
        cancel: &AtomicBool,
    ) -> Result<Vec<ImportReport>> {
        let mut reports = Vec::with_capacity(paths.len());
        for (i, path) in paths.iter().enumerate() {
            reports.push(self.import_file(path, req, i, paths.len(), progress, cancel)?);
        }
        Ok(reports)
    }

    /// Detects the layout of a file and parses its first rows, writing nothing.
    pub fn preview_file(
        &self,
        path: &Path,
        req: &ImportRequest,
    ) -> Result<recourse_core::import::Preview> {
        let bytes = read_file(path)?;
        let opts = self.import_options(req)?;
        import::preview(&bytes, &opts, 20).map_err(|e| import_error(path, e))
    }

    fn import_options(&self, req: &ImportRequest) -> Result<ImportOptions> {
        let mut profile = req.profile_override.clone();
        if profile.is_none() {
            if let Some(name) = &req.profile {
                let account = self.db.account_by_name(name)?.ok_or_else(|| {
                    AppError::new("not_found", format!("no saved profile named '{name}'"))
                })?;
                let json = account.profile_json.ok_or_else(|| {
                    AppError::new(
                        "not_found",
                        format!("account '{name}' has no saved profile"),
                    )
                })?;
                profile = Some(serde_json::from_str(&json).map_err(|e| {
                    AppError::invalid(format!("the saved profile '{name}' is not valid: {e}"))
                })?);
            }
        }
        Ok(ImportOptions {
            profile,
            default_currency: Some(self.default_currency()?),
        })
    }

    /// The currency of statements that do not name one: the user's setting, else that of their
    /// default jurisdiction, else US dollars.
    fn default_currency(&self) -> Result<Currency> {
        if let Some(code) = self
            .db
            .setting("default_currency")?
            .as_deref()
            .and_then(Currency::parse)
        {
            return Ok(code);
        }
        Ok(match self.default_jurisdiction()? {
            Jurisdiction::Uk => Currency::GBP,
            Jurisdiction::Eu => Currency::EUR,
            Jurisdiction::Cn => Currency::CNY,
            Jurisdiction::Us => Currency::USD,
        })
    }

    fn import_file(
        &mut self,
        path: &Path,
        req: &ImportRequest,
        index: usize,
        files: usize,
        progress: ProgressFn,
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        let bytes = read_file(path)?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sha256 = format!("{:x}", Sha256::digest(&bytes));
        let opts = self.import_options(req)?;
        let total_lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        // The account is named before parsing starts: detection on a sample gives the preset.
        let detected = import::preview(&bytes, &opts, 1)
            .map_err(|e| import_error(path, e))?
            .detected;
        let account = req
            .account
            .clone()
            .unwrap_or_else(|| default_account_name(detected.preset.as_deref(), path));
        let report_progress = |rows: u64, line: u64| {
            progress(ImportProgress {
                file: file_name.clone(),
                file_index: index,
                files,
                rows,
                line,
                total_lines,
            })
        };

        if req.dry_run {
            let mut rows = 0u64;
            let summary = import::parse(&bytes, &opts, &mut |_row| {
                rows += 1;
                Ok(())
            })
            .map_err(|e| import_error(path, e))?;
            return Ok(report(&file_name, sha256, None, account, summary, 0, 0, 0));
        }

        let now = now_text();
        let src = BatchSource {
            account: &account,
            file_name: &file_name,
            sha256: &sha256,
            now: &now,
        };
        let mut writer = self.db.begin_batch(&src)?;
        let mut store_error = None;
        let mut rows = 0u64;
        let parsed = import::parse(&bytes, &opts, &mut |row| {
            rows += 1;
            if rows % PROGRESS_EVERY == 0 {
                if cancel.load(Ordering::Relaxed) {
                    return Err(ImportError::Cancelled);
                }
                report_progress(rows, row.line);
            }
            writer.add(&row).map(|_| ()).map_err(|e| {
                store_error = Some(e);
                ImportError::Cancelled
            })
        });
        // On any error the writer is dropped unfinished: the batch rolls back as a whole.
        if let Some(e) = store_error {
            return Err(e.into());
        }
        let summary = match parsed {
            Ok(s) => s,
            Err(ImportError::Cancelled) => {
                return Err(AppError::new(
                    "cancelled",
                    format!("{file_name}: import cancelled; nothing was imported"),
                ))
            }
            Err(e) => return Err(import_error(path, e)),
        };
        let detected_json = serde_json::to_string(&summary.detected).unwrap_or_default();
        let done = writer.finish(
            summary.rows_read,
            summary.skipped.len() as u64,
            &detected_json,
        )?;
        if req.save_profile {
            let profile = serde_json::to_string(&summary.detected.profile).unwrap_or_default();
            self.db.save_account_profile(&account, &profile, &now)?;
        }
        report_progress(rows, total_lines);
        let flagged = self.scan_batch(&done)?;
        Ok(report(
            &file_name,
            sha256,
            Some(done.batch_id),
            account,
            summary,
            done.imported,
            done.already_present,
            flagged,
        ))
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    file: &str,
    sha256: String,
    batch_id: Option<i64>,
    account: String,
    summary: import::ParseSummary,
    imported: u64,
    already_present: u64,
    flagged: u64,
) -> ImportReport {
    ImportReport {
        file: file.to_string(),
        sha256,
        batch_id,
        account,
        rows_read: summary.rows_read,
        imported,
        already_present,
        skipped: summary.skipped.len() as u64,
        skipped_lines: summary.skipped,
        detected: summary.detected,
        flagged,
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        AppError::new(
            "io",
            format!("{}: cannot read the file: {e}", path.display()),
        )
    })
}

fn import_error(path: &Path, e: ImportError) -> AppError {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    AppError::new("import", format!("{name}: {e}"))
}

fn default_account_name(preset: Option<&str>, path: &Path) -> String {
    match preset {
        Some(p) => p.to_string(),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().to_lowercase())
            .unwrap_or_else(|| "default".into()),
    }
}
