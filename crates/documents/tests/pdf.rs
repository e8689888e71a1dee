//! The PDF round trip: render, extract the text with poppler's `pdftotext`, and check that the
//! letter's facts, the Chinese and any markup-looking statement text survive. Page sizes are
//! read with `pdfinfo`. Rendering uses only the bundled fonts, as on a machine with none.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use common::samples;
use recourse_documents::{Letter, Paper, Renderer};

static RENDERER: LazyLock<Renderer> =
    LazyLock::new(|| Renderer::without_system_fonts(&[]).expect("bundled fonts load"));

/// Runs a poppler tool on the PDF (given on stdin via a temporary file).
fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("recourse-documents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Tests run in parallel and may render identical PDFs: every call gets its own file.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("{tool}-{:x}-{n}.pdf", fxhash(pdf)));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(pdf)
        .unwrap();
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed by this test: {e}"));
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fxhash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x100000001b3)
    })
}

/// The PDF's text with all whitespace removed: typst puts thin spaces between Chinese and
/// Latin and breaks lines where it likes, which says nothing about the content.
fn text_of(pdf: &[u8]) -> String {
    squash(&poppler("pdftotext", pdf, &["-enc", "UTF-8"]))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_contains_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(
            text.contains(&squash(w)),
            "missing {w:?} in PDF text:\n{text}"
        );
    }
}

/// "Page size: 595.276 x 841.89 pts (A4)" → (595, 842).
fn page_size(pdf: &[u8]) -> (i64, i64) {
    let info = poppler("pdfinfo", pdf, &[]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .expect("page size line");
    let nums: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (nums[0].round() as i64, nums[1].round() as i64)
}

fn pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", pdf, &[]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

#[test]
fn english_letter_on_both_papers() {
    for (paper, size) in [(Paper::A4, (595, 842)), (Paper::Letter, (612, 792))] {
        let pdf = RENDERER.pdf(&samples::english(), paper).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_size(&pdf), size, "{paper:?}");
        assert_eq!(pages(&pdf), 1);
        assert_contains_all(
            &text_of(&pdf),
            &[
                "Jane Doe",
                "42 Elm Street",
                "27 November 2026",
                "Acme Card Services",
                "Billing error notice — account ending 1234",
                "Dear Sir or Madam,",
                "$49.99",
                "Fair Credit Billing Act",
                "Yours faithfully,",
                "Enclosures:",
                "1. Statement dated 10 November 2026",
                "2. Receipt from NETFLIX.COM",
            ],
        );
    }
}

#[test]
fn chinese_letter_and_complaint_on_both_papers() {
    for (paper, size) in [(Paper::A4, (595, 842)), (Paper::Letter, (612, 792))] {
        let pdf = RENDERER.pdf(&samples::chinese(), paper).unwrap();
        assert_eq!(page_size(&pdf), size, "{paper:?}");
        assert_contains_all(
            &text_of(&pdf),
            &[
                "关于信用卡重复扣款的异议申请",
                "招商银行信用卡中心：",
                "尾号1234",
                "¥128.50",
                "《银行卡业务管理办法》",
                "此致",
                "敬礼！",
                "北京市朝阳区建国路88号",
                "2026年11月27日",
                "附件：",
                "美团订单截图",
            ],
        );

        let pdf = RENDERER.pdf(&samples::complaint(), paper).unwrap();
        assert_eq!(page_size(&pdf), size, "{paper:?}");
        let text = text_of(&pdf);
        assert_contains_all(
            &text,
            &[
                "民事起诉状",
                "原告：张伟",
                "被告：某某科技有限公司",
                "诉讼请求：",
                "一、判令被告返还重复扣款人民币¥128.50元；",
                "事实与理由：",
                "此致",
                "北京市朝阳区人民法院",
                "具状人：张伟",
                "2026年12月20日",
            ],
        );
        // The title comes first and the court closes the complaint.
        assert!(text.starts_with("民事起诉状"), "{text}");
        assert!(text.find("此致").unwrap() < text.find("北京市朝阳区人民法院").unwrap());
        // SPC 民事诉讼文书样式 (2016): 附：本起诉状副本×份 before 具状人.
        let att = text.find("附：").expect("附");
        assert!(text.find("北京市朝阳区人民法院").unwrap() < att, "{text}");
        assert!(att < text.find("具状人").unwrap(), "{text}");
    }
}

#[test]
fn markup_in_letter_text_prints_literally() {
    let nasty = [
        "#set text(fill: red)",
        "*bold*",
        "_under_",
        "$x^2$",
        "<label>",
        "@ref",
        "back\\slash",
        "// not a comment",
        "= not a heading",
        "#panic(\"boom\")",
        "`raw`",
        "[brackets]",
        "{braces}",
        "~tilde",
        "\"quotes\"",
    ];
    let mut letter = samples::english();
    letter.subject = "#set page(width: 1cm) *subject*".into();
    letter.sender[0] = "<Jane> @Doe".into();
    letter.body = format!(
        "Statement line: {}\n\n- item\n+ item\n/ term: x",
        nasty.join(" ")
    );
    letter.signature = "$Jane$".into();
    letter.enclosures = vec!["#include \"/data.json\"".into()];
    let pdf = RENDERER.pdf(&letter, Paper::A4).unwrap();
    assert_eq!(
        page_size(&pdf),
        (595, 842),
        "a #set page in the text must not resize the page"
    );
    let text = text_of(&pdf);
    let mut wanted: Vec<&str> = nasty.to_vec();
    wanted.extend([
        "#set page(width: 1cm) *subject*",
        "<Jane> @Doe",
        "- item",
        "+ item",
        "/ term: x",
        "$Jane$",
        "#include \"/data.json\"",
    ]);
    assert_contains_all(&text, &wanted);
}

#[test]
fn a_long_letter_runs_onto_numbered_pages() {
    let mut letter = samples::english();
    letter.body = (1..=40)
        .map(|i| format!("Paragraph {i}: the charge of $12.00 was taken twice on the same day."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let pdf = RENDERER.pdf(&letter, Paper::Letter).unwrap();
    let n = pages(&pdf);
    assert!(n >= 2, "{n} pages");
    let text = text_of(&pdf);
    assert_contains_all(
        &text,
        &[
            "Paragraph 1:",
            "Paragraph 40:",
            &format!("1/{n}"),
            &format!("{n}/{n}"),
        ],
    );
}

#[test]
fn a_one_page_letter_has_no_page_number() {
    let pdf = RENDERER.pdf(&samples::chinese(), Paper::A4).unwrap();
    assert!(!text_of(&pdf).contains("1/1"));
}

#[test]
fn empty_and_odd_letters_still_render() {
    let empty = Letter {
        lang: String::new(),
        kind: String::new(),
        title: String::new(),
        sender: vec![],
        recipient: vec![],
        date: String::new(),
        subject: String::new(),
        body: String::new(),
        enclosures: vec![],
        signature: String::new(),
    };
    let pdf = RENDERER.pdf(&empty, Paper::A4).unwrap();
    assert_eq!(pages(&pdf), 1);

    let mut odd = samples::chinese();
    // Control characters, a character outside the bundled fonts, a very long unbroken word.
    odd.body = format!("开头\u{0}\u{7}\u{1b}[31m 𠀀 🙂 {} 结尾", "9".repeat(400));
    odd.sender = vec!["".into(), "  ".into()];
    let text = text_of(&RENDERER.pdf(&odd, Paper::Letter).unwrap());
    assert_contains_all(&text, &["开头", "结尾"]);
}

#[test]
fn rendering_is_repeatable() {
    let a = RENDERER.pdf(&samples::complaint(), Paper::A4).unwrap();
    let b = RENDERER.pdf(&samples::complaint(), Paper::A4).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_renderer_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Renderer>();
    let texts: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = [samples::english(), samples::chinese()]
            .into_iter()
            .map(|l| s.spawn(move || text_of(&RENDERER.pdf(&l, Paper::A4).unwrap())))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(texts[0].contains("JaneDoe") && texts[1].contains("张伟"));
}

#[test]
fn the_default_renderer_falls_back_to_system_fonts() {
    let renderer = Renderer::new(&[std::path::PathBuf::from("/nonexistent-font-folder")]).unwrap();
    let pdf = renderer.pdf(&samples::chinese(), Paper::A4).unwrap();
    assert_contains_all(&text_of(&pdf), &["¥128.50", "敬礼！"]);

    // 龘 is outside GB2312 and the bundled subset: it can only come from a system font.
    let mut rare = samples::chinese();
    rare.body = "罕见字：龘。".into();
    let text = text_of(&renderer.pdf(&rare, Paper::A4).unwrap());
    assert_contains_all(&text, &["罕见字："]);
    if std::path::Path::new("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").exists() {
        assert_contains_all(&text, &["罕见字：龘。"]);
    }
}

/// The text of one page.
fn page_text(pdf: &[u8], page: usize) -> String {
    let p = page.to_string();
    squash(&poppler(
        "pdftotext",
        pdf,
        &["-enc", "UTF-8", "-f", &p, "-l", &p],
    ))
}

#[test]
fn a_complaint_never_leaves_its_signature_block_without_the_text_before_it() {
    // A complaint lengthened line by line until it runs over a page: at every length the page
    // that holds 具状人 and the date also holds the last line of the text before the closing
    // (the 起诉状 would otherwise end with a page carrying only 此致, the name and the date).
    let mut split_seen = 0;
    for n in 8..=34 {
        let mut c = samples::complaint();
        let facts: Vec<String> = (1..=n)
            .map(|i| format!("第{i}项：2026年11月{i}日，被告再次从原告账户扣款人民币128.50元，原告当日即致电客服要求退还。"))
            .collect();
        c.body = format!(
            "原告：张伟\n\n被告：某某科技有限公司\n\n事实与理由：\n{}\n为维护原告的合法权益，特向贵院提起诉讼，请依法判决。",
            facts.join("\n")
        );
        for paper in [Paper::A4, Paper::Letter] {
            let pdf = RENDERER.pdf(&c, paper).unwrap();
            let total = pages(&pdf);
            if total < 2 {
                continue;
            }
            split_seen += 1;
            let last = page_text(&pdf, total);
            assert!(
                last.contains("具状人"),
                "{n} lines: the signature is on the last page"
            );
            assert!(
                last.contains("请依法判决"),
                "{n} lines, {paper:?}: the signature block stands alone on page {total}:\n{last}"
            );
        }
    }
    assert!(split_seen > 10, "the lengths tried must run over a page");
}

/// The left edge (points) of the first word of the page that starts with `text`.
fn left_of(pdf: &[u8], text: &str) -> f64 {
    let bbox = poppler("pdftotext", pdf, &["-enc", "UTF-8", "-bbox"]);
    bbox.lines()
        .filter(|l| l.contains("<word "))
        .find_map(|l| {
            let word = l.split('>').nth(1)?.split('<').next()?;
            if !word.starts_with(text) {
                return None;
            }
            let x = l.split("xMin=\"").nth(1)?.split('"').next()?;
            x.parse().ok()
        })
        .unwrap_or_else(|| panic!("no word starting {text:?} in\n{bbox}"))
}

#[test]
fn a_chinese_letter_sets_salutation_and_closing_by_convention() {
    // 称呼 and 敬礼！ start at the margin; the body and 此致 are indented two characters.
    let mut letter = samples::chinese();
    letter.body = format!("某某数码：\n\n{}", letter.body);
    let pdf = RENDERER.pdf(&letter, Paper::A4).unwrap();
    let margin = left_of(&pdf, "敬礼！");
    assert!(
        (left_of(&pdf, "某某数码：") - margin).abs() < 0.5,
        "salutation at the margin"
    );
    let indent = left_of(&pdf, "此致") - margin;
    assert!(
        (indent - 24.0).abs() < 0.5,
        "此致 indented two 12pt characters: {indent}"
    );
    assert!(
        (left_of(&pdf, "本人持有") - margin - 24.0).abs() < 0.5,
        "body indented"
    );
    // The enclosures follow 敬礼！ and precede the signature block.
    let text = text_of(&pdf);
    let (close, att, sig) = (
        text.find("敬礼！").unwrap(),
        text.find("附件：").unwrap(),
        text.rfind("2026年11月27日").unwrap(),
    );
    assert!(close < att && att < sig, "{text}");
}
