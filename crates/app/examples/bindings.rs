//! Writes the generated TypeScript bindings to the path given, and the typed command wrappers
//! (`commands.ts`) beside them (used by `make bindings`).
use std::path::Path;

fn main() {
    let out = std::env::args().nth(1).expect("usage: bindings OUT.ts");
    std::fs::write(&out, recourse_app::bindings::typescript()).expect("cannot write bindings");
    let commands = recourse_ipcgen::generate(
        Path::new(recourse_app::bindings::COMMANDS_DIR),
        &recourse_ipcgen::KnownTypes::new(recourse_app::bindings::exported_names()),
        "./bindings",
    )
    .unwrap_or_else(|e| panic!("cannot generate the command wrappers: {e}"));
    let dir = Path::new(&out).parent().unwrap_or(Path::new("."));
    std::fs::write(dir.join("commands.ts"), commands).expect("cannot write commands.ts");
}
