//! A table's heading: its title (a bare label such as `公开05表` over its named title is one
//! heading with it), number and kind, then its 编制部门 / 单位 lines. Read by the table parser,
//! and by [`super::segment`] to know where a table's block may next be cut.

use super::marks::{compact, is_fragment, is_meta, title_number};
use crate::Line;
use yusuan_domain::{TableKind, Unit};

/// A table label that names no table: `公开05表`, `部门预算02表`, `附表3`.
fn is_bare_label(title: &str) -> bool {
    let c = compact(title);
    let rest = ["公开", "部门预算", "预算公开", "附表", "表"].iter().find_map(|p| c.strip_prefix(p)).unwrap_or(&c);
    let rest = rest.trim_end_matches('表');
    !rest.is_empty() && rest.chars().all(|ch| ch.is_ascii_digit())
}
/// A table's title block: its title (the dated or named line when a bare label like `公开05表`
/// or `部门预算02表` is printed above it), number, and kind (from the title, else the subtitle).
pub(super) struct Heading {
    pub(super) title: String,
    pub(super) number: Option<String>,
    pub(super) kind: TableKind,
}

/// Reads the title block at `start` (Hubei prints `表 1. …年收支总表` then a subtitle,
/// `收支总体情况表`, before the 部门 line); returns it and the index after it.
pub(super) fn read_heading(lines: &[Line], start: usize) -> (Heading, usize) {
    let title = lines[start].text.trim().to_string();
    let mut i = start + 1;
    let mut subtitle = String::new();
    if let Some(k) = (i..lines.len()).find(|&k| !lines[k].is_blank()) {
        let c = lines[k].compact();
        let meta_follows = lines[k + 1..].iter().filter(|l| !l.is_blank()).take(2).any(|l| is_meta(&l.compact()));
        if !lines[k].is_tabular() && !is_meta(&c) && is_fragment(&c) && meta_follows {
            subtitle = c;
            i = k + 1;
        }
    }
    // `部门预算02表` printed above `2024年部门收入预算总表`: the dated line is the title; so is
    // the named line under a bare label (`公开05表` over `财政拨款支出预算表`).
    let (title, subtitle, number_hint) = if !subtitle.is_empty() && ((has_year(&subtitle) && !has_year(&title)) || is_bare_label(&title)) {
        let digits: String = title.chars().filter(|c| c.is_ascii_digit()).collect();
        let hint = digits.trim_start_matches('0').to_string();
        (lines[(start + 1..lines.len()).find(|&k| !lines[k].is_blank()).unwrap_or(start)].text.trim().to_string(), title, (!hint.is_empty()).then_some(hint))
    } else {
        (title, subtitle, None)
    };
    let kind = match TableKind::from_title(&title) {
        TableKind::Other => TableKind::from_title(&subtitle),
        k => k,
    };
    let number = title_number(&title).or(number_hint);
    (Heading { title, number, kind }, i)
}

/// The 编制部门 / 单位 lines from `i` (possibly one line: `编制部门：X 单位：元`): the unit, who
/// compiled it, and the index after them.
pub(super) fn read_meta(lines: &[Line], mut i: usize) -> (Option<Unit>, Option<String>, usize) {
    let mut unit = None;
    let mut compiled_by = None;
    while i < lines.len() {
        let l = &lines[i];
        let c = l.compact();
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !is_meta(&c) {
            break;
        }
        for part in l.text.split(['\t']).flat_map(|p| p.split("  ")) {
            let pc = compact(part);
            if let Some(pos) = pc.find("单位") {
                if let Some(u) = Unit::parse(&pc[pos..]) {
                    unit = Some(u);
                    if pos > 0 && is_meta(&pc[..pos]) {
                        compiled_by = Some(strip_label(&pc[..pos]));
                    }
                    continue;
                }
            }
            // A form's 填报日期 is when it was filled in, not who compiled it.
            let date = pc.starts_with("填报日期") || pc.starts_with("申报日期");
            if is_meta(&pc) && !pc.is_empty() && !date {
                compiled_by = Some(strip_label(&pc));
            }
        }
        i += 1;
    }
    (unit, compiled_by, i)
}

/// Where the heading of the table whose title is at `start` ends: after its title (a bare label
/// over its named title is one heading) and its 编制 lines. No other block starts inside it.
pub(super) fn heading_end(lines: &[Line], start: usize) -> usize {
    let (_, i) = read_heading(lines, start);
    read_meta(lines, i).2
}

fn strip_label(s: &str) -> String {
    let s = s.trim();
    match s.find(['：', ':']) {
        Some(p) => s[p..].trim_start_matches(['：', ':']).trim().to_string(),
        None => s.to_string(),
    }
}



fn has_year(s: &str) -> bool {
    let d: Vec<char> = s.chars().collect();
    d.windows(5).any(|w| w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
}
