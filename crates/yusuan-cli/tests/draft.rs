//! The `yusuan draft …` contract that scripts rely on, on a real PDF: roll forward, list, edit,
//! reasons, undo/redo, history, versions and locking, `draft:N` wherever a document id goes,
//! the workbook round trip; bad input is one line on stderr and changes nothing.

mod common;

use common::{drafted, fixture, imported, ok, run, temp_db};

/// `yusuan --db DB args` fails, and stderr says `says`.
fn fails(db: &str, args: &[&str], says: &str) {
    let o = run(db, args);
    assert!(
        o.code != 0 && o.stderr.contains(says),
        "{args:?}: {}",
        o.stderr
    );
}

/// `yusuan --db DB args` is refused as a usage error: exit 2, one line on stderr, saying `says`.
fn refused(db: &str, args: &[&str], says: &str) {
    let o = run(db, args);
    assert_eq!(
        (o.code, o.stderr.lines().count()),
        (2, 1),
        "{args:?}: {}{}",
        o.stdout,
        o.stderr
    );
    assert!(o.stderr.contains(says), "{args:?}: {}", o.stderr);
}

/// `yusuan check draft:1`: its report names each of `says`; its exit code.
fn checked(db: &str, says: &[&str]) -> i32 {
    let o = run(db, &["check", "draft:1"]);
    assert!(says.iter().all(|s| o.stdout.contains(s)), "{}", o.stdout);
    o.code
}

fn numbers(db: &str, doc: &str) -> Vec<String> {
    ok(db, &["export", doc, "--format", "csv"])
        .lines()
        .map(String::from)
        .collect()
}

/// Whether a row of `rows` (the CSV's) contains every one of `words`.
fn has_row(rows: &[String], words: &[&str]) -> bool {
    rows.iter().any(|l| words.iter().all(|w| l.contains(w)))
}

/// `draft form set draft:1 培训经费 INDICATOR VALUE`: the arguments.
fn form_set<'a>(indicator: &'a str, value: &'a str) -> [&'a str; 7] {
    [
        "draft",
        "form",
        "set",
        "draft:1",
        "培训经费",
        indicator,
        value,
    ]
}

/// `draft project fund draft:1 信息工作项目 LINE AMOUNT`: the arguments.
fn fund<'a>(line: &'a str, amount: &'a str) -> [&'a str; 7] {
    [
        "draft",
        "project",
        "fund",
        "draft:1",
        "信息工作项目",
        line,
        amount,
    ]
}

#[test]
fn draft_workflow_through_the_command_line() {
    let (dir, db) = imported(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let made: serde_json::Value = serde_json::from_str(&ok(
        db,
        &["draft", "new", "--from", "1", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(made["draft"], "draft:1");
    assert_eq!(
        made["report"]["leaves"], 140,
        "127 table lines, 政府采购 货物/工程/服务/中小企业预留/其中小微企业, 国有资产 and 绩效目标 figures, units by kind"
    );
    assert_eq!(
        ok(db, &["draft", "new", "--from", "1", "--year", "2027"])
            .lines()
            .next(),
        Some("draft:2")
    );

    // Lines: the CSV contract.
    let csv = ok(db, &["draft", "lines", "draft:1", "--format", "csv"]);
    assert!(
        csv.starts_with("key,label,value_yuan,baseline_yuan"),
        "{csv}"
    );
    let key = "支出|一般公共预算|2010507|项目支出";
    let line = csv
        .lines()
        .find(|l| l.starts_with(key))
        .expect("the 专项普查活动 project line");
    assert!(line.contains(",438300,438300,"), "{line}");

    one_edit_moves_every_cell_and_figure_that_contains_it(db, key);

    // The carried texts are rewritten by section; a section that does not exist is named.
    let shown: serde_json::Value =
        serde_json::from_str(&ok(db, &["show", "draft:1", "--format", "json"])).unwrap();
    let functions = shown["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "functions")
        .unwrap()["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(ok(
        db,
        &[
            "draft",
            "text",
            "draft:1",
            &functions,
            "负责街道社区治理。\n统筹辖区社会工作。"
        ]
    )
    .contains("2 段"));
    fails(
        db,
        &["draft", "text", "draft:1", "不存在的部分", "x"],
        "没有“不存在的部分”",
    );
    ok(db, &["draft", "undo", "draft:1"]);

    // A placeholder reason is an 错误 (exit 1); undone, the draft is clean again; redo brings it back.
    ok(db, &["draft", "reason", "draft:1", "说明|收入预算", "XX"]);
    assert_eq!(checked(db, &["R002"]), 1);
    assert!(ok(db, &["draft", "undo", "draft:1"]).contains("已撤销第 2 次修改"));
    assert_eq!(run(db, &["check", "draft:1"]).code, 0);
    assert!(ok(db, &["draft", "redo", "draft:1"]).contains("已重做第 2 次修改"));
    ok(db, &["draft", "undo", "draft:1"]);
    let history = ok(db, &["draft", "history", "draft:1"]);
    assert!(
        history.contains(&format!("{} 修改：438300 → 439300", common::editor(db)))
            && history.contains("（已撤销）"),
        "{history}"
    );

    // draft:N wherever a document goes.
    assert!(ok(db, &["compare", "draft:1"]).contains("2010507 专项普查活动"));
    assert!(
        ok(db, &["show", "draft:1"]).starts_with("文档 draft:1：上海市普陀区2026年区级部门预算")
    );

    // The workbook round trip without edits changes nothing.
    let xlsx = dir.path().join("d.xlsx").display().to_string();
    ok(db, &["draft", "export-xlsx", "draft:1", "-o", &xlsx]);
    assert!(ok(db, &["draft", "import-xlsx", "draft:1", &xlsx]).contains("共 0 处改动"));

    bad_input_is_one_line_and_changes_nothing(db, key);
    a_locked_version_is_read_only_and_readable_by_name(db, key);
}

/// One edit of `key` (+1,000 元) moves the cells and the 编制说明 figures that contain it.
fn one_edit_moves_every_cell_and_figure_that_contains_it(db: &str, key: &str) {
    // Unedited, the draft's numbers are the source's but for its 1-元 slip (21201, see draft-roll.tsv).
    let before = numbers(db, "draft:1");
    assert!(has_row(&before, &["收入总计", ",189767551,"]), "{before:?}");
    assert_eq!(run(db, &["check", "draft:1"]).code, 0);

    // One edit: +1,000 元.
    assert!(ok(db, &["draft", "set", "draft:1", key, "439300"]).contains("438300 → 439300"));
    let after = numbers(db, "draft:1");
    assert!(has_row(&after, &["收入总计", ",189768551,"]));
    let changed: Vec<&String> = after.iter().filter(|l| !before.contains(l)).collect();
    let (text, cells): (Vec<&&String>, Vec<&&String>) = changed
        .iter()
        .partition(|l| l.contains(",文中金额,") || l.contains(",文中百分比,"));
    assert_eq!(
        cells.len(),
        35,
        "cells containing the line (see fixtures/golden/draft-edit.tsv)"
    );
    // And the 编制说明's figures that contain it, with their 比上年 change (0.10万元 more).
    assert!(
        !text.is_empty() && text.iter().all(|l| l.contains("编制说明")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|l| l.contains("\"18,976.86万元\"")),
        "{text:#?}"
    );
    let shown = ok(db, &["show", "draft:1", "--format", "json"]);
    assert!(
        shown.contains(
            "收入预算18,976.86万元，其中：财政拨款收入18,976.86万元，比2025年预算增加0.10万元"
        ),
        "the narrative follows, in the source's words"
    );
}

/// Bad input: one line on stderr, exit 2, and the history unchanged.
fn bad_input_is_one_line_and_changes_nothing(db: &str, key: &str) {
    let events = ok(db, &["draft", "history", "draft:1", "--format", "json"]);
    for args in [
        vec!["draft", "set", "draft:1", "支出|一般公共预算|2010507", "1"],
        vec!["draft", "set", "draft:1", key, "十万"],
        vec!["draft", "set", "draft:9", key, "1"],
        vec!["draft", "reason", "draft:1", "说明|不存在", "原因"],
        vec!["draft", "lines", "7"],
    ] {
        let o = run(db, &args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stdout);
        assert_eq!(o.stderr.lines().count(), 1, "{args:?}: {}", o.stderr);
        assert!(o.stderr.starts_with("yusuan: "), "{}", o.stderr);
    }
    assert_eq!(
        ok(db, &["draft", "history", "draft:1", "--format", "json"]),
        events
    );
}

/// A named, locked version: read-only from then on, and readable as draft:1@一上.
fn a_locked_version_is_read_only_and_readable_by_name(db: &str, key: &str) {
    assert!(ok(
        db,
        &["draft", "version", "draft:1", "--name", "一上", "--lock"]
    )
    .contains("已锁定"));
    let o = run(db, &["draft", "set", "draft:1", key, "1"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("已锁定在版本“一上”"), "{}", o.stderr);
    assert_eq!(
        numbers(db, "draft:1@一上"),
        numbers(db, "draft:1")
            .iter()
            .map(|l| l.replace("draft:1,", "draft:1@一上,"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn documents_without_tables_cannot_be_rolled_forward() {
    let (_dir, db) = imported(&["002_e0c4b3d6f0f45810.txt"], ok);
    let o = run(&db, &["draft", "new", "--from", "1"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("没有预算表"), "{}", o.stderr);
    assert_eq!(ok(&db, &["draft", "list"]), "");
}

/// A department with no budget to roll forward: `draft templates`, `draft new --template …
/// --department …`, new lines with their names, units of the 分单位 tables, undo; and the
/// refusals, each one line on stderr that changes nothing.
#[test]
fn a_blank_draft_through_the_command_line() {
    let (_dir, db) = temp_db();
    let db = db.as_str();
    a_template_makes_a_blank_draft_and_a_bad_request_none(db);
    lines_are_added_with_their_names_and_bad_ones_refused(db);
    a_unit_gets_its_rows_and_is_removed_only_at_zero(db);

    // The texts still to write are 错误 (R006): `check` exits 1 and names them.
    assert_eq!(checked(db, &["错误[R006]", "主要职能"]), 1);

    // A blank draft from a stored document's format.
    ok(
        db,
        &[
            "import",
            &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        ],
    );
    let line = ok(
        db,
        &[
            "draft",
            "new",
            "--from",
            "1",
            "--blank",
            "--department",
            "上海市普陀区新设街道办事处",
        ],
    );
    assert_eq!(line.lines().next(), Some("draft:2"));
    assert!(ok(db, &["draft", "lines", "draft:2", "--format", "csv"])
        .lines()
        .skip(1)
        .all(|l| l.split(',').nth(2) == Some("0")));
}

/// `draft templates` lists the formats; `draft new --template` makes a blank draft, refused
/// without a department or of an unknown template.
fn a_template_makes_a_blank_draft_and_a_bad_request_none(db: &str) {
    let templates = ok(db, &["draft", "templates"]);
    assert_eq!(
        templates
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect::<Vec<_>>(),
        [
            "shanghai-11-bumen",
            "shanghai-9-bumen",
            "shanghai-9-danwei",
            "hubei-15-bumen",
            "jiangsu-12-bumen"
        ]
    );
    let made: serde_json::Value = serde_json::from_str(&ok(
        db,
        &[
            "draft",
            "new",
            "--template",
            "shanghai-11-bumen",
            "--department",
            "上海市新设工作局",
            "--year",
            "2027",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(made["draft"], "draft:1");
    // Without a department, or of an unknown template: refused, no draft made.
    refused(
        db,
        &["draft", "new", "--template", "shanghai-11-bumen"],
        "--department",
    );
    fails(
        db,
        &["draft", "new", "--template", "江苏", "--department", "某局"],
        "可用的模板：shanghai-11-bumen",
    );
    assert_eq!(ok(db, &["draft", "list"]).lines().count(), 1);
}

/// Lines added with their names; a line that exists, a kind the format does not split by, a
/// name for another code or a table with no detail rows: refused.
fn lines_are_added_with_their_names_and_bad_ones_refused(db: &str) {
    // Lines, named where the catalogue cannot; the 款 by `代码=名称`.
    ok(
        db,
        &[
            "draft",
            "add",
            "draft:1",
            "支出|一般公共预算|2010101|基本支出",
            "1500000",
            "--name",
            "行政运行",
            "--name",
            "20101=人大事务",
        ],
    );
    ok(
        db,
        &["draft", "add", "draft:1", "经济|30101|人员经费", "1500000"],
    );
    // A line that exists, a kind the format does not split by, a name for another code: refused.
    for (args, says) in [
        (
            vec!["draft", "add", "draft:1", "经济|30101|人员经费", "1"],
            "直接修改它的数值",
        ),
        (
            vec![
                "draft",
                "add",
                "draft:1",
                "支出|一般公共预算|2010102|人员经费",
                "1",
            ],
            "基本支出、项目支出",
        ),
        (
            vec!["draft", "set", "draft:1", "经济|30102|基本支出", "1"],
            "人员经费、公用经费",
        ),
        (
            vec![
                "draft",
                "add",
                "draft:1",
                "支出|一般公共预算|2010102|基本支出",
                "1",
                "--name",
                "20199=其他",
            ],
            "不是 2010102 或它的类、款",
        ),
        (
            vec![
                "draft",
                "add",
                "draft:1",
                "表|支出预算分单位明细表|9|项目支出",
                "1",
            ],
            "没有明细行",
        ),
    ] {
        let o = run(db, &args);
        assert!(
            o.code != 0 && o.stderr.lines().count() == 1 && o.stderr.contains(says),
            "{args:?}: {}",
            o.stderr
        );
    }
    let numbers_now = numbers(db, "draft:1");
    assert!(
        has_row(&numbers_now, &["2010101", ",1500000,"]),
        "{numbers_now:?}"
    );
}

/// A unit: its row in the 分单位 tables and its lines; removed only at zero, and brought back
/// by undo.
fn a_unit_gets_its_rows_and_is_removed_only_at_zero(db: &str) {
    // A unit: its row in the 分单位 tables, its lines in `draft lines`.
    assert!(ok(
        db,
        &[
            "draft",
            "unit",
            "draft:1",
            "add",
            "上海市新设工作局（本级）"
        ]
    )
    .contains("序号/代码 1"));
    let csv = ok(db, &["draft", "lines", "draft:1", "--format", "csv"]);
    let unit_key = "表|支出预算分单位明细表|1|基本支出/人员经费";
    assert!(csv.lines().any(|l| l.starts_with(unit_key)), "{csv}");
    ok(db, &["draft", "set", "draft:1", unit_key, "1500000"]);
    // A unit with money is not removed; at zero it is, and undo brings it back.
    let remove = [
        "draft",
        "unit",
        "draft:1",
        "remove",
        "上海市新设工作局（本级）",
    ];
    fails(db, &remove, "先将其金额清零");
    ok(db, &["draft", "set", "draft:1", unit_key, "0"]);
    ok(db, &remove);
    assert!(!ok(db, &["draft", "lines", "draft:1", "--format", "csv"]).contains(unit_key));
    ok(db, &["draft", "undo", "draft:1"]);
    assert!(ok(db, &["draft", "lines", "draft:1", "--format", "csv"]).contains(unit_key));
    let history = ok(db, &["draft", "history", "draft:1"]);
    assert!(
        history.contains("增加单位") && history.contains("上海市新设工作局（本级）"),
        "{history}"
    );
}

/// `yusuan draft project list|set|add|remove`: a project's description rewritten part by part,
/// the amounts of the new text counted, a project added and removed; bad input is one line.
#[test]
fn project_descriptions_through_the_command_line() {
    let (_dir, db) = drafted(&["000_e54fcd81d7b1024c.txt"], ok);
    let db = db.as_str();
    let listed = ok(db, &["draft", "project", "list", "draft:1"]);
    let name = listed
        .lines()
        .next()
        .unwrap()
        .split('（')
        .next()
        .unwrap()
        .to_string();
    assert!(listed.contains("  年度预算安排\t"), "{listed}");
    let text = "该项目年度预算安排12.00万元。\n1.培训费2.40万元：单价300元×80人=2.40万元；\n2.宣传费9.60万元。";
    let said = ok(
        db,
        &[
            "draft",
            "project",
            "set",
            "draft:1",
            &name,
            "年度预算安排",
            text,
        ],
    );
    assert_eq!(
        said.trim(),
        format!("已改写项目“{name}”的“年度预算安排”：3 段")
    );
    let listed = ok(db, &["draft", "project", "list", "draft:1"]);
    assert!(
        listed.contains(&format!("{name}（说明中的项目经费 120000 元）")),
        "{listed}"
    );
    assert!(
        listed.contains("  年度预算安排\t3 段，3 个金额\t该项目年度预算安排12.00万元。"),
        "{listed}"
    );
    ok(db, &["draft", "project", "add", "draft:1", "社区治理创新"]);
    checked(db, &["R006", "社区治理创新"]);
    ok(
        db,
        &["draft", "project", "remove", "draft:1", "社区治理创新"],
    );
    assert!(!ok(db, &["draft", "project", "list", "draft:1"]).contains("社区治理创新"));
    let history = ok(db, &["draft", "history", "draft:1"]);
    assert!(
        history.contains("project-part") || history.contains("年度预算安排"),
        "{history}"
    );
    // A part that is not one of the seven: one line naming what can be written; nothing changes.
    refused(
        db,
        &["draft", "project", "set", "draft:1", &name, "附件", "x"],
        "项目概述、立项依据",
    );
}

/// `yusuan draft form list|set|remove`: a target value changed, an indicator added and removed.
#[test]
fn performance_targets_through_the_command_line() {
    let (_dir, db) = drafted(&["001_e395be5bb9699fb6.txt"], ok);
    let db = db.as_str();
    let listed = ok(db, &["draft", "form", "list", "draft:1"]);
    assert!(
        listed.contains("培训经费（")
            && listed.contains("  产出指标/数量指标/社区培训人数\t>1580.00(人)"),
        "{listed}"
    );
    let said = ok(db, &form_set("产出指标/数量指标/社区培训人数", "≥1600(人)"));
    assert_eq!(
        said.trim(),
        "已修改“培训经费”的指标“产出指标/数量指标/社区培训人数”：>1580.00(人) → ≥1600(人)"
    );
    let said = ok(db, &form_set("效益指标/社会效益指标/居民知晓率", "≥90(%)"));
    assert_eq!(
        said.trim(),
        "已在“培训经费”中新增指标“效益指标/社会效益指标/居民知晓率”：≥90(%)"
    );
    assert!(ok(db, &["draft", "form", "list", "draft:1"])
        .contains("  效益指标/社会效益指标/居民知晓率\t≥90(%)"));
    ok(
        db,
        &[
            "draft",
            "form",
            "remove",
            "draft:1",
            "培训经费",
            "效益指标/社会效益指标/居民知晓率",
        ],
    );
    assert!(!ok(db, &["draft", "form", "list", "draft:1"]).contains("居民知晓率"));
    refused(
        db,
        &form_set("居民知晓率", "≥90(%)"),
        "一级指标/二级指标/三级指标",
    );
}

#[test]
fn units_and_their_own_budgets_through_the_command_line() {
    let (_dir, db) = drafted(&["000_e54fcd81d7b1024c.txt"], ok);
    let db = db.as_str();
    let centre = "上海市社会工作发展服务中心";
    let list = ok(db, &["draft", "unit", "draft:1", "list"]);
    assert!(
        list.contains(&format!("{centre}\t0 行\t支出 0 元")) && list.contains("（未分配到单位）"),
        "{list}"
    );
    let key = "支出|一般公共预算|2013999|项目支出";
    assert!(ok(
        db,
        &[
            "draft",
            "unit",
            "draft:1",
            "place",
            centre,
            "--line",
            key,
            "--amount",
            "1,000,000"
        ]
    )
    .contains("1000000 元"));
    let csv = ok(db, &["draft", "lines", "draft:1", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().ends_with(",budget_unit"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&format!("{key}@{centre},"))
                && l.contains(",1000000,")
                && l.ends_with(centre)),
        "{csv}"
    );
    // The unit's own 单位预算: shown, checked, exported; read-only.
    let unit = format!("draft:1/{centre}");
    let numbers = ok(db, &["export", &unit, "--format", "csv"]);
    assert!(numbers.lines().any(|l| l.contains("1000000")), "{numbers}");
    assert!(ok(db, &["show", &unit]).contains(centre));
    refused(db, &["draft", "set", &unit, key, "1"], "只读");
    fails(
        db,
        &["export", "draft:1/别的单位", "--format", "csv"],
        "可选的单位",
    );
    // Back to the department, then undone.
    ok(
        db,
        &[
            "draft",
            "unit",
            "draft:1",
            "place",
            "未分配",
            "--line",
            &format!("{key}@{centre}"),
        ],
    );
    assert!(
        !ok(db, &["draft", "lines", "draft:1", "--format", "csv"]).contains(&format!("@{centre}"))
    );
    ok(db, &["draft", "undo", "draft:1"]);
    assert!(ok(db, &["draft", "lines", "draft:1", "--format", "csv"])
        .contains(&format!("{key}@{centre}")));
}

#[test]
fn project_funds_through_the_command_line() {
    let (_dir, db) = drafted(&["000_e54fcd81d7b1024c.txt"], ok);
    let db = db.as_str();
    let line = "支出|一般公共预算|2013999|项目支出";
    // 信息工作项目 states 25万元: funded 25万元, nothing to say.
    assert!(ok(db, &fund(line, "250000"))
        .contains("来自“支出|一般公共预算|2013999|项目支出” 250000 元"));
    let listed = ok(db, &["draft", "project", "list", "draft:1"]);
    assert!(listed.contains("项目支出分配合计 250000 元"), "{listed}");
    assert!(!run(db, &["check", "draft:1"]).stdout.contains("R009"));
    // 30万元: its description's total disagrees (a 警告 to explain or fix).
    ok(db, &fund(line, "300000"));
    checked(db, &["R009", "信息工作项目"]);
    // A 基本支出 line funds no project: refused, one line, nothing changes.
    let refused = run(db, &fund("支出|一般公共预算|2013901|基本支出", "1"));
    assert!(
        refused.code != 0
            && refused.stderr.contains("项目支出")
            && refused.stderr.lines().count() == 1,
        "{}",
        refused.stderr
    );
    // Undo, undo: back to no share at all.
    ok(db, &["draft", "undo", "draft:1"]);
    assert!(ok(db, &["draft", "project", "list", "draft:1"]).contains("项目支出分配合计 250000 元"));
    ok(db, &["draft", "undo", "draft:1"]);
    assert!(!ok(db, &["draft", "project", "list", "draft:1"]).contains("项目支出分配合计"));
}

#[test]
fn a_units_own_texts_through_the_command_line() {
    let (_dir, db) = drafted(&["000_e54fcd81d7b1024c.txt"], ok);
    let db = db.as_str();
    let unit = "draft:1/上海市社会工作发展服务中心";
    // Named by the title the unit's budget prints.
    let said = ok(
        db,
        &[
            "draft",
            "text",
            unit,
            "上海市社会工作发展服务中心（单位）主要职能",
            "承担社会工作人才培养的具体工作。\n承担志愿服务的组织协调。",
        ],
    );
    assert!(said.contains("已改写单位“上海市社会工作发展服务中心”的“中共上海市委社会工作部（部门）主要职能”：2 段"), "{said}");
    let shown = ok(db, &["show", unit, "--format", "json"]);
    assert!(
        shown.contains("承担志愿服务的组织协调")
            && shown.contains("上海市社会工作发展服务中心（单位）主要职能"),
        "{shown}"
    );
    // The department's own text is untouched; undo gives the unit the department's again.
    assert!(!ok(db, &["show", "draft:1", "--format", "json"]).contains("承担志愿服务的组织协调"));
    ok(db, &["draft", "undo", "draft:1"]);
    assert!(!ok(db, &["show", unit, "--format", "json"]).contains("承担志愿服务的组织协调"));
    // A generated section is the numbers': refused.
    fails(
        db,
        &["draft", "text", unit, "2027年部门预算编制说明", "x"],
        "由数字生成",
    );
}

#[test]
fn a_carried_cell_through_the_command_line() {
    let (_dir, db) = drafted(&["004_dd8ce94d1496a6c0.txt"], ok);
    let db = db.as_str();
    let title = "表 15. 青山区城市运行管理中心 2027 年项目支出绩效目标表";
    assert!(
        ok(db, &["draft", "cell", "draft:1", title, "7", "2", "2027"])
            .contains("第 7 行第 2 列：2026 → 2027")
    );
    ok(
        db,
        &["draft", "cell", "draft:1", title, "5", "2", "新增项目"],
    );
    assert!(ok(db, &["show", "draft:1", "--format", "json"]).contains("新增项目"));
    fails(
        db,
        &["draft", "cell", "draft:1", "没有这张表", "1", "1", "x"],
        "按原表结转的表",
    );
}

/// `draft row`: a blank Hubei draft's emptied 资产配置预算表 gets a row, written with `draft cell`
/// and exported in the CSV; a removal without its row number is refused with what to type.
#[test]
fn a_carried_table_row_through_the_command_line() {
    let (_dir, db) = temp_db();
    let db = db.as_str();
    ok(
        db,
        &[
            "draft",
            "new",
            "--template",
            "hubei-15-bumen",
            "--department",
            "武汉市青山区新设中心",
            "--year",
            "2027",
        ],
    );
    let title = "表 13. 武汉市青山区新设中心 2027 年资产配置预算表";
    // Under its two head rows.
    assert!(ok(db, &["draft", "row", "draft:1", title, "add"]).contains("增加第 3 行"));
    ok(
        db,
        &["draft", "cell", "draft:1", title, "3", "4", "台式计算机"],
    );
    ok(db, &["draft", "cell", "draft:1", title, "3", "9", "4.00"]);
    let csv = numbers(db, "draft:1");
    assert!(has_row(&csv, &["资产配置预算表", ",40000,"]), "{csv:?}");
    let o = run(db, &["draft", "row", "draft:1", title, "remove"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(o.stderr.contains("请给出行号"), "{}", o.stderr);
    assert!(ok(db, &["draft", "row", "draft:1", title, "remove", "3"]).contains("台式计算机"));
    assert!(!has_row(
        &numbers(db, "draft:1"),
        &["资产配置预算表", ",40000,"]
    ));
}

#[test]
fn a_carried_table_is_pasted_whole_from_a_file() {
    // 省委办公厅 2017 (real, Jiangsu): its 政府采购预算表 replaced by next year's list in a file.
    let (dir, db) = drafted(
        &[
            "pdf/jiangsu-shengwei-2017-bumen-yusuan-text.pdf",
            "pdf/jiangsu-shengwei-2017-bumen-yusuan-tables.pdf",
        ],
        ok,
    );
    let file = dir.path().join("采购.tsv");
    std::fs::write(&file, "合计\t\t\t\t12.00\n\n一、货物A\t\t\t\t12.00\n").unwrap();
    let out = ok(
        &db,
        &[
            "draft",
            "row",
            "draft:1",
            "2018年政府采购预算表",
            "paste",
            "--from",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.contains("已用粘贴的 2 行替换“2018年政府采购预算表”（原 48 行"),
        "{out}"
    );
    let history = ok(&db, &["draft", "history", "draft:1"]);
    assert!(history.contains("粘贴整表：48 行 → 2 行"), "{history}");
    assert!(
        has_row(
            &numbers(&db, "draft:1"),
            &["2018年政府采购预算表,,一、货物A,"]
        ),
        "the pasted row is printed"
    );
    // Without --from: one line saying what to give, nothing recorded.
    refused(
        &db,
        &["draft", "row", "draft:1", "2018年政府采购预算表", "paste"],
        "--from",
    );
    assert_eq!(ok(&db, &["draft", "history", "draft:1"]).lines().count(), 1);
}

/// The draft's print style from the command line: `draft print --zeros 留空|填0|按上年原表`, one
/// undoable edit; a choice that is none refused on stderr, nothing recorded.
#[test]
fn zero_cells_print_as_chosen() {
    let (_dir, db) = drafted(&["000_e54fcd81d7b1024c.txt"], ok);
    assert_eq!(
        ok(&db, &["draft", "print", "draft:1", "--zeros", "留空"]),
        "零值单元格：留空（原为按上年原表）\n"
    );
    fails(
        &db,
        &["draft", "print", "draft:1", "--zeros", "零"],
        "可选：按上年原表、留空、填0",
    );
    let history = ok(&db, &["draft", "history", "draft:1"]);
    assert_eq!(history.matches("零值单元格").count(), 1, "{history}");
    ok(&db, &["draft", "undo", "draft:1"]);
    assert_eq!(
        ok(&db, &["draft", "print", "draft:1", "--zeros", "填0"]),
        "零值单元格：填0（原为按上年原表）\n"
    );
    // The year in the tables' titles, and the whole style listed.
    assert_eq!(
        ok(
            &db,
            &[
                "draft",
                "print",
                "draft:1",
                "--title-years",
                "每张表都印年度"
            ]
        ),
        "表名年度：每张表都印年度（原为按上年原表）\n"
    );
    assert_eq!(
        ok(&db, &["draft", "print", "draft:1"]),
        "零值单元格：填0（可选：按上年原表、留空、填0）\n表名年度：每张表都印年度（可选：按上年原表、每张表都印年度、都不印年度）\n"
    );
}

/// `compare` on a department whose 预算 and 决算 of one year are both in the library prints
/// their 预算执行 code by code. The 决算 is real (社会工作部 2024); the 预算 is made with the CLI
/// (a blank draft, two lines typed with made-up amounts, exported and imported).
#[test]
fn compare_prints_a_years_budget_beside_its_final_accounts() {
    let (dir, db) = imported(&["pdf/shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf"], ok);
    ok(
        &db,
        &[
            "draft",
            "new",
            "--template",
            "shanghai-9-bumen",
            "--department",
            "中共上海市普陀区委社会工作部",
            "--year",
            "2024",
        ],
    );
    ok(
        &db,
        &[
            "draft",
            "add",
            "draft:1",
            "支出|一般公共预算|2013901|基本支出",
            "600000",
            "--name",
            "行政运行",
        ],
    );
    ok(
        &db,
        &[
            "draft",
            "add",
            "draft:1",
            "经济|30101|人员经费",
            "600000",
            "--name",
            "基本工资",
        ],
    );
    ok(
        &db,
        &[
            "draft",
            "text",
            "draft:1",
            "中共上海市普陀区委社会工作部（部门）主要职能",
            "负责社会工作。",
        ],
    );
    ok(
        &db,
        &[
            "draft",
            "text",
            "draft:1",
            "中共上海市普陀区委社会工作部（部门）机构设置",
            "本部门只有本部一家预算单位。",
        ],
    );
    let pdf = dir.path().join("预算.pdf").display().to_string();
    ok(&db, &["export", "draft:1", "--format", "pdf", "-o", &pdf]);
    ok(&db, &["import", &pdf]);
    let text = ok(&db, &["compare", "2"]);
    assert!(
        text.contains("【2024年预算执行】中共上海市普陀区委社会工作部（预算 2，决算 1；一般公共预算，金额单位：万元）"),
        "{text}"
    );
    assert!(
        text.contains("  2013901 | 行政运行 | 60.00 | 51.32 | -8.68 | 85.53%\n"),
        "{text}"
    );
    assert!(
        text.contains("  2080505 | 机关事业单位基本养老保险缴费支出 | — | 6.18 | 6.18 | —\n"),
        "{text}"
    );
}

/// Exit codes as the README says: 2 for what was asked (a value that is no amount, a draft that
/// does not exist), 1 for what is in the data (a draft whose stored state cannot be read) —
/// each one line on stderr.
#[test]
fn errors_in_the_data_exit_1_and_errors_in_what_was_asked_exit_2() {
    let (_dir, db) = drafted(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let line = "支出|一般公共预算|2010507|项目支出";
    let asked = run(db, &["draft", "set", "draft:1", line, "很多"]);
    assert_eq!(
        (asked.code, asked.stderr.lines().count()),
        (2, 1),
        "{}",
        asked.stderr
    );
    let absent = run(db, &["draft", "lines", "draft:9"]);
    assert_eq!(absent.code, 2, "{}", absent.stderr);
    // The draft's stored state damaged (as by a disk fault): the data is wrong, not the command.
    common::sql(
        db,
        "UPDATE drafts SET state_json = '{\"broken\": ' WHERE id = 1",
    );
    let damaged = run(db, &["draft", "lines", "draft:1"]);
    assert_eq!(damaged.code, 1, "{}", damaged.stderr);
    assert_eq!(damaged.stderr.lines().count(), 1);
    assert!(
        damaged.stderr.contains("存储内容已损坏"),
        "{}",
        damaged.stderr
    );
}
