//! What a printed figure of last year's text is: a narrative figure of the draft, a line of the
//! figures stated outside the tables, or cells of the source's own tables (named most alike, or
//! two rows adding up to it) — and the key a reason for it is written under.

use super::words::printed_value;
use crate::model::{Draft, Figure};
use crate::restated::{CellRef, Form, Of};
use crate::LeafKey;
use rust_decimal::Decimal;
use std::collections::HashMap;
use yusuan_domain::{label_key, name_similarity, Amount, Cell, Table};

/// A zero amount is bound only to a cell whose row is named alike at least this much (zero is
/// every empty cell's value).
pub(super) const ZERO_NAME_MATCH: f32 = 0.5;

pub(super) fn row_key(r: &yusuan_domain::Row) -> String {
    r.code
        .as_ref()
        .map_or_else(|| label_key(&r.label), |c| c.as_str().to_string())
}

/// A printed cell: where, its value in 元, the words naming it, and its row's code length (0
/// for a row without a code).
pub(super) struct Printed {
    at: CellRef,
    yuan: Decimal,
    name: String,
    label: String,
    column: String,
    code_len: usize,
}

/// Every value cell of the source's tables that the draft's tables also have: a number, or a
/// blank in a column of numbers (zero). `derived` are the draft's tables, in the same order.
pub(super) fn printed_cells(tables: &[Table], derived: &[Table]) -> Vec<Printed> {
    let mut out = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        let numeric: Vec<bool> = (0..t.columns.len())
            .map(|ci| {
                t.rows
                    .iter()
                    .any(|r| r.cells.get(ci).is_some_and(|c| c.amount().is_some()))
            })
            .collect();
        // The rows the draft's table has, and each column's name, read once per table.
        let kept: std::collections::HashSet<String> = derived
            .get(ti)
            .map(|d| d.rows.iter().map(row_key).collect())
            .unwrap_or_default();
        let heads: Vec<(String, String)> = t
            .columns
            .iter()
            .map(|c| {
                let name = c.name();
                let key = label_key(&name);
                (name, key)
            })
            .collect();
        for r in &t.rows {
            let row = row_key(r);
            if !kept.contains(&row) {
                continue;
            }
            let code_len = r.code.as_ref().map_or(0, |c| c.as_str().len());
            for (ci, c) in r.cells.iter().enumerate() {
                let v = match c {
                    Cell::Amount { value, .. } => *value,
                    Cell::Blank if numeric.get(ci) == Some(&true) => Decimal::ZERO,
                    _ => continue,
                };
                let (head, column) = heads.get(ci).map_or(("", ""), |(n, k)| (n, k));
                out.push(Printed {
                    at: CellRef {
                        table: ti,
                        row: row.clone(),
                        column: ci,
                    },
                    yuan: Amount {
                        value: v,
                        unit: t.unit,
                    }
                    .to_yuan(),
                    name: format!("{}{head}", r.label),
                    label: r.label.clone(),
                    column: column.to_string(),
                    code_len,
                });
            }
        }
    }
    out
}

/// The cells by the value they print as, in one form.
type ByValue = HashMap<Decimal, Vec<usize>>;

/// The printed cells a text's amounts are looked for among, indexed: by the value each prints
/// as in a form (built once per form a text uses: its every amount is looked up, not every cell
/// rounded again), and by the rows of one table, column and level two of which may add up to an
/// amount.
pub(super) struct Cells {
    pub(super) all: Vec<Printed>,
    by_form: std::cell::RefCell<HashMap<(yusuan_domain::Unit, u32), ByValue>>,
    /// For each cell that may be one of two adding up, the cells after it of its table, column
    /// and code level.
    later_peers: Vec<Vec<usize>>,
}

impl Cells {
    pub(super) fn new(all: Vec<Printed>) -> Cells {
        let mut groups: HashMap<(usize, usize, usize), Vec<usize>> = HashMap::new();
        for (i, p) in all.iter().enumerate() {
            if p.code_len > 0 && !p.yuan.is_zero() {
                groups
                    .entry((p.at.table, p.at.column, p.code_len))
                    .or_default()
                    .push(i);
            }
        }
        let mut later_peers = vec![Vec::new(); all.len()];
        for members in groups.values() {
            for (k, &i) in members.iter().enumerate() {
                later_peers[i] = members[k + 1..].to_vec();
            }
        }
        Cells {
            all,
            by_form: Default::default(),
            later_peers,
        }
    }

    /// The cells that print as `value` in `form`, in printed order.
    fn printing_as(&self, value: Decimal, form: Form) -> Vec<usize> {
        // What a value prints as depends on its unit and decimals, not on separators.
        let key = (form.unit, form.decimals);
        let mut by_form = self.by_form.borrow_mut();
        let index = by_form.entry(key).or_insert_with(|| {
            let mut m: HashMap<Decimal, Vec<usize>> = HashMap::new();
            for (i, p) in self.all.iter().enumerate() {
                m.entry(printed_value(p.yuan, form).normalize())
                    .or_default()
                    .push(i);
            }
            m
        });
        index.get(&value.normalize()).cloned().unwrap_or_default()
    }
}

/// Whether the words before an amount name a cell: what they name, without the words every
/// figure has (`预算` `支出` `数`), is in the cell's row and column names (`公务用车购置预算支出数`
/// is the column `…/公务用车购置费`).
fn names_cell(words: &str, cell: &str) -> bool {
    let mut core = label_key(words);
    for w in ["本年", "预算", "支出", "安排", "数"] {
        core = core.replace(w, "");
    }
    core.chars().count() >= 2 && label_key(cell).contains(&core)
}

/// The line of the figures stated outside the tables a printed number is (the 政府采购 total of
/// a draft with only its parts too): one whose value last year was it, in the words that name its subject (`政府采购…货物`, `共有车辆`, `绩效…项目`).
/// `context` is the text of the figure's paragraph up to it, `words` the words just before it.
pub(super) fn find_line(
    draft: &Draft,
    unit: &str,
    exact: impl Fn(Decimal) -> bool,
    context: &str,
    words: &str,
) -> Option<String> {
    use crate::{ProcurementPart as P, StatedItem as S};
    let has = |w: &str| words.contains(w);
    // The 政府采购 total a text states is a line too where the draft keeps only its parts.
    let total = draft.procurement_total_line();
    draft
        .leaves
        .iter()
        .chain(total.as_ref())
        .filter(|l| {
            l.unit.is_none() && l.key.unit() == unit && exact(l.baseline.unwrap_or_default())
        })
        .find_map(|l| {
            let named = match &l.key {
                LeafKey::Procurement { part } => {
                    context.contains("采购")
                        && match part {
                            P::Goods => has("货物"),
                            P::Works => has("工程"),
                            P::Services => has("服务"),
                            P::SmallFirms => (has("中小企业") || has("小微")) && !has("小型和微型"),
                            P::MicroFirms => has("小型和微型"),
                            P::Total => {
                                has("政府采购")
                                    && !["货物", "工程", "服务", "中小企业"].iter().any(|w| has(w))
                            }
                        }
                }
                LeafKey::Stated { item } => match item {
                    S::Vehicles => has("车辆") && !has("购置"),
                    S::VehiclesToBuy => has("车辆") && has("购置"),
                    S::CostlyEquipment => has("设备"),
                    S::TargetProjects => context.contains("绩效") && has("项目"),
                    S::TargetAmount => context.contains("绩效") && (has("资金") || has("金额")),
                    // (a count of units is named by the words after it: `1家参公事业单位`)
                    S::AdministrativeUnits => {
                        (has("机关") || has("行政单位")) && !has("参公") && !has("事业")
                    }
                    S::CivilServiceUnits => has("参公") || has("参照公务员"),
                    S::InstitutionUnits => has("事业单位") && !has("参公") && !has("参照"),
                },
                _ => false,
            };
            named.then(|| l.address())
        })
}

/// What a figure's name says without the words every figure ends in (`预算` `数`).
pub(super) fn core_name(name: &str) -> String {
    let k = label_key(name);
    let k = k.strip_suffix('数').unwrap_or(&k);
    k.strip_suffix("预算").unwrap_or(k).to_string()
}

/// The narrative figure a printed amount is: last year's value as printed, and its name the
/// last words before the amount (`其中：财政拨款收入` is 财政拨款收入, not 收入) — the longest
/// name that fits.
pub(super) fn find_figure(
    figures: &[Figure],
    value: Decimal,
    form: Form,
    words: &str,
) -> Option<String> {
    // `预算` is in every figure's words, anywhere (`财政拨款预算支出` is 财政拨款支出).
    let words = label_key(words).replace("预算", "");
    // The words less what every figure's name may end in (`一般公共预算收入预算` names
    // 一般公共预算).
    let mut bare = words.as_str();
    while let Some(w) = ["预算", "收入", "支出", "总计", "合计", "数"]
        .iter()
        .find(|w| bare.ends_with(**w))
    {
        bare = &bare[..bare.len() - w.len()];
    }
    figures
        .iter()
        .filter(|f| printed_value(f.baseline, form) == value)
        // By the name the sentence prints, or the name its key gives (`说明|一般公共预算` is
        // the fund's money, `一般公共预算收入` as well as `…拨款支出`).
        .flat_map(|f| {
            let key_name = f.key.trim_start_matches("说明|");
            [f.name.as_str(), key_name]
                .map(|name| (core_name(name).replace("预算", ""), f.key.clone()))
        })
        .filter_map(|(core, key)| {
            let n = core.chars().count();
            let tail: String = words
                .chars()
                .rev()
                .take(n + 4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            (n >= 2 && (tail.contains(&core) || bare.ends_with(&core))).then_some((n, key))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, key)| key)
}

/// The cells of the source's tables a printed amount is: one cell of that value (the one named
/// by the words before it), else two rows of one table and column with codes of one
/// level that add up to it. A zero is bound only by name. `None` when no cell is it.
pub(super) fn find_cells(
    cells: &Cells,
    value: Decimal,
    form: Form,
    name: &str,
    context: &str,
) -> Option<Vec<CellRef>> {
    // Only a value within half the printed last digit can print as it (checked without rounding
    // first: a text's every amount is looked for among all the cells).
    let unit = form.unit.in_yuan();
    let (target, half) = (value * unit, Decimal::new(5, form.decimals + 1) * unit);
    let fits = |v: Decimal| (v - target).abs() <= half && printed_value(v, form) == value;
    // A row whose name the words of the paragraph hold is the one they name, the one whose name
    // ends nearest to the amount first (`…统计信息事务（款）专项普查活动（项）”科目43.83万元`: the
    // 项, not its 款 of the same value; `教育支出（类）其他教育支出（款）其他教育支出（项）”`: not
    // the 类, whose name ends there too); then the row named most alike; then the deeper code.
    let words = label_key(context);
    let at = |p: &Printed| {
        let l = label_key(yusuan_domain::strip_numbering(&p.label));
        (l.chars().count() >= 2)
            .then(|| words.rfind(&l).map(|i| i + l.len()))
            .flatten()
    };
    let all = &cells.all;
    // How near the amount a row's name ends, how alike its name is, how deep its code.
    type Rank = (Option<usize>, f32, usize);
    let mut best: Option<(&Printed, Rank)> = None;
    for p in cells.printing_as(value, form).into_iter().map(|i| &all[i]) {
        let alike = name_similarity(name, &p.name);
        if value.is_zero() && alike < ZERO_NAME_MATCH && !names_cell(name, &p.name) {
            continue;
        }
        let rank = (at(p), alike, p.code_len);
        let better = |b: &Rank| {
            rank.0 > b.0 || (rank.0 == b.0 && (rank.1 > b.1 || (rank.1 == b.1 && rank.2 > b.2)))
        };
        if best.as_ref().is_none_or(|b| better(&b.1)) {
            best = Some((p, rank));
        }
    }
    if let Some((p, _)) = best {
        return Some(vec![p.at.clone()]);
    }
    if value.is_zero() {
        return None;
    }
    for (i, a) in all.iter().enumerate() {
        for b in cells.later_peers[i].iter().map(|&j| &all[j]) {
            if fits(a.yuan + b.yuan) {
                return Some(vec![a.at.clone(), b.at.clone()]);
            }
        }
    }
    None
}

/// The key a reason for a figure is written under: a narrative figure's own (`说明|收入预算`),
/// else `说明|` and its rows' names as printed (numbering removed), `、` between two.
pub(super) fn reason_key(all: &[Printed], of: &Of) -> String {
    let cells = match of {
        Of::Figure { key } => return key.clone(),
        Of::Line { key } => return key.clone(),
        Of::Cells { cells } => cells,
    };
    let names: Vec<String> = cells
        .iter()
        .filter_map(|c| all.iter().find(|p| p.at == *c))
        .map(|p| {
            let l = label_key(&p.label);
            let numbered = l
                .char_indices()
                .find(|(_, c)| matches!(c, '、' | '.' | '．'))
                .filter(|(i, _)| {
                    l[..*i]
                        .chars()
                        .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
                });
            let row = numbered.map_or(l.clone(), |(i, c)| l[i + c.len_utf8()..].to_string());
            // A total's name is its column's (`基本支出`).
            let column = p.column.rsplit('/').next().unwrap_or_default().to_string();
            if row.is_empty()
                || (["合计", "总计", "小计"].contains(&row.as_str()) && !column.is_empty())
            {
                column
            } else {
                row
            }
        })
        .collect();
    format!("说明|{}", names.join("、"))
}
