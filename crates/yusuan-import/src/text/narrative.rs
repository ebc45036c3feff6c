//! Narrative sections, project descriptions (seven parts) and the units of the department.

use super::form;
use crate::Line;
use yusuan_domain::{
    parse_amount, Amount, BudgetUnit, Document, ItemisedAmount, Paragraph, PerformanceForm, ProjectDescription, ProjectPart,
    ProjectPartKind, Section, SectionKind, Unit, UnitKind, Unrecognised,
};

/// What a heading line starts.
enum Heading {
    Section(SectionKind),
    Project(String),
    /// A container heading (`项目经费情况说明` alone, `第二部分 …预算表`): closes what is open.
    Projects,
}

fn heading(line: &Line) -> Option<Heading> {
    if line.is_tabular() {
        return None;
    }
    let c = line.compact();
    if c.chars().count() > 50 || c.ends_with('。') || c.ends_with('；') {
        return None;
    }
    // Strip a leading `七、` or `第一部分`.
    let stripped = c.trim_start_matches(|ch: char| "一二三四五六七八九十".contains(ch)).trim_start_matches('、');
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
        r.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')']))
    }) {
        return Some(Heading::Project(name.to_string()));
    } else if stripped == "项目经费情况说明" {
        return Some(Heading::Projects);
    } else if c.ends_with("经费情况说明") {
        let name = line.text.trim();
        let name = name.strip_suffix("经费情况说明").unwrap_or(name).trim().to_string();
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
    if rest.chars().count() > 20 || rest.ends_with('。') {
        return None;
    }
    Some(ProjectPartKind::from_heading(rest))
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
                self.stray.push(Unrecognised { text: format!("{}经费情况说明", p.name), location: p.location });
            } else {
                self.done_projects.push(p);
            }
        }
    }

    /// Reads one non-blank line that is not part of a table.
    pub fn line(&mut self, line: &Line, doc: &mut Document) {
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
                return;
            }
            Some(Heading::Project(name)) => {
                self.close();
                self.project = Some(ProjectDescription { name, total: None, parts: vec![], location: line.location });
                return;
            }
            Some(Heading::Projects) => {
                self.close();
                self.in_projects = true;
                return;
            }
            None => {}
        }
        let text = line.text.trim().to_string();
        if self.in_projects && self.project.is_none() && self.section.is_none() && part_heading(line) == Some(ProjectPartKind::Overview) {
            self.project = Some(ProjectDescription { name: "（未注明项目名称）".into(), total: None, parts: vec![], location: line.location });
        }
        if let Some(p) = &mut self.project {
            // Only the seven parts open a part; other numbered lines (`一、社区工作者培训` inside
            // 实施方案) are text of the part they are in.
            if let Some(kind) = part_heading(line).filter(|k| *k != ProjectPartKind::Other || p.parts.is_empty()) {
                p.parts.push(ProjectPart { kind, heading: text, text: String::new(), items: vec![], location: line.location });
                return;
            }
            match p.parts.last_mut() {
                Some(part) => {
                    if !part.text.is_empty() {
                        part.text.push('\n');
                    }
                    part.text.push_str(&text);
                }
                None => doc.unrecognised.push(Unrecognised { text, location: line.location }),
            }
            return;
        }
        if self.section.is_none() && self.project.is_none() && text.ends_with('。') && text.chars().count() > 20 {
            // Full sentences before any heading (a collection of project descriptions opens
            // with its 绩效 summary): narrative without a heading of its own.
            self.section = Some(Section { kind: SectionKind::Other, title: String::new(), paragraphs: vec![], location: line.location });
        }
        if let Some(s) = &mut self.section {
            s.paragraphs.push(Paragraph { text, location: line.location });
            return;
        }
        doc.unrecognised.push(Unrecognised { text, location: line.location });
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
    let Some(sec) = doc.section(SectionKind::Organisation) else { return };
    let mut units = Vec::new();
    for p in &sec.paragraphs {
        let t = p.text.trim();
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            continue;
        }
        let rest = t[digits..].trim_start_matches(['.', '．', '、', ' ']).trim().trim_end_matches(['。', '；', ';']);
        if rest.is_empty() || rest.contains('。') || rest.chars().count() > 40 {
            continue;
        }
        units.push(BudgetUnit { name: rest.to_string(), code: None, kind: UnitKind::Other });
    }
    doc.units = units;
}

/// The first `number + 万元/元` in `text`, with the byte range it was printed in.
pub(crate) fn first_amount(text: &str) -> Option<(Amount, usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1.is_ascii_digit() {
            let start = chars[k].0;
            let mut j = k;
            while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.' || chars[j].1 == ',') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            let tail = &text[end..];
            let gap = tail.len() - tail.trim_start().len();
            let tail = tail.trim_start();
            let unit = if tail.starts_with("万元") {
                Some((Unit::WanYuan, "万元".len()))
            } else if tail.starts_with('元') && !tail.starts_with("元/") {
                Some((Unit::Yuan, "元".len()))
            } else {
                None
            };
            if let (Some((unit, ulen)), Ok(value)) = (unit, parse_amount(text[start..end].trim_end_matches('.'))) {
                return Some((Amount { value, unit }, start, end + gap + ulen));
            }
            k = j;
        } else {
            k += 1;
        }
    }
    None
}

/// Reads the amounts a project's 年度预算安排 itemises (`1.干部探望慰问6.00万元：…`) and its
/// stated total (`共计66.78万元`, `预算资金约66.78万元`).
pub fn read_project_amounts(doc: &mut Document) {
    for p in &mut doc.projects {
        let mut total = None;
        for part in &mut p.parts {
            if total.is_none() {
                for key in ["共计", "合计", "总计", "预算资金", "预算需求", "项目金额"] {
                    if let Some(at) = part.text.find(key) {
                        let after = &part.text[at + key.len()..];
                        let after = after.trim_start_matches(['约', '为', '：', ':']);
                        if let Some((a, 0, _)) = first_amount(after) {
                            total = Some(a);
                            break;
                        }
                    }
                }
            }
            if part.kind != ProjectPartKind::Budget {
                continue;
            }
            if total.is_none() {
                // `六、年度预算安排：` followed by the amount alone (`64.705万元`).
                if let Some((a, 0, _)) = first_amount(part.text.trim()) {
                    total = Some(a);
                }
            }
            for line in part.text.lines() {
                let t = line.trim();
                let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
                if digits == 0 || digits > 2 {
                    continue;
                }
                let rest = t[digits..].trim_start_matches(['.', '．', '、']);
                if rest.len() == t.len() - digits {
                    continue;
                }
                if let Some((amount, s, e)) = first_amount(rest) {
                    let label = rest[..s].trim_end_matches(['：', ':', '约', '为']).trim().to_string();
                    if label.is_empty() || label.chars().count() > 30 {
                        continue;
                    }
                    part.items.push(ItemisedAmount {
                        label,
                        amount,
                        unit_price: None,
                        quantity: None,
                        printed: rest[s..e].to_string(),
                        location: part.location,
                    });
                }
            }
        }
        p.total = total;
    }
}

/// Projects whose 绩效目标 part prints the indicators as run-on text get a form of their own.
pub fn read_inline_indicators(doc: &mut Document) {
    for p in &doc.projects {
        let Some(part) = p.part(ProjectPartKind::Performance) else { continue };
        let indicators = form::indicators_in_text(&part.text, part.location);
        if indicators.is_empty() {
            continue;
        }
        doc.performance_forms.push(PerformanceForm {
            project: p.name.clone(),
            department: Some(doc.meta.department.clone()),
            implementer: None,
            period: None,
            funds: Default::default(),
            annual_goal: None,
            indicators,
            location: part.location,
        });
    }
}
