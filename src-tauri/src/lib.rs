//! The Recourse desktop shell. Invariant: every command is one to three lines calling
//! `recourse-app`; there is no logic here beyond wiring (state, events, the file picker).

mod commands;
mod dialogs;
mod state;

use tauri::Manager;

/// Builds and runs the app on `builder`, so tests can pass `tauri::test::mock_builder()`. When
/// the database cannot be opened (too new, locked, damaged), a native dialog says why and what
/// to do, and the app exits without a window; the file is left as it was.
pub fn run<R: tauri::Runtime>(builder: tauri::Builder<R>) {
    commands::mark_launch();
    let context = tauri::generate_context!();
    // The database is opened before the window, and its transactions view starts loading on a
    // thread while the window and webview start (a million rows take about a second).
    match recourse_app::App::open(&recourse_app::default_db_path()) {
        Ok(app) => {
            app.preload();
            build(builder, app)
                .run(context)
                .expect("error while running Recourse");
        }
        Err(e) => dialogs::cannot_start(builder, context, &e),
    }
}

/// The configured builder: plugins, state and the command list.
pub fn build<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    app: recourse_app::App,
) -> tauri::Builder<R> {
    builder
        // One instance at a time: a second launch focuses the first window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new(app))
        .on_window_event(state::remember_dropped_files)
        .invoke_handler(commands::handler())
}
