//! From leaves to the disclosure: every table cell is a sum of leaves, every narrative figure too.

use crate::eval::{Eval, Year};
use crate::layout::{Body, CellRule, ColumnRule, Query, RowRule, TableLayout, TotalRow};
use crate::model::{Draft, Fund, LeafKey, SpendKind};
use crate::{narrative, print};
use rust_decimal::Decimal;
use std::collections::HashMap;
use yusuan_domain::{
    Amount, Cell, DocKind, Document, DocumentMeta, EconomicCode, FunctionCode, Location, Paragraph,
    Row, RowCode, SectionKind, Table,
};

/// One derived cell, in the table's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedCell {
    /// Value in the table's unit.
    pub value: Decimal,
    /// As printed.
    pub printed: String,
}

/// The draft's tables, derived from its leaves.
pub fn derive_table_values(draft: &Draft) -> Vec<Table> {
    let eval = Eval::new(draft, Year::Current);
    draft
        .layout
        .iter()
        .map(|t| derive_table(draft, &eval, t))
        .collect()
}

/// This year's values a draft's restated explanations print, when it has any: its derived
/// `tables` (this year's), figures and item tails.
pub(crate) fn restate_values(draft: &Draft, tables: &[Table]) -> Option<crate::restate::Values> {
    (!draft.restated.is_empty()).then(|| {
        crate::restate::Values::new(
            draft,
            tables.to_vec(),
            narrative::figures(draft),
            narrative::item_tails(draft),
        )
    })
}

/// The draft's tables in one year: its values, or the baselines.
pub(crate) fn derive_tables_for(draft: &Draft, year: Year) -> Vec<Table> {
    let eval = Eval::new(draft, year);
    draft
        .layout
        .iter()
        .map(|t| derive_table(draft, &eval, t))
        .collect()
}

/// The whole disclosure document the draft derives: carried texts, generated narrative figures,
/// derived tables.
pub fn derive(draft: &Draft) -> Document {
    let eval = Eval::new(draft, Year::Current);
    let base = Eval::new(draft, Year::Baseline);
    let meta = DocumentMeta {
        title: draft.title.clone(),
        department: draft.department.clone(),
        year: draft.year,
        kind: DocKind::Budget,
        scope: draft.scope,
        format: draft.format.clone(),
        region: draft.region.clone(),
        published: None,
    };
    let mut doc = Document::new(meta);
    doc.units = draft.units.clone();
    doc.stated = crate::eval::stated(draft);
    doc.projects = draft.projects.clone();
    doc.performance_forms = draft.performance_forms.clone();
    // Texts and tables keep the places the source printed them at, so the document's order
    // (narrative, tables, 其他说明, projects) is the source's; generated paragraphs follow their
    // section's heading.
    // A format whose 情况说明 is one section (Jiangsu's 第三部分) states its 政府采购, 国有资产 and
    // 绩效 figures there too: with no 其他相关情况说明 of its own they follow the 编制说明.
    let others_apart = draft
        .sections
        .iter()
        .any(|s| s.kind == SectionKind::OtherExplanations);
    let tables: Vec<Table> = draft
        .layout
        .iter()
        .map(|t| derive_table(draft, &eval, t))
        .collect();
    // What a restated explanation prints: this year's tables and figures.
    let values = restate_values(draft, &tables);
    for s in &draft.sections {
        let mut s = s.clone();
        let restated = draft
            .restated
            .iter()
            .find(|r| r.kind == s.kind)
            .zip(values.as_ref());
        let generated = match (restated, s.kind) {
            // The source's own sentences over its tables, with next year's figures; then the
            // stated figures of subjects they do not speak of, where this section holds them.
            (Some((r, values)), _) => {
                let mut texts = crate::restate::render(draft, r, values);
                if !r.written && (s.kind == SectionKind::OtherExplanations || !others_apart) {
                    texts.extend(narrative::stated_explanations(
                        draft,
                        crate::restate::spoken(r),
                    ));
                }
                Some(texts)
            }
            (None, SectionKind::BudgetExplanation) if !others_apart => {
                let mut texts = narrative::budget_explanation(draft, &eval, &base);
                texts.extend(narrative::stated_explanations(
                    draft,
                    crate::restated::Subjects::default(),
                ));
                Some(texts)
            }
            (None, SectionKind::BudgetExplanation) => {
                Some(narrative::budget_explanation(draft, &eval, &base))
            }
            (None, SectionKind::OtherExplanations) => {
                Some(narrative::other_explanations(draft, &eval, &base))
            }
            _ => None,
        };
        if let Some(texts) = generated {
            let at = s.location;
            s.paragraphs = texts
                .into_iter()
                .enumerate()
                .map(|(i, text)| Paragraph {
                    text,
                    location: Location {
                        page: at.page,
                        line: at.line.map(|l| l + 1 + i as u32),
                    },
                })
                .collect();
        }
        doc.sections.push(s);
    }
    for (t, mut table) in draft.layout.iter().zip(tables) {
        table.location = t.location;
        for (i, r) in table.rows.iter_mut().enumerate() {
            r.location = Location {
                page: t.location.page,
                line: t.location.line.map(|l| l + 1 + i as u32),
            };
        }
        doc.tables.push(table);
    }
    doc.contents = if draft.contents.is_empty() {
        doc.sections
            .iter()
            .map(|s| s.title.clone())
            .chain(doc.tables.iter().map(|t| t.title.clone()))
            .map(|title| yusuan_domain::ContentsEntry {
                number: None,
                title,
                level: 0,
            })
            .collect()
    } else {
        // The 目录 names each table as its title prints.
        let mut contents = draft.contents.clone();
        for c in &mut contents {
            if draft.layout.iter().any(|t| t.title == c.title) {
                c.title = draft.print.title_years.title(&c.title, draft.year);
            }
        }
        contents
    };
    doc
}

fn amount_cell(zeros: crate::model::Zeros, t: &TableLayout, col: usize, yuan: Decimal) -> Cell {
    use crate::model::Zeros;
    let value = Amount::yuan(yuan).in_unit(t.unit).value;
    let zero_printed = match zeros {
        Zeros::AsPrinted => t.style.zero_printed.get(col).copied().unwrap_or(false),
        Zeros::Blank => false,
        Zeros::Zero => true,
    };
    if value.is_zero() && !zero_printed {
        return Cell::Blank;
    }
    let printed = print::amount(value, t.style.decimals, t.style.separators);
    Cell::Amount {
        value: value.round_dp(t.style.decimals.max(value.scale())),
        printed,
    }
}

/// Chinese numerals for a class row's ordinal (`一、` … `二十九、`).
fn ordinal(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => String::new(),
        1..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

/// The 功能 类 a ledger's expenditure row is bound to (its cells sum a 3-digit code).
pub(crate) fn class_code(r: &RowRule) -> Option<String> {
    if r.side != Some(yusuan_domain::LedgerSide::Expenditure) {
        return None;
    }
    r.cells.iter().find_map(|c| match c {
        CellRule::Sum {
            query: Query::Spend {
                prefix: Some(p), ..
            },
        } if p.len() == 3 => Some(p.clone()),
        _ => None,
    })
}

/// Whether a ledger row is a 功能 类 row.
pub(crate) fn is_class_row(r: &RowRule) -> bool {
    class_code(r).is_some()
}

/// The rows a kept table prints. A ledger's expenditure side lists the function 类 it spends
/// on, one row each bound to the 类's code; a 类 the draft now spends on that the source did
/// not print gets its row, in code order, shaped like its neighbours (the same columns summing
/// its code), and the 类 rows are numbered again (`一、` …) where the source numbered them —
/// so the 类 rows still add up to 支出总计.
pub fn printed_rows(draft: &Draft, rows: &[RowRule]) -> Vec<RowRule> {
    let class_of = class_code;
    let class_rows: Vec<(usize, String)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| class_of(r).map(|c| (i, c)))
        .collect();
    let Some((template_at, template_code)) = class_rows.last() else {
        return rows.to_vec();
    };
    let template = &rows[*template_at];
    // The table's funds, as its class rows sum them.
    let funds = template.cells.iter().find_map(|c| match c {
        CellRule::Sum {
            query: Query::Spend { funds, .. },
        } => Some(funds.clone()),
        _ => None,
    });
    // A pattern row (a blank template's) is not printed: its 类 is new like any other.
    let printed: Vec<&String> = class_rows
        .iter()
        .filter(|(i, _)| !rows[*i].pattern)
        .map(|(_, c)| c)
        .collect();
    let mut new: Vec<String> = draft
        .leaves
        .iter()
        .filter_map(|l| match &l.key {
            LeafKey::Spend { fund, function, .. }
                if !l.value.is_zero()
                    && funds
                        .as_ref()
                        .is_none_or(|f| f.as_ref().is_none_or(|f| f.contains(fund))) =>
            {
                function.as_str().get(..3).map(str::to_string)
            }
            _ => None,
        })
        .filter(|c| !printed.contains(&c))
        .collect();
    new.sort();
    new.dedup();
    if new.is_empty() {
        return rows.iter().filter(|r| !r.pattern).cloned().collect();
    }
    let numbered = template
        .label
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && template.label.contains('、');
    let mut out: Vec<RowRule> = rows.to_vec();
    for code in new {
        let printed_class = |r: &RowRule| if r.pattern { None } else { class_of(r) };
        let name = draft
            .names
            .get(&code)
            .cloned()
            .or_else(|| crate::layout::class_name(&code).map(str::to_string))
            .unwrap_or_default();
        let cells = template
            .cells
            .iter()
            .map(|c| match c {
                CellRule::Sum {
                    query:
                        Query::Spend {
                            funds,
                            prefix: Some(p),
                            kinds,
                        },
                } if p == template_code => CellRule::Sum {
                    query: Query::Spend {
                        funds: funds.clone(),
                        prefix: Some(code.clone()),
                        kinds: kinds.clone(),
                    },
                },
                CellRule::Sum { .. } | CellRule::Fixed { .. } => CellRule::Blank,
                other => other.clone(),
            })
            .collect();
        let row = RowRule {
            code: template.code.clone(),
            label: name,
            side: template.side,
            cells,
            pattern: false,
        };
        // Before the first printed 类 row with a higher code, else after the last 类 row.
        let at = out
            .iter()
            .position(|r| printed_class(r).is_some_and(|c| c > code))
            .unwrap_or_else(|| {
                out.iter()
                    .rposition(|r| class_of(r).is_some())
                    .map_or(out.len(), |i| i + 1)
            });
        out.insert(at, row);
    }
    out.retain(|r| !r.pattern);
    if numbered {
        let mut n = 0;
        for r in out.iter_mut() {
            if class_of(r).is_some() {
                n += 1;
                r.label = format!(
                    "{}、{}",
                    ordinal(n),
                    yusuan_domain::strip_numbering(&r.label)
                );
            }
        }
    }
    out
}

fn derive_table(draft: &Draft, eval: &Eval, t: &TableLayout) -> Table {
    let rows = match &t.body {
        Body::Rows { rows } => printed_rows(draft, rows)
            .iter()
            .map(|r| kept_row(eval, t, r))
            .collect(),
        Body::Function {
            funds,
            columns,
            total,
        } => function_rows(draft, eval, t, funds, columns, total),
        Body::Economic { columns, total } => economic_rows(draft, eval, t, columns, total),
    };
    // A table with no money prints its note instead of its rows (a kept table too: a 三公 table
    // of zeros is 空表 with its note, as the checker's K004 expects).
    // A carried grid of items under head rows (资产配置, 政府购买服务) with no item prints its head
    // rows and the note, as the documents print it; a carried form with words in it (a 绩效 form
    // written anew) is not empty.
    let headed = t.carried
        && matches!(
            t.kind,
            yusuan_domain::TableKind::AssetAllocation | yusuan_domain::TableKind::PurchasedServices
        );
    let words = t.carried
        && !headed
        && rows
            .iter()
            .any(|r: &Row| r.cells.iter().any(|c| matches!(c, Cell::Text { .. })));
    let empty = !words
        && rows.iter().all(|r: &Row| {
            r.cells
                .iter()
                .all(|c| c.amount().is_none_or(|v| v.is_zero()))
        })
        && (t.empty_note.is_some() || !matches!(t.body, Body::Rows { .. }));
    // An empty table is printed in full, as the documents print one: its header with the code
    // columns, its 合计 row left blank, and the note saying why it is empty.
    let generated = !matches!(t.body, Body::Rows { .. });
    let rows = match (empty, generated) {
        (true, true) => vec![blank_total(&rows)],
        (true, false) if t.empty_note.is_some() && !headed => vec![],
        _ => rows,
    };
    let mut note = if empty { t.empty_note.clone() } else { None };
    let no_amounts = rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.amount().is_none()));
    if note.is_none() && no_amounts && !words {
        note = Some(crate::empty::note_for(draft, t));
    }
    Table {
        title: draft.print.title_years.title(&t.title, draft.year),
        number: t.number.clone(),
        kind: t.kind,
        unit: t.unit,
        compiled_by: t.compiled_by.clone(),
        columns: t.columns.clone(),
        rows,
        note,
        location: Location::default(),
    }
}

/// The 合计 row of an empty table, its cells blank (its label as the table's own total row
/// prints it).
fn blank_total(rows: &[Row]) -> Row {
    let total = rows
        .iter()
        .find(|r| r.is_total() && r.code.is_none())
        .cloned();
    let mut r = total.unwrap_or_else(|| Row {
        code: None,
        label: "合计".into(),
        side: None,
        cells: vec![],
        location: Location::default(),
    });
    r.cells.iter_mut().for_each(|c| *c = Cell::Blank);
    r
}

fn kept_row(eval: &Eval, t: &TableLayout, r: &RowRule) -> Row {
    let cells = r
        .cells
        .iter()
        .enumerate()
        .map(|(c, rule)| match rule {
            CellRule::Blank => Cell::Blank,
            CellRule::Text { text } => Cell::Text { text: text.clone() },
            CellRule::Fixed { value, printed } => Cell::Amount {
                value: *value,
                printed: printed.clone(),
            },
            CellRule::Sum { query } => amount_cell(eval.draft.print.zeros, t, c, eval.sum(query)),
        })
        .collect();
    Row {
        code: r.code.clone(),
        label: r.label.clone(),
        side: r.side,
        cells,
        location: Location::default(),
    }
}

/// The codes with money in a generated table (each line's code and its parents: the prefixes of
/// 3, 5, 7 digits), in code order with their column sums, and the table's column totals. Keyed
/// by the lines' own code text, so no code is built for a row that is not printed.
fn grid_sums<'a>(
    entries: impl Iterator<Item = (&'a str, Decimal, Vec<usize>)>,
    ncols: usize,
) -> (Vec<(&'a str, Vec<Decimal>)>, Vec<Decimal>) {
    let mut sums: HashMap<&'a str, (Vec<Decimal>, bool)> = HashMap::new();
    let mut total = vec![Decimal::ZERO; ncols];
    for (code, v, cols) in entries {
        // Money in a column the table prints (机关运行经费 prints 公用经费 only).
        let money = !v.is_zero() && !cols.is_empty();
        for len in (3..=code.len()).step_by(2) {
            let row = sums
                .entry(&code[..len])
                .or_insert_with(|| (vec![Decimal::ZERO; ncols], false));
            for &c in &cols {
                row.0[c] += v;
            }
            row.1 |= money;
        }
        for &c in &cols {
            total[c] += v;
        }
    }
    let mut rows: Vec<(&str, Vec<Decimal>)> = sums
        .into_iter()
        .filter(|(_, (_, money))| *money)
        .map(|(k, (vals, _))| (k, vals))
        .collect();
    rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
    (rows, total)
}

fn matching_columns(columns: &[ColumnRule], fund: Option<&Fund>, kind: &SpendKind) -> Vec<usize> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, c)| match c {
            ColumnRule::Filter { funds, kinds } => {
                fund.is_none_or(|f| funds.as_ref().is_none_or(|fs| fs.contains(f)))
                    && kinds.as_ref().is_none_or(|k| k.contains(kind))
            }
            ColumnRule::Blank => false,
        })
        .map(|(i, _)| i)
        .collect()
}

fn with_total(
    draft: &Draft,
    t: &TableLayout,
    mut rows: Vec<Row>,
    total: &Option<TotalRow>,
    sums: &[Decimal],
) -> Vec<Row> {
    if let Some(tr) = total {
        let cells = sums
            .iter()
            .enumerate()
            .map(|(c, v)| amount_cell(draft.print.zeros, t, c, *v))
            .collect();
        let row = Row {
            code: None,
            label: tr.label.clone(),
            side: None,
            cells,
            location: Location::default(),
        };
        if tr.first {
            rows.insert(0, row);
        } else {
            rows.push(row);
        }
    }
    rows
}

fn function_rows(
    draft: &Draft,
    eval: &Eval,
    t: &TableLayout,
    funds: &Option<Vec<Fund>>,
    columns: &[ColumnRule],
    total: &Option<TotalRow>,
) -> Vec<Row> {
    let entries = draft.leaves.iter().filter_map(|l| match &l.key {
        LeafKey::Spend {
            fund,
            function,
            kind,
        } if funds.as_ref().is_none_or(|f| f.contains(fund)) => Some((
            function.as_str(),
            eval.of(l),
            matching_columns(columns, Some(fund), kind),
        )),
        _ => None,
    });
    coded_rows(draft, t, entries, columns.len(), total, |c| {
        FunctionCode::parse(c).ok().map(RowCode::Function)
    })
}

fn economic_rows(
    draft: &Draft,
    eval: &Eval,
    t: &TableLayout,
    columns: &[ColumnRule],
    total: &Option<TotalRow>,
) -> Vec<Row> {
    let entries = draft.leaves.iter().filter_map(|l| match &l.key {
        LeafKey::Economic { code, kind } => Some((
            code.as_str(),
            eval.of(l),
            matching_columns(columns, None, kind),
        )),
        _ => None,
    });
    coded_rows(draft, t, entries, columns.len(), total, |c| {
        EconomicCode::parse(c).ok().map(RowCode::Economic)
    })
}

/// A generated table's rows: each code with money (and its parents), named, its column sums
/// printed, and the 合计 row.
fn coded_rows<'a>(
    draft: &Draft,
    t: &TableLayout,
    entries: impl Iterator<Item = (&'a str, Decimal, Vec<usize>)>,
    ncols: usize,
    total: &Option<TotalRow>,
    code: impl Fn(&str) -> Option<RowCode>,
) -> Vec<Row> {
    let (sums, tot) = grid_sums(entries, ncols);
    let rows = sums
        .into_iter()
        .filter_map(|(c, vals)| {
            Some(Row {
                label: draft.name_of(c).to_string(),
                code: Some(code(c)?),
                side: None,
                cells: vals
                    .iter()
                    .enumerate()
                    .map(|(i, v)| amount_cell(draft.print.zeros, t, i, *v))
                    .collect(),
                location: Location::default(),
            })
        })
        .collect();
    with_total(draft, t, rows, total, &tot)
}
