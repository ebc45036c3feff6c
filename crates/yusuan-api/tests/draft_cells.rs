//! Tables a draft carries as printed (seed 004, Hubei: the 资产配置 and 绩效 grids), edited cell
//! by cell: printed as written in the derived document, undone, a wrong place refused.

use yusuan_api::{draft_cell, draft_undo, reference_document, Library};

mod common;

use common::{blank, drafted, library, NOW};
use yusuan_testkit::title_containing;

#[test]
fn a_carried_grid_is_edited_cell_by_cell() {
    let (_dir, mut lib, id) = drafted(&["004_dd8ce94d1496a6c0.txt"]);
    let reference = format!("draft:{id}");
    let title = "表 15. 青山区城市运行管理中心 2027 年项目支出绩效目标表";
    let cell = |lib: &Library, row: usize, col: usize| {
        let doc = reference_document(lib, &reference).unwrap();
        let t = doc.tables.iter().find(|t| t.title == title).unwrap();
        t.rows[row - 1].cells[col - 1].printed().to_string()
    };
    // The carried grid still says the project starts in 2026 (row 7: 起始年度).
    assert_eq!(cell(&lib, 7, 2), "2026");
    let e = draft_cell(&mut lib, id, title, 7, 2, "2027", NOW).unwrap();
    assert_eq!(
        (e.old.as_deref(), e.new.as_deref()),
        (Some("2026"), Some("2027"))
    );
    assert_eq!(cell(&lib, 7, 2), "2027");
    // Words print as words.
    draft_cell(&mut lib, id, title, 5, 2, "新增项目", NOW).unwrap();
    assert_eq!(cell(&lib, 5, 2), "新增项目");
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(cell(&lib, 5, 2), "持续性项目");
    // A place the table has not, or a table it does not carry: refused, nothing changes.
    let err = draft_cell(&mut lib, id, title, 999, 1, "x", NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("没有第 999 行"), "{err}");
    let err = draft_cell(
        &mut lib,
        id,
        "表 3. 青山区城市运行管理中心 2027 年支出总表",
        1,
        1,
        "x",
        NOW,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("按原表结转的表"), "{err}");
    assert_eq!(cell(&lib, 7, 2), "2027");
}

#[test]
fn a_blank_drafts_emptied_grid_is_written_row_by_row() {
    use yusuan_api::{draft_redo, draft_row, RowEdit};
    let (_dir, mut lib) = library();
    let req = yusuan_api::BlankRequest {
        department: "武汉市青山区新设中心".into(),
        region: None,
        year: Some(2027),
        threshold_percent: None,
    };
    let id = blank(&mut lib, "hubei-15-bumen", &req);
    let reference = format!("draft:{id}");
    // The 资产配置预算表 is carried and empty: its head rows stay (the source's 项目 … rows), no
    // asset of the template's department is left; it prints its head rows and its note.
    let d = yusuan_api::load_draft(&lib, id, None).unwrap();
    let title = title_containing(d.layout.iter().map(|t| &t.title), "资产配置预算表");
    let rows = |lib: &Library| -> Vec<Vec<String>> {
        let doc = reference_document(lib, &reference).unwrap();
        let t = doc.tables.iter().find(|t| t.title == title).unwrap();
        t.rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| c.amount().is_some()))
            .map(|r| r.cells.iter().map(|c| c.printed().to_string()).collect())
            .collect()
    };
    let heads = {
        let doc = reference_document(&lib, &reference).unwrap();
        let t = doc.tables.iter().find(|t| t.title == title).unwrap();
        assert!(t.note.is_some(), "{t:?}");
        assert!(t
            .rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.amount().is_none())));
        t.rows.len()
    };
    assert_eq!(heads, 2);
    assert!(rows(&lib).is_empty());
    // A row added under them, then written: it prints as written, labelled by its words as a
    // reading of the page labels it.
    let e = draft_row(&mut lib, id, &title, RowEdit::Add, NOW).unwrap();
    assert!(e.target.ends_with("|3"), "{}", e.target);
    draft_cell(&mut lib, id, &title, 3, 4, "台式计算机", NOW).unwrap();
    draft_cell(&mut lib, id, &title, 3, 9, "4.00", NOW).unwrap();
    let written = rows(&lib);
    assert_eq!(written.len(), 1);
    assert_eq!(
        (written[0][3].as_str(), written[0][8].as_str()),
        ("台式计算机", "4.00")
    );
    let doc = reference_document(&lib, &reference).unwrap();
    assert_eq!(
        doc.tables.iter().find(|t| t.title == title).unwrap().rows[2].label,
        "台式计算机"
    );
    // Removed, and the removal undone: the row comes back as it was; redone, gone again.
    draft_row(&mut lib, id, &title, RowEdit::Remove(3), NOW).unwrap();
    assert!(rows(&lib).is_empty());
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(rows(&lib), written);
    draft_redo(&mut lib, id, NOW).unwrap();
    assert!(rows(&lib).is_empty());
    // Words alone print too (a 绩效 grid's lines are words): the table is not empty.
    let layout = yusuan_api::load_draft(&lib, id, None).unwrap().layout;
    let form = title_containing(layout.iter().map(|t| &t.title), "项目支出绩效目标表");
    draft_row(&mut lib, id, &form, RowEdit::Add, NOW).unwrap();
    draft_cell(&mut lib, id, &form, 1, 1, "项目名称", NOW).unwrap();
    let doc = reference_document(&lib, &reference).unwrap();
    let t = doc.tables.iter().find(|t| t.title == form).unwrap();
    assert_eq!(
        t.rows.first().map(|r| r.cells[0].printed().to_string()),
        Some("项目名称".to_string()),
        "{t:?}"
    );
    draft_undo(&mut lib, id, NOW).unwrap();
    draft_undo(&mut lib, id, NOW).unwrap();
    // A row the table has not: refused, nothing recorded.
    let err = draft_row(&mut lib, id, &title, RowEdit::Remove(5), NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("没有第 5 行"), "{err}");
    // Back to the written row, then the added row undone too.
    draft_undo(&mut lib, id, NOW).unwrap();
    for _ in 0..3 {
        draft_undo(&mut lib, id, NOW).unwrap();
    }
    assert!(rows(&lib).is_empty());
}

#[test]
fn next_years_procurement_list_is_pasted_whole() {
    // Jiangsu's 政府采购预算表 (省委办公厅 2017, real): items named beside their columns, carried
    // as printed; next year's list is pasted from a spreadsheet in one undoable edit.
    let (_dir, mut lib, id) = drafted(&[
        "pdf/jiangsu-shengwei-2017-bumen-yusuan-text.pdf",
        "pdf/jiangsu-shengwei-2017-bumen-yusuan-tables.pdf",
    ]);
    let reference = format!("draft:{id}");
    let doc = reference_document(&lib, &reference).unwrap();
    let table = doc
        .tables
        .iter()
        .find(|t| t.kind == yusuan_domain::TableKind::Procurement)
        .unwrap();
    let (title, before) = (table.title.clone(), table.rows.len());
    assert!(before > 5, "{table:?}");
    let columns = table.columns.len();
    let row =
        |label: &str, amount: &str| format!("{label}{}\t{amount}\n", "\t".repeat(columns - 1));
    let text = format!(
        "{}{}\n{}",
        row("合计", "35.00"),
        row("一、货物A", "35.00"),
        row("台式计算机（20万以下）分散自行组织", "35.00")
    );
    let e = yusuan_api::draft_table_paste(&mut lib, id, &title, &text, NOW).unwrap();
    assert!(e.seq > 0 && e.old.as_deref().unwrap().lines().count() == before);
    let printed = |lib: &Library| {
        let doc = reference_document(lib, &reference).unwrap();
        let t = doc
            .tables
            .iter()
            .find(|t| t.title == title)
            .unwrap()
            .clone();
        t.rows
            .iter()
            .map(|r| {
                (
                    r.label.clone(),
                    r.cells.last().unwrap().printed().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        printed(&lib),
        vec![
            ("合计".to_string(), "35.00".to_string()),
            ("一、货物A".into(), "35.00".into()),
            ("台式计算机（20万以下）分散自行组织".into(), "35.00".into())
        ]
    );
    // The history names it; undo puts last year's list back as it was.
    let history = yusuan_api::draft_history_items(&lib, id).unwrap();
    assert_eq!(history[0].action, "粘贴整表");
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(printed(&lib).len(), before);
    // A line wider than the table, or a table the draft derives: refused, nothing recorded.
    let wide = format!("名称{}\n", "\t1".repeat(columns + 1));
    let err = yusuan_api::draft_table_paste(&mut lib, id, &title, &wide, NOW)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("粘贴的第 1 行") && err.contains(&format!("只有名称和 {columns} 列")),
        "{err}"
    );
    let derived = doc
        .tables
        .iter()
        .find(|t| t.kind == yusuan_domain::TableKind::FiscalFunction)
        .unwrap()
        .title
        .clone();
    let err = yusuan_api::draft_table_paste(&mut lib, id, &derived, &text, NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("按原表结转的表"), "{err}");
    assert_eq!(
        yusuan_api::draft_history(&lib, id).unwrap().len(),
        history.len()
    );
    assert_eq!(printed(&lib).len(), before);
}
