//! How a letter lists the user's evidence files: by what they are, never by their file name
//! (disputes-facts §9.5: a recipient cannot check "IMG_4471.HEIC"; review #15). The store keeps
//! no description, so the kind is read from the file's extension, and a 起诉状 gives each item
//! the source (证据来源, 民事诉讼法 第124条) that kind implies, or a blank to fill in by hand when
//! the kind says nothing about who issued it.

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

/// The evidence as a letter lists it, in its language; items of the same kind are numbered so
/// that each can be told apart.
pub(crate) fn describe(file_names: &[String], zh: bool) -> Vec<Evidence> {
    let kinds: Vec<_> = file_names
        .iter()
        .filter(|f| !f.trim().is_empty())
        .map(|f| kind(f.trim()))
        .collect();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    kinds
        .iter()
        .map(|&((den, dzh), (sen, szh))| {
            let d = if zh { dzh } else { den };
            let total = kinds.iter().filter(|k| k.0 == (den, dzh)).count();
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
                source: if zh { szh } else { sen }.to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_listed_by_kind_never_by_name() {
        let files = vec![
            "IMG_4471.HEIC".to_string(),
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
}
