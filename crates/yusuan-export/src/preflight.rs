//! The written PDF read back before it is handed over: every page A4 in the template's
//! orientation, no blank page, every table present (an empty one with its note), and every
//! number — the cells of every table (form-like grids included), project and form amounts, the
//! narrative's figures — equal to the source's, in the same places. A failed preflight is an
//! error, never a silent file.

use crate::{ExportError, Orientation, Template};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;
use yusuan_domain::{mentions, section_texts, Document};

/// What the preflight verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preflight {
    /// Pages.
    pub pages: usize,
    /// Tables found again.
    pub tables: usize,
    /// Numbers (table cells, projects, forms, stated figures) found again, equal.
    pub numbers: usize,
    /// Figures of the narrative found again, equal.
    pub narrative_figures: usize,
}

use yusuan_domain::compact;

type Key = (String, String, String, String, Decimal);

/// Every number keyed by where it is: table, row, and the cell's place — its column by position
/// (a header the source's text layer garbled still lines up), or in a two-sided table its rank
/// among the row's printed amounts (the sides' column counts vary with how a header was read).
/// Projects, forms and stated figures as `Document::numbers` names them.
fn numbers(doc: &Document) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for t in &doc.tables {
        for r in &t.rows {
            let mut rank = 0;
            for (c, cell) in r.cells.iter().enumerate() {
                let Some(v) = cell.amount() else { continue };
                rank += 1;
                let place = match r.side {
                    Some(_) => format!("第{rank}个数"),
                    None => format!("第{}栏", c + 1),
                };
                let yuan = yusuan_domain::Amount {
                    value: v,
                    unit: t.unit,
                }
                .to_yuan()
                .normalize();
                let code = r
                    .code
                    .as_ref()
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default();
                *m.entry((compact(&t.title), code, compact(&r.label), place, yuan))
                    .or_default() += 1;
            }
        }
    }
    let titles: Vec<&str> = doc.tables.iter().map(|t| t.title.as_str()).collect();
    for n in doc
        .numbers()
        .into_iter()
        .filter(|n| !titles.contains(&n.table.as_str()))
    {
        *m.entry((
            compact(&n.table),
            n.row_code,
            compact(&n.row_label),
            compact(&n.column),
            n.value_yuan.normalize(),
        ))
        .or_default() += 1;
    }
    m
}

fn figures(doc: &Document) -> BTreeMap<(String, Decimal, bool), usize> {
    let titles: Vec<String> = doc.sections.iter().map(|s| compact(&s.title)).collect();
    let mut m = BTreeMap::new();
    for (t, st) in titles.iter().zip(section_texts(doc)) {
        for x in mentions(&st.text) {
            *m.entry((
                t.clone(),
                x.value.normalize(),
                x.unit == yusuan_domain::Unit::WanYuan,
            ))
            .or_default() += 1;
        }
    }
    m
}

fn page_sizes(bytes: &[u8]) -> Result<Vec<(f32, f32)>, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("PDF 无法读回：{e}"))?;
    let mut out = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).map_err(|e| e.to_string())?;
        let mb = page
            .get(b"MediaBox")
            .and_then(|o| o.as_array())
            .map_err(|e| e.to_string())?;
        let n: Vec<f32> = mb
            .iter()
            .map(|o| {
                o.as_float()
                    .or_else(|_| o.as_i64().map(|i| i as f32))
                    .unwrap_or(0.0)
            })
            .collect();
        if n.len() == 4 {
            out.push((n[2] - n[0], n[3] - n[1]));
        }
    }
    Ok(out)
}

/// Reads `bytes` back and compares it with `source`.
pub fn preflight(
    bytes: &[u8],
    source: &Document,
    template: &Template,
) -> Result<Preflight, ExportError> {
    let mut problems = Vec::new();
    let sizes = page_sizes(bytes).map_err(|e| ExportError::Preflight(vec![e]))?;
    let allowed: Vec<(f32, f32)> = [template.tables, template.texts]
        .iter()
        .map(|o: &Orientation| o.size())
        .collect();
    for (i, (w, h)) in sizes.iter().enumerate() {
        if !allowed
            .iter()
            .any(|(aw, ah)| (aw - w).abs() < 1.0 && (ah - h).abs() < 1.0)
        {
            problems.push(format!(
                "第{}页不是A4{}（{w:.0}×{h:.0}pt）",
                i + 1,
                template.tables.label()
            ));
        }
    }
    let lines = yusuan_import::pdf_lines("导出.pdf", bytes)
        .map_err(|e| ExportError::Preflight(vec![e.to_string()]))?;
    let mut with_text = vec![false; sizes.len()];
    for l in &lines {
        if let Some(p) = l.location.page {
            if !l.text.trim().is_empty() {
                if let Some(slot) = with_text.get_mut(p as usize - 1) {
                    *slot = true;
                }
            }
        }
    }
    for (i, has) in with_text.iter().enumerate() {
        if !has {
            problems.push(format!("第{}页是空白页", i + 1));
        }
    }
    // The text layer is read once: for the blank-page check above and for the import here.
    let back = yusuan_import::parse_lines_with("导出.pdf", &lines, yusuan_import::Layout::Flow)
        .map_err(|e| ExportError::Preflight(vec![e.to_string()]))?
        .document;
    let mut tables = 0;
    for t in &source.tables {
        match back
            .tables
            .iter()
            .find(|b| compact(&b.title) == compact(&t.title))
        {
            None => problems.push(format!("缺少表“{}”", t.title)),
            Some(b) => {
                tables += 1;
                if t.amount_count() == 0 && t.note.is_some() && b.note.is_none() {
                    problems.push(format!("空表“{}”缺少说明", t.title));
                }
            }
        }
    }
    // Every table — form-like grids (资产配置, 绩效目标表) and the 绩效 forms read from them too —
    // must read back to the same numbers in the same places.
    let (want, got) = (numbers(source), numbers(&back));
    let mut count = 0;
    for (k, n) in &want {
        let g = got.get(k).copied().unwrap_or(0);
        count += g.min(*n);
        if g < *n {
            problems.push(format!(
                "{} {} {} {}：应为 {} 元，读回缺少",
                k.0, k.1, k.2, k.3, k.4
            ));
        }
    }
    for (k, n) in &got {
        if want.get(k).copied().unwrap_or(0) < *n {
            problems.push(format!(
                "{} {} {} {}：读回多出 {} 元",
                k.0, k.1, k.2, k.3, k.4
            ));
        }
    }
    let (want_f, got_f) = (figures(source), figures(&back));
    let mut figs = 0;
    for (k, n) in &want_f {
        let g = got_f.get(k).copied().unwrap_or(0);
        figs += g.min(*n);
        if g < *n {
            problems.push(format!(
                "“{}”中的数字 {}{} 读回缺少",
                k.0,
                k.1,
                if k.2 { "万元" } else { "元" }
            ));
        }
    }
    if problems.is_empty() {
        Ok(Preflight {
            pages: sizes.len(),
            tables,
            numbers: count,
            narrative_figures: figs,
        })
    } else {
        Err(ExportError::Preflight(problems))
    }
}
