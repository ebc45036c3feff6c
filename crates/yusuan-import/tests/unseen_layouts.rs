//! Layouts of known formats that no given document prints, made up line by line (issue 23,
//! class 7 and the tables a reader would otherwise lose): a cover that writes its year in
//! Chinese numerals or before the department, a cover that names no department at all, and
//! tables printed without any 编制部门 or unit line under their titles. Each is a whole document
//! read by `import_text`: what is read, and what the report says about it.

use yusuan_import::{import_text, Diagnostic, Imported};

fn import(text: &str) -> Imported {
    import_text("made-up.txt", text.as_bytes()).unwrap()
}

const BODY: &str = "\n目录\n一、部门主要职能\n\n一、部门主要职能\n本厅负责全省某项工作。\n\n收支预算总表\n单位：万元\n项目\t金额\n收入合计\t3.00\n";

fn warnings(imported: &Imported) -> Vec<Diagnostic> {
    imported
        .report
        .warnings
        .iter()
        .map(|w| w.diagnostic.clone())
        .collect()
}

#[test]
fn a_cover_writing_its_year_in_chinese_numerals_names_year_and_department() {
    let read = import(&format!("江苏省某某厅\n二〇一七年部门预算{BODY}"));
    let meta = &read.document.meta;
    assert_eq!(
        (meta.department.as_str(), meta.year),
        ("江苏省某某厅", 2017)
    );
    assert_eq!(meta.title, "江苏省某某厅二〇一七年部门预算");
    assert_eq!(read.document.tables.len(), 1);
    assert!(warnings(&read).is_empty(), "{:?}", warnings(&read));
}

#[test]
fn a_title_printing_its_year_first_names_the_department_after_it() {
    let read = import(&format!("2017年度江苏省某某厅部门预算{BODY}"));
    let meta = &read.document.meta;
    assert_eq!(
        (meta.department.as_str(), meta.year),
        ("江苏省某某厅", 2017)
    );
    assert!(warnings(&read).is_empty(), "{:?}", warnings(&read));
}

#[test]
fn a_cover_without_its_department_takes_the_one_a_heading_names_and_says_so() {
    let text = format!(
        "2017年度部门预算{BODY}第三部分 江苏省某某厅2017年度部门预算情况说明\n收入合计3.00万元。\n"
    );
    let read = import(&text);
    assert_eq!(read.document.meta.department, "江苏省某某厅");
    assert_eq!(
        warnings(&read),
        vec![Diagnostic::DepartmentFromBody {
            found: "江苏省某某厅".into()
        }]
    );
    assert!(read.report.warnings[0].message.contains("“江苏省某某厅”"));
    // A table's 编制部门 line names it where no heading does.
    let text = "2017年度部门预算\n\n收支预算总表\n部门名称：江苏省另一厅\t单位：万元\n项目\t金额\n收入合计\t3.00\n";
    assert_eq!(import(text).document.meta.department, "江苏省另一厅");
    // Nothing names it: imported, and the report says the department is not written anywhere.
    let read = import(&format!("2017年度部门预算{BODY}"));
    assert_eq!(read.document.meta.department, "");
    assert_eq!(
        warnings(&read),
        vec![Diagnostic::DepartmentFromBody { found: "".into() }]
    );
    assert!(read.report.warnings[0]
        .message
        .contains("都没有写明预算主管部门"));
}

/// Tables printed with their titles straight over their headers (no 编制部门, no unit line): read
/// as tables, their unit the one the other tables decide or 元 said — not a disclosure with "no
/// budget tables" whose titles the checker finds printed but unread.
#[test]
fn tables_printed_without_their_unit_lines_are_read() {
    let text = "某市某局2026年度部门预算\n\n目录\n1. 2026年部门收入预算总表\n2. 2026年部门支出预算总表\n\n1. 2026年部门收入预算总表\n项目\t合计\t财政拨款收入\t事业收入\n合计\t300.00\t200.00\t100.00\n\n2. 2026年部门支出预算总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t300.00\t250.00\t50.00\n201\t一般公共服务支出\t300.00\t250.00\t50.00\n";
    let read = import(text);
    let doc = &read.document;
    let titles: Vec<&str> = doc.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        ["1. 2026年部门收入预算总表", "2. 2026年部门支出预算总表"]
    );
    let spending = &doc.tables[1];
    let printed: Vec<Vec<&str>> = spending
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.printed()).collect())
        .collect();
    assert_eq!(
        printed,
        [["300.00", "250.00", "50.00"], ["300.00", "250.00", "50.00"]]
    );
    // Their unit is not printed: read as 元, and the report says so for each.
    let no_unit = warnings(&read)
        .into_iter()
        .filter(|d| matches!(d, Diagnostic::NoUnit { .. }))
        .count();
    assert_eq!(no_unit, 2);
}

/// A title over a subtitle (`按功能分类`) and its header of cells, no unit line, right after
/// another table's last row: its own table (not lines lost after the table before it), its unit
/// the one the other table's 合计 decides.
#[test]
fn a_table_with_a_subtitle_and_no_unit_line_after_another_table_is_its_own() {
    let text = "某局2026年度部门预算\n\n收入预算总表\n单位：万元\n项目\t金额\n合计\t3.00\n一般公共预算\t3.00\n支出预算总表\n按功能分类\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t3.00\t2.00\t1.00\n201\t一般公共服务支出\t3.00\t2.00\t1.00\n20101\t人大事务\t3.00\t2.00\t1.00\n";
    let read = import(text);
    let doc = &read.document;
    assert!(doc.unrecognised.is_empty(), "{:?}", doc.unrecognised);
    let titles: Vec<&str> = doc.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["收入预算总表", "支出预算总表"]);
    let spending = &doc.tables[1];
    assert_eq!(spending.unit, yusuan_domain::Unit::WanYuan);
    let codes: Vec<Option<&str>> = spending
        .rows
        .iter()
        .map(|r| r.code.as_ref().map(|c| c.as_str()))
        .collect();
    assert_eq!(codes, [None, Some("201"), Some("20101")]);
    assert!(read
        .report
        .notes
        .iter()
        .any(|n| matches!(n.diagnostic, Diagnostic::UnitFromOtherTables { .. })));
}
