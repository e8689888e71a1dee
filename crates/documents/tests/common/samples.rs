//! Sample letters shared by the tests and examples: one ordinary English letter, one Chinese
//! letter and one Chinese court complaint (民事起诉状), close to what the wording layer writes.

#![allow(dead_code)]

use recourse_core::letters::Letter;

pub fn english() -> Letter {
    Letter {
        lang: "en".into(),
        kind: "letter".into(),
        title: String::new(),
        sender: vec![
            "Jane Doe".into(),
            "42 Elm Street".into(),
            "Springfield, IL 62704".into(),
            "jane.doe@example.com".into(),
        ],
        recipient: vec![
            "Acme Card Services".into(),
            "Billing Inquiries".into(),
            "PO Box 1234".into(),
            "Wilmington, DE 19850".into(),
        ],
        date: "27 November 2026".into(),
        subject: "Billing error notice — account ending 1234".into(),
        body: "Dear Sir or Madam,\n\n\
I am writing to dispute a billing error in the amount of $49.99 on my account ending 1234. \
The charge from NETFLIX.COM on 3 November 2026 appears twice on my statement dated \
10 November 2026; I authorised only one.\n\n\
Under the Fair Credit Billing Act, please correct the error, credit the duplicate charge of \
$49.99 and any related finance charges, and send me a corrected statement.\n\n\
Enclosed are copies of my statement with the charges marked and the merchant's receipt."
            .into(),
        enclosures: vec![
            "Statement dated 10 November 2026".into(),
            "Receipt from NETFLIX.COM".into(),
        ],
        signature: "Jane Doe".into(),
    }
}

pub fn chinese() -> Letter {
    Letter {
        lang: "zh-CN".into(),
        kind: "letter".into(),
        title: String::new(),
        sender: vec![
            "张伟".into(),
            "北京市朝阳区建国路88号".into(),
            "电话：138 0013 8000".into(),
        ],
        recipient: vec!["招商银行信用卡中心：".into()],
        date: "2026年11月27日".into(),
        subject: "关于信用卡重复扣款的异议申请".into(),
        body: "本人持有贵行信用卡（尾号1234）。2026年11月3日，商户“美团外卖”对同一笔订单扣款两次，\
每次¥128.50，合计¥257.00。本人仅授权一次交易。\n\n\
根据《银行卡业务管理办法》及贵行信用卡章程，请贵行于收到本函之日起十五日内核实并退还重复扣款\
¥128.50，同时书面答复处理结果。"
            .into(),
        enclosures: vec!["2026年11月账单（已标注）".into(), "美团订单截图".into()],
        signature: "张伟".into(),
    }
}

pub fn complaint() -> Letter {
    Letter {
        lang: "zh-CN".into(),
        kind: "complaint".into(),
        title: "民事起诉状".into(),
        sender: vec!["张伟".into()],
        recipient: vec!["北京市朝阳区人民法院".into()],
        date: "2026年12月20日".into(),
        subject: String::new(),
        body: "原告：张伟，男，1985年6月1日出生，汉族，住北京市朝阳区建国路88号，电话：13800138000。\n\n\
被告：某某科技有限公司，住所地北京市海淀区中关村大街1号，法定代表人：李四。\n\n\
诉讼请求：\n\
一、判令被告返还重复扣款人民币¥128.50元；\n\
二、本案诉讼费用由被告承担。\n\n\
事实与理由：\n\
2026年11月3日，被告对原告同一笔订单重复扣款¥128.50元。原告多次要求退款，被告至今未予处理。\
为维护原告合法权益，特向贵院提起诉讼，望判如所请。"
            .into(),
        enclosures: vec!["起诉状副本1份".into(), "银行账单1份".into()],
        signature: "张伟".into(),
    }
}
