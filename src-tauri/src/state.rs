//! What the shell keeps between commands: the open app, the files the user chose (the only
//! files the webview may ask to import), and the cancel switch of a running import.

use recourse_app::App;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;
use tauri::{Manager, Runtime, Window, WindowEvent};

pub struct AppState {
    pub app: Mutex<App>,
    /// Paths the user picked in the file dialog or dropped on the window.
    pub chosen: Mutex<HashSet<PathBuf>>,
    pub cancel: AtomicBool,
    /// Files the app was asked to open that the UI has not taken yet (`open_with`).
    pub opened: Mutex<Vec<PathBuf>>,
}

impl AppState {
    pub fn new(app: App) -> AppState {
        AppState {
            app: Mutex::new(app),
            chosen: Mutex::new(HashSet::new()),
            cancel: AtomicBool::new(false),
            opened: Mutex::new(Vec::new()),
        }
    }

    /// Files opened with the app: chosen by the user (in the file manager), waiting for the UI.
    pub fn open(&self, paths: &[PathBuf]) {
        self.choose(paths);
        self.opened
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(paths.iter().cloned());
    }

    pub fn take_opened(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.opened.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn choose(&self, paths: &[PathBuf]) {
        self.chosen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(paths.iter().cloned());
    }

    /// Refuses any path the user did not choose: the webview cannot read files on its own.
    pub fn check_chosen(&self, paths: &[PathBuf]) -> Result<(), recourse_app::AppError> {
        let chosen = self.chosen.lock().unwrap_or_else(|e| e.into_inner());
        match paths.iter().find(|p| !chosen.contains(p.as_path())) {
            Some(p) => Err(recourse_app::AppError::invalid(format!(
                "{} was not chosen in the file dialog or dropped on the window",
                p.display()
            ))
            .with_detail("file.not_chosen", [("file", p.display().to_string())])),
            None => Ok(()),
        }
    }

    pub fn with_app<T>(&self, f: impl FnOnce(&mut App) -> T) -> T {
        let mut app = self.app.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut app)
    }
}

/// Files dropped on the window become chosen files (the UI then asks to import them).
pub fn remember_dropped_files<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
        if let Some(state) = window.try_state::<AppState>() {
            state.choose(paths);
        }
    }
}

/// The bundled sample statement, from the app's resources (or the source tree in development).
pub fn sample_statement<R: Runtime>(app: &tauri::AppHandle<R>) -> PathBuf {
    let resource = app
        .path()
        .resolve("sample-statement.csv", tauri::path::BaseDirectory::Resource)
        .ok()
        .filter(|p| p.exists());
    resource.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/sample-statement.csv")
    })
}
