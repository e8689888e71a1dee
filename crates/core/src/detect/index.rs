//! One pass over the history that every rule shares: rows sorted once, split by account, and
//! grouped by (merchant key, currency) into charges and refunds, with each group's recurring
//! series found once.

use super::foreign;
use super::recurring::{find_series, Series};
use super::{DetectConfig, Flag, FlagReason, Severity};
use crate::merchant;
use crate::model::Txn;
use crate::money::Currency;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A merchant's money-moving rows in one currency on one account.
pub(crate) struct Group<'a> {
    pub key: Cow<'a, str>,
    pub currency: Currency,
    /// Indices into the history of charges (money out), in date order.
    pub charges: Vec<usize>,
    /// Indices of refunds and other money in from this merchant, in date order.
    pub refunds: Vec<usize>,
    /// The regular (subscription-like) series among the charges, if there is one.
    pub series: Option<Series>,
    /// Absolute charge amounts, sorted ascending, for medians and percentiles.
    pub sorted_abs: Vec<i64>,
    /// How many distinct days the merchant charged on.
    pub distinct_days: usize,
}

pub(crate) struct Account<'a> {
    pub home: Currency,
    /// The home currency was set by the user rather than inferred.
    pub home_declared: bool,
    pub first_date: NaiveDate,
    /// The currency money comes into the account in (top-ups, pay), when it is not `home`: a
    /// travel card loaded in pounds whose rows are mostly euros spent on a trip.
    pub funded_in: Option<Currency>,
    /// Share of the account's money-moving rows per currency.
    pub currency_share: HashMap<Currency, f64>,
    pub groups: Vec<Group<'a>>,
    /// Every charge of the account (all groups), in date order: (history index, group index).
    pub charges: Vec<(usize, usize)>,
}

/// What a rule needs to look at one account and raise flags.
pub(crate) struct Scope<'a> {
    pub txns: &'a [Txn],
    pub account: &'a Account<'a>,
    pub cfg: &'a DetectConfig,
    /// Per history row: is it among the rows being checked? Asked once per row, in order, so
    /// the rules need not read a transaction to know.
    pub new_rows: &'a [bool],
    pub trusted: &'a HashSet<String>,
}

/// A merchant's charges' dates and amounts side by side, in the order of `Group::charges`: a
/// rule that walks them all reads them once from transactions scattered through memory (with
/// a million rows, repeated reads were a tenth of an import) and keeps them only while it works
/// on that merchant.
pub(crate) struct ChargeColumns {
    pub dates: Vec<NaiveDate>,
    pub amounts: Vec<i64>,
}

impl ChargeColumns {
    pub fn of(scope: &Scope, group: &Group) -> ChargeColumns {
        ChargeColumns::of_rows(scope, &group.charges)
    }

    /// The columns of some of a merchant's charges (history indices, in date order).
    pub fn of_rows(scope: &Scope, rows: &[usize]) -> ChargeColumns {
        let (dates, amounts) = rows
            .iter()
            .map(|&i| {
                let t = scope.txn(i);
                (t.date, t.amount)
            })
            .unzip();
        ChargeColumns { dates, amounts }
    }
}

impl Account<'_> {
    /// Whether a charge was spent abroad: in another currency than the account's home, at a
    /// place in another country, or in another currency than the one the account is loaded
    /// in (a trip paid from a card topped up for it, whose rows are all in the trip's currency).
    pub fn abroad(&self, t: &Txn) -> bool {
        foreign::abroad(t, self.home) || self.funded_in.is_some_and(|c| t.currency != c)
    }
}

impl Scope<'_> {
    pub fn txn(&self, i: usize) -> &Txn {
        &self.txns[i]
    }

    pub fn is_new(&self, i: usize) -> bool {
        self.new_rows[i]
    }

    /// Unexpected-kind rules skip merchants the user trusts.
    pub fn is_trusted(&self, group: &Group) -> bool {
        self.trusted.contains(group.key.as_ref())
    }

    pub fn flag(
        &self,
        i: usize,
        reason: FlagReason,
        severity: Severity,
        related: &[usize],
        text: (String, String),
    ) -> (usize, Flag) {
        let flag = Flag {
            transaction_id: self.txns[i].id,
            reason,
            severity,
            related_transaction_ids: related.iter().map(|&r| self.txns[r].id).collect(),
            explanation_en: text.0,
            explanation_zh: text.1,
        };
        (i, flag)
    }
}

/// The display name of a row's merchant: the stored one, else derived from the description.
pub(crate) fn merchant_name(t: &Txn) -> Cow<'_, str> {
    if t.merchant.trim().is_empty() {
        Cow::Owned(merchant::display_name(&t.description))
    } else {
        Cow::Borrowed(&*t.merchant)
    }
}

fn merchant_key(t: &Txn) -> Cow<'_, str> {
    if t.merchant_key.is_empty() {
        Cow::Owned(merchant::key(&t.description))
    } else {
        Cow::Borrowed(&*t.merchant_key)
    }
}

pub(crate) fn is_charge(t: &Txn) -> bool {
    t.amount < 0 && t.status.moves_money()
}

fn is_money_in(t: &Txn) -> bool {
    t.amount > 0 && t.status.moves_money()
}

/// The rank of each row in `order` (see `build`), for sorting output.
pub(crate) fn positions(order: &[usize]) -> Vec<usize> {
    let mut pos = vec![0; order.len()];
    for (rank, &i) in order.iter().enumerate() {
        pos[i] = rank;
    }
    pos
}

fn sorted_order(txns: &[Txn]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..txns.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&txns[a], &txns[b]);
        (x.date, x.time, x.id).cmp(&(y.date, y.time, y.id))
    });
    order
}

/// The accounts in `txns`, and the order of all rows by (date, time, id). Rows whose id is in
/// `suspicious` (flagged and not found fine, or disputed) are left out of every group: they are
/// evidence of fraud, not of what is normal for the user, so a merchant known only through them
/// is still new and a price they set is not usual.
pub(crate) fn build<'a>(
    txns: &'a [Txn],
    cfg: &DetectConfig,
    suspicious: &HashSet<i64>,
) -> (Vec<Account<'a>>, Vec<usize>) {
    let order = sorted_order(txns);
    let mut by_account: HashMap<i64, Vec<usize>> = HashMap::new();
    for &i in &order {
        by_account.entry(txns[i].account_id).or_default().push(i);
    }
    let mut ids: Vec<i64> = by_account.keys().copied().collect();
    ids.sort_unstable();
    let home_override = cfg.home_currency.as_deref().and_then(Currency::parse);
    let accounts = ids
        .into_iter()
        .filter_map(|id| {
            by_account
                .remove(&id)
                .map(|rows| build_account(txns, &rows, home_override, suspicious))
        })
        .collect();
    (accounts, order)
}

fn build_account<'a>(
    txns: &'a [Txn],
    rows: &[usize],
    home_override: Option<Currency>,
    suspicious: &HashSet<i64>,
) -> Account<'a> {
    let mut counts: HashMap<Currency, usize> = HashMap::new();
    let mut money_in: HashMap<Currency, usize> = HashMap::new();
    let mut moving = 0usize;
    let mut group_ix: HashMap<(Cow<'a, str>, Currency), usize> = HashMap::new();
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut charges = Vec::new();
    for &i in rows {
        let t = &txns[i];
        if !t.status.moves_money()
            || t.amount == 0
            || (!suspicious.is_empty() && suspicious.contains(&t.id))
        {
            continue;
        }
        moving += 1;
        *counts.entry(t.currency).or_default() += 1;
        let key = merchant_key(t);
        let g = *group_ix
            .entry((key.clone(), t.currency))
            .or_insert_with(|| {
                groups.push(Group {
                    key,
                    currency: t.currency,
                    charges: Vec::new(),
                    refunds: Vec::new(),
                    series: None,
                    sorted_abs: Vec::new(),
                    distinct_days: 0,
                });
                groups.len() - 1
            });
        if is_charge(t) {
            groups[g].charges.push(i);
            charges.push((i, g));
        } else if is_money_in(t) {
            groups[g].refunds.push(i);
            *money_in.entry(t.currency).or_default() += 1;
        }
    }
    for g in &mut groups {
        g.sorted_abs = g
            .charges
            .iter()
            .map(|&i| txns[i].amount.saturating_abs())
            .collect();
        g.sorted_abs.sort_unstable();
        g.distinct_days = count_distinct_days(txns, &g.charges);
        g.series = find_series(txns, &g.charges);
    }
    let inferred = most_common(&counts);
    let home = home_override.or(inferred).unwrap_or(Currency::USD);
    let funded_in = most_common(&money_in).filter(|&c| c != home);
    let currency_share = counts
        .into_iter()
        .map(|(c, n)| (c, n as f64 / moving.max(1) as f64))
        .collect();
    let first_date = rows
        .first()
        .map(|&i| txns[i].date)
        .unwrap_or(NaiveDate::MIN);
    Account {
        home,
        home_declared: home_override.is_some(),
        funded_in,
        first_date,
        currency_share,
        groups,
        charges,
    }
}

/// The currency with the most rows; ties go to the smaller code so the choice is deterministic.
fn most_common(counts: &HashMap<Currency, usize>) -> Option<Currency> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| *c)
}

fn count_distinct_days(txns: &[Txn], sorted: &[usize]) -> usize {
    let mut n = 0;
    let mut last = None;
    for &i in sorted {
        if last != Some(txns[i].date) {
            n += 1;
            last = Some(txns[i].date);
        }
    }
    n
}
