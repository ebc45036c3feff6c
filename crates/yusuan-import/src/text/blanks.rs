//! Where the blanks were: placing the values of rows printed without their empty cells.
//!
//! A space-separated (or position-less) row `208 05 01 行政单位离退休 63,240 63,240` under
//! 合计 | 基本支出 | 项目支出 does not say whether 63,240 is 基本 or 项目. The table's own arithmetic
//! does: each row's 合计 is the sum of its parts, each 类/款 is the sum of its 款/项, and the 合计
//! row is the sum of the 类 rows. Every order-keeping placement of a short row's values is a
//! candidate; candidates that break an identity are dropped, group by group, until nothing
//! changes. A row left with one candidate is placed; one left with several keeps the printed
//! order and is reported.

use rust_decimal::Decimal;
use yusuan_domain::{Cell, Column, Row, RowCode, TableKind};

/// The joint placements of a parent row and its children are tried exhaustively up to this many
/// (2^16); beyond, the rows stay open for the document-level pass. Real tables need a few
/// hundred at most; a crafted one cannot make the import search for ever.
const MAX_JOINT_PLACEMENTS: usize = 1 << 16;

/// Candidates: for each value column, the value's index in the printed list (or none).
pub(super) type Placement = Vec<Option<usize>>;

pub(super) fn placements(n: usize, m: usize) -> Vec<Placement> {
    let mut out = Vec::new();
    if m > n || n > 16 {
        return out;
    }
    for mask in 0u32..(1u32 << n) {
        if mask.count_ones() as usize != m {
            continue;
        }
        let mut k = 0;
        out.push(
            (0..n)
                .map(|c| {
                    if mask & (1 << c) != 0 {
                        k += 1;
                        Some(k - 1)
                    } else {
                        None
                    }
                })
                .collect(),
        );
    }
    out
}

fn values_of(p: &Placement, vals: &[Decimal]) -> Vec<Decimal> {
    p.iter()
        .map(|i| i.map_or(Decimal::ZERO, |i| vals[i]))
        .collect()
}

/// Whether the first column is the 合计 of the others in this kind of table.
fn total_first(kind: TableKind, columns: &[Column]) -> bool {
    use TableKind::*;
    matches!(
        kind,
        Income
            | Expenditure
            | ExpenditureByUnit
            | FiscalByUnit
            | GeneralPublicFunction
            | GovernmentFundFunction
            | StateCapitalFunction
            | GeneralPublicBasicEconomic
    ) && columns
        .first()
        .and_then(|c| c.path.last())
        .is_some_and(|l| l == "合计")
        && columns.len() > 1
}

/// The outcome for the short rows: how many were placed by the arithmetic, and the indexes of
/// those still ambiguous (they keep the printed order).
pub struct Outcome {
    /// Rows placed by the identities.
    pub placed: usize,
    /// Rows whose place stays open.
    pub open: Vec<usize>,
}

/// Places the short rows. `short[i]` holds the printed values of row `i` when it had fewer
/// values than columns (and no positions to place them by).
pub fn resolve(
    rows: &mut [Row],
    short: &[Option<Vec<Decimal>>],
    columns: &[Column],
    kind: TableKind,
) -> Outcome {
    let identities: Vec<(usize, Vec<usize>)> = if total_first(kind, columns) {
        vec![(0, (1..columns.len()).collect())]
    } else if kind == TableKind::ThreePublic {
        // 合计 = 因公出国 + 公务用车/小计 + 公务接待; 小计 = 购置 + 运行 (from the header paths).
        yusuan_domain::sum_identities(columns, &vec![true; columns.len()])
    } else {
        Vec::new()
    };
    let groups = code_groups(rows);
    resolve_in(rows, short, columns.len(), &identities, &groups)
}

/// Places the short rows of one side of a two-sided table: its 总计 row is the sum of the
/// side's top-level items (`一、…`, `二、…`); `identity` when the side's first column is the
/// 合计 of the others.
pub fn resolve_side(
    rows: &mut [Row],
    short: &[Option<Vec<Decimal>>],
    n: usize,
    identity: bool,
) -> Outcome {
    let identities: Vec<(usize, Vec<usize>)> = if identity && n > 1 {
        vec![(0, (1..n).collect())]
    } else {
        Vec::new()
    };
    let top = |l: &str| {
        let body = l.trim_start_matches(|c: char| "一二三四五六七八九十廿".contains(c));
        body.len() < l.len() && body.starts_with('、')
    };
    let items: Vec<usize> = (0..rows.len())
        .filter(|&i| top(rows[i].label.trim()))
        .collect();
    let groups: Vec<(usize, Vec<usize>)> = (0..rows.len())
        .filter(|&i| {
            let l: String = rows[i]
                .label
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            l.ends_with("总计")
        })
        .map(|i| (i, items.clone()))
        .collect();
    resolve_in(rows, short, n, &identities, &groups)
}

fn code_groups(rows: &[Row]) -> Vec<(usize, Vec<usize>)> {
    let parent_of = |r: &Row| match &r.code {
        Some(RowCode::Function(f)) => f.parent().map(|p| p.as_str().to_string()),
        Some(RowCode::Economic(e)) => e.parent().map(|p| p.as_str().to_string()),
        _ => None,
    };
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(code) = &r.code {
            let kids: Vec<usize> = (0..rows.len())
                .filter(|&j| parent_of(&rows[j]).as_deref() == Some(code.as_str()))
                .collect();
            if !kids.is_empty() {
                groups.push((i, kids));
            }
        } else if r.is_total() {
            let tops: Vec<usize> = (0..rows.len())
                .filter(|&j| match &rows[j].code {
                    Some(RowCode::Function(_)) | Some(RowCode::Economic(_)) => {
                        parent_of(&rows[j]).is_none()
                    }
                    Some(RowCode::Unit(_)) => true,
                    _ => false,
                })
                .collect();
            if !tops.is_empty() {
                groups.push((i, tops));
            }
        }
    }
    groups
}

/// Which candidates of a parent row and its children take part in at least one joint placement
/// where the children's values add up to the parent's in every column (one flag per candidate,
/// members in order, the parent first); `None` when an amount does not fit the exact integers
/// the search adds (never for a printed budget). The children's combinations are walked as an
/// odometer keeping their running sum, and each is looked up among the parent's candidates: one
/// addition per step instead of a sum over every child and column.
fn joint_keep(
    members: &[usize],
    cands: &[Vec<(Placement, Vec<Decimal>)>],
    n: usize,
) -> Option<Vec<Vec<bool>>> {
    // Every amount as an integer of the largest scale among them (exact).
    let scale = members
        .iter()
        .flat_map(|&m| {
            cands[m]
                .iter()
                .flat_map(|(_, v)| v.iter().map(Decimal::scale))
        })
        .max()
        .unwrap_or(0);
    let factor = 10i128.checked_pow(scale)?;
    let int = |d: &Decimal| d.mantissa().checked_mul(factor / 10i128.pow(d.scale()));
    let vectors: Vec<Vec<Vec<i128>>> = members
        .iter()
        .map(|&m| {
            cands[m]
                .iter()
                .map(|(_, v)| v.iter().take(n).map(int).collect::<Option<Vec<i128>>>())
                .collect::<Option<Vec<_>>>()
        })
        .collect::<Option<_>>()?;
    let mut parents: std::collections::HashMap<&[i128], Vec<usize>> =
        std::collections::HashMap::new();
    for (k, v) in vectors[0].iter().enumerate() {
        parents.entry(v.as_slice()).or_default().push(k);
    }
    let mut keep: Vec<Vec<bool>> = members
        .iter()
        .map(|&m| vec![false; cands[m].len()])
        .collect();
    let kids = &vectors[1..];
    let mut idx = vec![0usize; kids.len()];
    let mut sum = vec![0i128; n];
    for kid in kids {
        for (s, v) in sum.iter_mut().zip(&kid[0]) {
            *s = s.checked_add(*v)?;
        }
    }
    loop {
        if let Some(ps) = parents.get(sum.as_slice()) {
            for &p in ps {
                keep[0][p] = true;
            }
            for (t, &k) in idx.iter().enumerate() {
                keep[t + 1][k] = true;
            }
        }
        // The next combination: the first child that can move moves; those before it go back.
        let mut t = 0;
        while t < kids.len() {
            let from = idx[t];
            idx[t] = if from + 1 < kids[t].len() {
                from + 1
            } else {
                0
            };
            for (s, (old, new)) in sum
                .iter_mut()
                .zip(kids[t][from].iter().zip(&kids[t][idx[t]]))
            {
                *s = s.checked_sub(*old)?.checked_add(*new)?;
            }
            if idx[t] != 0 {
                break;
            }
            t += 1;
        }
        if t == kids.len() {
            break;
        }
    }
    Some(keep)
}

/// `identities`: (total column, its part columns) that every placed row must satisfy.
fn resolve_in(
    rows: &mut [Row],
    short: &[Option<Vec<Decimal>>],
    n: usize,
    identities: &[(usize, Vec<usize>)],
    groups: &[(usize, Vec<usize>)],
) -> Outcome {
    let mut cands: Vec<Vec<(Placement, Vec<Decimal>)>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| match short.get(i).and_then(|s| s.as_ref()) {
            Some(vals) => placements(n, vals.len())
                .into_iter()
                .map(|p| {
                    let v = values_of(&p, vals);
                    (p, v)
                })
                .filter(|(_, v)| {
                    identities
                        .iter()
                        .all(|(t, parts)| v[*t] == parts.iter().map(|&k| v[k]).sum::<Decimal>())
                })
                .collect(),
            None => vec![(
                vec![],
                r.cells
                    .iter()
                    .map(|c| c.value_or_zero().unwrap_or(Decimal::ZERO))
                    .collect(),
            )],
        })
        .collect();
    for _ in 0..10 {
        let mut changed = false;
        for (parent, kids) in groups {
            let members: Vec<usize> = std::iter::once(*parent)
                .chain(kids.iter().copied())
                .collect();
            let size: usize = members.iter().map(|&m| cands[m].len().max(1)).product();
            if size <= 1
                || size > MAX_JOINT_PLACEMENTS
                || members.iter().any(|&m| cands[m].is_empty())
            {
                continue;
            }
            let Some(keep) = joint_keep(&members, &cands, n) else {
                continue;
            };
            if keep.iter().all(|k| !k.iter().any(|&b| b)) {
                continue; // The printed numbers break the identity anyway: that is for the checks.
            }
            for (t, &m) in members.iter().enumerate() {
                let before = cands[m].len();
                let mut k = 0;
                cands[m].retain(|_| {
                    k += 1;
                    keep[t][k - 1]
                });
                changed |= cands[m].len() != before;
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = Outcome {
        placed: 0,
        open: vec![],
    };
    for (i, s) in short.iter().enumerate() {
        let Some(vals) = s else { continue };
        if cands[i].len() == 1 && !cands[i][0].0.is_empty() {
            let printed = rows[i].printed_amounts();
            if printed.len() == vals.len() {
                rows[i].cells = cands[i][0]
                    .0
                    .iter()
                    .map(|k| {
                        k.map_or(Cell::Blank, |k| Cell::Amount {
                            value: vals[k],
                            printed: printed[k].clone(),
                        })
                    })
                    .collect();
                out.placed += 1;
                continue;
            }
        }
        out.open.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_domain::Location;

    fn row(label: &str, vals: &[&str]) -> Row {
        Row {
            code: None,
            label: label.into(),
            side: None,
            cells: vals
                .iter()
                .map(|v| {
                    if v.is_empty() {
                        Cell::Blank
                    } else {
                        Cell::Amount {
                            value: v.parse().unwrap(),
                            printed: v.to_string(),
                        }
                    }
                })
                .collect(),
            location: Location::default(),
        }
    }

    #[test]
    fn a_side_total_places_its_items() {
        // 合计 | 一般公共预算 | 政府性基金预算; items printed without their blanks (made up).
        let mut rows = vec![
            row("一、社会保障和就业支出", &["100", "100", ""]),
            row("二、其他支出", &["40", "40", ""]),
            row("支出总计", &["140", "100", "40"]),
        ];
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let short = vec![
            Some(vec![d("100"), d("100")]),
            Some(vec![d("40"), d("40")]),
            None,
        ];
        let out = resolve_side(&mut rows, &short, 3, true);
        assert_eq!(out.placed, 2);
        assert!(out.open.is_empty());
        assert_eq!(rows[1].cells[1], Cell::Blank);
        assert_eq!(rows[1].cells[2].amount(), Some(d("40")));
        assert_eq!(rows[0].cells[1].amount(), Some(d("100")));
    }

    #[test]
    fn undecidable_rows_stay_open() {
        let mut rows = vec![
            row("一、甲", &["5", "5", ""]),
            row("支出总计", &["5", "5", ""]),
        ];
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let short = vec![Some(vec![d("5"), d("5")]), Some(vec![d("5"), d("5")])];
        let out = resolve_side(&mut rows, &short, 3, true);
        assert_eq!(out.placed, 0);
        assert_eq!(out.open, vec![0, 1]);
    }
}
