//! The native file dialogs, opened by the backend (the webview never reads files itself).
//!
//! End-to-end tests cannot click in a native dialog, so in a build with the `e2e-hooks` feature
//! (`make test-e2e` makes one; `make run` and releases do not) two variables answer for it:
//! `RECOURSE_TEST_PICK_FILES` names a text file whose lines are the paths an Open dialog returns,
//! and `RECOURSE_TEST_SAVE_DIR` is the folder a Save dialog answers with (keeping the proposed
//! file name).

use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// Says in a native dialog why the app cannot start (`AppError::message`: what happened and what
/// to do), with no window behind it, then exits with a failure code.
pub fn cannot_start<R: Runtime>(
    builder: tauri::Builder<R>,
    mut context: tauri::Context<R>,
    error: &recourse_app::AppError,
) {
    eprintln!("error: {}", error.message);
    context.config_mut().app.windows.clear();
    let message = error.message.clone();
    let ran = builder
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let handle = app.handle().clone();
            app.dialog()
                .message(message)
                .title("Recourse cannot start")
                .kind(MessageDialogKind::Error)
                .show(move |_| handle.exit(1));
            Ok(())
        })
        .run(context);
    if let Err(e) = ran {
        eprintln!("error: cannot show the dialog: {e}");
    }
    std::process::exit(1);
}

/// What an end-to-end test answers for an Open dialog: the paths listed in the file named by
/// `RECOURSE_TEST_PICK_FILES`. Always `None` in a build without the `e2e-hooks` feature.
fn test_picked_files() -> Option<Vec<PathBuf>> {
    #[cfg(feature = "e2e-hooks")]
    if let Some(list) = std::env::var_os("RECOURSE_TEST_PICK_FILES") {
        return Some(
            std::fs::read_to_string(list)
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect(),
        );
    }
    None
}

/// What an end-to-end test answers for a Save dialog proposing `file_name`: that name in the
/// folder `RECOURSE_TEST_SAVE_DIR`. Always `None` without the `e2e-hooks` feature.
fn test_save_path(file_name: &str) -> Option<PathBuf> {
    #[cfg(feature = "e2e-hooks")]
    if let Some(dir) = std::env::var_os("RECOURSE_TEST_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(file_name));
    }
    let _ = file_name;
    None
}

/// What an Open dialog offers: a filter name and the extensions it shows (empty: any file).
pub struct Filter<'a> {
    pub name: &'a str,
    pub extensions: &'a [&'a str],
}

/// The files the user chose (empty when cancelled).
pub fn pick_files<R: Runtime>(app: &AppHandle<R>, filter: Filter) -> Vec<PathBuf> {
    if let Some(listed) = test_picked_files() {
        return listed
            .into_iter()
            .filter(|p| filter.extensions.is_empty() || has_extension(p, filter.extensions))
            .collect();
    }
    let mut dialog = app.dialog().file();
    if !filter.extensions.is_empty() {
        dialog = dialog.add_filter(filter.name, filter.extensions);
    }
    dialog
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect()
}

/// Where to save a file proposed as `file_name` (None when cancelled).
pub fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    filter: Filter,
) -> Option<PathBuf> {
    if let Some(path) = test_save_path(file_name) {
        return Some(path);
    }
    app.dialog()
        .file()
        .set_file_name(file_name)
        .add_filter(filter.name, filter.extensions)
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

fn has_extension(path: &std::path::Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hooks answer only in a build made for the end-to-end tests.
    #[test]
    fn the_test_hooks_answer_only_with_the_e2e_feature() {
        let dir = std::env::temp_dir();
        let list = dir.join("recourse-dialog-hook-test.txt");
        std::fs::write(&list, "/tmp/a.csv\n").unwrap();
        std::env::set_var("RECOURSE_TEST_PICK_FILES", &list);
        std::env::set_var("RECOURSE_TEST_SAVE_DIR", &dir);
        let hooked = cfg!(feature = "e2e-hooks");
        assert_eq!(test_picked_files().is_some(), hooked);
        assert_eq!(test_save_path("x.zip").is_some(), hooked);
        if hooked {
            assert_eq!(test_picked_files().unwrap(), [PathBuf::from("/tmp/a.csv")]);
            assert_eq!(test_save_path("x.zip").unwrap(), dir.join("x.zip"));
        }
        let _ = std::fs::remove_file(list);
    }
}
