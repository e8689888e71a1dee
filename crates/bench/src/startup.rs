//! "App start to first screen" (PRODUCT.md's quality bars), timed on the real release app: from
//! launching the process to the moment its UI reports that the transactions screen shows its
//! first rows (the `first_screen_shown` command), which then quits the app.
//!
//! Needs a display (`make bench` runs under Xvfb) and the release desktop app (`build_release`).

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long one launch may take before it counts as a failure.
const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Startup {
    /// The first launch after the build (libraries maybe not yet in the page cache).
    pub first_ms: f64,
    /// The median of the launches after it.
    pub median_ms: f64,
    pub max_ms: f64,
}

/// Launches the app `runs` times on `db` (a file in `home`, which also holds its settings).
pub fn measure(app: &Path, home: &Path, db: &Path, runs: usize) -> Result<Startup> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        times.push(launch(app, home, db)?);
    }
    let first_ms = times[0];
    let mut rest = times[1..].to_vec();
    rest.sort_by(f64::total_cmp);
    Ok(Startup {
        first_ms,
        median_ms: rest[rest.len() / 2],
        max_ms: *rest.last().unwrap_or(&first_ms),
    })
}

/// One launch: milliseconds until the app printed that its first screen is shown.
fn launch(app: &Path, home: &Path, db: &Path) -> Result<f64> {
    let started = Instant::now();
    let mut child = Command::new(app)
        .env("RECOURSE_DB", db)
        .env("RECOURSE_EXIT_AFTER_FIRST_SCREEN", "1")
        // Its own settings and window state, not the user's.
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot start {}", app.display()))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if line.starts_with("first screen shown") {
                let _ = tx.send(started.elapsed());
                return;
            }
        }
    });
    let shown = rx.recv_timeout(TIMEOUT);
    // The app quits by itself once it has reported; a launch that never did is stopped here.
    if shown.is_err() {
        let _ = child.kill();
    }
    let _ = child.wait();
    match shown {
        Ok(elapsed) => Ok(elapsed.as_secs_f64() * 1000.0),
        Err(_) => bail!(
            "{} did not show its first screen within {} s (is another instance running?)",
            app.display(),
            TIMEOUT.as_secs()
        ),
    }
}
