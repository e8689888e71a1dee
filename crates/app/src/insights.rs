//! The insights screen (spending per month, top merchants, recurring charges) and the two cheap
//! reads the review inbox needs beside its flags: the rows a flag points at, and the open count
//! for the navigation badge.

use crate::dto::Transaction;
use crate::dto_insights::{MerchantSpend, MonthSpend, PricePoint, RecurringCharge};
use crate::error::{AppError, Result};
use crate::money_text::to_text;
use crate::transactions::total_too_large;
use crate::App;
use crate::ErrorCode;
use chrono::Duration;
use recourse_core::detect;
use recourse_store::insights::InsightQuery;

/// How far back from an account's latest row the recurring search reads: two years holds at
/// least two charges of a yearly subscription, without scanning a decade of history.
const RECURRING_WINDOW_DAYS: i64 = 730;

/// The most merchants one call returns.
const MAX_MERCHANTS: u32 = 1000;

impl App {
    /// Money out and in per month and currency, oldest first, for one account or all.
    pub fn monthly_spending(&self, account: Option<String>) -> Result<Vec<MonthSpend>> {
        let account = self.known_account(account)?;
        let q = InsightQuery {
            account: account.as_deref(),
            ..Default::default()
        };
        self.db
            .monthly_totals(&q)?
            .into_iter()
            .map(|m| {
                let too_large = || total_too_large(&m.currency);
                let spent_minor = m.spent_minor.ok_or_else(too_large)?;
                let received_minor = m.received_minor.ok_or_else(too_large)?;
                Ok(MonthSpend {
                    spent: to_text(spent_minor, &m.currency),
                    received: to_text(received_minor, &m.currency),
                    month: m.month,
                    currency: m.currency,
                    spent_minor,
                    received_minor,
                })
            })
            .collect()
    }

    /// The merchants with the most money out between `from` and `to` (inclusive ISO dates),
    /// largest first, at most `limit` (capped at 1000).
    pub fn top_merchants(
        &self,
        account: Option<String>,
        from: Option<String>,
        to: Option<String>,
        limit: u32,
    ) -> Result<Vec<MerchantSpend>> {
        let account = self.known_account(account)?;
        let from =
            crate::dates::optional_input("from date", from.as_deref())?.map(|d| d.to_string());
        let to = crate::dates::optional_input("to date", to.as_deref())?.map(|d| d.to_string());
        let q = InsightQuery {
            account: account.as_deref(),
            from: from.as_deref(),
            to: to.as_deref(),
        };
        self.db
            .top_merchants(&q, limit.min(MAX_MERCHANTS))?
            .into_iter()
            .map(|m| {
                let spent_minor = m.spent_minor.ok_or_else(|| total_too_large(&m.currency))?;
                Ok(MerchantSpend {
                    spent: to_text(spent_minor, &m.currency),
                    merchant: m.merchant,
                    currency: m.currency,
                    count: m.count,
                    spent_minor,
                })
            })
            .collect()
    }

    /// The regular charges of one account or all, the next one due first.
    pub fn recurring_charges(&self, account: Option<String>) -> Result<Vec<RecurringCharge>> {
        let account = self.known_account(account)?;
        let mut out = Vec::new();
        for a in self.db.accounts()? {
            if account.as_ref().is_some_and(|name| *name != a.name) {
                continue;
            }
            let Some(last) = self.db.account_last_date(a.id)? else {
                continue;
            };
            let since = (crate::dates::stored(&a.name, &last)?
                - Duration::days(RECURRING_WINDOW_DAYS))
            .to_string();
            let history = self.db.history(a.id, &since, i64::MAX)?;
            out.extend(detect::recurring(&history).into_iter().map(|r| {
                RecurringCharge {
                    account: a.name.clone(),
                    usual_amount: to_text(r.usual_amount_minor, &r.currency),
                    price_history: r
                        .price_history
                        .iter()
                        .map(|&(date, minor)| PricePoint {
                            date,
                            amount: to_text(minor, &r.currency),
                            amount_minor: minor,
                        })
                        .collect(),
                    merchant: r.merchant,
                    currency: r.currency,
                    period_days: r.period_days,
                    usual_amount_minor: r.usual_amount_minor,
                    last_date: r.last_date,
                    next_expected: r.next_expected,
                    transaction_ids: r.transaction_ids,
                }
            }));
        }
        out.sort_by(|a, b| {
            (&a.next_expected, &a.merchant, &a.account).cmp(&(
                &b.next_expected,
                &b.merchant,
                &b.account,
            ))
        });
        Ok(out)
    }

    /// The transactions with these ids, in the order asked. An id with no row (its batch was
    /// undone since the flag was raised) is left out rather than failing the whole review.
    pub fn transactions_by_ids(&self, ids: &[i64]) -> Result<Vec<Transaction>> {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            match self.transaction(id) {
                Ok(t) => out.push(t),
                Err(e) if e.code == ErrorCode::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// How many open flags of medium or high severity wait in the review inbox.
    pub fn open_flag_count(&self) -> Result<u64> {
        Ok(self.db.flags("medium", Some("open"))?.len() as u64)
    }

    /// The account name to filter on: `None` (or empty) for all accounts; a name that does not
    /// exist is an error rather than a silently empty chart.
    fn known_account(&self, account: Option<String>) -> Result<Option<String>> {
        let Some(name) = account.filter(|a| !a.is_empty()) else {
            return Ok(None);
        };
        match self.db.account_by_name(&name)? {
            Some(_) => Ok(Some(name)),
            None => Err(AppError::new(
                ErrorCode::NotFound,
                format!("no account named '{name}'"),
            )),
        }
    }
}
