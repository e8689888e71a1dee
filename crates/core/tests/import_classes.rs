//! Each way a statement from an unknown bank used to import wrong, as a small file of its own:
//! the currency, the date order and column, the sign, direction words, lines that are not
//! transactions, pending rows, annotated amounts, fee columns and the account. Every file is
//! read with no profile, and with no default currency unless the case says so.

mod common;

use common::{counted, opts, run, sums};
use recourse_core::import::{CurrencySource, SkipReason};
use recourse_core::model::RowStatus;

struct Case {
    name: &'static str,
    csv: &'static str,
    default_currency: Option<&'static str>,
    rows: usize,
    /// "CUR sum" per currency, over rows that count (not neutral).
    sums: &'static [&'static str],
    /// Earliest and latest date.
    dates: (&'static str, &'static str),
    currency_source: CurrencySource,
    confident: bool,
}

const CASES: &[Case] = &[
    Case {
        name: "a currency column under a name no list has, read by its values",
        csv: "Datum;Omschrijving;Bedrag;Soort munt\n\
              05-01-2024;Bakker;-2,50;EUR\n\
              06-01-2024;Salaris;1000,00;EUR\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["EUR 997.50"],
        dates: ("2024-01-05", "2024-01-06"),
        currency_source: CurrencySource::Column,
        confident: true,
    },
    Case {
        name: "a column of codes with no header at all",
        csv: "2024-02-01,GROCER,EUR,-12.00\n2024-02-03,CAFE,EUR,-3.40\n2024-02-04,REFUND,EUR,5.00\n",
        default_currency: Some("USD"),
        rows: 3,
        sums: &["EUR -10.40"],
        dates: ("2024-02-01", "2024-02-04"),
        currency_source: CurrencySource::Column,
        confident: false, // headerless: the mapping is shown
    },
    Case {
        name: "a Chinese bank statement with no currency column is in yuan",
        csv: "交易日期,交易时间,收入,支出,余额,交易类型,交易备注\n\
              20240131,13:53:41,,1.00,99.00,转账,xxx\n\
              20240130,13:51:21,100.00,,100.00,工资,xxx\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["CNY 99.00"],
        dates: ("2024-01-30", "2024-01-31"),
        currency_source: CurrencySource::Language,
        confident: true,
    },
    Case {
        name: "a French export is in euros",
        csv: "Date opération;Libellé;Montant\n03/02/2024;CARTE BOULANGERIE;-4,20\n04/02/2024;VIR SALAIRE;1500,00\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["EUR 1495.80"],
        dates: ("2024-02-03", "2024-02-04"),
        currency_source: CurrencySource::Language,
        confident: true,
    },
    Case {
        name: "a UK export with a sort code column is in pounds",
        csv: "Transaction Date,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount\n\
              15/01/2024,'11-22-33,12345678,SHOP,8.99,\n\
              12/01/2024,'11-22-33,12345678,SALARY,,2000.00\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["GBP 1991.01"],
        dates: ("2024-01-12", "2024-01-15"),
        currency_source: CurrencySource::SortCode,
        confident: true,
    },
    Case {
        name: "a Danish export is in kroner",
        csv: "Dato;Tekst;Beløb;Saldo\n05-01-2024;Netto;-48,00;1000,00\n06-01-2024;Løn;2000,00;3000,00\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["DKK 1952.00"],
        dates: ("2024-01-05", "2024-01-06"),
        currency_source: CurrencySource::Language,
        confident: true,
    },
    Case {
        name: "the account's IBAN in the preamble names the country",
        csv: "Account;CH93 0076 2011 6238 5295 7\n\nDate;Description;Amount\n2024-03-01;Migros;-20.50\n2024-03-02;Lohn;100.00\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["CHF 79.50"],
        dates: ("2024-03-01", "2024-03-02"),
        currency_source: CurrencySource::Iban,
        confident: true,
    },
    Case {
        name: "a bare $ in a file whose card descriptors end in AU is the Australian dollar",
        csv: "Date,Description,Amount\n\
              05/01/2024,WOOLSHED  SYDNEY  AU,-$12.00\n\
              06/01/2024,CAFE  MELBOURNE  AU,-$4.50\n\
              07/01/2024,SALARY,$100.00\n",
        default_currency: Some("USD"),
        rows: 3,
        sums: &["AUD 83.50"],
        dates: ("2024-01-05", "2024-01-07"),
        currency_source: CurrencySource::Amounts,
        confident: true,
    },
    Case {
        name: "debit and credit under Italian names",
        csv: "Data Contabile;Data Valuta;Addebiti;Accrediti;Descrizione operazioni\n\
              02/01/2024;02/01/2024;50,00;;Pagamento\n\
              03/01/2024;03/01/2024;;20,00;Rimborso\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["EUR -30.00"],
        dates: ("2024-01-02", "2024-01-03"),
        currency_source: CurrencySource::Language,
        confident: true,
    },
    Case {
        name: "amounts with a rupee sign",
        csv: "Txn Date,Narration,Withdrawal Amt.,Deposit Amt.\n\
              02/01/2024,SHOP,₹50.00,\n\
              03/01/2024,SALARY,,₹20.00\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["INR -30.00"],
        dates: ("2024-01-02", "2024-01-03"),
        currency_source: CurrencySource::Amounts,
        confident: true,
    },
    Case {
        name: "no evidence at all: the caller's default, and the app asks",
        csv: "Date,Description,Amount\n2024-03-01,COFFEE,-4.00\n2024-03-02,BOOKS,-10.00\n",
        default_currency: Some("NZD"),
        rows: 2,
        sums: &["NZD -14.00"],
        dates: ("2024-03-01", "2024-03-02"),
        currency_source: CurrencySource::Default,
        confident: false,
    },
    Case {
        name: "day-first dates that also read month-first: a week, not nine months",
        csv: "Date,Description,Amount\n\
              01/02/2024,A,-1.00\n02/02/2024,B,-1.00\n03/02/2024,C,-1.00\n\
              05/02/2024,D,-1.00\n07/02/2024,E,-1.00\n09/02/2024,F,-1.00\n",
        default_currency: Some("USD"),
        rows: 6,
        sums: &["USD -6.00"],
        dates: ("2024-02-01", "2024-02-09"),
        currency_source: CurrencySource::Default,
        confident: false,
    },
    Case {
        name: "the period the preamble states decides the order of dates that read either way",
        csv: "Statement period: 01/03/2024 - 31/03/2024\n\
              Date,Description,Amount\n\
              02/03/2024,A,-1.00\n11/03/2024,B,-1.00\n05/03/2024,C,-1.00\n",
        default_currency: Some("USD"),
        rows: 3,
        sums: &["USD -3.00"],
        dates: ("2024-03-02", "2024-03-11"),
        currency_source: CurrencySource::Default,
        confident: false,
    },
    Case {
        name: "month-first dates in a US file stay month-first",
        csv: "Date,Description,Amount\n\
              01/02/2024,A,-1.00\n01/03/2024,B,-1.00\n01/05/2024,C,-1.00\n01/09/2024,D,-1.00\n",
        default_currency: Some("USD"),
        rows: 4,
        sums: &["USD -4.00"],
        dates: ("2024-01-02", "2024-01-09"),
        currency_source: CurrencySource::Default,
        confident: false,
    },
    Case {
        name: "a statement date on every row is not the transaction date",
        csv: "Date,Posting Date,Description,Amount (GBP)\n\
              31/03/2024,04/03/2024,A,-1.00\n31/03/2024,09/03/2024,B,-2.00\n31/03/2024,17/03/2024,C,3.00\n",
        default_currency: None,
        rows: 3,
        sums: &["GBP 0.00"],
        dates: ("2024-03-04", "2024-03-17"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "a card export with purchases positive and the payment the one large credit",
        csv: "Date,Description,Amount (USD)\n\
              2024-01-02,GROCER,25.10\n2024-01-03,FUEL,40.00\n2024-01-05,CINEMA,12.00\n\
              2024-01-06,BOOKS,18.90\n2024-01-08,ONLINE PMT,-300.00\n2024-01-09,CAFE,4.50\n",
        default_currency: None,
        rows: 6,
        sums: &["USD 199.50"],
        dates: ("2024-01-02", "2024-01-09"),
        currency_source: CurrencySource::Header,
        confident: false,
    },
    Case {
        name: "a card export whose payment row says so",
        csv: "Date,Description,Amount (GBP)\n\
              2024-01-02,GROCER,25.10\n2024-01-04,PAYMENT RECEIVED - THANK YOU,-20.00\n",
        default_currency: None,
        rows: 2,
        sums: &["GBP -5.10"],
        dates: ("2024-01-02", "2024-01-04"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "DEBIT / CREDIT words in a column named like money",
        csv: "Date,Details,Amount (EUR),Credit / Debit\n\
              2024-04-01,SHOP,12.50,DEBIT\n2024-04-02,SALARY,100.00,CREDIT\n",
        default_currency: None,
        rows: 2,
        sums: &["EUR 87.50"],
        dates: ("2024-04-01", "2024-04-02"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "D/K letters in a column nobody named",
        csv: "Datum;Omschrijving;Bedrag (EUR);X\n01-04-2024;Winkel;12,50;D\n02-04-2024;Loon;100,00;K\n",
        default_currency: None,
        rows: 2,
        sums: &["EUR 87.50"],
        dates: ("2024-04-01", "2024-04-02"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "balance and turnover lines, marked by words or by a record type",
        csv: "Date,Type,Description,Amount (EUR)\n\
              2024-05-01,Opening,Balance brought forward,100.00\n\
              2024-05-02,Card,SHOP,-10.00\n\
              2024-05-03,Card,CAFE,-2.00\n\
              2024-05-03,Transfer,RENT,-50.00\n\
              2024-05-31,Turnover,,-62.00\n\
              2024-05-31,Closing,,38.00\n\
              2024-05-31,,Closing balance,\n",
        default_currency: None,
        rows: 3,
        sums: &["EUR -62.00"],
        dates: ("2024-05-02", "2024-05-03"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "a beginning balance row with no amount",
        csv: "Date,Description,Amount (USD),Running Bal.\n\
              01/01/2024,Beginning balance as of 01/01/2024,,100.00\n\
              01/02/2024,SHOP,-10.00,90.00\n",
        default_currency: None,
        rows: 1,
        sums: &["USD -10.00"],
        dates: ("2024-01-02", "2024-01-02"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "Pending in the date column, and a pending section with its heading",
        csv: "Date,Description,Amount (AUD)\n\
              Pending,TAXI,-15.00\n\
              Pending transactions are not reflected in your balance\n\
              2024-06-05,BAKERY,-3.00\n\
              Posted transactions\n\
              2024-06-04,SHOP,-10.00\n\
              2024-06-03,SALARY,500.00\n",
        default_currency: None,
        rows: 4,
        sums: &["AUD 472.00"],
        dates: ("2024-06-03", "2024-06-05"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "an amount annotated with a partial refund",
        csv: "交易时间,交易对方,金额(元),收/支\n\
              2024-01-15 10:00:00,商店,131.77(已退款89.84),支出\n\
              2024-01-16 10:00:00,餐厅,20.00,支出\n",
        default_currency: Some("USD"),
        rows: 2,
        sums: &["CNY -151.77"],
        dates: ("2024-01-15", "2024-01-16"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "fees listed as rows of their own and again in a fee column count once",
        csv: "Date,Description,Amount (USD),Total Fees\n\
              2024-07-01,TRANSFER TO ANA,-100.00,1.00\n\
              2024-07-01,TRANSFER FEE,-1.00,\n\
              2024-07-02,TRANSFER FROM BEN,50.00,\n",
        default_currency: None,
        rows: 3,
        sums: &["USD -51.00"],
        dates: ("2024-07-01", "2024-07-02"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "a word where the date goes on the first rows marks them pending",
        csv: "Datum;Omschrijving;Bedrag (EUR)\n\
              Gereserveerd;KIOSK;-12,00\n\
              13-03-2024;SALARIS;2000,00\n\
              12-03-2024;SUPERMARKT;-150,50\n\
              10-03-2024;TREIN;-24,00\n",
        default_currency: None,
        rows: 4,
        sums: &["EUR 1813.50"],
        dates: ("2024-03-10", "2024-03-13"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "an opening balance on top, in the date column, is not a pending row",
        csv: "Buchungstag;Buchungstext;Betrag (EUR)\n\
              Anfangssaldo;;1000,00\n\
              13.03.2024;GEHALT;2000,00\n\
              12.03.2024;MARKT;-150,50\n",
        default_currency: None,
        rows: 2,
        sums: &["EUR 1849.50"],
        dates: ("2024-03-12", "2024-03-13"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "compact yyyymmdd dates under a Chinese header naming the amount 发生额",
        csv: "账号:6200000000000000001\n\n\
              入账日期,摘要,借贷标志,发生额,余额\n\
              20240603,消费,借,328.00,100.00\n\
              20240605,工资,贷,9800.00,9900.00\n",
        default_currency: None,
        rows: 2,
        sums: &["CNY 9472.00"],
        dates: ("2024-06-03", "2024-06-05"),
        currency_source: CurrencySource::Language,
        confident: true,
    },
    Case {
        name: "gender-inclusive German column names",
        csv: "Buchungsdatum;Zahlungsempfänger*in;Verwendungszweck;Betrag (€)\n\
              02.09.24;Stadtwerke;Abschlag;-65\n\
              03.09.24;Firma;Gehalt;2.845,13\n",
        default_currency: None,
        rows: 2,
        sums: &["EUR 2780.13"],
        dates: ("2024-09-02", "2024-09-03"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "a money column named with its currency after 'in'",
        csv: "Buchungstag;Buchungstext;Umsatz in EUR\n\
              03.03.2025;Bargeld;-100,00\n\
              12.03.2025;Gehalt;3.210,55\n",
        default_currency: None,
        rows: 2,
        sums: &["EUR 3110.55"],
        dates: ("2025-03-03", "2025-03-12"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "a key/value preamble above a Czech header",
        csv: "\"accountId\";\"2900000001\"\n\
              \"currency\";\"CZK\"\n\
              \"dateStart\";\"01.02.2026\"\n\
              \n\
              \"ID pohybu\";\"Datum\";\"Objem\";\"Měna\";\"Poznámka\"\n\
              \"1\";\"02.02.2026\";\"-1250,00\";\"CZK\";\"SHOP\"\n\
              \"2\";\"03.02.2026\";\"38500,00\";\"CZK\";\"SALARY\"\n",
        default_currency: None,
        rows: 2,
        sums: &["CZK 37250.00"],
        dates: ("2026-02-02", "2026-02-03"),
        currency_source: CurrencySource::Column,
        confident: true,
    },
    Case {
        name: "a card export's type column (Purchase, Return) tells that purchases are positive",
        csv: "Date,Description,Type,Amount (NZD)\n\
              2024-03-02,HARDWARE STORE,Purchase,45.00\n\
              2024-03-05,BOOKSHOP,Purchase,12.50\n\
              2024-03-09,HARDWARE STORE,Return,-20.00\n\
              2024-03-15,AUTOPAY,Payment,-100.00\n",
        default_currency: None,
        rows: 4,
        sums: &["NZD 62.50"],
        dates: ("2024-03-02", "2024-03-15"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "a card statement's settlement amount counts; returns and cashback are money in",
        csv: "交易日期,入账日期,交易描述,交易币种,交易金额,结算币种,结算金额\n\
              2025-06-03,2025-06-04,某某超市,人民币,56.00,人民币,56.00\n\
              2025-06-08,2025-06-09,ONLINE STORE,美元,9.99,人民币,71.93\n\
              2025-06-12,2025-06-12,退货 某某超市,人民币,-20.00,人民币,-20.00\n\
              2025-06-20,2025-06-20,消费返现,人民币,-3.00,人民币,-3.00\n",
        default_currency: None,
        rows: 4,
        sums: &["CNY -104.93"],
        dates: ("2025-06-03", "2025-06-20"),
        currency_source: CurrencySource::Column,
        confident: true,
    },
    Case {
        name: "a signed amount beside debit and credit columns that repeat it unsigned",
        // `Sorties` is no debit name the vocabulary knows: the filled amount column decides.
        csv: "Date;Libellé;Montant;Sorties;Crédit\n\
              03/02/2024;CARTE BOULANGERIE;-4,20;4,20;\n\
              15/02/2024;VIR SALAIRE;1500,00;;1500,00\n\
              20/02/2024;PRLV ENERGIE;-61,00;61,00;\n",
        default_currency: None,
        rows: 3,
        sums: &["EUR 1434.80"],
        dates: ("2024-02-03", "2024-02-20"),
        currency_source: CurrencySource::Language,
        confident: true,
    },
    Case {
        name: "an empty amount column beside the debit and credit columns that hold the money",
        csv: "Date;Booking text;Amount detail;Debit EUR;Credit EUR;Balance EUR\n\
              01.07.2024;Card purchase grocer;;34.60;;965.40\n\
              15.07.2024;Salary;;;2000.00;2965.40\n\
              22.07.2024;Rail ticket;;36.50;;2928.90\n",
        default_currency: None,
        rows: 3,
        sums: &["EUR 1928.90"],
        dates: ("2024-07-01", "2024-07-22"),
        currency_source: CurrencySource::Header,
        confident: true,
    },
    Case {
        name: "record-type codes mark opening, turnover and closing lines",
        csv: "Rec;Date;Details;Amount;Currency;D/C\n\
              OB;01.05.2025;Opening balance;100,00;EUR;C\n\
              TX;02.05.2025;Grocer;10,00;EUR;D\n\
              TX;14.05.2025;Money back from a friend;5,00;EUR;C\n\
              TX;20.05.2025;Pharmacy;7,50;EUR;D\n\
              TO;31.05.2025;Turnover;17,50;EUR;D\n\
              TO;31.05.2025;Turnover;5,00;EUR;C\n\
              CB;31.05.2025;Closing balance;87,50;EUR;C\n",
        default_currency: None,
        rows: 3,
        sums: &["EUR -12.50"],
        dates: ("2025-05-02", "2025-05-20"),
        currency_source: CurrencySource::Column,
        confident: true,
    },
    Case {
        name: "Debet and Credit words in a column of a headerless file",
        csv: "\"02-09-2024\",\"45,10\",\"Debet\",\"Grocer in town\"\n\
              \"05-09-2024\",\"1.500,00\",\"Credit\",\"Salary September\"\n\
              \"18-09-2024\",\"12,00\",\"Debet\",\"Cinema tickets\"\n",
        default_currency: Some("EUR"),
        rows: 3,
        sums: &["EUR 1442.90"],
        dates: ("2024-09-02", "2024-09-18"),
        currency_source: CurrencySource::Default,
        confident: false,
    },
    Case {
        name: "a balance line drawn with marks before its words",
        csv: "Date;Value date;Debits;Credits;Description\n\
              31/12/2023;;;1.000,00;OPENING BALANCE\n\
              03/01/2024;03/01/2024;2,00;;STAMP DUTY\n\
              15/01/2024;15/01/2024;;250,00;TRANSFER IN\n\
              31/01/2024;;;1.248,00;** CLOSING BALANCE\n",
        default_currency: Some("EUR"),
        rows: 2,
        sums: &["EUR 248.00"],
        dates: ("2024-01-03", "2024-01-15"),
        currency_source: CurrencySource::Default,
        confident: false,
    },
    Case {
        name: "cities in card descriptors give the currency; a generic built-in header does not",
        csv: "Status,Date,Description,Debit,Credit\n\
              Cleared,12/03/2024,PAK N SAVE AUCKLAND,84.20,\n\
              Cleared,14/03/2024,FUEL STOP CHRISTCHURCH,60.00,\n\
              Cleared,20/03/2024,CAFE DUNEDIN,9.50,\n\
              Cleared,25/03/2024,PAYMENT RECEIVED,,150.00\n",
        default_currency: Some("USD"),
        rows: 4,
        sums: &["NZD -3.70"],
        dates: ("2024-03-12", "2024-03-25"),
        currency_source: CurrencySource::Places,
        confident: false,
    },
];

#[test]
fn each_failure_class_imports_right() {
    let mut failures = Vec::new();
    for case in CASES {
        let (rows, summary) = match run(case.csv.as_bytes(), &opts(case.default_currency)) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: error: {e}", case.name));
                continue;
            }
        };
        let got: Vec<String> = sums(&rows, counted)
            .into_iter()
            .map(|(c, s)| format!("{c} {s}"))
            .collect();
        let first = rows.iter().map(|r| r.date).min().map(|d| d.to_string());
        let last = rows.iter().map(|r| r.date).max().map(|d| d.to_string());
        let d = &summary.detected;
        let want_dates = (
            Some(case.dates.0.to_string()),
            Some(case.dates.1.to_string()),
        );
        if rows.len() != case.rows
            || got != case.sums
            || (first.clone(), last.clone()) != want_dates
            || d.currency_source != case.currency_source
            || d.confident != case.confident
        {
            failures.push(format!(
                "{}: {} rows (want {}), sums {got:?} (want {:?}), dates {first:?}..{last:?} (want {:?}), currency from {:?} (want {:?}), confident {} (want {}); columns {:?} sign {} skipped {:?}",
                case.name,
                rows.len(),
                case.rows,
                case.sums,
                case.dates,
                d.currency_source,
                case.currency_source,
                d.confident,
                case.confident,
                d.columns,
                d.sign.as_str(),
                summary.skipped
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn pending_rows_are_marked_pending() {
    let case = CASES
        .iter()
        .find(|c| c.name.starts_with("Pending"))
        .unwrap();
    let (rows, summary) = run(case.csv.as_bytes(), &opts(None)).unwrap();
    let status: Vec<(String, RowStatus)> = rows
        .iter()
        .map(|r| (r.description.clone(), r.status))
        .collect();
    assert_eq!(
        status,
        [
            ("TAXI".to_string(), RowStatus::Pending),
            ("BAKERY".to_string(), RowStatus::Pending),
            ("SHOP".to_string(), RowStatus::Booked),
            ("SALARY".to_string(), RowStatus::Booked),
        ]
    );
    // The undated pending row takes the statement's latest date; the headings are skipped
    // with their lines.
    assert_eq!(rows[0].date.to_string(), "2024-06-05");
    let headings: Vec<u64> = summary
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::Heading)
        .map(|s| s.line)
        .collect();
    assert_eq!(headings, [3, 5]);
    // Provenance: each row keeps its own physical line.
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 4, 6, 7]);
}

#[test]
fn the_file_states_its_account() {
    for (csv, want) in [
        (
            "Umsatzanzeige\nIBAN;DE02 1203 0000 0000 2020 51\n\nBuchung;Verwendungszweck;Betrag\n01.02.2024;Miete;-500,00\n02.02.2024;Brot;-2,00\n",
            Some("DE02120300000000202051"),
        ),
        (
            "Date,Account,Description,Amount\n2024-01-02,20-00-00 12345678,SHOP,-1.00\n2024-01-03,20-00-00 12345678,CAFE,-2.00\n",
            Some("20-00-00 12345678"),
        ),
        (
            "户名：某人     账号：6200 11** **** 2233     币种：人民币\n\n日期,摘要,金额\n2024-01-02,消费,-1.00\n2024-01-03,消费,-2.00\n",
            Some("6200 11** **** 2233"),
        ),
        (
            "#Account number;\n12 3456 7890 1234;\n\n#Date;#Description;#Amount;\n2024-01-02;SHOP;-1,00;\n2024-01-03;CAFE;-2,00;\n",
            Some("12 3456 7890 1234"),
        ),
        (
            "Bank code:;10020030\nAccount:;7654321\n\nDate;Description;Amount\n02.01.2024;SHOP;-1,00\n03.01.2024;CAFE;-2,00\n",
            Some("10020030 7654321"),
        ),
        (
            "Date,Description,Amount\n2024-01-02,SHOP,-1.00\n2024-01-03,CAFE,-2.00\n",
            None,
        ),
    ] {
        let (_, summary) = run(csv.as_bytes(), &opts(Some("EUR"))).unwrap();
        assert_eq!(summary.detected.account.as_deref(), want, "{csv}");
    }
}

/// Several statements in one text file, each under its title and a header of its own (here
/// with different columns): each is read with its own mapping and named by the account it
/// states, else its title; a file
/// naming two accounts on its rows is split by that column.
#[test]
fn a_file_of_several_accounts_names_each() {
    use recourse_core::import::{open, Opened};
    let csv = "Current account;Period: 30 days\n\
               \n\
               Date;Description;Amount\n\
               04.03.2025;Rent;-800,00\n\
               02.03.2025;Salary;2.000,00\n\
               Closing balance;1.200,00\n\
               \n\
               Credit card;Period: 30 days\n\
               \n\
               Date;Card;Description;Amount\n\
               05.03.2025;1234;Books;-20,00\n\
               03.03.2025;1234;Repayment;800,00\n";
    let opened = open(csv.as_bytes(), &opts(Some("EUR"))).unwrap();
    let Opened::Table(table) = opened else {
        panic!("a text file opens as a table")
    };
    // The first section states no number: its title names it; the card section's constant
    // card column is the account it states.
    assert_eq!(table.accounts().unwrap(), ["Current account", "1234"]);
    let mut card = Vec::new();
    table
        .parse_account(Some("1234"), &mut |r| {
            card.push((r.line, r.amount));
            Ok(())
        })
        .unwrap();
    assert_eq!(card, [(11, -2000), (12, 80000)]);
    let (rows, _) = run(csv.as_bytes(), &opts(Some("EUR"))).unwrap();
    assert_eq!(rows.len(), 4);

    let rows_of_two = "IBAN,Date,Amount,Description\n\
                       NL00ASNB0000000001,2024-01-01,-1.00,A\n\
                       NL00ASNB0000000002,2024-01-02,2.00,B\n\
                       NL00ASNB0000000001,2024-01-03,-3.00,C\n\
                       NL00ASNB0000000002,2024-01-04,4.00,D\n";
    let Opened::Table(table) = open(rows_of_two.as_bytes(), &opts(Some("EUR"))).unwrap() else {
        panic!("a text file opens as a table")
    };
    assert_eq!(
        table.accounts().unwrap(),
        ["NL00ASNB0000000001", "NL00ASNB0000000002"]
    );
    let mut second = Vec::new();
    table
        .parse_account(Some("NL00ASNB0000000002"), &mut |r| {
            second.push(r.line);
            Ok(())
        })
        .unwrap();
    assert_eq!(second, [3, 5]);
}
