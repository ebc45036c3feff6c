//! A table's heading: its title (a bare label such as `公开05表` over its named title is one
//! heading with it), number and kind, then its 编制部门 / 单位 lines. Read by the table parser,
//! and by [`super::segment`] to know where a table's block may next be cut.

use super::marks::{
    bare_label_number, compact, ends_as_title, is_bare_label, is_fragment, is_meta, title_number,
    title_tail,
};
use crate::Line;
use yusuan_domain::{Column, Location, Row, Table, TableKind, Unit};

/// A table's title block: its title (the dated or named line when a bare label like `公开05表`
/// or `部门预算02表` is printed above it), number, and kind (from the title, else the subtitle).
pub(super) struct Heading {
    pub(super) title: String,
    pub(super) number: Option<String>,
    pub(super) kind: TableKind,
}

impl Heading {
    /// The table under this heading, in `unit`, compiled by `compiled_by`, with its columns, rows
    /// and closing note; `location` is its title line's.
    pub(super) fn into_table(
        self,
        unit: Unit,
        compiled_by: Option<String>,
        columns: Vec<Column>,
        rows: Vec<Row>,
        note: Option<String>,
        location: Location,
    ) -> Table {
        Table {
            title: self.title,
            number: self.number,
            kind: self.kind,
            unit,
            compiled_by,
            columns,
            rows,
            note,
            location,
        }
    }
}

/// Reads the title block at `start` (Hubei prints `表 1. …年收支总表` then a subtitle,
/// `收支总体情况表`, before the 部门 line); returns it and the index after it.
pub(super) fn read_heading(lines: &[Line], start: usize) -> (Heading, usize) {
    let mut title = lines[start].text.trim().to_string();
    let mut i = start + 1;
    if let Some(t) = title_tail(lines, start) {
        title.push_str(lines[t].text.trim());
        i = t + 1;
    }
    let mut subtitle = String::new();
    // The subtitle as printed (a named title under a bare label), its wrapped end joined.
    let mut subtitle_text = String::new();
    if let Some(k) = (i..lines.len()).find(|&k| !lines[k].is_blank()) {
        let mut c = lines[k].compact();
        let mut text = lines[k].text.trim().to_string();
        let mut last = k;
        if let Some(t) = title_tail(lines, k) {
            c.push_str(&lines[t].compact());
            text.push_str(lines[t].text.trim());
            last = t;
        }
        let mut after = lines[last + 1..].iter().filter(|l| !l.is_blank());
        // Its 编制 lines follow; or, printed without them, its header of cells straight away.
        let next_is_grid = after.clone().next().is_some_and(Line::is_tabular);
        let meta_follows = after.by_ref().take(2).any(|l| is_meta(&l.compact()));
        if !lines[k].is_tabular()
            && !is_meta(&c)
            && is_fragment(&c)
            && !c.contains('。')
            && (meta_follows || next_is_grid || (is_bare_label(&title) && ends_as_title(&c)))
        {
            subtitle = c;
            subtitle_text = text;
            i = last + 1;
        }
    }
    // `部门预算02表` printed above `2024年部门收入预算总表`: the dated line is the title; so is
    // the named line under a bare label (`公开05表` over `财政拨款支出预算表`).
    // A label printed under its title (`财政拨款支出预算表（功能科目）` over `公开表五`) numbers it.
    let (title, subtitle, number_hint) = if !subtitle.is_empty()
        && ((has_year(&subtitle) && !has_year(&title)) || is_bare_label(&title))
    {
        let digits: String = title.chars().filter(|c| c.is_ascii_digit()).collect();
        let hint = bare_label_number(&title)
            .map(|n| n.to_string())
            .or_else(|| Some(digits.trim_start_matches('0').to_string()).filter(|h| !h.is_empty()));
        (subtitle_text, title, hint)
    } else {
        let hint = bare_label_number(&subtitle).map(|n| n.to_string());
        (title, subtitle, hint)
    };
    let kind = match TableKind::from_title(&title) {
        TableKind::Other => TableKind::from_title(&subtitle),
        k => k,
    };
    let number = title_number(&title).or(number_hint);
    (
        Heading {
            title,
            number,
            kind,
        },
        i,
    )
}

/// The 编制部门 / 单位 lines from `i` (possibly one line: `编制部门：X 单位：元`): the unit, who
/// compiled it, and the index after them.
pub(super) fn read_meta(lines: &[Line], mut i: usize) -> (Option<Unit>, Option<String>, usize) {
    let mut unit = None;
    let mut compiled_by: Option<String> = None;
    let mut named_at: Option<usize> = None;
    while i < lines.len() {
        let l = &lines[i];
        let c = l.compact();
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !is_meta(&c) {
            // `部门名称：江苏省人大` / `单位:万元` / `常委会办公厅`: the department's name wrapped
            // under its label, printed where the label starts.
            match (named_at, compiled_by.as_mut()) {
                (Some(at), Some(name)) if continues_name(&lines[at], l) => {
                    name.push_str(&c);
                    named_at = None;
                    i += 1;
                    continue;
                }
                _ => break,
            }
        }
        // Where a unit wrapped onto the next line (`单位：万` / `元`) ends: that line.
        let mut wrapped_to = None;
        for part in l.text.split(['\t']).flat_map(|p| p.split("  ")) {
            let pc = compact(part);
            if let Some(pos) = pc.find("单位") {
                let own = Unit::parse(&pc[pos..]);
                let rest = own.is_none().then(|| wrapped_unit(lines, i + 1)).flatten();
                let joined = rest
                    .as_ref()
                    .and_then(|(r, _)| Unit::parse(&format!("{}{r}", &pc[pos..])));
                if let Some(u) = own.or(joined) {
                    unit = Some(u);
                    if joined.is_some() {
                        wrapped_to = rest.map(|(_, at)| at);
                    }
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
                named_at = Some(i);
            }
        }
        // The unit's last piece was read with it.
        i = wrapped_to.unwrap_or(i) + 1;
    }
    (unit, compiled_by, i)
}

/// The rest of a unit wrapped onto the next line (`元`, `万元`, `元）`): the next non-blank line
/// when it holds nothing else; its text and index.
fn wrapped_unit(lines: &[Line], from: usize) -> Option<(String, usize)> {
    let at = (from..lines.len()).find(|&j| !lines[j].is_blank())?;
    let c = lines[at].compact();
    let piece = c.trim_end_matches(['）', ')']);
    (!piece.is_empty() && "万元".ends_with(piece)).then_some((c, at))
}

/// Where the heading of the table whose title is at `start` ends: after its title (a bare label
/// over its named title is one heading) and its 编制 lines. No other block starts inside it.
pub(super) fn heading_end(lines: &[Line], start: usize) -> usize {
    let (_, i) = read_heading(lines, start);
    read_meta(lines, i).2
}

/// The longest department name piece printed on a line of its own under its label.
const NAME_PIECE_MAX_CHARS: usize = 20;

/// How far (points) a wrapped name's piece may start from its label's start.
const NAME_ALIGN_PT: f32 = 3.0; // layout

/// Whether `line` is the rest of the department name printed on `named` (`部门名称：江苏省人大`):
/// one short piece of words, no figure, starting where the label starts on the page. Only a PDF's
/// positions can tell; a plain text's line is never taken.
fn continues_name(named: &Line, line: &Line) -> bool {
    let c = line.compact();
    let starts = |l: &Line| l.spans.first().map(|s| s.0);
    !line.is_tabular()
        && c.chars().count() <= NAME_PIECE_MAX_CHARS
        && !c.chars().any(|ch| ch.is_ascii_digit())
        && matches!((starts(named), starts(line)), (Some(a), Some(b)) if (a - b).abs() <= NAME_ALIGN_PT)
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
    d.windows(5)
        .any(|w| w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_wrapped_over_two_lines_is_one_unit() {
        // check(input, expect): issue 23, class 3 — `单位：万` / `元` is 万元, the `元` line is
        // the heading's, not a row; a whole unit on one line is read as before.
        for (text, unit, next) in [
            (
                "部门名称：某局\t单位：万\n元\n项目\t金额",
                Some(Unit::WanYuan),
                2,
            ),
            ("单位：\n万元\n项目\t金额", Some(Unit::WanYuan), 2),
            ("单位：万元\n元\t1.00", Some(Unit::WanYuan), 1),
            ("单位：元\n项目\t金额", Some(Unit::Yuan), 1),
        ] {
            let lines = crate::lines::split_lines(text);
            let (u, _, i) = read_meta(&lines, 0);
            assert_eq!((u, i), (unit, next), "{text}");
        }
        let doc = crate::import_text(
            "t.txt",
            "2026年部门收入预算总表\n部门名称：某局\t单位：万\n元\n项目\t金额\n合计\t160.00\n一般公共预算\t160.00\n".as_bytes(),
        )
        .unwrap()
        .document;
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].unit, Unit::WanYuan);
        assert_eq!(doc.tables[0].rows.len(), 2, "{:?}", doc.tables[0].rows);
        assert!(doc.assumed_units.is_empty());
        // No unit printed at all: read as 元, and the document says the unit was assumed.
        let doc = crate::import_text(
            "t.txt",
            "2026年部门收入预算总表\n部门名称：某局\n项目\t金额\n合计\t160.00\n一般公共预算\t160.00\n".as_bytes(),
        )
        .unwrap()
        .document;
        assert_eq!(doc.tables[0].unit, Unit::Yuan);
        assert_eq!(doc.assumed_units, [doc.tables[0].title.clone()]);
    }

    #[test]
    fn labels_number_their_tables() {
        // check(input, expect)
        for (label, expect) in [
            ("公开05表", Some(5)),
            ("公开 12 表", Some(12)),
            ("公开表五", Some(5)),
            ("公开表十一", Some(11)),
            ("公开表十", Some(10)),
            ("公开表二十三", Some(23)),
            ("附表3", Some(3)),
            ("部门预算02表", Some(2)),
            ("收支预算总表", None),
            ("公开表", None),
        ] {
            assert_eq!(bare_label_number(label), expect, "{label}");
        }
    }
}
