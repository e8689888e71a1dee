//! A person's ordinary year: each habit on the account a person like them would use, at their
//! own places and their own amounts. Nothing here is an event; the routine rows that look like
//! one (the daily coffee, fares, travel, refunds, payments to the card) carry a trap label.

use crate::catalog::{Catalog, Shop, Trip};
use crate::dialects::{minor_digits, Dialect};
use crate::model::{Account, Flow, Label, Person, Population, Trap, Txn};
use crate::rng::Rng;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

/// Which account each kind of spending goes through, for one kind of person.
pub struct Layout {
    pub catalog: &'static Catalog,
    pub accounts: &'static [Dialect],
    /// Salary, rent and bills.
    pub everyday: usize,
    /// Shops, subscriptions, online orders.
    pub card: usize,
    /// A wallet: Alipay or WeChat Pay for daily spending, PayPal for some online orders,
    /// Revolut topped up for trips.
    pub wallet: Option<usize>,
    /// The account used abroad.
    pub travel: usize,
}

pub static LAYOUTS: [Layout; 6] = [
    Layout {
        catalog: &crate::catalog::US,
        accounts: &[Dialect::ChaseChecking, Dialect::Amex],
        everyday: 0,
        card: 1,
        wallet: None,
        travel: 1,
    },
    Layout {
        catalog: &crate::catalog::CN,
        accounts: &[Dialect::Cmb, Dialect::Alipay],
        everyday: 1,
        card: 0,
        wallet: Some(1),
        travel: 0,
    },
    Layout {
        catalog: &crate::catalog::UK,
        accounts: &[Dialect::Monzo, Dialect::Revolut],
        everyday: 0,
        card: 0,
        wallet: Some(1),
        travel: 1,
    },
    Layout {
        catalog: &crate::catalog::DE,
        accounts: &[Dialect::Sparkasse, Dialect::PayPal],
        everyday: 0,
        card: 0,
        wallet: Some(1),
        travel: 0,
    },
    Layout {
        catalog: &crate::catalog::US,
        accounts: &[Dialect::ChaseChecking, Dialect::CapitalOne, Dialect::PayPal],
        everyday: 0,
        card: 1,
        wallet: Some(2),
        travel: 1,
    },
    Layout {
        catalog: &crate::catalog::CN,
        accounts: &[Dialect::Cmb, Dialect::WeChat],
        everyday: 1,
        card: 0,
        wallet: Some(1),
        travel: 0,
    },
];

/// A subscription the person keeps: the day of the month it renews and its price.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    pub shop: Shop,
    pub day: u32,
}

/// One person being generated: their accounts (global indexes), their own choices, and the
/// stream of randomness that makes them.
pub struct Life<'p> {
    pub pop: &'p mut Population,
    pub layout: &'static Layout,
    pub cat: &'static Catalog,
    pub accounts: Vec<usize>,
    pub rng: Rng,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub plans: Vec<Plan>,
    pub trips: Vec<(NaiveDate, NaiveDate, &'static Trip)>,
    /// The id of this person's first row (a person's rows are contiguous).
    pub first: usize,
    store_salt: u64,
}

impl<'p> Life<'p> {
    pub fn new(
        pop: &'p mut Population,
        index: usize,
        seed: u64,
        start: NaiveDate,
        days: i64,
    ) -> Life<'p> {
        let layout = &LAYOUTS[index % LAYOUTS.len()];
        let cat = layout.catalog;
        let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index as u64));
        let holder = rng.pick(cat.holders).to_string();
        let mut accounts = Vec::new();
        for d in layout.accounts {
            accounts.push(pop.accounts.len());
            pop.accounts.push(Account {
                name: format!("p{index}-{}", d.name()),
                dialect: *d,
                currency: cat.currency,
            });
        }
        pop.people.push(Person {
            name: holder,
            accounts: accounts.clone(),
        });
        let store_salt = rng.next_u64();
        let first = pop.txns.len();
        Life {
            pop,
            layout,
            cat,
            accounts,
            rng,
            start,
            end: start + Duration::days(days - 1),
            plans: Vec::new(),
            trips: Vec::new(),
            first,
            store_salt,
        }
    }

    pub fn holder(&self) -> String {
        self.pop
            .people
            .last()
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    pub fn dialect(&self, local: usize) -> Dialect {
        self.pop.accounts[self.accounts[local]].dialect
    }

    /// The account small daily spending goes through: a Chinese wallet when there is one.
    pub fn daily(&self) -> usize {
        match self.layout.wallet {
            Some(w) if matches!(self.dialect(w), Dialect::Alipay | Dialect::WeChat) => w,
            _ => self.layout.card,
        }
    }

    /// "One unit" of spending in the home currency's minor units (a dollar's worth).
    pub fn unit(&self) -> i64 {
        if self.cat.currency == "CNY" {
            700
        } else {
            100
        }
    }

    /// The descriptor as printed: `{ref}` a fresh order reference, `{n}` the person's usual
    /// store number, or a fresh one when `fresh` (a place tried once).
    pub fn fill(&mut self, template: &str, fresh: bool) -> String {
        let mut s = template.to_string();
        if s.contains("{ref}") {
            let r = self
                .rng
                .reference(if self.cat.currency == "CNY" { 12 } else { 9 });
            s = s.replace("{ref}", &r);
        }
        if s.contains("{n}") {
            let n = if fresh {
                self.rng.range(10, 99)
            } else {
                let h = template.bytes().fold(self.store_salt, |h, b| {
                    (h ^ b as u64).wrapping_mul(0x100_0000_01B3)
                });
                (h % 90 + 10) as i64
            };
            s = s.replace("{n}", &n.to_string());
        }
        s
    }

    /// Adds a row and returns its id.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        local: usize,
        date: NaiveDate,
        time: NaiveTime,
        shop: &Shop,
        text: String,
        amount: i64,
        currency: &'static str,
        flow: Flow,
        label: Label,
    ) -> usize {
        let id = self.pop.txns.len();
        let item = if shop.item.is_empty() {
            shop.name.to_string()
        } else {
            shop.item.to_string()
        };
        self.pop.txns.push(Txn {
            id,
            account: self.accounts[local],
            date,
            time,
            merchant: shop.descriptor.to_string(),
            text,
            counterparty: shop.name.to_string(),
            item,
            amount,
            currency,
            flow,
            label,
            via_card: false,
        });
        id
    }

    /// A purchase at `shop` on `local`, with the mirror rows a wallet leaves: the card line of
    /// a Chinese wallet paid by card, or PayPal's top-up and the card's `PAYPAL *` line.
    #[allow(clippy::too_many_arguments)]
    pub fn buy(
        &mut self,
        local: usize,
        date: NaiveDate,
        time: NaiveTime,
        shop: &Shop,
        fresh: bool,
        amount: i64,
        label: Label,
    ) -> usize {
        let text = self.fill(shop.descriptor, fresh);
        let currency = self.cat.currency;
        let id = self.push(
            local,
            date,
            time,
            shop,
            text,
            -amount,
            currency,
            Flow::Purchase,
            label,
        );
        self.pop.txns[id].via_card = self.mirror(local, date, time, shop, amount, currency);
        id
    }

    /// Whether the card paid (and so prints) the wallet purchase.
    fn mirror(
        &mut self,
        local: usize,
        date: NaiveDate,
        time: NaiveTime,
        shop: &Shop,
        amount: i64,
        currency: &'static str,
    ) -> bool {
        if local == self.layout.card {
            return false;
        }
        let card = self.layout.card;
        let funding = Label::Trap(Trap::WalletFunding);
        match self.dialect(local) {
            Dialect::Alipay | Dialect::WeChat => {
                // Which merchants the wallet pays from the bound card is the person's own
                // setting (by payment method), the same every time.
                let h = shop.descriptor.bytes().fold(self.store_salt, |h, b| {
                    (h ^ b as u64).wrapping_mul(0x100_0000_01B3)
                });
                if h % 100 < 35 {
                    let via = if self.dialect(local) == Dialect::Alipay {
                        "支付宝"
                    } else {
                        "财付通"
                    };
                    let text = format!("{via}-{}", shop.name);
                    let m = Shop {
                        descriptor: "",
                        ..*shop
                    };
                    let id = self.push(
                        card,
                        date,
                        time,
                        &m,
                        text.clone(),
                        -amount,
                        currency,
                        Flow::Funding,
                        funding,
                    );
                    self.pop.txns[id].merchant = text;
                    return true;
                }
                false
            }
            Dialect::PayPal => {
                let top_up = Shop {
                    descriptor: "PAYPAL TOPUP",
                    name: "",
                    item: "",
                    typical: 0,
                };
                self.push(
                    local,
                    date,
                    time,
                    &top_up,
                    "General Card Deposit".into(),
                    amount,
                    currency,
                    Flow::Funding,
                    funding.clone(),
                );
                if currency == self.cat.currency {
                    let name = shop.name.to_uppercase().replace(' ', "");
                    let text = if self.dialect(card) == Dialect::Sparkasse {
                        format!(
                            "PP.{}.PP . {}, Ihr Einkauf bei {}",
                            self.rng.digits(4),
                            shop.name,
                            shop.name
                        )
                    } else {
                        format!("PAYPAL *{name}")
                    };
                    let via = Shop {
                        descriptor: "PAYPAL",
                        name: "PayPal Europe S.a.r.l. et Cie S.C.A",
                        item: "",
                        typical: 0,
                    };
                    let id = self.push(
                        card,
                        date,
                        time,
                        &via,
                        text,
                        -amount,
                        currency,
                        Flow::Funding,
                        funding,
                    );
                    self.pop.txns[id].merchant = format!("PAYPAL *{name}");
                }
                true
            }
            _ => false,
        }
    }

    pub fn time(&mut self, hour_lo: u32, hour_hi: u32) -> NaiveTime {
        let h = self.rng.range(hour_lo as i64, hour_hi as i64) as u32;
        let m = self.rng.range(0, 59) as u32;
        let s = self.rng.range(0, 59) as u32;
        NaiveTime::from_hms_opt(h.min(23), m, s).unwrap_or_default()
    }

    pub fn trip_on(&self, date: NaiveDate) -> Option<&'static Trip> {
        self.trips
            .iter()
            .find(|(a, b, _)| *a <= date && date <= *b)
            .map(|t| t.2)
    }

    /// The ordinary year, day by day.
    pub fn live(&mut self) {
        let cat = self.cat;
        let n = cat.subscriptions.len();
        // Three to five subscriptions, always one of a brand that also has shops.
        let mut chosen: Vec<usize> = Vec::new();
        let brand = cat
            .subscriptions
            .iter()
            .position(|s| cat.brand_stores.iter().any(|b| b.0 == s.descriptor));
        if let Some(b) = brand {
            chosen.push(b);
        }
        while chosen.len() < 3 + self.rng.below(3) as usize && chosen.len() < n {
            let i = self.rng.below(n as u64) as usize;
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        for i in chosen {
            let day = self.rng.range(1, 28) as u32;
            self.plans.push(Plan {
                shop: cat.subscriptions[i],
                day,
            });
        }
        // One or two trips.
        let trips = 1 + self.rng.below(2) as i64;
        for k in 0..trips {
            let first = self.start + Duration::days(60 + k * 150 + self.rng.range(0, 90));
            let last = first + Duration::days(self.rng.range(4, 8));
            let dest = self.rng.pick(cat.trips);
            self.trips.push((first, last, dest));
        }
        let coffee = *self.rng.pick(cat.coffee);
        let coffee_days = self.rng.range(45, 90) as u64;
        let transit = *self.rng.pick(cat.transit);
        let commutes = self.rng.chance(85);
        let groceries: Vec<Shop> = (0..2).map(|_| *self.rng.pick(cat.groceries)).collect();
        let eateries: Vec<Shop> = (0..4).map(|_| *self.rng.pick(cat.eateries)).collect();
        let mut date = self.start;
        while date <= self.end {
            if let Some(trip) = self.trip_on(date) {
                self.abroad(date, trip);
            } else {
                self.at_home(
                    date,
                    &coffee,
                    coffee_days,
                    &transit,
                    commutes,
                    &groceries,
                    &eateries,
                );
            }
            self.bills(date);
            date += Duration::days(1);
        }
        self.label_routine_repeats();
    }

    #[allow(clippy::too_many_arguments)]
    fn at_home(
        &mut self,
        date: NaiveDate,
        coffee: &Shop,
        coffee_days: u64,
        transit: &Shop,
        commutes: bool,
        groceries: &[Shop],
        eateries: &[Shop],
    ) {
        let cat = self.cat;
        let workday = !matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let daily = self.daily();
        let card = self.layout.card;
        let ordinary = Label::Ordinary;
        if self.rng.chance(if workday { coffee_days } else { 20 }) {
            let t = self.time(7, 10);
            let price = coffee.typical + if self.rng.chance(20) { 50 } else { 0 };
            self.buy(daily, date, t, coffee, false, price, ordinary.clone());
        }
        let rides = match (workday && commutes, self.rng.below(100)) {
            (true, r) if r < 12 => 3,
            (true, r) if r < 90 => 2,
            (false, r) if r < 25 => 2,
            _ => 0,
        };
        for k in 0..rides {
            // To work, home, and out in the evening.
            let (from, to) = [(7, 8), (17, 18), (20, 21)][k.min(2) as usize];
            let t = self.time(from, to);
            let label = if k == 0 {
                Label::Ordinary
            } else {
                Label::Trap(Trap::TransitFare)
            };
            self.buy(daily, date, t, transit, false, transit.typical, label);
        }
        if self.rng.chance(30) {
            let shop = *self.rng.pick(groceries);
            let acct = if daily != card && self.rng.chance(50) {
                daily
            } else {
                card
            };
            let (t, a) = (self.time(11, 20), self.rng.around(shop.typical));
            self.buy(acct, date, t, &shop, false, a, ordinary.clone());
        }
        if self.rng.chance(35) {
            let shop = *self.rng.pick(eateries);
            let (t, a) = (self.time(12, 21), self.rng.around(shop.typical));
            self.buy(daily, date, t, &shop, false, a, ordinary.clone());
        }
        if self.rng.chance(6) {
            let shop = *self.rng.pick(cat.new_places);
            let (t, a) = (self.time(12, 21), self.rng.around(shop.typical));
            self.buy(daily, date, t, &shop, true, a, ordinary.clone());
        }
        if self.rng.chance(10) {
            self.online(date);
        }
    }

    /// An online order: on the card, through PayPal or a Chinese wallet sometimes; now and then
    /// refunded a few days later under the same order reference.
    fn online(&mut self, date: NaiveDate) {
        let shop = *self.rng.pick(self.cat.online);
        let acct = match self.layout.wallet {
            Some(w) if self.dialect(w) != Dialect::Revolut && self.rng.chance(40) => w,
            _ => self.layout.card,
        };
        let (t, a) = (self.time(9, 23), self.rng.around(shop.typical));
        let id = self.buy(acct, date, t, &shop, false, a, Label::Ordinary);
        if self.rng.chance(12) {
            let back = date + Duration::days(self.rng.range(3, 12));
            if back <= self.end {
                let text = self.pop.txns[id].text.clone();
                let t = self.time(9, 18);
                self.push(
                    acct,
                    back,
                    t,
                    &shop,
                    text,
                    a,
                    self.cat.currency,
                    Flow::Refund,
                    Label::Trap(Trap::Refund),
                );
            }
        }
    }

    /// A day abroad: a few ordinary charges at the trip's places, the hotel at check-out. In
    /// the foreign currency where the account prints one, else billed at home.
    fn abroad(&mut self, date: NaiveDate, trip: &'static Trip) {
        let acct = self.layout.travel;
        let (first, last) = self
            .trips
            .iter()
            .find(|(a, b, _)| *a <= date && date <= *b)
            .map(|t| (t.0, t.1))
            .unwrap_or((date, date));
        let hotel = trip
            .places
            .iter()
            .max_by_key(|p| p.typical)
            .copied()
            .unwrap_or(trip.places[0]);
        let travel = Label::Trap(Trap::TravelOrdinary);
        for _ in 0..self.rng.range(2, 5) {
            let place = *self.rng.pick(trip.places);
            if place.descriptor == hotel.descriptor {
                continue;
            }
            let (t, a) = (self.time(9, 22), self.rng.around(place.typical));
            self.charge_abroad(acct, date, t, &place, a, trip, travel.clone());
        }
        // The stay was prepaid when booked (not in these statements); at check-out the hotel
        // charges the last night at its quoted rate.
        if date == last && last > first {
            let t = self.time(9, 11);
            let a = self
                .rng
                .range(hotel.typical * 8 / 10, hotel.typical * 13 / 10);
            self.charge_abroad(acct, date, t, &hotel, a, trip, travel);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn charge_abroad(
        &mut self,
        acct: usize,
        date: NaiveDate,
        time: NaiveTime,
        place: &Shop,
        home_minor: i64,
        trip: &'static Trip,
        label: Label,
    ) {
        if self.dialect(acct).prints_foreign_currency() {
            let hd = minor_digits(self.cat.currency) as i32;
            let fd = minor_digits(trip.currency) as i32;
            let mut foreign = home_minor * trip.rate_permille / 1000;
            foreign = if fd >= hd {
                foreign * 10i64.pow((fd - hd) as u32)
            } else {
                foreign / 10i64.pow((hd - fd) as u32)
            };
            let text = place.descriptor.to_string();
            self.push(
                acct,
                date,
                time,
                place,
                text,
                -foreign.max(1),
                trip.currency,
                Flow::Purchase,
                label,
            );
        } else {
            self.buy(acct, date, time, place, false, home_minor, label);
        }
    }

    /// Monthly money: salary, rent, bills, subscriptions, paying the card, topping up Revolut.
    fn bills(&mut self, date: NaiveDate) {
        let cat = self.cat;
        let day = date.day();
        let everyday = self.layout.everyday;
        let card = self.layout.card;
        let home = cat.currency;
        let morning = NaiveTime::from_hms_opt(6, 0, 0).unwrap_or_default();
        let pays_salary = !matches!(self.dialect(everyday), Dialect::Alipay | Dialect::WeChat);
        if pays_salary && (day == 25 || (home == "USD" && (day == 1 || day == 15))) {
            let a = if home == "USD" {
                cat.salary.typical / 2
            } else {
                cat.salary.typical
            };
            let text = self.fill(cat.salary.descriptor, false);
            self.push(
                everyday,
                date,
                morning,
                &cat.salary,
                text,
                a,
                home,
                Flow::Income,
                Label::Ordinary,
            );
        }
        if day == 1 {
            let text = self.fill(cat.rent.descriptor, false);
            let rent = cat.rent;
            self.push(
                everyday,
                date,
                morning,
                &rent,
                text,
                -rent.typical,
                home,
                Flow::Transfer,
                Label::Ordinary,
            );
        }
        for (i, u) in cat.utilities.iter().enumerate() {
            if day == 8 + 6 * i as u32 {
                // The first bill follows the season; the others are fixed.
                let a = if i == 0 {
                    u.typical * self.rng.range(75, 130) / 100
                } else {
                    u.typical
                };
                let text = self.fill(u.descriptor, false);
                self.push(
                    everyday,
                    date,
                    morning,
                    u,
                    text,
                    -a,
                    home,
                    Flow::Transfer,
                    Label::Ordinary,
                );
            }
        }
        for k in 0..self.plans.len() {
            let p = self.plans[k];
            if p.day == day {
                let t = self.time(0, 5);
                self.buy(
                    card,
                    date,
                    t,
                    &p.shop,
                    false,
                    p.shop.typical,
                    Label::Ordinary,
                );
            }
        }
        if day == 22 {
            self.pay_card(date);
        }
        if let Some(w) = self.layout.wallet {
            let before_trip = self.trips.iter().any(|t| t.0 - Duration::days(3) == date);
            if self.dialect(w) == Dialect::Revolut && (day == 3 || before_trip) {
                // Top-ups are whatever the person needs that month, more before a trip.
                let a = if before_trip {
                    self.rng.range(300, 700) * 100
                } else {
                    self.rng.range(60, 300) * 100
                };
                let shop = Shop {
                    descriptor: "REVOLUT TOP-UP",
                    name: "Revolut",
                    item: "",
                    typical: 0,
                };
                let label = Label::Trap(Trap::WalletFunding);
                self.push(
                    everyday,
                    date,
                    morning,
                    &shop,
                    "REVOLUT**2291*".into(),
                    -a,
                    home,
                    Flow::Funding,
                    label.clone(),
                );
                self.push(
                    w,
                    date,
                    morning,
                    &shop,
                    "Top-Up by *2291".into(),
                    a,
                    home,
                    Flow::Funding,
                    label,
                );
                if !before_trip && self.rng.chance(60) {
                    let shop = *self.rng.pick(cat.online);
                    let (t, a) = (self.time(9, 23), self.rng.around(shop.typical).min(a));
                    self.buy(
                        w,
                        date + Duration::days(1),
                        t,
                        &shop,
                        false,
                        a,
                        Label::Ordinary,
                    );
                }
            }
        }
    }

    /// Pays last month's card spending: a credit on the card, a debit on the bank account.
    fn pay_card(&mut self, date: NaiveDate) {
        let card = self.layout.card;
        let everyday = self.layout.everyday;
        let card_dialect = self.dialect(card);
        if !matches!(
            card_dialect,
            Dialect::Amex | Dialect::CapitalOne | Dialect::Cmb
        ) {
            return;
        }
        let acct = self.accounts[card];
        let month_start = NaiveDate::from_ymd_opt(date.year(), date.month(), 1).unwrap_or(date);
        let prev_start = month_start - Duration::days(1);
        let prev_start =
            NaiveDate::from_ymd_opt(prev_start.year(), prev_start.month(), 1).unwrap_or(prev_start);
        let owed: i64 = -self
            .pop
            .txns
            .iter()
            .filter(|t| t.account == acct && t.date >= prev_start && t.date < month_start)
            .filter(|t| t.flow != Flow::CardPayment && t.currency == self.cat.currency)
            .map(|t| t.amount)
            .sum::<i64>();
        if owed <= 0 {
            return;
        }
        let home = self.cat.currency;
        let (on_card, on_bank) = self.cat.card_payment;
        let shop = Shop {
            descriptor: on_card,
            name: on_card,
            item: on_bank,
            typical: 0,
        };
        let t = NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default();
        let label = Label::Trap(Trap::PaymentToCard);
        self.push(
            card,
            date,
            t,
            &shop,
            on_card.into(),
            owed,
            home,
            Flow::CardPayment,
            label.clone(),
        );
        if everyday != card && self.dialect(everyday) == Dialect::ChaseChecking {
            let bank = Shop {
                descriptor: on_bank,
                ..shop
            };
            self.push(
                everyday,
                date,
                t,
                &bank,
                on_bank.into(),
                -owed,
                home,
                Flow::CardPayment,
                label,
            );
        }
    }

    /// A purchase at the same merchant for the same amount within two days of an earlier one,
    /// when nothing went wrong, is the person's routine (the daily coffee, the usual lunch).
    fn label_routine_repeats(&mut self) {
        let first = self.first;
        let mut seen: std::collections::HashMap<(usize, String, i64), NaiveDate> =
            std::collections::HashMap::new();
        let mut order: Vec<usize> = (first..self.pop.txns.len()).collect();
        order.sort_by_key(|&i| (self.pop.txns[i].date, self.pop.txns[i].time, i));
        for i in order {
            let t = &self.pop.txns[i];
            if t.flow != Flow::Purchase && t.flow != Flow::Funding {
                continue;
            }
            let key = (t.account, t.merchant.clone(), t.amount);
            let date = t.date;
            if let Some(prev) = seen.get(&key) {
                if (date - *prev).num_days() <= 2 && t.label == Label::Ordinary {
                    self.pop.txns[i].label = Label::Trap(Trap::RoutineRepeat);
                }
            }
            seen.insert(key, date);
        }
    }
}
