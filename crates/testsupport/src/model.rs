//! What the generator produces: each person's transactions, each with the truth about it.

use chrono::{NaiveDate, NaiveTime};

/// A charge the user would want to hear about, by the class the benchmark reports it under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// The same purchase taken twice within a day or two (the later row).
    DoubleCharge,
    /// A subscription charged a second time inside one billing cycle (the extra row).
    SubscriptionTwice,
    /// A tiny charge at a merchant the person never used, in a burst.
    CardTesting,
    /// A charge far above what the person spends at a new place.
    LargeNewMerchant,
    /// A recurring charge billed at several times its usual price.
    AmountOutlier,
    /// A recurring charge that went up and stayed up (the first raised row). Lower severity by
    /// the product's own definition, so scored at any severity and kept out of the bars.
    PriceIncrease,
}

impl Event {
    /// `"duplicate"` or `"unexpected"`, the two kinds of flag in PRODUCT.md.
    pub fn kind(self) -> &'static str {
        match self {
            Event::DoubleCharge | Event::SubscriptionTwice => "duplicate",
            _ => "unexpected",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Event::DoubleCharge => "double charge",
            Event::SubscriptionTwice => "subscription billed twice",
            Event::CardTesting => "card testing",
            Event::LargeNewMerchant => "large charge, new merchant",
            Event::AmountOutlier => "amount outlier",
            Event::PriceIncrease => "price increase",
        }
    }

    /// Whether the bars count this class (at medium severity and above).
    pub fn in_bars(self) -> bool {
        self != Event::PriceIncrease
    }
}

/// A row that looks like a problem to a careless rule and is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trap {
    /// The same merchant and amount again within two days because that is the person's habit
    /// (the daily coffee, the usual lunch).
    RoutineRepeat,
    /// A second (third…) transit fare of the same amount on one day.
    TransitFare,
    /// Spending abroad at ordinary amounts, in a foreign currency or billed at home.
    TravelOrdinary,
    /// A charge, its refund, and the purchase charged again.
    RefundedAndChargedAgain,
    /// One purchase paid in two parts of different amounts.
    SplitPayment,
    /// A payment to the card: a credit on the card, a debit on the bank account.
    PaymentToCard,
    /// Money coming back.
    Refund,
    /// The card side of a wallet purchase, or the wallet's top-up from a card.
    WalletFunding,
    /// A row printed in two overlapping statement files (a flag on its second copy).
    OverlappingFiles,
}

impl Trap {
    pub fn name(self) -> &'static str {
        match self {
            Trap::RoutineRepeat => "routine repeat",
            Trap::TransitFare => "transit fares",
            Trap::TravelOrdinary => "travel, ordinary amount",
            Trap::RefundedAndChargedAgain => "refunded, charged again",
            Trap::SplitPayment => "split payment",
            Trap::PaymentToCard => "payment to the card",
            Trap::Refund => "refund",
            Trap::WalletFunding => "wallet funded by a card",
            Trap::OverlappingFiles => "overlapping files",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    Ordinary,
    Trap(Trap),
    /// `variant` names the case inside the class ("repeat", "through a wallet", "abroad,
    /// home currency", "brand's store", "early in the history"…), reported on its own line.
    Event {
        event: Event,
        variant: &'static str,
        /// The row this one repeats (the first charge of a double charge).
        partner: Option<usize>,
    },
}

/// Which way the money goes and why, so each dialect can print it its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Purchase,
    Refund,
    Income,
    /// Rent, bills by direct debit, a transfer out.
    Transfer,
    /// A payment to a card: negative on the bank account, positive on the card.
    CardPayment,
    /// Money moved into a wallet from a card (positive in the wallet).
    Funding,
}

#[derive(Clone, Debug)]
pub struct Txn {
    pub id: usize,
    pub account: usize,
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// The merchant's identity in the generator (the catalogue's descriptor before references
    /// and store numbers are filled in): what "the same merchant" means for the labels.
    pub merchant: String,
    /// The merchant as the statement prints it (references and store numbers included).
    pub text: String,
    /// The merchant's plain name, for dialects with a counterparty column (wallets, Monzo, German
    /// banks); empty for a wallet payment to an unnamed merchant.
    pub counterparty: String,
    /// What a wallet bill prints as the goods (`商品说明`, PayPal's type is its own).
    pub item: String,
    /// Signed minor units, negative is money out of the account.
    pub amount: i64,
    /// ISO 4217; the account's own currency unless the charge was abroad.
    pub currency: &'static str,
    pub flow: Flow,
    pub label: Label,
    /// A wallet payment taken from the card bound to the wallet (the card prints it too);
    /// otherwise from the wallet's balance.
    pub via_card: bool,
}

/// One statement account of a person, written in one export dialect.
#[derive(Clone, Debug)]
pub struct Account {
    pub name: String,
    pub dialect: crate::dialects::Dialect,
    pub currency: &'static str,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    /// Indexes into `Population::accounts`.
    pub accounts: Vec<usize>,
}

/// The generated population: people, their accounts (indexes into `accounts`), and every row.
#[derive(Clone, Debug, Default)]
pub struct Population {
    pub people: Vec<Person>,
    pub accounts: Vec<Account>,
    pub txns: Vec<Txn>,
}
