//! SQLite storage for Recourse.
//!
//! Invariant: this is the only crate that writes SQL. Each table has its module; every write that
//! must be atomic (an import, an undo) runs inside one transaction here, so callers cannot leave
//! half a batch behind.

mod error;
mod migrations;
pub mod accounts;
pub mod batches;
pub mod cases;
pub mod db;
pub mod flags;
pub mod insights;
pub mod settings;
pub mod transactions;

pub use db::Db;
pub use error::StoreError;
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
