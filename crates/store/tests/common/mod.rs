//! What the store's integration tests share: storing rows as one import batch.

use recourse_core::merchant::NameCache;
use recourse_core::model::{ParsedRow, PreparedRow};
use recourse_store::batches::{BatchSource, BatchSummary};
use recourse_store::Db;

/// Imports `rows` into `account` as one batch read from `file`; returns the batch's summary
/// and the ids of the rows it added.
pub fn import_rows(
    db: &mut Db,
    account: &str,
    file: &str,
    rows: &[ParsedRow],
) -> (BatchSummary, Vec<i64>) {
    let src = BatchSource {
        account,
        file_name: file,
        sha256: "x",
        now: "2026-01-01T00:00:00",
    };
    let (mut w, mut dedupe) = db.begin_batch(&src).unwrap();
    let mut names = NameCache::new();
    let ids = rows
        .iter()
        .filter_map(|r| {
            w.add(&mut dedupe, &PreparedRow::new(r.clone(), &mut names))
                .unwrap()
        })
        .collect();
    (w.finish(rows.len() as u64, 0, "{}").unwrap(), ids)
}
