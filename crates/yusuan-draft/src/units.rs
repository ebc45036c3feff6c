//! The units (单位) of a department's draft as its 分单位 tables list them: adding a unit gives it
//! a row in each of those tables, with one line per amount column (its 合计 columns sum them) and
//! its amounts in the tables' 合计 rows; removing a unit takes all of that away again.
//!
//! A unit's row is shaped by the table's 合计 row: the columns the 合计 row sums for its units
//! are the columns a unit's lines fill, so a new unit row is exactly like the rows the source
//! printed (or a blank template's, whose unit rows are gone but whose 合计 row still says which
//! columns they had).

use crate::layout::{Body, CellRule, Query, RowRule, TableLayout};
use crate::model::{Draft, Leaf, LeafKey};
use rust_decimal::Decimal;
use yusuan_domain::{BudgetUnit, RowCode, TableKind, UnitKind};

/// Why a unit cannot be added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitError {
    /// The format prints no 分单位 table.
    NoUnitTables,
    /// A unit of that name (or code) is already listed.
    Exists(String),
    /// No unit of that name.
    Unknown(String),
    /// The name is empty.
    EmptyName,
}

impl std::fmt::Display for UnitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnitError::NoUnitTables => f.write_str("这一格式的公开表格没有分单位表，单位不单独列示；单位的预算请另建单位预算草稿"),
            UnitError::Exists(s) => write!(f, "草稿中已有单位“{s}”"),
            UnitError::Unknown(s) => write!(f, "草稿的分单位表中没有单位“{s}”"),
            UnitError::EmptyName => f.write_str("单位名称不能为空"),
        }
    }
}

/// A table whose rows are the units: the 分单位 tables, and a 收入总表 printed by unit (Hubei)
/// rather than by function code.
fn is_unit_table(t: &TableLayout) -> bool {
    matches!(t.kind, TableKind::ExpenditureByUnit | TableKind::FiscalByUnit | TableKind::Income) && matches!(t.body, Body::Rows { .. })
}

fn is_total(r: &RowRule) -> bool {
    r.code.is_none() && {
        let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
        l.contains("合计") || l.contains("总计")
    }
}

fn unit_code(r: &RowRule) -> Option<&str> {
    match &r.code {
        Some(RowCode::Unit(c)) => Some(c),
        _ => None,
    }
}

/// The leaf keys a cell sums.
fn keys_of(c: &CellRule) -> Option<&Vec<LeafKey>> {
    match c {
        CellRule::Sum { query: Query::Leaves { keys } } => Some(keys),
        _ => None,
    }
}

/// Adds a unit: a row in every 分单位 table, its lines at zero. The code is the one given, or
/// the next 序号. Returns the code used and the lines added.
pub fn add_unit(d: &mut Draft, name: &str, code: Option<&str>) -> Result<(String, Vec<LeafKey>), UnitError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(UnitError::EmptyName);
    }
    if !d.layout.iter().any(is_unit_table) {
        return Err(UnitError::NoUnitTables);
    }
    let rows_of = |t: &TableLayout| match &t.body {
        Body::Rows { rows } => rows.clone(),
        _ => Vec::new(),
    };
    let listed = |f: &dyn Fn(&RowRule) -> bool| d.layout.iter().filter(|t| is_unit_table(t)).flat_map(rows_of).any(|r| unit_code(&r).is_some() && f(&r));
    if d.units.iter().any(|u| u.name == name) || listed(&|r| r.label.trim() == name) {
        return Err(UnitError::Exists(name.to_string()));
    }
    let code = match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => {
            if listed(&|r| unit_code(r) == Some(c)) {
                return Err(UnitError::Exists(c.to_string()));
            }
            c.to_string()
        }
        None => {
            // The next 序号 after the largest one printed.
            let most = d.layout.iter().filter(|t| is_unit_table(t)).flat_map(rows_of).filter_map(|r| unit_code(&r).and_then(|c| c.parse::<u32>().ok())).max();
            (most.unwrap_or(0) + 1).to_string()
        }
    };
    let mut added: Vec<LeafKey> = Vec::new();
    for t in d.layout.iter_mut().filter(|t| is_unit_table(t)) {
        let Body::Rows { rows } = &mut t.body else { continue };
        let Some(total_at) = rows.iter().position(is_total) else { continue };
        // Each column's lines: the columns the 合计 row sums, for the new unit's row.
        let cells: Vec<CellRule> = rows[total_at]
            .cells
            .iter()
            .map(|c| match keys_of(c) {
                Some(keys) => {
                    let mut mine: Vec<LeafKey> = Vec::new();
                    for k in keys {
                        if let LeafKey::Cell { table, column, .. } = k {
                            let key = LeafKey::Cell { table: table.clone(), row: code.clone(), column: column.clone() };
                            if !mine.contains(&key) {
                                mine.push(key);
                            }
                        }
                    }
                    CellRule::Sum { query: Query::Leaves { keys: mine } }
                }
                None => CellRule::Blank,
            })
            .collect();
        for (c, cell) in cells.iter().enumerate() {
            let Some(mine) = keys_of(cell) else { continue };
            if let Some(CellRule::Sum { query: Query::Leaves { keys } }) = rows[total_at].cells.get_mut(c) {
                keys.extend(mine.iter().filter(|k| !keys.contains(k)).cloned().collect::<Vec<_>>());
            }
            for k in mine {
                if !added.contains(k) {
                    added.push(k.clone());
                }
            }
        }
        let row = RowRule { code: Some(RowCode::Unit(code.clone())), label: name.to_string(), side: None, cells, pattern: false };
        let at = match rows.iter().rposition(|r| unit_code(r).is_some()) {
            Some(last) => last + 1,
            None if total_at == 0 => 1,
            None => total_at,
        };
        rows.insert(at, row);
    }
    for k in &added {
        if d.leaf(k).is_none() {
            let label = match k {
                LeafKey::Cell { table, column, .. } => format!("{table} {name} {column}"),
                other => d.label_for(other),
            };
            d.leaves.push(Leaf { key: k.clone(), label, value: Decimal::ZERO, baseline: None, origin: None, estimated: false });
        }
    }
    d.units.push(BudgetUnit { name: name.to_string(), code: Some(code.clone()), kind: UnitKind::Other });
    Ok((code, added))
}

/// Removes a unit (by name): its rows, its lines and its amounts in the 合计 rows.
pub fn remove_unit(d: &mut Draft, name: &str) -> Result<(), UnitError> {
    let name = name.trim();
    let mut codes: Vec<(String, String)> = Vec::new();
    for t in d.layout.iter_mut().filter(|t| is_unit_table(t)) {
        let Body::Rows { rows } = &mut t.body else { continue };
        let Some(at) = rows.iter().position(|r| unit_code(r).is_some() && r.label.trim() == name) else { continue };
        let row = rows.remove(at);
        let table = row.cells.iter().filter_map(keys_of).flatten().find_map(|k| match k {
            LeafKey::Cell { table, .. } => Some(table.clone()),
            _ => None,
        });
        if let (Some(code), Some(table)) = (unit_code(&row), table) {
            codes.push((table, code.to_string()));
        }
    }
    if codes.is_empty() && !d.units.iter().any(|u| u.name == name) {
        return Err(UnitError::Unknown(name.to_string()));
    }
    let gone = |k: &LeafKey| matches!(k, LeafKey::Cell { table, row, .. } if codes.iter().any(|(t, c)| t == table && c == row));
    for t in d.layout.iter_mut() {
        if let Body::Rows { rows } = &mut t.body {
            for r in rows.iter_mut() {
                for c in &mut r.cells {
                    if let CellRule::Sum { query: Query::Leaves { keys } } = c {
                        keys.retain(|k| !gone(k));
                    }
                }
            }
        }
    }
    d.leaves.retain(|l| !gone(&l.key));
    d.units.retain(|u| u.name != name);
    Ok(())
}

/// The units the 分单位 tables list, in order (name, code).
pub fn listed_units(d: &Draft) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for t in d.layout.iter().filter(|t| is_unit_table(t)) {
        if let Body::Rows { rows } = &t.body {
            for r in rows {
                if let Some(c) = unit_code(r) {
                    let u = (r.label.trim().to_string(), c.to_string());
                    if !out.contains(&u) {
                        out.push(u);
                    }
                }
            }
        }
    }
    out
}
