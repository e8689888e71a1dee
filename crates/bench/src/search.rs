//! Search and paging over the imported database, through the same `App` calls the
//! transactions view makes.

use crate::report::median_ms;
use anyhow::{Context, Result};
use recourse_app::dto::TxFilter;
use recourse_app::{App, ImportRequest};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// Rows per page of the transactions view.
pub const PAGE: u64 = 100;
const RUNS: usize = 7;

pub struct SearchTiming {
    pub query: String,
    pub matches: i64,
    pub page_ms: f64,
    pub page_and_totals_ms: f64,
}

/// Median time of the first page of a search, alone and with its totals.
pub fn search(app: &App, query: &str) -> Result<SearchTiming> {
    let filter = TxFilter {
        search: Some(query.to_string()),
        ..Default::default()
    };
    let (mut page, mut both) = (Vec::new(), Vec::new());
    let mut matches = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        std::hint::black_box(app.transactions_page(&filter, 0, PAGE)?);
        page.push(t.elapsed().as_secs_f64() * 1e3);
        let totals = app.totals(&filter)?;
        both.push(t.elapsed().as_secs_f64() * 1e3);
        matches = totals.iter().map(|t| t.count).sum();
    }
    Ok(SearchTiming {
        query: query.to_string(),
        matches,
        page_ms: median_ms(page),
        page_and_totals_ms: median_ms(both),
    })
}

/// Median time of one page of the unfiltered view (newest first) at `offset`.
pub fn page_at(app: &App, offset: u64) -> Result<(f64, usize)> {
    let filter = TxFilter::default();
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let page = app.transactions_page(&filter, offset, PAGE)?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
        n = page.rows.len();
    }
    Ok((median_ms(times), n))
}

/// The first page and totals after an import, and after undoing it: what the user waits for
/// when they come back to the transactions screen. The import is appended to the in-memory
/// view; the undo makes it read every row again. Medians of three rounds.
pub struct AfterWrite {
    pub imported: u64,
    pub after_import_ms: f64,
    pub after_undo_ms: f64,
}

/// Median of three rounds of: import `file`, first page; undo it, first page.
pub fn after_write(app: &mut App, file: &Path) -> Result<AfterWrite> {
    let first_page = |app: &App| -> Result<f64> {
        let t = Instant::now();
        std::hint::black_box(app.transactions_page(&TxFilter::default(), 0, PAGE)?);
        std::hint::black_box(app.totals(&TxFilter::default())?);
        Ok(t.elapsed().as_secs_f64() * 1e3)
    };
    first_page(app)?; // the view is current before the first import
    let req = ImportRequest {
        account: Some("bench-more".into()),
        ..Default::default()
    };
    let (mut after_import, mut after_undo, mut imported) = (Vec::new(), Vec::new(), 0);
    for _ in 0..3 {
        let report = app
            .import_files(
                &[file.to_path_buf()],
                &req,
                &|_| {},
                &AtomicBool::new(false),
            )?
            .remove(0);
        imported = report.imported;
        after_import.push(first_page(app)?);
        app.undo_batch(report.batch_id.context("the import made no batch")?)?;
        after_undo.push(first_page(app)?);
    }
    Ok(AfterWrite {
        imported,
        after_import_ms: median_ms(after_import),
        after_undo_ms: median_ms(after_undo),
    })
}
