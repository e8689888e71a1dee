//! How a letter lists the user's evidence files: by what they are, never by their file name
//! (disputes-facts §9.5: a recipient cannot check "IMG_4471.HEIC"; review #15). What they are
//! is the user's own description when the case records one ("order confirmation email of 3
//! May"), else the kind read from the file's extension; a 起诉状 gives each item the source
//! (证据来源, 民事诉讼法 第124条) that kind implies, or a blank to fill in by hand when the kind
//! says nothing about who issued it.

use super::request::Enclosure;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Evidence {
    /// "Photograph or screenshot (2)", "照片或截图（2）".
    pub description: String,
    /// Who made or issued it ("原告拍摄或截取"); empty when the kind does not say.
    pub source: String,
}

/// (English, Chinese) description and (English, Chinese) source of a file of this kind.
fn kind(file_name: &str) -> ((&'static str, &'static str), (&'static str, &'static str)) {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" | "png" | "heic" | "heif" | "gif" | "webp" | "bmp" | "tif" | "tiff" => (
            ("Photograph or screenshot", "照片或截图"),
            ("taken by the plaintiff", "原告拍摄或截取"),
        ),
        "eml" | "msg" => (
            ("Email", "电子邮件"),
            ("the plaintiff's email account", "原告电子邮箱"),
        ),
        "csv" | "xlsx" | "xls" | "ofx" | "qfx" | "qif" | "xml" => (
            ("Account transaction record", "账户交易明细"),
            (
                "exported by the plaintiff from the account",
                "原告从其账户导出",
            ),
        ),
        "mp3" | "m4a" | "wav" | "amr" | "aac" => (
            ("Audio recording", "录音"),
            ("recorded by the plaintiff", "原告录制"),
        ),
        "mp4" | "mov" | "avi" | "3gp" => (
            ("Video recording", "视频"),
            ("recorded by the plaintiff", "原告录制"),
        ),
        "pdf" => (("Document (PDF copy)", "书面材料（PDF）"), ("", "")),
        _ => (("Document", "书面材料"), ("", "")),
    }
}

/// The evidence as a letter lists it, in its language: the user's description when given, else
/// the kind, items of the same undescribed kind numbered so that each can be told apart.
pub(crate) fn describe(files: &[Enclosure], zh: bool) -> Vec<Evidence> {
    let files: Vec<_> = files
        .iter()
        .filter(|f| !f.file_name.trim().is_empty())
        .map(|f| {
            let described = f
                .description
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty());
            (kind(f.file_name.trim()), described)
        })
        .collect();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    files
        .iter()
        .map(|&(((den, dzh), (sen, szh)), described)| {
            let source = if zh { szh } else { sen }.to_string();
            if let Some(d) = described {
                return Evidence {
                    description: d.to_string(),
                    source,
                };
            }
            let d = if zh { dzh } else { den };
            let total = files
                .iter()
                .filter(|(k, described)| k.0 == (den, dzh) && described.is_none())
                .count();
            let n = match seen.iter_mut().find(|(k, _)| *k == d) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((d, 1));
                    1
                }
            };
            let description = match (total > 1, zh) {
                (false, _) => d.to_string(),
                (true, true) => format!("{d}（{n}）"),
                (true, false) => format!("{d} ({n})"),
            };
            Evidence {
                description,
                source,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_listed_by_kind_never_by_name() {
        let files: Vec<Enclosure> = vec![
            "IMG_4471.HEIC".into(),
            "statement-2026-10.csv".into(),
            "IMG_4472.jpg".into(),
            "order.pdf".into(),
        ];
        let en = describe(&files, false);
        let names: Vec<&str> = en.iter().map(|e| e.description.as_str()).collect();
        assert_eq!(
            names,
            [
                "Photograph or screenshot (1)",
                "Account transaction record",
                "Photograph or screenshot (2)",
                "Document (PDF copy)"
            ]
        );
        let zh = describe(&files, true);
        assert_eq!(zh[0].description, "照片或截图（1）");
        assert_eq!(zh[0].source, "原告拍摄或截取");
        assert_eq!(zh[3].source, "");
        assert!(zh.iter().all(|e| !e.description.contains("IMG")));
    }

    #[test]
    fn a_description_is_listed_instead_of_the_kind_and_the_rest_are_numbered_apart() {
        let described = |f: &str, d: &str| Enclosure {
            file_name: f.into(),
            description: Some(d.into()),
        };
        let files = vec![
            described("IMG_4471.HEIC", " Photo of the cracked screen "),
            "IMG_4472.jpg".into(),
            described("order.pdf", "Order confirmation email of 3 May"),
            described("blank.png", "  "),
        ];
        let en = describe(&files, false);
        let names: Vec<&str> = en.iter().map(|e| e.description.as_str()).collect();
        assert_eq!(
            names,
            [
                "Photo of the cracked screen",
                "Photograph or screenshot (1)",
                "Order confirmation email of 3 May",
                "Photograph or screenshot (2)",
            ]
        );
        // The source still follows the file's kind (a 起诉状's 证据来源).
        let zh = describe(&files, true);
        assert_eq!(zh[0].description, "Photo of the cracked screen");
        assert_eq!(zh[0].source, "原告拍摄或截取");
    }
}
