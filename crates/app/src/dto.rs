//! The values the CLI prints and the desktop UI receives. Field names follow `CLI.md`; money is a
//! decimal string with the currency's minor digits (negative = money out) plus, for the UI,
//! the same amount in minor units.

use chrono::NaiveDate;
pub use recourse_core::detect::{FlagKind, FlagReason, Severity};
use recourse_core::import::{Detected, SkippedLine};
pub use recourse_core::model::RowStatus;
pub use recourse_store::query::SortKey;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, Serialize, TS)]
pub struct Transaction {
    pub id: i64,
    pub account: String,
    pub date: NaiveDate,
    pub time: Option<String>,
    pub posted_date: Option<NaiveDate>,
    pub description: String,
    pub merchant: String,
    /// Decimal string, e.g. "-4.38".
    pub amount: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: RowStatus,
    pub source_file: String,
    /// The sheet of a workbook the row was read from; `source_line` is then its sheet row.
    pub source_sheet: Option<String>,
    pub source_line: i64,
    pub batch_id: i64,
    pub flagged: bool,
}

/// The preview screen (core's preview of the first rows), with the first row error met reported
/// as every other error of the app: code `import`, the file and line in `message`, the key and
/// values in `detail`.
#[derive(Debug, Serialize, TS)]
pub struct Preview {
    #[serde(flatten)]
    #[ts(flatten)]
    pub parsed: recourse_core::import::Preview,
    /// The first row error met within the preview (the user may fix the mapping and preview
    /// again); `None` when the first rows read.
    pub error: Option<crate::AppError>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportReport {
    pub file: String,
    pub sha256: String,
    /// None for a dry run.
    pub batch_id: Option<i64>,
    pub account: String,
    pub detected: Detected,
    pub rows_read: u64,
    pub imported: u64,
    pub already_present: u64,
    pub skipped: u64,
    pub skipped_lines: Vec<SkippedLine>,
    pub flagged: u64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Total {
    pub currency: String,
    pub count: i64,
    /// Decimal string of the signed sum (money moved only).
    pub sum: String,
    pub sum_minor: i64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Page {
    pub offset: u64,
    pub rows: Vec<Transaction>,
}

/// The filters of the transactions view (all optional).
#[derive(Clone, Debug, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TxFilter {
    pub account: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub search: Option<String>,
    pub merchant: Option<String>,
    /// Decimal strings in the account's currency, e.g. "-100" … "0".
    pub min_amount: Option<String>,
    pub max_amount: Option<String>,
    pub flagged_only: bool,
    pub sort: Option<SortKey>,
    pub ascending: bool,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Batch {
    pub id: i64,
    pub account: String,
    pub file_name: String,
    pub sha256: String,
    pub imported_at: String,
    pub rows_read: i64,
    pub imported: i64,
    pub already_present: i64,
    pub skipped: i64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct FlagView {
    pub id: i64,
    pub transaction_id: i64,
    pub kind: FlagKind,
    pub reason: FlagReason,
    pub severity: Severity,
    /// In the language asked for.
    pub explanation: String,
    pub explanation_en: String,
    pub explanation_zh: String,
    pub related_transaction_ids: Vec<i64>,
    pub status: FlagStatus,
    pub merchant: String,
    pub date: NaiveDate,
}

/// Whether a flag still waits for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum FlagStatus {
    Open,
    // "Looks fine", or closed by a case. (A plain comment: a doc comment would be the CLI's help.)
    Dismissed,
}

impl FlagStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<FlagStatus> {
        [FlagStatus::Open, FlagStatus::Dismissed]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// The language of a letter or of the explanations shown with flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Lang {
    #[serde(rename = "en")]
    #[cfg_attr(feature = "clap", value(name = "en"))]
    En,
    // Simplified Chinese.
    #[serde(rename = "zh-CN")]
    #[cfg_attr(feature = "clap", value(name = "zh-CN"))]
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The code templates, stored settings and file names use: "en" or "zh-CN".
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub has_profile: bool,
}

/// Progress of a long import, sent as events to the UI.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportProgress {
    pub file: String,
    pub file_index: usize,
    pub files: usize,
    pub rows: u64,
    /// The physical line reached in the current file, and the file's line count.
    pub line: u64,
    pub total_lines: u64,
}
