//! The native file dialogs, opened by the backend (the webview never reads files itself).
//!
//! End-to-end tests cannot click in a native dialog, so two variables answer for it:
//! `RECOURSE_TEST_PICK_FILES` names a text file whose lines are the paths an Open dialog returns,
//! and `RECOURSE_TEST_SAVE_DIR` is the folder a Save dialog answers with (keeping the proposed
//! file name).

use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// What an Open dialog offers: a filter name and the extensions it shows (empty: any file).
pub struct Filter<'a> {
    pub name: &'a str,
    pub extensions: &'a [&'a str],
}

/// The files the user chose (empty when cancelled).
pub fn pick_files<R: Runtime>(app: &AppHandle<R>, filter: Filter) -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os("RECOURSE_TEST_PICK_FILES") {
        return std::fs::read_to_string(list)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .filter(|p| filter.extensions.is_empty() || has_extension(p, filter.extensions))
            .collect();
    }
    let mut dialog = app.dialog().file();
    if !filter.extensions.is_empty() {
        dialog = dialog.add_filter(filter.name, filter.extensions);
    }
    dialog
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect()
}

/// Where to save a file proposed as `file_name` (None when cancelled).
pub fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    filter: Filter,
) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RECOURSE_TEST_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(file_name));
    }
    app.dialog()
        .file()
        .set_file_name(file_name)
        .add_filter(filter.name, filter.extensions)
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

fn has_extension(path: &std::path::Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
