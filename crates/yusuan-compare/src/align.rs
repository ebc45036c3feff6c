//! Aligning documents line by line, and the per-line arithmetic and flags.

use crate::model::{AlignedLine, Comparison, DocRef, Flag, LineKey, Options};
use crate::{quotes, Mapping};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use yusuan_domain::{Cell, Document, RowCode, TableKind};

use yusuan_domain::compact;

/// One document's amounts by line, with the label and title each was printed with.
struct Read {
    amounts: HashMap<LineKey, (Decimal, String, String, Option<String>)>, // value, label, title, mapped from
    totals: HashMap<(TableKind, Option<yusuan_domain::LedgerSide>, String), Decimal>,
}

fn read(
    doc: &Document,
    project_names: &HashMap<String, String>,
    mapping: &Mapping,
    last_year: i32,
) -> Read {
    let mut amounts = HashMap::new();
    let mut totals = HashMap::new();
    for t in &doc.tables {
        if t.kind == TableKind::Other {
            continue;
        }
        for r in &t.rows {
            let (code, mapped_from) = match &r.code {
                Some(c @ (RowCode::Function(_) | RowCode::Economic(_))) => {
                    match mapping.map(c.as_str(), doc.meta.year, last_year) {
                        Some(new) => (new, Some(c.as_str().to_string())),
                        None => (c.as_str().to_string(), None),
                    }
                }
                Some(c) => (c.as_str().to_string(), None),
                None => (String::new(), None),
            };
            let label = if code.is_empty() {
                compact(&r.label)
            } else {
                String::new()
            };
            for (ci, cell) in r.cells.iter().enumerate() {
                let Cell::Amount { value, .. } = cell else {
                    continue;
                };
                let column = t.columns.get(ci).map(|c| c.name()).unwrap_or_default();
                let yuan = yusuan_domain::Amount {
                    value: *value,
                    unit: t.unit,
                }
                .to_yuan();
                if r.code.is_none() && r.is_total() {
                    totals
                        .entry((t.kind, r.side, column.clone()))
                        .or_insert(yuan);
                }
                let key = LineKey {
                    table: t.kind,
                    side: r.side,
                    code: code.clone(),
                    label: label.clone(),
                    column,
                };
                // A line printed twice (a repeated header block) counts once.
                amounts.entry(key).or_insert((
                    yuan,
                    r.label.trim().to_string(),
                    t.title.clone(),
                    mapped_from.clone(),
                ));
            }
        }
    }
    // Numbers stated outside the tables: projects' totals (by name, see `project_names`),
    // 政府采购 and its parts, the 绩效 summary.
    for n in doc
        .numbers()
        .into_iter()
        .filter(|n| !doc.tables.iter().any(|t| t.title == n.table))
    {
        if n.table.starts_with("绩效目标表")
            || (n.table.ends_with("经费情况说明") && n.row_label != "项目预算合计")
        {
            continue; // form funds repeat the project total; itemised amounts are compared as text
        }
        let table = match n
            .table
            .strip_suffix("经费情况说明")
            .and_then(|p| project_names.get(p))
        {
            Some(latest) => format!("{latest}经费情况说明"),
            None => n.table.clone(),
        };
        let label = compact(&format!("{table}/{}", n.row_label));
        let key = LineKey {
            table: TableKind::Other,
            side: None,
            code: String::new(),
            label,
            column: n.column.clone(),
        };
        amounts
            .entry(key)
            .or_insert((n.value_yuan, n.row_label.clone(), table, None));
    }
    // 国有资产 counts (车辆, 单价100万元以上设备, 拟购置车辆): counts, not 元, in the column 数量.
    if let Some(a) = &doc.stated.assets {
        for (label, n) in [
            ("车辆", a.vehicles),
            ("单价100万元（含）以上设备", a.costly_equipment),
            ("拟购置车辆", a.vehicles_to_buy),
        ] {
            if let Some(n) = n {
                let key = LineKey {
                    table: TableKind::Other,
                    side: None,
                    code: String::new(),
                    label: format!("国有资产占有使用情况/{label}"),
                    column: "数量".into(),
                };
                amounts.entry(key).or_insert((
                    Decimal::from(n),
                    label.to_string(),
                    "国有资产占有使用情况".into(),
                    None,
                ));
            }
        }
    }
    Read { amounts, totals }
}

/// For each document, its project names that match a name of the latest document (similarity
/// ≥ 0.6, best match first, each name used once) → that latest name, so a project whose name
/// drifted between years stays one line.
fn project_names(docs: &[&Document]) -> Vec<HashMap<String, String>> {
    let Some(last) = docs.last() else {
        return Vec::new();
    };
    let names: Vec<&String> = last.projects.iter().map(|p| &p.name).collect();
    docs.iter()
        .map(|d| {
            let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
            for (i, p) in d.projects.iter().enumerate() {
                for (j, n) in names.iter().enumerate() {
                    let s = yusuan_domain::name_similarity(&p.name, n);
                    if s >= 0.6 {
                        pairs.push((s, i, j));
                    }
                }
            }
            pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
            let (mut used_i, mut used_j) =
                (vec![false; d.projects.len()], vec![false; names.len()]);
            let mut map = HashMap::new();
            for (_, i, j) in pairs {
                if !used_i[i] && !used_j[j] {
                    used_i[i] = true;
                    used_j[j] = true;
                    map.insert(d.projects[i].name.clone(), names[j].clone());
                }
            }
            map
        })
        .collect()
}

/// `part` in percent of `whole`, always printed with two decimals (`0.00`, `-40.00`).
fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    (!whole.is_zero()).then(|| {
        let mut p = (part * Decimal::from(100) / whole).round_dp(2);
        p.rescale(2);
        p
    })
}

/// Compares documents of one department (or any documents): oldest first by year.
pub fn compare(docs: &[(&Document, String)], mapping: &Mapping, options: &Options) -> Comparison {
    let mut docs: Vec<&(&Document, String)> = docs.iter().collect();
    docs.sort_by_key(|(d, _)| d.meta.year);
    let last_year = docs.last().map_or(0, |(d, _)| d.meta.year);
    let names = project_names(&docs.iter().map(|(d, _)| *d).collect::<Vec<_>>());
    let reads: Vec<Read> = docs
        .iter()
        .zip(&names)
        .map(|((d, _), n)| read(d, n, mapping, last_year))
        .collect();
    let mut keys: BTreeMap<LineKey, ()> = BTreeMap::new();
    for r in &reads {
        for k in r.amounts.keys() {
            keys.insert(k.clone(), ());
        }
    }
    let n = docs.len();
    let mut lines = Vec::new();
    for key in keys.into_keys() {
        let amounts: Vec<Option<Decimal>> = reads
            .iter()
            .map(|r| r.amounts.get(&key).map(|a| a.0))
            .collect();
        let latest = reads
            .iter()
            .rev()
            .find_map(|r| r.amounts.get(&key))
            .expect("key from some document");
        let first = amounts[0].unwrap_or_default();
        let last = amounts[n - 1].unwrap_or_default();
        let change = last - first;
        let change_percent = amounts[0].and_then(|a| percent(change, a));
        let share_percent = reads
            .iter()
            .zip(&amounts)
            .map(|(r, a)| {
                a.and_then(|a| {
                    r.totals
                        .get(&(key.table, key.side, key.column.clone()))
                        .and_then(|t| percent(a, *t))
                })
            })
            .collect();
        let mut flags = Vec::new();
        if n > 1 && amounts[0].is_none() && amounts[n - 1].is_some() {
            flags.push(Flag::New);
        }
        if n > 1 && amounts[0].is_some() && amounts[n - 1].is_none() {
            flags.push(Flag::Removed);
        }
        let pct_big = change_percent.is_none_or(|p| p.abs() >= options.threshold_percent);
        if !change.is_zero() && change.abs() >= options.threshold_yuan && pct_big {
            flags.push(Flag::BeyondThreshold);
        }
        let labels: Vec<&String> = reads
            .iter()
            .filter_map(|r| r.amounts.get(&key).map(|a| &a.1))
            .collect();
        if !key.code.is_empty() && labels.windows(2).any(|w| compact(w[0]) != compact(w[1])) {
            flags.push(Flag::Renamed);
        }
        let mapped_from = reads
            .iter()
            .find_map(|r| r.amounts.get(&key).and_then(|a| a.3.clone()));
        if mapped_from.is_some() {
            flags.push(Flag::Mapped);
        }
        if key.table == TableKind::ThreePublic && !change.is_zero() {
            flags.push(Flag::ThreePublic);
        }
        lines.push(AlignedLine {
            key,
            row_label: latest.1.clone(),
            table_title: latest.2.clone(),
            amounts,
            change,
            change_percent,
            share_percent,
            flags,
            mapped_from,
            reason: None,
        });
    }
    flag_shifts(&mut lines, options);
    if let Some((latest, _)) = docs.last() {
        quotes::attach_reasons(latest, &mut lines);
    }
    let documents: Vec<DocRef> = docs
        .iter()
        .map(|(d, label)| DocRef {
            department: d.meta.department.clone(),
            year: d.meta.year,
            label: label.clone(),
        })
        .collect();
    let plain: Vec<&Document> = docs.iter().map(|(d, _)| *d).collect();
    let mut findings = quotes::check_quotes(&plain, &lines);
    findings.extend(quotes::check_hubei_quotes(&plain));
    Comparison {
        documents,
        lines,
        findings,
    }
}

/// A row of a table across documents: kind, code, label.
type RowKey = (TableKind, String, String);

/// Flags rows whose 基本支出 and 项目支出 moved in opposite directions, both beyond the amount
/// threshold (money moved from one to the other).
fn flag_shifts(lines: &mut [AlignedLine], options: &Options) {
    let mut by_row: HashMap<RowKey, (Option<Decimal>, Option<Decimal>)> = HashMap::new();
    for l in lines.iter() {
        let row = (l.key.table, l.key.code.clone(), l.key.label.clone());
        let e = by_row.entry(row).or_default();
        if l.key.column.ends_with("基本支出") {
            e.0 = Some(l.change);
        } else if l.key.column.ends_with("项目支出") {
            e.1 = Some(l.change);
        }
    }
    for l in lines.iter_mut() {
        let row = (l.key.table, l.key.code.clone(), l.key.label.clone());
        if let Some((Some(b), Some(p))) = by_row.get(&row) {
            let opposite =
                (b.is_sign_positive() != p.is_sign_positive()) && !b.is_zero() && !p.is_zero();
            if opposite
                && b.abs().min(p.abs()) >= options.threshold_yuan
                && (l.key.column.ends_with("基本支出") || l.key.column.ends_with("项目支出"))
            {
                l.flags.push(Flag::BasicProjectShift);
            }
        }
    }
}

/// Groups documents by department (spaces ignored), each group oldest first; the indexes of
/// `docs`. Documents of one department and one year go to separate groups' candidates only
/// once: the first of them is kept, later duplicates start a group of their own.
pub fn pair_by_department(docs: &[&Document]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let dept = compact(&d.meta.department);
        match groups.iter_mut().find(|(g, members)| {
            *g == dept && members.iter().all(|&m| docs[m].meta.year != d.meta.year)
        }) {
            Some((_, members)) => members.push(i),
            None => groups.push((dept, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut m)| {
            m.sort_by_key(|&i| docs[i].meta.year);
            m
        })
        .collect()
}
