//! `yusuan compare` output: a reviewer's text (changed lines only, grouped by table, then each
//! year's 预算执行) and a CSV of every aligned line.

use rust_decimal::Decimal;
use std::io::{self, Write};
use yusuan_api::compare::{Comparison, Execution, Flag};

fn wan(yuan: Decimal) -> String {
    format!(
        "{:.2}",
        (yuan / yusuan_domain::Unit::WanYuan.in_yuan()).round_dp(2)
    )
}

fn opt_wan(v: Option<Decimal>) -> String {
    v.map_or("—".into(), wan)
}

use yusuan_api::compare_sheet::{fields, flags, header, table_name};

/// Text: a year's 预算 beside its 决算, code by code, in 万元 (预算, 决算, 差额, 执行率).
pub fn execution(out: &mut dyn Write, e: &Execution) -> io::Result<()> {
    writeln!(
        out,
        "\n【{}年预算执行】{}（预算 {}，决算 {}；一般公共预算，金额单位：万元）",
        e.budget.year, e.budget.department, e.budget.label, e.final_accounts.label
    )?;
    writeln!(
        out,
        "  科目编码 | 科目名称 | 预算数 | 决算数 | 差额 | 执行率"
    )?;
    for l in e.lines.iter().chain(e.total.as_ref()) {
        let rate = l.rate_percent.map_or("—".into(), |r| format!("{r}%"));
        writeln!(
            out,
            "  {} | {} | {} | {} | {} | {rate}",
            if l.code.is_empty() { "合计" } else { &l.code },
            l.name,
            opt_wan(l.budget),
            opt_wan(l.actual),
            wan(l.difference)
        )?;
    }
    Ok(())
}

/// Text: what changed, table by table, in 万元.
pub fn text(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    let docs: Vec<String> = c
        .documents
        .iter()
        .map(|d| format!("{}年 {}（{}）", d.year, d.department, d.label))
        .collect();
    writeln!(out, "比较：{}", docs.join(" → "))?;
    let count = |f: Flag| c.lines.iter().filter(|l| l.flags.contains(&f)).count();
    let changed = c.lines.iter().filter(|l| !l.change.is_zero()).count();
    writeln!(
        out,
        "共 {} 行：有变动 {}，新增 {}，取消 {}，变动较大 {}，未变 {}（金额单位：万元）",
        c.lines.len(),
        changed,
        count(Flag::New),
        count(Flag::Removed),
        count(Flag::BeyondThreshold),
        c.lines.len() - changed
    )?;
    let mut table = String::new();
    for l in c.lines.iter().filter(|l| {
        !l.change.is_zero() || l.flags.contains(&Flag::New) || l.flags.contains(&Flag::Removed)
    }) {
        if l.table_title != table {
            table = l.table_title.clone();
            writeln!(out, "\n【{}】", table_name(l))?;
        }
        let amounts: Vec<String> = l.amounts.iter().map(|a| opt_wan(*a)).collect();
        let pct = l.change_percent.map_or("—".into(), |p| format!("{p:+}%"));
        let code = if l.key.code.is_empty() {
            String::new()
        } else {
            format!("{} ", l.key.code)
        };
        let mut line = format!(
            "  {code}{} | {} | {} | 增减 {} ({pct})",
            l.row_label,
            l.key.column,
            amounts.join(" → "),
            wan(l.change)
        );
        if !l.flags.is_empty() {
            line.push_str(&format!(" [{}]", flags(l)));
        }
        writeln!(out, "{line}")?;
        if let Some(r) = &l.reason {
            writeln!(out, "      原因：{r}")?;
        }
    }
    if !c.findings.is_empty() {
        writeln!(out, "\n文字中引用的上年数：")?;
        for f in &c.findings {
            let at = [
                f.location.page.map(|p| format!("第{p}页")),
                f.location.line.map(|l| format!("第{l}行")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("");
            writeln!(
                out,
                "  {} {} {}：{}",
                f.severity.label(),
                f.rule,
                at,
                f.message
            )?;
            writeln!(
                out,
                "      应为 {}，文中 {}",
                f.expected.as_deref().unwrap_or("—"),
                f.actual.as_deref().unwrap_or("—")
            )?;
        }
    }
    Ok(())
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// XLSX: the CSV's columns in a sheet 比较 (numbers where exact, else text).
pub fn xlsx(path: &std::path::Path, c: &Comparison) -> Result<(), String> {
    let bytes = yusuan_api::compare_sheet::xlsx(c, false).map_err(|e| e.to_string())?;
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}

/// CSV: every aligned line, amounts in 元.
pub fn csv(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    writeln!(out, "{}", header(c).join(","))?;
    for l in &c.lines {
        writeln!(
            out,
            "{}",
            fields(l)
                .iter()
                .map(|f| quote(f))
                .collect::<Vec<_>>()
                .join(",")
        )?;
    }
    Ok(())
}
