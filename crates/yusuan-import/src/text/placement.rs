//! Placing values whose empty cells were lost: by sub-row sums (tab text), by each side's 总计
//! (two-sided tables read without positions), and by sibling tables of the same document.

use crate::{Diagnostic, ReportItem};
use yusuan_domain::{Cell, Column, Document, LedgerSide, Location, Row, RowCode, TableKind};

/// A row whose values could not be placed in their columns (no positions, no deciding sums):
/// they are in printed order for now.
#[derive(Debug, Clone)]
pub struct OpenRow {
    /// The row's index in its table.
    pub row: usize,
    /// Its printed values.
    pub values: Vec<rust_decimal::Decimal>,
}

/// The widest row whose values are placed by trying every arrangement (2^16 candidates): a
/// disclosure table has at most a dozen value columns; a wider one (a damaged or foreign file)
/// keeps its printed order.
const SEARCH_COLUMNS: usize = 16;

/// Text extraction drops the empty cells at the end of a line, so a line with fewer cells than
/// the header leaves the place of its numbers open (`302 商品和服务支出 6,710,518 6,710,518`
/// under 合计 | 人员经费 | 公用经费). For a row that has sub-rows (a 类 or 款 with its 款 or 项),
/// the sub-rows' column sums decide: when the printed order does not match them and exactly one
/// other placement of the same numbers in the same order does, that placement is taken and the
/// report says so. Rows without sub-rows keep the printed order (blanks at the end).
pub(super) fn place_short_rows(
    rows: &mut [Row],
    shorts: &[bool],
    title: &str,
    notes: &mut Vec<ReportItem>,
) {
    use rust_decimal::Decimal;
    let parent_of = |c: &RowCode| match c {
        RowCode::Function(f) => f.parent().map(|p| p.as_str().to_string()),
        RowCode::Economic(e) => e.parent().map(|p| p.as_str().to_string()),
        _ => None,
    };
    for i in 0..rows.len() {
        if !shorts.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(code) = rows[i].code.clone() else {
            continue;
        };
        let n = rows[i].cells.len();
        let children: Vec<usize> = (0..rows.len())
            .filter(|&j| {
                rows[j].code.as_ref().and_then(parent_of).as_deref() == Some(code.as_str())
            })
            .collect();
        if children.is_empty() {
            continue;
        }
        let mut sums = vec![Decimal::ZERO; n];
        for &j in &children {
            for (k, c) in rows[j].cells.iter().enumerate().take(n) {
                match c.value_or_zero() {
                    Some(v) => sums[k] += v,
                    None => return,
                }
            }
        }
        let values: Vec<Cell> = rows[i]
            .cells
            .iter()
            .filter(|c| **c != Cell::Blank)
            .cloned()
            .collect();
        let matches = |cells: &[Cell]| {
            cells
                .iter()
                .zip(&sums)
                .all(|(c, s)| c.value_or_zero() == Some(*s))
        };
        if matches(&rows[i].cells) {
            continue;
        }
        // Every way to put the values in order into the columns: 2^n candidates, so only for a
        // table of at most SEARCH_COLUMNS columns (a wider row stays unplaced, as printed).
        if n > SEARCH_COLUMNS {
            continue;
        }
        let mut found: Vec<Vec<Cell>> = Vec::new();
        for mask in 0u32..(1u32 << n) {
            if mask.count_ones() as usize != values.len() {
                continue;
            }
            let mut it = values.iter();
            let cand: Vec<Cell> = (0..n)
                .map(|k| {
                    if mask & (1u32 << k) != 0 {
                        it.next().cloned().unwrap_or(Cell::Blank)
                    } else {
                        Cell::Blank
                    }
                })
                .collect();
            if matches(&cand) {
                found.push(cand);
            }
        }
        if found.len() == 1 {
            rows[i].cells = found.remove(0);
            notes.push(ReportItem::new(
                Diagnostic::PlacedBySubRows {
                    table: title.to_string(),
                    row: rows[i].label.clone(),
                },
                rows[i].location,
            ));
        }
    }
}

/// Places the values of two-sided rows printed without their blanks, side by side: each side's
/// 总计 is the sum of its items, and a side whose first column is 合计 adds up across.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve_ledger(
    rows: &mut [Row],
    shorts: &[Option<Vec<rust_decimal::Decimal>>],
    columns: &[Column],
    left: usize,
    title: &str,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
    at: Location,
) {
    let mut placed = 0;
    for (side, range) in [
        (LedgerSide::Income, 0..left),
        (LedgerSide::Expenditure, left..columns.len()),
    ] {
        let idx: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].side == Some(side))
            .collect();
        if idx.is_empty() || !idx.iter().any(|&i| shorts[i].is_some()) {
            continue;
        }
        let mut side_rows: Vec<Row> = idx
            .iter()
            .map(|&i| Row {
                cells: rows[i].cells[range.clone()].to_vec(),
                ..rows[i].clone()
            })
            .collect();
        let side_shorts: Vec<_> = idx.iter().map(|&i| shorts[i].clone()).collect();
        let identity = columns[range.clone()]
            .first()
            .and_then(|c| c.path.last())
            .is_some_and(|l| l == "合计")
            && range.len() > 1;
        let outcome =
            super::blanks::resolve_side(&mut side_rows, &side_shorts, range.len(), identity);
        placed += outcome.placed;
        for (k, &i) in idx.iter().enumerate() {
            rows[i]
                .cells
                .splice(range.clone(), side_rows[k].cells.iter().cloned());
        }
        for k in outcome.open {
            let r = &rows[idx[k]];
            let open = Diagnostic::SideOpen {
                table: title.to_string(),
                row: r.label.clone(),
                printed: side_shorts[k].as_ref().map_or(0, Vec::len),
                columns: range.len(),
            };
            warnings.push(ReportItem::new(open, r.location));
        }
    }
    if placed > 0 {
        notes.push(ReportItem::new(
            Diagnostic::PlacedBySideTotals {
                table: title.to_string(),
                rows: placed,
            },
            at,
        ));
    }
}

/// Rows still open after their own table's arithmetic: another table of the document that
/// prints the same code under the same columns with every value placed (支出预算总表 for the
/// fund tables) decides, when exactly one placement of the printed values matches it. The rest
/// keep the printed order and are reported for the user to check.
pub(super) fn place_by_sibling_tables(
    doc: &mut Document,
    open: Vec<(usize, OpenRow)>,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
) {
    let mut placed = 0;
    for (ti, o) in open {
        let (code, leafs, title, loc, n) = {
            let t = &doc.tables[ti];
            let r = &t.rows[o.row];
            let leafs: Vec<String> = t
                .columns
                .iter()
                .map(|c| c.path.last().cloned().unwrap_or_default())
                .collect();
            (
                r.code.clone(),
                leafs,
                t.title.clone(),
                r.location,
                t.columns.len(),
            )
        };
        let sibling = code
            .as_ref()
            .and_then(|code| same_code_elsewhere(doc, ti, code, &leafs));
        // A 合计 row: its own table's 类 rows, once placed, are the evidence.
        let sibling = sibling.or_else(|| classes_summed(&doc.tables[ti], &o, code.is_some(), n));
        // 收入预算总表: an income source the 财务收支预算总表 shows as empty holds nothing here.
        let sibling = sibling.or_else(|| income_by_summary(doc, ti, &o, &leafs));
        let mut done = false;
        if let Some(sib) = sibling {
            if place_as_evidence(&mut doc.tables[ti], &o, &sib) {
                placed += 1;
                done = true;
            }
        }
        if !done && doc.tables[ti].kind == TableKind::ThreePublic {
            if let Some((cells, how)) = place_three_public(doc, ti, &o) {
                doc.tables[ti].rows[o.row].cells = cells;
                notes.push(ReportItem::new(
                    Diagnostic::PlacedRow {
                        table: title.clone(),
                        how: how.to_string(),
                    },
                    loc,
                ));
                done = true;
            }
        }
        if !done {
            warnings.push(ReportItem::new(
                Diagnostic::RowOpen {
                    table: title.clone(),
                    printed: o.values.len(),
                    columns: n,
                },
                loc,
            ));
        }
    }
    if placed > 0 {
        notes.push(ReportItem::new(
            Diagnostic::PlacedByOtherTables { rows: placed },
            yusuan_domain::Location::default(),
        ));
    }
}

/// Another table's row with the same `code` under the same columns (`leafs`): its amounts, by
/// column.
fn same_code_elsewhere(
    doc: &Document,
    ti: usize,
    code: &RowCode,
    leafs: &[String],
) -> Option<Vec<Option<rust_decimal::Decimal>>> {
    let n = leafs.len();
    doc.tables
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != ti)
        .find_map(|(_, t)| {
            let same_cols = t.columns.len() == n
                && t.columns
                    .iter()
                    .zip(leafs)
                    .all(|(c, l)| c.path.last() == Some(l));
            let row = t.rows.iter().find(|r| r.code.as_ref() == Some(code))?;
            same_cols.then(|| row.cells.iter().map(|c| c.amount()).collect::<Vec<_>>())
        })
}

/// For an open 合计 row without a code, the sums of its table's 类 rows, by column.
fn classes_summed(
    t: &yusuan_domain::Table,
    o: &OpenRow,
    has_code: bool,
    n: usize,
) -> Option<Vec<Option<rust_decimal::Decimal>>> {
    if has_code || !t.rows[o.row].is_total() {
        return None;
    }
    let tops: Vec<&yusuan_domain::Row> = t
        .rows
        .iter()
        .filter(|r| matches!(&r.code, Some(yusuan_domain::RowCode::Function(f)) if f.parent().is_none()))
        .collect();
    (!tops.is_empty()).then(|| {
        (0..n)
            .map(|c| {
                Some(
                    tops.iter()
                        .map(|r| r.cells[c].value_or_zero().unwrap_or_default())
                        .sum(),
                )
            })
            .collect::<Vec<Option<rust_decimal::Decimal>>>()
    })
}

/// For an open 收入预算总表 row of a total and one source, the source's column: the only one
/// whose income the 财务收支预算总表 shows with money.
fn income_by_summary(
    doc: &Document,
    ti: usize,
    o: &OpenRow,
    leafs: &[String],
) -> Option<Vec<Option<rust_decimal::Decimal>>> {
    let n = leafs.len();
    let t = &doc.tables[ti];
    if t.kind != TableKind::Income || o.values.len() != 2 || o.values[0] != o.values[1] {
        return None;
    }
    let summary = doc.table(TableKind::FinancialSummary)?;
    let has_money = |name: &str| {
        summary.rows.iter().any(|r| {
            r.side == Some(yusuan_domain::LedgerSide::Income)
                && r.label.contains(name.trim_end_matches("收入"))
                && r.cells
                    .iter()
                    .any(|c| c.amount().is_some_and(|v| !v.is_zero()))
        })
    };
    let allowed: Vec<usize> = (1..n).filter(|&c| has_money(&leafs[c])).collect();
    (allowed.len() == 1).then(|| {
        (0..n)
            .map(|c| (c == 0 || c == allowed[0]).then_some(o.values[0]))
            .collect()
    })
}

/// Places an open row's values in the columns where the evidence `sib` (amounts by column)
/// has exactly those values, in order; whether it did.
fn place_as_evidence(
    t: &mut yusuan_domain::Table,
    o: &OpenRow,
    sib: &[Option<rust_decimal::Decimal>],
) -> bool {
    let n = t.columns.len();
    // The sibling's non-blank cells must be exactly our values, in order.
    let present: Vec<usize> = (0..n)
        .filter(|&c| sib[c].is_some_and(|v| !v.is_zero()))
        .collect();
    let ours: Vec<_> = o.values.iter().filter(|v| !v.is_zero()).collect();
    if !(present.len() == o.values.len()
        && ours.len() == o.values.len()
        && present
            .iter()
            .zip(&o.values)
            .all(|(&c, v)| sib[c] == Some(*v)))
    {
        return false;
    }
    let printed = t.rows[o.row].printed_amounts();
    if printed.len() != o.values.len() {
        return false;
    }
    let mut cells = vec![Cell::Blank; n];
    for (k, &c) in present.iter().enumerate() {
        cells[c] = Cell::Amount {
            value: o.values[k],
            printed: printed[k].clone(),
        };
    }
    t.rows[o.row].cells = cells;
    true
}

/// The 三公 figures the narrative states (`公务接待费预算0.5万元`, `机关运行经费预算为31.8万元`),
/// as (column, value in the table's unit).
fn three_public_stated(
    doc: &Document,
    t: &yusuan_domain::Table,
) -> Vec<(usize, rust_decimal::Decimal)> {
    let leaf = |c: &Column| c.path.last().cloned().unwrap_or_default();
    let col =
        |pred: &dyn Fn(&str, &Column) -> bool| t.columns.iter().position(|c| pred(&leaf(c), c));
    let keys: [(&str, Option<usize>); 6] = [
        ("因公出国", col(&|l, _| l.contains("因公出国"))),
        ("公务接待", col(&|l, _| l.contains("公务接待"))),
        (
            "机关运行经费",
            col(&|l, c| l.contains("机关运行经费") || c.name().contains("机关运行经费")),
        ),
        ("公务用车购置费", col(&|l, _| l == "购置费")),
        (
            "公务用车运行",
            col(&|l, _| l == "运行费" || l == "运行维护费"),
        ),
        (
            "三公”经费",
            col(&|l, c| l == "合计" && c.name().contains("三公")),
        ),
    ];
    let text: String = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| p.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    for (key, column) in keys {
        let Some(column) = column else { continue };
        for (at, _) in text.match_indices(key) {
            let after: String = text[at + key.len()..].chars().take(14).collect();
            let Some(start) = after.find(|c: char| c.is_ascii_digit()) else {
                continue;
            };
            let number: String = after[start..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if !after[start + number.len()..].starts_with("万元") {
                continue;
            }
            if let Ok(v) = number.parse::<rust_decimal::Decimal>() {
                let v = if t.unit == yusuan_domain::Unit::Yuan {
                    v * yusuan_domain::Unit::WanYuan.in_yuan()
                } else {
                    v
                };
                out.push((column, v));
                break;
            }
        }
    }
    out
}

/// A 三公 row printed without its empty cells: the placements (printed order kept) that satisfy
/// the table's sums (合计 = 因公出国 + 公务用车 + 公务接待, 公务用车 = 购置 + 运行); when several
/// do, the one agreeing with every 三公 figure the narrative states.
fn place_three_public(doc: &Document, ti: usize, o: &OpenRow) -> Option<(Vec<Cell>, &'static str)> {
    let t = &doc.tables[ti];
    let n = t.columns.len();
    let ids = yusuan_domain::sum_identities(&t.columns, &vec![true; n]);
    let printed = t.rows[o.row].printed_amounts();
    if printed.len() != o.values.len() {
        return None;
    }
    let value = |p: &super::blanks::Placement, c: usize| {
        p[c].map_or(rust_decimal::Decimal::ZERO, |k| o.values[k])
    };
    let fits: Vec<super::blanks::Placement> = super::blanks::placements(n, o.values.len())
        .into_iter()
        .filter(|p| {
            ids.iter().all(|(tc, parts)| {
                value(p, *tc)
                    == parts
                        .iter()
                        .map(|&k| value(p, k))
                        .sum::<rust_decimal::Decimal>()
            })
        })
        .collect();
    let (chosen, how) = match fits.len() {
        1 => (fits[0].clone(), "按表内合计关系"),
        0 => return None,
        _ => {
            let stated = three_public_stated(doc, t);
            let agree: Vec<&super::blanks::Placement> = fits
                .iter()
                .filter(|p| stated.iter().all(|(c, v)| value(p, *c) == *v))
                .collect();
            if stated.is_empty() || agree.len() != 1 {
                return None;
            }
            (
                agree[0].clone(),
                "按表内合计关系和文字说明中的“三公”经费金额",
            )
        }
    };
    Some((
        chosen
            .iter()
            .map(|k| {
                k.map_or(Cell::Blank, |k| Cell::Amount {
                    value: o.values[k],
                    printed: printed[k].clone(),
                })
            })
            .collect(),
        how,
    ))
}

/// The 财政拨款收支总表's 支出 side printed without its empty cells (`五、其他支出 1,160,000
/// 1,160,000` under 合计 | 一般公共预算 | 政府性基金 | 国有资本经营): each row names a 功能类 (or is the
/// 支出总计), and the fund tables of the same document give that class's amount in each fund.
/// When the printed values are exactly those amounts (zeros left out) in column order, that
/// placement is taken and the row's warning is withdrawn.
pub(super) fn place_fiscal_summary_by_classes(
    doc: &mut Document,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
) {
    use rust_decimal::Decimal;
    let Some(ti) = doc
        .tables
        .iter()
        .position(|t| t.kind == TableKind::FiscalSummary)
    else {
        return;
    };
    let cols = &doc.tables[ti].columns;
    let side: Vec<usize> = (0..cols.len())
        .filter(|&c| cols[c].path.first().is_some_and(|p| p.contains("支出")))
        .collect();
    let find = |pred: &dyn Fn(&str) -> bool| {
        side.iter()
            .copied()
            .find(|&c| cols[c].path.last().is_some_and(|l| pred(l)))
    };
    let (Some(total_c), Some(gp_c), Some(gf_c)) = (
        find(&|l| l == "合计"),
        find(&|l| l.contains("一般公共预算")),
        find(&|l| l.contains("政府性基金")),
    ) else {
        return;
    };
    let sc_c = find(&|l| l.contains("国有资本"));
    let mut placed = 0;
    for ri in 0..doc.tables[ti].rows.len() {
        let (label, location, printed, values) = {
            let r = &doc.tables[ti].rows[ri];
            if r.side != Some(LedgerSide::Expenditure) {
                continue;
            }
            let printed: Vec<String> = side
                .iter()
                .filter_map(|&c| r.cells.get(c))
                .filter(|c| c.amount().is_some())
                .map(|c| c.printed().to_string())
                .collect();
            let values: Vec<Decimal> = side
                .iter()
                .filter_map(|&c| r.cells.get(c).and_then(|c| c.amount()))
                .collect();
            (r.label.clone(), r.location, printed, values)
        };
        let Some(nonzero) = fund_amounts_by_column(doc, &label, total_c, gp_c, gf_c, sc_c) else {
            continue;
        };
        if nonzero.iter().map(|e| e.1).collect::<Vec<_>>()
            != values
                .iter()
                .copied()
                .filter(|v| !v.is_zero())
                .collect::<Vec<_>>()
            || values.iter().any(|v| v.is_zero())
        {
            continue;
        }
        let row = &mut doc.tables[ti].rows[ri];
        let already = place_side_amounts(row, &side, &nonzero, &printed);
        let before = warnings.len();
        let table = &doc.tables[ti].title;
        let settled = |d: &Diagnostic| matches!(d, Diagnostic::SideOpen { table: t, row, .. } if t == table && *row == label);
        warnings.retain(|w| !(w.location == location && settled(&w.diagnostic)));
        if !already || warnings.len() < before {
            placed += 1;
        }
    }
    if placed > 0 {
        let title = doc.tables[ti].title.clone();
        notes.push(ReportItem::new(
            Diagnostic::PlacedByFunctionClasses {
                table: title.to_string(),
                rows: placed,
            },
            doc.tables[ti].location,
        ));
    }
}

/// A label without its spaces.
fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect::<String>()
}

/// A fund table's 合计 for a class name (or its 合计 row for `None`); 0 when the table has no
/// such class; unknown when the table is not printed.
fn fund_amount(
    doc: &Document,
    kind: TableKind,
    class: Option<&str>,
) -> Option<rust_decimal::Decimal> {
    let t = doc.table(kind)?;
    let c = t
        .columns
        .iter()
        .position(|x| x.path.last().is_some_and(|l| l == "合计"))?;
    let row = t.rows.iter().find(|r| match class {
        Some(name) => {
            matches!(&r.code, Some(RowCode::Function(f)) if f.as_str().len() == 3)
                && without_spaces(&r.label) == name
        }
        None => r.code.is_none() && r.is_total(),
    });
    Some(
        row.and_then(|r| r.cells.get(c))
            .and_then(|x| x.value_or_zero())
            .unwrap_or_default(),
    )
}

/// The amounts the fund tables give for the 功能类 a 支出 row's `label` names (or for the
/// 支出总计), by the summary's columns (合计, 一般公共预算, 政府性基金, 国有资本经营) in column
/// order, zeros left out; `None` when a fund table is not printed or the label names no class
/// of theirs.
fn fund_amounts_by_column(
    doc: &Document,
    label: &str,
    total_c: usize,
    gp_c: usize,
    gf_c: usize,
    sc_c: Option<usize>,
) -> Option<Vec<(usize, rust_decimal::Decimal)>> {
    use rust_decimal::Decimal;
    let funds = [
        TableKind::GeneralPublicFunction,
        TableKind::GovernmentFundFunction,
        TableKind::StateCapitalFunction,
    ];
    let name = yusuan_domain::strip_numbering(&without_spaces(label)).to_string();
    let class = if name.ends_with("总计") || name.ends_with("合计") {
        None
    } else {
        Some(name.as_str())
    };
    let amounts: Vec<Decimal> = funds
        .iter()
        .take(if sc_c.is_some() { 3 } else { 2 })
        .map(|k| fund_amount(doc, *k, class))
        .collect::<Option<Vec<Decimal>>>()?;
    if class.is_some() && amounts.iter().all(|a| a.is_zero()) {
        return None; // not a class of the fund tables
    }
    let mut expected: Vec<(usize, Decimal)> = vec![
        (total_c, amounts.iter().copied().sum()),
        (gp_c, amounts[0]),
        (gf_c, amounts[1]),
    ];
    if let Some(sc) = sc_c {
        expected.push((sc, amounts[2]));
    }
    expected.sort_by_key(|e| e.0);
    Some(
        expected
            .iter()
            .copied()
            .filter(|e| !e.1.is_zero())
            .collect(),
    )
}

/// Puts a row's printed amounts in the columns `nonzero` names, blanking the rest of its
/// `side`; whether they were there already.
fn place_side_amounts(
    row: &mut Row,
    side: &[usize],
    nonzero: &[(usize, rust_decimal::Decimal)],
    printed: &[String],
) -> bool {
    let already = nonzero
        .iter()
        .all(|(c, v)| row.cells.get(*c).and_then(|x| x.amount()) == Some(*v));
    for &c in side {
        if c < row.cells.len() {
            row.cells[c] = Cell::Blank;
        }
    }
    for (k, (c, v)) in nonzero.iter().enumerate() {
        if *c < row.cells.len() {
            row.cells[*c] = Cell::Amount {
                value: *v,
                printed: printed[k].clone(),
            };
        }
    }
    already
}
