//! The files the app was asked to open ("Open with Recourse", a file on the command line).

use crate::state::AppState;
use tauri::State;

/// The files opened since the last call (each is already a chosen file); the UI previews them.
#[tauri::command]
pub fn take_opened_files(state: State<'_, AppState>) -> Vec<String> {
    state
        .take_opened()
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}
