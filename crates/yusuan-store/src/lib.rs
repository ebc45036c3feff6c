//! The library: imported documents and drafts, exactly — a desk's SQLite file, or a bureau's
//! PostgreSQL database that every desk of the bureau shares (`postgres://…`).
//!
//! [`Store`] opens (or creates) a database — bundled SQLite in WAL mode with foreign keys on
//! (`file`), or a server's (`server`) — through one SQL interface (`sql`), and brings its schema
//! up to date with the numbered, forward-only migrations embedded in this
//! crate ([`migrate`]), all in one transaction. A database written by a newer Yusuan is refused,
//! never touched. Money is stored as exact decimal text (never `REAL`): each document is kept
//! whole as JSON whose decimals are strings, and every amount also in long form for queries.
//! The store knows nothing of parsing or checking; it receives finished domain values.
#![deny(missing_docs)]

mod access;
mod drafts;
mod error;
mod file;
mod library;
mod migrate;
mod receive;
mod review;
mod server;
mod sql;

pub use drafts::{DraftEvent, DraftListed, DraftRow, DraftVersion, ExportRecord, NewDraftEvent};
pub use error::StoreError;
pub use file::backup_dir;
pub use library::{DocumentSummary, NewDocument, Store};
pub use migrate::{migrate, Migration, MIGRATIONS};
pub use receive::Received;
pub use review::{Decision, DistrictDraft, ReviewComment, VersionStatus};
pub use server::{is_server_url, server_name, Member};
pub use sql::postgres_ddl;
