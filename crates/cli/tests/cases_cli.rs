//! The real `recourse` binary in a temporary folder: import → transactions → case open → case
//! show → step → letter, and errors as one `error: ` line with a non-zero exit.

mod common;

use common::{ok_json, recourse};
use std::path::Path;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = recourse(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs a command that must fail; returns its one stderr line.
fn fails(dir: &Path, args: &[&str]) -> String {
    let out = recourse(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert!(err.starts_with("error: "), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one line expected: {err}");
    err
}

/// Writes `csv` as `file`, imports it and returns its transactions' ids.
fn imported_ids(dir: &Path, file: &str, csv: &str) -> Vec<String> {
    std::fs::write(dir.join(file), csv).unwrap();
    ok(dir, &["import", file]);
    ok_json(dir, &["transactions", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap().to_string())
        .collect()
}

#[test]
fn import_open_a_case_show_it_and_write_its_letter() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("chase.csv"),
        "Date,Description,Amount\n2024-04-10,SAFEWAY #1234,-62.10\n2024-04-12,TST* PHILZ COFFEE,-4.38\n2024-04-12,TST* PHILZ COFFEE,-4.38\n",
    )
    .unwrap();
    ok_json(dir, &["import", "--json", "chase.csv"]);
    let txns = ok_json(dir, &["transactions", "--json"]);
    let ids: Vec<String> = txns
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["amount"] == "-4.38")
        .map(|t| t["id"].as_i64().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);

    ok(
        dir,
        &[
            "profile",
            "set",
            "--name",
            "Ann Example",
            "--address",
            "1 Main St",
            "--address",
            "Springfield",
        ],
    );
    // CLI.md spells it `profile`; `sender` is the command's name now, and both read the same.
    assert_eq!(
        ok_json(dir, &["profile", "show", "--json"])["address"],
        "1 Main St\nSpringfield"
    );
    assert_eq!(
        ok_json(dir, &["sender", "show", "--json"]),
        ok_json(dir, &["profile", "show", "--json"])
    );

    let opened = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &ids[0],
            "--transaction",
            &ids[1],
            "--reason",
            "double_charge",
            "--jurisdiction",
            "us",
            "--json",
        ],
    );
    let id = opened["id"].as_i64().unwrap().to_string();
    assert_eq!(opened["status"], "open");
    assert_eq!(opened["amount"], "4.38");

    let shown = ok_json(dir, &["case", "show", &id, "--json"]);
    assert_eq!(shown["transactions"].as_array().unwrap().len(), 2);
    assert_eq!(shown["transactions"][0]["source_file"], "chase.csv");
    let bank = shown["plan"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "bank")
        .unwrap()
        .clone();
    assert_eq!(
        bank["send_by"], "2024-06-11",
        "Reg Z 60 days from the transaction date"
    );
    assert!(shown["plan"]["next_action"]["what_en"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));

    let stepped = ok_json(
        dir,
        &[
            "case",
            "step",
            &id,
            "--step",
            "merchant",
            "--sent",
            "2024-05-01",
            "--json",
        ],
    );
    assert_eq!(stepped["steps"][0]["answer_due"], "2024-05-15");
    ok(
        dir,
        &[
            "case",
            "answer",
            &id,
            "--step",
            "merchant",
            "--date",
            "2024-05-08",
            "--outcome",
            "refused",
        ],
    );
    let human = ok(dir, &["case", "show", &id]);
    assert!(
        human.contains("merchant") && human.contains("2024-05-15") && human.contains("next:"),
        "{human}"
    );
    let list = ok_json(dir, &["case", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);

    ok(
        dir,
        &[
            "letter", &id, "--step", "bank", "--format", "pdf", "--out", "bank.pdf",
        ],
    );
    let pdf = std::fs::read(dir.join("bank.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    ok(
        dir,
        &[
            "letter", &id, "--step", "bank", "--format", "txt", "--paper", "a4", "--out",
            "bank.txt",
        ],
    );
    let text = std::fs::read_to_string(dir.join("bank.txt")).unwrap();
    assert!(
        text.contains("Ann Example") && text.contains("4.38"),
        "{text}"
    );
}

#[test]
fn chinese_letters_need_no_setup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("cmb.csv"),
        "Date,Description,Amount\n2024-04-12,某某商城,-128.00\n",
    )
    .unwrap();
    ok(dir, &["import", "cmb.csv"]);
    let id = ok_json(dir, &["transactions", "--json"])[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let case = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id,
            "--reason",
            "not_received",
            "--jurisdiction",
            "cn",
            "--json",
        ],
    );
    let case_id = case["id"].as_i64().unwrap().to_string();
    ok(
        dir,
        &[
            "letter",
            &case_id,
            "--step",
            "court",
            "--lang",
            "zh-CN",
            "--format",
            "pdf",
            "--out",
            "起诉状.pdf",
        ],
    );
    assert!(std::fs::read(dir.join("起诉状.pdf"))
        .unwrap()
        .starts_with(b"%PDF"));
}

#[test]
fn errors_exit_non_zero_with_one_error_line_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let err = fails(dir, &["case", "show", "42"]);
    assert!(err.contains("case 42"), "{err}");
    let err = fails(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            "7",
            "--reason",
            "double_charge",
        ],
    );
    assert!(err.contains("transaction 7"), "{err}");
    // An unknown value is refused by the argument parser, before anything is opened.
    let out = recourse(
        dir,
        &["case", "open", "--transaction", "7", "--reason", "bored"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    fails(
        dir,
        &[
            "letter", "1", "--step", "bank", "--format", "pdf", "--out", "x.pdf",
        ],
    );
    assert!(!dir.join("x.pdf").exists());
    assert_eq!(
        ok_json(dir, &["case", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn a_users_own_template_writes_the_letter_and_its_errors_name_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("card.csv"), "Date,Description,Amount\n2024-04-12,TST* PHILZ COFFEE,-4.38\n2024-04-12,TST* PHILZ COFFEE,-4.38\n").unwrap();
    ok_json(dir, &["import", "--json", "card.csv"]);
    let id = ok_json(dir, &["transactions", "--json"])[1]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id,
            "--reason",
            "double_charge",
            "--jurisdiction",
            "us",
            "--json",
        ],
    );
    let which = ["--jurisdiction", "us", "--step", "merchant", "--lang", "en"];

    // The built-in template is there to copy.
    let builtin = ok(dir, &[&["template", "show"][..], &which].concat());
    assert!(builtin.contains("{{"), "{builtin}");

    // A misspelt field: the template is refused with its line, nothing is stored.
    std::fs::write(
        dir.join("mine.j2"),
        "Subject: Refund please\nI was charged {{ amount_claimedd }} twice.\n",
    )
    .unwrap();
    let err = fails(
        dir,
        &[&["template", "set"][..], &which, &["mine.j2"]].concat(),
    );
    assert!(
        err.contains("your template") && err.contains("line 2"),
        "{err}"
    );
    assert_eq!(
        ok(dir, &[&["template", "show"][..], &which].concat()),
        builtin
    );

    // A good one is used, with the case's facts filled in; user text stays text.
    std::fs::write(dir.join("mine.j2"), "Subject: Refund please\nDear {{ recipient.name }}, my own words about {{ transactions[0].merchant }}.\n").unwrap();
    ok(
        dir,
        &[&["template", "set"][..], &which, &["mine.j2"]].concat(),
    );
    ok(
        dir,
        &[
            "letter", "1", "--step", "merchant", "--format", "txt", "--out", "mine.txt",
        ],
    );
    let text = std::fs::read_to_string(dir.join("mine.txt")).unwrap();
    assert!(text.contains("my own words about Philz Coffee"), "{text}");
    assert!(text.contains("Refund please"), "{text}");

    // Reset: the built-in wording is back.
    ok(dir, &[&["template", "reset"][..], &which].concat());
    ok(
        dir,
        &[
            "letter",
            "1",
            "--step",
            "merchant",
            "--format",
            "txt",
            "--out",
            "again.txt",
        ],
    );
    assert!(!std::fs::read_to_string(dir.join("again.txt"))
        .unwrap()
        .contains("my own words"));
}

#[test]
fn the_instrument_and_case_facts_decide_the_steps_and_the_notice_is_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("icbc.csv"),
        "Date,Description,Amount\n2026-11-20,网上支付 未知商户,-3888.00\n2026-11-21,某某商城,-128.00\n",
    )
    .unwrap();
    ok(dir, &["import", "icbc.csv"]);
    let txns = ok_json(dir, &["transactions", "--json"]);
    let id_of = |desc: &str| {
        txns.as_array()
            .unwrap()
            .iter()
            .find(|t| t["description"].as_str().unwrap().contains(desc))
            .unwrap()["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    // A transfer for goods that never came: the bank has no part (disputes-facts §9.1, §9.4).
    let transfer = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id_of("某某商城"),
            "--reason",
            "not_received",
            "--jurisdiction",
            "cn",
            "--instrument",
            "bank_transfer",
            "--json",
        ],
    );
    assert_eq!(transfer["instrument"], "bank_transfer");
    let bank = &transfer["plan"]["steps"][1];
    assert_eq!(bank["step"], "bank");
    assert!(bank["unavailable"]["zh"]
        .as_str()
        .unwrap()
        .contains("银行转账"));
    let tid = transfer["id"].as_i64().unwrap().to_string();
    let err = fails(
        dir,
        &[
            "letter", &tid, "--step", "bank", "--format", "txt", "--out", "x.txt",
        ],
    );
    assert!(err.contains("bank transfer"), "{err}");
    // 盗刷 on a debit card: the facts the case records, and only those, reach the 起诉状.
    let fraud = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id_of("未知商户"),
            "--reason",
            "not_authorised",
            "--jurisdiction",
            "cn",
            "--instrument",
            "debit_card",
            "--bank",
            "中国示例银行",
            "--reported-on",
            "2026-11-21",
            "--police-report",
            "沪公(2026)123号",
            "--json",
        ],
    );
    assert_eq!(fraud["details"]["police_report"], "沪公(2026)123号");
    let fid = fraud["id"].as_i64().unwrap().to_string();
    ok(
        dir,
        &[
            "letter", &fid, "--step", "court", "--lang", "zh-CN", "--format", "txt", "--out",
            "qsz.txt",
        ],
    );
    let text = std::fs::read_to_string(dir.join("qsz.txt")).unwrap();
    for want in [
        "案由：银行卡纠纷",
        "被告：中国示例银行",
        "2026年11月21日向被告报告并挂失",
        "沪公(2026)123号",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    // The notice, in both languages, wherever the plan is shown (disputes-facts §9.5).
    let shown = ok(dir, &["case", "show", &fid]);
    assert!(
        shown.contains("not legal advice") && shown.contains("不是法律意见"),
        "{shown}"
    );
    let out = recourse(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id_of("某某商城"),
            "--reason",
            "not_received",
            "--instrument",
            "cheque",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bank_transfer"));
}

/// Review #8: `case open --transfer ach|wire|unknown` records a US bank transfer's kind, and
/// the bank letter then names only its regime; any other value is refused before anything is
/// stored.
#[test]
fn case_open_records_an_ach_or_wire_transfer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = imported_ids(
        dir,
        "chase.csv",
        "Date,Description,Amount\n2026-11-20,WIRE OUT REF 0042,-2500.00\n",
    )
    .remove(0);
    let open = |transfer: &str| {
        ok_json(
            dir,
            &[
                "case",
                "open",
                "--transaction",
                &id,
                "--reason",
                "not_authorised",
                "--jurisdiction",
                "us",
                "--instrument",
                "bank_transfer",
                "--transfer",
                transfer,
                "--json",
            ],
        )
    };
    for (kind, json, must, must_not) in [
        ("wire", "wire", "This was a wire transfer", "Regulation E"),
        ("ach", "ach", "This was an ACH", "4A"),
        ("unknown", "", "If this was an ACH", "This was"),
    ] {
        let case = open(kind);
        if json.is_empty() {
            assert!(case["details"]["transfer"].is_null());
        } else {
            assert_eq!(case["details"]["transfer"], json);
        }
        let cid = case["id"].as_i64().unwrap().to_string();
        let shown = ok(dir, &["case", "show", &cid]);
        assert_eq!(
            shown.contains(&format!("transfer: {kind}")),
            !json.is_empty(),
            "{shown}"
        );
        let out = format!("{kind}.txt");
        ok(
            dir,
            &[
                "letter", &cid, "--step", "bank", "--format", "txt", "--out", &out,
            ],
        );
        let text = std::fs::read_to_string(dir.join(&out)).unwrap();
        assert!(text.contains(must), "{kind}: missing {must}:\n{text}");
        assert!(
            !text.contains(must_not),
            "{kind}: must not say {must_not}:\n{text}"
        );
    }
    let out = recourse(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id,
            "--reason",
            "not_authorised",
            "--instrument",
            "bank_transfer",
            "--transfer",
            "cheque",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ach, wire or unknown"));
    let err = fails(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &id,
            "--reason",
            "not_authorised",
            "--jurisdiction",
            "us",
            "--instrument",
            "debit_card",
            "--transfer",
            "wire",
        ],
    );
    assert!(err.contains("only for a US bank transfer"), "{err}");
    assert_eq!(
        ok_json(dir, &["case", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

/// Review #15: `case evidence --description` says what each file is, and the letter lists that,
/// never the file's name; descriptions that do not pair with the files are refused.
#[test]
fn evidence_descriptions_from_the_cli_reach_the_letter() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("IMG_4471.jpg"), "jpeg").unwrap();
    std::fs::write(dir.join("mail.eml"), "From: shop").unwrap();
    let ids = imported_ids(
        dir,
        "chase.csv",
        "Date,Description,Amount\n2026-11-20,ACME STORE,-25.00\n2026-11-20,ACME STORE,-25.00\n",
    );
    let case = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &ids[0],
            "--transaction",
            &ids[1],
            "--reason",
            "double_charge",
            "--json",
        ],
    );
    let cid = case["id"].as_i64().unwrap().to_string();
    let err = fails(
        dir,
        &[
            "case",
            "evidence",
            &cid,
            "IMG_4471.jpg",
            "mail.eml",
            "--description",
            "one only",
        ],
    );
    assert!(err.contains("one --description per file"), "{err}");
    let view = ok_json(
        dir,
        &[
            "case",
            "evidence",
            &cid,
            "IMG_4471.jpg",
            "mail.eml",
            "--description",
            "Photo of the till receipt",
            "--description",
            "Order confirmation email of 20 November",
            "--json",
        ],
    );
    assert_eq!(
        view["evidence"][0]["description"],
        "Photo of the till receipt"
    );
    ok(
        dir,
        &[
            "letter", &cid, "--step", "merchant", "--format", "txt", "--out", "m.txt",
        ],
    );
    let text = std::fs::read_to_string(dir.join("m.txt")).unwrap();
    for want in [
        "Photo of the till receipt",
        "Order confirmation email of 20 November",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    assert!(
        !text.contains("IMG_4471") && !text.contains("mail.eml"),
        "{text}"
    );
}

/// §9.4: `sender set` keeps the 起诉状's particulars with the sender's details, and the Chinese
/// court complaint prints them instead of blanks; a wrong identity card number is refused.
#[test]
fn the_complaints_particulars_are_set_from_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ids = imported_ids(
        dir,
        "icbc.csv",
        "Date,Description,Amount\n2026-11-20,某某商城,-128.00\n2026-11-20,某某商城,-128.00\n",
    );
    ok(
        dir,
        &[
            "profile",
            "set",
            "--name",
            "张三",
            "--address",
            "北京市朝阳区建国路1号",
        ],
    );
    let err = fails(dir, &["sender", "set", "--id-number", "110105194912310021"]);
    assert!(err.contains("check digit"), "{err}");
    ok(
        dir,
        &[
            "sender",
            "set",
            "--gender",
            "male",
            "--birth-date",
            "1949-12-31",
            "--ethnicity",
            "汉",
            "--id-number",
            "11010519491231002X",
            "--occupation",
            "自由职业",
        ],
    );
    let shown = ok_json(dir, &["profile", "show", "--json"]);
    assert_eq!(shown["gender"], "male");
    assert_eq!(shown["name"], "张三", "fields not given keep their value");
    let case = ok_json(
        dir,
        &[
            "case",
            "open",
            "--transaction",
            &ids[0],
            "--transaction",
            &ids[1],
            "--reason",
            "double_charge",
            "--jurisdiction",
            "cn",
            "--json",
        ],
    );
    let cid = case["id"].as_i64().unwrap().to_string();
    ok(
        dir,
        &[
            "letter", &cid, "--step", "court", "--lang", "zh-CN", "--format", "txt", "--out",
            "qsz.txt",
        ],
    );
    let text = std::fs::read_to_string(dir.join("qsz.txt")).unwrap();
    assert!(
        text.contains("原告：张三，性别：男，1949年12月31日出生，汉族，工作单位及职务（或职业）：自由职业，住北京市朝阳区建国路1号。公民身份号码：11010519491231002X。"),
        "{text}"
    );
}
