//! Disputes end to end through the app API on a temporary database: a statement imported,
//! a case opened on its double charge, the plan and deadlines, steps and answers, evidence,
//! letters in every jurisdiction × step × language, exports, refund detection.

use recourse_app::dto::Lang;
use recourse_app::dto_cases::{
    CaseDetailsInput, CaseEventKind, CaseStatus, ComplaintBody, ExportFormat, OpenCaseRequest,
    Paper, Sender,
};
use recourse_app::ErrorCode;
use recourse_app::{App, ImportRequest};
use recourse_core::disputes::{Instrument, Jurisdiction, Reason, Step};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const STATEMENT: &str = "Date,Description,Amount
2024-04-02,BLUE BOTTLE COFFEE,-5.25
2024-04-12,TST* PHILZ COFFEE,-4.38
2024-04-12,TST* PHILZ COFFEE,-4.38
2024-04-15,SAFEWAY #1234,-62.10
2024-04-20,PAYROLL ACME,2500.00
";

struct Fixture {
    dir: tempfile::TempDir,
    app: App,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(&dir.path().join("recourse.db")).unwrap();
        let mut f = Fixture { dir, app };
        f.import("chase.csv", STATEMENT);
        f.app
            .set_sender(&Sender {
                name: "Ann Example".into(),
                address: "1 Main St\n\nSpringfield, IL 62701".into(),
                email: "ann@example.com".into(),
                phone: String::new(),
                ..Default::default()
            })
            .unwrap();
        f
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn import(&mut self, name: &str, text: &str) -> i64 {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        let req = ImportRequest {
            account: Some("chase".into()),
            ..Default::default()
        };
        let reports = self
            .app
            .import_files(&[path], &req, &|_| {}, &AtomicBool::new(false))
            .unwrap();
        reports[0].batch_id.unwrap()
    }

    /// The ids of the two identical Philz charges.
    fn doubles(&self) -> Vec<i64> {
        let all = self.app.transactions(&Default::default()).unwrap();
        let ids: Vec<i64> = all
            .iter()
            .filter(|t| t.description.contains("PHILZ") && t.amount == "-4.38")
            .map(|t| t.id)
            .collect();
        assert_eq!(ids.len(), 2, "both identical charges imported");
        ids
    }

    fn open(&mut self, jurisdiction: Option<Jurisdiction>, statement_date: Option<&str>) -> i64 {
        let req = OpenCaseRequest {
            transaction_ids: self.doubles(),
            reason: Reason::DoubleCharge,
            jurisdiction,
            instrument: None,
            statement_date: statement_date.map(String::from),
            details: Default::default(),
        };
        self.app.open_case(&req).unwrap().id
    }
}

fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    // Lines may break anywhere a word wraps: compare with whitespace squeezed.
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_double_charge_case_has_its_transactions_plan_and_checklist() {
    let mut f = Fixture::new();
    let id = f.open(None, Some("2024-04-30"));
    let c = f.app.case(id).unwrap();
    assert_eq!(c.jurisdiction, Jurisdiction::Us, "default jurisdiction");
    assert_eq!(
        c.instrument,
        Instrument::CreditCard,
        "default instrument in the US"
    );
    assert_eq!(c.status, CaseStatus::Open);
    assert_eq!(c.transactions.len(), 2);
    assert!(
        c.transactions.iter().all(|t| t.source_file == "chase.csv"),
        "provenance kept"
    );
    assert_eq!(
        c.transactions
            .iter()
            .map(|t| t.source_line)
            .collect::<Vec<_>>(),
        vec![3, 4]
    );
    assert_eq!(c.amount, "4.38", "one of the two charges is asked back");
    assert_eq!(c.currency, c.transactions[0].currency);
    let bank = c.plan.steps.iter().find(|s| s.step == Step::Bank).unwrap();
    assert_eq!(
        bank.send_by.unwrap().to_string(),
        "2024-06-29",
        "Reg Z: statement date + 60 days"
    );
    assert!(!c.checklist.evidence.is_empty());
    assert_eq!(c.timeline[0].kind, CaseEventKind::Opened);

    let list = f.app.cases().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].id, list[0].status, list[0].amount.as_str()),
        (id, CaseStatus::Open, "4.38")
    );
    assert!(list[0].next_action.is_some());

    // Without a statement date the posting / transaction date stands in.
    let other = f.open(None, None);
    let c = f.app.case(other).unwrap();
    let bank = c.plan.steps.iter().find(|s| s.step == Step::Bank).unwrap();
    assert_eq!(bank.send_by.unwrap().to_string(), "2024-06-11");
}

#[test]
fn the_jurisdiction_defaults_from_settings_and_cn_wallets_are_payment_platforms() {
    let mut f = Fixture::new();
    f.import(
        "alipay.csv",
        "Date,Description,Amount\n2024-05-01,某某外卖,-30.00\n",
    );
    let wallet = f
        .app
        .transactions(&Default::default())
        .unwrap()
        .into_iter()
        .find(|t| t.source_file == "alipay.csv")
        .unwrap();
    let req = |ids| OpenCaseRequest {
        transaction_ids: ids,
        reason: Reason::NotReceived,
        jurisdiction: Some(Jurisdiction::Cn),
        instrument: None,
        statement_date: None,
        details: Default::default(),
    };
    // The account is "chase" but the file is an Alipay export.
    assert_eq!(
        f.app.open_case(&req(vec![wallet.id])).unwrap().instrument,
        Instrument::PaymentPlatform
    );
    assert_eq!(
        f.app.open_case(&req(f.doubles())).unwrap().instrument,
        Instrument::DebitCard
    );
}

#[test]
fn steps_answers_notes_and_closing_are_recorded() {
    let mut f = Fixture::new();
    let id = f.open(None, Some("2024-04-30"));
    let c = f
        .app
        .record_step_sent(id, Step::Merchant, "2024-05-01")
        .unwrap();
    assert_eq!(
        c.steps[0].answer_due.map(|d| d.to_string()).as_deref(),
        Some("2024-05-15"),
        "merchant: 14 days by convention"
    );
    let c = f
        .app
        .record_answer(
            id,
            Step::Merchant,
            "2024-05-10",
            "Refused: says both were orders",
        )
        .unwrap();
    assert_eq!(
        c.steps[0].answered_date.map(|d| d.to_string()).as_deref(),
        Some("2024-05-10")
    );
    let c = f
        .app
        .record_step_sent(id, Step::Bank, "2024-05-12")
        .unwrap();
    let bank = c.steps.iter().find(|s| s.step == Step::Bank).unwrap();
    assert_eq!(
        bank.answer_due.map(|d| d.to_string()).as_deref(),
        Some("2024-06-13"),
        "Reg Z: acknowledgment within 30 days of receipt (sent Sunday 12 May, taken as received Tuesday 14 May)"
    );
    let planned = c.plan.steps.iter().find(|s| s.step == Step::Bank).unwrap();
    assert_eq!(planned.final_answer_due.unwrap().to_string(), "2024-08-12");

    // Bad input is refused and changes nothing.
    assert_eq!(
        f.app
            .record_step_sent(id, Step::Court, "12/05/2024")
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
    assert_eq!(
        f.app
            .record_answer(id, Step::Bank, "2024-05-01", "x")
            .unwrap_err()
            .code,
        ErrorCode::Invalid,
        "answer before sending"
    );
    assert_eq!(f.app.case(id).unwrap().steps.len(), 2);

    let c = f
        .app
        .set_case_notes(id, "  Charged twice at the till.  ")
        .unwrap();
    assert_eq!(c.notes, "Charged twice at the till.");
    // By date: the letters were sent (in 2024) before the case was entered in the app today.
    let kinds: Vec<CaseEventKind> = c.timeline.iter().map(|e| e.kind).collect();
    use CaseEventKind::{Answered, Notes, Opened, Sent};
    assert_eq!(kinds, [Sent, Answered, Sent, Opened, Notes]);

    let c = f.app.close_case(id, "Gave up").unwrap();
    assert_eq!(
        (c.status, c.outcome.as_deref()),
        (CaseStatus::Closed, Some("Gave up"))
    );
    assert_eq!(
        f.app
            .record_step_sent(id, Step::Court, "2024-06-01")
            .unwrap_err()
            .code,
        ErrorCode::Invalid,
        "closed"
    );
    assert!(f.app.cases().unwrap()[0].next_action.is_none());
}

#[test]
fn opening_a_case_checks_its_transactions() {
    let mut f = Fixture::new();
    let req = |ids: Vec<i64>| OpenCaseRequest {
        transaction_ids: ids,
        reason: Reason::WrongAmount,
        jurisdiction: None,
        instrument: None,
        statement_date: None,
        details: Default::default(),
    };
    assert_eq!(
        f.app.open_case(&req(vec![])).unwrap_err().code,
        ErrorCode::Invalid
    );
    assert_eq!(
        f.app.open_case(&req(vec![9999])).unwrap_err().code,
        ErrorCode::NotFound
    );
    let payroll = f
        .app
        .transactions(&Default::default())
        .unwrap()
        .into_iter()
        .find(|t| t.amount_minor > 0)
        .unwrap();
    let err = f.app.open_case(&req(vec![payroll.id])).unwrap_err();
    assert!(err.message.contains("not a charge"), "{}", err.message);
    let mut bad_date = req(f.doubles());
    bad_date.statement_date = Some("30/04/2024".into());
    assert_eq!(
        f.app.open_case(&bad_date).unwrap_err().code,
        ErrorCode::Invalid
    );
    assert!(f.app.cases().unwrap().is_empty(), "nothing half-opened");
    assert_eq!(f.app.case(1).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn undoing_the_import_of_a_disputed_charge_is_refused_until_the_case_is_deleted() {
    let mut f = Fixture::new();
    let batch = f.app.batches().unwrap()[0].id;
    let id = f.open(None, None);
    let err = f.app.undo_batch(batch).unwrap_err();
    assert!(err.message.contains("dispute case"), "{}", err.message);
    assert_eq!(
        f.app.transactions(&Default::default()).unwrap().len(),
        5,
        "nothing removed"
    );
    f.app.delete_case(id).unwrap();
    assert_eq!(f.app.undo_batch(batch).unwrap(), 5);
}

#[test]
fn evidence_is_copied_into_the_data_folder_with_its_sha256_and_listed_as_an_enclosure() {
    let mut f = Fixture::new();
    let id = f.open(None, None);
    let receipt = f.path("receipt.txt");
    std::fs::write(&receipt, "PHILZ COFFEE receipt 4.38").unwrap();
    let c = f.app.add_evidence(id, &receipt, None).unwrap();
    assert_eq!(c.evidence.len(), 1);
    let e = &c.evidence[0];
    let stored = PathBuf::from(&e.stored_path);
    assert!(
        stored.starts_with(
            f.dir
                .path()
                .join("recourse.db-evidence")
                .join(id.to_string())
        ),
        "{}",
        e.stored_path
    );
    assert_eq!(
        std::fs::read(&stored).unwrap(),
        b"PHILZ COFFEE receipt 4.38"
    );
    assert_eq!(
        e.sha256,
        format!("{:x}", Sha256::digest(b"PHILZ COFFEE receipt 4.38"))
    );
    // The same content again is not a second copy; a different file of the same name is.
    assert_eq!(
        f.app
            .add_evidence(id, &receipt, None)
            .unwrap()
            .evidence
            .len(),
        1
    );
    std::fs::create_dir(f.path("other")).unwrap();
    std::fs::write(f.path("other/receipt.txt"), "second").unwrap();
    let c = f
        .app
        .add_evidence(id, &f.path("other/receipt.txt"), None)
        .unwrap();
    assert_eq!(c.evidence.len(), 2);
    assert_ne!(c.evidence[0].stored_path, c.evidence[1].stored_path);
    assert_eq!(
        f.app
            .add_evidence(id, &f.path("missing.png"), None)
            .unwrap_err()
            .code,
        ErrorCode::Io
    );

    let letter = f.app.letter(id, Step::Merchant, Lang::En).unwrap();
    assert!(
        // Listed by kind, never by file name (disputes-facts §9.5).
        letter.letter.enclosures == ["Document (1)", "Document (2)"]
            && !letter
                .letter
                .enclosures
                .iter()
                .any(|e| e.contains("receipt")),
        "{:?}",
        letter.letter.enclosures
    );
    // Review #15: the user's description is listed instead of the kind; clearing it brings the
    // kind back; another case's evidence cannot be described through this one.
    let second = c.evidence[1].id;
    let c = f
        .app
        .set_evidence_description(id, second, " Receipt of 12 April ")
        .unwrap();
    assert_eq!(
        c.evidence[1].description.as_deref(),
        Some("Receipt of 12 April")
    );
    let letter = f.app.letter(id, Step::Merchant, Lang::En).unwrap();
    assert_eq!(
        letter.letter.enclosures,
        ["Document", "Receipt of 12 April"]
    );
    let other = f.open(None, None);
    assert_eq!(
        f.app
            .set_evidence_description(other, second, "x")
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    f.app.set_evidence_description(id, second, "  ").unwrap();
    assert_eq!(
        f.app
            .letter(id, Step::Merchant, Lang::En)
            .unwrap()
            .letter
            .enclosures,
        ["Document (1)", "Document (2)"]
    );
    // Described when added; the same content added again takes the new description.
    std::fs::write(f.path("photo.jpg"), "jpeg bytes").unwrap();
    let c = f
        .app
        .add_evidence(id, &f.path("photo.jpg"), Some("Photo of the two receipts"))
        .unwrap();
    assert_eq!(
        c.evidence[2].description.as_deref(),
        Some("Photo of the two receipts")
    );
    let c = f
        .app
        .add_evidence(id, &f.path("photo.jpg"), Some("Photo of both receipts"))
        .unwrap();
    assert_eq!(c.evidence.len(), 3);
    assert_eq!(
        c.evidence[2].description.as_deref(),
        Some("Photo of both receipts")
    );
    f.app.delete_case(id).unwrap();
    assert!(!stored.exists(), "evidence copies go with the case");
}

#[test]
fn a_letter_renders_for_every_jurisdiction_step_and_language() {
    let mut f = Fixture::new();
    for j in Jurisdiction::ALL {
        let id = f.open(Some(j), None);
        f.app
            .record_step_sent(id, Step::Merchant, "2024-05-01")
            .unwrap();
        // The ombudsman takes a complaint once the firm's time to answer has run out.
        f.app
            .record_step_sent(id, Step::Bank, "2024-05-02")
            .unwrap();
        for step in Step::ALL {
            for lang in Lang::ALL {
                let v = f
                    .app
                    .letter(id, step, lang)
                    .unwrap_or_else(|e| panic!("{j:?}/{step:?}/{lang:?}: {e}"));
                let want = if lang == Lang::ZhCn && j == Jurisdiction::Cn {
                    "zh-CN"
                } else {
                    "en"
                };
                assert_eq!(v.letter.lang, want, "{j:?}/{step:?}/{lang:?}");
                assert!(!v.letter.body.trim().is_empty(), "{j:?}/{step:?}/{lang:?}");
                assert_eq!(v.letter.signature, "Ann Example");
                assert!(v.text.contains(&v.letter.body), "plain text holds the body");
                assert!(
                    v.text.contains("4.38"),
                    "{j:?}/{step:?}/{lang:?}: amount missing:\n{}",
                    v.text
                );
            }
        }
        // The bank letter mentions the earlier letter to the merchant.
        let bank = f.app.letter(id, Step::Bank, Lang::En).unwrap();
        assert!(bank.letter.body.contains("2024"), "{}", bank.letter.body);
    }
}

/// What the UI and the CLI's JSON send for a letter's language, format and paper, and that
/// nothing else is taken.
#[test]
fn letter_options_cross_the_boundary_in_their_wire_spellings() {
    fn wire<T: serde::de::DeserializeOwned>(s: &str) -> serde_json::Result<T> {
        serde_json::from_value(serde_json::Value::String(s.to_string()))
    }
    assert_eq!(wire::<Lang>("en").unwrap(), Lang::En);
    assert_eq!(wire::<Lang>("zh-CN").unwrap(), Lang::ZhCn);
    assert_eq!(serde_json::to_value(Lang::ZhCn).unwrap(), "zh-CN");
    for (s, want) in [
        ("pdf", ExportFormat::Pdf),
        ("docx", ExportFormat::Docx),
        ("txt", ExportFormat::Txt),
    ] {
        assert_eq!(wire::<ExportFormat>(s).unwrap(), want);
        assert_eq!(serde_json::to_value(want).unwrap(), s);
        assert_eq!(want.extension(), s);
    }
    assert_eq!(wire::<Paper>("a4").unwrap(), Paper::A4);
    assert_eq!(wire::<Paper>("letter").unwrap(), Paper::Letter);
    assert!(wire::<Lang>("fr").is_err());
    assert!(wire::<ExportFormat>("odt").is_err());
    assert!(wire::<Paper>("a5").is_err());
}

#[test]
fn exports_pdf_docx_and_text_with_the_amount_merchant_and_name() {
    let mut f = Fixture::new();
    let id = f.open(None, Some("2024-04-30"));
    let merchant = f.app.case(id).unwrap().merchant;
    let pdf = f.path("bank.pdf");
    f.app
        .export_letter(
            id,
            Step::Bank,
            Lang::En,
            ExportFormat::Pdf,
            Some(Paper::Letter),
            &pdf,
        )
        .unwrap();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    for want in ["4.38", merchant.as_str(), "Ann Example"] {
        assert!(text.contains(want), "PDF lacks {want:?}:\n{text}");
    }

    let docx = f.path("bank.docx");
    f.app
        .export_letter(id, Step::Bank, Lang::En, ExportFormat::Docx, None, &docx)
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for want in ["4.38", "Ann Example"] {
        assert!(xml.contains(want), "DOCX lacks {want:?}");
    }

    // The user's edited body is what later exports carry.
    f.app
        .save_letter_text(
            id,
            Step::Bank,
            "I was charged twice for one coffee. Please refund 4.38.",
        )
        .unwrap();
    let txt = f.path("bank.txt");
    f.app
        .export_letter(id, Step::Bank, Lang::En, ExportFormat::Txt, None, &txt)
        .unwrap();
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(
        text.contains("I was charged twice for one coffee."),
        "{text}"
    );
    assert!(text.contains("Ann Example"));
    assert!(f.app.letter(id, Step::Bank, Lang::En).unwrap().edited);
    f.app.save_letter_text(id, Step::Bank, "  ").unwrap();
    assert!(
        !f.app.letter(id, Step::Bank, Lang::En).unwrap().edited,
        "an empty edit goes back to the template"
    );

    assert_eq!(
        App::letter_file_name(id, Step::Bank, Lang::En, ExportFormat::Pdf),
        format!("case-{id}-bank-en.pdf")
    );
}

#[test]
fn a_us_court_letter_leaves_the_claim_to_a_worksheet_file_beside_it() {
    let mut f = Fixture::new();
    let id = f.open(None, Some("2024-04-30"));
    let sheet = f
        .app
        .letter(id, Step::Court, Lang::En)
        .unwrap()
        .worksheet
        .expect("a court step outside China has a claim worksheet");
    assert_eq!(sheet.kind, "worksheet");
    let pdf = f.path("court.pdf");
    let written = f
        .app
        .export_letter(id, Step::Court, Lang::En, ExportFormat::Pdf, None, &pdf)
        .unwrap();
    assert_eq!(written, [pdf.clone(), f.path("court-worksheet.pdf")]);
    let (letter, worksheet) = (pdf_text(&pdf), pdf_text(&written[1]));
    let claim = "Why the defendant owes it";
    assert!(sheet.body.contains(claim), "{}", sheet.body);
    assert!(worksheet.contains(claim), "{worksheet}");
    assert!(!letter.contains(claim), "{letter}");

    // China's court step is the 起诉状 itself: nothing is written beside it.
    let cn = f.open(Some(Jurisdiction::Cn), None);
    assert!(f
        .app
        .letter(cn, Step::Court, Lang::ZhCn)
        .unwrap()
        .worksheet
        .is_none());
}

#[test]
fn the_chinese_court_complaint_pdf_has_its_required_headings() {
    let mut f = Fixture::new();
    let id = f.open(Some(Jurisdiction::Cn), None);
    let pdf = f.path("court.pdf");
    f.app
        .export_letter(
            id,
            Step::Court,
            Lang::ZhCn,
            ExportFormat::Pdf,
            Some(Paper::A4),
            &pdf,
        )
        .unwrap();
    let text = pdf_text(&pdf);
    for want in ["民事起诉状", "诉讼请求", "Ann Example"] {
        assert!(text.contains(want), "PDF lacks {want:?}:\n{text}");
    }
}

#[test]
fn a_later_refund_at_the_merchant_is_offered_and_closes_the_case_as_refunded() {
    let mut f = Fixture::new();
    let id = f.open(None, None);
    assert!(f.app.case(id).unwrap().refund_candidate.is_none());
    // A credit of another amount, or at another merchant, is not the refund.
    f.import("may-1.csv", "Date,Description,Amount\n2024-05-03,TST* PHILZ COFFEE,1.00\n2024-05-03,SAFEWAY #1234,4.38\n2024-05-04,SAFEWAY #1234,-20.00\n");
    assert!(f.app.case(id).unwrap().refund_candidate.is_none());
    f.import("may-2.csv", "Date,Description,Amount\n2024-05-06,TST* PHILZ COFFEE,4.38\n2024-05-07,SAFEWAY #1234,-20.00\n");
    let c = f.app.case(id).unwrap();
    let refund = c.refund_candidate.expect("refund offered");
    assert_eq!(
        (refund.amount.as_str(), refund.date.to_string().as_str()),
        ("4.38", "2024-05-06")
    );
    assert_eq!(c.status, CaseStatus::RefundDetected);
    assert_eq!(f.app.cases().unwrap()[0].status, CaseStatus::RefundDetected);
    let c = f.app.close_case(id, "refunded").unwrap();
    assert_eq!(c.status, CaseStatus::Refunded);
    assert!(c.refund_candidate.is_none());
    assert_eq!(c.timeline.last().unwrap().kind, CaseEventKind::Refunded);
}

/// §9.4, review #20: the 起诉状's particulars are kept with the sender's details and printed
/// instead of the blanks once given; a wrong identity card number or birth date is refused and
/// nothing is saved.
#[test]
fn the_complaints_particulars_are_kept_with_the_sender_and_reach_the_court_complaint() {
    use recourse_app::dto_cases::Gender;
    let mut f = Fixture::new();
    let id = f.open(Some(Jurisdiction::Cn), None);
    let text = f.app.letter(id, Step::Court, Lang::ZhCn).unwrap().text;
    assert!(
        text.contains("性别：＿＿") && text.contains("公民身份号码：＿＿＿＿＿＿"),
        "{text}"
    );

    let mut p = f.app.sender().unwrap();
    p.gender = Some(Gender::Female);
    p.birth_date = " 1949-12-31 ".into();
    p.ethnicity = "汉".into();
    p.id_number = "11010519491231002x".into();
    p.occupation = "某某公司 会计".into();
    let saved = f.app.set_sender(&p).unwrap();
    assert_eq!(
        (saved.birth_date.as_str(), saved.id_number.as_str()),
        ("1949-12-31", "11010519491231002X")
    );
    assert_eq!(f.app.sender().unwrap(), saved);
    let text = f.app.letter(id, Step::Court, Lang::ZhCn).unwrap().text;
    for want in [
        "原告：Ann Example，性别：女，1949年12月31日出生，汉族，工作单位及职务（或职业）：某某公司 会计",
        "公民身份号码：11010519491231002X",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }

    for (birth, number, what) in [
        ("1949-13-01", "", "birth date"),
        ("", "110105194912310021", "check digit"),
        ("", "1101051949", "not one"),
    ] {
        let mut bad = saved.clone();
        bad.birth_date = birth.into();
        bad.id_number = number.into();
        let e = f.app.set_sender(&bad).unwrap_err();
        assert_eq!(e.code, ErrorCode::Invalid);
        assert!(e.message.contains(what), "{}", e.message);
    }
    assert_eq!(f.app.sender().unwrap(), saved, "nothing saved");
}

#[test]
fn the_sender_round_trips_trimmed() {
    let f = Fixture::new();
    let p = f.app.sender().unwrap();
    assert_eq!(p.name, "Ann Example");
    assert_eq!(p.address, "1 Main St\nSpringfield, IL 62701");
    assert_eq!(p.phone, "");
}

#[test]
fn an_eu_case_records_its_country_and_counts_its_public_holidays() {
    let mut f = Fixture::new();
    let req = |region: &str| OpenCaseRequest {
        transaction_ids: f.doubles(),
        reason: Reason::DoubleCharge,
        jurisdiction: Some(Jurisdiction::Eu),
        instrument: None,
        statement_date: None,
        details: recourse_app::dto_cases::CaseDetailsInput {
            region: Some(region.into()),
            ..Default::default()
        },
    };
    // A country whose holidays are not known is refused, naming the ones that are.
    let (pt, de) = (req("PT"), req("de"));
    let err = f.app.open_case(&pt).unwrap_err();
    assert_eq!(err.code, ErrorCode::Invalid);
    assert!(
        err.message.contains("'PT'") && err.message.contains("DE, FR"),
        "{}",
        err.message
    );
    let id = f.app.open_case(&de).unwrap().id;
    // Sent Monday 6 May 2024: the 15-business-day chargeback reminder skips Ascension (9 May)
    // and Whit Monday (20 May) in Germany → 29 May (TARGET days only: 27 May).
    let c = f
        .app
        .record_step_sent(id, Step::Bank, "2024-05-06")
        .unwrap();
    let bank = c.plan.steps.iter().find(|s| s.step == Step::Bank).unwrap();
    assert_eq!(bank.answer_due.unwrap().to_string(), "2024-05-29");
    assert!(bank.calendar.as_ref().unwrap().en.contains("Germany"));
}

/// Review #8: a US bank transfer records whether it was an ACH transfer or a wire; the case
/// keeps it, the plan and the bank letter name only that regime, and an unknown kind keeps
/// both. Another instrument or jurisdiction refuses a kind and stores nothing.
#[test]
fn a_us_bank_transfer_records_ach_or_wire_and_its_letter_follows() {
    use recourse_app::dto_cases::{CaseDetailsInput, TransferKind};
    let mut f = Fixture::new();
    let open = |f: &mut Fixture, j: Jurisdiction, i: Instrument, t: Option<TransferKind>| {
        let req = OpenCaseRequest {
            transaction_ids: f.doubles(),
            reason: Reason::NotAuthorised,
            jurisdiction: Some(j),
            instrument: Some(i),
            statement_date: Some("2024-04-30".into()),
            details: CaseDetailsInput {
                transfer: t,
                ..Default::default()
            },
        };
        f.app.open_case(&req)
    };
    let wire = open(
        &mut f,
        Jurisdiction::Us,
        Instrument::BankTransfer,
        Some(TransferKind::Wire),
    )
    .unwrap();
    assert_eq!(wire.details.transfer, Some(TransferKind::Wire));
    assert_eq!(
        f.app.case(wire.id).unwrap().details.transfer,
        Some(TransferKind::Wire)
    );
    let bank_plan = wire
        .plan
        .steps
        .iter()
        .find(|s| s.step == Step::Bank)
        .unwrap();
    assert!(bank_plan.basis.en.contains("4A") && !bank_plan.basis.en.contains("Reg E"));
    let letter = f
        .app
        .letter(wire.id, Step::Bank, Lang::En)
        .unwrap()
        .letter
        .body;
    assert!(
        letter.contains("This was a wire transfer") && !letter.contains("Regulation E"),
        "{letter}"
    );

    let ach = open(
        &mut f,
        Jurisdiction::Us,
        Instrument::BankTransfer,
        Some(TransferKind::Ach),
    )
    .unwrap();
    let letter = f
        .app
        .letter(ach.id, Step::Bank, Lang::En)
        .unwrap()
        .letter
        .body;
    assert!(
        letter.contains("This was an ACH") && !letter.contains("4A"),
        "{letter}"
    );

    let unknown = open(&mut f, Jurisdiction::Us, Instrument::BankTransfer, None).unwrap();
    assert_eq!(unknown.details.transfer, None);
    let letter = f
        .app
        .letter(unknown.id, Step::Bank, Lang::En)
        .unwrap()
        .letter
        .body;
    assert!(letter.contains("If this was an ACH") && letter.contains("wire transfer"));

    let before = f.app.cases().unwrap().len();
    for (j, i) in [
        (Jurisdiction::Us, Instrument::DebitCard),
        (Jurisdiction::Uk, Instrument::BankTransfer),
    ] {
        let e = open(&mut f, j, i, Some(TransferKind::Wire)).unwrap_err();
        assert_eq!(e.code, ErrorCode::Invalid);
        assert!(
            e.message.contains("only for a US bank transfer"),
            "{}",
            e.message
        );
    }
    assert_eq!(f.app.cases().unwrap().len(), before, "nothing stored");
}

/// China's complaint body is stored by its name and read back as the same enum, and the letter
/// to it is addressed to that body; a name that is not one is refused at the boundary.
#[test]
fn a_chinese_case_keeps_the_complaint_body_the_user_picked() {
    let mut f = Fixture::new();
    let req = OpenCaseRequest {
        transaction_ids: f.doubles(),
        reason: Reason::DoubleCharge,
        jurisdiction: Some(Jurisdiction::Cn),
        instrument: None,
        statement_date: None,
        details: CaseDetailsInput {
            complaint_body: Some(ComplaintBody::ConsumerAssociation),
            ..Default::default()
        },
    };
    let id = f.app.open_case(&req).unwrap().id;
    let view = f.app.case(id).unwrap();
    assert_eq!(
        view.details.complaint_body,
        Some(ComplaintBody::ConsumerAssociation)
    );
    let wire = serde_json::to_value(&view.details).unwrap();
    assert_eq!(wire["complaint_body"], "consumer_association");

    let body: CaseDetailsInput =
        serde_json::from_value(serde_json::json!({ "complaint_body": "12315" })).unwrap();
    assert_eq!(body.complaint_body, Some(ComplaintBody::Market12315));
    assert!(serde_json::from_value::<CaseDetailsInput>(
        serde_json::json!({ "complaint_body": "xiaoxie" })
    )
    .is_err());
}
