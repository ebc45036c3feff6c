//! Importing through the API: a disclosure published in two files (narrative and tables)
//! becomes one document.

use yusuan_api::{import_bytes_with, import_file, import_file_with, Library, Yearless};

mod common;

use common::{fixture, library};

#[test]
fn a_disclosure_in_two_files_becomes_one_document() {
    // Jiangsu publishes the narrative and the 12 tables as two files; the tables name no year.
    let now = "2026-12-01T00:00:00Z";
    let (text, tables) = (
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
    );
    // Alone, waiting for their narrative, the tables are refused; so are they under a file
    // name without a year, with what to do.
    let (_dir, mut lib) = library();
    let err = import_file_with(&mut lib, &tables, Yearless::Wait, now).unwrap_err();
    assert!(err.to_string().contains("没有写明预算年度"), "{err}");
    let bytes = std::fs::read(&tables).unwrap();
    let err =
        import_bytes_with(&mut lib, "公开表.pdf", &bytes, Yearless::FromFileName, now).unwrap_err();
    assert!(
        err.to_string().contains("文字说明一起导入") && err.to_string().contains("--year"),
        "{err}"
    );
    assert!(lib.store().list().unwrap().is_empty(), "nothing stored");
    // With the narrative: one document, its text and the 12 tables.
    let narrative = import_file(&mut lib, &text, now).unwrap();
    // Alone, the narrative (its 目录 lists the 12 tables, and it says `公开表附后`) misses no table.
    let alone = yusuan_api::check(&lib.document(narrative.id).unwrap());
    assert!(
        alone
            .iter()
            .all(|f| f.severity != yusuan_api::Severity::Error),
        "{alone:?}"
    );
    let joined = import_file(&mut lib, &tables, now).unwrap();
    assert!(joined.attached && joined.id == narrative.id);
    let list = lib.store().list().unwrap();
    assert_eq!(list.len(), 1);
    let doc = lib.document(narrative.id).unwrap();
    assert_eq!(
        (doc.meta.department.as_str(), doc.meta.year),
        ("江苏省政协办公厅", 2018)
    );
    assert_eq!(doc.tables.len(), 12);
    assert!(!doc.sections.is_empty());
    let titles: Vec<&str> = doc.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        &titles[..3],
        ["收支预算总表", "收入预算总表", "支出预算总表"]
    );
    assert_eq!(
        doc.tables[4].number.as_deref(),
        Some("5"),
        "the 公开05表 label numbers it"
    );
    the_income_table_reads_every_row(&doc);
    the_fiscal_table_keeps_each_text_on_its_side(&doc);
    the_summary_keeps_each_text_on_its_side(&doc);
    // Checked as one document (judged in docs/findings-review.md): no 错误 or 警告 — the 目录's
    // tables are all there, the 2018 names fit their year, the 基本支出 decrease gives its
    // reason in its own words; three paragraphs the narrative prints twice are 提示.
    let findings: Vec<(&str, yusuan_api::Severity)> = yusuan_api::check(&doc)
        .into_iter()
        .map(|f| (f.rule, f.severity))
        .collect();
    assert_eq!(
        findings,
        vec![("W002", yusuan_api::Severity::Info); 3],
        "{findings:?}"
    );
    // The narrative imported again is recognised.
    assert!(import_file(&mut lib, &text, now).unwrap().duplicate);
}

/// The 收入预算总表: its 收入总计 as printed, and every row of its two levels read.
fn the_income_table_reads_every_row(doc: &yusuan_domain::Document) {
    // The 收入总计 as printed: 10,150.48 万元.
    let income = doc.table(yusuan_domain::TableKind::Income).unwrap();
    assert!(
        income
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.printed() == "10,150.48")),
        "{:?}",
        income.rows.first()
    );
    // Its two levels (a category printed beside its items, vertically centred) leave rows of
    // label only between the amounts (专项收入, 其他非税收入 …) and after them (上年结转和结余资金):
    // rows of the table, not its end, so every amount and label of page 2 is read.
    let rows: Vec<(String, String)> = income
        .rows
        .iter()
        .map(|r| {
            (
                r.label.replace(' ', ""),
                r.cells
                    .iter()
                    .map(|c| c.printed().to_string())
                    .collect::<Vec<_>>()
                    .join("|"),
            )
        })
        .collect();
    let row = |label: &str| {
        rows.iter()
            .filter(|(l, _)| l == label)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(row("其他收入"), ["80.00"]);
    assert_eq!(row("小计"), ["10,070.48", "", "80.00", ""]);
    assert_eq!(row("专项收入"), [""]);
    assert_eq!(row("其他非税收入"), [""]);
    assert_eq!(
        rows.last().map(|(l, _)| l.as_str()),
        Some("其中：动用上年结转和结余资金")
    );
    assert_eq!(rows.len(), 16, "{rows:?}");
}

/// The 财政拨款收支预算总表: two-sided, its two 项目名称 printed on lines of their own (the 支出
/// side under 支出用途) and blanks not printed — each text on the side it was printed on.
fn the_fiscal_table_keeps_each_text_on_its_side(doc: &yusuan_domain::Document) {
    use yusuan_domain::LedgerSide::{Expenditure, Income};
    let fiscal = doc
        .tables
        .iter()
        .find(|t| t.title == "财政拨款收支预算总表")
        .unwrap();
    let names: Vec<String> = fiscal.columns.iter().map(|c| c.name()).collect();
    assert_eq!(names, ["收入/金额", "支出/支出用途/金额"]);
    let rows: Vec<(String, Option<yusuan_domain::LedgerSide>, Vec<String>)> = fiscal
        .rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.side,
                r.cells.iter().map(|c| c.printed().to_string()).collect(),
            )
        })
        .collect();
    let row =
        |l: &str, s, a: &str, b: &str| (l.to_string(), Some(s), vec![a.to_string(), b.to_string()]);
    assert_eq!(
        rows,
        [
            row("一、一般公共预算", Income, "10,070.48", ""),
            row("一、基本支出", Expenditure, "", "5,598.17"),
            row("二、政府性基金预算", Income, "", ""),
            row("二、项目支出", Expenditure, "", "3,314.68"),
            row("三、单位预留机动经费", Expenditure, "", "1,157.63"),
            row("收入合计", Income, "10,070.48", ""),
            row("支出合计", Expenditure, "", "10,070.48"),
        ]
    );
}

/// The 收支预算总表: three sides (收入; 支出 by 功能分类; 支出 by 支出用途), read the same way; a
/// label printed across the 支出 sides keeps the amount printed under the last.
fn the_summary_keeps_each_text_on_its_side(doc: &yusuan_domain::Document) {
    use yusuan_domain::LedgerSide::{Expenditure, Income};
    let summary = &doc.tables[0];
    let names: Vec<String> = summary.columns.iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        ["收入/金额", "支出/功能分类/金额", "支出/支出用途/金额"]
    );
    let cells = |label: &str| {
        summary.rows.iter().find(|r| r.label == label).map(|r| {
            (
                r.side,
                r.cells
                    .iter()
                    .map(|c| c.printed().to_string())
                    .collect::<Vec<_>>(),
            )
        })
    };
    let three = |a: &str, b: &str, c: &str| vec![a.to_string(), b.to_string(), c.to_string()];
    assert_eq!(
        cells("一、财政拨款"),
        Some((Some(Income), three("10,070.48", "", "")))
    );
    assert_eq!(
        cells("一、一般公共服务支出"),
        Some((Some(Expenditure), three("", "7,827.46", "")))
    );
    assert_eq!(
        cells("一、基本支出"),
        Some((Some(Expenditure), three("", "", "5,678.17")))
    );
    assert_eq!(
        cells("三、单位预留机动经费"),
        Some((Some(Expenditure), three("", "", "1,157.63")))
    );
    assert_eq!(
        cells("十八、住房保障支出"),
        Some((Some(Expenditure), three("", "1,499.26", "")))
    );
    assert_eq!(
        cells("三、其他资金"),
        Some((Some(Income), three("80.00", "", "")))
    );
    assert_eq!(
        cells("当年支出小计"),
        Some((Some(Expenditure), three("", "", "10,150.48")))
    );
    assert_eq!(
        cells("收入合计"),
        Some((Some(Income), three("10,150.48", "", "")))
    );
}

/// The tables imported first, alone: read under the year their file name gives (a warning says
/// so), a document of their own; the narrative imported later joins them — the same document,
/// every cell as when the tables join the narrative. Either file imported again is recognised.
#[test]
fn tables_imported_first_are_joined_by_their_narrative() {
    let now = "2026-12-01T00:00:00Z";
    let (text, tables) = (
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
    );
    let (_dir, mut lib) = library();
    let first = import_file(&mut lib, &tables, now).unwrap();
    assert!(!first.attached && !first.duplicate);
    let report = first.report.unwrap();
    assert_eq!(
        report.warnings[0].diagnostic,
        yusuan_import::Diagnostic::YearFromFileName { year: 2018 }
    );
    assert!(
        report.warnings[0].message.contains("文件名中的“2018”"),
        "{}",
        report.warnings[0].message
    );
    let alone = lib.document(first.id).unwrap();
    assert_eq!(
        (
            alone.meta.department.as_str(),
            alone.meta.year,
            alone.tables.len()
        ),
        ("江苏省政协办公厅", 2018, 12)
    );
    assert_eq!(alone.meta.format, yusuan_domain::RegionalFormat::Jiangsu12);

    let second = import_file(&mut lib, &text, now).unwrap();
    assert!(second.attached && second.id == first.id, "{second:?}");
    assert_eq!(second.report.as_ref().unwrap().tables, 12);
    assert_eq!(lib.store().list().unwrap().len(), 1);
    let joined = lib.document(first.id).unwrap();
    assert!(!joined.sections.is_empty());
    assert_eq!(
        joined.meta.title, "江苏省政协办公厅2018年度部门预算公开",
        "the narrative's cover"
    );
    // The same tables as the narrative-first order gives.
    let (_other, mut lib2) = library();
    let n = import_file(&mut lib2, &text, now).unwrap().id;
    import_file(&mut lib2, &tables, now).unwrap();
    let expected = lib2.document(n).unwrap();
    let cells = |d: &yusuan_domain::Document| {
        d.tables
            .iter()
            .map(|t| {
                (
                    t.title.clone(),
                    t.kind,
                    t.unit,
                    t.rows
                        .iter()
                        .map(|r| (r.label.clone(), r.cells.clone()))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(cells(&joined), cells(&expected));
    assert_eq!(joined.meta.format, expected.meta.format);
    // Imported again, either file is recognised; nothing new is stored.
    assert!(import_file(&mut lib, &tables, now).unwrap().duplicate);
    assert!(import_file(&mut lib, &text, now).unwrap().duplicate);
    assert_eq!(lib.store().list().unwrap().len(), 1);
}

/// A year-less file of tables whose name gives no year is read under the year the user gives.
#[test]
fn tables_take_the_year_the_user_gives() {
    let now = "2026-12-01T00:00:00Z";
    let bytes =
        std::fs::read(fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf")).unwrap();
    let (_dir, mut lib) = library();
    let o = import_bytes_with(&mut lib, "公开表.pdf", &bytes, Yearless::Year(2018), now).unwrap();
    let report = o.report.unwrap();
    assert!(report.warnings.iter().all(|w| !matches!(
        w.diagnostic,
        yusuan_import::Diagnostic::YearFromFileName { .. }
    )));
    assert_eq!(
        report.notes[0].diagnostic,
        yusuan_import::Diagnostic::YearGiven { year: 2018 }
    );
    let doc = lib.document(o.id).unwrap();
    assert_eq!((doc.meta.year, doc.tables.len()), (2018, 12));
}

#[test]
fn the_example_library_joins_the_jiangsu_pair_once() {
    let now = "2026-12-01T00:00:00Z";
    let file = |name: &'static str| yusuan_api::ExampleFile {
        name,
        bytes: Box::leak(std::fs::read(fixture(name)).unwrap().into_boxed_slice()),
    };
    let files = [
        file("004_dd8ce94d1496a6c0.txt"),
        file("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
        file("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("examples.db")).unwrap();
    let first = yusuan_api::load_examples(&mut lib, &files, now).unwrap();
    // The narrative reads completely (its `公开表附后` is the tables part's text), the tables join it.
    assert_eq!(
        (first.imported, first.present, first.skipped.len()),
        (3, 0, 0),
        "{:?}",
        first.skipped
    );
    let list = lib.store().list().unwrap();
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .any(|d| d.department == "江苏省政协办公厅" && d.tables == 12));
    // Every later start: all present, nothing parsed again or skipped.
    let again = yusuan_api::load_examples(&mut lib, &files, now).unwrap();
    assert_eq!(
        (again.imported, again.present, again.skipped.len()),
        (0, 3, 0),
        "{:?}",
        again.skipped
    );
    assert_eq!(lib.store().list().unwrap().len(), 2);
}

/// A library where an earlier version joined the pair (it kept only the narrative's hash): the
/// tables file imported again is still recognised, not stored as a document of its own.
#[test]
fn a_pair_joined_by_an_earlier_version_is_recognised() {
    let now = "2026-12-01T00:00:00Z";
    let (text, tables) = (
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut lib = Library::open(&path).unwrap();
        import_file(&mut lib, &text, now).unwrap();
        assert!(import_file(&mut lib, &tables, now).unwrap().attached);
    }
    // What the earlier version left: no record of the tables file's hash.
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(conn.execute("DELETE FROM joined_files", []).unwrap(), 1);
    drop(conn);
    let mut lib = Library::open(&path).unwrap();
    let again = import_file(&mut lib, &tables, now).unwrap();
    assert!(again.duplicate, "{again:?}");
    assert_eq!(lib.store().list().unwrap().len(), 1);
}

/// Only a narrative that says its tables are published apart joins tables imported alone:
/// another text of the department for the same year (made here, no `公开表附后`) stays a document
/// of its own.
#[test]
fn only_a_narrative_saying_its_tables_are_apart_joins_them() {
    let now = "2026-12-01T00:00:00Z";
    let (_dir, mut lib) = library();
    let tables = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
        now,
    )
    .unwrap();
    let other = "江苏省政协办公厅2018年度部门整体支出绩效报告\n\n一、部门主要职能\n\n负责政协全体会议和常务委员会会议的会务工作。\n";
    let o = yusuan_api::import_bytes(&mut lib, "绩效报告.txt", other.as_bytes(), now).unwrap();
    assert!(!o.attached && o.id != tables.id, "{o:?}");
    assert_eq!(lib.store().list().unwrap().len(), 2);
    assert_eq!(
        lib.document(tables.id).unwrap().tables.len(),
        12,
        "the tables are untouched"
    );
    let narrative = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
        now,
    )
    .unwrap();
    assert!(narrative.attached && narrative.id == tables.id);
    assert_eq!(lib.store().list().unwrap().len(), 2);
}

/// Tables whose file name gives their year join only a narrative of that year: with the
/// department's 2019 narrative alone in the library (made here), the 2018 tables are a
/// document of their own.
#[test]
fn tables_join_only_their_own_years_narrative() {
    let now = "2026-12-01T00:00:00Z";
    let (_dir, mut lib) = library();
    let text = "江苏省政协办公厅2019年度部门预算公开\n\n一、部门主要职能\n\n负责政协全体会议和常务委员会会议的会务工作。\n\n2019年度部门预算公开表附后。\n";
    let n2019 = yusuan_api::import_bytes(&mut lib, "2019说明.txt", text.as_bytes(), now).unwrap();
    assert_eq!(lib.document(n2019.id).unwrap().meta.year, 2019);
    let tables = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
        now,
    )
    .unwrap();
    assert!(!tables.attached && tables.id != n2019.id, "{tables:?}");
    assert_eq!(lib.document(tables.id).unwrap().meta.year, 2018);
    assert!(
        lib.document(n2019.id).unwrap().tables.is_empty(),
        "the 2019 narrative is untouched"
    );
}

/// 江苏省人大常委会办公厅 2019, narrative and tables as two files: the narrative's ToUnicode maps
/// carry a producer's slip (`/CMap difineresource`) our PDF library refuses, which sent the file
/// to the fallback extractor and printed its year as `209年1度` (no year: refused); the tables
/// file names its department in a cell after `部门：`. Read by the maps' entries and that cell, the
/// two files are one 2019 document of that department.
#[test]
fn a_narrative_with_a_malformed_unicode_map_and_its_tables_make_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
    let now = "2026-12-01T00:00:00Z";
    let text = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-renda-2019-bumen-yusuan-text.pdf"),
        now,
    )
    .unwrap();
    let doc = lib.document(text.id).unwrap();
    assert_eq!(
        (doc.meta.year, doc.meta.department.as_str()),
        (2019, "江苏省人大常委会办公厅")
    );
    assert!(
        doc.meta.title.contains("2019年度部门预算公开"),
        "{}",
        doc.meta.title
    );
    let tables = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-renda-2019-bumen-yusuan-tables.pdf"),
        now,
    )
    .unwrap();
    assert!(tables.attached && tables.id == text.id, "one document");
    let joined = lib.document(text.id).unwrap();
    assert!(!joined.tables.is_empty() && !joined.sections.is_empty());
}

/// The 支出预算总表 of a real disclosure with every row of amounts changed by `mutate` (its cells
/// split by tab, the last three 合计/基本支出/项目支出), imported.
fn mutated_000(
    mutate: fn(&mut Vec<String>),
) -> (tempfile::TempDir, Library, yusuan_api::ImportOutcome) {
    let text = std::fs::read_to_string(fixture("000_e54fcd81d7b1024c.txt")).unwrap();
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        if line.trim() == "2026年部门支出预算总表" {
            inside = true;
        } else if inside && line.trim().ends_with('表') && !line.contains('\t') {
            inside = false;
        }
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        let n = cells.len();
        let number = |c: &String| {
            let c = c.replace(',', "");
            !c.trim().is_empty() && c.trim().chars().all(|ch| ch.is_ascii_digit() || ch == '.')
        };
        if inside && n >= 7 && number(&cells[n - 3]) && cells[n - 2..].iter().any(number) {
            mutate(&mut cells);
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("改过的.txt");
    std::fs::write(&path, out).unwrap();
    let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
    let o = import_file(&mut lib, &path, "2026-12-01T00:00:00Z").unwrap();
    (dir, lib, o)
}

const TABLE: &str = "2026年部门支出预算总表";

/// A table whose columns were read in another order than printed (made so: 合计 and 基本支出
/// exchanged on every row of a real table) is read again in the one order under which its row
/// sums hold, and the report says so; its amounts are the original's.
#[test]
fn a_table_read_in_the_wrong_column_order_is_read_in_the_order_its_sums_give() {
    let (_dir, lib, o) = mutated_000(|c| {
        let n = c.len();
        c.swap(n - 3, n - 2);
    });
    let notes: Vec<String> = o
        .report
        .as_ref()
        .unwrap()
        .notes
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert!(
        notes
            .iter()
            .any(|m| m.starts_with(&format!("表“{TABLE}”按表头读出的栏目次序"))),
        "{notes:?}"
    );
    let (_d2, lib0, o0) = mutated_000(|_| {});
    let table = |lib: &Library, id: i64| {
        lib.document(id)
            .unwrap()
            .tables
            .into_iter()
            .find(|t| t.title == TABLE)
            .unwrap()
            .rows
    };
    let (a, b) = (table(&lib, o.id), table(&lib0, o0.id));
    assert_eq!(
        a.iter().map(|r| r.printed_amounts()).collect::<Vec<_>>(),
        b.iter().map(|r| r.printed_amounts()).collect::<Vec<_>>()
    );
    assert!(!yusuan_api::check(&lib.document(o.id).unwrap())
        .iter()
        .any(|f| f.rule == "T006"));
}

/// A table failing its own sums in most rows under every column order (made so: 合计 raised by
/// 1,000 on every row) is reported as an uncertain reading, and the check says
/// the same (T006) instead of blaming the document with a 错误 per row.
#[test]
fn a_table_failing_its_own_sums_in_many_rows_is_reported_as_an_uncertain_reading() {
    let (_dir, lib, o) = mutated_000(|c| {
        let n = c.len();
        let v: i64 = c[n - 3].replace(',', "").trim().parse().unwrap();
        c[n - 3] = (v + 1000).to_string();
    });
    let said: Vec<String> = o
        .report
        .as_ref()
        .unwrap()
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert!(
        said.iter()
            .any(|m| m.starts_with(&format!("表“{TABLE}”读取存疑："))),
        "{said:?}"
    );
    let findings = yusuan_api::check(&lib.document(o.id).unwrap());
    assert!(findings.iter().any(|f| f.rule == "T006"));
    let blamed: Vec<String> = findings
        .iter()
        .filter(|f| {
            f.severity == yusuan_api::Severity::Error
                && (f.location.table.as_deref() == Some(TABLE) || f.message.contains(TABLE))
        })
        .map(|f| f.message.clone())
        .collect();
    assert!(blamed.is_empty(), "{blamed:?}");
}

/// Every disclosure given in two files (a narrative and its tables) becomes one document in
/// either order of import — also where the tables file prints its own year and department on a
/// cover and a note under its last table reads as untitled text (省委办公厅 2018).
#[test]
fn every_two_file_disclosure_joins_in_either_order() {
    let now = "2026-12-01T00:00:00Z";
    let pairs = [
        "jiangsu-renda-2019",
        "jiangsu-shengwei-2017",
        "jiangsu-shengwei-2018",
        "jiangsu-shengwei-2019",
        "jiangsu-zhengxie-2018",
    ];
    for stem in pairs {
        let text = fixture(&format!("pdf/{stem}-bumen-yusuan-text.pdf"));
        let tables = fixture(&format!("pdf/{stem}-bumen-yusuan-tables.pdf"));
        for (first, second) in [(&text, &tables), (&tables, &text)] {
            let (_dir, mut lib) = library();
            let a = import_file(&mut lib, first, now).unwrap();
            let b = import_file(&mut lib, second, now).unwrap();
            assert!(b.attached && b.id == a.id, "{stem}: {b:?}");
            let list = lib.store().list().unwrap();
            assert_eq!(list.len(), 1, "{stem}: one document");
            let doc = lib.document(a.id).unwrap();
            assert_eq!(doc.tables.len(), 12, "{stem}");
            assert!(
                doc.sections.iter().any(|s| !s.title.trim().is_empty()),
                "{stem}: the narrative's sections"
            );
        }
    }
}
