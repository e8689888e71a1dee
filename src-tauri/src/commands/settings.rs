//! Commands of the Settings screen: app settings, where the data lives, backup and restore.

use super::Result;
use crate::dialogs::{self, Filter};
use crate::state::AppState;
use recourse_app::{AppSettings, BackupReport, DataLocation, RestoreReport};
use tauri::{AppHandle, Runtime, State};

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<AppSettings> {
    state.with_app(|app| app.settings())
}

#[tauri::command]
pub async fn set_settings(state: State<'_, AppState>, settings: AppSettings) -> Result<()> {
    state.with_app(|app| app.set_settings(&settings))
}

/// Backups are one zip file.
const BACKUP: Filter = Filter {
    name: "Recourse backup",
    extensions: &["zip"],
};

#[tauri::command]
pub async fn data_location(state: State<'_, AppState>) -> Result<DataLocation> {
    Ok(state.with_app(|app| app.data_location()))
}

/// Asks where to save (a native dialog), then writes the backup there. None when the user cancelled.
#[tauri::command]
pub async fn backup_to_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<BackupReport>> {
    let name = recourse_app::backup_file_name();
    let dest = dialogs::save_file(&app, &name, BACKUP);
    match dest {
        Some(dest) => state.with_app(|a| a.backup(&dest)).map(Some),
        None => Ok(None),
    }
}

/// Asks for a backup file (a native dialog), then restores it. None when the user cancelled.
#[tauri::command]
pub async fn restore_from_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<RestoreReport>> {
    let src = dialogs::pick_files(&app, BACKUP).into_iter().next();
    match src {
        Some(src) => state.with_app(|a| a.restore(&src)).map(Some),
        None => Ok(None),
    }
}
