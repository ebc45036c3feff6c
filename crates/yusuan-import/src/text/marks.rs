//! What a line of extracted text is, before any parser reads it: a table's title (the line that
//! starts a table block: asked by [`super::segment`] only), a table's 编制部门/单位 lines, a
//! cell's value; and what a table's line is: data, a total, a note, an enumerated label.

use crate::Line;
use yusuan_domain::{parse_amount, Cell};

pub(super) use yusuan_domain::compact;

/// A table's title is one short line: a longer line that ends in 表 is a sentence about a table.
pub(super) const TITLE_MAX_CHARS: usize = 60;

/// A subtitle, a header line of a table printed without cells, or a fragment of a wrapped row
/// label is short; a longer line is prose or data.
pub(super) const FRAGMENT_MAX_CHARS: usize = 30;

/// Whether a line (compacted) is short enough to be a subtitle, a header line or a label's
/// fragment ([`FRAGMENT_MAX_CHARS`]).
pub(super) fn is_fragment(compact: &str) -> bool {
    compact.chars().count() <= FRAGMENT_MAX_CHARS
}

/// Labels that open a table's 编制 line: who compiled it, its unit, when it was filled in.
const META_LABELS: [&str; 10] = [
    "编制部门",
    "编制单位",
    "部门名称：",
    "部门名称:",
    "部门：",
    "部门:",
    "单位：",
    "单位:",
    "填报日期",
    "申报日期",
];

/// A table's 编制部门 / 部门名称 / 单位 / 填报日期 line, or any short line that ends by naming
/// its unit (`江苏省人大常委会办公厅 单位：万元`).
pub(super) fn is_meta(compact: &str) -> bool {
    META_LABELS.iter().any(|l| compact.starts_with(l))
        || (compact.chars().count() <= TITLE_MAX_CHARS && ends_with_unit(compact))
        || is_unit_label(compact)
}

/// A unit's label alone, its value wrapped onto the next line (`金额单位` / `万元`).
fn is_unit_label(compact: &str) -> bool {
    matches!(
        compact.trim_end_matches(['：', ':']),
        "单位" | "金额单位" | "计量单位"
    )
}

/// Whether a line (compacted) ends with `单位：元` / `单位:万元` / `（单位：万元）`.
pub(super) fn ends_with_unit(compact: &str) -> bool {
    compact
        .rfind("单位")
        .is_some_and(|p| yusuan_domain::Unit::parse(&compact[p..]).is_some())
}

/// A part heading of the document is one short line (`第三部分 2019年度部门预算情况说明`).
pub(super) const DOCUMENT_PART_MAX_CHARS: usize = 40;

/// Whether a line (compacted) is a part heading of the document (`第二部分 …预算表`, `第三部分
/// …说明`): `第`, a number, `部分`, a few words, no sentence. It ends whatever block is before it
/// and is never a table's title or row.
pub(super) fn is_document_part(compact: &str) -> bool {
    let Some(rest) = compact.strip_prefix('第') else {
        return false;
    };
    let digits = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十0123456789".contains(*c))
        .count();
    digits > 0
        && rest
            .chars()
            .skip(digits)
            .collect::<String>()
            .starts_with("部分")
        && compact.chars().count() <= DOCUMENT_PART_MAX_CHARS
        && !compact.ends_with('。')
}

/// Whether a line names the whole set of tables, not one table of it: `省级部门预算公开报表` over
/// `部门：X` on a cover, or the rest of a part heading wrapped above the first table's own title
/// (`第二部分中共…` / `…2024年度部门决算表` / `收入支出决算总表`).
fn names_the_set(compact: &str) -> bool {
    compact.ends_with("公开报表")
        || compact.ends_with("公开表")
        || (compact.contains("年度")
            && (compact.ends_with("部门预算表")
                || compact.ends_with("部门决算表")
                || compact.ends_with("单位预算表")))
}

/// The longest piece of a title wrapped onto a line of its own (`财政拨款政府性基金支出预算` /
/// `表`, `…培训费支出预` / `算表`).
const TITLE_TAIL_MAX_CHARS: usize = 3;

/// When the title at line `i` is wrapped, the line holding its last piece: the next line with
/// text, short, not tabular, which completes a line that does not end as a title into one that
/// does.
pub(super) fn title_tail(lines: &[Line], i: usize) -> Option<usize> {
    let c = lines[i].compact();
    if lines[i].is_tabular() || ends_as_title(&c) || c.chars().count() > TITLE_MAX_CHARS {
        return None;
    }
    let t = (i + 1..lines.len()).find(|&k| !lines[k].is_blank())?;
    let tail = lines[t].compact();
    (!lines[t].is_tabular()
        && tail.chars().count() <= TITLE_TAIL_MAX_CHARS
        && !is_meta(&tail)
        && ends_as_title(&format!("{c}{tail}")))
    .then_some(t)
}

/// Whether line `i` is the last piece of a title wrapped from the line above it.
fn is_title_tail(lines: &[Line], i: usize) -> bool {
    (0..i)
        .rev()
        .find(|&k| !lines[k].is_blank())
        .is_some_and(|k| title_tail(lines, k) == Some(i))
}

/// The number a table label prints (`公开05表` → 5, `公开表十一` → 11, `附表3` → 3), when the
/// line is a label that names no table.
pub(super) fn bare_label_number(title: &str) -> Option<u32> {
    let c = compact(title);
    let rest = ["公开", "部门预算", "预算公开", "附表", "表"]
        .iter()
        .find_map(|p| c.strip_prefix(p))
        .unwrap_or(&c);
    let rest = rest.trim_start_matches('表').trim_end_matches('表');
    if !rest.is_empty() && rest.chars().all(|ch| ch.is_ascii_digit()) {
        rest.parse().ok()
    } else {
        chinese_number(rest)
    }
}

/// A number written in Chinese numerals up to 99 (`五`, `十一`, `二十三`).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|p| p as u32 / 3 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

pub(super) fn is_bare_label(title: &str) -> bool {
    bare_label_number(title).is_some()
}
/// Whether line `i` is a table title: a short line ending in 表 followed by 编制部门/单位 lines.
pub(super) fn is_title(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    if line.is_tabular() {
        return false;
    }
    let mut c = line.compact();
    if is_document_part(&c) || is_title_tail(lines, i) {
        return false;
    }
    let mut after = i + 1;
    if let Some(t) = title_tail(lines, i) {
        c.push_str(&lines[t].compact());
        after = t + 1;
    }
    if names_the_set(&c) {
        return false;
    }
    // A label (`公开05表`, `表5`) over the table's named title numbers it.
    let numbered = title_number(&line.text).is_some() || is_bare_label(&c);
    if c.chars().count() > TITLE_MAX_CHARS || !(numbered || ends_as_title(&c)) {
        return false;
    }
    lines[after..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(4)
        .any(|l| is_meta(&l.compact()))
        || heads_a_grid(&lines[after..])
}

/// The most header lines a table prints over its first row of data.
const HEADER_LINES_MAX: usize = 4; // layout

/// The most short lines (a subtitle `按功能分类`, a label `公开05表`) a title prints over its grid.
const SUBTITLE_LINES_MAX: usize = 2; // layout

/// Whether the lines under a title are a table printed without its 编制 lines (no unit, no
/// 编制部门): after at most a subtitle or two, a header of cells, then a row of data within a
/// few lines.
fn heads_a_grid(lines: &[Line]) -> bool {
    let mut rest = lines.iter().filter(|l| !l.is_blank()).peekable();
    for _ in 0..SUBTITLE_LINES_MAX {
        match rest.peek() {
            Some(l) if !l.is_tabular() && is_fragment(&l.compact()) && !l.text.contains('。') => {
                rest.next();
            }
            _ => break,
        }
    }
    let Some(first) = rest.next() else {
        return false;
    };
    if !first.is_tabular() || is_data(&first.cells) {
        return false;
    }
    // A row of data within a few lines; or, the table empty, its note under the header
    // (`说明：本单位无政府性基金预算支出。`).
    for l in rest.take(HEADER_LINES_MAX) {
        if !l.is_tabular() {
            return is_note(&l.compact());
        }
        if is_data(&l.cells) {
            return true;
        }
    }
    false
}

/// Whether a line (compacted) ends as a table's title does: in 表, possibly followed by a
/// qualifier in brackets (`财政拨款支出预算表（功能科目）`, `…预算表(单位：万元)`).
pub(super) fn ends_as_title(c: &str) -> bool {
    let base = match c.strip_suffix('）').or_else(|| c.strip_suffix(')')) {
        Some(inner) => inner.rfind(['（', '(']).map_or(inner, |p| &inner[..p]),
        None => c,
    };
    base.ends_with('表')
}

/// A cell's value as printed: blank, an exact amount, or words.
pub(super) fn cell(text: &str) -> Cell {
    let t = text.trim();
    if t.is_empty() {
        Cell::Blank
    } else if let Ok(value) = parse_amount(t) {
        Cell::Amount {
            value,
            printed: t.to_string(),
        }
    } else {
        Cell::Text {
            text: t.to_string(),
        }
    }
}

/// The number of a table printed in its title (`表 5-1. …` → `5-1`).
pub(super) fn title_number(title: &str) -> Option<String> {
    let t = compact(title);
    let rest = t.strip_prefix('表')?;
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '-'))?;
    let (num, after) = rest.split_at(end);
    (!num.is_empty()
        && (after.starts_with('.') || after.starts_with('．') || after.starts_with('、')))
    .then(|| num.to_string())
}

pub(super) fn is_total_label(s: &str) -> bool {
    let c = compact(s);
    c.ends_with("合计") || c.ends_with("总计")
}

pub(super) fn is_code_like(s: &str) -> bool {
    let c = compact(s);
    matches!(c.len(), 3 | 5 | 7) && c.chars().all(|c| c.is_ascii_digit())
}

/// A data row has an amount, or starts with a code, or is a total row with nothing else in it.
pub(super) fn is_data(cells: &[String]) -> bool {
    let first = cells.first().map(String::as_str).unwrap_or("");
    cells
        .iter()
        .any(|c| parse_amount(c).is_ok() && !is_code_like(c))
        || is_code_like(first)
        || (is_total_label(first) && cells[1..].iter().all(|c| c.trim().is_empty()))
}

/// A table's note: `注：…`, `说明…`, `…故本表为空表`, `本单位2024年无国有资本经营预算…的预算`.
pub(super) fn is_note(c: &str) -> bool {
    let no_data = (c.starts_with("本部门") || c.starts_with("本单位"))
        && c.contains('无')
        && c.contains("预算");
    c.starts_with("说明") || c.starts_with("注") || c.contains("空表") || no_data
}

/// Whether a line starts with an item number (`一、`, `1、`, `1.`, `（一）`): a row label, never a
/// header.
pub(super) fn is_enumerated(c: &str) -> bool {
    let body = c.trim_start_matches(|ch: char| {
        ch.is_ascii_digit() || "一二三四五六七八九十（(".contains(ch)
    });
    body.len() < c.len() && body.starts_with(['、', '.', '．', '）', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_titles() {
        // check(input, expect)
        for (title, expect) in [
            ("表 5-1. 一般公共预算支出表", Some("5-1")),
            ("表13、资产配置预算表", Some("13")),
            ("2026年部门收入预算总表", None),
            ("表格说明", None),
        ] {
            assert_eq!(title_number(title).as_deref(), expect, "{title}");
        }
    }

    #[test]
    fn titles_end_in_their_table() {
        // check(input, expect): a qualifier in brackets may follow 表.
        for (line, expect) in [
            ("财政拨款支出预算表（功能科目）", true),
            ("收支预算总表", true),
            ("政府采购预算表(万元)", true),
            ("公开表五", false),
            ("支出（功能科目）", false),
            ("合计（万元）", false),
        ] {
            assert_eq!(ends_as_title(line), expect, "{line}");
        }
    }

    #[test]
    fn fragments_are_short() {
        // check(input, expect)
        for (line, expect) in [
            ("收支总体情况表", true),
            ("财政拨款支出", true),
            (&"一".repeat(30) as &str, true),
            (&"一".repeat(31) as &str, false),
        ] {
            assert_eq!(is_fragment(line), expect, "{line}");
        }
    }

    #[test]
    fn cells_as_printed() {
        assert_eq!(cell("  "), Cell::Blank);
        assert!(matches!(cell("1,234.50"), Cell::Amount { .. }));
        assert!(matches!(cell("行政运行"), Cell::Text { .. }));
    }
}

#[cfg(test)]
mod document_part_tests {
    use super::*;

    #[test]
    fn a_part_heading_is_a_short_numbered_line() {
        // check(input, expect)
        let check = |input: &str, expect: bool| {
            assert_eq!(is_document_part(&compact(input)), expect, "{input}")
        };
        check("第二部分 2019年度部门预算表", true);
        check("第三部分 2019年度部门预算情况说明", true);
        check("第10部分 附表", true);
        check("第一部分部门概况", true);
        check("第三部分", true);
        check("第二批项目支出预算表", false);
        assert!(
            names_the_set("江苏省2018年度省级部门预算公开报表")
                && names_the_set("部门预算公开表")
                && !names_the_set("收支预算总表")
        );
        check(
            "第二部分内容详见附表，本部门2019年度收入预算总计27664.22万元。",
            false,
        );
        check(
            &format!("第二部分{}", "说".repeat(DOCUMENT_PART_MAX_CHARS - 4)),
            true,
        );
        check(
            &format!("第二部分{}", "说".repeat(DOCUMENT_PART_MAX_CHARS - 3)),
            false,
        );
    }
}
