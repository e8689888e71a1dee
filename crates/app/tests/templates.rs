//! The user's own letter templates through the app API on a real database in a temporary
//! folder: saved templates write the letters, broken ones are refused with their line and
//! nothing stored, reset goes back to the built-in wording, and the preview shows either.

use recourse_app::dto::Lang;
use recourse_app::dto_cases::{ExportFormat, OpenCaseRequest, Sender};
use recourse_app::templates::TemplateKind;
use recourse_app::ErrorCode;
use recourse_app::{App, ImportRequest};
use recourse_core::disputes::{Jurisdiction, Reason, Step};
use std::sync::atomic::AtomicBool;

const STATEMENT: &str = "Date,Description,Amount
2024-04-02,BLUE BOTTLE COFFEE,-5.25
2024-04-12,TST* PHILZ COFFEE,-4.38
2024-04-12,TST* PHILZ COFFEE,-4.38
";

struct Fixture {
    dir: tempfile::TempDir,
    app: App,
}

impl Fixture {
    /// A database with no case yet.
    fn empty() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::open(&dir.path().join("recourse.db")).unwrap();
        app.set_sender(&Sender {
            name: "Ann Example".into(),
            address: "1 Main St".into(),
            ..Default::default()
        })
        .unwrap();
        Fixture { dir, app }
    }

    /// A database with a US double-charge case (id returned) on the Philz charges.
    fn with_case() -> (Fixture, i64) {
        let mut f = Fixture::empty();
        let path = f.dir.path().join("chase.csv");
        std::fs::write(&path, STATEMENT).unwrap();
        let req = ImportRequest {
            account: Some("chase".into()),
            ..Default::default()
        };
        f.app
            .import_files(&[path], &req, &|_| {}, &AtomicBool::new(false))
            .unwrap();
        let ids = f
            .app
            .transactions(&Default::default())
            .unwrap()
            .into_iter()
            .filter(|t| t.description.contains("PHILZ"))
            .map(|t| t.id)
            .collect();
        let case = f
            .app
            .open_case(&OpenCaseRequest {
                transaction_ids: ids,
                reason: Reason::DoubleCharge,
                jurisdiction: Some(Jurisdiction::Us),
                instrument: None,
                statement_date: None,
                details: Default::default(),
            })
            .unwrap();
        (f, case.id)
    }
}

fn kind(j: Jurisdiction, step: Step, lang: Lang) -> TemplateKind {
    TemplateKind {
        jurisdiction: j,
        step,
        lang,
    }
}

const OWN: &str = "Subject: My own words — {{ merchant }}\n\
Dear {{ recipient.name }},\n\n\
You charged me {{ claimed }} too much on {{ first_date }}; my own sentence.\n";

#[test]
fn a_saved_template_writes_the_letters_from_then_on() {
    let (mut f, case) = Fixture::with_case();
    let bank = kind(Jurisdiction::Us, Step::Bank, Lang::En);
    let before = f.app.letter(case, Step::Bank, Lang::En).unwrap();
    assert!(!before.letter.body.contains("my own sentence"));

    let view = f.app.save_template(&bank, OWN).unwrap();
    assert!(view.custom);
    assert_eq!(view.source, OWN.trim());

    let after = f.app.letter(case, Step::Bank, Lang::En).unwrap();
    assert_eq!(after.letter.subject, "My own words — Philz Coffee");
    assert!(
        after
            .letter
            .body
            .contains("You charged me $4.38 too much on 12 April 2024; my own sentence."),
        "{}",
        after.letter.body
    );
    assert!(after.text.contains("my own sentence"));
    // A US letter asked for in Chinese is written in English: from the user's English template,
    // with English dates and amounts.
    let zh = f.app.letter(case, Step::Bank, Lang::ZhCn).unwrap().letter;
    assert_eq!(zh.lang, "en");
    assert!(
        zh.body
            .contains("You charged me $4.38 too much on 12 April 2024; my own sentence."),
        "{}",
        zh.body
    );
    // Other steps keep the built-in wording.
    assert!(!f
        .app
        .letter(case, Step::Merchant, Lang::En)
        .unwrap()
        .letter
        .body
        .contains("my own sentence"));

    // The exported text is written from it too.
    let out = f.dir.path().join("bank.txt");
    f.app
        .export_letter(case, Step::Bank, Lang::En, ExportFormat::Txt, None, &out)
        .unwrap();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("my own sentence"));

    // It survives reopening, and the choices mark it as the user's.
    drop(f.app);
    let app = App::open(&f.dir.path().join("recourse.db")).unwrap();
    let choices = app.template_choices().unwrap();
    assert_eq!(choices.len(), 20);
    let mine: Vec<_> = choices
        .iter()
        .filter(|c| c.custom)
        .map(|c| c.kind.clone())
        .collect();
    assert_eq!(mine, vec![bank]);
}

#[test]
fn a_template_that_does_not_render_is_refused_with_its_line_and_nothing_is_stored() {
    let (mut f, case) = Fixture::with_case();
    let merchant = kind(Jurisdiction::Us, Step::Merchant, Lang::En);
    let builtin_body = f
        .app
        .letter(case, Step::Merchant, Lang::En)
        .unwrap()
        .letter
        .body;

    // A misspelt field on line 2.
    let err = f
        .app
        .save_template(
            &merchant,
            "Subject: Refund\nI was charged {{ claimedd }} twice.\n",
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Template);
    assert!(
        err.message.contains("line 2") && err.message.contains("claimedd"),
        "{}",
        err.message
    );
    assert!(err.message.contains("not saved"), "{}", err.message);

    // A tag left open: a syntax error, also with its line.
    let err = f
        .app
        .save_template(
            &merchant,
            "Subject: Refund\n\n{% if notes %}\n{{ notes }}\n",
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Template);
    assert!(err.message.contains("line"), "{}", err.message);

    // A mistake on a line this case never reaches (it has no notes) is still caught: a later
    // case with notes would fail to get its letter.
    let err = f
        .app
        .save_template(
            &merchant,
            "Subject: Refund\n{{ claimed }}\n{% if notes %}\n{{ notez }}\n{% endif %}\n",
        )
        .unwrap_err();
    assert!(
        err.message.contains("line 4") && err.message.contains("notez"),
        "{}",
        err.message
    );

    // Nothing stored: the built-in template is still in use, the letter unchanged.
    let view = f.app.template(&merchant).unwrap();
    assert!(!view.custom);
    assert_eq!(view.source, view.builtin);
    assert!(f.app.template_choices().unwrap().iter().all(|c| !c.custom));
    assert_eq!(
        f.app
            .letter(case, Step::Merchant, Lang::En)
            .unwrap()
            .letter
            .body,
        builtin_body
    );

    // A good template saved, then a broken edit of it: the good one stays.
    f.app.save_template(&merchant, OWN).unwrap();
    f.app
        .save_template(&merchant, "Subject: x\n{{ oops }}")
        .unwrap_err();
    assert_eq!(f.app.template(&merchant).unwrap().source, OWN.trim());
}

#[test]
fn reset_goes_back_to_the_built_in_wording() {
    let (mut f, case) = Fixture::with_case();
    let merchant = kind(Jurisdiction::Us, Step::Merchant, Lang::En);
    let builtin_body = f
        .app
        .letter(case, Step::Merchant, Lang::En)
        .unwrap()
        .letter
        .body;
    f.app.save_template(&merchant, OWN).unwrap();
    assert!(f
        .app
        .letter(case, Step::Merchant, Lang::En)
        .unwrap()
        .letter
        .body
        .contains("my own sentence"));

    let view = f.app.reset_template(&merchant).unwrap();
    assert!(!view.custom);
    assert_eq!(view.source, view.builtin);
    assert_eq!(
        f.app
            .letter(case, Step::Merchant, Lang::En)
            .unwrap()
            .letter
            .body,
        builtin_body
    );
    // Resetting again is harmless.
    assert!(!f.app.reset_template(&merchant).unwrap().custom);
}

#[test]
fn saving_the_built_in_text_unchanged_keeps_the_built_in_template() {
    let (mut f, _) = Fixture::with_case();
    let merchant = kind(Jurisdiction::Us, Step::Merchant, Lang::En);
    let builtin = f.app.template(&merchant).unwrap().builtin;
    assert!(!f.app.save_template(&merchant, &builtin).unwrap().custom);
    let err = f.app.save_template(&merchant, "  \n").unwrap_err();
    assert_eq!(err.code, ErrorCode::Invalid);
}

#[test]
fn the_preview_uses_the_latest_case_and_shows_errors_with_their_line() {
    let (f, case) = Fixture::with_case();
    let merchant = kind(Jurisdiction::Us, Step::Merchant, Lang::En);
    let p = f.app.preview_template(&merchant, OWN).unwrap();
    assert_eq!(p.case_id, Some(case));
    assert_eq!(p.merchant, "Philz Coffee");
    assert!(p.error.is_none());
    let letter = p.letter.unwrap();
    assert_eq!(letter.subject, "My own words — Philz Coffee");
    assert!(
        p.text.unwrap().contains("Ann Example"),
        "the sender is the user's saved details"
    );

    let p = f
        .app
        .preview_template(&merchant, "Subject: x\n\nline two {{ claimedd }}")
        .unwrap();
    assert!(p.letter.is_none());
    let e = p.error.unwrap();
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("claimedd"), "{}", e.message);

    // No Chinese case yet: the Chinese preview is filled from a sample.
    let cn = kind(Jurisdiction::Cn, Step::Bank, Lang::ZhCn);
    let src = f.app.template(&cn).unwrap().source;
    let p = f.app.preview_template(&cn, &src).unwrap();
    assert_eq!(p.case_id, None);
    assert!(p.error.is_none(), "{:?}", p.error);
    assert!(p.letter.unwrap().body.contains("美团外卖"));
}

#[test]
fn the_merchant_preview_skips_a_newer_case_that_has_no_merchant_letter() {
    let (mut f, case) = Fixture::with_case();
    let other = f
        .app
        .transactions(&Default::default())
        .unwrap()
        .into_iter()
        .find(|t| !t.description.contains("PHILZ") && t.amount.starts_with('-'))
        .unwrap();
    let unauthorised = f
        .app
        .open_case(&OpenCaseRequest {
            transaction_ids: vec![other.id],
            reason: Reason::NotAuthorised,
            jurisdiction: Some(Jurisdiction::Us),
            instrument: None,
            statement_date: None,
            details: Default::default(),
        })
        .unwrap();
    assert!(unauthorised.id > case);
    // An unauthorised charge has no merchant letter: the preview takes the older case.
    let merchant = kind(Jurisdiction::Us, Step::Merchant, Lang::En);
    let p = f.app.preview_template(&merchant, OWN).unwrap();
    assert_eq!(p.case_id, Some(case));
    assert!(p.error.is_none(), "{:?}", p.error);
    // The bank letter exists for both: the newest case fills it.
    let bank = kind(Jurisdiction::Us, Step::Bank, Lang::En);
    let src = f.app.template(&bank).unwrap().source;
    let p = f.app.preview_template(&bank, &src).unwrap();
    assert_eq!(p.case_id, Some(unauthorised.id));
}

#[test]
fn only_kinds_with_a_built_in_template_are_offered_and_accepted() {
    let mut f = Fixture::empty();
    let choices = f.app.template_choices().unwrap();
    let zh: Vec<_> = choices
        .iter()
        .filter(|c| c.kind.lang == Lang::ZhCn)
        .map(|c| c.kind.jurisdiction)
        .collect();
    assert_eq!(zh, vec![Jurisdiction::Cn; 4]);
    assert_eq!(
        choices.iter().filter(|c| c.kind.lang == Lang::En).count(),
        16
    );

    let us_zh = kind(Jurisdiction::Us, Step::Merchant, Lang::ZhCn);
    assert_eq!(f.app.template(&us_zh).unwrap_err().code, ErrorCode::Invalid);
    assert_eq!(
        f.app.save_template(&us_zh, OWN).unwrap_err().code,
        ErrorCode::Invalid
    );
    assert_eq!(
        f.app.preview_template(&us_zh, OWN).unwrap_err().code,
        ErrorCode::Invalid
    );
    let huge = "x".repeat(200_000);
    let en = kind(Jurisdiction::Us, Step::Merchant, Lang::En);
    assert_eq!(
        f.app.save_template(&en, &huge).unwrap_err().code,
        ErrorCode::Invalid
    );
}

#[test]
fn a_broken_template_stored_earlier_is_reported_by_the_letter_with_its_line() {
    // Templates saved before they were checked, or broken by a later change of the fields,
    // must still give a readable error rather than a letter with holes.
    let (f, case) = Fixture::with_case();
    let db = f.dir.path().join("recourse.db");
    drop(f.app);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO settings(key, value) VALUES ('letter_template:us:merchant:en', ?1)",
        ["Subject: x\n{{ claimedd }}"],
    )
    .unwrap();
    drop(conn);
    let app = App::open(&db).unwrap();
    let err = app.letter(case, Step::Merchant, Lang::En).unwrap_err();
    assert_eq!(err.code, ErrorCode::Template);
    assert!(
        err.message.contains("your template") && err.message.contains("line 2"),
        "{}",
        err.message
    );
    // The editor shows it as the user's, so they can fix or reset it.
    assert!(
        app.template(&kind(Jurisdiction::Us, Step::Merchant, Lang::En))
            .unwrap()
            .custom
    );
}
