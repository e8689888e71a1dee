//! Search and paging over the imported database, through the same `App` calls the
//! transactions view makes.

use crate::report::median_ms;
use anyhow::Result;
use recourse_app::dto::TxFilter;
use recourse_app::App;
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
