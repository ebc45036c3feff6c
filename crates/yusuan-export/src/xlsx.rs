//! The disclosure's tables as a workbook laid out for printing: one sheet per table with its
//! title, 编制 line and unit, the same merged multi-level header as the PDF, codes split as the
//! template prints them, amounts as numbers with the table's decimals, and the print setup (A4 in
//! the template's orientation, header rows repeated, fitted to the page width).

use crate::layout::table::{header, is_grid, key_cells, key_columns};
use crate::{ExportError, Orientation, Template};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use yusuan_domain::{Cell, Document, Table};

fn err(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

fn sheet_name(i: usize, t: &Table) -> String {
    let clean: String = t
        .title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .collect();
    let name = format!("{}.{}", i + 1, clean);
    name.chars().take(31).collect()
}

fn decimals(t: &Table) -> usize {
    t.rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter_map(|c| match c {
            Cell::Amount { printed, .. } => printed.split_once('.').map(|(_, f)| f.len()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// The workbook of `doc`'s tables.
pub fn write(doc: &Document, template: &Template) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let title_f = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let head_f = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let text_f = Format::new().set_border(FormatBorder::Thin);
    for (i, t) in doc.tables.iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(i, t)).map_err(err)?;
        let money =
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_num_format(match decimals(t) {
                    0 => "#,##0",
                    1 => "#,##0.0",
                    _ => "#,##0.00",
                });
        let (keys, style) = if is_grid(t) {
            (vec![], None)
        } else {
            let (k, s) = key_columns(t, template);
            (k, Some(s))
        };
        let mut paths: Vec<Vec<String>> = keys.iter().map(|k| k.0.clone()).collect();
        paths.extend(t.columns.iter().map(|c| c.path.clone()));
        let ncols = paths.len().max(1) as u16;
        ws.merge_range(0, 0, 0, ncols - 1, &t.title, &title_f)
            .map_err(err)?;
        let who = t
            .compiled_by
            .clone()
            .unwrap_or_else(|| doc.meta.department.clone());
        ws.write_string(1, 0, format!("{}：{who}", template.compiled_label))
            .map_err(err)?;
        ws.write_string(1, ncols - 1, format!("单位：{}", t.unit.as_str()))
            .map_err(err)?;
        let first = 3u32;
        let (head, depth) = if is_grid(t) {
            (vec![], 0)
        } else {
            header(&paths)
        };
        for h in &head {
            let (r1, c1) = (first + h.row as u32, h.col as u16);
            let (r2, c2) = (r1 + h.rows as u32 - 1, c1 + h.cols as u16 - 1);
            if r1 == r2 && c1 == c2 {
                ws.write_string_with_format(r1, c1, &h.text, &head_f)
                    .map_err(err)?;
            } else {
                ws.merge_range(r1, c1, r2, c2, &h.text, &head_f)
                    .map_err(err)?;
            }
        }
        let body = first + depth as u32;
        for (ri, r) in t.rows.iter().enumerate() {
            let row = body + ri as u32;
            if let Some(style) = style {
                for k in key_cells(r, style, template.total_spans_keys) {
                    let (c1, c2) = (k.col as u16, (k.col + k.cols) as u16 - 1);
                    if c1 == c2 {
                        ws.write_string_with_format(row, c1, &k.text, &text_f)
                            .map_err(err)?;
                    } else {
                        ws.merge_range(row, c1, row, c2, &k.text, &text_f)
                            .map_err(err)?;
                    }
                }
            }
            for (c, cell) in r.cells.iter().enumerate() {
                let col = (keys.len() + c) as u16;
                match cell {
                    Cell::Amount { value, .. } => {
                        // A spreadsheet cell is an IEEE double: exact for amounts of up to 15 digits.
                        let v: f64 = value.to_string().parse().unwrap_or(0.0);
                        ws.write_number_with_format(row, col, v, &money)
                            .map_err(err)?
                    }
                    Cell::Text { text } => ws
                        .write_string_with_format(row, col, text, &text_f)
                        .map_err(err)?,
                    Cell::Blank => ws.write_blank(row, col, &text_f).map_err(err)?,
                };
            }
        }
        if let Some(note) = &t.note {
            ws.write_string(body + t.rows.len() as u32 + 1, 0, note)
                .map_err(err)?;
        }
        for (c, p) in paths.iter().enumerate() {
            let last = p.last().map(String::as_str).unwrap_or("");
            let w = match last {
                "类" | "款" | "项" => 6.0,
                _ if c < keys.len() && c + 1 == keys.len() => 36.0,
                _ => 16.0,
            };
            ws.set_column_width(c as u16, w).map_err(err)?;
        }
        ws.set_paper_size(9);
        if template.tables == Orientation::Landscape {
            ws.set_landscape();
        } else {
            ws.set_portrait();
        }
        if depth > 0 {
            ws.set_repeat_rows(first, first + depth as u32 - 1)
                .map_err(err)?;
        }
        ws.set_print_fit_to_pages(1, 0);
    }
    if doc.tables.is_empty() {
        return Err(ExportError::Empty("文档中没有表格，无法导出工作簿".into()));
    }
    wb.save_to_buffer().map_err(err)
}
