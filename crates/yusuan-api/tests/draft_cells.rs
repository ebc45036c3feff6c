//! Tables a draft carries as printed (seed 004, Hubei: the 资产配置 and 绩效 grids), edited cell
//! by cell: printed as written in the derived document, undone, a wrong place refused.

use std::path::PathBuf;
use yusuan_api::{draft_cell, draft_new, draft_undo, import_file, reference_document, Library};

#[test]
fn a_carried_grid_is_edited_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
    let now = "2026-12-01T00:00:00Z";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/004_dd8ce94d1496a6c0.txt");
    let o = import_file(&mut lib, &path, now).unwrap();
    let reference = draft_new(&mut lib, o.id, None, now).unwrap().draft;
    let id = yusuan_api::parse_draft_ref(&reference).unwrap().0;
    let title = "表 15. 青山区城市运行管理中心 2027 年项目支出绩效目标表";
    let cell = |lib: &Library, row: usize, col: usize| {
        let doc = reference_document(lib, &reference).unwrap();
        let t = doc.tables.iter().find(|t| t.title == title).unwrap();
        t.rows[row - 1].cells[col - 1].printed().to_string()
    };
    // The carried grid still says the project starts in 2026 (row 7: 起始年度).
    assert_eq!(cell(&lib, 7, 2), "2026");
    let e = draft_cell(&mut lib, id, title, 7, 2, "2027", now).unwrap();
    assert_eq!((e.old.as_deref(), e.new.as_deref()), (Some("2026"), Some("2027")));
    assert_eq!(cell(&lib, 7, 2), "2027");
    // Words print as words.
    draft_cell(&mut lib, id, title, 5, 2, "新增项目", now).unwrap();
    assert_eq!(cell(&lib, 5, 2), "新增项目");
    draft_undo(&mut lib, id, now).unwrap();
    assert_eq!(cell(&lib, 5, 2), "持续性项目");
    // A place the table has not, or a table it does not carry: refused, nothing changes.
    let err = draft_cell(&mut lib, id, title, 999, 1, "x", now).unwrap_err().to_string();
    assert!(err.contains("没有第 999 行"), "{err}");
    let err = draft_cell(&mut lib, id, "表 3. 青山区城市运行管理中心 2027 年支出总表", 1, 1, "x", now).unwrap_err().to_string();
    assert!(err.contains("按原表结转的表"), "{err}");
    assert_eq!(cell(&lib, 7, 2), "2027");
}
