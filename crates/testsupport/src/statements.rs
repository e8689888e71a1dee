//! Each account's year as monthly statement files that overlap by a few days (the way people
//! download them: "the last 30 days", a few days late), in the account's dialect.

use crate::model::Population;
use crate::rng::Rng;
use chrono::{Datelike, Duration, NaiveDate};

pub struct StatementFile {
    /// The account name the file is imported into.
    pub account: String,
    pub name: String,
    pub text: String,
    /// (generated row id, 1-based physical line) for every row printed in this file.
    pub lines: Vec<(usize, u64)>,
}

/// All files of the population, account by account, each account's files in date order.
pub fn statements(pop: &Population, seed: u64) -> Vec<StatementFile> {
    let mut files = Vec::new();
    let Some(start) = pop.txns.iter().map(|t| t.date).min() else {
        return files;
    };
    let end = pop.txns.iter().map(|t| t.date).max().unwrap_or(start);
    let mut rng = Rng::new(seed ^ 0xF11E);
    for (a, account) in pop.accounts.iter().enumerate() {
        let rows: Vec<_> = pop.txns.iter().filter(|t| t.account == a).collect();
        let holder = pop
            .people
            .iter()
            .find(|p| p.accounts.contains(&a))
            .map(|p| p.name.as_str())
            .unwrap_or("");
        let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
        while month <= end {
            let next = add_month(month);
            let from = if month <= start {
                start
            } else {
                month - Duration::days(rng.range(2, 5))
            };
            let to = (next - Duration::days(1)).min(end);
            let in_file: Vec<_> = rows
                .iter()
                .copied()
                .filter(|t| t.date >= from && t.date <= to)
                .collect();
            let written = account.dialect.write(holder, from, to, &in_file);
            files.push(StatementFile {
                account: account.name.clone(),
                name: format!("{}-{}-{:02}.csv", account.name, month.year(), month.month()),
                text: written.text,
                lines: written.lines,
            });
            month = next;
        }
    }
    files
}

fn add_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}
