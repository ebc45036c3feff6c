//! An income table that lists the sources of money by name, with no function codes (Jiangsu's
//! 收入预算总表: 一般公共预算资金 / 政府性基金 / 财政专户管理资金 / 其他资金 / 上年结转, each with its
//! items and a 小计). Each row is bound to what its label names, so the table follows the
//! spending lines: a row naming a fund sums that fund's lines (the first row that names it); a
//! `小计` sums the rows under it up to the next category; the 总计 row sums every line. A row
//! that names no fund (专项收入, 债务资金, a `其中` line) is a line of the table's own.

use crate::keys::Fund;
use crate::layout::{CellRule, Query, RowRule};
use yusuan_domain::{strip_numbering, Cell, Row, Table};

/// What a row of a sources table is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SourceRow {
    /// 收入总计 / 合计: every line.
    Total,
    /// A 小计 of the category under it.
    Subtotal,
    /// The lines of this fund.
    Fund(Fund),
    /// A figure of the table's own (a leaf).
    Own,
}

/// The fund a source's label names (`公共财政拨款(补助)资金`, `专户管理教育收费`, `其他资金经营收入`).
pub(crate) fn source_fund(label: &str) -> Option<Fund> {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    if l.starts_with("其中") {
        return None;
    }
    if l.contains("公共财政拨款") {
        return Some(Fund::GeneralPublic);
    }
    if l.contains("专户管理") {
        return Some(Fund::SpecialAccount);
    }
    // `上年结转和结余资金`: the carried-over money.
    if l.contains("上年结转") {
        return Some(Fund::CarryOver);
    }
    Fund::from_label(&l)
}

/// Whether a table lists its income by source: an income table with no function code rows,
/// whose rows name funds.
pub(crate) fn is_sources_table(t: &Table) -> bool {
    t.kind == yusuan_domain::TableKind::Income
        && t.rows.iter().all(|r| r.code.is_none())
        && t.rows
            .iter()
            .filter(|r| source_fund(&r.label).is_some())
            .count()
            >= 2
}

/// Each row's meaning, in order (the first row naming a fund takes it; later ones are own).
pub(crate) fn classify(rows: &[Row]) -> Vec<SourceRow> {
    let mut taken: Vec<Fund> = Vec::new();
    rows.iter()
        .map(|r| {
            let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
            let bare = strip_numbering(&l);
            if l.contains("总计") || l.contains("合计") {
                return SourceRow::Total;
            }
            match source_fund(&l) {
                Some(f) if !taken.contains(&f) => {
                    taken.push(f.clone());
                    SourceRow::Fund(f)
                }
                _ if bare == "小计" => SourceRow::Subtotal,
                _ => SourceRow::Own,
            }
        })
        .collect()
}

/// Whether a row opens a category of its own, ending the 小计 above it: another 小计, a fund's
/// own subtotal (`政府性基金小计`), 债务资金, 上年结转.
fn opens_category(r: &Row, kind: &SourceRow) -> bool {
    let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(kind, SourceRow::Subtotal | SourceRow::Total)
        || l.ends_with("小计")
        || l.contains("债务")
        || l.contains("上年结转")
}

/// The rows of a sources table: `own(row index, column)` makes the leaf of an own figure and
/// returns its query.
pub(crate) fn source_rows(t: &Table, own: &mut dyn FnMut(usize, usize) -> Query) -> Vec<RowRule> {
    let kinds = classify(&t.rows);
    let mut queries: Vec<Vec<Option<Query>>> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let row: Vec<Option<Query>> = (0..t.columns.len())
            .map(|c| match r.cells.get(c) {
                Some(Cell::Text { .. }) => None,
                _ => match &kinds[i] {
                    SourceRow::Total => Some(Query::Spend {
                        funds: None,
                        prefix: None,
                        kinds: None,
                    }),
                    SourceRow::Fund(f) => Some(Query::Spend {
                        funds: Some(vec![f.clone()]),
                        prefix: None,
                        kinds: None,
                    }),
                    SourceRow::Own => Some(own(i, c)),
                    SourceRow::Subtotal => None,
                },
            })
            .collect();
        queries.push(row);
    }
    // A 小计 sums the rows under it, up to the next category.
    for (i, kind) in kinds.iter().enumerate() {
        if *kind != SourceRow::Subtotal {
            continue;
        }
        // The category's first row may be its name (`上年结转和结余资金` under its 小计).
        let end = (i + 2..t.rows.len())
            .find(|&j| opens_category(&t.rows[j], &kinds[j]))
            .unwrap_or(t.rows.len());
        let memo = |j: usize| t.rows[j].label.trim_start().starts_with("其中");
        let sums: Vec<Option<Query>> = (0..t.columns.len())
            .map(|c| {
                Some(Query::Parts {
                    parts: (i + 1..end)
                        .filter(|&j| !memo(j))
                        .filter_map(|j| queries[j][c].clone())
                        .collect(),
                })
            })
            .collect();
        queries[i] = sums;
    }
    t.rows
        .iter()
        .zip(queries)
        .map(|(r, qs)| RowRule {
            code: None,
            label: r.label.clone(),
            side: r.side,
            cells: qs
                .into_iter()
                .enumerate()
                .map(|(c, q)| match (q, r.cells.get(c)) {
                    (_, Some(Cell::Text { text })) => CellRule::Text { text: text.clone() },
                    (Some(query), _) => CellRule::Sum { query },
                    (None, _) => CellRule::Blank,
                })
                .collect(),
            pattern: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_their_funds() {
        // check(input, expect)
        let cases = [
            (
                "一般公共预算资金公共财政拨款(补助)资金",
                Some(Fund::GeneralPublic),
            ),
            ("政府性基金小计", Some(Fund::GovernmentFund)),
            (
                "财政专户管理资金专户管理教育收费",
                Some(Fund::SpecialAccount),
            ),
            ("事业收入", Some(Fund::Business)),
            ("其他资金经营收入", Some(Fund::Operating)),
            ("其他收入", Some(Fund::Other)),
            ("上年结转和结余资金", Some(Fund::CarryOver)),
            ("其中：动用上年结转和结余资金", None),
            ("专项收入", None),
            ("债务资金(银行贷款)", None),
        ];
        for (label, expect) in cases {
            assert_eq!(source_fund(label), expect, "{label}");
        }
    }
}
