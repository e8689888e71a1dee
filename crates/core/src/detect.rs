//! Charge detection: double and unexpected charges, each with a reason, a severity, the related
//! transactions and a one-sentence explanation in English and Chinese.
//!
//! Every threshold is read from the user's own history (medians, percentiles, routine repeats)
//! and scaled by `DetectConfig`. The work is grouped once per account and merchant key, so the
//! cost is a sort plus linear passes: a million rows take well under a second in release.
//!
//! Rule families live in submodules: `duplicate` (double charge, subscription billed twice),
//! `card_testing`, `new_merchant`, `outlier` (amount outliers and price increases), `foreign`.
//! `recurring` finds the regular series in a merchant's charges, `subscriptions` lists them as
//! the Insights screen shows them; `index` groups the rows once for all; `explain` words the
//! sentences. The labelled statements that measure all of it are generated outside the
//! product, in `recourse_testsupport::labelled`.

mod card_testing;
mod days;
mod duplicate;
mod explain;
mod foreign;
mod index;
mod new_merchant;
mod outlier;
mod recurring;
mod stats;
mod subscriptions;

pub use subscriptions::{recurring, Recurring};

use crate::model::Txn;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            _ => return None,
        })
    }
}

/// Why a charge was flagged (a dispute's reason is `disputes::Reason`; the UI maps one to the
/// other).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FlagReason {
    DoubleCharge,
    SubscriptionBilledTwice,
    CardTesting,
    NewMerchantLarge,
    AmountOutlier,
    PriceIncrease,
    Foreign,
}

impl FlagReason {
    pub const ALL: [FlagReason; 7] = [
        FlagReason::DoubleCharge,
        FlagReason::SubscriptionBilledTwice,
        FlagReason::CardTesting,
        FlagReason::NewMerchantLarge,
        FlagReason::AmountOutlier,
        FlagReason::PriceIncrease,
        FlagReason::Foreign,
    ];

    /// Money taken twice, or a charge the user would not expect.
    pub fn kind(&self) -> FlagKind {
        match self {
            FlagReason::DoubleCharge | FlagReason::SubscriptionBilledTwice => FlagKind::Duplicate,
            _ => FlagKind::Unexpected,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            FlagReason::DoubleCharge => "double_charge",
            FlagReason::SubscriptionBilledTwice => "subscription_billed_twice",
            FlagReason::CardTesting => "card_testing",
            FlagReason::NewMerchantLarge => "new_merchant_large",
            FlagReason::AmountOutlier => "amount_outlier",
            FlagReason::PriceIncrease => "price_increase",
            FlagReason::Foreign => "foreign",
        }
    }

    pub fn parse(s: &str) -> Option<FlagReason> {
        FlagReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The two families of flag the product promises to catch (PRODUCT.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FlagKind {
    /// Money taken twice for one purchase.
    Duplicate,
    /// A charge the user would not expect.
    Unexpected,
}

impl FlagKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagKind::Duplicate => "duplicate",
            FlagKind::Unexpected => "unexpected",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Flag {
    #[ts(type = "number")]
    pub transaction_id: i64,
    pub reason: FlagReason,
    pub severity: Severity,
    #[ts(type = "Array<number>")]
    pub related_transaction_ids: Vec<i64>,
    pub explanation_en: String,
    pub explanation_zh: String,
}

/// Tunable thresholds. Factors are relative to the user's own history; `sensitivity` scales
/// them all at once (2.0 flags more, 0.5 flags less).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DetectConfig {
    /// 1.0 is the default; above 1 lowers the factors, below 1 raises them. Clamped to 0.25..=4.
    pub sensitivity: f64,
    /// Two equal charges at one merchant this many days apart (or fewer) are a double charge.
    pub duplicate_window_days: u32,
    /// A repeat the user's history shows at least this many other times (same merchant, same
    /// amount, same gap in days) is routine, not a double charge.
    pub routine_min_repeats: u32,
    /// A refund of the same amount within this many days after a double resolves it.
    pub refund_window_days: u32,
    /// Charges up to this many minor units (of a two-decimal currency) count as "tiny".
    #[ts(type = "number")]
    pub card_testing_max_minor: i64,
    /// A first charge at a new merchant above `factor × percentile` of the user's first charges.
    /// Five times: a celebration dinner at a new restaurant (up to about four times what the user
    /// usually spends at a new place, judged on the history an import has so far) is not flagged.
    pub new_merchant_factor: f64,
    /// Which percentile of the user's first charges at new merchants is "usual" (0..1).
    pub new_merchant_percentile: f64,
    /// Days at the start of an account's history during which every merchant is new, so new-
    /// merchant rules wait.
    pub warmup_days: u32,
    /// A charge this many times a known merchant's median is an outlier.
    pub outlier_factor: f64,
    /// Charges needed on earlier days before a merchant is "known".
    pub outlier_min_known: u32,
    /// A currency making up less than this share of the account's rows is foreign.
    pub foreign_max_share: f64,
    /// The account's home currency; inferred as its most common currency when absent.
    pub home_currency: Option<String>,
}

impl Default for DetectConfig {
    fn default() -> Self {
        DetectConfig {
            sensitivity: 1.0,
            duplicate_window_days: 2,
            routine_min_repeats: 3,
            refund_window_days: 45,
            card_testing_max_minor: 200,
            new_merchant_factor: 5.0,
            new_merchant_percentile: 0.90,
            warmup_days: 30,
            outlier_factor: 3.0,
            outlier_min_known: 3,
            foreign_max_share: 0.25,
            home_currency: None,
        }
    }
}

impl DetectConfig {
    /// A factor (> 1) adjusted for sensitivity: `1 + (f − 1) / s`, so it never drops to 1.
    pub(crate) fn scaled(&self, factor: f64) -> f64 {
        let s = if self.sensitivity.is_finite() {
            self.sensitivity.clamp(0.25, 4.0)
        } else {
            1.0
        };
        let f = if factor.is_finite() {
            factor.max(1.05)
        } else {
            3.0
        };
        1.0 + (f - 1.0) / s
    }

    /// The window clamped so a bad setting cannot make the pairwise scan quadratic.
    pub(crate) fn window(&self) -> i64 {
        i64::from(self.duplicate_window_days.min(31))
    }
}

/// What the user has told the app: merchants they trust are never flagged as unexpected, and
/// charges still under suspicion do not teach the rules what is normal.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    pub trusted_merchant_keys: &'a HashSet<String>,
    /// Ids of history rows that carry an open flag at medium or above (not marked "looks
    /// fine") or belong to a dispute case. They are left out of the history that defines
    /// "normal": a merchant known only through them is still new (card testing that comes
    /// back, a second large charge at the same shop), and they do not raise the user's usual
    /// amounts. Low flags are notes for a glance (a trip abroad), not suspicions.
    pub suspicious_ids: &'a HashSet<i64>,
}

static NO_TRUSTED: LazyLock<HashSet<String>> = LazyLock::new(HashSet::new);
static NO_IDS: LazyLock<HashSet<i64>> = LazyLock::new(HashSet::new);

impl Default for Context<'_> {
    fn default() -> Self {
        Context {
            trusted_merchant_keys: &NO_TRUSTED,
            suspicious_ids: &NO_IDS,
        }
    }
}

/// Flags the charges among `history` for which `is_new` is true.
///
/// `history` is all of the account's transactions the caller chose to load, including the new
/// ones (any order; sorted here by date, time, id). Older rows inform the thresholds but are
/// never flagged again; older rows in `ctx.suspicious_ids` are left out of them. Pure and deterministic: flags come out ordered by transaction then
/// reason, at most one per (transaction, reason).
pub fn detect(
    history: &[Txn],
    is_new: &dyn Fn(&Txn) -> bool,
    cfg: &DetectConfig,
    ctx: &Context,
) -> Vec<Flag> {
    let (accounts, order) = index::build(history, cfg, ctx.suspicious_ids);
    let mut raw: Vec<(usize, Flag)> = Vec::new();
    let new_rows: Vec<bool> = history.iter().map(is_new).collect();
    for account in &accounts {
        let scope = index::Scope {
            txns: history,
            account,
            cfg,
            new_rows: &new_rows,
            trusted: ctx.trusted_merchant_keys,
        };
        duplicate::double_charges(&scope, &mut raw);
        duplicate::subscription_billed_twice(&scope, &mut raw);
        outlier::series_price_changes(&scope, &mut raw);
        outlier::amount_outliers(&scope, &mut raw);
        new_merchant::large_first_charges(&scope, &mut raw);
        card_testing::tiny_charges(&scope, &mut raw);
        foreign::foreign_charges(&scope, &mut raw);
    }
    let pos = index::positions(&order);
    raw.sort_by(|(a, fa), (b, fb)| {
        pos[*a]
            .cmp(&pos[*b])
            .then(fa.reason.cmp(&fb.reason))
            .then(fb.severity.cmp(&fa.severity))
    });
    // Keeps the most severe flag of each (transaction, reason).
    raw.dedup_by(|(a, fa), (b, fb)| a == b && fa.reason == fb.reason);
    raw.into_iter().map(|(_, f)| f).collect()
}
