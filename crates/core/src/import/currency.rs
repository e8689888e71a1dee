//! The currency of a statement, from evidence in the file: a column of codes or symbols,
//! symbols in the amounts, a code in a column name or in the preamble, the country of the
//! account's IBAN or a UK sort code, the country codes card descriptors end with, the
//! language of the column names, codes the descriptions mention. Each kind of evidence has a
//! rank; the caller adds the profile, the preset and the default around it.

use super::amounts;
use super::iban;
use super::profile::Columns;
use super::sample::Rec;
use super::text::{clean, contains_word, is_cjk, norm_header, split_paren};
use crate::money::Currency;

/// Where a currency came from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Column,
    Amounts,
    Header,
    Preamble,
    Iban,
    SortCode,
    Language,
    Schemes,
    Descriptors,
    Places,
    Mentions,
}

impl Source {
    /// Evidence strong enough that the app need not ask.
    pub fn is_firm(self) -> bool {
        self <= Source::Language
    }
}

/// Where a statement's currency came from (`Detected::currency_source`): the user's profile,
/// one of the kinds of evidence in the file, the bank's preset, the file's own statement
/// (OFX/CAMT), the account's earlier imports, the caller's default (the app should ask), or
/// nothing at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum CurrencySource {
    Profile,
    Column,
    Amounts,
    Header,
    Preamble,
    Iban,
    SortCode,
    Language,
    PaymentSchemes,
    Descriptors,
    Places,
    Mentions,
    Preset,
    File,
    Account,
    Default,
    None,
}

impl From<Source> for CurrencySource {
    fn from(s: Source) -> CurrencySource {
        match s {
            Source::Column => CurrencySource::Column,
            Source::Amounts => CurrencySource::Amounts,
            Source::Header => CurrencySource::Header,
            Source::Preamble => CurrencySource::Preamble,
            Source::Iban => CurrencySource::Iban,
            Source::SortCode => CurrencySource::SortCode,
            Source::Language => CurrencySource::Language,
            Source::Schemes => CurrencySource::PaymentSchemes,
            Source::Descriptors => CurrencySource::Descriptors,
            Source::Places => CurrencySource::Places,
            Source::Mentions => CurrencySource::Mentions,
        }
    }
}

/// One piece of evidence: the currency and where it was seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clue {
    pub currency: Currency,
    pub source: Source,
}

/// A code or symbol standing alone in a cell (`EUR`, `£`, `人民币`).
pub fn code_cell(cell: &str) -> Option<Currency> {
    let c = clean(cell);
    if c.is_empty() || c.chars().count() > 4 || c.chars().any(|ch| ch.is_ascii_digit()) {
        return None;
    }
    amounts::currency_of(c)
}

/// The column whose filled cells (at least four in five) are currency codes or symbols.
pub fn code_column(data: &[&Rec], taken: &[usize]) -> Option<usize> {
    let ncols = data.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    (0..ncols).filter(|i| !taken.contains(i)).find(|&i| {
        let (mut filled, mut codes) = (0usize, 0usize);
        for r in data {
            let c = r.cells.get(i).map_or("", |c| clean(c));
            if c.is_empty() {
                continue;
            }
            filled += 1;
            codes += usize::from(code_cell(c).is_some());
        }
        filled >= 2 && codes * 5 >= filled * 4
    })
}

/// The most frequent of `found`, when it is a clear majority (at least two thirds).
fn majority(found: impl Iterator<Item = Currency>) -> Option<Currency> {
    let mut counts: Vec<(Currency, usize)> = Vec::new();
    let mut total = 0usize;
    for c in found {
        total += 1;
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let (best, n) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    (n * 3 >= total * 2).then_some(best)
}

/// Currencies named in the column names: `Amount (EUR)`, `金额(元)`, `Betrag in EUR`.
fn in_header(header: &[String]) -> Option<Currency> {
    header.iter().find_map(|h| {
        let h = norm_header(h);
        if let Some(c) = split_paren(&h).1.and_then(amounts::currency_of) {
            return Some(c);
        }
        h.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() == 3)
            .find_map(|w| amounts::currency_of(&w.to_ascii_uppercase()))
    })
}

/// Codes or symbols in the preamble: `Währung;EUR`, `Saldo;150,00;EUR`, `Currency: GBP`.
fn in_preamble(preamble: &[Rec]) -> Option<Currency> {
    majority(
        preamble
            .iter()
            .flat_map(|r| r.cells.iter())
            .filter_map(|cell| {
                let c = clean(cell);
                code_cell(c).or_else(|| {
                    // `Currency: GBP` in one cell, or an amount with its symbol.
                    let tail = c.rsplit([':', '：', ' ']).next().unwrap_or("");
                    code_cell(tail)
                        .filter(|_| tail.len() < c.len())
                        .or_else(|| {
                            amounts::parse(c, amounts::DecimalMark::Dot)
                                .ok()
                                .flatten()
                                .and_then(|a| a.currency)
                        })
                })
            }),
    )
}

/// A UK sort code (`20-00-00`, `'99-88-74`, `600000-12345678`): pounds.
pub fn is_sort_code(cell: &str) -> bool {
    let c = clean(cell).trim_start_matches('\'');
    let b = c.as_bytes();
    let dashed = b.len() >= 8
        && b[..8].iter().enumerate().all(|(i, ch)| {
            if i == 2 || i == 5 {
                *ch == b'-'
            } else {
                ch.is_ascii_digit()
            }
        })
        && (b.len() == 8
            || (b[8] == b' ' && b[9..].iter().all(u8::is_ascii_digit) && b.len() == 17));
    let joined = b.len() == 15
        && b[6] == b'-'
        && b[..6].iter().all(u8::is_ascii_digit)
        && b[7..].iter().all(u8::is_ascii_digit);
    dashed || joined
}

fn sort_codes(header: &[String], preamble: &[Rec], data: &[&Rec]) -> bool {
    if header
        .iter()
        .any(|h| contains_word(&norm_header(h), "sort code"))
    {
        return true;
    }
    let cells = preamble
        .iter()
        .chain(data.iter().copied())
        .flat_map(|r| r.cells.iter());
    let n = cells.filter(|c| is_sort_code(c)).count();
    n >= 1 && n * 2 >= data.len().min(4)
}

/// ISO 3166 alpha-3 codes card descriptors end with, and the country's currency.
const COUNTRIES: &[(&str, &str)] = &[
    ("NZL", "NZD"),
    ("AUS", "AUD"),
    ("USA", "USD"),
    ("GBR", "GBP"),
    ("CAN", "CAD"),
    ("IRL", "EUR"),
    ("DEU", "EUR"),
    ("FRA", "EUR"),
    ("NLD", "EUR"),
    ("ESP", "EUR"),
    ("ITA", "EUR"),
    ("BEL", "EUR"),
    ("AUT", "EUR"),
    ("PRT", "EUR"),
    ("FIN", "EUR"),
    ("CHE", "CHF"),
    ("SWE", "SEK"),
    ("NOR", "NOK"),
    ("DNK", "DKK"),
    ("POL", "PLN"),
    ("CZE", "CZK"),
    ("CHN", "CNY"),
    ("HKG", "HKD"),
    ("JPN", "JPY"),
    ("SGP", "SGD"),
    ("IND", "INR"),
    ("MEX", "MXN"),
    ("BRA", "BRL"),
    ("ZAF", "ZAR"),
];

/// ISO 3166 alpha-2 codes card descriptors end with (`WOOLSHED  SYDNEY  AU`), and the
/// country's currency; only upper-case, and only when most rows end with one. Not the codes
/// that are also US states (`CA`, `DE`, `IN`): American descriptors end with the state.
const COUNTRIES_2: &[(&str, &str)] = &[
    ("NZ", "NZD"),
    ("AU", "AUD"),
    ("US", "USD"),
    ("GB", "GBP"),
    ("IE", "EUR"),
    ("FR", "EUR"),
    ("NL", "EUR"),
    ("ES", "EUR"),
    ("IT", "EUR"),
    ("BE", "EUR"),
    ("AT", "EUR"),
    ("CH", "CHF"),
    ("SE", "SEK"),
    ("NO", "NOK"),
    ("DK", "DKK"),
    ("PL", "PLN"),
    ("CN", "CNY"),
    ("HK", "HKD"),
    ("JP", "JPY"),
    ("SG", "SGD"),
    ("MX", "MXN"),
    ("BR", "BRL"),
    ("ZA", "ZAR"),
];

/// The currency of the country most card descriptors end with (`ITUNES  CORK  IRL`), when
/// most rows end with one.
fn descriptor_countries(data: &[&Rec], cols: &Columns) -> Option<Currency> {
    let text_cols = [cols.description, cols.counterparty];
    let ends: Vec<Currency> = data
        .iter()
        .filter_map(|r| {
            let text = text_cols
                .iter()
                .flatten()
                .filter_map(|&i| r.cells.get(i))
                .map(|c| clean(c))
                .find(|c| !c.is_empty())?;
            let last = text.rsplit(' ').next()?;
            let code = COUNTRIES
                .iter()
                .chain(COUNTRIES_2)
                .find(|(k, _)| *k == last)?
                .1;
            Currency::parse(code)
        })
        .collect();
    if ends.len() * 2 < data.len() || ends.len() < 2 {
        return None;
    }
    majority(ends.into_iter())
}

/// Domestic payment schemes and cards a description names, and the currency they move: a
/// statement full of `UPI/…` rows is in rupees, one of `Dankort-nota` rows in Danish kroner.
const SCHEMES: &[(&str, &str)] = &[
    ("upi", "INR"),
    ("neft", "INR"),
    ("imps", "INR"),
    ("rtgs", "INR"),
    ("faster payment", "GBP"),
    ("bacs", "GBP"),
    ("sepa", "EUR"),
    ("ideal", "EUR"),
    ("bizum", "EUR"),
    ("girocard", "EUR"),
    ("zelle", "USD"),
    ("ach", "USD"),
    ("interac", "CAD"),
    ("paynow", "SGD"),
    ("bpay", "AUD"),
    ("osko", "AUD"),
    ("pix", "BRL"),
    ("swish", "SEK"),
    ("bankgiro", "SEK"),
    ("mobilepay", "DKK"),
    ("dankort", "DKK"),
    ("vipps", "NOK"),
    ("bankaxept", "NOK"),
    ("blik", "PLN"),
    ("twint", "CHF"),
    ("spei", "MXN"),
    ("m-pesa", "KES"),
    ("mpesa", "KES"),
];

/// The currency of the payment schemes the descriptions name, when at least two rows name
/// one and most of those agree.
fn schemes(data: &[&Rec], cols: &Columns) -> Option<Currency> {
    let text_cols = [cols.description, cols.counterparty, cols.reference];
    let found: Vec<Currency> = data
        .iter()
        .filter_map(|r| {
            let text = text_cols
                .iter()
                .flatten()
                .filter_map(|&i| r.cells.get(i))
                .map(|c| c.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            SCHEMES
                .iter()
                .find(|(w, _)| contains_word(&text, w))
                .and_then(|(_, c)| Currency::parse(c))
        })
        .collect();
    if found.len() < 2 {
        return None;
    }
    majority(found.into_iter())
}

/// Large cities card descriptors name (`WOOLWORTHS  MELBOURNE`, `SWIGGY, Bengaluru, IN`), and
/// the currency of their country. Only names that belong to one country (not London, Perth,
/// Birmingham or San Jose, which several countries have) and no European ones, whose
/// currency the language of the file tells better.
const CITIES: &[(&str, &str)] = &[
    ("sydney", "AUD"),
    ("melbourne", "AUD"),
    ("brisbane", "AUD"),
    ("adelaide", "AUD"),
    ("canberra", "AUD"),
    ("darwin", "AUD"),
    ("hobart", "AUD"),
    ("gold coast", "AUD"),
    ("parramatta", "AUD"),
    ("auckland", "NZD"),
    ("christchurch", "NZD"),
    ("dunedin", "NZD"),
    ("tauranga", "NZD"),
    ("mumbai", "INR"),
    ("bangalore", "INR"),
    ("bengaluru", "INR"),
    ("new delhi", "INR"),
    ("delhi", "INR"),
    ("noida", "INR"),
    ("gurgaon", "INR"),
    ("gurugram", "INR"),
    ("hyderabad", "INR"),
    ("chennai", "INR"),
    ("kolkata", "INR"),
    ("pune", "INR"),
    ("ahmedabad", "INR"),
    ("jaipur", "INR"),
    ("manchester", "GBP"),
    ("glasgow", "GBP"),
    ("edinburgh", "GBP"),
    ("liverpool", "GBP"),
    ("leeds", "GBP"),
    ("bristol", "GBP"),
    ("cardiff", "GBP"),
    ("belfast", "GBP"),
    ("toronto", "CAD"),
    ("montreal", "CAD"),
    ("calgary", "CAD"),
    ("edmonton", "CAD"),
    ("ottawa", "CAD"),
    ("winnipeg", "CAD"),
    ("mississauga", "CAD"),
    ("johannesburg", "ZAR"),
    ("cape town", "ZAR"),
    ("durban", "ZAR"),
    ("pretoria", "ZAR"),
    ("new york", "USD"),
    ("los angeles", "USD"),
    ("chicago", "USD"),
    ("houston", "USD"),
    ("san francisco", "USD"),
    ("seattle", "USD"),
    ("philadelphia", "USD"),
    ("san diego", "USD"),
    ("dallas", "USD"),
    ("denver", "USD"),
    ("atlanta", "USD"),
];

/// The currency of the country whose cities the descriptions name: at least two different
/// cities of it, on at least two rows, and most of the rows that name a city.
fn places(data: &[&Rec], cols: &Columns) -> Option<Currency> {
    let text_cols = [cols.description, cols.counterparty];
    let mut seen: Vec<&str> = Vec::new();
    let found: Vec<Currency> = data
        .iter()
        .filter_map(|r| {
            let text = text_cols
                .iter()
                .flatten()
                .filter_map(|&i| r.cells.get(i))
                .map(|c| c.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            let (city, code) = CITIES.iter().find(|(w, _)| contains_word(&text, w))?;
            if !seen.contains(city) {
                seen.push(city);
            }
            Currency::parse(code)
        })
        .collect();
    let best = majority(found.iter().copied())?;
    let cities = seen
        .iter()
        .filter(|c| {
            CITIES
                .iter()
                .any(|(w, k)| w == *c && Currency::parse(k) == Some(best))
        })
        .count();
    (found.len() >= 2 && cities >= 2).then_some(best)
}

/// Codes the descriptions mention (`Visa kob DKK 995,00`): weak, a foreign purchase names a
/// foreign currency, and three capitals in a shop's name can spell a code (`A BHD`), so only a
/// clear majority over at least two rows, and a fifth of the rows, counts.
fn mentions(data: &[&Rec], cols: &Columns) -> Option<Currency> {
    let text_cols = [cols.description, cols.counterparty];
    let found: Vec<Currency> = data
        .iter()
        .flat_map(|r| {
            text_cols
                .iter()
                .flatten()
                .filter_map(|&i| r.cells.get(i))
                .flat_map(|c| c.split(|ch: char| !ch.is_ascii_alphabetic()))
                .filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase()))
                .filter_map(amounts::currency_of)
                .collect::<Vec<_>>()
        })
        .collect();
    if found.len() < 2 || found.len() * 5 < data.len() {
        return None;
    }
    majority(found.into_iter())
}

/// Words of column names by language, for the languages one currency fits. Only words that
/// belong to one language (`saldo` and `datum` are shared, so absent).
const LANGUAGES: &[(&str, &[&str])] = &[
    (
        "EUR",
        &[
            // German
            "betrag",
            "buchungstag",
            "buchung",
            "buchungsdatum",
            "buchungstext",
            "wertstellung",
            "verwendungszweck",
            "empfänger",
            "auftraggeber",
            "umsatz",
            "beguenstigter",
            "begünstigter",
            "zahlungspflichtiger",
            "auftragskonto",
            "kundenreferenz",
            "glaeubiger id",
            "mandatsreferenz",
            // Dutch
            "bedrag",
            "omschrijving",
            "tegenrekening",
            "rekening",
            "mededelingen",
            "mutatiesoort",
            "af bij",
            "boekdatum",
            "rentedatum",
            "transactiedatum",
            "tegenpartij",
            "naam",
            "munt",
            // French
            "montant",
            "libellé",
            "libelle",
            "date de valeur",
            "date d'opération",
            "date opération",
            // Spanish
            "importe",
            "fecha",
            "concepto",
            "movimiento",
            // Italian
            "importo",
            "descrizione",
            "data operazione",
            "data valuta",
            "causale",
            "entrate",
            "uscite",
            // Finnish
            "määrä",
            "kirjauspäivä",
            "arvopäivä",
            "saaja",
        ],
    ),
    (
        "DKK",
        &[
            "beløb",
            "bogført",
            "bogføringsdato",
            "rentedato",
            "modtager",
            "afsender",
            "tekst",
        ],
    ),
    (
        "SEK",
        &[
            "belopp",
            "bokföringsdag",
            "bokföringsdatum",
            "transaktionsdag",
            "reskontradatum",
            "valutadag",
            "insättning",
            "uttag",
        ],
    ),
    (
        "NOK",
        &["beløp", "forklaring", "inn på konto", "ut fra konto"],
    ),
    (
        "PLN",
        &["kwota", "data operacji", "opis operacji", "waluta"],
    ),
    ("CZK", &["částka", "datum provedení", "zpráva", "měna"]),
    ("HUF", &["összeg", "könyvelés dátuma", "közlemény"]),
];

/// The currency the language of the column names fits, when one does.
fn language(header: &[String]) -> Option<Currency> {
    let joined: String = header
        .iter()
        .map(|h| norm_header(h))
        .collect::<Vec<_>>()
        .join(" | ");
    if joined.chars().any(|c| matches!(c as u32, 0x3040..=0x30ff)) {
        return Currency::parse("JPY");
    }
    if joined.chars().any(|c| matches!(c as u32, 0xac00..=0xd7af)) {
        return Currency::parse("KRW");
    }
    if joined.chars().any(is_cjk) {
        return Some(Currency::CNY);
    }
    let mut best: Option<(&str, usize)> = None;
    let mut tie = false;
    for (code, words) in LANGUAGES {
        let n = words.iter().filter(|w| contains_word(&joined, w)).count();
        if n == 0 {
            continue;
        }
        match best {
            Some((_, b)) if n == b => tie = true,
            Some((_, b)) if n < b => {}
            _ => {
                best = Some((code, n));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).and_then(|(c, _)| Currency::parse(c))
}

/// All the evidence the file gives, strongest first.
pub fn clues(header: &[String], preamble: &[Rec], data: &[&Rec], cols: &Columns) -> Vec<Clue> {
    let mut out = Vec::new();
    let mut add = |currency: Option<Currency>, source: Source| {
        if let Some(currency) = currency {
            out.push(Clue { currency, source });
        }
    };
    add(
        cols.currency.and_then(|i| {
            majority(
                data.iter()
                    .filter_map(|r| r.cells.get(i))
                    .filter_map(|c| Currency::from_symbol(clean(c))),
            )
        }),
        Source::Column,
    );
    let money = [cols.amount, cols.debit, cols.credit];
    add(
        majority(data.iter().flat_map(|r| {
            money
                .iter()
                .flatten()
                .filter_map(|&i| r.cells.get(i))
                .filter_map(|c| amounts::parse(c, amounts::DecimalMark::Dot).ok().flatten())
                .filter_map(|a| a.currency)
                .collect::<Vec<_>>()
        })),
        Source::Amounts,
    );
    add(in_header(header), Source::Header);
    add(in_preamble(preamble), Source::Preamble);
    let ibans = preamble
        .iter()
        .chain(data.iter().copied())
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| iban::find(c));
    add(
        majority(ibans.filter_map(|i| iban::currency(&i))),
        Source::Iban,
    );
    if sort_codes(header, preamble, data) {
        add(Some(Currency::GBP), Source::SortCode);
    }
    add(language(header), Source::Language);
    add(schemes(data, cols), Source::Schemes);
    add(descriptor_countries(data, cols), Source::Descriptors);
    add(places(data, cols), Source::Places);
    add(mentions(data, cols), Source::Mentions);
    // A bare `$`, `kr` or `¥` names a family: another clue naming a member decides which.
    if let Some(sym) = out.iter().position(|c| c.source == Source::Amounts) {
        let head = out[sym].currency;
        if let Some(member) = out
            .iter()
            .map(|c| c.currency)
            .find(|c| head.symbol_family().contains(&c.code()))
        {
            out[sym].currency = member;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: u64, cells: &[&str]) -> Rec {
        Rec {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn first(
        header: &[&str],
        preamble: &[&[&str]],
        rows: &[&[&str]],
        cols: Columns,
    ) -> Option<(String, Source)> {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let pre: Vec<Rec> = preamble
            .iter()
            .enumerate()
            .map(|(i, c)| rec(i as u64 + 1, c))
            .collect();
        let data: Vec<Rec> = rows
            .iter()
            .enumerate()
            .map(|(i, c)| rec(i as u64 + 10, c))
            .collect();
        let refs: Vec<&Rec> = data.iter().collect();
        clues(&header, &pre, &refs, &cols)
            .first()
            .map(|c| (c.currency.code().to_string(), c.source))
    }

    #[test]
    fn each_kind_of_evidence_names_the_currency() {
        let cols = |amount, currency, description| Columns {
            date: Some(0),
            amount: Some(amount),
            currency,
            description,
            ..Columns::default()
        };
        // Header, preamble lines, data lines, roles, the currency and source wanted.
        type Lines<'a> = &'a [&'a [&'a str]];
        type Case<'a> = (
            &'a [&'a str],
            Lines<'a>,
            Lines<'a>,
            Columns,
            &'a str,
            Source,
        );
        let cases: Vec<Case> = vec![
            // A currency column under a name no list has.
            (
                &["Datum", "Bedrag", "Munt"],
                &[],
                &[
                    &["2024-01-02", "1,00", "EUR"],
                    &["2024-01-03", "2,00", "EUR"],
                ],
                cols(1, Some(2), None),
                "EUR",
                Source::Column,
            ),
            // Symbols in the amounts.
            (
                &["Date", "Amount"],
                &[],
                &[&["2024-01-02", "-£1.00"], &["2024-01-03", "£2.00"]],
                cols(1, None, None),
                "GBP",
                Source::Amounts,
            ),
            // A code in a column name.
            (
                &["Date", "Amount (SEK)"],
                &[],
                &[&["2024-01-02", "-1.00"]],
                cols(1, None, None),
                "SEK",
                Source::Header,
            ),
            // The preamble.
            (
                &["Date", "Amount"],
                &[&["Account", "12345678"], &["Currency: CHF"]],
                &[&["2024-01-02", "-1.00"]],
                cols(1, None, None),
                "CHF",
                Source::Preamble,
            ),
            // The IBAN's country.
            (
                &["Date", "Amount"],
                &[&["IBAN", "DK50 0040 0440 1162 43"]],
                &[&["2024-01-02", "-1.00"]],
                cols(1, None, None),
                "DKK",
                Source::Iban,
            ),
            // A sort code.
            (
                &["Date", "Sort", "Amount"],
                &[],
                &[
                    &["02/01/2024", "'12-34-56", "-1.00"],
                    &["03/01/2024", "'12-34-56", "-2.00"],
                ],
                cols(2, None, None),
                "GBP",
                Source::SortCode,
            ),
            // The language of the column names.
            (
                &["交易日期", "金额"],
                &[],
                &[&["2024-01-02", "-1.00"]],
                cols(1, None, None),
                "CNY",
                Source::Language,
            ),
            (
                &["Dato", "Tekst", "Beløb"],
                &[],
                &[&["02-01-2024", "x", "-1,00"]],
                cols(2, None, Some(1)),
                "DKK",
                Source::Language,
            ),
            (
                &["Date opération", "Libellé", "Montant"],
                &[],
                &[&["02/01/2024", "x", "-1,00"]],
                cols(2, None, Some(1)),
                "EUR",
                Source::Language,
            ),
            // Card descriptors ending with the country.
            (
                &[],
                &[],
                &[
                    &["2024-01-02", "-1.00", "SHOP  AUCKLAND  NZL"],
                    &["2024-01-03", "-2.00", "CAFE  HENDERSON  NZL"],
                    &["2024-01-03", "-2.00", "ITUNES  CORK  IRL"],
                ],
                cols(1, None, Some(2)),
                "NZD",
                Source::Descriptors,
            ),
            // A code the descriptions mention.
            (
                &[],
                &[],
                &[
                    &["2024-01-02", "-1,00", "Visa kob DKK 995,00"],
                    &["2024-01-03", "-2,00", "Dankort-nota DKK 45,00"],
                    &["2024-01-04", "-3,00", "Cafe"],
                ],
                cols(1, None, Some(2)),
                "DKK",
                Source::Mentions,
            ),
            // Domestic payment schemes.
            (
                &["Tran Date", "Particulars", "DR"],
                &[],
                &[
                    &["23-09-2022", "UPI/P2M/2266/SHOP", "190.00"],
                    &["24-09-2022", "UPI/P2A/2267/NAME", "34.00"],
                ],
                cols(2, None, Some(1)),
                "INR",
                Source::Schemes,
            ),
        ];
        for (header, pre, rows, cols, want, source) in cases {
            assert_eq!(
                first(header, pre, rows, cols),
                Some((want.to_string(), source)),
                "{header:?} {rows:?}"
            );
        }
        // Nothing in an English file with plain numbers: no guess.
        assert_eq!(
            first(
                &["Date", "Description", "Amount"],
                &[],
                &[&["2024-01-02", "COFFEE", "-1.00"]],
                cols(2, None, Some(1))
            ),
            None
        );
    }

    #[test]
    fn three_capitals_in_one_description_are_no_currency() {
        let cols = Columns {
            date: Some(0),
            amount: Some(1),
            description: Some(2),
            ..Columns::default()
        };
        let rows: &[&[&str]] = &[
            &["2024-01-02", "-12.34", "A BHD"],
            &["2024-01-03", "-2.00", "Cafe"],
        ];
        assert_eq!(first(&[], &[], rows, cols), None);
    }

    #[test]
    fn a_column_of_codes_is_found_by_its_values() {
        let data: Vec<Rec> = [
            ["1", "EUR", "2,00"],
            ["2", "EUR", "3,00"],
            ["3", "USD", "1,00"],
        ]
        .iter()
        .map(|c| rec(1, c))
        .collect();
        let refs: Vec<&Rec> = data.iter().collect();
        assert_eq!(code_column(&refs, &[]), Some(1));
        assert_eq!(code_column(&refs, &[1]), None);
        assert!(is_sort_code("'99-88-74"));
        assert!(is_sort_code("20-00-00 12345678"));
        assert!(is_sort_code("'600000-12345678"));
        assert!(!is_sort_code("2024-01-02"));
    }
}
