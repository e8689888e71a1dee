//! The real `recourse` binary run in a test's folder, shared by the CLI's integration tests.
#![allow(dead_code)] // each test file uses some of these

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `recourse --db DIR/recourse.db ARGS…` in `dir`, ignoring any RECOURSE_DB around it.
pub fn recourse(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recourse"))
        .arg("--db")
        .arg(dir.join("recourse.db"))
        .args(args)
        .current_dir(dir)
        .env_remove("RECOURSE_DB")
        .output()
        .unwrap()
}

/// Runs a command that must succeed and print one JSON document.
pub fn ok_json(dir: &Path, args: &[&str]) -> Value {
    let out = recourse(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: stdout is not one JSON document: {e}"))
}
