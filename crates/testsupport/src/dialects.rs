//! Ten export dialects, written as the banks and wallets write them: their own headers, date
//! orders, decimal marks, sign conventions (purchases negative, purchases positive, debit and
//! credit columns, a 收/支 direction column), row order and preambles.

use crate::model::{Flow, Txn};
use chrono::{Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// A US checking account: month-first dates, signed amounts, newest first.
    ChaseChecking,
    /// A US charge card: purchases positive, credits negative.
    Amex,
    /// A US credit card: ISO dates, separate debit and credit columns.
    CapitalOne,
    /// A wallet: a row per payment and a row per card top-up, a currency per row.
    PayPal,
    /// A UK current account: day-first dates, time column, local amount of charges abroad.
    Monzo,
    /// A multi-currency card: date-times, a currency per row.
    Revolut,
    /// A German bank: semicolons, decimal commas, two-digit years, booking texts.
    Sparkasse,
    /// A Chinese credit card: purchases positive, repayments negative.
    Cmb,
    /// Alipay's bill: a preamble, 收/支 direction, unsigned amounts, newest first.
    Alipay,
    /// WeChat Pay's bill: a preamble, 收/支 direction, `¥` amounts, newest first.
    WeChat,
}

impl Dialect {
    pub const ALL: [Dialect; 10] = [
        Dialect::ChaseChecking,
        Dialect::Amex,
        Dialect::CapitalOne,
        Dialect::PayPal,
        Dialect::Monzo,
        Dialect::Revolut,
        Dialect::Sparkasse,
        Dialect::Cmb,
        Dialect::Alipay,
        Dialect::WeChat,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::ChaseChecking => "chase-checking",
            Dialect::Amex => "amex",
            Dialect::CapitalOne => "capital-one",
            Dialect::PayPal => "paypal",
            Dialect::Monzo => "monzo",
            Dialect::Revolut => "revolut",
            Dialect::Sparkasse => "sparkasse",
            Dialect::Cmb => "cmb",
            Dialect::Alipay => "alipay",
            Dialect::WeChat => "wechat",
        }
    }

    /// Whether a charge abroad can be printed in the foreign currency; otherwise the card bills
    /// it in the home currency with the place in the descriptor.
    pub fn prints_foreign_currency(self) -> bool {
        matches!(self, Dialect::PayPal | Dialect::Revolut)
    }

    fn newest_first(self) -> bool {
        matches!(
            self,
            Dialect::ChaseChecking | Dialect::Amex | Dialect::Alipay | Dialect::WeChat
        )
    }

    fn separator(self) -> char {
        if self == Dialect::Sparkasse {
            ';'
        } else {
            ','
        }
    }

    /// One statement: the rows in the dialect's order, and for each generated row written the
    /// 1-based physical line it is on (how the import reports provenance).
    pub fn write(self, holder: &str, from: NaiveDate, to: NaiveDate, rows: &[&Txn]) -> Written {
        let mut ordered: Vec<&Txn> = rows.to_vec();
        ordered.sort_by_key(|t| (t.date, t.time, t.id));
        if self.newest_first() {
            ordered.reverse();
        }
        let mut lines = self.preamble(holder, from, to, &ordered);
        lines.push(self.header());
        let mut at = Vec::with_capacity(ordered.len());
        for t in ordered {
            lines.push(line(&self.cells(holder, t), self.separator()));
            at.push((t.id, lines.len() as u64));
        }
        let mut text = lines.join("\n");
        text.push('\n');
        Written { text, lines: at }
    }

    fn header(self) -> String {
        match self {
            Dialect::ChaseChecking => {
                "Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #"
            }
            Dialect::Amex => "Date,Description,Card Member,Account #,Amount,Reference",
            Dialect::CapitalOne => {
                "Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit"
            }
            Dialect::PayPal => {
                "\"Date\",\"Time\",\"TimeZone\",\"Name\",\"Type\",\"Status\",\"Currency\",\"Gross\",\"Fee\",\"Net\",\"Transaction ID\""
            }
            Dialect::Monzo => {
                "Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description"
            }
            Dialect::Revolut => {
                "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance"
            }
            Dialect::Sparkasse => {
                "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Glaeubiger ID\";\"Mandatsreferenz\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer/IBAN\";\"BIC (SWIFT-Code)\";\"Betrag\";\"Waehrung\";\"Info\""
            }
            Dialect::Cmb => "交易日,记账日,交易摘要,人民币金额,卡号末四位",
            Dialect::Alipay => {
                "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注"
            }
            Dialect::WeChat => {
                "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注"
            }
        }
        .to_string()
    }

    fn preamble(self, holder: &str, from: NaiveDate, to: NaiveDate, rows: &[&Txn]) -> Vec<String> {
        let out: i64 = rows
            .iter()
            .filter(|t| t.amount < 0)
            .map(|t| -t.amount)
            .sum();
        let inn: i64 = rows.iter().filter(|t| t.amount > 0).map(|t| t.amount).sum();
        let n_out = rows.iter().filter(|t| t.amount < 0).count();
        let n_in = rows.len() - n_out;
        match self {
            Dialect::Alipay => vec![
                "------------------------------------------------------------------------------------".into(),
                "导出信息：".into(),
                format!("姓名：{holder}"),
                "支付宝账户：138****2046".into(),
                format!("起始时间：[{from} 00:00:00]    终止时间：[{to} 23:59:59]"),
                "导出交易类型：[全部]".into(),
                format!("导出时间：[{} 09:12:45]", to + Duration::days(1)),
                format!("共{}笔记录", rows.len()),
                format!("收入：{n_in}笔 {}元", decimal(inn, 2, '.')),
                format!("支出：{n_out}笔 {}元", decimal(out, 2, '.')),
                "不计收支：0笔 0.00元".into(),
                String::new(),
                "特别提示：".into(),
                "1.本回单内容可表明支付宝受理了相关交易，不代表交易可以提现或结算。".into(),
                "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------".into(),
            ],
            Dialect::WeChat => vec![
                "微信支付账单明细,,,,,,,,,,".into(),
                format!("微信昵称：[{holder}],,,,,,,,,,"),
                format!("起始时间：[{from} 00:00:00] 终止时间：[{to} 23:59:59],,,,,,,,,,"),
                "导出类型：[全部],,,,,,,,,,".into(),
                format!("导出时间：[{} 20:31:07],,,,,,,,,,", to + Duration::days(1)),
                ",,,,,,,,,,".into(),
                format!("共{}笔记录,,,,,,,,,,", rows.len()),
                format!("收入：{n_in}笔 {}元,,,,,,,,,,", decimal(inn, 2, '.')),
                format!("支出：{n_out}笔 {}元,,,,,,,,,,", decimal(out, 2, '.')),
                "中性交易：0笔 0.00元,,,,,,,,,,".into(),
                "注：,,,,,,,,,,".into(),
                "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易,,,,,,,,,,".into(),
                ",,,,,,,,,,".into(),
                "----------------------微信支付账单明细列表--------------------,,,,,,,,,,".into(),
            ],
            _ => Vec::new(),
        }
    }

    fn cells(self, holder: &str, t: &Txn) -> Vec<String> {
        let digits = minor_digits(t.currency);
        let signed = decimal(t.amount, digits, '.');
        let unsigned = decimal(t.amount.abs(), digits, '.');
        let date = t.date;
        let time = t.time.format("%H:%M:%S").to_string();
        let posted = date + Duration::days(1 + (t.id % 2) as i64);
        let reference = reference(t.id);
        let out = t.amount < 0;
        match self {
            Dialect::ChaseChecking => vec![
                if out { "DEBIT" } else { "CREDIT" }.into(),
                date.format("%m/%d/%Y").to_string(),
                t.text.clone(),
                signed,
                match t.flow {
                    Flow::Purchase => "DEBIT_CARD",
                    Flow::Refund => "REFUND",
                    Flow::Income => "ACH_CREDIT",
                    Flow::Transfer | Flow::Funding => "ACH_DEBIT",
                    Flow::CardPayment => "LOAN_PMT",
                }
                .into(),
                String::new(),
                String::new(),
            ],
            Dialect::Amex => vec![
                date.format("%m/%d/%Y").to_string(),
                t.text.clone(),
                holder.to_uppercase(),
                "-41007".into(),
                decimal(-t.amount, digits, '.'),
                format!("'{reference}'"),
            ],
            Dialect::CapitalOne => vec![
                date.format("%Y-%m-%d").to_string(),
                posted.format("%Y-%m-%d").to_string(),
                "7731".into(),
                t.text.clone(),
                category(t.flow).into(),
                if out { unsigned.clone() } else { String::new() },
                if out { String::new() } else { unsigned },
            ],
            Dialect::PayPal => vec![
                date.format("%m/%d/%Y").to_string(),
                time,
                "PST".into(),
                t.counterparty.clone(),
                match t.flow {
                    Flow::Funding => "General Card Deposit",
                    Flow::Refund => "Payment Refund",
                    Flow::Income => "General Payment",
                    _ if t.text.contains("SUBSCR") => "PreApproved Payment Bill User Payment",
                    _ => "Express Checkout Payment",
                }
                .into(),
                "Completed".into(),
                t.currency.into(),
                signed.clone(),
                "0.00".into(),
                signed,
                reference[..17].to_string(),
            ],
            Dialect::Monzo => vec![
                format!("tx_0000{}", &reference[..16]),
                date.format("%d/%m/%Y").to_string(),
                time,
                match t.flow {
                    Flow::Purchase | Flow::Refund => "Card payment",
                    Flow::Income => "Faster payment",
                    Flow::Transfer | Flow::CardPayment | Flow::Funding => "Direct Debit",
                }
                .into(),
                t.counterparty.clone(),
                String::new(),
                category(t.flow).into(),
                signed.clone(),
                t.currency.into(),
                signed,
                t.currency.into(),
                String::new(),
                String::new(),
                String::new(),
                t.text.clone(),
            ],
            Dialect::Revolut => {
                let stamp = format!("{} {time}", date.format("%Y-%m-%d"));
                vec![
                    match t.flow {
                        Flow::Purchase => "CARD_PAYMENT",
                        Flow::Refund => "REFUND",
                        Flow::Funding | Flow::Income => "TOPUP",
                        Flow::Transfer | Flow::CardPayment => "TRANSFER",
                    }
                    .into(),
                    "Current".into(),
                    stamp.clone(),
                    stamp,
                    t.text.clone(),
                    signed,
                    decimal(0, digits, '.'),
                    t.currency.into(),
                    "COMPLETED".into(),
                    String::new(),
                ]
            }
            Dialect::Sparkasse => vec![
                "DE44500105175407324931".into(),
                date.format("%d.%m.%y").to_string(),
                date.format("%d.%m.%y").to_string(),
                match t.flow {
                    Flow::Purchase => "KARTENZAHLUNG",
                    Flow::Refund => "GUTSCHRIFT",
                    Flow::Income => "LOHN  GEHALT",
                    Flow::Transfer => "DAUERAUFTRAG",
                    Flow::CardPayment | Flow::Funding => "FOLGELASTSCHRIFT",
                }
                .into(),
                if t.flow == Flow::Purchase {
                    format!(
                        "{} {}T{} Debitk.1 2028-03",
                        t.text,
                        date.format("%Y-%m-%d"),
                        t.time.format("%H:%M")
                    )
                } else {
                    t.text.clone()
                },
                String::new(),
                String::new(),
                t.counterparty.clone(),
                "DE02120300000000202051".into(),
                "BYLADEM1001".into(),
                decimal(t.amount, digits, ','),
                t.currency.into(),
                "Umsatz gebucht".into(),
            ],
            Dialect::Cmb => vec![
                date.format("%Y/%m/%d").to_string(),
                posted.format("%Y/%m/%d").to_string(),
                t.text.clone(),
                decimal(-t.amount, digits, '.'),
                "6688".into(),
            ],
            Dialect::Alipay => vec![
                format!("{} {time}", date.format("%Y-%m-%d")),
                match t.flow {
                    Flow::Purchase => "日用百货",
                    Flow::Refund => "退款",
                    Flow::Income => "收入",
                    Flow::Transfer => "转账红包",
                    Flow::CardPayment | Flow::Funding => "充值缴费",
                }
                .into(),
                t.counterparty.clone(),
                if t.counterparty.is_empty() {
                    String::new()
                } else {
                    "/".into()
                },
                t.item.clone(),
                if out { "支出" } else { "收入" }.into(),
                unsigned,
                if t.via_card {
                    "招商银行信用卡(6688)"
                } else {
                    "余额"
                }
                .into(),
                if t.flow == Flow::Refund {
                    "退款成功"
                } else {
                    "交易成功"
                }
                .into(),
                format!("2025{}\t", &digits_of(&reference)[..24]),
                format!("T{}\t", &reference[..14]),
                String::new(),
            ],
            Dialect::WeChat => vec![
                format!("{} {time}", date.format("%Y-%m-%d")),
                match t.flow {
                    Flow::Refund => "退款",
                    Flow::Transfer => "转账",
                    _ => "商户消费",
                }
                .into(),
                t.counterparty.clone(),
                t.item.clone(),
                if out { "支出" } else { "收入" }.into(),
                format!("¥{unsigned}"),
                if t.via_card {
                    "招商银行信用卡(6688)"
                } else {
                    "零钱"
                }
                .into(),
                if t.flow == Flow::Refund {
                    "已全额退款"
                } else {
                    "支付成功"
                }
                .into(),
                format!("4200{}\t", &digits_of(&reference)[..24]),
                format!("{}\t", &reference[..16]),
                "/".into(),
            ],
        }
    }
}

/// A statement file's text, and the physical line of each generated row (by its id).
pub struct Written {
    pub text: String,
    pub lines: Vec<(usize, u64)>,
}

fn category(flow: Flow) -> &'static str {
    match flow {
        Flow::Purchase => "Shopping",
        Flow::Refund => "Refund",
        Flow::Income => "Income",
        Flow::Transfer => "Bills",
        Flow::CardPayment => "Payment",
        Flow::Funding => "Transfer",
    }
}

/// Digits after the decimal mark in the currency's minor unit.
pub fn minor_digits(currency: &str) -> u32 {
    recourse_core::money::Currency::parse(currency).map_or(2, |c| c.minor_digits())
}

/// Minor units as a decimal string with the given mark, e.g. `-1234` → `-12.34` or `-12,34`.
pub fn decimal(minor: i64, digits: u32, mark: char) -> String {
    recourse_core::money::format_minor(minor, digits).replace('.', &mark.to_string())
}

/// A stable 32-character reference for a row: unique per generated row, the same in every
/// file the row is printed in (so overlapping files print it identically).
fn reference(id: usize) -> String {
    let mut x = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let mut s = String::with_capacity(32);
    for _ in 0..32 {
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        s.push(char::from(
            b"0123456789ABCDEFGHJKLMNPQRSTUVWX"[(x >> 59) as usize],
        ));
    }
    s
}

fn digits_of(reference: &str) -> String {
    reference
        .bytes()
        .map(|b| char::from(b'0' + b % 10))
        .collect()
}

/// Joins cells with the separator, quoting a cell that holds it, a quote or a line break.
fn line(cells: &[String], sep: char) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        if c.contains(sep) || c.contains('"') || c.contains('\n') || sep == ';' {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out
}
