//! The local library: one SQLite file holding imported documents, exactly.
//!
//! [`Store`] opens (or creates) a database with bundled SQLite in WAL mode with foreign keys on,
//! and brings its schema up to date with the numbered, forward-only migrations embedded in this
//! crate ([`migrate`]), all in one transaction. A database written by a newer Yusuan is refused,
//! never touched. Money is stored as exact decimal text (never `REAL`): each document is kept
//! whole as JSON whose decimals are strings, and every amount also in long form for queries.
//! The store knows nothing of parsing or checking; it receives finished domain values.
#![deny(missing_docs)]

mod drafts;
mod error;
mod library;
mod migrate;

pub use drafts::{DraftEvent, DraftListed, DraftRow, DraftVersion, ExportRecord, NewDraftEvent};
pub use error::StoreError;
pub use library::{backup_dir, DocumentSummary, NewDocument, Store};
pub use migrate::{migrate, Migration, MIGRATIONS};
