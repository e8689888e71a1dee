//! The Recourse desktop shell. Invariant: every command is one to three lines calling
//! `recourse-app`; there is no logic here beyond wiring (state, events, the file picker).

mod commands;
mod dialogs;
mod open_with;
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
            build(builder, app, open_with::files_at_launch())
                .build(context)
                .expect("error while starting Recourse")
                .run(|app, event| open_with::on_run_event(app, &event));
        }
        Err(e) => dialogs::cannot_start(builder, context, &e),
    }
}

/// The configured builder: plugins, state and the command list. `files` are the statements the
/// app was started with, which open in the import preview.
pub fn build<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    app: recourse_app::App,
    files: Vec<std::path::PathBuf>,
) -> tauri::Builder<R> {
    builder
        // One instance at a time: a second launch focuses the first window and hands it its files.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            open_with::second_launch(app, args, cwd)
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |handle| {
            let state = state::AppState::new(app);
            state.open(&files);
            handle.manage(state);
            Ok(())
        })
        .on_window_event(state::remember_dropped_files)
        .invoke_handler(commands::handler())
}
