//! Detection: from the decoded text and the user's profile to a `Plan` that says how to read
//! every row. Works on a sample of the first records; only the day/month order may look at the
//! whole date column (and only when the sample leaves it open).

use super::account;
use super::amounts::{self, DecimalMark, MarkVotes};
use super::currency::{self, CurrencySource};
use super::dates::{self, DateOrder, OrderVotes, YearHint};
use super::error::{ImportError, MissingColumns};
use super::presets::{self, Preset};
use super::profile::{Columns, Profile, SignConvention};
use super::roles;
use super::row_words::{self, Dir};
use super::sample::{self, Rec};
use super::text::clean;
use super::SkipReason;
use crate::money::Currency;

/// Records read for detection: the header hides in the first ones, the data sample follows.
const SAMPLE_RECORDS: usize = 260;
/// Records searched for the header row.
const HEADER_SEARCH: usize = 60;
/// Data records used to decide roles, marks and signs.
const DATA_SAMPLE: usize = 200;

/// How to read every row of one file.
#[derive(Clone, Debug)]
pub struct Plan {
    pub delimiter: u8,
    /// Index in the sample of the header record, and its physical line.
    pub header: Option<(usize, u64)>,
    pub header_cells: Vec<String>,
    /// Index in the sample of the first data record.
    pub data_start: usize,
    pub cols: Columns,
    pub sign: SignConvention,
    pub order: DateOrder,
    pub date_format: String,
    pub mark: DecimalMark,
    /// Used when neither the row nor its amount names a currency.
    pub currency: Currency,
    pub hint: Option<YearHint>,
    pub preset: Option<&'static str>,
    pub confident: bool,
    /// Which evidence chose `currency` (see `Detected::currency_source`).
    pub currency_source: CurrencySource,
    /// The account identity the file states.
    pub account: Option<String>,
    /// The date given to pending rows that have none (the latest date of the sample).
    pub latest_date: Option<chrono::NaiveDate>,
    /// A column whose cells mark balance and total lines (a record type).
    pub record_type: Option<usize>,
    /// A column naming, on every row, which of the file's several accounts the row is of.
    pub account_col: Option<usize>,
    /// The word some rows hold where the date goes (`offen`, `Varaus`): not booked yet.
    pub pending_word: Option<String>,
    /// A column of record-type codes, and the codes that mark balance and total lines.
    pub summary_codes: Option<(usize, Vec<(String, SkipReason)>)>,
}

/// Detects the plan for `text` (already decoded), applying the user's profile.
pub fn detect(
    text: &str,
    profile: &Profile,
    account_currency: Option<Currency>,
    default_currency: Option<Currency>,
) -> Result<(Plan, Vec<Rec>), ImportError> {
    let delimiter = match profile.delimiter {
        Some(c) if c.is_ascii() && c != '"' && c != '\n' && c != '\r' => c as u8,
        Some(c) => {
            return Err(ImportError::BadProfile(format!(
                "'{c}' cannot be a delimiter"
            )))
        }
        None => super::dialect::sniff(text),
    };
    let recs = sample::read(text, delimiter, SAMPLE_RECORDS)?;
    if recs.iter().all(Rec::is_blank) {
        return Err(ImportError::Empty);
    }
    let mut confident = true;

    // The header row: named by the user, or found by its column names.
    let header = match profile.header_line {
        Some(line) => {
            let i = recs.iter().position(|r| r.line == line).ok_or_else(|| {
                ImportError::BadProfile(format!(
                    "line {line} is not among the first lines of the file"
                ))
            })?;
            Some(i)
        }
        None => find_header(&recs),
    };
    let header_cells = header.map(|i| recs[i].cells.clone()).unwrap_or_default();

    // Roles: a preset when the header matches one, else header names, else the data itself.
    let mut preset: Option<&'static Preset> = None;
    let mut cols = match header {
        Some(_) => match presets::match_header(&header_cells) {
            Some((p, pcols)) => {
                preset = Some(p);
                with_generic_extras(pcols, roles::from_header(&header_cells))
            }
            None => roles::from_header(&header_cells),
        },
        None => Columns::default(),
    };
    let after_header = header.map_or(0, |i| i + 1);
    let mut data: Vec<&Rec> = recs[after_header..]
        .iter()
        .filter(|r| !r.is_blank())
        .take(DATA_SAMPLE)
        .collect();
    if header.is_none() {
        confident = false;
        cols = roles::from_data(&data.iter().map(|r| r.cells.clone()).collect::<Vec<_>>());
    }
    {
        let cells: Vec<&[String]> = data.iter().map(|r| r.cells.as_slice()).collect();
        if header.is_some() && preset.is_none() {
            roles::check_with_data(&mut cols, &cells);
        } else if cols.currency.is_none() {
            let taken: Vec<usize> = cols.entries().into_iter().map(|(_, i)| i).collect();
            cols.currency = currency::code_column(&data, &taken);
        }
    }
    if !profile.columns.is_empty() {
        cols = cols.overlay(&profile.columns);
    }
    if cols.date.is_none() {
        return Err(ImportError::NoColumns(MissingColumns::Dates));
    }
    if cols.amount.is_none() && cols.debit.is_none() && cols.credit.is_none() {
        return Err(ImportError::NoColumns(MissingColumns::Amount));
    }
    if preset.is_none() && cols.description.is_none() {
        confident = false;
    }

    // Headerless files may open with a title: data starts at the first row with a date.
    let date_col = cols.date.unwrap_or(0);
    let data_start = if header.is_some() {
        after_header
    } else {
        recs.iter()
            .position(|r| {
                r.cells
                    .get(date_col)
                    .is_some_and(|c| dates::looks_like_date(clean(c)))
            })
            .unwrap_or(0)
    };
    if header.is_none() {
        data = recs[data_start..]
            .iter()
            .filter(|r| !r.is_blank())
            .take(DATA_SAMPLE)
            .collect();
    }

    // The statement month for year-less dates, from the lines above the data.
    let hint = recs[..data_start.min(recs.len())]
        .iter()
        .flat_map(|r| r.cells.iter())
        .find_map(|c| dates::year_hint_in(c));

    // Currency: the profile, else the file's own evidence (strongest first), else the
    // preset, else the account's from earlier imports, else the caller's default — and then
    // the app should ask.
    let preamble = &recs[..header.unwrap_or(data_start).min(recs.len())];
    let clues = currency::clues(&header_cells, preamble, &data, &cols);
    let profile_currency =
        match &profile.currency {
            Some(code) => Some(Currency::parse(code).ok_or_else(|| {
                ImportError::BadProfile(format!("'{code}' is not a currency code"))
            })?),
            None => None,
        };
    let preset_currency = preset.and_then(|p| p.currency).and_then(Currency::parse);
    // A preset matched on common column names only cannot vouch for the bank's currency.
    let generic_preset = preset.is_some_and(Preset::is_generic);
    let (currency, currency_source) = if let Some(c) = profile_currency {
        (c, CurrencySource::Profile)
    } else if let Some(clue) = clues.first() {
        // Firm evidence that disagrees with the chosen currency: let the user look.
        let contested = clues
            .iter()
            .any(|k| k.source.is_firm() && k.currency != clue.currency);
        if contested || !clue.source.is_firm() {
            confident = false;
        }
        (clue.currency, clue.source.into())
    } else if let Some(c) = preset_currency.filter(|_| !generic_preset) {
        (c, CurrencySource::Preset)
    } else if let Some(c) = account_currency {
        (c, CurrencySource::Account)
    } else if let Some(c) = preset_currency {
        // Other banks write the same header: let the user confirm the currency.
        confident = false;
        (c, CurrencySource::Preset)
    } else if let Some(c) = default_currency {
        confident = false;
        (c, CurrencySource::Default)
    } else {
        confident = false;
        // ISO 4217 "no currency": shown to the user, who picks the real one.
        (
            Currency::parse("XXX").unwrap_or(Currency::USD),
            CurrencySource::None,
        )
    };
    let taken: Vec<usize> = cols.entries().into_iter().map(|(_, i)| i).collect();
    // The preset's own label for the account first: it knows where its bank writes it. A file
    // that states its one account (above the table, or on every row alike) is never split by a
    // column of other accounts: that column is the other party's.
    let account = preset
        .and_then(|p| presets::account_in_preamble(p, preamble))
        .or_else(|| account::detect(preamble, &header_cells, &data, &taken));
    let account_col = match account {
        Some(_) => None,
        None => account::per_row_column(&header_cells, &data),
    };

    // Decimal mark, from all money columns of the sample.
    let mut marks = MarkVotes::default();
    for r in &data {
        for i in [cols.amount, cols.debit, cols.credit, cols.fee]
            .into_iter()
            .flatten()
        {
            if let Some(c) = r.cells.get(i) {
                marks.add(c);
            }
        }
    }
    let mark = marks.decide();

    // Day/month order, decided over the whole column when the sample leaves it open.
    let prefer_month_first = preset.map_or(currency == Currency::USD, |p| p.month_first);
    let (order, guessed) = match &profile.date_format {
        Some(f) => (
            dates::order_of_format(f).ok_or_else(|| {
                ImportError::BadProfile(format!(
                    "the date format '{f}' names no day and month (use e.g. %d.%m.%Y)"
                ))
            })?,
            false,
        ),
        None => {
            let mut votes = OrderVotes::default();
            for r in &data {
                for i in [cols.date, cols.posted_date].into_iter().flatten() {
                    if let Some(c) = r.cells.get(i) {
                        votes.add(clean(c));
                    }
                }
            }
            if !votes.settled() && recs.len() >= SAMPLE_RECORDS {
                whole_column_votes(text, delimiter, &recs, data_start, &cols, &mut votes)?;
            }
            let (order, guessed) = votes.decide(prefer_month_first);
            if guessed {
                match order_by_behaviour(&data, preamble, cols.date.unwrap_or(0), order, hint) {
                    Some(better) => (better, false),
                    None => (order, true),
                }
            } else {
                (order, false)
            }
        }
    };
    if guessed {
        confident = false;
    }
    let date_format = match &profile.date_format {
        Some(f) => f.clone(),
        None => {
            let first = data
                .iter()
                .filter_map(|r| r.cells.get(date_col))
                .map(|c| clean(c))
                .find(|c| !c.is_empty());
            first.map_or_else(|| "%Y-%m-%d".to_string(), |s| dates::format_for(s, order))
        }
    };

    // The date of rows that say `Pending` instead of a date: the latest date in the sample.
    let latest_date = data
        .iter()
        .filter_map(|r| r.cells.get(date_col))
        .filter_map(|c| dates::parse(clean(c), order, hint).ok())
        .map(|(d, _)| d)
        .max();

    let pending_word = pending_word(&data, date_col, order, hint);

    // Sign convention.
    let sign = match profile.sign.or(preset.map(|p| p.sign)) {
        Some(s) => s,
        None => {
            let (s, sure) = infer_sign(&data, &cols, mark);
            if !sure {
                confident = false;
            }
            s
        }
    };
    if sign != SignConvention::Direction && profile.columns.direction.is_none() {
        // An in/out column only served as evidence; the signed amount is authoritative.
        cols.direction = None;
    }
    validate(&cols, sign)?;
    if profile.columns.fee.is_none() && fees_are_rows(&data, &cols, mark) {
        // The fee column repeats fees the file also lists as rows of their own: count once.
        cols.fee = None;
    }
    let sample_cells: Vec<&[String]> = data.iter().map(|r| r.cells.as_slice()).collect();
    let record_type = roles::record_type_column(&cols, &sample_cells);
    let summary_codes = roles::summary_codes(&cols, &sample_cells);

    Ok((
        Plan {
            delimiter,
            header: header.map(|i| (i, recs[i].line)),
            header_cells,
            data_start,
            cols,
            sign,
            order,
            date_format,
            mark,
            currency,
            hint,
            preset: preset.map(|p| p.name),
            confident,
            currency_source,
            account,
            latest_date,
            record_type,
            account_col,
            pending_word,
            summary_codes,
        },
        recs,
    ))
}

/// A word standing where the date goes on the first few rows of the data (`offen`, `Varaus`,
/// `Pending` in any language) while the rows below have dates: rows whose date is not known
/// yet because they are not booked. Banks list them first, newest on top.
fn pending_word(
    data: &[&Rec],
    col: usize,
    order: DateOrder,
    hint: Option<YearHint>,
) -> Option<String> {
    let cells: Vec<&str> = data
        .iter()
        .map(|r| r.cells.get(col).map_or("", |c| clean(c)))
        .collect();
    let is_date = |c: &str| dates::parse(c, order, hint).is_ok();
    let top: Vec<&str> = cells
        .iter()
        .copied()
        .take_while(|c| !c.is_empty() && !is_date(c))
        .collect();
    let word = *top.first()?;
    let one_word = word.chars().count() <= 20 && word.chars().all(char::is_alphabetic);
    // An opening balance or a total on top is a line to skip, never a pending row.
    let summary = data[..top.len()].iter().any(|r| {
        r.cells
            .iter()
            .any(|c| row_words::summary_reason(c).is_some())
    });
    if summary {
        return None;
    }
    let same = cells
        .iter()
        .filter(|c| c.eq_ignore_ascii_case(word))
        .count();
    let dated = cells.iter().filter(|c| is_date(c)).count();
    (one_word && top.iter().all(|c| *c == word) && top.len() <= 5 && dated > same)
        .then(|| word.to_string())
}

/// The record with the best header score among the first ones; `None` for a headerless file.
fn find_header(recs: &[Rec]) -> Option<usize> {
    let mut best: Option<(u32, usize)> = None;
    for (i, r) in recs.iter().enumerate().take(HEADER_SEARCH) {
        let s = roles::header_score(&r.cells);
        if s >= 2 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, i));
        }
    }
    best.map(|(_, i)| i)
}

/// A preset's mapping, completed with roles it does not name that the header names.
fn with_generic_extras(mut p: Columns, g: Columns) -> Columns {
    macro_rules! fill {
        ($($f:ident),*) => { $( if p.$f.is_none() && !p.entries().iter().any(|&(_, i)| Some(i) == g.$f) { p.$f = g.$f; } )* };
    }
    fill!(
        posted_date,
        time,
        reference,
        card,
        currency,
        status,
        counterparty
    );
    p
}

/// The statement's period as the preamble states it (`Zeitraum;01.03.2024 - 31.03.2024`,
/// `Period: 03/01/2024 to 03/31/2024`), read in `order`: the first and last date found.
fn stated_period(
    preamble: &[Rec],
    order: DateOrder,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let found: Vec<chrono::NaiveDate> = preamble
        .iter()
        .flat_map(|r| r.cells.iter())
        .flat_map(|c| c.split([' ', '~', '至', '–']))
        .filter(|piece| piece.len() >= 6)
        .filter_map(|piece| dates::parse(clean(piece), order, None).ok())
        .map(|(d, _)| d)
        .collect();
    if found.len() < 2 {
        return None;
    }
    Some((*found.iter().min()?, *found.iter().max()?))
}

/// When no day above 12 settles the order, the reading under which the dates behave like a
/// statement's: inside the period the preamble states, in order (rising or falling) more
/// often, or else spanning a shorter time. `None` when both readings behave alike (the
/// caller's guess stands, flagged).
fn order_by_behaviour(
    data: &[&Rec],
    preamble: &[Rec],
    col: usize,
    guess: DateOrder,
    hint: Option<YearHint>,
) -> Option<DateOrder> {
    let other = match guess {
        DateOrder::Dmy => DateOrder::Mdy,
        DateOrder::Mdy => DateOrder::Dmy,
        DateOrder::Dm => DateOrder::Md,
        DateOrder::Md => DateOrder::Dm,
        DateOrder::Ymd => return None,
    };
    let measure = |order: DateOrder| -> Option<(usize, usize, i64)> {
        let ds: Vec<chrono::NaiveDate> = data
            .iter()
            .filter_map(|r| r.cells.get(col))
            .filter_map(|c| dates::parse(clean(c), order, hint).ok())
            .map(|(d, _)| d)
            .collect();
        if ds.len() < 2 {
            return None;
        }
        let rising = ds.windows(2).filter(|w| w[0] <= w[1]).count();
        let falling = ds.windows(2).filter(|w| w[0] >= w[1]).count();
        let span = (*ds.iter().max()? - *ds.iter().min()?).num_days();
        let inside = stated_period(preamble, order).map_or(0, |(from, to)| {
            ds.iter().filter(|d| (from..=to).contains(d)).count()
        });
        Some((inside, rising.max(falling), span))
    };
    let (g, o) = (measure(guess)?, measure(other)?);
    if g.0 != o.0 {
        return Some(if o.0 > g.0 { other } else { guess });
    }
    let (g, o) = ((g.1, g.2), (o.1, o.2));
    // More rows in order wins; at equal order, a span at most half as long.
    if o.0 > g.0 || (o.0 == g.0 && o.1 * 2 <= g.1 && g.1 > 0) {
        Some(other)
    } else if g.0 > o.0 || (g.0 == o.0 && g.1 * 2 <= o.1 && o.1 > 0) {
        Some(guess)
    } else {
        None
    }
}

/// Reads the date column of the whole file until a day above 12 settles the order.
fn whole_column_votes(
    text: &str,
    delimiter: u8,
    recs: &[Rec],
    data_start: usize,
    cols: &Columns,
    votes: &mut OrderVotes,
) -> Result<(), ImportError> {
    let Some(date) = cols.date else { return Ok(()) };
    let skip = recs.len().max(data_start);
    let mut records = sample::Records::new(text, delimiter);
    let mut n = 0usize;
    while records.next()?.is_some() {
        n += 1;
        if n <= skip {
            continue;
        }
        votes.add(clean(sample::cell(&records.rec, date)));
        if votes.settled() {
            break;
        }
    }
    Ok(())
}

/// The signed amount of a sample row as written (amount − fee), before any convention.
fn raw_amount(r: &Rec, cols: &Columns, mark: DecimalMark) -> Option<i64> {
    let get = |i: Option<usize>| -> Option<i64> {
        let a = amounts::parse(r.cells.get(i?)?, mark).ok()??;
        a.to_minor(4)
    };
    let fee = get(cols.fee).unwrap_or(0);
    // Checked: a sample row with an amount or fee near i64's limits is no evidence, never a
    // wrapped number (the row reader refuses such a row with its line).
    get(cols.amount)?.checked_sub(fee.checked_abs()?)
}

/// Is a purchase positive or negative in this file? Evidence: rows whose in/out word says
/// money left, rows that say "payment received" / "refund" (money in). Without evidence, a
/// file with only positive amounts is taken for a card statement (purchases positive).
fn infer_sign(data: &[&Rec], cols: &Columns, mark: DecimalMark) -> (SignConvention, bool) {
    if cols.debit.is_some() || cols.credit.is_some() {
        return (SignConvention::DebitCredit, true);
    }
    let amounts_of: Vec<(usize, i64)> = data
        .iter()
        .enumerate()
        .filter_map(|(k, r)| Some((k, raw_amount(r, cols, mark)?)))
        .collect();
    let any_negative = amounts_of.iter().any(|&(_, a)| a < 0);
    if cols.direction.is_some() && !any_negative {
        return (SignConvention::Direction, true);
    }
    let kinds = roles::kind_columns(
        cols,
        &data.iter().map(|r| r.cells.as_slice()).collect::<Vec<_>>(),
    );
    let (mut bank, mut card) = (0u32, 0u32);
    for &(k, a) in &amounts_of {
        if a == 0 {
            continue;
        }
        let r = data[k];
        // Which way the row's words say the money went.
        let mut says: Option<Dir> = cols
            .direction
            .and_then(|i| r.cells.get(i))
            .and_then(|c| row_words::direction_of(c));
        if says.is_none() || says == Some(Dir::Neutral) {
            let text: String = [cols.description, cols.counterparty]
                .into_iter()
                .flatten()
                .filter_map(|i| r.cells.get(i))
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            says = row_words::says_money_in(&text).then_some(Dir::In);
        }
        if says.is_none() {
            // A transaction-type column (`Purchase`, `Refund`, `Credit`).
            says = kinds
                .iter()
                .find_map(|&i| r.cells.get(i).and_then(|c| row_words::kind_of(c)));
        }
        match (says, a > 0) {
            (Some(Dir::In), true) | (Some(Dir::Out), false) => bank += 1,
            (Some(Dir::In), false) | (Some(Dir::Out), true) => card += 1,
            _ => {}
        }
    }
    if card > bank {
        (SignConvention::PositiveIsDebit, true)
    } else if bank > card {
        (SignConvention::NegativeIsDebit, true)
    } else if (!any_negative && !amounts_of.is_empty()) || looks_like_card_payments(&amounts_of) {
        (SignConvention::PositiveIsDebit, false)
    } else {
        let any_positive = amounts_of.iter().any(|&(_, a)| a > 0);
        (SignConvention::NegativeIsDebit, any_positive)
    }
}

/// Does the file list each fee of its fee column again as a row of its own (an amount equal
/// to the fee, with no fee of its own)? Then subtracting the column would count fees twice.
fn fees_are_rows(data: &[&Rec], cols: &Columns, mark: DecimalMark) -> bool {
    let Some(fee_col) = cols.fee else {
        return false;
    };
    let get = |r: &Rec, i: Option<usize>| -> Option<i64> {
        amounts::parse(r.cells.get(i?)?, mark).ok()??.to_minor(4)
    };
    let amounts_without_fee: Vec<i64> = data
        .iter()
        .filter(|r| get(r, Some(fee_col)).unwrap_or(0) == 0)
        .filter_map(|r| {
            get(r, cols.amount)
                .or(get(r, cols.debit))
                .or(get(r, cols.credit))
        })
        .map(i64::abs)
        .collect();
    let fees: Vec<i64> = data
        .iter()
        .filter_map(|r| get(r, Some(fee_col)))
        .filter(|&f| f != 0)
        .map(i64::abs)
        .collect();
    let repeated = fees
        .iter()
        .filter(|f| amounts_without_fee.contains(f))
        .count();
    !fees.is_empty() && repeated * 2 > fees.len()
}

/// With no words to go by: a card statement whose purchases are positive has few negative
/// rows (the payments to the card), and they are its largest — at least four positives to
/// each negative, and the typical negative at least twice the typical positive.
fn looks_like_card_payments(amounts: &[(usize, i64)]) -> bool {
    let median = |mut v: Vec<i64>| -> i64 {
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or(0)
    };
    let pos: Vec<i64> = amounts.iter().map(|&(_, a)| a).filter(|&a| a > 0).collect();
    let neg: Vec<i64> = amounts
        .iter()
        .map(|&(_, a)| -a)
        .filter(|&a| a > 0)
        .collect();
    !neg.is_empty() && pos.len() >= 4 * neg.len() && median(neg) >= 2 * median(pos)
}

/// The columns a sign convention needs are there.
fn validate(cols: &Columns, sign: SignConvention) -> Result<(), ImportError> {
    let missing = match sign {
        SignConvention::Direction if cols.direction.is_none() => {
            Some(MissingColumns::DirectionForSign)
        }
        SignConvention::Direction
        | SignConvention::NegativeIsDebit
        | SignConvention::PositiveIsDebit
            if cols.amount.is_none() =>
        {
            Some(MissingColumns::AmountForSign)
        }
        SignConvention::DebitCredit if cols.debit.is_none() && cols.credit.is_none() => {
            Some(MissingColumns::DebitCreditForSign)
        }
        _ => None,
    };
    match missing {
        Some(what) => Err(ImportError::NoColumns(what)),
        None => Ok(()),
    }
}

impl Plan {
    /// The full profile this plan stands for (to show and edit in the app).
    pub fn profile(&self, encoding: &str) -> Profile {
        Profile {
            encoding: Some(encoding.to_string()),
            delimiter: Some(self.delimiter as char),
            header_line: self.header.map(|(_, l)| l),
            date_format: Some(self.date_format.clone()),
            columns: self.cols.clone(),
            sign: Some(self.sign),
            currency: Some(self.currency.code().to_string()),
        }
    }
}
