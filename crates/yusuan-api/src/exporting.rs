//! Exporting the disclosure: a stored document or a draft typeset as the region's PDF (or its
//! XLSX), checked on the way out (a draft with 错误 is refused; every 警告 needs an explanation),
//! preflighted, written atomically (a temporary file renamed into place) and recorded.

use crate::drafts::{os_user, parse_draft_ref};
use crate::{ApiError, ExportProblem, Library};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use ts_rs::TS;
use yusuan_check::{Finding, Severity};
use yusuan_domain::Document;
use yusuan_export::{
    choose_face, template, template_for, ExportOptions, FontFace, Fonts, Preflight, Template,
};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub enum OutFormat {
    /// The disclosure PDF.
    Pdf,
    /// The tables as a workbook.
    Xlsx,
}

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    /// A template id (default: the document's own format).
    pub template: Option<String>,
    /// The cover and file date `YYYY-MM-DD` (default: today).
    pub date: Option<String>,
    /// Explanations of 警告, by rule id (`R001` → why the change needs no further words).
    pub explanations: BTreeMap<String, String>,
    /// Page numbers in the footer and the 目录.
    pub page_numbers: bool,
    /// Body and heading font files chosen by the user (default: 宋体/黑体 where installed, else
    /// Noto Serif/Sans CJK SC).
    pub fonts: (Option<PathBuf>, Option<PathBuf>),
}

/// What was written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportOutcome {
    /// Where.
    pub path: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: usize,
    /// The template used.
    pub template: String,
    /// What the preflight verified (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub preflight: Option<Preflight>,
    /// The fonts embedded.
    pub fonts: Vec<String>,
}

/// A template listed for users.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TemplateInfo {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The format it prints.
    pub format: String,
    /// Orientation of table pages.
    pub orientation: String,
}

/// Every template.
pub fn list_templates() -> Vec<TemplateInfo> {
    yusuan_export::templates()
        .iter()
        .map(|t| TemplateInfo {
            id: t.id.into(),
            name: t.name.into(),
            format: t.format.label(),
            orientation: t.tables.label().into(),
        })
        .collect()
}

fn font_dirs() -> Vec<PathBuf> {
    let mut v = vec![
        PathBuf::from("/usr/share/fonts"),
        PathBuf::from("/usr/local/share/fonts"),
        PathBuf::from("C:\\Windows\\Fonts"),
        PathBuf::from("/Library/Fonts"),
        PathBuf::from("/System/Library/Fonts"),
    ];
    if let Some(home) = dirs::home_dir() {
        v.push(home.join(".fonts"));
        v.push(home.join(".local/share/fonts"));
    }
    v
}

fn find_file(names: &[&str]) -> Option<PathBuf> {
    fn walk(dir: &Path, names: &[&str], depth: usize) -> Option<PathBuf> {
        let entries = std::fs::read_dir(dir).ok()?;
        let mut subdirs = Vec::new();
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                subdirs.push(p);
            } else if let Some(n) = p.file_name().and_then(|n| n.to_str()) {
                if names.iter().any(|w| n.eq_ignore_ascii_case(w)) {
                    return Some(p);
                }
            }
        }
        subdirs.sort();
        if depth == 0 {
            return None;
        }
        subdirs.iter().find_map(|d| walk(d, names, depth - 1))
    }
    font_dirs().iter().find_map(|d| walk(d, names, 4))
}

fn face(path: &Path, wanted: &[&str]) -> Result<FontFace, ApiError> {
    let bytes = std::fs::read(path).map_err(|e| ApiError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let index = choose_face(&bytes, wanted).ok_or_else(|| ExportProblem::NoChineseGlyphs {
        path: path.display().to_string(),
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(FontFace::new(&name, Arc::new(bytes), index).map_err(ExportProblem::Typeset)?)
}

/// The export fonts: the user's, else the system's 宋体/黑体 (the fonts of the published
/// documents), else Noto Serif/Sans CJK SC.
pub fn find_fonts(chosen: &(Option<PathBuf>, Option<PathBuf>)) -> Result<Fonts, ApiError> {
    let body_path = chosen
        .0
        .clone()
        .or_else(|| find_file(&["simsun.ttc", "simsun.ttf"]))
        .or_else(|| find_file(&["NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular.otf"]));
    let head_path = chosen
        .1
        .clone()
        .or_else(|| find_file(&["simhei.ttf"]))
        .or_else(|| {
            find_file(&[
                "NotoSansCJK-Bold.ttc",
                "NotoSansCJK-Regular.ttc",
                "NotoSansCJKsc-Bold.otf",
            ])
        });
    let missing = || ExportProblem::NoChineseFont;
    let body = face(
        &body_path.ok_or_else(missing)?,
        &["SimSun", "宋体", "CJK SC", "SC"],
    )?;
    let heading = face(
        &head_path.ok_or_else(missing)?,
        &["SimHei", "黑体", "CJK SC", "SC"],
    )?;
    Ok(Fonts { body, heading })
}

fn parse_date(text: &str) -> Result<(i32, u8, u8), ApiError> {
    let bad = || -> ApiError {
        ExportProblem::BadDate {
            text: text.to_string(),
        }
        .into()
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let (y, m, d): (i32, u8, u8) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    if !(2000..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok((y, m, d))
}

/// What is to be exported: the document, the findings that gate a draft, and the draft's
/// identity for the record.
struct Source {
    doc: Document,
    doc_id: Option<i64>,
    draft: Option<(i64, String)>,
    findings: Vec<Finding>,
}

fn source(lib: &Library, reference: &str) -> Result<Source, ApiError> {
    if let Some((id, _)) = parse_draft_ref(reference) {
        let d = crate::load_reference(lib, reference)?;
        let doc = yusuan_draft::derive(&d);
        let findings = yusuan_draft::findings_on(&d, &doc);
        let state = serde_json::to_string(&d).unwrap_or_default();
        let hash: String = Sha256::digest(state.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        return Ok(Source {
            doc,
            doc_id: None,
            draft: Some((id, hash)),
            findings,
        });
    }
    let id = lib.resolve(reference)?;
    Ok(Source {
        doc: lib.document(id)?,
        doc_id: Some(id),
        draft: None,
        findings: vec![],
    })
}

fn template_of(doc: &Document, chosen: &Option<String>) -> Result<&'static Template, ApiError> {
    match chosen {
        Some(id) => {
            template(id).ok_or_else(|| ExportProblem::NoSuchTemplate { id: id.clone() }.into())
        }
        None => template_for(doc).ok_or_else(|| {
            ExportProblem::NoTemplateFor {
                title: doc.meta.title.clone(),
                format: doc.meta.format.label().to_string(),
            }
            .into()
        }),
    }
}

/// Writes `bytes` to `out` through a temporary file in the same folder, renamed into place: a
/// crash leaves no half-written file under the target name.
pub(crate) fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "导出".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| ApiError::Write {
        path: tmp.display().to_string(),
        reason: e.to_string(),
    })?;
    std::fs::rename(&tmp, out).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        ApiError::Write {
            path: out.display().to_string(),
            reason: e.to_string(),
        }
    })
}

/// Exports `reference` (a document id or `draft:N`) as `format` to `out`.
pub fn export_file(
    lib: &mut Library,
    reference: &str,
    format: OutFormat,
    out: &Path,
    req: &ExportRequest,
    now: &str,
) -> Result<ExportOutcome, ApiError> {
    let src = source(lib, reference)?;
    if src.draft.is_some() {
        let errors: Vec<&Finding> = src
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        if !errors.is_empty() {
            return Err(ApiError::ExportRefused {
                reason: format!("草稿有 {} 个错误，须先改正", errors.len()),
                findings: errors.into_iter().cloned().collect(),
            });
        }
        let unexplained: Vec<Finding> = src
            .findings
            .iter()
            .filter(|f| {
                f.severity == Severity::Warning
                    && req
                        .explanations
                        .get(f.rule)
                        .is_none_or(|t| t.trim().is_empty())
            })
            .cloned()
            .collect();
        if !unexplained.is_empty() {
            let rules: std::collections::BTreeSet<&str> =
                unexplained.iter().map(|f| f.rule).collect();
            return Err(ApiError::ExportRefused {
                reason: format!(
                    "{} 个警告尚未说明（用 --explain 规则=说明，如 --explain {}=…）",
                    unexplained.len(),
                    rules.iter().next().copied().unwrap_or("R001")
                ),
                findings: unexplained,
            });
        }
    }
    let tpl = template_of(&src.doc, &req.template)?;
    let date = match &req.date {
        Some(d) => parse_date(d)?,
        None => parse_date(now.get(..10).unwrap_or("2026-01-01"))?,
    };
    let options = ExportOptions {
        date,
        page_numbers: req.page_numbers,
        contents_page_numbers: req.page_numbers,
    };
    let (bytes, preflight, fonts) = match format {
        OutFormat::Pdf => {
            let fonts = find_fonts(&req.fonts)?;
            let bytes = yusuan_export::export_pdf(&src.doc, tpl, &fonts, &options)
                .map_err(|e| ApiError::Export(e.into()))?;
            let p = yusuan_export::preflight(&bytes, &src.doc, tpl)
                .map_err(|e| ApiError::Export(e.into()))?;
            (
                bytes,
                Some(p),
                vec![fonts.body.name.clone(), fonts.heading.name.clone()],
            )
        }
        OutFormat::Xlsx => (
            yusuan_export::xlsx::write(&src.doc, tpl).map_err(|e| ApiError::Export(e.into()))?,
            None,
            vec![],
        ),
    };
    write_atomically(out, &bytes)?;
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let record = yusuan_store::ExportRecord {
        doc_id: src.doc_id,
        draft_id: src.draft.as_ref().map(|d| d.0),
        draft_hash: src.draft.as_ref().map(|d| d.1.clone()),
        format: match format {
            OutFormat::Pdf => "pdf".into(),
            OutFormat::Xlsx => "xlsx".into(),
        },
        template: tpl.id.into(),
        path: out.display().to_string(),
        sha256: sha256.clone(),
        bytes: bytes.len() as i64,
        pages: preflight.as_ref().map(|p| p.pages as i64),
        explanations: serde_json::to_string(&req.explanations).unwrap_or_default(),
        exported_at: now.to_string(),
        os_user: os_user(),
    };
    lib.store_mut().record_export(&record)?;
    Ok(ExportOutcome {
        path: out.display().to_string(),
        sha256,
        bytes: bytes.len(),
        template: tpl.id.into(),
        preflight,
        fonts,
    })
}

/// The document, template, fonts and options of an export that is only looked at.
fn prepared(
    lib: &Library,
    reference: &str,
    req: &ExportRequest,
    now: &str,
) -> Result<(Document, &'static Template, Fonts, ExportOptions), ApiError> {
    let src = source(lib, reference)?;
    let tpl = template_of(&src.doc, &req.template)?;
    let date = match &req.date {
        Some(d) => parse_date(d)?,
        None => parse_date(now.get(..10).unwrap_or("2026-01-01"))?,
    };
    let fonts = find_fonts(&req.fonts)?;
    Ok((
        src.doc,
        tpl,
        fonts,
        ExportOptions {
            date,
            page_numbers: req.page_numbers,
            contents_page_numbers: req.page_numbers,
        },
    ))
}

/// The PDF bytes of `reference` without writing or recording.
pub fn export_pdf_bytes(
    lib: &Library,
    reference: &str,
    req: &ExportRequest,
    now: &str,
) -> Result<Vec<u8>, ApiError> {
    let (doc, tpl, fonts, options) = prepared(lib, reference, req, now)?;
    yusuan_export::export_pdf(&doc, tpl, &fonts, &options).map_err(|e| ApiError::Export(e.into()))
}

/// The pages `reference` would export, as SVG, for the preview (laid out as the PDF is; nothing
/// written, nothing recorded, shown even while 错误 would refuse the export).
pub fn export_preview(
    lib: &Library,
    reference: &str,
    req: &ExportRequest,
    now: &str,
) -> Result<Vec<String>, ApiError> {
    let (doc, tpl, fonts, options) = prepared(lib, reference, req, now)?;
    yusuan_export::svg::preview(&doc, tpl, &fonts, &options).map_err(|e| ApiError::Export(e.into()))
}
