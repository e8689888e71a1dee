//! Dispute cases: the escalation ladder per jurisdiction and payment instrument, the legal
//! windows and answer deadlines computed from the case's dates, and the evidence checklist per
//! reason.
//!
//! Every rule comes from `shared/domain/disputes-facts.md` (cited as `disputes-facts §n`). Pure:
//! today's date is always a parameter. Business-day clocks skip weekends and the public
//! holidays of the case's calendar (`holidays`, disputes-facts §9.5). What decides the law of a
//! letter — jurisdiction × instrument × reason × step — is in `law`.

mod calendar;
mod checklist;
mod complaint;
mod eu_holidays;
mod holidays;
mod ladder;
pub mod law;
mod plan;
mod transfer;

pub use calendar::{
    add_business_days, add_business_days_in, add_months, is_business_day, roll_forward,
};
pub use checklist::{checklist, Checklist};
pub use complaint::ComplaintBody;
pub use eu_holidays::EuCountry;
pub use holidays::{cn_sources, easter_sunday, HolidayCalendar};
pub use ladder::{ladder, short_name, StepRule};
pub use plan::{
    answer_dates_known, answer_due, final_answer_due, plan, CaseFacts, CasePlan, NextAction,
    StepPlan, StepRecord, Warning, WarningLevel,
};
pub use transfer::TransferKind;

use serde::{Deserialize, Serialize};

/// The amount asked back from a case's charges (minor units, any sign): every charge, except
/// that for a double charge the first one was the real purchase. `None` when the sum is beyond
/// what an `i64` holds: a claim is never silently capped or wrapped.
pub fn claimed_minor(reason: Reason, amounts: &[i64]) -> Option<i64> {
    let skip = usize::from(reason == Reason::DoubleCharge && amounts.len() > 1);
    amounts
        .iter()
        .skip(skip)
        .try_fold(0i64, |acc, a| acc.checked_add(a.checked_abs()?))
}

/// The notice shown wherever a letter or a plan is read (disputes-facts §9.5, §1.8): the app is
/// a self-help document tool.
pub fn not_legal_advice() -> Bilingual {
    Bilingual::new(
        "Recourse gives information, not legal advice. Check the letter and the dates against your own situation; for advice, ask a lawyer or a consumer advice service.",
        "Recourse 提供的是信息，不是法律意见。请结合自身情况核对信函和日期；如需法律意见，请咨询律师或消费者权益保护机构。",
    )
}

/// A short text in both languages the app speaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Bilingual {
    pub en: String,
    pub zh: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Bilingual {
        Bilingual {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text for a language code ("zh-CN", "zh" → Chinese; anything else → English).
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("zh") {
            &self.zh
        } else {
            &self.en
        }
    }
}

/// Whose rules apply. EU means the PSD2 minimum; national rules on top are not modelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    Us,
    Uk,
    Eu,
    Cn,
}

impl Jurisdiction {
    pub const ALL: [Jurisdiction; 4] = [
        Jurisdiction::Us,
        Jurisdiction::Uk,
        Jurisdiction::Eu,
        Jurisdiction::Cn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Jurisdiction::Us => "us",
            Jurisdiction::Uk => "uk",
            Jurisdiction::Eu => "eu",
            Jurisdiction::Cn => "cn",
        }
    }

    pub fn parse(s: &str) -> Option<Jurisdiction> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "us" | "usa" => Jurisdiction::Us,
            "uk" | "gb" => Jurisdiction::Uk,
            "eu" => Jurisdiction::Eu,
            "cn" | "china" => Jurisdiction::Cn,
            _ => return None,
        })
    }
}

/// How the money was paid. It decides the law at the bank step: US credit cards fall under
/// FCBA/Reg Z, debit cards and transfers under EFTA/Reg E (disputes-facts §1.1, §1.2); in China
/// a bank card goes to the issuing bank, Alipay/WeChat Pay to the platform (§4.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    CreditCard,
    DebitCard,
    /// Alipay 支付宝, WeChat Pay 微信支付 and similar wallets.
    PaymentPlatform,
    BankTransfer,
}

impl Instrument {
    pub const ALL: [Instrument; 4] = [
        Instrument::CreditCard,
        Instrument::DebitCard,
        Instrument::PaymentPlatform,
        Instrument::BankTransfer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Instrument::CreditCard => "credit_card",
            Instrument::DebitCard => "debit_card",
            Instrument::PaymentPlatform => "payment_platform",
            Instrument::BankTransfer => "bank_transfer",
        }
    }

    pub fn parse(s: &str) -> Option<Instrument> {
        Some(
            match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
                "credit_card" | "credit" => Instrument::CreditCard,
                "debit_card" | "debit" => Instrument::DebitCard,
                "payment_platform" | "platform" | "alipay" | "wechat" => {
                    Instrument::PaymentPlatform
                }
                "bank_transfer" | "transfer" => Instrument::BankTransfer,
                _ => return None,
            },
        )
    }

    /// True for payments made with a card (chargeback schemes apply).
    pub fn is_card(self) -> bool {
        matches!(self, Instrument::CreditCard | Instrument::DebitCard)
    }

    pub fn label(self) -> Bilingual {
        match self {
            Instrument::CreditCard => Bilingual::new("credit card", "信用卡"),
            Instrument::DebitCard => Bilingual::new("debit card", "借记卡"),
            Instrument::PaymentPlatform => {
                Bilingual::new("payment platform", "第三方支付平台（支付宝/微信支付）")
            }
            Instrument::BankTransfer => Bilingual::new("bank transfer", "银行转账"),
        }
    }
}

/// Why the charge is disputed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    DoubleCharge,
    NotAuthorised,
    NotReceived,
    CancelledSubscription,
    WrongAmount,
    RefundNotCredited,
    FaultyGoods,
}

impl Reason {
    pub const ALL: [Reason; 7] = [
        Reason::DoubleCharge,
        Reason::NotAuthorised,
        Reason::NotReceived,
        Reason::CancelledSubscription,
        Reason::WrongAmount,
        Reason::RefundNotCredited,
        Reason::FaultyGoods,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::DoubleCharge => "double_charge",
            Reason::NotAuthorised => "not_authorised",
            Reason::NotReceived => "not_received",
            Reason::CancelledSubscription => "cancelled_subscription",
            Reason::WrongAmount => "wrong_amount",
            Reason::RefundNotCredited => "refund_not_credited",
            Reason::FaultyGoods => "faulty_goods",
        }
    }

    /// Accepts the CLI strings, with `-` for `_`, and the US spellings of "not authorised".
    pub fn parse(s: &str) -> Option<Reason> {
        Some(
            match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
                "double_charge" | "duplicate" => Reason::DoubleCharge,
                "not_authorised" | "not_authorized" | "unauthorised" | "unauthorized" => {
                    Reason::NotAuthorised
                }
                "not_received" => Reason::NotReceived,
                "cancelled_subscription" | "canceled_subscription" => Reason::CancelledSubscription,
                "wrong_amount" => Reason::WrongAmount,
                "refund_not_credited" => Reason::RefundNotCredited,
                "faulty_goods" => Reason::FaultyGoods,
                _ => return None,
            },
        )
    }

    /// A short phrase naming the problem, for letters and the UI.
    pub fn label(self) -> Bilingual {
        match self {
            Reason::DoubleCharge => Bilingual::new("duplicate charge", "重复扣款"),
            Reason::NotAuthorised => {
                Bilingual::new("unauthorised charge", "未经授权的交易（盗刷）")
            }
            Reason::NotReceived => {
                Bilingual::new("goods or services not received", "未收到商品或服务")
            }
            Reason::CancelledSubscription => {
                Bilingual::new("charge after cancellation", "取消订阅后仍被扣款")
            }
            Reason::WrongAmount => Bilingual::new("incorrect amount charged", "扣款金额错误"),
            Reason::RefundNotCredited => Bilingual::new("refund not credited", "退款未到账"),
            Reason::FaultyGoods => Bilingual::new(
                "faulty or not-as-described goods",
                "商品存在质量问题或与描述不符",
            ),
        }
    }
}

/// A rung of the escalation ladder: merchant → card issuer / bank / payment platform →
/// consumer body or regulator ("association") → court.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Merchant,
    Bank,
    Association,
    Court,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Merchant, Step::Bank, Step::Association, Step::Court];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Merchant => "merchant",
            Step::Bank => "bank",
            Step::Association => "association",
            Step::Court => "court",
        }
    }

    pub fn parse(s: &str) -> Option<Step> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "merchant" => Step::Merchant,
            "bank" => Step::Bank,
            "association" => Step::Association,
            "court" => Step::Court,
            _ => return None,
        })
    }

    /// The rung above this one, if any.
    pub fn next(self) -> Option<Step> {
        match self {
            Step::Merchant => Some(Step::Bank),
            Step::Bank => Some(Step::Association),
            Step::Association => Some(Step::Court),
            Step::Court => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for j in Jurisdiction::ALL {
            assert_eq!(Jurisdiction::parse(j.as_str()), Some(j));
        }
        for i in Instrument::ALL {
            assert_eq!(Instrument::parse(i.as_str()), Some(i));
        }
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        for s in Step::ALL {
            assert_eq!(Step::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        assert_eq!(serde_json::to_string(&Jurisdiction::Uk).unwrap(), "\"uk\"");
        assert_eq!(
            serde_json::to_string(&Instrument::PaymentPlatform).unwrap(),
            "\"payment_platform\""
        );
    }

    #[test]
    fn us_spellings_of_not_authorised() {
        for s in [
            "unauthorized",
            "not_authorized",
            "not-authorised",
            "Unauthorised",
        ] {
            assert_eq!(Reason::parse(s), Some(Reason::NotAuthorised), "{s}");
        }
        assert_eq!(Reason::parse("nope"), None);
        assert_eq!(Step::parse("regulator"), None);
    }
}
