//! A case's plan: for each step the legal window to send, when the answer is due, the rule
//! behind it and any assumption made; what to do next and by when; and warnings before a
//! window closes or when an answer is overdue.
//!
//! Where the law runs a clock from the day the recipient **receives** the letter (Reg Z's 30
//! days, Reg E's 10 business days, DISP's 15 business days and 8 weeks, PSD2 Arts 73 and 101, the
//! CBIRC's 15/30 days, 12315's 7 working days), the plan counts from the day it is likely to
//! arrive: the second business day after sending (`received`), the deemed day of service of
//! first-class post (CPR 6.26), used as the assumption everywhere and stated in the step's notes.
//! Conventions (a merchant's 14 days, a Letter Before Claim's 14 days) run from the letter's date.

use super::calendar::{add_business_days_in, add_days, add_months, days_until, roll_forward};
use super::holidays::HolidayCalendar;
use super::ladder::{rule, short_name};
use super::law;
use super::{Bilingual, Instrument, Jurisdiction, Reason, Step, TransferKind};
use crate::letters::format::{date_en, date_zh};
use crate::money::Currency;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What the plan needs to know about a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CaseFacts {
    pub jurisdiction: Jurisdiction,
    pub instrument: Instrument,
    pub reason: Reason,
    /// Date of the (first) disputed transaction.
    pub transaction_date: NaiveDate,
    /// Date the bank posted (debited) it, when the statement has it.
    pub posted_date: Option<NaiveDate>,
    /// Date of the first statement showing the charge. When `None`, the posting date (else the
    /// transaction date) stands in for it and the plan says so in its notes.
    pub statement_date: Option<NaiveDate>,
    /// Disputed amount in minor units (positive).
    #[ts(type = "number")]
    pub amount_minor: i64,
    #[ts(type = "string")]
    pub currency: Currency,
    /// When the goods arrived, if the user said (the UK 30-day right to reject and the
    /// Chinese 7-day return run from it).
    #[serde(default)]
    pub delivered_on: Option<NaiveDate>,
    /// Where the user lives: the UK nation whose bank holidays apply ("england_wales",
    /// "scotland", "northern_ireland"; England and Wales when not given), the US state ("TX"),
    /// or the EU country whose public holidays apply ("DE"; TARGET days only when not given).
    #[serde(default)]
    pub region: Option<String>,
    /// A US bank transfer's kind, when the user knows it: Reg E's clocks are an ACH transfer's,
    /// UCC Article 4A's a wire's; unknown keeps both in view (review #8).
    #[serde(default)]
    pub transfer: Option<TransferKind>,
}

/// What has happened at one step so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StepRecord {
    pub step: Step,
    pub sent: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    pub outcome: Option<String>,
}

/// The dates and rules of one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StepPlan {
    pub step: Step,
    pub recipient: Bilingual,
    /// Last day of the legal window to send (or have received) this step's letter.
    pub send_by: Option<NaiveDate>,
    pub sent: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    /// When the first answer is due (acknowledgment, investigation result or final response).
    pub answer_due: Option<NaiveDate>,
    /// When the matter must be finally resolved, where the rule has a second, later clock.
    pub final_answer_due: Option<NaiveDate>,
    /// Which rules give these dates, citing the law.
    pub basis: Bilingual,
    /// Assumptions and caveats behind the dates.
    pub notes: Vec<Bilingual>,
    /// The holiday calendar a business-day deadline of this step used (§9.5), if any.
    pub calendar: Option<Bilingual>,
    /// Why this step does not exist for the case's instrument and reason, if it does not.
    pub unavailable: Option<Bilingual>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NextAction {
    pub step: Step,
    pub what_en: String,
    pub what_zh: String,
    pub by: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningLevel {
    Info,
    /// A window closes within 14 days.
    Soon,
    /// A window closes within 3 days, or an answer is overdue.
    Urgent,
    /// A window has closed.
    Missed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Warning {
    pub level: WarningLevel,
    pub step: Option<Step>,
    pub message_en: String,
    pub message_zh: String,
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CasePlan {
    pub steps: Vec<StepPlan>,
    pub next_action: NextAction,
    /// Most severe first.
    pub warnings: Vec<Warning>,
}

const SOON_DAYS: i64 = 14;
const URGENT_DAYS: i64 = 3;

fn b(en: impl Into<String>, zh: impl Into<String>) -> Bilingual {
    Bilingual::new(en, zh)
}

/// The legal window to send one step's letter.
struct Window {
    send_by: Option<NaiveDate>,
    basis: Bilingual,
    notes: Vec<Bilingual>,
}

/// When the answer to one step is due.
struct Answer {
    due: Option<NaiveDate>,
    final_due: Option<NaiveDate>,
    basis: Bilingual,
    notes: Vec<Bilingual>,
    /// The holiday calendar a business-day clock used, if any.
    calendar: Option<Bilingual>,
}

/// The date the FCBA / Reg E 60-day clock starts from, with a note when it had to be assumed.
fn statement_anchor(f: &CaseFacts) -> (NaiveDate, Option<Bilingual>) {
    if let Some(s) = f.statement_date {
        return (s, None);
    }
    let (d, en, zh) = match f.posted_date {
        Some(p) => (p, "posting", "入账"),
        None => (f.transaction_date, "transaction", "交易"),
    };
    let note = b(
        format!(
            "Statement date not given: counted from the {en} date {d}. The window really runs from the first statement showing the charge, which is later: enter it for the exact date."
        ),
        format!("未提供账单日期：按{zh}日期{}计算。期限实际自首次列示该笔交易的账单起算（通常更晚），请填写账单日期以获得准确日期。", date_zh(d)),
    );
    (d, Some(note))
}

/// The debit date (PSD2 counts from it), with a note when the transaction date stands in.
fn debit_anchor(f: &CaseFacts) -> (NaiveDate, Option<Bilingual>) {
    match f.posted_date {
        Some(p) => (p, None),
        None => (
            f.transaction_date,
            Some(b(
                format!(
                    "Debit date not given: counted from the transaction date {}.",
                    f.transaction_date
                ),
                format!(
                    "未提供扣款日期：按交易日期{}计算。",
                    date_zh(f.transaction_date)
                ),
            )),
        ),
    }
}

/// A payment-services complaint (about the payment itself rather than the purchase): the UK
/// firm's deadline is 15 business days (35 exceptional) instead of 8 weeks (DISP 1.6.2A;
/// disputes-facts §2.3, §9.2).
fn is_payment_services_complaint(f: &CaseFacts) -> bool {
    matches!(f.reason, Reason::NotAuthorised | Reason::DoubleCharge)
        || (f.reason == Reason::WrongAmount && f.instrument != Instrument::CreditCard)
        || f.instrument != Instrument::CreditCard && !law::is_merchant_dispute(f.reason)
}

/// True when the bank step rests on the payment-services rules (unauthorised, or executed
/// wrongly by the provider) rather than on a card-scheme chargeback (disputes-facts §9.1).
fn is_psp_error(f: &CaseFacts) -> bool {
    f.reason == Reason::NotAuthorised
        || (f.reason == Reason::DoubleCharge && !f.instrument.is_card())
}

/// True when the case records the user's US state as Texas (its DTPA pre-suit notice).
fn in_texas(f: &CaseFacts) -> bool {
    f.jurisdiction == Jurisdiction::Us
        && f.region
            .as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("tx"))
}

/// The UK nation of the case (England and Wales when not recorded).
fn uk_nation(f: &CaseFacts) -> law::UkNation {
    f.region
        .as_deref()
        .and_then(law::UkNation::parse)
        .unwrap_or_default()
}

/// The business-day calendar of the case (disputes-facts §9.5).
fn cal(f: &CaseFacts) -> HolidayCalendar {
    law::calendar(f.jurisdiction, f.region.as_deref())
}

/// When the goods arrived, or the transaction date with a note saying so.
fn delivery_anchor(f: &CaseFacts) -> (NaiveDate, Option<Bilingual>) {
    match f.delivered_on {
        Some(d) => (d, None),
        None => (
            f.transaction_date,
            Some(b(
                "Delivery date not given: counted from the transaction date; the period really runs from delivery, so enter it for the exact date.",
                "未提供收货日期：按交易日期计算；期限实际自收货之日起算，请填写收货日期以获得准确日期。",
            )),
        ),
    }
}

fn chargeback_window(f: &CaseFacts) -> Window {
    // disputes-facts §1.3, §2.1: a scheme rule of about 120 days, not law.
    Window {
        send_by: Some(add_days(f.transaction_date, 120)),
        basis: b(
            "Card-scheme chargeback: about 120 days from the transaction (a scheme rule, not law).",
            "卡组织拒付：交易后约120日（卡组织规则，而非法律）。",
        ),
        notes: vec![b(
            "Some schemes count from the expected delivery date or from when you learned of the problem.",
            "部分卡组织自预计交付日或您知悉问题之日起算。",
        )],
    }
}

fn psd2_window(f: &CaseFacts, uk: bool) -> Window {
    // disputes-facts §3, §9.1: Art. 71 (UK: PSRs 2017 reg. 74), 13 months after the debit.
    let (anchor, note) = debit_anchor(f);
    Window {
        send_by: Some(add_months(anchor, 13)),
        basis: if uk {
            b(
                "Payment Services Regulations 2017, reg. 74: without undue delay, at the latest 13 months after the debit date.",
                "《2017年支付服务条例》第74条：不得无故拖延，最迟扣款日后13个月。",
            )
        } else {
            b(
                "PSD2 Art. 71: without undue delay, at the latest 13 months after the debit date.",
                "PSD2第71条：不得无故拖延，最迟扣款日后13个月。",
            )
        },
        notes: note.into_iter().collect(),
    }
}

fn window(f: &CaseFacts, step: Step, steps: &[StepRecord]) -> Window {
    use Jurisdiction::*;
    use Step::*;
    let none = |en: &str, zh: &str| Window {
        send_by: None,
        basis: b(en, zh),
        notes: vec![],
    };
    match (f.jurisdiction, step) {
        (Us, Merchant) | (Eu, Merchant) => none(
            // disputes-facts §7.1/§7.3: no legal window; not a prerequisite for the bank step.
            "No legal deadline: write as soon as possible.",
            "无法定期限：请尽快。",
        ),
        (Us, Bank) if f.instrument == Instrument::CreditCard && f.reason == Reason::FaultyGoods => {
            // disputes-facts §9.3: claims and defenses have no 60-day window; they can be
            // raised against the amount still unpaid.
            Window {
                send_by: None,
                basis: b(
                    "Claims and defenses (Reg Z §1026.12(c)): no fixed window; they apply to the amount still unpaid on the card, so write before you pay it off.",
                    "抗辩权（Z条例§1026.12(c)）：无固定期限；适用于信用卡上尚未还清的金额，请在还清前提出。",
                ),
                notes: vec![],
            }
        }
        (Us, Bank) if f.instrument == Instrument::DebitCard && law::is_merchant_dispute(f.reason) => {
            chargeback_window(f)
        }
        (Us, Bank) if f.instrument == Instrument::PaymentPlatform && law::is_merchant_dispute(f.reason) => none(
            "The platform's purchase-protection terms set the window: see your agreement.",
            "期限以支付平台的购买保障条款为准。",
        ),
        (Us, Bank) if law::us_transfer(f.jurisdiction, f.instrument, f.transfer) == Some(TransferKind::Wire) => {
            // Review #8, UCC §4A-204(a) and §4A-505: a wire is outside Reg E. The customer must
            // object within a reasonable time, at most 90 days after notice of the order (the
            // statement), to keep the interest on the refund; any claim is barred one year after.
            let (anchor, note) = statement_anchor(f);
            let mut notes: Vec<Bilingual> = note.into_iter().collect();
            notes.push(b(
                format!("Write by {} (90 days after the statement) to keep the interest on the refund (UCC §4A-204(a)).", date_en(add_days(anchor, 90))),
                format!("请于{}前（账单后90日内）通知银行，以保留退款利息（《统一商法典》§4A-204(a)）。", date_zh(add_days(anchor, 90))),
            ));
            Window {
                send_by: Some(add_months(anchor, 12)),
                basis: b(
                    "UCC Article 4A, §4A-505: a claim about an unauthorised wire transfer is barred one year after the statement that showed it; report it within a reasonable time (§4A-204(a)).",
                    "《统一商法典》第4A编§4A-505：未经授权电汇的请求，自列示该笔交易的账单起一年后不得再提出；请在合理期间内通知银行（§4A-204(a)）。",
                ),
                notes,
            }
        }
        (Us, Bank) => {
            // disputes-facts §1.1 (Reg Z §1026.13(b)(1)) and §1.2 (Reg E §1005.11(b)): the notice
            // must be received ≤ 60 days after the first statement showing the charge.
            let (anchor, note) = statement_anchor(f);
            let basis = if f.instrument == Instrument::CreditCard {
                b(
                    "Reg Z §1026.13(b)(1): the notice must be received within 60 days after the first statement showing the charge.",
                    "Z条例§1026.13(b)(1)：通知须在首次列示该笔交易的账单寄出后60日内送达。",
                )
            } else {
                b(
                    "Reg E §1005.11(b): notice within 60 days after the statement first showing the error.",
                    "E条例§1005.11(b)：在首次列示该差错的账单寄出后60日内通知。",
                )
            };
            let mut notes: Vec<Bilingual> = note.into_iter().collect();
            notes.push(b(
                "The law counts the day the issuer receives the letter: allow time for the post (certified mail, return receipt).",
                "以发卡机构收到信函之日为准：请预留邮寄时间（挂号信并要求回执）。",
            ));
            Window { send_by: Some(add_days(anchor, 60)), basis, notes }
        }
        (Us, Association) => none(
            // disputes-facts §1.5: CFPB deadlines do not replace the statutory ones.
            "No deadline; the FCBA / Reg E clocks keep running meanwhile.",
            "无期限；其间FCBA/E条例的期限仍在计算。",
        ),
        (Us, Court) => none(
            // disputes-facts §1.7, §9.3: limitation and pre-suit notice vary by state.
            "State limitation period (varies by state). Some states require a written demand before suing: Massachusetts ch. 93A §9(3) and California CLRA §1782, 30 days; Texas DTPA §17.505, 60 days.",
            "州诉讼时效（各州不同）。部分州要求起诉前书面催告：马萨诸塞州93A章§9(3)及加州CLRA §1782为30日；德州DTPA §17.505为60日。",
        ),
        (Uk, Merchant) if f.reason == Reason::FaultyGoods => {
            // disputes-facts §9.2: CRA 2015 s.22, the short-term right to reject lasts 30 days;
            // it decides the remedy, not whether you may write, so it is not a send-by date.
            let (anchor, note) = delivery_anchor(f);
            let end = add_days(anchor, 30);
            Window {
                send_by: None,
                basis: b(
                    format!("Consumer Rights Act 2015 s.22: the short-term right to reject runs until {} (30 days from delivery); after that, ask for repair or replacement first (s.23), then a price reduction or the final right to reject (s.24).", date_en(end)),
                    format!("《2015年消费者权利法》第22条：短期拒收权至{}（交付后30日）；此后须先要求修理或更换（第23条），再要求减价或最终拒收（第24条）。", date_zh(end)),
                ),
                notes: note.into_iter().collect(),
            }
        }
        (Uk, Merchant) => none(
            "No fixed deadline: write as soon as possible (distance sales: cancel within 14 days).",
            "无固定期限：请尽快（远程购物：14日内取消）。",
        ),
        (Uk | Eu, Bank) if is_psp_error(f) => psd2_window(f, f.jurisdiction == Uk),
        (Uk, Bank) if f.instrument == Instrument::CreditCard => none(
            // disputes-facts §9.2: Section 75 has no 120-day window; 6-year limitation.
            "Section 75 has no scheme window: the 6-year limitation period applies (Limitation Act 1980 s.5). A chargeback in parallel is a scheme rule of about 120 days.",
            "第75条不受卡组织期限限制，适用6年诉讼时效（《1980年时效法》第5条）。同时发起的拒付为卡组织规则，约120日。",
        ),
        (Uk | Eu, Bank) if f.instrument.is_card() => chargeback_window(f),
        (Uk | Eu, Bank) => none(
            "The platform's buyer-protection terms set the window: see your agreement.",
            "期限以支付平台的买家保障条款为准。",
        ),
        (Uk, Association) => {
            // disputes-facts §2.3: refer to the FOS within 6 months of the final response.
            let final_response = steps.iter().find(|s| s.step == Bank).and_then(|s| s.answered);
            match final_response {
                Some(d) => Window {
                    send_by: Some(add_months(d, 6)),
                    basis: b(
                        "FCA DISP: refer to the Ombudsman within 6 months of the firm's final response.",
                        "FCA DISP：须在机构最终答复后6个月内提交申诉专员。",
                    ),
                    notes: vec![],
                },
                None => none(
                    "Open after the firm's final response, or once its deadline has passed; then 6 months from the final response.",
                    "在机构作出最终答复或答复期限届满后可提交；自最终答复起6个月内。",
                ),
            }
        }
        // Scotland: the 5-year prescription of contractual obligations (Prescription and
        // Limitation (Scotland) Act 1973 s.6), simple procedure in the sheriff court.
        (Uk, Court) if uk_nation(f) == law::UkNation::Scotland => Window {
            send_by: Some(add_months(f.transaction_date, 60)),
            basis: b(
                "Prescription and Limitation (Scotland) Act 1973 s.6: a contractual obligation prescribes after 5 years. Claims up to £5,000 go to the sheriff court under simple procedure; write to the other side first.",
                "《1973年时效与诉讼时效（苏格兰）法》第6条：合同债务5年后消灭。5,000英镑以下的索赔适用郡法院（sheriff court）简易程序；起诉前先致函对方。",
            ),
            notes: vec![],
        },
        (Uk, Court) if uk_nation(f) == law::UkNation::NorthernIreland => Window {
            send_by: Some(add_months(f.transaction_date, 72)),
            basis: b(
                "Limitation (Northern Ireland) Order 1989 art. 4: contract claims within 6 years. Small claims go to the County Court in Northern Ireland; write to the other side first.",
                "《1989年时效（北爱尔兰）令》第4条：合同索赔6年内。小额索赔由北爱尔兰郡法院审理；起诉前先致函对方。",
            ),
            notes: vec![],
        },
        (Uk, Court) => Window {
            send_by: Some(add_months(f.transaction_date, 72)),
            basis: b(
                "Limitation Act 1980 s.5: contract claims within 6 years (England and Wales); send a Letter Before Claim first (PD-PAC). Small claims track up to £10,000 (Scotland: simple procedure up to £5,000; Northern Ireland: small claims up to £3,000).",
                "《1980年时效法》第5条：合同索赔6年内（英格兰和威尔士）；须先发送起诉前函（PD-PAC）。小额程序上限10,000英镑（苏格兰简易程序5,000英镑；北爱尔兰小额诉讼3,000英镑）。",
            ),
            notes: vec![],
        },
        (Eu, Association) => none(
            "No fixed deadline; the body's own rules apply (many require you to complain to the trader or provider first, and to come within a year).",
            "无统一期限；以该机构规则为准（多数要求先向商家或服务提供者投诉，并在一年内提出）。",
        ),
        (Eu, Court) => none(
            "National limitation period. European Small Claims Procedure for cross-border claims up to €5,000 (Regulation 861/2007).",
            "所在国诉讼时效。跨境且不超过5,000欧元的，可适用欧洲小额诉讼程序（第861/2007号条例）。",
        ),
        (Cn, Merchant) if f.reason == Reason::FaultyGoods => {
            // disputes-facts §4.1: 消法 第24条, return within 7 days of receipt; after that,
            // replacement or repair. It decides the remedy, not whether you may write.
            let (anchor, note) = delivery_anchor(f);
            let end = add_days(anchor, 7);
            Window {
                send_by: None,
                basis: b(
                    format!("Consumer Rights Protection Law art. 24: without a national rule or agreement, goods can be returned until {} (7 days from receipt); after that, replacement or repair.", date_en(end)),
                    format!("消法第二十四条：没有国家规定和当事人约定的，可在{}前（收到商品之日起七日内）退货；此后可要求更换、修理。", date_zh(end)),
                ),
                notes: note.into_iter().collect(),
            }
        }
        (Cn, Merchant) => none("No fixed deadline: negotiate as soon as possible.", "无固定期限：请尽快协商。"),
        (Cn, Bank) if f.reason == Reason::NotAuthorised => none(
            // disputes-facts §4.4: the holder bears losses that grew because of a late 挂失.
            "At once: report the card or account lost (挂失) first; losses that grow after a late report are yours (SPC Provisions on Bank Card Disputes, 2021).",
            "立即：先挂失；因未及时挂失而扩大的损失由持卡人承担（最高人民法院银行卡规定，2021年）。",
        ),
        (Cn, Bank) => none(
            "No statutory deadline to complain; write as soon as possible, as the bank must raise a card dispute with the network in time.",
            "投诉无法定期限；请尽快提出，发卡行须在卡组织规定时间内发起争议。",
        ),
        (Cn, Association) => Window {
            // disputes-facts §4.2: 12315 does not accept a complaint more than 3 years after
            // the consumer knew of the harm. An administrative acceptance rule: a demand to the
            // merchant does not interrupt it.
            send_by: Some(add_months(f.transaction_date, 36)),
            basis: b(
                "SAMR Interim Measures: complaints more than 3 years after you knew of the harm are not accepted.",
                "《市场监督管理投诉举报处理暂行办法》：知道或应当知道权益受损超过三年的投诉不予受理。",
            ),
            notes: vec![b(
                "Counted from the transaction date; if you learned of the charge later, the period starts then.",
                "按交易日期计算；如您之后才知悉该笔扣款，自知悉之日起算。",
            )],
        },
        (Cn, Court) => {
            // disputes-facts §9.4 and review #18: limitation (民法典 第188条) is a defence the
            // court does not raise itself (第193条), and each demand for performance the user
            // sends interrupts it and starts it again (第195条). So no send-by date and no
            // "window closed": the date shown is informational, 3 years from the latest letter
            // the user sent the merchant or the bank (else from the transaction).
            let last_demand = steps
                .iter()
                .filter(|r| matches!(r.step, Merchant | Bank))
                .filter_map(|r| r.sent)
                .max();
            let from = last_demand.unwrap_or(f.transaction_date).max(f.transaction_date);
            let until = add_months(from, 36);
            let (en, zh) = match last_demand {
                Some(d) => (
                    format!("Your letter of {} was a demand for performance: limitation started again then and runs to at least {} (Civil Code art. 195). Each later written demand starts it again.", date_en(d), date_en(until)),
                    format!("您于{}寄出的函件属于向义务人提出履行请求，诉讼时效自此中断并重新计算，至少至{}（民法典第一百九十五条）；此后每次书面催告均重新起算。", date_zh(d), date_zh(until)),
                ),
                None => (
                    format!("Counted from the transaction date, limitation runs to at least {}; a written demand to the other side (your letter to the merchant or bank) starts it again (Civil Code art. 195).", date_en(until)),
                    format!("自交易日起算，诉讼时效至少至{}；向对方提出书面履行请求（致商户或银行的函件）的，诉讼时效中断并重新计算（民法典第一百九十五条）。", date_zh(until)),
                ),
            };
            Window {
                send_by: None,
                basis: b(
                    "Limitation: 3 years from when you knew or should have known of the harm and who caused it (Civil Code art. 188); a demand for performance interrupts it and it starts again (art. 195); the court does not raise it of its own motion (art. 193). Small claims (Civil Procedure Law art. 165): up to 50% of the province's previous-year average annual wage, decided in a single trial; up to twice that if both parties agree.",
                    "诉讼时效三年，自知道或者应当知道权利受到损害以及义务人之日起计算（民法典第一百八十八条）；向义务人提出履行请求的，诉讼时效中断并重新计算（第一百九十五条）；人民法院不主动适用诉讼时效（第一百九十三条）。小额诉讼（民事诉讼法第一百六十五条）：标的额为本省上年度就业人员年平均工资百分之五十以下的，一审终审；当事人双方约定的，可至百分之二百以下。",
                ),
                notes: vec![b(en, zh)],
            }
        }
    }
}

/// The day a letter sent on `sent` is taken to arrive: the second business day after it was sent
/// (CPR 6.26's deemed service of first-class post), skipping the case's holidays.
pub fn received(f: &CaseFacts, sent: NaiveDate) -> NaiveDate {
    add_business_days_in(cal(f), sent, 2)
}

/// The note on a clock counted from receipt (review #27 "reply dates").
fn receipt_note(rcv: NaiveDate) -> Bilingual {
    b(
        format!("The law counts this from the day the letter is received; taken here as {}, the second business day after you send it (as CPR 6.26 deems first-class post served). If you know the day it arrived, count from that day.", date_en(rcv)),
        format!("法律自对方收到函件之日起算；此处按寄出后第二个工作日（{}）收到计算（参照英国CPR 6.26对一类邮件的送达推定）。如知道实际收到日期，以实际日期为准。", date_zh(rcv)),
    )
}

fn answer(f: &CaseFacts, step: Step, sent: NaiveDate) -> Answer {
    use Jurisdiction::*;
    use Step::*;
    let c = cal(f);
    let rcv = received(f, sent);
    let cal_note = || {
        let l = c.label();
        b(
            format!("Business days skip weekends and {}.", l.en),
            format!("工作日不含周末及{}。", l.zh),
        )
    };
    let simple = |due: Option<NaiveDate>, en: &str, zh: &str| Answer {
        due,
        final_due: None,
        basis: b(en, zh),
        notes: vec![],
        calendar: None,
    };
    match (f.jurisdiction, step) {
        (Us, Merchant) | (Eu, Merchant) => simple(
            Some(add_days(sent, 14)),
            "Convention: 14 days for the merchant to answer (not a legal deadline).",
            "惯例：商户14日内答复（非法定期限）。",
        ),
        (Us, Bank) if f.instrument == Instrument::CreditCard && f.reason == Reason::FaultyGoods => simple(
            Some(add_days(sent, 30)),
            "Claims and defenses have no statutory answer period; 30 days is a reminder.",
            "抗辩权无法定答复期限；30日为提醒日期。",
        ),
        (Us, Bank) if f.instrument == Instrument::CreditCard => Answer {
            // disputes-facts §1.1: acknowledgment ≤ 30 days, resolution ≤ 2 cycles / 90 days.
            due: Some(add_days(rcv, 30)),
            final_due: Some(add_days(rcv, 90)),
            basis: b(
                "Reg Z §1026.13(c): written acknowledgment within 30 days of receipt; resolution within two billing cycles and never more than 90 days.",
                "Z条例§1026.13(c)：收到后30日内书面确认；两个账单周期内、最迟90日内解决。",
            ),
            notes: vec![receipt_note(rcv)],
            calendar: None,
        },
        (Us, Bank) if law::is_merchant_dispute(f.reason) && f.instrument != Instrument::BankTransfer && f.reason != Reason::WrongAmount => simple(
            Some(add_days(sent, 30)),
            "Network chargeback: no statutory answer period; 30 days is a reminder.",
            "卡组织拒付：无法定答复期限；30日为提醒日期。",
        ),
        (Us, Bank) if law::us_transfer(f.jurisdiction, f.instrument, f.transfer) == Some(TransferKind::Wire) => simple(
            // Review #8: UCC Article 4A sets the bank no period to answer; 30 days is a reminder.
            Some(add_days(sent, 30)),
            "Wire transfer (UCC Article 4A, §4A-202 to §4A-204): no statutory answer period; the bank must refund an unauthorised payment order it did not verify under an agreed, commercially reasonable security procedure, with interest. 30 days is a reminder.",
            "电汇（《统一商法典》第4A编§4A-202至§4A-204）：无法定答复期限；对未经双方约定的合理安全程序验证的未经授权付款指令，银行应退款并支付利息。30日为提醒日期。",
        ),
        (Us, Bank) => {
            // disputes-facts §1.2, §9.3: 10 business days, or provisional credit and 45 days;
            // 90 days for point-of-sale debit-card transactions (§1005.11(c)(3)(ii)).
            let pos = f.instrument == Instrument::DebitCard;
            let days = if pos { 90 } else { 45 };
            Answer {
                due: Some(add_business_days_in(c, rcv, 10)),
                final_due: Some(add_days(rcv, days)),
                basis: if pos {
                    b(
                        "Reg E §1005.11(c): investigate within 10 business days, or credit provisionally and finish within 90 days for a point-of-sale debit-card transaction (§1005.11(c)(3)(ii)).",
                        "E条例§1005.11(c)：10个工作日内完成调查，否则临时入账；POS借记卡交易最长90日（§1005.11(c)(3)(ii)）。",
                    )
                } else {
                    b(
                        "Reg E §1005.11(c): investigate within 10 business days, or credit provisionally and finish within 45 days (90 for foreign-initiated and new-account transfers).",
                        "E条例§1005.11(c)：10个工作日内完成调查，否则临时入账并在45日内完成（境外发起及新开户交易为90日）。",
                    )
                },
                notes: {
                    let mut n = vec![receipt_note(rcv), cal_note()];
                    if f.instrument == Instrument::BankTransfer && f.transfer.is_none() {
                        // Review #8: Reg E excludes wires (§1005.3(c)(3)); the kind is unknown.
                        n.push(b(
                            "These clocks are Regulation E's, for an ACH or other electronic transfer. A wire transfer is outside Regulation E (12 CFR §1005.3(c)(3)): under UCC Article 4A the bank must refund an unauthorised payment order not verified by an agreed, commercially reasonable security procedure (§4A-202 to §4A-204); report it within a reasonable time, at most 90 days, to keep the interest, and within one year of the statement at the latest (§4A-505).",
                            "以上为E条例对ACH等电子转账规定的期限。电汇不适用E条例（12 CFR §1005.3(c)(3)）：依《统一商法典》第4A编，未经双方约定的合理安全程序验证的未经授权付款指令，银行应退款（§4A-202至§4A-204）；请在合理期间内（最迟90日，以保留利息）通知银行，最迟不超过对账单后一年（§4A-505）。",
                        ));
                    }
                    n
                },
                calendar: Some(c.label()),
            }
        }
        (Us, Association) => Answer {
            // disputes-facts §1.5: company responds within 15 days, closes within 60.
            due: Some(add_days(sent, 15)),
            final_due: Some(add_days(sent, 60)),
            basis: b(
                "CFPB: the company responds within 15 days and closes all but complex cases within 60 days.",
                "CFPB：企业15日内答复，除复杂案件外60日内办结。",
            ),
            notes: vec![],
            calendar: None,
        },
        // disputes-facts §9.3: Texas's DTPA notice needs 60 days before suit for damages.
        (Us, Court) if in_texas(f) => simple(
            Some(add_days(rcv, 60)),
            "Final demand: 60 days to pay before a claim is filed (Texas DTPA §17.505 notice).",
            "最后催告：起诉前给予60日付款期限（德州DTPA §17.505通知）。",
        ),
        (Us, Court) => simple(
            // disputes-facts §9.3: 30 days, the notice period of MA ch. 93A and CA CLRA
            // (CLRA §1782(b): 30 days after receipt), counted from receipt.
            Some(add_days(rcv, 30)),
            "Final demand: 30 days to pay before a claim is filed (the notice period Massachusetts ch. 93A and California CLRA require; Texas DTPA requires 60).",
            "最后催告：起诉前给予30日付款期限（马萨诸塞州93A章、加州CLRA要求的通知期；德州DTPA为60日）。",
        ),
        (Eu, Court) | (Cn, Court) => simple(
            None,
            "The court sets the dates (summons, hearing).",
            "由法院确定日期（传票、开庭）。",
        ),
        (Uk, Merchant) => simple(
            // disputes-facts §7.2: convention 14 days; refund ≤ 14 days once agreed (§2.2).
            Some(add_days(sent, 14)),
            "Convention: 14 days to reply (not a legal deadline).",
            "惯例：14日内答复（非法定期限）。",
        ),
        (Uk, Bank) if is_payment_services_complaint(f) => Answer {
            // disputes-facts §9.2: payment-services complaints 15 business days, 35 exceptional.
            due: Some(add_business_days_in(c, rcv, 15)),
            final_due: Some(add_business_days_in(c, rcv, 35)),
            basis: b(
                "FCA DISP 1.6.2A: a payment-services complaint is answered within 15 business days (35 in exceptional cases).",
                "FCA DISP 1.6.2A：支付服务类投诉15个工作日内答复（特殊情况35个工作日）。",
            ),
            notes: vec![receipt_note(rcv), cal_note()],
            calendar: Some(c.label()),
        },
        (Uk, Bank) => Answer {
            // disputes-facts §2.3: final response within 8 weeks of receiving the complaint.
            due: Some(add_days(rcv, 56)),
            final_due: None,
            basis: b(
                "FCA DISP 1.6.2: final response within 8 weeks; after that you can go to the Financial Ombudsman Service.",
                "FCA DISP 1.6.2：8周内作出最终答复；逾期可向金融申诉专员投诉。",
            ),
            notes: vec![receipt_note(rcv)],
            calendar: None,
        },
        (Uk, Association) => simple(None, "The Ombudsman sets its own timetable.", "由申诉专员自行安排时间。"),
        (Uk, Court) => simple(
            // disputes-facts §2.5: PD-PAC para 6, 14 days in a straightforward case.
            Some(add_days(sent, 14)),
            "PD-PAC para 6: 14 days to reply to a Letter Before Claim in a straightforward case.",
            "PD-PAC第6段：简单案件14日内答复起诉前函。",
        ),
        (Eu, Bank) if f.reason == Reason::NotAuthorised => Answer {
            // disputes-facts §3: Art. 73 refund by end of next business day; Art. 101 reply.
            due: Some(add_business_days_in(c, rcv, 1)),
            final_due: Some(add_business_days_in(c, rcv, 15)),
            basis: b(
                "PSD2 Art. 73: refund of an unauthorised payment by the end of the next business day; Art. 101: complaint reply within 15 business days.",
                "PSD2第73条：未经授权的支付须在次一营业日结束前退款；第101条：15个营业日内答复投诉。",
            ),
            notes: vec![receipt_note(rcv), cal_note()],
            calendar: Some(c.label()),
        },
        (Eu, Bank) if is_psp_error(f) => Answer {
            due: Some(add_business_days_in(c, rcv, 15)),
            final_due: Some(add_business_days_in(c, rcv, 35)),
            basis: b(
                "PSD2 Art. 101: complaint reply within 15 business days (35 in exceptional cases).",
                "PSD2第101条：15个营业日内答复投诉（特殊情况35个营业日）。",
            ),
            notes: vec![receipt_note(rcv), cal_note()],
            calendar: Some(c.label()),
        },
        (Eu, Bank) => Answer {
            due: Some(add_business_days_in(c, sent, 15)),
            final_due: None,
            basis: b(
                "Chargeback: no statutory answer period; 15 business days is a reminder.",
                "拒付：无法定答复期限；15个营业日为提醒日期。",
            ),
            notes: vec![cal_note()],
            calendar: Some(c.label()),
        },
        (Eu, Association) => simple(None, "The body's own rules set the timetable.", "以该机构规则为准。"),
        (Cn, Merchant) => simple(
            // disputes-facts §7.4: convention 7 days.
            Some(add_days(sent, 7)),
            "Convention: 7 days to reply (not a legal deadline).",
            "惯例：7日内答复（非法定期限）。",
        ),
        (Cn, Bank) if f.instrument == Instrument::PaymentPlatform => simple(
            Some(add_days(sent, 15)),
            "No statutory period for the platform is relied on here; 15 days is a reminder.",
            "此处未采用支付机构的法定答复期限；15日为提醒日期。",
        ),
        (Cn, Bank) => {
            // disputes-facts §9.4: CBIRC Order 2020 No. 3: 15 days, 30 if complex, +30 with
            // approval; calendar days from the day after receipt (民法典 第201条), a last day on
            // a holiday moving to the next working day (第203条).
            Answer {
                due: Some(roll_forward(c, add_days(rcv, 15))),
                final_due: Some(roll_forward(c, add_days(rcv, 30))),
                basis: b(
                    "CBIRC Measures on Consumer Complaints (Order 2020 No. 3): the bank handles a clear complaint within 15 days and a complex one within 30; a very complex one may take 30 more after internal approval. The answer must name the further channels (review, mediation, arbitration, court).",
                    "《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）：事实清楚的投诉15日内办结，情况复杂的30日内办结，特别复杂的经批准可再延长30日；答复须告知核实、调解、仲裁、诉讼等后续渠道。",
                ),
                notes: vec![b(
                    format!(
                        "Calendar days from the day after the bank receives the complaint (Civil Code art. 201), taken here as {} (the second business day after you send it; if you know the day it arrived, count from that day); a last day on a holiday moves to the next working day (art. 203; {}).",
                        date_en(rcv),
                        c.label().en
                    ),
                    format!(
                        "自银行收到投诉次日起按自然日计算（民法典第二百零一条），此处按寄出后第二个工作日（{}）收到计算，如知道实际收到日期以实际为准；最后一日为法定休假日的，顺延至次一工作日（第二百零三条；{}）。",
                        date_zh(rcv),
                        c.label().zh
                    ),
                )],
                calendar: Some(c.label()),
            }
        }
        (Cn, Association) => {
            // disputes-facts §4.2: accept or reject ≤ 7 working days (Art. 14); mediation ends
            // after 45 working days from acceptance (Art. 21).
            // 7 working days from receiving the complaint (review #27).
            let accept_by = add_business_days_in(c, rcv, 7);
            Answer {
                due: Some(accept_by),
                final_due: Some(add_business_days_in(c, accept_by, 45)),
                basis: b(
                    "12315: the bureau decides within 7 working days whether to accept; mediation ends if there is no agreement within 45 working days of acceptance.",
                    "12315：市场监管部门7个工作日内决定是否受理；受理后45个工作日内未达成调解协议的终止调解。",
                ),
                notes: vec![receipt_note(rcv), cal_note()],
                calendar: Some(c.label()),
            }
        }
    }
}

/// Plans a case from its facts, the steps taken so far and today's date.
pub fn plan(facts: &CaseFacts, steps: &[StepRecord], today: NaiveDate) -> CasePlan {
    let j = facts.jurisdiction;
    let i = facts.instrument;
    let plans: Vec<StepPlan> = Step::ALL
        .iter()
        .map(|&step| {
            let record = steps.iter().rev().find(|s| s.step == step);
            let sent = record.and_then(|r| r.sent);
            let answered = record.and_then(|r| r.answered);
            let unavailable = law::step_exists(j, i, facts.reason, step).err();
            if let Some(why) = unavailable {
                return StepPlan {
                    step,
                    recipient: rule(j, i, step).recipient,
                    send_by: None,
                    sent,
                    answered,
                    answer_due: None,
                    final_answer_due: None,
                    basis: why.clone(),
                    notes: vec![],
                    calendar: None,
                    unavailable: Some(why),
                };
            }
            let w = window(facts, step, steps);
            let mut basis = w.basis;
            let mut notes = w.notes;
            let mut calendar = None;
            let (answer_due, final_answer_due) = match sent {
                Some(s) => {
                    let a = answer(facts, step, s);
                    basis.en = format!("{} {}", basis.en, a.basis.en);
                    basis.zh = format!("{}{}", basis.zh, a.basis.zh);
                    notes.extend(a.notes.iter().cloned());
                    // The date stays (it is the best count there is) but says why the letter
                    // gives none (review #17).
                    if let Some(year) = uncovered_year(facts, &a, s) {
                        notes.push(cal(facts).gap_note(year));
                    }
                    calendar = a.calendar;
                    (a.due, a.final_due)
                }
                None => (None, None),
            };
            StepPlan {
                step,
                recipient: rule(j, i, step).recipient,
                send_by: w.send_by,
                sent,
                answered,
                answer_due,
                final_answer_due,
                basis,
                notes,
                calendar,
                unavailable: None,
            }
        })
        .collect();

    let mut warnings = warnings(facts, &plans, today);
    warnings.sort_by(|a, b| b.level.cmp(&a.level).then(a.date.cmp(&b.date)));
    let next_action = next_action(facts, &plans, today);
    CasePlan {
        steps: plans,
        next_action,
        warnings,
    }
}

fn highest_sent(plans: &[StepPlan]) -> Option<&StepPlan> {
    plans.iter().rev().find(|p| p.sent.is_some())
}

fn warnings(facts: &CaseFacts, plans: &[StepPlan], today: NaiveDate) -> Vec<Warning> {
    let mut out = Vec::new();
    let top = highest_sent(plans).map(|p| p.step);
    for p in plans {
        let who = short_name(facts.jurisdiction, facts.instrument, p.step);
        match (p.send_by, p.sent) {
            (Some(by), None) => {
                // A window below a step already taken no longer matters.
                if top.is_some_and(|t| t > p.step) {
                    continue;
                }
                let left = days_until(today, by);
                let level = if left < 0 {
                    WarningLevel::Missed
                } else if left <= URGENT_DAYS {
                    WarningLevel::Urgent
                } else if left <= SOON_DAYS {
                    WarningLevel::Soon
                } else {
                    continue;
                };
                let (en, zh) = if level == WarningLevel::Missed {
                    (
                        format!("The window to write to {} closed on {}.", who.en, date_en(by)),
                        format!("向{}提出的期限已于{}届满。", who.zh, date_zh(by)),
                    )
                } else {
                    (
                        format!(
                            "{} day{} left to write to {}: the window closes on {}.",
                            left,
                            if left == 1 { "" } else { "s" },
                            who.en,
                            date_en(by)
                        ),
                        format!("距向{}提出的期限还剩{}天：{}截止。", who.zh, left, date_zh(by)),
                    )
                };
                out.push(Warning { level, step: Some(p.step), message_en: en, message_zh: zh, date: Some(by) });
            }
            (Some(by), Some(sent)) if sent > by => out.push(Warning {
                level: WarningLevel::Missed,
                step: Some(p.step),
                message_en: format!(
                    "The letter to {} was sent on {}, after the window closed on {}: the right may be lost.",
                    who.en,
                    date_en(sent),
                    date_en(by)
                ),
                message_zh: format!("致{}的函件于{}寄出，晚于{}的期限，相关权利可能已丧失。", who.zh, date_zh(sent), date_zh(by)),
                date: Some(by),
            }),
            _ => {}
        }
        if let (Some(_), None, Some(due)) = (p.sent, p.answered, p.answer_due) {
            // Once a higher step is under way, a lower step's silence is no longer news.
            let superseded = matches!(top, Some(t) if t > p.step);
            if today > due && !superseded {
                let next = p
                    .step
                    .next()
                    .map(|n| (n, short_name(facts.jurisdiction, facts.instrument, n)));
                let (en_next, zh_next) = match &next {
                    // A court takes a 起诉 (a claim), not a 投诉 (disputes-facts §9.4).
                    Some((Step::Court, n)) => (
                        format!(" Escalate to {}.", n.en),
                        format!("可向{}提起诉讼。", n.zh),
                    ),
                    Some((Step::Bank, n)) => (
                        format!(" Escalate to {}.", n.en),
                        format!("请向{}提出争议。", n.zh),
                    ),
                    Some((_, n)) => (
                        format!(" Escalate to {}.", n.en),
                        format!("请向{}投诉。", n.zh),
                    ),
                    None => (String::new(), String::new()),
                };
                out.push(Warning {
                    level: WarningLevel::Urgent,
                    step: Some(p.step),
                    message_en: format!(
                        "The answer from {} was due on {} and has not come.{}",
                        who.en,
                        date_en(due),
                        en_next
                    ),
                    message_zh: format!(
                        "{}应于{}前答复，至今未答复。{}",
                        who.zh,
                        date_zh(due),
                        zh_next
                    ),
                    date: Some(due),
                });
            }
        }
    }
    if facts.statement_date.is_none() && facts.jurisdiction == Jurisdiction::Us {
        let (_, note) = statement_anchor(facts);
        if let Some(n) = note {
            out.push(Warning {
                level: WarningLevel::Info,
                step: Some(Step::Bank),
                message_en: n.en,
                message_zh: n.zh,
                date: None,
            });
        }
    }
    out
}

fn next_action(facts: &CaseFacts, plans: &[StepPlan], today: NaiveDate) -> NextAction {
    let plan_of = |s: Step| plans.iter().find(|p| p.step == s);
    let bank = plan_of(Step::Bank);
    // Don't wait on the merchant when the bank's window is about to close (disputes-facts
    // §1.1: writing to the merchant first is not required).
    let bank_window_closing = bank
        .filter(|b| b.sent.is_none())
        .and_then(|b| b.send_by)
        .is_some_and(|by| (0..=SOON_DAYS).contains(&days_until(today, by)));
    let write_to = |step: Step, urgent_prefix: bool| {
        let p = plan_of(step);
        let who = short_name(facts.jurisdiction, facts.instrument, step);
        let (mut en, mut zh) = if step == Step::Court && facts.jurisdiction == Jurisdiction::Cn {
            // In China the court step is a 民事起诉状 filed with the court (a 起诉, §9.4).
            (
                format!("File a civil complaint with {}.", who.en),
                format!("向{}提交民事起诉状。", who.zh),
            )
        } else {
            (format!("Write to {}.", who.en), format!("致函{}。", who.zh))
        };
        if urgent_prefix {
            en = format!(
                "Report the charge and freeze or block the card now, then write to {}.",
                who.en
            );
            zh = format!("立即挂失或冻结卡片并报告该笔交易，然后致函{}。", who.zh);
        }
        NextAction {
            step,
            what_en: en,
            what_zh: zh,
            by: p.and_then(|p| p.send_by),
        }
    };

    let Some(top) = highest_sent(plans) else {
        if facts.reason == Reason::NotAuthorised {
            return write_to(Step::Bank, true);
        }
        if bank_window_closing {
            let mut a = write_to(Step::Bank, false);
            a.what_en = format!(
                "{} Do not wait for the merchant: the window closes soon.",
                a.what_en
            );
            a.what_zh = format!("{}不要等待商户答复：期限即将届满。", a.what_zh);
            return a;
        }
        return write_to(Step::Merchant, false);
    };

    if top.answered.is_none() {
        let overdue = top.answer_due.is_some_and(|d| today > d);
        if !overdue {
            if top.step == Step::Merchant && bank_window_closing {
                let mut a = write_to(Step::Bank, false);
                a.what_en = format!(
                    "{} Do not wait for the merchant's answer: the window closes soon.",
                    a.what_en
                );
                a.what_zh = format!("{}不要等待商户答复：期限即将届满。", a.what_zh);
                return a;
            }
            let who = short_name(facts.jurisdiction, facts.instrument, top.step);
            return match top.answer_due {
                Some(d) => NextAction {
                    step: top.step,
                    what_en: format!(
                        "Wait for the answer from {}, due by {}.",
                        who.en,
                        date_en(d)
                    ),
                    what_zh: format!("等待{}答复，答复期限为{}。", who.zh, date_zh(d)),
                    by: Some(d),
                },
                None => NextAction {
                    step: top.step,
                    what_en: format!(
                        "Wait for the answer from {} and record it when it comes.",
                        who.en
                    ),
                    what_zh: format!("等待{}答复，收到后请记录。", who.zh),
                    by: None,
                },
            };
        }
    }

    // The next rung that exists for this instrument and reason (a bank transfer has no bank
    // rung for a merchant dispute: disputes-facts §9.1, §9.4).
    let mut next_step = top.step.next();
    while let Some(n) = next_step {
        if plan_of(n).is_some_and(|p| p.unavailable.is_none()) {
            break;
        }
        next_step = n.next();
    }
    match next_step {
        Some(next) => {
            let mut a = write_to(next, false);
            let who = short_name(facts.jurisdiction, facts.instrument, top.step);
            if top.answered.is_some() {
                a.what_en = format!(
                    "If the answer from {} did not put things right: {}",
                    who.en,
                    lower_first(&a.what_en)
                );
                a.what_zh = format!("如{}的答复未解决问题：{}", who.zh, a.what_zh);
            } else {
                a.what_en = format!(
                    "{} has not answered in time. {}",
                    upper_first(&who.en),
                    a.what_en
                );
                a.what_zh = format!("{}未在期限内答复。{}", who.zh, a.what_zh);
            }
            a
        }
        None => NextAction {
            step: Step::Court,
            what_en: "Follow the court's timetable; record the judgment when it comes.".into(),
            what_zh: "按法院安排参加诉讼；收到判决后请记录。".into(),
            by: None,
        },
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The first year a business-day clock of `a` (from `sent` to its last date) runs through
/// whose holidays the case's calendar does not know, if any (§9.5; review #17).
fn uncovered_year(f: &CaseFacts, a: &Answer, sent: NaiveDate) -> Option<i32> {
    a.calendar.as_ref()?;
    let c = cal(f);
    let end = a.final_due.or(a.due)?;
    (sent.year()..=end.year()).find(|&y| !c.covers(y))
}

/// True when the dates of the answer to a letter for `step` sent on `sent` are certain: a
/// business-day clock that runs through a year whose holidays are unknown (China's next
/// notice, an EU country not recorded) has none, and the letter states the period instead.
pub fn answer_dates_known(facts: &CaseFacts, step: Step, sent: NaiveDate) -> bool {
    uncovered_year(facts, &answer(facts, step, sent), sent).is_none()
}

/// When the answer to a letter for `step` sent on `sent` is due, by the rules `plan` uses
/// (the first clock where there are two). Letters quote it as "please reply by".
pub fn answer_due(facts: &CaseFacts, step: Step, sent: NaiveDate) -> Option<NaiveDate> {
    answer(facts, step, sent).due
}

/// The second, later clock of a letter for `step` sent on `sent`, where the rules have two
/// (an EU unauthorised payment: refund by the next business day, complaint answer within 15
/// business days), else none.
pub fn final_answer_due(facts: &CaseFacts, step: Step, sent: NaiveDate) -> Option<NaiveDate> {
    answer(facts, step, sent).final_due
}
