//! Rendering a letter: pick the template (the user's or the built-in one), run it strictly on
//! the request's data, and split the output into subject and body.

use super::context::{build, claimed_minor};
use super::format::date;
use super::guard;
use super::request::LetterRequest;
use super::Letter;
use crate::disputes::{Bilingual, ComplaintBody, Instrument, Jurisdiction, Reason, Step};
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A template that could not be rendered: what went wrong and on which line of the template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, thiserror::Error)]
pub struct TemplateError {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "template line {l}: {}", self.message),
            None => write!(f, "template: {}", self.message),
        }
    }
}

/// Enough for any real letter many times over; a runaway loop in a user's template stops here
/// with an error instead of hanging the app.
const FUEL: u64 = 500_000;

macro_rules! builtin {
    ($($j:ident / $step:ident / $lang:literal => $path:literal,)*) => {
        /// The built-in template source for a jurisdiction, step and language ("en" or
        /// "zh-CN"), so the app can show it for editing. `None` when there is none in that
        /// language (English exists for every pair).
        pub fn builtin_template(j: Jurisdiction, step: Step, lang: &str) -> Option<&'static str> {
            match (j, step, lang) {
                $((Jurisdiction::$j, Step::$step, $lang) => Some(include_str!(concat!("../../templates/letters/", $path))),)*
                _ => None,
            }
        }
    };
}

builtin! {
    Us / Merchant / "en" => "us/merchant.en.txt.j2",
    Us / Bank / "en" => "us/bank.en.txt.j2",
    Us / Association / "en" => "us/association.en.txt.j2",
    Us / Court / "en" => "us/court.en.txt.j2",
    Uk / Merchant / "en" => "uk/merchant.en.txt.j2",
    Uk / Bank / "en" => "uk/bank.en.txt.j2",
    Uk / Association / "en" => "uk/association.en.txt.j2",
    Uk / Court / "en" => "uk/court.en.txt.j2",
    Eu / Merchant / "en" => "eu/merchant.en.txt.j2",
    Eu / Bank / "en" => "eu/bank.en.txt.j2",
    Eu / Association / "en" => "eu/association.en.txt.j2",
    Eu / Court / "en" => "eu/court.en.txt.j2",
    Cn / Merchant / "en" => "cn/merchant.en.txt.j2",
    Cn / Bank / "en" => "cn/bank.en.txt.j2",
    Cn / Association / "en" => "cn/association.en.txt.j2",
    Cn / Court / "en" => "cn/court.en.txt.j2",
    Cn / Merchant / "zh-CN" => "cn/merchant.zh-CN.txt.j2",
    Cn / Bank / "zh-CN" => "cn/bank.zh-CN.txt.j2",
    Cn / Association / "zh-CN" => "cn/association.zh-CN.txt.j2",
    Cn / Court / "zh-CN" => "cn/court.zh-CN.txt.j2",
}

/// The statement (US) or particulars (UK) of claim a user copies into the court's form if the
/// final demand is not paid: a separate page kept by the user, never printed inside the letter
/// to the defendant, whose date it would contradict ("has not paid" on the day of the demand;
/// review #24). `None` for a step or jurisdiction that has none (the EU names the European
/// Small Claims form in its letter; a Chinese 起诉状 is itself the filing).
pub fn claim_worksheet(req: &LetterRequest) -> Result<Option<Letter>, TemplateError> {
    let source = match (req.jurisdiction, req.step) {
        (Jurisdiction::Us, Step::Court) => {
            include_str!("../../templates/letters/us/claim.en.txt.j2")
        }
        (Jurisdiction::Uk, Step::Court) => {
            include_str!("../../templates/letters/uk/claim.en.txt.j2")
        }
        _ => return Ok(None),
    };
    let mut english = req.clone();
    english.lang = "en".into();
    let mut sheet = render(&english, Some(source))?;
    sheet.kind = "worksheet".into();
    sheet.recipient.clear();
    sheet.enclosures.clear();
    sheet.signature.clear();
    Ok(Some(sheet))
}

/// The fields a template can use, each with one line of explanation.
pub fn template_fields() -> Vec<&'static str> {
    vec![
        "lang — \"en\" or \"zh-CN\"",
        "today — today's date, formatted (\"3 March 2026\" / \"2026年3月3日\")",
        "jurisdiction — us | uk | eu | cn",
        "instrument — credit_card | debit_card | payment_platform | bank_transfer; instrument_label — its name",
        "step — merchant | bank | association | court",
        "reason — double_charge | not_authorised | not_received | cancelled_subscription | wrong_amount | refund_not_credited | faulty_goods",
        "reason_label — the reason in words; problem — one sentence saying what is wrong",
        "sender.name, sender.address (list of lines), sender.email, sender.phone (may be none)",
        "recipient.name, recipient.address (list, empty when unknown), recipient.known (name and address recorded), recipient.named (name recorded; else name is the role, \"Customer service\")",
        "counterparty.name, counterparty.address (list), counterparty.known — the other side (merchant)",
        "account_last4 — last four digits of the card or account, or none",
        "transactions — list of {date, posted_date, merchant, description, amount, currency}",
        "statement_date — the first statement showing the charge, or none",
        "paid_with — how it was paid, mid-sentence (\"by credit card ending 4242\", \"by bank transfer from my account ending 4242\")",
        "reported_on, police_report — when the charge was reported to the bank and the police report number, or none (letters state only what the case records)",
        "bank — {name, address, known}: the bank, card issuer or platform; defendant, defendant_is_bank — whom a court step is against",
        "cause — China: the cause of action (案由); complaint_body — 12315 | consumer_association | regulator",
        "within_reject_window — UK faulty goods: the 30-day right to reject still runs; within_cn_return_window — China: the 7-day return still runs; psp_error — unauthorised or executed wrongly by the provider (not a chargeback)",
        "s75_possible — UK credit card: Section 75 can carry the claim (a supplier's breach, price over £100 and not over £30,000); nation — UK: england_wales | scotland | northern_ireland; us_state — US: the state's two-letter code, or none; complaint_about_bank — US complaint: about the bank (CFPB) rather than the merchant (State AG)",
        "merchant — merchant of the first transaction; first_date — its date",
        "claimed — the amount asked back, formatted (\"$4.38\" / \"人民币12.00元\")",
        "earlier — list of {step, to, to_you, sent, answered, outcome}: the steps taken before",
        "legal_basis — the law this step rests on",
        "enclosures — the evidence, each described by its kind (\"Photograph or screenshot\"), never its file name",
        "evidence — the same as items with description and source (source empty when the kind does not say who issued it)",
        "notes — the user's own account, or none",
        "reply_by — the date the answer is due under the step's rule, or none; refund_by — EU unauthorised payment: the Art. 73 refund date",
    ]
}

fn to_template_error(e: &minijinja::Error, source: &str) -> TemplateError {
    let message = match e.kind() {
        ErrorKind::UndefinedError => {
            // minijinja says only "undefined value": name the expression, which is what the
            // user has to fix (usually a misspelt field).
            match e.range().and_then(|r| source.get(r)) {
                Some(expr) if !expr.trim().is_empty() => {
                    format!("undefined value '{}'", expr.trim())
                }
                _ => "undefined value".to_string(),
            }
        }
        kind => match e.detail() {
            Some(d) => format!("{kind}: {d}"),
            None => kind.to_string(),
        },
    };
    TemplateError {
        line: e.line(),
        message,
    }
}

/// Splits rendered text into the subject (a first line `Subject:`, `事由：` or `主题：`) and
/// the body, trimming blank lines at either end of the body.
fn split_subject(text: &str) -> (String, String) {
    let trimmed = text.trim_start_matches(['\n', '\r']);
    let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    let first_t = first.trim();
    for prefix in ["Subject:", "事由：", "事由:", "主题：", "主题:"] {
        if let Some(s) = first_t.strip_prefix(prefix) {
            return (s.trim().to_string(), tidy_body(rest));
        }
    }
    (String::new(), tidy_body(trimmed))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Trailing spaces off every line, at most one blank line between paragraphs, none at the ends.
fn tidy_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Why this case has no letter for its step, or `Ok` when it has one: the step does not exist
/// for the instrument and reason (`law::step_exists`), or the facts do not meet the law the
/// letter would invoke, so it would assert what is not so.
pub fn letter_exists(req: &LetterRequest) -> Result<(), Bilingual> {
    crate::disputes::law::step_exists(req.jurisdiction, req.instrument, req.reason, req.step)?;
    // §9.3: a US claims-and-defenses letter needs a purchase over $50 and an earlier attempt
    // with the merchant.
    if req.jurisdiction == Jurisdiction::Us
        && req.instrument == Instrument::CreditCard
        && req.reason == Reason::FaultyGoods
        && req.step == Step::Bank
    {
        let price = req
            .transactions
            .iter()
            .map(|t| t.amount_minor.saturating_abs())
            .fold(0i64, i64::saturating_add)
            .max(req.amount_claimed_minor.unwrap_or(0).saturating_abs());
        let wrote = req.earlier_steps.iter().any(|e| e.step == Step::Merchant);
        crate::disputes::law::us_claims_and_defenses_open(price, wrote)?;
    }
    // Review #27: the Financial Ombudsman Service (DISP 2.8.1) and China's financial regulators
    // (银行业保险业消费投诉处理管理办法; 12363) take a complaint only once the firm has had it and
    // answered, or let its time run out. Until the case records that, the letter is not offered.
    let to_regulator = match req.jurisdiction {
        Jurisdiction::Uk => true,
        Jurisdiction::Cn => super::context::complaint_body(req) == ComplaintBody::Regulator,
        _ => false,
    };
    if req.step == Step::Association
        && to_regulator
        && super::context::bank_complaint_done(req).is_none()
    {
        return Err(Bilingual::new(
            "Complain to your bank, card issuer or platform first, and record the letter as sent. This complaint can go to the ombudsman or regulator once the firm has answered, or its time to answer has run out (UK: 8 weeks, or 15 business days for a payment-services complaint; China: 15 days, 30 if complex).",
            "请先向银行、发卡行或支付机构投诉，并记录该函件已寄出。待对方答复或答复期限届满后（英国：8周，支付服务类投诉15个工作日；中国：15日，情况复杂的30日），方可向申诉专员或监管部门投诉。",
        ));
    }
    // §9.4: 盗刷 is the bank's or platform's matter; 12315 and the 消协 take complaints about
    // a 经营者, so the complaint goes to the financial regulator.
    if req.jurisdiction == Jurisdiction::Cn
        && req.reason == Reason::NotAuthorised
        && req.step == Step::Association
        && matches!(
            req.details.complaint_body,
            Some(ComplaintBody::Market12315 | ComplaintBody::ConsumerAssociation)
        )
    {
        return Err(Bilingual::new(
            "An unauthorised charge is complained of to your bank, card issuer or platform; if you are not satisfied with its answer, complain to the National Financial Regulatory Administration (12378) or, for a payment platform, the People's Bank of China (12363) — not to 12315 or a consumer association, which handle complaints about merchants.",
            "盗刷应向开户行、发卡行或支付机构投诉；对其处理不满意的，向国家金融监督管理总局（12378）或中国人民银行（12363）投诉，而不是向处理经营者投诉的12315或消费者协会投诉。",
        ));
    }
    Ok(())
}

/// Renders the letter for `req`, with the user's template source when given, else the built-in
/// one for the request's jurisdiction, step and language (falling back to English when there
/// is none in that language: the recipient must be able to read it).
pub fn render(req: &LetterRequest, custom_template: Option<&str>) -> Result<Letter, TemplateError> {
    if let Err(why) = letter_exists(req) {
        return Err(TemplateError {
            line: None,
            message: why.get(&req.lang).to_string(),
        });
    }
    let wanted = if req.lang.starts_with("zh") {
        "zh-CN"
    } else {
        "en"
    };
    let (source, lang) = match custom_template {
        Some(src) => (src, wanted),
        None => match builtin_template(req.jurisdiction, req.step, wanted) {
            Some(src) => (src, wanted),
            None => match builtin_template(req.jurisdiction, req.step, "en") {
                Some(src) => (src, "en"),
                None => {
                    return Err(TemplateError {
                        line: None,
                        message: format!(
                            "no built-in template for {}/{}",
                            req.jurisdiction.as_str(),
                            req.step.as_str()
                        ),
                    })
                }
            },
        },
    };

    // Every template, the user's or ours: one from a restored backup is checked like any other.
    guard::check(source)?;
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_debug(true);
    env.set_fuel(Some(FUEL));
    let budget = guard::Budget::default();
    let counted = budget.clone();
    env.set_formatter(move |out, _state, value| guard::emit(&counted, out, value));
    env.add_filter("join", guard::bounded_join);
    env.add_filter("replace", guard::bounded_replace);

    let claimed = claimed_minor(req).ok_or_else(|| TemplateError {
        line: None,
        message: "the charges add up to more than one claim can hold".into(),
    })?;
    let ctx = build(req, lang, claimed);
    let tmpl = env
        .template_from_named_str("letter", source)
        .map_err(|e| to_template_error(&e, source))?;
    let mut out = guard::BoundedText::new(budget.clone());
    tmpl.render_captured_to(&ctx, &mut out)
        .map_err(|e| to_template_error(&e, source))?;
    if budget.exceeded() {
        // Text between values (no `{{ … }}` after the limit to carry a line) passed it.
        return Err(TemplateError {
            line: None,
            message: format!(
                "the letter would be longer than {} KB",
                guard::MAX_OUTPUT_BYTES / 1024
            ),
        });
    }
    let text = out.into_string();
    let (subject, body) = split_subject(&text);

    let court_complaint = req.step == Step::Court && req.jurisdiction == Jurisdiction::Cn;
    let mut sender = vec![ctx.sender.name.clone()];
    sender.extend(ctx.sender.address.iter().cloned());
    sender.extend(ctx.sender.email.iter().cloned());
    sender.extend(ctx.sender.phone.iter().cloned());
    sender.retain(|l| !l.trim().is_empty());
    // An unnamed recipient is its role ("the card issuer"): it opens the address block.
    let mut recipient = vec![capitalised(&ctx.recipient.name)];
    recipient.extend(
        ctx.recipient
            .address
            .iter()
            .filter(|l| **l != ctx.recipient.name)
            .cloned(),
    );

    Ok(Letter {
        lang: lang.to_string(),
        kind: if court_complaint {
            "complaint"
        } else {
            "letter"
        }
        .to_string(),
        title: if court_complaint {
            "民事起诉状"
        } else {
            ""
        }
        .to_string(),
        sender,
        recipient,
        date: date(req.today, lang),
        subject,
        body,
        // A 起诉状 lists its evidence in the body (with sources); between "此致 ××人民法院" and
        // 具状人 it notes the copies filed with it, one per defendant (附：本起诉状副本×份, SPC
        // 民事诉讼文书样式 2016). Our complaints name one defendant.
        enclosures: if court_complaint && lang != "en" {
            vec![
                "本起诉状副本一份".to_string(),
                "证据材料复印件一套".to_string(),
            ]
        } else {
            ctx.enclosures.clone()
        },
        signature: ctx.sender.name.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_line_is_split_off() {
        let (s, b) = split_subject("Subject: Billing error\n\nDear Sir,\n\n\n\nThanks  \n");
        assert_eq!(s, "Billing error");
        assert_eq!(b, "Dear Sir,\n\nThanks");
        let (s, b) = split_subject("\n事由：退款\n正文");
        assert_eq!(s, "退款");
        assert_eq!(b, "正文");
        let (s, b) = split_subject("No subject here\nline two");
        assert_eq!(s, "");
        assert_eq!(b, "No subject here\nline two");
    }

    #[test]
    fn every_builtin_template_exists_and_parses() {
        let env = Environment::new();
        for j in Jurisdiction::ALL {
            for step in Step::ALL {
                let en = builtin_template(j, step, "en").expect("English for every pair");
                env.template_from_str(en).unwrap();
                if j == Jurisdiction::Cn {
                    env.template_from_str(builtin_template(j, step, "zh-CN").unwrap())
                        .unwrap();
                }
            }
        }
    }
}
