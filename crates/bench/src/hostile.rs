//! Hostile inputs: files shaped to make an importer hungry (a line without an end, a field of
//! a hundred megabytes, a line of commas, nothing but newlines, a quote that never closes,
//! workbooks that unpack to far more than the file, OFX and CAMT files of a giant value, deep
//! nesting or millions of tiny entries; `recourse_testsupport::hostile` writes them). Each is
//! imported by the release CLI in a child process of its own; its peak memory is printed next
//! to the file's size and the limit ARCHITECTURE.md states: the file's size + 200 MB, whatever
//! the bytes.

use crate::child;
use crate::report::{Bar, Table};
use anyhow::Result;
use recourse_testsupport::hostile::CASES;
use std::path::{Path, PathBuf};

/// Room an import may take beyond the file's own size.
const HEADROOM_MB: f64 = 200.0;

/// Imports each hostile file of `mb` megabytes of filler and prints its peak memory.
pub fn run(table: &mut Table, cli: &Path, dir: &Path, mb: usize) -> Result<()> {
    let bytes = mb << 20;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for case in CASES {
        let path = dir.join(case.file);
        case.write(&path, bytes)?;
        files.push((case.name.to_string(), path));
    }
    for (name, path) in files {
        let db = dir.join("hostile.db");
        let _ = std::fs::remove_file(&db);
        let m = child::run_any(
            cli,
            &[
                "--db",
                &db.to_string_lossy(),
                "import",
                &path.to_string_lossy(),
                "--json",
            ],
        )?;
        table.import(&name, &path, &m, Bar::None, |size_mb| {
            Bar::AtMost(size_mb + HEADROOM_MB)
        })?;
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}
