//! The values a template sees, built from a `LetterRequest`: dates and money already formatted
//! for the language, a neutral role name ("the card issuer") where a name is unknown and
//! nothing where an address is. Everything here is data; none of
//! it is ever parsed as template code.

use super::format::{date, money};
use super::request::{LetterParty, LetterRequest};
use crate::disputes::law::{cn_cause, cn_defendant_is_bank, uk_s75_applies, UkNation};
use crate::disputes::{
    ladder, short_name, CaseFacts, ComplaintBody, Instrument, Jurisdiction, Reason, Step,
};
use crate::money::Currency;
use serde::Serialize;

#[derive(Serialize)]
pub(crate) struct Context {
    pub lang: String,
    pub today: String,
    pub jurisdiction: &'static str,
    pub instrument: &'static str,
    pub instrument_label: String,
    pub step: &'static str,
    pub reason: &'static str,
    pub reason_label: String,
    pub problem: String,
    pub sender: SenderLines,
    pub recipient: Party,
    pub counterparty: Party,
    pub account_last4: Option<String>,
    pub transactions: Vec<Txn>,
    pub merchant: String,
    pub first_date: String,
    pub claimed: String,
    pub earlier: Vec<Earlier>,
    pub legal_basis: String,
    /// The evidence, each described by its kind, never by its file name (§9.5).
    pub enclosures: Vec<String>,
    /// The same, with each item's source for a 起诉状's 证据来源 (empty when unknown).
    pub evidence: Vec<super::evidence::Evidence>,
    pub notes: Option<String>,
    pub reply_by: Option<String>,
    /// EU unauthorised payment: the Art. 73 refund date (end of the next business day); the
    /// letter's `reply_by` is then the Art. 101 complaint answer (15 business days).
    pub refund_by: Option<String>,
    /// The first statement showing the charge, formatted, or none.
    pub statement_date: Option<String>,
    /// When the user reported the charge to the bank, formatted, or none (never assumed).
    pub reported_on: Option<String>,
    /// The police report's number, or none (never assumed).
    pub police_report: Option<String>,
    /// The bank, card issuer or platform ("the card issuer", "发卡行" when its name is unknown).
    pub bank: Party,
    /// The defendant of a court step: the bank for an unauthorised charge, else the merchant.
    pub defendant: Party,
    pub defendant_is_bank: bool,
    /// China: the cause of action (案由) matched to the claim.
    pub cause: &'static str,
    /// China: the one body a complaint goes to ("12315", "consumer_association", "regulator").
    pub complaint_body: &'static str,
    /// UK faulty goods: true while the 30-day short-term right to reject certainly runs.
    pub within_reject_window: bool,
    /// How the money was paid, mid-sentence in English ("by credit card ending 4242", "by bank
    /// transfer from my account ending 4242"): a transfer is never called a card (§9.4).
    pub paid_with: String,
    /// China faulty goods: true while the 7-day return of 消法 第24条 certainly runs.
    pub within_cn_return_window: bool,
    /// True when the bank step rests on the payment-services rules rather than a chargeback.
    pub psp_error: bool,
    /// UK: a payment-services complaint (15 business days, DISP 1.6.2A) rather than 8 weeks.
    pub payment_services: bool,
    /// UK credit card: Section 75 can carry the claim (a supplier's breach, and the price paid
    /// over £100 and not over £30,000: CCA 1974 s.75(3)(b)).
    pub s75_possible: bool,
    /// UK: "england_wales", "scotland" or "northern_ireland" (courts and procedure differ).
    pub nation: &'static str,
    /// US: the user's state as a two-letter code, when the case records it (its pre-suit
    /// notice rule, if any, applies), else none.
    pub us_state: Option<String>,
    /// US complaint step: about the bank (to the CFPB) rather than the merchant (to the State
    /// Attorney General) — an unauthorised or duplicate charge, or once the bank was written to.
    pub complaint_about_bank: bool,
    /// EU: true while the 13 months of Art. 71 from the debit certainly run.
    pub within_13_months: bool,
    /// True when the case records the bank's answer to the complaint (else its time ran out).
    pub bank_answered: bool,
    /// US bank transfer: "ach" or "wire" when the case records it, else "" (unknown: the letter
    /// names both regimes).
    pub transfer: &'static str,
}

#[derive(Serialize)]
pub(crate) struct SenderLines {
    pub name: String,
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// A 起诉状's particulars, in the letter's language; none when the user gave none (the
    /// template then leaves a blank to fill in by hand, never a guess).
    pub gender: Option<&'static str>,
    pub birth_date: Option<String>,
    /// 民族 ending in 族 ("汉族").
    pub ethnicity: Option<String>,
    pub id_number: Option<String>,
    pub occupation: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct Party {
    pub name: String,
    /// Empty when the case records none.
    pub address: Vec<String>,
    /// True when both the name and an address are recorded.
    pub known: bool,
    /// True when the name is recorded (else `name` is the role: "Customer service", "商户").
    pub named: bool,
}

#[derive(Serialize)]
pub(crate) struct Txn {
    pub date: String,
    pub posted_date: Option<String>,
    pub merchant: String,
    pub description: String,
    pub amount: String,
    pub currency: String,
    /// Kept so the user's own templates written before keep rendering; the built-in letters
    /// never print them (a recipient cannot check our file name: disputes-facts §9.5).
    pub source_file: String,
    pub source_line: u64,
}

#[derive(Serialize)]
pub(crate) struct Earlier {
    pub step: &'static str,
    /// Whom it went to, mid-sentence ("the merchant", "Philz Coffee").
    pub to: String,
    /// True when it went to this letter's recipient (so the letter can say "I wrote to you").
    pub to_you: bool,
    pub sent: String,
    pub answered: Option<String>,
    pub outcome: Option<String>,
}

/// What is wrong with the charge, in one sentence per reason.
fn problem(reason: Reason, zh: bool) -> &'static str {
    match (reason, zh) {
        (Reason::DoubleCharge, false) => {
            "The same purchase was charged more than once; only one charge is valid."
        }
        (Reason::DoubleCharge, true) => "同一笔消费被重复扣款，仅其中一笔有效。",
        (Reason::NotAuthorised, false) => {
            "I did not make or authorise this charge, and nobody with my permission did."
        }
        (Reason::NotAuthorised, true) => "该笔交易并非本人所为，本人也未授权任何人进行。",
        (Reason::NotReceived, false) => {
            "I paid for goods or services that were not delivered as agreed."
        }
        (Reason::NotReceived, true) => "本人已付款，但未按约定收到商品或服务。",
        (Reason::CancelledSubscription, false) => {
            "I had cancelled the subscription before this charge, so it should not have been taken."
        }
        (Reason::CancelledSubscription, true) => "本人在此次扣款前已取消订阅，商户不应再扣款。",
        (Reason::WrongAmount, false) => {
            "The amount charged differs from the amount I agreed to pay."
        }
        (Reason::WrongAmount, true) => "扣款金额与约定金额不符。",
        (Reason::RefundNotCredited, false) => {
            "The refund I am owed has not been credited to my account."
        }
        (Reason::RefundNotCredited, true) => "应退款项至今未退回本人账户。",
        (Reason::FaultyGoods, false) => "The goods were faulty or not as described.",
        (Reason::FaultyGoods, true) => "所购商品存在质量问题或与描述不符。",
    }
}

/// The currency of the charges, or the jurisdiction's when none is listed.
fn request_currency(req: &LetterRequest) -> Currency {
    req.transactions
        .first()
        .map(|t| t.currency)
        .unwrap_or_else(|| default_currency(req.jurisdiction))
}

fn default_currency(j: Jurisdiction) -> Currency {
    match j {
        Jurisdiction::Us => Currency::USD,
        Jurisdiction::Uk => Currency::GBP,
        Jurisdiction::Eu => Currency::EUR,
        Jurisdiction::Cn => Currency::CNY,
    }
}

/// The amount asked back: as given, or the transactions' sum (`disputes::claimed_minor`);
/// `None` when it is too large to hold.
pub(crate) fn claimed_minor(req: &LetterRequest) -> Option<i64> {
    if let Some(a) = req.amount_claimed_minor {
        return a.checked_abs();
    }
    let amounts: Vec<i64> = req.transactions.iter().map(|t| t.amount_minor).collect();
    crate::disputes::claimed_minor(req.reason, &amounts)
}

/// A party as the letter prints it. An unknown name is the role's neutral addressee line (a
/// department or body, never a bracketed instruction: review #20); an unknown address is left
/// out, for the user to write on the envelope, rather than printed as a blank.
fn party(p: Option<&LetterParty>, fallback_name: Option<&str>, role: &str) -> Party {
    let name = p
        .and_then(|p| p.name.clone())
        .filter(|n| !n.trim().is_empty())
        .or_else(|| fallback_name.map(str::to_string));
    let address: Vec<String> = p
        .map(|p| {
            p.address
                .iter()
                .filter(|l| !l.trim().is_empty())
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    Party {
        known: name.is_some() && !address.is_empty(),
        named: name.is_some(),
        name: name.unwrap_or_else(|| role.to_string()),
        address,
    }
}

/// The template's context; `claimed` is `claimed_minor(req)`, checked by the caller.
pub(crate) fn build(req: &LetterRequest, lang: &str, claimed: i64) -> Context {
    let zh = lang.starts_with("zh");
    let pick = |b: &crate::disputes::Bilingual| b.get(lang).to_string();
    let rules = ladder(req.jurisdiction, req.instrument);
    let rule = rules.iter().find(|r| r.step == req.step).or(rules.first());
    let placeholder = rule.map(|r| pick(&r.placeholder)).unwrap_or_default();
    let currency = request_currency(req);
    let first_merchant = req.transactions.first().map(|t| t.merchant.as_str());

    let cp_placeholder = if zh { "商户" } else { "the merchant" };
    let counterparty = party(req.counterparty.as_ref(), first_merchant, cp_placeholder);
    let counterparty_copy = counterparty.clone_party();
    let bank_placeholder = match (zh, req.instrument) {
        (true, Instrument::PaymentPlatform) => "支付机构",
        (true, Instrument::BankTransfer) => "开户行",
        (true, _) => "发卡行",
        (false, Instrument::PaymentPlatform) => "the payment platform",
        (false, Instrument::CreditCard) => "the card issuer",
        (false, _) => "the bank",
    };
    let bank = party(req.details.bank.as_ref(), None, bank_placeholder);
    let defendant_is_bank = cn_defendant_is_bank(req.reason);
    // Outside China the court step is a final demand / letter before claim sent to the other
    // side; in China it is a 民事起诉状 addressed to the court.
    let recipient = if req.step == Step::Court && req.jurisdiction != Jurisdiction::Cn {
        match &req.recipient {
            Some(r) => party(Some(r), None, &placeholder),
            None if defendant_is_bank => bank.clone_party(),
            None => counterparty.clone_party(),
        }
    } else if req.step == Step::Bank && req.recipient.is_none() && bank.known {
        bank.clone_party()
    } else if req.step == Step::Merchant && req.recipient.is_none() {
        party(req.counterparty.as_ref(), first_merchant, &placeholder)
    } else if req.jurisdiction == Jurisdiction::Cn
        && req.step == Step::Association
        && req.recipient.is_none()
    {
        // §9.4: the one body the user picked.
        party(
            None,
            None,
            cn_complaint_body_name(complaint_body(req), req.instrument, zh),
        )
    } else {
        party(req.recipient.as_ref(), None, &placeholder)
    };

    let earlier = req
        .earlier_steps
        .iter()
        .take(64)
        .map(|e| Earlier {
            step: e.step.as_str(),
            to: e
                .recipient
                .clone()
                .filter(|r| !r.trim().is_empty())
                .unwrap_or_else(|| {
                    // §9.4: a Chinese complaint went to the one body the user picked.
                    if req.jurisdiction == Jurisdiction::Cn && e.step == Step::Association {
                        cn_complaint_body_name(complaint_body(req), req.instrument, zh).to_string()
                    } else {
                        pick(&short_name(req.jurisdiction, req.instrument, e.step))
                    }
                }),
            to_you: e.step == req.step,
            sent: date(e.sent, lang),
            answered: e.answered.map(|d| date(d, lang)),
            outcome: e.outcome.clone().filter(|o| !o.trim().is_empty()),
        })
        .collect();

    let facts = case_facts(req);
    // A final demand before court has no legal reply period outside the UK; 14 days is the
    // convention (disputes-facts §2.5 PD-PAC, §7.1 "final demand first"); the US demand's
    // period comes from the plan (30 days, 60 where Texas's DTPA notice applies).
    // PSD2: the refund (Art. 73) and the complaint answer (Art. 101) are two clocks.
    let two_clocks = req.jurisdiction == Jurisdiction::Eu
        && req.step == Step::Bank
        && req.reason == Reason::NotAuthorised;
    // A business-day clock through a year whose holidays are unknown gives no date: the letter
    // states the period alone (review #17; the plan says why).
    let dated = crate::disputes::answer_dates_known(&facts, req.step, req.today);
    let refund_by = (two_clocks && dated)
        .then(|| crate::disputes::answer_due(&facts, req.step, req.today))
        .flatten()
        .map(|d| date(d, lang));
    let reply_by = if !dated {
        None
    } else if two_clocks {
        crate::disputes::final_answer_due(&facts, req.step, req.today)
    } else {
        crate::disputes::answer_due(&facts, req.step, req.today)
    }
    .or_else(|| {
        (req.step == Step::Court && req.jurisdiction != Jurisdiction::Cn)
            .then(|| req.today.checked_add_days(chrono::Days::new(14)))
            .flatten()
    })
    .map(|d| date(d, lang));

    let evidence = super::evidence::describe(&req.enclosures, zh);
    Context {
        lang: lang.to_string(),
        today: date(req.today, lang),
        jurisdiction: req.jurisdiction.as_str(),
        instrument: req.instrument.as_str(),
        instrument_label: pick(&req.instrument.label()),
        step: req.step.as_str(),
        reason: req.reason.as_str(),
        reason_label: pick(&req.reason.label()),
        problem: problem(req.reason, zh).to_string(),
        sender: SenderLines {
            name: req.sender.name.clone(),
            address: req
                .sender
                .address
                .iter()
                .filter(|l| !l.trim().is_empty())
                .cloned()
                .collect(),
            email: req.sender.email.clone().filter(|s| !s.trim().is_empty()),
            phone: req.sender.phone.clone().filter(|s| !s.trim().is_empty()),
            gender: req.sender.particulars.gender.map(|g| match (g, zh) {
                (crate::letters::Gender::Male, true) => "男",
                (crate::letters::Gender::Female, true) => "女",
                (crate::letters::Gender::Male, false) => "male",
                (crate::letters::Gender::Female, false) => "female",
            }),
            birth_date: req.sender.particulars.birth_date.map(|d| date(d, lang)),
            ethnicity: given(&req.sender.particulars.ethnicity).map(|e| {
                let e = e.trim_end_matches('族');
                format!("{e}族")
            }),
            id_number: given(&req.sender.particulars.id_number).map(str::to_string),
            occupation: given(&req.sender.particulars.occupation).map(str::to_string),
        },
        recipient,
        counterparty,
        account_last4: req
            .account_last4
            .as_deref()
            .map(last4)
            .filter(|s| !s.is_empty()),
        transactions: req
            .transactions
            .iter()
            .map(|t| Txn {
                date: date(t.date, lang),
                posted_date: t.posted_date.map(|d| date(d, lang)),
                merchant: t.merchant.clone(),
                description: t.description.clone(),
                amount: money(
                    t.amount_minor.checked_abs().unwrap_or(i64::MAX),
                    t.currency,
                    lang,
                ),
                currency: t.currency.code().to_string(),
                source_file: t.source_file.clone(),
                source_line: t.source_line,
            })
            .collect(),
        merchant: first_merchant
            .map(str::to_string)
            .unwrap_or_else(|| cp_placeholder.to_string()),
        first_date: req
            .transactions
            .first()
            .map(|t| date(t.date, lang))
            .unwrap_or_else(|| {
                if zh {
                    "[交易日期]".into()
                } else {
                    "[date of the charge]".into()
                }
            }),
        claimed: money(claimed, currency, lang),
        earlier,
        legal_basis: req
            .legal_basis
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| {
                if req.jurisdiction == Jurisdiction::Us && req.step == Step::Association {
                    return pick(&crate::disputes::law::us_complaint_basis(
                        complaint_about_bank(req),
                    ));
                }
                pick(&crate::disputes::law::basis(
                    req.jurisdiction,
                    req.instrument,
                    req.reason,
                    req.step,
                    s75(req, claimed, currency),
                    req.details.transfer,
                ))
            }),
        enclosures: evidence.iter().map(|e| e.description.clone()).collect(),
        evidence,
        notes: req.notes.clone().filter(|n| !n.trim().is_empty()),
        reply_by,
        refund_by,
        statement_date: req.details.statement_date.map(|d| date(d, lang)),
        reported_on: req.details.reported_on.map(|d| date(d, lang)),
        police_report: req
            .details
            .police_report
            .clone()
            .filter(|p| !p.trim().is_empty()),
        bank: bank.clone_party(),
        defendant: if defendant_is_bank {
            bank.clone_party()
        } else {
            counterparty_copy
        },
        defendant_is_bank,
        cause: cn_cause(req.instrument, req.reason),
        complaint_body: complaint_body(req).as_str(),
        paid_with: paid_with(
            req.instrument,
            req.account_last4.as_deref().map(last4).as_deref(),
        ),
        within_reject_window: within_days_of_delivery(req, 30),
        within_cn_return_window: within_days_of_delivery(req, 7),
        payment_services: matches!(req.reason, Reason::NotAuthorised | Reason::DoubleCharge)
            || (req.reason == Reason::WrongAmount && req.instrument != Instrument::CreditCard),
        psp_error: req.reason == Reason::NotAuthorised
            || (req.reason == Reason::DoubleCharge && !req.instrument.is_card()),
        s75_possible: req.jurisdiction == Jurisdiction::Uk && s75(req, claimed, currency),
        nation: match req
            .details
            .region
            .as_deref()
            .and_then(UkNation::parse)
            .unwrap_or_default()
        {
            UkNation::EnglandWales => "england_wales",
            UkNation::Scotland => "scotland",
            UkNation::NorthernIreland => "northern_ireland",
        },
        us_state: us_state(req),
        complaint_about_bank: complaint_about_bank(req),
        within_13_months: within_13_months(req),
        bank_answered: bank_complaint_done(req) == Some(true),
        transfer: crate::disputes::law::us_transfer(
            req.jurisdiction,
            req.instrument,
            req.details.transfer,
        )
        .map_or("", |k| k.as_str()),
    }
}

/// What the plan needs of the case, from the letter's request: the dates of the answer a letter
/// asks for come from the same rules as the plan's.
fn case_facts(req: &LetterRequest) -> CaseFacts {
    CaseFacts {
        jurisdiction: req.jurisdiction,
        instrument: req.instrument,
        reason: req.reason,
        transaction_date: req
            .transactions
            .first()
            .map(|t| t.date)
            .unwrap_or(req.today),
        posted_date: None,
        statement_date: None,
        amount_minor: 0,
        currency: request_currency(req),
        delivered_on: req.details.delivered_on,
        region: req.details.region.clone(),
        transfer: req.details.transfer,
    }
}

/// The bank's answer to the complaint, as the case records it: `Some(true)` when it answered,
/// `Some(false)` when its time ran out without one, `None` when no complaint to the bank is
/// recorded or it still has time (review #27: the ombudsman and the regulator take a complaint
/// only once the firm has had it).
pub(crate) fn bank_complaint_done(req: &LetterRequest) -> Option<bool> {
    let bank = req
        .earlier_steps
        .iter()
        .rev()
        .find(|e| e.step == Step::Bank)?;
    if bank.answered.is_some() {
        return Some(true);
    }
    let facts = case_facts(req);
    let due = crate::disputes::answer_due(&facts, Step::Bank, bank.sent)?;
    (req.today > due).then_some(false)
}

/// True while the 13 months of PSD2 Art. 71 from the debit certainly run (review #27: the
/// letter says so only then).
fn within_13_months(req: &LetterRequest) -> bool {
    let debit = req
        .transactions
        .iter()
        .map(|t| t.posted_date.unwrap_or(t.date))
        .min();
    debit.is_some_and(|d| req.today <= crate::disputes::add_months(d, 13))
}

/// Text the user gave, trimmed; none when blank.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// China: the one body a complaint goes to (§9.4), as the case records it.
pub(crate) fn complaint_body(req: &LetterRequest) -> ComplaintBody {
    match req.details.complaint_body {
        Some(body) => body,
        // Default: the bank's or platform's regulator for unauthorised use, else 12315.
        None if req.reason == Reason::NotAuthorised => ComplaintBody::Regulator,
        None => ComplaintBody::Market12315,
    }
}

/// The addressee line of a Chinese complaint: the body the user picked.
fn cn_complaint_body_name(body: ComplaintBody, i: Instrument, zh: bool) -> &'static str {
    use ComplaintBody::*;
    match (body, i == Instrument::PaymentPlatform, zh) {
        (ConsumerAssociation, _, true) => "消费者协会",
        (ConsumerAssociation, _, false) => "Consumers' Association",
        (Regulator, true, true) => "中国人民银行（12363）",
        (Regulator, true, false) => "People's Bank of China (12363)",
        (Regulator, false, true) => "国家金融监督管理总局（12378）",
        (Regulator, false, false) => "National Financial Regulatory Administration (12378)",
        (Market12315, _, true) => "市场监督管理局（12315）",
        (Market12315, _, false) => "Administration for Market Regulation (12315)",
    }
}

/// Whether a complaint to a public body is about the bank (§1.5) rather than the merchant.
fn complaint_about_bank(req: &LetterRequest) -> bool {
    !crate::disputes::law::is_merchant_dispute(req.reason)
        || req.earlier_steps.iter().any(|e| e.step == Step::Bank)
}

/// Whether Section 75 can carry this UK claim: the price is what was paid for the purchase
/// (the charges' sum), or the amount claimed when no charge is listed.
fn s75(req: &LetterRequest, claimed: i64, currency: Currency) -> bool {
    let price = if req.transactions.is_empty() {
        Some(claimed)
    } else {
        req.transactions.iter().try_fold(0i64, |acc, t| {
            acc.checked_add(t.amount_minor.checked_abs()?)
        })
    };
    price.is_some_and(|p| uk_s75_applies(req.instrument, req.reason, p, currency == Currency::GBP))
}

/// The US state the case records, as its two-letter code ("MA"), or none.
pub(crate) fn us_state(req: &LetterRequest) -> Option<String> {
    (req.jurisdiction == Jurisdiction::Us)
        .then_some(req.details.region.as_deref())
        .flatten()
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()))
}

impl Party {
    fn clone_party(&self) -> Party {
        Party {
            name: self.name.clone(),
            address: self.address.clone(),
            known: self.known,
            named: self.named,
        }
    }
}

/// A period from delivery still runs: the UK short-term right to reject lasts 30 days (CRA 2015
/// s.22, disputes-facts §9.2), the Chinese return 7 days (消法 第24条, §4.1). Without a delivery
/// date, the transaction date is the earliest the goods can have arrived, so the period is
/// certain only while that many days have not passed since it.
fn within_days_of_delivery(req: &LetterRequest, days: i64) -> bool {
    let from = req
        .details
        .delivered_on
        .or_else(|| req.transactions.first().map(|t| t.date));
    match from {
        Some(d) => (req.today - d).num_days() <= days,
        None => false,
    }
}

/// "by credit card ending 4242", "by bank transfer from my account ending 4242", "through my
/// payment-platform account".
fn paid_with(i: Instrument, last4: Option<&str>) -> String {
    let ending = last4
        .filter(|d| !d.is_empty())
        .map(|d| format!(" ending {d}"))
        .unwrap_or_default();
    match i {
        Instrument::CreditCard => format!("by credit card{ending}"),
        Instrument::DebitCard => format!("by debit card{ending}"),
        Instrument::PaymentPlatform => format!("through my payment-platform account{ending}"),
        Instrument::BankTransfer => format!("by bank transfer from my account{ending}"),
    }
}

/// Only the last four digits ever reach a letter (disputes-facts §1.4), whatever was stored.
fn last4(s: &str) -> String {
    let digits: Vec<char> = s.chars().filter(|c| c.is_ascii_digit()).collect();
    digits[digits.len().saturating_sub(4)..].iter().collect()
}
