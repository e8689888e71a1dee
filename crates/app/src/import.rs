//! Importing statement files: each file is one atomic batch, then the detection rules run on
//! what it added.

use crate::dto::{ImportProgress, ImportReport, Preview};
use crate::error::{AppError, Result};
use crate::review::{history_since, new_flags, History, Rules};
use crate::ErrorCode;
use crate::{now_text, App};
use recourse_core::detect::Flag;
use recourse_core::disputes::Jurisdiction;
use recourse_core::import::{
    self, CurrencySource, Detected, Format, ImportError, ImportOptions, Opened, ParseSummary,
    ParsedRow, Profile,
};
use recourse_core::merchant::NameCache;
use recourse_core::model::{PreparedRow, Txn};
use recourse_core::money::Currency;
use recourse_store::batches::{BatchSource, BatchSummary, BatchWriter, Dedupe};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

/// How to import: which account, which saved profile, and whether to write anything.
#[derive(Clone, Debug, Default)]
pub struct ImportRequest {
    /// Account name. Without it: the account the file names (IBAN, ACCTID), else the detected
    /// preset's name, else the account chosen last time for a file of the same layout, else
    /// [`FALLBACK_ACCOUNT`]. Never the file's name.
    pub account: Option<String>,
    /// The account for a statement that names none (the user's answer to the preview's
    /// question). Unlike `account`, the file's own accounts still win: in a ZIP of a bank's
    /// statement and a card export, only the card export goes to it.
    pub account_if_unnamed: Option<String>,
    /// The statement's currency, over what the file says (the CLI's `--currency`). Without it:
    /// the file's, else the preset's, else that of the account's earlier imports, else the
    /// default-currency setting.
    pub currency: Option<Currency>,
    /// Use a saved profile (the CLI's `--profile NAME|FILE`).
    pub profile: Option<ProfileSource>,
    /// A profile given directly (the import screen's edited mapping).
    pub profile_override: Option<Profile>,
    /// Save the profile used as the account's profile.
    pub save_profile: bool,
    pub dry_run: bool,
    /// The password of an encrypted ZIP archive: used for this import only, never stored.
    pub password: Option<Password>,
}

/// A password held for one import. Its `Debug` hides it, so no log or error can show it.
#[derive(Clone, Default)]
pub struct Password(String);

impl Password {
    pub fn new(p: impl Into<String>) -> Password {
        Password(p.into())
    }

    fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

/// The account of a statement that names none, has no preset, and whose layout was never
/// given an account: one account for all such files, so that overlapping exports still meet
/// (a file's name is never its account).
pub const FALLBACK_ACCOUNT: &str = "default";

/// Settings key prefix: the account the user chose for a file layout that names no account.
const LAYOUT_ACCOUNT: &str = "import.account_for_layout.";

/// Where a saved import profile comes from.
#[derive(Clone, Debug)]
pub enum ProfileSource {
    /// The profile saved with this account.
    Account(String),
    /// The profile of the account of this name if there is one, else the profile file at this
    /// path (`recourse profiles export` writes one): the CLI's `--profile NAME|FILE`. Only for a
    /// name the user typed; the desktop app never reads a path it did not open itself.
    AccountOrFile(String),
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
    /// Imports each file, in order: each statement in a file is one batch, and the statements
    /// of one file are committed together (one database transaction) or not at all; each file
    /// inside a ZIP archive is a file of its own. Stops at the first file that cannot be
    /// imported, with an error naming the file, line (or sheet, entry) and cause; files before
    /// it stay imported, and the failing file leaves the database as it was.
    pub fn import_files(
        &mut self,
        paths: &[PathBuf],
        req: &ImportRequest,
        progress: ProgressFn,
        cancel: &AtomicBool,
    ) -> Result<Vec<ImportReport>> {
        let mut reports = Vec::with_capacity(paths.len());
        for (i, path) in paths.iter().enumerate() {
            let bytes = read_file(path)?;
            let mut run = Run {
                at: Position {
                    index: i,
                    files: paths.len(),
                },
                progress,
                cancel,
                reports: &mut reports,
            };
            self.import_bytes(&file_name(path), bytes, req, &mut run)?;
        }
        Ok(reports)
    }

    /// Detects the layout of a file and parses its first rows, writing nothing. The preview's
    /// `detected.account` is the account the rows would go to when the file, its preset, the
    /// request or an earlier choice for this layout names one; `None` means the user should be
    /// asked. A file of several accounts names them all (`A + B`). For a ZIP archive: the first
    /// statement inside whose account is not known (so the user is asked about it, never its
    /// rows silently put in the fallback account), else the first, naming every member's
    /// account.
    pub fn preview_file(&self, path: &Path, req: &ImportRequest) -> Result<Preview> {
        let name = file_name(path);
        let bytes = read_file(path)?;
        if import::sniff(&bytes) != Format::Zip {
            return self.preview_bytes(&name, &bytes, req);
        }
        let members = import::archive::members(&bytes, req.password.as_ref().map(Password::as_str))
            .map_err(|e| import_error(&name, e))?;
        if let Some(i) = self.unnamed_member(&name, &members, req)? {
            let m = &members[i];
            return self.preview_bytes(&format!("{name}/{}", m.name), &m.bytes, req);
        }
        let mut previews = Vec::with_capacity(members.len());
        for m in &members {
            previews.push(self.preview_bytes(&format!("{name}/{}", m.name), &m.bytes, req)?);
        }
        let mut accounts: Vec<String> = Vec::new();
        for a in previews
            .iter()
            .filter_map(|p| p.parsed.detected.account.clone())
        {
            if !accounts.contains(&a) {
                accounts.push(a);
            }
        }
        let mut first = previews.into_iter().next().ok_or_else(|| {
            import_error(
                &name,
                ImportError::Archive("the archive holds no files".into()),
            )
        })?;
        first.parsed.detected.account = Some(accounts.join(" + "));
        Ok(first)
    }

    /// The first statement of an archive that names no account, judged from its own content
    /// (without the user's answers): the one the preview shows and asks about, and the only one
    /// the preview's edited mapping is for.
    fn unnamed_member(
        &self,
        name: &str,
        members: &[import::archive::Member],
        req: &ImportRequest,
    ) -> Result<Option<usize>> {
        let own = ImportRequest {
            account: None,
            account_if_unnamed: None,
            profile_override: None,
            password: None,
            ..req.clone()
        };
        for (i, m) in members.iter().enumerate() {
            let preview = self.preview_bytes(&format!("{name}/{}", m.name), &m.bytes, &own)?;
            if preview.parsed.detected.account.is_none() {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// The preview of one statement file (not an archive); see [`App::preview_file`].
    fn preview_bytes(&self, name: &str, bytes: &[u8], req: &ImportRequest) -> Result<Preview> {
        let opened = self.open_statement(name, bytes, req)?;
        let (layout, several) = match &opened {
            Opened::Table(t) => (
                Some(layout_key(t.detected(), t.header())),
                t.accounts().map_err(|e| import_error(name, e))?,
            ),
            _ => (None, Vec::new()),
        };
        let mut preview = import::preview_of(&opened, 20).map_err(|e| import_error(name, e))?;
        preview.detected.account = self.named_account(req, &preview.detected, layout.as_deref())?;
        if several.len() > 1 && req.account.is_none() {
            // A file of several accounts names them all: each gets its own rows, nothing to ask.
            preview.detected.account = Some(several.join(" + "));
        }
        let error = preview.error.take().map(|e| import_error(name, e));
        Ok(Preview {
            parsed: preview,
            error,
        })
    }

    /// Opens a statement file. A table whose currency nothing in the file, the profile or a
    /// distinctive preset gives is read again in the currency of its account's earlier imports, when its
    /// account is known and holds transactions.
    fn open_statement<'b>(
        &self,
        name: &str,
        bytes: &'b [u8],
        req: &ImportRequest,
    ) -> Result<Opened<'b>> {
        let mut opts = self.import_options(req)?;
        let opened = import::open(bytes, &opts).map_err(|e| import_error(name, e))?;
        let Opened::Table(table) = &opened else {
            return Ok(opened);
        };
        // The currency was a guess: the default, or a preset matched on common column names.
        let d = table.detected();
        let guessed = d.currency_source == CurrencySource::Default
            || (d.currency_source == CurrencySource::Preset && !d.confident);
        if !guessed {
            return Ok(opened);
        }
        let layout = layout_key(table.detected(), table.header());
        let Some(account) = self.named_account(req, table.detected(), Some(&layout))? else {
            return Ok(opened);
        };
        let Some(currency) = self
            .db
            .account_currency(&account)?
            .as_deref()
            .and_then(Currency::parse)
        else {
            return Ok(opened);
        };
        opts.account_currency = Some(currency);
        import::open(bytes, &opts).map_err(|e| import_error(name, e))
    }

    fn import_options(&self, req: &ImportRequest) -> Result<ImportOptions> {
        let mut profile = match (&req.profile_override, &req.profile) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(ProfileSource::Account(name))) => Some(self.account_profile(name)?),
            (None, Some(ProfileSource::AccountOrFile(name))) => {
                Some(self.account_or_file_profile(name)?)
            }
            (None, None) => None,
        };
        // The request's currency is the profile's: it wins over the file's evidence.
        if let Some(c) = req.currency {
            profile.get_or_insert_with(Profile::default).currency = Some(c.code().to_string());
        }
        Ok(ImportOptions {
            profile,
            default_currency: Some(self.default_currency()?),
            account_currency: None,
        })
    }

    /// The import profile saved with the account `name`.
    fn account_profile(&self, name: &str) -> Result<Profile> {
        let account = self.db.account_by_name(name)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::NotFound,
                format!("there is no account named '{name}'"),
            )
        })?;
        let json = account.profile_json.ok_or_else(|| {
            AppError::new(
                ErrorCode::NotFound,
                format!("account '{name}' has no saved profile"),
            )
        })?;
        serde_json::from_str(&json)
            .map_err(|e| AppError::invalid(format!("the saved profile '{name}' is not valid: {e}")))
    }

    /// The profile of the account `name`, else the profile file at the path `name`, so a
    /// mapping can move between machines (see `ProfileSource::AccountOrFile`).
    fn account_or_file_profile(&self, name: &str) -> Result<Profile> {
        if self.db.account_by_name(name)?.is_some() {
            return self.account_profile(name);
        }
        let path = Path::new(name);
        if !path.is_file() {
            return Err(AppError::new(
                ErrorCode::NotFound,
                format!("no account named '{name}' has a saved profile, and there is no profile file by that name"),
            ));
        }
        let text = std::fs::read_to_string(path).map_err(|e| {
            AppError::new(
                ErrorCode::Io,
                format!("{name}: cannot read the profile file: {e}"),
            )
        })?;
        serde_json::from_str(&text).map_err(|e| {
            AppError::invalid(format!(
                "{name}: line {}: not an import profile: {e}",
                e.line()
            ))
        })
    }

    /// The account's saved import profile as a JSON document, to keep or share as a file.
    /// `account` names an account only: it is never read as a path.
    pub fn export_import_profile(&self, account: &str) -> Result<String> {
        let profile = self.account_profile(account)?;
        serde_json::to_string_pretty(&profile)
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))
    }

    /// Writes the account's saved import profile to `out` (the desktop's "Export…").
    pub fn write_import_profile(&self, account: &str, out: &Path) -> Result<()> {
        let json = self.export_import_profile(account)?;
        std::fs::write(out, json + "\n").map_err(|e| {
            AppError::new(
                ErrorCode::Io,
                format!("{}: cannot write: {e}", out.display()),
            )
        })
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

    /// Imports one file's bytes (or, for a ZIP archive, each file inside it): the statements
    /// the file holds are planned, then written with their flags in one database transaction.
    fn import_bytes(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        req: &ImportRequest,
        run: &mut Run,
    ) -> Result<()> {
        if import::sniff(&bytes) == Format::Zip {
            return self.import_archive(name, bytes, req, run);
        }
        let file = FileInfo::of(name, &bytes, run.at);
        let statements = self.plan_statements(name, &bytes, req)?;
        let reports = self.store_statements(&file, statements, req, run.progress, run.cancel)?;
        run.reports.extend(reports);
        Ok(())
    }

    /// Imports each file inside a ZIP archive as a file of its own.
    fn import_archive(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        req: &ImportRequest,
        run: &mut Run,
    ) -> Result<()> {
        let password = req.password.as_ref().map(Password::as_str);
        let members =
            import::archive::members(&bytes, password).map_err(|e| import_error(name, e))?;
        drop(bytes);
        // A mapping edited in the preview is for the member the preview showed; every
        // other member is read by its own layout.
        let edited = match req.profile_override {
            Some(_) => Some(self.unnamed_member(name, &members, req)?.unwrap_or(0)),
            None => None,
        };
        let own = ImportRequest {
            profile_override: None,
            ..req.clone()
        };
        for (i, m) in members.into_iter().enumerate() {
            let inner = format!("{name}/{}", m.name);
            let req = if edited.is_none_or(|e| e == i) {
                req
            } else {
                &own
            };
            self.import_bytes(&inner, m.bytes, req, run)?;
        }
        Ok(())
    }

    /// The statements a file holds, each with its account and where its rows come from: a
    /// table is one statement, or one per account its rows name; an OFX or CAMT file is one
    /// per statement it lists.
    fn plan_statements<'b>(
        &self,
        name: &str,
        bytes: &'b [u8],
        req: &ImportRequest,
    ) -> Result<Vec<Piece<'b>>> {
        let rows_hint = filled_lines(bytes);
        match self.open_statement(name, bytes, req)? {
            Opened::Table(table) => self.table_statements(name, table, req, rows_hint),
            Opened::Statements(list) => list
                .into_iter()
                .map(|st| self.listed_statement(req, st))
                .collect(),
            Opened::Archive => Err(import_error(
                name,
                ImportError::Archive("an archive inside an archive could not be opened".into()),
            )),
        }
    }

    /// A table's statements: one per account when its rows name several (as for an OFX file
    /// of several accounts) unless the user named the account, else one.
    fn table_statements<'b>(
        &self,
        name: &str,
        table: Box<import::Table<'b>>,
        req: &ImportRequest,
        rows_hint: u64,
    ) -> Result<Vec<Piece<'b>>> {
        let layout = layout_key(table.detected(), table.header());
        let accounts = match req.account {
            Some(_) => Vec::new(),
            None => table.accounts().map_err(|e| import_error(name, e))?,
        };
        let table: Arc<import::Table<'_>> = Arc::from(table);
        if accounts.len() <= 1 {
            let account = self.account_for(req, table.detected(), Some(&layout))?;
            return Ok(vec![Piece {
                account,
                layout: Some(layout),
                sheet: table.detected().sheet.clone(),
                rows_hint,
                source: Box::new(move |sink| table.parse(sink)),
            }]);
        }
        let mut pieces = Vec::with_capacity(accounts.len());
        for a in accounts {
            let mut detected = table.detected().clone();
            detected.account = Some(a.clone());
            let table = Arc::clone(&table);
            pieces.push(Piece {
                account: self.account_for(req, &detected, Some(&layout))?,
                layout: Some(layout.clone()),
                sheet: detected.sheet.clone(),
                rows_hint,
                source: Box::new(move |sink| table.parse_account(Some(&a), sink)),
            });
        }
        Ok(pieces)
    }

    /// One statement of an OFX or CAMT file, read whole already: its rows are handed over as
    /// they are.
    fn listed_statement(
        &self,
        req: &ImportRequest,
        st: import::FileStatement,
    ) -> Result<Piece<'static>> {
        let detected = st.detected();
        let account = self.account_for(req, &detected, None)?;
        let rows = st.statement.rows;
        let skipped = st.statement.skipped;
        Ok(Piece {
            account,
            layout: None,
            sheet: None,
            rows_hint: rows.len() as u64,
            source: Box::new(move |sink| {
                let rows_read = rows.len() as u64;
                for row in rows {
                    sink(row)?;
                }
                Ok(ParseSummary {
                    detected,
                    rows_read,
                    skipped_total: skipped.len() as u64,
                    skipped,
                })
            }),
        })
    }

    /// Writes the statements of one file (see `write_statements`), remembers the account the
    /// user named for a layout, and reports each statement. A dry run parses and writes nothing.
    fn store_statements(
        &mut self,
        file: &FileInfo,
        pieces: Vec<Piece>,
        req: &ImportRequest,
        progress: ProgressFn,
        cancel: &AtomicBool,
    ) -> Result<Vec<ImportReport>> {
        let report_progress = |rows: u64, line: u64| {
            progress(ImportProgress {
                file: file.name.to_string(),
                file_index: file.at.index,
                files: file.at.files,
                rows,
                line,
                total_lines: file.total_lines,
            })
        };
        if req.dry_run {
            return dry_run_reports(file, pieces);
        }
        let cx = WriteContext {
            file,
            source_file: file.name.into(),
            now: now_text(),
            rules: self.rules()?,
            save_profile: req.save_profile,
            report_progress: &report_progress,
            cancel,
        };
        let written = self.write_statements(&cx, pieces)?;
        report_progress(
            written.iter().map(|(s, _)| s.summary.rows_read).sum(),
            file.total_lines,
        );
        let mut reports = Vec::with_capacity(written.len());
        for (stored, batch) in written {
            self.remember_layout_account(req, &stored)?;
            reports.push(report(
                file,
                Some(batch.batch_id),
                stored.account,
                stored.summary,
                batch.imported,
                batch.already_present,
                stored.flagged,
            ));
        }
        Ok(reports)
    }

    /// The one database transaction of a file: each statement a batch of its own account,
    /// written by `store_statement`, all committed together by `finish`. On any error the
    /// writer is dropped unfinished and nothing of the file is kept.
    fn write_statements(
        &mut self,
        cx: &WriteContext,
        pieces: Vec<Piece>,
    ) -> Result<Vec<(Stored, BatchSummary)>> {
        let count = pieces.len();
        let mut pieces = pieces.into_iter();
        let Some(mut piece) = pieces.next() else {
            return Err(import_error(
                cx.file.name,
                ImportError::NoStatement {
                    format: "statement".into(),
                    detail: "the file holds no statement".into(),
                },
            ));
        };
        let first_account = piece.account.clone();
        let (mut writer, mut dedupe) = self
            .db
            .begin_batch(&cx.file.batch_source(&first_account, &cx.now))?;
        // Per statement, in order: what was stored and its batch.
        let mut written = Vec::with_capacity(count);
        loop {
            let stored = store_statement(&mut writer, &mut dedupe, piece, cx)?;
            let (rows_read, skipped) = (stored.summary.rows_read, stored.summary.skipped_total);
            let detected_json = serde_json::to_string(&stored.summary.detected).unwrap_or_default();
            match pieces.next() {
                Some(next) => {
                    let next_account = next.account.clone();
                    let (batch, d) = writer.next_batch(
                        &cx.file.batch_source(&next_account, &cx.now),
                        rows_read,
                        skipped,
                        &detected_json,
                    )?;
                    written.push((stored, batch));
                    dedupe = d;
                    piece = next;
                }
                None => {
                    let batch = writer.finish(rows_read, skipped, &detected_json)?;
                    written.push((stored, batch));
                    return Ok(written);
                }
            }
        }
    }

    /// The user named the account of a file that does not name its own (no account, no
    /// preset): remember it for the next file of this layout.
    fn remember_layout_account(&mut self, req: &ImportRequest, stored: &Stored) -> Result<()> {
        let chosen = req.account.as_ref().or(req.account_if_unnamed.as_ref());
        let (Some(layout), Some(chosen)) = (&stored.layout, chosen) else {
            return Ok(());
        };
        let detected = &stored.summary.detected;
        if detected.account.is_none() && detected.preset.is_none() {
            self.db
                .set_setting(&format!("{LAYOUT_ACCOUNT}{layout}"), chosen)?;
        }
        Ok(())
    }

    /// The account a statement goes to: the request's, else the one the file names, else the
    /// preset's, else the one chosen before for this layout, else [`FALLBACK_ACCOUNT`].
    fn account_for(
        &self,
        req: &ImportRequest,
        detected: &Detected,
        layout: Option<&str>,
    ) -> Result<String> {
        Ok(self
            .named_account(req, detected, layout)?
            .unwrap_or_else(|| FALLBACK_ACCOUNT.to_string()))
    }

    fn named_account(
        &self,
        req: &ImportRequest,
        detected: &Detected,
        layout: Option<&str>,
    ) -> Result<Option<String>> {
        let given = |a: &Option<String>| {
            a.as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
        };
        if let Some(a) = given(&req.account) {
            return Ok(Some(a));
        }
        if let Some(a) = detected.account.clone().or_else(|| detected.preset.clone()) {
            return Ok(Some(a));
        }
        if let Some(a) = given(&req.account_if_unnamed) {
            return Ok(Some(a));
        }
        match layout {
            Some(layout) => Ok(self.db.setting(&format!("{LAYOUT_ACCOUNT}{layout}"))?),
            None => Ok(None),
        }
    }
}

/// One statement of a file once its rows are stored: its account, its layout's key and what
/// was read.
struct Stored {
    account: String,
    layout: Option<String>,
    summary: ParseSummary,
    /// How many flags the rules stored on what it added.
    flagged: u64,
}

/// Which of the files of one import this is (for progress).
#[derive(Clone, Copy)]
struct Position {
    index: usize,
    files: usize,
}

/// One call of `import_files` as each file of it (or member of an archive) is imported: the
/// file's place in the run, where progress goes, the cancel switch and the reports so far.
struct Run<'r> {
    at: Position,
    progress: ProgressFn<'r>,
    cancel: &'r AtomicBool,
    reports: &'r mut Vec<ImportReport>,
}

/// The file being imported, as its batches, reports and progress name it.
struct FileInfo<'a> {
    name: &'a str,
    sha256: String,
    total_lines: u64,
    at: Position,
}

impl<'a> FileInfo<'a> {
    fn of(name: &'a str, bytes: &[u8], at: Position) -> FileInfo<'a> {
        FileInfo {
            name,
            sha256: format!("{:x}", Sha256::digest(bytes)),
            total_lines: bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1,
            at,
        }
    }

    /// The batch of one of the file's statements, in `account`.
    fn batch_source<'s>(&'s self, account: &'s str, now: &'s str) -> BatchSource<'s> {
        BatchSource {
            account,
            file_name: self.name,
            sha256: &self.sha256,
            now,
        }
    }
}

/// What every statement of one file is written with.
struct WriteContext<'a> {
    file: &'a FileInfo<'a>,
    /// The file's name, shared by every row it adds.
    source_file: Arc<str>,
    now: String,
    rules: Rules,
    save_profile: bool,
    report_progress: &'a (dyn Fn(u64, u64) + Sync),
    cancel: &'a AtomicBool,
}

type Sink<'s> = dyn FnMut(ParsedRow) -> std::result::Result<(), ImportError> + 's;

/// Streams a statement's rows into a sink (on the parser thread) and sums up what it read.
type RowSource<'a> =
    Box<dyn FnOnce(&mut Sink<'_>) -> std::result::Result<ParseSummary, ImportError> + Send + 'a>;

/// One statement of a file: its account and where its rows come from.
struct Piece<'a> {
    account: String,
    /// The layout's key, for a table (see `layout_key`).
    layout: Option<String>,
    sheet: Option<String>,
    /// About how many rows, to size the rules' list.
    rows_hint: u64,
    source: RowSource<'a>,
}

/// A dry run: each statement parsed to its end and reported; nothing is written.
fn dry_run_reports(file: &FileInfo, pieces: Vec<Piece>) -> Result<Vec<ImportReport>> {
    let mut reports = Vec::new();
    for piece in pieces {
        let summary = (piece.source)(&mut |_row| Ok(())).map_err(|e| import_error(file.name, e))?;
        reports.push(report(file, None, piece.account, summary, 0, 0, 0));
    }
    Ok(reports)
}

/// One statement into the open batch: its rows, then the rules on what it added beside the
/// account's history, the flags they raise, and the account's profile when the request saves
/// it — all in the file's transaction, so rows and flags commit together or not at all.
fn store_statement(
    writer: &mut BatchWriter<'_>,
    dedupe: &mut Dedupe,
    piece: Piece<'_>,
    cx: &WriteContext,
) -> Result<Stored> {
    if let Some(sheet) = &piece.sheet {
        writer.set_source_sheet(sheet)?;
    }
    let account = piece.account.clone();
    let layout = piece.layout.clone();
    // Errors name the sheet of a workbook after the file: "bill.xlsx · Sheet1: line 19".
    let place = match &piece.sheet {
        Some(sheet) => format!("{} · {sheet}", cx.file.name),
        None => cx.file.name.to_string(),
    };
    let (summary, new_rows) = store_rows(
        writer,
        dedupe,
        piece,
        &cx.source_file,
        &place,
        cx.report_progress,
        cx.cancel,
    )?;
    let older = history_before(writer)?;
    let found = run_rules(&cx.rules, older, new_rows, writer.ids_after(), cx.file.name)?;
    let flagged = writer.add_flags(&new_flags(found))?;
    if cx.save_profile {
        let profile = serde_json::to_string(&summary.detected.profile).unwrap_or_default();
        writer.save_account_profile(&account, &profile, &cx.now)?;
    }
    Ok(Stored {
        account,
        layout,
        summary,
        flagged,
    })
}

/// The account's rows the rules read beside a batch's new ones: those from `history_since`
/// its earliest new row, with the ones already under suspicion. None when it added nothing.
fn history_before(writer: &BatchWriter<'_>) -> Result<History> {
    let Some(first) = writer.first_new_date() else {
        return Ok(History::default());
    };
    let since = history_since(first);
    Ok(History {
        rows: writer.older_history(&since)?,
        suspicious: writer.suspicious_in_history(&since)?,
    })
}

/// Runs the rules on a thread of their own, so a panic in them fails this file (the caller
/// drops the writer: nothing of the file is kept) instead of the app.
fn run_rules(
    rules: &Rules,
    older: History,
    new_rows: Vec<Txn>,
    ids_after: i64,
    file_name: &str,
) -> Result<Vec<Flag>> {
    std::thread::scope(|scope| {
        scope
            .spawn(move || rules.run(older, new_rows, ids_after))
            .join()
    })
    .map_err(|_| {
        AppError::new(
            ErrorCode::Internal,
            format!("{file_name}: the detection rules stopped unexpectedly; nothing was imported"),
        )
    })
}

/// Streams a statement's rows into the batch on two threads. The parser thread reads the
/// rows, finds which are new (the dedupe) and names their merchants; this thread writes the
/// new rows meanwhile. A re-import never names the rows it skips. The channel is bounded, so a
/// slow store holds the parser back instead of buffering the file's rows. Returns the parse
/// summary and the new rows as the rules see them.
fn store_rows(
    writer: &mut BatchWriter<'_>,
    dedupe: &mut Dedupe,
    piece: Piece<'_>,
    source_file: &Arc<str>,
    file_name: &str,
    report_progress: &(dyn Fn(u64, u64) + Sync),
    cancel: &AtomicBool,
) -> Result<(ParseSummary, Vec<Txn>)> {
    let account_id = writer.account_id();
    // Sized up front, as far as the bound allows: growing by doubling would copy every row
    // and briefly hold two copies of a large batch; reserving for every line of a file of
    // newlines would ask for gigabytes before a row is read.
    let mut new_rows: Vec<Txn> = Vec::with_capacity(rows_reservation(piece.rows_hint));
    let mut rows = 0u64;
    let mut store_error = None;
    let mut cancelled = false;
    let source = piece.source;
    let parsed = std::thread::scope(|scope| {
        let (to_store, from_parser) = mpsc::sync_channel::<Chunk>(CHANNEL_CHUNKS);
        let parser = scope.spawn(move || find_new_rows(source, dedupe, to_store));
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
                Ok(ids) => {
                    new_rows.extend(chunk.new.into_iter().zip(ids).map(|((prepared, _), id)| {
                        prepared.into_txn(id, account_id, source_file.clone())
                    }))
                }
                Err(e) => {
                    store_error = Some(e);
                    break 'store;
                }
            }
        }
        drop(from_parser);
        parser.join()
    });
    // On any error the writer is dropped unfinished by the caller: the file rolls back whole.
    if let Some(e) = store_error {
        return Err(e.into());
    }
    let summary = parse_outcome(parsed, cancelled, file_name)?;
    Ok((summary, new_rows))
}

/// What the parser thread's end means for the file: its summary, or why nothing of the file
/// is imported (a panic in the parser, a cancel, or the file's error).
fn parse_outcome(
    parsed: std::thread::Result<std::result::Result<ParseSummary, ImportError>>,
    cancelled: bool,
    file_name: &str,
) -> Result<ParseSummary> {
    let parsed = parsed.map_err(|_| {
        AppError::new(
            ErrorCode::Internal,
            format!("{file_name}: the importer stopped unexpectedly; nothing was imported"),
        )
    })?;
    let summary = match parsed {
        Ok(_) if cancelled => Err(ImportError::Cancelled),
        other => other,
    };
    match summary {
        Ok(s) => Ok(s),
        Err(ImportError::Cancelled) => Err(AppError::new(
            ErrorCode::Cancelled,
            format!("{file_name}: import cancelled; nothing was imported"),
        )),
        Err(e) => Err(import_error(file_name, e)),
    }
}

/// The parser thread of `store_rows`: streams the statement's rows, keeps the new ones (the
/// dedupe) with their merchants named, and sends them to the store in chunks. Stops when the
/// store has stopped (an error or a cancel).
fn find_new_rows(
    source: RowSource<'_>,
    dedupe: &mut Dedupe,
    to_store: mpsc::SyncSender<Chunk>,
) -> std::result::Result<ParseSummary, ImportError> {
    let mut names = NameCache::new();
    let mut chunk = Chunk::default();
    let result = source(&mut |row| {
        chunk.rows += 1;
        chunk.last_line = row.line;
        let fingerprint = row.fingerprint();
        match dedupe.occurrence_if_new(fingerprint) {
            Some(occurrence) => {
                let prepared = PreparedRow::with_fingerprint(row, fingerprint, &mut names);
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
}

/// Bytes reserved up front for the rules' list of new rows, at most.
const RESERVE_BYTES: u64 = 32 << 20;

/// Rows to reserve for a statement of about `hint` rows: the hint, bounded by
/// [`RESERVE_BYTES`] (past that the list grows as rows arrive).
fn rows_reservation(hint: u64) -> usize {
    let per_row = std::mem::size_of::<Txn>().max(1) as u64;
    usize::try_from(hint.min(RESERVE_BYTES / per_row)).unwrap_or(0)
}

/// The lines of a text that hold something: an estimate of its rows that a run of blank lines
/// does not inflate.
fn filled_lines(bytes: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut filled = false;
    for &b in bytes {
        if b == b'\n' {
            n += u64::from(filled);
            filled = false;
        } else if b != b'\r' {
            filled = true;
        }
    }
    n + u64::from(filled)
}

/// What identifies a table's layout when the file names no account: its format and header
/// names (or its width, without a header), hashed.
fn layout_key(detected: &Detected, header: &[String]) -> String {
    let mut h = Sha256::new();
    h.update(detected.format.label().as_bytes());
    if header.is_empty() {
        h.update(format!("|{} columns", detected.columns.len()).as_bytes());
    }
    for cell in header {
        h.update(b"|");
        h.update(cell.trim().to_lowercase().as_bytes());
    }
    format!("{:x}", h.finalize())[..16].to_string()
}

fn report(
    file: &FileInfo,
    batch_id: Option<i64>,
    account: String,
    summary: ParseSummary,
    imported: u64,
    already_present: u64,
    flagged: u64,
) -> ImportReport {
    ImportReport {
        file: file.name.to_string(),
        sha256: file.sha256.to_string(),
        batch_id,
        account,
        rows_read: summary.rows_read,
        imported,
        already_present,
        skipped: summary.skipped_total,
        skipped_lines: summary.skipped,
        detected: summary.detected,
        flagged,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        AppError::new(
            ErrorCode::Io,
            format!("{}: cannot read the file: {e}", path.display()),
        )
    })
}

/// An import error as the app reports it: the file (and, for a workbook, the sheet) first.
fn import_error(name: &str, e: ImportError) -> AppError {
    let (key, mut args) = e.key_and_args();
    let message = format!("{name}: {e}");
    args.push(("file", name.to_string()));
    AppError::new(ErrorCode::Import, message).with_detail(format!("import.{key}"), args)
}
