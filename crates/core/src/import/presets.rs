//! Built-in layouts of common exports, as data: a header signature (names that must all be
//! present), the role of named columns, and the sign convention. Columns are found by name, so
//! a bank reordering its columns does not break the preset.

use super::profile::{Columns, SignConvention};
use super::roles::{set, tidy, Role};
use super::text::{norm_header, split_paren};

pub struct Preset {
    pub name: &'static str,
    /// Normalised header names that must all be present.
    pub signature: &'static [&'static str],
    /// Roles of named columns (names as in `signature`).
    pub roles: &'static [(Role, &'static str)],
    pub sign: SignConvention,
    pub currency: Option<&'static str>,
    /// The country writes month-first dates (for columns where no day is above 12).
    pub month_first: bool,
}

use Role::Currency as CurrencyCol;
use Role::{
    Amount, Balance, Card, Counterparty, Credit, Date, Debit, Description, Direction, Fee, Posted,
    Reference, Status, Time,
};
use SignConvention::{DebitCredit, NegativeIsDebit, PositiveIsDebit};
const DIRECTION: SignConvention = SignConvention::Direction;

pub const PRESETS: &[Preset] = &[
    Preset {
        name: "chase",
        signature: &[
            "transaction date",
            "post date",
            "description",
            "category",
            "type",
            "amount",
        ],
        roles: &[
            (Date, "transaction date"),
            (Posted, "post date"),
            (Description, "description"),
            (Amount, "amount"),
        ],
        sign: NegativeIsDebit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "chase",
        signature: &[
            "details",
            "posting date",
            "description",
            "amount",
            "type",
            "balance",
        ],
        roles: &[
            (Date, "posting date"),
            (Description, "description"),
            (Amount, "amount"),
        ],
        sign: NegativeIsDebit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "amex",
        signature: &["date", "description", "card member", "account #", "amount"],
        roles: &[
            (Date, "date"),
            (Description, "description"),
            (Amount, "amount"),
            (Reference, "reference"),
        ],
        sign: PositiveIsDebit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "capital-one",
        signature: &[
            "transaction date",
            "posted date",
            "card no.",
            "description",
            "category",
            "debit",
            "credit",
        ],
        roles: &[
            (Date, "transaction date"),
            (Posted, "posted date"),
            (Card, "card no."),
            (Description, "description"),
            (Debit, "debit"),
            (Credit, "credit"),
        ],
        sign: DebitCredit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "citi",
        signature: &["status", "date", "description", "debit", "credit"],
        roles: &[
            (Status, "status"),
            (Date, "date"),
            (Description, "description"),
            (Debit, "debit"),
            (Credit, "credit"),
        ],
        sign: DebitCredit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "bank-of-america",
        signature: &[
            "posted date",
            "reference number",
            "payee",
            "address",
            "amount",
        ],
        roles: &[
            (Date, "posted date"),
            (Reference, "reference number"),
            (Description, "payee"),
            (Amount, "amount"),
        ],
        sign: NegativeIsDebit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "bank-of-america",
        signature: &["date", "description", "amount", "running bal."],
        roles: &[
            (Date, "date"),
            (Description, "description"),
            (Amount, "amount"),
            (Balance, "running bal."),
        ],
        sign: NegativeIsDebit,
        currency: Some("USD"),
        month_first: true,
    },
    Preset {
        name: "barclays",
        signature: &["number", "date", "account", "amount", "subcategory", "memo"],
        roles: &[
            (Date, "date"),
            (Description, "memo"),
            (Amount, "amount"),
            (Reference, "number"),
        ],
        sign: NegativeIsDebit,
        currency: Some("GBP"),
        month_first: false,
    },
    Preset {
        name: "monzo",
        signature: &[
            "transaction id",
            "date",
            "time",
            "type",
            "name",
            "amount",
            "currency",
        ],
        roles: &[
            (Reference, "transaction id"),
            (Date, "date"),
            (Time, "time"),
            (Counterparty, "name"),
            (Description, "description"),
            (Amount, "amount"),
            (CurrencyCol, "currency"),
        ],
        sign: NegativeIsDebit,
        currency: Some("GBP"),
        month_first: false,
    },
    Preset {
        name: "revolut",
        signature: &[
            "type",
            "product",
            "started date",
            "completed date",
            "description",
            "amount",
            "fee",
            "currency",
            "state",
        ],
        roles: &[
            (Date, "started date"),
            (Posted, "completed date"),
            (Description, "description"),
            (Amount, "amount"),
            (Fee, "fee"),
            (CurrencyCol, "currency"),
            (Status, "state"),
        ],
        sign: NegativeIsDebit,
        currency: None,
        month_first: false,
    },
    Preset {
        name: "n26",
        signature: &[
            "date",
            "payee",
            "account number",
            "transaction type",
            "payment reference",
            "amount (eur)",
        ],
        roles: &[
            (Date, "date"),
            (Counterparty, "payee"),
            (Description, "payment reference"),
            (Amount, "amount (eur)"),
        ],
        sign: NegativeIsDebit,
        currency: Some("EUR"),
        month_first: false,
    },
    Preset {
        name: "n26",
        signature: &[
            "booking date",
            "value date",
            "partner name",
            "payment reference",
            "amount (eur)",
        ],
        roles: &[
            (Date, "booking date"),
            (Posted, "value date"),
            (Counterparty, "partner name"),
            (Description, "payment reference"),
            (Amount, "amount (eur)"),
        ],
        sign: NegativeIsDebit,
        currency: Some("EUR"),
        month_first: false,
    },
    Preset {
        name: "sparkasse",
        signature: &[
            "auftragskonto",
            "buchungstag",
            "valutadatum",
            "buchungstext",
            "verwendungszweck",
            "betrag",
        ],
        roles: &[
            (Date, "buchungstag"),
            (Posted, "valutadatum"),
            (Counterparty, "beguenstigter/zahlungspflichtiger"),
            (Description, "verwendungszweck"),
            (Amount, "betrag"),
            (CurrencyCol, "waehrung"),
            (Status, "info"),
        ],
        sign: NegativeIsDebit,
        currency: Some("EUR"),
        month_first: false,
    },
    Preset {
        name: "dkb",
        signature: &[
            "buchungsdatum",
            "wertstellung",
            "buchungstext",
            "verwendungszweck",
            "betrag (eur)",
        ],
        roles: &[
            (Date, "buchungsdatum"),
            (Posted, "wertstellung"),
            (Counterparty, "auftraggeber / begünstigter"),
            (Description, "verwendungszweck"),
            (Amount, "betrag (eur)"),
        ],
        sign: NegativeIsDebit,
        currency: Some("EUR"),
        month_first: false,
    },
    Preset {
        name: "ing",
        signature: &[
            "datum",
            "naam / omschrijving",
            "tegenrekening",
            "af bij",
            "bedrag (eur)",
        ],
        roles: &[
            (Date, "datum"),
            (Counterparty, "naam / omschrijving"),
            (Description, "mededelingen"),
            (Direction, "af bij"),
            (Amount, "bedrag (eur)"),
        ],
        sign: DIRECTION,
        currency: Some("EUR"),
        month_first: false,
    },
    Preset {
        name: "paypal",
        signature: &[
            "date", "time", "name", "type", "status", "currency", "gross", "fee", "net",
        ],
        roles: &[
            (Date, "date"),
            (Time, "time"),
            (Counterparty, "name"),
            (Description, "type"),
            (Status, "status"),
            (CurrencyCol, "currency"),
            (Amount, "net"),
            (Reference, "transaction id"),
        ],
        sign: NegativeIsDebit,
        currency: None,
        month_first: true,
    },
    Preset {
        name: "alipay",
        signature: &[
            "收/支",
            "交易对方",
            "商品说明",
            "金额",
            "交易状态",
            "交易时间",
        ],
        roles: &[
            (Date, "交易时间"),
            (Counterparty, "交易对方"),
            (Description, "商品说明"),
            (Direction, "收/支"),
            (Amount, "金额"),
            (Status, "交易状态"),
            (Reference, "交易订单号"),
        ],
        sign: DIRECTION,
        currency: Some("CNY"),
        month_first: false,
    },
    Preset {
        name: "alipay",
        signature: &[
            "交易创建时间",
            "交易对方",
            "商品名称",
            "金额",
            "收/支",
            "交易状态",
        ],
        roles: &[
            (Date, "交易创建时间"),
            (Posted, "付款时间"),
            (Counterparty, "交易对方"),
            (Description, "商品名称"),
            (Direction, "收/支"),
            (Amount, "金额"),
            (Status, "交易状态"),
            (Reference, "交易号"),
        ],
        sign: DIRECTION,
        currency: Some("CNY"),
        month_first: false,
    },
    Preset {
        name: "wechat",
        signature: &[
            "交易时间",
            "交易类型",
            "交易对方",
            "商品",
            "收/支",
            "金额",
            "当前状态",
        ],
        roles: &[
            (Date, "交易时间"),
            (Counterparty, "交易对方"),
            (Description, "商品"),
            (Direction, "收/支"),
            (Amount, "金额"),
            (Status, "当前状态"),
            (Reference, "交易单号"),
        ],
        sign: DIRECTION,
        currency: Some("CNY"),
        month_first: false,
    },
    Preset {
        name: "meituan",
        signature: &[
            "交易创建时间",
            "交易成功时间",
            "订单标题",
            "收/支",
            "实付金额",
        ],
        roles: &[
            (Date, "交易创建时间"),
            (Posted, "交易成功时间"),
            (Description, "订单标题"),
            (Direction, "收/支"),
            (Amount, "实付金额"),
            (Reference, "交易单号"),
        ],
        sign: DIRECTION,
        currency: Some("CNY"),
        month_first: false,
    },
    Preset {
        name: "cmb",
        signature: &["交易日", "记账日", "交易摘要", "人民币金额"],
        roles: &[
            (Date, "交易日"),
            (Posted, "记账日"),
            (Description, "交易摘要"),
            (Amount, "人民币金额"),
            (Card, "卡号末四位"),
        ],
        sign: PositiveIsDebit,
        currency: Some("CNY"),
        month_first: true,
    },
    Preset {
        name: "icbc",
        signature: &["交易日期", "摘要", "记账金额(收入)", "记账金额(支出)"],
        roles: &[
            (Date, "交易日期"),
            (Description, "摘要"),
            (Counterparty, "交易场所"),
            (Credit, "记账金额(收入)"),
            (Debit, "记账金额(支出)"),
            (CurrencyCol, "记账币种"),
        ],
        sign: DebitCredit,
        currency: Some("CNY"),
        month_first: false,
    },
    Preset {
        name: "bocom",
        signature: &["交易日期", "交易时间", "交易类型", "借贷", "交易金额"],
        roles: &[
            (Date, "交易日期"),
            (Time, "交易时间"),
            (Description, "交易类型"),
            (Counterparty, "对方户名"),
            (Direction, "借贷"),
            (Amount, "交易金额"),
        ],
        sign: DIRECTION,
        currency: Some("CNY"),
        month_first: false,
    },
    // China Construction Bank 建设银行 account details (XLS): 序号, 摘要 (消费/存入/支取), 币别,
    // 钞汇, 交易日期 (YYYYMMDD), a signed 交易金额, 账户余额, 交易地点/附言 (the merchant),
    // 对方账号与户名.
    Preset {
        name: "ccb",
        signature: &["摘要", "币别", "交易日期", "交易金额", "账户余额"],
        roles: &[
            (Date, "交易日期"),
            (Description, "交易地点/附言"),
            (Counterparty, "对方账号与户名"),
            (Amount, "交易金额"),
            (CurrencyCol, "币别"),
        ],
        sign: NegativeIsDebit,
        currency: Some("CNY"),
        month_first: false,
    },
    // Bank of China 中国银行 debit-card details: 记账日期, 记账时间, 币别, a signed 金额, 余额,
    // 交易名称, 渠道, 网点名称, 附言, 对方账户名, 对方卡号/账号, 对方开户行.
    Preset {
        name: "boc",
        signature: &[
            "记账日期",
            "记账时间",
            "币别",
            "金额",
            "余额",
            "交易名称",
            "对方账户名",
        ],
        roles: &[
            (Date, "记账日期"),
            (Time, "记账时间"),
            (Description, "交易名称"),
            (Counterparty, "对方账户名"),
            (Amount, "金额"),
            (CurrencyCol, "币别"),
        ],
        sign: NegativeIsDebit,
        currency: Some("CNY"),
        month_first: false,
    },
];

impl Preset {
    /// A signature of only common column names (`Date, Status, Description, Credit, Debit`)
    /// fits many banks' exports, so it cannot vouch for the bank's currency or date order.
    pub fn is_generic(&self) -> bool {
        self.signature
            .iter()
            .all(|s| super::roles::is_common_name(s))
    }
}

/// Position of the header cell named `name` (compared normalised, with or without a trailing
/// bracketed part, so `金额(元)` matches `金额`).
fn find(normed: &[String], name: &str) -> Option<usize> {
    normed
        .iter()
        .position(|h| h == name)
        .or_else(|| normed.iter().position(|h| split_paren(h).0 == name))
}

/// The preset whose signature the header matches best, with its column mapping.
pub fn match_header(header: &[String]) -> Option<(&'static Preset, Columns)> {
    let normed: Vec<String> = header.iter().map(|h| norm_header(h)).collect();
    let preset = PRESETS
        .iter()
        .filter(|p| p.signature.iter().all(|s| find(&normed, s).is_some()))
        .max_by_key(|p| p.signature.len())?;
    let mut cols = Columns::default();
    for (role, name) in preset.roles {
        if let Some(i) = find(&normed, name) {
            set(&mut cols, *role, i);
        }
    }
    tidy(&mut cols);
    Some((preset, cols))
}
