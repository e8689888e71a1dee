//! Any letter, however strange its text, lays out without error or panic in all three forms.

use std::sync::LazyLock;

use proptest::prelude::*;
use recourse_documents::{docx, text, Letter, Paper, Renderer};

static RENDERER: LazyLock<Renderer> =
    LazyLock::new(|| Renderer::without_system_fonts(&[]).expect("bundled fonts load"));

/// Text mixing letters, hanzi, markup characters, controls, newlines and the odd astral char.
fn messy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 ,.]{0,12}",
            "[一-龥，。：¥]{0,8}",
            "[#*_$<>@\\\\/=\\[\\]{}`~\"'-]{0,6}",
            Just("\n\n".to_string()),
            Just("\n".to_string()),
            Just("\r\n\t\u{0}\u{1b}\u{feff}\u{200b}".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn letter() -> impl Strategy<Value = Letter> {
    (
        prop_oneof![Just("en"), Just("zh-CN"), Just("xx")],
        prop_oneof![Just("letter"), Just("complaint"), Just("")],
        messy(),
        proptest::collection::vec(messy(), 0..4),
        messy(),
        proptest::collection::vec(messy(), 0..3),
    )
        .prop_map(|(lang, kind, title, lines, body, enclosures)| Letter {
            lang: lang.into(),
            kind: kind.into(),
            title: title.clone(),
            sender: lines.clone(),
            recipient: lines.iter().rev().cloned().collect(),
            date: title.chars().take(10).collect(),
            subject: title,
            body,
            enclosures,
            signature: lines.first().cloned().unwrap_or_default(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_letter_renders_in_every_form(letter in letter()) {
        let pdf = RENDERER.pdf(&letter, Paper::A4).unwrap();
        prop_assert!(pdf.starts_with(b"%PDF-"));
        let bytes = docx(&letter, Paper::Letter).unwrap();
        prop_assert!(bytes.starts_with(b"PK"));
        let plain = text(&letter);
        prop_assert!(plain.ends_with('\n'));
        prop_assert!(!plain.contains('\r'));
    }
}
