//! Importing statement files: each file is one atomic batch, then the detection rules run on
//! what it added.

use crate::dto::{ImportProgress, ImportReport};
use crate::error::{AppError, Result};
use crate::review::{history_since, History};
use crate::{now_text, App};
use recourse_core::disputes::Jurisdiction;
use recourse_core::import::{self, ImportError, ImportOptions, Profile};
use recourse_core::merchant::NameCache;
use recourse_core::model::{PreparedRow, Txn};
use recourse_core::money::Currency;
use recourse_store::batches::BatchSource;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

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

/// Rows per message from the parser to the store, and messages in flight.
const CHUNK_ROWS: u64 = 2_048;
const CHANNEL_CHUNKS: usize = 4;

/// What the parser hands the store for `rows` consecutive rows of the file.
#[derive(Default)]
struct Chunk {
    rows: u64,
    last_line: u64,
    /// The new rows, each with its occurrence number (see `Dedupe`).
    new: Vec<(PreparedRow, i64)>,
    /// How many rows were already stored.
    present: u64,
}

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
        let profile = match (&req.profile_override, &req.profile) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(name)) => Some(self.named_profile(name)?),
            (None, None) => None,
        };
        Ok(ImportOptions {
            profile,
            default_currency: Some(self.default_currency()?),
        })
    }

    /// The import profile `name` refers to: an account's saved profile, else a profile file
    /// (`recourse profiles export` writes one), so a mapping can move between machines.
    fn named_profile(&self, name: &str) -> Result<Profile> {
        if let Some(account) = self.db.account_by_name(name)? {
            let json = account.profile_json.ok_or_else(|| {
                AppError::new(
                    "not_found",
                    format!("account '{name}' has no saved profile"),
                )
            })?;
            return serde_json::from_str(&json).map_err(|e| {
                AppError::invalid(format!("the saved profile '{name}' is not valid: {e}"))
            });
        }
        let path = Path::new(name);
        if !path.is_file() {
            return Err(AppError::new(
                "not_found",
                format!("no account named '{name}' has a saved profile, and there is no profile file by that name"),
            ));
        }
        let text = std::fs::read_to_string(path).map_err(|e| {
            AppError::new("io", format!("{name}: cannot read the profile file: {e}"))
        })?;
        serde_json::from_str(&text).map_err(|e| {
            AppError::invalid(format!(
                "{name}: line {}: not an import profile: {e}",
                e.line()
            ))
        })
    }

    /// The account's saved import profile as a JSON document, to keep or share as a file.
    pub fn export_import_profile(&self, account: &str) -> Result<String> {
        let profile = self.named_profile(account)?;
        serde_json::to_string_pretty(&profile).map_err(|e| AppError::new("internal", e.to_string()))
    }

    /// Writes the account's saved import profile to `out` (the desktop's "Export…").
    pub fn write_import_profile(&self, account: &str, out: &Path) -> Result<()> {
        let json = self.export_import_profile(account)?;
        std::fs::write(out, json + "\n")
            .map_err(|e| AppError::new("io", format!("{}: cannot write: {e}", out.display())))
    }

    /// The accounts that have a saved import profile.
    pub fn accounts_with_profiles(&self) -> Result<Vec<String>> {
        Ok(self
            .db
            .accounts()?
            .into_iter()
            .filter(|a| a.profile_json.is_some())
            .map(|a| a.name)
            .collect())
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
        let rules = self.rules()?;
        let (mut writer, mut dedupe) = self.db.begin_batch(&src)?;
        let account_id = writer.account_id();
        let source_file: Arc<str> = file_name.as_str().into();
        // The rows this batch adds, kept for the detection rules so they are not read back.
        // Sized from the line count up front: growing by doubling would copy every row and
        // briefly hold two copies of a large batch.
        let mut new_rows: Vec<Txn> = Vec::with_capacity(total_lines.min(50_000_000) as usize);
        let mut rows = 0u64;
        let mut store_error = None;
        let mut cancelled = false;
        // Two stages on two threads. The parser reads the file, finds which rows are new
        // (the dedupe) and names their merchants; the store writes the new rows meanwhile. A
        // re-import never names the rows it skips. The channel is bounded, so a slow store
        // holds the parser back instead of buffering the file's rows.
        let parsed = std::thread::scope(|scope| {
            let (to_store, from_parser) = mpsc::sync_channel::<Chunk>(CHANNEL_CHUNKS);
            let (bytes, opts, dedupe) = (&bytes, &opts, &mut dedupe);
            let parser = scope.spawn(move || {
                let mut names = NameCache::new();
                let mut chunk = Chunk::default();
                let result = import::parse(bytes, opts, &mut |row| {
                    chunk.rows += 1;
                    chunk.last_line = row.line;
                    let fingerprint = row.fingerprint();
                    match dedupe.occurrence_if_new(fingerprint) {
                        Some(occurrence) => {
                            let prepared =
                                PreparedRow::with_fingerprint(row, fingerprint, &mut names);
                            chunk.new.push((prepared, occurrence));
                        }
                        None => chunk.present += 1,
                    }
                    if chunk.rows == CHUNK_ROWS {
                        // The store has stopped (an error or a cancel): stop parsing too.
                        to_store
                            .send(std::mem::take(&mut chunk))
                            .map_err(|_| ImportError::Cancelled)?;
                    }
                    Ok(())
                });
                if result.is_ok() && chunk.rows > 0 {
                    to_store.send(chunk).map_err(|_| ImportError::Cancelled)?;
                }
                result
            });
            'store: for chunk in from_parser.iter() {
                if (rows + chunk.rows) / PROGRESS_EVERY > rows / PROGRESS_EVERY {
                    if cancel.load(Ordering::Relaxed) {
                        cancelled = true;
                        break 'store;
                    }
                    report_progress(rows + chunk.rows, chunk.last_line);
                }
                rows += chunk.rows;
                writer.count_present(chunk.present);
                match writer.insert_many(&chunk.new) {
                    Ok(ids) => new_rows.extend(chunk.new.into_iter().zip(ids).map(
                        |((prepared, _), id)| {
                            prepared.into_txn(id, account_id, source_file.clone())
                        },
                    )),
                    Err(e) => {
                        store_error = Some(e);
                        break 'store;
                    }
                }
            }
            drop(from_parser);
            parser.join()
        });
        // On any error the writer is dropped unfinished: the batch rolls back as a whole.
        if let Some(e) = store_error {
            return Err(e.into());
        }
        let parsed = parsed.map_err(|_| {
            AppError::new(
                "internal",
                format!("{file_name}: the importer stopped unexpectedly; nothing was imported"),
            )
        })?;
        let summary = match parsed {
            Ok(_) if cancelled => Err(ImportError::Cancelled),
            other => other,
        };
        let summary = match summary {
            Ok(s) => s,
            Err(ImportError::Cancelled) => {
                return Err(AppError::new(
                    "cancelled",
                    format!("{file_name}: import cancelled; nothing was imported"),
                ))
            }
            Err(e) => return Err(import_error(path, e)),
        };
        drop(bytes);
        let detected_json = serde_json::to_string(&summary.detected).unwrap_or_default();
        let older = match writer.first_new_date() {
            Some(first) => {
                let since = history_since(first);
                History {
                    rows: writer.older_history(&since)?,
                    suspicious: writer.suspicious_in_history(&since)?,
                }
            }
            None => History::default(),
        };
        // The rules run on their own thread while the batch commits (writing a large batch
        // is mostly the disk's time); flags are stored once both are done.
        let ids_after = writer.ids_after();
        let (done, flags) = std::thread::scope(|scope| {
            let rules = &rules;
            let detecting = scope.spawn(move || rules.run(older, new_rows, ids_after));
            let done = writer.finish(
                summary.rows_read,
                summary.skipped.len() as u64,
                &detected_json,
            );
            (done, detecting.join())
        });
        let done = done?;
        let flags = flags.map_err(|_| {
            AppError::new(
                "internal",
                format!("{file_name}: the detection rules stopped unexpectedly"),
            )
        })?;
        if req.save_profile {
            let profile = serde_json::to_string(&summary.detected.profile).unwrap_or_default();
            self.db.save_account_profile(&account, &profile, &now)?;
        }
        report_progress(rows, total_lines);
        let flagged = self.store_flags(flags)?;
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
    let (key, mut args) = e.key_and_args();
    let message = format!("{name}: {e}");
    args.push(("file", name));
    AppError::new("import", message).with_detail(format!("import.{key}"), args)
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
