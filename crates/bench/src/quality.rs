//! Detection quality on labelled synthetic statements, and detection speed over a million
//! transactions (the same measures as core's `detection_quality` example).

use crate::report::{Bar, Table};
use recourse_app::{App, ImportRequest};
use recourse_core::detect::{detect, Context, DetectConfig, Flag, FlagReason, Severity};
use recourse_core::money::Currency;
use recourse_testsupport::labelled::statement_csv::{
    score, statements, CsvConfig, CsvQuality, StoredRow,
};
use recourse_testsupport::labelled::years::{
    generate, measure, Labelled, Quality, QualityRun, SynthConfig,
};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// The labelled population both paths measure.
fn population() -> SynthConfig {
    SynthConfig {
        seed: 42,
        people: 12,
        years: 3,
        ..SynthConfig::default()
    }
}

pub fn run(table: &mut Table, rows: usize) {
    let QualityRun {
        data,
        flags,
        quality: q,
    } = measure(&population());
    table.note(&format!(
        "labelled set, rows straight to detection: {} transactions (12 people × 3 years), {} flags",
        data.txns.len(),
        flags.len()
    ));
    quality_table(table, &q, &data);
    match csv_path(&population()) {
        Ok((c, files)) => {
            table.note(&format!(
                "same set through the real import: {files} overlapping monthly CSV files \
                 (Chase, Monzo, German bank, WeChat Pay)"
            ));
            table.note(&format!(
                "rows printed {}, stored {} (stored twice {}, missing {}, misread {}, \
                 unmapped {}); sums per account and currency {}",
                c.rows_printed,
                c.rows_stored,
                c.stored_twice.len(),
                c.missing.len(),
                c.misread.len(),
                c.unmapped.len(),
                if c.sums_printed == c.sums_stored {
                    "match"
                } else {
                    "DIFFER"
                }
            ));
            quality_table(table, &c.quality, &data);
        }
        Err(e) => table.note(&format!("CSV path failed: {e}")),
    }

    // Speed: grow the population until it holds about `rows` transactions.
    let big = generate(&SynthConfig {
        people: (rows / 1150).max(1) as u32,
        years: 1,
        seed: 7,
        ..SynthConfig::default()
    });
    let t = Instant::now();
    let flags = detect(
        &big.txns,
        &|_| true,
        &DetectConfig::default(),
        &Context::default(),
    );
    let secs = t.elapsed().as_secs_f64();
    table.line(
        &format!(
            "detect over {} transactions ({} flags)",
            big.txns.len(),
            flags.len()
        ),
        secs,
        "s",
        Bar::None,
    );
}

/// The per-reason table, then each trap flagged at medium or above with its row.
fn quality_table(table: &mut Table, q: &Quality, data: &Labelled) {
    for line in q.table_lines(&[("all", &FlagReason::ALL)]) {
        table.note(&line);
    }
    table.note(&format!(
        "traps flagged at medium or above: {}",
        q.traps_medium_plus.len()
    ));
    for (id, reason, trap) in &q.traps_medium_plus {
        if let Some(t) = data.txns.iter().find(|t| t.id == *id) {
            table.note(&format!(
                "  {} on a {trap:?} row: {} {:?} {} {}",
                reason.as_str(),
                t.date,
                t.description,
                t.amount,
                t.currency.code()
            ));
        }
    }
}

/// Writes the population as statement files, imports them into a fresh database (one account
/// per person, files in date order) and scores the flags the import raised.
fn csv_path(cfg: &SynthConfig) -> anyhow::Result<(CsvQuality, usize)> {
    let dir = tempfile::Builder::new()
        .prefix("recourse-quality")
        .tempdir()?;
    let set = statements(&generate(cfg), &CsvConfig::default());
    let mut app = App::open(&dir.path().join("quality.db"))?;
    let mut accounts: Vec<&str> = Vec::new();
    for f in &set.files {
        if !accounts.contains(&f.account.as_str()) {
            accounts.push(&f.account);
        }
    }
    for account in accounts {
        let paths = set
            .files
            .iter()
            .filter(|f| f.account == account)
            .map(|f| write(dir.path(), &f.name, &f.text))
            .collect::<std::io::Result<Vec<PathBuf>>>()?;
        let req = ImportRequest {
            account: Some(account.to_string()),
            ..Default::default()
        };
        app.import_files(&paths, &req, &|_| {}, &AtomicBool::new(false))?;
    }
    let mut stored = Vec::new();
    for t in app.transactions(&Default::default())? {
        stored.push(StoredRow {
            id: t.id,
            moves_money: t.status.moves_money(),
            currency: Currency::parse(&t.currency)
                .ok_or_else(|| anyhow::anyhow!("stored currency {}", t.currency))?,
            account: t.account,
            source_file: t.source_file,
            source_line: t.source_line as u64,
            amount: t.amount_minor,
        });
    }
    let mut flags = Vec::new();
    for f in app.flags(Severity::Low, None, recourse_app::dto::Lang::En)? {
        flags.push(Flag {
            transaction_id: f.transaction_id,
            reason: f.reason,
            severity: f.severity,
            related_transaction_ids: f.related_transaction_ids,
            explanation_en: f.explanation_en,
            explanation_zh: f.explanation_zh,
        });
    }
    Ok((score(&set, &stored, &flags), set.files.len()))
}

fn write(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    Ok(path)
}
