//! Cutting a document's body into blocks, once: each table (its title, 编制 lines and what
//! follows up to the next block), each 绩效目标 form, and the text between them. This is the one
//! place that decides where a block starts; the parsers of tables, grids and forms are handed
//! their own block's lines only and cannot read into the next one. What a parser leaves of its
//! block (prose printed after a table's last row) is text, read by the narrative.

use super::marks::{is_document_part, is_title};
use crate::Line;
use std::ops::Range;

/// What a block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlockKind {
    /// A table: its heading first.
    Table,
    /// A 财政项目支出绩效目标申报表: its title line first.
    Form,
    /// Narrative text (sections, project descriptions).
    Text,
}

/// One block of the body: its kind, its lines, and what comes after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    /// The kind of the block that follows (none at the end of the document): a table's last
    /// label-only lines are its rows when another table follows straight after them.
    pub next: Option<BlockKind>,
}

/// What starts a block at line `i`, if anything: a form's title, a table's title (a short
/// line ending in 表 over 编制部门 / 单位 lines), or a part heading of the document (`第三部分
/// …`), which starts text whatever block was before it.
pub(super) fn starts_block(lines: &[Line], i: usize) -> Option<BlockKind> {
    if lines[i].is_blank() {
        None
    } else if is_document_part(&lines[i].compact()) {
        Some(BlockKind::Text)
    } else if super::form::is_start(lines, i) {
        Some(BlockKind::Form)
    } else if starts_table(lines, i) {
        Some(BlockKind::Table)
    } else {
        None
    }
}

/// Whether a table's title is at line `i` (the cover ends before the first table of a document
/// printed without a contents page).
pub(super) fn starts_table(lines: &[Line], i: usize) -> bool {
    !lines[i].is_blank() && is_title(lines, i)
}

/// How far under a title the 目录 lists its table's first row of data may be printed.
const LISTED_DATA_WITHIN: usize = 16; // layout

/// Whether line `i` is the title of a table the 目录 lists (`listed`: those titles, compacted),
/// printed as the 目录 prints it (after its number, if any) with a row of data under it —
/// however its 编制 lines and header are laid out.
fn listed_title(lines: &[Line], i: usize, listed: &[String]) -> bool {
    let line = &lines[i];
    if line.is_blank() || line.is_tabular() {
        return false;
    }
    let c = line.compact();
    // Past its number (`2.`, `二、`), when it prints one.
    let number = c
        .char_indices()
        .find(|(_, ch)| !"一二三四五六七八九十0123456789".contains(*ch))
        .filter(|&(at, ch)| at > 0 && "、.．".contains(ch))
        .map_or(0, |(at, ch)| at + ch.len_utf8());
    let title = &c[number..];
    // Up to the next table's title: its rows are not this one's.
    listed.iter().any(|t| t == title || *t == c)
        && (i + 1..lines.len())
            .filter(|&k| !lines[k].is_blank())
            .take(LISTED_DATA_WITHIN)
            .take_while(|&k| !starts_table(lines, k))
            .any(|k| prints_data(&lines[k]))
}

/// Whether a line prints a row of data however its cells are set — by tabs, or by spaces in a
/// text without them (`208 05 01 行政单位离退休 63,240 63,240`) — or a table's note that it is
/// empty (`本部门无政府性基金预算`).
fn prints_data(l: &Line) -> bool {
    use super::marks::{is_code_like, is_data, is_note};
    let c = l.compact();
    if c.contains('。') && !is_note(&c) {
        return false;
    }
    (l.is_tabular() && is_data(&l.cells))
        || l.text
            .split_whitespace()
            .any(|t| yusuan_domain::parse_amount(t).is_ok() && !is_code_like(t) && t.len() > 1)
        || is_note(&c)
}

/// Cuts the lines from `from` (after the cover and contents) into blocks, in order. A table's
/// heading (a bare label over its named title, then its 编制 lines) is one with its table: no
/// block starts inside it. `listed`: the titles of the tables the 目录 lists (compacted); the
/// line printing one of them over rows of data starts a table, even where nothing else marks it.
pub(super) fn cut(lines: &[Line], from: usize, listed: &[String]) -> Vec<Block> {
    let mut starts: Vec<(usize, BlockKind)> = Vec::new();
    let mut i = from;
    while i < lines.len() {
        let start = starts_block(lines, i)
            .or_else(|| listed_title(lines, i, listed).then_some(BlockKind::Table));
        match start {
            Some(kind) => {
                starts.push((i, kind));
                i = if kind == BlockKind::Table {
                    super::heading::heading_end(lines, i)
                } else {
                    i + 1
                };
            }
            None => i += 1,
        }
    }
    let mut blocks = Vec::new();
    let mut at = from;
    for (k, &(start, kind)) in starts.iter().enumerate() {
        if start > at {
            blocks.push(Block {
                kind: BlockKind::Text,
                range: at..start,
                next: Some(kind),
            });
        }
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        blocks.push(Block {
            kind,
            range: start..end,
            next: starts.get(k + 1).map(|s| s.1),
        });
        at = end;
    }
    if at < lines.len() {
        blocks.push(Block {
            kind: BlockKind::Text,
            range: at..lines.len(),
            next: None,
        });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        crate::lines::split_lines(text)
    }

    fn kinds(text: &str) -> Vec<(BlockKind, Range<usize>, Option<BlockKind>)> {
        cut(&lines(text), 0, &[])
            .into_iter()
            .map(|b| (b.kind, b.range, b.next))
            .collect()
    }

    #[test]
    fn blocks_in_order() {
        use BlockKind::*;
        // check(input, expect): a section, two tables, the text after the last one.
        let text = "一、主要职能\n负责全市工作。\n收入预算总表\n编制部门：某局\t单位：元\n项目\t金额\n合计\t1.00\n支出预算总表\n单位：元\n项目\t金额\n合计\t1.00\n二、名词解释\n说明文字。";
        assert_eq!(
            kinds(text),
            vec![
                (Text, 0..2, Some(Table)),
                (Table, 2..6, Some(Table)),
                (Table, 6..12, None)
            ]
        );
        // No title: one text block.
        assert_eq!(
            kinds("一、主要职能\n负责全市工作。"),
            vec![(Text, 0..2, None)]
        );
    }

    #[test]
    fn a_part_heading_ends_the_table_before_it() {
        use BlockKind::*;
        // check(input, expect): the part heading and the text under it are not rows of the table.
        let text = "支出预算总表\n单位：万元\n项目\t金额\n合计\t1.00\n第三部分 2019年度部门预算情况说明\n一、收支预算总体情况说明\n收入预算总计1.00万元。";
        assert_eq!(
            kinds(text),
            vec![(Table, 0..4, Some(Text)), (Text, 4..7, None)]
        );
    }

    #[test]
    fn a_label_over_its_title_is_one_heading() {
        use BlockKind::*;
        // `公开05表` over `财政拨款支出预算表`: both look like titles; one table starts.
        let text =
            "公开05表\n财政拨款支出预算表\n编制部门：某局\n单位：万元\n项目\t金额\n合计\t1.00";
        assert_eq!(kinds(text), vec![(Table, 0..6, None)]);
    }

    #[test]
    fn headings_of_unseen_layouts_start_tables() {
        use BlockKind::*;
        // check(input, expect): `部门名称：X⇥单位：万元` under the title (issue 23, class 1).
        let text = "说明。\n公开02表\n收入预算总表\n部门名称：某办公厅\t单位：万元\n项目名称\t金额\n收入总计\t1.00";
        assert_eq!(
            kinds(text),
            vec![(Text, 0..1, Some(Table)), (Table, 1..6, None)]
        );
        // A title wrapped over two lines (class 2): one table, not a table titled `算表`.
        let text = "“三公”经费、会议费、培训费支出预\n算表\n部门：某局\t单位：万元\n合计\t1.00";
        assert_eq!(kinds(text), vec![(Table, 0..4, None)]);
        // A title with its qualifier in brackets, its label printed under it (`公开表五`).
        let text = "财政拨款支出预算表（功能科目）\n公开表五\n部门：\t某局\t单位：万元\n合计\t1.00";
        assert_eq!(kinds(text), vec![(Table, 0..4, None)]);
        // The rest of a part heading wrapped above the first table is not that table's title.
        let text = "第二部分某局\n2024年度部门决算表\n收入支出决算总表\n单位：万元\n合计\t1.00";
        assert_eq!(
            kinds(text),
            vec![(Text, 0..2, Some(Table)), (Table, 2..5, None)]
        );
        // A short last line of a table's rows over the next table's title is not joined to it.
        let text =
            "收入预算总表\n单位：万元\n合计\t1.00\n结转资金\n支出预算总表\n单位：万元\n合计\t1.00";
        assert_eq!(
            kinds(text),
            vec![(Table, 0..4, Some(Table)), (Table, 4..7, None)]
        );
    }

    #[test]
    fn a_table_printed_without_its_unit_line_starts_a_block() {
        use BlockKind::*;
        // check(input, expect): a title straight over its header of cells and rows of data (no
        // 编制部门, no unit line) is a table, not text a reader would lose (`no budget tables`).
        let text = "说明。\n1. 2026年部门支出预算总表\n科目编码\t科目名称\t合计\n\t合计\t3.00\n201\t一般公共服务支出\t3.00";
        assert_eq!(
            kinds(text),
            vec![(Text, 0..1, Some(Table)), (Table, 1..5, None)]
        );
        // A sentence ending in 表 over prose, or over a grid without any data, is no table.
        let text = "详见下表\n本部门的收支情况如下。\n附表\n项目\t说明\n名称\t内容";
        assert_eq!(kinds(text), vec![(Text, 0..5, None)]);
    }

    #[test]
    fn forms_start_blocks() {
        use BlockKind::*;
        let text = "说明。\n财政项目支出绩效目标申报表\n项目名称\t某项目\n财政项目支出绩效目标申报表\n项目名称\t另一项目";
        assert_eq!(
            kinds(text),
            vec![
                (Text, 0..1, Some(Form)),
                (Form, 1..3, Some(Form)),
                (Form, 3..5, None)
            ]
        );
    }
}
