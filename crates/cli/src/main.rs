//! `recourse`: the headless command-line tool. Parses arguments, calls `recourse-app`, prints.
//! `--json` output is one JSON document on stdout; human text and progress go to stderr; errors
//! are one `error: …` line on stderr with a non-zero exit.

/// `println!` that ends the program quietly with success when the reader has gone away
/// (`recourse flags | head -1`), as Unix tools do, instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            $crate::stdout_failed(e);
        }
    }};
}

/// `print!` with the same closed-pipe rule as `out!`.
macro_rules! out_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($arg)*) {
            $crate::stdout_failed(e);
        }
    }};
}

mod cases;
mod templates;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use recourse_app::dto::{FlagKind, FlagReason, FlagStatus, Lang, Severity, TxFilter};
use recourse_app::ErrorCode;
use recourse_app::{App, AppError, Currency, ImportRequest, ProfileSource};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(Parser)]
#[command(
    name = "recourse",
    version,
    about = "Catch wrong card charges and get your money back."
)]
struct Cli {
    /// The database (default: $RECOURSE_DB, else the desktop app's own database).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// `recourse flags --status`: a `FlagStatus` by its name, or `all` (None: both).
fn status_filter() -> impl clap::builder::TypedValueParser<Value = Option<FlagStatus>> {
    let names = FlagStatus::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .chain([PossibleValue::new("all")]);
    PossibleValuesParser::new(names).map(|s| FlagStatus::from_str(&s, false).ok())
}

#[derive(Subcommand)]
enum Command {
    /// Import statement files (CSV/TSV, XLSX/XLS/ODS, OFX/QFX/QBO, CAMT.053/052, or a ZIP of
    /// those), each as one atomic batch. The account comes from --account, else the file
    /// (IBAN, ACCTID), else the layout's preset, else the account last given for a file of the
    /// same layout, else "default". The currency comes from --currency, else the file, else
    /// the preset, else the account's earlier imports, else the default-currency setting.
    Import {
        #[arg(long)]
        account: Option<String>,
        /// The statements' currency (ISO 4217 code, e.g. EUR), over what the files say.
        #[arg(long, value_name = "ISO")]
        currency: Option<String>,
        /// Use the import profile saved for this account, or a profile file
        /// (`recourse profiles export`).
        #[arg(long)]
        profile: Option<String>,
        /// Detect and parse, but write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Read the password of encrypted ZIP archives from the first line of stdin (never
        /// stored).
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List transactions.
    Transactions {
        #[arg(long)]
        account: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List flagged charges.
    Flags {
        #[arg(long, value_enum, default_value_t = Severity::Low)]
        min_severity: Severity,
        // Spelled out so clap takes the parser's Option as the value, not as "may be absent".
        #[arg(long, default_value = "open", value_parser = status_filter())]
        status: std::option::Option<FlagStatus>,
        #[arg(long)]
        json: bool,
    },
    /// Act on one flag.
    Flag {
        #[command(subcommand)]
        action: FlagAction,
    },
    /// Import batches, and undoing one.
    Batches {
        #[command(subcommand)]
        action: Option<BatchAction>,
        #[arg(long)]
        json: bool,
    },
    /// Dispute cases: open, list, show, record steps and answers, evidence, close.
    Case {
        #[command(subcommand)]
        action: cases::CaseAction,
    },
    /// Write a case's letter for one step to a file (PDF, DOCX or text).
    Letter(cases::LetterArgs),
    /// The sender's name, address and contact on letters (`profile` is the older name).
    #[command(alias = "profile")]
    Sender {
        #[command(subcommand)]
        action: cases::SenderAction,
    },
    /// Saved import profiles (column mappings): list them, or export one to a file.
    Profiles {
        #[command(subcommand)]
        action: Option<ProfilesAction>,
    },
    /// Letter wording templates: show the one in use, or use your own.
    Template {
        #[command(subcommand)]
        action: templates::TemplateAction,
    },
    /// Write everything (the database and the evidence files) to one backup file.
    Backup {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Check a backup file and replace the current data with it, keeping a dated safety copy of
    /// what it replaces.
    Restore {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum FlagAction {
    /// "Looks fine": never raise it again.
    Dismiss {
        id: i64,
        /// Also trust the merchant: no new-merchant flags for it any more.
        #[arg(long)]
        trust_merchant: bool,
    },
}

#[derive(Subcommand)]
enum ProfilesAction {
    /// Write an account's saved import profile as JSON, to FILE or stdout; `import --profile
    /// FILE` reads it back.
    Export {
        account: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum BatchAction {
    /// Remove an import batch and everything it added.
    Undo { id: i64 },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A write to stdout failed: a closed pipe is the reader's choice (exit 0, say nothing);
/// anything else is an error.
fn stdout_failed(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write the output: {e}");
    std::process::exit(1);
}

fn print_json<T: Serialize>(value: &T) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::new(ErrorCode::Io, e.to_string()))?;
    out!("{text}");
    Ok(())
}

fn run(cli: Cli) -> Result<(), AppError> {
    let db = cli.db.unwrap_or_else(recourse_app::default_db_path);
    let mut app = App::open(&db)?;
    match cli.command {
        Command::Import {
            account,
            currency,
            profile,
            dry_run,
            password_stdin,
            json,
            files,
        } => {
            let password = if password_stdin {
                Some(read_password()?)
            } else {
                None
            };
            let currency = match currency {
                Some(code) => Some(Currency::parse(code.trim()).ok_or_else(|| {
                    AppError::invalid(format!(
                        "--currency: '{code}' is not an ISO 4217 currency code (e.g. EUR, USD, CNY)"
                    ))
                })?),
                None => None,
            };
            let req = ImportRequest {
                account,
                currency,
                profile: profile.map(ProfileSource::AccountOrFile),
                dry_run,
                password,
                ..Default::default()
            };
            let cancel = AtomicBool::new(false);
            let progress = |p: recourse_app::dto::ImportProgress| {
                if !json {
                    eprintln!("{}: {} rows…", p.file, p.rows);
                }
            };
            let reports = app.import_files(&files, &req, &progress, &cancel)?;
            if json {
                print_json(&reports)?;
            } else {
                for r in &reports {
                    eprintln!(
                        "{}: {} rows read, {} imported, {} already present, {} skipped, {} flagged (account {})",
                        r.file, r.rows_read, r.imported, r.already_present, r.skipped, r.flagged, r.account
                    );
                }
            }
        }
        Command::Transactions {
            account,
            from,
            to,
            search,
            json,
        } => {
            let filter = TxFilter {
                account,
                from,
                to,
                search,
                ascending: true,
                ..Default::default()
            };
            let rows = app.transactions(&filter)?;
            if json {
                print_json(&rows)?;
            } else {
                for t in &rows {
                    out!(
                        "{:>6}  {}  {:>12} {}  {}  ({}{}:{})",
                        t.id,
                        t.date,
                        t.amount,
                        t.currency,
                        t.description,
                        t.source_file,
                        t.source_sheet
                            .as_deref()
                            .map(|s| format!(" · {s}"))
                            .unwrap_or_default(),
                        t.source_line
                    );
                }
            }
        }
        Command::Flags {
            min_severity,
            status,
            json,
        } => {
            let flags = app.flags(min_severity, status, Lang::En)?;
            if json {
                #[derive(Serialize)]
                struct FlagJson<'a> {
                    id: i64,
                    transaction_id: i64,
                    kind: FlagKind,
                    reason: FlagReason,
                    severity: Severity,
                    explanation: &'a str,
                    related_transaction_ids: &'a [i64],
                    status: FlagStatus,
                }
                let out: Vec<FlagJson> = flags
                    .iter()
                    .map(|f| FlagJson {
                        id: f.id,
                        transaction_id: f.transaction_id,
                        kind: f.kind,
                        reason: f.reason,
                        severity: f.severity,
                        explanation: &f.explanation,
                        related_transaction_ids: &f.related_transaction_ids,
                        status: f.status,
                    })
                    .collect();
                print_json(&out)?;
            } else {
                for f in &flags {
                    out!("{:>5}  {:<6}  {}", f.id, f.severity.as_str(), f.explanation);
                }
            }
        }
        Command::Flag {
            action: FlagAction::Dismiss { id, trust_merchant },
        } => {
            app.dismiss_flag(id, trust_merchant)?;
            eprintln!("flag {id} dismissed");
        }
        Command::Case { action } => cases::case(&mut app, action)?,
        Command::Letter(args) => cases::letter(&app, args)?,
        Command::Sender { action } => cases::sender(&mut app, action)?,
        Command::Template { action } => templates::template(&mut app, action)?,
        Command::Backup { file, json } => {
            let report = app.backup(&file)?;
            if json {
                print_json(&report)?;
            } else {
                eprintln!(
                    "backed up to {} ({} bytes, {} evidence files)",
                    report.path, report.bytes, report.evidence_files
                );
            }
        }
        Command::Restore { file, json } => {
            let report = app.restore(&file)?;
            if json {
                print_json(&report)?;
            } else {
                eprintln!(
                    "restored from {} ({} evidence files); the data it replaced is kept in {}",
                    report.restored_from, report.evidence_files, report.previous_copy
                );
            }
        }
        Command::Profiles { action: None } => {
            for name in app.accounts_with_profiles()? {
                out!("{name}");
            }
        }
        Command::Profiles {
            action: Some(ProfilesAction::Export { account, out }),
        } => {
            let json = app.export_import_profile(&account)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, json + "\n").map_err(|e| {
                        AppError::new(
                            ErrorCode::Io,
                            format!("{}: cannot write: {e}", path.display()),
                        )
                    })?;
                    eprintln!(
                        "wrote the import profile of '{account}' to {}",
                        path.display()
                    );
                }
                None => out!("{json}"),
            }
        }
        Command::Batches { action, json } => match action {
            Some(BatchAction::Undo { id }) => {
                let n = app.undo_batch(id)?;
                eprintln!("batch {id} undone: {n} transactions removed");
            }
            None => {
                let batches = app.batches()?;
                if json {
                    print_json(&batches)?;
                } else {
                    for b in &batches {
                        out!(
                            "{:>4}  {}  {}  {} imported ({} already present)",
                            b.id,
                            b.imported_at,
                            b.file_name,
                            b.imported,
                            b.already_present
                        );
                    }
                }
            }
        },
    }
    Ok(())
}

/// The first line of stdin, without its line end: an archive's password.
fn read_password() -> Result<recourse_app::Password, AppError> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| {
        AppError::new(
            ErrorCode::Io,
            format!("cannot read the password from stdin: {e}"),
        )
    })?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        return Err(AppError::invalid(
            "--password-stdin: no password on stdin (expected it on the first line)",
        ));
    }
    Ok(recourse_app::Password::new(password))
}
