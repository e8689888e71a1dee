//! Prints the independent benchmark's table for the seeds given (default: the tuning seed and
//! the report seeds). `--dump DIR` also writes the statement files of the first seed to DIR.
//!
//! `cargo run -p recourse-testsupport --example independent_benchmark -- 2 3 [--dump DIR]`

use recourse_testsupport::{generate, measure, statements, Config, REPORT_SEEDS, TUNING_SEED};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1).cloned());
    let mut seeds: Vec<u64> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if seeds.is_empty() {
        seeds.push(TUNING_SEED);
        seeds.extend(REPORT_SEEDS);
    }
    if let Some(dir) = dump {
        let cfg = Config::seed(seeds[0]);
        std::fs::create_dir_all(&dir)?;
        for f in statements::statements(&generate(&cfg), cfg.seed) {
            std::fs::write(std::path::Path::new(&dir).join(&f.name), &f.text)?;
        }
    }
    for seed in seeds {
        let r = measure(&Config::seed(seed))?;
        let role = if seed == TUNING_SEED {
            "tuning"
        } else {
            "report"
        };
        println!("[{role} seed]");
        for line in r.lines().into_iter().chain(r.miss_lines()) {
            println!("{line}");
        }
    }
    Ok(())
}
