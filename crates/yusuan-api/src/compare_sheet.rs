//! A comparison as rows: the columns of `yusuan compare --format csv|xlsx` and the workbook the
//! app's 对比 view exports (the same columns, with Chinese headers). Amounts are exact decimal
//! strings in 元; in the workbook they are numbers only when a spreadsheet double holds them
//! exactly, else text, so no value is ever rounded.

use crate::ApiError;
use rust_decimal::Decimal;
use yusuan_compare::{AlignedLine, Comparison};

/// The table a line belongs to: the standard table's name, or the text part that states it.
pub fn table_name(l: &AlignedLine) -> &str {
    if l.key.table == yusuan_domain::TableKind::Other {
        &l.table_title
    } else {
        l.key.table.label()
    }
}

/// A line's flags in Chinese, joined by 、.
pub fn flags(l: &AlignedLine) -> String {
    l.flags
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join("、")
}

/// The columns of the CSV and XLSX outputs (the year columns go after `column`).
pub fn header(c: &Comparison) -> Vec<String> {
    let mut h: Vec<String> = ["table", "row_code", "row_label", "column"]
        .map(String::from)
        .to_vec();
    h.extend(c.documents.iter().map(|d| format!("{}年_元", d.year)));
    h.extend(
        [
            "change_yuan",
            "change_percent",
            "flags",
            "mapped_from",
            "reason",
        ]
        .map(String::from),
    );
    h
}

/// The same columns as [`header`], named for a finance user.
pub fn header_zh(c: &Comparison) -> Vec<String> {
    let mut h: Vec<String> = ["表", "科目编码", "行", "栏目"].map(String::from).to_vec();
    h.extend(c.documents.iter().map(|d| format!("{}年（元）", d.year)));
    h.extend(["增减（元）", "增减率（%）", "标记", "原科目编码", "原因"].map(String::from));
    h
}

/// One line's fields, as text (amounts as exact decimal strings in 元).
pub fn fields(l: &AlignedLine) -> Vec<String> {
    let mut f = vec![
        table_name(l).to_string(),
        l.key.code.clone(),
        l.row_label.clone(),
        l.key.column.clone(),
    ];
    f.extend(
        l.amounts
            .iter()
            .map(|a| a.map(|v| v.to_string()).unwrap_or_default()),
    );
    f.push(l.change.to_string());
    f.push(l.change_percent.map(|p| p.to_string()).unwrap_or_default());
    f.push(flags(l));
    f.push(l.mapped_from.clone().unwrap_or_default());
    f.push(l.reason.clone().unwrap_or_default());
    f
}

/// The workbook: a sheet 比较 with the header (`zh`: Chinese names) and every aligned line.
pub fn xlsx(c: &Comparison, zh: bool) -> Result<Vec<u8>, ApiError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let e = |e: rust_xlsxwriter::XlsxError| ApiError::Export(e.into());
    let sheet = book.add_worksheet();
    sheet.set_name("比较").map_err(e)?;
    for (k, h) in (if zh { header_zh(c) } else { header(c) })
        .iter()
        .enumerate()
    {
        sheet.write_string(0, k as u16, h).map_err(e)?;
    }
    let numeric_from = 4; // year columns, change, percent
    let numeric_to = 4 + c.documents.len() + 2;
    for (r, l) in c.lines.iter().enumerate() {
        for (k, v) in fields(l).iter().enumerate() {
            let (row, col) = (r as u32 + 1, k as u16);
            if (numeric_from..numeric_to).contains(&k) && !v.is_empty() {
                // The spreadsheet stores numbers as binary doubles: only write one when it
                // reads back as the same decimal.
                match v.parse::<f64>() {
                    Ok(x)
                        if Decimal::from_str_exact(&format!("{x}"))
                            .ok()
                            .map(|d| d.normalize())
                            == Decimal::from_str_exact(v).ok().map(|d| d.normalize()) =>
                    {
                        sheet.write_number(row, col, x).map_err(e)?
                    }
                    _ => sheet.write_string(row, col, v).map_err(e)?,
                };
            } else {
                sheet.write_string(row, col, v).map_err(e)?;
            }
        }
    }
    book.save_to_buffer().map_err(e)
}
