//! Narrative sections, project descriptions (seven parts) and the units of the department.

use crate::Line;
use yusuan_domain::{
    BudgetUnit, Document, Paragraph, ProjectDescription, ProjectPart, ProjectPartKind, Section, SectionKind, UnitKind,
    Unrecognised,
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
}

impl Body {
    /// Closes whatever is open (a table starts).
    pub fn close(&mut self) {
        if let Some(s) = self.section.take() {
            self.done_sections.push(s);
        }
        if let Some(p) = self.project.take() {
            self.done_projects.push(p);
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
            if let Some(kind) = part_heading(line) {
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
