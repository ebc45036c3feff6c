//! Checking a draft: the document checker's registry on the derived document, plus the rules
//! only a draft has (reasons for changes, placeholders in what the user wrote, estimated splits,
//! negative lines).

use crate::derive::derive;
use crate::finding::finding;
use crate::model::Draft;
use crate::narrative::{figures, reason_needed, wan};
use yusuan_check::{Finding, Severity};

/// The draft rules: id, severity, what each checks.
pub const DRAFT_RULES: &[(&str, Severity, &str)] = &[
    (
        "R001",
        Severity::Warning,
        "变动超过阈值（默认±10%，或由零变为非零、由非零变为零）的数字须写明原因",
    ),
    (
        "R002",
        Severity::Error,
        "原因说明不得为空或占位符（XX、……、待补充、TODO、“主要原因是。”）",
    ),
    ("R003", Severity::Info, "由汇总数分配估算的明细行，须经确认"),
    ("R004", Severity::Error, "明细行金额不得为负数"),
    (
        "R005",
        Severity::Warning,
        "明细行的科目须有名称：代码不在本年科目目录中时，核对代码或补上名称",
    ),
    (
        "R006",
        Severity::Error,
        "文字部分和项目说明不得留有待补充的内容（空白模板的“待补充”、XX、TODO）",
    ),
    (
        "R007",
        Severity::Warning,
        "项目支出有金额的，须有项目支出绩效目标（格式列有绩效目标表时）",
    ),
    (
        "R008",
        Severity::Error,
        "分配给各项目的资金合计不得超过所来自的项目支出明细行，且该行须仍在草稿中",
    ),
    (
        "R009",
        Severity::Warning,
        "项目经费情况说明所述预算总额与分配给该项目的项目支出一致（按说明印出的精度）",
    ),
    (
        "R010",
        Severity::Warning,
        "沿用上年原文的情况说明中，上年的原因说明（主要原因是…）须核对是否仍适用于本年",
    ),
];

/// Marks of text not yet written, in a draft's carried sections (the blank template writes
/// `（待补充：…）`).
const UNWRITTEN: [&str; 6] = ["待补充", "待填", "XX", "××", "ＸＸ", "TODO"];

/// Whether a section's paragraph is still to be written.
fn unwritten(text: &str) -> Option<&'static str> {
    UNWRITTEN.iter().find(|m| text.contains(**m)).copied()
}

const PLACEHOLDERS: [&str; 9] = [
    "XX",
    "xx",
    "××",
    "……",
    "...",
    "待补充",
    "待填",
    "TODO",
    "todo",
];

fn placeholder(text: &str) -> bool {
    let t = text.trim().trim_end_matches('。');
    t.is_empty() || t == "主要原因是" || PLACEHOLDERS.iter().any(|p| t.contains(p))
}

/// Every finding on the draft: the registry on the derived document, then the draft rules.
/// The registry's N006 (a stated change without a reason) gives way to R001, which applies the
/// draft's threshold: the generated text states every change, and only those beyond the
/// threshold need a reason.
pub fn draft_findings(draft: &Draft) -> Vec<Finding> {
    findings_on(draft, &derive(draft))
}

/// [`draft_findings`] when the derived document is at hand (the editor derives once per edit).
pub fn findings_on(draft: &Draft, derived: &yusuan_domain::Document) -> Vec<Finding> {
    let mut out: Vec<Finding> = yusuan_check::check_except(derived, &["N006"]);
    let own = own_findings(draft, derived);
    // A section still to be written is R006's (an 错误 in a draft), not also W001's 警告.
    let unwritten: Vec<&str> = own
        .iter()
        .filter(|f| f.rule == "R006")
        .filter_map(|f| f.location.section.as_deref())
        .collect();
    out.retain(|f| {
        !(f.rule == "W001"
            && f.location
                .section
                .as_deref()
                .is_some_and(|s| unwritten.contains(&s)))
    });
    out.extend(own);
    out.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.rule.cmp(b.rule)));
    out
}

fn own_findings(draft: &Draft, derived: &yusuan_domain::Document) -> Vec<Finding> {
    let mut out = Vec::new();
    changes_without_reasons(draft, &mut out);
    negative_lines(draft, &mut out);
    placeholder_reasons(draft, &mut out);
    unnamed_codes(draft, &mut out);
    unwritten_sections(draft, &mut out);
    last_years_reasons(draft, derived, &mut out);
    unwritten_project_parts(draft, &mut out);
    projects_without_targets(draft, &mut out);
    estimated_lines(draft, &mut out);
    out.extend(crate::project_funds::findings(draft));
    out
}

/// R001: a figure or line that changed beyond the threshold with no reason given.
fn changes_without_reasons(draft: &Draft, out: &mut Vec<Finding>) {
    let t = draft.threshold_percent;
    for f in figures(draft) {
        if reason_needed(draft, f.current, f.baseline) && !draft.reasons.contains_key(&f.key) {
            out.push(finding(
                "R001",
                Severity::Warning,
                format!(
                    "{}比上年变动超过{}%，请说明原因（yusuan draft reason … {}）",
                    f.name, t, f.key
                ),
                Some(f.key.clone()),
                Some(format!("上年{}万元", wan(f.baseline))),
                Some(format!("本年{}万元", wan(f.current))),
            ));
        }
    }
    for l in &draft.leaves {
        let key = l.address();
        let label = match &l.unit {
            Some(u) => format!("{}（{u}）", l.label),
            None => l.label.clone(),
        };
        // A count of the department's units is a fact of its organisation, not a change of
        // money the 编制说明 explains.
        let unit = l.key.unit();
        if unit != "家"
            && reason_needed(draft, l.value, l.baseline.unwrap_or_default())
            && !draft.reasons.contains_key(&key)
        {
            out.push(finding(
                "R001",
                Severity::Warning,
                format!("{label}比上年变动超过{}%，请说明原因", t),
                Some(key.clone()),
                Some(format!("上年{}{unit}", l.baseline.unwrap_or_default())),
                Some(format!("本年{}{unit}", l.value)),
            ));
        }
    }
}

/// R004: a line below zero.
fn negative_lines(draft: &Draft, out: &mut Vec<Finding>) {
    for l in &draft.leaves {
        let key = l.address();
        let label = match &l.unit {
            Some(u) => format!("{}（{u}）", l.label),
            None => l.label.clone(),
        };
        if l.value.is_sign_negative() && !l.value.is_zero() {
            out.push(finding(
                "R004",
                Severity::Error,
                format!("{label}为负数"),
                Some(key),
                Some("≥0".into()),
                Some(format!("{}元", l.value)),
            ));
        }
    }
}

/// R002: a reason left empty or a placeholder.
fn placeholder_reasons(draft: &Draft, out: &mut Vec<Finding>) {
    for (key, reason) in &draft.reasons {
        if placeholder(reason) {
            out.push(finding(
                "R002",
                Severity::Error,
                format!("“{key}”的原因说明是空的或只是占位符，请写明实际原因"),
                Some(key.clone()),
                None,
                Some(reason.clone()),
            ));
        }
    }
}

/// R005: a code the draft cannot name.
fn unnamed_codes(draft: &Draft, out: &mut Vec<Finding>) {
    // A line under a code the draft cannot name, at any level the tables print (类, 款, 项):
    // not in the catalogue it knows. Each code once.
    let mut unnamed: Vec<(String, String)> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for l in draft.leaves.iter().filter(|l| !l.value.is_zero()) {
        let code = match &l.key {
            crate::LeafKey::Spend { function, .. } => function.as_str().to_string(),
            crate::LeafKey::Economic { code, .. } => code.as_str().to_string(),
            crate::LeafKey::Cell { .. }
            | crate::LeafKey::Procurement { .. }
            | crate::LeafKey::Stated { .. } => continue,
        };
        for level in [3, 5, 7].into_iter().filter(|&n| n <= code.len()) {
            let c = code[..level].to_string();
            let named = !draft.name_of(&c).is_empty()
                || (level == 3
                    && crate::layout::class_name(&c).is_some()
                    && matches!(l.key, crate::LeafKey::Spend { .. }));
            if !named && seen.insert(c.clone()) {
                unnamed.push((c, l.key.to_string()));
            }
        }
    }
    for (code, key) in unnamed {
        out.push(finding(
            "R005",
            Severity::Warning,
            format!("科目 {code} 没有名称：目录中没有此代码，请核对代码或补上名称"),
            Some(key),
            Some("本年科目目录中的代码".into()),
            Some(code),
        ));
    }
}

/// R006: a section's text still `待补充`.
fn unwritten_sections(draft: &Draft, out: &mut Vec<Finding>) {
    for s in draft.sections.iter().filter(|s| {
        !matches!(
            s.kind,
            yusuan_domain::SectionKind::BudgetExplanation
                | yusuan_domain::SectionKind::OtherExplanations
        )
    }) {
        if let Some((p, mark)) = s
            .paragraphs
            .iter()
            .find_map(|p| unwritten(&p.text).map(|m| (p, m)))
        {
            let snippet: String = p.text.chars().take(30).collect();
            let mut f = finding(
                "R006",
                Severity::Error,
                format!("“{}”尚未写完：{snippet}", s.title),
                None,
                Some("实际内容".into()),
                Some(mark.into()),
            );
            f.location.section = Some(s.title.clone());
            out.push(f);
        }
    }
}

/// R010: last year's reasons a restated section still prints.
fn last_years_reasons(draft: &Draft, derived: &yusuan_domain::Document, out: &mut Vec<Finding>) {
    // A section restated from last year's words keeps last year's reasons until the draft
    // gives its own: each needs a look.
    let title_of = |kind| {
        draft
            .sections
            .iter()
            .find(|s| s.kind == kind)
            .map_or_else(|| "情况说明".to_string(), |s| s.title.clone())
    };
    let values = crate::derive::restate_values(draft, &derived.tables);
    for (kind, key, text) in values
        .iter()
        .flat_map(|v| crate::restate::carried_reasons(draft, v))
    {
        let title = title_of(kind);
        let snippet: String = text.trim_end_matches('。').chars().take(40).collect();
        let mut f = finding(
            "R010",
            Severity::Warning,
            format!("“{title}”沿用了上年的原因说明：{snippet}；请核对是否仍适用，或写明本年的原因（yusuan draft reason … {key}）"),
            Some(key),
            Some("本年的原因".into()),
            Some(snippet),
        );
        f.location.section = Some(title);
        out.push(f);
    }
    for r in draft.restated.iter().filter(|r| r.reasons > 0) {
        let title = title_of(r.kind);
        let mut f = finding(
            "R010",
            Severity::Warning,
            format!("“{title}”沿用上年原文，其中{}处原因说明不属于某个增减数，是上年的，请核对是否仍适用于本年", r.reasons),
            None,
            Some("本年的原因".into()),
            Some(format!("上年原因 {} 处", r.reasons)),
        );
        f.location.section = Some(title);
        out.push(f);
    }
}

/// R006: a project's part still to write.
fn unwritten_project_parts(draft: &Draft, out: &mut Vec<Finding>) {
    // A project description's parts, likewise (a project added in the window starts unwritten).
    for pr in &draft.projects {
        for part in &pr.parts {
            if let Some(mark) = part.text.lines().find_map(unwritten) {
                let snippet: String = part.text.chars().take(30).collect();
                let mut f = finding(
                    "R006",
                    Severity::Error,
                    format!(
                        "项目“{}”的“{}”尚未写完：{snippet}",
                        pr.name,
                        part.kind.label()
                    ),
                    None,
                    Some("实际内容".into()),
                    Some(mark.into()),
                );
                f.location.section = Some(format!("{}：{}", pr.name, part.kind.label()));
                out.push(f);
            }
        }
    }
}

/// R007: project money with no 绩效 targets where the format prints them.
fn projects_without_targets(draft: &Draft, out: &mut Vec<Finding>) {
    // Project money with no 绩效 targets, where the format prints them.
    let project: rust_decimal::Decimal = draft
        .leaves
        .iter()
        .filter(|l| {
            matches!(
                &l.key,
                crate::LeafKey::Spend {
                    kind: crate::SpendKind::Project,
                    ..
                }
            )
        })
        .map(|l| l.value)
        .sum();
    let prints_targets = draft
        .layout
        .iter()
        .any(|t| t.kind == yusuan_domain::TableKind::ProjectPerformance);
    let has_targets = !draft.performance_forms.is_empty()
        || draft.layout.iter().any(|t| {
            t.kind == yusuan_domain::TableKind::ProjectPerformance
                && matches!(&t.body, crate::Body::Rows { rows } if !rows.is_empty())
        });
    if prints_targets && !has_targets && !project.is_zero() {
        out.push(finding(
            "R007",
            Severity::Warning,
            format!(
                "项目支出{}万元，但草稿没有项目支出绩效目标：绩效目标表将印为空表",
                wan(project)
            ),
            None,
            Some("项目支出绩效目标".into()),
            Some("无".into()),
        ));
    }
}

/// R003: lines whose amounts were estimated at roll-forward.
fn estimated_lines(draft: &Draft, out: &mut Vec<Finding>) {
    let estimated = draft.leaves.iter().filter(|l| l.estimated).count();
    if estimated > 0 {
        out.push(finding(
            "R003",
            Severity::Info,
            format!("{estimated} 个明细行的金额由上年公开表的汇总数分配估算（公开表只列出边际合计），请逐行确认"),
            None,
            None,
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_in_reasons() {
        // check(input, expect)
        for (text, expect) in [
            ("主要原因是。", true),
            ("", true),
            ("XX项目调整", true),
            ("待补充", true),
            ("新增社区服务项目", false),
        ] {
            assert_eq!(placeholder(text), expect, "{text}");
        }
    }

    #[test]
    fn unwritten_sections() {
        for (text, expect) in [
            ("（待补充：主要职能）", Some("待补充")),
            ("XX街道负责……", Some("XX")),
            ("本部门负责辖区内的相关工作……", None),
        ] {
            assert_eq!(unwritten(text), expect, "{text}");
        }
    }
}
