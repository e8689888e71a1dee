//! Deadlines and warnings checked against the fact sheet (disputes-facts §1–§4, §7).

use chrono::NaiveDate;
use recourse_core::disputes::{
    plan, CaseFacts, CasePlan, Instrument, Jurisdiction, Reason, Step, StepPlan, StepRecord,
    TransferKind, WarningLevel,
};
use recourse_core::money::Currency;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn facts(j: Jurisdiction, i: Instrument, reason: Reason) -> CaseFacts {
    CaseFacts {
        jurisdiction: j,
        instrument: i,
        reason,
        transaction_date: d(2024, 3, 1),
        posted_date: Some(d(2024, 3, 2)),
        statement_date: Some(d(2024, 3, 15)),
        amount_minor: 438,
        currency: Currency::USD,
        delivered_on: None,
        region: None,
        transfer: None,
    }
}

fn sent(step: Step, on: NaiveDate) -> StepRecord {
    StepRecord {
        step,
        sent: Some(on),
        answered: None,
        outcome: None,
    }
}

fn step(p: &CasePlan, s: Step) -> &StepPlan {
    p.steps.iter().find(|x| x.step == s).unwrap()
}

#[test]
fn us_credit_card_60_days_from_the_statement() {
    // disputes-facts §1.1: received ≤ 60 days after the first statement showing the charge.
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    let p = plan(&f, &[], d(2024, 3, 20));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.send_by, Some(d(2024, 5, 14)));
    assert!(bank.basis.en.contains("§1026.13(b)(1)"));
    assert!(!bank
        .notes
        .iter()
        .any(|n| n.en.contains("Statement date not given")));
}

#[test]
fn us_statement_date_defaults_to_posting_date_and_says_so() {
    let mut f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    f.statement_date = None;
    let p = plan(&f, &[], d(2024, 3, 20));
    let bank = step(&p, Step::Bank);
    assert_eq!(
        bank.send_by,
        Some(d(2024, 5, 1)),
        "posting date 2 March + 60 days"
    );
    assert!(
        bank.notes.iter().any(|n| n
            .en
            .starts_with("Statement date not given: counted from the posting date 2024-03-02")),
        "{:?}",
        bank.notes
    );
    assert!(bank
        .notes
        .iter()
        .any(|n| n.zh.contains("按入账日期2024年3月2日计算")));
    assert!(p
        .warnings
        .iter()
        .any(|w| w.level == WarningLevel::Info && w.message_en.contains("posting date")));
    // No posting date either: the transaction date, and the note says that.
    f.posted_date = None;
    let p = plan(&f, &[], d(2024, 3, 20));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.send_by, Some(d(2024, 4, 30)));
    assert!(bank
        .notes
        .iter()
        .any(|n| n.en.contains("transaction date 2024-03-01")));
}

#[test]
fn us_credit_issuer_acknowledges_in_30_and_resolves_in_90_days() {
    // disputes-facts §1.1: acknowledgment ≤ 30 days, resolution ≤ 90 days.
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    // Sent Monday 1 April 2024, taken as received Wednesday 3 April (the clocks run from receipt).
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 1))], d(2024, 4, 2));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.answer_due, Some(d(2024, 5, 3)));
    assert_eq!(bank.final_answer_due, Some(d(2024, 7, 2)));
    assert_eq!(p.next_action.step, Step::Bank);
    assert_eq!(p.next_action.by, Some(d(2024, 5, 3)));
    assert!(p
        .next_action
        .what_en
        .contains("Wait for the answer from the card issuer"));
}

#[test]
fn us_debit_reg_e_10_business_days_across_weekends_and_45_days() {
    // disputes-facts §1.2: 10 business days (or provisional credit), 45 calendar days.
    let f = facts(
        Jurisdiction::Us,
        Instrument::DebitCard,
        Reason::NotAuthorised,
    );
    // Sent on Friday 5 April 2024, received Tuesday 9 April: ten business days end on Tuesday
    // 23 April.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 5))], d(2024, 4, 6));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.answer_due, Some(d(2024, 4, 23)));
    // §9.3: a point-of-sale debit-card transaction gets 90 days, not 45.
    assert_eq!(bank.final_answer_due, Some(d(2024, 7, 8)));
    assert!(bank.basis.en.contains("§1005.11") && bank.basis.en.contains("90 days"));
    assert!(bank
        .notes
        .iter()
        .any(|n| n.en.contains("US federal holidays")));
    assert!(bank
        .calendar
        .as_ref()
        .is_some_and(|c| c.en.contains("Federal Reserve")));
    // Sent on Saturday 6 April: received Tuesday 9 April as well, ending Tuesday 23 April.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 6))], d(2024, 4, 6));
    assert_eq!(step(&p, Step::Bank).answer_due, Some(d(2024, 4, 23)));
    // Sent on Wednesday 10 April, received Friday 12 April: ends Friday 26 April.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 10))], d(2024, 4, 10));
    assert_eq!(step(&p, Step::Bank).answer_due, Some(d(2024, 4, 26)));
}

#[test]
fn cfpb_answers_in_15_days() {
    // disputes-facts §1.5.
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::NotReceived,
    );
    let p = plan(&f, &[sent(Step::Association, d(2024, 6, 1))], d(2024, 6, 2));
    let a = step(&p, Step::Association);
    assert_eq!(a.answer_due, Some(d(2024, 6, 16)));
    assert_eq!(a.final_answer_due, Some(d(2024, 7, 31)));
}

#[test]
fn uk_8_weeks_or_15_business_days_for_payment_services() {
    // disputes-facts §2.3.
    let f = facts(
        Jurisdiction::Uk,
        Instrument::CreditCard,
        Reason::FaultyGoods,
    );
    // Sent on Easter Monday 1 April 2024, received Wednesday 3 April.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 1))], d(2024, 4, 2));
    assert_eq!(
        step(&p, Step::Bank).answer_due,
        Some(d(2024, 5, 29)),
        "8 weeks"
    );
    assert!(step(&p, Step::Bank).basis.en.contains("8 weeks"));
    // A payment-services complaint (a duplicate payment): 15 business days, 35 exceptional.
    let f = facts(
        Jurisdiction::Uk,
        Instrument::DebitCard,
        Reason::DoubleCharge,
    );
    // Sent Friday 5 April 2024, received Tuesday 9 April; + 15 business days = Tuesday 30 April.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 5))], d(2024, 4, 6));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.answer_due, Some(d(2024, 4, 30)));
    // 35 business days skip the bank holidays of 6 and 27 May 2024 (England and Wales).
    assert_eq!(bank.final_answer_due, Some(d(2024, 5, 30)));
    // Chargeback window about 120 days from the transaction (§2.1).
    assert_eq!(bank.send_by, Some(d(2024, 6, 29)));
}

#[test]
fn uk_ombudsman_within_6_months_of_the_final_response_and_lbc_14_days() {
    let f = facts(
        Jurisdiction::Uk,
        Instrument::CreditCard,
        Reason::NotReceived,
    );
    let mut bank = sent(Step::Bank, d(2024, 4, 1));
    bank.answered = Some(d(2024, 5, 10));
    bank.outcome = Some("final response: rejected".into());
    let p = plan(
        &f,
        &[sent(Step::Merchant, d(2024, 3, 10)), bank],
        d(2024, 5, 11),
    );
    assert_eq!(step(&p, Step::Association).send_by, Some(d(2024, 11, 10)));
    assert_eq!(p.next_action.step, Step::Association);
    assert!(
        p.next_action
            .what_en
            .contains("Financial Ombudsman Service"),
        "{}",
        p.next_action.what_en
    );
    assert_eq!(p.next_action.by, Some(d(2024, 11, 10)));
    // disputes-facts §2.5: 14 days to answer a Letter Before Claim.
    let p = plan(&f, &[sent(Step::Court, d(2024, 6, 1))], d(2024, 6, 2));
    assert_eq!(step(&p, Step::Court).answer_due, Some(d(2024, 6, 15)));
}

#[test]
fn eu_13_months_and_next_business_day_refund() {
    // disputes-facts §3: Art. 71 (13 months from the debit date), Art. 73, Art. 101.
    let f = facts(
        Jurisdiction::Eu,
        Instrument::DebitCard,
        Reason::NotAuthorised,
    );
    let p = plan(&f, &[sent(Step::Bank, d(2024, 4, 5))], d(2024, 4, 5));
    let bank = step(&p, Step::Bank);
    assert_eq!(
        bank.send_by,
        Some(d(2025, 4, 2)),
        "13 months after the 2 March 2024 debit"
    );
    // Sent Friday 5 April, received Tuesday 9 April: refund by the end of Wednesday.
    assert_eq!(
        bank.answer_due,
        Some(d(2024, 4, 10)),
        "received Tuesday → end of Wednesday"
    );
    assert_eq!(bank.final_answer_due, Some(d(2024, 4, 30)));
}

#[test]
fn cn_12315_accepts_within_7_working_days_and_mediates_45() {
    // disputes-facts §4.2: Art. 14 (7 working days) and Art. 21 (45 working days).
    let f = facts(Jurisdiction::Cn, Instrument::DebitCard, Reason::FaultyGoods);
    // Sent Thursday 4 April 2024 (清明, 4–6 April off, Sunday 7 April worked): received Monday
    // 8 April; + 7 working days = Wednesday 17 April.
    let p = plan(&f, &[sent(Step::Association, d(2024, 4, 4))], d(2024, 4, 5));
    let a = step(&p, Step::Association);
    assert_eq!(a.answer_due, Some(d(2024, 4, 17)));
    // 45 working days skip May Day (1–3 May 2024) and the Dragon Boat Festival (10 June) and
    // count the adjusted working weekends of 28 April and 11 May (State Council 2024 notice).
    assert_eq!(a.final_answer_due, Some(d(2024, 6, 21)));
    assert!(a.basis.zh.contains("7个工作日"));
}

#[test]
fn cn_three_year_limitation_and_7_day_returns() {
    // disputes-facts §4.6 (民法典 第188条) and §4.2 (12315: complaints within 3 years).
    let f = facts(
        Jurisdiction::Cn,
        Instrument::CreditCard,
        Reason::FaultyGoods,
    );
    let p = plan(&f, &[], d(2024, 3, 2));
    // Review #18: limitation is interrupted by a demand (第195条): no send-by date, only a note.
    assert_eq!(step(&p, Step::Court).send_by, None);
    assert!(step(&p, Step::Court)
        .notes
        .iter()
        .any(|n| n.zh.contains("2027年3月1日")));
    assert!(step(&p, Step::Court).basis.zh.contains("第一百八十八条"));
    assert_eq!(step(&p, Step::Association).send_by, Some(d(2027, 3, 1)));
    // §4.1 第24条: return within 7 days of receipt. It decides the remedy, not whether one may
    // write, so it is stated with its date rather than counted down as a window.
    assert_eq!(step(&p, Step::Merchant).send_by, None);
    assert!(step(&p, Step::Merchant).basis.zh.contains("2024年3月8日"));
    // Merchant convention 7 days to answer (§7.4).
    let p = plan(&f, &[sent(Step::Merchant, d(2024, 3, 2))], d(2024, 3, 3));
    assert_eq!(step(&p, Step::Merchant).answer_due, Some(d(2024, 3, 9)));
}

#[test]
fn merchant_conventions_14_days() {
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::NotReceived,
    );
    let p = plan(&f, &[sent(Step::Merchant, d(2024, 3, 20))], d(2024, 3, 21));
    assert_eq!(step(&p, Step::Merchant).answer_due, Some(d(2024, 4, 3)));
    assert!(step(&p, Step::Merchant).send_by.is_none());
}

#[test]
fn warnings_soon_urgent_missed() {
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    // Window closes 14 May 2024.
    let level_on = |today| {
        plan(&f, &[], today)
            .warnings
            .iter()
            .find(|w| w.step == Some(Step::Bank))
            .map(|w| (w.level, w.message_en.clone(), w.message_zh.clone()))
    };
    assert_eq!(
        level_on(d(2024, 4, 1)),
        None,
        "43 days left: nothing to warn about"
    );
    let (lvl, en, zh) = level_on(d(2024, 4, 30)).unwrap();
    assert_eq!(lvl, WarningLevel::Soon);
    assert!(
        en.contains("14 days left to write to the card issuer: the window closes on 14 May 2024"),
        "{en}"
    );
    assert!(
        zh.contains("还剩14天") && zh.contains("2024年5月14日"),
        "{zh}"
    );
    assert_eq!(level_on(d(2024, 5, 11)).unwrap().0, WarningLevel::Urgent);
    assert_eq!(level_on(d(2024, 5, 14)).unwrap().0, WarningLevel::Urgent);
    let (lvl, en, _) = level_on(d(2024, 5, 15)).unwrap();
    assert_eq!(lvl, WarningLevel::Missed);
    assert!(en.contains("closed on 14 May 2024"));
    // Once the letter went in time, no window warning remains.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 5, 10))], d(2024, 5, 15));
    assert!(p.warnings.iter().all(|w| w.level != WarningLevel::Missed));
    // Sent too late: said plainly.
    let p = plan(&f, &[sent(Step::Bank, d(2024, 5, 20))], d(2024, 5, 21));
    assert!(p.warnings.iter().any(
        |w| w.level == WarningLevel::Missed && w.message_en.contains("after the window closed")
    ));
}

#[test]
fn overdue_answer_says_whom_to_escalate_to() {
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    let p = plan(
        &f,
        &[
            sent(Step::Merchant, d(2024, 3, 20)),
            sent(Step::Bank, d(2024, 4, 1)),
        ],
        d(2024, 5, 5),
    );
    let w = p
        .warnings
        .iter()
        .find(|w| w.step == Some(Step::Bank) && w.level == WarningLevel::Urgent)
        .unwrap();
    assert!(
        w.message_en.contains("was due on 3 May 2024"),
        "{}",
        w.message_en
    );
    assert!(
        w.message_en.contains("Escalate to the CFPB"),
        "{}",
        w.message_en
    );
    assert!(w.message_zh.contains("CFPB"));
    assert_eq!(p.next_action.step, Step::Association);
    assert!(p.next_action.what_en.contains("has not answered in time"));
    // The merchant's silence is not repeated once the bank step is under way.
    assert!(
        p.warnings.iter().all(|w| w.step != Some(Step::Merchant)),
        "{:?}",
        p.warnings
    );
}

#[test]
fn next_action_starts_with_merchant_but_not_when_the_bank_window_is_closing() {
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::NotReceived,
    );
    let p = plan(&f, &[], d(2024, 3, 20));
    assert_eq!(p.next_action.step, Step::Merchant);
    let p = plan(&f, &[], d(2024, 5, 5));
    assert_eq!(p.next_action.step, Step::Bank);
    assert!(p
        .next_action
        .what_en
        .contains("Do not wait for the merchant"));
    assert_eq!(p.next_action.by, Some(d(2024, 5, 14)));
    // Waiting on the merchant while the bank window closes: go to the bank.
    let p = plan(&f, &[sent(Step::Merchant, d(2024, 5, 1))], d(2024, 5, 5));
    assert_eq!(p.next_action.step, Step::Bank);
}

#[test]
fn unauthorised_goes_straight_to_the_bank_with_urgent_steps() {
    let f = facts(
        Jurisdiction::Cn,
        Instrument::DebitCard,
        Reason::NotAuthorised,
    );
    let p = plan(&f, &[], d(2024, 3, 2));
    assert_eq!(p.next_action.step, Step::Bank);
    assert!(p.next_action.what_zh.contains("挂失"));
    assert!(p.next_action.what_en.contains("freeze"));
}

#[test]
fn last_step_and_repeated_records_do_not_confuse_the_plan() {
    let f = facts(
        Jurisdiction::Eu,
        Instrument::CreditCard,
        Reason::WrongAmount,
    );
    let steps = [
        sent(Step::Merchant, d(2024, 3, 5)),
        sent(Step::Merchant, d(2024, 3, 25)),
        sent(Step::Court, d(2024, 6, 1)),
    ];
    let p = plan(&f, &steps, d(2024, 6, 2));
    assert_eq!(
        step(&p, Step::Merchant).sent,
        Some(d(2024, 3, 25)),
        "the latest record counts"
    );
    assert_eq!(p.next_action.step, Step::Court);
    assert_eq!(p.steps.len(), 4);
    // A plan round-trips through JSON (it crosses the IPC boundary).
    let json = serde_json::to_string(&p).unwrap();
    assert!(json.contains("\"next_action\""));
    assert_eq!(serde_json::from_str::<CasePlan>(&json).unwrap(), p);
}

#[test]
fn extreme_dates_never_panic() {
    for j in Jurisdiction::ALL {
        for i in Instrument::ALL {
            for r in Reason::ALL {
                for day in [NaiveDate::MIN, NaiveDate::MAX, d(2024, 2, 29)] {
                    let mut f = facts(j, i, r);
                    f.transaction_date = day;
                    f.posted_date = Some(day);
                    f.statement_date = None;
                    let steps: Vec<StepRecord> = Step::ALL
                        .iter()
                        .map(|s| StepRecord {
                            step: *s,
                            sent: Some(day),
                            answered: Some(day),
                            outcome: None,
                        })
                        .collect();
                    let _ = plan(&f, &[], day);
                    let _ = plan(&f, &steps, NaiveDate::MAX);
                    let _ = plan(&f, &steps[..2], NaiveDate::MIN);
                }
            }
        }
    }
}

#[test]
fn corrected_facts_of_the_legal_review_in_the_plan() {
    // §9.2: Section 75 has no 120-day window; an unauthorised payment has 13 months (reg. 74).
    let uk_s75 = facts(
        Jurisdiction::Uk,
        Instrument::CreditCard,
        Reason::NotReceived,
    );
    let p = plan(&uk_s75, &[], d(2024, 6, 25));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.send_by, None);
    assert!(bank.basis.en.contains("6-year"));
    assert!(p.warnings.iter().all(|w| w.step != Some(Step::Bank)));
    let uk_fraud = facts(
        Jurisdiction::Uk,
        Instrument::DebitCard,
        Reason::NotAuthorised,
    );
    assert_eq!(
        step(&plan(&uk_fraud, &[], d(2024, 3, 3)), Step::Bank).send_by,
        Some(d(2025, 4, 2))
    );
    // §9.1: goods not received on an EU card: the chargeback's ~120 days, not PSD2's 13 months.
    let eu_nr = facts(Jurisdiction::Eu, Instrument::DebitCard, Reason::NotReceived);
    let bank = plan(&eu_nr, &[], d(2024, 3, 3)).steps[1].clone();
    assert_eq!(bank.send_by, Some(d(2024, 6, 29)));
    assert!(bank.basis.en.contains("chargeback") && !bank.basis.en.contains("PSD2"));
    // §9.4: the bank answers in 15 days, 30 if complex; a last day on a holiday moves on.
    // Sent Monday 16 September 2024 (中秋, 15–17 September off): received Thursday 19 September;
    // day 15 is 4 October (National Day) → Tuesday 8 October; day 30 is Saturday 19 October →
    // Monday 21 October.
    let cn = facts(Jurisdiction::Cn, Instrument::DebitCard, Reason::WrongAmount);
    let p = plan(&cn, &[sent(Step::Bank, d(2024, 9, 16))], d(2024, 9, 17));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.answer_due, Some(d(2024, 10, 8)));
    assert_eq!(bank.final_answer_due, Some(d(2024, 10, 21)));
    assert!(bank.basis.zh.contains("15日内") && bank.basis.zh.contains("再延长30日"));
    assert!(bank
        .calendar
        .as_ref()
        .is_some_and(|c| c.zh.contains("调休")));
    // §9.4: the court step shows the small-claims threshold.
    assert!(step(&p, Step::Court).basis.zh.contains("百分之五十"));
    // §9.4: a transfer has no bank step in a merchant dispute; the plan says why.
    let transfer = facts(
        Jurisdiction::Cn,
        Instrument::BankTransfer,
        Reason::NotReceived,
    );
    let p = plan(
        &transfer,
        &[sent(Step::Merchant, d(2024, 3, 2))],
        d(2024, 3, 20),
    );
    assert!(step(&p, Step::Bank).unavailable.is_some());
    assert_eq!(p.next_action.step, Step::Association, "{:?}", p.next_action);
    // §9.4: a court takes a 起诉, not a 投诉.
    let p = plan(
        &cn,
        &[
            sent(Step::Merchant, d(2024, 3, 2)),
            sent(Step::Bank, d(2024, 3, 4)),
            sent(Step::Association, d(2024, 3, 6)),
        ],
        d(2024, 9, 1),
    );
    assert!(p
        .warnings
        .iter()
        .all(|w| !w.message_zh.contains("人民法院投诉")));
    assert!(
        p.next_action.what_zh.contains("起诉"),
        "{}",
        p.next_action.what_zh
    );
}

/// Review #27 "reply dates": where the law counts from receipt, the plan counts from the second
/// business day after sending (CPR 6.26's deemed service) and says so; conventions do not move.
#[test]
fn clocks_that_run_from_receipt_start_on_the_second_business_day_after_sending() {
    // Sent Friday 7 June 2024: received Tuesday 11 June.
    let sent_on = d(2024, 6, 7);
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    let p = plan(&f, &[sent(Step::Bank, sent_on)], d(2024, 6, 8));
    let bank = step(&p, Step::Bank);
    // Reg Z §1026.13(c): 30 days from receipt, 90 at the latest.
    assert_eq!(bank.answer_due, Some(d(2024, 7, 11)));
    assert_eq!(bank.final_answer_due, Some(d(2024, 9, 9)));
    assert!(bank
        .notes
        .iter()
        .any(|n| n.en.contains("11 June 2024") && n.en.contains("received")));
    // DISP 1.6.2A: 15 business days from receipt (Tue 11 June → Tue 2 July).
    let f = facts(
        Jurisdiction::Uk,
        Instrument::DebitCard,
        Reason::NotAuthorised,
    );
    let p = plan(&f, &[sent(Step::Bank, sent_on)], d(2024, 6, 8));
    assert_eq!(step(&p, Step::Bank).answer_due, Some(d(2024, 7, 2)));
    // CBIRC: 15 calendar days from the day after receipt; in China Monday 10 June 2024 was the
    // Dragon Boat Festival, so the letter arrives on Wednesday 12 June (→ 27 June).
    let f = facts(
        Jurisdiction::Cn,
        Instrument::DebitCard,
        Reason::DoubleCharge,
    );
    let p = plan(&f, &[sent(Step::Bank, sent_on)], d(2024, 6, 8));
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.answer_due, Some(d(2024, 6, 27)));
    assert!(bank
        .notes
        .iter()
        .any(|n| n.zh.contains("寄出后第二个工作日")));
    // A merchant's 14 days are a convention counted from the letter's date.
    let f = facts(
        Jurisdiction::Us,
        Instrument::CreditCard,
        Reason::DoubleCharge,
    );
    let p = plan(&f, &[sent(Step::Merchant, sent_on)], d(2024, 6, 8));
    assert_eq!(step(&p, Step::Merchant).answer_due, Some(d(2024, 6, 21)));
}

/// Review #18: a Chinese demand letter interrupts limitation (民法典 第195条), and limitation is
/// not raised by the court itself (第193条): the court step has no send-by date and never says
/// the window closed; its note restarts the 3 years from the last letter sent.
#[test]
fn cn_court_limitation_restarts_from_the_last_demand_and_never_closes_the_window() {
    let f = facts(Jurisdiction::Cn, Instrument::DebitCard, Reason::NotReceived);
    let steps = [
        sent(Step::Merchant, d(2024, 4, 1)),
        sent(Step::Bank, d(2025, 2, 10)),
    ];
    let p = plan(&f, &steps, d(2027, 6, 1));
    let court = step(&p, Step::Court);
    assert_eq!(court.send_by, None);
    assert!(court.basis.zh.contains("第一百九十五条"));
    assert!(court
        .notes
        .iter()
        .any(|n| n.en.contains("10 February 2028") && n.zh.contains("2025年2月10日")));
    assert!(!p
        .warnings
        .iter()
        .any(|w| w.step == Some(Step::Court) && w.level == WarningLevel::Missed));
    // Without any letter, the informational date runs from the transaction, still no window.
    let p = plan(&f, &[], d(2027, 6, 1));
    let court = step(&p, Step::Court);
    assert_eq!(court.send_by, None);
    assert!(court.notes.iter().any(|n| n.en.contains("1 March 2027")));
    // The 12315 three-year rule is an acceptance rule, not interrupted: it still closes.
    assert_eq!(step(&p, Step::Association).send_by, Some(d(2027, 3, 1)));
}

/// Review #8: the plan does not present Reg E's clocks as certain for a transfer that may have
/// been a wire (UCC Article 4A).
#[test]
fn us_bank_transfer_plan_names_the_wire_alternative() {
    let f = facts(
        Jurisdiction::Us,
        Instrument::BankTransfer,
        Reason::NotAuthorised,
    );
    let p = plan(&f, &[sent(Step::Bank, d(2024, 6, 7))], d(2024, 6, 8));
    let bank = step(&p, Step::Bank);
    assert!(bank
        .notes
        .iter()
        .any(|n| n.en.contains("§1005.3(c)(3)") && n.en.contains("4A-204")));
    let f = facts(
        Jurisdiction::Us,
        Instrument::DebitCard,
        Reason::NotAuthorised,
    );
    let p = plan(&f, &[sent(Step::Bank, d(2024, 6, 7))], d(2024, 6, 8));
    assert!(!step(&p, Step::Bank)
        .notes
        .iter()
        .any(|n| n.en.contains("4A")));
}

/// Review #8: the plan of a US bank transfer follows its recorded kind. An ACH transfer gets
/// Reg E's clocks alone; a wire gets UCC Article 4A's (one year to claim, 90 days to keep the
/// interest, no statutory answer period); an unknown kind keeps Reg E's clocks and says a wire
/// would differ.
#[test]
fn us_bank_transfer_plan_follows_ach_or_wire() {
    let mut f = facts(
        Jurisdiction::Us,
        Instrument::BankTransfer,
        Reason::NotAuthorised,
    );
    let records = [sent(Step::Bank, d(2024, 4, 1))];
    let today = d(2024, 4, 2);

    f.transfer = Some(TransferKind::Ach);
    let p = plan(&f, &records, today);
    let bank = step(&p, Step::Bank);
    assert_eq!(
        bank.send_by,
        Some(d(2024, 5, 14)),
        "Reg E: 60 days after the statement"
    );
    assert!(
        bank.basis.en.contains("Reg E §1005.11(c)"),
        "{}",
        bank.basis.en
    );
    assert!(bank.notes.iter().all(|n| !n.en.contains("4A")));

    f.transfer = Some(TransferKind::Wire);
    let p = plan(&f, &records, today);
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.send_by, Some(d(2025, 3, 15)), "§4A-505: one year");
    assert!(bank
        .notes
        .iter()
        .any(|n| n.en.contains("13 June 2024") && n.en.contains("§4A-204(a)")));
    assert!(bank.basis.en.contains("4A") && !bank.basis.en.contains("Reg E"));
    assert_eq!(bank.answer_due, Some(d(2024, 5, 1)), "a 30-day reminder");
    assert_eq!(bank.final_answer_due, None);

    f.transfer = None;
    let p = plan(&f, &records, today);
    let bank = step(&p, Step::Bank);
    assert_eq!(bank.send_by, Some(d(2024, 5, 14)));
    assert!(bank
        .notes
        .iter()
        .any(|n| n.en.contains("A wire transfer is outside Regulation E")));
}
