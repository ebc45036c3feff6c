//! From a document to pages, in the region's order: the cover, the 目录, the narrative sections
//! and the tables in the order the document prints them, the project descriptions and the 绩效
//! forms. Text is measured with the export's fonts; nothing here writes PDF.

pub(crate) mod table;
mod text;

pub use text::wrap;

use crate::page::Face;
use crate::{ExportError, ExportOptions, Fonts, Orientation, Page, Template};
use yusuan_domain::{Cell, Document, Location, Section, Table, TableKind};

const MARGIN: f32 = 56.0;
const BOTTOM: f32 = 48.0;
const TEXT_SIZE: f32 = 11.0;
const LINE: f32 = 20.0;

/// Where the next thing goes.
pub(crate) struct Cursor {
    pages: Vec<Page>,
    width: f32,
    margin: f32,
    bottom: f32,
    y: f32,
}

impl Cursor {
    fn new_page(&mut self, o: Orientation) {
        let (w, h) = o.size();
        self.pages.push(Page::new(w, h));
        self.width = w;
        self.y = h - MARGIN;
    }

    fn page(&mut self) -> &mut Page {
        self.pages
            .last_mut()
            .expect("a page is started before anything is set")
    }
}

/// One part of the document, in printed order.
enum Part<'a> {
    Section(&'a Section),
    Table(&'a Table),
    Projects,
    Forms,
}

fn order(l: &Location) -> (u32, u32) {
    (l.page.unwrap_or(0), l.line.unwrap_or(0))
}

fn parts(doc: &Document) -> Vec<Part<'_>> {
    let mut v: Vec<((u32, u32), Part<'_>)> = Vec::new();
    for s in &doc.sections {
        v.push((order(&s.location), Part::Section(s)));
    }
    for t in &doc.tables {
        v.push((order(&t.location), Part::Table(t)));
    }
    if let Some(p) = doc.projects.first() {
        v.push((order(&p.location), Part::Projects));
    }
    if let Some(f) = doc.performance_forms.first() {
        v.push((order(&f.location), Part::Forms));
    }
    // Stable: parts without a place keep the model's order.
    v.sort_by_key(|(k, _)| *k);
    v.into_iter().map(|(_, p)| p).collect()
}

/// Every text the document prints, so the fonts measure without parsing again.
fn texts(doc: &Document) -> Vec<&str> {
    let mut v: Vec<&str> = vec![&doc.meta.title, &doc.meta.department];
    for s in &doc.sections {
        v.push(&s.title);
        v.extend(s.paragraphs.iter().map(|p| p.text.as_str()));
    }
    for t in &doc.tables {
        v.push(&t.title);
        v.extend(
            t.columns
                .iter()
                .flat_map(|c| c.path.iter().map(String::as_str)),
        );
        for r in &t.rows {
            v.push(&r.label);
            v.extend(r.cells.iter().map(Cell::printed));
        }
        if let Some(n) = &t.note {
            v.push(n);
        }
    }
    for p in &doc.projects {
        v.push(&p.name);
        for part in &p.parts {
            v.push(&part.heading);
            v.push(&part.text);
        }
    }
    for f in &doc.performance_forms {
        v.push(&f.project);
        v.extend(f.annual_goal.as_deref());
        for i in &f.indicators {
            v.extend([
                i.level1.as_str(),
                i.level2.as_str(),
                i.name.as_str(),
                i.printed.as_str(),
            ]);
        }
    }
    v.extend(doc.contents.iter().map(|c| c.title.as_str()));
    v
}

/// Lays the document out in pages.
pub fn layout(
    doc: &Document,
    template: &Template,
    fonts: &Fonts,
    options: &ExportOptions,
) -> Result<Vec<Page>, ExportError> {
    if doc.tables.is_empty()
        && doc.sections.is_empty()
        && doc.projects.is_empty()
        && doc.performance_forms.is_empty()
    {
        return Err(ExportError::Empty("文档中没有可以排版的内容".into()));
    }
    let mut fonts = fonts.clone();
    fonts.learn(&texts(doc));
    let fonts = &fonts;
    let mut cur = Cursor {
        pages: Vec::new(),
        width: 0.0,
        margin: MARGIN,
        bottom: BOTTOM,
        y: 0.0,
    };
    cover(&mut cur, fonts, template, doc, options);
    let contents_page = cur.pages.len();
    contents(&mut cur, fonts, template, doc, None);
    for part in parts(doc) {
        match part {
            Part::Section(s) => section(&mut cur, fonts, template, s),
            Part::Table(t) => table::set_table(&mut cur, fonts, template, &doc.meta.department, t),
            Part::Projects => projects(&mut cur, fonts, template, doc),
            Part::Forms => forms(&mut cur, fonts, template, doc),
        }
    }
    let mut pages = cur.pages;
    if options.page_numbers {
        if options.contents_page_numbers {
            // The 目录 again, now that every part's page is known.
            let mut again = Cursor {
                pages: Vec::new(),
                width: 0.0,
                margin: MARGIN,
                bottom: BOTTOM,
                y: 0.0,
            };
            contents(&mut again, fonts, template, doc, Some(&pages));
            if again.pages.len() == 1 {
                pages[contents_page] = again.pages.remove(0);
            }
        }
        let n = pages.len();
        for (i, p) in pages.iter_mut().enumerate().skip(1) {
            let label = format!("- {} -", i);
            let w = fonts.body.width(&label, 9.0);
            let x = (p.width - w) / 2.0;
            p.text(x, 24.0, 9.0, Face::Body, label);
            let _ = n;
        }
    }
    Ok(pages)
}

fn centred(cur: &mut Cursor, fonts: &Fonts, face: Face, size: f32, y: f32, text: &str) {
    let f = match face {
        Face::Body => &fonts.body,
        Face::Heading => &fonts.heading,
    };
    let w = f.width(text, size);
    let x = (cur.width - w) / 2.0;
    cur.page().text(x, y, size, face, text.to_string());
}

fn cover(
    cur: &mut Cursor,
    fonts: &Fonts,
    template: &Template,
    doc: &Document,
    options: &ExportOptions,
) {
    cur.new_page(template.texts);
    let (_, h) = template.texts.size();
    centred(cur, fonts, Face::Heading, 26.0, h * 0.62, &doc.meta.title);
    let who = format!("{}：{}", template.cover_label, doc.meta.department);
    centred(cur, fonts, Face::Body, 15.0, h * 0.48, &who);
    let (y, m, _) = options.date;
    centred(
        cur,
        fonts,
        Face::Body,
        14.0,
        h * 0.18,
        &format!("{y}年{m}月"),
    );
}

fn contents(
    cur: &mut Cursor,
    fonts: &Fonts,
    template: &Template,
    doc: &Document,
    pages: Option<&[Page]>,
) {
    cur.new_page(template.texts);
    let y = cur.y - 18.0;
    centred(cur, fonts, Face::Heading, 18.0, y, "目  录");
    cur.y = y - 24.0;
    let entries: Vec<(String, u8)> = if doc.contents.is_empty() {
        parts(doc)
            .iter()
            .filter_map(|p| match p {
                Part::Section(s) => Some((s.title.clone(), 0)),
                Part::Table(t) => Some((t.title.clone(), 1)),
                Part::Projects => Some(("项目经费情况说明".to_string(), 0)),
                Part::Forms => None,
            })
            .collect()
    } else {
        doc.contents
            .iter()
            .map(|c| {
                let title = match &c.number {
                    Some(n) if n.chars().all(|ch| ch.is_ascii_digit()) => {
                        format!("{n}. {}", c.title)
                    }
                    Some(n) if n.starts_with('第') => format!("{n} {}", c.title),
                    Some(n) => format!("{n}、{}", c.title),
                    None => c.title.clone(),
                };
                (title, c.level)
            })
            .collect()
    };
    let size = 11.0;
    let right = cur.width - MARGIN;
    let step = ((cur.y - BOTTOM) / entries.len().max(1) as f32).clamp(13.0, 20.0);
    for (title, level) in entries {
        let x = MARGIN + 40.0 + level as f32 * 22.0;
        let y = cur.y - size;
        cur.page().text(x, y, size, Face::Body, title.clone());
        if let Some(pages) = pages {
            let bare: String = title.chars().filter(|c| !c.is_whitespace()).collect();
            let found = pages.iter().position(|p| {
                p.holds.iter().any(|h| {
                    let h: String = h.chars().filter(|c| !c.is_whitespace()).collect();
                    bare.ends_with(&h)
                        || h.ends_with(
                            bare.split_once(['、', ' '])
                                .map(|(_, t)| t)
                                .unwrap_or(&bare),
                        )
                })
            });
            if let Some(n) = found {
                let label = n.to_string();
                let w = fonts.body.width(&label, size);
                cur.page().text(right - w, y, size, Face::Body, label);
            }
        }
        cur.y -= step;
        if cur.y < BOTTOM {
            cur.new_page(template.texts);
        }
    }
}

/// Joins lines the source broke mid-sentence into paragraphs.
fn paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let ends = |s: &str| s.ends_with(['。', '；', '：', ':', '！', '？']) || s.chars().count() < 12;
    let starts_new = |s: &str| {
        let t = s.trim_start();
        t.starts_with([
            '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
        ]) && t
            .chars()
            .take(4)
            .any(|c| c == '、' || c == '）' || c == ')')
            || t.chars().next().is_some_and(|c| c.is_ascii_digit())
                && t.chars().take(4).any(|c| c == '.' || c == '、')
    };
    // A numbered heading (`一、2027年“三公”经费预算情况说明`): an item with no sentence in it,
    // short enough to stand on its own line. What follows it is a paragraph of its own.
    let heading = |s: &str| {
        starts_new(s) && !s.contains(['。', '，', '；', '：', ',']) && s.chars().count() <= 24
    };
    let mut open = false;
    for l in lines {
        let l = l.trim();
        if l.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if open && !starts_new(l) => last.push_str(l),
            _ => out.push(l.to_string()),
        }
        open = !ends(l) && !heading(l);
    }
    out
}

fn set_paragraph(
    cur: &mut Cursor,
    fonts: &Fonts,
    template: &Template,
    text: &str,
    size: f32,
    indent: bool,
) {
    let width = cur.width - 2.0 * MARGIN;
    let first = if indent { 2.0 * size } else { 0.0 };
    let lines = wrap(&fonts.body, text, size, width, first);
    for (i, l) in lines.into_iter().enumerate() {
        if cur.y - LINE < BOTTOM {
            cur.new_page(template.texts);
        }
        let x = MARGIN + if i == 0 { first } else { 0.0 };
        let y = cur.y - size - 4.0;
        cur.page().text(x, y, size, Face::Body, l);
        cur.y -= LINE;
    }
}

fn section(cur: &mut Cursor, fonts: &Fonts, template: &Template, s: &Section) {
    cur.new_page(template.texts);
    cur.page().holds.push(s.title.clone());
    let y = cur.y - 16.0;
    centred(cur, fonts, Face::Heading, 16.0, y, &s.title);
    cur.y = y - 22.0;
    let lines: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for p in paragraphs(&lines) {
        set_paragraph(cur, fonts, template, &p, TEXT_SIZE, true);
    }
}

fn projects(cur: &mut Cursor, fonts: &Fonts, template: &Template, doc: &Document) {
    for p in &doc.projects {
        // `{项目名称}经费情况说明`, as the documents title each project (the importer's stand-in
        // for an unnamed project is not printed).
        let title = if p.name.starts_with("（未注明") {
            "项目经费情况说明".to_string()
        } else {
            format!("{}经费情况说明", p.name)
        };
        cur.new_page(template.texts);
        cur.page().holds.push(title.clone());
        let y = cur.y - 16.0;
        centred(cur, fonts, Face::Heading, 16.0, y, &title);
        cur.y = y - 22.0;
        for part in &p.parts {
            if !part.heading.trim().is_empty() {
                set_paragraph(cur, fonts, template, part.heading.trim(), TEXT_SIZE, true);
            }
            let lines: Vec<&str> = part.text.lines().collect();
            for para in paragraphs(&lines) {
                set_paragraph(cur, fonts, template, &para, TEXT_SIZE, true);
            }
        }
    }
}

fn forms(cur: &mut Cursor, fonts: &Fonts, template: &Template, doc: &Document) {
    // Forms read from a printed grid table or from a project's own text are printed there.
    if doc.tables.iter().any(|t| {
        matches!(
            t.kind,
            TableKind::ProjectPerformance | TableKind::DepartmentPerformance
        )
    }) {
        return;
    }
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let in_text = |f: &yusuan_domain::PerformanceForm| {
        f.indicators.first().is_some_and(|i| {
            doc.projects
                .iter()
                .flat_map(|p| &p.parts)
                .any(|part| compact(&part.text).contains(&compact(&i.name)))
        })
    };
    for f in doc.performance_forms.iter().filter(|f| !in_text(f)) {
        table::set_form(cur, fonts, template, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_heading_stands_on_its_own_line() {
        let lines = [
            "一、2027年“三公”经费预算情况说明",
            "2027年“三公”经费预算数0.00万元。其中：",
            "五、国有资产占有使用情况",
            "截至2026年8月31日，本部门共有车辆0辆。",
        ];
        assert_eq!(paragraphs(&lines), lines.map(String::from));
        // An item broken mid-sentence still joins.
        assert_eq!(
            paragraphs(&[
                "（一）因公出国（境）费预算数为12.5万元，比上年",
                "减少0.5万元。"
            ]),
            ["（一）因公出国（境）费预算数为12.5万元，比上年减少0.5万元。"]
        );
    }

    #[test]
    fn lines_broken_mid_sentence_join_into_paragraphs() {
        let lines = ["主要职能包括：", "一、加强党的建设。落实基层党建责任制，加强基层服务型党组织建设，统筹推进区域化党建和“两新”组织党建、居民区党建工", "作，实现社区党建全覆盖。", "二、统筹社区发展。"];
        let p = paragraphs(&lines);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[1].ends_with("党建工作，实现社区党建全覆盖。"));
    }
}
