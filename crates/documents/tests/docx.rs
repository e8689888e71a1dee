//! The DOCX: unzip it and check the text, the East Asian font and the page size.

mod common;

use std::io::{Cursor, Read};

use common::samples;
use recourse_documents::{docx, Letter, Paper};

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a DOCX is a zip");
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the DOCX"));
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    xml
}

/// The text of all `<w:t>` elements, concatenated (still XML-escaped).
fn texts(xml: &str) -> String {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|s| {
            s.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</w:t>"))
        })
        .map(|(t, _)| t)
        .collect()
}

fn document(letter: &Letter, paper: Paper) -> String {
    part(&docx(letter, paper).unwrap(), "word/document.xml")
}

#[test]
fn chinese_complaint_names_an_east_asian_font_and_keeps_its_text() {
    let xml = document(&samples::complaint(), Paper::A4);
    assert!(xml.contains(r#"w:eastAsia="SimSun""#), "{xml}");
    let text = texts(&xml);
    for want in [
        "民事起诉状",
        "诉讼请求：",
        "¥128.50",
        "此致",
        "北京市朝阳区人民法院",
        "具状人：张伟",
        "附：",
    ] {
        assert!(text.contains(want), "missing {want} in {text}");
    }
    assert!(text.find("民事起诉状").unwrap() < text.find("诉讼请求").unwrap());
    // The title is bold and large (18 pt = 36 half-points) on its run, not only the paragraph mark.
    let title_run = xml
        .split("<w:r>")
        .find(|r| r.contains("民事起诉状"))
        .unwrap();
    assert!(
        title_run.contains("<w:b />") && title_run.contains(r#"<w:sz w:val="36" />"#),
        "{title_run}"
    );
}

#[test]
fn page_size_follows_the_paper() {
    for (paper, w, h) in [(Paper::A4, 11906, 16838), (Paper::Letter, 12240, 15840)] {
        let xml = document(&samples::english(), paper);
        assert!(
            xml.contains(&format!(r#"<w:pgSz w:w="{w}" w:h="{h}""#)),
            "{paper:?}: {xml}"
        );
    }
}

#[test]
fn english_letter_has_its_parts_in_order() {
    let text = texts(&document(&samples::english(), Paper::Letter));
    let order = [
        "Jane Doe",
        "27 November 2026",
        "Acme Card Services",
        "Billing error notice",
        "Dear Sir or Madam,",
        "$49.99",
        "Yours faithfully,",
        "Enclosures:",
        "1. Statement dated 10 November 2026",
    ];
    let mut at = 0;
    for want in order {
        let found = text[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want} after byte {at} in {text}"));
        at += found + want.len();
    }
}

#[test]
fn markup_and_xml_characters_are_escaped() {
    let mut letter = samples::english();
    letter.body = "Ref <b>&amp; \"x\" #set *y* $z$ \u{1}".into();
    let bytes = docx(&letter, Paper::A4).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(
        xml.contains("Ref &lt;b&gt;&amp;amp; &quot;x&quot; #set *y* $z$"),
        "{xml}"
    );
    assert!(
        !xml.contains('\u{1}'),
        "control characters are invalid in XML"
    );
}
