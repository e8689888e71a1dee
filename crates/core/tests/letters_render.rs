//! Every built-in letter renders for a sample case and carries the elements the fact sheet
//! requires (disputes-facts §1.4, §2.3, §2.5, §3, §4.1–§4.6) and the case's facts.

use chrono::NaiveDate;
use recourse_core::disputes::{Instrument, Jurisdiction, Reason, Step};
use recourse_core::letters::{
    builtin_template, render, EarlierStep, Letter, LetterParty, LetterRequest, LetterTransaction,
    Sender,
};
use recourse_core::money::Currency;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn currency_of(j: Jurisdiction) -> Currency {
    match j {
        Jurisdiction::Us => Currency::USD,
        Jurisdiction::Uk => Currency::GBP,
        Jurisdiction::Eu => Currency::EUR,
        Jurisdiction::Cn => Currency::CNY,
    }
}

/// A double charge of 4.38 at Philz Coffee on 12 April 2026, lines 74 and 75 of chase.csv;
/// the merchant was written to on 3 March 2026 and never answered.
fn sample(j: Jurisdiction, step: Step, lang: &str) -> LetterRequest {
    let c = currency_of(j);
    let txn = |line| LetterTransaction {
        date: d(2026, 2, 12),
        posted_date: Some(d(2026, 2, 13)),
        merchant: "Philz Coffee".into(),
        description: "TST* PHILZ COFFEE #12".into(),
        amount_minor: -438,
        currency: c,
        source_file: "chase.csv".into(),
        source_line: line,
    };
    let earlier: Vec<EarlierStep> = Step::ALL
        .iter()
        .filter(|s| **s < step)
        .enumerate()
        .map(|(n, s)| EarlierStep {
            step: *s,
            sent: d(2026, 3, 3 + 2 * n as u32),
            answered: None,
            outcome: None,
            recipient: None,
        })
        .collect();
    LetterRequest {
        lang: lang.into(),
        jurisdiction: j,
        instrument: Instrument::CreditCard,
        reason: Reason::DoubleCharge,
        step,
        sender: Sender {
            name: "Jane Doe".into(),
            address: vec!["1 Main Street".into(), "Springfield".into()],
            email: Some("jane@example.com".into()),
            phone: Some("555-0100".into()),
            particulars: Default::default(),
        },
        recipient: None,
        counterparty: Some(LetterParty {
            name: Some("Philz Coffee".into()),
            address: vec!["300 Folsom St".into()],
        }),
        account_last4: Some("4242".into()),
        transactions: vec![txn(74), txn(75)],
        amount_claimed_minor: None,
        earlier_steps: earlier,
        legal_basis: None,
        enclosures: vec!["receipt.pdf".into(), "statement-april.pdf".into()],
        notes: Some("I paid once at the counter.".into()),
        today: d(2026, 4, 2),
        details: Default::default(),
    }
}

fn full_text(l: &Letter) -> String {
    format!("{}\n{}\n{}", l.title, l.subject, l.body)
}

fn assert_has(text: &str, needles: &[&str], what: &str) {
    for n in needles {
        assert!(text.contains(n), "{what}: missing {n:?} in\n{text}");
    }
}

/// The case's facts every letter must carry, in the letter's language.
fn assert_case_facts(l: &Letter, j: Jurisdiction, step: Step) {
    let text = full_text(l);
    let what = format!("{j:?}/{step:?}/{}", l.lang);
    let zh = l.lang == "zh-CN";
    let amount = match (j, zh) {
        (Jurisdiction::Us, _) => "$4.38",
        (Jurisdiction::Uk, _) => "£4.38",
        (Jurisdiction::Eu, _) => "€4.38",
        (Jurisdiction::Cn, false) => "¥4.38",
        (Jurisdiction::Cn, true) => "人民币4.38元",
    };
    let date = if zh {
        "2026年2月12日"
    } else {
        "12 February 2026"
    };
    assert_has(
        &text,
        &[
            amount,
            date,
            "Philz Coffee",
            "TST* PHILZ COFFEE #12",
            "I paid once at the counter.",
        ],
        &what,
    );
    // disputes-facts §9.5: what the recipient can check, never our file name and line.
    assert!(!text.contains("chase.csv"), "{what}: quotes the file name");
    if step != Step::Merchant {
        // The merchant was written to on 3 March 2026 and never answered.
        let earlier = if zh {
            "2026年3月3日"
        } else {
            "3 March 2026"
        };
        assert_has(&text, &[earlier], &what);
    }
    if zh && j == Jurisdiction::Cn && step == Step::Court {
        // A 起诉状 lists its evidence in the body, each with its source; what follows 具状人 is
        // the note of copies filed with it (附：).
        assert_has(
            &text,
            &[
                "书面材料（PDF）（1）（来源：",
                "书面材料（PDF）（2）（来源：",
            ],
            &what,
        );
        assert_eq!(l.enclosures[0], "本起诉状副本一份", "{what}");
    } else {
        assert_eq!(
            l.enclosures,
            // §9.5: described by kind, never by file name.
            if zh {
                vec![
                    "书面材料（PDF）（1）".to_string(),
                    "书面材料（PDF）（2）".to_string(),
                ]
            } else {
                vec![
                    "Document (PDF copy) (1)".to_string(),
                    "Document (PDF copy) (2)".to_string(),
                ]
            },
            "{what}"
        );
    }
    assert_eq!(l.signature, "Jane Doe");
    assert_eq!(l.sender[0], "Jane Doe");
    assert!(l.sender.contains(&"jane@example.com".to_string()));
    assert_eq!(
        l.date,
        if zh {
            "2026年4月2日"
        } else {
            "2 April 2026"
        }
    );
    assert!(!l.subject.is_empty(), "{what}: subject");
    assert!(
        !l.body.contains("{{") && !l.body.contains("{%"),
        "{what}: unrendered tags"
    );
    assert!(
        !l.body.contains("\n\n\n"),
        "{what}: more than one blank line"
    );
    // Only the last four digits of the account, never more.
    assert!(!text.contains("4242424242"));
}

/// Required elements per jurisdiction × step × language, from the fact sheet.
fn required(j: Jurisdiction, step: Step, lang: &str) -> Vec<&'static str> {
    use Jurisdiction::*;
    use Step::*;
    match (j, step, lang) {
        // disputes-facts §1.4: request to refund, reply window, state-law leverage.
        (Us, Merchant, _) => vec!["refund $4.38", "16 April 2026", "Fair Credit Billing Act"],
        // §1.1 / §1.4: name, account (last 4), type/date/amount, why, correct + credit finance
        // charges, accurate statement, 30/90 days.
        (Us, Bank, _) => vec![
            "Billing error notice",
            "Name: Jane Doe",
            "ending 4242",
            "Type of error: duplicate charge",
            "Why:",
            "finance charges",
            "accurate statement",
            "30 days",
            "90 days",
            "§1026.13",
            "enclose copies",
        ],
        // §1.5: what happened, amount lost, desired resolution, earlier contact.
        (Us, Association, _) => vec![
            "What happened",
            "Amount lost: $4.38",
            "Desired resolution",
            "What I have done so far",
        ],
        // §1.7: final demand before small claims.
        (Us, Court, _) => vec![
            "final demand",
            "small-claims court",
            "from Philz Coffee",
            // §9.3: no state recorded, so no state's pre-suit notice is claimed.
            "Please pay $4.38 by",
        ],
        // §2.2, §9.2: a double charge rests on the contract (the CRA's remedies are for faulty
        // goods); the next step is the card issuer's chargeback, never Section 75.
        (Uk, Merchant, _) => vec![
            "Only the agreed price was due",
            "ask my card issuer for a chargeback",
        ],
        // §9.1, §9.2: a duplicate card debit is a chargeback (duplicate processing); FOS next.
        (Uk, Bank, _) => vec![
            "chargeback",
            "duplicate processing",
            // §9.2: a duplicate payment is a payment-services complaint: only the 15 days apply.
            "15 business days",
            "Financial Ombudsman Service",
        ],
        // §2.3: complained to the firm first, 8 weeks, 6 months.
        (Uk, Association, _) => vec![
            "Financial Ombudsman Service",
            "complained to the firm first",
            "6 months",
        ],
        // §2.5 PD-PAC para 6: basis, facts, what is wanted, calculation, 14 days, documents, ADR.
        (Uk, Court, _) => vec![
            "LETTER BEFORE CLAIM",
            "Pre-Action Conduct",
            "The basis of the claim",
            "The facts",
            "What I want",
            "How the sum is calculated",
            "within 14 days",
            "alternative dispute resolution",
            "key documents",
        ],
        // §9.1: the merchant claim rests on consumer law, not PSD2.
        (Eu, Merchant, _) => vec!["refund €4.38", "national consumer law"],
        // §9.1: a card double charge leads with the chargeback (duplicate processing, Art. 64).
        (Eu, Bank, _) => vec!["chargeback", "duplicate processing", "Art. 64"],
        (Eu, Association, _) => vec!["complaint", "Steps taken so far", "refund of €4.38"],
        (Eu, Court, _) => vec![
            "formal notice",
            "Claimant: Jane Doe",
            "Defendant: Philz Coffee",
        ],
        // §9.4: a double charge is returned as 不当得利 (民法典 第985条); no 第25/55条.
        (Cn, Merchant, "zh-CN") => {
            vec!["协商函", "消费者权益保护法", "第三十九条", "第九百八十五条"]
        }
        (Cn, Merchant, _) => vec!["Article 39(1)", "art. 985"],
        // §4.4: 发卡行 dispute through UnionPay, then 12378.
        (Cn, Bank, "zh-CN") => vec!["发卡行", "争议", "调单", "退单", "12378"],
        (Cn, Bank, _) => vec!["UnionPay", "12378"],
        // §4.2 / §4.3: parties' details, specific request, facts, negotiation, evidence, 3 years.
        (Cn, Association, "zh-CN") => vec![
            "投诉人：Jane Doe",
            "联系电话：555-0100",
            "通讯地址：",
            "被投诉人：Philz Coffee",
            "被投诉人地址：300 Folsom St",
            "投诉请求",
            "事实和理由",
            "协商情况",
            "证据清单",
            "三年内",
            "第四十六条",
        ],
        (Cn, Association, _) => vec![
            "Complainant: Jane Doe",
            "Respondent: Philz Coffee",
            "Request:",
            "Facts and reasons",
            "Evidence",
        ],
        // §4.6 民事诉讼法 第一百二十四条.
        (Cn, Court, "zh-CN") => vec![
            "原告：Jane Doe",
            "被告：Philz Coffee",
            "诉讼请求",
            "事实与理由",
            "证据和证据来源、证人姓名和住所",
            // The conventional ending, not a citation of the procedure law (review #27).
            "特向贵院提起诉讼，请依法判决。",
            "不当得利纠纷",
            // 此致 and the court's name are laid out by the document layer (legal_matrix).
        ],
        (Cn, Court, _) => vec![
            "Plaintiff: Jane Doe",
            "Defendant: Philz Coffee",
            "Claims:",
            "Facts and reasons",
            "Evidence and its sources, witnesses",
        ],
    }
}

#[test]
fn every_builtin_letter_carries_required_elements_and_the_case_facts() {
    let mut rendered = 0;
    for j in Jurisdiction::ALL {
        for step in Step::ALL {
            for lang in ["en", "zh-CN"] {
                if builtin_template(j, step, lang).is_none() {
                    continue;
                }
                let l = render(&sample(j, step, lang), None).unwrap();
                assert_eq!(l.lang, lang);
                // The fact sheet is our source, never something a letter cites.
                assert!(
                    !full_text(&l).contains("disputes-facts"),
                    "{j:?}/{step:?}/{lang}"
                );
                assert_case_facts(&l, j, step);
                assert_has(
                    &full_text(&l),
                    &required(j, step, lang),
                    &format!("{j:?}/{step:?}/{lang}"),
                );
                rendered += 1;
            }
        }
    }
    assert_eq!(
        rendered, 20,
        "16 English letters and 4 Chinese ones for China"
    );
}

#[test]
fn cn_court_step_is_a_civil_complaint() {
    let l = render(&sample(Jurisdiction::Cn, Step::Court, "zh-CN"), None).unwrap();
    assert_eq!(l.kind, "complaint");
    assert_eq!(l.title, "民事起诉状");
    // The SPC model form names the court (此致 ××人民法院): a blank the user fills by hand.
    assert_eq!(l.recipient, vec!["＿＿＿＿＿＿人民法院".to_string()]);
    let other = render(&sample(Jurisdiction::Uk, Step::Court, "en"), None).unwrap();
    assert_eq!(other.kind, "letter");
    assert_eq!(other.title, "");
    // Outside China the court step goes to the other side first.
    assert_eq!(
        other.recipient,
        vec!["Philz Coffee".to_string(), "300 Folsom St".to_string()]
    );
}

#[test]
fn unknown_recipient_is_its_department_and_known_one_is_used() {
    // Review #20: no bracketed instruction; the department the letter goes to, and no address.
    let l = render(&sample(Jurisdiction::Us, Step::Bank, "en"), None).unwrap();
    assert_eq!(
        l.recipient,
        vec!["Card issuer, billing inquiries".to_string()]
    );
    let mut req = sample(Jurisdiction::Us, Step::Bank, "en");
    req.recipient = Some(LetterParty {
        name: Some("Chase Card Services".into()),
        address: vec!["PO Box 15298".into(), "Wilmington, DE 19850".into()],
    });
    let l = render(&req, None).unwrap();
    assert_eq!(
        l.recipient,
        vec![
            "Chase Card Services",
            "PO Box 15298",
            "Wilmington, DE 19850"
        ]
    );
}

#[test]
fn debit_card_uses_regulation_e() {
    let mut req = sample(Jurisdiction::Us, Step::Bank, "en");
    req.instrument = Instrument::DebitCard;
    let l = render(&req, None).unwrap();
    assert_has(
        &l.body,
        &[
            "Regulation E",
            "§1005.11",
            "10 business days",
            "90 days",
            "§1005.11(c)(3)(ii)",
        ],
        "reg e",
    );
    // 90 days only for a point-of-sale, foreign or new-account transfer, which the app cannot
    // tell from an ATM withdrawal (45 days): both are stated, neither assumed.
    assert!(
        l.body
            .contains("45 days, or 90 days if this was a point-of-sale"),
        "{}",
        l.body
    );
    assert!(!l.body.contains("finance charges"));
    assert!(l.subject.starts_with("Notice of error"));
}

#[test]
fn earlier_answers_and_outcomes_are_quoted() {
    let mut req = sample(Jurisdiction::Us, Step::Bank, "en");
    req.earlier_steps = vec![EarlierStep {
        step: Step::Merchant,
        sent: d(2026, 3, 3),
        answered: Some(d(2026, 3, 10)),
        outcome: Some("they refused".into()),
        recipient: Some("Philz Coffee".into()),
    }];
    let l = render(&req, None).unwrap();
    assert!(l.body.contains("I wrote to Philz Coffee on 3 March 2026 and received an answer on 10 March 2026: they refused."), "{}", l.body);
    // A second letter to the same recipient says "you".
    req.earlier_steps[0].step = Step::Bank;
    req.earlier_steps[0].answered = None;
    let l = render(&req, None).unwrap();
    assert!(
        l.body
            .contains("I wrote to you on 3 March 2026 and have had no reply."),
        "{}",
        l.body
    );
    let mut zh = sample(Jurisdiction::Cn, Step::Bank, "zh-CN");
    zh.earlier_steps[0].step = Step::Bank;
    let l = render(&zh, None).unwrap();
    assert!(
        l.body
            .contains("本人已于2026年3月3日向贵方提出，至今未获答复。"),
        "{}",
        l.body
    );
}

#[test]
fn amounts_claimed_and_account_digits() {
    // A double charge claims all but the first charge; other reasons claim the sum.
    let mut req = sample(Jurisdiction::Cn, Step::Merchant, "zh-CN");
    req.transactions[1].amount_minor = -1200;
    assert!(render(&req, None)
        .unwrap()
        .body
        .contains("将人民币12.00元退回"));
    req.reason = Reason::WrongAmount;
    assert!(render(&req, None)
        .unwrap()
        .body
        .contains("将人民币16.38元退回"));
    req.amount_claimed_minor = Some(500);
    assert!(render(&req, None)
        .unwrap()
        .body
        .contains("将人民币5.00元退回"));
    // A full card number stored by mistake still shows only its last four digits.
    let mut req = sample(Jurisdiction::Us, Step::Bank, "en");
    req.account_last4 = Some("4111 1111 1111 4242".into());
    let l = render(&req, None).unwrap();
    assert!(l.body.contains("ending 4242") && !l.body.contains("4111"));
}

#[test]
fn chinese_request_without_a_chinese_template_falls_back_to_english() {
    let l = render(&sample(Jurisdiction::Us, Step::Bank, "zh-CN"), None).unwrap();
    assert_eq!(l.lang, "en");
    assert!(l.body.contains("Regulation Z"));
}

#[test]
fn unauthorised_cn_bank_letter_states_report_and_police_only_when_recorded() {
    let mut req = sample(Jurisdiction::Cn, Step::Bank, "zh-CN");
    req.reason = Reason::NotAuthorised;
    // Nothing recorded: the letter claims no report and no police (disputes-facts §9.5).
    let l = render(&req, None).unwrap();
    assert_has(
        &l.body,
        &["盗刷", "银行卡民事纠纷", "第七条"],
        "cn unauthorised",
    );
    for claim in ["挂失", "报警", "报案", "立即"] {
        assert!(
            !l.body.contains(claim),
            "claims {claim} without the case saying so"
        );
    }
    req.details.reported_on = Some(d(2026, 2, 13));
    req.details.police_report = Some("A2026-77".into());
    let l = render(&req, None).unwrap();
    assert_has(
        &l.body,
        &["2026年2月13日向贵方报告并办理挂失", "报案回执编号A2026-77"],
        "cn unauthorised, recorded",
    );
    req.instrument = Instrument::PaymentPlatform;
    let l = render(&req, None).unwrap();
    assert_has(&l.body, &["支付机构", "12363"], "cn platform");
}

#[test]
fn no_ladder_text_that_reaches_a_letter_cites_the_internal_fact_sheet() {
    use recourse_core::disputes::{ladder, Instrument};
    for j in Jurisdiction::ALL {
        for i in Instrument::ALL {
            for rule in ladder(j, i) {
                for text in [
                    &rule.legal_basis.en,
                    &rule.legal_basis.zh,
                    &rule.recipient.en,
                    &rule.recipient.zh,
                ] {
                    assert!(!text.contains("disputes-facts"), "{j:?}/{i:?}: {text}");
                }
            }
        }
    }
}

/// Review #24: the statement / particulars of claim are a page the user keeps, not part of the
/// letter to the defendant.
#[test]
fn court_worksheet_is_a_separate_page() {
    for j in [Jurisdiction::Us, Jurisdiction::Uk] {
        let req = sample(j, Step::Court, "en");
        let letter = render(&req, None).unwrap();
        let text = full_text(&letter);
        for m in ["STATEMENT OF CLAIM", "PARTICULARS OF CLAIM", "has not paid"] {
            assert!(!text.contains(m), "{j:?}: the letter must not carry {m}");
        }
        let sheet = recourse_core::letters::claim_worksheet(&req)
            .unwrap()
            .unwrap();
        assert_eq!(sheet.kind, "worksheet");
        assert!(sheet.recipient.is_empty());
        let body = full_text(&sheet);
        assert_has(
            &body,
            &["do not send it", "Jane Doe", "Philz Coffee"],
            "sheet",
        );
        assert!(
            body.contains("did not pay by") || body.contains("was not made by"),
            "{body}"
        );
    }
    let req = sample(Jurisdiction::Uk, Step::Merchant, "en");
    assert!(recourse_core::letters::claim_worksheet(&req)
        .unwrap()
        .is_none());
}

/// The letter's reply-by date is the plan's, counted with the case's holiday calendar
/// (disputes-facts §9.5; review #17).
mod calendars {
    use super::*;
    use recourse_core::disputes::{plan, CaseFacts, StepRecord};

    fn facts_of(req: &LetterRequest) -> CaseFacts {
        CaseFacts {
            jurisdiction: req.jurisdiction,
            instrument: req.instrument,
            reason: req.reason,
            transaction_date: req.transactions[0].date,
            posted_date: None,
            statement_date: None,
            amount_minor: 438,
            currency: currency_of(req.jurisdiction),
            delivered_on: None,
            region: req.details.region.clone(),
            transfer: req.details.transfer,
        }
    }

    /// The plan of the same case once the letter is sent on the letter's date.
    fn plan_step(req: &LetterRequest) -> recourse_core::disputes::StepPlan {
        let sent = StepRecord {
            step: req.step,
            sent: Some(req.today),
            answered: None,
            outcome: None,
        };
        plan(&facts_of(req), &[sent], req.today)
            .steps
            .into_iter()
            .find(|s| s.step == req.step)
            .unwrap()
    }

    fn uk_bank(region: Option<&str>) -> LetterRequest {
        let mut req = sample(Jurisdiction::Uk, Step::Bank, "en");
        req.details.region = region.map(str::to_string);
        // Tuesday 22 December 2026: received Thursday 24 December; 15 business days run
        // over Christmas, the substitute Boxing Day (28 December) and New Year.
        req.today = d(2026, 12, 22);
        req
    }

    #[test]
    fn uk_letter_uses_the_nations_bank_holidays_like_the_plan() {
        // England and Wales: 25, 28 December, 1 January → Tuesday 19 January 2027.
        let ew = render(&uk_bank(None), None).unwrap();
        assert_has(
            &ew.body,
            &[
                "within 15 business days of receiving this letter",
                "by 19 January 2027",
            ],
            "E&W",
        );
        // Scotland adds 2 January (a Saturday in 2027, so Monday 4 January) → 20 January.
        let sc_req = uk_bank(Some("scotland"));
        let sc = render(&sc_req, None).unwrap();
        assert_has(&sc.body, &["by 20 January 2027"], "Scotland");
        let p = plan_step(&sc_req);
        assert_eq!(p.answer_due, Some(d(2027, 1, 20)));
        assert!(p.calendar.unwrap().en.contains("Scotland"));
        // Northern Ireland has no 2 January holiday: same as England and Wales.
        let ni = render(&uk_bank(Some("northern_ireland")), None).unwrap();
        assert_has(&ni.body, &["by 19 January 2027"], "NI");
    }

    #[test]
    fn cn_bank_letter_moves_a_last_day_in_golden_week_and_gives_no_date_in_an_unpublished_year() {
        let mut req = sample(Jurisdiction::Cn, Step::Bank, "zh-CN");
        req.reason = Reason::NotAuthorised;
        // Sent Tuesday 15 September 2026, received Thursday 17th; 15 days end on 2 October,
        // inside Golden Week (1–7 October) → Thursday 8 October (民法典 第203条).
        req.today = d(2026, 9, 15);
        let l = render(&req, None).unwrap();
        assert_has(&l.body, &["请于2026年10月8日前书面答复"], "Golden Week");
        assert_eq!(plan_step(&req).answer_due, Some(d(2026, 10, 8)));
        // Sent 20 December 2026: the period runs into 2027, whose holidays the State Council
        // has not published. The letter states the period; the plan keeps a date and says why.
        req.today = d(2026, 12, 20);
        let l = render(&req, None).unwrap();
        assert_has(
            &l.body,
            &["请自收到本函之日起15日内书面答复处理结果"],
            "2027",
        );
        assert!(!l.body.contains("2027年"), "{}", l.body);
        let p = plan_step(&req);
        assert!(p.answer_due.is_some());
        assert!(
            p.notes
                .iter()
                .any(|n| n.en.contains("holidays of 2027 are not yet published")
                    && n.zh.contains("2027年的节假日安排尚未公布")),
            "{:?}",
            p.notes
        );
        let mut en = req.clone();
        en.lang = "en".into();
        let l = render(&en, None).unwrap();
        assert_has(
            &l.body,
            &["within 15 days of receiving this letter"],
            "2027 en",
        );
    }

    #[test]
    fn us_final_demand_counts_receipt_past_a_federal_holiday() {
        let mut req = sample(Jurisdiction::Us, Step::Court, "en");
        // Tuesday 10 November 2026: Veterans Day (Wednesday 11th) is skipped, so the demand is
        // received on Friday 13th and 30 days run to 13 December (weekends only: 12 December).
        req.today = d(2026, 11, 10);
        let l = render(&req, None).unwrap();
        assert_has(&l.body, &["by 13 December 2026"], "US");
    }

    fn eu_unauthorised(region: Option<&str>) -> LetterRequest {
        let mut req = sample(Jurisdiction::Eu, Step::Bank, "en");
        req.reason = Reason::NotAuthorised;
        req.details.region = region.map(str::to_string);
        // Monday 11 May 2026, received Wednesday 13th; Thursday 14th is Ascension.
        req.today = d(2026, 5, 11);
        req
    }

    #[test]
    fn eu_letter_uses_the_countrys_holidays_or_gives_no_date() {
        // Germany: Ascension (14 May) and Whit Monday (25 May) are not business days.
        let de_req = eu_unauthorised(Some("DE"));
        let de = render(&de_req, None).unwrap();
        assert_has(&de.body, &["(15 May 2026)", "by 5 June 2026"], "DE");
        let p = plan_step(&de_req);
        assert_eq!(p.answer_due, Some(d(2026, 5, 15)));
        assert_eq!(p.final_answer_due, Some(d(2026, 6, 5)));
        assert!(p.calendar.unwrap().en.contains("Germany"));
        // Spain keeps neither: the next business day is the 14th, and 3 June.
        let es = render(&eu_unauthorised(Some("es")), None).unwrap();
        assert_has(&es.body, &["(14 May 2026)", "by 3 June 2026"], "ES");
        // Country unknown: the periods without dates, and the plan says why.
        let none_req = eu_unauthorised(None);
        let none = render(&none_req, None).unwrap();
        assert_has(
            &none.body,
            &[
                "by the end of the next business day, and",
                "within 15 business days of receiving it (35 in exceptional cases).",
            ],
            "EU unknown",
        );
        assert!(
            !none.body.contains("2026,") && !none.body.contains("June 2026"),
            "{}",
            none.body
        );
        let p = plan_step(&none_req);
        assert!(
            p.notes
                .iter()
                .any(|n| n.en.contains("does not record your country")),
            "{:?}",
            p.notes
        );
        // A chargeback reminder without a country: the period, no date.
        let mut cb = eu_unauthorised(None);
        cb.reason = Reason::NotReceived;
        let l = render(&cb, None).unwrap();
        assert_has(
            &l.body,
            &["within 15 business days of receiving this letter, whether"],
            "chargeback",
        );
    }
}

/// The smaller points of the legal review (#27).
mod review_27 {
    use super::*;

    #[test]
    fn eu_letter_claims_the_13_months_only_while_they_run() {
        let mut req = sample(Jurisdiction::Eu, Step::Bank, "en");
        req.reason = Reason::NotAuthorised;
        req.details.region = Some("DE".into());
        // Debited 13 February 2026: 13 months run to 13 March 2027.
        let l = render(&req, None).unwrap();
        assert_has(
            &l.body,
            &["without undue delay and within 13 months of the debit date"],
            "within",
        );
        req.today = d(2027, 3, 14);
        let l = render(&req, None).unwrap();
        assert!(!l.body.contains("13 months"), "{}", l.body);
        assert_has(&l.body, &["without undue delay (Art. 71"], "after");
    }

    #[test]
    fn uk_cancelled_subscription_withdraws_consent_to_later_payments() {
        for i in [Instrument::CreditCard, Instrument::DebitCard] {
            let mut req = sample(Jurisdiction::Uk, Step::Bank, "en");
            req.reason = Reason::CancelledSubscription;
            req.instrument = i;
            let l = render(&req, None).unwrap();
            assert_has(
                &l.body,
                &[
                    "I withdraw my consent to any further payments to Philz Coffee",
                    "reg. 67(3) and (4)",
                    "(reg. 76)",
                ],
                "CPA",
            );
        }
        let l = render(&sample(Jurisdiction::Uk, Step::Bank, "en"), None).unwrap();
        assert!(!l.body.contains("withdraw my consent"), "{}", l.body);
    }

    #[test]
    fn cn_complaint_ends_conventionally_and_a_platform_account_has_no_card_digits() {
        let mut req = sample(Jurisdiction::Cn, Step::Court, "zh-CN");
        let l = render(&req, None).unwrap();
        assert!(
            !l.body.contains("第一百二十二条") && !l.body.contains("判如所请"),
            "{}",
            l.body
        );
        req.instrument = Instrument::PaymentPlatform;
        req.reason = Reason::NotAuthorised;
        let l = render(&req, None).unwrap();
        assert_has(&l.body, &["原告系被告平台用户。"], "platform");
        assert!(!l.body.contains("尾号4242"), "{}", l.body);
        let mut bank = sample(Jurisdiction::Cn, Step::Bank, "zh-CN");
        bank.instrument = Instrument::PaymentPlatform;
        let l = render(&bank, None).unwrap();
        assert_has(&l.body, &["系贵平台用户，"], "platform bank");
        assert!(!l.body.contains("尾号4242"), "{}", l.body);
        let mut card = sample(Jurisdiction::Cn, Step::Bank, "zh-CN");
        card.instrument = Instrument::DebitCard;
        assert_has(
            &render(&card, None).unwrap().body,
            &["（尾号4242）"],
            "card",
        );
    }

    fn without_bank_step(mut req: LetterRequest) -> LetterRequest {
        req.earlier_steps.retain(|e| e.step != Step::Bank);
        req
    }

    #[test]
    fn ombudsman_and_regulator_complaints_wait_for_the_firm() {
        // No complaint to the bank recorded: the FOS letter is not offered.
        let fos = without_bank_step(sample(Jurisdiction::Uk, Step::Association, "en"));
        let err = render(&fos, None).unwrap_err();
        assert!(
            err.message.contains("Complain to your bank"),
            "{}",
            err.message
        );
        // Sent but still within its time (sent 1 April, today 2 April): still not offered.
        let mut pending = fos.clone();
        pending.earlier_steps.push(EarlierStep {
            step: Step::Bank,
            sent: d(2026, 4, 1),
            answered: None,
            outcome: None,
            recipient: None,
        });
        assert!(render(&pending, None).is_err());
        // Overdue: offered, and says the firm has not answered in time — although the
        // merchant, whose letter comes last, did answer.
        let mut overdue = fos.clone();
        overdue.earlier_steps.push(EarlierStep {
            step: Step::Bank,
            sent: d(2026, 3, 5),
            answered: None,
            outcome: None,
            recipient: None,
        });
        overdue.earlier_steps.push(EarlierStep {
            step: Step::Merchant,
            sent: d(2026, 3, 20),
            answered: Some(d(2026, 3, 25)),
            outcome: None,
            recipient: None,
        });
        let l = render(&overdue, None).unwrap();
        assert_has(
            &l.body,
            &["it has not sent a final response within the time allowed"],
            "overdue",
        );
        assert!(
            !l.body.contains("not satisfied with its final response"),
            "{}",
            l.body
        );
        // Answered: "not satisfied with its final response".
        let mut answered = fos.clone();
        answered.earlier_steps.push(EarlierStep {
            step: Step::Bank,
            sent: d(2026, 3, 30),
            answered: Some(d(2026, 4, 1)),
            outcome: None,
            recipient: None,
        });
        assert_has(
            &render(&answered, None).unwrap().body,
            &["I am not satisfied with its final response"],
            "answered",
        );
        // China: the regulator (12378) likewise; 12315 about the merchant does not wait.
        let mut cn = without_bank_step(sample(Jurisdiction::Cn, Step::Association, "zh-CN"));
        assert!(render(&cn, None).is_ok(), "12315 needs no bank step");
        cn.details.complaint_body = Some(recourse_core::disputes::ComplaintBody::Regulator);
        assert!(render(&cn, None).is_err());
        cn.earlier_steps.push(EarlierStep {
            step: Step::Bank,
            sent: d(2026, 3, 5),
            answered: None,
            outcome: None,
            recipient: None,
        });
        assert_has(
            &render(&cn, None).unwrap().body,
            &["本人已先向被投诉人投诉"],
            "cn overdue",
        );
    }
}
