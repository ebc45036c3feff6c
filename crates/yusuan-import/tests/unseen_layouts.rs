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

/// A PDF's lines (cells without reliable positions) of two tables, the second's heading not
/// recognised as one: read first as rows of the table before it.
fn flow(text: &str) -> Imported {
    let lines = yusuan_import::split_lines(text);
    yusuan_import::parse_lines_with("made-up.pdf", &lines, yusuan_import::Layout::Flow).unwrap()
}

const FIRST: &str = "某局2026年度部门预算\n\n支出预算总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t5.00\t3.00\t2.00\n201\t一般公共服务支出\t5.00\t3.00\t2.00\n20101\t人大事务\t5.00\t3.00\t2.00\n";

fn tables(read: &Imported) -> Vec<(String, yusuan_domain::Unit, Vec<String>)> {
    read.document
        .tables
        .iter()
        .map(|t| {
            (
                t.title.clone(),
                t.unit,
                t.rows.iter().map(|r| r.label.replace(' ', "")).collect(),
            )
        })
        .collect()
}

/// Split at a heading (issue 23): a second 合计 after the first table's classes, its heading
/// lines read as rows; split there, each part's 合计 is the sum of its classes — two tables, the
/// second titled and in the unit its heading prints, and the report says so.
#[test]
fn a_table_read_into_the_one_before_it_is_split_at_its_heading() {
    // Its heading: a title over more subtitles than a heading has, its unit after them.
    let second = "一般公共预算支出表\n按功能分类\n不含上年结转\n其中：本级\n另有说明\n金额单位\n元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t4.00\t2.00\t2.00\n201\t一般公共服务支出\t4.00\t2.00\t2.00\n20101\t人大事务\t4.00\t2.00\t2.00\n";
    let read = flow(&format!("{FIRST}{second}"));
    let wan = yusuan_domain::Unit::WanYuan;
    let rows = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        tables(&read),
        vec![
            (
                "支出预算总表".into(),
                wan,
                rows(&["合计", "一般公共服务支出", "人大事务"])
            ),
            (
                "一般公共预算支出表".into(),
                yusuan_domain::Unit::Yuan,
                rows(&["合计", "一般公共服务支出", "人大事务"])
            ),
        ]
    );
    assert!(read.report.notes.iter().any(|n| n.diagnostic
        == Diagnostic::SplitAtHeading {
            table: "支出预算总表".into(),
            found: "一般公共预算支出表".into()
        }));
    // No heading read at all: the 目录's next entry names it.
    let listed = FIRST.replace(
        "某局2026年度部门预算\n",
        "某局2026年度部门预算\n目录\n1. 支出预算总表\n2. 财政拨款支出表\n",
    );
    let bare = "\t合计\t4.00\t2.00\t2.00\n201\t一般公共服务支出\t4.00\t2.00\t2.00\n";
    let read = flow(&format!("{listed}{bare}"));
    let titles: Vec<String> = tables(&read).into_iter().map(|t| t.0).collect();
    assert_eq!(titles, ["支出预算总表", "财政拨款支出表"]);
    // Parts whose sums would not hold either: the reading stays one table (the checker marks it
    // uncertain where its sums fail).
    let odd = "\t合计\t4.00\t2.00\t2.00\n201\t一般公共服务支出\t3.00\t2.00\t1.00\n";
    let read = flow(&format!("{FIRST}{odd}"));
    assert_eq!(read.document.tables.len(), 1);
    assert!(!read
        .report
        .notes
        .iter()
        .any(|n| matches!(n.diagnostic, Diagnostic::SplitAtHeading { .. })));
}

/// A table the 目录 lists, its title printed over lines nothing else marks as a heading (three
/// qualifiers, no 编制 line): found by its listed title, the qualifiers not read as its header;
/// and `金额单位` with its unit wrapped under it is a unit line, listed or not.
#[test]
fn a_listed_title_over_an_unusual_heading_starts_its_table() {
    let contents = |text: &str| {
        text.replace(
            "某局2026年度部门预算\n",
            "某局2026年度部门预算\n目录\n1. 支出预算总表\n2. 一般公共预算支出表\n",
        )
    };
    let grid = "科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t4.00\t2.00\t2.00\n201\t一般公共服务支出\t4.00\t2.00\t2.00\n";
    let qualified = format!("2. 一般公共预算支出表\n按功能分类\n不含上年结转\n本级\n{grid}");
    let wrapped_unit = format!("2. 一般公共预算支出表\n按功能分类\n金额单位\n万元\n{grid}");
    use yusuan_domain::Unit::{WanYuan, Yuan};
    for (text, unit) in [
        (contents(&format!("{FIRST}{qualified}")), Yuan),
        (contents(&format!("{FIRST}{wrapped_unit}")), WanYuan),
        (format!("{FIRST}{wrapped_unit}"), WanYuan),
    ] {
        let read = import(&text);
        assert!(
            read.document.unrecognised.is_empty(),
            "{:?}",
            read.document.unrecognised
        );
        let t = &read.document.tables[1];
        let labels: Vec<String> = t.rows.iter().map(|r| r.label.replace(' ', "")).collect();
        assert_eq!(
            (t.title.as_str(), t.unit, labels),
            (
                "2. 一般公共预算支出表",
                unit,
                vec!["合计".to_string(), "一般公共服务支出".to_string()]
            )
        );
        assert_eq!(t.columns.len(), 3, "{:?}", t.columns);
    }
    // Not listed, three qualifiers and no unit line: no evidence of a table, kept as text.
    let read = import(&format!("{FIRST}{qualified}"));
    assert_eq!(read.document.tables.len(), 1);
}

/// Real documents printed without their 编制 lines: every line naming a table's department or
/// unit (`编制部门：…`, `单位：万元`, `部门名称：…`) taken out, as a layout that prints neither
/// would. Every table is still found under its own title — by its title over a header of cells
/// and data or its empty-table note, or by the title the 目录 lists over rows of data — and, in
/// the text files (their rows read by their cells), with every cell as before.
#[test]
fn real_tables_printed_without_their_heading_lines_are_still_read() {
    use yusuan_import::{parse_lines_with, pdf_lines, split_lines, Layout, Line};
    let tables = |lines: &[Line], layout: Layout| -> Vec<(String, Vec<Vec<String>>)> {
        parse_lines_with("f", lines, layout)
            .unwrap()
            .document
            .tables
            .iter()
            .map(|t| {
                let rows = t
                    .rows
                    .iter()
                    .map(|r| r.cells.iter().map(|c| c.printed().to_string()).collect());
                (t.title.clone(), rows.collect())
            })
            .collect()
    };
    let heading_line = |l: &Line| {
        let c = l.compact();
        let unit = ["单位：万元", "单位：元", "单位:万元", "单位:元"]
            .iter()
            .any(|u| c.contains(u));
        let by = [
            "编制部门",
            "编制单位",
            "部门名称",
            "部门：",
            "部门:",
            "单位名称",
        ]
        .iter()
        .any(|p| c.starts_with(p));
        c.chars().count() <= 60 && !l.is_tabular() && (unit || by)
    };
    for (name, same_cells, taken) in [
        ("000_e54fcd81d7b1024c.txt", true, 22),
        ("001_e395be5bb9699fb6.txt", true, 11),
        ("004_dd8ce94d1496a6c0.txt", true, 27),
        ("pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf", true, 1),
        ("pdf/jiangsu-renda-2018-bumen-yusuan.pdf", false, 2),
    ] {
        let bytes = yusuan_testkit::fixture_bytes(name);
        let (lines, layout) = if name.ends_with(".pdf") {
            (pdf_lines(name, &bytes).unwrap(), Layout::Flow)
        } else {
            (
                split_lines(&String::from_utf8(bytes).unwrap()),
                Layout::Cells,
            )
        };
        let bare: Vec<Line> = lines.iter().filter(|l| !heading_line(l)).cloned().collect();
        assert_eq!(lines.len() - bare.len(), taken, "{name}: lines taken out");
        let (before, after) = (tables(&lines, layout), tables(&bare, layout));
        let titles =
            |t: &[(String, Vec<Vec<String>>)]| t.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&after), titles(&before), "{name}");
        if same_cells {
            assert_eq!(after, before, "{name}");
        }
    }
}
