//! Commands of the import, transactions and review screens.

use super::Result;
use crate::dialogs::{self, Filter};
use crate::state::{sample_statement, AppState};
use recourse_app::dto::{
    Account, Batch, FlagStatus, FlagView, ImportProgress, ImportReport, Lang, Page, Severity,
    Total, TxFilter,
};
use recourse_app::Profile;
use recourse_app::{ImportRequest, Password};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Emitter, Runtime, State};

/// Opens the system file dialog from the backend; the chosen files become importable.
#[tauri::command]
pub async fn pick_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Vec<String>> {
    let picked = dialogs::pick_files(
        &app,
        Filter {
            name: "Statements",
            extensions: &[
                "csv", "txt", "tsv", "xlsx", "xls", "ods", "ofx", "qfx", "qbo", "xml", "zip",
            ],
        },
    );
    state.choose(&picked);
    Ok(picked
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect())
}

#[tauri::command]
pub async fn preview_file(
    state: State<'_, AppState>,
    path: PathBuf,
    profile: Option<Profile>,
    password: Option<String>,
    account: Option<String>,
) -> Result<recourse_app::Preview> {
    state.check_chosen(std::slice::from_ref(&path))?;
    // The account the user typed: a file that states no currency is read in that account's.
    let req = ImportRequest {
        account,
        profile_override: profile,
        password: password.map(Password::new),
        ..Default::default()
    };
    state.with_app(|app| app.preview_file(&path, &req))
}

#[tauri::command]
// Tauri maps each argument to one named field of the UI's call.
#[allow(clippy::too_many_arguments)]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    account: Option<String>,
    account_if_unnamed: Option<String>,
    profile: Option<Profile>,
    save_profile: bool,
    password: Option<String>,
) -> Result<Vec<ImportReport>> {
    state.check_chosen(&paths)?;
    let req = ImportRequest {
        account,
        account_if_unnamed,
        profile_override: profile,
        save_profile,
        password: password.map(Password::new),
        ..Default::default()
    };
    run_import(&app, &state, &paths, &req)
}

/// Imports the bundled sample statement, so a new user sees flags at once.
#[tauri::command]
pub async fn import_sample<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Vec<ImportReport>> {
    let req = ImportRequest {
        account: Some("sample".into()),
        ..Default::default()
    };
    run_import(&app, &state, &[sample_statement(&app)], &req)
}

fn run_import<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    paths: &[PathBuf],
    req: &ImportRequest,
) -> Result<Vec<ImportReport>> {
    state.cancel.store(false, Ordering::Relaxed);
    let progress = |p: ImportProgress| drop(app.emit("import-progress", p));
    state.with_app(|a| a.import_files(paths, req, &progress, &state.cancel))
}

#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel.store(true, Ordering::Relaxed);
}

#[tauri::command]
pub async fn transactions_page(
    state: State<'_, AppState>,
    filter: TxFilter,
    offset: u64,
    limit: u64,
) -> Result<Page> {
    state.with_app(|app| app.transactions_page(&filter, offset, limit))
}

#[tauri::command]
pub async fn totals(state: State<'_, AppState>, filter: TxFilter) -> Result<Vec<Total>> {
    state.with_app(|app| app.totals(&filter))
}

#[tauri::command]
pub async fn batches(state: State<'_, AppState>) -> Result<Vec<Batch>> {
    state.with_app(|app| app.batches())
}

#[tauri::command]
pub async fn undo_batch(state: State<'_, AppState>, batch_id: i64) -> Result<u64> {
    state.with_app(|app| app.undo_batch(batch_id))
}

#[tauri::command]
pub async fn accounts(state: State<'_, AppState>) -> Result<Vec<Account>> {
    state.with_app(|app| app.accounts())
}

#[tauri::command]
pub async fn flags(
    state: State<'_, AppState>,
    min_severity: Severity,
    status: Option<FlagStatus>,
    lang: Lang,
) -> Result<Vec<FlagView>> {
    state.with_app(|app| app.flags(min_severity, status, lang))
}

#[tauri::command]
pub async fn dismiss_flag(
    state: State<'_, AppState>,
    flag_id: i64,
    trust_merchant: bool,
) -> Result<()> {
    state.with_app(|app| app.dismiss_flag(flag_id, trust_merchant))
}

/// Saves an account's import profile (its column mapping) as a JSON file the user picks.
/// Returns where it was written, or None when the dialog was cancelled. `account` is only ever
/// an account's name (`App::export_import_profile` reads no path).
#[tauri::command]
pub async fn export_import_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account: String,
) -> Result<Option<String>> {
    let name = format!("{}-import-profile.json", safe_file_stem(&account));
    let Some(out) = dialogs::save_file(
        &app,
        &name,
        Filter {
            name: "JSON",
            extensions: &["json"],
        },
    ) else {
        return Ok(None);
    };
    state.with_app(|a| a.write_import_profile(&account, &out))?;
    Ok(Some(out.to_string_lossy().into_owned()))
}

/// An account name as a file name: path separators and other reserved characters replaced.
fn safe_file_stem(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}
