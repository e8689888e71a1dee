//! Backup and restore of everything in one file: a zip holding `recourse.db` (a consistent copy
//! taken with `VACUUM INTO`) and the database's evidence folder as `evidence/**`.
//!
//! A restore checks the whole file before touching anything: it must be a zip of at most
//! `MAX_ENTRIES` entries whose sizes stay within `MAX_DB_BYTES`, `MAX_EVIDENCE_FILE_BYTES` and
//! `MAX_TOTAL_BYTES` (checked against what each entry says and again while it is inflated, so a
//! zip bomb stops at its stated size); it must hold `recourse.db`, and that database must pass
//! `Db::inspect` (integrity, foreign keys, exactly our schema at a version we know) and migrate
//! to ours. Only then is the current data swapped out, with a dated safety copy of the database
//! and of the evidence folder, so a second restore never overwrites the first one's copy.
//!
//! The swap (database, then evidence) is written down first in a journal beside the database;
//! if the app stops part-way, the next open (`recover_interrupted_restore`) puts the previous
//! data back from the safety copies. Staging folders are removed when the restore ends, and any
//! left by a crash at the next open.

use crate::error::{AppError, Result};
use crate::App;
use crate::ErrorCode;
use recourse_store::Db;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use ts_rs::TS;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The database's name inside a backup.
const DB_ENTRY: &str = "recourse.db";
/// The evidence folder's name inside a backup.
const EVIDENCE: &str = "evidence";

/// The most entries a backup may hold (the database and each evidence file).
pub const MAX_ENTRIES: usize = 100_000;
/// The largest database a backup may hold (a million transactions take about 300 MB).
pub const MAX_DB_BYTES: u64 = 8 << 30;
/// The largest evidence file a backup may hold: the largest the app accepts as evidence.
pub const MAX_EVIDENCE_FILE_BYTES: u64 = crate::cases::MAX_EVIDENCE_BYTES;
/// The most a backup may unpack to, all entries together.
pub const MAX_TOTAL_BYTES: u64 = 16 << 30;

/// Staging folders older than this, found at start-up, were left by a crash.
const STALE_STAGING: Duration = Duration::from_secs(3600);

#[derive(Clone, Debug, Serialize, TS)]
pub struct BackupReport {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number")]
    pub evidence_files: u64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct RestoreReport {
    pub restored_from: String,
    /// The schema of the restored database before it was migrated to the current one.
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub evidence_files: u64,
    /// Where the database as it was before the restore was kept.
    pub previous_copy: String,
}

/// The evidence folder of the database at `db_path`: `recourse.db-evidence` beside
/// `recourse.db`, so two databases in one folder never share (or delete) each other's files.
pub(crate) fn evidence_dir(db_path: &Path) -> PathBuf {
    sibling(db_path, "-evidence")
}

/// The evidence folder every database of a data folder shared before it was per database.
fn shared_evidence_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("evidence")
}

/// `path` with `suffix` added to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Where a restore writes down the swap it is making (see `Journal`).
fn journal_path(db_path: &Path) -> PathBuf {
    sibling(db_path, ".restore-journal")
}

/// The file name a backup is offered under, e.g. `recourse-backup-2024-05-01.zip`.
pub fn backup_file_name() -> String {
    format!(
        "recourse-backup-{}.zip",
        chrono::Local::now().format("%Y-%m-%d")
    )
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
}

fn bad_backup(path: &Path, why: impl std::fmt::Display) -> AppError {
    let file = path.display().to_string();
    let why = why.to_string();
    AppError::invalid(format!("{file} is not a Recourse backup: {why}"))
        .with_detail("backup.not_a_backup", [("file", file), ("why", why)])
}

/// What a restore is about to swap, written (and synced) before the first rename, removed after
/// the last one. Finding it at start-up means the app stopped in between.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    /// The staging folder holding what is being restored.
    stage: PathBuf,
    /// The safety copy of the database as it was.
    previous_db: PathBuf,
    /// Where the evidence folder as it was is moved.
    previous_evidence: PathBuf,
    /// Whether there was an evidence folder to move.
    had_evidence: bool,
}

impl Journal {
    fn write(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec(self).map_err(|e| io_error(path, e))?;
        let partial = sibling(path, ".partial");
        let mut f = File::create(&partial).map_err(|e| io_error(&partial, e))?;
        f.write_all(&json).map_err(|e| io_error(&partial, e))?;
        f.sync_all().map_err(|e| io_error(&partial, e))?;
        fs::rename(&partial, path).map_err(|e| io_error(path, e))
    }

    /// Puts the data as it was before the restore back: the database from its safety copy, the
    /// evidence folder from where it was moved; then removes the staging folder and the journal.
    fn roll_back(&self, db_path: &Path) -> Result<()> {
        remove_sqlite_sidecars(db_path);
        let back = sibling(db_path, ".rollback");
        fs::copy(&self.previous_db, &back).map_err(|e| io_error(&self.previous_db, e))?;
        fs::rename(&back, db_path).map_err(|e| io_error(db_path, e))?;
        let evidence = evidence_dir(db_path);
        let moved_aside = self.previous_evidence.exists();
        if moved_aside || !self.had_evidence {
            // The folder now in place (if any) is the restored one, or part of it.
            if evidence.exists() {
                fs::remove_dir_all(&evidence).map_err(|e| io_error(&evidence, e))?;
            }
        }
        if moved_aside {
            fs::rename(&self.previous_evidence, &evidence).map_err(|e| io_error(&evidence, e))?;
        }
        if self.stage.exists() {
            fs::remove_dir_all(&self.stage).map_err(|e| io_error(&self.stage, e))?;
        }
        let journal = journal_path(db_path);
        fs::remove_file(&journal).map_err(|e| io_error(&journal, e))
    }
}

/// Run before the database at `db_path` is opened: undoes a restore the app stopped in the
/// middle of (its journal is still there), and removes staging folders a crash left behind.
pub(crate) fn recover_interrupted_restore(db_path: &Path) -> Result<()> {
    let journal = journal_path(db_path);
    if journal.exists() {
        let text = fs::read(&journal).map_err(|e| io_error(&journal, e))?;
        match serde_json::from_slice::<Journal>(&text) {
            Ok(j) => {
                tracing::warn!(journal = %journal.display(), "a restore was interrupted; putting the previous data back");
                j.roll_back(db_path)?;
            }
            // Cut short while being written: nothing had been swapped yet.
            Err(_) => fs::remove_file(&journal).map_err(|e| io_error(&journal, e))?,
        }
    }
    let partial = sibling(&journal, ".partial");
    if partial.exists() {
        let _ = fs::remove_file(&partial);
    }
    let Some(dir) = db_path.parent().filter(|d| d.is_dir()) else {
        return Ok(());
    };
    let now = SystemTime::now();
    for entry in fs::read_dir(dir).map_err(|e| io_error(dir, e))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).unwrap_or_default() > STALE_STAGING);
        if (name.starts_with(".restore-") || name.starts_with(".backup-")) && stale {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

/// A name for this moment that no earlier safety copy has: `2024-05-01T143005`, then
/// `2024-05-01T143005-2`, … if one was taken in the same second.
fn unused_stamp(db_path: &Path) -> String {
    let base = chrono::Local::now().format("%Y-%m-%dT%H%M%S").to_string();
    let mut stamp = base.clone();
    let mut n = 1;
    while safety_copy(db_path, &stamp).exists()
        || safety_copy(&evidence_dir(db_path), &stamp).exists()
    {
        n += 1;
        stamp = format!("{base}-{n}");
    }
    stamp
}

/// Where a restore stamped `stamp` keeps what was at `path` before it.
fn safety_copy(path: &Path, stamp: &str) -> PathBuf {
    sibling(path, &format!(".before-restore-{stamp}"))
}

/// How far a restore got: the steps of the swap, in order (a test stops after one of them to
/// see what the next open makes of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SwapStep {
    Journal,
    Database,
    EvidenceAside,
    EvidenceIn,
}

impl App {
    /// Writes the database and the evidence folder to one zip file at `dest`. The file appears
    /// only when complete: it is written beside `dest` first, then renamed.
    pub fn backup(&self, dest: &Path) -> Result<BackupReport> {
        let stage = self.staging_dir(".backup-")?;
        let db_copy = stage.path().join(DB_ENTRY);
        self.db.backup_to(&db_copy)?;

        let partial = sibling(dest, ".partial");
        let written = write_zip(&partial, &db_copy, &self.evidence_dir);
        let evidence_files = match written {
            Ok(n) => n,
            Err(e) => {
                let _ = fs::remove_file(&partial);
                return Err(e);
            }
        };
        fs::rename(&partial, dest).map_err(|e| io_error(dest, e))?;
        let bytes = fs::metadata(dest).map_err(|e| io_error(dest, e))?.len();
        Ok(BackupReport {
            path: dest.to_string_lossy().into_owned(),
            bytes,
            evidence_files,
        })
    }

    /// Replaces all data with the backup at `src` and reopens the database (migrated when the
    /// backup is older). A file that fails any check is refused and nothing changes.
    pub fn restore(&mut self, src: &Path) -> Result<RestoreReport> {
        self.restore_until(src, None)
    }

    /// `restore`, stopping right after `stop_after` as if the app had been killed there.
    pub(crate) fn restore_until(
        &mut self,
        src: &Path,
        stop_after: Option<SwapStep>,
    ) -> Result<RestoreReport> {
        let db_path = self
            .db_path()
            .map(Path::to_path_buf)
            .ok_or_else(|| AppError::invalid("an in-memory database cannot be restored"))?;
        let stage = self.staging_dir(".restore-")?;
        let evidence_files = unpack(src, stage.path())?;
        let staged_db = stage.path().join(DB_ENTRY);
        let schema_version = Db::inspect(&staged_db).map_err(|e| bad_backup(src, e))?;
        // Migrated in the staging folder: a backup that cannot be brought to this version's
        // schema is refused before anything is swapped.
        drop(Db::open(&staged_db).map_err(|e| bad_backup(src, e))?);
        remove_sqlite_sidecars(&staged_db);

        let stamp = unused_stamp(&db_path);
        let previous = safety_copy(&db_path, &stamp);
        self.db.backup_to(&previous)?;
        let journal = Journal {
            stage: stage.path().to_path_buf(),
            previous_db: previous.clone(),
            previous_evidence: safety_copy(&self.evidence_dir, &stamp),
            had_evidence: self.evidence_dir.exists(),
        };
        journal.write(&journal_path(&db_path))?;
        if stop_after == Some(SwapStep::Journal) {
            return Err(AppError::new(
                ErrorCode::Cancelled,
                "stopped after writing the journal",
            ));
        }
        let swapped = self.swap(&db_path, stage.path(), &journal, stop_after);
        if stop_after.is_some() {
            std::mem::forget(stage);
            return swapped.and(Err(AppError::new(ErrorCode::Cancelled, "stopped part-way")));
        }
        if let Err(e) = swapped {
            tracing::error!(error = %e, "restore failed; putting the previous data back");
            journal.roll_back(&db_path)?;
            self.db = Db::open(&db_path)?;
            return Err(e);
        }
        self.settle_evidence()?;
        let journal_file = journal_path(&db_path);
        fs::remove_file(&journal_file).map_err(|e| io_error(&journal_file, e))?;
        Ok(RestoreReport {
            restored_from: src.to_string_lossy().into_owned(),
            schema_version,
            evidence_files,
            previous_copy: previous.to_string_lossy().into_owned(),
        })
    }

    /// Closes the open database, moves the staged one in its place, moves the evidence folder
    /// aside and the staged one in, and opens the database.
    fn swap(
        &mut self,
        db_path: &Path,
        stage: &Path,
        journal: &Journal,
        stop_after: Option<SwapStep>,
    ) -> Result<()> {
        // Dropping the connection checkpoints its write-ahead log; a placeholder keeps `self` whole.
        drop(std::mem::replace(&mut self.db, Db::open_in_memory()?));
        remove_sqlite_sidecars(db_path);
        fs::rename(stage.join(DB_ENTRY), db_path).map_err(|e| io_error(db_path, e))?;
        if stop_after == Some(SwapStep::Database) {
            return Ok(());
        }
        if journal.had_evidence {
            fs::rename(&self.evidence_dir, &journal.previous_evidence)
                .map_err(|e| io_error(&self.evidence_dir, e))?;
        }
        if stop_after == Some(SwapStep::EvidenceAside) {
            return Ok(());
        }
        let restored = stage.join(EVIDENCE);
        if restored.exists() {
            fs::rename(&restored, &self.evidence_dir)
                .map_err(|e| io_error(&self.evidence_dir, e))?;
        }
        if stop_after == Some(SwapStep::EvidenceIn) {
            return Ok(());
        }
        self.db = Db::open(db_path)?;
        Ok(())
    }

    /// A private folder beside the database, so the final moves are renames on one disk;
    /// removed when dropped.
    fn staging_dir(&self, prefix: &str) -> Result<tempfile::TempDir> {
        fs::create_dir_all(&self.data_dir).map_err(|e| io_error(&self.data_dir, e))?;
        tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(&self.data_dir)
            .map_err(|e| io_error(&self.data_dir, e))
    }

    /// Puts every evidence file where this database keeps it (`<evidence folder>/<case>/<file>`)
    /// and records that path: files restored from a backup made elsewhere, and files in the
    /// folder all databases of a data folder once shared, move into this database's own.
    pub(crate) fn settle_evidence(&mut self) -> Result<()> {
        let shared = shared_evidence_dir(&self.data_dir);
        for (id, case_id, stored) in self.db.evidence_paths()? {
            let stored = PathBuf::from(stored);
            let Some(name) = stored.file_name() else {
                continue;
            };
            let expected = self.evidence_dir.join(case_id.to_string()).join(name);
            if stored == expected {
                continue;
            }
            if !expected.exists() {
                // Only a file this app put in a data folder is moved, never one elsewhere.
                if !(stored.starts_with(&shared) && stored.is_file()) {
                    continue;
                }
                let dir = expected.parent().unwrap_or(&self.evidence_dir);
                fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
                if fs::rename(&stored, &expected).is_err() {
                    fs::copy(&stored, &expected).map_err(|e| io_error(&expected, e))?;
                    let _ = fs::remove_file(&stored);
                }
            }
            self.db.set_evidence_path(id, &expected.to_string_lossy())?;
        }
        Ok(())
    }
}

/// SQLite's write-ahead log and shared-memory files of `db`: stale ones must not meet a new file.
fn remove_sqlite_sidecars(db: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(sibling(db, suffix));
    }
}

/// Writes the zip; returns how many evidence files went in.
fn write_zip(dest: &Path, db_copy: &Path, evidence: &Path) -> Result<u64> {
    let file = File::create(dest).map_err(|e| io_error(dest, e))?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    // large_file: a database or a video of evidence may pass 4 GB.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    let zip_err = |e: zip::result::ZipError| io_error(dest, e);

    zip.start_file(DB_ENTRY, options).map_err(zip_err)?;
    let mut db = File::open(db_copy).map_err(|e| io_error(db_copy, e))?;
    io::copy(&mut db, &mut zip).map_err(|e| io_error(dest, e))?;

    let mut files = Vec::new();
    if evidence.is_dir() {
        collect_files(evidence, &mut files)?;
    }
    files.sort();
    for path in &files {
        let rel = path.strip_prefix(evidence).unwrap_or(path);
        let name = std::iter::once(EVIDENCE.to_string())
            .chain(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned()),
            )
            .collect::<Vec<_>>()
            .join("/");
        zip.start_file(name, options).map_err(zip_err)?;
        let mut f = File::open(path).map_err(|e| io_error(path, e))?;
        io::copy(&mut f, &mut zip).map_err(|e| io_error(path, e))?;
    }
    let mut out = zip.finish().map_err(zip_err)?;
    io::Write::flush(&mut out).map_err(|e| io_error(dest, e))?;
    out.get_ref().sync_all().map_err(|e| io_error(dest, e))?;
    Ok(files.len() as u64)
}

/// Regular files under `dir`, recursively. Symbolic links are not followed: a backup holds what
/// the app itself copied into its folder.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let kind = entry.file_type().map_err(|e| io_error(&entry.path(), e))?;
        if kind.is_dir() {
            collect_files(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    Ok(())
}

/// Extracts `recourse.db` and `evidence/**` of the backup at `src` into `stage`, refusing
/// anything else and anything beyond the limits; returns how many evidence files there were.
fn unpack(src: &Path, stage: &Path) -> Result<u64> {
    let file = File::open(src).map_err(|e| io_error(src, e))?;
    let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|e| bad_backup(src, e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(bad_backup(
            src,
            format!(
                "it holds {} entries, more than a backup can (at most {MAX_ENTRIES})",
                zip.len()
            ),
        ));
    }
    // First what every entry says it is, before a byte is written.
    let mut total: u64 = 0;
    let mut has_db = false;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| bad_backup(src, e))?;
        let name = entry.name().to_string();
        // enclosed_name rejects absolute paths and `..`: nothing may land outside the stage.
        let rel = entry.enclosed_name().ok_or_else(|| {
            bad_backup(
                src,
                format!("the entry '{name}' points outside the data folder"),
            )
        })?;
        let is_db = rel == Path::new(DB_ENTRY);
        if !is_db && !rel.starts_with(EVIDENCE) {
            return Err(bad_backup(src, format!("unexpected entry '{name}'")));
        }
        has_db |= is_db;
        let max = if is_db {
            MAX_DB_BYTES
        } else {
            MAX_EVIDENCE_FILE_BYTES
        };
        if entry.size() > max {
            return Err(too_large(src, &name, entry.size(), max));
        }
        total = total.saturating_add(entry.size());
    }
    if !has_db {
        return Err(bad_backup(src, format!("it holds no {DB_ENTRY}")));
    }
    if total > MAX_TOTAL_BYTES {
        return Err(too_large(
            src,
            "all entries together",
            total,
            MAX_TOTAL_BYTES,
        ));
    }
    let mut evidence_files = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| bad_backup(src, e))?;
        let name = entry.name().to_string();
        let rel = entry.enclosed_name().unwrap_or_default();
        let target = stage.join(&rel);
        if entry.is_dir() {
            fs::create_dir_all(&target).map_err(|e| io_error(&target, e))?;
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        // An entry inflates to at most what it said: a zip bomb whose header lies stops here.
        let said = entry.size();
        let mut out = File::create_new(&target).map_err(|e| {
            bad_backup(
                src,
                format!("the entry '{name}' appears twice or cannot be written: {e}"),
            )
        })?;
        let copied = io::copy(&mut (&mut entry).take(said + 1), &mut out)
            .map_err(|e| bad_backup(src, format!("cannot read '{name}': {e}")))?;
        if copied > said {
            return Err(bad_backup(
                src,
                format!("the entry '{name}' is larger than its stated {said} bytes"),
            ));
        }
        if rel != Path::new(DB_ENTRY) {
            evidence_files += 1;
        }
    }
    Ok(evidence_files)
}

fn too_large(src: &Path, what: &str, bytes: u64, max: u64) -> AppError {
    bad_backup(
        src,
        format!("'{what}' would unpack to {bytes} bytes, more than a backup may hold ({max})"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An app whose one setting tells the data apart, with an evidence file.
    fn app_with(dir: &Path, theme: &str, evidence: &str) -> App {
        let mut app = App::open(&dir.join("recourse.db")).unwrap();
        set_theme(&mut app, theme);
        let case = app.evidence_dir.join("1");
        fs::create_dir_all(&case).unwrap();
        fs::write(case.join("receipt.txt"), evidence).unwrap();
        app
    }

    fn set_theme(app: &mut App, theme: &str) {
        let mut s = app.settings().unwrap();
        s.theme = theme.into();
        app.set_settings(&s).unwrap();
    }

    fn state(dir: &Path) -> (String, String) {
        let app = App::open(&dir.join("recourse.db")).unwrap();
        let evidence = fs::read_to_string(app.evidence_dir.join("1/receipt.txt")).unwrap();
        (app.settings().unwrap().theme, evidence)
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.') || n.ends_with("journal"))
            .collect()
    }

    #[test]
    fn a_restore_stopped_at_any_step_is_rolled_back_at_the_next_open() {
        for step in [
            SwapStep::Journal,
            SwapStep::Database,
            SwapStep::EvidenceAside,
            SwapStep::EvidenceIn,
        ] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_with(dir.path(), "dark", "backed up");
            let backup = dir.path().join("b.zip");
            app.backup(&backup).unwrap();
            set_theme(&mut app, "light");
            fs::write(app.evidence_dir.join("1/receipt.txt"), "later").unwrap();

            assert!(app.restore_until(&backup, Some(step)).is_err());
            drop(app);
            assert_eq!(
                state(dir.path()),
                ("light".into(), "later".into()),
                "stopped after {step:?}"
            );
            assert!(
                leftovers(dir.path()).is_empty(),
                "{step:?}: {:?}",
                leftovers(dir.path())
            );
        }
    }

    #[test]
    fn a_finished_restore_is_kept_at_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with(dir.path(), "dark", "backed up");
        let backup = dir.path().join("b.zip");
        app.backup(&backup).unwrap();
        set_theme(&mut app, "light");
        app.restore(&backup).unwrap();
        drop(app);
        assert_eq!(state(dir.path()), ("dark".into(), "backed up".into()));
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }
}
