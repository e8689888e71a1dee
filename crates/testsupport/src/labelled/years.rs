//! Synthetic statements with labelled anomalies, to measure detection quality.
//!
//! Each person gets one account and lives an ordinary life in their home currency (US, UK, EU
//! or mainland China): coffee on weekdays, two transit fares a day, groceries, restaurants (many
//! of them new), online shopping with a fresh reference in every descriptor, monthly
//! subscriptions (one of which raises its price), rent, bills, salary, and a week abroad each
//! year. Into that life we inject labelled anomalies of every reason and known traps that must
//! not be flagged at medium or above. Seeded and pure: the same config gives the same rows.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use recourse_core::detect::{Flag, FlagReason, Severity};
use recourse_core::merchant;
use recourse_core::model::{RowStatus, Txn};
use recourse_core::money::Currency;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A tiny xorshift64* generator: deterministic across platforms and versions, which a
/// benchmark's ground truth needs more than statistical finesse.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is a fixed point of xorshift; mix the seed so 0 works too.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Standard normal (Box–Muller), truncated to ±`limit` so ordinary spending has no tail.
    /// Redrawn rather than clamped: clamping would pile equal amounts on the limit, and equal
    /// amounts are what double-charge detection looks for.
    pub fn normal(&mut self, limit: f64) -> f64 {
        for _ in 0..64 {
            let u1 = self.unit().max(1e-12);
            let u2 = self.unit();
            let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
            if z.abs() <= limit {
                return z;
            }
        }
        0.0
    }

    /// An amount around `median` with log-spread `sigma`, clamped at 2.2 sigma.
    pub fn lognormal(&mut self, median: i64, sigma: f64) -> i64 {
        ((median as f64) * (sigma * self.normal(2.2)).exp())
            .round()
            .max(1.0) as i64
    }
}

#[derive(Clone, Debug)]
pub struct SynthConfig {
    pub seed: u64,
    pub people: u32,
    pub years: u32,
    pub start: NaiveDate,
    /// Inject labelled anomalies (traps and the ordinary life are always there).
    pub anomalies: bool,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            seed: 42,
            people: 8,
            years: 2,
            start: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default(),
            anomalies: true,
        }
    }
}

/// Known situations that look odd but are ordinary: none may be flagged at medium or above
/// (for a reason they are not labelled with).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trap {
    /// The daily coffee, two transit fares a day.
    RoutineRepeat,
    /// A purchase later refunded.
    ChargeAndRefund,
    /// Charge, refund, charge again: already resolved, low at most.
    RefundedDouble,
    /// One bill paid in two parts of different amounts.
    SplitPayment,
    /// Ordinary spending abroad, in another currency.
    Travel,
    /// An ordinary purchase at a place never visited before.
    NewPlace,
    /// A tiny ordinary purchase at a new place (parking meter).
    TinyNewPlace,
    /// The top of ordinary spending at a known place (a big stock-up).
    BigOrdinary,
    /// Closed orders and neutral wallet rows: they moved no money.
    NotMoneyMoved,
}

/// Generated transactions (sorted by account, date, id) and their ground truth, keyed by id.
#[derive(Clone, Debug, Default)]
pub struct Labelled {
    pub txns: Vec<Txn>,
    /// Anomalies: each should be flagged with these reasons.
    pub expected: BTreeMap<i64, Vec<FlagReason>>,
    /// May be flagged with these reasons at low severity without counting as a false positive.
    pub tolerated: BTreeMap<i64, Vec<FlagReason>>,
    pub traps: BTreeMap<i64, Trap>,
}

#[derive(Clone, Debug)]
struct Draft {
    date: NaiveDate,
    desc: String,
    amount: i64,
    currency: Currency,
    status: RowStatus,
    kind: Kind,
    expect: Vec<FlagReason>,
    tolerate: Vec<FlagReason>,
    trap: Option<Trap>,
    /// Already used as the base of an injected anomaly or trap.
    touched: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Coffee,
    Transit,
    Grocery,
    Regular,
    NewPlace,
    Online,
    Ride,
    Subscription,
    PriceRaised,
    Bill,
    Income,
    Travel,
    Injected,
}

struct Locale {
    currency: Currency,
    /// ISO code of the currency abroad (a code, since `Currency` has no const for every one).
    travel: &'static str,
    latin: bool,
    coffee: &'static str,
    coffee_menu: &'static [i64],
    transit: &'static str,
    fare: i64,
    groceries: &'static [&'static str],
    grocery_median: i64,
    regulars: &'static [&'static str],
    meal_median: i64,
    /// (descriptor, amount, day of month)
    subscriptions: &'static [(&'static str, i64, u32)],
    /// The subscription that raises its price: (descriptor, before, after, day of month).
    raised: (&'static str, i64, i64, u32),
    rent: (&'static str, i64),
    utility: (&'static str, i64, i64),
    salary: (&'static str, i64),
    online: &'static str,
    ride: (&'static str, i64, i64),
    foreign_shop: (&'static str, Currency),
}

const LOCALES: &[Locale] = &[
    Locale {
        currency: Currency::USD,
        travel: "EUR",
        latin: true,
        coffee: "TST* PHILZ COFFEE",
        coffee_menu: &[438, 438, 525, 375],
        transit: "MTA*NYCT PAYGO",
        fare: 290,
        groceries: &[
            "WHOLEFDS MKT #10234 SAN FRANCISCO CA",
            "SAFEWAY STORE 0042",
            "TRADER JOE'S #552",
        ],
        grocery_median: 6500,
        regulars: &[
            "CHIPOTLE 1123",
            "SWEETGREEN SOMA",
            "TST* ZUNI CAFE",
            "SQ *TARTINE BAKERY",
            "IN-N-OUT BURGER #77",
            "NOPA",
            "DELFINA PIZZERIA",
            "HOUSE OF PRIME RIB",
        ],
        meal_median: 3500,
        subscriptions: &[
            ("SPOTIFY USA", 1099, 3),
            ("APPLE.COM/BILL", 299, 9),
            ("EQUINOX #123", 4900, 15),
        ],
        raised: ("NETFLIX.COM 866-579-7172 CA", 1549, 1799, 12),
        rent: ("ZELLE PAYMENT TO J SMITH RENT", 240000),
        utility: ("PG&E WEB ONLINE", 6000, 14000),
        salary: ("ACME CORP PAYROLL", 650000),
        online: "AMZN Mktp US*",
        ride: ("UBER *TRIP", 900, 3500),
        foreign_shop: ("ETSY UK LTD", Currency::GBP),
    },
    Locale {
        currency: Currency::GBP,
        travel: "EUR",
        latin: true,
        coffee: "PRET A MANGER",
        coffee_menu: &[350, 420, 295, 350],
        transit: "TFL TRAVEL CH",
        fare: 280,
        groceries: &["TESCO STORES 3297", "SAINSBURYS S/MKTS", "WAITROSE 123"],
        grocery_median: 4500,
        regulars: &[
            "WAGAMAMA",
            "NANDOS",
            "DISHOOM",
            "PIZZA EXPRESS",
            "LEON",
            "FRANCO MANCA",
            "HONEST BURGERS",
            "ITSU",
        ],
        meal_median: 2600,
        subscriptions: &[
            ("SPOTIFY UK", 1199, 4),
            ("APPLE.COM/BILL", 299, 10),
            ("PUREGYM", 2499, 16),
        ],
        raised: ("NETFLIX.COM", 1099, 1299, 13),
        rent: ("RENT STANDING ORDER", 150000),
        utility: ("OCTOPUS ENERGY", 5000, 12000),
        salary: ("ACME LTD SALARY", 320000),
        online: "AMZN Mktp UK*",
        ride: ("UBER *TRIP", 800, 2800),
        foreign_shop: ("SHEIN USA", Currency::USD),
    },
    Locale {
        currency: Currency::EUR,
        travel: "USD",
        latin: true,
        coffee: "Balzac Coffee",
        coffee_menu: &[320, 380, 290, 320],
        transit: "BVG Ticket",
        fare: 320,
        groceries: &["REWE Markt GmbH", "EDEKA Center", "Lidl sagt Danke"],
        grocery_median: 5500,
        regulars: &[
            "Vapiano",
            "Curry 36",
            "Mustafas Gemuese Kebap",
            "Zeit fuer Brot",
            "Cocolo Ramen",
            "Lokal",
            "Markthalle Neun",
            "Burgermeister",
        ],
        meal_median: 3000,
        subscriptions: &[
            ("Spotify AB", 1099, 5),
            ("APPLE.COM/BILL", 299, 11),
            ("McFit", 2990, 17),
        ],
        raised: ("NETFLIX.COM", 1299, 1399, 14),
        rent: ("Miete Wohnung", 110000),
        utility: ("Vattenfall Europe", 5000, 11000),
        salary: ("Acme GmbH Gehalt", 380000),
        online: "AMZN Mktp DE*",
        ride: ("FREENOW", 900, 3000),
        foreign_shop: ("ETSY UK LTD", Currency::GBP),
    },
    Locale {
        currency: Currency::CNY,
        travel: "JPY",
        latin: false,
        coffee: "瑞幸咖啡",
        coffee_menu: &[1590, 990, 1890, 1590],
        transit: "上海地铁",
        fare: 400,
        groceries: &["盒马鲜生", "永辉超市", "美团买菜"],
        grocery_median: 12000,
        regulars: &[
            "美团平台商户",
            "饿了么",
            "海底捞火锅",
            "老娘舅",
            "肯德基",
            "麦当劳",
            "西贝莜面村",
            "喜茶",
        ],
        meal_median: 8000,
        subscriptions: &[
            ("网易云音乐", 1500, 6),
            ("爱奇艺会员", 2500, 12),
            ("超级猩猩健身", 19900, 18),
        ],
        raised: ("腾讯视频VIP", 3000, 3500, 15),
        rent: ("自如房租", 450000),
        utility: ("国家电网", 10000, 30000),
        salary: ("工资", 2500000),
        online: "京东商城 订单号",
        ride: ("滴滴出行", 1500, 6000),
        foreign_shop: ("AMAZON.COM", Currency::USD),
    },
];

const ADJ: &[&str] = &[
    "BLUE", "GOLDEN", "LITTLE", "OLD", "NEW", "RED", "GREEN", "SILVER", "HAPPY", "LUCKY", "WILD",
    "URBAN", "RUSTIC", "NORTH", "SOUTH", "EAST", "WEST", "ROYAL", "SUNNY", "CEDAR", "MAPLE", "OAK",
    "IRON", "COPPER", "STONE", "RIVER", "HARBOR", "GARDEN", "SECRET", "CORNER",
];
const NOUN: &[&str] = &[
    "FOX", "BEAR", "OWL", "LOTUS", "TIGER", "PEARL", "FERN", "WILLOW", "SPOON", "FORK", "KETTLE",
    "LANTERN", "ANCHOR", "BRIDGE", "MILL", "ORCHARD", "PEPPER", "SAGE", "BASIL", "OLIVE", "FIG",
    "PLUM", "CLOVE", "THYME", "MINT", "HONEY", "BARREL", "CRANE", "ROBIN", "SPARROW",
];
const FOOD: &[&str] = &[
    "KITCHEN",
    "CAFE",
    "BISTRO",
    "DINER",
    "TAVERN",
    "GRILL",
    "NOODLE BAR",
    "TAQUERIA",
    "PIZZERIA",
    "BAKERY",
    "RAMEN",
    "DELI",
];
const SHOP: &[&str] = &[
    "BOOKS",
    "GIFTS",
    "HARDWARE",
    "FLORIST",
    "OUTFITTERS",
    "TOYS",
    "SUPPLY",
    "BOUTIQUE",
    "MARKET",
];
const BIG: &[&str] = &[
    "ELECTRONICS",
    "JEWELERS",
    "FURNITURE",
    "AUTO REPAIR",
    "TRAVEL AGENCY",
    "LUXURY GOODS",
];
const POS_PREFIX: &[&str] = &["", "TST* ", "SQ *", ""];
const ZH_A: &[&str] = &["老", "新", "小", "大", "金", "福", "香", "鲜", "好", "阿"];
const ZH_B: &[&str] = &["王", "李", "川", "湘", "粤", "滇", "徽", "渝", "苏", "鲁"];
const ZH_FOOD: &[&str] = &[
    "餐厅",
    "小馆",
    "面馆",
    "火锅",
    "烧烤",
    "饺子馆",
    "茶餐厅",
    "私房菜",
];
const ZH_SHOP: &[&str] = &["百货", "书店", "花店", "五金店", "文具店", "便利店"];

/// The home currency of person `person` (0-based; their account id is `person + 1`).
pub fn person_currency(person: u32) -> Currency {
    LOCALES[person as usize % LOCALES.len()].currency
}

/// Generates `cfg.people` accounts over `cfg.years` years, with ground truth.
pub fn generate(cfg: &SynthConfig) -> Labelled {
    let mut out = Labelled::default();
    let mut next_id = 1i64;
    for p in 0..cfg.people {
        let mut rng = Rng::new(cfg.seed ^ (u64::from(p) + 1).wrapping_mul(0xA24B_AED4_963E_E407));
        let locale = &LOCALES[p as usize % LOCALES.len()];
        let days = i64::from(cfg.years.max(1)) * 365;
        let mut person = Person {
            rng: &mut rng,
            locale,
            used_keys: HashSet::new(),
            drafts: Vec::new(),
        };
        person.ordinary_life(cfg.start, days);
        person.traps(cfg.start, days);
        if cfg.anomalies {
            person.anomalies(cfg.start, days);
        }
        let account_id = i64::from(p) + 1;
        let mut drafts = person.drafts;
        // Stable sort keeps insertion order within a day: injected copies come after originals.
        drafts.sort_by_key(|d| d.date);
        let mut line_in_year: BTreeMap<i32, u64> = BTreeMap::new();
        for d in drafts {
            let id = next_id;
            next_id += 1;
            let line = line_in_year.entry(d.date.year()).or_insert(1);
            *line += 1;
            if !d.expect.is_empty() {
                out.expected.insert(id, d.expect.clone());
            }
            if !d.tolerate.is_empty() {
                out.tolerated.insert(id, d.tolerate.clone());
            }
            if let Some(t) = d.trap {
                out.traps.insert(id, t);
            }
            out.txns.push(Txn {
                id,
                account_id,
                date: d.date,
                time: None,
                amount: d.amount,
                currency: d.currency,
                merchant: merchant::display_name(&d.desc).into(),
                merchant_key: merchant::key(&d.desc).into(),
                description: d.desc,
                source_file: format!("person{}-{}.csv", p + 1, d.date.year()).into(),
                source_line: *line,
                status: d.status,
            });
        }
    }
    out
}

struct Person<'r> {
    rng: &'r mut Rng,
    locale: &'static Locale,
    used_keys: HashSet<String>,
    drafts: Vec<Draft>,
}

fn day(start: NaiveDate, n: i64) -> NaiveDate {
    start.checked_add_signed(Duration::days(n)).unwrap_or(start)
}

impl Person<'_> {
    fn push(&mut self, date: NaiveDate, desc: impl Into<String>, amount: i64, kind: Kind) -> usize {
        let desc = desc.into();
        self.used_keys.insert(merchant::key(&desc));
        self.drafts.push(Draft {
            date,
            desc,
            amount,
            currency: self.locale.currency,
            status: RowStatus::Booked,
            kind,
            expect: Vec::new(),
            tolerate: Vec::new(),
            trap: None,
            touched: false,
        });
        self.drafts.len() - 1
    }

    /// A merchant name this person has never used (bounded tries; falls back to a suffix).
    fn fresh_name(&mut self, kinds: &[&str], zh_kinds: &[&str], prefix: bool) -> String {
        let latin = self.locale.latin || zh_kinds.is_empty();
        for attempt in 0..50 {
            let name = if latin || attempt >= 40 {
                let pre = if prefix {
                    *self.rng.pick(POS_PREFIX)
                } else {
                    ""
                };
                format!(
                    "{pre}{} {} {}",
                    self.rng.pick(ADJ),
                    self.rng.pick(NOUN),
                    self.rng.pick(kinds)
                )
            } else {
                format!(
                    "{}{}{}",
                    self.rng.pick(ZH_A),
                    self.rng.pick(ZH_B),
                    self.rng.pick(zh_kinds)
                )
            };
            if !self.used_keys.contains(&merchant::key(&name)) {
                return name;
            }
        }
        format!(
            "{} {} {} OUTLET",
            self.rng.pick(ADJ),
            self.rng.pick(NOUN),
            self.rng.pick(NOUN)
        )
    }

    fn reference(&mut self) -> String {
        const ALNUM: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        let mut s: String = (0..9)
            .map(|_| ALNUM[self.rng.below(ALNUM.len() as u64) as usize] as char)
            .collect();
        // References always carry a digit, as real ones do.
        s.replace_range(1..2, &self.rng.below(10).to_string());
        s
    }

    fn online_desc(&mut self) -> String {
        if self.locale.latin {
            format!("{}{}", self.locale.online, self.reference())
        } else {
            format!(
                "{}{}",
                self.locale.online,
                self.rng.range(100_000_000, 999_999_999)
            )
        }
    }

    fn ordinary_life(&mut self, start: NaiveDate, days: i64) {
        let trip_len = 7;
        let trips: Vec<i64> = (0..days / 365)
            .map(|y| y * 365 + self.rng.range(60, 300))
            .collect();
        let raise_month = self.rng.range(5, 10) as u32;
        for n in 0..days {
            let date = day(start, n);
            let weekday = !matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            if let Some(&t) = trips.iter().find(|&&t| (t..t + trip_len).contains(&n)) {
                self.travel_day(date, n - t, trip_len);
            } else {
                self.home_day(date, weekday);
            }
            self.monthly(date, n, raise_month);
        }
        for d in self.drafts.iter_mut() {
            if matches!(d.kind, Kind::Coffee | Kind::Transit) {
                d.trap = Some(Trap::RoutineRepeat);
            }
            if d.kind == Kind::NewPlace {
                d.trap = Some(Trap::NewPlace);
            }
        }
    }

    fn home_day(&mut self, date: NaiveDate, weekday: bool) {
        let l = self.locale;
        if weekday && self.rng.chance(0.85) {
            let price = *self.rng.pick(l.coffee_menu);
            self.push(date, l.coffee, -price, Kind::Coffee);
        }
        let rides = if weekday {
            if self.rng.chance(0.9) {
                2
            } else {
                0
            }
        } else if self.rng.chance(0.3) {
            1
        } else {
            0
        };
        for _ in 0..rides {
            self.push(date, l.transit, -l.fare, Kind::Transit);
        }
        if self.rng.chance(0.3) {
            let store = *self.rng.pick(l.groceries);
            let amount = self.rng.lognormal(l.grocery_median, 0.3);
            self.push(date, store, -amount, Kind::Grocery);
        }
        if self.rng.chance(0.45) {
            let amount = self.rng.lognormal(l.meal_median, 0.35);
            if self.rng.chance(0.65) {
                let place = *self.rng.pick(l.regulars);
                self.push(date, place, -amount, Kind::Regular);
            } else {
                let name = self.fresh_name(FOOD, ZH_FOOD, true);
                self.push(date, name, -amount, Kind::NewPlace);
            }
        }
        if self.rng.chance(0.08) {
            let name = self.fresh_name(SHOP, ZH_SHOP, true);
            let amount = self.rng.range(l.meal_median / 2, l.meal_median * 3);
            self.push(date, name, -amount, Kind::NewPlace);
        }
        if self.rng.chance(0.15) {
            let desc = self.online_desc();
            let amount =
                ((l.meal_median as f64 * 0.8) * (0.5 * self.rng.normal(2.0)).exp()).round() as i64;
            self.push(date, desc, -amount.max(100), Kind::Online);
        }
        if self.rng.chance(0.1) {
            let amount = self.rng.range(l.ride.1, l.ride.2);
            self.push(date, l.ride.0, -amount, Kind::Ride);
        }
    }

    fn travel_day(&mut self, date: NaiveDate, day_of_trip: i64, trip_len: i64) {
        let cur = Currency::parse(self.locale.travel).unwrap_or(Currency::EUR);
        // Amounts abroad in the travel currency's own minor units (yen have none).
        let unit: i64 = if cur.minor_digits() == 0 { 1 } else { 100 };
        let per_unit = if cur.minor_digits() == 0 { 150 } else { 1 };
        let add = |p: &mut Self, desc: String, amount: i64| {
            let i = p.push(date, desc, -amount, Kind::Travel);
            p.drafts[i].currency = cur;
            p.drafts[i].expect = vec![FlagReason::Foreign];
            p.drafts[i].trap = Some(Trap::Travel);
        };
        for _ in 0..self.rng.range(1, 3) {
            let name = self.fresh_name(FOOD, &[], true);
            let amount = self.rng.lognormal(30 * unit * per_unit, 0.35);
            add(self, name, amount);
        }
        if self.rng.chance(0.7) {
            // A day pass at the same price each day: a habit, not a double charge.
            add(self, "METRO TICKETS".to_string(), 4 * unit * per_unit);
        }
        if self.rng.chance(0.4) {
            let name = self.fresh_name(SHOP, &[], false);
            let amount = self.rng.range(10, 80) * unit * per_unit;
            add(self, name, amount);
        }
        if day_of_trip == trip_len - 1 {
            let nightly = self.rng.range(120, 250) * unit * per_unit;
            add(
                self,
                "HOTEL LE GRAND PALAIS".to_string(),
                nightly * trip_len,
            );
        }
    }

    fn monthly(&mut self, date: NaiveDate, n: i64, raise_month: u32) {
        let l = self.locale;
        let dom = date.day();
        let month_index = n / 30;
        for &(desc, amount, on) in l.subscriptions {
            if dom == on {
                self.push(date, desc, -amount, Kind::Subscription);
            }
        }
        let (desc, before, after, on) = l.raised;
        if dom == on {
            let first_year_raise = month_index as u32 >= raise_month;
            let amount = if first_year_raise { after } else { before };
            let i = self.push(date, desc, -amount, Kind::Subscription);
            let already = self.drafts.iter().any(|d| d.kind == Kind::PriceRaised);
            if first_year_raise && !already {
                self.drafts[i].kind = Kind::PriceRaised;
                self.drafts[i].expect = vec![FlagReason::PriceIncrease];
            }
        }
        if dom == 1 {
            self.push(date, l.rent.0, -l.rent.1, Kind::Bill);
        }
        if dom == 20 {
            let amount = self.rng.range(l.utility.1, l.utility.2);
            self.push(date, l.utility.0, -amount, Kind::Bill);
        }
        if dom == 25 {
            self.push(date, l.salary.0, l.salary.1, Kind::Income);
        }
    }

    /// Untouched ordinary drafts of these kinds from `from_day` on (after the warm-up).
    fn candidates(&self, start: NaiveDate, from_day: i64, kinds: &[Kind]) -> Vec<usize> {
        let from = day(start, from_day);
        (0..self.drafts.len())
            .filter(|&i| {
                let d = &self.drafts[i];
                d.date >= from
                    && kinds.contains(&d.kind)
                    && !d.touched
                    && matches!(
                        d.trap,
                        None | Some(Trap::RoutineRepeat) | Some(Trap::NewPlace)
                    )
            })
            .collect()
    }

    /// Picks one candidate and marks it touched so no two injections share a base row.
    fn pick_from(&mut self, start: NaiveDate, from_day: i64, kinds: &[Kind]) -> Option<usize> {
        let c = self.candidates(start, from_day, kinds);
        if c.is_empty() {
            return None;
        }
        let i = *self.rng.pick(&c);
        self.drafts[i].touched = true;
        Some(i)
    }

    fn pick_candidate(&mut self, start: NaiveDate, kinds: &[Kind]) -> Option<usize> {
        self.pick_from(start, 60, kinds)
    }

    fn random_day(&mut self, start: NaiveDate, days: i64) -> NaiveDate {
        day(start, self.rng.range(60, days - 10))
    }

    fn traps(&mut self, start: NaiveDate, days: i64) {
        let years = (days / 365).max(1);
        for _ in 0..years {
            // A purchase, refunded a few days later.
            for _ in 0..2 {
                if let Some(i) = self.pick_candidate(start, &[Kind::NewPlace, Kind::Online]) {
                    let d = self.drafts[i].clone();
                    let back = self.rng.range(3, 10);
                    let r = self.push(day(d.date, back), d.desc.clone(), -d.amount, Kind::Injected);
                    self.drafts[r].trap = Some(Trap::ChargeAndRefund);
                    self.drafts[i].trap = Some(Trap::ChargeAndRefund);
                }
            }
            // Charged twice, refunded, so the double is already resolved.
            if let Some(i) = self.pick_candidate(start, &[Kind::NewPlace]) {
                let d = self.drafts[i].clone();
                let next = day(d.date, 1);
                let r = self.push(next, d.desc.clone(), -d.amount, Kind::Injected);
                self.drafts[r].trap = Some(Trap::ChargeAndRefund);
                let again = self.push(next, d.desc.clone(), d.amount, Kind::Injected);
                self.drafts[again].trap = Some(Trap::RefundedDouble);
                self.drafts[again].tolerate = vec![FlagReason::DoubleCharge];
            }
            // One meal paid in two parts.
            for _ in 0..2 {
                if let Some(i) = self.pick_candidate(start, &[Kind::Regular]) {
                    let total = self.drafts[i].amount;
                    let part = (total as f64 * (0.3 + 0.15 * self.rng.unit())).round() as i64;
                    if part != total - part {
                        self.drafts[i].amount = part;
                        self.drafts[i].trap = Some(Trap::SplitPayment);
                        let d = self.drafts[i].clone();
                        let j = self.push(d.date, d.desc, total - part, Kind::Injected);
                        self.drafts[j].trap = Some(Trap::SplitPayment);
                    }
                }
            }
            // A celebration dinner at a new restaurant, and a big stock-up at the usual store:
            // the top of ordinary spending, not anomalies.
            let date = self.random_day(start, days);
            let name = self.fresh_name(FOOD, ZH_FOOD, true);
            let amount = self.locale.meal_median * self.rng.range(5, 8);
            let i = self.push(date, name, -amount, Kind::Injected);
            self.drafts[i].trap = Some(Trap::NewPlace);
            let date = self.random_day(start, days);
            let store = *self.rng.pick(self.locale.groceries);
            let amount = self.locale.grocery_median * 5 / 2;
            let i = self.push(date, store, -amount, Kind::Injected);
            self.drafts[i].trap = Some(Trap::BigOrdinary);
            // A parking meter at a new place, every other year or so.
            if self.rng.chance(0.5) {
                let date = self.random_day(start, days);
                let name = self.fresh_name(&["PARKING"], &["停车场"], false);
                let amount = self.rng.range(100, 199);
                let i = self.push(date, name, -amount, Kind::Injected);
                self.drafts[i].trap = Some(Trap::TinyNewPlace);
            }
            // Closed orders and neutral wallet rows: recorded, but no money moved.
            for status in [RowStatus::Closed, RowStatus::Neutral] {
                let date = self.random_day(start, days);
                let name = self.fresh_name(BIG, &["数码", "珠宝"], false);
                let amount = self.locale.meal_median * 60;
                let i = self.push(date, name, -amount, Kind::Injected);
                self.drafts[i].status = status;
                self.drafts[i].trap = Some(Trap::NotMoneyMoved);
            }
        }
    }

    fn anomalies(&mut self, start: NaiveDate, days: i64) {
        let years = (days / 365).max(1);
        let l = self.locale;
        for _ in 0..years {
            // Double charges: same day, or posted the next day; online ones with a new reference.
            for n in 0..4 {
                let kinds: &[Kind] = match n {
                    0 => &[Kind::Online],
                    1 => &[Kind::Coffee],
                    2 => &[Kind::Grocery, Kind::Regular],
                    _ => &[Kind::NewPlace, Kind::Ride],
                };
                let Some(i) = self.pick_candidate(start, kinds) else {
                    continue;
                };
                let d = self.drafts[i].clone();
                let gap = if d.kind == Kind::Coffee || self.rng.chance(0.6) {
                    0
                } else {
                    self.rng.range(1, 2)
                };
                let desc = if d.kind == Kind::Online {
                    self.online_desc()
                } else {
                    d.desc.clone()
                };
                let j = self.push(day(d.date, gap), desc, d.amount, Kind::Injected);
                self.drafts[j].expect = vec![FlagReason::DoubleCharge];
            }
            // A subscription billed again a few days into its cycle.
            if let Some(i) = self.pick_candidate(start, &[Kind::Subscription]) {
                let d = self.drafts[i].clone();
                let gap = self.rng.range(0, 12);
                let j = self.push(day(d.date, gap), d.desc.clone(), d.amount, Kind::Injected);
                self.drafts[j].expect = vec![FlagReason::SubscriptionBilledTwice];
            }
            // Card testing: a burst of tiny charges at a merchant never seen, then maybe a big one.
            let date = self.random_day(start, days);
            let tester = format!("{}{} DIGITAL SVCS", self.rng.pick(ADJ), self.rng.pick(NOUN));
            for k in 0..self.rng.range(2, 4) {
                // Distinct amounts, so the burst is card testing and not also a double charge.
                let amount = 50 + 37 * k + self.rng.range(0, 30);
                let i = self.push(date, tester.clone(), -amount, Kind::Injected);
                self.drafts[i].expect = vec![FlagReason::CardTesting];
            }
            let large_count = if self.rng.chance(0.5) { 3 } else { 2 };
            for k in 0..large_count {
                let when = if k == 2 {
                    day(date, 1)
                } else {
                    self.random_day(start, days)
                };
                let name = self.fresh_name(BIG, &["数码城", "珠宝行", "奢侈品店"], false);
                let amount = l.meal_median * self.rng.range(25, 100);
                let i = self.push(when, name, -amount, Kind::Injected);
                self.drafts[i].expect = vec![FlagReason::NewMerchantLarge];
            }
            // Outliers at a known merchant: a grocery run or a meal several times the usual.
            for _ in 0..2 {
                let Some(i) = self.pick_from(start, 150, &[Kind::Grocery, Kind::Regular]) else {
                    continue;
                };
                let d = self.drafts[i].clone();
                let median = if d.kind == Kind::Grocery {
                    l.grocery_median
                } else {
                    l.meal_median
                };
                let amount = median * self.rng.range(4, 9);
                let j = self.push(day(d.date, 1), d.desc.clone(), -amount, Kind::Injected);
                self.drafts[j].expect = vec![FlagReason::AmountOutlier];
            }
            // A subscription suddenly charged several times its price on its usual day.
            if let Some(i) = self.pick_candidate(start, &[Kind::Subscription]) {
                self.drafts[i].amount *= 5;
                self.drafts[i].kind = Kind::Injected;
                self.drafts[i].expect = vec![FlagReason::AmountOutlier];
            }
            // An online order from abroad, in that shop's currency.
            let date = self.random_day(start, days);
            let (shop, cur) = l.foreign_shop;
            let amount = self.rng.range(1500, 6000);
            let i = self.push(date, shop, -amount, Kind::Injected);
            self.drafts[i].currency = cur;
            self.drafts[i].expect = vec![FlagReason::Foreign];
        }
    }
}

/// Detection quality against the ground truth.
#[derive(Clone, Debug, Default)]
pub struct Quality {
    /// Per reason: (true positives, false positives, false negatives).
    pub per_reason: BTreeMap<FlagReason, (usize, usize, usize)>,
    /// Flags at medium or above on trap rows, for a reason the row is not labelled with.
    pub traps_medium_plus: Vec<(i64, FlagReason, Trap)>,
    /// Flags at medium or above on rows with no anomaly label at all (traps included).
    pub ordinary_medium_plus: Vec<(i64, FlagReason)>,
    /// Flags of any severity on rows that moved no money.
    pub not_money_flagged: usize,
}

impl Quality {
    pub fn precision(&self, r: FlagReason) -> f64 {
        let (tp, fp, _) = self.per_reason.get(&r).copied().unwrap_or_default();
        ratio(tp, tp + fp)
    }

    pub fn recall(&self, r: FlagReason) -> f64 {
        let (tp, _, fn_) = self.per_reason.get(&r).copied().unwrap_or_default();
        ratio(tp, tp + fn_)
    }

    /// Totals over a set of reasons: (tp, fp, fn).
    pub fn totals(&self, reasons: &[FlagReason]) -> (usize, usize, usize) {
        reasons
            .iter()
            .filter_map(|r| self.per_reason.get(r))
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// The quality table as text lines: a header, one line per reason, then one per labelled
    /// group of reasons (e.g. "all"), each with TP, FP, FN, precision and recall.
    pub fn table_lines(&self, groups: &[(&str, &[FlagReason])]) -> Vec<String> {
        let line = |label: &str, (tp, fp, fn_): (usize, usize, usize)| {
            format!(
                "{label:<26} {tp:>5} {fp:>5} {fn_:>5} {:>9.3} {:>7.3}",
                ratio(tp, tp + fp),
                ratio(tp, tp + fn_)
            )
        };
        let mut out = vec![format!(
            "{:<26} {:>5} {:>5} {:>5} {:>9} {:>7}",
            "reason", "TP", "FP", "FN", "precision", "recall"
        )];
        out.extend(
            FlagReason::ALL
                .iter()
                .map(|r| line(r.as_str(), self.totals(&[*r]))),
        );
        out.extend(
            groups
                .iter()
                .map(|(label, reasons)| line(label, self.totals(reasons))),
        );
        out
    }
}

/// 1.0 when there was nothing to find or flag.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// One measured run: the generated statements, the flags the rules raise on all of them with
/// the default thresholds, and how those flags score against the labels.
pub struct QualityRun {
    pub data: Labelled,
    pub flags: Vec<Flag>,
    pub quality: Quality,
}

/// Generates `cfg`'s statements, runs `detect` with default settings and scores the result: the
/// one measurement the quality test, the example and the benchmark all print.
pub fn measure(cfg: &SynthConfig) -> QualityRun {
    let data = generate(cfg);
    let flags = recourse_core::detect::detect(
        &data.txns,
        &|_| true,
        &recourse_core::detect::DetectConfig::default(),
        &recourse_core::detect::Context::default(),
    );
    let quality = evaluate(&data, &flags);
    QualityRun {
        data,
        flags,
        quality,
    }
}

/// Scores `flags` against the labels.
pub fn evaluate(data: &Labelled, flags: &[Flag]) -> Quality {
    let mut q = Quality::default();
    for r in FlagReason::ALL {
        q.per_reason.insert(r, (0, 0, 0));
    }
    let moving: BTreeMap<i64, bool> = data
        .txns
        .iter()
        .map(|t| (t.id, t.status.moves_money()))
        .collect();
    let mut found: BTreeSet<(i64, FlagReason)> = BTreeSet::new();
    for f in flags {
        let expected = data
            .expected
            .get(&f.transaction_id)
            .is_some_and(|e| e.contains(&f.reason));
        let tolerated = f.severity == Severity::Low
            && data
                .tolerated
                .get(&f.transaction_id)
                .is_some_and(|e| e.contains(&f.reason));
        if let Some(c) = q.per_reason.get_mut(&f.reason) {
            if expected {
                if found.insert((f.transaction_id, f.reason)) {
                    c.0 += 1;
                }
            } else if !tolerated {
                c.1 += 1;
            }
        }
        if f.severity >= Severity::Medium && !expected {
            if let Some(&trap) = data.traps.get(&f.transaction_id) {
                q.traps_medium_plus.push((f.transaction_id, f.reason, trap));
            }
            if !data.expected.contains_key(&f.transaction_id) {
                q.ordinary_medium_plus.push((f.transaction_id, f.reason));
            }
        }
        if moving.get(&f.transaction_id) == Some(&false) {
            q.not_money_flagged += 1;
        }
    }
    for (id, reasons) in &data.expected {
        for r in reasons {
            if !found.contains(&(*id, *r)) {
                if let Some(c) = q.per_reason.get_mut(r) {
                    c.2 += 1;
                }
            }
        }
    }
    q
}
