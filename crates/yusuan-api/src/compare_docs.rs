//! Comparing documents of a library: explicit ids, or a document with every other year of its
//! department (paired by department name); and a year's 预算 beside its 决算 (预算执行) wherever
//! the documents compared, or the department's, hold both.

use crate::{ApiError, Library, Refusal};
use serde::Serialize;
use ts_rs::TS;
use yusuan_compare::{
    compare, execution, series, ChartSeries, Comparison, Execution, Mapping, Options,
};
use yusuan_domain::{DocKind, Document};

/// What the comparison view receives: the aligned lines, the findings and the chart series.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CompareView {
    /// The comparison.
    pub comparison: Comparison,
    /// Chart data.
    pub series: ChartSeries,
    /// Each year whose 预算 and 决算 are both there: budget against actual, code by code.
    pub execution: Vec<Execution>,
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
        return Err(ApiError::NothingToCompare(ids.len()));
    }
    let docs = ids
        .iter()
        .map(|&id| lib.document(id).map(|d| (d, id.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(compare_loaded(&docs, options))
}

/// Documents (each with its label) side by side: the comparison, its chart series, and each
/// year's 预算 beside its 决算.
pub fn compare_loaded(
    docs: &[(yusuan_domain::Document, String)],
    options: &Options,
) -> CompareView {
    let refs: Vec<(&yusuan_domain::Document, String)> =
        docs.iter().map(|(d, l)| (d, l.clone())).collect();
    let comparison = compare(&refs, &Mapping::shipped(), options);
    let series = series(&comparison, 10);
    let execution = executions_among(&refs);
    CompareView {
        comparison,
        series,
        execution,
    }
}

/// Every 预算 beside a 决算 of its year among `docs` (each with its label), oldest year first;
/// a pair whose tables do not allow it is left out.
pub fn executions_among(docs: &[(&Document, String)]) -> Vec<Execution> {
    let mut out = Vec::new();
    for (b, bl) in docs.iter().filter(|d| d.0.meta.kind == DocKind::Budget) {
        for (a, al) in docs
            .iter()
            .filter(|d| d.0.meta.kind == DocKind::FinalAccounts && d.0.meta.year == b.meta.year)
        {
            if let Ok(e) = execution((b, bl), (a, al)) {
                out.push(e);
            }
        }
    }
    out.sort_by_key(|e| e.budget.year);
    out
}

/// `id` beside every other year of its department, and each year's 预算 beside its 决算: a
/// department with a single year still shows its 预算执行 when it has both.
pub fn department_view(lib: &Library, id: i64, options: &Options) -> Result<CompareView, ApiError> {
    let execution = department_executions(lib, id)?;
    let ids = same_department(lib, id)?;
    let mut view = if ids.len() < 2 && !execution.is_empty() {
        let doc = lib.document(id)?;
        let refs = [(&doc, id.to_string())];
        let comparison = compare(&refs, &Mapping::shipped(), options);
        let series = series(&comparison, 10);
        CompareView {
            comparison,
            series,
            execution: vec![],
        }
    } else {
        compare_ids(lib, &ids, options)?
    };
    view.execution = execution;
    Ok(view)
}

/// The 预算执行 of `id`'s department: each year the library holds both its 预算 and its 决算.
pub fn department_executions(lib: &Library, id: i64) -> Result<Vec<Execution>, ApiError> {
    let same = lib.store().same_department(id)?;
    let mut years: std::collections::BTreeMap<i32, usize> = Default::default();
    for (_, y) in &same {
        *years.entry(*y).or_default() += 1;
    }
    // Only years with two documents or more can hold a pair.
    let docs = same
        .iter()
        .filter(|(_, y)| years[y] > 1)
        .map(|&(d, _)| lib.document(d).map(|doc| (doc, d.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<(&Document, String)> = docs.iter().map(|(d, l)| (d, l.clone())).collect();
    Ok(executions_among(&refs))
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
                .ok_or_else(|| Refusal::NoBaseline { draft: one.clone() })?;
            loaded.push((lib.document(source)?, source.to_string()));
            loaded.push((yusuan_draft::derive(&draft), one.clone()));
        }
    }
    if loaded.is_empty() {
        if references.len() < 2 {
            return Err(ApiError::NothingToCompare(references.len()));
        }
        for r in references {
            loaded.push((referenced(lib, r)?, r.clone()));
        }
    }
    Ok(compare_loaded(&loaded, options))
}
