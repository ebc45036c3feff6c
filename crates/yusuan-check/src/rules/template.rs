//! Completeness of project descriptions and performance forms (K001–K003): the seven parts of
//! a 项目经费情况说明, a 绩效目标表 for each project (where the document prints forms at all),
//! and 产出 / 效益 / 满意度 indicators in every form.

use crate::{Finding, FindingLocation, Severity};
use yusuan_domain::{Document, ProjectPartKind, RegionalFormat, SectionKind, TableKind};

/// K001: every project description has the seven parts.
pub fn seven_parts(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let all = ProjectPartKind::STANDARD.map(ProjectPartKind::label);
    for p in &doc.projects {
        let missing: Vec<&str> = ProjectPartKind::STANDARD
            .iter()
            .filter(|k| p.part(**k).is_none())
            .map(|k| k.label())
            .collect();
        if missing.is_empty() {
            continue;
        }
        out.push(Finding {
            rule: "K001",
            severity: Severity::Warning,
            message: format!("项目“{}”的经费情况说明缺少：{}", p.name, missing.join("、")),
            location: FindingLocation::in_section(format!("{}经费情况说明", p.name), p.location),
            expected: Some(format!("七个部分：{}", all.join("、"))),
            actual: Some(format!("缺少 {} 个部分", missing.len())),
            hint: Some("补写缺少的部分".into()),
        });
    }
    out
}

/// K002: where the document prints performance forms, each project description has one.
pub fn project_has_form(doc: &Document) -> Vec<Finding> {
    if doc.performance_forms.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in &doc.projects {
        if doc
            .performance_forms
            .iter()
            .any(|f| super::stated::same_project(doc, &f.project, &p.name))
        {
            continue;
        }
        out.push(Finding {
            rule: "K002",
            severity: Severity::Warning,
            message: format!("项目“{}”没有对应的绩效目标表", p.name),
            location: FindingLocation::in_section(format!("{}经费情况说明", p.name), p.location),
            expected: Some("绩效目标表".into()),
            actual: Some("（缺失）".into()),
            hint: Some("每个公开的项目都应附绩效目标表".into()),
        });
    }
    out
}

/// K003: every form has 产出, 效益 and 满意度 indicators.
pub fn form_has_indicator_kinds(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &doc.performance_forms {
        if f.indicators.is_empty() {
            continue;
        }
        // A 满意度 indicator counts even where the extraction lost its 满意度指标 heading.
        let missing: Vec<&str> = ["产出", "效益", "满意度"]
            .into_iter()
            .filter(|k| {
                !f.indicators
                    .iter()
                    .any(|i| i.level1.contains(k) || (*k == "满意度" && i.name.contains("满意度")))
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        out.push(Finding {
            rule: "K003",
            severity: Severity::Warning,
            message: format!("绩效目标表“{}”缺少{}指标", f.project, missing.join("、")),
            location: FindingLocation::in_section(format!("绩效目标表：{}", f.project), f.location),
            expected: Some("产出、效益、满意度指标".into()),
            actual: Some(format!("缺少：{}", missing.join("、"))),
            hint: Some("按模板补齐一级指标".into()),
        });
    }
    out
}

/// K004: a table that prints no amount says why (`本部门无…，故本表为空表`).
pub fn empty_tables_say_why(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &doc.tables {
        if matches!(
            t.kind,
            TableKind::Other | TableKind::DepartmentPerformance | TableKind::ProjectPerformance
        ) {
            continue;
        }
        let any = t
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| c.amount().is_some_and(|v| !v.is_zero()));
        if any || t.note.is_some() {
            continue;
        }
        out.push(Finding {
            rule: "K004",
            severity: Severity::Warning,
            message: format!("“{}”没有金额，也没有注明原因", t.title),
            location: FindingLocation {
                table: Some(t.title.clone()),
                page: t.location.page,
                line: t.location.line,
                ..Default::default()
            },
            expected: Some("注：本部门无…，故本表为空表".into()),
            actual: Some("（未注明）".into()),
            hint: Some("空表应注明无数据的原因".into()),
        });
    }
    out
}

/// K007: an empty fund table's note names its own fund: the 政府性基金 table says there is no
/// 政府性基金预算, the 国有资本经营 table no 国有资本经营预算 (a note copied from the other table
/// names the wrong one).
pub fn empty_note_names_its_fund(doc: &Document) -> Vec<Finding> {
    const FUNDS: [(TableKind, &str); 2] = [
        (TableKind::GovernmentFundFunction, "政府性基金"),
        (TableKind::StateCapitalFunction, "国有资本经营"),
    ];
    let mut out = Vec::new();
    for t in &doc.tables {
        let Some((_, own)) = FUNDS.iter().find(|(k, _)| *k == t.kind) else {
            continue;
        };
        let Some(note) = &t.note else { continue };
        let note_c: String = note.chars().filter(|c| !c.is_whitespace()).collect();
        let named: Vec<&str> = FUNDS
            .iter()
            .map(|(_, f)| *f)
            .filter(|f| note_c.contains(f))
            .collect();
        if named.is_empty() || named.contains(own) {
            continue;
        }
        out.push(Finding {
            rule: "K007",
            severity: Severity::Error,
            message: format!(
                "“{}”的说明称无{}预算，本表是{}预算表",
                t.title,
                named.join("、"),
                own
            ),
            location: FindingLocation {
                table: Some(t.title.clone()),
                page: t.location.page,
                line: t.location.line,
                ..Default::default()
            },
            expected: Some(format!("本部门无{own}预算…")),
            actual: Some(note.trim().to_string()),
            hint: Some("空表的说明应写本表的资金：从另一张表复制说明后没有改".into()),
        });
    }
    out
}

/// K005: a Shanghai department or unit budget has the template's sections: 主要职能, 机构设置,
/// 名词解释, 预算编制说明, 其他相关情况说明 (when it prints any narrative at all).
pub fn template_sections(doc: &Document) -> Vec<Finding> {
    // Only for a whole disclosure (a workbook of tables alone has no narrative to check).
    if !matches!(
        doc.meta.format,
        RegionalFormat::Shanghai9 | RegionalFormat::Shanghai11
    ) || doc.sections.is_empty()
    {
        return Vec::new();
    }
    let want = [
        (SectionKind::Functions, "主要职能"),
        (SectionKind::Organisation, "机构设置"),
        (SectionKind::Glossary, "名词解释"),
        (SectionKind::BudgetExplanation, "预算编制说明"),
        (SectionKind::OtherExplanations, "其他相关情况说明"),
    ];
    let missing: Vec<&str> = want
        .iter()
        .filter(|(k, _)| doc.section(*k).is_none())
        .map(|(_, n)| *n)
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![Finding {
        rule: "K005",
        severity: Severity::Warning,
        message: format!("按上海市部门预算公开模板，缺少：{}", missing.join("、")),
        location: FindingLocation::default(),
        expected: Some(want.iter().map(|(_, n)| *n).collect::<Vec<_>>().join("、")),
        actual: Some(format!("缺少 {} 部分", missing.len())),
        hint: Some("补上模板要求的部分".into()),
    }]
}

/// K006: every indicator has a value, and a value with an operator (`≥`, `≤`, `=`) has a
/// number or a word after it.
pub fn indicator_values_well_formed(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &doc.performance_forms {
        for i in &f.indicators {
            let v: String = i.printed.chars().filter(|c| !c.is_whitespace()).collect();
            let body = v.trim_start_matches(['≥', '≤', '＞', '＜', '>', '<', '=', '＝']);
            let bad =
                v.is_empty() || body.is_empty() || body.chars().all(|c| "()（）%％".contains(c));
            if !bad {
                continue;
            }
            out.push(Finding {
                rule: "K006",
                severity: Severity::Warning,
                message: format!(
                    "绩效目标表“{}”的指标“{}”没有有效的指标值",
                    f.project, i.name
                ),
                location: FindingLocation::in_section(
                    format!("绩效目标表：{}", f.project),
                    i.location,
                ),
                expected: Some("指标值（如 ≥95%、=100人、及时）".into()),
                actual: Some(if v.is_empty() { "（空）".into() } else { v }),
                hint: Some("补写指标值".into()),
            });
        }
    }
    out
}
