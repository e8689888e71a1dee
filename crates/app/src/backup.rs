//! Backup and restore of everything in one file: a zip holding `recourse.db` (a consistent copy
//! taken with `VACUUM INTO`) and the evidence folder as `evidence/**`.
//!
//! A restore checks the whole file before touching anything: it must be a zip, hold
//! `recourse.db`, that database must pass SQLite's integrity check and carry a Recourse schema no
//! newer than this version's, and every entry must stay inside the data folder. Only then is the
//! current database copied aside (`recourse.db.before-restore.bak`), replaced and reopened.

use crate::error::{AppError, Result};
use crate::App;
use recourse_store::Db;
use serde::Serialize;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter};
use std::path::{Path, PathBuf};
use ts_rs::TS;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The database's name inside a backup.
const DB_ENTRY: &str = "recourse.db";
/// The evidence folder's name, both under the data folder and inside a backup.
const EVIDENCE: &str = "evidence";

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

/// The folder where a case's evidence files are copied.
pub(crate) fn evidence_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(EVIDENCE)
}

/// The file name a backup is offered under, e.g. `recourse-backup-2024-05-01.zip`.
pub fn backup_file_name() -> String {
    format!(
        "recourse-backup-{}.zip",
        chrono::Local::now().format("%Y-%m-%d")
    )
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::new("io", format!("{}: {e}", path.display()))
}

fn bad_backup(path: &Path, why: impl std::fmt::Display) -> AppError {
    let file = path.display().to_string();
    let why = why.to_string();
    AppError::invalid(format!("{file} is not a Recourse backup: {why}"))
        .with_detail("backup.not_a_backup", [("file", file), ("why", why)])
}

impl App {
    /// Writes the database and the evidence folder to one zip file at `dest`. The file appears
    /// only when complete: it is written beside `dest` first, then renamed.
    pub fn backup(&self, dest: &Path) -> Result<BackupReport> {
        let stage = self.staging_dir(".backup-")?;
        let db_copy = stage.path().join(DB_ENTRY);
        self.db.backup_to(&db_copy)?;

        let mut partial_name = dest.file_name().unwrap_or_default().to_os_string();
        partial_name.push(".partial");
        let partial = dest.with_file_name(partial_name);
        let written = write_zip(&partial, &db_copy, &evidence_dir(&self.data_dir));
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

    /// Replaces all data with the backup at `src` and reopens the database (migrating it when
    /// the backup is older). A file that fails any check is refused and nothing changes.
    pub fn restore(&mut self, src: &Path) -> Result<RestoreReport> {
        let db_path = self
            .db_path()
            .map(Path::to_path_buf)
            .ok_or_else(|| AppError::invalid("an in-memory database cannot be restored"))?;
        let stage = self.staging_dir(".restore-")?;
        let evidence_files = unpack(src, stage.path())?;
        let staged_db = stage.path().join(DB_ENTRY);
        let schema_version = Db::inspect(&staged_db).map_err(|e| bad_backup(src, e))?;

        let mut before_name = db_path.file_name().unwrap_or_default().to_os_string();
        before_name.push(".before-restore.bak");
        let previous = db_path.with_file_name(before_name);
        self.db.backup_to(&previous)?;

        self.swap_database(&db_path, &staged_db, &previous)?;
        self.swap_evidence(&stage.path().join(EVIDENCE))?;
        Ok(RestoreReport {
            restored_from: src.to_string_lossy().into_owned(),
            schema_version,
            evidence_files,
            previous_copy: previous.to_string_lossy().into_owned(),
        })
    }

    /// A private folder inside the data folder, so the final moves are renames on one disk;
    /// removed when dropped.
    fn staging_dir(&self, prefix: &str) -> Result<tempfile::TempDir> {
        fs::create_dir_all(&self.data_dir).map_err(|e| io_error(&self.data_dir, e))?;
        tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(&self.data_dir)
            .map_err(|e| io_error(&self.data_dir, e))
    }

    /// Closes the open database, moves `staged` in its place and opens it. If that fails, the
    /// copy taken just before (`previous`) is put back and reopened.
    fn swap_database(&mut self, db_path: &Path, staged: &Path, previous: &Path) -> Result<()> {
        // Dropping the connection checkpoints its write-ahead log; a placeholder keeps `self` whole.
        drop(std::mem::replace(&mut self.db, Db::open_in_memory()?));
        remove_sqlite_sidecars(db_path);
        let reopened = fs::rename(staged, db_path)
            .map_err(|e| io_error(db_path, e))
            .and_then(|()| Db::open(db_path).map_err(AppError::from));
        match reopened {
            Ok(db) => {
                self.db = db;
                Ok(())
            }
            Err(e) => {
                tracing::error!(error = %e, "restore failed; putting the previous database back");
                remove_sqlite_sidecars(db_path);
                fs::copy(previous, db_path).map_err(|c| {
                    io_error(
                        db_path,
                        format!("{e}; and the previous copy could not be put back: {c}"),
                    )
                })?;
                self.db = Db::open(db_path)?;
                Err(e)
            }
        }
    }

    /// Moves the current evidence folder aside (`evidence.before-restore`) and the restored one in.
    fn swap_evidence(&self, restored: &Path) -> Result<()> {
        let current = evidence_dir(&self.data_dir);
        let aside = self.data_dir.join(format!("{EVIDENCE}.before-restore"));
        if current.exists() {
            if aside.exists() {
                fs::remove_dir_all(&aside).map_err(|e| io_error(&aside, e))?;
            }
            fs::rename(&current, &aside).map_err(|e| io_error(&current, e))?;
        }
        if restored.exists() {
            fs::rename(restored, &current).map_err(|e| io_error(&current, e))?;
        }
        Ok(())
    }
}

/// SQLite's write-ahead log and shared-memory files of `db`: stale ones must not meet a new file.
fn remove_sqlite_sidecars(db: &Path) {
    for suffix in ["-wal", "-shm"] {
        let mut name = db.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        let _ = fs::remove_file(db.with_file_name(name));
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
/// anything else; returns how many evidence files there were.
fn unpack(src: &Path, stage: &Path) -> Result<u64> {
    let file = File::open(src).map_err(|e| io_error(src, e))?;
    let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|e| bad_backup(src, e))?;
    let mut has_db = false;
    let mut evidence_files = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| bad_backup(src, e))?;
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
        let target = stage.join(&rel);
        if entry.is_dir() {
            fs::create_dir_all(&target).map_err(|e| io_error(&target, e))?;
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        let mut out = File::create(&target).map_err(|e| io_error(&target, e))?;
        io::copy(&mut entry, &mut out)
            .map_err(|e| bad_backup(src, format!("cannot read '{name}': {e}")))?;
        if is_db {
            has_db = true;
        } else {
            evidence_files += 1;
        }
    }
    if !has_db {
        return Err(bad_backup(src, format!("it holds no {DB_ENTRY}")));
    }
    Ok(evidence_files)
}
