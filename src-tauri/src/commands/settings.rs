//! Commands of the Settings screen: app settings, where the data lives, backup and restore.

use super::Result;
use crate::state::AppState;
use recourse_app::{AppSettings, BackupReport, DataLocation, RestoreReport};
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<AppSettings> {
    state.with_app(|app| app.settings())
}

#[tauri::command]
pub async fn set_settings(state: State<'_, AppState>, settings: AppSettings) -> Result<()> {
    state.with_app(|app| app.set_settings(&settings))
}

#[tauri::command]
pub async fn data_location(state: State<'_, AppState>) -> Result<DataLocation> {
    Ok(state.with_app(|app| app.data_location()))
}

/// Asks where to save (a native dialog; `RECOURSE_TEST_SAVE_DIR` answers it in end-to-end
/// tests), then writes the backup there. None when the user cancelled.
#[tauri::command]
pub async fn backup_to_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<BackupReport>> {
    let name = recourse_app::backup_file_name();
    let dest: Option<PathBuf> = match std::env::var_os("RECOURSE_TEST_SAVE_DIR") {
        Some(dir) => Some(PathBuf::from(dir).join(&name)),
        None => app
            .dialog()
            .file()
            .set_file_name(&name)
            .add_filter("Recourse backup", &["zip"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok()),
    };
    match dest {
        Some(dest) => state.with_app(|a| a.backup(&dest)).map(Some),
        None => Ok(None),
    }
}

/// Asks for a backup file (a native dialog; in end-to-end tests the first `.zip` line of the
/// file named by `RECOURSE_TEST_PICK_FILES`), then restores it. None when the user cancelled.
#[tauri::command]
pub async fn restore_from_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<RestoreReport>> {
    let src: Option<PathBuf> = match std::env::var_os("RECOURSE_TEST_PICK_FILES") {
        Some(list) => std::fs::read_to_string(list)
            .unwrap_or_default()
            .lines()
            .find(|l| l.ends_with(".zip"))
            .map(PathBuf::from),
        None => app
            .dialog()
            .file()
            .add_filter("Recourse backup", &["zip"])
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok()),
    };
    match src {
        Some(src) => state.with_app(|a| a.restore(&src)).map(Some),
        None => Ok(None),
    }
}
