//! `yusuan compare` output: a reviewer's text (changed lines only, grouped by table) and a CSV
//! of every aligned line.

use rust_decimal::Decimal;
use std::io::{self, Write};
use yusuan_api::compare::{AlignedLine, Comparison, Flag};

fn wan(yuan: Decimal) -> String {
    format!("{:.2}", (yuan / Decimal::from(10_000)).round_dp(2))
}

fn opt_wan(v: Option<Decimal>) -> String {
    v.map_or("—".into(), wan)
}

/// The table a line belongs to: the standard table's name, or the text part that states it.
fn table_name(l: &AlignedLine) -> &str {
    if l.key.table == yusuan_domain::TableKind::Other { &l.table_title } else { l.key.table.label() }
}

fn flags(l: &AlignedLine) -> String {
    l.flags.iter().map(|f| f.label()).collect::<Vec<_>>().join("、")
}

/// Text: what changed, table by table, in 万元.
pub fn text(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    let docs: Vec<String> = c.documents.iter().map(|d| format!("{}年 {}（{}）", d.year, d.department, d.label)).collect();
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
    for l in c.lines.iter().filter(|l| !l.change.is_zero() || l.flags.contains(&Flag::New) || l.flags.contains(&Flag::Removed)) {
        if l.table_title != table {
            table = l.table_title.clone();
            writeln!(out, "\n【{}】", table_name(l))?;
        }
        let amounts: Vec<String> = l.amounts.iter().map(|a| opt_wan(*a)).collect();
        let pct = l.change_percent.map_or("—".into(), |p| format!("{p:+}%"));
        let code = if l.key.code.is_empty() { String::new() } else { format!("{} ", l.key.code) };
        let mut line = format!("  {code}{} | {} | {} | 增减 {} ({pct})", l.row_label, l.key.column, amounts.join(" → "), wan(l.change));
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
            let at = [f.location.page.map(|p| format!("第{p}页")), f.location.line.map(|l| format!("第{l}行"))].into_iter().flatten().collect::<Vec<_>>().join("");
            writeln!(out, "  {} {} {}：{}", f.severity.label(), f.rule, at, f.message)?;
            writeln!(out, "      应为 {}，文中 {}", f.expected.as_deref().unwrap_or("—"), f.actual.as_deref().unwrap_or("—"))?;
        }
    }
    Ok(())
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// The columns of the CSV and XLSX outputs (the year columns go after `column`).
fn header(c: &Comparison) -> Vec<String> {
    let mut h: Vec<String> = ["table", "row_code", "row_label", "column"].map(String::from).to_vec();
    h.extend(c.documents.iter().map(|d| format!("{}年_元", d.year)));
    h.extend(["change_yuan", "change_percent", "flags", "mapped_from", "reason"].map(String::from));
    h
}

/// One line's fields, as text (amounts as exact decimal strings in 元).
fn fields(l: &AlignedLine) -> Vec<String> {
    let mut f = vec![table_name(l).to_string(), l.key.code.clone(), l.row_label.clone(), l.key.column.clone()];
    f.extend(l.amounts.iter().map(|a| a.map(|v| v.to_string()).unwrap_or_default()));
    f.push(l.change.to_string());
    f.push(l.change_percent.map(|p| p.to_string()).unwrap_or_default());
    f.push(flags(l));
    f.push(l.mapped_from.clone().unwrap_or_default());
    f.push(l.reason.clone().unwrap_or_default());
    f
}

/// XLSX: the CSV's columns in a sheet 比较. Amounts and percents are written as numbers when the
/// spreadsheet's number format holds them exactly (up to 15 significant digits, i.e. every
/// budget amount in 元 with 分), else as text, so no value is ever rounded.
pub fn xlsx(path: &std::path::Path, c: &Comparison) -> Result<(), String> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("比较").map_err(|e| e.to_string())?;
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    for (k, h) in header(c).iter().enumerate() {
        sheet.write_string(0, k as u16, h).map_err(e)?;
    }
    let numeric_from = 4; // year columns, change, percent
    let numeric_to = 4 + c.documents.len() + 2;
    for (r, l) in c.lines.iter().enumerate() {
        for (k, v) in fields(l).iter().enumerate() {
            let (row, col) = (r as u32 + 1, k as u16);
            if (numeric_from..numeric_to).contains(&k) && !v.is_empty() {
                // The spreadsheet stores numbers as binary doubles: only write one when it
                // reads back as the same decimal.
                match v.parse::<f64>() {
                    Ok(x) if Decimal::from_str_exact(&format!("{x}")).ok().map(|d| d.normalize()) == Decimal::from_str_exact(v).ok().map(|d| d.normalize()) => {
                        sheet.write_number(row, col, x).map_err(e)?
                    }
                    _ => sheet.write_string(row, col, v).map_err(e)?,
                };
            } else {
                sheet.write_string(row, col, v).map_err(e)?;
            }
        }
    }
    book.save(path).map_err(e)
}

/// CSV: every aligned line, amounts in 元.
pub fn csv(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    writeln!(out, "{}", header(c).join(","))?;
    for l in &c.lines {
        writeln!(out, "{}", fields(l).iter().map(|f| quote(f)).collect::<Vec<_>>().join(","))?;
    }
    Ok(())
}
