//! Narrative sections, project descriptions (seven parts) and the units of the department.

use super::form;
use crate::Line;
use yusuan_domain::{
    parse_amount, Amount, BudgetUnit, Document, ItemLevel, ItemisedAmount, Location, Paragraph,
    PerformanceForm, ProjectDescription, ProjectPart, ProjectPartKind, Section, SectionKind, Unit,
    UnitKind, Unrecognised,
};

/// What a heading line starts.
enum Heading {
    Section(SectionKind),
    Project(String),
    /// A container heading (`项目经费情况说明` alone, `第二部分 …预算表`): closes what is open.
    Projects,
}

/// A heading is one short line (`二、部门财务收支预算总体情况`): a longer line is a paragraph.
const HEADING_MAX_CHARS: usize = 50;

/// A project's part heading (`一、项目概述`) names the part in a few words; longer is a sentence.
const PART_HEADING_MAX_CHARS: usize = 20;

/// A line of full sentence before any heading opens narrative of its own when it is longer
/// than a caption (`说明：` notes and page furniture are shorter).
const SENTENCE_MIN_CHARS: usize = 20;

/// A unit listed in 机构设置 (`1.上海市某某中心`) is a name, not a sentence about one.
const UNIT_NAME_MAX_CHARS: usize = 40;

/// An itemised amount's label is its first clause, cut to what a column can show.
const ITEM_LABEL_MAX_CHARS: usize = 40;

fn heading(line: &Line) -> Option<Heading> {
    if line.is_tabular() {
        return None;
    }
    let c = line.compact();
    if c.chars().count() > HEADING_MAX_CHARS || c.ends_with('。') || c.ends_with('；') {
        return None;
    }
    // Strip a leading `七、` or `第一部分`.
    let stripped = c
        .trim_start_matches(|ch: char| "一二三四五六七八九十".contains(ch))
        .trim_start_matches('、');
    if let Some(rest) = c.strip_prefix('第').filter(|r| r.contains("部分")) {
        // Hubei's parts: 第一部分 概况 / 第二部分 预算表 / 第三部分 情况说明 / 第四部分 名词解释.
        return Some(if rest.ends_with("名词解释") {
            Heading::Section(SectionKind::Glossary)
        } else if rest.contains("情况说明") {
            Heading::Section(SectionKind::BudgetExplanation)
        } else if rest.ends_with("预算表") {
            Heading::Projects
        } else {
            Heading::Section(SectionKind::Other)
        });
    }
    let kind = if c.ends_with("主要职能") {
        SectionKind::Functions
    } else if c.ends_with("机构设置") {
        SectionKind::Organisation
    } else if c.ends_with("名词解释") {
        SectionKind::Glossary
    } else if c.ends_with("编制说明") {
        SectionKind::BudgetExplanation
    } else if c.ends_with("其他相关情况说明") {
        SectionKind::OtherExplanations
    } else if let Some(name) = c.strip_prefix("项目经费情况说明").and_then(|r| {
        r.strip_prefix(['（', '('])
            .and_then(|r| r.strip_suffix(['）', ')']))
    }) {
        return Some(Heading::Project(name.to_string()));
    } else if stripped == "项目经费情况说明" {
        return Some(Heading::Projects);
    } else if c.ends_with("经费情况说明") {
        let name = line.text.trim();
        let name = name
            .strip_suffix("经费情况说明")
            .unwrap_or(name)
            .trim()
            .to_string();
        return Some(Heading::Project(name));
    } else {
        return None;
    };
    Some(Heading::Section(kind))
}

fn part_heading(line: &Line) -> Option<ProjectPartKind> {
    let c = line.compact();
    let rest = c.trim_start_matches(|ch: char| "一二三四五六七八九十".contains(ch));
    if rest.len() == c.len() {
        return None;
    }
    let rest = rest.strip_prefix('、')?;
    if rest.chars().count() > PART_HEADING_MAX_CHARS || rest.ends_with('。') {
        return None;
    }
    Some(ProjectPartKind::from_heading(rest))
}

/// The kind of narrative section a heading line opens (`上海市某局（部门）主要职能`), as the reader
/// takes it; `None` when the line opens no section of its own.
pub fn section_kind(heading_text: &str) -> Option<SectionKind> {
    let line = crate::lines::split_lines(heading_text).into_iter().next()?;
    match heading(&line) {
        Some(Heading::Section(kind)) => Some(kind),
        _ => None,
    }
}

/// The narrative being read: the open section or project.
#[derive(Default)]
pub struct Body {
    section: Option<Section>,
    project: Option<ProjectDescription>,
    done_sections: Vec<Section>,
    done_projects: Vec<ProjectDescription>,
    /// After a `项目经费情况说明` heading: a part heading without a project title starts a
    /// project whose name the document does not print.
    in_projects: bool,
    /// Headings that turned out to head nothing.
    stray: Vec<Unrecognised>,
    /// The last part heading over the tables (`第二部分 2018年度部门预算表`), with where it was.
    tables_part: Option<(String, yusuan_domain::Location)>,
}

impl Body {
    /// Closes whatever is open (a table starts).
    pub fn close(&mut self) {
        if let Some(s) = self.section.take() {
            self.done_sections.push(s);
        }
        if let Some(p) = self.project.take() {
            if p.parts.is_empty() {
                // A project heading with nothing under it (a repeated page title).
                self.stray.push(Unrecognised {
                    text: format!("{}经费情况说明", p.name),
                    location: p.location,
                });
            } else {
                self.done_projects.push(p);
            }
        }
    }

    /// A performance form starts: a project heading with nothing under it yet is the heading of
    /// the forms that follow (`重点项目经费情况说明` over a collection of 绩效目标填报表), read as such.
    pub fn form_starts(&mut self) {
        if self.project.as_ref().is_some_and(|p| p.parts.is_empty()) {
            self.project = None;
        }
    }

    /// A part heading wrapped over two lines (`第三部分江苏省人大常委会办公厅` /
    /// `2017年度部门预算情况说明`): when `line` completes the part heading just opened (nothing
    /// under it yet) into one that names its part, the heading as one line.
    fn completed_part_heading(&self, line: &Line) -> Option<Line> {
        let open = self
            .section
            .as_ref()
            .filter(|s| s.paragraphs.is_empty() && s.kind == SectionKind::Other)?;
        let c = line.compact();
        if !super::marks::is_document_part(&super::marks::compact(&open.title))
            || line.is_tabular()
            || c.ends_with('。')
        {
            return None;
        }
        let text = format!("{}{}", open.title, line.text.trim());
        let joined = Line {
            location: open.location,
            cells: vec![text.clone()],
            text,
            spans: vec![],
            boxes: vec![],
        };
        matches!(
            heading(&joined),
            Some(Heading::Projects)
                | Some(Heading::Section(
                    SectionKind::Glossary | SectionKind::BudgetExplanation
                ))
        )
        .then_some(joined)
    }

    /// Opens what a heading line heads (a section, a project, the projects part); false when
    /// the line is no heading.
    fn open_heading(&mut self, line: &Line) -> bool {
        match heading(line) {
            Some(Heading::Section(kind)) => {
                self.close();
                self.in_projects = false;
                self.section = Some(Section {
                    kind,
                    title: line.text.trim().to_string(),
                    paragraphs: vec![],
                    location: line.location,
                });
                true
            }
            Some(Heading::Project(name)) => {
                self.close();
                self.project = Some(ProjectDescription {
                    name,
                    total: None,
                    total_printed: None,
                    parts: vec![],
                    location: line.location,
                });
                true
            }
            Some(Heading::Projects) => {
                self.close();
                self.in_projects = true;
                self.tables_part = Some((line.text.trim().to_string(), line.location));
                true
            }
            None => false,
        }
    }

    /// Reads a line inside a project description: a part heading opens a part, other text goes
    /// on the open part (or is unrecognised before the first).
    fn project_line(&mut self, line: &Line, text: String, doc: &mut Document) {
        let Some(p) = &mut self.project else {
            return;
        };
        // Only the seven parts open a part; other numbered lines (`一、社区工作者培训` inside
        // 实施方案) are text of the part they are in.
        if let Some(kind) =
            part_heading(line).filter(|k| *k != ProjectPartKind::Other || p.parts.is_empty())
        {
            p.parts.push(ProjectPart {
                kind,
                heading: text,
                text: String::new(),
                items: vec![],
                location: line.location,
                line_locations: vec![],
            });
            return;
        }
        match p.parts.last_mut() {
            Some(part) => {
                if !part.text.is_empty() {
                    part.text.push('\n');
                }
                part.text.push_str(&text);
                part.line_locations.push(line.location);
            }
            None => doc.unrecognised.push(Unrecognised {
                text,
                location: line.location,
            }),
        }
    }

    /// Reads one non-blank line that is not part of a table.
    pub fn line(&mut self, line: &Line, doc: &mut Document) {
        if let Some(joined) = self.completed_part_heading(line) {
            // The part heading opened an empty section: it is replaced by the whole heading.
            self.section = None;
            return self.line(&joined, doc);
        }
        if self.open_heading(line) {
            return;
        }
        let text = line.text.trim().to_string();
        if self.in_projects
            && self.project.is_none()
            && self.section.is_none()
            && part_heading(line) == Some(ProjectPartKind::Overview)
        {
            self.project = Some(ProjectDescription {
                name: "（未注明项目名称）".into(),
                total: None,
                total_printed: None,
                parts: vec![],
                location: line.location,
            });
        }
        if self.project.is_some() {
            self.project_line(line, text, doc);
            return;
        }
        if self.section.is_none()
            && self.project.is_none()
            && yusuan_domain::says_tables_attached(&text)
        {
            // The tables part of a narrative published apart from them (`2018年度部门预算公开表
            // 附后。` under `第二部分 …预算表`): a section of its own saying so.
            let (title, location) = self
                .tables_part
                .clone()
                .unwrap_or_else(|| (String::new(), line.location));
            self.section = Some(Section {
                kind: SectionKind::Other,
                title,
                paragraphs: vec![],
                location,
            });
        }
        if self.section.is_none()
            && self.project.is_none()
            && text.ends_with('。')
            && text.chars().count() > SENTENCE_MIN_CHARS
        {
            // Full sentences before any heading (a collection of project descriptions opens
            // with its 绩效 summary): narrative without a heading of its own.
            self.section = Some(Section {
                kind: SectionKind::Other,
                title: String::new(),
                paragraphs: vec![],
                location: line.location,
            });
        }
        if let Some(s) = &mut self.section {
            s.paragraphs.push(Paragraph {
                text,
                location: line.location,
            });
            return;
        }
        doc.unrecognised.push(Unrecognised {
            text,
            location: line.location,
        });
    }

    /// Moves everything read into the document, in printed order.
    pub fn close_into(mut self, doc: &mut Document) {
        self.close();
        doc.sections.extend(self.done_sections);
        doc.unrecognised.extend(self.stray);
        doc.projects.extend(self.done_projects);
        doc.sections.sort_by_key(|s| s.location.line);
        doc.projects.sort_by_key(|p| p.location.line);
    }
}

/// Reads the department's units from the 机构设置 section's numbered list.
pub fn read_units(doc: &mut Document) {
    let Some(sec) = doc.section(SectionKind::Organisation) else {
        return;
    };
    let mut units = Vec::new();
    for p in &sec.paragraphs {
        let t = p.text.trim();
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            continue;
        }
        let rest = t[digits..]
            .trim_start_matches(['.', '．', '、', ' '])
            .trim()
            .trim_end_matches(['。', '；', ';']);
        if rest.is_empty() || rest.contains('。') || rest.chars().count() > UNIT_NAME_MAX_CHARS {
            continue;
        }
        units.push(BudgetUnit {
            name: rest.to_string(),
            code: None,
            kind: UnitKind::Other,
        });
    }
    doc.units = units;
}

/// The first `number + 万元/元` in `text`, with the byte range it was printed in. `万` alone
/// counts when the number has decimals (`7.50万`), a way budget texts shorten 万元.
pub(crate) fn first_amount(text: &str) -> Option<(Amount, usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1.is_ascii_digit() {
            let start = chars[k].0;
            let mut j = k;
            while j < chars.len()
                && (chars[j].1.is_ascii_digit() || chars[j].1 == '.' || chars[j].1 == ',')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            let number = text[start..end].trim_end_matches('.');
            let tail = &text[end..];
            let gap = tail.len() - tail.trim_start().len();
            let tail = tail.trim_start();
            let unit = if tail.starts_with("万元") {
                Some((Unit::WanYuan, "万元".len()))
            } else if tail.starts_with('元') && !tail.starts_with("元/") {
                Some((Unit::Yuan, "元".len()))
            } else if tail.starts_with('万')
                && number.contains('.')
                && !tail[3..].starts_with(['人', '次', '份', '册', '件', '条', '户', '名', '个'])
            {
                Some((Unit::WanYuan, "万".len()))
            } else {
                None
            };
            if let (Some((unit, ulen)), Ok(value)) = (unit, parse_amount(number)) {
                return Some((Amount { value, unit }, start, end + gap + ulen));
            }
            k = j;
        } else {
            k += 1;
        }
    }
    None
}

/// A numbered line's marker: its level (1 for `1.` `1、`, 2 for `(1)` `（1）`) and the text
/// after it. Bullets (`- `, `• `) before the marker are dropped.
fn item_marker(line: &str) -> Option<(u8, &str)> {
    let t = line
        .trim()
        .trim_start_matches(['-', '•', '·', '*'])
        .trim_start();
    if let Some(rest) = t.strip_prefix(['(', '（']) {
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let after = &rest[digits..];
        if (1..=2).contains(&digits) {
            if let Some(r) = after.strip_prefix([')', '）']) {
                return Some((2, r.trim_start()));
            }
        }
        return None;
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = &t[digits..];
    let after = rest.trim_start_matches(['.', '．', '、']);
    if after.len() == rest.len() || after.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // `2026年…` or `3.5万元` is not a marker
    }
    Some((1, after.trim_start()))
}

/// What an itemised amount is for: the text before the amount, up to its first clause.
fn item_label(before: &str) -> String {
    let t = before
        .trim()
        .trim_end_matches(['：', ':', '，', ',', '约', '为', ' ']);
    let t = t
        .strip_suffix("共计")
        .or_else(|| t.strip_suffix("合计"))
        .unwrap_or(t)
        .trim_end_matches(['：', ':', '，', ',', ' ']);
    let t = t
        .strip_suffix("预计")
        .unwrap_or(t)
        .trim_end_matches(['：', ':', '，', ',', ' ']);
    let t = t
        .strip_suffix("费用为")
        .map(|x| format!("{x}费用"))
        .unwrap_or_else(|| t.to_string());
    let first_clause = t
        .split(['，', ',', '。', '；', '：', ':'])
        .next()
        .unwrap_or(&t)
        .trim()
        .to_string();
    let clause: String = first_clause.chars().take(ITEM_LABEL_MAX_CHARS).collect();
    clause
}

/// The stated total of a project: the amount of the 年度预算安排 part's opening lines
/// (`局级、处级干部体检费274.20万元，具体如下：`, `六、年度预算安排：64.705万元`), else an amount
/// right after 共计/合计/总计/预算资金… in the budget part, the overview, then any part.
fn stated_total(p: &ProjectDescription) -> Option<(Amount, String, Location)> {
    const KEYS: [&str; 6] = ["共计", "合计", "总计", "预算资金", "预算需求", "项目金额"];
    let budget = p.part(ProjectPartKind::Budget);
    if let Some(part) = budget {
        if let Some((a, s, e)) = first_amount(&part.heading) {
            return Some((a, part.heading[s..e].to_string(), part.location));
        }
        for (k, line) in part.text.lines().enumerate() {
            if item_marker(line).is_some() {
                break;
            }
            // One amount on the line: the total. Several (`第一季度用款计划15万元，第二季度…`)
            // itemise the year, and the document states no total.
            if let Some((a, s, e)) = first_amount(line) {
                if first_amount(&line[e..]).is_none() {
                    return Some((
                        a,
                        line[s..e].to_string(),
                        part.line_locations.get(k).copied().unwrap_or(part.location),
                    ));
                }
                break;
            }
        }
    }
    // Key words: the budget part's opening lines, the overview, the other parts, and only then
    // the budget's numbered items (there `共计24.00万元` usually sums one item's own costs; but
    // `（1）项目主要实施内容的预算需求：…共计约2829.55万元` states the whole).
    let order = budget
        .into_iter()
        .map(|b| (b, false))
        .chain(p.part(ProjectPartKind::Overview).map(|o| (o, true)))
        .chain(
            p.parts
                .iter()
                .filter(|x| !matches!(x.kind, ProjectPartKind::Budget | ProjectPartKind::Overview))
                .map(|x| (x, true)),
        )
        .chain(budget.map(|b| (b, true)));
    for (part, items_too) in order {
        for (k, line) in part.text.lines().enumerate() {
            if !items_too && item_marker(line).is_some() {
                break;
            }
            for key in KEYS {
                let Some(at) = line.find(key) else { continue };
                let after = &line[at + key.len()..];
                let skip = after.len() - after.trim_start_matches(['约', '为', '：', ':']).len();
                if let Some((a, 0, e)) = first_amount(&after[skip..]) {
                    let printed = after[skip..skip + e].to_string();
                    return Some((
                        a,
                        printed,
                        part.line_locations.get(k).copied().unwrap_or(part.location),
                    ));
                }
            }
        }
    }
    None
}

/// Reads the amounts a project's 年度预算安排 itemises (`1.干部探望慰问6.00万元：…`, with
/// `(1)` sub-items) and its stated total.
pub fn read_project_amounts(doc: &mut Document) {
    for p in &mut doc.projects {
        if let Some((a, printed, location)) = stated_total(p) {
            p.total = Some(a);
            p.total_printed = Some((printed, location));
        }
        for part in &mut p.parts {
            if part.kind != ProjectPartKind::Budget {
                continue;
            }
            let lines: Vec<&str> = part.text.lines().collect();
            let mut seen_top = false;
            let mut k = 0;
            while k < lines.len() {
                let Some((marker_level, rest)) = item_marker(lines[k]) else {
                    k += 1;
                    continue;
                };
                // `(1)` is a sub-item when it follows a numbered item, else a top-level item.
                let level = if marker_level == 2 && seen_top {
                    ItemLevel::SubItem
                } else {
                    ItemLevel::Item
                };
                seen_top |= marker_level == 1;
                // An item wrapped over lines: its amount may be on the next unnumbered line.
                let mut text = rest.to_string();
                let mut starts = vec![(0, k)]; // (byte offset in `text`, line index)
                let mut j = k + 1;
                while first_amount(&text).is_none()
                    && j < lines.len()
                    && item_marker(lines[j]).is_none()
                {
                    starts.push((text.len(), j));
                    text.push_str(lines[j].trim());
                    j += 1;
                }
                k += 1;
                let Some((amount, s, e)) = first_amount(&text) else {
                    continue;
                };
                let at = starts
                    .iter()
                    .rev()
                    .find(|(off, _)| *off <= s)
                    .map_or(k - 1, |(_, l)| *l);
                let location = part
                    .line_locations
                    .get(at)
                    .copied()
                    .unwrap_or(part.location);
                let label = item_label(&text[..s]);
                if label.is_empty() {
                    continue;
                }
                part.items.push(ItemisedAmount {
                    label,
                    amount,
                    unit_price: None,
                    quantity: None,
                    printed: text[s..e].to_string(),
                    location,
                    level,
                });
            }
            // The computations inside the items (`租房费用为4000.00元*12*3=14.40万元`): level 3,
            // with the unit price and quantity when there is one price.
            for (k, line) in lines.iter().enumerate() {
                let location = part.line_locations.get(k).copied().unwrap_or(part.location);
                let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
                for p in yusuan_domain::products(&compact) {
                    let label = item_label(
                        compact[..p.start]
                            .rsplit(['；', '。', '，', ','])
                            .next()
                            .unwrap_or_default(),
                    );
                    let single = (p.terms.len() == 1).then(|| &p.terms[0]);
                    part.items.push(ItemisedAmount {
                        label: if label.is_empty() {
                            p.expression.clone()
                        } else {
                            label
                        },
                        amount: p.result,
                        unit_price: single.map(|t| t.price),
                        quantity: single.map(|t| t.quantity),
                        printed: p.result_printed.clone(),
                        location,
                        level: ItemLevel::Computation,
                    });
                }
            }
        }
    }
}

/// The part of `original` that is bytes `start..end` of it with whitespace removed (the printed
/// text of an amount found in the compacted line, spaces and all: `1.30 万元`).
fn original_span(original: &str, start: usize, end: usize) -> &str {
    let mut compact_at = 0;
    let (mut from, mut to) = (None, original.len());
    for (i, c) in original.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if compact_at == start {
            from = Some(i);
        }
        if compact_at == end {
            to = i;
            break;
        }
        compact_at += c.len_utf8();
    }
    original[from.unwrap_or(0)..to].trim_end()
}

/// Every other amount a project description prints (`党建工作经费65.00万元`, `换届材料1.00万元`):
/// kept as level-4 items named by the words before them, so that no printed amount of the
/// description is lost. Amounts already read (the total, the items, the computations' prices
/// and results) are not repeated.
pub fn read_other_project_amounts(doc: &mut Document) {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for p in &mut doc.projects {
        let total = p.total_printed.clone();
        for part in &mut p.parts {
            let originals: Vec<&str> = part.text.lines().collect();
            let lines: Vec<String> = originals.iter().map(|l| compact(l)).collect();
            let mut extra = Vec::new();
            for (k, line) in lines.iter().enumerate() {
                let location = part.line_locations.get(k).copied().unwrap_or(part.location);
                // What the computations already give: a one-price computation its price and
                // result (the item carries both); one of several prices only its result (the
                // prices are kept below, each an amount the text prints).
                let products = yusuan_domain::products(line);
                let result_at = |x: &yusuan_domain::Product| {
                    line[x.start..].find(&x.result_printed).map(|e| x.start + e)
                };
                let computed: Vec<(usize, usize)> = products
                    .iter()
                    .map(|x| {
                        let end = result_at(x).map_or(line.len(), |r| r + x.result_printed.len());
                        (
                            if x.terms.len() == 1 {
                                x.start
                            } else {
                                result_at(x).unwrap_or(x.start)
                            },
                            end,
                        )
                    })
                    .collect();
                // The expressions of several prices: a price in one is named for what it computes.
                let priced: Vec<(usize, usize, String)> = products
                    .iter()
                    .filter(|x| x.terms.len() > 1)
                    .map(|x| {
                        (
                            x.start,
                            result_at(x).unwrap_or(x.start),
                            item_label(
                                line[..x.start]
                                    .rsplit(['；', '。', '，', ','])
                                    .next()
                                    .unwrap_or_default(),
                            ),
                        )
                    })
                    .collect();
                // Each amount already read accounts for one printing of it on its line: a figure
                // printed twice (`4.20万元：… 合计4.20万元`) is kept the second time.
                let mut already: Vec<String> = part
                    .items
                    .iter()
                    .filter(|i| i.location == location && i.level != ItemLevel::Computation)
                    .map(|i| compact(&i.printed))
                    .collect();
                if let Some((printed, l)) = &total {
                    if *l == location {
                        already.push(compact(printed));
                    }
                }
                for m in yusuan_domain::mentions(line) {
                    if computed.iter().any(|(a, b)| m.start >= *a && m.end <= *b) {
                        continue;
                    }
                    if let Some(k) = already.iter().position(|p| *p == m.printed) {
                        already.remove(k);
                        continue;
                    }
                    let label: String =
                        match priced.iter().find(|(a, b, _)| m.start >= *a && m.end <= *b) {
                            Some((_, _, what)) if !what.is_empty() => format!("{what}（单价）"),
                            Some(_) => "计算式中的单价".into(),
                            None => m.name.chars().take(40).collect(),
                        };
                    extra.push(ItemisedAmount {
                        label: if label.is_empty() {
                            "（未注明）".into()
                        } else {
                            label
                        },
                        amount: m.amount(),
                        unit_price: None,
                        quantity: None,
                        printed: original_span(originals[k], m.start, m.end).to_string(),
                        location,
                        level: ItemLevel::Mention,
                    });
                }
            }
            part.items.extend(extra);
        }
    }
}

/// Projects whose 绩效目标 part prints the indicators as run-on text get a form of their own.
pub fn read_inline_indicators(doc: &mut Document) {
    for p in &doc.projects {
        let Some(part) = p.part(ProjectPartKind::Performance) else {
            continue;
        };
        let indicators = form::indicators_in_text(&part.text, part.location);
        if indicators.is_empty() {
            continue;
        }
        doc.performance_forms.push(PerformanceForm {
            department: Some(doc.meta.department.clone()),
            indicators,
            ..form::empty_form(p.name.clone(), part.location)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        crate::lines::split_lines(text).remove(0)
    }

    /// The named lengths of headings, each at its edge: check(input, expect).
    #[test]
    fn heading_lengths() {
        let pad = |n: usize| "某".repeat(n);
        // HEADING_MAX_CHARS: `一、…主要职能` is a heading up to the limit, a paragraph past it.
        for (text, expect) in [
            ("一、主要职能".to_string(), true),
            (format!("一、{}主要职能", pad(HEADING_MAX_CHARS - 6)), true),
            (format!("一、{}主要职能", pad(HEADING_MAX_CHARS - 5)), false),
            ("一、主要职能。".to_string(), false),
        ] {
            assert_eq!(heading(&line(&text)).is_some(), expect, "{text}");
        }
        // PART_HEADING_MAX_CHARS: a project's part heading names the part in a few words.
        for (text, expect) in [
            ("一、项目概述".to_string(), true),
            (format!("二、{}", pad(PART_HEADING_MAX_CHARS)), true),
            (format!("二、{}", pad(PART_HEADING_MAX_CHARS + 1)), false),
            ("三、立项依据。".to_string(), false),
        ] {
            assert_eq!(part_heading(&line(&text)).is_some(), expect, "{text}");
        }
    }

    /// ITEM_LABEL_MAX_CHARS: an itemised amount's label is its first clause, cut to fit.
    #[test]
    fn item_labels() {
        for (before, expect) in [
            ("其中：办公费共计", "其中".to_string()),
            ("会议费预计", "会议费".to_string()),
            ("印刷费用为", "印刷费用".to_string()),
            (&"某".repeat(50) as &str, "某".repeat(ITEM_LABEL_MAX_CHARS)),
        ] {
            assert_eq!(item_label(before), expect, "{before}");
        }
    }
}
