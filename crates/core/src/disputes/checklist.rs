//! The evidence checklist for a dispute reason: what to gather, what can stand in for a lost
//! receipt, and — for an unauthorised charge — what to do at once before any letter.
//! Sources: disputes-facts §7 "Attach" columns, §1.2 and §3 (liability caps reward prompt
//! reporting), §4.4 (挂失 and 报警 for 盗刷).

use super::{Bilingual, Jurisdiction, Reason};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Checklist {
    pub reason: Reason,
    pub jurisdiction: Jurisdiction,
    /// Steps to take before any letter (only for unauthorised charges), in order.
    pub urgent_first: Vec<Bilingual>,
    /// Evidence to gather.
    pub evidence: Vec<Bilingual>,
    /// What can prove the purchase when the receipt is lost.
    pub if_receipt_lost: Vec<Bilingual>,
}

fn b(en: &str, zh: &str) -> Bilingual {
    Bilingual::new(en, zh)
}

pub fn checklist(reason: Reason, jurisdiction: Jurisdiction) -> Checklist {
    let statement_line = b(
        "The statement line showing the charge (date, merchant, amount)",
        "显示该笔扣款的账单记录（日期、商户、金额）",
    );
    let bank_sms = b(
        "The bank's SMS or app notification of the charge",
        "银行扣款短信或App通知",
    );
    let chat = b(
        "Chat logs, emails and notes of calls with the merchant (date, name, what was said)",
        "与商户的聊天记录、邮件及通话记录（日期、对方姓名、内容）",
    );
    let receipt = b(
        "Receipt, invoice or order confirmation",
        "购物小票、发票或订单确认",
    );
    let card_slip = b("Card slip (签购单) signed at the terminal", "签购单");

    let mut evidence = vec![statement_line.clone()];
    match reason {
        Reason::DoubleCharge => {
            evidence.push(b(
                "Both statement lines of the duplicate charge",
                "重复扣款的两条账单记录",
            ));
            evidence.push(receipt.clone());
            evidence.push(card_slip.clone());
            evidence.push(bank_sms.clone());
        }
        Reason::NotAuthorised => {
            evidence.push(bank_sms.clone());
            evidence.push(b(
                "Proof of where you and your card were at the time (e.g. a card still in your hand, travel records)",
                "交易发生时您本人及卡片所在位置的证明（如卡片仍在手中、行程记录）",
            ));
            evidence.push(b(
                "Report-loss confirmation and police or fraud report number",
                "挂失凭证及报警回执编号",
            ));
        }
        Reason::NotReceived => {
            evidence.push(receipt.clone());
            evidence.push(b(
                "The promised delivery date and the delivery tracking record",
                "承诺的发货/送达日期及物流跟踪记录",
            ));
            evidence.push(chat.clone());
        }
        Reason::CancelledSubscription => {
            evidence.push(b(
                "Proof of cancellation (confirmation email, screenshot, date)",
                "取消订阅的证明（确认邮件、截图、日期）",
            ));
            evidence.push(b(
                "The subscription terms on cancellation",
                "订阅条款中关于取消的规定",
            ));
            evidence.push(chat.clone());
        }
        Reason::WrongAmount => {
            evidence.push(receipt.clone());
            evidence.push(card_slip.clone());
            evidence.push(b(
                "The price you agreed (quote, menu, screenshot)",
                "约定价格的证明（报价、价目表、截图）",
            ));
        }
        Reason::RefundNotCredited => {
            evidence.push(b(
                "The merchant's refund confirmation or credit slip (退款凭证)",
                "商户的退款确认或退款凭证",
            ));
            evidence.push(b(
                "Proof that you returned the item (return tracking)",
                "退货证明（退货物流单号）",
            ));
            evidence.push(chat.clone());
        }
        Reason::FaultyGoods => {
            evidence.push(receipt.clone());
            evidence.push(b("Photos or video of the fault", "故障的照片或视频"));
            evidence.push(b(
                "The product description or advert as it was when you bought",
                "购买时的商品描述或广告",
            ));
            evidence.push(chat.clone());
        }
    }
    if reason != Reason::NotAuthorised {
        evidence.push(b(
            "Your letters of the earlier steps and any replies",
            "此前各步骤的信函及答复",
        ));
    }

    let mut if_receipt_lost = vec![
        b("The card or bank statement line", "银行卡账单或流水记录"),
        b(
            "The bank's SMS or app notification",
            "银行短信或App交易通知",
        ),
        b(
            "The order history or confirmation email in your account with the merchant",
            "商户账户中的订单记录或确认邮件",
        ),
        b(
            "Ask the merchant for a copy of the receipt",
            "请商户补打小票或提供交易凭证",
        ),
    ];
    if jurisdiction == Jurisdiction::Cn {
        if_receipt_lost.push(b(
            "Ask the issuing bank to retrieve the card slip (调单) from the acquirer",
            "请发卡行向收单机构调取签购单（调单）",
        ));
        if_receipt_lost.push(b(
            "Payment record in Alipay / WeChat Pay (账单详情)",
            "支付宝/微信支付账单详情",
        ));
    } else {
        if_receipt_lost.push(b(
            "Ask the card issuer for a copy of the sales draft",
            "请发卡机构提供交易单据副本",
        ));
    }

    let urgent_first = if reason == Reason::NotAuthorised {
        urgent_steps(jurisdiction)
    } else {
        Vec::new()
    };
    Checklist {
        reason,
        jurisdiction,
        urgent_first,
        evidence,
        if_receipt_lost,
    }
}

/// What to do at once for an unauthorised charge: liability grows with delay (disputes-facts
/// §1.2: ≤ $50 if reported within 2 business days; §3: €50 cap, nothing after notifying;
/// §4.4: the holder bears losses that grew because 挂失 came late).
fn urgent_steps(j: Jurisdiction) -> Vec<Bilingual> {
    let mut v = vec![b(
        "Freeze or report the card to the bank at once (app or phone) and ask for a new card",
        "立即通过App或电话冻结、挂失银行卡，并申请换卡",
    )];
    match j {
        Jurisdiction::Us => {
            v.push(b(
                "Report within 2 business days of noticing: that keeps debit-card liability at $50 (Reg E); credit-card liability is capped at $50",
                "发现后2个工作日内报告：借记卡责任上限保持在50美元（E条例）；信用卡责任上限为50美元",
            ));
            v.push(b(
                "File an identity-theft report at IdentityTheft.gov (FTC) if your details were stolen",
                "如个人信息被盗用，在IdentityTheft.gov（FTC）提交身份盗用报告",
            ));
        }
        Jurisdiction::Uk => v.push(b(
            // disputes-facts §9.2: Report Fraud replaced Action Fraud on 4 December 2025.
            "Report the fraud to Report Fraud (reportfraud.police.uk, 0300 123 2040; in Scotland, Police Scotland on 101), keep the reference and enter it in the case so letters can quote it",
            "向Report Fraud报案（reportfraud.police.uk，0300 123 2040；苏格兰拨打101联系苏格兰警察），保存编号并填入本案，以便信函引用",
        )),
        Jurisdiction::Eu => v.push(b(
            "Report it to the police and keep the report: after you notify the bank you owe nothing more (PSD2, liability cap €50)",
            "向警方报案并保存回执：通知银行后您不再承担损失（PSD2，责任上限50欧元）",
        )),
        Jurisdiction::Cn => {
            v.push(b(
                "Report the 盗刷 to the police (报警) and keep the receipt (报警回执)",
                "就盗刷向公安机关报警，并保存报警回执",
            ));
            v.push(b(
                "Where possible, make a transaction at a nearby ATM or counter with the card to prove it is in your hands (留存证据)",
                "如可能，持卡在就近ATM或柜台操作一笔交易，证明卡片在您手中（留存证据）",
            ));
        }
    }
    v.push(b(
        "Change passwords and PINs, and check for other charges you don't recognise",
        "修改密码及PIN，并检查是否还有其他不明交易",
    ));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unauthorised_starts_with_urgent_steps_and_others_do_not() {
        let cn = checklist(Reason::NotAuthorised, Jurisdiction::Cn);
        assert!(cn.urgent_first[0].zh.contains("挂失"));
        assert!(cn.urgent_first.iter().any(|s| s.zh.contains("报警")));
        let us = checklist(Reason::NotAuthorised, Jurisdiction::Us);
        assert!(us
            .urgent_first
            .iter()
            .any(|s| s.en.contains("IdentityTheft.gov")));
        for r in Reason::ALL {
            for j in Jurisdiction::ALL {
                let c = checklist(r, j);
                assert_eq!(c.urgent_first.is_empty(), r != Reason::NotAuthorised);
                assert!(c.evidence.len() >= 3 && !c.if_receipt_lost.is_empty());
            }
        }
    }

    #[test]
    fn card_slip_and_sms_where_they_matter() {
        let c = checklist(Reason::DoubleCharge, Jurisdiction::Cn);
        assert!(c.evidence.iter().any(|e| e.zh.contains("签购单")));
        assert!(c.evidence.iter().any(|e| e.zh.contains("短信")));
        let lost = checklist(Reason::FaultyGoods, Jurisdiction::Cn).if_receipt_lost;
        assert!(lost.iter().any(|e| e.zh.contains("调单")));
        let nr = checklist(Reason::NotReceived, Jurisdiction::Uk);
        assert!(nr.evidence.iter().any(|e| e.en.contains("tracking")));
    }
}
