//! Typed TypeScript wrappers of the desktop commands, generated from their Rust definitions.
//!
//! The generator reads `src-tauri/src/commands/`: `mod.rs`'s `generate_handler!` list names every
//! command the webview may call, and each `#[tauri::command]` function gives its name, its
//! arguments and its result. Each becomes one function of `ui/src/ipc/commands.ts` with the
//! argument names Tauri 2 expects (camelCase) and the TypeScript types of ts-rs, so a renamed
//! command or argument, or a changed type, fails `tsc` once the file is regenerated. Parameters
//! Tauri fills itself (`State`, `AppHandle`, `Window`…) are not the UI's to send. A type the
//! generator cannot name is an error, never `any`.
//!
//! `recourse-app`'s `bindings` example writes the file; its test fails when the file is stale.

mod emit;
mod read;
mod types;

pub use emit::typescript;
pub use read::read_commands;
pub use types::KnownTypes;

/// One command the UI may call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The command's name as Tauri registers it (the Rust function's name).
    pub name: String,
    /// Its doc comment, line by line.
    pub doc: Vec<String>,
    pub args: Vec<Arg>,
    /// The TypeScript type of a successful result (`void` for none); a Rust `Err` is thrown.
    pub result: String,
}

/// One argument the UI sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    /// The name in the call's arguments object, as Tauri expects it.
    pub name: String,
    pub ts_type: String,
}

/// Why the commands could not be generated: which file, which command, what was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// The whole `commands.ts` for the commands in `dir` (`src-tauri/src/commands`), importing the
/// types it uses from `bindings_module`.
pub fn generate(
    dir: &std::path::Path,
    known: &KnownTypes,
    bindings_module: &str,
) -> Result<String, Error> {
    let (commands, refs) = read_commands(dir, known)?;
    Ok(typescript(&commands, &refs, bindings_module))
}
