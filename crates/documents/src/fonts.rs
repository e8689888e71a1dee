//! The fonts typst may use: the bundled OFL fonts first (so letters look the same everywhere and
//! Chinese renders with no CJK font installed), then fonts from the app's folders, then system
//! fonts as a last fallback for characters the bundled subsets lack.
//!
//! Scanning the system's fonts takes most of a second on a machine with many, and almost no
//! letter needs it, so it happens only the first time a letter holds a character that the
//! bundled and folder fonts do not cover.

use std::path::PathBuf;
use std::sync::OnceLock;

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

/// The font sets one renderer chooses from.
pub(crate) struct Fonts {
    /// Bundled fonts and those in the app's folders.
    local: FontStore,
    /// The same plus the system's, made on first need (`None` when system fonts are off).
    with_system: OnceLock<FontStore>,
    font_dirs: Vec<PathBuf>,
    system: bool,
}

impl Fonts {
    pub(crate) fn new(font_dirs: &[PathBuf], system: bool) -> Result<Fonts, DocumentError> {
        Ok(Fonts {
            local: load(font_dirs, false)?,
            with_system: OnceLock::new(),
            font_dirs: font_dirs.to_vec(),
            system,
        })
    }

    /// The fonts for a letter made of `chars`: the local set when it covers every character,
    /// otherwise (if allowed) the set with the system's fonts as fallback.
    pub(crate) fn for_chars(&self, chars: impl IntoIterator<Item = char>) -> &FontStore {
        if !self.system || covers(&self.local, chars) {
            return &self.local;
        }
        self.with_system.get_or_init(|| {
            // The bundled fonts already loaded once, so this cannot fail; keep an empty
            // fallback rather than a panic should it ever.
            load(&self.font_dirs, true).unwrap_or_default()
        })
    }
}

/// True when some font in `store` has a glyph for each character (spaces and controls aside).
fn covers(store: &FontStore, chars: impl IntoIterator<Item = char>) -> bool {
    let book = store.book();
    let infos: Vec<_> = (0..).map_while(|i| book.info(i)).collect();
    chars
        .into_iter()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .all(|c| infos.iter().any(|info| info.coverage.contains(c as u32)))
}

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
    fn system_fonts_are_loaded_only_for_characters_the_bundled_fonts_lack() {
        let fonts = Fonts::new(&[], true).unwrap();
        let local = fonts.for_chars("Dear Sir, ¥128.50 — 民事起诉状：“诉讼请求”".chars());
        assert!(std::ptr::eq(local, &fonts.local));
        assert!(fonts.with_system.get().is_none());
        // U+20000 (𠀀) is far outside GB2312: the system set is made and used.
        let wider = fonts.for_chars("𠀀".chars());
        assert!(!std::ptr::eq(wider, &fonts.local));
        assert!(fonts.with_system.get().is_some());

        let offline = Fonts::new(&[], false).unwrap();
        assert!(std::ptr::eq(
            offline.for_chars("𠀀".chars()),
            &offline.local
        ));
    }

    #[test]
    fn missing_font_folders_are_skipped() {
        let store = load(&[PathBuf::from("/no/such/folder")], false).expect("loads");
        assert_eq!(store.book().select_family("noto serif").count(), 2);
    }
}
