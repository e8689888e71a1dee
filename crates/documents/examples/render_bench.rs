//! Times PDF rendering: N letters alternating English and Chinese (letter and complaint), after
//! a warm-up render of each, and prints milliseconds per render (mean, p95, max).
//! Budget: 300 ms per letter in release.
//!
//! `cargo run --release -p recourse-documents --example render_bench -- [N]` (default 30).

#[path = "../tests/common/samples.rs"]
mod samples;

use std::time::Instant;

use recourse_documents::{Paper, Renderer};

const BUDGET_MS: f64 = 300.0;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = match std::env::args().nth(1) {
        Some(s) => s.parse()?,
        None => 30,
    };
    let started = Instant::now();
    let renderer = Renderer::new(&[])?;
    let setup_ms = started.elapsed().as_secs_f64() * 1000.0;

    let letters = [samples::english(), samples::chinese(), samples::complaint()];
    let warm = Instant::now();
    for letter in &letters {
        renderer.pdf(letter, Paper::A4)?;
    }
    let warm_ms = warm.elapsed().as_secs_f64() * 1000.0;

    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        // Vary the text so no render is a pure cache hit, as when the user edits the letter.
        let mut letter = letters[i % letters.len()].clone();
        letter.body.push_str(&format!("\n\n{i}"));
        let paper = if i % 2 == 0 { Paper::A4 } else { Paper::Letter };
        let t = Instant::now();
        let pdf = renderer.pdf(&letter, paper)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(pdf);
    }
    if times.is_empty() {
        println!("no renders (N = 0)");
        return Ok(());
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let p95 = times[((times.len() as f64 * 0.95).ceil() as usize).clamp(1, times.len()) - 1];
    let max = times[times.len() - 1];
    println!("renderer setup (fonts): {setup_ms:.1} ms; first renders (en, zh, complaint): {warm_ms:.1} ms");
    println!(
        "render one letter to PDF: mean {mean:.1} ms, p95 {p95:.1} ms, max {max:.1} ms over {} renders (budget {BUDGET_MS} ms): {}",
        times.len(),
        if p95 <= BUDGET_MS { "ok" } else { "OVER BUDGET" }
    );
    Ok(())
}
