//! The transactions view's columns held in memory: what the table screen filters, searches,
//! sorts and pages by, for every stored transaction.
//!
//! Why in memory: with a million rows, an SQL plan that suits one query is wrong for the next
//! (a common word matches 100,000 rows that must then be sorted by date; a rare one wants an
//! index; totals always read every match), and each index SQLite would need costs about a
//! second per million rows imported. A scan of these columns takes milliseconds for any query,
//! and a page at any offset is a slice of the last result. About 80 bytes per row, with room
//! for an eighth more so that imports append without copying.
//!
//! The view follows `ledger_version` (migrations 5 and 6): every write that adds or removes
//! transactions bumps it, in this process or another one. Rows added since the view was read
//! are appended to it; after a removal (an undone import) it is read again.

use crate::error::{Result, StoreError};
use crate::query::{CurrencyTotal, SortKey, TxQuery};
use chrono::{Datelike, NaiveDate};
use memchr::memmem;
use rusqlite::Connection;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// Separates rows in the search text; it cannot occur in a query, so no match spans two rows.
const ROW_END: u8 = 0;

pub(crate) struct LedgerView {
    stamp: Stamp,
    /// One entry per transaction, in the order they were read (rowid order).
    ids: Vec<i64>,
    days: Vec<i32>,
    amounts: Vec<i64>,
    accounts: Vec<i64>,
    currencies: Vec<u16>,
    currency_codes: Vec<String>,
    currency_index: HashMap<String, u16>,
    merchants: Vec<u32>,
    merchant_names: Vec<String>,
    merchant_index: HashMap<String, u32>,
    /// Booked or pending: counted in sums (closed orders and neutral wallet rows are not).
    moves_money: Vec<bool>,
    /// Every row's description, lower-cased, each followed by `ROW_END`.
    text: Vec<u8>,
    /// Where each row's text ends in `text`.
    text_ends: Vec<u32>,
    by_date: Vec<u32>,
    by_amount: OnceCell<Vec<u32>>,
    by_merchant: OnceCell<Vec<u32>>,
    /// The last unflagged query's result: the pages of one query reuse it.
    last: Option<(String, Selection)>,
}

/// Where the table stood when a view was read: `ledger_version`'s counters (migrations 5, 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// Moves with every write that adds or removes transactions.
    pub version: i64,
    /// Moves with every write that removes transactions.
    pub removals: i64,
}

/// The rows a query selects, in its order, as positions in the view's columns.
pub(crate) struct Selection {
    pub positions: Vec<u32>,
    pub totals: Vec<CurrencyTotal>,
}

/// What a query needs besides the view: resolved by the caller from the database.
pub(crate) struct Lookups {
    /// `Some(None)`: the query names an account that does not exist.
    pub account_id: Option<Option<i64>>,
    pub open_flagged: Option<HashSet<i64>>,
}

pub(crate) fn current_stamp(conn: &Connection) -> Result<Stamp> {
    Ok(conn.query_row(
        "SELECT version, removals FROM ledger_version WHERE id = 1",
        [],
        |r| {
            Ok(Stamp {
                version: r.get(0)?,
                removals: r.get(1)?,
            })
        },
    )?)
}

/// Days since the common era of a stored `YYYY-MM-DD` date. Read by hand: chrono's
/// format-string parser was a fifth of the time it takes to load a million rows.
fn day_number(date: &str) -> Option<i32> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..10])?)
        .map(|d| d.num_days_from_ce())
}

/// Appends `s` lower-cased: the case-insensitive search compares lower-cased text.
fn push_lowercase(out: &mut Vec<u8>, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        out.extend_from_slice(s.to_lowercase().as_bytes());
    }
}

/// Appends a text column lower-cased, checking it is UTF-8 only when it is not ASCII (most
/// descriptions are).
fn push_lowercase_column(out: &mut Vec<u8>, r: &rusqlite::Row, column: usize) -> Result<()> {
    let bytes = r
        .get_ref(column)?
        .as_bytes()
        .map_err(rusqlite::Error::from)?;
    if bytes.is_ascii() {
        out.extend(bytes.iter().map(u8::to_ascii_lowercase));
    } else {
        push_lowercase(out, text(r, column)?);
    }
    Ok(())
}

/// A text column borrowed from the row, without copying it.
fn text<'r>(r: &'r rusqlite::Row, column: usize) -> Result<&'r str> {
    Ok(r.get_ref(column)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })?)
}

/// The index of `name` in `names`, adding it when it is new.
fn intern<T: Copy + TryFrom<usize>>(
    names: &mut Vec<String>,
    index: &mut HashMap<String, T>,
    name: &str,
) -> T {
    if let Some(&i) = index.get(name) {
        return i;
    }
    let Ok(i) = T::try_from(names.len()) else {
        unreachable!("more distinct names than the index type holds")
    };
    names.push(name.to_string());
    index.insert(name.to_string(), i);
    i
}

impl LedgerView {
    pub(crate) fn stamp(&self) -> Stamp {
        self.stamp
    }

    /// Reads every transaction's view columns. Call it inside a read transaction, so that the
    /// stamp and the rows are one snapshot (a stamp older than the rows only costs a re-read).
    pub(crate) fn load(conn: &Connection) -> Result<LedgerView> {
        let stamp = current_stamp(conn)?;
        let count: usize = conn.query_row("SELECT count(*) FROM transactions", [], |r| {
            r.get::<_, i64>(0)
        })? as usize;
        // Room for the imports to come: growing a column by a few rows would copy all of it
        // (with a million rows, 16 ms of copying for a 1,000-row import).
        let room = count + count / 8 + 1024;
        let mut v = LedgerView {
            stamp,
            ids: Vec::with_capacity(room),
            days: Vec::with_capacity(room),
            amounts: Vec::with_capacity(room),
            accounts: Vec::with_capacity(room),
            currencies: Vec::with_capacity(room),
            currency_codes: Vec::new(),
            currency_index: HashMap::new(),
            merchants: Vec::with_capacity(room),
            merchant_names: Vec::new(),
            merchant_index: HashMap::new(),
            moves_money: Vec::with_capacity(room),
            text: Vec::with_capacity(room * 40),
            text_ends: Vec::with_capacity(room),
            by_date: Vec::new(),
            by_amount: OnceCell::new(),
            by_merchant: OnceCell::new(),
            last: None,
        };
        v.read_rows_after(conn, 0)?;
        let mut by_date: Vec<u32> = (0..v.ids.len() as u32).collect();
        by_date.sort_unstable_by_key(|&p| v.date_key(p));
        v.by_date = by_date;
        Ok(v)
    }

    /// Whether `extend` can bring this view to `now`: nothing was removed since it was read.
    pub(crate) fn can_extend_to(&self, now: Stamp) -> bool {
        now.removals == self.stamp.removals && now.version >= self.stamp.version
    }

    /// Adds the rows stored since the view was read (see `can_extend_to`): those above its
    /// highest id, since added rows take ids above every stored one.
    pub(crate) fn extend(&mut self, conn: &Connection) -> Result<()> {
        let stamp = current_stamp(conn)?;
        let first_new = self.ids.len();
        // Rows are read in id order, so the last id is the highest.
        let highest = self.ids.last().copied().unwrap_or(0);
        self.read_rows_after(conn, highest)?;
        // The new rows in date order, each put where it belongs in the existing order: a binary
        // search per new row and copies of the runs between them (comparing every old row
        // would read a million scattered keys).
        let mut added: Vec<u32> = (first_new as u32..self.ids.len() as u32).collect();
        added.sort_unstable_by_key(|&p| self.date_key(p));
        let old = std::mem::take(&mut self.by_date);
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut start = 0;
        for p in added {
            let key = self.date_key(p);
            let at = start + old[start..].partition_point(|&q| self.date_key(q) < key);
            merged.extend_from_slice(&old[start..at]);
            merged.push(p);
            start = at;
        }
        merged.extend_from_slice(&old[start..]);
        self.by_date = merged;
        self.by_amount = OnceCell::new();
        self.by_merchant = OnceCell::new();
        self.last = None;
        self.stamp = stamp;
        Ok(())
    }

    /// The date order's key of the row at position `p`: its day, then its id.
    fn date_key(&self, p: u32) -> (i32, i64) {
        (self.days[p as usize], self.ids[p as usize])
    }

    /// Appends the view columns of every transaction whose id is above `after`, in id order.
    fn read_rows_after(&mut self, conn: &Connection, after: i64) -> Result<()> {
        let mut stmt = conn.prepare(
            "SELECT id, date, amount, account_id, currency, status IN ('booked', 'pending'), merchant, description
             FROM transactions WHERE id > ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([after])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let date = text(r, 1)?;
            let day = day_number(date).ok_or_else(|| {
                StoreError::Corrupt(format!("transaction {id} has the date '{date}'"))
            })?;
            self.ids.push(id);
            self.days.push(day);
            self.amounts.push(r.get(2)?);
            self.accounts.push(r.get(3)?);
            let c = intern(
                &mut self.currency_codes,
                &mut self.currency_index,
                text(r, 4)?,
            );
            self.currencies.push(c);
            self.moves_money.push(r.get(5)?);
            let m = intern(
                &mut self.merchant_names,
                &mut self.merchant_index,
                text(r, 6)?,
            );
            self.merchants.push(m);
            push_lowercase_column(&mut self.text, r, 7)?;
            self.text.push(ROW_END);
            self.text_ends.push(self.text.len() as u32);
        }
        Ok(())
    }

    fn order(&self, key: SortKey) -> &[u32] {
        let sorted = |cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering| {
            let mut order: Vec<u32> = (0..self.ids.len() as u32).collect();
            order.sort_unstable_by(|&a, &b| {
                cmp(a as usize, b as usize).then(self.ids[a as usize].cmp(&self.ids[b as usize]))
            });
            order
        };
        match key {
            SortKey::Date => &self.by_date,
            SortKey::Amount => self
                .by_amount
                .get_or_init(|| sorted(&|a, b| self.amounts[a].cmp(&self.amounts[b]))),
            SortKey::Merchant => self.by_merchant.get_or_init(|| {
                sorted(&|a, b| {
                    self.merchant_names[self.merchants[a] as usize]
                        .cmp(&self.merchant_names[self.merchants[b] as usize])
                })
            }),
        }
    }

    /// Which rows' text contains `needle` (already lower-cased), by position.
    fn text_matches(&self, needle: &str) -> Vec<bool> {
        let mut hit = vec![false; self.ids.len()];
        let merchant_hit: Vec<bool> = self
            .merchant_names
            .iter()
            .map(|m| {
                let mut lower = Vec::new();
                push_lowercase(&mut lower, m);
                memmem::find(&lower, needle.as_bytes()).is_some()
            })
            .collect();
        for (p, &m) in self.merchants.iter().enumerate() {
            hit[p] = merchant_hit[m as usize];
        }
        // Match offsets come in increasing order, so the row cursor only moves forward.
        let mut row = 0usize;
        for at in memmem::find_iter(&self.text, needle.as_bytes()) {
            while self.text_ends[row] as usize <= at {
                row += 1;
            }
            hit[row] = true;
        }
        hit
    }

    /// Selects the rows `q` asks for (see `selected`). The last result is kept, so the pages
    /// of one query do not rescan; a query on open flags is always recomputed, because flags
    /// change without the transactions changing.
    pub(crate) fn select(&mut self, q: &TxQuery, lookups: &Lookups) -> Result<()> {
        let key = format!("{q:?}");
        if !q.flagged_only && self.last.as_ref().is_some_and(|(k, _)| *k == key) {
            return Ok(());
        }
        let selection = self.compute(q, lookups)?;
        self.last = Some((key, selection));
        Ok(())
    }

    /// The result of the last `select`.
    pub(crate) fn selected(&self) -> Option<&Selection> {
        self.last.as_ref().map(|(_, s)| s)
    }

    /// The ids of `limit` selected rows from `offset`, in the query's order.
    pub(crate) fn page_ids(&self, offset: u64, limit: u64) -> Vec<i64> {
        let Some(s) = self.selected() else {
            return Vec::new();
        };
        let start = (offset as usize).min(s.positions.len());
        let end = start.saturating_add(limit as usize).min(s.positions.len());
        s.positions[start..end]
            .iter()
            .map(|&p| self.ids[p as usize])
            .collect()
    }

    fn compute(&self, q: &TxQuery, lookups: &Lookups) -> Result<Selection> {
        let empty = Selection {
            positions: Vec::new(),
            totals: Vec::new(),
        };
        let account = match lookups.account_id {
            Some(None) => return Ok(empty),
            Some(Some(id)) => Some(id),
            None => None,
        };
        let day = |d: &Option<String>| -> Result<Option<i32>> {
            d.as_deref()
                .map(|s| {
                    day_number(s).ok_or_else(|| {
                        StoreError::Corrupt(format!("'{s}' is not a date (expected YYYY-MM-DD)"))
                    })
                })
                .transpose()
        };
        let (from, to) = (day(&q.from)?, day(&q.to)?);
        let merchant = match q.merchant.as_deref().filter(|m| !m.is_empty()) {
            Some(name) => match self.merchant_index.get(name) {
                Some(&m) => Some(m),
                None => return Ok(empty),
            },
            None => None,
        };
        let needle = q
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                let mut lower = Vec::new();
                push_lowercase(&mut lower, s);
                String::from_utf8(lower).unwrap_or_default()
            });
        let text_hit = needle.as_deref().map(|n| self.text_matches(n));

        let keep = |p: usize| -> bool {
            account.is_none_or(|a| self.accounts[p] == a)
                && from.is_none_or(|f| self.days[p] >= f)
                && to.is_none_or(|t| self.days[p] <= t)
                && q.min_amount_minor.is_none_or(|m| self.amounts[p] >= m)
                && q.max_amount_minor.is_none_or(|m| self.amounts[p] <= m)
                && merchant.is_none_or(|m| self.merchants[p] == m)
                && text_hit.as_ref().is_none_or(|h| h[p])
                && lookups
                    .open_flagged
                    .as_ref()
                    .is_none_or(|f| f.contains(&self.ids[p]))
        };
        // Filter and sum in storage order (sequential reads), then walk the sort order through
        // the result; with no filter at all the sort order is the result.
        let unfiltered = account.is_none()
            && from.is_none()
            && to.is_none()
            && q.min_amount_minor.is_none()
            && q.max_amount_minor.is_none()
            && merchant.is_none()
            && text_hit.is_none()
            && lookups.open_flagged.is_none();
        let mut kept = vec![false; if unfiltered { 0 } else { self.ids.len() }];
        // Summed in i128: a million rows of the largest amounts cannot overflow it, and a sum
        // beyond i64 is reported as such (`None`), never wrapped.
        let mut sums = vec![(0i64, 0i128); self.currency_codes.len()];
        for i in 0..self.ids.len() {
            if unfiltered || keep(i) {
                if !unfiltered {
                    kept[i] = true;
                }
                let s = &mut sums[self.currencies[i] as usize];
                s.0 += 1;
                if self.moves_money[i] {
                    s.1 += i128::from(self.amounts[i]);
                }
            }
        }
        let order = self.order(q.sort);
        let chosen = |p: &u32| kept[*p as usize];
        let positions: Vec<u32> = match (unfiltered, q.ascending) {
            (true, true) => order.to_vec(),
            (true, false) => order.iter().rev().copied().collect(),
            (false, true) => order.iter().copied().filter(chosen).collect(),
            (false, false) => order.iter().rev().copied().filter(chosen).collect(),
        };
        let mut totals: Vec<CurrencyTotal> = sums
            .into_iter()
            .enumerate()
            .filter(|(_, (count, _))| *count > 0)
            .map(|(c, (count, sum))| CurrencyTotal {
                currency: self.currency_codes[c].clone(),
                count,
                sum_minor: i64::try_from(sum).ok(),
            })
            .collect();
        totals.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.currency.cmp(&b.currency))
        });
        Ok(Selection { positions, totals })
    }
}

#[cfg(test)]
mod tests {
    use super::day_number;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn day_numbers_agree_with_chrono_and_refuse_what_is_not_a_date() {
        for date in ["2024-02-29", "1999-12-31", "2026-11-27", "0001-01-01"] {
            let expected = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .unwrap()
                .num_days_from_ce();
            assert_eq!(day_number(date), Some(expected), "{date}");
        }
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "2024/01/01",
            "20a4-01-01",
            "",
            "2024-01-011",
        ] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }
}
