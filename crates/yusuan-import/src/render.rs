//! Tables back to tab-separated text, in the shape the text importer reads.
//!
//! The inverse of the table parser: title, 编制部门 and 单位 lines, header rows built from the
//! columns' header paths, then one line per row (codes split 类/款/项 as Shanghai prints them,
//! printed values, blanks kept). Two-sided tables are written side by side. Used to prove that
//! text → model → text → model keeps every number.

use yusuan_domain::{LedgerSide, Row, RowCode, Table};

/// Header rows for value columns: row `r` names each column's `r`-th header level, once per run.
fn header_rows(paths: &[Vec<String>]) -> Vec<Vec<String>> {
    let depth = paths.iter().map(Vec::len).max().unwrap_or(0);
    (0..depth)
        .map(|r| {
            paths
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let same_run = i > 0
                        && paths[i - 1].len() > r
                        && p.len() > r
                        && paths[i - 1][..=r] == p[..=r];
                    if p.len() > r && !same_run {
                        p[r].clone()
                    } else {
                        String::new()
                    }
                })
                .collect()
        })
        .collect()
}

fn key_cells(code: &Option<RowCode>, label: &str, width: usize) -> Vec<String> {
    let mut k: Vec<String> = match code {
        Some(RowCode::Function(f)) => {
            let (l, kk, x) = f.parts();
            vec![
                l.to_string(),
                kk.unwrap_or("").to_string(),
                x.unwrap_or("").to_string(),
            ]
        }
        Some(RowCode::Economic(e)) => {
            let s = e.as_str();
            vec![s[..3].to_string(), s.get(3..5).unwrap_or("").to_string()]
        }
        Some(RowCode::Unit(u)) | Some(RowCode::Project(u)) => vec![u.clone()],
        None => vec![String::new(); width.saturating_sub(1)],
    };
    k.resize(width.saturating_sub(1), String::new());
    if code.is_none() && width > 1 {
        // Total rows print their label in the first key column.
        k[0] = label.to_string();
        k.push(String::new());
    } else {
        k.push(label.to_string());
    }
    k
}

/// Writes a table as the text importer reads it.
pub fn table_text(t: &Table) -> String {
    let mut out = format!(
        "{}\n\n编制部门：{}\n\n单位：{}\n\n",
        t.title,
        t.compiled_by.clone().unwrap_or_default(),
        t.unit
    );
    let paths: Vec<Vec<String>> = t.columns.iter().map(|c| c.path.clone()).collect();
    let line = |cells: Vec<String>| cells.join("\t") + "\n";
    if t.rows.iter().any(|r| r.side.is_some()) {
        // The income side's columns come first and share its top header.
        let nl = paths
            .iter()
            .take_while(|p| p.first() == paths[0].first())
            .count()
            .max(1);
        let (lp, rp) = paths.split_at(nl);
        let mut h0 = vec![lp[0][0].clone()];
        h0.extend(std::iter::repeat_n(String::new(), nl));
        h0.push(rp.first().map(|p| p[0].clone()).unwrap_or_default());
        h0.extend(std::iter::repeat_n(
            String::new(),
            rp.len().saturating_sub(1),
        ));
        out.push_str(&line(h0));
        let mut h1 = vec!["项目".to_string()];
        h1.extend(lp.iter().map(|p| p.last().cloned().unwrap_or_default()));
        h1.push("项目".into());
        h1.extend(rp.iter().map(|p| p.last().cloned().unwrap_or_default()));
        out.push_str(&line(h1));
        let inc: Vec<&Row> = t
            .rows
            .iter()
            .filter(|r| r.side == Some(LedgerSide::Income))
            .collect();
        let exp: Vec<&Row> = t
            .rows
            .iter()
            .filter(|r| r.side == Some(LedgerSide::Expenditure))
            .collect();
        for k in 0..inc.len().max(exp.len()) {
            let mut cells = Vec::new();
            match inc.get(k) {
                Some(r) => {
                    cells.push(r.label.clone());
                    cells.extend(r.cells[..nl].iter().map(|c| c.printed().to_string()));
                }
                None => cells.extend(std::iter::repeat_n(String::new(), nl + 1)),
            }
            match exp.get(k) {
                Some(r) => {
                    cells.push(r.label.clone());
                    cells.extend(r.cells[nl..].iter().map(|c| c.printed().to_string()));
                }
                None => cells.extend(std::iter::repeat_n(String::new(), rp.len() + 1)),
            }
            out.push_str(&line(cells));
        }
        return out;
    }
    let (keys, sub): (Vec<&str>, Option<Vec<&str>>) = if t
        .rows
        .iter()
        .any(|r| matches!(r.code, Some(RowCode::Function(_))))
    {
        (
            vec!["功能分类科目编码", "", "", "功能分类科目名称"],
            Some(vec!["类", "款", "项", ""]),
        )
    } else if t
        .rows
        .iter()
        .any(|r| matches!(r.code, Some(RowCode::Economic(_))))
    {
        (
            vec!["经济分类科目编码", "", "经济分类科目名称"],
            Some(vec!["类", "款", ""]),
        )
    } else if t
        .rows
        .iter()
        .any(|r| matches!(r.code, Some(RowCode::Unit(_))))
    {
        (vec!["序号", "预算单位"], None)
    } else if t.rows.iter().all(|r| r.label.is_empty()) {
        (vec![], None)
    } else {
        (vec!["项目"], None)
    };
    let width = keys.len();
    for (r, h) in header_rows(&paths).into_iter().enumerate() {
        let mut cells: Vec<String> = if r == 0 {
            keys.iter().map(|s| s.to_string()).collect()
        } else {
            vec![String::new(); width]
        };
        cells.extend(h);
        out.push_str(&line(cells));
    }
    if let Some(sub) = sub {
        let mut cells: Vec<String> = sub.iter().map(|s| s.to_string()).collect();
        cells.extend(std::iter::repeat_n(String::new(), paths.len()));
        out.push_str(&line(cells));
    }
    for r in &t.rows {
        let mut cells = if width == 0 {
            vec![]
        } else {
            key_cells(&r.code, &r.label, width)
        };
        cells.extend(r.cells.iter().map(|c| c.printed().to_string()));
        out.push_str(&line(cells));
    }
    out
}
