//! The fonts typst may use: the bundled OFL fonts first (so letters look the same everywhere and
//! Chinese renders with no CJK font installed), then fonts from the app's folders, then system
//! fonts as a last fallback for characters the bundled subsets lack.

use std::path::PathBuf;

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

use crate::prepare::{CJK_FAMILY, LATIN_FAMILY};
use crate::DocumentError;

/// The bundled faces, made by `scripts/subset-cjk-font.sh` (licence: `fonts/OFL.txt`).
const BUNDLED: [(&str, &[u8]); 4] = [
    (
        "NotoSerif-Regular.ttf",
        include_bytes!("../fonts/NotoSerif-Regular.ttf"),
    ),
    (
        "NotoSerif-Bold.ttf",
        include_bytes!("../fonts/NotoSerif-Bold.ttf"),
    ),
    (
        "NotoSerifCJKsc-Regular.otf",
        include_bytes!("../fonts/NotoSerifCJKsc-Regular.otf"),
    ),
    (
        "NotoSerifCJKsc-Bold.otf",
        include_bytes!("../fonts/NotoSerifCJKsc-Bold.otf"),
    ),
];

/// Loads the bundled fonts, then `font_dirs` (missing folders are skipped: the bundled fonts
/// suffice), then the system's. Fonts of a bundled family found elsewhere are left out, so the
/// bundled face is the one chosen whatever the machine has installed.
pub(crate) fn load(font_dirs: &[PathBuf], system: bool) -> Result<FontStore, DocumentError> {
    let mut store = FontStore::new();
    for (name, data) in BUNDLED {
        let font =
            Font::new(Bytes::new(data), 0).ok_or(DocumentError::BundledFont(name.to_string()))?;
        let info = font.info().clone();
        store.push((font, info));
    }
    let is_bundled_family = |family: &str| {
        family.eq_ignore_ascii_case(LATIN_FAMILY) || family.eq_ignore_ascii_case(CJK_FAMILY)
    };
    for dir in font_dirs.iter().filter(|d| d.is_dir()) {
        store.extend(
            typst_kit::fonts::scan(dir).filter(|(_, info)| !is_bundled_family(&info.family)),
        );
    }
    if system {
        store.extend(
            typst_kit::fonts::system().filter(|(_, info)| !is_bundled_family(&info.family)),
        );
    }
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_load_with_the_families_the_layout_names() {
        let store = load(&[], false).expect("bundled fonts load");
        let book = store.book();
        assert!(book.contains_family(&LATIN_FAMILY.to_lowercase()));
        assert!(book.contains_family(&CJK_FAMILY.to_lowercase()));
        // Regular and bold of each family: typst does not fake bold.
        assert_eq!(book.select_family(&LATIN_FAMILY.to_lowercase()).count(), 2);
        assert_eq!(book.select_family(&CJK_FAMILY.to_lowercase()).count(), 2);
    }

    #[test]
    fn missing_font_folders_are_skipped() {
        let store = load(&[PathBuf::from("/no/such/folder")], false).expect("loads");
        assert_eq!(store.book().select_family("noto serif").count(), 2);
    }
}
