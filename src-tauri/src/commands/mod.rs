//! The IPC commands, one module per screen. Each command is one to three lines calling
//! `recourse-app`; commands that touch the database are `async` so Tauri runs them off the UI
//! thread. `handler` is the one list of every command the webview may call.

mod cases;
mod import;
mod open_with;
mod review;
mod settings;
mod startup;
mod templates;

pub use startup::mark_launch;

use tauri::Runtime;

pub type Result<T> = std::result::Result<T, recourse_app::AppError>;

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        import::pick_files,
        import::preview_file,
        import::import_files,
        import::import_sample,
        import::cancel_import,
        import::transactions_page,
        import::totals,
        import::batches,
        import::undo_batch,
        import::export_import_profile,
        import::accounts,
        import::flags,
        import::dismiss_flag,
        review::transactions_by_ids,
        review::open_flag_count,
        review::monthly_spending,
        review::top_merchants,
        review::recurring_charges,
        cases::open_case,
        cases::cases,
        cases::case,
        cases::record_step_sent,
        cases::record_answer,
        cases::add_evidence,
        cases::set_evidence_description,
        cases::set_case_notes,
        cases::set_case_merchant,
        cases::close_case,
        cases::delete_case,
        cases::letter,
        cases::save_letter_text,
        cases::export_letter,
        cases::sender,
        cases::set_sender,
        settings::get_settings,
        settings::set_settings,
        settings::data_location,
        settings::backup_to_file,
        settings::restore_from_file,
        templates::template_choices,
        templates::letter_template,
        templates::preview_template,
        templates::save_template,
        templates::reset_template,
        startup::first_screen_shown,
        open_with::take_opened_files,
    ]
}
