//! The real-layout XLSX, XLS, OFX/QFX and CAMT files of `../shared/fixtures/statements-more/`,
//! imported through the App into a real database: row count, signed sum, currency, date range,
//! and the accounts of multi-account files, as its MANIFEST.md gives them. Skipped when that
//! folder is absent (it is not part of the repository).

mod common_formats;

use common_formats::fresh;
use std::path::PathBuf;

struct Expected {
    file: &'static str,
    rows: usize,
    sum_minor: i64,
    currency: &'static str,
    first: &'static str,
    last: &'static str,
    /// (rows, signed sum) of each account, in the order of the accounts' names.
    accounts: &'static [(usize, i64)],
}

const DEVELOPED_ON: &[Expected] = &[
    Expected {
        file: "br_nubank_card.ofx",
        rows: 6,
        sum_minor: -128_091,
        currency: "BRL",
        first: "2024-03-22",
        last: "2024-03-23",
        accounts: &[(6, -128_091)],
    },
    Expected {
        file: "ch_raiffeisen_camt053.xml",
        rows: 16,
        sum_minor: -367_985,
        currency: "CHF",
        first: "2017-04-01",
        last: "2017-04-11",
        accounts: &[(16, -367_985)],
    },
    Expected {
        file: "cl_bancochile_cuenta.xls",
        rows: 10,
        sum_minor: -978_826,
        currency: "CLP",
        first: "2026-01-01",
        last: "2026-01-19",
        accounts: &[(10, -978_826)],
    },
    Expected {
        file: "fr_banquepopulaire_multi.ofx",
        rows: 14,
        sum_minor: 4_911,
        currency: "EUR",
        first: "2022-06-10",
        last: "2022-07-15",
        // Checking and savings share a (sanitised) ACCTID; their types tell them apart.
        accounts: &[(13, -15_089), (1, 20_000)],
    },
    Expected {
        file: "hu_unicredit_camt053.xml",
        rows: 9,
        sum_minor: -19_636_800,
        currency: "HUF",
        first: "2017-11-02",
        last: "2017-11-30",
        accounts: &[(7, -29_736_700), (2, 10_099_900)],
    },
    Expected {
        file: "lt_dnb_camt053.xml",
        rows: 4,
        sum_minor: -18_101,
        currency: "EUR",
        first: "2015-12-31",
        last: "2015-12-31",
        accounts: &[(4, -18_101)],
    },
    Expected {
        file: "se_handelsbanken.xlsx",
        rows: 2,
        sum_minor: -46_600,
        currency: "SEK",
        first: "2025-01-02",
        last: "2025-01-02",
        accounts: &[(2, -46_600)],
    },
];

/// `shared/` beside the checkout (`../../../shared` from this crate), wherever the checkout is.
fn folder() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared/fixtures/statements-more"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| here.join("../../../shared/fixtures/statements-more"))
}

/// What differs from the manifest, one line per difference.
fn check(e: &Expected) -> Vec<String> {
    let path = folder().join(e.file);
    let mut db = fresh();
    if let Err(err) = db.import(&path, None) {
        return vec![format!("{}: {}", e.file, err.message)];
    }
    let t = db.totals();
    let mut out = Vec::new();
    let mut differ = |what: &str, got: String, want: String| {
        if got != want {
            out.push(format!("{}: {what} {got}, manifest {want}", e.file));
        }
    };
    differ("rows", t.rows.to_string(), e.rows.to_string());
    differ("sum", t.sum_minor.to_string(), e.sum_minor.to_string());
    differ("currency", t.currencies.join(","), e.currency.to_string());
    differ(
        "dates",
        format!("{}..{}", t.first, t.last),
        format!("{}..{}", e.first, e.last),
    );
    let accounts: Vec<(usize, i64)> = db
        .by_account()
        .values()
        .map(|a| (a.rows, a.sum_minor))
        .collect();
    differ(
        "accounts",
        format!("{accounts:?}"),
        format!("{:?}", e.accounts),
    );
    out
}

/// The held-out half of the non-CSV files, fixed before the readers were written and imported
/// once after they were done (docs/benchmarks.md); checked like the others from then on.
const HELD_OUT: &[Expected] = &[
    Expected {
        file: "it_fineco_conto.xlsx",
        rows: 2,
        sum_minor: 14_063,
        currency: "EUR",
        first: "2024-12-31",
        last: "2024-12-31",
        accounts: &[(2, 14_063)],
    },
    Expected {
        file: "it_fineco_carte.xls",
        rows: 2,
        sum_minor: -10_000,
        currency: "EUR",
        first: "2024-12-31",
        last: "2024-12-31",
        accounts: &[(2, -10_000)],
    },
    Expected {
        file: "sg_uob.xls",
        rows: 8,
        sum_minor: -72_260,
        currency: "SGD",
        first: "2023-05-02",
        last: "2023-06-30",
        accounts: &[(8, -72_260)],
    },
    Expected {
        file: "us_capitalone360_checking.qfx",
        rows: 4,
        sum_minor: 123_355,
        currency: "USD",
        first: "2023-01-12",
        last: "2023-02-28",
        accounts: &[(4, 123_355)],
    },
];

#[test]
fn every_non_csv_file_imports_exactly() {
    if !folder().is_dir() {
        eprintln!("{} is absent: skipped", folder().display());
        return;
    }
    let mut wrong = Vec::new();
    for e in DEVELOPED_ON.iter().chain(HELD_OUT) {
        wrong.extend(check(e));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
