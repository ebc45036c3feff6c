//! The units (单位) of a department's draft as its 分单位 tables list them: adding a unit gives it
//! a row in each of those tables, with one line per amount column (its 合计 columns sum them) and
//! its amounts in the tables' 合计 rows; removing a unit takes all of that away again.
//!
//! A unit's row is shaped by the table's 合计 row: the columns the 合计 row sums for its units
//! are the columns a unit's lines fill, so a new unit row is exactly like the rows the source
//! printed (or a blank template's, whose unit rows are gone but whose 合计 row still says which
//! columns they had).

use crate::layout::{Body, CellRule, Query, RowRule, TableLayout};
use crate::model::{Draft, Fund, Leaf, LeafKey, SpendKind};
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
    /// A name that is none of the draft's units (for a unit's own budget, or placing lines).
    NotAUnit {
        /// The name given.
        name: String,
        /// The draft's units.
        units: Vec<String>,
    },
    /// Placing a line: no such line, or not that much money on it.
    Place(String),
}

impl std::fmt::Display for UnitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnitError::NoUnitTables => f.write_str("这一格式的公开表格没有分单位表，单位不单独列示；单位的预算请另建单位预算草稿"),
            UnitError::Exists(s) => write!(f, "草稿中已有单位“{s}”"),
            UnitError::Unknown(s) => write!(f, "草稿的分单位表中没有单位“{s}”"),
            UnitError::EmptyName => f.write_str("单位名称不能为空"),
            UnitError::NotAUnit { name, units } if units.is_empty() => write!(f, "草稿没有列出所属单位，“{name}”不是其中之一；部门只有本级一个单位时，单位预算用部门名称"),
            UnitError::NotAUnit { name, units } => write!(f, "草稿的单位中没有“{name}”；可选的单位：{}", units.join("、")),
            UnitError::Place(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for UnitError {}

/// A table whose rows are the units: the 分单位 tables, and a 收入总表 printed by unit (Hubei)
/// rather than by function code.
pub(crate) fn is_unit_table(t: &TableLayout) -> bool {
    matches!(
        t.kind,
        TableKind::ExpenditureByUnit | TableKind::FiscalByUnit | TableKind::Income
    ) && matches!(t.body, Body::Rows { .. })
}

fn is_total(r: &RowRule) -> bool {
    r.code.is_none() && {
        let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
        l.contains("合计") || l.contains("总计")
    }
}

pub(crate) fn unit_code(r: &RowRule) -> Option<&str> {
    match &r.code {
        Some(RowCode::Unit(c)) => Some(c),
        _ => None,
    }
}

/// The leaf keys a cell sums (in a 合计 row over units placed and not, the typed units' part),
/// through a shared or a mutable reference: `$iter` is `iter` or `iter_mut` over the parts.
macro_rules! cell_keys {
    ($c:expr, $iter:ident) => {
        match $c {
            CellRule::Sum {
                query: Query::Leaves { keys },
            } => Some(keys),
            CellRule::Sum {
                query: Query::Parts { parts },
            } => parts.$iter().find_map(|p| match p {
                Query::Leaves { keys } => Some(keys),
                _ => None,
            }),
            _ => None,
        }
    };
}

/// The leaf keys a cell sums (in a 合计 row over units placed and not, the typed units' part).
fn keys_of(c: &CellRule) -> Option<&Vec<LeafKey>> {
    cell_keys!(c, iter)
}

/// [`keys_of`], for editing.
fn keys_of_mut(c: &mut CellRule) -> Option<&mut Vec<LeafKey>> {
    cell_keys!(c, iter_mut)
}

/// Funds and kinds of spending (all when `None`).
type SpendFilter = (Option<Vec<Fund>>, Option<Vec<SpendKind>>);

/// What a column of a table by unit sums of a unit's spending: its funds and kinds (all when
/// `None`), from its header (`基本支出/人员经费`, `项目支出`, `财政拨款收入`, `一般公共预算`, `合计`);
/// `None` for a column no spending line answers (`上级补助收入`).
fn column_filter(column: &str, kinds: &[SpendKind]) -> Option<SpendFilter> {
    let last = column
        .rsplit('/')
        .next()
        .unwrap_or(column)
        .split_whitespace()
        .collect::<String>();
    let whole = ["合计", "小计", "总计"].iter().any(|w| last == *w);
    Some(match last.as_str() {
        _ if whole => (None, None),
        "人员经费" => (None, Some(vec![SpendKind::Personnel])),
        "公用经费" => (None, Some(vec![SpendKind::Public])),
        "基本支出" => (
            None,
            Some(vec![
                SpendKind::Personnel,
                SpendKind::Public,
                SpendKind::Basic,
            ]),
        ),
        "项目支出" => (None, Some(vec![SpendKind::Project])),
        l if l.starts_with("财政拨款") => (Some(Fund::FISCAL.to_vec()), None),
        l => match Fund::from_label(l) {
            Some(f) => (Some(vec![f]), None),
            None => {
                let named = SpendKind::Named(l.to_string());
                return kinds.contains(&named).then_some((None, Some(vec![named])));
            }
        },
    })
}

/// Once a unit has lines of its own, its rows of the 分单位 tables sum them (one source of
/// truth: the department's 分单位 table is then the sum of its units' lines), and the tables'
/// 合计 rows take those sums in. A table with a column no spending line answers keeps the unit's
/// typed cells. Returns the typed cells the rows no longer use (taken out of the draft).
pub(crate) fn derive_unit_rows(d: &mut Draft, unit: &str) -> Vec<Leaf> {
    let kinds: Vec<SpendKind> = d
        .leaves
        .iter()
        .filter_map(|l| match &l.key {
            LeafKey::Spend { kind, .. } => Some(kind.clone()),
            _ => None,
        })
        .collect();
    let mut gone: Vec<LeafKey> = Vec::new();
    for t in d.layout.iter_mut() {
        let table_funds = match t.kind {
            TableKind::ExpenditureByUnit => None,
            TableKind::FiscalByUnit => Some(Fund::FISCAL.to_vec()),
            _ => continue,
        };
        let Body::Rows { rows } = &mut t.body else {
            continue;
        };
        let Some(at) = rows
            .iter()
            .position(|r| unit_code(r).is_some() && r.label.trim() == unit)
        else {
            continue;
        };
        if rows[at].cells.iter().any(|c| {
            matches!(
                c,
                CellRule::Sum {
                    query: Query::Placed { .. }
                }
            )
        }) {
            continue;
        }
        let filters: Option<Vec<_>> = t
            .columns
            .iter()
            .map(|c| column_filter(&c.name(), &kinds))
            .collect();
        let Some(filters) = filters else { continue };
        let placed = |c: usize| {
            let (funds, kinds) = filters[c].clone();
            let funds = match (funds, &table_funds) {
                (Some(f), Some(t)) => Some(f.into_iter().filter(|x| t.contains(x)).collect()),
                (f, t) => f.or_else(|| t.clone()),
            };
            Query::Placed {
                unit: unit.to_string(),
                funds,
                kinds,
            }
        };
        let mine: Vec<LeafKey> = rows[at]
            .cells
            .iter()
            .filter_map(keys_of)
            .flatten()
            .cloned()
            .collect();
        for c in 0..rows[at].cells.len().min(filters.len()) {
            if keys_of(&rows[at].cells[c]).is_some() {
                rows[at].cells[c] = CellRule::Sum { query: placed(c) };
            }
        }
        for r in rows.iter_mut().filter(|r| is_total(r)) {
            for c in 0..r.cells.len().min(filters.len()) {
                let Some(keys) = keys_of(&r.cells[c]) else {
                    continue;
                };
                if !keys.iter().any(|k| mine.contains(k)) {
                    continue;
                }
                let rest: Vec<LeafKey> =
                    keys.iter().filter(|k| !mine.contains(k)).cloned().collect();
                let mut parts = match &r.cells[c] {
                    CellRule::Sum {
                        query: Query::Parts { parts },
                    } => parts
                        .iter()
                        .filter(|p| !matches!(p, Query::Leaves { .. }))
                        .cloned()
                        .collect(),
                    _ => Vec::new(),
                };
                parts.insert(0, Query::Leaves { keys: rest });
                parts.push(placed(c));
                r.cells[c] = CellRule::Sum {
                    query: Query::Parts { parts },
                };
            }
        }
        gone.extend(mine);
    }
    let (taken, kept): (Vec<Leaf>, Vec<Leaf>) = std::mem::take(&mut d.leaves)
        .into_iter()
        .partition(|l| l.unit.is_none() && gone.contains(&l.key));
    d.leaves = kept;
    taken
}

/// Adds a unit: a row in every 分单位 table, its lines at zero. The code is the one given, or
/// the next 序号. Returns the code used and the lines added.
pub fn add_unit(
    d: &mut Draft,
    name: &str,
    code: Option<&str>,
) -> Result<(String, Vec<LeafKey>), UnitError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(UnitError::EmptyName);
    }
    if !d.layout.iter().any(is_unit_table) {
        return Err(UnitError::NoUnitTables);
    }
    let code = new_unit_code(d, name, code)?;
    let mut added: Vec<LeafKey> = Vec::new();
    for t in d.layout.iter_mut().filter(|t| is_unit_table(t)) {
        add_unit_row(t, name, &code, &mut added);
    }
    for k in &added {
        if d.leaf(k).is_none() {
            let label = match k {
                LeafKey::Cell { table, column, .. } => format!("{table} {name} {column}"),
                other => d.label_for(other),
            };
            d.leaves.push(Leaf {
                key: k.clone(),
                label,
                value: Decimal::ZERO,
                baseline: None,
                origin: None,
                estimated: false,
                unit: None,
            });
        }
    }
    d.units.push(BudgetUnit {
        name: name.to_string(),
        code: Some(code.clone()),
        kind: UnitKind::Other,
    });
    Ok((code, added))
}

/// The 序号 of a unit added as `name`: the one given, else the next after the largest printed;
/// refused when the name or the code is listed already.
fn new_unit_code(d: &Draft, name: &str, code: Option<&str>) -> Result<String, UnitError> {
    let rows_of = |t: &TableLayout| match &t.body {
        Body::Rows { rows } => rows.clone(),
        _ => Vec::new(),
    };
    let listed = |f: &dyn Fn(&RowRule) -> bool| {
        d.layout
            .iter()
            .filter(|t| is_unit_table(t))
            .flat_map(rows_of)
            .any(|r| unit_code(&r).is_some() && f(&r))
    };
    if d.units.iter().any(|u| u.name == name) || listed(&|r| r.label.trim() == name) {
        return Err(UnitError::Exists(name.to_string()));
    }
    Ok(match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => {
            if listed(&|r| unit_code(r) == Some(c)) {
                return Err(UnitError::Exists(c.to_string()));
            }
            c.to_string()
        }
        None => {
            // The next 序号 after the largest one printed.
            let most = d
                .layout
                .iter()
                .filter(|t| is_unit_table(t))
                .flat_map(rows_of)
                .filter_map(|r| unit_code(&r).and_then(|c| c.parse::<u32>().ok()))
                .max();
            (most.unwrap_or(0) + 1).to_string()
        }
    })
}

/// The new unit's row of a 分单位 table, its cells the columns the 合计 row sums (and the 合计
/// row summing them too); the lines it sums are added to `added`.
fn add_unit_row(t: &mut TableLayout, name: &str, code: &str, added: &mut Vec<LeafKey>) {
    let Body::Rows { rows } = &mut t.body else {
        return;
    };
    let Some(total_at) = rows.iter().position(is_total) else {
        return;
    };
    // Each column's lines: the columns the 合计 row sums, for the new unit's row.
    let cells: Vec<CellRule> = rows[total_at]
        .cells
        .iter()
        .map(|c| match keys_of(c) {
            Some(keys) => {
                let mut mine: Vec<LeafKey> = Vec::new();
                for k in keys {
                    if let LeafKey::Cell { table, column, .. } = k {
                        let key = LeafKey::Cell {
                            table: table.clone(),
                            row: code.to_string(),
                            column: column.clone(),
                        };
                        if !mine.contains(&key) {
                            mine.push(key);
                        }
                    }
                }
                CellRule::Sum {
                    query: Query::Leaves { keys: mine },
                }
            }
            None => CellRule::Blank,
        })
        .collect();
    for (c, cell) in cells.iter().enumerate() {
        let Some(mine) = keys_of(cell) else { continue };
        if let Some(keys) = rows[total_at].cells.get_mut(c).and_then(keys_of_mut) {
            keys.extend(
                mine.iter()
                    .filter(|k| !keys.contains(k))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
        }
        for k in mine {
            if !added.contains(k) {
                added.push(k.clone());
            }
        }
    }
    let row = RowRule {
        code: Some(RowCode::Unit(code.to_string())),
        label: name.to_string(),
        side: None,
        cells,
        pattern: false,
    };
    let at = match rows.iter().rposition(|r| unit_code(r).is_some()) {
        Some(last) => last + 1,
        None if total_at == 0 => 1,
        None => total_at,
    };
    rows.insert(at, row);
}

/// Removes a unit (by name): its rows, its lines and its amounts in the 合计 rows.
pub fn remove_unit(d: &mut Draft, name: &str) -> Result<(), UnitError> {
    let name = name.trim();
    let mut codes: Vec<(String, String)> = Vec::new();
    for t in d.layout.iter_mut().filter(|t| is_unit_table(t)) {
        let Body::Rows { rows } = &mut t.body else {
            continue;
        };
        let Some(at) = rows
            .iter()
            .position(|r| unit_code(r).is_some() && r.label.trim() == name)
        else {
            continue;
        };
        let row = rows.remove(at);
        let table = row
            .cells
            .iter()
            .filter_map(keys_of)
            .flatten()
            .find_map(|k| match k {
                LeafKey::Cell { table, .. } => Some(table.clone()),
                _ => None,
            });
        if let (Some(code), Some(table)) = (unit_code(&row), table) {
            codes.push((table, code.to_string()));
        }
    }
    let placed_row = |t: &TableLayout| {
        match &t.body {
        Body::Rows { rows } => rows.iter().any(|r| r.cells.iter().any(|c| matches!(c, CellRule::Sum { query: Query::Placed { unit, .. } } if unit == name))),
        _ => false,
    }
    };
    let had_placed_row = d.layout.iter().any(placed_row);
    if codes.is_empty() && !had_placed_row && !d.units.iter().any(|u| u.name == name) {
        return Err(UnitError::Unknown(name.to_string()));
    }
    let gone = |k: &LeafKey| matches!(k, LeafKey::Cell { table, row, .. } if codes.iter().any(|(t, c)| t == table && c == row));
    for t in d.layout.iter_mut() {
        if let Body::Rows { rows } = &mut t.body {
            for r in rows.iter_mut() {
                for c in &mut r.cells {
                    if let CellRule::Sum {
                        query: Query::Parts { parts },
                    } = c
                    {
                        parts.retain(|p| !matches!(p, Query::Placed { unit, .. } if unit == name));
                    }
                    if let Some(keys) = keys_of_mut(c) {
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

/// The units a draft's lines can be placed in: those its 分单位 tables list (a row whose code
/// heads other rows' codes is the department above them, not a unit), else those its 机构设置
/// names as budget units (not one whose money is budgeted in another's).
pub fn unit_names(d: &Draft) -> Vec<String> {
    let listed = listed_units(d);
    let parent = |c: &str| {
        listed
            .iter()
            .any(|(_, o)| o.len() > c.len() && o.starts_with(c))
    };
    let mut out: Vec<String> = Vec::new();
    for (name, code) in &listed {
        if !parent(code) && !out.contains(name) {
            out.push(name.clone());
        }
    }
    if out.is_empty() {
        for u in &d.units {
            let name = u.name.trim().to_string();
            if !name.is_empty() && !out.contains(&name) && !no_budget_of_its_own(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// A 机构设置 item naming a unit whose money is budgeted in another's (`下属事业单位…不单列预算，
/// 并入本部`): an organisation of the department, but no budget unit of its own.
fn no_budget_of_its_own(item: &str) -> bool {
    [
        "不单列预算",
        "不单独编制预算",
        "不单独编列预算",
        "未单列预算",
        "并入本部",
        "纳入本部",
    ]
    .iter()
    .any(|w| item.contains(w))
}

/// Moves money of one line between units: `amount` (all of it when `None`) from the line as
/// placed in `from` (`None`: not yet placed in a unit) to the same line in `to` (`None`: back
/// to the department's unplaced money). The department's tables do not change; each unit's own
/// 单位预算 does. Last year's amount moves with it (in the same proportion when only part moves,
/// to the 分), and so does the reason when the whole line moves. The first line a unit gets
/// turns its rows of the 分单位 tables into sums of its lines ([`derive_unit_rows`]).
pub fn place(
    d: &mut Draft,
    key: &LeafKey,
    from: Option<&str>,
    to: Option<&str>,
    amount: Option<Decimal>,
) -> Result<Placed, UnitError> {
    let names = unit_names(d);
    for u in [from, to].into_iter().flatten() {
        if !names.iter().any(|n| n == u) {
            return Err(UnitError::NotAUnit {
                name: u.to_string(),
                units: names,
            });
        }
    }
    let here = |u: Option<&str>| {
        u.map_or_else(|| "未分配到单位的".to_string(), |u| format!("单位“{u}”的"))
    };
    if from == to {
        return Err(UnitError::Place(format!(
            "明细行已是{}，不需要移动",
            here(to)
        )));
    }
    if names.len() < 2 {
        return Err(UnitError::Place(
            "草稿只有一个单位，部门的明细就是这个单位的，不需要分配".into(),
        ));
    }
    let in_unit_table = d
        .layout
        .iter()
        .filter(|t| is_unit_table(t))
        .any(|t| match &t.body {
            Body::Rows { rows } => rows
                .iter()
                .flat_map(|r| &r.cells)
                .filter_map(keys_of)
                .any(|ks| ks.contains(key)),
            _ => false,
        });
    if in_unit_table {
        return Err(UnitError::Place(format!(
            "“{key}”是分单位表中某一单位的数，已经属于该单位"
        )));
    }
    let at = d
        .leaves
        .iter()
        .position(|l| &l.key == key && l.unit.as_deref() == from)
        .ok_or_else(|| UnitError::Place(format!("{}明细中没有“{key}”", here(from))))?;
    let src = d.leaves[at].clone();
    let amount = amount.unwrap_or(src.value);
    if amount.is_sign_negative() || amount.is_zero() && !src.value.is_zero() {
        return Err(UnitError::Place(format!("移动的金额 {amount} 元应大于 0")));
    }
    if amount > src.value {
        return Err(UnitError::Place(format!(
            "{}“{key}”只有 {} 元，不能移出 {amount} 元",
            here(from),
            src.value
        )));
    }
    let whole = amount == src.value;
    let moved_base = match (whole, src.baseline) {
        (true, b) => b,
        (false, Some(b)) => Some((b * amount / src.value).round_dp(2)),
        (false, None) => None,
    };
    let from_address = src.address();
    let to_address = crate::model::address(key, to);
    if whole {
        d.leaves.remove(at);
        if let Some(r) = d.reasons.remove(&from_address) {
            d.reasons.entry(to_address.clone()).or_insert(r);
        }
        // The projects it funds are funded by the line where it now is.
        for share in d
            .project_funds
            .values_mut()
            .flatten()
            .filter(|s| s.line == from_address)
        {
            share.line = to_address.clone();
        }
    } else {
        let s = &mut d.leaves[at];
        s.value -= amount;
        s.baseline = s.baseline.map(|b| b - moved_base.unwrap_or_default());
    }
    match d.leaf_at_mut(key, to) {
        Some(t) => {
            t.value += amount;
            t.baseline = match (t.baseline, moved_base) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
            };
        }
        None => {
            let leaf = Leaf {
                value: amount,
                baseline: moved_base,
                unit: to.map(str::to_string),
                origin: src.origin.clone(),
                ..src
            };
            let at = at.min(d.leaves.len());
            d.leaves.insert(if whole { at } else { at + 1 }, leaf);
        }
    }
    let typed = match to {
        Some(u) if matches!(key, LeafKey::Spend { .. }) => derive_unit_rows(d, u),
        _ => Vec::new(),
    };
    Ok(Placed {
        moved: amount,
        typed,
    })
}

/// What placing did.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The amount moved, 元.
    pub moved: Decimal,
    /// The unit's typed cells of the 分单位 tables its rows no longer use (they now sum its lines).
    pub typed: Vec<Leaf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_budgeted_in_another_are_not_budget_units() {
        for (item, expect) in [
            (
                "下属事业单位上海市普陀区交流服务中心不单列预算，并入本部",
                true,
            ),
            ("上海市普陀区人民政府办公室本部", false),
            ("某某中心（不单独编制预算）", true),
        ] {
            assert_eq!(no_budget_of_its_own(item), expect, "{item}");
        }
    }
}
