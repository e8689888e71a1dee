//! Detection quality on the independent benchmark (`recourse-testsupport`): people-years
//! written apart from the rules, as overlapping CSV files in ten dialects, imported through the
//! real App. The tuning seed is printed apart and carries no bars (rules may be adjusted while
//! looking at it); the bars apply to the report seeds (`harness::UNSEEN_SEEDS`), whose
//! misses are printed too, so a miss there can be read without running it again.

use crate::report::{Bar, Table};
use recourse_testsupport::harness::UNSEEN_SEEDS;
use recourse_testsupport::{measure, Config, TUNING_SEED};

pub fn run(table: &mut Table) {
    for seed in std::iter::once(TUNING_SEED).chain(UNSEEN_SEEDS) {
        let tuning = seed == TUNING_SEED;
        table.note(if tuning {
            "-- tuning seed (rules may be adjusted on it; no bars)"
        } else {
            "-- report seed"
        });
        let r = match measure(&Config::seed(seed)) {
            Ok(r) => r,
            Err(e) => {
                table.note(&format!("seed {seed}: failed: {e:#}"));
                continue;
            }
        };
        for line in r.lines() {
            table.note(&line);
        }
        for line in r.miss_lines() {
            table.note(&line);
        }
        let bar = |b: Bar| if tuning { Bar::None } else { b };
        table.line(
            &format!("seed {seed}: double-charge recall, medium+"),
            r.duplicate_recall(),
            "",
            bar(Bar::AtLeast(0.98)),
        );
        table.line(
            &format!("seed {seed}: unexpected-charge recall, medium+"),
            r.unexpected_recall(),
            "",
            bar(Bar::AtLeast(0.95)),
        );
        table.line(
            &format!("seed {seed}: precision, medium+"),
            r.precision(),
            "",
            bar(Bar::AtLeast(0.95)),
        );
        table.line(
            &format!("seed {seed}: traps flagged, medium+"),
            r.traps_flagged() as f64,
            "flags",
            bar(Bar::AtMost(0.0)),
        );
    }
}
