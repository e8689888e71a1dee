//! The detection rules' own labelled benchmark, written alongside them: people's years with
//! labelled anomalies and traps (`years`), and the same years written as overlapping monthly
//! statements in four export dialects (`statement_csv`), so quality can be measured straight on
//! the rows or through the real import. It needs only `recourse-core` (no app, no database), so
//! the core crate's own tests can use it.
//!
//! Kept apart from the independent benchmark in the rest of this crate: that one is written
//! from a description of people and fraud, not from the rules, and the two must not share code.

pub mod statement_csv;
pub mod years;
