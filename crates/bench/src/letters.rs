//! Letter rendering: the real wording (`recourse_core::letters::render`) laid out to PDF by
//! `recourse_documents::Renderer`, in English and Chinese.

use crate::report::mean_p95;
use anyhow::Result;
use chrono::NaiveDate;
use recourse_core::disputes::{Instrument, Jurisdiction, Reason, Step};
use recourse_core::letters::{render, LetterParty, LetterRequest, LetterTransaction, Sender};
use recourse_core::money::Currency;
use recourse_documents::{Paper, Renderer};
use std::time::Instant;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn request(lang: &str) -> LetterRequest {
    let zh = lang.starts_with("zh");
    let (merchant, description, currency) = if zh {
        ("美团外卖", "美团外卖 北京三快在线科技", Currency::CNY)
    } else {
        ("Netflix", "NETFLIX.COM", Currency::USD)
    };
    let charge = |day| LetterTransaction {
        date: date(2026, 11, day),
        posted_date: Some(date(2026, 11, day + 1)),
        merchant: merchant.into(),
        description: description.into(),
        amount_minor: -1_549,
        currency,
        source_file: "statement.csv".into(),
        source_line: 40 + u64::from(day),
    };
    LetterRequest {
        lang: lang.into(),
        jurisdiction: if zh {
            Jurisdiction::Cn
        } else {
            Jurisdiction::Us
        },
        instrument: Instrument::CreditCard,
        reason: Reason::DoubleCharge,
        step: Step::Bank,
        sender: Sender {
            name: if zh {
                "张伟".into()
            } else {
                "Jane Doe".into()
            },
            address: vec![if zh {
                "北京市朝阳区建国路88号".into()
            } else {
                "42 Elm Street, Springfield, IL 62704".into()
            }],
            email: Some("jane.doe@example.com".into()),
            phone: None,
            particulars: Default::default(),
        },
        recipient: Some(LetterParty {
            name: Some(if zh {
                "招商银行信用卡中心".into()
            } else {
                "Acme Card Services".into()
            }),
            address: vec![],
        }),
        counterparty: None,
        account_last4: Some("1234".into()),
        transactions: vec![charge(3), charge(3)],
        amount_claimed_minor: None,
        earlier_steps: vec![],
        legal_basis: None,
        enclosures: vec!["statement.pdf".into()],
        notes: None,
        today: date(2026, 11, 27),
        details: Default::default(),
    }
}

pub struct RenderTiming {
    pub lang: &'static str,
    pub mean_ms: f64,
    pub p95_ms: f64,
}

/// Mean and p95 of `n` renders per language, after one warm-up render each.
pub fn measure(n: usize) -> Result<Vec<RenderTiming>> {
    let renderer = Renderer::new(&[])?;
    let mut out = Vec::new();
    for lang in ["en", "zh-CN"] {
        let letter = render(&request(lang), None).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        renderer.pdf(&letter, Paper::A4)?;
        let mut times = Vec::with_capacity(n);
        for i in 0..n {
            // Vary the text so no render is a pure cache hit, as when the user edits the letter.
            let mut edited = letter.clone();
            edited.body.push_str(&format!("\n\n{i}"));
            let t = Instant::now();
            std::hint::black_box(renderer.pdf(&edited, Paper::A4)?);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let (mean_ms, p95_ms) = mean_p95(times);
        out.push(RenderTiming {
            lang,
            mean_ms,
            p95_ms,
        });
    }
    Ok(out)
}
