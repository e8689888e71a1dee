//! Helpers of the statement-format tests: an App on a fresh database, imports as the user
//! makes them, and what the database then holds per account.
#![allow(dead_code)]

use recourse_app::dto::{ImportReport, RowStatus, Transaction, TxFilter};
use recourse_app::{App, AppError, ImportRequest, Password};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

pub struct Db {
    pub dir: tempfile::TempDir,
    pub app: App,
}

pub fn fresh() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("r.db")).unwrap();
    Db { dir, app }
}

/// The repository's own format fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/formats")
        .join(name)
}

impl Db {
    pub fn import(
        &mut self,
        path: &Path,
        password: Option<&str>,
    ) -> Result<Vec<ImportReport>, AppError> {
        let req = ImportRequest {
            password: password.map(Password::new),
            ..Default::default()
        };
        self.app.import_files(
            &[path.to_path_buf()],
            &req,
            &|_| {},
            &AtomicBool::new(false),
        )
    }

    pub fn rows(&self) -> Vec<Transaction> {
        self.app.transactions(&TxFilter::default()).unwrap()
    }

    /// Per account: rows, signed sum of money moved (minor units), currencies, first and last
    /// date.
    pub fn by_account(&self) -> BTreeMap<String, Totals> {
        let mut out: BTreeMap<String, Totals> = BTreeMap::new();
        for t in self.rows() {
            let e = out.entry(t.account.clone()).or_default();
            e.add(&t);
        }
        out
    }

    pub fn totals(&self) -> Totals {
        let mut all = Totals::default();
        for t in self.rows() {
            all.add(&t);
        }
        all
    }
}

#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub rows: usize,
    pub sum_minor: i64,
    pub currencies: Vec<String>,
    pub first: String,
    pub last: String,
    pub pending: usize,
}

impl Totals {
    fn add(&mut self, t: &Transaction) {
        self.rows += 1;
        if t.status.moves_money() {
            self.sum_minor += t.amount_minor;
        }
        if t.status == RowStatus::Pending {
            self.pending += 1;
        }
        if !self.currencies.contains(&t.currency) {
            self.currencies.push(t.currency.clone());
            self.currencies.sort();
        }
        let date = t.date.to_string();
        if self.first.is_empty() || date < self.first {
            self.first = date.clone();
        }
        if self.last.is_empty() || date > self.last {
            self.last = date;
        }
    }
}
