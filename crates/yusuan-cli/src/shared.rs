//! What the command line's verbs share: the library opened, draft references read, a document
//! loaded from a reference or a file, one edit command carried out, JSON written.

use std::io::Write;
use yusuan_api::DraftCommand as Edit;
use yusuan_api::{default_data_dir, ApiError, Library, LibraryKind};

pub(crate) fn open(cli_db: &Option<std::path::PathBuf>) -> Result<Library, ApiError> {
    let path = cli_db
        .clone()
        .unwrap_or_else(|| LibraryKind::User.path_in(&default_data_dir()));
    Library::open(&path)
}

/// A draft reference (`draft:N`, `draft:N@版本`), refused with a clear message otherwise.
pub(crate) fn draft_ref(reference: &str) -> Result<(i64, Option<String>), ApiError> {
    yusuan_api::parse_draft_ref(reference).ok_or_else(|| {
        ApiError::Usage(format!(
            "“{reference}”不是草稿编号；草稿写作 draft:N（用 yusuan draft list 查看）"
        ))
    })
}

/// Carries out one edit verb: every `draft …` edit goes through the API's one edit function.
pub(crate) fn edited(
    lib: &mut Library,
    id: i64,
    command: Edit,
    now: &str,
) -> Result<yusuan_api::Applied, ApiError> {
    yusuan_api::draft_edit(lib, id, &command, now)
}

pub(crate) fn draft_id(reference: &str) -> Result<i64, ApiError> {
    if let (_, Some(unit)) = yusuan_api::split_unit_ref(reference) {
        return Err(ApiError::Usage(format!(
            "“{reference}”是单位“{unit}”的单位预算，由部门草稿派生，只读；修改请用部门草稿 draft:N"
        )));
    }
    match draft_ref(reference)? {
        (id, None) => Ok(id),
        (_, Some(v)) => Err(ApiError::Usage(format!(
            "版本“{v}”是只读的；修改请用草稿本身 draft:N"
        ))),
    }
}

/// A document from a file path (imported in memory, not stored), a draft (`draft:N`, derived)
/// or the library.
pub(crate) fn load(
    db: &Option<std::path::PathBuf>,
    doc: &str,
) -> Result<yusuan_domain::Document, ApiError> {
    if yusuan_api::parse_draft_ref(doc).is_some() {
        return yusuan_api::reference_document(&open(db)?, doc);
    }
    let path = std::path::Path::new(doc);
    if path.is_file() {
        yusuan_api::read_document(path)
    } else {
        let lib = open(db)?;
        let id = lib.resolve(doc)?;
        lib.document(id)
    }
}

pub(crate) fn json_line(out: &mut dyn Write, v: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, v).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// Standard output that cannot be written (a closed pipe).
pub(crate) fn stdout_error(e: std::io::Error) -> ApiError {
    ApiError::Write {
        path: "标准输出".into(),
        reason: e.to_string(),
    }
}
