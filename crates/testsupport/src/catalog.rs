//! Where people in each region spend: merchants as their statements print them, in English and
//! Chinese, with typical amounts in the home currency's minor units. `{ref}` in a descriptor is
//! a fresh order reference on every charge, `{n}` a store or terminal number.

/// A place with a card descriptor, a plain name (a wallet's or bank's counterparty column), the
/// goods a wallet bill prints, and a typical amount.
#[derive(Clone, Copy, Debug)]
pub struct Shop {
    pub descriptor: &'static str,
    pub name: &'static str,
    pub item: &'static str,
    pub typical: i64,
}

const fn shop(
    descriptor: &'static str,
    name: &'static str,
    item: &'static str,
    typical: i64,
) -> Shop {
    Shop {
        descriptor,
        name,
        item,
        typical,
    }
}

/// A trip abroad: the country code printed at the end of descriptors, its currency, how many
/// foreign units one home unit buys (in thousandths), and the places visited (typical amounts in
/// the home currency's minor units).
#[derive(Clone, Copy, Debug)]
pub struct Trip {
    pub country: &'static str,
    pub currency: &'static str,
    pub rate_permille: i64,
    pub places: &'static [Shop],
}

pub struct Catalog {
    pub currency: &'static str,
    pub holders: &'static [&'static str],
    pub groceries: &'static [Shop],
    pub coffee: &'static [Shop],
    pub transit: &'static [Shop],
    pub eateries: &'static [Shop],
    /// Names for places the person tries once (`{n}` makes each one new).
    pub new_places: &'static [Shop],
    pub online: &'static [Shop],
    pub subscriptions: &'static [Shop],
    /// A brand's physical store for each subscription of that brand (same index, or none).
    pub brand_stores: &'static [(&'static str, Shop)],
    pub utilities: &'static [Shop],
    pub rent: Shop,
    pub salary: Shop,
    /// The card's line for a payment received, and the bank's line for paying it.
    pub card_payment: (&'static str, &'static str),
    pub trips: &'static [Trip],
    /// Sites that card testers use (gift cards, game credits, donations).
    pub testing_sites: &'static [Shop],
    /// Merchants of large fraudulent charges: electronics, crypto, luxury.
    pub big_ticket: &'static [Shop],
    /// Merchants abroad billing large amounts in the home currency (country at the end).
    pub big_abroad: &'static [Shop],
    /// A furniture or department store where a purchase may be paid in two parts.
    pub split_shops: &'static [Shop],
}

pub static US: Catalog = Catalog {
    currency: "USD",
    holders: &["Dana Whitfield", "Marcus Bell", "Priya Raman", "Tom Okafor"],
    groceries: &[
        shop("WHOLEFDS MKT #10{n}", "Whole Foods", "", 6800),
        shop("TRADER JOE'S #5{n}", "Trader Joe's", "", 4200),
        shop("SAFEWAY #18{n}", "Safeway", "", 5500),
        shop("KROGER #6{n}", "Kroger", "", 6100),
    ],
    coffee: &[
        shop("STARBUCKS STORE 0{n}", "Starbucks", "", 575),
        shop("SQ *DEVOCION BROOKLYN", "Devocion", "", 495),
        shop("TST* LA COLOMBE 1{n}", "La Colombe", "", 550),
        shop("BLUE BOTTLE COFFEE 2{n}", "Blue Bottle", "", 625),
    ],
    transit: &[
        shop("MTA*NYCT PAYGO", "MTA", "", 290),
        shop("CLIPPER CUSTOMER SVC", "Clipper", "", 275),
    ],
    eateries: &[
        shop("SWEETGREEN 04{n}", "Sweetgreen", "", 1550),
        shop("CHIPOTLE 22{n}", "Chipotle", "", 1325),
        shop("SQ *JOE'S PIZZA", "Joe's Pizza", "", 900),
        shop("TST* SHAKE SHACK 11{n}", "Shake Shack", "", 1875),
        shop("PANERA BREAD #6{n}", "Panera Bread", "", 1420),
        shop("CVS/PHARMACY #0{n}", "CVS", "", 2300),
        shop("UBER *EATS", "Uber Eats", "", 3100),
        shop("UBER *TRIP", "Uber", "", 2400),
    ],
    new_places: &[
        shop("TST* HARBOR NOODLE {n}", "Harbor Noodle", "", 3200),
        shop("SQ *MAPLE & RYE {n}", "Maple & Rye", "", 2600),
        shop("THE CORNER BISTRO {n}", "Corner Bistro", "", 4800),
        shop("SQ *GREEN THUMB NURSERY", "Green Thumb", "", 3500),
        shop("BARNES & NOBLE #2{n}", "Barnes & Noble", "", 2800),
        shop("REI #1{n}", "REI", "", 7900),
    ],
    online: &[
        shop("AMZN Mktp US*{ref}", "Amazon", "", 3400),
        shop("Amazon.com*{ref}", "Amazon", "", 2700),
        shop("TARGET.COM *{ref}", "Target", "", 4500),
        shop("ETSY.COM - {ref}", "Etsy", "", 2900),
    ],
    subscriptions: &[
        shop("NETFLIX.COM", "Netflix", "", 1549),
        shop("SPOTIFY USA", "Spotify", "", 1199),
        shop("APPLE.COM/BILL", "Apple", "", 299),
        shop("HULU 877-8244858", "Hulu", "", 799),
        shop("GOOGLE *Google One", "Google", "", 199),
        shop("NYTIMES*DIGITAL", "New York Times", "", 400),
        shop("MINT MOBILE", "Mint Mobile", "", 3000),
    ],
    brand_stores: &[
        (
            "APPLE.COM/BILL",
            shop("APPLE STORE R0{n} FIFTH AVE", "Apple Store", "", 0),
        ),
        (
            "GOOGLE *Google One",
            shop("GOOGLE STORE CHELSEA", "Google Store", "", 0),
        ),
    ],
    utilities: &[
        shop("CON ED OF NY INTELL CK", "Con Edison", "", 9800),
        shop("SPECTRUM", "Spectrum", "", 7999),
    ],
    rent: shop("AVALON COMMUNITIES RENT", "Avalon", "", 245000),
    salary: shop("ACME CORP PAYROLL PPD ID: 1{n}", "Acme Corp", "", 410000),
    card_payment: (
        "AUTOPAY PAYMENT - THANK YOU",
        "CARD SERVICES EPAYMENT ACH PMT",
    ),
    trips: &[
        Trip {
            country: "FR",
            currency: "EUR",
            rate_permille: 920,
            places: &[
                shop("CAFE DE FLORE PARIS FR", "Cafe de Flore", "", 2400),
                shop("RATP PARIS FR", "RATP", "", 420),
                shop("MONOPRIX PARIS FR", "Monoprix", "", 3100),
                shop("MUSEE DU LOUVRE PARIS FR", "Louvre", "", 2200),
                shop("HOTEL DU MARAIS PARIS FR", "Hotel du Marais", "", 18900),
                shop("LE PETIT ZINC PARIS FR", "Le Petit Zinc", "", 6200),
            ],
        },
        Trip {
            country: "JP",
            currency: "JPY",
            rate_permille: 150_000,
            places: &[
                shop("LAWSON 0{n} TOKYO JP", "Lawson", "", 1100),
                shop("JR EAST TOKYO JP", "JR East", "", 900),
                shop("ICHIRAN SHIBUYA TOKYO JP", "Ichiran", "", 1500),
                shop("TOKYU HANDS SHIBUYA JP", "Tokyu Hands", "", 4400),
                shop("DORMY INN AKIHABARA JP", "Dormy Inn", "", 14500),
            ],
        },
    ],
    testing_sites: &[
        shop("GIFTLYHUB*ONLINE", "Giftlyhub", "", 0),
        shop("EZ-GAMECREDITS.COM", "EZ Game Credits", "", 0),
        shop("HOPEFUND DONATION", "Hopefund", "", 0),
    ],
    big_ticket: &[
        shop("TECHNOVA ELECTRONICS", "Technova", "", 0),
        shop("COINVAULT EXCHANGE", "CoinVault", "", 0),
        shop("LUXORA WATCHES ONLINE", "Luxora", "", 0),
    ],
    big_abroad: &[
        shop("ELECTRO MEGA LAGOS NG", "Electro Mega", "", 0),
        shop("GOLD SOUK TRADING DUBAI AE", "Gold Souk Trading", "", 0),
    ],
    split_shops: &[
        shop("IKEA BROOKLYN 0{n}", "IKEA", "", 0),
        shop("MACY'S #0{n}", "Macy's", "", 0),
    ],
};

pub static UK: Catalog = Catalog {
    currency: "GBP",
    holders: &["Olivia Hart", "James Patel", "Siobhan Reilly"],
    groceries: &[
        shop("TESCO STORES 3{n}", "Tesco", "", 3400),
        shop("SAINSBURYS S/MKTS", "Sainsbury's", "", 2900),
        shop("WAITROSE 7{n}", "Waitrose", "", 4100),
        shop("CO-OP GROUP 4{n}", "Co-op", "", 1200),
    ],
    coffee: &[
        shop("PRET A MANGER", "Pret A Manger", "", 385),
        shop("COSTA COFFEE 4{n}", "Costa Coffee", "", 350),
        shop("CAFFE NERO", "Caffè Nero", "", 330),
    ],
    transit: &[
        shop("FIRST BUS", "First Bus", "", 200),
        shop("STAGECOACH SERVICES", "Stagecoach", "", 200),
    ],
    eateries: &[
        shop("WAGAMAMA", "wagamama", "", 2300),
        shop("NANDOS", "Nando's", "", 1900),
        shop("GREGGS", "Greggs", "", 450),
        shop("BOOTS", "Boots", "", 1100),
        shop("DELIVEROO", "Deliveroo", "", 2600),
        shop("THE RED LION", "The Red Lion", "", 1800),
    ],
    new_places: &[
        shop("DISHOOM {n}", "Dishoom", "", 3600),
        shop("WATERSTONES {n}", "Waterstones", "", 1600),
        shop("THE CROWN INN {n}", "The Crown Inn", "", 2200),
        shop("TIGER RETAIL {n}", "Flying Tiger", "", 1300),
    ],
    online: &[
        shop("AMAZON.CO.UK*{ref}", "Amazon", "", 2400),
        shop("AMZNMktplace*{ref}", "Amazon Marketplace", "", 1900),
        shop("ASOS.COM {ref}", "ASOS", "", 4200),
    ],
    subscriptions: &[
        shop("NETFLIX.COM", "Netflix", "", 1099),
        shop("Spotify P2{ref}", "Spotify", "", 1199),
        shop("DISNEY PLUS", "Disney+", "", 799),
        shop("GIFFGAFF", "giffgaff", "", 1000),
        shop("APPLE.COM/BILL", "Apple", "", 99),
        shop("AMAZON PRIME*{ref}", "Amazon Prime", "", 899),
    ],
    brand_stores: &[(
        "APPLE.COM/BILL",
        shop("APPLE STORE REGENT STREET", "Apple Store", "", 0),
    )],
    utilities: &[
        shop("OCTOPUS ENERGY", "Octopus Energy", "", 8500),
        shop("THAMES WATER", "Thames Water", "", 3800),
        shop("LB CAMDEN COUNCIL TAX", "Camden Council", "", 14200),
    ],
    rent: shop("FOXTONS LETTINGS", "Foxtons", "", 165000),
    salary: shop("ACME LTD SALARY", "Acme Ltd", "", 285000),
    card_payment: ("PAYMENT RECEIVED - THANK YOU", "REVOLUT TOP-UP"),
    trips: &[
        Trip {
            country: "ES",
            currency: "EUR",
            rate_permille: 1_170,
            places: &[
                shop("MERCADONA BARCELONA ES", "Mercadona", "", 2100),
                shop("TMB METRO BARCELONA ES", "TMB", "", 240),
                shop("BAR CELTA BARCELONA ES", "Bar Celta", "", 3300),
                shop("SAGRADA FAMILIA BARCELONA ES", "Sagrada Familia", "", 2600),
                shop("HOTEL CASA BONAY ES", "Casa Bonay", "", 15500),
            ],
        },
        Trip {
            country: "IT",
            currency: "EUR",
            rate_permille: 1_170,
            places: &[
                shop("TRENITALIA ROMA IT", "Trenitalia", "", 2900),
                shop("DA ENZO ROMA IT", "Da Enzo", "", 4100),
                shop("CONAD ROMA IT", "Conad", "", 1700),
                shop("MUSEI VATICANI ROMA IT", "Musei Vaticani", "", 2000),
            ],
        },
    ],
    testing_sites: &[
        shop("GIFTLYHUB*ONLINE", "Giftlyhub", "", 0),
        shop("PLAYCREDS.CO", "Playcreds", "", 0),
    ],
    big_ticket: &[
        shop("VOLTRONIX ELECTRICALS", "Voltronix", "", 0),
        shop("COINVAULT EXCHANGE", "CoinVault", "", 0),
    ],
    big_abroad: &[
        shop("GOLD SOUK TRADING DUBAI AE", "Gold Souk Trading", "", 0),
        shop("PHONEPLAZA AMSTERDAM NL", "Phoneplaza", "", 0),
    ],
    split_shops: &[shop("JOHN LEWIS", "John Lewis", "", 0)],
};

pub static DE: Catalog = Catalog {
    currency: "EUR",
    holders: &["Lena Vogel", "Jonas Becker", "Aylin Demir"],
    groceries: &[
        shop("REWE", "REWE Markt GmbH", "", 3600),
        shop("EDEKA", "EDEKA Zentrale", "", 2900),
        shop("LIDL", "Lidl Dienstleistung", "", 2400),
        shop("DM-DROGERIE", "dm-drogerie markt", "", 1800),
    ],
    coffee: &[
        shop("BALZAC COFFEE", "Balzac Coffee", "", 390),
        shop("EINSTEIN KAFFEE", "Einstein Kaffee", "", 420),
    ],
    transit: &[shop(
        "BVG FAHRSCHEIN",
        "BVG Berliner Verkehrsbetriebe",
        "",
        350,
    )],
    eateries: &[
        shop("BURGERMEISTER", "Burgermeister", "", 1150),
        shop("MUSTAFAS GEMUESE KEBAP", "Mustafas", "", 700),
        shop("ROSSMANN", "Rossmann", "", 1300),
        shop("LIEFERANDO", "Lieferando", "", 2600),
        shop("CURRY 36", "Curry 36", "", 650),
    ],
    new_places: &[
        shop("TRATTORIA DA PINO {n}", "Trattoria da Pino", "", 4400),
        shop("BUCHHANDLUNG {n}", "Buchhandlung", "", 2200),
        shop("BIERGARTEN AM SEE {n}", "Biergarten am See", "", 3100),
    ],
    online: &[
        shop(
            "AMAZON EU SARL {ref}",
            "AMAZON EU S.A R.L., NIEDERLASSUNG DEUTSCHLAND",
            "",
            3200,
        ),
        shop("ZALANDO SE {ref}", "Zalando SE", "", 5900),
        shop("OTTO GMBH {ref}", "OTTO GmbH & Co KG", "", 4700),
    ],
    subscriptions: &[
        shop(
            "NETFLIX INTERNATIONAL",
            "Netflix International B.V.",
            "",
            1399,
        ),
        shop("SPOTIFY AB", "Spotify AB", "", 1099),
        shop("DAZN LIMITED", "DAZN Limited", "", 2999),
        shop("TELEKOM MOBILFUNK", "Telekom Deutschland GmbH", "", 3995),
        shop("DEUTSCHLANDTICKET", "BVG Abo", "", 5800),
        shop("GOOGLE *GOOGLE ONE", "Google Ireland Limited", "", 199),
    ],
    brand_stores: &[(
        "GOOGLE *GOOGLE ONE",
        shop("GOOGLE STORE BERLIN", "Google Store Berlin", "", 0),
    )],
    utilities: &[
        shop(
            "VATTENFALL EUROPE ABSCHLAG",
            "Vattenfall Europe Sales GmbH",
            "",
            8500,
        ),
        shop("RUNDFUNK ARD ZDF", "Rundfunk ARD ZDF DRadio", "", 1836),
    ],
    rent: shop("MIETE WOHNUNG 3.OG", "Hausverwaltung Krause", "", 115000),
    salary: shop("GEHALT", "Muster Software GmbH", "", 312000),
    card_payment: ("PAYPAL EINZUG", "PayPal Europe S.a.r.l. et Cie S.C.A"),
    trips: &[Trip {
        country: "IT",
        currency: "EUR",
        rate_permille: 1_000,
        places: &[
            shop("AUTOGRILL BOLZANO IT", "Autogrill", "", 1400),
            shop("HOTEL ALPINA MERAN IT", "Hotel Alpina", "", 14000),
            shop("TRATTORIA ROSA MERAN IT", "Trattoria Rosa", "", 4600),
            shop("DESPAR MERAN IT", "Despar", "", 2300),
        ],
    }],
    testing_sites: &[
        shop("GUTSCHEINWELT ONLINE", "Gutscheinwelt", "", 0),
        shop("PLAYCREDS.CO", "Playcreds", "", 0),
    ],
    big_ticket: &[
        shop("ELEKTRO BLITZ ONLINE", "Elektro Blitz", "", 0),
        shop("COINVAULT EXCHANGE", "CoinVault", "", 0),
    ],
    big_abroad: &[
        shop("PHONEPLAZA AMSTERDAM NL", "Phoneplaza", "", 0),
        shop("GOLD SOUK TRADING DUBAI AE", "Gold Souk Trading", "", 0),
    ],
    split_shops: &[shop("IKEA DEUTSCHLAND", "IKEA Deutschland GmbH", "", 0)],
};

pub static CN: Catalog = Catalog {
    currency: "CNY",
    holders: &["张伟", "李娜", "王芳", "陈磊"],
    groceries: &[
        shop("盒马鲜生", "盒马鲜生", "盒马鲜生购物", 16800),
        shop("永辉超市", "永辉超市", "超市购物", 12300),
        shop("全家FamilyMart", "全家便利店", "便利店消费", 2600),
        shop("美团买菜", "美团买菜", "美团买菜订单", 9800),
    ],
    coffee: &[
        shop("瑞幸咖啡", "瑞幸咖啡", "生椰拿铁", 1590),
        shop("星巴克", "星巴克", "星巴克咖啡", 3400),
        shop("Manner Coffee", "Manner Coffee", "拿铁", 1500),
    ],
    transit: &[
        shop("上海地铁", "上海地铁", "地铁出行", 400),
        shop("北京地铁", "北京地铁", "乘车码付款", 500),
    ],
    eateries: &[
        shop("美团外卖", "美团外卖", "外卖订单", 3800),
        shop("饿了么", "饿了么", "饿了么外卖", 3300),
        shop("滴滴出行", "滴滴出行", "快车", 2800),
        shop("海底捞", "海底捞", "餐饮消费", 21000),
        shop("西贝莜面村", "西贝莜面村", "餐饮消费", 15800),
        shop("屈臣氏", "屈臣氏", "个人护理", 8900),
    ],
    new_places: &[
        shop("云南菜馆{n}", "云南菜馆", "餐饮消费", 16000),
        shop("老街面馆{n}", "老街面馆", "面食", 4200),
        shop("书店{n}", "独立书店", "图书", 8800),
    ],
    online: &[
        shop("京东商城{ref}", "京东商城", "京东订单", 18900),
        shop("淘宝{ref}", "淘宝网", "淘宝订单", 12600),
        shop("拼多多{ref}", "拼多多", "拼多多订单", 5900),
    ],
    subscriptions: &[
        shop("爱奇艺VIP会员", "爱奇艺", "黄金VIP会员连续包月", 2500),
        shop("QQ音乐", "QQ音乐", "绿钻豪华版连续包月", 1500),
        shop("中国移动话费充值", "中国移动", "话费充值", 10000),
        shop("腾讯视频VIP", "腾讯视频", "VIP会员连续包月", 3000),
        shop("华为云空间", "华为软件技术有限公司", "云空间50GB包月", 600),
        shop("百度网盘", "百度网盘", "超级会员连续包月", 3000),
    ],
    brand_stores: &[(
        "华为云空间",
        shop("华为授权体验店{n}", "华为授权体验店", "华为手机", 0),
    )],
    utilities: &[
        shop("国家电网电费", "国家电网", "电费缴纳", 21000),
        shop("燃气费", "上海燃气", "燃气费缴纳", 9000),
    ],
    rent: shop("自如房租", "自如", "房租月付", 480000),
    salary: shop("工资", "上海某科技有限公司", "工资", 2200000),
    card_payment: ("自动还款", "信用卡还款"),
    trips: &[
        Trip {
            country: "TH",
            currency: "THB",
            rate_permille: 4_900,
            places: &[
                shop("SEVEN-ELEVEN BANGKOK TH", "7-Eleven", "", 9000),
                shop("BTS SKYTRAIN BANGKOK TH", "BTS", "", 3000),
                shop("CENTRAL WORLD BANGKOK TH", "Central World", "", 38000),
                shop("SOMBOON SEAFOOD BANGKOK TH", "Somboon Seafood", "", 42000),
                shop("GRAB BANGKOK TH", "Grab", "", 6000),
            ],
        },
        Trip {
            country: "JP",
            currency: "JPY",
            rate_permille: 21_000,
            places: &[
                shop("LAWSON OSAKA JP", "Lawson", "", 7000),
                shop("DON QUIJOTE NAMBA JP", "Don Quijote", "", 46000),
                shop("ICHIRAN DOTONBORI JP", "Ichiran", "", 9500),
                shop("JR WEST OSAKA JP", "JR West", "", 6000),
            ],
        },
    ],
    testing_sites: &[
        shop("GIFTLYHUB*ONLINE", "Giftlyhub", "礼品卡", 0),
        shop("游戏点卡充值中心", "点卡充值中心", "游戏点卡", 0),
    ],
    big_ticket: &[
        shop("数码优选专营店", "数码优选专营店", "笔记本电脑", 0),
        shop("COINVAULT EXCHANGE", "CoinVault", "数字资产", 0),
    ],
    big_abroad: &[
        shop("GOLD SOUK TRADING DUBAI AE", "Gold Souk Trading", "", 0),
        shop("LUXE WATCH BANGKOK TH", "Luxe Watch", "", 0),
    ],
    split_shops: &[shop("宜家家居", "宜家家居", "家具", 0)],
};
