//! Realistic statement files to import: one person's card spending over several years, written
//! in three dialects the importer must detect on its own.
//!
//! Money is generated as integer minor units and only formatted as text when written, so the
//! files hold exactly the amounts the generator chose.

use chrono::{Duration, NaiveDate};
use recourse_core::model::RowStatus;
use recourse_core::money::Currency;
use recourse_testsupport::labelled::statement_csv;
use recourse_testsupport::labelled::years::Rng;
use std::io::{BufWriter, Write};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `Date,Description,Amount`, ISO dates, point decimals, negative = money out.
    Simple,
    /// Chase credit-card export: `Transaction Date,Post Date,Description,Category,Type,Amount,Memo`.
    Chase,
    /// A German bank: semicolons, `dd.mm.yyyy`, decimal comma with thousands dots, a currency column.
    European,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Simple, Dialect::Chase, Dialect::European];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Simple => "simple",
            Dialect::Chase => "chase",
            Dialect::European => "european",
        }
    }

    /// The writer of that dialect, shared with the labelled statements of the quality measure.
    fn csv(self) -> statement_csv::Dialect {
        match self {
            Dialect::Simple => statement_csv::Dialect::Simple,
            Dialect::Chase => statement_csv::Dialect::Chase,
            Dialect::European => statement_csv::Dialect::European,
        }
    }
}

/// A merchant as banks print it: descriptor template, category, and typical spend in cents.
struct Merchant {
    /// `#` is replaced by a store number, `*` by an order code.
    descriptor: &'static str,
    category: &'static str,
    min_cents: i64,
    max_cents: i64,
    /// Relative frequency.
    weight: u32,
}

const fn m(
    descriptor: &'static str,
    category: &'static str,
    min_cents: i64,
    max_cents: i64,
    weight: u32,
) -> Merchant {
    Merchant {
        descriptor,
        category,
        min_cents,
        max_cents,
        weight,
    }
}

const MERCHANTS: &[Merchant] = &[
    m(
        "STARBUCKS STORE ##### SEATTLE WA",
        "Food & Drink",
        350,
        1_450,
        60,
    ),
    m(
        "SQ *BLUE BOTTLE COFFEE Oakland CA",
        "Food & Drink",
        450,
        1_800,
        25,
    ),
    m("AMAZON MKTPL*****", "Shopping", 599, 12_999, 50),
    m("AMZN Mktp US*****", "Shopping", 799, 8_999, 30),
    m("UBER   *TRIP HELP.UBER.COM", "Travel", 700, 4_800, 30),
    m("LYFT   *RIDE SUN 5PM", "Travel", 650, 3_900, 12),
    m(
        "WHOLEFDS MKT ##### SAN FRANCISCO",
        "Groceries",
        1_200,
        18_000,
        35,
    ),
    m("TRADER JOE S #### QPS", "Groceries", 900, 9_500, 35),
    m("SAFEWAY #### DALY CITY CA", "Groceries", 800, 14_000, 25),
    m("SHELL OIL ######## SAN MATEO CA", "Gas", 2_500, 8_500, 20),
    m("CHEVRON ###### BURLINGAME CA", "Gas", 2_500, 9_000, 15),
    m("DOORDASH*CHIPOTLE", "Food & Drink", 1_400, 4_500, 25),
    m("CHIPOTLE ####", "Food & Drink", 950, 2_400, 20),
    m("MCDONALD'S F#####", "Food & Drink", 450, 1_600, 15),
    m("TARGET        ########", "Shopping", 1_000, 15_000, 20),
    m("COSTCO WHSE #####", "Groceries", 4_000, 40_000, 10),
    m("WALGREENS #####", "Health & Wellness", 500, 6_000, 15),
    m("CVS/PHARMACY #####", "Health & Wellness", 500, 5_500, 12),
    m("APPLE.COM/BILL 866-712-7753 CA", "Shopping", 99, 2_999, 10),
    m("NETFLIX.COM", "Bills & Utilities", 1_549, 1_549, 3),
    m("Spotify USA", "Bills & Utilities", 1_099, 1_099, 3),
    m(
        "COMCAST CALIFORNIA 800-COMCAST",
        "Bills & Utilities",
        7_999,
        12_999,
        2,
    ),
    m("PG&E/EZ-PAY", "Bills & Utilities", 6_000, 25_000, 2),
    m("HOME DEPOT ####", "Home", 1_500, 30_000, 8),
    m("IKEA EAST PALO ALTO", "Home", 2_000, 60_000, 3),
    m("UNITED      0162345678901", "Travel", 12_000, 90_000, 2),
    m("MARRIOTT SAN DIEGO DT", "Travel", 15_000, 80_000, 2),
    m("TST* TARTINE BAKERY", "Food & Drink", 600, 3_500, 10),
    m("PAYPAL *EBAY INC", "Shopping", 1_000, 25_000, 6),
    m(
        "GOOGLE *YouTubePremium",
        "Bills & Utilities",
        1_399,
        1_399,
        2,
    ),
    m("CLIPPER SERVICE CONCORD CA", "Travel", 2_000, 5_000, 5),
    m("ZANZIBAR SPICE EMPORIUM", "Groceries", 1_500, 4_000, 0),
    // Spending on a trip to China, as the card statement prints it.
    m(
        "美团外卖 北京三快在线科技",
        "Food & Drink",
        2_000,
        12_000,
        2,
    ),
    m("滴滴出行 打车", "Travel", 1_500, 6_000, 1),
    m("星巴克咖啡 上海南京西路店", "Food & Drink", 3_000, 8_000, 1),
];

/// A rare merchant for the "rare word" search: one row in this many.
const RARE_EVERY: u64 = 97_331;
/// The starting date of every statement.
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 1, 1).unwrap_or_default()
}
/// The span the rows cover, in days (about eight years).
const SPAN_DAYS: u64 = 8 * 365;

/// One generated row.
struct Row {
    date: NaiveDate,
    posted: NaiveDate,
    description: String,
    category: &'static str,
    /// Signed minor units; negative = money out.
    amount: i64,
}

struct Generator {
    rng: Rng,
    total_weight: u32,
    rows: u64,
}

impl Generator {
    fn new(seed: u64, rows: u64) -> Generator {
        Generator {
            rng: Rng::new(seed),
            total_weight: MERCHANTS.iter().map(|m| m.weight).sum(),
            rows,
        }
    }

    fn merchant(&mut self, i: u64) -> &'static Merchant {
        if i % RARE_EVERY == RARE_EVERY / 2 {
            return MERCHANTS
                .iter()
                .find(|m| m.weight == 0)
                .unwrap_or(&MERCHANTS[0]);
        }
        let mut pick = self.rng.below(u64::from(self.total_weight)) as u32;
        for m in MERCHANTS {
            if pick < m.weight {
                return m;
            }
            pick -= m.weight;
        }
        &MERCHANTS[0]
    }

    fn descriptor(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        for c in template.chars() {
            match c {
                '#' => out.push(char::from(b'0' + self.rng.below(10) as u8)),
                '*' => out.push(char::from(
                    b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[self.rng.below(32) as usize],
                )),
                c => out.push(c),
            }
        }
        out
    }

    fn row(&mut self, i: u64) -> Row {
        // Rows are in date order, spread evenly over the span.
        let date = start() + Duration::days((i * SPAN_DAYS / self.rows.max(1)) as i64);
        let posted = date + Duration::days(self.rng.below(3) as i64);
        // About one row in 60 is a payment or refund coming in.
        if self.rng.below(60) == 0 {
            return Row {
                date,
                posted,
                description: "AUTOMATIC PAYMENT - THANK YOU".into(),
                category: "",
                amount: self.rng.range(20_000, 300_000),
            };
        }
        let m = self.merchant(i);
        // Skewed towards the low end of the merchant's range, as real spending is.
        let span = (m.max_cents - m.min_cents).max(0);
        let skew = self.rng.range(0, span) * self.rng.range(0, 100) / 100;
        Row {
            date,
            posted,
            description: self.descriptor(m.descriptor),
            category: m.category,
            amount: -(m.min_cents + skew),
        }
    }
}

/// Writes `rows` data rows in `dialect` to `path`. About one row in 500 is charged twice (the
/// same line again), as double charges are.
pub fn write(path: &Path, dialect: Dialect, rows: u64, seed: u64) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut generator = Generator::new(seed, rows);
    let csv = dialect.csv();
    // The header of these three dialects names no period or row count.
    out.write_all(csv.header(start(), start(), 0).as_bytes())?;
    let mut line = String::with_capacity(160);
    let mut written = 0u64;
    while written < rows {
        let row = generator.row(written);
        line.clear();
        csv.write_row(&mut line, &row.into_csv());
        out.write_all(line.as_bytes())?;
        written += 1;
        if written < rows && generator.rng.below(500) == 0 {
            out.write_all(line.as_bytes())?;
            written += 1;
        }
    }
    out.flush()
}

impl Row {
    /// The row as the shared dialect writers take it. Simple and Chase print no currency; the
    /// German export prints its code, EUR, as its own account's currency.
    fn into_csv(self) -> statement_csv::Row {
        statement_csv::Row {
            date: self.date,
            time: None,
            posted: self.posted,
            description: self.description,
            category: self.category,
            amount: self.amount,
            currency: Currency::EUR,
            status: RowStatus::Booked,
            reference: None,
            local: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dialect_imports_with_the_real_parser() {
        let dir = tempfile::tempdir().unwrap();
        for d in Dialect::ALL {
            let path = dir.path().join(format!("{}.csv", d.name()));
            write(&path, d, 2_000, 1).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            let mut n = 0u64;
            let summary = recourse_core::import::parse(&bytes, &Default::default(), &mut |row| {
                assert_ne!(row.amount, 0);
                n += 1;
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", d.name()));
            assert_eq!(n, 2_000, "{}: {:?}", d.name(), summary.skipped);
        }
    }
}
