//! Detection quality on labelled synthetic statements, and detection speed over a million
//! transactions (the same measures as core's `detection_quality` example).

use crate::report::{Bar, Table};
use recourse_core::detect::synth::{generate, measure, ratio, QualityRun, SynthConfig};
use recourse_core::detect::{detect, Context, DetectConfig, Reason};
use std::time::Instant;

pub fn run(table: &mut Table, rows: usize) {
    let QualityRun {
        data,
        flags,
        quality: q,
    } = measure(&SynthConfig {
        seed: 42,
        people: 12,
        years: 3,
        ..SynthConfig::default()
    });
    table.note(&format!(
        "labelled set: {} transactions (12 people × 3 years), {} flags",
        data.txns.len(),
        flags.len()
    ));
    table.note(&format!(
        "{:<26} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "reason", "TP", "FP", "FN", "precision", "recall"
    ));
    for r in Reason::ALL {
        let (tp, fp, fn_) = q.per_reason[&r];
        table.note(&format!(
            "{:<26} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
            r.as_str(),
            tp,
            fp,
            fn_,
            q.precision(r),
            q.recall(r)
        ));
    }
    let (tp, fp, fn_) = q.totals(&Reason::ALL);
    table.note(&format!(
        "{:<26} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
        "all",
        tp,
        fp,
        fn_,
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_)
    ));
    table.note(&format!(
        "traps flagged at medium or above: {}",
        q.traps_medium_plus.len()
    ));

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
