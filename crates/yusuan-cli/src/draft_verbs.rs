//! The `yusuan draft …` verbs: each parses nothing (clap did), carries out one API call — every
//! edit verb through `yusuan_api::draft_edit` — and renders what it did in Chinese.

use crate::args::{
    DraftCommand, FormCommand, Format, LinesFormat, ProjectCommand, RowAction, UnitAction,
};
use crate::shared::{draft_id, edited, json_line, open, stdout_error};
use crate::{render, review_verbs, EXIT_OK};
use std::io::Write;
use yusuan_api::DraftCommand as Edit;
use yusuan_api::{now_rfc3339, ApiError, Library};

pub(crate) fn draft(
    db: &Option<std::path::PathBuf>,
    command: DraftCommand,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let mut lib = open(db)?;
    let now = now_rfc3339();
    match command {
        DraftCommand::New {
            from,
            template,
            blank,
            department,
            region,
            year,
            format,
        } => {
            return draft_new(
                &mut lib, from, template, blank, department, region, year, format, &now, out,
            )
        }
        DraftCommand::Templates => return draft_templates(out),
        DraftCommand::Add {
            draft,
            key,
            value_yuan,
            names,
        } => return draft_add(&mut lib, draft, key, value_yuan, names, &now, out),
        DraftCommand::Unit {
            draft,
            action,
            name,
            code,
            line,
            amount,
        } => return draft_unit(&mut lib, draft, action, name, code, line, amount, &now, out),
        DraftCommand::List => return draft_list(&lib, out),
        DraftCommand::Lines { draft, format } => {
            return draft_lines_command(&mut lib, draft, format, out)
        }
        DraftCommand::Set {
            draft,
            key,
            value_yuan,
        } => return draft_set(&mut lib, draft, key, value_yuan, &now, out),
        DraftCommand::Print {
            draft,
            zeros,
            title_years,
        } => return draft_print(&mut lib, draft, zeros, title_years, &now, out),
        DraftCommand::Reason { draft, key, text } => {
            return draft_reason(&mut lib, draft, key, text, &now, out)
        }
        DraftCommand::Rename {
            draft,
            title,
            new_title,
        } => return draft_rename(&mut lib, draft, title, new_title, &now, out),
        DraftCommand::Text {
            draft,
            section,
            text,
        } => return draft_text(&mut lib, draft, section, text, &now, out),
        DraftCommand::Actual {
            draft,
            code,
            value,
            paste,
            from,
        } => actual(&mut lib, &draft, code, value, paste, from, &now, out)?,
        DraftCommand::Cell {
            draft,
            table,
            row,
            column,
            text,
        } => return draft_cell(&mut lib, draft, table, row, column, text, &now, out),
        DraftCommand::Row {
            draft,
            table,
            action,
            row,
            from,
        } => return draft_row(&mut lib, draft, table, action, row, from, &now, out),
        DraftCommand::Project { command } => project(&mut lib, command, &now, out)?,
        DraftCommand::Form { command } => form(&mut lib, command, &now, out)?,
        DraftCommand::Undo { draft } => return draft_step(&mut lib, &draft, true, &now, out),
        DraftCommand::Redo { draft } => return draft_step(&mut lib, &draft, false, &now, out),
        DraftCommand::History { draft, format } => {
            return draft_history(&mut lib, draft, format, out)
        }
        round @ (DraftCommand::Submit { .. }
        | DraftCommand::Return { .. }
        | DraftCommand::Accept { .. }
        | DraftCommand::Push { .. }
        | DraftCommand::Comments { .. }) => return review_verbs::round(&mut lib, round, &now, out),
        DraftCommand::Version { draft, name, lock } => {
            return draft_version_command(&mut lib, draft, name, lock, &now, out)
        }
        DraftCommand::ExportXlsx { draft, output } => {
            return draft_export_workbook(&mut lib, draft, output, out)
        }
        DraftCommand::ImportXlsx { draft, file } => {
            return draft_import_xlsx(&mut lib, draft, file, &now, out)
        }
    }
    Ok(EXIT_OK)
}

/// `draft templates`: the shipped formats.
fn draft_templates(out: &mut dyn Write) -> Result<i32, ApiError> {
    for t in yusuan_api::draft_templates() {
        writeln!(out, "{}\t{}\t{} 张表\t{}", t.id, t.name, t.tables, t.region)
            .map_err(stdout_error)?;
    }
    Ok(EXIT_OK)
}

/// `draft list`: the library's drafts, a locked one with its version.
fn draft_list(lib: &Library, out: &mut dyn Write) -> Result<i32, ApiError> {
    for (d, dept, year, locked) in yusuan_api::draft_list(lib)? {
        let lock = locked
            .map(|v| format!("（已锁定：{v}）"))
            .unwrap_or_default();
        writeln!(out, "{d}\t{year}\t{dept}{lock}").map_err(stdout_error)?;
    }
    Ok(EXIT_OK)
}

/// `draft reason`: a change's reason recorded.
fn draft_reason(
    lib: &mut Library,
    draft: String,
    key: String,
    text: String,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let e = edited(lib, draft_id(&draft)?, Edit::SetReason { key, text }, now)?.edit();
    writeln!(out, "已记录 {} 的原因", e.target).map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft lines`: the draft's lines, as text, CSV or JSON.
fn draft_lines_command(
    lib: &mut Library,
    draft: String,
    format: LinesFormat,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let lines = yusuan_api::draft_lines(lib, draft_id(&draft)?)?;
    match format {
        LinesFormat::Csv => out
            .write_all(yusuan_api::draft_lines_csv(&lines).as_bytes())
            .map_err(stdout_error)?,
        LinesFormat::Json => json_line(out, &lines).map_err(stdout_error)?,
        LinesFormat::Text => render::draft_lines(out, &lines).map_err(stdout_error)?,
    }
    Ok(EXIT_OK)
}

/// `draft version`: a named version saved (and the draft locked at it).
fn draft_version_command(
    lib: &mut Library,
    draft: String,
    name: String,
    lock: bool,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let h = yusuan_api::draft_version(lib, draft_id(&draft)?, &name, lock, now)?;
    let locked = if lock {
        "，草稿已锁定为只读"
    } else {
        ""
    };
    writeln!(out, "已保存版本“{name}”（内容摘要 {}）{locked}", &h[..16]).map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft export-xlsx`: the draft's editable workbook written.
fn draft_export_workbook(
    lib: &mut Library,
    draft: String,
    output: std::path::PathBuf,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let bytes = yusuan_api::draft_export_xlsx(lib, draft_id(&draft)?)?;
    std::fs::write(&output, bytes).map_err(|e| ApiError::Write {
        path: output.display().to_string(),
        reason: e.to_string(),
    })?;
    writeln!(out, "已导出工作簿 {}", output.display()).map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft row`: a row of a carried table added, removed, or every row replaced by pasted ones.
#[allow(clippy::too_many_arguments)] // one argument a flag of the command
fn draft_row(
    lib: &mut Library,
    draft: String,
    table: String,
    action: RowAction,
    row: Option<usize>,
    from: Option<String>,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    if action == RowAction::Paste {
        let Some(file) = from else {
            return Err(yusuan_api::ApiError::Usage(
                "粘贴哪些行？请给出 --from 文件（或 --from - 从标准输入读）".into(),
            ));
        };
        let text = read_text(&file)?;
        let command = Edit::PasteCarriedTable {
            table: table.clone(),
            text,
        };
        let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
        let rows = |v: &Option<String>| v.as_deref().map_or(0, |t| t.lines().count());
        writeln!(
            out,
            "已用粘贴的 {} 行替换“{table}”（原 {} 行；一次修改，可撤销）",
            rows(&e.new),
            rows(&e.old)
        )
        .map_err(stdout_error)?;
        return Ok(EXIT_OK);
    }
    let command = match (action, row) {
        (RowAction::Add, _) => Edit::AddCarriedRow {
            table: table.clone(),
        },
        (RowAction::Paste, _) => unreachable!("handled above"),
        (RowAction::Remove, Some(row)) => Edit::RemoveCarriedRow {
            table: table.clone(),
            row,
        },
        (RowAction::Remove, None) => {
            return Err(yusuan_api::ApiError::Usage(
                "删除哪一行？请给出行号，如 draft row draft:1 表名 remove 3".into(),
            ))
        }
    };
    let added = matches!(command, Edit::AddCarriedRow { .. });
    let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
    let at = e.target.rsplit_once('|').map_or("", |x| x.1).to_string();
    match added {
        true => writeln!(
            out,
            "已在“{table}”增加第 {at} 行（用 yusuan draft cell 填写各列）"
        )
        .map_err(stdout_error)?,
        false => writeln!(
            out,
            "已删除“{table}”第 {at} 行：{}",
            e.old.as_deref().unwrap_or("").replace('\t', " | ")
        )
        .map_err(stdout_error)?,
    }
    Ok(EXIT_OK)
}

/// `draft undo` (`back`) and `draft redo`: one step along the edits, said in Chinese.
fn draft_step(
    lib: &mut Library,
    draft: &str,
    back: bool,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let id = draft_id(draft)?;
    let (step, verb) = if back {
        (yusuan_api::draft_undo(lib, id, now)?, "撤销")
    } else {
        (yusuan_api::draft_redo(lib, id, now)?, "重做")
    };
    let written = match step {
        Some(e) => writeln!(
            out,
            "已{verb}第 {} 次修改（{} {}）",
            e.seq, e.action, e.target
        ),
        None => writeln!(out, "没有可{verb}的修改"),
    };
    written.map_err(|e| ApiError::Write {
        path: "标准输出".into(),
        reason: e.to_string(),
    })?;
    Ok(EXIT_OK)
}

/// `draft new`: a draft rolled forward from a document, or a blank one of a format.
#[allow(clippy::too_many_arguments)] // one argument a flag of the command
fn draft_new(
    lib: &mut Library,
    from: Option<String>,
    template: Option<String>,
    blank: bool,
    department: Option<String>,
    region: Option<String>,
    year: Option<i32>,
    format: Format,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let blank_from = match (&template, &from) {
        (Some(t), _) => Some(yusuan_api::BlankFrom::Template(t.clone())),
        (None, Some(f)) if blank => Some(yusuan_api::BlankFrom::Document(lib.resolve(f)?)),
        _ => None,
    };
    let (made, summary) = if let Some(blank_from) = blank_from {
        let department = department
            .ok_or_else(|| ApiError::Usage("空白草稿须给出部门名称：--department 名称".into()))?;
        let req = yusuan_api::BlankRequest {
            department,
            region,
            year,
            threshold_percent: None,
        };
        let made = yusuan_api::draft_new_blank(lib, &blank_from, &req, now)?;
        let summary = format!(
            "空白草稿：{} 个明细行（均为 0），文字部分待补充；用 yusuan draft add 新增明细行",
            made.report.leaves
        );
        (made, summary)
    } else {
        let id = lib.resolve(from.as_deref().unwrap_or_default())?;
        let made = yusuan_api::draft_new(lib, id, year, now)?;
        let r = &made.report;
        let summary = format!("由文档 {id} 滚动编制：{} 个明细行（{} 个为估算分配），{} 处上年表内不一致，{} 处按原表结转", r.leaves, r.estimated, r.contradictions.len(), r.carried.len());
        (made, summary)
    };
    match format {
        Format::Json => json_line(
            out,
            &serde_json::json!({ "draft": made.draft, "report": made.report }),
        )
        .map_err(stdout_error)?,
        Format::Text => {
            writeln!(out, "{}", made.draft).map_err(stdout_error)?;
            writeln!(out, "{summary}").map_err(stdout_error)?;
        }
    }
    Ok(EXIT_OK)
}

/// `draft add`: a new line under a code the draft has no line for.
fn draft_add(
    lib: &mut Library,
    draft: String,
    key: String,
    value_yuan: String,
    names: Vec<String>,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    // `名称` names the line's own code; `代码=名称` names it or one of its 类/款.
    let names: Vec<(String, String)> = names
        .iter()
        .map(|n| match n.split_once('=') {
            Some((c, name)) if !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit()) => {
                (c.to_string(), name.to_string())
            }
            _ => (String::new(), n.clone()),
        })
        .collect();
    let command = Edit::AddLine {
        key,
        value: value_yuan,
        names,
    };
    let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
    let unit = yusuan_api::draft::parse_address(&e.target).map_or("元", |(k, _)| k.unit());
    writeln!(
        out,
        "已新增 {}：{} {unit}",
        e.target,
        e.new.as_deref().unwrap_or("")
    )
    .map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft unit`: the units of a department's draft — listed, added, removed, money placed.
#[allow(clippy::too_many_arguments)] // one argument a flag of the command
fn draft_unit(
    lib: &mut Library,
    draft: String,
    action: UnitAction,
    name: Option<String>,
    code: Option<String>,
    line: Option<String>,
    amount: Option<String>,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let id = draft_id(&draft)?;
    let named = || {
        name.clone()
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| ApiError::Usage("请写出单位名称".into()))
    };
    match action {
        UnitAction::List => {
            for u in yusuan_api::draft_unit_money(lib, id)? {
                let who = if u.name.is_empty() {
                    "（未分配到单位）"
                } else {
                    u.name.as_str()
                };
                writeln!(
                    out,
                    "{who}\t{} 行\t支出 {} 元\t上年 {} 元\t{}",
                    u.lines, u.value_yuan, u.baseline_yuan, u.reference
                )
                .map_err(stdout_error)?;
            }
        }
        UnitAction::Place => {
            let line = line.ok_or_else(|| {
                ApiError::Usage(
                    "place 需要 --line 指明要分配的明细行（键、键@单位 或 #行号）".into(),
                )
            })?;
            let to = named()?;
            let to = (to.trim() != "未分配").then_some(to);
            let command = Edit::PlaceLine { line, to, amount };
            let e = edited(lib, id, command, now)?.edit();
            writeln!(out, "已分配：{}", e.target).map_err(stdout_error)?;
        }
        UnitAction::Add => {
            let name = named()?;
            let e = edited(lib, id, Edit::AddUnit { name, code }, now)?.edit();
            writeln!(
                out,
                "已增加单位“{}”（序号/代码 {}）：分单位表各增一行，金额为 0",
                e.target,
                e.new.as_deref().unwrap_or("")
            )
            .map_err(stdout_error)?;
        }
        UnitAction::Remove => {
            let name = named()?;
            let e = edited(lib, id, Edit::RemoveUnit { name }, now)?.edit();
            writeln!(out, "已删除单位“{}”", e.target).map_err(stdout_error)?;
        }
    }
    Ok(EXIT_OK)
}

/// `draft print`: the print style, set or shown.
fn draft_print(
    lib: &mut Library,
    draft: String,
    zeros: Option<String>,
    title_years: Option<String>,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let id = draft_id(&draft)?;
    let chosen = [("零值单元格", zeros), ("表名年度", title_years)];
    for (setting, choice) in chosen.iter().filter_map(|(s, c)| Some((s, c.as_ref()?))) {
        let command = Edit::SetPrint {
            setting: setting.to_string(),
            choice: choice.to_string(),
        };
        let e = edited(lib, id, command, now)?.edit();
        writeln!(
            out,
            "{setting}：{}（原为{}）",
            e.new.unwrap_or_default(),
            e.old.unwrap_or_default()
        )
        .map_err(stdout_error)?;
    }
    if chosen.iter().all(|(_, c)| c.is_none()) {
        let d = yusuan_api::load_draft(lib, id, None)?;
        for s in yusuan_api::print_settings(&d) {
            writeln!(
                out,
                "{}：{}（可选：{}）",
                s.name,
                s.chosen,
                s.choices.join("、")
            )
            .map_err(stdout_error)?;
        }
    }
    Ok(EXIT_OK)
}

/// `draft rename`: a table or section renamed, or the titles listed.
fn draft_rename(
    lib: &mut Library,
    draft: String,
    title: Option<String>,
    new_title: Option<String>,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let id = draft_id(&draft)?;
    match (title, new_title) {
        (Some(title), Some(new_title)) => {
            let command = Edit::RenameTitle { title, new_title };
            let e = edited(lib, id, command, now)?.edit();
            writeln!(
                out,
                "已改{}的标题：{} → {}",
                e.target,
                e.old.unwrap_or_default(),
                e.new.unwrap_or_default()
            )
            .map_err(stdout_error)?;
        }
        (Some(_), None) => {
            return Err(ApiError::Usage(
                "请给出新标题：yusuan draft rename draft:N 现在的标题 新标题".into(),
            ))
        }
        _ => {
            let d = yusuan_api::load_draft(lib, id, None)?;
            for t in yusuan_api::title_views(&d) {
                writeln!(out, "{}\t{}", t.kind, t.printed).map_err(stdout_error)?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// `draft text`: a narrative section rewritten (a unit's own, for `draft:N/单位`).
fn draft_text(
    lib: &mut Library,
    draft: String,
    section: String,
    text: String,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    match yusuan_api::split_unit_ref(&draft) {
        // A unit's own text, for its 单位预算 (draft:N/单位名称).
        (base, Some(unit)) => {
            let command = Edit::SetUnitText {
                unit: unit.to_string(),
                title: section,
                text: text.clone(),
            };
            let e = edited(lib, draft_id(base)?, command, now)?.edit();
            let (unit, title) = e.target.split_once('|').unwrap_or((&e.target, ""));
            match e.new {
                Some(_) => writeln!(
                    out,
                    "已改写单位“{unit}”的“{title}”：{} 段",
                    text.lines().filter(|l| !l.trim().is_empty()).count()
                )
                .map_err(stdout_error)?,
                None => writeln!(out, "单位“{unit}”的“{title}”恢复为部门的文字")
                    .map_err(stdout_error)?,
            }
        }
        (_, None) => {
            let command = Edit::SetSectionText {
                title: section,
                text,
            };
            let t = edited(lib, draft_id(&draft)?, command, now)?;
            let edit = t.edits.first().cloned().unwrap_or_default();
            writeln!(
                out,
                "已改写“{}”：{} 段",
                edit.target,
                edit.new.as_deref().unwrap_or("").lines().count()
            )
            .map_err(stdout_error)?;
            for c in &t.corrections {
                writeln!(out, "  按草稿的数字印：“{}” → “{}”", c.written, c.printed)
                    .map_err(stdout_error)?;
            }
        }
    };
    Ok(EXIT_OK)
}

/// `draft cell`: one cell of a table the draft carries as printed.
#[allow(clippy::too_many_arguments)] // one argument a flag of the command
fn draft_cell(
    lib: &mut Library,
    draft: String,
    table: String,
    row: usize,
    column: usize,
    text: String,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let command = Edit::SetCarriedCell {
        table: table.clone(),
        row,
        column,
        text,
    };
    let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
    writeln!(
        out,
        "已修改“{table}”第 {row} 行第 {column} 列：{} → {}",
        e.old
            .as_deref()
            .filter(|s| !s.is_empty())
            .unwrap_or("（空）"),
        e.new
            .as_deref()
            .filter(|s| !s.is_empty())
            .unwrap_or("（空）")
    )
    .map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft set`: a line's amount.
fn draft_set(
    lib: &mut Library,
    draft: String,
    key: String,
    value_yuan: String,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let command = Edit::SetLeaf {
        key,
        value: value_yuan,
    };
    let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
    // In 元, or what the line counts (`辆`, `家`).
    let unit = yusuan_api::draft::parse_address(&e.target).map_or("元", |(k, _)| k.unit());
    writeln!(
        out,
        "已修改 {}：{} → {} {unit}",
        e.target,
        e.old.as_deref().unwrap_or("（新行）"),
        e.new.as_deref().unwrap_or("")
    )
    .map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft history`: the edits, in Chinese or as JSON.
fn draft_history(
    lib: &mut Library,
    draft: String,
    format: Format,

    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let events = yusuan_api::draft_history(lib, draft_id(&draft)?)?;
    match format {
        Format::Json => {
            let v: Vec<_> = events
                .iter()
                .map(|e| serde_json::json!({"seq": e.seq, "action": e.action, "target": e.target, "old": e.old_value, "new": e.new_value, "at": e.at, "user": e.os_user, "undone": e.undone}))
                .collect();
            json_line(out, &v).map_err(stdout_error)?
        }
        Format::Text => {
            // As the window lists them, in Chinese, oldest first.
            let mut items = yusuan_api::draft_history_items(lib, draft_id(&draft)?)?;
            items.reverse();
            render::draft_history(out, &items).map_err(stdout_error)?
        }
    }
    Ok(EXIT_OK)
}

/// `draft import-xlsx`: an edited workbook read back as one edit.
fn draft_import_xlsx(
    lib: &mut Library,
    draft: String,
    file: std::path::PathBuf,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let edits = yusuan_api::draft_import_xlsx(lib, draft_id(&draft)?, &file, now)?;
    for e in &edits {
        writeln!(
            out,
            "{}：{} → {} 元",
            e.target,
            e.old.as_deref().unwrap_or("（新行）"),
            e.new.as_deref().unwrap_or("")
        )
        .map_err(stdout_error)?;
    }
    writeln!(out, "共 {} 处改动", edits.len()).map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft project list`: each project, its parts and its funds.
fn project_list(lib: &Library, draft: &str, out: &mut dyn Write) -> Result<(), ApiError> {
    let d = yusuan_api::draft_projects(lib, draft_id(draft)?)?;
    if d.is_empty() {
        writeln!(out, "草稿中没有项目经费情况说明").map_err(stdout_error)?;
    }
    for p in d {
        let total = p
            .total_yuan
            .map(|t| format!("（说明中的项目经费 {t} 元）"))
            .unwrap_or_default();
        writeln!(out, "{}{total}", p.name).map_err(stdout_error)?;
        for part in p.parts {
            let first: String = part
                .text
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            writeln!(
                out,
                "  {}	{} 段，{} 个金额	{first}",
                part.kind,
                part.text.lines().count(),
                part.items
            )
            .map_err(stdout_error)?;
        }
        for f in &p.funds {
            writeln!(out, "  资金	{} 元	{}（{}）", f.amount_yuan, f.label, f.line)
                .map_err(stdout_error)?;
        }
        if let Some(v) = &p.funded_yuan {
            writeln!(out, "  项目支出分配合计 {v} 元").map_err(stdout_error)?;
        }
    }
    Ok(())
}

fn project(
    lib: &mut Library,
    command: ProjectCommand,
    now: &str,
    out: &mut dyn Write,
) -> Result<(), ApiError> {
    match command {
        ProjectCommand::List { draft } => project_list(lib, &draft, out)?,
        ProjectCommand::Fund {
            draft,
            name,
            line,
            amount,
        } => {
            let command = Edit::SetProjectFund {
                project: name,
                line,
                amount,
            };
            let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
            let (project, line) = e.target.split_once('|').unwrap_or((&e.target, ""));
            match e.new {
                Some(v) => writeln!(out, "项目“{project}”的资金：来自“{line}” {v} 元")
                    .map_err(stdout_error)?,
                None => writeln!(out, "项目“{project}”不再由“{line}”出资").map_err(stdout_error)?,
            }
        }
        ProjectCommand::Add { draft, name } => {
            let e = edited(lib, draft_id(&draft)?, Edit::AddProject { name }, now)?.edit();
            writeln!(
                out,
                "已新增项目“{}”：项目说明的七个部分待填写（draft project set）",
                e.target
            )
            .map_err(stdout_error)?;
        }
        ProjectCommand::Remove { draft, name } => {
            let e = edited(lib, draft_id(&draft)?, Edit::RemoveProject { name }, now)?.edit();
            writeln!(out, "已删除项目“{}”的说明（可撤销）", e.target).map_err(stdout_error)?;
        }
        ProjectCommand::Rename {
            draft,
            name,
            new_name,
        } => {
            let command = Edit::RenameProject { name, new_name };
            let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
            match e.seq {
                0 => writeln!(out, "项目已名为“{}”，未修改", e.target).map_err(stdout_error)?,
                _ => writeln!(
                    out,
                    "已将项目“{}”改名为“{}”（说明、绩效目标表和资金随之改名）",
                    e.old.unwrap_or_default(),
                    e.target
                )
                .map_err(stdout_error)?,
            }
        }
        ProjectCommand::Set {
            draft,
            name,
            part,
            text,
        } => {
            let command = Edit::SetProjectPart {
                project: name,
                part,
                text,
            };
            let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
            let (project, part) = e.target.split_once('|').unwrap_or((&e.target, ""));
            writeln!(
                out,
                "已改写项目“{project}”的“{part}”：{} 段",
                e.new.as_deref().unwrap_or("").lines().count()
            )
            .map_err(stdout_error)?;
        }
    }
    Ok(())
}

fn form(
    lib: &mut Library,
    command: FormCommand,
    now: &str,
    out: &mut dyn Write,
) -> Result<(), ApiError> {
    match command {
        FormCommand::List { draft } => {
            let forms = yusuan_api::draft_forms(lib, draft_id(&draft)?)?;
            if forms.is_empty() {
                writeln!(out, "草稿中没有绩效目标表").map_err(stdout_error)?;
            }
            for f in forms {
                writeln!(out, "{}（{} 个指标）", f.project, f.indicators.len())
                    .map_err(stdout_error)?;
                for i in f.indicators {
                    writeln!(out, "  {}\t{}", i.path, i.printed).map_err(stdout_error)?;
                }
            }
        }
        FormCommand::Set {
            draft,
            project,
            path,
            value,
        } => {
            let command = Edit::SetIndicator {
                form: project,
                path,
                value: value.clone(),
            };
            let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
            let (form, path) = e.target.split_once('|').unwrap_or((&e.target, ""));
            match e.old {
                Some(old) if old != value => {
                    writeln!(out, "已修改“{form}”的指标“{path}”：{old} → {value}")
                        .map_err(stdout_error)?
                }
                Some(_) => writeln!(out, "“{form}”的指标“{path}”已是 {value}，未修改")
                    .map_err(stdout_error)?,
                None => writeln!(out, "已在“{form}”中新增指标“{path}”：{value}")
                    .map_err(stdout_error)?,
            }
        }
        FormCommand::Remove {
            draft,
            project,
            path,
        } => {
            let command = Edit::RemoveIndicator {
                form: project,
                path,
            };
            let e = edited(lib, draft_id(&draft)?, command, now)?.edit();
            writeln!(
                out,
                "已删除“{}”的指标（原为 {}）",
                e.target.replacen('|', "：", 1),
                e.old.unwrap_or_default()
            )
            .map_err(stdout_error)?;
        }
        FormCommand::Delete { draft, project } => {
            let e = edited(
                lib,
                draft_id(&draft)?,
                Edit::DeleteForm { form: project },
                now,
            )?
            .edit();
            writeln!(
                out,
                "已删除“{}”的绩效目标表（{}）",
                e.target,
                e.old.unwrap_or_default()
            )
            .map_err(stdout_error)?;
        }
    }
    Ok(())
}

/// `draft actual`: list the 上年执行数, set one, paste a column, or take them from a 决算.
#[allow(clippy::too_many_arguments)]
fn actual(
    lib: &mut Library,
    draft: &str,
    code: Option<String>,
    value: Option<String>,
    paste: Option<String>,
    from: Option<i64>,
    now: &str,
    out: &mut dyn Write,
) -> Result<(), ApiError> {
    let id = draft_id(draft)?;
    if let Some(doc) = from {
        let r = edited(lib, id, Edit::ActualsFrom { document: doc }, now)?
            .actuals
            .unwrap_or_default();
        writeln!(
            out,
            "已从文档 {doc} 取得 {} 个科目的上年执行数{}",
            r.matched.len(),
            if r.seq == 0 {
                "（与草稿中的相同，未修改）"
            } else {
                ""
            }
        )
        .map_err(stdout_error)?;
        for v in &r.matched {
            writeln!(
                out,
                "  {}\t{}\t{} 元",
                v.code,
                v.name,
                v.actual_yuan.as_deref().unwrap_or("")
            )
            .map_err(stdout_error)?;
        }
        return unmatched_codes(out, "决算中没有这些科目（执行数未填）", &r.unmatched);
    }
    if let Some(file) = paste {
        let text = read_text(&file)?;
        let r = edited(lib, id, Edit::PasteActuals { text }, now)?
            .actuals
            .unwrap_or_default();
        writeln!(
            out,
            "已填入 {} 个科目的上年执行数（一次修改，可撤销）",
            r.matched.len()
        )
        .map_err(stdout_error)?;
        return unmatched_codes(
            out,
            "草稿的一般公共预算明细行中没有这些科目（未填）",
            &r.unmatched,
        );
    }
    match (code, value) {
        (Some(code), value) => {
            let command = Edit::SetActual {
                code: code.clone(),
                value: value.clone().unwrap_or_default(),
            };
            let e = edited(lib, id, command, now)?.edit();
            match (
                e.seq,
                value.as_deref().map(str::trim).filter(|v| !v.is_empty()),
            ) {
                (0, _) => writeln!(out, "科目 {code} 的上年执行数未修改").map_err(stdout_error)?,
                (_, Some(v)) => {
                    writeln!(out, "已填科目 {code} 的上年执行数：{v}").map_err(stdout_error)?
                }
                (_, None) => {
                    writeln!(out, "已清除科目 {code} 的上年执行数").map_err(stdout_error)?
                }
            }
        }
        (None, _) => {
            writeln!(
                out,
                "科目编码\t科目名称\t上年预算（元）\t上年执行数（元）\t执行率\t本年预算（元）"
            )
            .map_err(stdout_error)?;
            for v in yusuan_api::draft_actuals(lib, id)? {
                let rate = v.rate_percent.map(|r| format!("{r}%")).unwrap_or_default();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{rate}\t{}",
                    v.code,
                    v.name,
                    v.budget_yuan,
                    v.actual_yuan.unwrap_or_default(),
                    v.current_yuan
                )
                .map_err(stdout_error)?;
            }
        }
    }
    Ok(())
}

/// The 科目 codes a 执行数 edit found no line for, listed after `missing` (nothing when none).
fn unmatched_codes(out: &mut dyn Write, missing: &str, codes: &[String]) -> Result<(), ApiError> {
    if !codes.is_empty() {
        writeln!(out, "{missing}：{}", codes.join("、")).map_err(stdout_error)?;
    }
    Ok(())
}

/// A text the user gives as a file, or `-` for standard input (a column or a table pasted).
fn read_text(file: &str) -> Result<String, ApiError> {
    if file == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| ApiError::Read {
            path: "标准输入".into(),
            reason: e.to_string(),
        })
    } else {
        std::fs::read_to_string(file).map_err(|e| ApiError::Read {
            path: file.to_string(),
            reason: e.to_string(),
        })
    }
}
