//! The region's current print practice, learned from the library: how the newest documents of a
//! draft's format print the year in their tables' titles. A new draft takes it.

use crate::{ApiError, Library};
use yusuan_draft::TitleYears;
use yusuan_store::DocumentSummary;

/// Documents newer than this many are not read to learn a practice (a district's newest year is
/// the practice; a few of its documents show it).
const PRACTICE_SAMPLE: usize = 5;

/// The region's current practice for a new draft rolled from document `source`: how the newest
/// documents of its format (newer than the source) print the year in their tables' titles —
/// every one, none, or some as last year's did. The source's own practice when the library has
/// no newer one.
pub(crate) fn region_title_years(lib: &Library, source: i64) -> Result<TitleYears, ApiError> {
    let listed = lib.store().list()?;
    let Some(source) = listed.iter().find(|d| d.id == source) else {
        return Ok(TitleYears::AsPrinted);
    };
    let newer: Vec<&DocumentSummary> = listed
        .iter()
        .filter(|d| d.format == source.format && d.kind == source.kind && d.year > source.year)
        .collect();
    let Some(newest) = newer.iter().map(|d| d.year).max() else {
        return Ok(TitleYears::AsPrinted);
    };
    let mut practice = None;
    for d in newer
        .iter()
        .filter(|d| d.year == newest)
        .take(PRACTICE_SAMPLE)
    {
        let doc = lib.document(d.id)?;
        let seen = TitleYears::practice(doc.tables.iter().map(|t| t.title.as_str()), doc.meta.year);
        practice = match (practice, seen) {
            (None, s) => s,
            (p, None) => p,
            (Some(a), Some(b)) if a == b => Some(a),
            _ => Some(TitleYears::AsPrinted),
        };
    }
    Ok(practice.unwrap_or(TitleYears::AsPrinted))
}
