//! The words inside a row's cells that say what the row is, in the languages statements come
//! in: which way money went (an in/out column, a transaction type, a description saying money
//! came in), the row's state (pending, closed) and the lines that sum or carry balances rather
//! than record a transaction. `roles` uses them to find the columns that hold them; the row
//! reader uses them on every row.

use super::amounts;
use super::text::clean;
use super::SkipReason;
use crate::model::RowStatus;

/// Which way money went, from an in/out word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Out,
    In,
    /// 不计收支 / 其他 / '/': recorded but not money in or out (top-ups, transfers between
    /// the user's own pockets).
    Neutral,
}

/// Reads an in/out cell. `None` when the word is unknown.
pub fn direction_of(cell: &str) -> Option<Dir> {
    let s = clean(cell);
    if amounts::is_placeholder(s) {
        return Some(Dir::Neutral);
    }
    if s.starts_with('借') || s.starts_with("支出") || s == "支" || s.starts_with("付款") {
        return Some(Dir::Out);
    }
    if s.starts_with('贷') || s.starts_with("收入") || s == "收" || s.starts_with("收款") {
        return Some(Dir::In);
    }
    if matches!(s, "其他" | "不计收支" | "中性交易" | "中性") {
        return Some(Dir::Neutral);
    }
    let lower = s.to_ascii_lowercase();
    Some(match lower.as_str() {
        "d" | "dr" | "debit" | "af" | "s" | "soll" | "out" | "withdrawal" | "débit" | "debe"
        | "cargo" | "check" | "cheque" | "db" | "dbit" | "-" | "l" | "lastschrift"
        | "belastung" | "debet" | "deebet" => Dir::Out,
        "c" | "cr" | "credit" | "bij" | "h" | "haben" | "k" | "in" | "deposit" | "crédit"
        | "haber" | "abono" | "dep" | "crdt" | "+" | "gutschrift" | "kredit" | "kreedit" => Dir::In,
        _ => return None,
    })
}

/// The state a status cell gives a row (交易关闭 and declined rows did not move money).
pub fn status_of(cell: &str) -> RowStatus {
    let s = clean(cell);
    if s.contains("关闭") || s.contains("撤销") || s.contains("失败") || s.contains("已取消")
    {
        return RowStatus::Closed;
    }
    if s.contains("未入账") || s.contains("处理中") || s.contains("待") {
        return RowStatus::Pending;
    }
    let lower = s.to_ascii_lowercase();
    match lower.as_str() {
        "pending" | "authorised" | "authorized" | "in progress" | "processing" | "vorgemerkt"
        | "en attente" | "pendiente" | "in behandeling" | "hold" => RowStatus::Pending,
        "closed" | "declined" | "reverted" | "failed" | "cancelled" | "canceled" | "rejected"
        | "denied" | "voided" | "expired" => RowStatus::Closed,
        _ => RowStatus::Booked,
    }
}

/// Lines that sum or carry balances rather than record a transaction.
const TOTAL_PHRASES: &[&str] = &[
    "人民币合计",
    "合计",
    "总计",
    "小计",
    "本期合计",
    "total",
    "totals",
    "grand total",
    "subtotal",
    "summe",
    "gesamt",
    "turnover",
    "total turnover",
    "umsatzsumme",
    "totaal",
    "totale",
    "somme",
    "suma",
    // Turnover lines of Baltic and Nordic statements.
    "käive",
    "apgrozījums",
    "apyvarta",
    "omsättning",
];
const BALANCE_PHRASES: &[&str] = &[
    "opening balance",
    "closing balance",
    "beginning balance",
    "ending balance",
    "balance brought forward",
    "balance carried forward",
    "brought forward",
    "carried forward",
    "previous balance",
    "new balance",
    "starting balance",
    "saldo iniziale",
    "saldo finale",
    "saldo contabile",
    "saldo disponibile",
    "saldo anterior",
    "saldo inicial",
    "anfangssaldo",
    "endsaldo",
    "alter kontostand",
    "neuer kontostand",
    "saldo inicial",
    "saldo final",
    "solde initial",
    "solde final",
    "solde précédent",
    "beginsaldo",
    "eindsaldo",
    "algsaldo",
    "lõppsaldo",
    "sākuma atlikums",
    "beigu atlikums",
    "pradinis likutis",
    "galutinis likutis",
    "ingående saldo",
    "utgående saldo",
    "alkusaldo",
    "loppusaldo",
    "期初余额",
    "期末余额",
    "上期余额",
    "本期余额",
];

/// Whole cells that mark a line as a balance or a total in a record-type column (`Opening`,
/// `Closing`, `Turnover`), words too common to trust at the start of a description. Not
/// `Balance` or `余额` alone: those name a way to pay (a wallet's balance) as often.
const RECORD_TYPES: &[(&str, SkipReason)] = &[
    ("opening", SkipReason::Balance),
    ("closing", SkipReason::Balance),
    ("turnover", SkipReason::TotalRow),
    ("umsatzsumme", SkipReason::TotalRow),
];

/// "balance" / "total row" for a cell of a record-type column.
pub fn record_type_reason(cell: &str) -> Option<SkipReason> {
    let c = clean(cell);
    summary_reason(c).or_else(|| {
        RECORD_TYPES
            .iter()
            .find(|(w, _)| c.eq_ignore_ascii_case(w))
            .map(|&(_, r)| r)
    })
}

/// "total row" / "balance" when a cell starts with such a phrase. Called on every row's
/// description, so it compares in place instead of lowercasing a copy.
pub fn summary_reason(cell: &str) -> Option<SkipReason> {
    // Marks a layout draws around the words (`|SALDO FINALE`, `*** Closing balance`) are no
    // part of them.
    let s = clean(cell)
        .trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .as_bytes();
    let starts = |p: &&str| {
        let p = p.as_bytes();
        s.len() >= p.len()
            && s[..p.len()].eq_ignore_ascii_case(p)
            // A whole word: "Total" but not "Totally Wild Pizza".
            && s.get(p.len()).is_none_or(|&b| !b.is_ascii_alphabetic())
    };
    if BALANCE_PHRASES.iter().any(starts) {
        Some(SkipReason::Balance)
    } else if TOTAL_PHRASES.iter().any(starts) {
        Some(SkipReason::TotalRow)
    } else {
        None
    }
}

/// Words in a description that mark money coming in (a card payment received, a refund):
/// their sign in a file tells its sign convention.
const MONEY_IN_PHRASES: &[&str] = &[
    "payment received",
    "payment - thank you",
    "payment thank you",
    "thank you",
    "refund",
    "remboursement",
    "reembolso",
    "erstattung",
    "还款",
    "退款",
    "internet payment",
    "退货",
    "返现",
    "cashback",
    "cash back",
    "daily cash",
];

/// Which way money went by a whole cell of a transaction-type column (`Purchase`, `Refund`,
/// `Credit`), as card and wallet exports write it. Not `Payment`: that is money out of a bank
/// account but money in to a card.
pub fn kind_of(cell: &str) -> Option<Dir> {
    match clean(cell).to_lowercase().as_str() {
        "purchase" | "purchases" | "sale" | "debit" | "withdrawal" | "fee" | "fees" | "charge" => {
            Some(Dir::Out)
        }
        "credit" | "refund" | "return" | "cashback" | "cash back" | "reversal" | "deposit" => {
            Some(Dir::In)
        }
        _ => None,
    }
}

/// Does a description say money came in (see `MONEY_IN_PHRASES`)?
pub fn says_money_in(text: &str) -> bool {
    let lower = text.to_lowercase();
    MONEY_IN_PHRASES.iter().any(|p| lower.contains(p))
}
