//! Detection quality on labelled synthetic statements (several people, several years, every
//! locale). The bars are the product's: duplicates are found, unexpected charges mostly found,
//! few false alarms, and no trap (routine repeats, refunds, split payments, travel, new places)
//! ever reaches the inbox at medium or above.

use recourse_core::detect::{detect, Context, DetectConfig, FlagReason};
use recourse_testsupport::labelled::years::{generate, measure, ratio, QualityRun, SynthConfig};

#[test]
fn labelled_statements_meet_the_quality_bars() {
    for seed in [42, 7, 2024] {
        let QualityRun { quality: q, .. } = measure(&SynthConfig {
            seed,
            people: 8,
            years: 2,
            ..SynthConfig::default()
        });
        let report = format!(
            "seed {seed}: {:?}\ntraps: {:?}",
            q.per_reason, q.traps_medium_plus
        );

        for r in [
            FlagReason::DoubleCharge,
            FlagReason::SubscriptionBilledTwice,
        ] {
            assert!(
                q.recall(r) >= 0.95,
                "recall of {} below 0.95\n{report}",
                r.as_str()
            );
        }
        for r in &FlagReason::ALL[2..] {
            assert!(
                q.recall(*r) >= 0.9,
                "recall of {} below 0.9\n{report}",
                r.as_str()
            );
        }
        let (tp, fp, _) = q.totals(&FlagReason::ALL);
        assert!(
            ratio(tp, tp + fp) >= 0.8,
            "overall precision below 0.8\n{report}"
        );
        for r in FlagReason::ALL {
            assert!(
                q.precision(r) >= 0.8,
                "precision of {} below 0.8\n{report}",
                r.as_str()
            );
        }
        assert!(
            q.traps_medium_plus.is_empty(),
            "traps flagged at medium+\n{report}"
        );
        assert!(
            q.ordinary_medium_plus.is_empty(),
            "ordinary rows at medium+: {:?}\n{report}",
            q.ordinary_medium_plus
        );
        assert_eq!(q.not_money_flagged, 0, "{report}");
    }
}

#[test]
fn generator_is_deterministic_and_labels_every_reason() {
    let cfg = SynthConfig {
        people: 4,
        years: 1,
        ..SynthConfig::default()
    };
    let (a, b) = (generate(&cfg), generate(&cfg));
    assert_eq!(a.txns, b.txns);
    assert_eq!(a.expected, b.expected);
    for r in FlagReason::ALL {
        assert!(
            a.expected.values().any(|v| v.contains(&r)),
            "no {} injected",
            r.as_str()
        );
    }
    // Ids are unique and rows sorted by account, date, id, as the store hands them over.
    assert!(a
        .txns
        .windows(2)
        .all(|w| (w[0].account_id, w[0].date, w[0].id) < (w[1].account_id, w[1].date, w[1].id)));
}

#[test]
#[ignore = "timing: run with --release --ignored"]
fn a_million_transactions_take_seconds() {
    let data = generate(&SynthConfig {
        people: 870,
        years: 1,
        seed: 7,
        ..SynthConfig::default()
    });
    assert!(data.txns.len() >= 1_000_000, "{}", data.txns.len());
    let t = std::time::Instant::now();
    let flags = detect(
        &data.txns,
        &|_| true,
        &DetectConfig::default(),
        &Context::default(),
    );
    let took = t.elapsed();
    eprintln!(
        "detect over {} rows: {:.2?}, {} flags",
        data.txns.len(),
        took,
        flags.len()
    );
    assert!(took.as_secs_f64() < 5.0);
}

/// Every statement file of the CSV measure parses with the real parser (no I/O: the parser is
/// pure) into exactly the rows it prints, line by line: the importer reads each dialect's dates,
/// signs, currencies and statuses as written.
#[test]
fn statement_files_parse_back_to_their_rows() {
    use recourse_core::model::RowStatus;
    use recourse_testsupport::labelled::statement_csv::{statements, CsvConfig};
    let data = generate(&SynthConfig {
        people: 4,
        years: 1,
        ..SynthConfig::default()
    });
    let set = statements(&data, &CsvConfig::default());
    let mut rows_read = 0usize;
    for f in &set.files {
        let mut problems = Vec::new();
        recourse_core::import::parse(f.text.as_bytes(), &Default::default(), &mut |row| {
            rows_read += 1;
            let Some(id) = set.lines.get(&(f.name.clone(), row.line)) else {
                problems.push(format!("line {} is no statement row", row.line));
                return Ok(());
            };
            let printed = &set.rows[id];
            let amount_ok = if printed.status == RowStatus::Neutral {
                printed.amount.abs() == row.amount.abs()
            } else {
                printed.amount == row.amount
            };
            if row.date != printed.date
                || !amount_ok
                || row.currency != printed.currency
                || row.status.moves_money() != printed.status.moves_money()
                || !row.description.starts_with(&printed.description)
            {
                problems.push(format!(
                    "line {}: read {} {} {} {} {:?}, printed {} {} {} {} {:?}",
                    row.line,
                    row.date,
                    row.description,
                    row.amount,
                    row.currency,
                    row.status,
                    printed.date,
                    printed.description,
                    printed.amount,
                    printed.currency,
                    printed.status
                ));
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{}: {e}", f.name));
        assert!(
            problems.is_empty(),
            "{} ({}): {} problems, first: {:?}",
            f.name,
            f.dialect.name(),
            problems.len(),
            &problems[..problems.len().min(5)]
        );
    }
    assert_eq!(rows_read, set.lines.len());
}
