//! Each detection rule on tiny inline histories, including the traps that must stay quiet.

use chrono::NaiveDate;
use recourse_core::detect::{
    detect, recurring, Context, DetectConfig, Flag, FlagKind, FlagReason, Severity,
};
use recourse_core::merchant;
use recourse_core::model::{RowStatus, Txn};
use recourse_core::money::Currency;
use std::collections::HashSet;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// A row: (date, description, amount in minor units, currency). Ids and lines follow order.
fn rows(items: &[(&str, &str, i64, &str)]) -> Vec<Txn> {
    items
        .iter()
        .enumerate()
        .map(|(n, (d, desc, amount, cur))| Txn {
            id: n as i64 + 1,
            account_id: 1,
            date: date(d),
            time: None,
            amount: *amount,
            currency: Currency::parse(cur).expect("test currency"),
            description: desc.to_string(),
            merchant: merchant::display_name(desc).into(),
            merchant_key: merchant::key(desc).into(),
            source_file: "chase.csv".into(),
            source_line: n as u64 + 2,
            status: RowStatus::Booked,
        })
        .collect()
}

fn run(txns: &[Txn]) -> Vec<Flag> {
    detect(
        txns,
        &|_| true,
        &DetectConfig::default(),
        &Context::default(),
    )
}

/// (transaction id, reason, severity) of every flag, for compact assertions.
fn summary(flags: &[Flag]) -> Vec<(i64, FlagReason, Severity)> {
    flags
        .iter()
        .map(|f| (f.transaction_id, f.reason, f.severity))
        .collect()
}

fn with_reason(flags: &[Flag], r: FlagReason) -> Vec<(i64, Severity)> {
    flags
        .iter()
        .filter(|f| f.reason == r)
        .map(|f| (f.transaction_id, f.severity))
        .collect()
}

/// `n` days of background spending (coffee and groceries) starting at `start`, so rules that
/// need a history have one. Amounts vary so they never look like doubles.
fn background(start: &str, n: i64) -> Vec<(String, String, i64, String)> {
    let s = date(start);
    (0..n)
        .map(|i| {
            let d = s + chrono::Duration::days(i);
            let (desc, amount) = match i % 3 {
                0 => (format!("NEW PLACE {}", word(i)), 2000 + (i * 37) % 4000),
                1 => ("SAFEWAY STORE 0042".to_string(), 4000 + (i * 53) % 3000),
                _ => ("WALGREENS #123".to_string(), 1500 + (i * 41) % 1500),
            };
            (
                d.format("%Y-%m-%d").to_string(),
                desc,
                -amount,
                "USD".to_string(),
            )
        })
        .collect()
}

/// A distinct alphabetic word per number (keys drop digits, so names must differ in letters).
fn word(mut i: i64) -> String {
    let mut s = String::new();
    loop {
        s.push((b'A' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            break s + "X";
        }
    }
}

fn rows_owned(bg: &[(String, String, i64, String)], extra: &[(&str, &str, i64, &str)]) -> Vec<Txn> {
    let mut all: Vec<(&str, &str, i64, &str)> = bg
        .iter()
        .map(|(d, desc, a, c)| (d.as_str(), desc.as_str(), *a, c.as_str()))
        .collect();
    all.extend_from_slice(extra);
    all.sort_by_key(|r| r.0);
    rows(&all)
}

#[test]
fn double_charge_cases() {
    struct Case {
        name: &'static str,
        rows: Vec<(&'static str, &'static str, i64, &'static str)>,
        want: Vec<(i64, Severity)>,
    }
    let cases = vec![
        Case {
            name: "same day, same amount",
            rows: vec![
                ("2024-04-12", "TST* PHILZ COFFEE", -438, "USD"),
                ("2024-04-12", "TST* PHILZ COFFEE", -438, "USD"),
            ],
            want: vec![(2, Severity::High)],
        },
        Case {
            name: "changing reference numbers are one merchant",
            rows: vec![
                ("2024-04-12", "AMZN Mktp US*2K4HG7TR3", -2599, "USD"),
                ("2024-04-12", "AMZN Mktp US*9QW1ZK2M0", -2599, "USD"),
            ],
            want: vec![(2, Severity::High)],
        },
        Case {
            name: "next day",
            rows: vec![
                ("2024-04-12", "SAFEWAY STORE 0042", -5321, "USD"),
                ("2024-04-13", "SAFEWAY #1187", -5321, "USD"),
            ],
            want: vec![(2, Severity::Medium)],
        },
        Case {
            name: "two days later, still inside the window",
            rows: vec![
                ("2024-04-12", "TESCO STORES 375", -7406, "GBP"),
                ("2024-04-14", "TESCO STORES 375", -7406, "GBP"),
            ],
            want: vec![(2, Severity::Medium)],
        },
        Case {
            name: "a new order reference after the name each time",
            rows: vec![
                ("2024-04-12", "ZALANDO SE 7PREBXW7J", -8995, "EUR"),
                ("2024-04-13", "ZALANDO SE 9QW1ZK2M0", -8995, "EUR"),
            ],
            want: vec![(2, Severity::Medium)],
        },
        Case {
            name: "an order reference written against a Chinese name",
            rows: vec![
                ("2024-04-12", "京东商城300FYPHXJJ8M", -11724, "CNY"),
                ("2024-04-12", "京东商城7QK2ZW94HDL", -11724, "CNY"),
            ],
            want: vec![(2, Severity::High)],
        },
        Case {
            name: "two days later at a shop whose bills vary to the cent, among its other bills",
            rows: vec![
                ("2024-03-02", "盒马鲜生", -18422, "CNY"),
                ("2024-03-09", "盒马鲜生", -9317, "CNY"),
                ("2024-03-16", "盒马鲜生", -27510, "CNY"),
                ("2024-03-23", "盒马鲜生", -13804, "CNY"),
                ("2024-03-25", "盒马鲜生", -13804, "CNY"),
            ],
            want: vec![(5, Severity::Medium)],
        },
        Case {
            name: "at a café with a fixed menu early in the history, a price two days apart",
            rows: vec![
                ("2024-01-02", "MANNER COFFEE", -1500, "CNY"),
                ("2024-01-05", "MANNER COFFEE", -1500, "CNY"),
                ("2024-01-08", "MANNER COFFEE", -1500, "CNY"),
                ("2024-01-12", "MANNER COFFEE", -1550, "CNY"),
                ("2024-01-14", "MANNER COFFEE", -1550, "CNY"),
            ],
            want: vec![(5, Severity::Low)],
        },
        Case {
            name: "at a café with a fixed menu, the same price the next day",
            rows: vec![
                ("2024-01-02", "CAFFE NERO", -380, "GBP"),
                ("2024-01-06", "CAFFE NERO", -380, "GBP"),
                ("2024-01-09", "CAFFE NERO", -430, "GBP"),
                ("2024-01-10", "CAFFE NERO", -430, "GBP"),
                ("2024-01-13", "CAFFE NERO", -380, "GBP"),
            ],
            want: vec![(4, Severity::Low)],
        },
        Case {
            name: "outside the window",
            rows: vec![
                ("2024-04-12", "SAFEWAY", -5321, "USD"),
                ("2024-04-15", "SAFEWAY", -5321, "USD"),
            ],
            want: vec![],
        },
        Case {
            name: "two transit fares a day are the commute",
            rows: (12..19)
                .flat_map(|d| {
                    let day: &'static str = Box::leak(format!("2024-04-{d}").into_boxed_str());
                    [
                        (day, "TFL TRAVEL CH", -280, "GBP"),
                        (day, "TFL TRAVEL CH", -280, "GBP"),
                    ]
                })
                .collect(),
            want: vec![],
        },
        Case {
            name: "the daily coffee, every other day and every day",
            rows: [10, 12, 14, 16, 17, 18, 19]
                .into_iter()
                .map(|d| {
                    let day: &'static str = Box::leak(format!("2024-04-{d}").into_boxed_str());
                    (day, "BLUE BOTTLE COFFEE", -575, "USD")
                })
                .collect(),
            want: vec![],
        },
        Case {
            name: "at the café paid every day, the same price two days apart is a coincidence",
            rows: vec![
                ("2024-04-08", "BLUE BOTTLE COFFEE", -575, "USD"),
                ("2024-04-09", "BLUE BOTTLE COFFEE", -450, "USD"),
                ("2024-04-10", "BLUE BOTTLE COFFEE", -575, "USD"),
                ("2024-04-11", "BLUE BOTTLE COFFEE", -625, "USD"),
                ("2024-04-12", "BLUE BOTTLE COFFEE", -390, "USD"),
                ("2024-04-15", "BLUE BOTTLE COFFEE", -575, "USD"),
            ],
            want: vec![(3, Severity::Low)],
        },
        Case {
            name: "charged, refunded two days later and charged again",
            rows: vec![
                ("2024-04-12", "NOPA", -4000, "USD"),
                ("2024-04-14", "NOPA", 4000, "USD"),
                ("2024-04-14", "NOPA", -4000, "USD"),
            ],
            want: vec![(3, Severity::Low)],
        },
        Case {
            name: "an order charged twice under two references, the first order returned later",
            rows: vec![
                ("2024-04-15", "淘宝EFK9Z6BYNVVS", -14853, "CNY"),
                ("2024-04-16", "淘宝5U3KYRJLWG6Q", -14853, "CNY"),
                ("2024-04-27", "淘宝EFK9Z6BYNVVS", 14853, "CNY"),
            ],
            want: vec![(2, Severity::Medium)],
        },
        Case {
            name: "charged twice under two references, the second order refunded: resolved",
            rows: vec![
                ("2024-04-15", "AMZN Mktp US*HK1VRVEKN", -5766, "USD"),
                ("2024-04-16", "AMZN Mktp US*L88MC8NSR", -5766, "USD"),
                ("2024-04-27", "AMZN Mktp US*L88MC8NSR", 5766, "USD"),
            ],
            want: vec![(2, Severity::Low)],
        },
        Case {
            name: "an order cancelled and refunded, then bought again under a new reference",
            rows: vec![
                ("2024-04-15", "AMZN Mktp US*HK1VRVEKN", -5766, "USD"),
                ("2024-04-16", "AMZN Mktp US*HK1VRVEKN", 5766, "USD"),
                ("2024-04-17", "AMZN Mktp US*L88MC8NSR", -5766, "USD"),
            ],
            want: vec![(3, Severity::Low)],
        },
        Case {
            name: "split payment of different amounts",
            rows: vec![
                ("2024-04-12", "NOPA", -4000, "USD"),
                ("2024-04-12", "NOPA", -3512, "USD"),
            ],
            want: vec![],
        },
        Case {
            name: "a charge and its refund",
            rows: vec![
                ("2024-04-12", "NOPA", -4000, "USD"),
                ("2024-04-13", "NOPA", 4000, "USD"),
            ],
            want: vec![],
        },
        Case {
            name: "charge, refund, charge: already resolved",
            rows: vec![
                ("2024-04-12", "NOPA", -4000, "USD"),
                ("2024-04-13", "NOPA", 4000, "USD"),
                ("2024-04-13", "NOPA", -4000, "USD"),
            ],
            want: vec![(3, Severity::Low)],
        },
        Case {
            name: "different currencies",
            rows: vec![
                ("2024-04-12", "UBER *TRIP", -1500, "USD"),
                ("2024-04-12", "UBER *TRIP", -1500, "EUR"),
            ],
            want: vec![],
        },
        Case {
            name: "different merchants",
            rows: vec![
                ("2024-04-12", "NOPA", -4000, "USD"),
                ("2024-04-12", "ZUNI CAFE", -4000, "USD"),
            ],
            want: vec![],
        },
        Case {
            // Every purchase on the card is in euros, so euros look like its home; it is
            // loaded in pounds, so the euros were spent on a trip: the same price another day
            // is the daily lunch there.
            name: "a card loaded in pounds, spent in euros: the same price two days later",
            rows: vec![
                ("2024-04-01", "Top-Up by *2291", 30000, "GBP"),
                ("2024-04-20", "Top-Up by *2291", 50000, "GBP"),
                ("2024-04-23", "BAR CELTA", -2815, "EUR"),
                ("2024-04-24", "BAR CELTA", -5733, "EUR"),
                ("2024-04-25", "BAR CELTA", -3394, "EUR"),
                ("2024-04-28", "BAR CELTA", -4091, "EUR"),
                ("2024-04-30", "BAR CELTA", -4091, "EUR"),
            ],
            want: vec![],
        },
        Case {
            name: "a card loaded in pounds, spent in euros: the same purchase twice the same day",
            rows: vec![
                ("2024-04-01", "Top-Up by *2291", 30000, "GBP"),
                ("2024-04-20", "Top-Up by *2291", 50000, "GBP"),
                ("2024-04-23", "BAR CELTA", -2815, "EUR"),
                ("2024-04-24", "BAR CELTA", -5733, "EUR"),
                ("2024-04-25", "BAR CELTA", -3394, "EUR"),
                ("2024-04-28", "BAR CELTA", -4091, "EUR"),
                ("2024-04-28", "BAR CELTA", -4091, "EUR"),
            ],
            want: vec![(7, Severity::High)],
        },
        Case {
            name: "an account loaded and spent in one currency: the same amount next day",
            rows: vec![
                ("2024-04-01", "ACME PAYROLL", 300000, "EUR"),
                ("2024-04-23", "BAR CELTA", -2815, "EUR"),
                ("2024-04-28", "BAR CELTA", -4091, "EUR"),
                ("2024-04-29", "BAR CELTA", -4091, "EUR"),
            ],
            want: vec![(4, Severity::Medium)],
        },
    ];
    for case in cases {
        let flags = run(&rows(&case.rows));
        assert_eq!(
            with_reason(&flags, FlagReason::DoubleCharge),
            case.want,
            "{}",
            case.name
        );
    }
}

#[test]
fn double_charge_explanation_names_amount_date_and_lines() {
    let mut txns = rows(&[
        ("2024-04-12", "TST* PHILZ COFFEE", -438, "USD"),
        ("2024-04-12", "TST* PHILZ COFFEE", -438, "USD"),
    ]);
    txns[0].source_line = 74;
    txns[1].source_line = 75;
    let flags = run(&txns);
    assert_eq!(flags.len(), 1);
    let f = &flags[0];
    assert_eq!(f.related_transaction_ids, vec![1]);
    assert_eq!(
        f.explanation_en,
        "Charged twice: $4.38 at Philz Coffee on 12 Apr 2024, lines 74 and 75 of chase.csv."
    );
    assert_eq!(
        f.explanation_zh,
        "重复扣款：2024年4月12日在 Philz Coffee 两次扣款 $4.38（chase.csv 第74和75行）。"
    );
}

#[test]
fn routine_repeats_are_not_doubles_but_a_break_in_routine_is() {
    // Two fares every weekday for three weeks, and the same coffee every weekday.
    let mut items = Vec::new();
    let start = date("2024-03-04");
    let days: Vec<String> = (0..21)
        .map(|i| {
            (start + chrono::Duration::days(i))
                .format("%Y-%m-%d")
                .to_string()
        })
        .collect();
    for d in &days {
        items.push((d.as_str(), "MTA*NYCT PAYGO", -290, "USD"));
        items.push((d.as_str(), "MTA*NYCT PAYGO", -290, "USD"));
        items.push((d.as_str(), "TST* PHILZ COFFEE", -438, "USD"));
    }
    assert!(
        run(&rows(&items)).is_empty(),
        "{:?}",
        summary(&run(&rows(&items)))
    );
    // The coffee twice on one day has never happened before: that is a double charge.
    items.push((days[20].as_str(), "TST* PHILZ COFFEE", -438, "USD"));
    let flags = run(&rows(&items));
    assert_eq!(
        with_reason(&flags, FlagReason::DoubleCharge),
        vec![(items.len() as i64, Severity::High)]
    );
}

#[test]
fn only_new_rows_are_flagged() {
    let txns = rows(&[
        ("2024-04-12", "NOPA", -4000, "USD"),
        ("2024-04-12", "NOPA", -4000, "USD"),
        ("2024-04-12", "NOPA", -4000, "USD"),
    ]);
    let cfg = DetectConfig::default();
    let ctx = Context::default();
    // Re-running over old rows raises nothing.
    assert!(detect(&txns, &|_| false, &cfg, &ctx).is_empty());
    // Only the newly imported third row is flagged, against the older ones.
    let flags = detect(&txns, &|t| t.id == 3, &cfg, &ctx);
    assert_eq!(
        summary(&flags),
        vec![(3, FlagReason::DoubleCharge, Severity::High)]
    );
    assert_eq!(flags[0].related_transaction_ids, vec![2]);
}

#[test]
fn rows_that_moved_no_money_and_money_in_are_never_flagged() {
    let mut txns = rows(&[
        ("2024-04-12", "JD.COM", -99900, "CNY"),
        ("2024-04-12", "JD.COM", -99900, "CNY"),
        ("2024-04-12", "PAYMENT THANK YOU", 50000, "USD"),
        ("2024-04-12", "PAYMENT THANK YOU", 50000, "USD"),
        ("2024-04-13", "REFUND FROM LUFTHANSA", 45000, "EUR"),
    ]);
    txns[0].status = RowStatus::Closed;
    txns[1].status = RowStatus::Neutral;
    assert!(run(&txns).is_empty(), "{:?}", summary(&run(&txns)));
}

fn monthly(desc: &'static str, amounts: &[i64]) -> Vec<(String, &'static str, i64)> {
    amounts
        .iter()
        .enumerate()
        .map(|(m, a)| (format!("2024-{:02}-12", m + 1), desc, -*a))
        .collect()
}

fn rows_from(list: &[(String, &str, i64)]) -> Vec<Txn> {
    let items: Vec<(&str, &str, i64, &str)> = list
        .iter()
        .map(|(d, desc, a)| (d.as_str(), *desc, *a, "USD"))
        .collect();
    rows(&items)
}

#[test]
fn subscription_billed_twice_within_a_cycle() {
    let mut list = monthly("NETFLIX.COM", &[1549; 6]);
    list.push(("2024-06-17".into(), "NETFLIX.COM", -1549));
    list.sort();
    let flags = run(&rows_from(&list));
    assert_eq!(
        summary(&flags),
        vec![(7, FlagReason::SubscriptionBilledTwice, Severity::Medium)]
    );
    assert_eq!(flags[0].related_transaction_ids, vec![6]);
    assert!(flags[0].explanation_en.starts_with("Billed twice in one cycle: Netflix charged $15.49 on 12 Jun 2024 and again on 17 Jun 2024"), "{}", flags[0].explanation_en);

    // On the same day it is as bad as a double charge.
    let mut list = monthly("SPOTIFY USA", &[1099; 6]);
    list.push(("2024-06-12".into(), "SPOTIFY USA", -1099));
    list.sort();
    assert_eq!(
        summary(&run(&rows_from(&list))),
        vec![(7, FlagReason::SubscriptionBilledTwice, Severity::High)]
    );

    // An add-on purchase of a different amount inside the cycle is not a rebill.
    let mut list = monthly("APPLE.COM/BILL", &[299; 6]);
    list.push(("2024-06-20".into(), "APPLE.COM/BILL", -99));
    list.sort();
    assert!(with_reason(&run(&rows_from(&list)), FlagReason::SubscriptionBilledTwice).is_empty());
}

#[test]
fn price_increase_is_low_and_a_multiple_is_an_outlier() {
    let flags = run(&rows_from(&monthly(
        "NETFLIX.COM",
        &[1549, 1549, 1549, 1549, 1799, 1799],
    )));
    assert_eq!(
        summary(&flags),
        vec![(5, FlagReason::PriceIncrease, Severity::Low)]
    );
    assert!(
        flags[0].explanation_en.contains("from $15.49 to $17.99"),
        "{}",
        flags[0].explanation_en
    );

    let flags = run(&rows_from(&monthly(
        "NETFLIX.COM",
        &[1549, 1549, 1549, 1549, 7745, 1549],
    )));
    assert_eq!(
        summary(&flags),
        vec![(5, FlagReason::AmountOutlier, Severity::Medium)]
    );

    // Prices that go down are not news.
    assert!(run(&rows_from(&monthly(
        "NETFLIX.COM",
        &[1799, 1799, 1799, 1549, 1549]
    )))
    .is_empty());
}

#[test]
fn recurring_lists_subscriptions_with_price_history() {
    let mut list = monthly("NETFLIX.COM", &[1549, 1549, 1549, 1799, 1799]);
    // Groceries every week at varying amounts are not a subscription.
    for w in 0..20 {
        list.push((
            format!("2024-{:02}-{:02}", 1 + w / 4, 1 + (w % 4) * 7),
            "SAFEWAY",
            -(3000 + w * 311),
        ));
    }
    list.sort();
    let found = recurring(&rows_from(&list));
    assert_eq!(found.len(), 1, "{found:?}");
    let r = &found[0];
    assert_eq!(
        (
            r.merchant.as_str(),
            r.merchant_key.as_str(),
            r.currency.as_str()
        ),
        ("Netflix", "netflix", "USD")
    );
    assert_eq!((r.period_days, r.usual_amount_minor), (30, 1799));
    assert_eq!(r.last_date, date("2024-05-12"));
    assert_eq!(r.next_expected, date("2024-06-12"));
    assert_eq!(
        r.price_history,
        vec![(date("2024-01-12"), 1549), (date("2024-04-12"), 1799)]
    );
    assert_eq!(r.transaction_ids.len(), 5);
}

#[test]
fn card_testing_bursts_are_high_and_a_single_tiny_charge_low() {
    let bg = background("2024-01-01", 60);
    let txns = rows_owned(
        &bg,
        &[
            ("2024-03-05", "BLUEFOX DIGITAL SVCS", -99, "USD"),
            ("2024-03-05", "BLUEFOX DIGITAL SVCS", -149, "USD"),
            ("2024-03-05", "BLUEFOX DIGITAL SVCS", -51, "USD"),
        ],
    );
    let flags = with_reason(&run(&txns), FlagReason::CardTesting);
    assert_eq!(flags.len(), 3);
    assert!(flags.iter().all(|(_, s)| *s == Severity::High));

    let txns = rows_owned(&bg, &[("2024-03-05", "CITY PARKING METER", -150, "USD")]);
    assert_eq!(
        with_reason(&run(&txns), FlagReason::CardTesting)
            .iter()
            .map(|f| f.1)
            .collect::<Vec<_>>(),
        vec![Severity::Low]
    );

    // A tiny charge at a merchant the user pays every few days is nothing.
    let txns = rows_owned(&bg, &[("2024-03-05", "WALGREENS #99", -150, "USD")]);
    assert!(with_reason(&run(&txns), FlagReason::CardTesting).is_empty());

    // Two dollars fifty is no longer tiny.
    let txns = rows_owned(&bg, &[("2024-03-05", "CITY PARKING METER", -250, "USD")]);
    assert!(with_reason(&run(&txns), FlagReason::CardTesting).is_empty());
}

#[test]
fn large_charge_at_a_new_merchant() {
    let bg = background("2024-01-01", 90);
    let txns = rows_owned(
        &bg,
        &[("2024-04-05", "GOLDEN PEARL JEWELERS", -250000, "USD")],
    );
    let flags = run(&txns);
    assert_eq!(
        with_reason(&flags, FlagReason::NewMerchantLarge)
            .iter()
            .map(|f| f.1)
            .collect::<Vec<_>>(),
        vec![Severity::High]
    );
    let f = flags
        .iter()
        .find(|f| f.reason == FlagReason::NewMerchantLarge)
        .expect("flag");
    assert!(
        f.explanation_en.starts_with(
            "Large charge at a new merchant: $2,500.00 at Golden Pearl Jewelers on 5 Apr 2024"
        ),
        "{}",
        f.explanation_en
    );
    assert!(
        f.explanation_zh.contains("新商户大额扣款：2024年4月5日"),
        "{}",
        f.explanation_zh
    );

    // An ordinary amount at a new place is nothing.
    let txns = rows_owned(&bg, &[("2024-04-05", "GOLDEN PEARL BISTRO", -6500, "USD")]);
    assert!(run(&txns).is_empty(), "{:?}", summary(&run(&txns)));

    // In the first weeks of an account every merchant is new: nothing to compare with yet.
    let bg_short = background("2024-03-20", 20);
    let txns = rows_owned(
        &bg_short,
        &[("2024-04-05", "GOLDEN PEARL JEWELERS", -250000, "USD")],
    );
    assert!(with_reason(&run(&txns), FlagReason::NewMerchantLarge).is_empty());
}

#[test]
fn amount_outlier_at_a_known_merchant() {
    let bg = background("2024-01-01", 90);
    let txns = rows_owned(&bg, &[("2024-04-05", "SAFEWAY STORE 0042", -40000, "USD")]);
    let flags = with_reason(&run(&txns), FlagReason::AmountOutlier);
    assert_eq!(flags.len(), 1, "{flags:?}");

    // Within the merchant's ordinary range: nothing.
    let txns = rows_owned(&bg, &[("2024-04-05", "SAFEWAY STORE 0042", -9000, "USD")]);
    assert!(run(&txns).is_empty(), "{:?}", summary(&run(&txns)));

    // A shop whose baskets vary (an online store paid through a wallet): a basket three times
    // the middle one but under three times the upper quartile is a bigger order, not an error.
    let shop = rows(&[
        ("2024-01-06", "PAYPAL *TARGET", -6220, "USD"),
        ("2024-02-09", "PAYPAL *TARGET", -4781, "USD"),
        ("2024-04-04", "PAYPAL *TARGET", -4517, "USD"),
        ("2024-04-23", "PAYPAL *TARGET", -6352, "USD"),
        ("2024-10-06", "PAYPAL *TARGET", -14424, "USD"),
    ]);
    assert!(
        with_reason(&run(&shop), FlagReason::AmountOutlier).is_empty(),
        "{:?}",
        summary(&run(&shop))
    );
    // Far above even the upper quartile: still an outlier.
    let mut shop = shop;
    shop[4].amount = -30000;
    assert_eq!(
        with_reason(&run(&shop), FlagReason::AmountOutlier),
        vec![(5, Severity::Medium)]
    );

    // A shop paid only during a week's trip has no usual amount yet: the bigger basket on the
    // last day is not an outlier. The same amounts over two months make one.
    let trip: Vec<(&str, &str, i64, &str)> = vec![
        ("2024-03-30", "SEVEN-ELEVEN BANGKOK TH", -14868, "CNY"),
        ("2024-04-01", "SEVEN-ELEVEN BANGKOK TH", -11427, "CNY"),
        ("2024-04-01", "SEVEN-ELEVEN BANGKOK TH", -9779, "CNY"),
        ("2024-04-02", "SEVEN-ELEVEN BANGKOK TH", -6416, "CNY"),
        ("2024-04-03", "SEVEN-ELEVEN BANGKOK TH", -7724, "CNY"),
        ("2024-04-03", "SEVEN-ELEVEN BANGKOK TH", -8987, "CNY"),
        ("2024-04-05", "SEVEN-ELEVEN BANGKOK TH", -45032, "CNY"),
    ];
    let flags = run(&rows(&trip));
    assert!(
        with_reason(&flags, FlagReason::AmountOutlier).is_empty(),
        "{:?}",
        summary(&flags)
    );
    let months = [
        "2024-01-30",
        "2024-02-01",
        "2024-02-11",
        "2024-02-22",
        "2024-03-03",
        "2024-03-13",
        "2024-04-05",
    ];
    let spread_out: Vec<_> = trip
        .iter()
        .zip(months)
        .map(|(&(_, d, a, c), day)| (day, d, a, c))
        .collect();
    assert_eq!(
        with_reason(&run(&rows(&spread_out)), FlagReason::AmountOutlier),
        vec![(7, Severity::Medium)]
    );

    // Two earlier visits are not enough to know what is usual there.
    let txns = rows(&[
        ("2024-01-01", "NOPA", -4000, "USD"),
        ("2024-01-10", "NOPA", -4200, "USD"),
        ("2024-01-20", "NOPA", -40000, "USD"),
    ]);
    assert!(with_reason(&run(&txns), FlagReason::AmountOutlier).is_empty());
}

#[test]
fn foreign_charges_are_low() {
    let bg = background("2024-01-01", 40);
    let txns = rows_owned(
        &bg,
        &[
            ("2024-02-15", "CAFE DE FLORE", -1850, "EUR"),
            ("2024-02-16", "ALIEXPRESS HANGZHOU CHINA", -1299, "USD"),
            ("2024-02-17", "LUFTHANSA REFUND", 3000, "EUR"),
        ],
    );
    let flags = run(&txns);
    let foreign: Vec<&Flag> = flags
        .iter()
        .filter(|f| f.reason == FlagReason::Foreign)
        .collect();
    assert_eq!(foreign.len(), 2, "{:?}", summary(&flags));
    assert!(foreign.iter().all(|f| f.severity == Severity::Low));
    assert!(
        foreign[0].explanation_en.contains("€18.50"),
        "{}",
        foreign[0].explanation_en
    );
    assert!(
        foreign[1].explanation_en.contains("China"),
        "{}",
        foreign[1].explanation_en
    );

    // A declared home currency wins over the inferred one.
    let cfg = DetectConfig {
        home_currency: Some("EUR".into()),
        ..DetectConfig::default()
    };
    let flags = detect(&txns, &|_| true, &cfg, &Context::default());
    assert!(
        flags
            .iter()
            .filter(|f| f.reason == FlagReason::Foreign)
            .count()
            > 30
    );
}

#[test]
fn trusted_merchants_are_not_unexpected_but_can_still_double_charge() {
    let bg = background("2024-01-01", 90);
    let txns = rows_owned(
        &bg,
        &[
            ("2024-04-05", "GOLDEN PEARL JEWELERS", -250000, "USD"),
            ("2024-04-05", "GOLDEN PEARL JEWELERS", -250000, "USD"),
        ],
    );
    let trusted: HashSet<String> = [merchant::key("GOLDEN PEARL JEWELERS")]
        .into_iter()
        .collect();
    let ctx = Context {
        trusted_merchant_keys: &trusted,
        ..Context::default()
    };
    let flags = detect(&txns, &|_| true, &DetectConfig::default(), &ctx);
    assert_eq!(
        flags.iter().map(|f| f.reason).collect::<Vec<_>>(),
        vec![FlagReason::DoubleCharge]
    );
}

#[test]
fn sensitivity_moves_thresholds() {
    let bg = background("2024-01-01", 90);
    let txns = rows_owned(&bg, &[("2024-04-05", "SAFEWAY STORE 0042", -14000, "USD")]);
    assert!(with_reason(&run(&txns), FlagReason::AmountOutlier).is_empty());
    let keen = DetectConfig {
        sensitivity: 3.0,
        ..DetectConfig::default()
    };
    let flags = detect(&txns, &|_| true, &keen, &Context::default());
    assert_eq!(with_reason(&flags, FlagReason::AmountOutlier).len(), 1);
}

#[test]
fn reasons_and_flags_serialise_as_the_cli_contract_says() {
    for r in FlagReason::ALL {
        assert_eq!(FlagReason::parse(r.as_str()), Some(r));
        assert_eq!(
            serde_json::to_string(&r).expect("json"),
            format!("\"{}\"", r.as_str())
        );
    }
    assert_eq!(FlagReason::DoubleCharge.kind(), FlagKind::Duplicate);
    assert_eq!(
        FlagReason::SubscriptionBilledTwice.kind(),
        FlagKind::Duplicate
    );
    assert_eq!(FlagReason::Foreign.kind(), FlagKind::Unexpected);
    assert_eq!(FlagReason::parse("nope"), None);
    assert_eq!(
        serde_json::to_string(&Severity::High).expect("json"),
        "\"high\""
    );
    let cfg: DetectConfig =
        serde_json::from_str(r#"{"sensitivity": 2.0}"#).expect("partial config");
    assert_eq!(cfg.duplicate_window_days, 2);
}

#[test]
fn odd_inputs_do_not_panic() {
    assert!(run(&[]).is_empty());
    let mut txns = rows(&[
        ("2024-04-12", "", i64::MIN, "USD"),
        ("2024-04-12", "", i64::MIN, "USD"),
        ("2024-04-12", "*** ###", i64::MAX, "JPY"),
        ("2024-04-12", "12345", -1, "KWD"),
    ]);
    txns[0].merchant_key = "".into();
    let _ = run(&txns);
    let cfg = DetectConfig {
        sensitivity: f64::NAN,
        duplicate_window_days: u32::MAX,
        outlier_factor: f64::INFINITY,
        new_merchant_percentile: -3.0,
        ..DetectConfig::default()
    };
    let _ = detect(&txns, &|_| true, &cfg, &Context::default());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arb_rows() -> impl Strategy<Value = Vec<(u8, u8, i64, u8, bool, u8)>> {
        // (day offset, merchant, amount, currency, is new, status)
        prop::collection::vec(
            (
                0u8..60,
                0u8..6,
                -50_000i64..50_000,
                0u8..3,
                any::<bool>(),
                0u8..4,
            ),
            0..80,
        )
    }

    proptest! {
        #[test]
        fn flags_only_new_money_out_rows_with_known_relations(items in arb_rows()) {
            let merchants = ["NOPA", "SAFEWAY #12", "AMZN Mktp US*2K4HG7TR3", "美团平台商户", "TINY SVCS", "NETFLIX.COM"];
            let currencies = ["USD", "EUR", "JPY"];
            let statuses = [RowStatus::Booked, RowStatus::Pending, RowStatus::Closed, RowStatus::Neutral];
            let start = date("2024-01-01");
            let txns: Vec<Txn> = items.iter().enumerate().map(|(n, (d, m, a, c, _, s))| {
                let desc = merchants[*m as usize];
                Txn {
                    id: n as i64 + 1,
                    account_id: 1 + (n as i64 % 2),
                    date: start + chrono::Duration::days(i64::from(*d)),
                    time: None,
                    amount: *a,
                    currency: Currency::parse(currencies[*c as usize]).expect("code"),
                    description: desc.into(),
                    merchant: merchant::display_name(desc).into(),
                    merchant_key: merchant::key(desc).into(),
                    source_file: "x.csv".into(),
                    source_line: n as u64 + 2,
                    status: statuses[*s as usize],
                }
            }).collect();
            let new: HashSet<i64> = items.iter().enumerate().filter(|(_, r)| r.4).map(|(n, _)| n as i64 + 1).collect();
            let flags = detect(&txns, &|t| new.contains(&t.id), &DetectConfig::default(), &Context::default());
            let again = detect(&txns, &|t| new.contains(&t.id), &DetectConfig::default(), &Context::default());
            prop_assert_eq!(&flags, &again);
            for f in &flags {
                let t = &txns[(f.transaction_id - 1) as usize];
                prop_assert!(new.contains(&t.id));
                prop_assert!(t.amount < 0 && t.status.moves_money());
                prop_assert!(!f.explanation_en.is_empty() && !f.explanation_zh.is_empty());
                for r in &f.related_transaction_ids {
                    prop_assert!(*r >= 1 && *r as usize <= txns.len() && *r != f.transaction_id);
                }
            }
        }

        #[test]
        fn merchant_functions_never_panic(s in "\\PC{0,60}") {
            let _ = merchant::display_name(&s);
            let k = merchant::key(&s);
            prop_assert_eq!(k.is_empty(), s.trim().is_empty());
        }
    }
}

/// One case of the tables below: rows added to a background history; which of them the user
/// was already shown and left flagged (or disputed); from which date rows are new (as after an
/// import); and the flags at medium or above expected on the whole history, as (index into
/// `rows`, reason, severity).
struct Misses {
    name: &'static str,
    rows: Vec<(&'static str, &'static str, i64, &'static str)>,
    suspicious: Vec<usize>,
    new_from: &'static str,
    want: Vec<(usize, FlagReason, Severity)>,
}

/// Runs each case on `background` plus its rows and compares the flags at medium or above.
fn check_misses(background: &[(String, String, i64, String)], cases: Vec<Misses>) {
    for case in cases {
        let txns = rows_owned(background, &case.rows);
        let id_of = |k: usize| {
            let (d, desc, amount, _) = case.rows[k];
            let n = case.rows[..k]
                .iter()
                .filter(|r| (r.0, r.1, r.2) == (d, desc, amount))
                .count();
            txns.iter()
                .filter(|t| t.date == date(d) && t.description == desc && t.amount == amount)
                .nth(n)
                .map(|t| t.id)
                .unwrap_or_else(|| panic!("{}: row {k} not found", case.name))
        };
        let suspicious: HashSet<i64> = case.suspicious.iter().map(|&k| id_of(k)).collect();
        let ctx = Context {
            suspicious_ids: &suspicious,
            ..Context::default()
        };
        let from = date(case.new_from);
        let flags = detect(&txns, &|t| t.date >= from, &DetectConfig::default(), &ctx);
        let mut got: Vec<(i64, FlagReason, Severity)> = summary(&flags)
            .into_iter()
            .filter(|f| f.2 >= Severity::Medium)
            .collect();
        got.sort();
        let mut want: Vec<(i64, FlagReason, Severity)> = case
            .want
            .iter()
            .map(|&(k, r, s)| (id_of(k), r, s))
            .collect();
        want.sort();
        assert_eq!(got, want, "{}", case.name);
    }
}

#[test]
fn a_fraud_merchant_that_comes_back_is_flagged_again() {
    let bg = background("2024-01-01", 180);
    let gift = "GIFTCARD HAVEN";
    let crypto = "COINVAULT EXCHANGE";
    let testing_twice = vec![
        ("2024-04-05", gift, -99, "USD"),
        ("2024-04-05", gift, -149, "USD"),
        ("2024-04-05", gift, -51, "USD"),
        ("2024-06-10", gift, -101, "USD"),
        ("2024-06-10", gift, -49, "USD"),
        ("2024-06-10", gift, -75, "USD"),
    ];
    let large_twice = vec![
        ("2024-04-10", crypto, -300000, "USD"),
        ("2024-05-20", crypto, -350000, "USD"),
    ];
    let high = Severity::High;
    check_misses(
        &bg,
        vec![
            Misses {
                name: "card testing in April left flagged, again in June",
                rows: testing_twice.clone(),
                suspicious: vec![0, 1, 2],
                new_from: "2024-06-01",
                want: (3..6).map(|k| (k, FlagReason::CardTesting, high)).collect(),
            },
            Misses {
                name: "card testing in April and again in June, both in one import",
                rows: testing_twice.clone(),
                suspicious: vec![],
                new_from: "2024-04-01",
                want: (0..6).map(|k| (k, FlagReason::CardTesting, high)).collect(),
            },
            Misses {
                name: "the April charges were marked fine: the merchant is known",
                rows: testing_twice,
                suspicious: vec![],
                new_from: "2024-06-01",
                want: vec![],
            },
            Misses {
                name: "a second large charge at an exchange known only through the first",
                rows: large_twice.clone(),
                suspicious: vec![0],
                new_from: "2024-05-01",
                want: vec![(1, FlagReason::NewMerchantLarge, high)],
            },
            Misses {
                name: "two large charges at an exchange weeks apart in one import",
                rows: large_twice.clone(),
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![
                    (0, FlagReason::NewMerchantLarge, high),
                    (1, FlagReason::NewMerchantLarge, high),
                ],
            },
            Misses {
                name: "a large first purchase, then ordinary ones: the shop is known after",
                rows: vec![
                    ("2024-04-10", "HARBOUR FURNITURE", -300000, "USD"),
                    ("2024-04-24", "HARBOUR FURNITURE", -2500, "USD"),
                    ("2024-05-20", "HARBOUR FURNITURE", -350000, "USD"),
                ],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![(0, FlagReason::NewMerchantLarge, high)],
            },
            Misses {
                name: "a parking meter paid on a few days, twice on the last, is a habit",
                rows: vec![
                    ("2024-04-05", "CITY OF OAKLAND METER", -150, "USD"),
                    ("2024-04-19", "CITY OF OAKLAND METER", -125, "USD"),
                    ("2024-05-03", "CITY OF OAKLAND METER", -175, "USD"),
                    ("2024-05-17", "CITY OF OAKLAND METER", -150, "USD"),
                    ("2024-05-17", "CITY OF OAKLAND METER", -100, "USD"),
                ],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![],
            },
            Misses {
                name: "the first large charge was marked fine",
                rows: large_twice,
                suspicious: vec![],
                new_from: "2024-05-01",
                want: vec![],
            },
            Misses {
                name: "a flagged charge does not make the user's usual new-place spending",
                // Eight of about seventy first visits: enough to be the 90th percentile.
                rows: vec![
                    ("2024-03-02", "LUXE TIMEPIECES", -900000, "USD"),
                    ("2024-03-03", "NORDIC DESIGN HOUSE", -880000, "USD"),
                    ("2024-03-04", "PRISM ELECTRONICS", -870000, "USD"),
                    ("2024-03-05", "AURORA JEWELERS", -860000, "USD"),
                    ("2024-03-06", "SUMMIT MOTORS", -850000, "USD"),
                    ("2024-03-07", "VELVET FURS", -840000, "USD"),
                    ("2024-03-08", "ATLAS TRAVEL AGENCY", -830000, "USD"),
                    ("2024-03-09", "HALCYON ART GALLERY", -820000, "USD"),
                    ("2024-06-20", "ORBIT ELECTRONICS", -300000, "USD"),
                ],
                suspicious: (0..8).collect(),
                new_from: "2024-06-01",
                want: vec![(8, FlagReason::NewMerchantLarge, high)],
            },
            Misses {
                name: "large first charges in one import do not raise each other's bar",
                // The same eight as above, none flagged yet: judged in date order, each is
                // measured against what the user spent at new places before it, not against
                // the others.
                rows: vec![
                    ("2024-03-02", "LUXE TIMEPIECES", -900000, "USD"),
                    ("2024-03-03", "NORDIC DESIGN HOUSE", -880000, "USD"),
                    ("2024-03-04", "PRISM ELECTRONICS", -870000, "USD"),
                    ("2024-03-05", "AURORA JEWELERS", -860000, "USD"),
                    ("2024-03-06", "SUMMIT MOTORS", -850000, "USD"),
                    ("2024-03-07", "VELVET FURS", -840000, "USD"),
                    ("2024-03-08", "ATLAS TRAVEL AGENCY", -830000, "USD"),
                    ("2024-03-09", "HALCYON ART GALLERY", -820000, "USD"),
                    ("2024-06-20", "ORBIT ELECTRONICS", -300000, "USD"),
                ],
                suspicious: vec![],
                new_from: "2024-03-01",
                want: (0..9)
                    .map(|k| (k, FlagReason::NewMerchantLarge, high))
                    .collect(),
            },
            Misses {
                name: "a new shop at three times the usual first visit is not large",
                // Trap: the background's first visits are 20 to 60; a furniture shop at 150 the
                // same month as a fraud elsewhere stays quiet.
                rows: vec![
                    ("2024-05-02", "HARBOUR FURNITURE", -15000, "USD"),
                    ("2024-05-09", "PRISM ELECTRONICS", -400000, "USD"),
                ],
                suspicious: vec![],
                new_from: "2024-05-01",
                want: vec![(1, FlagReason::NewMerchantLarge, high)],
            },
            Misses {
                name: "fares twice a day stay routine after one early pair was flagged",
                rows: (0..21)
                    .flat_map(|d| {
                        let day: &'static str = Box::leak(
                            (date("2024-07-01") + chrono::Duration::days(d))
                                .format("%Y-%m-%d")
                                .to_string()
                                .into_boxed_str(),
                        );
                        [
                            (day, "MTA*NYCT PAYGO", -290, "USD"),
                            (day, "MTA*NYCT PAYGO", -290, "USD"),
                        ]
                    })
                    .collect(),
                suspicious: vec![1],
                new_from: "2024-07-15",
                want: vec![],
            },
        ],
    );
}

#[test]
fn a_subscription_billed_again_inside_a_cycle_early_in_the_history() {
    let s = "STREAMFLIX";
    let medium = Severity::Medium;
    let twice = FlagReason::SubscriptionBilledTwice;
    let monthly_on_12 = |months: std::ops::RangeInclusive<u32>| -> Vec<_> {
        months
            .map(|m| {
                let d: &'static str = Box::leak(format!("2024-{m:02}-12").into_boxed_str());
                (d, s, -1399, "USD")
            })
            .collect()
    };
    let with = |mut rows: Vec<(&'static str, &'static str, i64, &'static str)>,
                extra: &[(&'static str, &'static str, i64, &'static str)]| {
        rows.extend_from_slice(extra);
        rows
    };
    let barber = |days: &[&'static str]| -> Vec<_> {
        days.iter()
            .map(|&d| (d, "CORNER BARBER", -2500, "USD"))
            .collect()
    };
    // No background: every row is new (as when the first statements are imported at once),
    // and nothing but the subscription may be flagged.
    check_misses(
        &[],
        vec![
            Misses {
                name: "two bills, then a third ten days after the second",
                rows: with(monthly_on_12(1..=2), &[("2024-02-22", s, -1399, "USD")]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![(2, twice, medium)],
            },
            Misses {
                name: "three bills, then a fourth two weeks after the third",
                rows: with(monthly_on_12(1..=3), &[("2024-03-26", s, -1399, "USD")]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![(3, twice, medium)],
            },
            Misses {
                name: "one week after the usual date, the cycle's bill still to come",
                rows: with(monthly_on_12(1..=4), &[("2024-03-19", s, -1399, "USD")]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![(4, twice, medium)],
            },
            Misses {
                name: "a phone top-up bought again after twelve days",
                rows: vec![
                    ("2024-01-03", "GIGAMOBILE TOPUP", -2000, "USD"),
                    ("2024-02-03", "GIGAMOBILE TOPUP", -2000, "USD"),
                    ("2024-02-15", "GIGAMOBILE TOPUP", -2000, "USD"),
                ],
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![(2, twice, medium)],
            },
            Misses {
                name: "twenty days after the usual date: still inside the cycle",
                rows: with(monthly_on_12(1..=6), &[("2024-07-02", s, -1399, "USD")]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![(6, twice, medium)],
            },
            Misses {
                name: "only the new month is checked, against two earlier bills",
                rows: with(monthly_on_12(1..=3), &[("2024-03-24", s, -1399, "USD")]),
                suspicious: vec![],
                new_from: "2024-03-01",
                want: vec![(3, twice, medium)],
            },
            // Traps.
            Misses {
                name: "one price every two weeks is a habit, not a subscription",
                rows: barber(&["2024-01-05", "2024-01-19", "2024-02-02", "2024-02-16"]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![],
            },
            Misses {
                name: "a second visit before the first cycle ended is no young series",
                rows: barber(&["2024-01-05", "2024-01-19", "2024-02-05"]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![],
            },
            Misses {
                name: "irregular visits at one price",
                rows: barber(&["2024-01-12", "2024-02-20", "2024-03-02"]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![],
            },
            Misses {
                name: "a bill a few days early",
                rows: with(monthly_on_12(1..=6), &[("2024-07-07", s, -1399, "USD")]),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![],
            },
            Misses {
                name: "billed again and refunded: resolved, low at most",
                rows: with(
                    monthly_on_12(1..=2),
                    &[
                        ("2024-02-22", s, -1399, "USD"),
                        ("2024-02-24", s, 1399, "USD"),
                    ],
                ),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![],
            },
            Misses {
                name: "three bills a month apart",
                rows: monthly_on_12(1..=3),
                suspicious: vec![],
                new_from: "2024-01-01",
                want: vec![],
            },
        ],
    );
    // A young series is not yet a subscription on the Insights screen.
    let young = rows(&with(
        monthly_on_12(1..=2),
        &[("2024-02-22", s, -1399, "USD")],
    ));
    assert!(recurring(&young).is_empty());
}

#[test]
fn a_large_charge_at_a_new_place_abroad_or_at_a_brands_shop() {
    let bg = background("2024-01-01", 120);
    let high = Severity::High;
    let large = FlagReason::NewMerchantLarge;
    let paris = |d: &'static str, place: &'static str, amount: i64| (d, place, amount, "USD");
    let peloton: Vec<_> = ["2024-01-12", "2024-02-12", "2024-03-12", "2024-04-12"]
        .into_iter()
        .map(|d| (d, "PELOTON", -4400, "USD"))
        .collect();
    let with = |mut rows: Vec<(&'static str, &'static str, i64, &'static str)>,
                extra: (&'static str, &'static str, i64, &'static str)| {
        rows.push(extra);
        rows
    };
    check_misses(
        &bg,
        vec![
            Misses {
                name: "thousands at a place abroad, in the home currency, country at the end",
                rows: vec![("2024-04-05", "ELECTROMART BERLIN GERMANY", -450000, "USD")],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![(0, large, high)],
            },
            Misses {
                name: "the country set off at the start",
                rows: vec![("2024-04-05", "GERMANY* ELECTROMART", -450000, "USD")],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![(0, large, high)],
            },
            Misses {
                name: "a brand's shop is a new place beside its subscription",
                rows: with(
                    peloton.clone(),
                    (
                        "2024-04-20",
                        "PELOTON STORE 123 NEW YORK NY",
                        -249500,
                        "USD",
                    ),
                ),
                suspicious: vec![],
                new_from: "2024-04-15",
                want: vec![(4, large, high)],
            },
            Misses {
                name: "a purchase at the brand's shop charged twice",
                rows: {
                    let mut rows = peloton.clone();
                    let shop = ("2024-04-20", "PELOTON STORE 123 NEW YORK NY", -18900, "USD");
                    rows.extend([shop, shop]);
                    rows
                },
                suspicious: vec![],
                new_from: "2024-04-15",
                want: vec![(5, FlagReason::DoubleCharge, high)],
            },
            // Traps.
            Misses {
                name: "a trip: the hotel among meals and tickets there",
                rows: vec![
                    paris("2024-04-01", "CAFE LUMIERE PARIS FRANCE", -4500),
                    paris("2024-04-02", "BRASSERIE DU PORT PARIS FRANCE", -3800),
                    paris("2024-04-02", "METRO TICKETS PARIS FRANCE", -400),
                    paris("2024-04-03", "LIBRAIRIE MONDE PARIS FRANCE", -2600),
                    paris("2024-04-04", "HOTEL LE GRAND PALAIS PARIS FRANCE", -150000),
                ],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![],
            },
            Misses {
                name: "an ordinary purchase from a shop abroad",
                rows: vec![(
                    "2024-04-05",
                    "ETSY SHOP LONDON UNITED KINGDOM",
                    -4500,
                    "USD",
                )],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![],
            },
            Misses {
                name: "an ordinary purchase at the brand's shop",
                rows: with(
                    peloton.clone(),
                    ("2024-04-20", "PELOTON STORE 123 NEW YORK NY", -6500, "USD"),
                ),
                suspicious: vec![],
                new_from: "2024-04-15",
                want: vec![],
            },
            Misses {
                name: "a new payee billing monthly (rent) is not a new place",
                rows: ["2024-02-01", "2024-03-01", "2024-04-01"]
                    .into_iter()
                    .map(|d| (d, "LAKESIDE APARTMENTS", -240000, "USD"))
                    .collect(),
                suspicious: vec![],
                new_from: "2024-02-01",
                want: vec![],
            },
            Misses {
                name: "a country name that begins a shop's name",
                rows: vec![("2024-04-05", "INDIA PALACE RESTAURANT", -4800, "USD")],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![],
            },
        ],
    );
    // The brand's shop, the lone charge abroad, the trip: all of them are also shown as
    // foreign (low) where the descriptor names a country.
    let txns = rows_owned(
        &bg,
        &[("2024-04-05", "GERMANY* ELECTROMART", -450000, "USD")],
    );
    assert_eq!(with_reason(&run(&txns), FlagReason::Foreign).len(), 1);
    let txns = rows_owned(
        &bg,
        &[("2024-04-05", "INDIA PALACE RESTAURANT", -4800, "USD")],
    );
    assert!(with_reason(&run(&txns), FlagReason::Foreign).is_empty());
}

/// Ordinary payments through a wallet: named shops, and payments whose merchant the bill does
/// not name (they all share the memo), every day for four months.
fn wallet_background() -> Vec<(String, String, i64, String)> {
    let s = date("2024-01-01");
    (0..120)
        .flat_map(|i| {
            let d = (s + chrono::Duration::days(i))
                .format("%Y-%m-%d")
                .to_string();
            let named = match i % 3 {
                0 => "盒马鲜生",
                1 => "瑞幸咖啡",
                _ => "美团外卖",
            };
            [
                (
                    d.clone(),
                    named.to_string(),
                    -(1800 + (i * 379) % 5000),
                    "CNY".to_string(),
                ),
                (
                    d,
                    "扫二维码付款".to_string(),
                    -(1200 + (i * 733) % 6500),
                    "CNY".to_string(),
                ),
            ]
        })
        .collect()
}

#[test]
fn card_testing_through_a_wallet_at_an_unnamed_merchant() {
    let unnamed = "扫二维码付款";
    let bike = "哈啰单车";
    let high = Severity::High;
    let testing = FlagReason::CardTesting;
    let bike_rides: Vec<_> = (1..=28)
        .flat_map(|d| {
            let day: &'static str = Box::leak(format!("2024-02-{d:02}").into_boxed_str());
            [(day, bike, -150, "CNY"), (day, bike, -150, "CNY")]
        })
        .collect();
    let tested_twice = vec![
        ("2024-03-02", unnamed, -1, "CNY"),
        ("2024-03-02", unnamed, -50, "CNY"),
        ("2024-03-02", unnamed, -100, "CNY"),
        ("2024-04-12", unnamed, -2, "CNY"),
        ("2024-04-12", unnamed, -60, "CNY"),
        ("2024-04-12", unnamed, -120, "CNY"),
    ];
    let mut three_rides = bike_rides.clone();
    three_rides.extend([
        ("2024-03-05", bike, -150, "CNY"),
        ("2024-03-05", bike, -150, "CNY"),
        ("2024-03-05", bike, -100, "CNY"),
    ]);
    check_misses(
        &wallet_background(),
        vec![
            Misses {
                name: "three tiny charges in one day to the unnamed merchant",
                rows: vec![
                    ("2024-04-02", unnamed, -1, "CNY"),
                    ("2024-04-02", unnamed, -50, "CNY"),
                    ("2024-04-02", unnamed, -100, "CNY"),
                ],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: (0..3).map(|k| (k, testing, high)).collect(),
            },
            Misses {
                name: "two tiny charges of different amounts",
                rows: vec![
                    ("2024-04-02", unnamed, -1, "CNY"),
                    ("2024-04-02", unnamed, -88, "CNY"),
                ],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: (0..2).map(|k| (k, testing, Severity::Medium)).collect(),
            },
            Misses {
                name: "the same test again after the first was left flagged",
                rows: tested_twice.clone(),
                suspicious: vec![0, 1, 2],
                new_from: "2024-04-01",
                want: (3..6).map(|k| (k, testing, high)).collect(),
            },
            // Traps.
            Misses {
                name: "one tiny payment through the wallet",
                rows: vec![("2024-04-02", unnamed, -100, "CNY")],
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![],
            },
            Misses {
                name: "a third bike ride on a day: tiny charges are routine there",
                rows: three_rides,
                suspicious: vec![],
                new_from: "2024-03-01",
                want: vec![],
            },
            Misses {
                name: "the first test was marked fine: the same again is known",
                rows: tested_twice.clone(),
                suspicious: vec![],
                new_from: "2024-04-01",
                want: vec![],
            },
        ],
    );
}

/// A wallet topped up from a current account with whole amounts the user picks, more before a
/// trip, is money moved, not a price gone up; a shop's price several times over still is.
#[test]
fn top_ups_of_chosen_amounts_are_not_outliers() {
    struct Case {
        name: &'static str,
        rows: Vec<(&'static str, &'static str, i64, &'static str)>,
        want: Vec<(i64, Severity)>,
    }
    let cases = vec![
        Case {
            name: "a larger top-up before a trip",
            rows: vec![
                ("2025-01-03", "REVOLUT**2291*", -23300, "GBP"),
                ("2025-02-03", "REVOLUT**2291*", -15600, "GBP"),
                ("2025-03-03", "REVOLUT**2291*", -17800, "GBP"),
                ("2025-03-20", "REVOLUT**2291*", -66800, "GBP"),
            ],
            want: vec![],
        },
        Case {
            name: "a shop's bill to the cent, four times the usual",
            rows: vec![
                ("2025-01-03", "WATERSTONES 112", -2315, "GBP"),
                ("2025-02-03", "WATERSTONES 112", -1899, "GBP"),
                ("2025-03-03", "WATERSTONES 112", -2150, "GBP"),
                ("2025-03-20", "WATERSTONES 112", -8841, "GBP"),
            ],
            want: vec![(4, Severity::Medium)],
        },
        Case {
            name: "whole amounts, one of them far above a steady price",
            rows: vec![
                ("2025-01-05", "CITY GYM", -4000, "GBP"),
                ("2025-01-19", "CITY GYM", -4000, "GBP"),
                ("2025-02-02", "CITY GYM", -4000, "GBP"),
                ("2025-02-16", "CITY GYM", -4000, "GBP"),
                ("2025-02-20", "CITY GYM", -20000, "GBP"),
            ],
            want: vec![(5, Severity::Medium)],
        },
    ];
    for c in cases {
        let got = with_reason(&run(&rows(&c.rows)), FlagReason::AmountOutlier);
        assert_eq!(got, c.want, "{}", c.name);
    }
}

/// A purchase paid through a wallet shows twice: in the wallet's bill at the merchant, and on
/// the card that funds the wallet. They are rows of two accounts, one purchase: the evidence
/// is the account each row comes from, not the merchant's name.
#[test]
fn a_wallet_purchase_and_its_funding_card_line_are_one_purchase() {
    let mut txns = rows(&[
        ("2025-03-02", "美团外卖", -4218, "CNY"),
        ("2025-03-02", "支付宝-美团外卖", -4218, "CNY"),
        ("2025-03-09", "美团外卖", -3560, "CNY"),
        ("2025-03-09", "支付宝-美团外卖", -3560, "CNY"),
    ]);
    // The wallet's bill is one account, the funding card another.
    for t in txns.iter_mut() {
        if t.description.starts_with("支付宝") {
            t.account_id = 2;
        }
    }
    assert!(with_reason(&run(&txns), FlagReason::DoubleCharge).is_empty());

    // The same rows as one account's would be two charges of one order.
    let one_account = rows(&[
        ("2025-03-02", "美团外卖", -4218, "CNY"),
        ("2025-03-02", "美团外卖", -4218, "CNY"),
    ]);
    assert_eq!(
        with_reason(&run(&one_account), FlagReason::DoubleCharge),
        vec![(2, Severity::High)]
    );
}
