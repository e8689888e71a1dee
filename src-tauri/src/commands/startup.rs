//! Start-up timing: the UI reports when its first screen shows data, so "app start to first
//! screen" (PRODUCT.md's quality bars) can be measured on the real window by `make bench`.

use std::sync::OnceLock;
use std::time::Instant;
use tauri::{AppHandle, Runtime};

/// Set by the benchmark: print when the first screen is shown, then quit.
const EXIT_AFTER_FIRST_SCREEN: &str = "RECOURSE_EXIT_AFTER_FIRST_SCREEN";

static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// Starts the clock; called first thing in `run`.
pub fn mark_launch() {
    LAUNCHED.get_or_init(Instant::now);
}

/// Called once by the UI, after the first screen has rendered its first rows (or its empty state).
#[tauri::command]
pub fn first_screen_shown<R: Runtime>(app: AppHandle<R>) {
    let elapsed = LAUNCHED.get().map(Instant::elapsed).unwrap_or_default();
    tracing::info!(?elapsed, "first screen shown");
    if std::env::var_os(EXIT_AFTER_FIRST_SCREEN).is_some() {
        println!("first screen shown {} ms after launch", elapsed.as_millis());
        app.exit(0);
    }
}
