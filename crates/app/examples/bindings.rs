//! Writes the generated TypeScript bindings to the path given (used by `make bindings`).
fn main() {
    let out = std::env::args().nth(1).expect("usage: bindings OUT.ts");
    std::fs::write(&out, recourse_app::bindings::typescript()).expect("cannot write bindings");
}
