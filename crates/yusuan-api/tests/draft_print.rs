//! A draft's print style (零值单元格): zero cells print as last year's tables printed each column
//! until the user chooses 留空 or 填0 — one undoable edit; the tables follow, the export prints
//! that way and reads back; a choice that is none is refused, nothing recorded.

use yusuan_api::{draft_document, draft_history, draft_print, draft_undo, Library};
use yusuan_domain::Cell;

mod common;

use common::{drafted, export_explained, fixture, library, rolled, NOW};

/// The draft's cells in amount columns (columns holding an amount when last year's style
/// prints them, `numeric`): (zeros, blanks, blanks of one-sided rows).
fn zeros_and_blanks(lib: &Library, id: i64, numeric: &[Vec<bool>]) -> (usize, usize, usize) {
    let doc = draft_document(lib, id, None).unwrap();
    let (mut zeros, mut blanks, mut one_sided) = (0, 0, 0);
    for (t, numeric) in doc.tables.iter().zip(numeric) {
        for r in &t.rows {
            for (c, cell) in r.cells.iter().enumerate() {
                match cell {
                    Cell::Amount { value, .. } if value.is_zero() => zeros += 1,
                    Cell::Blank if numeric.get(c) == Some(&true) => {
                        blanks += 1;
                        // A two-sided table's row leaves the other side's columns blank.
                        one_sided += usize::from(r.side.is_none());
                    }
                    _ => {}
                }
            }
        }
    }
    (zeros, blanks, one_sided)
}

fn numeric_columns(lib: &Library, id: i64) -> Vec<Vec<bool>> {
    draft_document(lib, id, None)
        .unwrap()
        .tables
        .iter()
        .map(|t| {
            (0..t.columns.len())
                .map(|c| {
                    t.rows
                        .iter()
                        .any(|r| matches!(r.cells.get(c), Some(Cell::Amount { .. })))
                })
                .collect()
        })
        .collect()
}

#[test]
fn zero_cells_print_as_the_draft_says_and_read_back() {
    let (dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    // As last year's tables printed them: 万里 prints its zeros (0.00), a two-sided table
    // leaves the other side blank.
    let numeric = numeric_columns(&lib, id);
    let printed = zeros_and_blanks(&lib, id, &numeric);
    let (zeros, blanks, _) = printed;
    assert!(zeros > 0 && blanks > 0, "{printed:?}");
    let events = draft_history(&lib, id).unwrap().len();
    let e = draft_print(&mut lib, id, "零值单元格", "空着", NOW)
        .unwrap_err()
        .to_string();
    assert!(e.contains("按上年原表、留空、填0"), "{e}");
    assert_eq!(draft_history(&lib, id).unwrap().len(), events);

    // 留空: no zero printed; 填0: no amount cell left blank.
    draft_print(&mut lib, id, "零值单元格", "留空", NOW).unwrap();
    let blank = zeros_and_blanks(&lib, id, &numeric);
    assert_eq!((blank.0, blank.1), (0, zeros + blanks));
    draft_print(&mut lib, id, "零值单元格", "填0", NOW).unwrap();
    let filled = zeros_and_blanks(&lib, id, &numeric);
    // (a two-sided table's other side stays blank where no figure belongs)
    assert!(
        filled.0 > zeros && filled.1 < blanks && filled.2 == 0,
        "{filled:?} {printed:?}"
    );

    // Exported that way, and read back.
    let o = export_explained(&mut lib, id, &dir.path().join("填0.pdf"));
    assert!(o.preflight.is_some());

    // Undo: 留空, then last year's style again.
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(zeros_and_blanks(&lib, id, &numeric), blank);
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(zeros_and_blanks(&lib, id, &numeric), printed);
}

/// The tables' titles (and the 目录's entries for them) of the draft.
fn titles(lib: &Library, id: i64) -> (Vec<String>, Vec<String>) {
    let doc = draft_document(lib, id, None).unwrap();
    let tables: Vec<String> = doc.tables.iter().map(|t| t.title.clone()).collect();
    let listed = doc
        .contents
        .iter()
        .filter(|c| c.level > 0)
        .map(|c| c.title.clone())
        .collect();
    (tables, listed)
}

#[test]
fn title_years_follow_the_regions_newest_documents_and_the_users_choice() {
    let (dir, mut lib) = library();
    // 万里 2024 printed its 三公 table without the year; alone in the library, its draft does
    // the same.
    let alone = rolled(
        &mut lib,
        &[&fixture(
            "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        )],
    );
    let (tables, listed) = titles(&lib, alone);
    assert_eq!(tables.len(), 9);
    let without: Vec<&String> = tables.iter().filter(|t| !t.contains("2025年")).collect();
    assert_eq!(without, ["部门“三公”经费和机关运行经费预算表"]);
    assert_eq!(listed, tables, "the 目录 names the tables as they print");

    // With the district's 2025 documents in the library (all nine titles with their year), a new
    // draft takes their practice.
    yusuan_api::import_file(
        &mut lib,
        &fixture("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf"),
        NOW,
    )
    .unwrap();
    let first = lib.store().list().unwrap()[0].id;
    let id = yusuan_api::parse_draft_ref(
        &yusuan_api::draft_new(&mut lib, first, None, NOW)
            .unwrap()
            .draft,
    )
    .unwrap()
    .0;
    let (tables, listed) = titles(&lib, id);
    assert!(tables.iter().all(|t| t.starts_with("2025年")), "{tables:?}");
    assert!(tables.contains(&"2025年部门“三公”经费和机关运行经费预算表".to_string()));
    assert_eq!(listed, tables);
    let d = yusuan_api::load_draft(&lib, id, None).unwrap();
    let style = yusuan_api::print_settings(&d);
    assert_eq!(style[1].name, "表名年度");
    assert_eq!(style[1].chosen, "每张表都印年度");

    // The user's choice: none; refused names change nothing; undo restores.
    let events = draft_history(&lib, id).unwrap().len();
    let e = draft_print(&mut lib, id, "表名年度", "有时印", NOW)
        .unwrap_err()
        .to_string();
    assert!(e.contains("按上年原表、每张表都印年度、都不印年度"), "{e}");
    let e = draft_print(&mut lib, id, "字号", "小四", NOW)
        .unwrap_err()
        .to_string();
    assert!(e.contains("零值单元格、表名年度"), "{e}");
    assert_eq!(draft_history(&lib, id).unwrap().len(), events);
    draft_print(&mut lib, id, "表名年度", "都不印年度", NOW).unwrap();
    let (never, _) = titles(&lib, id);
    assert!(never.iter().all(|t| !t.contains("2025")), "{never:?}");
    assert!(never.contains(&"部门财务收支预算总表".to_string()));
    // Exported that way, and read back.
    export_explained(&mut lib, id, &dir.path().join("不印年度.pdf"));
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(titles(&lib, id).0, tables);
}
