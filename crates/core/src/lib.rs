//! The Recourse domain, pure.
//!
//! Invariant: this crate does no I/O. It reads no files, opens no database, and never asks the
//! clock: bytes and dates come in as arguments, values go out. That keeps every rule testable on
//! small inline inputs and lets the CLI, the desktop app and the benchmarks share one behaviour.

pub mod detect;
pub mod disputes;
pub mod import;
pub mod letters;
pub mod merchant;
pub mod model;
pub mod money;
