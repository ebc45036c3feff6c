//! The roll-forward's table layouts: each source table's rows and cells as the draft derives
//! them (sums of leaves by code, use, fund and side; a ledger's two sides and blocks; carried
//! grids kept as printed).

use super::*;

impl Roller<'_> {
    pub(super) fn style(t: &Table) -> PrintStyle {
        let amounts: Vec<&str> = t
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.amount().is_some())
            .map(Cell::printed)
            .collect();
        let decimals = amounts
            .iter()
            .filter_map(|p| p.split_once('.').map(|(_, f)| f.len() as u32))
            .max()
            .unwrap_or(if t.unit == yusuan_domain::Unit::WanYuan {
                2
            } else {
                0
            });
        let separators = amounts.iter().any(|p| p.contains(','))
            || (amounts.is_empty() && t.unit == yusuan_domain::Unit::Yuan);
        let zero_printed = (0..t.columns.len())
            .map(|c| {
                t.rows.iter().any(|r| {
                    r.cells
                        .get(c)
                        .and_then(Cell::amount)
                        .is_some_and(|v| v.is_zero())
                })
            })
            .collect();
        PrintStyle {
            decimals,
            separators,
            zero_printed,
        }
    }

    pub(super) fn total_row(t: &Table) -> Option<TotalRow> {
        let pos = t
            .rows
            .iter()
            .position(|r| r.code.is_none() && r.is_total())?;
        let first_coded = t
            .rows
            .iter()
            .position(|r| r.code.is_some())
            .unwrap_or(usize::MAX);
        Some(TotalRow {
            label: t.rows[pos].label.clone(),
            first: pos < first_coded,
        })
    }

    pub(super) fn layout(
        &mut self,
        t: &Table,
        table_key: &str,
        names: &BTreeMap<String, String>,
    ) -> TableLayout {
        let funds = table_funds(t.kind);
        let column_rules = || -> Vec<ColumnRule> {
            t.columns
                .iter()
                .map(|c| match column_filter(&c.path, &funds) {
                    Some((f, k)) => ColumnRule::Filter { funds: f, kinds: k },
                    None => ColumnRule::Blank,
                })
                .collect()
        };
        let mut carried = false;
        let body = if crate::sources::is_sources_table(t) {
            Body::Rows {
                rows: self.source_rows(t, table_key),
            }
        } else if is_function_table(t) && totals_only(t) {
            // Its rows are totals: each cell sums its column's funds and kinds.
            Body::Rows {
                rows: totals_rows(t, &column_rules()),
            }
        } else if t.kind == TableKind::RunningCosts && is_economic_table(t) {
            // 机关运行经费 is the 公用经费 of the 基本支出, by economic code.
            let columns = vec![
                ColumnRule::Filter {
                    funds: None,
                    kinds: Some(vec![SpendKind::Public])
                };
                t.columns.len()
            ];
            Body::Economic {
                columns,
                total: Self::total_row(t),
            }
        } else if is_function_table(t) {
            let columns = column_rules();
            self.function_body(t, funds, columns)
        } else if is_economic_table(t) {
            Body::Economic {
                columns: column_rules(),
                total: Self::total_row(t),
            }
        } else if matches!(
            t.kind,
            TableKind::FinancialSummary | TableKind::FiscalSummary
        ) {
            Body::Rows {
                rows: self.ledger_rows(t, names, table_key),
            }
        } else if matches!(
            t.kind,
            TableKind::ExpenditureByUnit
                | TableKind::FiscalByUnit
                | TableKind::ThreePublic
                | TableKind::Projects
                | TableKind::Income
        ) {
            Body::Rows {
                rows: self.local_rows(t, table_key),
            }
        } else {
            if t.amount_count() > 0 {
                self.report.carried.push(format!(
                    "{}：按原表结转（{} 个数字，不由明细行推出）",
                    t.title,
                    t.amount_count()
                ));
            }
            carried = true;
            Body::Rows {
                rows: t.rows.iter().map(fixed_row).collect(),
            }
        };
        TableLayout {
            title: t.title.clone(),
            number: t.number.clone(),
            kind: t.kind,
            unit: t.unit,
            compiled_by: t.compiled_by.clone(),
            columns: t.columns.clone(),
            empty_note: t
                .note
                .clone()
                .filter(|n| n.contains("空表") || n.contains('无')),
            style: Self::style(t),
            body,
            location: t.location,
            carried,
        }
    }

    /// A function table's body: rows by code from the leaves; a column no leaf can give is
    /// reported and printed blank.
    fn function_body(
        &mut self,
        t: &Table,
        funds: Option<Vec<Fund>>,
        columns: Vec<ColumnRule>,
    ) -> Body {
        for (i, c) in columns.iter().enumerate() {
            if *c == ColumnRule::Blank
                && t.rows.iter().any(|r| {
                    r.cells
                        .get(i)
                        .and_then(Cell::amount)
                        .is_some_and(|v| !v.is_zero())
                })
            {
                self.report.carried.push(format!(
                    "{}：栏目“{}”不能由明细行推出，按空栏处理",
                    t.title,
                    t.columns[i].name()
                ));
            }
        }
        Body::Function {
            funds,
            columns,
            total: Self::total_row(t),
        }
    }

    pub(super) fn ledger_rows(
        &mut self,
        t: &Table,
        names: &BTreeMap<String, String>,
        table_key: &str,
    ) -> Vec<RowRule> {
        // Whether the spending leaves split 基本支出 into 人员经费 and 公用经费: a format whose
        // function tables print only 基本支出 does not, and a ledger column of 人员经费 by 功能类
        // (a 单位 财务收支总表) cannot be summed from them.
        let split = self.leaves.iter().any(|l| {
            matches!(
                &l.key,
                LeafKey::Spend {
                    kind: SpendKind::Personnel | SpendKind::Public,
                    ..
                }
            )
        });
        let funds = table_funds(t.kind);
        let class_code = |name: &str| class_code(names, name);
        let mut out = Vec::new();
        let queries = ledger_queries(t, &funds, class_code);
        let elsewhere = blocks_elsewhere(t, &queries);
        for (ri, (r, q)) in t.rows.iter().zip(&queries).enumerate() {
            let cells = r
                .cells
                .iter()
                .enumerate()
                .map(|(c, cell)| match cell {
                    Cell::Text { text } => CellRule::Text { text: text.clone() },
                    _ => {
                        let col = &t.columns[c];
                        let same_side = column_side(col).is_none_or(|s| Some(s) == r.side);
                        let personnel_or_public = |k: &Option<Vec<SpendKind>>| {
                            k.as_ref().is_some_and(|k| {
                                !k.is_empty()
                                    && k.iter().all(|k| {
                                        matches!(k, SpendKind::Personnel | SpendKind::Public)
                                    })
                            })
                        };
                        match (
                            q,
                            same_side && !elsewhere(ri, c),
                            column_filter(&col.path, &funds),
                        ) {
                            (Some(_), true, Some((_, ck)))
                                if !split && personnel_or_public(&ck) =>
                            {
                                self.personnel_cell(t, table_key, r, c, &ck)
                            }
                            (Some(q), true, Some((cf, ck))) => CellRule::Sum {
                                query: narrow(q.clone(), &cf, &ck),
                            },
                            _ if matches!(cell, Cell::Blank) => CellRule::Blank,
                            _ => {
                                self.report.carried.push(format!(
                                    "{} {} {}：按原表结转（{}）",
                                    t.title,
                                    row_name(r),
                                    col.name(),
                                    cell.printed()
                                ));
                                fixed_cell(cell)
                            }
                        }
                    }
                })
                .collect();
            out.push(RowRule {
                code: r.code.clone(),
                label: self.renamed_label(&r.label, q),
                side: r.side,
                cells,
                pattern: false,
            });
        }
        out
    }

    /// A ledger cell of 人员经费 or 公用经费 where the leaves do not split 基本支出 so: the total
    /// row's is the economic leaves' own split; by 功能类 it is the department's own figure, a
    /// leaf of its own.
    fn personnel_cell(
        &mut self,
        t: &Table,
        table_key: &str,
        r: &Row,
        c: usize,
        kinds: &Option<Vec<SpendKind>>,
    ) -> CellRule {
        let (col, cell) = (&t.columns[c], &r.cells[c]);
        let total = {
            let l = compact_label(&r.label);
            l.contains("总计") || l.contains("合计")
        };
        if total {
            // The whole 人员经费 (公用经费) is the economic leaves' own split.
            CellRule::Sum {
                query: Query::Economic {
                    prefix: None,
                    kinds: kinds.clone(),
                },
            }
        } else {
            // By 功能类 it is the department's own figure: a leaf of its own.
            let key = LeafKey::Cell {
                table: table_key.to_string(),
                row: compact_label(&r.label),
                column: col.name(),
            };
            let v = yuan(t, cell.value_or_zero().unwrap_or_default());
            let origin = self.origin(t, r, c);
            self.add(key.clone(), v, Some(origin), false);
            CellRule::Sum {
                query: Query::Leaves { keys: vec![key] },
            }
        }
    }

    /// A ledger row naming a 类 by a name the draft's year has replaced (`九、医疗卫生与计划生育支出`
    /// in a 2018 budget rolled into 2019) takes the new name, numbering kept.
    pub(super) fn renamed_label(&self, label: &str, q: &Option<Query>) -> String {
        let Some(Query::Spend {
            prefix: Some(code), ..
        }) = q
        else {
            return label.to_string();
        };
        let bare = yusuan_domain::strip_numbering(label.trim());
        match yusuan_check::renamed_for_year(code, bare, self.year) {
            Some(new) => format!("{}{new}", &label.trim()[..label.trim().len() - bare.len()]),
            None => label.to_string(),
        }
    }

    /// An income table by source ([`crate::sources`]): its rows follow the funds' lines; a figure
    /// that names no fund is a leaf of the table's own.
    pub(super) fn source_rows(&mut self, t: &Table, table_key: &str) -> Vec<RowRule> {
        let mut own = |i: usize, c: usize| {
            let r = &t.rows[i];
            let key = LeafKey::Cell {
                table: table_key.to_string(),
                row: compact_label(&r.label),
                column: t.columns[c].name(),
            };
            let v = cell_yuan(t, r, c);
            let origin = self.origin(t, r, c);
            self.add(key.clone(), v, Some(origin), false);
            Query::Leaves { keys: vec![key] }
        };
        crate::sources::source_rows(t, &mut own)
    }

    /// A table with its own structure: its leaf cells become leaves; total rows (合计, parent
    /// codes) and total columns (合计/小计 by header path) sum them.
    pub(super) fn local_rows(&mut self, t: &Table, table_key: &str) -> Vec<RowRule> {
        let tree = LocalTree::of(t, table_key);
        let mut out = Vec::new();
        for (i, r) in t.rows.iter().enumerate() {
            let leaf_row = !(r.code.is_none() && r.is_total()) && tree.children[i].is_empty();
            let mut cells = Vec::new();
            for (c, is_numeric) in tree.numeric.iter().enumerate() {
                let cell = r.cells.get(c).cloned().unwrap_or(Cell::Blank);
                if let Cell::Text { text } = &cell {
                    cells.push(CellRule::Text { text: text.clone() });
                    continue;
                }
                if !is_numeric {
                    cells.push(CellRule::Blank);
                    continue;
                }
                if leaf_row && !tree.col_parts.contains_key(&c) {
                    let key = LeafKey::Cell {
                        table: table_key.to_string(),
                        row: tree.keys[i].clone(),
                        column: t.columns[c].name(),
                    };
                    let v = yuan(t, cell.value_or_zero().unwrap_or_default());
                    let origin = self.origin(t, r, c);
                    self.add(key, v, Some(origin), false);
                }
                let mut ks = Vec::new();
                tree.expand(i, c, &mut ks);
                cells.push(CellRule::Sum {
                    query: Query::Leaves { keys: ks },
                });
            }
            out.push(RowRule {
                code: r.code.clone(),
                label: r.label.clone(),
                side: r.side,
                cells,
                pattern: false,
            });
        }
        out
    }
}

/// The 类 a ledger row names: by the document's own names, the catalogue's, or an earlier name
/// of the class (a 2018 ledger's `医疗卫生与计划生育支出`).
pub(super) fn class_code(names: &BTreeMap<String, String>, name: &str) -> Option<String> {
    names
        .iter()
        .find(|(code, n)| code.len() == 3 && n.as_str() == name)
        .map(|(c, _)| c.clone())
        .or_else(|| {
            FUNCTION_CLASSES
                .iter()
                .find(|(_, n)| *n == name)
                .map(|(c, _)| c.to_string())
        })
        .or_else(|| {
            yusuan_check::renamed_class_code(name)
                .filter(|c| c.len() == 3)
                .map(str::to_string)
        })
}

/// What a ledger row sums, for telling its columns apart: a 类, a use (基本支出 …), a total.
pub(super) fn row_category(q: &Option<Query>) -> Option<u8> {
    match q {
        Some(Query::Spend {
            prefix: Some(_), ..
        }) => Some(0),
        Some(Query::Spend {
            prefix: None,
            kinds: Some(_),
            ..
        }) => Some(1),
        Some(Query::Spend {
            prefix: None,
            kinds: None,
            ..
        }) => Some(2),
        _ => None,
    }
}

/// Whether a ledger row's cell belongs to another column of its side: a ledger may print one
/// side in two blocks (Jiangsu: 功能分类 beside 支出用途), each column printing its own kind of
/// rows. A cell is another column's when its column prints no row of its category while a
/// column of the same side and restriction does.
pub(super) fn blocks_elsewhere<'a>(
    t: &'a Table,
    queries: &'a [Option<Query>],
) -> impl Fn(usize, usize) -> bool + 'a {
    let prints = move |c: usize, cat: u8| {
        t.rows.iter().zip(queries).any(|(r, q)| {
            row_category(q) == Some(cat)
                && r.cells
                    .get(c)
                    .and_then(Cell::amount)
                    .is_some_and(|v| !v.is_zero())
        })
    };
    let funds = table_funds(t.kind);
    move |ri: usize, c: usize| {
        let Some(cat) = row_category(&queries[ri]) else {
            return false;
        };
        let side = t.rows[ri].side;
        let filter = column_filter(&t.columns[c].path, &funds);
        !prints(c, cat)
            && (0..t.columns.len()).any(|o| {
                o != c
                    && column_side(&t.columns[o]) == column_side(&t.columns[c])
                    && column_side(&t.columns[o]).is_none_or(|s| Some(s) == side)
                    && column_filter(&t.columns[o].path, &funds) == filter
                    && prints(o, cat)
            })
    }
}

/// A row label without whitespace (the key of a ledger row's own cells).
pub(super) fn compact_label(label: &str) -> String {
    label.chars().filter(|c| !c.is_whitespace()).collect()
}

pub(super) fn fixed_cell(cell: &Cell) -> CellRule {
    match cell {
        Cell::Blank => CellRule::Blank,
        Cell::Text { text } => CellRule::Text { text: text.clone() },
        Cell::Amount { value, printed } => CellRule::Fixed {
            value: *value,
            printed: printed.clone(),
        },
    }
}

pub(super) fn fixed_row(r: &Row) -> RowRule {
    RowRule {
        code: r.code.clone(),
        label: r.label.clone(),
        side: r.side,
        cells: r.cells.iter().map(fixed_cell).collect(),
        pattern: false,
    }
}

/// A function table of totals only: each row's cells sum their column's funds and kinds.
fn totals_rows(t: &Table, columns: &[ColumnRule]) -> Vec<RowRule> {
    t.rows
        .iter()
        .map(|r| {
            let cells = columns
                .iter()
                .zip(&r.cells)
                .map(|(rule, cell)| match (rule, cell) {
                    (_, Cell::Text { text }) => CellRule::Text { text: text.clone() },
                    (ColumnRule::Filter { funds, kinds }, _) => CellRule::Sum {
                        query: Query::Spend {
                            funds: funds.clone(),
                            prefix: None,
                            kinds: kinds.clone(),
                        },
                    },
                    (ColumnRule::Blank, cell) => fixed_cell(cell),
                })
                .collect();
            RowRule {
                code: None,
                label: r.label.clone(),
                side: r.side,
                cells,
                pattern: false,
            }
        })
        .collect()
}

/// A table carried by its own rows (分单位, 三公, 项目, 收入): each row's key, the rows under each
/// by code prefix, the rows at the top, which columns are amounts and which columns sum others —
/// what the cells of its totals sum.
struct LocalTree<'a> {
    t: &'a Table,
    table_key: &'a str,
    /// Each row's key within the table (its code, else its label, made unique).
    keys: Vec<String>,
    /// Each row's children: the nearest longer codes under its code.
    children: Vec<Vec<usize>>,
    /// The rows no other row sums (a 合计 row sums them).
    top: Vec<usize>,
    /// Whether each column is an amount column.
    numeric: Vec<bool>,
    /// A column that sums others, with them.
    col_parts: BTreeMap<usize, Vec<usize>>,
}

impl<'a> LocalTree<'a> {
    fn of(t: &'a Table, table_key: &'a str) -> LocalTree<'a> {
        // A column of amounts: one that prints an amount, or that is blank in every row (an empty
        // 购置费 column is still an amount column: its 小计 sums it).
        let numeric: Vec<bool> = (0..t.columns.len())
            .map(|c| {
                t.rows
                    .iter()
                    .any(|r| r.cells.get(c).and_then(Cell::amount).is_some())
                    || t.rows
                        .iter()
                        .all(|r| matches!(r.cells.get(c), None | Some(Cell::Blank)))
            })
            .collect();
        let col_parts: BTreeMap<usize, Vec<usize>> =
            sum_identities(&t.columns, &numeric).into_iter().collect();
        let mut keys: Vec<String> = Vec::new();
        for (i, r) in t.rows.iter().enumerate() {
            let base = match &r.code {
                Some(c) => c.as_str().to_string(),
                None if !r.label.trim().is_empty() => r.label.split_whitespace().collect(),
                None => format!("第{}行", i + 1),
            };
            let mut k = base.clone();
            let mut n = 1;
            while keys.contains(&k) {
                n += 1;
                k = format!("{base}#{n}");
            }
            keys.push(k);
        }
        let code_of = |r: &Row| match &r.code {
            Some(RowCode::Unit(s) | RowCode::Project(s)) => Some(s.clone()),
            _ => None,
        };
        // Children by code prefix (the nearest longer code under each).
        let children: Vec<Vec<usize>> = t
            .rows
            .iter()
            .map(|r| {
                let Some(pc) = code_of(r) else { return vec![] };
                t.rows
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        code_of(s).is_some_and(|sc| {
                            sc.len() > pc.len()
                                && sc.starts_with(&pc)
                                && !t.rows.iter().any(|m| {
                                    code_of(m).is_some_and(|mc| {
                                        mc.len() > pc.len()
                                            && mc.len() < sc.len()
                                            && mc.starts_with(&pc)
                                            && sc.starts_with(&mc)
                                    })
                                })
                        })
                    })
                    .map(|(j, _)| j)
                    .collect()
            })
            .collect();
        let is_child: BTreeSet<usize> = children.iter().flatten().copied().collect();
        let is_total = |r: &Row| r.code.is_none() && r.is_total();
        let top: Vec<usize> = (0..t.rows.len())
            .filter(|&i| !is_total(&t.rows[i]) && !is_child.contains(&i))
            .collect();
        LocalTree {
            t,
            table_key,
            keys,
            children,
            top,
            numeric,
            col_parts,
        }
    }

    /// The leaves cell (`i`, `c`) sums: a total row's top rows, a row's children, a column's
    /// parts, down to the leaf cells.
    fn expand(&self, i: usize, c: usize, out: &mut Vec<LeafKey>) {
        let r = &self.t.rows[i];
        if r.code.is_none() && r.is_total() {
            for &j in &self.top {
                self.expand(j, c, out);
            }
        } else if !self.children[i].is_empty() {
            for &j in &self.children[i] {
                self.expand(j, c, out);
            }
        } else if let Some(parts) = self.col_parts.get(&c) {
            for &p in parts {
                self.expand(i, p, out);
            }
        } else {
            out.push(LeafKey::Cell {
                table: self.table_key.to_string(),
                row: self.keys[i].clone(),
                column: self.t.columns[c].name(),
            });
        }
    }
}

/// Each ledger row's query: its label read as a fund's or a class's money. A numbered heading
/// (`二、上年结转`) opens a block on its side; the rows under a carry-over heading are not this
/// year's money (none).
fn ledger_queries(
    t: &Table,
    funds: &Option<Vec<Fund>>,
    class_code: impl Fn(&str) -> Option<String> + Copy,
) -> Vec<Option<Query>> {
    let mut carry: BTreeMap<Option<LedgerSide>, bool> = BTreeMap::new();
    t.rows
        .iter()
        .map(|r| {
            let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
            let heading = l
                .chars()
                .next()
                .is_some_and(|c| "一二三四五六七八九十".contains(c))
                && l.contains('、');
            if heading {
                carry.insert(r.side, l.contains("结转") || l.contains("结余"));
            }
            let in_carry =
                !heading && carry.get(&r.side).copied().unwrap_or(false) && l.starts_with('（');
            if in_carry {
                None
            } else {
                ledger_query(&r.label, r.side, funds, class_code)
            }
        })
        .collect()
}
