//! Rows printed with their label only (no amount) inside a table read as rows of the table, not
//! its end — the two-level 收入预算总表 of Jiangsu's format, whose categories are printed beside
//! their items — while a heading followed by prose still ends the table. Made-up documents of
//! that shape (the real one: crates/yusuan-api/tests/imports.rs, the Jiangsu pair).

use yusuan_import::import_text;

fn rows(text: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let doc = import_text("made-up.txt", text.as_bytes())
        .unwrap()
        .document;
    doc.tables
        .iter()
        .map(|t| {
            (
                t.title.clone(),
                t.rows
                    .iter()
                    .map(|r| {
                        std::iter::once(r.label.replace(' ', ""))
                            .chain(r.cells.iter().map(|c| c.printed().to_string()))
                            .collect()
                    })
                    .collect(),
            )
        })
        .collect()
}

const HEAD: &str = "江苏省某某厅2026年部门预算\n\n收入预算总表\n部门：江苏省某某厅                    单位：万元\n\n        项目名称                      金额\n";

#[test]
fn label_only_rows_inside_and_at_the_end_of_a_table_are_its_rows() {
    let text = format!(
        "{HEAD}                收入总计               300.00\n                小计                   200.00\n  一般公共预算资金      公共财政拨款资金   200.00\n                专项收入\n                小计                   100.00\n                事业收入\n        其他资金    其他收入            100.00\n                债务资金\n 上年结转和结余资金\n\n支出预算总表\n部门：江苏省某某厅                    单位：万元\n\n        项目名称                      金额\n                支出总计               300.00\n"
    );
    let tables = rows(&text);
    let labels: Vec<&str> = tables[0].1.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "收入总计",
            "小计",
            "一般公共预算资金公共财政拨款资金",
            "专项收入",
            "小计",
            "事业收入",
            "其他资金其他收入",
            "债务资金",
            "上年结转和结余资金"
        ]
    );
    assert_eq!(tables[0].1[3][1], "", "专项收入 has no amount");
    assert_eq!(tables[1].0, "支出预算总表");
}

#[test]
fn a_heading_followed_by_prose_still_ends_the_table() {
    let text = format!(
        "{HEAD}                收入总计               300.00\n                小计                   300.00\n二、其他说明\n本部门2026年无政府性基金预算，也无国有资本经营预算，相关公开表为空表，特此说明。\n"
    );
    let doc = import_text("made-up.txt", text.as_bytes())
        .unwrap()
        .document;
    let labels: Vec<String> = doc.tables[0]
        .rows
        .iter()
        .map(|r| r.label.replace(' ', ""))
        .collect();
    assert_eq!(labels, ["收入总计", "小计"]);
}
