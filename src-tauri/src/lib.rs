//! The Recourse desktop shell. Invariant: every command is one to three lines calling
//! `recourse-app`; there is no logic here beyond wiring (state, events, the file picker).

mod commands;
mod dialogs;
mod open_with;
mod state;

use tauri::Manager;

/// Builds and runs the app on `builder`, so tests can pass `tauri::test::mock_builder()`.
pub fn run<R: tauri::Runtime>(builder: tauri::Builder<R>) {
    commands::mark_launch();
    // The database is opened before the window, and its transactions view starts loading on a
    // thread while the window and webview start (a million rows take about a second).
    let opened = recourse_app::App::open(&recourse_app::default_db_path());
    if let Ok(app) = &opened {
        app.preload();
    }
    build(builder, opened, open_with::files_at_launch())
        .build(tauri::generate_context!())
        .expect("error while starting Recourse")
        .run(|app, event| open_with::on_run_event(app, &event));
}

/// The configured builder: plugins, state and the command list. `files` are the statements the
/// app was started with, which open in the import preview.
pub fn build<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    opened: Result<recourse_app::App, recourse_app::AppError>,
    files: Vec<std::path::PathBuf>,
) -> tauri::Builder<R> {
    builder
        // One instance at a time: a second launch focuses the first window and hands it its files.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            open_with::second_launch(app, args, cwd)
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let state = state::AppState::new(opened?);
            state.open(&files);
            app.manage(state);
            Ok(())
        })
        .on_window_event(state::remember_dropped_files)
        .invoke_handler(commands::handler())
}
