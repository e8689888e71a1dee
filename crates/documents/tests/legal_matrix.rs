//! The legal matrix: every jurisdiction × instrument × reason × step (and, for China, both
//! languages) is rendered by the built-in templates, laid out as a real PDF and read back with
//! poppler's `pdftotext`. Each row of `RULES` names the combinations it covers, the phrases their
//! letters must contain and the ones they must not (statutes that do not apply, claims the case
//! does not record), and the fact it checks (disputes-facts §9, which overrides the sections
//! above it). Combinations that do not exist are refused, and that is checked too.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use recourse_core::disputes::law::step_exists;
use recourse_core::disputes::{
    ComplaintBody, Instrument, Jurisdiction, Reason, Step, TransferKind,
};
use recourse_core::letters::{
    render, CaseDetails, EarlierStep, Gender, LetterParty, LetterRequest, LetterTransaction,
    Particulars, Sender,
};
use recourse_core::money::Currency;
use recourse_documents::{Paper, Renderer};

use Instrument::*;
use Jurisdiction::*;
use Reason::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Which combinations a rule covers: `None` means all.
struct Rule {
    fact: &'static str,
    j: Option<Jurisdiction>,
    i: Option<&'static [Instrument]>,
    r: Option<&'static [Reason]>,
    step: Option<Step>,
    /// "en", "zh-CN" or "" for both.
    lang: &'static str,
    /// A US bank transfer's recorded kind: `None` covers every kind, `Some(None)` only a
    /// transfer of unknown kind.
    transfer: Option<Option<TransferKind>>,
    must: &'static [&'static str],
    must_not: &'static [&'static str],
}

const CARDS: &[Instrument] = &[CreditCard, DebitCard];
const MERCHANT_REASONS: &[Reason] = &[
    NotReceived,
    FaultyGoods,
    CancelledSubscription,
    RefundNotCredited,
    WrongAmount,
];

const fn all(fact: &'static str, must_not: &'static [&'static str]) -> Rule {
    Rule {
        fact,
        j: None,
        i: None,
        r: None,
        step: None,
        lang: "",
        transfer: None,
        must: &[],
        must_not,
    }
}

static RULES: &[Rule] = &[
    Rule {
        i: Some(&[BankTransfer]),
        lang: "en",
        ..all(
            "§9.4 instrument-correct wording: a bank transfer is not a card",
            &[
                "my bank transfer",
                "bank transfer ending",
                "card ending 4242",
                "your bank transfer",
            ],
        )
    },
    // §9.5 — everywhere.
    all(
        "§9.5 quote what the recipient can check, never our file and line",
        &["chase.csv", "line 74", "第74行"],
    ),
    all(
        "§9.5 no verification notes reach a letter",
        &["verify", "VERIFY", "待核实", "to be checked"],
    ),
    all(
        "§9.5 no claim of a report the case does not record",
        &[
            "as soon as I noticed",
            "reported it to you",
            "立即挂失",
            "报警",
            "发现后已立即",
        ],
    ),
    all("§9.2 Action Fraud is now Report Fraud", &["Action Fraud"]),
    Rule {
        must: &[],
        ..all(
            "review #15: evidence is listed by what it is, never by the user's file name",
            &["receipt.pdf"],
        )
    },
    Rule {
        lang: "zh-CN",
        must: &["书面材料（PDF）"],
        ..all("review #15: a Chinese letter describes the evidence in Chinese", &[])
    },
    all(
        "review #20: no bracketed placeholder reaches a letter that will be sent",
        &["[", "]"],
    ),
    Rule {
        j: Some(Cn),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["性别：＿＿", "年＿＿月＿＿日出生", "证人：无", "法定代表人"],
        ..all(
            "review #20: the 起诉状's particulars (民诉法 第124条) are blanks to fill by hand, witnesses default to 无",
            &["性别：[", "（被告为分支机构的，写负责人）"],
        )
    },
    all(
        "§9.3 no 'without further notice' threat",
        &["without further notice"],
    ),
    all(
        "§9.4 a court takes a 起诉, not a 投诉",
        &["向人民法院投诉", "请向人民法院投诉"],
    ),
    Rule {
        must: &["4,388.00", "INTERNET PURCHASE 4411"],
        ..all("§9.5 the amount and the statement's own description", &[])
    },
    // §9.1 — EU.
    Rule {
        j: Some(Eu),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Bank),
        must: &["Art. 71", "Art. 73", "13 months", "Art. 74"],
        ..all("§9.1 unauthorised: PSD2 Arts 71, 73", &["chargeback"])
    },
    Rule {
        j: Some(Eu),
        i: Some(CARDS),
        r: Some(MERCHANT_REASONS),
        step: Some(Step::Bank),
        must: &["chargeback", "not a PSD2 error"],
        ..all(
            "§9.1 merchant disputes go through the chargeback",
            &[
                "Art. 71",
                "Art. 73",
                "13 months",
                "incorrectly executed",
                "executed incorrectly",
            ],
        )
    },
    Rule {
        j: Some(Eu),
        i: Some(CARDS),
        r: Some(&[DoubleCharge]),
        step: Some(Step::Bank),
        must: &["duplicate processing", "Art. 64"],
        ..all(
            "§9.1 a double charge leads with the chargeback",
            &["Art. 73"],
        )
    },
    Rule {
        j: Some(Eu),
        i: Some(&[BankTransfer]),
        r: Some(&[DoubleCharge]),
        step: Some(Step::Bank),
        must: &["Art. 89", "Art. 101", "Art. 64", "not authorised by me"],
        ..all(
            "§9.1 a transfer debited twice: the second debit was not consented to; Art. 89 only if the provider erred",
            &["chargeback", "a payment you executed incorrectly"],
        )
    },
    Rule {
        j: Some(Uk),
        i: Some(&[BankTransfer, PaymentPlatform]),
        r: Some(&[DoubleCharge]),
        step: Some(Step::Bank),
        must: &["regs 67 and 76", "reg. 91", "not authorised by me"],
        ..all(
            "§9.2 a second debit not consented to is unauthorised; reg. 91 only if the provider erred",
            &["You executed this payment incorrectly", "buyer-protection terms"],
        )
    },
    Rule {
        j: Some(Eu),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Bank),
        must: &["(10 December 2026)", "by 31 December 2026"],
        ..all(
            "§9.1 two clocks: Art. 73 refund next business day, Art. 101 answer in 15 business days, both from receipt (taken as Wednesday 9 December for a letter of Monday 7 December), German holidays (25 December)",
            &[],
        )
    },
    Rule {
        j: Some(Eu),
        step: Some(Step::Merchant),
        ..all(
            "§9.1 the merchant claim rests on consumer law, not PSD2",
            &["Payment Services Directive", "PSD2"],
        )
    },
    Rule {
        j: Some(Eu),
        r: Some(&[FaultyGoods]),
        step: Some(Step::Merchant),
        must: &["2019/771", "repair or replace"],
        ..all("§9.1 faulty goods: the sale-of-goods remedies", &[])
    },
    Rule {
        j: Some(Eu),
        r: Some(MERCHANT_REASONS),
        step: Some(Step::Association),
        must: &["ECC-Net"],
        ..all(
            "§9.1 cross-border purchases: ECC-Net",
            &["[National ADR body]", "ODR"],
        )
    },
    Rule {
        j: Some(Eu),
        r: Some(&[NotAuthorised, DoubleCharge]),
        step: Some(Step::Association),
        must: &["FIN-NET", "Art. 102"],
        ..all(
            "§9.1 bank disputes: FIN-NET and the national body",
            &["[National ADR body]", "ODR"],
        )
    },
    Rule {
        j: Some(Eu),
        step: Some(Step::Court),
        must: &["European Small Claims Procedure", "861/2007", "5,000"],
        ..all("§9.1 the European Small Claims Procedure", &[])
    },
    // §9.2 — UK.
    Rule {
        j: Some(Uk),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Bank),
        must: &["reg. 76", "reg. 77", "£35"],
        ..all(
            "§9.2 unauthorised: PSRs 2017 regs 76–77, not s.75",
            &["Section 75", "chargeback"],
        )
    },
    Rule {
        j: Some(Uk),
        i: Some(&[CreditCard]),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Bank),
        must: &["s. 83", "Section 83"],
        ..all("§9.2 credit card misuse: CCA s.83", &[])
    },
    Rule {
        j: Some(Uk),
        i: Some(&[CreditCard]),
        r: Some(MERCHANT_REASONS),
        step: Some(Step::Bank),
        must: &["Section 75", "£100", "£30,000", "8 weeks"],
        ..all(
            "§9.2 s.75 for the supplier's breach; 8 weeks",
            &["15 business days"],
        )
    },
    Rule {
        j: Some(Uk),
        i: Some(&[CreditCard]),
        r: Some(&[DoubleCharge]),
        ..all(
            "§9.2 s.75 is for the supplier's breach, never a duplicate debit",
            &["Section 75"],
        )
    },
    Rule {
        j: Some(Uk),
        i: Some(CARDS),
        r: Some(&[DoubleCharge]),
        step: Some(Step::Bank),
        must: &["chargeback", "duplicate processing"],
        ..all("§9.1/§9.2 a duplicate card debit is a chargeback", &[])
    },
    Rule {
        j: Some(Uk),
        r: Some(&[NotAuthorised, DoubleCharge]),
        step: Some(Step::Bank),
        must: &["15 business days", "35"],
        ..all(
            "§9.2 payment-services complaints: 15/35 business days",
            &["8 weeks"],
        )
    },
    Rule {
        j: Some(Uk),
        step: Some(Step::Court),
        must: &[
            "Letter Before Claim",
            "Pre-Action Conduct",
            "County Court (small claims track)",
        ],
        ..all(
            "§9.2 the LBC's basis is not s.75 or PD-PAC",
            &[
                "basis of the claim: Section 75",
                "basis of the claim: Practice Direction",
            ],
        )
    },
    Rule {
        step: Some(Step::Court),
        lang: "en",
        ..all(
            "review #24: the particulars of claim are a separate page, not part of the letter to the defendant",
            &["STATEMENT OF CLAIM", "PARTICULARS OF CLAIM", "has not paid", "Money Claim Online"],
        )
    },
    Rule {
        j: Some(Uk),
        r: Some(&[FaultyGoods, NotReceived]),
        step: Some(Step::Court),
        must: &["Consumer Rights Act 2015", "Currys"],
        ..all(
            "§9.2 the LBC goes to the trader under the contract and the CRA",
            &[],
        )
    },
    Rule {
        j: Some(Uk),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Court),
        must: &["claim against Example Bank", "reg"],
        ..all(
            "§9.2 an unauthorised payment is claimed from the bank",
            &["Defendant: Currys", "claim against Currys"],
        )
    },
    Rule {
        j: Some(Uk),
        r: Some(&[FaultyGoods]),
        step: Some(Step::Merchant),
        must: &["repair or replace", "s. 23"],
        ..all(
            "§9.2 after 30 days, repair or replacement first",
            &["right to reject the goods (s. 22)", "I am exercising my"],
        )
    },
    Rule {
        j: Some(Uk),
        step: Some(Step::Association),
        must: &["Financial Ombudsman Service"],
        ..all("§9.2 FOS for the bank", &[])
    },
    Rule {
        j: Some(Uk),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Association),
        must: &["The firm's obligations: ", "regulations 76 and 77", "£35"],
        ..all(
            "§9.2 the FOS referral names what the firm owed for an unauthorised payment",
            &["The firm's obligations: the Financial Services and Markets Act"],
        )
    },
    Rule {
        j: Some(Uk),
        r: Some(&[RefundNotCredited]),
        step: Some(Step::Merchant),
        must: &["s. 20(15)", "reg. 34", "within 14 days"],
        ..all(
            "§2.2 an unpaid refund is owed within 14 days, not 'only the agreed price'",
            &["Only the agreed price was due"],
        )
    },
    // §9.3 — US.
    Rule {
        j: Some(Us),
        i: Some(&[CreditCard]),
        r: Some(&[FaultyGoods]),
        step: Some(Step::Bank),
        must: &[
            "§1026.12(c)",
            "1666i",
            "more than $50",
            "withholding payment",
            "raise a chargeback",
        ],
        ..all(
            "§9.3 faulty goods on a credit card: claims and defenses, asserting only what the case knows",
            &[
                "Billing error notice",
                "§1026.13",
                "100 miles",
                "credit it to my account",
                "[Describe",
            ],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[CreditCard]),
        r: Some(&[NotReceived]),
        step: Some(Step::Bank),
        must: &["§1026.13(a)(3)", "Billing error notice"],
        ..all("§9.3 not delivered as agreed: a billing error", &[])
    },
    Rule {
        j: Some(Us),
        i: Some(&[DebitCard]),
        r: Some(&[
            NotReceived,
            FaultyGoods,
            CancelledSubscription,
            RefundNotCredited,
        ]),
        step: Some(Step::Bank),
        must: &["chargeback"],
        ..all(
            "§9.3 Reg E does not cover the goods: a network chargeback",
            &["Under Regulation E you must"],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[DebitCard]),
        r: Some(&[NotAuthorised, DoubleCharge, WrongAmount]),
        step: Some(Step::Bank),
        must: &[
            "Regulation E",
            "10 business days",
            "45 days, or 90 days if this was a point-of-sale debit-card transaction",
        ],
        ..all(
            "§9.3 point-of-sale debit: 90 days, which the app cannot assume (an ATM withdrawal gets 45)",
            &["(a point-of-sale debit-card transaction,"],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[BankTransfer]),
        r: Some(&[NotAuthorised, DoubleCharge]),
        step: Some(Step::Bank),
        transfer: Some(None),
        must: &["If this was an ACH", "wire transfer", "§1005.3(c)(3)", "4A-204"],
        ..all(
            "review #8: a transfer of unknown kind does not claim Reg E alone (wires fall under UCC 4A)",
            &["Under Regulation E you must"],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[BankTransfer]),
        r: Some(&[NotAuthorised, DoubleCharge]),
        step: Some(Step::Bank),
        transfer: Some(Some(TransferKind::Ach)),
        must: &[
            "This was an ACH",
            "under Regulation E you must investigate within 10 business days",
            "§1005.11",
        ],
        ..all(
            "review #8, §1.2: an ACH transfer is an electronic fund transfer: Regulation E alone",
            &["4A", "wire", "If this was", "point-of-sale"],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[BankTransfer]),
        r: Some(&[NotAuthorised, DoubleCharge]),
        step: Some(Step::Bank),
        transfer: Some(Some(TransferKind::Wire)),
        must: &[
            "This was a wire transfer",
            "§4A-202 and §4A-204",
            "commercially reasonable security procedure",
            "with interest",
        ],
        ..all(
            "review #8: Regulation E excludes wires (§1005.3(c)(3)): UCC Article 4A alone",
            &["Regulation E", "1005", "1693", "If this was", "10 business days"],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[BankTransfer]),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Court),
        transfer: Some(Some(TransferKind::Wire)),
        must: &["§4A-204"],
        ..all(
            "review #8: an unauthorised wire is claimed under UCC §4A-204, not the EFTA",
            &["Electronic Fund Transfer Act", "1693"],
        )
    },
    Rule {
        j: Some(Us),
        i: Some(&[BankTransfer]),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Court),
        transfer: Some(Some(TransferKind::Ach)),
        must: &["Electronic Fund Transfer Act", "§1693m"],
        ..all(
            "§1.2: an unauthorised ACH transfer is claimed under the EFTA, not UCC 4A",
            &["4A"],
        )
    },
    Rule {
        j: Some(Us),
        step: Some(Step::Court),
        // 30 days from receipt (CLRA §1782(b)), taken as 9 December for a letter of 7 December.
        must: &["small-claims court", "by 8 January 2027"],
        ..all(
            "§9.3 without the user's state, the final demand claims no state's pre-suit notice",
            &[
                "within 14 days",
                "93A",
                "§1782",
                "17.505",
                "where state law requires",
            ],
        )
    },
    Rule {
        j: Some(Us),
        step: Some(Step::Association),
        must: &["Company complained about: "],
        ..all(
            "§1.5/§1.6 one body, one company: CFPB about the bank or the State AG about the merchant",
            &["for a merchant", "[Describe your contact"],
        )
    },
    Rule {
        j: Some(Us),
        r: Some(&[NotAuthorised, DoubleCharge]),
        step: Some(Step::Association),
        must: &["Company complained about: Example Bank", "CFPB complaint process"],
        ..all("§1.5 a bank's matter goes to the CFPB", &["State Attorney General"])
    },
    // §9.4 — China.
    Rule {
        j: Some(Cn),
        i: Some(CARDS),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["银行卡纠纷", "被告：中国示例银行", "第七条", "具状人"],
        ..all(
            "§9.4 盗刷: the issuing bank is 被告, 案由 银行卡纠纷",
            &[
                "买卖合同纠纷",
                "原告以借记卡",
                "原告以信用卡",
                "向被告支付",
                "不当得利",
            ],
        )
    },
    Rule {
        j: Some(Cn),
        i: Some(&[PaymentPlatform]),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["被盗用的账户资金", "法定代表人"],
        ..all(
            "§9.4 platform balances are not 存款; a platform company has a 法定代表人",
            &["被盗刷的存款", "负责人：[ ]"],
        )
    },
    Rule {
        j: Some(Cn),
        i: Some(&[CreditCard]),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Bank),
        lang: "zh-CN",
        must: &["信用卡持卡人可以请求发卡行返还扣划的透支款本息"],
        ..all("§9.4 SPC 第七条: only the holder's own half", &["借记卡持卡人"])
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Court),
        lang: "en",
        must: &["Translation for your reference"],
        ..all("a court takes the Chinese 起诉状; the English is a translation", &[])
    },
    Rule {
        j: Some(Cn),
        r: Some(&[DoubleCharge]),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["不当得利纠纷", "第九百八十五条"],
        ..all(
            "§9.4 double charge: 不当得利纠纷",
            &["买卖合同纠纷", "银行卡纠纷"],
        )
    },
    Rule {
        j: Some(Cn),
        r: Some(&[NotReceived, FaultyGoods, WrongAmount, RefundNotCredited]),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["买卖合同纠纷", "第五百七十七条"],
        ..all("§9.4 goods: 买卖合同纠纷", &["不当得利纠纷", "银行卡纠纷"])
    },
    Rule {
        j: Some(Cn),
        r: Some(&[NotReceived, FaultyGoods]),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["判令解除原告与被告之间的买卖合同", "返还原告货款", "有权解除合同"],
        ..all("§9.4 the price is returned after 解除 (民法典 第566条)", &[])
    },
    Rule {
        j: Some(Cn),
        r: Some(&[NotReceived, FaultyGoods]),
        step: Some(Step::Court),
        lang: "en",
        must: &["contract of sale between the plaintiff and the defendant be terminated"],
        ..all("§9.4 the price is returned after termination", &[])
    },
    Rule {
        j: Some(Cn),
        r: Some(&[FaultyGoods]),
        step: Some(Step::Merchant),
        lang: "en",
        must: &["replace or repair the goods", "Article 24"],
        ..all(
            "§4.1 past the 7 days, replacement or repair (English)",
            &["I am returning them within that period"],
        )
    },
    Rule {
        j: Some(Cn),
        r: Some(&[CancelledSubscription]),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["服务合同纠纷"],
        ..all("§9.4 subscription: 服务合同纠纷", &["买卖合同纠纷"])
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Court),
        lang: "zh-CN",
        must: &["证据和证据来源", "来源：", "此致"],
        ..all(
            "§9.4 evidence carries its real source; limitation is not pleaded",
            &["来源：原告提供", "第一百八十八条", "诉讼时效"],
        )
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Merchant),
        r: Some(&[
            DoubleCharge,
            WrongAmount,
            NotReceived,
            CancelledSubscription,
            RefundNotCredited,
        ]),
        lang: "zh-CN",
        ..all(
            "§9.4 no 7-day return or treble damages by default",
            &["第五十五条", "第二十五条", "三倍"],
        )
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Merchant),
        lang: "zh-CN",
        ..all(
            "§9.4 statutes read as Chinese prose: no gloss or semicolon inside 依照…，one body or the other",
            &[
                "第九百八十五条（没有法律根据",
                "依照《中华人民共和国消费者权益保护法》第二十四条；",
                "应当返还），应当返还",
                "（解除通知到达时合同解除）",
                "消费者协会、市场监督管理部门",
            ],
        )
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Merchant),
        r: Some(&[DoubleCharge]),
        lang: "zh-CN",
        must: &["第九百八十五条"],
        ..all("§9.4 a double charge is returned as 不当得利", &[])
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Merchant),
        r: Some(&[FaultyGoods]),
        lang: "zh-CN",
        must: &["第二十四条", "更换或者修理"],
        ..all(
            "§4.1 past the 7 days, replacement or repair (the remedy follows the date)",
            &["七日内要求退货", "告知退货方式"],
        )
    },
    Rule {
        j: Some(Cn),
        i: Some(&[CreditCard, DebitCard, BankTransfer]),
        step: Some(Step::Bank),
        lang: "zh-CN",
        must: &["15日", "30日", "银行业保险业消费投诉处理管理办法"],
        ..all(
            "§9.4 banks: 15/30/+30 days",
            &["未见法定", "无法定答复期限"],
        )
    },
    Rule {
        j: Some(Cn),
        i: Some(&[BankTransfer]),
        lang: "zh-CN",
        ..all(
            "§9.4 a transfer is not a card",
            &["持有贵行银行转账", "银行转账（尾号", "发卡行"],
        )
    },
    Rule {
        j: Some(Cn),
        i: Some(&[BankTransfer]),
        step: Some(Step::Bank),
        lang: "zh-CN",
        must: &["开立账户", "转账"],
        ..all("§9.4 the bank of a transfer is the 开户行", &[])
    },
    Rule {
        j: Some(Cn),
        i: Some(&[BankTransfer]),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Bank),
        lang: "zh-CN",
        must: &["未经授权转账处理申请", "非本人所为"],
        ..all("§9.4 an unauthorised transfer is not a 差错", &["更正差错", "转账差错"])
    },
    Rule {
        j: Some(Cn),
        i: Some(&[BankTransfer]),
        step: Some(Step::Bank),
        lang: "en",
        must: &["transfer", "15 days"],
        ..all(
            "§9.4 an English transfer letter is not a card dispute",
            &["Card transaction dispute", "UnionPay", "holder of your bank transfer"],
        )
    },
    Rule {
        j: Some(Cn),
        step: Some(Step::Association),
        lang: "zh-CN",
        ..all(
            "§9.4 the complaint goes to one body",
            &["（12315）/ 消费者协会", "12315 / 消费者协会"],
        )
    },
    Rule {
        j: Some(Cn),
        r: Some(&[NotAuthorised]),
        step: Some(Step::Association),
        lang: "en",
        must: &["Financial consumer complaint", "complained to the respondent first"],
        ..all(
            "review #14b: the English complaint follows the chosen body (盗刷: the financial regulator)",
            &["Articles 39(3) and 46", "SAMR", "Respondent: Best Buy", "Respondent: 某某数码"],
        )
    },
    Rule {
        j: Some(Cn),
        r: Some(&[DoubleCharge, NotReceived, FaultyGoods, WrongAmount, RefundNotCredited]),
        step: Some(Step::Association),
        lang: "en",
        must: &["(12315)", "Articles 39(3) and 46", "within 3 years", "Respondent: 某某数码"],
        ..all(
            "review #14b: the English complaint follows the chosen body (12315 by default)",
            &["Financial consumer complaint", "stop this practice"],
        )
    },
    Rule {
        j: Some(Cn),
        lang: "zh-CN",
        ..all(
            "§9.4 an earlier complaint went to the one body the user chose, not to both",
            &["12315或消费者协会", "12315 或消费者协会"],
        )
    },
    Rule {
        j: Some(Cn),
        lang: "zh-CN",
        must: &["此致"],
        ..all("§9.4 此致 … per Chinese convention", &[])
    },
];

/// Whether a rule covers this combination.
fn covers(rule: &Rule, c: &Combo) -> bool {
    let &(j, i, r, step, lang, transfer) = c;
    rule.transfer.is_none_or(|x| x == transfer)
        && rule.j.is_none_or(|x| x == j)
        && rule.i.is_none_or(|xs| xs.contains(&i))
        && rule.r.is_none_or(|xs| xs.contains(&r))
        && rule.step.is_none_or(|x| x == step)
        && (rule.lang.is_empty() || rule.lang == lang)
}

/// A charge of 4,388.00 at a merchant typical of the jurisdiction, 45 days before the letter
/// (so the UK 30-day right to reject has passed), with a bank named and nothing recorded about
/// reports to the bank or the police.
fn request(j: Jurisdiction, i: Instrument, r: Reason, step: Step, lang: &str) -> LetterRequest {
    let (merchant, currency) = match j {
        Us => ("Best Buy", Currency::USD),
        Uk => ("Currys", Currency::GBP),
        Eu => ("Zalando", Currency::EUR),
        Cn => ("某某数码", Currency::CNY),
    };
    let today = d(2026, 12, 7);
    let charge = LetterTransaction {
        date: d(2026, 10, 23),
        posted_date: Some(d(2026, 10, 24)),
        merchant: merchant.into(),
        description: "INTERNET PURCHASE 4411".into(),
        amount_minor: -438_800,
        currency,
        source_file: "chase.csv".into(),
        source_line: 74,
    };
    let earlier = Step::ALL
        .iter()
        .filter(|s| **s < step && step_exists(j, i, r, **s).is_ok())
        .map(|s| EarlierStep {
            step: *s,
            sent: d(2026, 11, 2),
            // The bank answered: an ombudsman or regulator takes the complaint only then (or
            // once the bank's time has run out; review #27).
            answered: (*s == Step::Bank).then(|| d(2026, 11, 30)),
            outcome: None,
            recipient: None,
        })
        .collect();
    LetterRequest {
        lang: lang.into(),
        jurisdiction: j,
        instrument: i,
        reason: r,
        step,
        sender: Sender {
            name: "Jane Doe".into(),
            address: vec!["1 Main Street".into()],
            email: None,
            phone: Some("555-0100".into()),
            particulars: Default::default(),
        },
        recipient: None,
        counterparty: Some(LetterParty {
            name: Some(merchant.into()),
            address: vec!["1 Shop Street".into()],
        }),
        account_last4: Some("4242".into()),
        transactions: vec![charge],
        amount_claimed_minor: None,
        earlier_steps: earlier,
        legal_basis: None,
        enclosures: vec!["receipt.pdf".into()],
        notes: None,
        today,
        details: CaseDetails {
            statement_date: Some(d(2026, 11, 1)),
            bank: Some(LetterParty {
                name: Some(
                    if j == Cn {
                        "中国示例银行"
                    } else {
                        "Example Bank"
                    }
                    .into(),
                ),
                address: vec![],
            }),
            // An EU case records the user's country: its public holidays are business-day
            // holidays (§9.5); without it the letter gives the periods without dates.
            region: (j == Eu).then(|| "DE".into()),
            ..CaseDetails::default()
        },
    }
}

fn pdf_text(pdf: &[u8]) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!("recourse-matrix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.pdf", NEXT.fetch_add(1, Ordering::Relaxed)));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(pdf)
        .unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&path)
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .expect("pdftotext (poppler-utils) is needed by this test");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Whitespace and line breaks removed: typst breaks lines where it likes.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One combination: jurisdiction, instrument, reason, step, language and, for a US bank
/// transfer, its recorded kind.
type Combo = (
    Jurisdiction,
    Instrument,
    Reason,
    Step,
    &'static str,
    Option<TransferKind>,
);

/// One combination and its letter's PDF text, or why it has no letter.
type Outcome = (Combo, Result<String, String>);

#[test]
fn every_combination_says_what_its_law_requires_in_the_pdf() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    let mut combos = Vec::new();
    for j in Jurisdiction::ALL {
        for i in Instrument::ALL {
            for r in Reason::ALL {
                for step in Step::ALL {
                    let langs: &[&str] = if j == Cn { &["en", "zh-CN"] } else { &["en"] };
                    // Review #8: a US transfer's letter depends on its kind; unknown too.
                    let kinds: &[Option<TransferKind>] = if j == Us && i == BankTransfer {
                        &[None, Some(TransferKind::Ach), Some(TransferKind::Wire)]
                    } else {
                        &[None]
                    };
                    for &lang in langs {
                        for &transfer in kinds {
                            combos.push((j, i, r, step, lang, transfer));
                        }
                    }
                }
            }
        }
    }
    let mut used = vec![0usize; RULES.len()];
    let mut failures = Vec::new();
    let mut rendered = 0;
    // Two threads: the machine is shared, and typst is the slow part.
    let chunks: Vec<_> = combos.chunks(combos.len().div_ceil(2)).collect();
    let results: Vec<Vec<Outcome>> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let renderer = &renderer;
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|&(j, i, r, step, lang, transfer)| {
                            let mut req = request(j, i, r, step, lang);
                            req.details.transfer = transfer;
                            let out = render(&req, None).map_err(|e| e.message).map(|letter| {
                                let pdf = renderer.pdf(&letter, Paper::A4).expect("pdf");
                                // RECOURSE_MATRIX_PDFS=dir keeps every PDF, to read as a user.
                                if let Ok(dir) = std::env::var("RECOURSE_MATRIX_PDFS") {
                                    let name = format!(
                                        "{j:?}-{i:?}-{r:?}-{step:?}-{lang}-{transfer:?}.pdf"
                                    );
                                    std::fs::write(std::path::Path::new(&dir).join(name), &pdf)
                                        .expect("write the PDF");
                                }
                                pdf_text(&pdf)
                            });
                            ((j, i, r, step, lang, transfer), out)
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (combo, out) in results.into_iter().flatten() {
        let (j, i, r, step, lang, transfer) = combo;
        let exists = step_exists(j, i, r, step).is_ok();
        let what = format!("{j:?} {i:?} {r:?} {step:?} {lang} {transfer:?}");
        match (exists, out) {
            (false, Ok(_)) => {
                failures.push(format!("{what}: rendered although the step does not exist"))
            }
            (false, Err(msg)) => assert!(!msg.is_empty(), "{what}: refusal says why"),
            (true, Err(msg)) => failures.push(format!("{what}: {msg}")),
            (true, Ok(text)) => {
                rendered += 1;
                let flat = squash(&text);
                for (n, rule) in RULES.iter().enumerate() {
                    if !covers(rule, &combo) {
                        continue;
                    }
                    used[n] += 1;
                    for m in rule.must {
                        if !flat.contains(&squash(m)) {
                            failures.push(format!("{what}: [{}] missing {m:?}", rule.fact));
                        }
                    }
                    for m in rule.must_not {
                        if flat.contains(&squash(m)) {
                            failures.push(format!("{what}: [{}] must not say {m:?}", rule.fact));
                        }
                    }
                }
                if lang == "zh-CN" && step == Step::Court {
                    // SPC 民事诉讼文书样式 (2016): 此致 ××人民法院, then 附：本起诉状副本×份,
                    // then 具状人 and the date.
                    let court = flat.rfind("此致").expect("此致");
                    let att = flat.rfind("附：本起诉状副本一份").expect("附");
                    let sig = flat.rfind("具状人").expect("signature");
                    if !(court < att && att < sig) {
                        failures.push(format!("{what}: 附 must stand between 此致 and 具状人"));
                    }
                } else if lang == "zh-CN" {
                    // 附件 after 此致 敬礼！ and before the signature (落款).
                    let close = flat.find("此致敬礼！");
                    let att = flat.rfind("附件：");
                    let sig = flat.rfind("JaneDoe");
                    if !matches!((close, att, sig), (Some(c), Some(a), Some(s)) if c < a && a < s) {
                        failures.push(format!(
                            "{what}: 此致 敬礼！, then 附件, then the signature"
                        ));
                    }
                }
            }
        }
    }
    for (n, rule) in RULES.iter().enumerate() {
        if used[n] == 0 {
            failures.push(format!("rule [{}] covers no letter", rule.fact));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(rendered > 300, "only {rendered} letters rendered");
}

#[test]
fn uk_faulty_goods_within_30_days_are_rejected_after_that_repaired() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    let mut req = request(Uk, CreditCard, FaultyGoods, Step::Merchant, "en");
    req.details.delivered_on = Some(d(2026, 11, 27));
    let text = squash(&pdf_text(
        &renderer
            .pdf(&render(&req, None).unwrap(), Paper::A4)
            .unwrap(),
    ));
    assert!(text.contains(&squash(
        "exercising my short-term right to reject the goods (s. 22)"
    )));
    assert!(!text.contains(&squash("repair or replace the goods")));
    req.details.delivered_on = Some(d(2026, 10, 25));
    let text = squash(&pdf_text(
        &renderer
            .pdf(&render(&req, None).unwrap(), Paper::A4)
            .unwrap(),
    ));
    assert!(text.contains(&squash("repair or replace the goods")));
    assert!(!text.contains(&squash("short-term right to reject the goods")));
}

#[test]
fn recorded_reports_are_stated_and_only_then() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    for (j, lang, want) in [
        (Us, "en", "I reported it to you on 24 October 2026"),
        (Uk, "en", "Report Fraud (reference PR-2026-9)"),
        (Eu, "en", "police (report number PR-2026-9)"),
        (Cn, "zh-CN", "报案回执编号PR-2026-9"),
    ] {
        let mut req = request(j, DebitCard, NotAuthorised, Step::Bank, lang);
        req.details.reported_on = Some(d(2026, 10, 24));
        req.details.police_report = Some("PR-2026-9".into());
        let text = squash(&pdf_text(
            &renderer
                .pdf(&render(&req, None).unwrap(), Paper::A4)
                .unwrap(),
        ));
        assert!(text.contains(&squash(want)), "{j:?}: {want}");
    }
}

/// The PDF text of one letter, whitespace removed; or why it was refused.
fn letter_text(renderer: &Renderer, req: &LetterRequest) -> Result<String, String> {
    let letter = render(req, None).map_err(|e| e.message)?;
    Ok(squash(&pdf_text(
        &renderer.pdf(&letter, Paper::A4).unwrap(),
    )))
}

#[test]
fn uk_section_75_only_for_a_price_over_100_and_not_over_30000_pounds() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    for amount in [-6_000, -10_000, -4_000_000] {
        for step in [Step::Merchant, Step::Bank, Step::Association, Step::Court] {
            let mut req = request(Uk, CreditCard, FaultyGoods, step, "en");
            req.transactions[0].amount_minor = amount;
            let text = letter_text(&renderer, &req).unwrap();
            assert!(
                !text.contains("Section75"),
                "{amount} {step:?}: s.75(3)(b) excludes this price"
            );
            if step == Step::Bank {
                assert!(text.contains("chargeback"), "{amount}: chargeback instead");
            }
        }
    }
    let mut req = request(Uk, CreditCard, FaultyGoods, Step::Bank, "en");
    req.transactions[0].amount_minor = -10_001;
    assert!(letter_text(&renderer, &req).unwrap().contains("Section75"));
}

#[test]
fn us_claims_and_defenses_need_over_50_dollars_and_the_merchant_first() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    let mut req = request(Us, CreditCard, FaultyGoods, Step::Bank, "en");
    req.transactions[0].amount_minor = -5_000;
    let why = letter_text(&renderer, &req).unwrap_err();
    assert!(why.contains("over $50"), "{why}");
    let mut req = request(Us, CreditCard, FaultyGoods, Step::Bank, "en");
    req.earlier_steps.clear();
    let why = letter_text(&renderer, &req).unwrap_err();
    assert!(why.contains("merchant first"), "{why}");
}

#[test]
fn us_final_demand_follows_the_users_state() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    let cases: [(&str, Reason, &[&str], &[&str]); 4] = [
        (
            "MA",
            FaultyGoods,
            &[
                "chapter 93A, §9(3)",
                "unfair or deceptive act",
                "within 30 days",
            ],
            &["§1782", "17.505"],
        ),
        (
            "CA",
            FaultyGoods,
            &[
                "Civil Code §1782",
                "§1770(a)(5)",
                "certified or registered mail",
            ],
            &["93A", "17.505"],
        ),
        (
            "TX",
            NotReceived,
            &[
                "§17.505",
                "economic damages",
                "60 days",
                "by 7 February 2027",
            ],
            &["93A", "§1782"],
        ),
        (
            "NY",
            FaultyGoods,
            &["small-claims court"],
            &["93A", "§1782", "17.505"],
        ),
    ];
    for (state, reason, must, must_not) in cases {
        let mut req = request(Us, CreditCard, reason, Step::Court, "en");
        req.details.region = Some(state.into());
        let text = letter_text(&renderer, &req).unwrap();
        for m in must {
            assert!(text.contains(&squash(m)), "{state}: missing {m}");
        }
        for m in must_not {
            assert!(!text.contains(&squash(m)), "{state}: must not say {m}");
        }
    }
    // A claim against the bank is not a state consumer-protection notice.
    let mut req = request(Us, DebitCard, NotAuthorised, Step::Court, "en");
    req.details.region = Some("MA".into());
    assert!(!letter_text(&renderer, &req).unwrap().contains("93A"));
}

#[test]
fn uk_court_letters_follow_the_nations_procedure() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    for (nation, must) in [
        ("scotland", &["simple procedure", "sheriff court"][..]),
        (
            "northern_ireland",
            &["County Court in Northern Ireland"][..],
        ),
    ] {
        for r in [FaultyGoods, NotAuthorised] {
            let mut req = request(Uk, DebitCard, r, Step::Court, "en");
            req.details.region = Some(nation.into());
            let text = letter_text(&renderer, &req).unwrap();
            for m in must {
                assert!(text.contains(&squash(m)), "{nation}: missing {m}");
            }
            for m in [
                "Pre-Action Conduct",
                "Money Claim Online",
                "(small claims track)",
            ] {
                assert!(!text.contains(&squash(m)), "{nation}: must not say {m}");
            }
        }
    }
}

#[test]
fn cn_faulty_goods_within_7_days_are_returned_after_that_repaired() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    for (lang, within, past) in [
        (
            "zh-CN",
            "本人在收到商品之日起七日内要求退货",
            "更换或者修理",
        ),
        (
            "en",
            "I am returning them within that period",
            "replace or repair the goods",
        ),
    ] {
        let mut req = request(Cn, DebitCard, FaultyGoods, Step::Merchant, lang);
        req.details.delivered_on = Some(d(2026, 12, 3));
        let text = letter_text(&renderer, &req).unwrap();
        assert!(
            text.contains(&squash(within)),
            "{lang}: return within 7 days"
        );
        assert!(!text.contains(&squash(past)), "{lang}");
        req.details.delivered_on = Some(d(2026, 11, 20));
        let text = letter_text(&renderer, &req).unwrap();
        assert!(text.contains(&squash(past)), "{lang}: repair after 7 days");
        assert!(!text.contains(&squash(within)), "{lang}");
    }
}

#[test]
fn cn_unauthorised_charges_go_to_the_financial_regulator_only() {
    for body in [
        ComplaintBody::Market12315,
        ComplaintBody::ConsumerAssociation,
    ] {
        for lang in ["zh-CN", "en"] {
            let mut req = request(Cn, DebitCard, NotAuthorised, Step::Association, lang);
            req.details.complaint_body = Some(body);
            let why = render(&req, None).unwrap_err().message;
            assert!(why.contains("12378"), "{body:?} {lang}: {why}");
        }
    }
    let mut req = request(Cn, DebitCard, NotAuthorised, Step::Association, "zh-CN");
    req.details.complaint_body = Some(ComplaintBody::Regulator);
    assert!(render(&req, None).is_ok());
}

/// A case that records nothing beyond its charge: no card digits, no bank, no addresses, no
/// phone, no earlier step. Every letter still prints no bracketed instruction (review #20): a
/// line the case cannot fill is left out, or, where the law's model form requires it (the
/// 起诉状, a 12315 complaint), is a blank to fill in by hand.
#[test]
fn a_case_that_records_nothing_prints_no_placeholder() {
    let mut checked = 0;
    for j in Jurisdiction::ALL {
        for i in Instrument::ALL {
            for r in Reason::ALL {
                for step in Step::ALL {
                    for lang in ["en", "zh-CN"] {
                        let mut req = request(j, i, r, step, lang);
                        req.account_last4 = None;
                        req.details.bank = None;
                        req.counterparty = None;
                        req.sender.address.clear();
                        req.sender.phone = None;
                        req.earlier_steps.clear();
                        req.enclosures.clear();
                        let Ok(letter) = render(&req, None) else {
                            continue;
                        };
                        let text = recourse_documents::text(&letter);
                        assert!(
                            !text.contains('[') && !text.contains(']'),
                            "{j:?} {i:?} {r:?} {step:?} {lang}:\n{text}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} letters");
}

#[test]
fn cn_english_complaint_follows_the_chosen_body() {
    for (body, must, must_not) in [
        (
            ComplaintBody::ConsumerAssociation,
            &["Consumers' Association", "Articles 37 and 39(2)"][..],
            &["12315", "Articles 39(3) and 46", "12378"][..],
        ),
        (
            ComplaintBody::Regulator,
            &[
                "12378",
                "Banking and Insurance Sectors",
                "Respondent: 中国示例银行",
            ][..],
            &["12315", "Articles 37", "Respondent: 某某数码"][..],
        ),
    ] {
        let mut req = request(Cn, DebitCard, DoubleCharge, Step::Association, "en");
        req.details.complaint_body = Some(body);
        let text = recourse_documents::text(&render(&req, None).unwrap());
        for m in must {
            assert!(text.contains(m), "{body:?}: missing {m}\n{text}");
        }
        for m in must_not {
            assert!(!text.contains(m), "{body:?}: must not say {m}\n{text}");
        }
    }
}

/// §9.4, review #20: the 起诉状 prints the plaintiff's particulars the model form requires
/// (民事诉讼法 第124条) where the sender's details hold them, and a blank to fill in by hand for
/// each one they do not: never a guess.
#[test]
fn cn_complaint_prints_the_plaintiffs_particulars_when_known() {
    let renderer = Renderer::without_system_fonts(&[]).expect("bundled fonts");
    for r in [NotAuthorised, NotReceived] {
        let mut req = request(Cn, DebitCard, r, Step::Court, "zh-CN");
        req.sender.particulars = Particulars {
            gender: Some(Gender::Female),
            birth_date: Some(d(1990, 3, 7)),
            ethnicity: Some("汉".into()),
            id_number: Some("11010519900307002X".into()),
            occupation: Some("某某科技有限公司 工程师".into()),
        };
        let text = letter_text(&renderer, &req).unwrap();
        for m in [
            "原告：JaneDoe，性别：女，1990年3月7日出生，汉族，工作单位及职务（或职业）：某某科技有限公司工程师",
            "公民身份号码：11010519900307002X",
        ] {
            assert!(text.contains(&squash(m)), "{r:?}: missing {m}\n{text}");
        }
        assert!(
            !text.contains("性别：＿＿") && !text.contains("＿＿族"),
            "{r:?}"
        );
        // Only what is known: without a birth date, that one blank stays.
        req.sender.particulars.birth_date = None;
        req.sender.particulars.ethnicity = Some("回族".into());
        let text = letter_text(&renderer, &req).unwrap();
        assert!(
            text.contains(&squash("性别：女，＿＿＿＿年＿＿月＿＿日出生，回族")),
            "{text}"
        );
        let en = request(Cn, DebitCard, r, Step::Court, "en");
        let mut en = en;
        en.sender.particulars.gender = Some(Gender::Male);
        let text = letter_text(&renderer, &en).unwrap();
        assert!(
            text.contains(&squash("sex: male, born ____-__-__")),
            "{text}"
        );
    }
}
