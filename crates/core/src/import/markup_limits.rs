//! What a structured statement (OFX, CAMT) may hold. These files are read whole into their
//! statements, so their size in memory is bounded here rather than by streaming: a value, the
//! nesting of elements, and the number of transaction entries each have a limit well beyond
//! any bank's file, and a file past one is refused naming where (ARCHITECTURE.md, "An import's
//! memory is bounded by its file").

use super::error::ImportError;

/// Transaction entries in one file: about 130 bytes each in memory as rows, so at most ~130 MB.
pub const MAX_ENTRIES: u64 = 1_000_000;

/// The text of one value (a name, a memo, a remittance line); banks write at most a few hundred
/// characters.
pub const MAX_VALUE_BYTES: usize = 64 * 1024;

/// Elements open at once in a CAMT file (a real one nests about fifteen deep).
pub const MAX_DEPTH: usize = 100;

/// The error for entry number `entry` past [`MAX_ENTRIES`].
pub fn too_many_entries(format: &str, entry: u64) -> ImportError {
    ImportError::TooLarge {
        format: format.into(),
        detail: format!(
            "entry {entry} is past the {MAX_ENTRIES} transactions one file may hold (split the \
             download by date)"
        ),
    }
}

/// The error for a value of `field` longer than [`MAX_VALUE_BYTES`], in entry `entry` when
/// there is one.
pub fn value_too_long(format: &str, entry: Option<u64>, field: &str) -> ImportError {
    let place = entry.map_or_else(String::new, |e| format!("entry {e}: "));
    ImportError::TooLarge {
        format: format.into(),
        detail: format!("{place}{field} is longer than {MAX_VALUE_BYTES} bytes"),
    }
}
