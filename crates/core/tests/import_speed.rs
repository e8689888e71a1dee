//! `cargo test --release -p recourse-core --test import_speed -- --ignored --nocapture`:
//! parses a generated 1,000,000-row statement and prints the time (the bar is well under 2 s).

mod common;

use recourse_core::import::parse;
use std::fmt::Write as _;
use std::time::Instant;

#[test]
#[ignore]
fn parses_a_million_rows_quickly() {
    let mut text = String::with_capacity(70 * 1_000_000);
    text.push_str("Transaction Date,Description,Amount,Currency,Reference\n");
    for i in 0..1_000_000u32 {
        // Day-first dates with no day above 12 in the first rows: the order is settled by a
        // pass over the column, the slow path.
        let (d, m) = if i < 500_000 {
            (1 + i % 12, 1 + i / 7 % 12)
        } else {
            (1 + i % 28, 1 + i % 12)
        };
        let _ = writeln!(
            text,
            "{d:02}/{m:02}/2024,MERCHANT {} STORE #{},-{}.{:02},EUR,REF{i}",
            i % 977,
            i % 31,
            i % 500,
            i % 100
        );
    }
    let t = Instant::now();
    let mut n = 0u64;
    let mut sum = 0i64;
    let s = parse(text.as_bytes(), &common::opts(None), &mut |r| {
        n += 1;
        sum += r.amount;
        Ok(())
    })
    .unwrap();
    let took = t.elapsed();
    println!(
        "parsed {n} rows ({} MB) in {took:?}; date format {}",
        text.len() / 1_000_000,
        s.detected.date_format
    );
    assert_eq!(n, 1_000_000);
    assert_eq!(s.detected.date_format, "%d/%m/%Y");
    assert!(sum < 0);
}
