//! Every statement of `tests/fixtures/statements/` imported through the App, as a new user
//! would (no account, no profile), each into a fresh SQLite database in a child process, and
//! checked against its manifest per account: row count, signed sum per currency (booked and
//! pending rows; money out negative), currency, first and last date. For each overlapping pair,
//! importing both files must give `distinct_transactions_after_both` rows in ONE account.
//!
//! Accounts are matched by the identity the file states (compared without spaces, punctuation
//! or case, as a part of the stored account's name); where the manifest says the file states
//! none, all the file's rows must land in one account. Dates are compared on the stored
//! transaction date; a pending row may be stored without the booking date the range is about,
//! so the range also passes when it matches over the booked rows alone.

mod harness;

use harness::{Scored, Verdict};
use recourse_app::dto::{RowStatus, Transaction};
use recourse_app::{App, ImportRequest, Password};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// What fails today, each with why, so the test can be merged while the importer grows
/// (issues 10 and 11). A fixture that starts passing must be removed from here.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

#[derive(Clone, Debug, Deserialize)]
struct Fixture {
    file: String,
    #[serde(default)]
    classes: Vec<String>,
    #[serde(default)]
    password: Option<String>,
    expected: Vec<Expected>,
    #[serde(default)]
    pair: Option<String>,
    #[serde(default)]
    pair_files: Vec<String>,
    #[serde(default)]
    distinct_transactions_after_both: Option<u64>,
}

#[derive(Clone, Debug, Deserialize)]
struct Expected {
    account: Option<String>,
    rows: u64,
    signed_sum: BTreeMap<String, String>,
    currency: String,
    first_date: String,
    last_date: String,
}

#[derive(Deserialize)]
struct Manifest {
    files: Vec<Fixture>,
}

fn fixtures_dir() -> PathBuf {
    harness::repo_root().join("tests/fixtures/statements")
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(fixtures_dir().join("manifest.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn own_fixtures_manifest() {
    let manifest = manifest();
    if let Some(case) = harness::child_case() {
        harness::emit(&run_case(&manifest, &case));
        return;
    }
    let mut cases: Vec<(String, String)> = manifest
        .files
        .iter()
        .map(|f| (f.file.clone(), class_of(f)))
        .collect();
    let mut pairs: Vec<&str> = manifest
        .files
        .iter()
        .filter_map(|f| f.pair.as_deref())
        .collect();
    pairs.dedup();
    cases.extend(
        pairs
            .iter()
            .map(|p| (format!("pair:{p}"), "overlapping_pair".into())),
    );
    let results: Vec<Scored> = cases
        .into_iter()
        .map(|(name, class)| Scored {
            verdict: harness::run_isolated(
                "own_fixtures_manifest",
                &name,
                Duration::from_secs(120),
                4096,
            ),
            name,
            class,
        })
        .collect();
    let identity_only = results
        .iter()
        .filter(|r| r.verdict.reason.starts_with(IDENTITY_ONLY))
        .count();
    let passed = results.iter().filter(|r| r.verdict.pass).count();
    println!(
        "own statement fixtures, account identity aside: {}/{} (rows, sums, currencies, dates)",
        passed + identity_only,
        results.len()
    );
    harness::score("own statement fixtures", &results, KNOWN_FAILURES);
}

/// The fixture's format class, for the score's grouping.
fn class_of(f: &Fixture) -> String {
    let ext = f.file.rsplit('.').next().unwrap_or_default().to_lowercase();
    let kind = match ext.as_str() {
        "csv" | "tab" => "csv",
        "xls" if f.classes.iter().any(|c| c.starts_with("xls_that_is")) => "xls_that_is_text",
        "ofx" | "qfx" | "qbo" => "ofx",
        "xml" => "camt",
        other => other,
    };
    kind.to_string()
}

fn run_case(manifest: &Manifest, name: &str) -> Verdict {
    harness::record_panics();
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(&dir.path().join("fixtures.db")).unwrap();
    let verdict = match name.strip_prefix("pair:") {
        Some(pair) => check_pair(&mut app, manifest, pair),
        None => {
            let f = manifest.files.iter().find(|f| f.file == name).unwrap();
            check_file(&mut app, f)
        }
    };
    let panics = harness::panics();
    if !panics.is_empty() {
        return fail(format!("panicked: {}", panics.join(" / ")));
    }
    verdict
}

/// Imports `files` in one call, giving the archive `password` the manifest states, if any.
fn import(app: &mut App, files: &[String], password: Option<&str>) -> Result<(), String> {
    let paths: Vec<PathBuf> = files.iter().map(|f| fixtures_dir().join(f)).collect();
    let req = ImportRequest {
        password: password.map(Password::new),
        ..Default::default()
    };
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        app.import_files(&paths, &req, &|_| {}, &AtomicBool::new(false))
    }));
    match r {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(format!("refused: \"{}\"", e.message)),
        Err(_) => Err("panicked".into()),
    }
}

fn check_file(app: &mut App, f: &Fixture) -> Verdict {
    if let Err(e) = import(app, std::slice::from_ref(&f.file), f.password.as_deref()) {
        return fail(e);
    }
    let txs = app.transactions(&Default::default()).unwrap();
    let mut by_account: BTreeMap<String, Vec<Transaction>> = BTreeMap::new();
    for t in txs {
        by_account.entry(t.account.clone()).or_default().push(t);
    }
    let mut wrong = Vec::new();
    // Failures of the account's name alone, told apart so the score can show them.
    let mut naming = Vec::new();
    let mut used = Vec::new();
    for e in &f.expected {
        let account = match &e.account {
            None if by_account.len() == 1 => by_account.keys().next().cloned(),
            None => None,
            Some(id) => {
                let found: Vec<&String> = by_account
                    .keys()
                    .filter(|a| identity(a).contains(&identity(id)))
                    .collect();
                (found.len() == 1).then(|| found[0].clone())
            }
        };
        // A file with one account whose rows all landed in one account that is not named after
        // the file's identity: the identity is wrong, and the rows are still checked.
        let account = match account {
            Some(a) => a,
            None if f.expected.len() == 1 && by_account.len() == 1 => {
                let only = by_account.keys().next().unwrap().clone();
                naming.push(format!(
                    "account named '{only}', not after the file's {:?}",
                    e.account.as_deref().unwrap_or_default()
                ));
                only
            }
            None => {
                wrong.push(format!(
                    "no single account for {:?} (accounts: {:?})",
                    e.account.as_deref().unwrap_or("the file's rows"),
                    by_account
                        .iter()
                        .map(|(a, r)| format!("{a} ({} rows)", r.len()))
                        .collect::<Vec<_>>()
                ));
                continue;
            }
        };
        used.push(account.clone());
        let label = e.account.as_deref().unwrap_or(&account);
        wrong.extend(
            compare(&by_account[&account], e)
                .into_iter()
                .map(|w| format!("{label}: {w}")),
        );
    }
    let others: Vec<String> = by_account
        .iter()
        .filter(|(a, _)| !used.contains(a))
        .map(|(a, r)| format!("{a} ({} rows)", r.len()))
        .collect();
    if !others.is_empty() && wrong.is_empty() {
        wrong.push(format!(
            "rows in accounts the file does not name: {others:?}"
        ));
    }
    match (wrong.is_empty(), naming.is_empty()) {
        (true, true) => Verdict {
            pass: true,
            reason: "as the manifest says".into(),
        },
        (true, false) => fail(format!("{IDENTITY_ONLY}{}", naming.join("; "))),
        _ => fail(
            naming
                .into_iter()
                .chain(wrong)
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

/// How a verdict starts when only the account's name is wrong (rows, sums and dates right).
const IDENTITY_ONLY: &str = "right rows, wrong account: ";

/// An account identity as written, without spaces, punctuation or case.
fn identity(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '*')
        .flat_map(char::to_lowercase)
        .collect()
}

/// What differs between one account's stored rows and the manifest.
fn compare(rows: &[Transaction], e: &Expected) -> Vec<String> {
    let mut wrong = Vec::new();
    if rows.len() as u64 != e.rows {
        wrong.push(format!("{} rows, expected {}", rows.len(), e.rows));
    }
    let mut sums: BTreeMap<String, i128> = BTreeMap::new();
    for t in rows {
        if t.status.moves_money() {
            *sums.entry(t.currency.clone()).or_default() += decimal(&t.amount);
        }
    }
    sums.retain(|_, v| *v != 0);
    let expected: BTreeMap<String, i128> = e
        .signed_sum
        .iter()
        .map(|(c, s)| (c.clone(), decimal(s)))
        .filter(|(_, v)| *v != 0)
        .collect();
    if sums != expected {
        let show = |m: &BTreeMap<String, i128>| {
            m.iter()
                .map(|(c, v)| format!("{} {c}", decimal_text(*v)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        wrong.push(format!("sum {}, expected {}", show(&sums), show(&expected)));
    }
    if !rows.iter().any(|t| t.currency == e.currency) {
        wrong.push(format!("no row in {}", e.currency));
    }
    let range = |rs: &mut dyn Iterator<Item = &Transaction>| {
        let dates: Vec<String> = rs.map(|t| t.date.to_string()).collect();
        (
            dates.iter().min().map(|d| d.to_string()),
            dates.iter().max().map(|d| d.to_string()),
        )
    };
    let want = (Some(e.first_date.clone()), Some(e.last_date.clone()));
    let all = range(&mut rows.iter());
    let booked = range(&mut rows.iter().filter(|t| t.status != RowStatus::Pending));
    if all != want && booked != want {
        wrong.push(format!(
            "dates {}..{}, expected {}..{}",
            all.0.unwrap_or_default(),
            all.1.unwrap_or_default(),
            e.first_date,
            e.last_date
        ));
    }
    wrong
}

/// A decimal text in ten-thousandths, so amounts of any currency compare exactly.
fn decimal(s: &str) -> i128 {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    assert!(frac.len() <= 4, "amount {s} has more than 4 decimals");
    let v = int.parse::<i128>().unwrap() * 10_000 + format!("{frac:0<4}").parse::<i128>().unwrap();
    if neg {
        -v
    } else {
        v
    }
}

/// Ten-thousandths back to a decimal text with at least two decimals.
fn decimal_text(v: i128) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let (int, frac) = (v.abs() / 10_000, v.abs() % 10_000);
    let frac = format!("{frac:04}");
    let frac = frac.trim_end_matches('0');
    format!("{sign}{int}.{frac:0<2}")
}

fn check_pair(app: &mut App, manifest: &Manifest, pair: &str) -> Verdict {
    let first = manifest
        .files
        .iter()
        .find(|f| f.pair.as_deref() == Some(pair))
        .unwrap();
    if let Err(e) = import(app, &first.pair_files, first.password.as_deref()) {
        return fail(e);
    }
    let want = first.distinct_transactions_after_both.unwrap();
    let mut by_account: BTreeMap<String, u64> = BTreeMap::new();
    for t in app.transactions(&Default::default()).unwrap() {
        *by_account.entry(t.account).or_default() += 1;
    }
    match by_account.len() {
        1 if by_account.values().next() == Some(&want) => Verdict {
            pass: true,
            reason: format!("{want} rows in one account"),
        },
        _ => fail(format!(
            "after both files: {by_account:?}, expected {want} rows in one account"
        )),
    }
}

fn fail(reason: String) -> Verdict {
    Verdict {
        pass: false,
        reason,
    }
}
