//! Commands of the review inbox and insights screens (flags and dismissals are in `import`).

use super::Result;
use crate::state::AppState;
use recourse_app::dto::Transaction;
use recourse_app::dto_insights::{MerchantSpend, MonthSpend, RecurringCharge};
use tauri::State;

#[tauri::command]
pub async fn transactions_by_ids(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<Transaction>> {
    state.with_app(|app| app.transactions_by_ids(&ids))
}

#[tauri::command]
pub async fn open_flag_count(state: State<'_, AppState>) -> Result<u64> {
    state.with_app(|app| app.open_flag_count())
}

#[tauri::command]
pub async fn monthly_spending(
    state: State<'_, AppState>,
    account: Option<String>,
) -> Result<Vec<MonthSpend>> {
    state.with_app(|app| app.monthly_spending(account))
}

#[tauri::command]
pub async fn top_merchants(
    state: State<'_, AppState>,
    account: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: u32,
) -> Result<Vec<MerchantSpend>> {
    state.with_app(|app| app.top_merchants(account, from, to, limit))
}

#[tauri::command]
pub async fn recurring_charges(
    state: State<'_, AppState>,
    account: Option<String>,
) -> Result<Vec<RecurringCharge>> {
    state.with_app(|app| app.recurring_charges(account))
}
