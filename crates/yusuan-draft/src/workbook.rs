//! The draft as an XLSX workbook, and an edited workbook read back.
//!
//! Sheet `明细` holds one leaf line a row (key, name, its classification columns, this year's
//! amount in 元 — the only cells meant for editing — and last year's). Every table of the
//! disclosure follows on its own sheet, laid out as derived, with each amount a formula over the
//! leaf sheet (`SUMIFS` by fund, function code prefix and kind, or `SUM` of the leaf cells it
//! holds), so the totals follow edits in Excel, WPS or LibreOffice. Reading back takes the leaf
//! amounts and checks every table cell against the sums of those leaves: a cell typed over a
//! formula is an error naming its sheet and cell.

use crate::derive::derive_table_values;
use crate::layout::{Body, CellRule, ColumnRule, Query};
use crate::model::{Draft, Fund, LeafKey, SpendKind};
use calamine::{Data, Reader, Xlsx};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::io::Cursor;
use std::str::FromStr;
use yusuan_domain::{Cell, Table, Unit};

/// The leaf sheet's name.
pub const LEAF_SHEET: &str = "明细";
const HEADER: [&str; 10] = [
    "键",
    "名称",
    "类别",
    "资金来源",
    "功能科目",
    "支出类型",
    "经济科目",
    "本年金额（元）",
    "上年金额（元）",
    "单位",
];
/// The leaf sheet's amount column (0-based): H.
const VALUE_COL: u16 = 7;
const FIRST_ROW: u32 = 1;

/// Why a workbook could not be written or read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError(pub String);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WorkbookError {}

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError(format!("工作簿无法生成：{e}"))
    }
}

fn col_name(c: u16) -> String {
    let mut n = c as u32 + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

/// `C7` for 0-based row 6, column 2.
pub fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", col_name(col), row + 1)
}

fn leaf_columns(k: &LeafKey) -> [String; 5] {
    match k {
        LeafKey::Spend {
            fund,
            function,
            kind,
            ..
        } => [
            "支出".into(),
            fund.label().into(),
            function.as_str().into(),
            kind.label().into(),
            String::new(),
        ],
        LeafKey::Economic { code, kind } => [
            "经济".into(),
            Fund::GeneralPublic.label().into(),
            String::new(),
            kind.label().into(),
            code.as_str().into(),
        ],
        LeafKey::Cell { table, .. } => [
            "表".into(),
            String::new(),
            String::new(),
            table.clone(),
            String::new(),
        ],
        LeafKey::Procurement { part } => [
            "政府采购".into(),
            String::new(),
            String::new(),
            part.label().into(),
            String::new(),
        ],
        LeafKey::Stated { item } => [
            "情况".into(),
            String::new(),
            String::new(),
            item.label().into(),
            String::new(),
        ],
    }
}

fn num(v: Decimal) -> f64 {
    // Spreadsheet cells hold IEEE doubles; amounts of up to 15 significant digits are exact there.
    v.to_string().parse().unwrap_or(0.0)
}

/// The sheet name of a table (Excel: at most 31 characters, no `[]:*?/\`).
fn sheet_name(i: usize, title: &str) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let clean = clean
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '年')
        .to_string();
    let mut name = format!("{}.{}", i + 1, clean);
    if name.chars().count() > 31 {
        name = name.chars().take(31).collect();
    }
    name
}

fn formula_for(q: &Query, rows: &HashMap<&LeafKey, Vec<u32>>, n: u32, scale: Decimal) -> String {
    let last = FIRST_ROW + n.max(1);
    let r = |c: u16| {
        format!(
            "{LEAF_SHEET}!${}${}:${}${}",
            col_name(c),
            FIRST_ROW + 1,
            col_name(c),
            last
        )
    };
    let value = r(VALUE_COL);
    let body = match q {
        Query::Leaves { keys } => {
            let refs: Vec<String> = keys
                .iter()
                .filter_map(|k| rows.get(k))
                .flatten()
                .map(|row| format!("{LEAF_SHEET}!{}", cell_name(*row, VALUE_COL)))
                .collect();
            if refs.is_empty() {
                "0".to_string()
            } else {
                refs.chunks(200)
                    .map(|c| format!("SUM({})", c.join(",")))
                    .collect::<Vec<_>>()
                    .join("+")
            }
        }
        Query::Parts { parts } => {
            let terms: Vec<String> = parts
                .iter()
                .map(|p| {
                    formula_for(p, rows, n, Decimal::ONE)
                        .trim_start_matches('=')
                        .to_string()
                })
                .collect();
            if terms.is_empty() {
                "0".into()
            } else {
                terms
                    .iter()
                    .map(|t| format!("({t})"))
                    .collect::<Vec<_>>()
                    .join("+")
            }
        }
        Query::Spend { .. } | Query::Economic { .. } | Query::Placed { .. } => {
            let none = None;
            let (grid, code_col, funds, prefix, kinds, unit) = match q {
                Query::Spend {
                    funds,
                    prefix,
                    kinds,
                } => ("支出", 4u16, funds.clone(), prefix, kinds, None),
                Query::Economic { prefix, kinds } => ("经济", 6u16, None, prefix, kinds, None),
                Query::Placed { unit, funds, kinds } => {
                    ("支出", 4u16, funds.clone(), &none, kinds, Some(unit))
                }
                Query::Leaves { .. } | Query::Parts { .. } => unreachable!("handled above"),
            };
            let funds: Vec<Option<Fund>> = funds
                .map(|f| f.into_iter().map(Some).collect())
                .unwrap_or_else(|| vec![None]);
            let kinds: Vec<Option<SpendKind>> = kinds
                .clone()
                .map(|k| k.into_iter().map(Some).collect())
                .unwrap_or_else(|| vec![None]);
            let mut terms = Vec::new();
            for f in &funds {
                for k in &kinds {
                    let mut t = format!("SUMIFS({value},{},\"{grid}\"", r(2));
                    if let Some(f) = f {
                        t.push_str(&format!(",{},\"{}\"", r(3), f.label()));
                    }
                    if let Some(p) = prefix {
                        t.push_str(&format!(",{},\"{p}*\"", r(code_col)));
                    }
                    if let Some(k) = k {
                        t.push_str(&format!(",{},\"{}\"", r(5), k.label()));
                    }
                    if let Some(u) = unit {
                        t.push_str(&format!(
                            ",{},\"{}\"",
                            r(VALUE_COL + 2),
                            u.replace('~', "~~")
                                .replace('*', "~*")
                                .replace('?', "~?")
                                .replace('"', "\"\"")
                        ));
                    }
                    t.push(')');
                    terms.push(t);
                }
            }
            if terms.is_empty() {
                "0".into()
            } else {
                terms.join("+")
            }
        }
    };
    if scale == Decimal::ONE {
        format!("={body}")
    } else {
        format!("=({body})/{scale}")
    }
}

const TABLE_FIRST_ROW: u32 = 4;

fn write_table(
    wb: &mut Workbook,
    ti: usize,
    draft: &Draft,
    table: &Table,
    rows: &HashMap<&LeafKey, Vec<u32>>,
    n: u32,
) -> Result<(), WorkbookError> {
    let layout = &draft.layout[ti];
    let name = sheet_name(ti, &table.title);
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(&name)?;
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let text = Format::new().set_border(FormatBorder::Thin);
    let money = Format::new().set_border(FormatBorder::Thin).set_num_format(
        if layout.style.decimals == 0 {
            "#,##0"
        } else {
            "#,##0.00"
        },
    );
    let ncols = table.columns.len() as u16;
    ws.merge_range(0, 0, 0, ncols + 1, &table.title, &title)?;
    ws.write_string(1, 0, format!("编制部门：{}", draft.department))?;
    ws.write_string(1, ncols + 1, format!("单位：{}", table.unit))?;
    ws.write_string_with_format(3, 0, "科目编码", &head)?;
    ws.write_string_with_format(3, 1, "科目名称（项目）", &head)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 34)?;
    for (c, col) in table.columns.iter().enumerate() {
        ws.write_string_with_format(3, c as u16 + 2, col.name(), &head)?;
        ws.set_column_width(c as u16 + 2, 16)?;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_repeat_rows(3, 3)?;
    ws.set_print_fit_to_pages(1, 0);
    // Cell rules by (row key) for kept rows; generated rows use their column rules.
    let scale = Unit::in_yuan(table.unit);
    let kept = match &layout.body {
        Body::Rows { rows: rr } => crate::derive::printed_rows(draft, rr),
        _ => Vec::new(),
    };
    for (ri, row) in table.rows.iter().enumerate() {
        let sr = TABLE_FIRST_ROW + ri as u32;
        ws.write_string_with_format(
            sr,
            0,
            row.code.as_ref().map(|c| c.as_str()).unwrap_or(""),
            &text,
        )?;
        ws.write_string_with_format(sr, 1, &row.label, &text)?;
        for (c, cell) in row.cells.iter().enumerate() {
            let sc = c as u16 + 2;
            let query = match &layout.body {
                Body::Rows { .. } => match kept.get(ri).and_then(|r| r.cells.get(c)) {
                    Some(CellRule::Sum { query }) => Some(query.clone()),
                    _ => None,
                },
                Body::Function { columns, .. } | Body::Economic { columns, .. } => {
                    match columns.get(c) {
                        Some(ColumnRule::Filter { funds, kinds }) => {
                            let prefix = row.code.as_ref().map(|c| c.as_str().to_string());
                            Some(match layout.body {
                                Body::Function { funds: ref tf, .. } => {
                                    let f = match (funds, tf) {
                                        (Some(a), _) => Some(a.clone()),
                                        (None, b) => b.clone(),
                                    };
                                    Query::Spend {
                                        funds: f,
                                        prefix,
                                        kinds: kinds.clone(),
                                    }
                                }
                                _ => Query::Economic {
                                    prefix,
                                    kinds: kinds.clone(),
                                },
                            })
                        }
                        _ => None,
                    }
                }
            };
            match (query, cell) {
                (Some(q), _) => {
                    let value = cell.amount().unwrap_or_default();
                    let f =
                        Formula::new(formula_for(&q, rows, n, scale)).set_result(value.to_string());
                    ws.write_formula_with_format(sr, sc, f, &money)?;
                }
                (None, Cell::Amount { value, .. }) => {
                    ws.write_number_with_format(sr, sc, num(*value), &money)?;
                }
                (None, Cell::Text { text: t }) => {
                    ws.write_string_with_format(sr, sc, t, &text)?;
                }
                (None, Cell::Blank) => {
                    ws.write_blank(sr, sc, &text)?;
                }
            }
        }
    }
    if let Some(note) = &table.note {
        ws.write_string(TABLE_FIRST_ROW + table.rows.len() as u32 + 1, 0, note)?;
    }
    Ok(())
}

/// The workbook: the leaf sheet and one sheet per table, totals as formulas.
pub fn write(draft: &Draft) -> Result<Vec<u8>, WorkbookError> {
    let mut wb = Workbook::new();
    let tables = derive_table_values(draft);
    let n = draft.leaves.len() as u32;
    {
        let ws = wb.add_worksheet();
        ws.set_name(LEAF_SHEET)?;
        let head = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center);
        let money = Format::new()
            .set_num_format("#,##0.00")
            .set_border(FormatBorder::Thin);
        let input = Format::new()
            .set_num_format("#,##0.00")
            .set_border(FormatBorder::Thin)
            .set_background_color("#FFF7D6");
        for (c, h) in HEADER.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head)?;
        }
        for (i, l) in draft.leaves.iter().enumerate() {
            let r = FIRST_ROW + i as u32;
            ws.write_string(r, 0, l.address())?;
            if let Some(u) = &l.unit {
                ws.write_string(r, VALUE_COL + 2, u)?;
            }
            ws.write_string(r, 1, &l.label)?;
            for (c, v) in leaf_columns(&l.key).iter().enumerate() {
                ws.write_string(r, c as u16 + 2, v)?;
            }
            ws.write_number_with_format(r, VALUE_COL, num(l.value), &input)?;
            if let Some(b) = l.baseline {
                ws.write_number_with_format(r, VALUE_COL + 1, num(b), &money)?;
            }
        }
        ws.set_column_width(0, 40)?;
        ws.set_column_width(1, 44)?;
        ws.set_column_width(VALUE_COL, 18)?;
        ws.set_column_width(VALUE_COL + 1, 18)?;
        ws.set_freeze_panes(1, 2)?;
        ws.autofilter(0, 0, n.max(1), HEADER.len() as u16 - 1)?;
    }
    let mut rows: HashMap<&LeafKey, Vec<u32>> = HashMap::new();
    for (i, l) in draft.leaves.iter().enumerate() {
        rows.entry(&l.key).or_default().push(FIRST_ROW + i as u32);
    }
    for (ti, t) in tables.iter().enumerate() {
        write_table(&mut wb, ti, draft, t, &rows, n)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn cell_decimal(d: &Data) -> Option<Decimal> {
    match d {
        Data::Float(f) => Decimal::from_f64(*f).map(|v| v.round_dp(6).normalize()),
        Data::Int(i) => Some(Decimal::from(*i)),
        Data::String(s) => {
            let t = s.trim().replace(',', "");
            if t.is_empty() {
                None
            } else {
                Decimal::from_str(&t).ok()
            }
        }
        _ => None,
    }
}

/// What an edited workbook holds: the leaf amounts it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBack {
    /// Every leaf line of the leaf sheet: its key, its unit (`None`: not placed), its amount in 元.
    pub values: Vec<(LeafKey, Option<String>, Decimal)>,
}

/// Reads an edited workbook: the leaf amounts, then every table sheet's cells checked against
/// the sums of those leaves (a value typed over a formula is an error naming the sheet and cell).
pub fn read(draft: &Draft, bytes: &[u8]) -> Result<ReadBack, WorkbookError> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError(format!("不是可读取的 XLSX 工作簿：{e}")))?;
    let leaf = wb.worksheet_range(LEAF_SHEET).map_err(|_| {
        WorkbookError(format!(
            "工作簿中没有“{LEAF_SHEET}”工作表；请使用 yusuan draft export-xlsx 导出的工作簿"
        ))
    })?;
    let mut values = Vec::new();
    for (i, row) in leaf.rows().enumerate().skip(FIRST_ROW as usize) {
        let key_text = row.first().map(|d| d.to_string()).unwrap_or_default();
        if key_text.trim().is_empty() {
            continue;
        }
        let r = i as u32;
        let (key, unit) = crate::model::parse_address(&key_text).ok_or_else(|| {
            WorkbookError(format!(
                "工作表“{LEAF_SHEET}”单元格 {}：“{key_text}”不是明细行的键",
                cell_name(r, 0)
            ))
        })?;
        let v = match row.get(VALUE_COL as usize) {
            None | Some(Data::Empty) => Decimal::ZERO,
            Some(d) => cell_decimal(d).ok_or_else(|| {
                WorkbookError(format!(
                    "工作表“{LEAF_SHEET}”单元格 {}：“{d}”不是金额",
                    cell_name(r, VALUE_COL)
                ))
            })?,
        };
        values.push((key, unit, v));
    }
    // The table sheets against the leaves.
    let mut edited = draft.clone();
    for (k, unit, v) in &values {
        match edited.leaf_at_mut(k, unit.as_deref()) {
            Some(l) => l.value = *v,
            None => {
                let label = edited.label_for(k);
                edited.leaves.push(crate::Leaf {
                    key: k.clone(),
                    label,
                    value: *v,
                    baseline: None,
                    origin: None,
                    estimated: false,
                    unit: unit.clone(),
                })
            }
        }
    }
    let derived = derive_table_values(&edited);
    let names: Vec<String> = wb.sheet_names().to_vec();
    for (ti, t) in derived.iter().enumerate() {
        let name = sheet_name(ti, &draft.layout[ti].title);
        if !names.contains(&name) {
            continue;
        }
        let Ok(range) = wb.worksheet_range(&name) else {
            continue;
        };
        let start = range.start().unwrap_or((0, 0));
        // Rows are matched by code and label, the n-th sheet row of a key with the n-th derived row.
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for (r, row) in range.rows().enumerate() {
            let sr = start.0 + r as u32;
            if sr < TABLE_FIRST_ROW {
                continue;
            }
            let code = row.first().map(|d| d.to_string()).unwrap_or_default();
            let label = row.get(1).map(|d| d.to_string()).unwrap_or_default();
            let n = seen.entry((code.clone(), label.clone())).or_default();
            let derived_row = t
                .rows
                .iter()
                .filter(|x| {
                    x.code
                        .as_ref()
                        .map(|c| c.as_str().to_string())
                        .unwrap_or_default()
                        == code
                        && x.label == label
                })
                .nth(*n);
            *n += 1;
            for (c, d) in row.iter().enumerate().skip(2) {
                // Only numbers are amounts: words (a count kept as printed) are not checked.
                if !matches!(d, Data::Float(_) | Data::Int(_)) {
                    continue;
                }
                let Some(v) = cell_decimal(d) else { continue };
                let expect = derived_row
                    .and_then(|x| x.cells.get(c - 2))
                    .and_then(Cell::value_or_zero)
                    .unwrap_or_default();
                if v != expect {
                    let sc = start.1 as u16 + c as u16;
                    return Err(WorkbookError(format!(
                        "工作表“{name}”单元格 {}（{} {}）为 {v}，而明细行之和为 {expect}：请只修改“{LEAF_SHEET}”工作表的金额，合计由公式计算",
                        cell_name(sr, sc),
                        code,
                        label
                    )));
                }
            }
        }
    }
    Ok(ReadBack { values })
}
