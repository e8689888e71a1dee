//! Helpers shared by the import tests.
#![allow(dead_code)]

use recourse_core::import::{
    parse, ImportError, ImportOptions, ParseSummary, ParsedRow, RowStatus,
};
use recourse_core::money::{format_minor, Currency};
use std::collections::BTreeMap;

pub fn run(
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<(Vec<ParsedRow>, ParseSummary), ImportError> {
    let mut rows = Vec::new();
    let summary = parse(bytes, opts, &mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok((rows, summary))
}

/// Signed sums per currency as decimal strings, over rows passing `keep`.
pub fn sums(rows: &[ParsedRow], keep: impl Fn(&ParsedRow) -> bool) -> BTreeMap<String, String> {
    let mut by: BTreeMap<Currency, i64> = BTreeMap::new();
    for r in rows.iter().filter(|r| keep(r)) {
        *by.entry(r.currency).or_default() += r.amount;
    }
    by.into_iter()
        .map(|(c, v)| (c.code().to_string(), format_minor(v, c.minor_digits())))
        .collect()
}

pub fn counted(r: &ParsedRow) -> bool {
    r.status != RowStatus::Neutral
}

pub fn opts(default_currency: Option<&str>) -> ImportOptions {
    ImportOptions {
        profile: None,
        default_currency: default_currency.and_then(Currency::parse),
        ..Default::default()
    }
}

/// `shared/fixtures/<sub>` beside the repository (data the repository does not carry), or None
/// when it is absent. A test cannot mark itself skipped at run time, so one that finds nothing
/// says so: `SKIPPED:` on stderr, and a file named after it in the target's tmp folder, which
/// `make test-rust` counts and reports, so a bare clone does not pass these tests in silence.
pub fn shared_fixtures(sub: &str, test: &str) -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures")
        .join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    eprintln!("SKIPPED: {test}: {} is absent", dir.display());
    let skips = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("skipped-shared-fixtures");
    if std::fs::create_dir_all(&skips).is_ok() {
        let _ = std::fs::write(skips.join(test), dir.display().to_string());
    }
    None
}
