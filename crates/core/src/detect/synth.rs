//! Synthetic statements.
