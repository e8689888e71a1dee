//! Detection quality measured through the real import: labelled synthetic statements are
//! written as overlapping monthly CSV files in four export dialects (Chase, Monzo, a German
//! bank, WeChat Pay), imported into a fresh SQLite database, and the flags the import raised
//! are mapped back to their labels by (source file, source line). The bars are the product's,
//! and the import must store every printed row exactly once with the printed amounts.

use recourse_app::{App, ImportRequest};
use recourse_core::detect::{Flag, FlagReason, Severity};
use recourse_core::money::Currency;
use recourse_testsupport::labelled::statement_csv::{
    score, statements, CsvConfig, CsvQuality, StoredRow,
};
use recourse_testsupport::labelled::years::{ratio, SynthConfig};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// Writes the statements to `dir`, imports them account by account in date order, and scores.
fn import_and_score(dir: &std::path::Path, cfg: &SynthConfig) -> CsvQuality {
    let data = recourse_testsupport::labelled::years::generate(cfg);
    let set = statements(&data, &CsvConfig::default());
    let mut app = App::open(&dir.join("quality.db")).expect("open database");
    let mut accounts: Vec<String> = Vec::new();
    for f in &set.files {
        if !accounts.contains(&f.account) {
            accounts.push(f.account.clone());
        }
    }
    for account in &accounts {
        let paths: Vec<PathBuf> = set
            .files
            .iter()
            .filter(|f| &f.account == account)
            .map(|f| {
                let path = dir.join(&f.name);
                std::fs::write(&path, &f.text).expect("write statement");
                path
            })
            .collect();
        let req = ImportRequest {
            account: Some(account.clone()),
            ..Default::default()
        };
        let reports = app
            .import_files(&paths, &req, &|_| {}, &AtomicBool::new(false))
            .unwrap_or_else(|e| panic!("import {account}: {e:?}"));
        for r in reports {
            // Only a wallet bill's preamble may be passed over, never a transaction row.
            let rows_skipped: Vec<_> = r
                .skipped_lines
                .iter()
                .filter(|s| s.reason != recourse_core::import::SkipReason::Preamble)
                .collect();
            assert!(
                rows_skipped.is_empty(),
                "{}: skipped {rows_skipped:?}",
                r.file
            );
        }
    }
    let stored: Vec<StoredRow> = app
        .transactions(&Default::default())
        .expect("list transactions")
        .into_iter()
        .map(|t| StoredRow {
            id: t.id,
            moves_money: t.status.moves_money(),
            account: t.account,
            source_file: t.source_file,
            source_line: t.source_line as u64,
            amount: t.amount_minor,
            currency: Currency::parse(&t.currency).expect("stored currency"),
        })
        .collect();
    let flags: Vec<Flag> = app
        .flags(Severity::Low, None, recourse_app::dto::Lang::En)
        .expect("list flags")
        .into_iter()
        .map(|f| Flag {
            transaction_id: f.transaction_id,
            reason: f.reason,
            severity: f.severity,
            related_transaction_ids: f.related_transaction_ids,
            explanation_en: f.explanation_en,
            explanation_zh: f.explanation_zh,
        })
        .collect();
    score(&set, &stored, &flags)
}

fn measured() -> CsvQuality {
    let dir = tempfile::tempdir().unwrap();
    import_and_score(
        dir.path(),
        &SynthConfig {
            seed: 42,
            people: 4,
            years: 2,
            ..SynthConfig::default()
        },
    )
}

fn describe(c: &CsvQuality) -> String {
    let q = &c.quality;
    format!(
        "{:?}\ntraps: {:?}\nordinary: {:?}\nstored {} of {} printed ({} generated); twice {:?}; \
         missing {:?}; unmapped {:?}; misread {:?}\nsums printed {:?}\nsums stored {:?}",
        q.per_reason,
        q.traps_medium_plus,
        q.ordinary_medium_plus,
        c.rows_stored,
        c.rows_printed,
        c.rows_generated,
        c.stored_twice,
        c.missing,
        c.unmapped,
        c.misread,
        c.sums_printed,
        c.sums_stored
    )
}

/// The bars on the CSV path: the import is exact (overlapping files add no row twice,
/// every row reads as printed), recall ≥ 0.95 on duplicates and ≥ 0.9 on unexpected charges,
/// precision ≥ 0.8 per reason, no trap at medium or above, no flag on a row that moved no money.
/// It found three gaps the direct path could not show, since fixed: a hotel abroad printed
/// converted to the home currency was a "large charge at a new merchant"; a day pass abroad on
/// consecutive days at the end of a monthly file was a "double charge" (the rest of the trip
/// arrives with the next file); and a refund whose booking text differed from the charge's
/// (`Gutschrift` against `Kartenzahlung`) was a different merchant.
#[test]
fn imported_statements_meet_the_quality_bars() {
    let c = measured();
    let q = &c.quality;
    let report = describe(&c);
    eprintln!("{report}");
    assert!(c.rows_printed > 5_000, "{report}");
    assert!(c.stored_twice.is_empty(), "{report}");
    assert_eq!(c.rows_stored, c.rows_printed, "{report}");
    assert!(c.import_exact(), "{report}");
    assert_eq!(c.unmapped_flags, 0, "{report}");
    assert_eq!(q.not_money_flagged, 0, "{report}");
    // The bars of the issue.
    for r in [
        FlagReason::DoubleCharge,
        FlagReason::SubscriptionBilledTwice,
    ] {
        assert!(q.recall(r) >= 0.95, "recall of {}\n{report}", r.as_str());
    }
    for r in &FlagReason::ALL[2..] {
        assert!(q.recall(*r) >= 0.9, "recall of {}\n{report}", r.as_str());
    }
    let (tp, fp, _) = q.totals(&FlagReason::ALL);
    assert!(ratio(tp, tp + fp) >= 0.8, "overall precision\n{report}");
    for r in FlagReason::ALL {
        assert!(
            q.precision(r) >= 0.8,
            "precision of {}\n{report}",
            r.as_str()
        );
    }
    assert!(q.traps_medium_plus.is_empty(), "traps at medium+\n{report}");
    assert_eq!(q.not_money_flagged, 0, "{report}");
}
