//! A draft's print style (零值单元格): zero cells print as last year's tables printed each column
//! until the user chooses 留空 or 填0 — one undoable edit; the tables follow, the export prints
//! that way and reads back; a choice that is none is refused, nothing recorded.

use yusuan_api::{draft_document, draft_history, draft_print_zeros, draft_undo, Library};
use yusuan_domain::Cell;

mod common;

use common::{export_explained, fixture, rolled, NOW};

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
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
    let id = rolled(
        &mut lib,
        &[&fixture(
            "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        )],
    );
    // As last year's tables printed them: 万里 prints its zeros (0.00), a two-sided table
    // leaves the other side blank.
    let numeric = numeric_columns(&lib, id);
    let printed = zeros_and_blanks(&lib, id, &numeric);
    let (zeros, blanks, _) = printed;
    assert!(zeros > 0 && blanks > 0, "{printed:?}");
    let events = draft_history(&lib, id).unwrap().len();
    let e = draft_print_zeros(&mut lib, id, "空着", NOW)
        .unwrap_err()
        .to_string();
    assert!(e.contains("按上年原表、留空、填0"), "{e}");
    assert_eq!(draft_history(&lib, id).unwrap().len(), events);

    // 留空: no zero printed; 填0: no amount cell left blank.
    draft_print_zeros(&mut lib, id, "留空", NOW).unwrap();
    let blank = zeros_and_blanks(&lib, id, &numeric);
    assert_eq!((blank.0, blank.1), (0, zeros + blanks));
    draft_print_zeros(&mut lib, id, "填0", NOW).unwrap();
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
