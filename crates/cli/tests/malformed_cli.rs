//! The `recourse` binary on every committed file of the malformed corpus
//! (`tests/fixtures/malformed/`), each run under a time and address-space limit: whatever the
//! bytes, it must end by itself without a panic, and a refusal must be the CLI contract's one
//! line `error: FILE: …` on stderr, with nothing stored. Whether each file is refused or
//! imported, and with which line, is judged through the App by
//! `crates/app/tests/malformed_corpus.rs`; this checks what the command line adds.

#[path = "../../app/tests/harness/limits.rs"]
mod limits;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Files that break the contract today, each with why. A file that starts passing must be
/// removed from here (the test says so).
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/malformed")
}

fn recourse(db: &Path, args: &[&str]) -> limits::Ran {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    limits::run_limited(
        Path::new(env!("CARGO_BIN_EXE_recourse")),
        &all,
        &[],
        Duration::from_secs(60),
        4096,
    )
}

/// What is wrong with the CLI's handling of `file`, if anything.
fn check(file: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let path = corpus_dir().join(file);
    let ran = recourse(&db, &["import", path.to_str().unwrap()]);
    let Some(status) = ran.status else {
        return Some("hang: killed after 60 s".into());
    };
    if ran.stderr.contains("panicked") || status.code().is_none_or(|c| c == 101) {
        return Some(format!(
            "crashed ({status}): {}",
            limits::why_it_ended(&ran.stderr)
        ));
    }
    if status.success() {
        return None;
    }
    let lines: Vec<&str> = ran
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.len() != 1 || !lines[0].starts_with("error: ") || !lines[0].contains(file) {
        return Some(format!(
            "refusal is not one line 'error: {file}: …': {:?}",
            limits::why_it_ended(&ran.stderr)
        ));
    }
    let listed = recourse(&db, &["transactions", "--json"]);
    let rows: Value = serde_json::from_str(&listed.stdout).unwrap_or(Value::Null);
    if rows.as_array().is_none_or(|r| !r.is_empty()) {
        return Some(format!("refused, yet the database lists {rows}"));
    }
    None
}

#[test]
fn malformed_corpus_through_the_cli() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus_dir().join("manifest.json")).unwrap())
            .unwrap();
    let files: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c.get("generate").is_none())
        .map(|c| c["file"].as_str().unwrap())
        .collect();
    let mut failures = Vec::new();
    for file in &files {
        if let Some(why) = check(file) {
            failures.push((*file, why));
        }
    }
    println!(
        "malformed corpus through the CLI: {}/{} kept the contract",
        files.len() - failures.len(),
        files.len()
    );
    for (file, why) in &failures {
        let mark = if KNOWN_FAILURES.iter().any(|(k, _)| k == file) {
            "known"
        } else {
            "NEW"
        };
        println!("  [{mark}] {file}: {why}");
    }
    let new: Vec<&str> = failures
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| !KNOWN_FAILURES.iter().any(|(k, _)| k == f))
        .collect();
    let stale: Vec<&str> = KNOWN_FAILURES
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| !failures.iter().any(|(f, _)| f == k))
        .collect();
    assert!(
        new.is_empty() && stale.is_empty(),
        "failures not in the known list: {new:?}; known failures that now pass (remove them): {stale:?}"
    );
}
