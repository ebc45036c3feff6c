//! Comparing documents of a library: explicit ids, or a document with every other year of its
//! department (paired by department name).

use crate::{ApiError, Library};
use serde::Serialize;
use ts_rs::TS;
use yusuan_compare::{compare, series, ChartSeries, Comparison, Mapping, Options};

/// What the comparison view receives: the aligned lines, the findings and the chart series.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CompareView {
    /// The comparison.
    pub comparison: Comparison,
    /// Chart data.
    pub series: ChartSeries,
}

/// The ids of every document of `id`'s department in the library (spaces in names ignored),
/// oldest first, one per year (the earliest imported when a year is there twice).
pub fn same_department(lib: &Library, id: i64) -> Result<Vec<i64>, ApiError> {
    // One query (the department's rows), not the whole library's list.
    let mut same = lib.store().same_department(id)?;
    if same.is_empty() {
        return Err(ApiError::NoSuchDocument(id.to_string()));
    }
    same.sort_by_key(|&(d, year)| (year, d != id, d));
    same.dedup_by_key(|&mut (_, year)| year);
    Ok(same.iter().map(|&(d, _)| d).collect())
}

/// Compares library documents (at least two).
pub fn compare_ids(lib: &Library, ids: &[i64], options: &Options) -> Result<CompareView, ApiError> {
    if ids.len() < 2 {
        return Err(ApiError::NothingToCompare(format!(
            "需要至少两个文档，只有 {} 个。可以指定多个文档编号，或先导入同一部门其他年度的文档。",
            ids.len()
        )));
    }
    let docs = ids
        .iter()
        .map(|&id| lib.document(id).map(|d| (d, id.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<(&yusuan_domain::Document, String)> =
        docs.iter().map(|(d, l)| (d, l.clone())).collect();
    let comparison = compare(&refs, &Mapping::shipped(), options);
    let series = series(&comparison, 10);
    Ok(CompareView { comparison, series })
}

/// The document a reference names: `draft:N` (derived now), `draft:N@版本` (a named version,
/// derived) or a document of the library.
fn referenced(lib: &Library, reference: &str) -> Result<yusuan_domain::Document, ApiError> {
    match crate::parse_draft_ref(reference) {
        Some(_) => crate::reference_document(lib, reference),
        None => lib.document(lib.resolve(reference)?),
    }
}

/// Compares by reference: one draft alone beside the document it was rolled forward from;
/// otherwise the documents, drafts and versions named, in that order (at least two).
pub fn compare_references(
    lib: &Library,
    references: &[String],
    options: &Options,
) -> Result<CompareView, ApiError> {
    let mut loaded: Vec<(yusuan_domain::Document, String)> = Vec::new();
    if let [one] = references {
        if crate::parse_draft_ref(one).is_some() {
            let draft = crate::load_reference(lib, one)?;
            let source = draft
                .source_document
                .ok_or_else(|| ApiError::Draft(format!("草稿 {one} 没有上年文档可比较")))?;
            loaded.push((lib.document(source)?, source.to_string()));
            loaded.push((yusuan_draft::derive(&draft), one.clone()));
        }
    }
    if loaded.is_empty() {
        if references.len() < 2 {
            return Err(ApiError::NothingToCompare(
                "需要至少两个文档或草稿版本。".into(),
            ));
        }
        for r in references {
            loaded.push((referenced(lib, r)?, r.clone()));
        }
    }
    let refs: Vec<(&yusuan_domain::Document, String)> =
        loaded.iter().map(|(d, l)| (d, l.clone())).collect();
    let comparison = compare(&refs, &Mapping::shipped(), options);
    let series = series(&comparison, 10);
    Ok(CompareView { comparison, series })
}
