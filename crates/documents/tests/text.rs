//! The plain-text export, compared whole: it is what "copy" puts on the clipboard.

mod common;

use common::samples;
use recourse_documents::text;

#[test]
fn english_letter_as_text() {
    let want = "\
Jane Doe
42 Elm Street
Springfield, IL 62704
jane.doe@example.com

27 November 2026

Acme Card Services
Billing Inquiries
PO Box 1234
Wilmington, DE 19850

Billing error notice — account ending 1234

Dear Sir or Madam,

I am writing to dispute a billing error in the amount of $49.99 on my account ending 1234. The charge from NETFLIX.COM on 3 November 2026 appears twice on my statement dated 10 November 2026; I authorised only one.

Under the Fair Credit Billing Act, please correct the error, credit the duplicate charge of $49.99 and any related finance charges, and send me a corrected statement.

Enclosed are copies of my statement with the charges marked and the merchant's receipt.

Yours faithfully,

Jane Doe

Enclosures:
1. Statement dated 10 November 2026
2. Receipt from NETFLIX.COM
";
    assert_eq!(text(&samples::english()), want);
}

#[test]
fn chinese_letter_as_text() {
    let want = "\
关于信用卡重复扣款的异议申请

招商银行信用卡中心：

本人持有贵行信用卡（尾号1234）。2026年11月3日，商户“美团外卖”对同一笔订单扣款两次，每次¥128.50，合计¥257.00。本人仅授权一次交易。

根据《银行卡业务管理办法》及贵行信用卡章程，请贵行于收到本函之日起十五日内核实并退还重复扣款¥128.50，同时书面答复处理结果。

此致
敬礼！

附件：
1. 2026年11月账单（已标注）
2. 美团订单截图

张伟
北京市朝阳区建国路88号
电话：138 0013 8000
2026年11月27日
";
    assert_eq!(text(&samples::chinese()), want);
}

#[test]
fn chinese_complaint_as_text() {
    let got = text(&samples::complaint());
    assert!(got.starts_with("民事起诉状\n\n原告：张伟"), "{got}");
    // SPC 民事诉讼文书样式 (2016): 此致, the court, 附：…, then 具状人 and the date.
    assert!(
        got.contains("\n\n此致\n北京市朝阳区人民法院\n\n附：起诉状副本1份"),
        "{got}"
    );
    assert!(got.ends_with("\n\n具状人：张伟\n2026年12月20日\n"), "{got}");
}

#[test]
fn text_is_never_empty_of_structure_and_ends_with_a_newline() {
    let mut letter = samples::english();
    letter.body = "\r\n\r\n  \n".into();
    letter.enclosures.clear();
    let got = text(&letter);
    assert!(got.ends_with("Jane Doe\n"), "{got}");
    assert!(!got.contains("\n\n\n"), "{got}");
    assert!(!got.contains('\r'));
}
