//! What the tests and examples of several crates share, so each does not write it again: the
//! repository's fixtures (`fixtures`: paths, bytes, the five seeds), a minimal one-page PDF
//! written by hand (`pdf`), and a document read back as text (`text`: a section, the whole
//! narrative, a table's full title), and an empty library on the test PostgreSQL server
//! (`server`). A dev-dependency only: nothing of the product uses it.

pub mod fixtures;
pub mod pdf;
pub mod server;
pub mod text;

pub use fixtures::{fixture_bytes, fixture_path, root, SEEDS};
pub use pdf::one_page_pdf;
pub use server::{libraries_on_server, server_url, Roles, ServerLibrary};
pub use text::{all_text, section_text, title_containing};
