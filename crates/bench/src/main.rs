//! `make bench`: measures the numbers in PRODUCT.md's quality bars on this machine and prints
//! them as a table, each line with its bar and PASS or MISS. Always exits 0 when it could
//! measure; a MISS is a finding, not a crash.
//!
//! `cargo run --release -p recourse-bench [-- --rows N]` (default 1,000,000). The import is
//! measured as a child process of the release `recourse` CLI, which this builds first.
//! `-- --only formats` measures only the import of one statement as CSV, XLSX and OFX;
//! `-- --only hostile [--hostile-mb N]` only the peak memory of hostile inputs (default 100 MB);
//! `-- --cli PATH` uses that CLI binary instead of building the release one.

mod baseline;
mod child;
mod formats;
mod hostile;
mod independent;
mod letters;
mod quality;
mod report;
mod search;
mod startup;
mod statements;

use anyhow::{bail, Context, Result};
use report::{Bar, Table};
use statements::Dialect;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The size hledger is compared on (PRODUCT.md quotes it for 100,000 rows).
const HLEDGER_ROWS: u64 = 100_000;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn arg(name: &str) -> Option<String> {
    std::env::args().skip_while(|a| a != name).nth(1)
}

fn run() -> Result<()> {
    let rows: u64 = match arg("--rows") {
        Some(n) => n
            .parse()
            .with_context(|| format!("--rows {n}: not a number"))?,
        None => 1_000_000,
    };
    let started = Instant::now();
    // `--cli PATH` measures that build of the CLI instead (e.g. a debug build, to check the
    // hostile inputs' memory without a release build).
    let cli = match arg("--cli") {
        Some(path) => PathBuf::from(path),
        None => build_release("recourse-cli", "recourse")?,
    };
    let dir = tempfile::Builder::new()
        .prefix("recourse-bench")
        .tempdir()?;
    let mut table = Table::new();
    println!("Recourse benchmarks — {}", machine());
    println!("peak memory: {}", child::peak_method());

    let hostile_mb: usize = match arg("--hostile-mb") {
        Some(n) => n
            .parse()
            .with_context(|| format!("--hostile-mb {n}: not a number"))?,
        None => 100,
    };
    if arg("--only").as_deref() == Some("hostile") {
        hostile_section(&mut table, &cli, dir.path(), hostile_mb)?;
        return Ok(());
    }
    if arg("--only").as_deref() == Some("formats") {
        let csv = dir
            .path()
            .join(format!("simple-{}k.csv", HLEDGER_ROWS / 1000));
        statements::write(&csv, Dialect::Simple, HLEDGER_ROWS, 11)?;
        let csv_db = dir.path().join("simple.db");
        let (m, _) = import(&cli, &csv_db, &csv)?;
        formats_section(&mut table, &cli, dir.path(), &csv, m.wall.as_secs_f64())?;
        return Ok(());
    }

    table.section("statements");
    let small: Vec<(Dialect, PathBuf)> = Dialect::ALL
        .iter()
        .map(|&d| {
            (
                d,
                dir.path()
                    .join(format!("{}-{}k.csv", d.name(), HLEDGER_ROWS / 1000)),
            )
        })
        .collect();
    let big = dir.path().join(format!("simple-{rows}.csv"));
    let t = Instant::now();
    for (i, (d, path)) in small.iter().enumerate() {
        statements::write(path, *d, HLEDGER_ROWS, 11 + i as u64)?;
    }
    statements::write(&big, Dialect::Simple, rows, 7)?;
    table.note(&format!(
        "generated 3 × {HLEDGER_ROWS} rows and {rows} rows ({:.0} MB) in {:.1} s",
        file_mb(&big),
        t.elapsed().as_secs_f64()
    ));

    table.section(&format!(
        "import {HLEDGER_ROWS} rows per dialect (release CLI, fresh database)"
    ));
    let mut ours_small = None;
    for (d, path) in &small {
        let db = dir.path().join(format!("{}.db", d.name()));
        let (m, r) = import(&cli, &db, path)?;
        let secs = m.wall.as_secs_f64();
        table.line(
            &format!(
                "{}: wall ({} imported, {} flagged)",
                d.name(),
                r.imported,
                r.flagged
            ),
            secs,
            "s",
            Bar::None,
        );
        table.line(
            &format!("{}: rows/s", d.name()),
            r.rows_read as f64 / secs,
            "rows/s",
            Bar::None,
        );
        table.line(
            &format!("{}: peak memory", d.name()),
            m.peak_mb,
            "MB",
            Bar::None,
        );
        if *d == Dialect::Simple {
            ours_small = Some(secs);
        }
    }

    if let (Some(secs), Some((_, csv))) = (
        ours_small,
        small.iter().find(|(d, _)| *d == Dialect::Simple),
    ) {
        formats_section(&mut table, &cli, dir.path(), csv, secs)?;
    }

    table.section(&format!(
        "import {rows} rows end to end (detect, parse, dedupe, store, flag)"
    ));
    let db = dir.path().join("big.db");
    let (m, r) = import(&cli, &db, &big)?;
    let ours_big = m.wall.as_secs_f64();
    table.line("wall time", ours_big, "s", Bar::AtMost(5.0));
    table.line("peak memory", m.peak_mb, "MB", Bar::AtMost(300.0));
    table.line("rows/s", r.rows_read as f64 / ours_big, "rows/s", Bar::None);
    table.line(
        "rows imported",
        r.imported as f64,
        "rows",
        Bar::AtLeast(rows as f64),
    );
    table.line("flags raised", r.flagged as f64, "flags", Bar::None);
    let (m, r) = import(&cli, &db, &big)?;
    table.line(
        "re-import: wall time",
        m.wall.as_secs_f64(),
        "s",
        Bar::AtMost(3.0),
    );
    table.line(
        "re-import: peak memory",
        m.peak_mb,
        "MB",
        Bar::AtMost(300.0),
    );
    table.line(
        "re-import: new rows",
        r.imported as f64,
        "rows",
        Bar::AtMost(0.0),
    );

    table.section(&format!(
        "baseline: csv crate + SQLite bulk insert of the same {rows} rows (in-process)"
    ));
    let b = baseline::measure(&big, dir.path())?;
    if b.rows != rows {
        bail!("baseline read {} rows, expected {rows}", b.rows);
    }
    table.line("csv parse only", b.parse.as_secs_f64(), "s", Bar::None);
    table.line(
        "csv parse + bulk insert (no indexes)",
        b.parse_and_insert.as_secs_f64(),
        "s",
        Bar::None,
    );
    table.line(
        "ours ÷ (csv + insert)",
        ours_big / b.parse_and_insert.as_secs_f64(),
        "×",
        Bar::AtMost(3.0),
    );

    table.section(&format!("hledger reading the same {HLEDGER_ROWS}-row file"));
    match hledger(&small[0].1, dir.path()) {
        Ok(Some(h)) => {
            table.line(
                "hledger print: wall time",
                h.wall.as_secs_f64(),
                "s",
                Bar::None,
            );
            table.line("hledger print: peak memory", h.peak_mb, "MB", Bar::None);
            if let Some(ours) = ours_small {
                table.line(
                    "our speed-up over hledger",
                    h.wall.as_secs_f64() / ours,
                    "×",
                    Bar::AtLeast(50.0),
                );
            }
        }
        Ok(None) => table.note("hledger is not installed: skipped (`make bench` installs it)"),
        Err(e) => table.note(&format!("hledger failed: {e:#}")),
    }

    table.section(&format!(
        "search and pages over the {rows}-row database (App, median of 7)"
    ));
    let mut app = recourse_app::App::open(&db)?;
    for q in ["starbucks", "Blue Bottle", "美团", "ZANZIBAR"] {
        let s = search::search(&app, q)?;
        table.line(
            &format!("search {:?}: first page ({} matches)", s.query, s.matches),
            s.page_ms,
            "ms",
            Bar::AtMost(50.0),
        );
        table.line(
            &format!("search {:?}: first page + totals", s.query),
            s.page_and_totals_ms,
            "ms",
            Bar::AtMost(50.0),
        );
    }
    for offset in [0, rows / 2, rows.saturating_sub(1000)] {
        let (ms, n) = search::page_at(&app, offset)?;
        table.line(
            &format!("page of {} at offset {offset} ({n} rows)", search::PAGE),
            ms,
            "ms",
            Bar::AtMost(10.0),
        );
    }
    let more = dir.path().join("more-1000.csv");
    statements::write(&more, Dialect::Simple, 1000, 99)?;
    let w = search::after_write(&mut app, &more)?;
    table.line(
        &format!(
            "first page + totals after importing {} rows (median of 3)",
            w.imported
        ),
        w.after_import_ms,
        "ms",
        Bar::AtMost(10.0),
    );
    table.line(
        "first page + totals after undoing that import (median of 3)",
        w.after_undo_ms,
        "ms",
        Bar::None,
    );
    drop(app);

    table.section("app start to first screen (release app; first launch, then median of 5)");
    match start_up(&db, rows, dir.path()) {
        Ok(lines) => {
            for (what, s) in lines {
                table.line(
                    &format!("{what}: first launch"),
                    s.first_ms,
                    "ms",
                    Bar::AtMost(1500.0),
                );
                table.line(
                    &format!("{what}: median"),
                    s.median_ms,
                    "ms",
                    Bar::AtMost(1500.0),
                );
                table.line(&format!("{what}: slowest"), s.max_ms, "ms", Bar::None);
            }
        }
        Err(e) => table.note(&format!("skipped: {e:#}")),
    }

    hostile_section(&mut table, &cli, dir.path(), hostile_mb)?;

    table.section("detection");
    quality::run(&mut table, rows as usize);

    table.section("detection on the independent benchmark (through the real import)");
    independent::run(&mut table);

    table.section("letters to PDF (after warm-up, 20 renders each)");
    for r in letters::measure(20)? {
        table.line(&format!("{}: mean", r.lang), r.mean_ms, "ms", Bar::None);
        table.line(
            &format!("{}: p95", r.lang),
            r.p95_ms,
            "ms",
            Bar::AtMost(300.0),
        );
    }

    println!(
        "\n{} bar(s) missed; benchmark took {:.0} s",
        table.misses(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Peak memory of the import of each hostile input, against the file's size + 200 MB.
fn hostile_section(table: &mut Table, cli: &Path, dir: &Path, mb: usize) -> Result<()> {
    table.section(&format!(
        "hostile inputs, {mb} MB of filler each (the CLI in a child process; peak memory ≤ file + 200 MB)"
    ));
    hostile::run(table, cli, dir, mb)
}

/// The same statement as XLSX and as OFX, imported by the release CLI next to its CSV.
fn formats_section(
    table: &mut Table,
    cli: &Path,
    dir: &Path,
    csv: &Path,
    csv_secs: f64,
) -> Result<()> {
    table.section(&format!(
        "import {HLEDGER_ROWS} rows per format (release CLI, fresh database)"
    ));
    table.line("CSV: wall", csv_secs, "s", Bar::None);
    let xlsx = dir.join("simple-100k.xlsx");
    let ofx = dir.join("simple-100k.ofx");
    formats::write_xlsx(csv, &xlsx)?;
    formats::write_ofx(csv, &ofx)?;
    for (name, path) in [("XLSX", &xlsx), ("OFX", &ofx)] {
        let db = dir.join(format!("{name}.db"));
        let (m, r) = import(cli, &db, path)?;
        if r.rows_read != HLEDGER_ROWS {
            bail!("{name}: {} rows read, expected {HLEDGER_ROWS}", r.rows_read);
        }
        table.import(name, path, &m, Bar::AtMost(3.0), |_| Bar::None)?;
    }
    Ok(())
}

/// Start-up on a first start (empty database) and on the database of the big import.
fn start_up(big_db: &Path, rows: u64, dir: &Path) -> Result<Vec<(String, startup::Startup)>> {
    if std::env::var_os("DISPLAY").is_none() {
        bail!("no display (`make bench` runs under Xvfb)");
    }
    let app = build_release("recourse-desktop", "recourse-desktop")?;
    let home = dir.join("startup-home");
    Ok(vec![
        (
            "first start, empty database".to_string(),
            startup::measure(&app, &home, &dir.join("empty.db"), 6)?,
        ),
        (
            format!("a database of {rows} transactions"),
            startup::measure(&app, &home, big_db, 6)?,
        ),
    ])
}

/// What the CLI's `import --json` reports for one file (the fields the bench reads).
struct Imported {
    rows_read: u64,
    imported: u64,
    flagged: u64,
}

fn import(cli: &Path, db: &Path, file: &Path) -> Result<(child::Measured, Imported)> {
    let db = db.to_string_lossy();
    let file = file.to_string_lossy();
    let m = child::run(cli, &["--db", &db, "import", &file, "--json"])?;
    let json: serde_json::Value =
        serde_json::from_str(&m.stdout).context("the CLI's import JSON")?;
    let report = &json[0];
    let field = |name: &str| {
        report[name]
            .as_u64()
            .with_context(|| format!("no {name} in the import JSON"))
    };
    let r = Imported {
        rows_read: field("rows_read")?,
        imported: field("imported")?,
        flagged: field("flagged")?,
    };
    Ok((m, r))
}

/// Builds a release binary of the workspace (a no-op when it is current) and returns its path,
/// beside this binary. Without cargo (a copied bench), a binary already there is used.
fn build_release(package: &str, binary: &str) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-q", "-p", package])
        .status();
    let exe = std::env::current_exe()?.with_file_name(binary);
    match status {
        Ok(s) if s.success() => {}
        _ if exe.exists() => eprintln!("note: could not build {package}; using {}", exe.display()),
        _ => bail!("cannot build {package} (cargo build --release -p {package})"),
    }
    if !exe.exists() {
        bail!("{} not found after building {package}", exe.display());
    }
    Ok(exe)
}

/// hledger's `print` over the file with minimal CSV rules; `None` when hledger is missing.
fn hledger(csv: &Path, dir: &Path) -> Result<Option<child::Measured>> {
    let Some(hledger) = which("hledger") else {
        return Ok(None);
    };
    let rules = dir.join("bench.rules");
    std::fs::write(
        &rules,
        "skip 1\nfields date, description, amount\ndate-format %Y-%m-%d\naccount1 assets:card\n",
    )?;
    let csv = csv.to_string_lossy();
    let rules = rules.to_string_lossy();
    Ok(Some(child::run(
        &hledger,
        &["-f", &csv, "--rules-file", &rules, "print"],
    )?))
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0)
}

/// The CPU model and core count, for the record.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    format!("{model}, {cores} cores")
}
