//! Every file of `tests/fixtures/malformed/` imported through the App into a real SQLite
//! database that already holds a good statement, each case in a child process of its own.
//!
//! Per case, from `manifest.json`: `refused` means an error whose message names the file (and
//! the line, sheet or archive entry the manifest gives) and a database unchanged in every table;
//! `imports` means exactly that many new transactions, with the listed descriptions stored
//! verbatim (formula text such as `=HYPERLINK(…)` stays text). No case may panic, crash, hang, or
//! exceed the address-space limit. Files too large to commit are written here, in a temporary
//! folder, from the manifest's `generate` name.
//!
//! Formula text and export: the app writes no CSV today (the CLI prints JSON and text; letters
//! are PDF, DOCX and plain text), so what is checked is that the text is stored and listed as it
//! was written. When a CSV export arrives, its escaping belongs in this test.

mod harness;

use harness::{Scored, Snapshot, Verdict};
use recourse_app::ImportRequest;
use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Cases that fail today, each with why, so the test can be merged while the importer is being
/// hardened. A case that starts passing must be removed from here (the test says so).
const KNOWN_FAILURES: &[(&str, &str)] = &[];

#[derive(Clone, Debug, Deserialize, serde::Serialize)]
struct Case {
    file: String,
    class: String,
    outcome: String,
    #[serde(default)]
    rows: Option<u64>,
    #[serde(default)]
    line: Option<u64>,
    #[serde(default)]
    entry: Option<String>,
    #[serde(default)]
    sheet: Option<String>,
    #[serde(default)]
    descriptions: Vec<String>,
    /// Words the refusal's message must hold (the limit it names, the part it blames).
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    generate: Option<String>,
    /// Where the file is, filled in by the parent.
    #[serde(default)]
    path: Option<PathBuf>,
}

#[derive(Deserialize)]
struct Manifest {
    files: Vec<Case>,
}

fn corpus_dir() -> PathBuf {
    harness::repo_root().join("tests/fixtures/malformed")
}

#[test]
fn malformed_corpus() {
    if let Some(case) = harness::child_case() {
        let case: Case = serde_json::from_str(&case).unwrap();
        harness::emit(&run_case(&case));
        return;
    }
    let text = std::fs::read_to_string(corpus_dir().join("manifest.json")).unwrap();
    let manifest: Manifest = serde_json::from_str(&text).unwrap();
    assert!(
        manifest.files.len() >= 60,
        "the corpus holds at least 60 cases"
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut results = Vec::new();
    // `RECOURSE_CORPUS_ONLY=hostile_` runs only the cases whose file names hold that text.
    let only = std::env::var("RECOURSE_CORPUS_ONLY").unwrap_or_default();
    for mut case in manifest.files {
        if !case.file.contains(&only) {
            continue;
        }
        let (path, timeout) = match &case.generate {
            Some(kind) => (generate(kind, &tmp.path().join(&case.file)), 300),
            None => (corpus_dir().join(&case.file), 60),
        };
        case.path = Some(path.clone());
        let verdict = harness::run_isolated(
            "malformed_corpus",
            &serde_json::to_string(&case).unwrap(),
            Duration::from_secs(timeout),
            // The file's size plus room for the process itself and the import's own needs.
            4096,
        );
        if case.generate.is_some() {
            let _ = std::fs::remove_file(&path);
        }
        results.push(Scored {
            name: case.file.clone(),
            class: case.class.clone(),
            verdict,
        });
    }
    harness::score("malformed corpus", &results, KNOWN_FAILURES);
}

/// Imports one case into a fresh database holding the good statement and judges the result.
fn run_case(case: &Case) -> Verdict {
    harness::record_panics();
    let dir = tempfile::tempdir().unwrap();
    let (mut app, db) = harness::app_with_good_statement(dir.path());
    let before = Snapshot::of(&db);
    let ids_before: Vec<i64> = app
        .transactions(&Default::default())
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let path = case.path.clone().unwrap();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        app.import_files(
            &[path],
            &ImportRequest::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
    }));
    let panics = harness::panics();
    if !panics.is_empty() {
        return fail(format!("panicked: {}", panics.join(" / ")));
    }
    let result = result.expect("no panic was recorded");
    let after = Snapshot::of(&db);
    match (case.outcome.as_str(), result) {
        ("refused", Ok(reports)) => {
            let rows: u64 = reports.iter().map(|r| r.imported).sum();
            fail(format!(
                "imported {rows} row(s) (skipped {}), expected a refusal",
                reports.iter().map(|r| r.skipped).sum::<u64>()
            ))
        }
        ("refused", Err(e)) => {
            let mut wrong = Vec::new();
            if !e.message.contains(&case.file) {
                wrong.push("does not name the file".to_string());
            }
            if let Some(line) = case.line {
                if !names_line(&e, line) {
                    wrong.push(format!("does not name line {line}"));
                }
            }
            if let Some(words) = &case.error {
                if !e.message.contains(words.as_str()) {
                    wrong.push(format!("does not say \"{words}\""));
                }
            }
            for (what, name) in [("entry", &case.entry), ("sheet", &case.sheet)] {
                if let Some(name) = name {
                    if !e.message.contains(name.as_str()) {
                        wrong.push(format!("does not name the {what} '{name}'"));
                    }
                }
            }
            let changed = after.changes_since(&before);
            if !changed.is_empty() {
                wrong.push(format!("changed the database: {changed}"));
            }
            if wrong.is_empty() {
                pass(&e.message)
            } else {
                fail(format!("{}: \"{}\"", wrong.join(", "), short(&e.message)))
            }
        }
        ("imports", Err(e)) => fail(format!("refused: \"{}\"", short(&e.message))),
        ("imports", Ok(_)) => {
            let new: Vec<_> = app
                .transactions(&Default::default())
                .unwrap()
                .into_iter()
                .filter(|t| !ids_before.contains(&t.id))
                .collect();
            let mut wrong = Vec::new();
            let expected = case.rows.unwrap();
            if new.len() as u64 != expected {
                wrong.push(format!("stored {} rows, expected {expected}", new.len()));
            }
            for d in &case.descriptions {
                if !new.iter().any(|t| &t.description == d) {
                    let seen: Vec<String> = new.iter().map(|t| short(&t.description)).collect();
                    wrong.push(format!(
                        "description {:?} not stored verbatim (stored {seen:?})",
                        short(d)
                    ));
                }
            }
            if wrong.is_empty() {
                pass("imported as expected")
            } else {
                fail(wrong.join("; "))
            }
        }
        (other, _) => panic!("unknown outcome {other}"),
    }
}

/// The error names `line`: in its translatable values, or as "line N"/"row N" in its message.
fn names_line(e: &recourse_app::AppError, line: u64) -> bool {
    let n = line.to_string();
    if let Some(d) = &e.detail {
        if ["line", "row"].iter().any(|k| d.args.get(*k) == Some(&n)) {
            return true;
        }
    }
    let msg = e.message.to_lowercase();
    ["line ", "row "].iter().any(|w| {
        msg.match_indices(w).any(|(i, _)| {
            let rest = &msg[i + w.len()..];
            rest.starts_with(&n) && !rest[n.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

fn pass(note: &str) -> Verdict {
    Verdict {
        pass: true,
        reason: short(note),
    }
}

fn fail(reason: String) -> Verdict {
    Verdict {
        pass: false,
        reason,
    }
}

fn short(s: &str) -> String {
    let s: String = s.chars().map(|c| if c == '\0' { '␀' } else { c }).collect();
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s
    }
}

/// Writes the generated case `kind` to `path` (streamed: none is held in memory whole).
/// `hostile/FILE/MB` is the hostile input of the bench named FILE with MB MiB of filler
/// (`recourse_testsupport::hostile`).
fn generate(kind: &str, path: &Path) -> PathBuf {
    if let Some(hostile) = kind.strip_prefix("hostile/") {
        let (file, mb) = hostile.rsplit_once('/').expect("hostile/FILE/MB");
        let case = recourse_testsupport::hostile::case(file)
            .unwrap_or_else(|| panic!("no hostile input {file}"));
        case.write(path, mb.parse::<usize>().expect("MB") << 20)
            .unwrap();
        return path.to_path_buf();
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let head = "Date,Description,Amount\n2024-03-01,CORNER BAKERY,-4.50\n";
    let mb = |f: &mut dyn Write, unit: &[u8], total: usize| {
        let block = unit.repeat((1 << 16) / unit.len().max(1) + 1);
        let mut left = total;
        while left > 0 {
            let n = left.min(block.len());
            f.write_all(&block[..n]).unwrap();
            left -= n;
        }
    };
    match kind {
        "field_10mb" => {
            f.write_all(head.as_bytes()).unwrap();
            f.write_all(b"2024-03-02,").unwrap();
            mb(&mut f, b"X", 10_000_000);
            f.write_all(b",-1.00\n2024-03-03,BOOKSHOP,-18.99\n")
                .unwrap();
        }
        "million_columns" => {
            f.write_all(head.as_bytes()).unwrap();
            f.write_all(b"2024-03-02").unwrap();
            mb(&mut f, b",x", 2_000_000);
            f.write_all(b"\n2024-03-03,BOOKSHOP,-18.99\n").unwrap();
        }
        "newlines_100mb" => mb(&mut f, b"\n", 100_000_000),
        "rows_then_newlines" => {
            f.write_all(head.as_bytes()).unwrap();
            f.write_all(b"2024-03-02,CITY TRANSIT,-2.75\n2024-03-03,BOOKSHOP,-18.99\n")
                .unwrap();
            mb(&mut f, b"\n", 100_000_000);
        }
        "unclosed_quote_50mb" => {
            f.write_all(head.as_bytes()).unwrap();
            f.write_all(b"2024-03-02,\"CITY TRANSIT,-2.75\n").unwrap();
            mb(&mut f, b"2024-03-03,BOOKSHOP,-18.99\n", 50_000_000);
        }
        "single_line_50mb" => mb(&mut f, b"abcdefghij", 50_000_000),
        "xml_deep" => {
            f.write_all(
                b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>",
            )
            .unwrap();
            mb(&mut f, b"<a>", 3_000_000);
            mb(&mut f, b"</a>", 4_000_000);
            f.write_all(b"</BkToCstmrStmt></Document>\n").unwrap();
        }
        "ofx_deep" => {
            f.write_all(
                b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n\
CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n<BANKMSGSRSV1>\n",
            )
            .unwrap();
            mb(&mut f, b"<STMTTRNRS>", 11_000_000);
            f.write_all(b"\n</BANKMSGSRSV1>\n</OFX>\n").unwrap();
        }
        "rows_last_bad" => {
            f.write_all(b"Date,Description,Amount\n").unwrap();
            let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
            for i in 0..200_000u32 {
                let d = start + chrono::Days::new(u64::from(i % 1500));
                writeln!(f, "{d},SHOP {},-{}.{:02}", i % 977, 1 + i % 300, i % 100).unwrap();
            }
            f.write_all(b"2024-02-30,LAST ROW,-1.00\n").unwrap();
        }
        other => panic!("unknown generated case {other}"),
    }
    f.flush().unwrap();
    path.to_path_buf()
}
