//! Commands of the letter-templates editor (reached from Settings).

use super::Result;
use crate::state::AppState;
use recourse_app::templates::{TemplateChoice, TemplateKind, TemplatePreview, TemplateView};
use tauri::State;

#[tauri::command]
pub async fn template_choices(state: State<'_, AppState>) -> Result<Vec<TemplateChoice>> {
    state.with_app(|app| app.template_choices())
}

#[tauri::command]
pub async fn letter_template(
    state: State<'_, AppState>,
    kind: TemplateKind,
) -> Result<TemplateView> {
    state.with_app(|app| app.template(&kind))
}

#[tauri::command]
pub async fn preview_template(
    state: State<'_, AppState>,
    kind: TemplateKind,
    source: String,
) -> Result<TemplatePreview> {
    state.with_app(|app| app.preview_template(&kind, &source))
}

#[tauri::command]
pub async fn save_template(
    state: State<'_, AppState>,
    kind: TemplateKind,
    source: String,
) -> Result<TemplateView> {
    state.with_app(|app| app.save_template(&kind, &source))
}

#[tauri::command]
pub async fn reset_template(
    state: State<'_, AppState>,
    kind: TemplateKind,
) -> Result<TemplateView> {
    state.with_app(|app| app.reset_template(&kind))
}
