//! What the corpus tests share: running one case in a child process (so a stack overflow, an
//! abort or a runaway allocation is a failed case, not a lost test run), a snapshot of every
//! table of a database (to prove a refused file changed nothing), and the score with its list
//! of known failures.
//!
//! The child is this same test binary, started with `RECOURSE_CASE` set to the case as JSON; the
//! test function sees the variable, runs that one case and prints its verdict on a line of its
//! own. On Linux the child runs under an address-space limit, so an importer that tries to hold
//! gigabytes fails its case instead of exhausting the shared machine.

#![allow(dead_code)]

pub mod limits;

use recourse_app::{App, ImportRequest};
use rusqlite::types::ValueRef;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;
use std::time::Duration;

const CASE_VAR: &str = "RECOURSE_CASE";
const VERDICT_MARK: &str = "@@verdict@@ ";

/// What a case ended with, as the parent sees it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Verdict {
    pub pass: bool,
    /// Why it failed (or a short note when it passed).
    pub reason: String,
}

/// The case this process must run, when it is a child.
pub fn child_case() -> Option<String> {
    std::env::var(CASE_VAR).ok()
}

/// Prints the child's verdict for the parent to read.
pub fn emit(verdict: &Verdict) {
    println!("{VERDICT_MARK}{}", serde_json::to_string(verdict).unwrap());
}

/// Runs `test_name` of this binary as a child with `case` as its case, within `timeout` and
/// (on Linux) an address-space limit of `memory_mb`.
pub fn run_isolated(test_name: &str, case: &str, timeout: Duration, memory_mb: u64) -> Verdict {
    let exe = std::env::current_exe().expect("the test binary's path");
    let ran = limits::run_limited(
        &exe,
        &[test_name, "--exact", "--nocapture", "--test-threads=1"],
        &[(CASE_VAR, case)],
        timeout,
        memory_mb,
    );
    // The test harness prints its own words before ours on the same line.
    let verdict = ran
        .stdout
        .lines()
        .find_map(|l| l.find(VERDICT_MARK).map(|i| &l[i + VERDICT_MARK.len()..]));
    if let Some(line) = verdict {
        if let Ok(v) = serde_json::from_str::<Verdict>(line) {
            return v;
        }
    }
    match ran.status {
        None => Verdict {
            pass: false,
            reason: format!("hang: no answer in {} s", timeout.as_secs()),
        },
        Some(s) => Verdict {
            pass: false,
            reason: format!("crashed ({s}): {}", limits::why_it_ended(&ran.stderr)),
        },
    }
}

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Records every panic of this process, on any thread: a panic on the importer's own threads
/// may come back as an ordinary error, and it is still a panic.
pub fn record_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        PANICS.lock().unwrap().push(format!("{msg}{at}"));
    }));
}

pub fn panics() -> Vec<String> {
    PANICS.lock().unwrap().clone()
}

/// Every table of the database: its row count and a hash of its rows (in any order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub tables: BTreeMap<String, (u64, u64)>,
    pub user_version: i64,
}

impl Snapshot {
    pub fn of(db: &Path) -> Snapshot {
        let conn = rusqlite::Connection::open_with_flags(
            db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .expect("open the database read-only");
        let names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut tables = BTreeMap::new();
        for name in names {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{}\"", name.replace('"', "\"\"")))
                .unwrap();
            let n = stmt.column_count();
            let mut rows: Vec<u64> = Vec::new();
            let mut q = stmt.query([]).unwrap();
            while let Some(r) = q.next().unwrap() {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                for i in 0..n {
                    match r.get_ref(i).unwrap() {
                        ValueRef::Null => 0u8.hash(&mut h),
                        ValueRef::Integer(v) => (1u8, v).hash(&mut h),
                        ValueRef::Real(v) => (2u8, v.to_bits()).hash(&mut h),
                        ValueRef::Text(v) => (3u8, v).hash(&mut h),
                        ValueRef::Blob(v) => (4u8, v).hash(&mut h),
                    }
                }
                rows.push(h.finish());
            }
            rows.sort_unstable();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            rows.hash(&mut h);
            tables.insert(name, (rows.len() as u64, h.finish()));
        }
        let user_version = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        Snapshot {
            tables,
            user_version,
        }
    }

    /// What differs from `before`, in words ("" when nothing does).
    pub fn changes_since(&self, before: &Snapshot) -> String {
        let mut out = Vec::new();
        if self.user_version != before.user_version {
            out.push(format!(
                "user_version {} -> {}",
                before.user_version, self.user_version
            ));
        }
        let names: std::collections::BTreeSet<&String> =
            self.tables.keys().chain(before.tables.keys()).collect();
        for name in names {
            let (a, b) = (before.tables.get(name), self.tables.get(name));
            if a != b {
                let count =
                    |t: Option<&(u64, u64)>| t.map(|t| t.0.to_string()).unwrap_or("-".into());
                out.push(format!(
                    "table {name}: {} -> {} rows (or contents)",
                    count(a),
                    count(b)
                ));
            }
        }
        out.join("; ")
    }
}

/// A small statement that imports anywhere, so a refused file is shown to leave earlier data
/// alone (not just an empty database).
pub const GOOD_STATEMENT: &str = "Date,Description,Amount\n\
2024-01-10,GOOD STATEMENT RENT,-900.00\n\
2024-01-11,GOOD STATEMENT SHOP,-12.34\n\
2024-01-12,GOOD STATEMENT PAY,1500.00\n";

/// Opens a fresh database in `dir` holding the good statement.
pub fn app_with_good_statement(dir: &Path) -> (App, PathBuf) {
    let db = dir.join("corpus.db");
    let mut app = App::open(&db).expect("open a fresh database");
    let good = dir.join("good_statement.csv");
    std::fs::write(&good, GOOD_STATEMENT).unwrap();
    let reports = app
        .import_files(
            &[good],
            &ImportRequest::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .unwrap_or_else(|e| panic!("the good statement must import: {}", e.message));
    assert_eq!(reports[0].imported, 3, "the good statement's rows");
    (app, db)
}

/// One case's result in the score.
pub struct Scored {
    pub name: String,
    pub class: String,
    pub verdict: Verdict,
}

/// Prints "`title`: N/M as expected" and the failures by class, and fails the test on any
/// failure not in `known` and on any entry of `known` that now passes (so the list stays true).
pub fn score(title: &str, results: &[Scored], known: &[(&str, &str)]) {
    let passed = results.iter().filter(|r| r.verdict.pass).count();
    println!("{title}: {passed}/{} as expected", results.len());
    if std::env::var_os("RECOURSE_CORPUS_VERBOSE").is_some() {
        for r in results.iter().filter(|r| r.verdict.pass) {
            println!("  [ok] {} ({}): {}", r.name, r.class, r.verdict.reason);
        }
    }
    let mut by_class: BTreeMap<&str, Vec<&Scored>> = BTreeMap::new();
    for r in results.iter().filter(|r| !r.verdict.pass) {
        by_class.entry(&r.class).or_default().push(r);
    }
    let mut unexpected = Vec::new();
    for (class, failures) in &by_class {
        println!("  {class}: {} failing", failures.len());
        for f in failures {
            let mark = if known.iter().any(|(k, _)| *k == f.name) {
                "known"
            } else {
                unexpected.push(f.name.clone());
                "NEW"
            };
            println!("    [{mark}] {}: {}", f.name, f.verdict.reason);
        }
    }
    let stale: Vec<&str> = known
        .iter()
        .filter(|(k, _)| results.iter().any(|r| r.name == *k && r.verdict.pass))
        .map(|(k, _)| *k)
        .collect();
    let missing: Vec<&str> = known
        .iter()
        .filter(|(k, _)| !results.iter().any(|r| r.name == *k))
        .map(|(k, _)| *k)
        .collect();
    assert!(
        unexpected.is_empty() && stale.is_empty() && missing.is_empty(),
        "{title}: failures not in the known list: {unexpected:?}; known failures that now pass \
         (remove them from the list): {stale:?}; known failures naming no case: {missing:?}"
    );
}

/// The repository's root, from this crate's folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
