//! PDF through the typst compiler used as a library. A tiny [`World`] serves exactly two files —
//! the layout template (`/main.typ`) and the prepared letter as JSON (`/data.json`) — plus the
//! fonts. It has no clock, no file system and no packages.

use std::path::PathBuf;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use crate::fonts::Fonts;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use recourse_core::letters::Letter;

use crate::prepare::Prepared;
use crate::{DocumentError, Paper};

/// The layout, compiled into the binary so the CLI and the app need no resource files.
const TEMPLATE: &str = include_str!("../templates/letter.typ");

/// How many compilations a cached typst result may go unused before it is dropped: keeps
/// memory flat in a long-running app without losing the warm cache between renders.
const CACHE_MAX_AGE: usize = 16;

/// Renders letters to PDF. Fonts are loaded and the template parsed once; one `Renderer` can
/// serve many threads (`Send + Sync`).
pub struct Renderer {
    library: LazyHash<Library>,
    fonts: Fonts,
    main_id: FileId,
    data_id: FileId,
    main: Source,
}

impl Renderer {
    /// Loads the bundled fonts, fonts in `font_dirs` and the system fonts (a fallback for
    /// characters the bundled fonts lack).
    pub fn new(font_dirs: &[PathBuf]) -> Result<Renderer, DocumentError> {
        Self::with_fonts(font_dirs, true)
    }

    /// As [`Renderer::new`], but only the bundled fonts and `font_dirs`: output that does not
    /// depend on the machine (used by tests).
    pub fn without_system_fonts(font_dirs: &[PathBuf]) -> Result<Renderer, DocumentError> {
        Self::with_fonts(font_dirs, false)
    }

    fn with_fonts(font_dirs: &[PathBuf], system: bool) -> Result<Renderer, DocumentError> {
        let main_id = file_id("/main.typ")?;
        let data_id = file_id("/data.json")?;
        Ok(Renderer {
            library: LazyHash::new(Library::default()),
            fonts: Fonts::new(font_dirs, system)?,
            main_id,
            data_id,
            main: Source::new(main_id, TEMPLATE.to_string()),
        })
    }

    /// Lays the letter out on `paper` and returns the PDF bytes.
    pub fn pdf(&self, letter: &Letter, paper: Paper) -> Result<Vec<u8>, DocumentError> {
        // typst is not expected to panic, but a bug in a compiler this size must cost the user
        // one export, not the app. Nothing shared is left half-updated: the font store and the
        // typst caches are only ever filled with finished values.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.render(letter, paper)))
            .unwrap_or_else(|_| Err(DocumentError::Layout("the layout engine failed".into())))
    }

    fn render(&self, letter: &Letter, paper: Paper) -> Result<Vec<u8>, DocumentError> {
        let prepared = Prepared::new(letter, paper);
        let data = serde_json::to_vec(&prepared)?;
        let world = LetterWorld {
            renderer: self,
            fonts: self.fonts.for_chars(prepared.chars()),
            data: Bytes::new(data),
        };
        let compiled = typst::compile::<PagedDocument>(&world);
        typst::comemo::evict(CACHE_MAX_AGE);
        refuse_font_warnings(&compiled.warnings)?;
        let document = compiled
            .output
            .map_err(|errors| DocumentError::Layout(describe(&errors)))?;
        let options = PdfOptions {
            creator: Smart::Custom(Some("Recourse".to_string())),
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options).map_err(|errors| DocumentError::Pdf(describe(&errors)))
    }
}

/// A missing family would silently change the look (or lose the Chinese): typst only warns
/// about it, we refuse it.
fn refuse_font_warnings(warnings: &[SourceDiagnostic]) -> Result<(), DocumentError> {
    match warnings
        .iter()
        .find(|w| w.message.contains("unknown font family"))
    {
        Some(warning) => Err(DocumentError::MissingFont(warning.message.to_string())),
        None => Ok(()),
    }
}

fn file_id(path: &str) -> Result<FileId, DocumentError> {
    let vpath =
        VirtualPath::new(path).map_err(|e| DocumentError::Layout(format!("{path}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// Joins typst's error messages into one line for the user and the log.
fn describe(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The world of one render: the shared fonts and template, and this letter's data.
struct LetterWorld<'a> {
    renderer: &'a Renderer,
    fonts: &'a FontStore,
    data: Bytes,
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.renderer.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.renderer.main_id {
            Ok(self.renderer.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.renderer.data_id {
            Ok(self.data.clone())
        } else if id == self.renderer.main_id {
            Ok(Bytes::from_string(TEMPLATE))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// No clock: the letter carries its own date, and the template never asks for today's.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::syntax::Span;

    #[test]
    fn an_unknown_font_family_warning_is_an_error() {
        let other = SourceDiagnostic::warning(
            Span::detached(),
            "block may not occur inside of a paragraph",
        );
        assert!(refuse_font_warnings(std::slice::from_ref(&other)).is_ok());
        let font = SourceDiagnostic::warning(Span::detached(), "unknown font family: noto serif");
        assert!(matches!(
            refuse_font_warnings(&[other, font]),
            Err(DocumentError::MissingFont(m)) if m.contains("noto serif")
        ));
    }

    #[test]
    fn the_world_serves_only_the_template_and_the_data() {
        let renderer = Renderer::without_system_fonts(&[]).unwrap();
        let world = LetterWorld {
            renderer: &renderer,
            fonts: renderer.fonts.for_chars("".chars()),
            data: Bytes::from_string("{}"),
        };
        assert!(world.source(world.main()).is_ok());
        assert!(world.file(renderer.data_id).is_ok());
        let other = file_id("/etc/passwd").unwrap();
        assert!(world.file(other).is_err());
        assert!(world.source(other).is_err());
        assert!(world.today(None).is_none());
    }
}
