//! The generator is deterministic and holds what the benchmark promises; the scorer counts what
//! it says it counts (checked without the rules: flags placed by hand on stored rows).

use recourse_core::detect::{FlagReason, Severity};
use recourse_testsupport::dialects::Dialect;
use recourse_testsupport::model::{Event, Label, Trap};
use recourse_testsupport::score::{score, RaisedFlag, StoredRow};
use recourse_testsupport::statements::{statements, StatementFile};
use recourse_testsupport::{generate, Config, Population};
use std::collections::HashSet;

fn seed(n: u64) -> (Population, Vec<StatementFile>) {
    let pop = generate(&Config::seed(n));
    let files = statements(&pop, n);
    (pop, files)
}

#[test]
fn the_same_seed_writes_the_same_files_and_another_seed_others() {
    let (_, a) = seed(5);
    let (_, b) = seed(5);
    let (_, c) = seed(6);
    let text = |f: &[StatementFile]| f.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
    assert_eq!(text(&a), text(&b));
    assert_ne!(text(&a), text(&c));
}

#[test]
fn every_dialect_class_and_trap_is_present_and_months_overlap() {
    let (pop, files) = seed(7);
    let dialects: HashSet<&str> = pop.accounts.iter().map(|a| a.dialect.name()).collect();
    assert_eq!(dialects.len(), Dialect::ALL.len());
    let mut events = HashSet::new();
    let mut traps = HashSet::new();
    for t in &pop.txns {
        match &t.label {
            Label::Event { event, variant, .. } => {
                events.insert((*event, *variant));
            }
            Label::Trap(trap) => {
                traps.insert(*trap);
            }
            Label::Ordinary => {}
        }
    }
    for e in [
        Event::DoubleCharge,
        Event::SubscriptionTwice,
        Event::CardTesting,
        Event::LargeNewMerchant,
        Event::AmountOutlier,
        Event::PriceIncrease,
    ] {
        assert!(events.iter().any(|(x, _)| *x == e), "{e:?}");
    }
    for v in [
        "same site again",
        "same merchant again",
        "through a wallet, unnamed merchant",
        "abroad, billed in home currency",
        "brand's store, subscription known",
        "early in the history",
    ] {
        assert!(events.iter().any(|(_, x)| *x == v), "{v}");
    }
    for trap in [
        Trap::RoutineRepeat,
        Trap::TransitFare,
        Trap::TravelOrdinary,
        Trap::RefundedAndChargedAgain,
        Trap::SplitPayment,
        Trap::PaymentToCard,
        Trap::Refund,
        Trap::WalletFunding,
    ] {
        assert!(traps.contains(&trap), "{trap:?}");
    }
    let mut printed = vec![0; pop.txns.len()];
    for f in &files {
        for (id, _) in &f.lines {
            printed[*id] += 1;
        }
    }
    assert!(printed.iter().all(|&n| n >= 1), "every row is in a file");
    assert!(printed.contains(&2), "monthly files overlap");
    // Charges abroad in a foreign currency, and billed at home with the country named.
    assert!(pop
        .txns
        .iter()
        .any(|t| t.currency != pop.accounts[t.account].currency));
    assert!(pop.txns.iter().any(|t| {
        t.label == Label::Trap(Trap::TravelOrdinary)
            && t.currency == pop.accounts[t.account].currency
    }));
}

/// Stores each row once (its first printing), as an exact import would.
fn stored(pop: &Population, files: &[StatementFile]) -> Vec<StoredRow> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in files {
        for &(g, line) in &f.lines {
            if seen.insert(g) {
                out.push(StoredRow {
                    id: g as i64 + 1000,
                    source_file: f.name.clone(),
                    source_line: line,
                    amount: pop.txns[g].amount,
                    currency: pop.txns[g].currency.to_string(),
                });
            }
        }
    }
    out
}

fn flag(g: usize, reason: FlagReason, severity: Severity, related: Vec<i64>) -> RaisedFlag {
    RaisedFlag {
        transaction_id: g as i64 + 1000,
        reason,
        severity,
        related,
    }
}

#[test]
fn the_scorer_counts_catches_misses_and_false_alarms() {
    let (pop, files) = seed(8);
    let rows = stored(&pop, &files);
    let mut flags = Vec::new();
    let mut first_dup = None;
    for t in &pop.txns {
        if let Label::Event { event, partner, .. } = &t.label {
            match event {
                // Flagged on the first charge, naming the second: still caught.
                Event::DoubleCharge if first_dup.is_none() => {
                    first_dup = Some(t.id);
                    let p = partner.expect("a double charge has a first charge");
                    flags.push(flag(
                        p,
                        FlagReason::DoubleCharge,
                        Severity::High,
                        vec![t.id as i64 + 1000],
                    ));
                }
                Event::DoubleCharge | Event::SubscriptionTwice => flags.push(flag(
                    t.id,
                    FlagReason::DoubleCharge,
                    Severity::Medium,
                    vec![],
                )),
                // Flagged low only: a miss at medium+.
                Event::CardTesting => {
                    flags.push(flag(t.id, FlagReason::CardTesting, Severity::Low, vec![]))
                }
                _ => flags.push(flag(
                    t.id,
                    FlagReason::AmountOutlier,
                    Severity::High,
                    vec![],
                )),
            }
        }
    }
    let fare = pop
        .txns
        .iter()
        .find(|t| t.label == Label::Trap(Trap::TransitFare))
        .expect("a second fare");
    flags.push(flag(
        fare.id,
        FlagReason::DoubleCharge,
        Severity::Medium,
        vec![],
    ));
    let r = score(&pop, &files, &rows, &flags, &[]);
    assert!(r.import_exact());
    assert_eq!(r.duplicate_recall(), 1.0, "{:?}", r.lines());
    let testing: usize = r
        .classes
        .iter()
        .filter(|((e, _), _)| *e == Event::CardTesting)
        .map(|(_, l)| l.total)
        .sum();
    let (caught, total): (usize, usize) = r
        .classes
        .iter()
        .filter(|((e, _), _)| e.kind() == "unexpected" && e.in_bars())
        .fold((0, 0), |(c, t), (_, l)| (c + l.caught, t + l.total));
    assert_eq!(caught, total - testing);
    assert_eq!(r.traps_flagged(), 1);
    let medium_flags = flags
        .iter()
        .filter(|f| f.severity >= Severity::Medium)
        .count();
    let expected = (medium_flags - 1) as f64 / medium_flags as f64;
    assert!((r.precision() - expected).abs() < 1e-9);
}
