//! The desk: the user's library and the example library side by side, as the app shows them.

use crate::dto::{DocumentSummary, LibraryInfo};
use crate::{
    load_examples, ApiError, DocumentView, ExampleFile, ExamplesOutcome, Library, LibraryKind,
};
use std::path::{Path, PathBuf};
use yusuan_domain::Document;

/// 我的预算库 of `data_dir`: the library on `server`, else the desk's own file.
pub(crate) fn user_library(data_dir: &Path, server: Option<&str>) -> Result<Library, ApiError> {
    match server {
        Some(url) => Library::open(Path::new(url)),
        None => Library::open(&LibraryKind::User.path_in(data_dir)),
    }
}

/// Both libraries of one data directory.
pub struct Desk {
    pub(crate) data_dir: PathBuf,
    pub(crate) user: Library,
    pub(crate) examples: Library,
    /// Why the bureau's server in the settings could not be reached when the desk opened.
    pub(crate) server_error: Option<String>,
}

impl Desk {
    /// Opens (creating if needed) `library.db` and `examples.db` in `data_dir` — 我的预算库 the
    /// bureau's library on its server instead when the settings name one (the desk's own file
    /// when the server cannot be reached, the reason kept for 设置).
    pub fn open(data_dir: &Path) -> Result<Desk, ApiError> {
        let server = crate::load_settings(data_dir).ok().and_then(|s| s.server);
        let (user, server_error) = match user_library(data_dir, server.as_deref()) {
            Ok(lib) => (lib, None),
            Err(e) if server.is_some() => (user_library(data_dir, None)?, Some(e.to_string())),
            Err(e) => return Err(e),
        };
        Ok(Desk {
            data_dir: data_dir.to_path_buf(),
            user,
            examples: Library::open(&LibraryKind::Examples.path_in(data_dir))?,
            server_error,
        })
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Loads the example documents into the example library (never into the user's).
    pub fn load_examples(
        &mut self,
        files: &[ExampleFile],
        now: &str,
    ) -> Result<ExamplesOutcome, ApiError> {
        load_examples(&mut self.examples, files, now)
    }

    fn library(&self, id: &str) -> Result<&Library, ApiError> {
        match LibraryKind::from_id(id) {
            Some(LibraryKind::User) => Ok(&self.user),
            Some(LibraryKind::Examples) => Ok(&self.examples),
            None => Err(ApiError::NoSuchLibrary(id.to_string())),
        }
    }

    /// Both libraries with their document counts.
    pub fn libraries(&self) -> Result<Vec<LibraryInfo>, ApiError> {
        [LibraryKind::User, LibraryKind::Examples]
            .into_iter()
            .map(|k| {
                let lib = self.library(k.id())?;
                let name = match k {
                    LibraryKind::User if lib.on_server() => "单位预算库",
                    _ => k.name(),
                };
                Ok(LibraryInfo {
                    id: k.id().to_string(),
                    name: name.to_string(),
                    path: lib.path().display().to_string(),
                    documents: lib.store().list()?.len(),
                })
            })
            .collect()
    }

    /// The documents of one library.
    pub fn documents(&self, library: &str) -> Result<Vec<DocumentSummary>, ApiError> {
        self.library(library)?.list()
    }

    /// One whole document.
    pub fn document(&self, library: &str, id: i64) -> Result<Document, ApiError> {
        self.library(library)?.document(id)
    }

    /// One whole document as the window draws it.
    pub fn document_view(&self, library: &str, id: i64) -> Result<DocumentView, ApiError> {
        self.document(library, id).map(DocumentView::of)
    }

    /// Compares documents of one library; one id alone is compared with every other year of
    /// its department.
    pub fn compare(&self, library: &str, ids: &[i64]) -> Result<crate::CompareView, ApiError> {
        let lib = self.library(library)?;
        if let [one] = ids {
            return crate::department_view(lib, *one, &self.compare_options());
        }
        crate::compare_ids(lib, ids, &self.compare_options())
    }

    /// The comparison thresholds of 设置.
    fn compare_options(&self) -> yusuan_compare::Options {
        let s = self.settings();
        yusuan_compare::Options {
            threshold_percent: s.threshold_percent,
            threshold_yuan: s.threshold_yuan,
        }
    }

    /// Compares drafts and their versions of 我的预算库 (see [`crate::compare_references`]):
    /// `draft:N` alone is compared with its source document.
    pub fn compare_references(
        &self,
        references: &[String],
    ) -> Result<crate::CompareView, ApiError> {
        crate::compare_references(&self.user, references, &self.compare_options())
    }

    /// Writes the comparison [`Desk::compare`] shows as a workbook (sheet 比较, Chinese headers,
    /// exact amounts) to `path`; answers the path written. Nothing is left behind on failure.
    pub fn export_comparison(
        &self,
        library: &str,
        ids: &[i64],
        path: &Path,
    ) -> Result<String, ApiError> {
        let view = self.compare(library, ids)?;
        let bytes = crate::compare_sheet::xlsx(&view.comparison, true)?;
        let tmp = path.with_extension("xlsx.part");
        let write = |e: std::io::Error| ApiError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::write(&tmp, bytes).map_err(write)?;
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            write(e)
        })?;
        Ok(path.display().to_string())
    }
}
