//! The labelled events a person's year receives, and the traps built around single moments
//! (a purchase refunded and charged again, a purchase paid in two parts). Each event is what
//! happens to people: merchants and processors charging twice, a renewal run twice, stolen card
//! numbers tested and then used, the same fraud coming back weeks later.

use crate::catalog::Shop;
use crate::dialects::Dialect;
use crate::life::Life;
use crate::model::{Event, Flow, Label, Trap};
use chrono::{Duration, NaiveDate, NaiveTime, Timelike};

impl Life<'_> {
    pub fn add_events(&mut self) {
        self.outlier_and_price_rise();
        self.subscriptions_twice();
        self.double_charges();
        self.card_testing();
        self.large_at_new_merchants();
        self.refunded_and_charged_again();
        self.split_payment();
    }

    fn event(event: Event, variant: &'static str, partner: Option<usize>) -> Label {
        Label::Event {
            event,
            variant,
            partner,
        }
    }

    /// A day of the year that is not spent abroad, between `from` and `to` days in.
    fn home_day(&mut self, from: i64, to: i64) -> NaiveDate {
        for _ in 0..50 {
            let d = self.start + Duration::days(self.rng.range(from, to));
            if self.trip_on(d).is_none() && d <= self.end {
                return d;
            }
        }
        self.start + Duration::days(from)
    }

    /// This person's charges of plan `descriptor`, in date order.
    fn plan_rows(&self, descriptor: &str) -> Vec<usize> {
        let card = self.accounts[self.layout.card];
        let mut rows: Vec<usize> = (self.first..self.pop.txns.len())
            .filter(|&i| {
                let t = &self.pop.txns[i];
                t.account == card && t.merchant == descriptor && t.flow == Flow::Purchase
            })
            .collect();
        rows.sort_by_key(|&i| self.pop.txns[i].date);
        rows
    }

    fn copy_row(&mut self, of: usize, date: NaiveDate, time: NaiveTime, label: Label) -> usize {
        let mut t = self.pop.txns[of].clone();
        t.id = self.pop.txns.len();
        t.date = date;
        t.time = time;
        t.label = label;
        self.pop.txns.push(t);
        self.pop.txns.len() - 1
    }

    /// One subscription once at several times its price, a fixed bill likewise; another
    /// subscription's price goes up and stays up.
    fn outlier_and_price_rise(&mut self) {
        let n = self.plans.len();
        // The outlier is a plan a person would notice tripling (five units or more a month).
        let unit = self.unit();
        let noticeable: Vec<usize> = (0..n)
            .filter(|&i| self.plans[i].shop.typical >= 5 * unit)
            .collect();
        let a = if noticeable.is_empty() {
            self.rng.below(n as u64) as usize
        } else {
            *self.rng.pick(&noticeable)
        };
        let b = (a + 1 + self.rng.below(n as u64 - 1) as usize) % n;
        let rows = self.plan_rows(self.plans[a].shop.descriptor);
        if rows.len() > 6 {
            let i = rows[self.rng.range(3, rows.len() as i64 - 2) as usize];
            self.pop.txns[i].amount *= self.rng.range(3, 6);
            self.pop.txns[i].label = Self::event(Event::AmountOutlier, "subscription", None);
        }
        let rows = self.plan_rows(self.plans[b].shop.descriptor);
        if rows.len() > 8 {
            let k = self.rng.range(4, rows.len() as i64 - 3) as usize;
            let old = -self.pop.txns[rows[k]].amount;
            let new = old * self.rng.range(112, 130) / 100;
            for (j, &i) in rows.iter().enumerate().skip(k) {
                self.pop.txns[i].amount = -new;
                if j == k {
                    self.pop.txns[i].label =
                        Self::event(Event::PriceIncrease, "subscription", None);
                }
            }
        }
        // A fixed bill (not the first utility, which follows the season).
        if let Some(bill) = self.cat.utilities.get(1) {
            let acct = self.accounts[self.layout.everyday];
            let rows: Vec<usize> = (self.first..self.pop.txns.len())
                .filter(|&i| {
                    let t = &self.pop.txns[i];
                    t.account == acct && t.merchant == bill.descriptor
                })
                .collect();
            if rows.len() > 6 {
                let i = rows[self.rng.range(4, rows.len() as i64 - 1) as usize];
                self.pop.txns[i].amount *= self.rng.range(3, 5);
                self.pop.txns[i].label = Self::event(Event::AmountOutlier, "bill", None);
            }
        }
    }

    /// A renewal billed a second time inside its cycle: once early in the history (after two
    /// or three earlier charges), once later in the year, a week or two after the usual date.
    fn subscriptions_twice(&mut self) {
        let n = self.plans.len();
        let first = self.rng.below(n as u64) as usize;
        for (k, (lo, hi), variant) in [
            (first, (1, 2), "early in the history"),
            ((first + 1) % n, (4, 9), "mid-cycle"),
        ] {
            let rows = self.plan_rows(self.plans[k].shop.descriptor);
            let at = self.rng.range(lo, hi) as usize;
            let Some(&charge) = rows.get(at) else {
                continue;
            };
            if self.pop.txns[charge].label != Label::Ordinary {
                continue;
            }
            let date = self.pop.txns[charge].date + Duration::days(self.rng.range(5, 18));
            let t = self.time(0, 12);
            let shop = self.plans[k].shop;
            let text = self.fill(shop.descriptor, false);
            let id = self.copy_row(
                charge,
                date,
                t,
                Self::event(Event::SubscriptionTwice, variant, Some(charge)),
            );
            self.pop.txns[id].text = text;
        }
    }

    /// The same purchase taken twice: minutes later, the next day or two days later, under the
    /// same descriptor or a new order reference, on a card or in a wallet.
    fn double_charges(&mut self) {
        let cat = self.cat;
        let kinds: Vec<&str> = cat
            .groceries
            .iter()
            .chain(cat.eateries)
            .chain(cat.online)
            .chain(cat.new_places)
            .map(|s| s.descriptor)
            .collect();
        let candidates: Vec<usize> = (self.first..self.pop.txns.len())
            .filter(|&i| {
                let t = &self.pop.txns[i];
                t.flow == Flow::Purchase
                    && t.label == Label::Ordinary
                    && kinds.contains(&t.merchant.as_str())
                    && t.date + Duration::days(2) <= self.end
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let count = self.rng.range(3, 4);
        let mut used: Vec<usize> = Vec::new();
        for _ in 0..count {
            let orig = *self.rng.pick(&candidates);
            if used.contains(&orig) {
                continue;
            }
            used.push(orig);
            let t = self.pop.txns[orig].clone();
            let gap = self.rng.range(0, 2);
            let (date, time, mut variant) = match gap {
                0 => {
                    let secs =
                        t.time.num_seconds_from_midnight() as i64 + self.rng.range(120, 5400);
                    let time =
                        NaiveTime::from_num_seconds_from_midnight_opt(secs.min(86_399) as u32, 0)
                            .unwrap_or(t.time);
                    (t.date, time, "same day")
                }
                1 => (t.date + Duration::days(1), self.time(6, 20), "next day"),
                _ => (
                    t.date + Duration::days(2),
                    self.time(6, 20),
                    "two days later",
                ),
            };
            let in_wallet = matches!(
                self.pop.accounts[t.account].dialect,
                Dialect::Alipay | Dialect::WeChat | Dialect::PayPal
            );
            if in_wallet {
                variant = "in a wallet";
            }
            let fresh_ref = t.merchant.contains("{ref}");
            if fresh_ref {
                variant = "new order reference";
            }
            let id = self.copy_row(
                orig,
                date,
                time,
                Self::event(Event::DoubleCharge, variant, Some(orig)),
            );
            if fresh_ref {
                let text = self.fill(&t.merchant, false);
                self.pop.txns[id].text = text;
            }
        }
    }

    /// Tiny charges at a site the person never used, a burst; the same site again weeks later;
    /// and through a wallet to a merchant with no name.
    fn card_testing(&mut self) {
        let card = self.layout.card;
        let site = *self.rng.pick(self.cat.testing_sites);
        let first = self.home_day(30, 150);
        let again = first + Duration::days(self.rng.range(21, 56));
        self.burst(card, first, &site, "first burst");
        if again <= self.end {
            self.burst(card, again, &site, "same site again");
        }
        if let Some(w) = self.layout.wallet {
            if matches!(
                self.dialect(w),
                Dialect::Alipay | Dialect::WeChat | Dialect::PayPal
            ) {
                let unnamed = Shop {
                    descriptor: "",
                    name: "",
                    item: if self.dialect(w) == Dialect::PayPal {
                        ""
                    } else {
                        "付款"
                    },
                    typical: 0,
                };
                let day = self.home_day(60, 330);
                self.burst(w, day, &unnamed, "through a wallet, unnamed merchant");
            }
        }
    }

    fn burst(&mut self, local: usize, date: NaiveDate, site: &Shop, variant: &'static str) {
        let n = self.rng.range(2, 5);
        let mut t = self.time(1, 22);
        let mut amounts: Vec<i64> = Vec::new();
        while (amounts.len() as i64) < n {
            let a = self.rng.range(50, 199);
            if !amounts.contains(&a) {
                amounts.push(a);
            }
        }
        let currency = self.cat.currency;
        for a in amounts {
            let text = self.fill(site.descriptor, false);
            let label = Self::event(Event::CardTesting, variant, None);
            let id = self.push(
                local,
                date,
                t,
                site,
                text,
                -a,
                currency,
                Flow::Purchase,
                label,
            );
            if site.descriptor.is_empty() {
                self.pop.txns[id].merchant = "unnamed wallet merchant".into();
            }
            t += Duration::seconds(self.rng.range(20, 300));
        }
    }

    /// Large charges where the person never spent: an electronics shop or a crypto exchange,
    /// and the same one again weeks later; a merchant abroad billing in the home currency; the
    /// physical store of a brand the person only paid for a subscription.
    fn large_at_new_merchants(&mut self) {
        let card = self.layout.card;
        let unit = self.unit();
        let home = self.cat.currency;
        let big = *self.rng.pick(self.cat.big_ticket);
        let first = self.home_day(60, 250);
        let large = Self::event(Event::LargeNewMerchant, "first time", None);
        let a = unit * self.rng.range(1200, 4500);
        let t = self.time(0, 23);
        let text = self.fill(big.descriptor, false);
        self.push(card, first, t, &big, text, -a, home, Flow::Purchase, large);
        let again = first + Duration::days(self.rng.range(14, 42));
        if again <= self.end {
            let a = unit * self.rng.range(1000, 4000);
            let t = self.time(0, 23);
            let text = self.fill(big.descriptor, false);
            let label = Self::event(Event::LargeNewMerchant, "same merchant again", None);
            self.push(card, again, t, &big, text, -a, home, Flow::Purchase, label);
        }
        let abroad = *self.rng.pick(self.cat.big_abroad);
        let day = self.home_day(40, 350);
        let a = unit * self.rng.range(2000, 6000);
        let t = self.time(0, 23);
        let text = self.fill(abroad.descriptor, false);
        let label = Self::event(
            Event::LargeNewMerchant,
            "abroad, billed in home currency",
            None,
        );
        self.push(card, day, t, &abroad, text, -a, home, Flow::Purchase, label);
        let brand = self
            .cat
            .brand_stores
            .iter()
            .find(|(sub, _)| self.plans.iter().any(|p| p.shop.descriptor == *sub));
        if let Some((_, store)) = brand.copied() {
            let day = self.home_day(100, 350);
            let a = unit * self.rng.range(900, 2500);
            let t = self.time(10, 20);
            let text = self.fill(store.descriptor, false);
            let label = Self::event(
                Event::LargeNewMerchant,
                "brand's store, subscription known",
                None,
            );
            self.push(card, day, t, &store, text, -a, home, Flow::Purchase, label);
        }
    }

    /// An order charged, refunded the next day and charged again: resolved, not a duplicate.
    fn refunded_and_charged_again(&mut self) {
        let card = self.layout.card;
        let shop = *self.rng.pick(self.cat.online);
        let day = self.home_day(20, 340);
        let a = self.rng.around(shop.typical);
        let t = self.time(9, 20);
        self.buy(card, day, t, &shop, false, a, Label::Ordinary);
        let back = day + Duration::days(1);
        let text = self.fill(shop.descriptor, false);
        let home = self.cat.currency;
        let t = self.time(8, 12);
        self.push(
            card,
            back,
            t,
            &shop,
            text,
            a,
            home,
            Flow::Refund,
            Label::Trap(Trap::Refund),
        );
        let t = self.time(13, 22);
        let label = Label::Trap(Trap::RefundedAndChargedAgain);
        self.buy(card, back, t, &shop, false, a, label);
    }

    /// A purchase paid in two parts of different amounts at a shop the person uses now and
    /// then, at amounts like theirs there.
    fn split_payment(&mut self) {
        let card = self.layout.card;
        let unit = self.unit();
        let shop = *self.rng.pick(self.cat.split_shops);
        for _ in 0..self.rng.range(2, 3) {
            let day = self.home_day(5, 150);
            let a = unit * self.rng.range(80, 250);
            let t = self.time(10, 19);
            self.buy(card, day, t, &shop, false, a, Label::Ordinary);
        }
        let day = self.home_day(160, 350);
        let total = unit * self.rng.range(200, 420);
        let part = total * self.rng.range(35, 45) / 100;
        let t = self.time(10, 18);
        let label = Label::Trap(Trap::SplitPayment);
        self.buy(card, day, t, &shop, false, part, label.clone());
        let t = t + Duration::minutes(self.rng.range(2, 15));
        self.buy(card, day, t, &shop, false, total - part, label);
    }
}
