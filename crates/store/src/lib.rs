//! SQLite storage for Recourse.
//!
//! Invariant: this is the only crate that writes SQL. Each table has its module; every write that
//! must be atomic (an import, an undo) runs inside one transaction here, so callers cannot leave
//! half a batch behind.

pub mod accounts;
pub mod batches;
pub mod cases;
pub mod db;
mod error;
pub mod flags;
pub mod insights;
mod ledger_view;
mod migrations;
pub mod query;
pub mod settings;
pub mod transactions;

pub use db::Db;
pub use error::StoreError;
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
