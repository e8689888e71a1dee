//! The printed table: one line per measurement, with its bar and whether it was met.

pub enum Bar {
    /// The measurement must be at most this (in the line's unit).
    AtMost(f64),
    /// The measurement must be at least this.
    AtLeast(f64),
    /// Informational: no bar.
    None,
}

pub struct Table {
    misses: usize,
}

impl Table {
    pub fn new() -> Table {
        Table { misses: 0 }
    }

    pub fn section(&self, title: &str) {
        println!("\n== {title}");
    }

    /// Prints `what: value unit`, the bar and PASS/MISS.
    pub fn line(&mut self, what: &str, value: f64, unit: &str, bar: Bar) {
        let (bar_text, verdict) = match bar {
            Bar::AtMost(b) => (format!("≤ {}", fmt(b)), value <= b),
            Bar::AtLeast(b) => (format!("≥ {}", fmt(b)), value >= b),
            Bar::None => (String::new(), true),
        };
        let status = match bar {
            Bar::None => "",
            _ if verdict => "PASS",
            _ => "MISS",
        };
        if !verdict {
            self.misses += 1;
        }
        println!(
            "  {what:<52} {:>12} {unit:<6} {bar_text:>12} {status}",
            fmt(value)
        );
    }

    /// The two lines of one file imported by the CLI, as every import table prints them: what
    /// the file is, its size and whether it was imported, with the wall time against `wall`;
    /// then its peak memory against `peak` (which may depend on the file's size in MiB).
    pub fn import(
        &mut self,
        what: &str,
        file: &std::path::Path,
        m: &crate::child::Measured,
        wall: Bar,
        peak: impl FnOnce(f64) -> Bar,
    ) -> std::io::Result<()> {
        // In MiB, as the peak is.
        let size_mb = std::fs::metadata(file)?.len() as f64 / f64::from(1u32 << 20);
        let outcome = if m.success { "imported" } else { "refused" };
        self.line(
            &format!("{what}: {size_mb:.1} MB file, {outcome}: wall"),
            m.wall.as_secs_f64(),
            "s",
            wall,
        );
        self.line(
            &format!("{what}: peak memory"),
            m.peak_mb,
            "MB",
            peak(size_mb),
        );
        Ok(())
    }

    /// A free-text line (notes, skipped steps).
    pub fn note(&self, text: &str) {
        println!("  {text}");
    }

    pub fn misses(&self) -> usize {
        self.misses
    }
}

fn fmt(v: f64) -> String {
    // Whole numbers and large values without decimals; smaller ones with two or three.
    if (v.fract() == 0.0 && v.abs() < 1e15) || v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

/// The median of some timings, in milliseconds.
pub fn median_ms(mut ms: Vec<f64>) -> f64 {
    if ms.is_empty() {
        return 0.0;
    }
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

/// Mean and 95th percentile, in milliseconds.
pub fn mean_p95(mut ms: Vec<f64>) -> (f64, f64) {
    if ms.is_empty() {
        return (0.0, 0.0);
    }
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    let p95 = ms[((ms.len() as f64 * 0.95).ceil() as usize).clamp(1, ms.len()) - 1];
    (mean, p95)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics() {
        assert_eq!(median_ms(vec![3.0, 1.0, 2.0]), 2.0);
        let (mean, p95) = mean_p95((1..=100).map(f64::from).collect());
        assert_eq!(mean, 50.5);
        assert_eq!(p95, 95.0);
    }

    #[test]
    fn a_missed_bar_is_counted() {
        let mut t = Table::new();
        t.line("fast", 1.0, "s", Bar::AtMost(5.0));
        t.line("slow", 6.0, "s", Bar::AtMost(5.0));
        t.line("speed-up", 10.0, "×", Bar::AtLeast(50.0));
        t.line("info", 1.0, "", Bar::None);
        assert_eq!(t.misses(), 2);
    }
}
