//! Commands of the case, letter and profile screens.

use super::Result;
use crate::state::AppState;
use recourse_app::dto_cases::{
    CaseSummary, CaseView, LetterView, OpenCaseRequest, Step, UserProfile,
};
use recourse_app::App;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn open_case(state: State<'_, AppState>, request: OpenCaseRequest) -> Result<CaseView> {
    state.with_app(|app| app.open_case(&request))
}

#[tauri::command]
pub async fn cases(state: State<'_, AppState>) -> Result<Vec<CaseSummary>> {
    state.with_app(|app| app.cases())
}

#[tauri::command]
pub async fn case(state: State<'_, AppState>, case_id: i64) -> Result<CaseView> {
    state.with_app(|app| app.case(case_id))
}

#[tauri::command]
pub async fn record_step_sent(
    state: State<'_, AppState>,
    case_id: i64,
    step: Step,
    date: String,
) -> Result<CaseView> {
    state.with_app(|app| app.record_step_sent(case_id, step, &date))
}

#[tauri::command]
pub async fn record_answer(
    state: State<'_, AppState>,
    case_id: i64,
    step: Step,
    date: String,
    outcome: String,
) -> Result<CaseView> {
    state.with_app(|app| app.record_answer(case_id, step, &date, &outcome))
}

/// Opens the system file dialog from the backend and copies the chosen files into the case.
/// End-to-end tests set `RECOURSE_TEST_PICK_FILES` (a text file listing the paths), as for
/// `pick_files`.
#[tauri::command]
pub async fn add_evidence<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<CaseView> {
    let picked: Vec<PathBuf> = match std::env::var_os("RECOURSE_TEST_PICK_FILES") {
        Some(list) => std::fs::read_to_string(list)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect(),
        None => app
            .dialog()
            .file()
            .blocking_pick_files()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|f| f.into_path().ok())
            .collect(),
    };
    state.with_app(|a| {
        picked
            .iter()
            .try_fold(a.case(case_id)?, |_, p| a.add_evidence(case_id, p))
    })
}

#[tauri::command]
pub async fn set_case_notes(
    state: State<'_, AppState>,
    case_id: i64,
    notes: String,
) -> Result<CaseView> {
    state.with_app(|app| app.set_case_notes(case_id, &notes))
}

#[tauri::command]
pub async fn set_case_merchant(
    state: State<'_, AppState>,
    case_id: i64,
    name: String,
    address: String,
) -> Result<CaseView> {
    state.with_app(|app| app.set_case_merchant(case_id, &name, &address))
}

#[tauri::command]
pub async fn close_case(
    state: State<'_, AppState>,
    case_id: i64,
    outcome: String,
) -> Result<CaseView> {
    state.with_app(|app| app.close_case(case_id, &outcome))
}

#[tauri::command]
pub async fn delete_case(state: State<'_, AppState>, case_id: i64) -> Result<()> {
    state.with_app(|app| app.delete_case(case_id))
}

#[tauri::command]
pub async fn letter(
    state: State<'_, AppState>,
    case_id: i64,
    step: Step,
    lang: String,
) -> Result<LetterView> {
    state.with_app(|app| app.letter(case_id, step, &lang))
}

#[tauri::command]
pub async fn save_letter_text(
    state: State<'_, AppState>,
    case_id: i64,
    step: Step,
    body: String,
) -> Result<()> {
    state.with_app(|app| app.save_letter_text(case_id, step, &body))
}

/// Asks where to save in the backend's own Save dialog, then writes the letter there. Returns
/// the path written, or `None` when the user cancelled. End-to-end tests set
/// `RECOURSE_TEST_SAVE_DIR` (a folder) and the file name is generated.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn export_letter<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    case_id: i64,
    step: Step,
    lang: String,
    format: String,
    paper: Option<String>,
) -> Result<Option<String>> {
    let name = App::letter_file_name(case_id, step, &lang, &format);
    let out = match std::env::var_os("RECOURSE_TEST_SAVE_DIR") {
        Some(dir) => Some(PathBuf::from(dir).join(&name)),
        None => app
            .dialog()
            .file()
            .set_file_name(&name)
            .add_filter(format.to_uppercase(), &[format.as_str()])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok()),
    };
    let Some(out) = out else { return Ok(None) };
    state.with_app(|a| a.export_letter(case_id, step, &lang, &format, paper.as_deref(), &out))?;
    Ok(Some(out.to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn profile(state: State<'_, AppState>) -> Result<UserProfile> {
    state.with_app(|app| app.profile())
}

#[tauri::command]
pub async fn set_profile(state: State<'_, AppState>, profile: UserProfile) -> Result<UserProfile> {
    state.with_app(|app| app.set_profile(&profile))
}
