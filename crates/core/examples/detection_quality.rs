//! Measures detection on labelled synthetic statements: per reason true/false positives, false
//! negatives, precision and recall, traps flagged at medium or above, and the time `detect`
//! takes over about a million generated transactions.
//!
//! `cargo run --release -p recourse-core --example detection_quality [-- --rows N]`

use recourse_core::detect::{detect, recurring, Context, DetectConfig, FlagReason, Severity};
use recourse_core::merchant;
use recourse_testsupport::labelled::years::{generate, measure, QualityRun, SynthConfig};
use std::time::Instant;

fn main() {
    let rows: usize = std::env::args()
        .skip_while(|a| a != "--rows")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);

    let seed = std::env::args()
        .skip_while(|a| a != "--seed")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(42);
    let people = std::env::args()
        .skip_while(|a| a != "--people")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let years = std::env::args()
        .skip_while(|a| a != "--years")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let QualityRun {
        data,
        flags,
        quality: q,
    } = measure(&SynthConfig {
        seed,
        people,
        years,
        ..SynthConfig::default()
    });
    println!(
        "labelled quality: {} transactions, {people} people × {years} years, {} flags",
        data.txns.len(),
        flags.len()
    );
    let groups: [(&str, &[FlagReason]); 3] = [
        (
            "duplicate (all)",
            &[
                FlagReason::DoubleCharge,
                FlagReason::SubscriptionBilledTwice,
            ],
        ),
        ("unexpected (all)", &FlagReason::ALL[2..]),
        ("all", &FlagReason::ALL),
    ];
    for line in q.table_lines(&groups) {
        println!("{line}");
    }
    // Where the false positives fall: which kind of ordinary row drew them.
    let mut fp_sources: std::collections::BTreeMap<(FlagReason, String), usize> =
        Default::default();
    for f in &flags {
        let expected = data
            .expected
            .get(&f.transaction_id)
            .is_some_and(|e| e.contains(&f.reason));
        let tolerated = data
            .tolerated
            .get(&f.transaction_id)
            .is_some_and(|e| e.contains(&f.reason));
        let forgiven = tolerated && f.severity == Severity::Low;
        if !(expected || forgiven) {
            let source = data
                .traps
                .get(&f.transaction_id)
                .map(|t| format!("{t:?} trap"))
                .unwrap_or("ordinary row".into());
            *fp_sources
                .entry((f.reason, format!("{source}, {}", f.severity.as_str())))
                .or_default() += 1;
        }
    }
    for ((reason, source), n) in &fp_sources {
        println!("  false positives: {n} × {} on {source}", reason.as_str());
    }
    let medium_plus = flags
        .iter()
        .filter(|f| f.severity >= Severity::Medium)
        .count();
    println!("flags at medium+: {medium_plus}");
    println!("traps flagged at medium+: {}", q.traps_medium_plus.len());
    for (id, reason, trap) in q.traps_medium_plus.iter().take(10) {
        println!("  txn {id}: {} on a {trap:?} trap", reason.as_str());
    }
    println!(
        "ordinary rows flagged at medium+: {}",
        q.ordinary_medium_plus.len()
    );
    for (id, _) in q.ordinary_medium_plus.iter().take(10) {
        if let Some(f) = flags.iter().find(|f| f.transaction_id == *id) {
            println!("  txn {id}: {}", f.explanation_en);
        }
    }
    println!(
        "rows that moved no money but were flagged: {}",
        q.not_money_flagged
    );
    let subs = recurring(&data.txns);
    println!("recurring charges found: {}", subs.len());

    // Speed: grow the population until it holds `rows` transactions.
    let t0 = Instant::now();
    let big = generate(&SynthConfig {
        people: (rows / 1150).max(1) as u32,
        years: 1,
        seed: 7,
        ..SynthConfig::default()
    });
    let generated = t0.elapsed();
    let t1 = Instant::now();
    let flags = detect(
        &big.txns,
        &|_| true,
        &DetectConfig::default(),
        &Context::default(),
    );
    let took = t1.elapsed();
    // Merchant normalisation runs for every imported row: display name plus key.
    let t2 = Instant::now();
    let mut bytes = 0usize;
    for t in &big.txns {
        let (name, key) = merchant::display_name_and_key(&t.description);
        bytes += name.len() + key.len();
    }
    let per_sec = big.txns.len() as f64 / t2.elapsed().as_secs_f64().max(1e-9);
    println!(
        "speed: merchant display_name_and_key: {:.2} M descriptors/s ({bytes} bytes out)",
        per_sec / 1e6
    );
    println!(
        "speed: detect over {} transactions took {:.2} s ({} flags; generating took {:.1} s)",
        big.txns.len(),
        took.as_secs_f64(),
        flags.len(),
        generated.as_secs_f64()
    );
}
