//! The review inbox: running the detection rules after an import, listing flags, dismissing them
//! and trusting merchants.

use crate::dto::{FlagStatus, FlagView, Lang};
use crate::error::{AppError, Result};
use crate::App;
use crate::ErrorCode;
use chrono::{Duration, NaiveDate};
use recourse_core::detect::{self, Context, DetectConfig};
use recourse_core::detect::{Flag, FlagReason, Severity};
use recourse_core::model::Txn;
use recourse_store::flags::NewFlag;
use std::collections::HashSet;

/// How much of the account's past the rules read around a new batch: enough for a year of
/// subscriptions and the user's usual spending, without rescanning ten years on every import.
const HISTORY_DAYS: i64 = 400;

/// The user's trusted merchants and thresholds.
pub(crate) struct Rules {
    trusted: HashSet<String>,
    cfg: DetectConfig,
}

/// The first day of history the rules read for a batch whose earliest new row is `first`.
pub(crate) fn history_since(first: NaiveDate) -> String {
    (first - Duration::days(HISTORY_DAYS)).to_string()
}

impl Rules {
    /// Runs the rules over a batch's new rows (`new_rows`, ids above `ids_after`) with the
    /// account's `older` rows from `history_since`, of which `suspicious` (flagged and still
    /// open, or disputed) do not count as normal. Pure; safe on another thread.
    pub(crate) fn run(&self, older: History, new_rows: Vec<Txn>, ids_after: i64) -> Vec<Flag> {
        let History {
            rows: older,
            suspicious,
        } = older;
        // The smaller list is moved onto the larger: a large import's rows are never copied
        // into a fresh allocation (which would hold them twice at the peak).
        let (mut history, rest) = if older.len() >= new_rows.len() {
            (older, new_rows)
        } else {
            (new_rows, older)
        };
        history.extend(rest);
        detect::detect(
            &history,
            &|t| t.id > ids_after,
            &self.cfg,
            &Context {
                trusted_merchant_keys: &self.trusted,
                suspicious_ids: &suspicious,
            },
        )
    }
}

/// The flags the rules raised, as the store keeps them.
pub(crate) fn new_flags(flags: Vec<Flag>) -> Vec<NewFlag> {
    flags
        .into_iter()
        .map(|f| NewFlag {
            transaction_id: f.transaction_id,
            kind: f.reason.kind().as_str().to_string(),
            reason: f.reason.as_str().to_string(),
            severity: f.severity.as_str().to_string(),
            related_transaction_ids: f.related_transaction_ids,
            explanation_en: f.explanation_en,
            explanation_zh: f.explanation_zh,
        })
        .collect()
}

/// The account's rows stored before a batch, as the rules read them beside its new rows.
#[derive(Default)]
pub(crate) struct History {
    pub rows: Vec<Txn>,
    /// Ids among `rows` with an open flag at medium or above, or in a dispute case.
    pub suspicious: HashSet<i64>,
}

/// The settings key of the tuned detection thresholds (JSON of `DetectConfig`).
pub(crate) const DETECT_CONFIG_KEY: &str = "detect_config";

impl App {
    /// What the rules need besides the transactions, read before a batch begins.
    pub(crate) fn rules(&self) -> Result<Rules> {
        Ok(Rules {
            trusted: self.db.trusted_merchant_keys()?,
            cfg: self.detect_config()?,
        })
    }

    /// The detection thresholds: the user's tuned values, else the defaults.
    pub fn detect_config(&self) -> Result<DetectConfig> {
        match self.db.setting(DETECT_CONFIG_KEY)? {
            Some(json) => serde_json::from_str(&json).map_err(|e| {
                AppError::new(
                    ErrorCode::Storage,
                    format!("the saved detection settings are not valid: {e}"),
                )
            }),
            None => Ok(DetectConfig::default()),
        }
    }

    /// Flags at or above `min_severity`, with the given status (`None`: both), explanations in
    /// `lang`.
    pub fn flags(
        &self,
        min_severity: Severity,
        status: Option<FlagStatus>,
        lang: Lang,
    ) -> Result<Vec<FlagView>> {
        self.db
            .flags(min_severity.as_str(), status.map(|s| s.as_str()))?
            .into_iter()
            .map(|f| flag_view(f, lang))
            .collect()
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
                .ok_or_else(|| {
                    AppError::new(ErrorCode::NotFound, format!("flag {flag_id} not found"))
                })?;
            self.db
                .trust_merchant(&flag.merchant_key, &flag.merchant, NEW_MERCHANT_REASONS)?;
        }
        Ok(self.db.dismiss_flag(flag_id)?)
    }
}

/// A stored flag as the inbox shows it; a value the store should not hold is a storage error.
fn flag_view(f: recourse_store::flags::FlagRow, lang: Lang) -> Result<FlagView> {
    let unknown = |what: &str, v: &str| {
        AppError::new(
            ErrorCode::Storage,
            format!("flag {}: unknown {what} '{v}'", f.id),
        )
    };
    let reason = FlagReason::parse(&f.reason).ok_or_else(|| unknown("reason", &f.reason))?;
    Ok(FlagView {
        explanation: match lang {
            Lang::ZhCn => f.explanation_zh.clone(),
            Lang::En => f.explanation_en.clone(),
        },
        id: f.id,
        transaction_id: f.transaction_id,
        kind: reason.kind(),
        reason,
        severity: Severity::parse(&f.severity).ok_or_else(|| unknown("severity", &f.severity))?,
        explanation_en: f.explanation_en,
        explanation_zh: f.explanation_zh,
        related_transaction_ids: f.related_transaction_ids,
        status: FlagStatus::parse(&f.status).ok_or_else(|| unknown("status", &f.status))?,
        merchant: f.merchant,
        date: crate::dates::stored("flag", &f.date)?,
    })
}

/// The rules that "trust this merchant" silences.
const NEW_MERCHANT_REASONS: &[&str] = &["card_testing", "new_merchant_large"];
