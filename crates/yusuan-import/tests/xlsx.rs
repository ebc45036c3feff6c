//! XLSX import: a workbook with one sheet per table, the way budget systems export them. The
//! workbooks are made here (by us, from seed 000's tables, numbers stored as numbers) and must
//! give back every number the text import gives.

use rust_xlsxwriter::Workbook;
use yusuan_domain::{Cell, Table};
use yusuan_import::{import_any, import_text, table_text, ImportError};
use yusuan_testkit::fixture_bytes;

fn numbers(tables: &[Table]) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for t in tables {
        for r in &t.rows {
            for (i, c) in r.cells.iter().enumerate() {
                if let Cell::Amount { value, .. } = c {
                    out.push((
                        t.title.clone(),
                        r.code
                            .as_ref()
                            .map(|c| c.as_str().to_string())
                            .unwrap_or_default(),
                        t.columns[i].name(),
                        value.normalize().to_string(),
                    ));
                }
            }
        }
    }
    out.sort();
    out
}

fn workbook_of(tables: &[Table]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (k, t) in tables.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(format!("表{}", k + 1)).unwrap();
        for (r, line) in table_text(t).lines().enumerate() {
            for (c, cell) in line.split('\t').enumerate() {
                let (r, c) = (r as u32, c as u16);
                if (cell.contains(',') || cell.contains('.'))
                    && yusuan_domain::parse_amount(cell).is_ok()
                {
                    let v: f64 = cell.replace(',', "").parse().unwrap();
                    sheet.write_number(r, c, v).unwrap();
                } else if !cell.is_empty() {
                    sheet.write_string(r, c, cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_of_the_seed_tables_gives_every_number_back() {
    let doc = import_text("000.txt", &fixture_bytes("000_e54fcd81d7b1024c.txt"))
        .unwrap()
        .document;
    let bytes = workbook_of(&doc.tables);
    let imported = import_any("部门预算.xlsx", &bytes).unwrap();
    let back = imported.document;
    assert_eq!(back.tables.len(), 11);
    let (a, b) = (numbers(&back.tables), numbers(&doc.tables));
    let missing: Vec<_> = b.iter().filter(|x| !a.contains(x)).collect();
    let extra: Vec<_> = a.iter().filter(|x| !b.contains(x)).collect();
    assert!(
        missing.is_empty() && extra.is_empty() && a.len() == b.len(),
        "missing {missing:?}\nextra {extra:?}\n{:?}",
        back.tables[0]
            .rows
            .iter()
            .map(|r| (&r.label, r.side))
            .collect::<Vec<_>>()
    );
    assert_eq!(back.meta.year, 2026);
    // Sheets become pages in locations.
    assert_eq!(back.tables[10].location.page, Some(11));
}

#[test]
fn workbooks_that_are_not_budgets_are_refused() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "2026年春游名单").unwrap();
    sheet.write_string(1, 0, "张三").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = import_any("名单.xlsx", &bytes).unwrap_err();
    assert!(matches!(err, ImportError::NotABudget { .. }), "{err}");
    assert!(err.to_string().starts_with("名单.xlsx："), "{err}");

    let doc = import_text("000.txt", &fixture_bytes("000_e54fcd81d7b1024c.txt"))
        .unwrap()
        .document;
    let good = workbook_of(&doc.tables);
    let err = import_any("截断.xlsx", &good[..good.len() / 2]).unwrap_err();
    assert!(matches!(err, ImportError::Damaged { .. }), "{err}");
}
