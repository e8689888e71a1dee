//! "Open with Recourse": statement files named on the command line (by the file manager's Open
//! With or a double-click, through the desktop entry's `%F`), by a second launch, which the
//! single-instance plugin hands to the running app, or (on macOS) by an `Opened` event become
//! files the user chose and open in the import preview. The webview learns of them by asking (`take_opened_files`) when it starts and
//! whenever `FILES_OPENED` is emitted.

use crate::state::AppState;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Emitted to the webview when files arrive at the running app.
pub const FILES_OPENED: &str = "files-opened";

/// The files named in `args` (the program first, then its arguments), relative ones taken from
/// `cwd`. Options (`-…`) and names that are not existing files are left out: a launcher or a test
/// driver may add arguments of its own.
pub fn files_in_args<I>(args: I, cwd: &Path) -> Vec<PathBuf>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    args.into_iter()
        .skip(1)
        .map(Into::into)
        .filter(|a| !a.to_string_lossy().starts_with('-'))
        .map(|a| cwd.join(a))
        .filter(|p| p.is_file())
        .map(|p| p.canonicalize().unwrap_or(p))
        .collect()
}

/// The files this process was started with.
pub fn files_at_launch() -> Vec<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_default();
    files_in_args(std::env::args_os(), &cwd)
}

/// The single-instance callback's work: a second launch's files go to this app and its window
/// comes to the front.
pub fn second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    hand_over(app, files_in_args(args, Path::new(&cwd)));
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// macOS opens files with a running (or just started) app by an event, not a command line.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: &tauri::RunEvent) {
    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "android"))]
    if let tauri::RunEvent::Opened { urls } = event {
        let files = urls
            .iter()
            .filter_map(|u| u.to_file_path().ok())
            .filter(|p| p.is_file())
            .collect();
        hand_over(app, files);
    }
    #[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "android")))]
    let _ = (app, event);
}

/// Files opened with the running app become chosen files, and the webview is told to ask.
fn hand_over<R: Runtime>(app: &AppHandle<R>, files: Vec<PathBuf>) {
    if files.is_empty() {
        return;
    }
    if let Some(state) = app.try_state::<AppState>() {
        state.open(&files);
        let _ = app.emit(FILES_OPENED, ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_existing_files_resolved_against_the_launch_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("march.csv"), "Date,Amount\n").unwrap();
        std::fs::create_dir(dir.path().join("a folder")).unwrap();
        let abs = dir.path().join("march.csv").canonicalize().unwrap();
        let args = [
            "/usr/bin/recourse-desktop",
            "--automation",
            "march.csv",
            "missing.csv",
            "a folder",
            abs.to_str().unwrap(),
        ];
        assert_eq!(files_in_args(args, dir.path()), vec![abs.clone(), abs]);
    }

    #[test]
    fn the_program_alone_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(files_in_args(["recourse-desktop"], dir.path()).is_empty());
    }
}
