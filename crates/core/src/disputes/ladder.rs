//! The escalation ladder per jurisdiction and instrument, as text the UI and the letters show:
//! who to write to, on what legal basis, by when, when the answer is due and what to enclose.
//! The dates themselves are computed in `plan`; this module says the rules in words.
//!
//! Source: disputes-facts §7 (proposed ladders), refined by §1–§4 as cited per entry.

use super::{Bilingual, Instrument, Jurisdiction, Step};
use serde::{Deserialize, Serialize};

/// One rung of the ladder for a jurisdiction and instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StepRule {
    pub step: Step,
    /// Who receives the letter ("Card issuer (billing-inquiry address)").
    pub recipient: Bilingual,
    /// The addressee line a letter shows when the recipient is not named: a department or body
    /// the letter can be sent to as it stands, never a bracketed instruction (review #20). A
    /// Chinese court is the one exception: the SPC model 起诉状 requires its name, so the user
    /// fills in a blank by hand.
    pub placeholder: Bilingual,
    /// The law or rule the step rests on, with citations.
    pub legal_basis: Bilingual,
    /// When the letter must be sent (or received) by.
    pub send_deadline: Bilingual,
    /// When the other side must answer.
    pub answer_due: Bilingual,
    /// What to enclose.
    pub attach: Vec<Bilingual>,
}

fn b(en: &str, zh: &str) -> Bilingual {
    Bilingual::new(en, zh)
}

/// The four rungs, merchant → bank → association → court, for a jurisdiction and instrument.
pub fn ladder(j: Jurisdiction, i: Instrument) -> Vec<StepRule> {
    match j {
        Jurisdiction::Us => us(i),
        Jurisdiction::Uk => uk(i),
        Jurisdiction::Eu => eu(),
        Jurisdiction::Cn => cn(i),
    }
}

/// The rule for one step (every ladder has all four steps).
pub(crate) fn rule(j: Jurisdiction, i: Instrument, step: Step) -> StepRule {
    ladder(j, i)
        .into_iter()
        .find(|r| r.step == step)
        .unwrap_or_else(|| us(i).swap_remove(0))
}

/// How to name a step's recipient mid-sentence, with its article in English ("the card issuer",
/// "the CFPB", "12315"); used in warnings, next actions and letters.
pub fn short_name(j: Jurisdiction, i: Instrument, step: Step) -> Bilingual {
    use Jurisdiction::*;
    let card = i.is_card();
    match (j, step) {
        (Uk, Step::Merchant) => b("the trader", "商家"),
        (_, Step::Merchant) => b("the merchant", "商户"),
        (Us | Uk, Step::Bank) if i == Instrument::CreditCard || (j == Uk && card) => {
            b("the card issuer", "发卡机构")
        }
        (Cn, Step::Bank) if i == Instrument::PaymentPlatform => {
            b("the payment platform", "支付机构")
        }
        // disputes-facts §9.4: a bank transfer is not a card; its bank is the 开户行.
        (Cn, Step::Bank) if i == Instrument::BankTransfer => {
            b("the bank holding your account", "开户行")
        }
        (Cn, Step::Bank) => b("the issuing bank", "发卡行"),
        (_, Step::Bank) => b("the bank", "银行"),
        (Us, Step::Association) => b("the CFPB or your State Attorney General", "CFPB或州检察长"),
        (Uk, Step::Association) => b("the Financial Ombudsman Service", "金融申诉专员服务机构"),
        (Eu, Step::Association) => b("the national ADR body", "所在国争议解决机构"),
        (Cn, Step::Association) => b("12315 or the Consumers' Association", "12315或消费者协会"),
        (Us, Step::Court) => b("the small-claims court", "小额诉讼法院"),
        (Uk, Step::Court) => b("the County Court", "郡法院"),
        (Eu, Step::Court) => b("the court", "法院"),
        (Cn, Step::Court) => b("the People's Court", "人民法院"),
    }
}

fn merchant_attach() -> Vec<Bilingual> {
    vec![
        b("Receipt or order confirmation", "购物小票、发票或订单截图"),
        b(
            "The statement line showing the charge",
            "显示该笔扣款的账单记录",
        ),
        b(
            "Earlier correspondence with the merchant",
            "与商户的往来沟通记录（聊天记录、邮件）",
        ),
        b(
            "Delivery or return tracking, photos",
            "物流或退货单号、照片",
        ),
    ]
}

// disputes-facts §7.1, from §1.1 (FCBA/Reg Z), §1.2 (EFTA/Reg E), §1.5 (CFPB), §1.6 (AG/BBB),
// §1.7 (small claims).
fn us(i: Instrument) -> Vec<StepRule> {
    let credit = i == Instrument::CreditCard;
    let bank = if credit {
        StepRule {
            step: Step::Bank,
            recipient: b("Card issuer (billing-inquiry address)", "发卡机构（账单争议受理地址）"),
            placeholder: b("Card issuer, billing inquiries", "发卡机构账单争议受理部门"),
            legal_basis: b(
                "Fair Credit Billing Act, 15 U.S.C. §1666, and Regulation Z, 12 CFR §1026.13 (billing error: unauthorised, duplicate, wrong amount, not delivered as agreed); faulty goods: claims and defenses, 15 U.S.C. §1666i, §1026.12(c); card-network chargeback in parallel",
                "美国《公平信用结算法》15 U.S.C. §1666及Z条例 12 CFR §1026.13（账单错误：未经授权、重复、金额错误、未按约定交付）；商品质量问题：抗辩权，15 U.S.C. §1666i、§1026.12(c)；可同时发起卡组织拒付",
            ),
            send_deadline: b(
                "The written notice must be received within 60 days after the first statement showing the charge was sent (Reg Z §1026.13(b)(1)); send it to the billing-inquiry address, not the payment address. Network chargeback: about 120 days.",
                "书面通知须在首次列示该笔交易的账单寄出后60日内送达（§1026.13(b)(1)）；寄往账单争议受理地址而非还款地址。卡组织拒付：约120日。",
            ),
            answer_due: b(
                "Written acknowledgment within 30 days; resolution within two billing cycles and never more than 90 days (§1026.13(c)).",
                "30日内书面确认收到；两个账单周期内、最迟90日内解决（§1026.13(c)）。",
            ),
            attach: vec![
                b("Copy of the statement with the charge marked", "标出该笔交易的账单复印件"),
                b("The letter to the merchant and any reply", "致商户的信函及其答复"),
                b("Receipts and other evidence (copies, never originals)", "收据等证据（复印件，不寄原件）"),
                b("Police or identity-theft report if the charge is fraud", "如属盗刷：报警回执或身份盗用报告"),
            ],
        }
    } else {
        StepRule {
            step: Step::Bank,
            recipient: b(
                "Bank (error-resolution address; a call is allowed, confirm it in writing)",
                "开户银行（差错处理地址；可先电话，再书面确认）",
            ),
            placeholder: b("Bank, error resolution", "银行差错处理部门"),
            legal_basis: b(
                "Electronic Fund Transfer Act; Regulation E, 12 CFR §1005.11 (error resolution)",
                "美国《电子资金转账法》；E条例 12 CFR §1005.11（差错处理）",
            ),
            send_deadline: b(
                "Within 60 days after the statement first showing the error was sent (Reg E §1005.11(b)); report a lost or stolen card within 2 business days to keep liability at $50.",
                "在首次列示该差错的账单寄出后60日内（§1005.11(b)）；卡片丢失或被盗应在2个工作日内报告，责任上限50美元。",
            ),
            answer_due: b(
                "Investigate within 10 business days, or credit provisionally and finish within 45 days (90 for point-of-sale debit, foreign-initiated and new-account transfers).",
                "10个工作日内完成调查，否则须先临时入账并在45日内完成（POS借记、境外发起及新开户交易为90日）。",
            ),
            attach: vec![
                b("Copy of the statement with the charge marked", "标出该笔交易的账单复印件"),
                b("The letter to the merchant and any reply", "致商户的信函及其答复"),
                b("Receipts and other evidence (copies)", "收据等证据（复印件）"),
                b("Police or identity-theft report if the charge is fraud", "如属盗刷：报警回执或身份盗用报告"),
            ],
        }
    };
    vec![
        StepRule {
            step: Step::Merchant,
            recipient: b("Merchant (customer service)", "商户（客服部门）"),
            placeholder: b("Customer service", "客服部门"),
            legal_basis: b(
                "Your contract with the merchant and state consumer-protection (UDAP) law; the card-dispute rights are leverage",
                "与商户的合同及州消费者保护法（UDAP）；银行卡争议权利可作为筹码",
            ),
            send_deadline: b(
                "As soon as possible. Writing to the merchant is not a prerequisite for the card-issuer step: do not let the 60-day window run out while you wait.",
                "尽快。联系商户并非向发卡机构提出争议的前提：不要因等待商户而错过60日期限。",
            ),
            answer_due: b("Convention: 14 days.", "惯例：14日。"),
            attach: merchant_attach(),
        },
        bank,
        StepRule {
            step: Step::Association,
            recipient: b("CFPB / State Attorney General", "美国消费者金融保护局（CFPB）/ 州检察长"),
            placeholder: b(
                "Consumer Financial Protection Bureau, PO Box 4503, Iowa City, IA 52244",
                "Consumer Financial Protection Bureau, PO Box 4503, Iowa City, IA 52244",
            ),
            legal_basis: b(
                "CFPB complaint process (consumerfinance.gov/complaint) for the card issuer or bank; state consumer-protection law (State Attorney General, BBB) for the merchant",
                "针对发卡机构或银行：CFPB投诉程序（consumerfinance.gov/complaint）；针对商户：州消费者保护法（州检察长、BBB）",
            ),
            send_deadline: b(
                "After the issuer misses its deadlines or denies the claim; no statutory deadline, but the FCBA / Reg E clocks keep running.",
                "在发卡机构逾期未答复或拒绝后；无法定期限，但FCBA/E条例的期限仍在计算。",
            ),
            answer_due: b(
                "CFPB: the company responds within 15 days and closes all but complex cases within 60 days; BBB: 14 days; State AG: e.g. 20 days (South Dakota); mediation is voluntary.",
                "CFPB：企业15日内答复，除复杂案件外60日内办结；BBB：14日；州检察长：例如20日（南达科他州）；调解属自愿。",
            ),
            attach: vec![
                b("The letters of the earlier steps and any replies", "此前各步骤的信函及答复"),
                b("A timeline and the resolution you want", "事件时间线及您要求的解决方式"),
                b("Statement and proof of payment", "账单及付款凭证"),
            ],
        },
        StepRule {
            step: Step::Court,
            recipient: b("Small-claims court", "小额诉讼法院"),
            placeholder: b("Small-claims court", "小额诉讼法院"),
            legal_basis: b(
                "Breach of contract / state UDAP law; 15 U.S.C. §1640 for a card issuer's FCBA breach",
                "违约 / 州UDAP法；针对发卡机构违反FCBA：15 U.S.C. §1640",
            ),
            send_deadline: b(
                "Send a final demand first, giving 30 days (Massachusetts ch. 93A §9(3) and California CLRA §1782 require 30 days' written notice; Texas DTPA §17.505, 60 days); file within the state limitation period. Small-claims limits vary by state, from about $2,500 to $25,000.",
                "先发最后催告函，给予30日期限（马萨诸塞州93A章§9(3)及加州CLRA §1782要求提前30日书面通知；德州DTPA §17.505为60日）；在州诉讼时效内起诉。各州小额诉讼上限约2,500至25,000美元。",
            ),
            answer_due: b("As set by the summons and hearing date.", "以传票和开庭日期为准。"),
            attach: vec![
                b("Everything above", "以上全部材料"),
                b("The final demand and proof of its delivery", "最后催告函及送达证明"),
            ],
        },
    ]
}

// disputes-facts §7.2, from §2.1 (chargeback, s75), §2.2 (CRA 2015), §2.3 (FOS), §2.4–2.5.
fn uk(i: Instrument) -> Vec<StepRule> {
    let (basis, window) = match i {
        Instrument::CreditCard => (
            b(
                "Card-scheme chargeback and Section 75 Consumer Credit Act 1974 (card issuer jointly liable for items priced over £100 and up to £30,000)",
                "卡组织拒付规则及《1974年消费信贷法》第75条（单价超过100英镑且不超过30,000英镑时发卡机构承担连带责任）",
            ),
            b(
                "Chargeback: about 120 days from the transaction; Section 75 has no scheme window.",
                "拒付：交易后约120日内；第75条无卡组织期限。",
            ),
        ),
        Instrument::DebitCard => (
            b(
                "Card-scheme chargeback (a scheme rule, not a legal right); Payment Services Regulations 2017 for unauthorised or incorrect payments",
                "卡组织拒付规则（非法定权利）；未经授权或错误支付适用《2017年支付服务条例》",
            ),
            b("Chargeback: about 120 days from the transaction.", "拒付：交易后约120日内。"),
        ),
        Instrument::PaymentPlatform | Instrument::BankTransfer => (
            b(
                "Payment Services Regulations 2017 (the UK's implementation of PSD2)",
                "《2017年支付服务条例》（英国对PSD2的实施）",
            ),
            b(
                "Without undue delay and at the latest 13 months after the debit date.",
                "不得无故拖延，最迟在扣款日后13个月内。",
            ),
        ),
    };
    vec![
        StepRule {
            step: Step::Merchant,
            recipient: b("Trader (customer services)", "商家（客服部门）"),
            placeholder: b("Customer services", "客服部门"),
            legal_basis: b(
                "Consumer Rights Act 2015; Consumer Contracts Regulations 2013 for distance sales",
                "《2015年消费者权利法》；远程销售适用《2013年消费者合同条例》",
            ),
            send_deadline: b(
                "Faulty goods: reject within 30 days of delivery (short-term right to reject); distance sales: cancel within 14 days.",
                "有质量问题的商品：交付后30日内拒收（短期拒收权）；远程购物：14日内取消。",
            ),
            answer_due: b(
                "Refund within 14 days of agreeing it or of the cancellation; convention: 14 days to reply.",
                "同意退款或取消后14日内退款；惯例：14日内答复。",
            ),
            attach: merchant_attach(),
        },
        StepRule {
            step: Step::Bank,
            recipient: b("Card issuer or bank (complaints team)", "发卡机构或银行（投诉部门）"),
            placeholder: b("Complaints team", "投诉部门"),
            legal_basis: basis,
            send_deadline: window,
            answer_due: b(
                "Final response within 8 weeks; for payment-services complaints within 15 business days (35 in exceptional cases).",
                "8周内作出最终答复；支付服务类投诉15个工作日内（特殊情况35个工作日）。",
            ),
            attach: vec![
                b("Statement showing the charge", "显示该笔交易的账单"),
                b("The letter to the trader and any reply", "致商家的信函及其答复"),
                b("Proof of the breach or non-delivery", "违约或未交付的证明"),
                b(
                    "Fraud: the Report Fraud reference, if you reported it (reportfraud.police.uk, 0300 123 2040; in Scotland, Police Scotland on 101)",
                    "欺诈：如已报案，附Report Fraud编号（reportfraud.police.uk，0300 123 2040；苏格兰：拨打101联系苏格兰警察）",
                ),
            ],
        },
        StepRule {
            step: Step::Association,
            recipient: b("Financial Ombudsman Service", "金融申诉专员服务机构（FOS）"),
            placeholder: b(
                "Financial Ombudsman Service, Exchange Tower, London E14 9SR",
                "Financial Ombudsman Service, Exchange Tower, London E14 9SR",
            ),
            legal_basis: b(
                "Financial Services and Markets Act 2000; FCA Handbook DISP",
                "《2000年金融服务与市场法》；FCA手册DISP章",
            ),
            send_deadline: b(
                "After the firm's final response or once 8 weeks have passed; within 6 months of the final response (and 6 years of the event).",
                "收到最终答复或满8周后；须在最终答复后6个月内（且在事件发生后6年内）。",
            ),
            answer_due: b("The Ombudsman sets its own timetable.", "由申诉专员自行安排时间。"),
            attach: vec![
                b("The complaint file and the firm's final response", "投诉材料及机构的最终答复"),
                b("Statement and evidence", "账单及证据"),
            ],
        },
        StepRule {
            step: Step::Court,
            recipient: b(
                "County Court (small claims track; Money Claim Online)",
                "郡法院（小额索赔程序；Money Claim Online）",
            ),
            placeholder: b("The defendant", "被告"),
            legal_basis: b(
                "Against the trader: the contract and the Consumer Rights Act 2015 (Section 75 is a claim against the card issuer, which may be joined as a co-defendant); an unauthorised payment: against the bank (PSRs 2017 regs 76–77). The Practice Direction – Pre-Action Conduct and Protocols (PD-PAC) is the procedure to follow first, not a cause of action.",
                "针对商家：合同及《2015年消费者权利法》（第75条是对发卡机构的请求，可将其列为共同被告）；未经授权的支付：针对银行（《2017年支付服务条例》第76–77条）。《诉前行为与规程实务指引》（PD-PAC）是起诉前须遵循的程序，而非诉因。",
            ),
            send_deadline: b(
                "A Letter Before Claim first (PD-PAC para 6); small claims track up to £10,000; Money Claim Online for fixed sums under £100,000.",
                "先发送起诉前函（PD-PAC第6段）；小额索赔程序上限10,000英镑；Money Claim Online适用于10万英镑以下的固定金额。",
            ),
            answer_due: b(
                "14 days to reply to a Letter Before Claim in a straightforward case (PD-PAC para 6).",
                "简单案件应在14日内答复起诉前函（PD-PAC第6段）。",
            ),
            attach: vec![
                b("The Letter Before Claim and a chronology", "起诉前函及事件时间线"),
                b("Key documents and how the sum is calculated", "关键文件及金额计算方式"),
            ],
        },
    ]
}

// disputes-facts §7.3, from §3 (PSD2 Arts 71, 73, 101).
fn eu() -> Vec<StepRule> {
    vec![
        StepRule {
            step: Step::Merchant,
            recipient: b("Merchant (customer service)", "商户（客服部门）"),
            placeholder: b("Customer service", "客服部门"),
            legal_basis: b("National consumer law", "所在国消费者保护法"),
            send_deadline: b("As soon as possible.", "尽快。"),
            answer_due: b("Convention: 14 days.", "惯例：14日。"),
            attach: merchant_attach(),
        },
        StepRule {
            step: Step::Bank,
            recipient: b("Bank / payment service provider", "银行 / 支付服务提供者"),
            placeholder: b("Complaints department", "投诉部门"),
            legal_basis: b(
                "Unauthorised payments and the provider's own execution errors: Payment Services Directive (EU) 2015/2366 (PSD2) Arts 64, 71, 73, 89 and 101, as transposed nationally. Goods not received, faulty goods, a cancelled subscription, an unpaid refund: the card scheme's chargeback (contract), not PSD2",
                "未经授权的支付及支付服务提供者自身的执行错误：欧盟《支付服务指令》（PSD2，2015/2366）第64、71、73、89、101条及各国转化立法。未收到货、商品有瑕疵、取消订阅后扣款、未退款：卡组织拒付（合同），不适用PSD2",
            ),
            send_deadline: b(
                "Unauthorised or incorrectly executed: without undue delay, at the latest 13 months after the debit date (Art. 71). Chargeback: the scheme's limit, about 120 days.",
                "未经授权或执行错误：不得无故拖延，最迟在扣款日后13个月内（第71条）。拒付：以卡组织规则为准，约120日。",
            ),
            answer_due: b(
                "Unauthorised payment: refund by the end of the next business day (Art. 73); complaint reply within 15 business days, 35 in exceptional cases (Art. 101).",
                "未经授权的支付：次一营业日结束前退款（第73条）；投诉须在15个营业日内答复，特殊情况35个营业日（第101条）。",
            ),
            attach: vec![
                b("Statement showing the charge", "显示该笔交易的账单"),
                b("Police report if the payment is fraud", "如属欺诈：报警回执"),
                b("The letter to the merchant and any reply", "致商户的信函及其答复"),
            ],
        },
        StepRule {
            step: Step::Association,
            recipient: b(
                "Out-of-court body. Bank disputes: DE Ombudsmann der privaten Banken or Schlichtungsstelle der Deutschen Bundesbank; FR your bank's médiateur; NL Kifid; ES Banco de España (Reclamaciones); IT Arbitro Bancario Finanziario; IE Financial Services and Pensions Ombudsman; AT Gemeinsame Schlichtungsstelle der Österreichischen Kreditwirtschaft; BE Ombudsfin; elsewhere or cross-border: FIN-NET. A purchase from a trader in another EU country: the European Consumer Centres Network (ECC-Net).",
                "庭外争议解决机构。银行争议：德国 Ombudsmann der privaten Banken 或德国央行调解处；法国 各银行的调解员（médiateur）；荷兰 Kifid；西班牙 西班牙银行投诉部门；意大利 银行金融仲裁机构（ABF）；爱尔兰 金融服务与养老金申诉专员（FSPO）；奥地利 奥地利信贷业联合调解处；比利时 Ombudsfin；其他国家或跨境：FIN-NET。向其他欧盟国家商家购买：欧洲消费者中心网络（ECC-Net）。",
            ),
            placeholder: b("Out-of-court dispute-resolution body", "庭外争议解决机构"),
            legal_basis: b(
                "PSD2 Art. 102 (out-of-court redress for payment services); Directive 2013/11/EU (consumer ADR)",
                "PSD2第102条（支付服务庭外救济）；指令2013/11/EU（消费争议替代性解决）",
            ),
            send_deadline: b(
                "After the provider's reply or once its deadline has passed.",
                "在支付服务提供者答复后或其答复期限届满后。",
            ),
            answer_due: b("Varies by country.", "因国而异。"),
            attach: vec![b("The provider's reply and the earlier letters", "支付服务提供者的答复及此前信函")],
        },
        StepRule {
            step: Step::Court,
            recipient: b("National court (small claims); cross-border up to €5,000: European Small Claims Procedure", "所在国法院（小额诉讼）；跨境且不超过5,000欧元：欧洲小额诉讼程序"),
            placeholder: b("The competent court", "有管辖权的法院"),
            legal_basis: b("National civil procedure", "所在国民事诉讼程序"),
            send_deadline: b("Within the national limitation period.", "在所在国诉讼时效内。"),
            answer_due: b("As set by the court.", "以法院安排为准。"),
            attach: vec![b("Everything above", "以上全部材料")],
        },
    ]
}

// disputes-facts §7.4, from §4.1 (消法), §4.2 (12315), §4.3 (消协), §4.4 (bank cards),
// §4.5 (12378/12363), §4.6 (court).
fn cn(i: Instrument) -> Vec<StepRule> {
    let platform = i == Instrument::PaymentPlatform;
    let bank = if platform {
        StepRule {
            step: Step::Bank,
            recipient: b(
                "Payment platform (Alipay / WeChat Pay complaint channel)",
                "支付机构（支付宝 / 微信支付 投诉渠道）",
            ),
            placeholder: b("Customer complaints", "客户投诉部门"),
            legal_basis: b(
                "The platform's service agreement and its complaint channel",
                "支付服务协议及平台投诉渠道",
            ),
            send_deadline: b(
                "At once for unauthorised use (report to the platform and the police); otherwise as soon as possible.",
                "盗刷应立即向平台报告并报警；其他情况尽快。",
            ),
            answer_due: b(
                "The platform's complaint rules; 15 days is used as a reminder.",
                "以支付机构的投诉处理规定为准；以15日为提醒。",
            ),
            attach: vec![
                b("Payment record screenshots", "支付记录截图"),
                b("Chat logs with the merchant", "与商户的聊天记录"),
                b("Police report receipt, if you reported it", "如已报警：报警回执"),
            ],
        }
    } else {
        let transfer = i == Instrument::BankTransfer;
        StepRule {
            step: Step::Bank,
            recipient: if transfer {
                b(
                    "The bank holding your account (transfer error handling)",
                    "开户行（转账差错处理）",
                )
            } else {
                b(
                    "Issuing bank (card dispute / error handling)",
                    "发卡行（银行卡争议 / 差错处理）",
                )
            },
            placeholder: b("Customer service", "客户服务部门"),
            legal_basis: b(
                "The card agreement; UnionPay error/dispute process; for unauthorised use the Supreme People's Court Provisions on Bank Card Civil Disputes (2021)",
                "银行卡领用合约；银联差错/争议处理流程；盗刷适用最高人民法院《关于审理银行卡民事纠纷案件若干问题的规定》（2021年）",
            ),
            send_deadline: b(
                "At once for unauthorised use (report the card lost first); otherwise as soon as possible, as the bank must raise a card dispute with the network in time.",
                "盗刷应立即挂失；其他情况尽快提出，发卡行须在卡组织规定时间内发起争议。",
            ),
            answer_due: b(
                "CBIRC Measures on Consumer Complaints (Order 2020 No. 3): 15 days for a clear complaint, 30 if complex, 30 more with internal approval if very complex; the answer names the further channels.",
                "《银行业保险业消费投诉处理管理办法》：事实清楚的15日内办结，复杂的30日内，特别复杂的经批准可再延长30日；答复须告知后续渠道。",
            ),
            attach: vec![
                b("Statement", "账单"),
                b("Card slip (签购单)", "签购单"),
                b("Report-loss and police receipts, if any", "如有：挂失、报警回执"),
                b("Correspondence with the merchant", "与商户的沟通记录"),
            ],
        }
    };
    let regulator = if platform { "12363" } else { "12378" };
    vec![
        StepRule {
            step: Step::Merchant,
            recipient: b("Merchant (negotiation)", "商户（协商和解）"),
            placeholder: b("Customer service", "客服部门"),
            legal_basis: b(
                "PRC Consumer Rights Protection Law art. 39(1) (negotiation); matched to the reason: double charge Civil Code art. 985; goods Civil Code arts 577, 563, 566 and, for faulty goods, Consumer Law art. 24; a subscription billed after cancelling Civil Code art. 565. Art. 25 only for distance sales, art. 55 only for fraud",
                "《中华人民共和国消费者权益保护法》第三十九条第（一）项（协商和解）；依事由适用：重复扣款 民法典第九百八十五条；商品问题 民法典第五百七十七条、第五百六十三条、第五百六十六条，质量问题另依消法第二十四条；取消订阅后扣款 民法典第五百六十五条。第二十五条仅适用于远程购物，第五十五条仅适用于欺诈",
            ),
            send_deadline: b(
                "Faulty goods: a return within 7 days of receipt (Consumer Law art. 24), after that repair or replacement; otherwise as soon as possible.",
                "商品质量问题：自收到商品之日起七日内可退货（消法第二十四条），此后可要求更换、修理；其他情况尽快。",
            ),
            answer_due: b(
                "No statutory period: convention 7 days.",
                "无法定期限：惯例7日。",
            ),
            attach: vec![
                b("Receipt or invoice (小票/发票)", "购物小票、发票"),
                b("Card slip (签购单)", "签购单"),
                b("Bank SMS or statement screenshot", "银行短信或账单截图"),
                b("Chat logs", "聊天记录"),
                b("Photos", "照片"),
            ],
        },
        bank,
        StepRule {
            step: Step::Association,
            recipient: b(
                &format!("One of: 12315 (market regulator), the Consumers' Association (mediation), or {regulator} (financial regulator)"),
                &format!("择一：12315（市场监督管理部门）、消费者协会（调解）或{regulator}（金融监管部门）"),
            ),
            // The letter names the chosen body (letters::context), so this is only a fallback.
            placeholder: b("Complaint-handling body", "投诉受理机构"),
            legal_basis: b(
                "Consumer Rights Protection Law art. 39(2)(3), art. 46; SAMR Interim Measures on Complaints and Reports",
                "《消费者权益保护法》第三十九条第（二）（三）项、第四十六条；《市场监督管理投诉举报处理暂行办法》",
            ),
            send_deadline: b(
                "Within 3 years of when you knew or should have known of the harm (12315).",
                "自知道或应当知道权益受到损害之日起三年内（12315）。",
            ),
            answer_due: b(
                &format!("12315: decision to accept within 7 working days; mediation ends if no agreement within 45 working days of acceptance; {regulator}: about 15 working days."),
                &format!("12315：7个工作日内决定是否受理；受理后45个工作日内未达成调解协议的终止调解；{regulator}：约15个工作日。"),
            ),
            attach: vec![
                b("Complaint with both parties' details, facts, a specific demand and an evidence list", "载明双方信息、事实、具体诉求及证据清单的投诉书"),
                b("Proof of the earlier negotiation", "此前协商的证明"),
            ],
        },
        StepRule {
            step: Step::Court,
            // Review #27: small claims only up to the province's threshold (民事诉讼法 第165条).
            recipient: b(
                "Basic-level People's Court (small-claims procedure up to 50% of the province's previous-year average annual wage; above it, the simplified or ordinary procedure)",
                "基层人民法院（标的额为本省上年度就业人员年平均工资百分之五十以下的适用小额诉讼程序；超过的适用简易程序或者普通程序）",
            ),
            placeholder: b("Basic-level People's Court", "＿＿＿＿＿＿人民法院"),
            legal_basis: b(
                "Civil Procedure Law arts 122, 124, 165; the cause of action matched to the claim",
                "《中华人民共和国民事诉讼法》第一百二十二条、第一百二十四条、第一百六十五条；案由依诉讼请求确定",
            ),
            send_deadline: b(
                "No fixed date: limitation (3 years) runs from when you knew of the harm, and each written demand to the other side interrupts it and starts it again (Civil Code arts 188, 195).",
                "无固定日期：诉讼时效三年，自知道或者应当知道权利受到损害以及义务人之日起计算；向对方提出履行请求的，诉讼时效中断并重新计算（民法典第一百八十八条、第一百九十五条）。",
            ),
            answer_due: b(
                "Scheduled by the court; a small claim is decided in a single trial, a larger one may be appealed.",
                "由法院排期；适用小额诉讼程序的一审终审，其他案件可以上诉。",
            ),
            attach: vec![
                b("The complaint (民事起诉状) with a copy for each defendant", "民事起诉状及按被告人数提交的副本"),
                b("Evidence list (证据清单)", "证据清单"),
            ],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ladder_has_four_ordered_steps_with_text_in_both_languages() {
        for j in Jurisdiction::ALL {
            for i in Instrument::ALL {
                let l = ladder(j, i);
                let steps: Vec<Step> = l.iter().map(|r| r.step).collect();
                assert_eq!(steps, Step::ALL.to_vec(), "{j:?} {i:?}");
                for r in &l {
                    for t in [
                        &r.recipient,
                        &r.placeholder,
                        &r.legal_basis,
                        &r.send_deadline,
                        &r.answer_due,
                    ] {
                        assert!(
                            !t.en.is_empty() && !t.zh.is_empty(),
                            "{j:?} {i:?} {:?}",
                            r.step
                        );
                    }
                    assert!(!r.attach.is_empty());
                }
            }
        }
    }

    /// Review #26: the ladder's own words follow §9 — no statute that does not fit the reason.
    #[test]
    fn ladder_text_follows_section_9() {
        for i in Instrument::ALL {
            let cn = ladder(Jurisdiction::Cn, i);
            let merchant = format!("{:?}{:?}", cn[0].legal_basis, cn[0].answer_due);
            assert!(!merchant.contains("arts 24, 25") && !merchant.contains("(art. 25)"));
            assert!(!merchant.contains("39(1), 55"));
            assert!(
                cn[3].send_deadline.en.contains("195"),
                "{:?}",
                cn[3].send_deadline
            );
            assert!(!cn[3].legal_basis.en.contains("188"));
            // Small claims only up to the province's threshold; above it, another procedure.
            assert!(cn[3]
                .recipient
                .zh
                .contains("百分之五十以下的适用小额诉讼程序"));
            assert!(cn[3].recipient.zh.contains("简易程序或者普通程序"));
            let eu = &ladder(Jurisdiction::Eu, i)[1];
            assert!(eu
                .legal_basis
                .en
                .contains("chargeback (contract), not PSD2"));
        }
        let us = &ladder(Jurisdiction::Us, Instrument::CreditCard)[1];
        assert!(us.legal_basis.en.contains("§1026.12(c)"));
    }

    #[test]
    fn recipients_match_the_fact_sheet() {
        let us_credit = ladder(Jurisdiction::Us, Instrument::CreditCard);
        assert_eq!(
            us_credit[1].recipient.en,
            "Card issuer (billing-inquiry address)"
        );
        assert!(us_credit[1].legal_basis.en.contains("§1026.13"));
        assert!(ladder(Jurisdiction::Us, Instrument::DebitCard)[1]
            .legal_basis
            .en
            .contains("§1005.11"));
        assert_eq!(us_credit[2].recipient.en, "CFPB / State Attorney General");
        assert_eq!(
            ladder(Jurisdiction::Uk, Instrument::CreditCard)[2]
                .recipient
                .en,
            "Financial Ombudsman Service"
        );
        // disputes-facts §9.4: one body, which the user picks.
        let cn_debit = ladder(Jurisdiction::Cn, Instrument::DebitCard)[2]
            .recipient
            .zh
            .clone();
        assert!(cn_debit.starts_with("择一") && cn_debit.contains("12378"));
        assert!(ladder(Jurisdiction::Cn, Instrument::PaymentPlatform)[2]
            .recipient
            .zh
            .contains("12363"));
        assert!(ladder(Jurisdiction::Cn, Instrument::PaymentPlatform)[1]
            .recipient
            .zh
            .contains("支付机构"));
        assert!(ladder(Jurisdiction::Cn, Instrument::DebitCard)[3]
            .legal_basis
            .zh
            .contains("第一百二十四条"));
    }
}
