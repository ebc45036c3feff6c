//! The other unit, tried for a table that prints none: read as 元 it may be 10,000× too small.
//! Where its 合计 read as 万元 is the 合计 of another table of the document that prints its unit
//! (the same money, the 收入总表 and the 支出总表), and read as 元 is not, the table is 万元 and
//! the report says how it was decided; otherwise it stays 元, assumed (the checker holds back
//! what rests on it).

use crate::{Diagnostic, ReportItem};
use rust_decimal::Decimal;
use yusuan_domain::{Amount, Cell, Document, Table, Unit};

/// A table's 合计: the first amount of its first total row without a code.
fn total(t: &Table) -> Option<Decimal> {
    let r = t
        .rows
        .iter()
        .find(|r| r.code.is_none() && r.side.is_none() && r.is_total())?;
    r.cells.iter().find_map(|c| match c {
        Cell::Amount { value, .. } if !value.is_zero() => Some(*value),
        _ => None,
    })
}

/// Decides the unit of each table read as 元 for want of a printed one (`assumed`, by title),
/// from the other tables' totals; returns the titles still assumed.
pub(super) fn decide(
    doc: &mut Document,
    assumed: Vec<String>,
    notes: &mut Vec<ReportItem>,
) -> Vec<String> {
    let known: Vec<(String, Decimal)> = doc
        .tables
        .iter()
        .filter(|t| !assumed.contains(&t.title))
        .filter_map(|t| {
            let v = total(t)?;
            Some((
                t.title.clone(),
                Amount {
                    value: v,
                    unit: t.unit,
                }
                .to_yuan(),
            ))
        })
        .collect();
    let wan = Unit::WanYuan.in_yuan();
    let mut still = Vec::new();
    for title in assumed {
        let Some(t) = doc.tables.iter_mut().find(|t| t.title == title) else {
            continue;
        };
        let Some(v) = total(t) else {
            still.push(title);
            continue;
        };
        // In 万元 the other total may carry the rounding of the printed decimals.
        let tail = Decimal::new(5, v.scale()) * wan;
        let as_yuan = known.iter().any(|(_, k)| *k == v);
        let as_wan = known.iter().find(|(_, k)| (*k - v * wan).abs() <= tail);
        match (as_yuan, as_wan) {
            (false, Some((other, _))) => {
                t.unit = Unit::WanYuan;
                notes.push(ReportItem::new(
                    Diagnostic::UnitFromOtherTables {
                        table: title.clone(),
                        other: other.clone(),
                    },
                    t.location,
                ));
            }
            _ => still.push(title),
        }
    }
    still
}

#[cfg(test)]
mod tests {
    /// check(input, expect): a table without a unit whose 合计 as 万元 is another table's (that
    /// prints 元) is 万元; one whose 合计 matches nothing stays 元, assumed.
    #[test]
    fn another_tables_total_decides_the_unit() {
        let read = |spending: &str| {
            crate::import_text(
                "t.txt",
                format!(
                    "2026年部门收入预算总表\n部门名称：某局\t单位：元\n项目\t金额\n合计\t1,600,000.00\n一般公共预算\t1,600,000.00\n2026年部门支出预算总表\n部门名称：某局\n项目\t金额\n合计\t{spending}\n基本支出\t{spending}\n"
                )
                .as_bytes(),
            )
            .unwrap()
        };
        let decided = read("160.00");
        let t = &decided.document.tables[1];
        assert_eq!(t.unit, yusuan_domain::Unit::WanYuan);
        assert!(decided.document.assumed_units.is_empty());
        assert!(decided.report.notes.iter().any(|n| n
            .message
            .contains("按万元读取时其合计与表“2026年部门收入预算总表”的合计相同")));
        let open = read("170.00");
        assert_eq!(open.document.tables[1].unit, yusuan_domain::Unit::Yuan);
        assert_eq!(
            open.document.assumed_units,
            [open.document.tables[1].title.clone()]
        );
    }
}
