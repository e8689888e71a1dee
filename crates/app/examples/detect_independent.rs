//! Prints the independent benchmark's table and misses for the seeds given
//! (`cargo run --release -p recourse-app --example detect_independent -- 1 5 6`): what the rules
//! are tuned on, one seed at a time, without running the report seeds.

use recourse_testsupport::{measure, Config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seeds: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse())
        .collect::<Result<_, _>>()?;
    for seed in seeds {
        let r = measure(&Config::seed(seed)).map_err(|e| format!("seed {seed}: {e:#}"))?;
        for line in r.lines().into_iter().chain(r.miss_lines()) {
            println!("{line}");
        }
        println!(
            "seed {seed}: bars {}",
            if r.meets_bars() { "met" } else { "MISSED" }
        );
    }
    Ok(())
}
