//! The recurring charges the Insights screen lists (subscriptions, rent, phone bills), read from
//! the series `recurring` finds in each merchant group of the index.

use super::index;
use super::recurring::next_due;
use crate::model::Txn;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A recurring charge as the Insights screen shows it. Amounts are positive minor units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Recurring {
    pub merchant: String,
    pub merchant_key: String,
    pub currency: String,
    pub period_days: u32,
    /// The current price (the latest regular charge), positive.
    #[ts(type = "number")]
    pub usual_amount_minor: i64,
    #[ts(type = "string")]
    pub last_date: NaiveDate,
    #[ts(type = "string")]
    pub next_expected: NaiveDate,
    /// The first price and every change after it: (date, positive amount).
    #[ts(type = "Array<[string, number]>")]
    pub price_history: Vec<(NaiveDate, i64)>,
    /// The regular charges of the series (not extra charges inside a cycle).
    #[ts(type = "Array<number>")]
    pub transaction_ids: Vec<i64>,
}

/// The recurring charges in `history` (all accounts), ordered by merchant key then currency.
pub fn recurring(history: &[Txn]) -> Vec<Recurring> {
    let (accounts, _) = index::build(
        history,
        &super::DetectConfig::default(),
        &std::collections::HashSet::new(),
    );
    let mut out = Vec::new();
    for account in &accounts {
        for group in &account.groups {
            let Some(series) = group.series.as_ref().filter(|s| !s.is_young()) else {
                continue;
            };
            let ids: Vec<usize> = series.regular.iter().map(|&p| group.charges[p]).collect();
            let Some(&last) = ids.last() else { continue };
            let last_t = &history[last];
            let mut price_history: Vec<(NaiveDate, i64)> = Vec::new();
            for &i in &ids {
                let amount = history[i].amount.saturating_abs();
                if price_history.last().is_none_or(|&(_, a)| a != amount) {
                    price_history.push((history[i].date, amount));
                }
            }
            out.push(Recurring {
                merchant: index::merchant_name(last_t).into_owned(),
                merchant_key: group.key.to_string(),
                currency: group.currency.code().to_string(),
                period_days: series.period_days,
                usual_amount_minor: last_t.amount.saturating_abs(),
                last_date: last_t.date,
                next_expected: next_due(last_t.date, series.period_days),
                price_history,
                transaction_ids: ids.iter().map(|&i| history[i].id).collect(),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.merchant_key, &a.currency, a.last_date).cmp(&(
            &b.merchant_key,
            &b.currency,
            b.last_date,
        ))
    });
    out
}
