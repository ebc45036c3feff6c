//! XLSX workbooks as budget systems export them: one sheet per table.
//!
//! Each sheet becomes lines of tab-separated cells (its title rows, 编制部门/单位 rows, header
//! rows and data rows as laid out), the sheets one after another, and the same line parser reads
//! them. Numbers stored as numbers are written back in their shortest exact decimal form; cells
//! stored as text are kept as printed. A workbook none of whose sheets is a budget table is
//! refused.

use crate::lines::without_controls;
use crate::{ImportError, Line};
use calamine::{Data, Reader, SheetType, SheetVisible, Xlsx};
use std::io::Cursor;
use yusuan_domain::Location;

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        // Shortest representation that reads back as the same double: `68643213`, `62.1`.
        Data::Float(f) => {
            let s = format!("{f}");
            s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
        }
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e:?}"),
    }
}

/// The most an XLSX may unpack to (a budget workbook unpacks to a few MB; more is a zip bomb).
pub(crate) const MAX_UNPACKED_MB: u64 = 200; // limit

/// Refuses a workbook whose parts unpack, as its directory declares them, to more than
/// `limit_mb`: read before anything is unpacked, so a zip bomb costs nothing.
pub(crate) fn check_unpacked(file: &str, bytes: &[u8], limit_mb: u64) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    }; // calamine says why
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            total = total.saturating_add(f.size());
        }
    }
    if total > limit_mb * 1024 * 1024 {
        return Err(ImportError::TooLarge {
            file: file.to_string(),
            what: format!("工作簿解压后有 {} MB", total / 1024 / 1024),
            limit_mb,
        });
    }
    Ok(())
}

/// Reads every visible worksheet of a workbook as numbered lines (the page is its number among them).
pub fn xlsx_lines(file: &str, bytes: &[u8]) -> Result<Vec<Line>, ImportError> {
    check_unpacked(file, bytes, MAX_UNPACKED_MB)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Damaged {
        file: file.to_string(),
        reason: format!("不是有效的 XLSX 工作簿（{e}）"),
    })?;
    // The sheets a user sees: a hidden sheet holds a system's helper lists and lookups, not a
    // table of the disclosure, and a chart sheet has no cells.
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut out = Vec::new();
    for (s, name) in names.iter().enumerate() {
        let rows = sheet_rows(file, &mut book, name)?;
        let mut first = true;
        let mut in_table = false;
        for cells in rows {
            let last = cells
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |p| p + 1);
            let cells: Vec<String> = cells[..last].to_vec();
            if first && !cells.is_empty() {
                // A sheet whose first row is not its title: the sheet's name is.
                let c: String = cells.concat();
                if !(cells.iter().filter(|c| !c.is_empty()).count() == 1
                    && (c.ends_with('表') || c.contains("预算")))
                {
                    out.push(line(name.clone(), vec![name.clone()], s, out.len()));
                }
                first = false;
            }
            let filled = cells.iter().filter(|c| !c.is_empty()).count();
            if filled > 1 {
                in_table = true;
            }
            let text = cells.join("\t");
            let note = text.starts_with("说明") || text.starts_with("注");
            let cells = if cells.len() > 1 {
                cells
            } else if in_table && filled == 1 && !note {
                // A row with only its label, inside the table: still a row of cells.
                vec![text.trim().to_string(), String::new()]
            } else {
                vec![text.trim().to_string()]
            };
            out.push(line(text, cells, s, out.len()));
        }
        out.push(line(String::new(), vec![String::new()], s, out.len()));
    }
    Ok(out)
}

/// Runs one call into calamine so that a panic of its own on a malformed part (its cell
/// references overflow on a column name of a dozen letters) is a damaged file, as a PDF
/// library's is — not an internal error of ours.
fn in_calamine<T>(file: &str, sheet: &str, call: impl FnOnce() -> T) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)).map_err(|_| ImportError::Damaged {
        file: file.to_string(),
        reason: format!("工作表“{sheet}”的内容无法解析"),
    })
}

/// The largest used range (rows × columns, blanks included) a workbook read as a grid may span:
/// a reader that lays a sheet out as a grid (the draft workbook's) allocates it whole.
pub const MAX_GRID_CELLS: u64 = 4_000_000; // limit

/// Checks a workbook before a reader lays its sheets out as grids: its unpacked size, and each
/// sheet's used range, read cell by cell (a 5 KB workbook with cells at A1 and XFD1048576 spans
/// 17 billion cells).
pub fn check_workbook(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    check_unpacked(file, bytes, MAX_UNPACKED_MB)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Damaged {
        file: file.to_string(),
        reason: format!("不是有效的 XLSX 工作簿（{e}）"),
    })?;
    let names: Vec<String> = book.sheet_names().to_vec();
    for name in names {
        let Ok(mut reader) = book.worksheet_cells_reader(&name) else {
            continue;
        };
        let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
        let mut cells = 0usize;
        while let Ok(Some(cell)) = in_calamine(file, &name, || reader.next_cell())? {
            let (r, c) = cell.get_position();
            (top, left, bottom, right) = (top.min(r), left.min(c), bottom.max(r), right.max(c));
            cells += 1;
            if cells > MAX_CELLS {
                return Err(ImportError::Limit {
                    file: file.to_string(),
                    what: format!("工作表“{name}”有超过 {MAX_CELLS} 个单元格"),
                });
            }
        }
        if cells > 0 {
            let area = (u64::from(bottom - top) + 1) * (u64::from(right - left) + 1);
            if area > MAX_GRID_CELLS {
                return Err(ImportError::Limit {
                    file: file.to_string(),
                    what: format!(
                        "工作表“{name}”的使用范围有 {area} 个单元格（上限 {MAX_GRID_CELLS}）"
                    ),
                });
            }
        }
    }
    Ok(())
}

/// The most cells a sheet may hold (a disclosure table has a few thousand).
pub(crate) const MAX_CELLS: usize = 1_000_000; // limit
/// Excel's own bounds: a cell beyond them is not from a spreadsheet program.
const MAX_ROW: u32 = 1_048_576; // limit (Excel)
const MAX_COLUMN: u32 = 16_384; // limit (Excel)
/// Runs of empty rows longer than this are one gap (a sheet's used range may be declared far
/// beyond its data).
const EMPTY_ROWS_KEPT: u32 = 50;

/// A sheet's rows of cell texts, from its first used row and column, read cell by cell: a sheet
/// that declares a huge used range with a few cells in it costs only its cells (a dense grid of
/// it would not fit in memory).
fn sheet_rows(
    file: &str,
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<Vec<String>>, ImportError> {
    let damaged = |e: calamine::XlsxError| ImportError::Damaged {
        file: file.to_string(),
        reason: format!("工作表“{name}”无法读取（{e}）"),
    };
    let limit = |what: String| ImportError::Limit {
        file: file.to_string(),
        what,
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(damaged)?;
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    let (mut top, mut left) = (u32::MAX, u32::MAX);
    while let Some(cell) = in_calamine(file, name, || reader.next_cell())?.map_err(damaged)? {
        let (r, c) = cell.get_position();
        if r >= MAX_ROW || c >= MAX_COLUMN {
            return Err(limit(format!(
                "工作表“{name}”中有位于第 {} 行第 {} 列的单元格，超出电子表格的行列范围",
                r as u64 + 1,
                c as u64 + 1
            )));
        }
        if cells.len() >= MAX_CELLS {
            return Err(limit(format!("工作表“{name}”有超过 {MAX_CELLS} 个单元格")));
        }
        (top, left) = (top.min(r), left.min(c));
        cells.push((r, c, cell_text(&Data::from(cell.get_value().clone()))));
    }
    cells.sort_by_key(|&(r, c, _)| (r, c));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut at = top;
    let mut cells = cells.into_iter().peekable();
    while let Some(&(r, _, _)) = cells.peek() {
        // The empty rows before this one (a long run kept short).
        rows.extend((0..(r - at).min(EMPTY_ROWS_KEPT)).map(|_| Vec::new()));
        let mut row: Vec<String> = Vec::new();
        while let Some((_, c, text)) = cells.next_if(|&(rr, _, _)| rr == r) {
            let k = (c - left) as usize;
            if row.len() <= k {
                row.resize(k + 1, String::new());
            }
            row[k] = text;
        }
        rows.push(row);
        at = r + 1;
    }
    Ok(rows)
}

fn line(text: String, cells: Vec<String>, sheet: usize, n: usize) -> Line {
    let (text, cells) = (
        without_controls(text),
        cells.into_iter().map(without_controls).collect(),
    );
    Line {
        location: Location {
            page: Some(sheet as u32 + 1),
            line: Some(n as u32 + 1),
        },
        text,
        cells,
        spans: vec![],
        boxes: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A workbook-shaped zip whose one part unpacks to `mb` MB of zeros (a few KB packed).
    fn packed(mb: usize) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        z.start_file(
            "xl/worksheets/sheet1.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..mb {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_workbook_that_unpacks_past_the_limit_is_refused_before_unpacking() {
        // check(input, expect): the limit here 2 MB.
        let bomb = packed(3);
        assert!(bomb.len() < 64 * 1024, "{} bytes packed", bomb.len());
        match check_unpacked("炸弹.xlsx", &bomb, 2) {
            Err(ImportError::TooLarge {
                what, limit_mb: 2, ..
            }) => assert_eq!(what, "工作簿解压后有 3 MB"),
            other => panic!("{other:?}"),
        }
        assert!(check_unpacked("小.xlsx", &packed(1), 2).is_ok());
        // Not a zip at all: left to the workbook reader, which says it is damaged.
        assert!(check_unpacked("乱码.xlsx", b"not a zip", 2).is_ok());
        assert!(matches!(
            xlsx_lines("乱码.xlsx", b"not a zip"),
            Err(ImportError::Damaged { .. })
        ));
    }
}
