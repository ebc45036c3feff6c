//! Tables whose header gives their sides by position only — `收入 | 支出` over key and 金额
//! cells printed where they fit, blanks not printed (Jiangsu's three-sided 收支预算总表 and two-
//! sided 财政拨款收支预算总表): where each side is on the page, and a line split into its sides.

use super::flow;
use super::marks::compact;
use crate::Line;
use yusuan_domain::Column;

/// A table whose header gives its sides by position only: `收入 | 支出` over lines where each
/// side's key cell (项目名称, 功能科目名称) and its 金额 are printed as they fit — the 支出 sides under
/// headings of their own (功能分类, 支出用途) — and blanks are not printed, as Jiangsu's 收支预算总表
/// (three sides) and 财政拨款收支预算总表 (two) are.
pub(super) fn sides_by_position(header: &[Line]) -> Option<(Sides, Vec<Column>)> {
    let first = header.first()?;
    let top: Vec<String> = first
        .cells
        .iter()
        .map(|c| compact(c))
        .filter(|c| !c.is_empty())
        .collect();
    if top != ["收入", "支出"] || first.spans.len() != first.cells.len() {
        return None;
    }
    let mut keys: Vec<f32> = Vec::new(); // layout: each key cell's centre
    let mut amounts: Vec<(f32, f32)> = Vec::new(); // layout: each 金额 cell's extent
    let mut headings: Vec<(String, f32)> = Vec::new(); // layout
    for l in &header[1..] {
        if l.spans.len() != l.cells.len() {
            return None;
        }
        for (c, &(a, b)) in l.cells.iter().zip(&l.spans) {
            let c = compact(c);
            if c == "项目" || c.ends_with("名称") {
                keys.push((a + b) / 2.0);
            } else if c == "金额" {
                amounts.push((a, b));
            } else if !c.is_empty() {
                headings.push((c, (a + b) / 2.0));
            }
        }
    }
    if keys.len() < 2 || keys.len() != amounts.len() {
        return None;
    }
    keys.sort_by(f32::total_cmp);
    amounts.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Each side: its key, then its 金额 (a side's 金额 between its key and the next key).
    let ordered = (0..keys.len())
        .all(|k| keys[k] < amounts[k].0 && keys.get(k + 1).is_none_or(|next| amounts[k].1 < *next));
    if !ordered {
        return None;
    }
    // A side's labels begin after the 金额 of the side before it (labels are set from the left
    // of their column, whose border lies right of that centred header).
    let sides = Sides {
        label_from: amounts[..amounts.len() - 1].iter().map(|a| a.1).collect(),
        amount_at: amounts.iter().map(|a| (a.0 + a.1) / 2.0).collect(),
    };
    let side_of = |x: f32| sides.label_from.iter().filter(|&&s| x >= s).count();
    let mut columns = vec![Column {
        path: vec!["收入".into(), "金额".into()],
    }];
    for k in 1..keys.len() {
        let mut path = vec!["支出".to_string()];
        path.extend(
            headings
                .iter()
                .filter(|(_, x)| side_of(*x) == k)
                .map(|(h, _)| h.clone()),
        );
        path.push("金额".into());
        columns.push(Column { path });
    }
    Some((sides, columns))
}

/// Where a positional ledger's sides are (layout coordinates).
#[derive(Debug, Clone, Default)]
pub(super) struct Sides {
    /// Where each side after the first begins, for its words.
    label_from: Vec<f32>,
    /// The centre of each side's 金额 header, for its amounts (set under it, right-aligned).
    amount_at: Vec<f32>,
}

/// A line split into its sides: each side's label (its words joined) and its values — words by
/// where they begin, amounts under the nearest 金额.
pub(super) fn split_sides_at(
    toks: &[(String, Option<f32>)],
    sides: &Sides,
) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = vec![Default::default(); sides.amount_at.len()];
    for (t, x) in toks {
        if flow::is_amount(t) {
            let k = x.map_or(0, |x| {
                (0..sides.amount_at.len())
                    .min_by(|&a, &b| {
                        (sides.amount_at[a] - x)
                            .abs()
                            .total_cmp(&(sides.amount_at[b] - x).abs())
                    })
                    .unwrap_or(0)
            });
            out[k].1.push(t.clone());
        } else {
            let k = x.map_or(0, |x| sides.label_from.iter().filter(|&&s| x >= s).count());
            out[k].0.push_str(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[(&str, f32, f32)]) -> Line {
        Line {
            location: Default::default(),
            text: cells.iter().map(|c| c.0).collect::<Vec<_>>().join("\t"),
            cells: cells.iter().map(|c| c.0.to_string()).collect(),
            spans: cells.iter().map(|c| (c.1, c.2)).collect(),
            boxes: vec![],
        }
    }

    /// The three-sided header as Jiangsu prints it (x in points), and lines split by it.
    #[test]
    fn three_sides_from_the_header_and_lines_split_by_them() {
        let header = [
            line(&[("收入", 60.0, 90.0), ("支出", 400.0, 430.0)]),
            line(&[("功能分类", 300.0, 350.0), ("支出用途", 560.0, 610.0)]),
            line(&[("项目名称", 40.0, 90.0), ("金额", 150.0, 175.0)]),
            line(&[
                ("功能科目名称", 260.0, 330.0),
                ("金额", 400.0, 425.0),
                ("项目名称", 520.0, 570.0),
                ("金额", 650.0, 675.0),
            ]),
        ];
        let (sides, columns) = sides_by_position(&header).unwrap();
        let names: Vec<String> = columns.iter().map(|c| c.name()).collect();
        assert_eq!(
            names,
            ["收入/金额", "支出/功能分类/金额", "支出/支出用途/金额"]
        );
        // Words by where they begin; amounts under the nearest 金额; a short label just right of
        // the income 金额 is the 功能 side's.
        let toks = |v: &[(&str, f32)]| {
            v.iter()
                .map(|(t, x)| (t.to_string(), Some(*x)))
                .collect::<Vec<_>>()
        };
        let split = split_sides_at(
            &toks(&[
                ("一、财政拨款", 60.0),
                ("10,070.48", 165.0),
                ("小计", 185.0),
                ("7,827.46", 415.0),
                ("一、基本支出", 530.0),
                ("5,678.17", 668.0),
            ]),
            &sides,
        );
        assert_eq!(
            split,
            [
                ("一、财政拨款".to_string(), vec!["10,070.48".to_string()]),
                ("小计".into(), vec!["7,827.46".into()]),
                ("一、基本支出".into(), vec!["5,678.17".into()])
            ]
        );
        // Not this shape: one side, or 金额 cells out of order.
        assert!(sides_by_position(&header[1..]).is_none());
        let odd = [
            header[0].clone(),
            line(&[
                ("项目名称", 40.0, 90.0),
                ("项目名称", 260.0, 330.0),
                ("金额", 400.0, 425.0),
            ]),
        ];
        assert!(sides_by_position(&odd).is_none());
    }
}
