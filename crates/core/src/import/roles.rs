//! What each column means, from its header name (in the languages statements come in) or, for
//! files without a header, from what its cells look like. The words inside a row's cells
//! (in/out, states, totals and balances) are `row_words`.

use super::amounts;
use super::dates::looks_like_date;
use super::profile::Columns;
use super::row_words::{direction_of, kind_of, record_type_reason, summary_reason, Dir};
use super::text::{clean, contains_word, norm_header, split_paren};
use super::SkipReason;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Date,
    Posted,
    Time,
    Description,
    Counterparty,
    Amount,
    Fee,
    Debit,
    Credit,
    Direction,
    Currency,
    Reference,
    Card,
    Status,
    /// A running balance: recognised so it is never taken for the amount.
    Balance,
    /// Columns that look like a role by a word in their name but are not (`Original amount`).
    Ignore,
}

/// Header names per role, most specific first (normalised: lowercase, single spaces).
const KEYWORDS: &[(Role, &[&str])] = &[
    (
        Role::Ignore,
        &[
            "category",
            "交易分类",
            "type",
            "交易类型",
            "transaction type",
            "original amount",
            "local amount",
            "交易地金额",
            "订单金额",
            "gross",
            "lastschrift ursprungsbetrag",
            "kontonummer",
            "account",
            "account number",
            "iban",
            "交易金额(收入)",
            "交易金额(支出)",
            "original currency",
            "local currency",
            "amount (foreign currency)",
            "type foreign currency",
            "exchange rate",
            "mutatiesoort",
            "code",
            "původní částka a měna",
            "对方账号",
            "对方账户",
            "商家订单号",
            "商户单号",
            "收/付款方式",
            "支付方式",
            "reference txn id",
            "receipt id",
            "from email address",
            "to email address",
            "timezone",
            "card member",
            "address",
            "product",
            "序号",
            "交易国家或地区简称",
            "钞/汇",
            "交易币种",
        ],
    ),
    (
        Role::Date,
        &[
            "transaction date",
            "trans. date",
            "trans date",
            "transaktionsdag",
            "transaktionsdatum",
            "date",
            "datum",
            "buchungstag",
            "buchungsdatum",
            "date opération",
            "date d'opération",
            "date de l'opération",
            "date de transaction",
            "fecha",
            "fecha operación",
            "fecha de operación",
            "data",
            "data operazione",
            "transactiedatum",
            "boekdatum",
            "datum provedení",
            "交易日期",
            "交易日",
            "交易时间",
            "交易创建时间",
            "日期",
            "started date",
            "booking date",
            "buchung",
            "dato",
            "bogføringsdato",
            "bokföringsdag",
            "päivämäärä",
            "kirjauspäivä",
            "data operacji",
            "data księgowania",
            "tarih",
            "日付",
            "取引日",
        ],
    ),
    (
        Role::Posted,
        &[
            "posted date",
            "post date",
            "posting date",
            "completed date",
            "value date",
            "valutadatum",
            "valuta",
            "wertstellung",
            "date de valeur",
            "fecha valor",
            "data valuta",
            "rentedatum",
            "reskontradatum",
            "bokföringsdatum",
            "bokföringsdag",
            "datum zaúčtování",
            "记账日",
            "记账日期",
            "入账日期",
            "交易成功时间",
            "settlement date",
            "processed date",
        ],
    ),
    (
        Role::Time,
        &["time", "交易时间", "uhrzeit", "heure", "hora", "tijd"],
    ),
    (
        Role::Description,
        &[
            "description",
            "transaction description",
            "details",
            "memo",
            "narrative",
            "narration",
            "remarks",
            "particulars",
            "beschreibung",
            "verwendungszweck",
            "buchungstext",
            "omschrijving",
            "naam / omschrijving",
            "mededelingen",
            "libellé",
            "libelle",
            "libellé opération",
            "concepto",
            "descripción",
            "descripcion",
            "descrizione",
            "text",
            "zpráva",
            "payment reference",
            "item title",
            "交易摘要",
            "摘要",
            "商品说明",
            "商品名称",
            "商品",
            "订单标题",
            "交易详情",
            "交易描述",
            "描述",
            "description 1",
            "交易备注",
            "备注",
            "tekst",
            "forklaring",
            "opis",
            "poznámka",
            "selite",
            "viesti",
            "otsikko",
            "açıklama",
        ],
    ),
    (
        Role::Counterparty,
        &[
            "counter party",
            "counterparty",
            "payee",
            "merchant",
            "merchant name",
            "name",
            "partner name",
            "交易对方",
            "对方户名",
            "对方",
            "auftraggeber/empfänger",
            "auftraggeber / begünstigter",
            "beguenstigter/zahlungspflichtiger",
            "begünstigter/zahlungspflichtiger",
            "empfänger",
            "zahlungsempfänger",
            "naam",
            "tegenpartij",
            "bénéficiaire",
            "beneficiario",
            "název protiúčtu",
            "maksunsaaja",
            "saaja",
            "nimi",
            "交易场所",
            "payee name",
        ],
    ),
    (
        Role::Amount,
        &[
            // The amount settled in the account's currency beats the amount as spent abroad.
            "结算金额",
            "入账金额",
            "settlement amount",
            "settled amount",
            "value",
            "billing amount",
            "transaction value",
            "amount",
            "transaction amount",
            "betrag",
            "bedrag",
            "montant",
            "importe",
            "importo",
            "beløb",
            "belopp",
            "kwota",
            "金额",
            "交易金额",
            "实付金额",
            "人民币金额",
            "zaúčtovaná částka",
            "objem",
            "määrä",
            "summa",
            "发生额",
            "交易发生额",
            "částka",
            "net",
            "net amount",
            "umsatz",
        ],
    ),
    (
        Role::Fee,
        &[
            "fee",
            "fees",
            "gebühr",
            "gebühren",
            "手续费",
            "服务费",
            "poplatek",
            "frais",
            "comisión",
        ],
    ),
    (
        Role::Debit,
        &[
            "dr",
            "debit amt",
            "withdrawal amt",
            "debit",
            "debit amount",
            "débit",
            "soll",
            "withdrawals",
            "withdrawal",
            "withdrawal amount",
            "paid out",
            "money out",
            "out",
            "支出",
            "支出金额",
            "记账金额(支出)",
            "debe",
            "addebiti",
            "addebito",
            "uscite",
            "dare",
            "cargos",
            "débito",
            "obciążenia",
            "uttag",
            "udbetaling",
            "cargo",
            "cargos",
            "retrait",
            "retraits",
            "ausgang",
            "charges",
            "debits",
            "debet",
            "belastung",
            "belastungen",
            "lastschrift",
        ],
    ),
    (
        Role::Credit,
        &[
            "cr",
            "credit amt",
            "deposit amt",
            "credit",
            "credit amount",
            "crédit",
            "haben",
            "deposits",
            "deposit",
            "deposit amount",
            "paid in",
            "money in",
            "in",
            "收入",
            "收入金额",
            "记账金额(收入)",
            "haber",
            "accrediti",
            "accredito",
            "entrate",
            "avere",
            "abonos",
            "crédito",
            "uznania",
            "insättning",
            "indbetaling",
            "abono",
            "abonos",
            "dépôt",
            "dépôts",
            "eingang",
            "credits",
            "gutschrift",
            "gutschriften",
        ],
    ),
    (
        Role::Direction,
        &[
            "收/支",
            "收支",
            "借贷",
            "借贷标志",
            "借贷方向",
            "af bij",
            "af/bij",
            "debit/credit",
            "credit/debit",
            "dr/cr",
            "cr/dr",
            "soll/haben",
            "s/h",
            "d/c",
            "c/d",
            "credit debit indicator",
            "debit credit indicator",
            "debet/credit",
            "deebet/kreedit",
        ],
    ),
    (
        Role::Currency,
        &[
            "munt",
            "valuta code",
            "waluta",
            "currency",
            "währung",
            "waehrung",
            "devise",
            "monn.",
            "monnaie",
            "moneda",
            "币种",
            "记账币种",
            "měna účtu",
            "měna",
            "valuutta",
            "ccy",
            "currency code",
        ],
    ),
    (
        Role::Reference,
        &[
            "reference",
            "reference number",
            "ref",
            "transaction id",
            "transaction number",
            "transaction reference",
            "id",
            "交易单号",
            "交易订单号",
            "交易流水号",
            "流水号",
            "id transakce",
            "n° de transaction",
            "no de transaction",
            "referenz",
            "kundenreferenz",
            "referencia",
            "número de referencia",
            "transactie id",
        ],
    ),
    (
        Role::Card,
        &[
            "card no.",
            "card number",
            "card",
            "card last 4",
            "卡号末四位",
            "卡号",
            "kartennummer",
            "numéro de carte",
            "card no",
        ],
    ),
    (
        Role::Status,
        &["status", "state", "交易状态", "当前状态", "estado", "stato"],
    ),
    (
        Role::Balance,
        &[
            "bal",
            "closing balance",
            "available balance",
            "balance",
            "running bal.",
            "running balance",
            "saldo",
            "kontostand",
            "余额",
            "solde",
            "account balance",
            "stand",
        ],
    ),
];

/// How well `header` names `role` (higher is better): exact names beat names containing the
/// word, earlier (more specific) keywords beat later ones.
fn score(role_words: &[&str], h: &str) -> Option<u32> {
    let (stripped, _) = split_paren(h);
    let mut best = None;
    for (i, kw) in role_words.iter().enumerate() {
        let s = if h == *kw || stripped == *kw {
            2000 - i as u32
        } else if kw.chars().count() >= 2 && contains_word(h, kw) {
            1000 - i as u32
        } else {
            continue;
        };
        best = best.max(Some(s));
    }
    best
}

/// Is `name` (normalised) a column name any bank might use, one of the vocabulary's exact
/// names?
pub fn is_common_name(name: &str) -> bool {
    KEYWORDS.iter().any(|(_, words)| words.contains(&name))
}

/// Best guess of the role of each header cell; each role goes to one column.
pub fn from_header(header: &[String]) -> Columns {
    let normed: Vec<String> = header.iter().map(|h| norm_header(h)).collect();
    let mut cands: Vec<(u32, usize, Role)> = Vec::new();
    for (col, h) in normed.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        for (role, words) in KEYWORDS {
            if let Some(s) = score(words, h) {
                cands.push((s, col, *role));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut taken_cols = vec![false; normed.len()];
    let mut taken_roles: Vec<Role> = Vec::new();
    let mut cols = Columns::default();
    for (_, col, role) in cands {
        if taken_cols[col] || (role != Role::Ignore && taken_roles.contains(&role)) {
            continue;
        }
        taken_cols[col] = true;
        taken_roles.push(role);
        set(&mut cols, role, col);
    }
    tidy(&mut cols);
    cols
}

/// Puts `col` in the slot for `role`.
pub fn set(cols: &mut Columns, role: Role, col: usize) {
    let slot = match role {
        Role::Date => &mut cols.date,
        Role::Posted => &mut cols.posted_date,
        Role::Time => &mut cols.time,
        Role::Description => &mut cols.description,
        Role::Counterparty => &mut cols.counterparty,
        Role::Amount => &mut cols.amount,
        Role::Fee => &mut cols.fee,
        Role::Debit => &mut cols.debit,
        Role::Credit => &mut cols.credit,
        Role::Direction => &mut cols.direction,
        Role::Currency => &mut cols.currency,
        Role::Reference => &mut cols.reference,
        Role::Card => &mut cols.card,
        Role::Status => &mut cols.status,
        Role::Balance | Role::Ignore => return,
    };
    *slot = Some(col);
}

/// Fixes the combinations a header alone gets wrong.
pub fn tidy(cols: &mut Columns) {
    // A lone "交易时间"/"time" column carries the date and the time.
    if cols.date.is_none() && cols.time.is_some() {
        cols.date = cols.time.take();
    }
    // A file with only a posting or value date.
    if cols.date.is_none() && cols.posted_date.is_some() {
        cols.date = cols.posted_date.take();
    }
    if cols.description.is_none() && cols.counterparty.is_some() {
        cols.description = cols.counterparty.take();
    }
}

/// How good a header candidate `cells` is: 0 when it is not a header at all.
pub fn header_score(cells: &[String]) -> u32 {
    let (mut total, mut date, mut money) = (0u32, false, false);
    for c in cells {
        let h = norm_header(c);
        if h.is_empty() || h.len() > 60 {
            continue;
        }
        if looks_like_date(&h)
            || amounts::parse(&h, amounts::DecimalMark::Dot).is_ok_and(|a| a.is_some())
        {
            return 0;
        }
        let mut best: Option<(u32, Role)> = None;
        for (role, words) in KEYWORDS {
            if let Some(s) = score(words, &h) {
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, *role));
                }
            }
        }
        if let Some((s, role)) = best {
            if role == Role::Ignore {
                continue;
            }
            total += if s >= 2000 - 50 { 2 } else { 1 };
            date |= matches!(role, Role::Date | Role::Posted | Role::Time);
            money |= matches!(role, Role::Amount | Role::Debit | Role::Credit);
        }
    }
    if date && money {
        total
    } else {
        0
    }
}

/// The columns of the dates, the money and the text: a record-type column is none of them.
fn described_columns(cols: &Columns) -> Vec<usize> {
    [
        cols.date,
        cols.posted_date,
        cols.amount,
        cols.debit,
        cols.credit,
        cols.description,
        cols.counterparty,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A column other than the described roles whose cells in the sample mark some lines as
/// balances or totals (a record type: `Opening balance`, `Turnover`, `Closing`).
pub fn record_type_column(cols: &Columns, rows: &[&[String]]) -> Option<usize> {
    let taken = described_columns(cols);
    let ncols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    (0..ncols).filter(|i| !taken.contains(i)).find(|&i| {
        let marked = rows
            .iter()
            .filter(|r| r.get(i).is_some_and(|c| record_type_reason(c).is_some()))
            .count();
        // Some lines, not all: a column of "Balance" on every row is a heading, not a type.
        marked > 0 && marked * 2 < rows.len().max(2)
    })
}

/// Codes of a record-type column (`10` opening balance, `20` transaction, `82` turnover, `86`
/// closing balance, as Baltic and Nordic banks write them) that mark summary lines: a code
/// every sample line of which a description marks as a balance or a total, in a column of
/// short codes where another code is shared by ordinary lines. Such a code marks its lines
/// even where the description is a word the vocabulary only trusts with that support (a
/// description starting with "Total" can be a shop).
pub fn summary_codes(
    cols: &Columns,
    rows: &[&[String]],
) -> Option<(usize, Vec<(String, SkipReason)>)> {
    let taken = described_columns(cols);
    let marked = |r: &[String]| {
        [cols.description, cols.counterparty]
            .into_iter()
            .flatten()
            .filter_map(|i| r.get(i))
            .find_map(|c| summary_reason(c))
    };
    let is_code =
        |c: &str| !c.is_empty() && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_alphanumeric());
    let ncols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    (0..ncols).filter(|i| !taken.contains(i)).find_map(|i| {
        let cells: Vec<&str> = rows
            .iter()
            .map(|r| r.get(i).map_or("", |c| clean(c)))
            .collect();
        if !cells.iter().all(|c| is_code(c)) {
            return None;
        }
        // (code, reason of its marked lines, lines, marked lines)
        let mut codes: Vec<(&str, Option<SkipReason>, usize, usize)> = Vec::new();
        for (r, c) in rows.iter().zip(&cells) {
            let m = marked(r);
            match codes.iter_mut().find(|k| k.0 == *c) {
                Some(k) => {
                    k.2 += 1;
                    k.3 += usize::from(m.is_some());
                    k.1 = k.1.or(m);
                }
                None => codes.push((c, m, 1, usize::from(m.is_some()))),
            }
        }
        let ordinary = codes.iter().any(|k| k.3 == 0 && k.2 >= 2);
        let summary: Vec<(String, SkipReason)> = codes
            .iter()
            .filter(|k| k.3 > 0 && k.3 == k.2)
            .filter_map(|k| Some((k.0.to_string(), k.1?)))
            .collect();
        (ordinary && codes.len() <= 10 && !summary.is_empty()).then_some((i, summary))
    })
}

/// Columns no role claims whose cells are mostly transaction-type words (see `kind_of`).
pub fn kind_columns(cols: &Columns, rows: &[&[String]]) -> Vec<usize> {
    let taken: Vec<usize> = cols.entries().into_iter().map(|(_, i)| i).collect();
    let ncols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    (0..ncols)
        .filter(|i| !taken.contains(i))
        .filter(|&i| {
            let hits = rows
                .iter()
                .filter(|r| r.get(i).is_some_and(|c| kind_of(c).is_some()))
                .count();
            hits >= 2 && hits * 2 >= rows.len()
        })
        .collect()
}

/// What a column of a headerless file looks like.
#[derive(Default, Debug)]
struct ColStats {
    filled: usize,
    dates: usize,
    amounts: usize,
    directions: usize,
    text_len: usize,
    numeric: usize,
}

/// Roles for a file without a header, from its cells: the date columns, the amount column (or
/// a pair of complementary paid-out/paid-in columns), an in/out column, the longest text.
pub fn from_data(rows: &[Vec<String>]) -> Columns {
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut stats: Vec<ColStats> = (0..ncols).map(|_| ColStats::default()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let c = clean(cell);
            if amounts::is_placeholder(c) {
                continue;
            }
            let st = &mut stats[i];
            st.filled += 1;
            st.text_len += c.chars().count();
            if looks_like_date(c) {
                st.dates += 1;
            }
            if let Ok(Some(a)) = amounts::parse(c, amounts::DecimalMark::Dot) {
                st.numeric += 1;
                // Ids and card digits are integers; money has decimals or a symbol.
                if a.scale > 0 || a.currency.is_some() {
                    st.amounts += 1;
                }
            }
            if direction_of(c).is_some_and(|d| d != Dir::Neutral) {
                st.directions += 1;
            }
        }
    }
    let n = rows.len().max(1);
    let mostly = |k: usize, of: usize| of > 0 && k * 10 >= of * 8;
    let mut cols = Columns::default();
    let mut used = vec![false; ncols];
    let date_cols: Vec<usize> = (0..ncols)
        .filter(|&i| stats[i].filled * 2 >= n && mostly(stats[i].dates, stats[i].filled))
        .collect();
    cols.date = date_cols.first().copied();
    cols.posted_date = date_cols.get(1).copied();
    for &i in &date_cols {
        used[i] = true;
    }
    let money: Vec<usize> = (0..ncols)
        .filter(|&i| !used[i] && mostly(stats[i].amounts, stats[i].filled))
        .collect();
    // Paid-out / paid-in: two neighbouring money columns never both filled on a row.
    let pair = money.windows(2).find(|w| {
        let (a, b) = (w[0], w[1]);
        rows.iter().all(|r| {
            let fa = r.get(a).is_some_and(|c| !amounts::is_placeholder(clean(c)));
            let fb = r.get(b).is_some_and(|c| !amounts::is_placeholder(clean(c)));
            !(fa && fb)
        }) && stats[a].filled > 0
            && stats[b].filled > 0
    });
    if let Some(w) = pair {
        cols.debit = Some(w[0]);
        cols.credit = Some(w[1]);
    } else {
        // Several money columns: the one a running balance moves by, else the first.
        let refs: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
        cols.amount = amount_by_balance(&refs, &money).or(money.first().copied());
    }
    for &i in &money {
        used[i] = true;
    }
    cols.direction = (0..ncols).find(|&i| {
        !used[i] && stats[i].filled * 2 >= n && mostly(stats[i].directions, stats[i].filled)
    });
    if let Some(i) = cols.direction {
        used[i] = true;
    }
    cols.description = (0..ncols)
        .filter(|&i| !used[i] && stats[i].filled > 0 && stats[i].numeric * 2 < stats[i].filled)
        .max_by_key(|&i| (stats[i].text_len * 100 / stats[i].filled.max(1), i));
    cols
}

/// Is the filled part of column `i` mostly (four in five) cells that pass `test`?
fn mostly_cells(rows: &[&[String]], i: usize, test: impl Fn(&str) -> bool) -> bool {
    let (mut filled, mut hits) = (0usize, 0usize);
    for r in rows {
        let c = r.get(i).map_or("", |c| clean(c));
        if amounts::is_placeholder(c) {
            continue;
        }
        filled += 1;
        hits += usize::from(test(c));
    }
    filled >= 1 && hits * 5 >= filled * 4
}

/// Checks the roles a header gave against what the cells hold, and fixes what the cells
/// contradict: a money column of in/out words (`Debit/Credit Flag` = `Debit`, `Credit`) is the
/// direction column; a date column of currency codes (Dutch `Valuta`) is the currency column;
/// a column of codes nobody named is the currency column; a date column that holds one date on
/// every row (the statement's period) gives way to a date column that varies.
pub fn check_with_data(cols: &mut Columns, rows: &[&[String]]) {
    settle_money_columns(cols, rows);
    if rows.is_empty() {
        return;
    }
    let is_word = |c: &str| {
        direction_of(c).is_some_and(|d| d != Dir::Neutral)
            && amounts::parse(c, amounts::DecimalMark::Dot).is_err()
    };
    for slot in [&mut cols.amount, &mut cols.debit, &mut cols.credit] {
        if let Some(i) = *slot {
            if mostly_cells(rows, i, is_word) {
                *slot = None;
                if cols.direction.is_none() {
                    cols.direction = Some(i);
                }
            }
        }
    }
    let is_code = |c: &str| super::currency::code_cell(c).is_some();
    for slot in [&mut cols.posted_date, &mut cols.date] {
        if let Some(i) = *slot {
            if mostly_cells(rows, i, is_code) {
                *slot = None;
                if cols.currency.is_none() {
                    cols.currency = Some(i);
                }
            }
        }
    }
    tidy(cols);
    let distinct = |i: usize| {
        let mut seen: Vec<&str> = Vec::new();
        for r in rows {
            let c = r.get(i).map_or("", |c| clean(c));
            if !c.is_empty() && !seen.contains(&c) {
                seen.push(c);
            }
        }
        seen.len()
    };
    if let (Some(d), true) = (cols.date, rows.len() >= 3) {
        if distinct(d) == 1 {
            let taken: Vec<usize> = cols.entries().into_iter().map(|(_, i)| i).collect();
            let ncols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
            let varying = cols.posted_date.filter(|&p| distinct(p) > 1).or_else(|| {
                (0..ncols).find(|&i| {
                    !taken.contains(&i) && distinct(i) > 1 && mostly_cells(rows, i, looks_like_date)
                })
            });
            if let Some(v) = varying {
                if cols.posted_date == Some(v) {
                    cols.posted_date = None;
                }
                cols.date = Some(v);
            }
        }
    }
    let ncols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    // Unsigned amounts with an in/out column nobody named (`D/K`, `Af/Bij` under any header).
    if cols.direction.is_none() && cols.amount.is_some() {
        let taken: Vec<usize> = cols.entries().into_iter().map(|(_, i)| i).collect();
        cols.direction = (0..ncols).filter(|i| !taken.contains(i)).find(|&i| {
            rows.iter()
                .filter(|r| r.get(i).is_some_and(|c| !clean(c).is_empty()))
                .count()
                * 2
                >= rows.len()
                && mostly_cells(rows, i, is_word)
        });
    }
    if cols.currency.is_none() {
        let taken: Vec<usize> = cols.entries().into_iter().map(|(_, i)| i).collect();
        cols.currency = (0..ncols).filter(|i| !taken.contains(i)).find(|&i| {
            rows.iter()
                .filter(|r| r.get(i).is_some_and(|c| !clean(c).is_empty()))
                .count()
                >= 2
                && mostly_cells(rows, i, is_code)
        });
    }
}

/// An amount column beside debit or credit columns: the cells decide which to read. Filled on
/// most rows, the amount is the signed truth and the debit/credit columns repeat it unsigned
/// (Belgian and Dutch exports carry both); mostly empty (a detail column for foreign amounts),
/// it gives way to the debit and credit columns that carry the money.
fn settle_money_columns(cols: &mut Columns, rows: &[&[String]]) {
    let Some(amount) = cols.amount else { return };
    if cols.debit.is_none() && cols.credit.is_none() {
        return;
    }
    let filled = |i: usize| {
        rows.iter()
            .filter(|r| r.get(i).is_some_and(|c| !amounts::is_placeholder(clean(c))))
            .count()
    };
    let split = cols.debit.map_or(0, filled) + cols.credit.map_or(0, filled);
    if filled(amount) * 2 >= rows.len() || split == 0 {
        cols.debit = None;
        cols.credit = None;
    } else {
        cols.amount = None;
    }
}

/// Among money columns, the one a running balance column moves by (`balance − previous
/// balance = ± amount`, in either order of rows, the balance written before or after the
/// row): that is the amount, the other the balance. `None` when no pair explains most rows.
pub fn amount_by_balance(rows: &[&[String]], money: &[usize]) -> Option<usize> {
    let value = |r: &[String], i: usize| -> Option<i64> {
        amounts::parse(r.get(i)?, amounts::DecimalMark::Dot)
            .ok()??
            .to_minor(4)
    };
    let mut best: Option<(usize, usize)> = None;
    for &a in money {
        for &b in money {
            if a == b {
                continue;
            }
            let (mut pairs, mut hits) = (0usize, 0usize);
            for w in rows.windows(2) {
                let (Some(b0), Some(b1)) = (value(w[0], b), value(w[1], b)) else {
                    continue;
                };
                pairs += 1;
                // Checked: balances near i64's limits explain nothing rather than wrap.
                let Some(delta) = b1.checked_sub(b0).and_then(i64::checked_abs) else {
                    continue;
                };
                let explained = [value(w[0], a), value(w[1], a)]
                    .into_iter()
                    .flatten()
                    .any(|v| v != 0 && v.checked_abs() == Some(delta));
                hits += usize::from(explained);
            }
            if hits >= 2 && hits * 5 >= pairs * 3 && best.is_none_or(|(h, _)| hits > h) {
                best = Some((hits, a));
            }
        }
    }
    best.map(|(_, a)| a)
}
