//! Foreign charges: a charge in a currency the account rarely uses, or (in the home currency)
//! at a merchant whose descriptor clearly names a foreign country. Low severity: travel and
//! foreign web shops are ordinary; the flag is there so the user can glance at them.

use super::explain;
use super::index::{merchant_name, Scope};
use super::{Flag, FlagReason, Severity};
use crate::model::Txn;
use crate::money::Currency;

/// Country names as they end (or, set off by a separator, start) card descriptors, with their currency and Chinese name. Full
/// names only: two-letter codes (`CA`, `DE`) are too often US states or words.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("UNITED KINGDOM", "GBP", "英国"),
    ("GREAT BRITAIN", "GBP", "英国"),
    ("FRANCE", "EUR", "法国"),
    ("GERMANY", "EUR", "德国"),
    ("DEUTSCHLAND", "EUR", "德国"),
    ("ITALY", "EUR", "意大利"),
    ("ITALIA", "EUR", "意大利"),
    ("SPAIN", "EUR", "西班牙"),
    ("ESPANA", "EUR", "西班牙"),
    ("NETHERLANDS", "EUR", "荷兰"),
    ("IRELAND", "EUR", "爱尔兰"),
    ("PORTUGAL", "EUR", "葡萄牙"),
    ("AUSTRIA", "EUR", "奥地利"),
    ("BELGIUM", "EUR", "比利时"),
    ("SWITZERLAND", "CHF", "瑞士"),
    ("UNITED STATES", "USD", "美国"),
    ("USA", "USD", "美国"),
    ("CANADA", "CAD", "加拿大"),
    ("MEXICO", "MXN", "墨西哥"),
    ("BRAZIL", "BRL", "巴西"),
    ("JAPAN", "JPY", "日本"),
    ("CHINA", "CNY", "中国"),
    ("HONG KONG", "HKD", "香港"),
    ("SINGAPORE", "SGD", "新加坡"),
    ("THAILAND", "THB", "泰国"),
    ("INDIA", "INR", "印度"),
    ("AUSTRALIA", "AUD", "澳大利亚"),
    ("TURKEY", "TRY", "土耳其"),
    ("NIGERIA", "NGN", "尼日利亚"),
    ("RUSSIA", "RUB", "俄罗斯"),
];

pub(crate) fn foreign_charges(scope: &Scope, out: &mut Vec<(usize, Flag)>) {
    let account = scope.account;
    let max_share = scope.cfg.foreign_max_share;
    for &(i, g) in &account.charges {
        let group = &account.groups[g];
        if !scope.is_new(i) || scope.is_trusted(group) {
            continue;
        }
        let t = scope.txn(i);
        let name = merchant_name(t);
        if t.currency != account.home {
            // A multi-currency account that often pays in this currency is not abroad, unless
            // the user declared the home currency themselves.
            let share = account
                .currency_share
                .get(&t.currency)
                .copied()
                .unwrap_or(0.0);
            if account.home_declared || share < max_share {
                let text = explain::foreign_currency(t, &name, account.home);
                out.push(scope.flag(i, FlagReason::Foreign, Severity::Low, &[], text));
            }
        } else if let Some((en, cur, zh)) = named_country(t) {
            if cur != account.home.code() {
                let text = explain::foreign_country(t, &name, &title(en), zh);
                out.push(scope.flag(i, FlagReason::Foreign, Severity::Low, &[], text));
            }
        }
    }
}

/// True when the charge was made abroad: in another currency, or in the home currency with a
/// descriptor that names another country (a card statement's converted amount).
pub(crate) fn abroad(t: &Txn, home: Currency) -> bool {
    t.currency != home || named_country(t).is_some_and(|(_, cur, _)| cur != home.code())
}

/// The country a descriptor names, if any: at its end (`... HANGZHOU CHINA`), or at its start
/// set off by a separator (`GERMANY* ELECTROMART`, `JAPAN - UNIQLO GINZA`). A country name
/// followed by a plain space starts too many shop names (`INDIA PALACE`) to count.
fn named_country(t: &Txn) -> Option<(&'static str, &'static str, &'static str)> {
    let desc = t.description.trim();
    COUNTRIES
        .iter()
        .copied()
        .find(|(name, _, _)| ends_with_country(desc, name) || starts_with_country(desc, name))
}

fn ends_with_country(desc: &str, name: &str) -> bool {
    let Some(cut) = desc.len().checked_sub(name.len()) else {
        return false;
    };
    // Compared in place (no upper-cased copy): this runs for every new charge.
    let tail_matches = desc
        .get(cut..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(name));
    tail_matches && cut > 0 && desc[..cut].ends_with([' ', ',', '*'])
}

fn starts_with_country(desc: &str, name: &str) -> bool {
    let head_matches = desc
        .get(..name.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(name));
    head_matches
        && desc[name.len()..]
            .trim_start()
            .starts_with(['*', ':', '/', '-', '|', ','])
}

fn title(upper: &str) -> String {
    if upper == "USA" {
        return "the USA".to_string();
    }
    upper
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_string() + &c.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
