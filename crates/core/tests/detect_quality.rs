//! Detection quality on labelled synthetic statements (several people, several years, every
//! locale). The bars are the product's: duplicates are found, unexpected charges mostly found,
//! few false alarms, and no trap (routine repeats, refunds, split payments, travel, new places)
//! ever reaches the inbox at medium or above.

use recourse_core::detect::synth::{generate, measure, ratio, QualityRun, SynthConfig};
use recourse_core::detect::{detect, Context, DetectConfig, Reason};

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

        for r in [Reason::DoubleCharge, Reason::SubscriptionBilledTwice] {
            assert!(
                q.recall(r) >= 0.95,
                "recall of {} below 0.95\n{report}",
                r.as_str()
            );
        }
        for r in &Reason::ALL[2..] {
            assert!(
                q.recall(*r) >= 0.9,
                "recall of {} below 0.9\n{report}",
                r.as_str()
            );
        }
        let (tp, fp, _) = q.totals(&Reason::ALL);
        assert!(
            ratio(tp, tp + fp) >= 0.8,
            "overall precision below 0.8\n{report}"
        );
        for r in Reason::ALL {
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
    for r in Reason::ALL {
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
