//! Within the narrative (P001–P003, S001, S002): parts that must add up to a stated whole —
//! a project's itemised budget and its total, a performance form's funds and its project, 政府
//! 采购 货物 + 工程 + 服务, and the 绩效 summary's count and amount against the projects listed.

use super::percent::{share_after, Percent};
use crate::tolerance::{agree, Agreement};
use crate::{Finding, FindingLocation, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Amount, Document, ItemLevel, Location, RegionalFormat, Unit};

pub(crate) fn wan(yuan: Decimal) -> String {
    format!("{}万元", (yuan / Unit::WanYuan.in_yuan()).normalize())
}

/// Sums printed amounts: in 元, with the unit the tolerance should use (万元 when any term is).
fn sum(amounts: &[Amount]) -> (Decimal, Unit) {
    let unit = if amounts.iter().any(|a| a.unit == Unit::WanYuan) {
        Unit::WanYuan
    } else {
        Unit::Yuan
    };
    (amounts.iter().map(|a| a.to_yuan()).sum(), unit)
}

/// `agree` on 元 values, with the tolerance of `unit`.
pub(crate) fn agrees(total: Decimal, parts: Decimal, terms: usize, unit: Unit) -> Agreement {
    if unit == Unit::WanYuan {
        let w = Unit::WanYuan.in_yuan();
        agree(total / w, parts / w, terms, unit)
    } else {
        agree(total, parts, terms, unit)
    }
}

/// P001: a project's numbered budget items add up to its stated total.
pub fn project_items_add_up(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &doc.projects {
        let Some(total) = p.total else { continue };
        let items: Vec<Amount> = p
            .parts
            .iter()
            .flat_map(|x| &x.items)
            .filter(|i| i.level == ItemLevel::Item)
            .map(|i| i.amount)
            .collect();
        if items.len() < 2 {
            continue;
        }
        let (s, unit) = sum(&items);
        let severity = match agrees(total.to_yuan(), s, items.len(), unit) {
            Agreement::Exact => continue,
            Agreement::RoundingTail => Severity::Info,
            Agreement::Differs => Severity::Error,
        };
        let loc = p.total_printed.as_ref().map_or(p.location, |x| x.1);
        out.push(Finding {
            rule: "P001",
            severity,
            message: format!(
                "项目“{}”年度预算安排所列 {} 项之和与所述预算总额不符",
                p.name,
                items.len()
            ),
            location: FindingLocation::in_section(format!("{}经费情况说明", p.name), loc),
            expected: Some(wan(s)),
            actual: Some(wan(total.to_yuan())),
            hint: Some("核对各项金额与总额，或补上漏列的项目".into()),
        });
    }
    out
}

/// P003: a numbered item's sub-items (`1.` then `(1)`, `(2)` …) add up to it, and a sub-item's
/// computations (`单价×数量=金额`, two or more) to the sub-item — at every level the text prints
/// parts under a whole.
pub fn sub_items_add_up(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &doc.projects {
        for part in &p.parts {
            let items = &part.items;
            for (k, whole) in items.iter().enumerate() {
                let Some(below) = whole.level.parts() else {
                    continue;
                };
                let parts: Vec<Amount> = items[k + 1..]
                    .iter()
                    .take_while(|i| i.level > whole.level && i.level <= ItemLevel::Computation)
                    .filter(|i| i.level == below)
                    .map(|i| i.amount)
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let (s, unit) = sum(&parts);
                let unit = if whole.amount.unit == Unit::WanYuan {
                    Unit::WanYuan
                } else {
                    unit
                };
                let severity = match agrees(whole.amount.to_yuan(), s, parts.len(), unit) {
                    Agreement::Exact => continue,
                    Agreement::RoundingTail => Severity::Info,
                    Agreement::Differs => Severity::Error,
                };
                out.push(Finding {
                    rule: "P003",
                    severity,
                    message: format!(
                        "项目“{}”中“{}”所列 {} 项之和与其金额不符",
                        p.name,
                        whole.label,
                        parts.len()
                    ),
                    location: FindingLocation::in_section(
                        format!("{}经费情况说明", p.name),
                        whole.location,
                    ),
                    expected: Some(wan(s)),
                    actual: Some(wan(whole.amount.to_yuan())),
                    hint: Some("核对分项金额与该项金额".into()),
                });
            }
        }
    }
    out
}

fn key(name: &str) -> String {
    let c: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    c.trim_end_matches("经费")
        .trim_end_matches("项目")
        .to_string()
}

/// Whether a form's project and a project description name the same project: one name
/// contains the other, or they share most character pairs (`局、处级干部体检费` and
/// `局级、处级干部 体检费`); a document with one of each pairs them.
pub(crate) fn same_project(doc: &Document, form: &str, project: &str) -> bool {
    if doc.projects.len() == 1 && doc.performance_forms.len() == 1 {
        return true;
    }
    let (a, b) = (key(form), key(project));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(&b) || b.contains(&a) {
        return true;
    }
    yusuan_domain::name_similarity(&a, &b) >= 0.6
}

/// P002: a performance form's 年度资金总额 equals its project's stated total.
pub fn form_funds_match_project(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &doc.performance_forms {
        let Some(funds) = f.funds.total else { continue };
        let Some(p) = doc
            .projects
            .iter()
            .find(|p| same_project(doc, &f.project, &p.name))
        else {
            continue;
        };
        let Some(total) = p.total else { continue };
        let unit = if funds.unit == Unit::WanYuan || total.unit == Unit::WanYuan {
            Unit::WanYuan
        } else {
            Unit::Yuan
        };
        let severity = match agrees(total.to_yuan(), funds.to_yuan(), 1, unit) {
            Agreement::Exact => continue,
            Agreement::RoundingTail => Severity::Info,
            Agreement::Differs => Severity::Warning,
        };
        let loc = f
            .funds
            .printed
            .get(&yusuan_domain::FundKey::Total)
            .map_or(f.location, |x| x.1);
        out.push(Finding {
            rule: "P002",
            severity,
            message: format!(
                "绩效目标表“{}”的年度资金总额与项目经费情况说明所述总额不符",
                f.project
            ),
            location: FindingLocation::in_section(format!("绩效目标表：{}", f.project), loc),
            expected: Some(wan(total.to_yuan())),
            actual: Some(wan(funds.to_yuan())),
            hint: Some("绩效目标表的资金应与项目预算一致".into()),
        });
    }
    out
}

/// S001: 政府采购 货物 + 工程 + 服务 equals the stated total.
pub fn procurement_parts_add_up(doc: &Document) -> Vec<Finding> {
    let Some(p) = &doc.stated.procurement else {
        return Vec::new();
    };
    let (Some(g), Some(w), Some(s)) = (p.goods, p.works, p.services) else {
        return Vec::new();
    };
    let (parts, unit) = sum(&[g, w, s]);
    let severity = match agrees(p.total.to_yuan(), parts, 3, unit) {
        Agreement::Exact => return Vec::new(),
        Agreement::RoundingTail => Severity::Info,
        Agreement::Differs => Severity::Error,
    };
    vec![Finding {
        rule: "S001",
        severity,
        message: "政府采购预算的货物、工程、服务之和与总额不符".into(),
        location: FindingLocation::in_section("政府采购预算情况", p.location),
        expected: Some(wan(parts)),
        actual: Some(wan(p.total.to_yuan())),
        hint: Some("核对政府采购预算总额及其分项".into()),
    }]
}

/// S002: where the document prints the project descriptions themselves, the 绩效 summary's
/// number of projects and amount equal the projects printed.
pub fn summary_matches_projects(doc: &Document) -> Vec<Finding> {
    let Some(perf) = &doc.stated.performance else {
        return Vec::new();
    };
    if doc.meta.format != RegionalFormat::ProjectDescriptions || doc.projects.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(n) = perf.projects {
        if n as usize != doc.projects.len() {
            out.push(Finding {
                rule: "S002",
                severity: Severity::Warning,
                message: "绩效目标情况所述项目个数与所列项目经费情况说明的个数不符".into(),
                location: FindingLocation::in_section("绩效目标设置情况", perf.location),
                expected: Some(format!("{}个", doc.projects.len())),
                actual: Some(format!("{n}个")),
                hint: None,
            });
        }
    }
    let totals: Option<Vec<Amount>> = doc.projects.iter().map(|p| p.total).collect();
    if let (Some(a), Some(totals)) = (perf.amount, totals) {
        let (s, unit) = sum(&totals);
        let severity = match agrees(a.to_yuan(), s, totals.len(), unit) {
            Agreement::Exact => None,
            Agreement::RoundingTail => Some(Severity::Info),
            Agreement::Differs => Some(Severity::Warning),
        };
        if let Some(severity) = severity {
            out.push(Finding {
                rule: "S002",
                severity,
                message: "绩效目标情况所述项目预算资金与各项目所述总额之和不符".into(),
                location: FindingLocation::in_section("绩效目标设置情况", perf.location),
                expected: Some(wan(s)),
                actual: Some(wan(a.to_yuan())),
                hint: None,
            });
        }
    }
    out
}

/// Every paragraph of the narrative and every line of the project descriptions, with where it
/// was printed and the part it belongs to (the texts S004 and S005 read).
fn texts(doc: &Document) -> Vec<(String, Location, String)> {
    let mut out: Vec<(String, Location, String)> = Vec::new();
    for s in &doc.sections {
        for p in &s.paragraphs {
            out.push((p.text.clone(), p.location, s.title.clone()));
        }
    }
    for p in &doc.projects {
        for part in &p.parts {
            for (k, line) in part.text.lines().enumerate() {
                out.push((
                    line.to_string(),
                    part.line_locations.get(k).copied().unwrap_or(part.location),
                    format!("{}经费情况说明", p.name),
                ));
            }
        }
    }
    out
}

/// S004: a `price × quantity = amount` the text computes (`0.35万元*7=2.45万元`,
/// `3天*800人*60.00元/人/天=144000.00元`) is right.
pub fn products_are_right(doc: &Document) -> Vec<Finding> {
    let texts = texts(doc);
    let mut out = Vec::new();
    for (text, loc, section) in texts {
        for p in yusuan_domain::products(&text) {
            if p.is_right() {
                continue;
            }
            out.push(Finding {
                rule: "S004",
                severity: Severity::Error,
                message: format!("计算式“{}={}”的结果不对", p.expression, p.result_printed),
                location: FindingLocation::in_section(&section, loc),
                expected: Some(format!("{}{}", p.computed_as_printed(), p.result.unit)),
                actual: Some(p.result_printed.clone()),
                hint: Some("核对单价、数量与金额".into()),
            });
        }
    }
    out
}

/// S003: the 机构设置 counts of units by type (`行政单位1家, 事业单位1家`) add up to the units
/// the section lists.
pub fn unit_counts_match_list(doc: &Document) -> Vec<Finding> {
    let Some(c) = &doc.stated.unit_counts else {
        return Vec::new();
    };
    let stated = c.administrative + c.civil_service + c.institutions;
    if doc.units.is_empty() || stated as usize == doc.units.len() {
        return Vec::new();
    }
    vec![Finding {
        rule: "S003",
        severity: Severity::Warning,
        message: format!(
            "机构设置所述单位个数（行政{}家、参公{}家、事业{}家）与所列单位不符",
            c.administrative, c.civil_service, c.institutions
        ),
        location: FindingLocation::in_section("机构设置", c.location),
        expected: Some(format!("{}家", doc.units.len())),
        actual: Some(format!("{stated}家")),
        hint: Some("核对单位个数与名单".into()),
    }]
}

/// S005: parts listed after `其中` that add up to the whole before it only when a part printed in
/// 元 is read as 万元 (`预算资金约198.00万元（其中党建工作经费65.00万元，党建服务中心专项经费
/// 133.00元）`): a unit slip. A list that does not add up either way may be partial and is left
/// alone.
pub fn parts_unit_slip(doc: &Document) -> Vec<Finding> {
    let texts = texts(doc);
    let mut out = Vec::new();
    for (text, loc, section) in texts {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let ms: Vec<yusuan_domain::Mention> = yusuan_domain::mentions(&text)
            .into_iter()
            .filter(|m| m.per.is_none())
            .collect();
        for (k, _) in text.match_indices("其中") {
            let sentence_start = text[..k].rfind('。').map_or(0, |k| k + '。'.len_utf8());
            let sentence_end = text[k..].find('。').map_or(text.len(), |e| k + e);
            let Some(whole) = ms
                .iter()
                .rev()
                .find(|m| m.end <= k && m.start >= sentence_start)
            else {
                continue;
            };
            let parts: Vec<&yusuan_domain::Mention> = ms
                .iter()
                .filter(|m| m.start > k && m.end <= sentence_end)
                .collect();
            if parts.len() < 2 || whole.unit != Unit::WanYuan {
                continue;
            }
            let sum = |fix: bool| -> Decimal {
                parts
                    .iter()
                    .map(|m| {
                        if fix && m.unit == Unit::Yuan {
                            m.value * Unit::WanYuan.in_yuan()
                        } else {
                            m.yuan()
                        }
                    })
                    .sum()
            };
            let target = whole.yuan();
            if sum(false) == target || sum(true) != target {
                continue;
            }
            for m in parts.iter().filter(|m| m.unit == Unit::Yuan) {
                out.push(Finding {
                    rule: "S005",
                    severity: Severity::Error,
                    message: format!(
                        "“{}”写作“{}”，按万元计各项之和才等于{}（{}）：单位应为万元",
                        m.name, m.printed, whole.printed, whole.name
                    ),
                    location: FindingLocation::in_section(&section, loc),
                    expected: Some(format!("{}万元", m.value)),
                    actual: Some(m.printed.clone()),
                    hint: Some("核对金额单位".into()),
                });
            }
        }
    }
    out
}

/// Words that mark a clause as stating the whole project's budget (`本项目年度预算安排57.8万元`);
/// `项目经费` alone is not one (`“先锋行动”项目经费2.00万元` is a sub-project's).
const WHOLE_PROJECT: [&str; 3] = ["本项目", "该项目", "项目总预算"];
/// Words that mark another figure of the project: an earlier year's, a running total, a source.
const OTHER_FIGURE: [&str; 12] = [
    "上年",
    "去年",
    "以前",
    "累计",
    "已",
    "概算",
    "总投资",
    "其中",
    "中央",
    "市级补助",
    "结转",
    "占",
];

/// P004: where a project's description restates its budget (`本项目安排…`, `项目经费…`) the figure
/// is the total it states (`56.12万元 … 本项目安排57.8万元` is one project with two budgets).
pub fn project_total_restated(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let year = doc.meta.year.to_string();
    for p in &doc.projects {
        let (Some(total), Some((_, total_at))) = (p.total, p.total_printed.as_ref()) else {
            continue;
        };
        for part in &p.parts {
            for (k, line) in part.text.lines().enumerate() {
                let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
                // An item or sub-item (`1.`, `(1)`, `①`) is a part of the budget, not the whole.
                let item = compact
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || "(（①②③④⑤⑥⑦⑧⑨⑩".contains(c));
                if item {
                    continue;
                }
                let location = part.line_locations.get(k).copied().unwrap_or(part.location);
                for m in yusuan_domain::mentions(&compact) {
                    if m.per.is_some()
                        || (location == *total_at && m.amount().to_yuan() == total.to_yuan())
                    {
                        continue;
                    }
                    // The clause the figure closes: from the last stop before it.
                    let before = &compact[..m.start];
                    let clause = before
                        .rsplit(['。', '；', ';', '，', ',', '：', ':'])
                        .next()
                        .unwrap_or(before);
                    let named =
                        !p.name.is_empty() && clause.contains(format!("{}项目", p.name).as_str());
                    let whole = WHOLE_PROJECT.iter().any(|w| clause.contains(w)) || named;
                    let other_year = clause.contains("年")
                        && !clause.contains(year.as_str())
                        && clause.chars().any(|c| c.is_ascii_digit());
                    if !whole
                        || other_year
                        || OTHER_FIGURE.iter().any(|w| clause.contains(w))
                        || !clause.contains("安排")
                            && !clause.contains("预算")
                            && !clause.contains("经费")
                    {
                        continue;
                    }
                    let unit = if m.unit == Unit::WanYuan || total.unit == Unit::WanYuan {
                        Unit::WanYuan
                    } else {
                        Unit::Yuan
                    };
                    if agrees(total.to_yuan(), m.amount().to_yuan(), 1, unit) != Agreement::Differs
                    {
                        continue;
                    }
                    out.push(Finding {
                        rule: "P004",
                        severity: Severity::Warning,
                        message: format!("项目“{}”的说明在“{}”处另述预算{}，与所述总额不同", p.name, clause.chars().rev().take(16).collect::<Vec<_>>().into_iter().rev().collect::<String>(), m.printed),
                        location: FindingLocation::in_section(format!("{}经费情况说明", p.name), location),
                        expected: Some(wan(total.to_yuan())),
                        actual: Some(wan(m.amount().to_yuan())),
                        hint: Some("核对项目预算总额：两处应为同一数字（或写明另一数字是哪一年、哪一部分的）".into()),
                    });
                }
            }
        }
    }
    out
}

/// A share of the project printed right after an amount (`，占项目总预算的20%`): the words
/// between 占 and the number name the project's budget; its percentage.
fn project_share_after(text: &str, at: usize) -> Option<Percent> {
    let (words, pct) = share_after(text, at, &['，', ',', '、', '（', '('])?;
    let names_project = words.chars().count() <= 12
        && (words.contains("项目") || words.contains("总预算"))
        && !words.contains("其中");
    names_project.then_some(pct)
}

/// P005: a part of a project stated as a share of the project's budget (`培训费2.40万元，占项目
/// 总预算的20%`) is that share of the total the description states.
pub fn project_shares_follow(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &doc.projects {
        let Some(total) = p.total.filter(|t| !t.value.is_zero()) else {
            continue;
        };
        for part in &p.parts {
            for (k, line) in part.text.lines().enumerate() {
                let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
                let location = part.line_locations.get(k).copied().unwrap_or(part.location);
                for m in yusuan_domain::mentions(&compact) {
                    let Some(pct) = project_share_after(&compact, m.end) else {
                        continue;
                    };
                    let Some(share) = pct.recomputed(m.amount().to_yuan(), total.to_yuan()) else {
                        continue;
                    };
                    out.push(pct.finding(
                        "P005",
                        share,
                        format!(
                            "项目“{}”中“{}”{}占项目预算的比例与金额不符：{}÷{}",
                            p.name,
                            m.name,
                            m.printed,
                            m.printed,
                            wan(total.to_yuan())
                        ),
                        FindingLocation::in_section(format!("{}经费情况说明", p.name), location),
                        "占比应按所列金额与项目预算总额重新计算",
                    ));
                }
            }
        }
    }
    out
}
