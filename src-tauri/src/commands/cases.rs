//! Commands of the case, letter and sender screens.

use super::Result;
use crate::dialogs::{self, Filter};
use crate::state::AppState;
use recourse_app::dto::Lang;
use recourse_app::dto_cases::{
    CaseSummary, CaseView, ExportFormat, LetterView, OpenCaseRequest, Paper, Sender, Step,
};
use recourse_app::App;
use tauri::{AppHandle, Runtime, State};

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
#[tauri::command]
pub async fn add_evidence<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<CaseView> {
    let picked = dialogs::pick_files(
        &app,
        Filter {
            name: "",
            extensions: &[],
        },
    );
    state.with_app(|a| {
        picked
            .iter()
            .try_fold(a.case(case_id)?, |_, p| a.add_evidence(case_id, p, None))
    })
}

/// What an evidence file is, in the user's words; empty clears it.
#[tauri::command]
pub async fn set_evidence_description(
    state: State<'_, AppState>,
    case_id: i64,
    evidence_id: i64,
    description: String,
) -> Result<CaseView> {
    state.with_app(|app| app.set_evidence_description(case_id, evidence_id, &description))
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
    lang: Lang,
) -> Result<LetterView> {
    state.with_app(|app| app.letter(case_id, step, lang))
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
/// the path written, or `None` when the user cancelled.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn export_letter<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    case_id: i64,
    step: Step,
    lang: Lang,
    format: ExportFormat,
    paper: Option<Paper>,
) -> Result<Option<Vec<String>>> {
    let name = App::letter_file_name(case_id, step, lang, format);
    let upper = format.extension().to_uppercase();
    let out = dialogs::save_file(
        &app,
        &name,
        Filter {
            name: &upper,
            extensions: &[format.extension()],
        },
    );
    let Some(out) = out else { return Ok(None) };
    let written = state.with_app(|a| a.export_letter(case_id, step, lang, format, paper, &out))?;
    Ok(Some(
        written
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
    ))
}

#[tauri::command]
pub async fn sender(state: State<'_, AppState>) -> Result<Sender> {
    state.with_app(|app| app.sender())
}

#[tauri::command]
pub async fn set_sender(state: State<'_, AppState>, sender: Sender) -> Result<Sender> {
    state.with_app(|app| app.set_sender(&sender))
}
