//! Opening libraries: the user's own, the examples, or any file or server given with `--db`.

use crate::{dto, ApiError};
use std::path::{Path, PathBuf};
use yusuan_domain::Document;
use yusuan_store::Store;

/// Which library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryKind {
    /// 我的预算库: the user's own documents.
    User,
    /// 示例库: the bundled real documents, kept apart so the user's library stays clean.
    Examples,
}

impl LibraryKind {
    /// The id used across the IPC boundary.
    pub fn id(self) -> &'static str {
        match self {
            LibraryKind::User => "user",
            LibraryKind::Examples => "examples",
        }
    }

    /// The Chinese name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            LibraryKind::User => "我的预算库",
            LibraryKind::Examples => "示例库",
        }
    }

    /// Parses an id.
    pub fn from_id(id: &str) -> Option<LibraryKind> {
        match id {
            "user" => Some(LibraryKind::User),
            "examples" => Some(LibraryKind::Examples),
            _ => None,
        }
    }

    /// The database file of this library inside `data_dir`.
    pub fn path_in(self, data_dir: &Path) -> PathBuf {
        match self {
            LibraryKind::User => data_dir.join("library.db"),
            LibraryKind::Examples => data_dir.join("examples.db"),
        }
    }
}

/// The OS data directory of Yusuan (`~/.local/share/yusuan` on Linux); `YUSUAN_DATA_DIR`
/// overrides it (tests, portable installs).
pub fn default_data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("YUSUAN_DATA_DIR") {
        return PathBuf::from(d);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("yusuan")
}

/// An open library.
pub struct Library {
    path: PathBuf,
    store: Store,
}

impl Library {
    /// Opens (creating if needed) the library at `path`: a file, or — given as
    /// `postgres://user:password@host/database` — the bureau's library on its server.
    pub fn open(path: &Path) -> Result<Library, ApiError> {
        if let Some(url) = path.to_str().filter(|p| yusuan_store::is_server_url(p)) {
            return Ok(Library {
                path: PathBuf::from(yusuan_store::server_name(url)),
                store: Store::open_server(url)?,
            });
        }
        Ok(Library {
            path: path.to_path_buf(),
            store: Store::open(path)?,
        })
    }

    /// The database file; for a library on a server, its server and database (never the
    /// password), for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the library is on a server (backups are the server's, not a copy beside it).
    pub fn on_server(&self) -> bool {
        self.store.on_server()
    }

    /// The underlying store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The underlying store, for writing.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The documents, as the UI and `yusuan list` show them.
    pub fn list(&self) -> Result<Vec<dto::DocumentSummary>, ApiError> {
        Ok(self.store.list()?)
    }

    /// Resolves a document reference: its id, or a unique part of its department or file name.
    pub fn resolve(&self, reference: &str) -> Result<i64, ApiError> {
        if let Ok(id) = reference.trim().parse::<i64>() {
            return match self.store.get(id) {
                Ok(_) => Ok(id),
                Err(yusuan_store::StoreError::NotFound(_)) => {
                    Err(ApiError::NoSuchDocument(reference.into()))
                }
                Err(e) => Err(e.into()),
            };
        }
        let hits: Vec<i64> = self
            .store
            .list()?
            .into_iter()
            .filter(|d| d.source_name.contains(reference) || d.department.contains(reference))
            .map(|d| d.id)
            .collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            _ => Err(ApiError::NoSuchDocument(reference.into())),
        }
    }

    /// A whole document.
    pub fn document(&self, id: i64) -> Result<Document, ApiError> {
        match self.store.get(id) {
            Err(yusuan_store::StoreError::NotFound(_)) => {
                Err(ApiError::NoSuchDocument(id.to_string()))
            }
            other => Ok(other?),
        }
    }
}
