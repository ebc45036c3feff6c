//! Text rendering of CLI output, in Chinese.

use std::io::{self, Write};
use yusuan_api::dto::DocumentSummary;
use yusuan_api::ImportOutcome;
use yusuan_domain::{Cell, Document, RowCode};

/// `yusuan list`
pub fn list(out: &mut dyn Write, docs: &[DocumentSummary]) -> io::Result<()> {
    if docs.is_empty() {
        return writeln!(out, "库中还没有文档。用 yusuan import 文件 导入。");
    }
    writeln!(
        out,
        "编号\t年度\t类型\t格式\t表\t金额\t预算主管部门\t来源文件"
    )?;
    for d in docs {
        writeln!(
            out,
            "{}\t{}\t{}{}\t{}\t{}\t{}\t{}\t{}",
            d.id,
            d.year,
            d.scope,
            d.kind,
            d.format,
            d.tables,
            d.amounts,
            d.department,
            d.source_name
        )?;
    }
    writeln!(out, "共 {} 个文档", docs.len())
}

/// `yusuan import` (text)
pub fn import_outcome(out: &mut dyn Write, o: &ImportOutcome) -> io::Result<()> {
    if o.duplicate {
        return writeln!(out, "{}：已导入过（文档编号 {}），未重复导入", o.file, o.id);
    }
    if o.attached {
        writeln!(
            out,
            "{}：与文档 {} 合为一份公开文件（同一部门、同一年度的文字说明与公开表）",
            o.file, o.id
        )?;
    } else {
        writeln!(out, "{}：已导入为文档 {}", o.file, o.id)?;
    }
    if let Some(r) = &o.report {
        writeln!(
            out,
            "  识别：{} 张表，{} 行，{} 个金额；{} 个文字部分，{} 个项目说明，{} 张绩效目标表（{} 个指标）",
            r.tables, r.rows, r.amounts, r.sections, r.projects, r.forms, r.indicators
        )?;
        if !r.unrecognised.is_empty() {
            writeln!(out, "  未识别（原文保留）：{} 处", r.unrecognised.len())?;
            for u in &r.unrecognised {
                let text: String = u.message.chars().take(40).collect();
                writeln!(out, "    {}：{}", u.location, text)?;
            }
        }
        for w in &r.warnings {
            writeln!(out, "  警告 {}：{}", w.location, w.message)?;
        }
        for n in &r.notes {
            writeln!(out, "  说明 {}：{}", n.location, n.message)?;
        }
    }
    Ok(())
}

fn code_text(code: &Option<RowCode>) -> String {
    match code {
        Some(RowCode::Function(c)) => c.split_form(),
        Some(c) => c.as_str().to_string(),
        None => String::new(),
    }
}

/// `yusuan show --format text`
pub fn document(out: &mut dyn Write, id: &str, d: &Document) -> io::Result<()> {
    let m = &d.meta;
    writeln!(out, "文档 {id}：{}", m.title)?;
    // A unit's own budget names its unit, as its cover does (预算单位).
    let who = if m.scope == yusuan_domain::Scope::Unit {
        "预算单位"
    } else {
        "预算主管部门"
    };
    writeln!(
        out,
        "{who}：{}；{}年度 {}{}；格式：{}",
        m.department,
        m.year,
        m.scope_label(),
        m.kind_label(),
        m.format.label()
    )?;
    if !d.units.is_empty() {
        writeln!(
            out,
            "预算单位：{}",
            d.units
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        )?;
    }
    for s in &d.sections {
        writeln!(out, "\n【{}】（{} 段）", s.title, s.paragraphs.len())?;
    }
    for t in &d.tables {
        writeln!(
            out,
            "\n{}{}（单位：{}）",
            t.number
                .as_ref()
                .map(|n| format!("{n}. "))
                .unwrap_or_default(),
            t.title,
            t.unit
        )?;
        let cols: Vec<String> = t.columns.iter().map(|c| c.name()).collect();
        writeln!(out, "编码\t名称\t{}", cols.join("\t"))?;
        for r in &t.rows {
            let cells: Vec<&str> = r.cells.iter().map(Cell::printed).collect();
            writeln!(
                out,
                "{}\t{}\t{}",
                code_text(&r.code),
                r.label,
                cells.join("\t")
            )?;
        }
        if let Some(n) = &t.note {
            writeln!(out, "{n}")?;
        }
    }
    for p in &d.projects {
        writeln!(
            out,
            "\n【项目】{}：{}",
            p.name,
            p.parts
                .iter()
                .map(|x| x.kind.label())
                .collect::<Vec<_>>()
                .join("、")
        )?;
    }
    Ok(())
}

/// `yusuan check` (text): like a compiler, grouped by severity.
pub fn findings(out: &mut dyn Write, findings: &[yusuan_api::Finding]) -> io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "未发现问题。");
    }
    for sev in [
        yusuan_api::Severity::Error,
        yusuan_api::Severity::Warning,
        yusuan_api::Severity::Info,
    ] {
        let these: Vec<_> = findings.iter().filter(|f| f.severity == sev).collect();
        if these.is_empty() {
            continue;
        }
        writeln!(out, "== {}（{} 条）", sev.label(), these.len())?;
        for f in these {
            let l = &f.location;
            let mut place = Vec::new();
            if let Some(p) = l.page {
                place.push(format!("第{p}页"));
            }
            if let Some(n) = l.line {
                place.push(format!("第{n}行"));
            }
            let what = [
                l.table.as_deref(),
                l.row.as_deref(),
                l.column.as_deref(),
                l.section.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ");
            writeln!(
                out,
                "{}[{}] {}：{}",
                sev.label(),
                f.rule,
                place.join(" "),
                what
            )?;
            writeln!(out, "    {}", f.message)?;
            if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
                writeln!(out, "    应为 {e}，实为 {a}")?;
            }
            if let Some(h) = &f.hint {
                writeln!(out, "    提示：{h}")?;
            }
        }
    }
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    writeln!(
        out,
        "共 {} 个错误、{} 个警告、{} 个提示",
        n(yusuan_api::Severity::Error),
        n(yusuan_api::Severity::Warning),
        n(yusuan_api::Severity::Info)
    )
}

/// The leaf lines of a draft as a readable list.
pub fn draft_lines(out: &mut dyn Write, lines: &[yusuan_api::LeafLine]) -> io::Result<()> {
    for (i, l) in lines.iter().enumerate() {
        let mark = if l.estimated { "（估算）" } else { "" };
        // A count's measure (`辆`, `个`) where the line counts; no 上年 for a new line or a blank draft.
        let unit = &l.unit;
        let baseline = if l.baseline_yuan.is_empty() {
            "—".to_string()
        } else {
            format!("{} {unit}", l.baseline_yuan)
        };
        writeln!(
            out,
            "#{:<4} {}  本年 {} {unit}  上年 {baseline}{mark}",
            i + 1,
            l.label,
            l.value_yuan
        )?;
        writeln!(out, "      键：{}", l.key)?;
    }
    writeln!(out, "共 {} 行明细", lines.len())
}

/// A draft's edit history.
pub fn draft_history(out: &mut dyn Write, items: &[yusuan_api::HistoryItem]) -> io::Result<()> {
    // A value of several lines (a section's text, a pasted table) is shown by its size: one
    // event, one line.
    let shown = |v: &str| match v {
        "" => "（无）".to_string(),
        t if t.contains('\n') => format!("{} 行", t.lines().count()),
        t => t.replace('\t', " | "),
    };
    for e in items {
        let state = if e.undone { "（已撤销）" } else { "" };
        writeln!(
            out,
            "{:>3}. {} {} {}：{} → {}  {}{state}",
            e.seq,
            e.at,
            e.user,
            e.action,
            shown(&e.old_value),
            shown(&e.new_value),
            e.target
        )?;
    }
    Ok(())
}
