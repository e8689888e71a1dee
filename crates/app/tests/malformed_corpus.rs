//! The malformed-input corpus (`tests/corpus/malformed/`): every file is refused with the error
//! and line `expected.tsv` names for it, through the real import into a real database, and
//! leaves the database empty. The manifest and the folder must agree, so a file added without
//! its expectation (or the reverse) fails the run.

use recourse_app::dto::{ImportProgress, TxFilter};
use recourse_app::{App, ImportRequest};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/malformed")
}

struct Expected {
    file: String,
    key: String,
    line: Option<String>,
}

fn manifest(dir: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                cols.len(),
                3,
                "expected.tsv line {}: file, key, line",
                i + 1
            );
            Expected {
                file: cols[0].to_string(),
                key: cols[1].to_string(),
                line: (cols[2] != "-").then(|| cols[2].to_string()),
            }
        })
        .collect()
}

#[test]
fn every_malformed_file_gives_its_expected_error_and_changes_nothing() {
    let dir = corpus();
    let expected = manifest(&dir);
    let listed: BTreeSet<&str> = expected.iter().map(|e| e.file.as_str()).collect();
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.tsv")
        .collect();
    let present: BTreeSet<&str> = present.iter().map(String::as_str).collect();
    assert_eq!(listed, present, "expected.tsv and the corpus folder differ");

    let db = tempfile::tempdir().unwrap();
    let mut app = App::open(&db.path().join("r.db")).unwrap();
    let mut wrong = Vec::new();
    for e in &expected {
        let got = app.import_files(
            &[dir.join(&e.file)],
            &ImportRequest::default(),
            &|_: ImportProgress| {},
            &AtomicBool::new(false),
        );
        let (key, line) = match &got {
            Ok(_) => ("imported".to_string(), None),
            Err(err) => match &err.detail {
                Some(d) => (d.key.clone(), d.args.get("line").cloned()),
                None => (format!("{}: {}", err.code, err.message), None),
            },
        };
        if key != e.key || line != e.line {
            wrong.push(format!(
                "{}: expected {} at line {:?}, got {key} at line {line:?} ({:?})",
                e.file,
                e.key,
                e.line,
                got.err().map(|x| x.message)
            ));
        }
        assert!(
            app.transactions(&TxFilter::default()).unwrap().is_empty(),
            "{} left rows behind",
            e.file
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
