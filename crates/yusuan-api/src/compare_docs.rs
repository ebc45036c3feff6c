//! Comparing documents of a library: explicit ids, or a document with every other year of its
//! department (paired by department name).

use ts_rs::TS;
use crate::{ApiError, Library};
use serde::Serialize;
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
    let all = lib.list()?;
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let me = all.iter().find(|d| d.id == id).ok_or_else(|| ApiError::NoSuchDocument(id.to_string()))?;
    let mut same: Vec<&crate::dto::DocumentSummary> = all.iter().filter(|d| compact(&d.department) == compact(&me.department)).collect();
    same.sort_by_key(|d| (d.year, d.id != id, d.id));
    same.dedup_by_key(|d| d.year);
    Ok(same.iter().map(|d| d.id).collect())
}

/// Compares library documents (at least two).
pub fn compare_ids(lib: &Library, ids: &[i64], options: &Options) -> Result<CompareView, ApiError> {
    if ids.len() < 2 {
        return Err(ApiError::NothingToCompare(format!("需要至少两个文档，只有 {} 个。可以指定多个文档编号，或先导入同一部门其他年度的文档。", ids.len())));
    }
    let docs = ids.iter().map(|&id| lib.document(id).map(|d| (d, id.to_string()))).collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<(&yusuan_domain::Document, String)> = docs.iter().map(|(d, l)| (d, l.clone())).collect();
    let comparison = compare(&refs, &Mapping::shipped(), options);
    let series = series(&comparison, 10);
    Ok(CompareView { comparison, series })
}
