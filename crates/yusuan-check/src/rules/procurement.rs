//! P006: 政府采购 stated in project descriptions against the department's 政府采购预算. A project
//! text that says what of it is bought by 政府采购 (`本项目政府采购预算12万元，其中服务类10万元`)
//! states part of the department's 政府采购: the projects' 货物, 工程 and 服务 together cannot be
//! more than the department states (其他相关情况说明) or prints (政府采购预算表) for each, nor a
//! project's 政府采购 more than the project's budget.

use super::stated::{agrees, wan};
use crate::tolerance::Agreement;
use crate::{Finding, FindingLocation, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Amount, Document, Location, TableKind, Unit};

/// What a procurement figure is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Goods,
    Works,
    Services,
    Total,
}

impl Part {
    fn label(self) -> &'static str {
        match self {
            Part::Goods => "货物",
            Part::Works => "工程",
            Part::Services => "服务",
            Part::Total => "合计",
        }
    }
}

/// A project's 政府采购 figure: the part, the amount, where it is printed.
struct Stated {
    part: Part,
    amount: Amount,
    location: Location,
}

/// The 政府采购 figures of one line of a project's text: in each sentence that names 政府采购,
/// every amount whose clause names 货物/工程/服务 (or 采购 alone: the whole). Unit prices and
/// other years' figures are not this year's procurement.
fn stated_in(line: &str, year: &str) -> Vec<(Part, Amount)> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    for sentence in compact.split_inclusive(['。', '；', ';']) {
        if !sentence.contains("政府采购") {
            continue;
        }
        for m in yusuan_domain::mentions(sentence) {
            if m.per.is_some() {
                continue;
            }
            let before = &sentence[..m.start];
            let clause = before
                .rsplit(['，', ',', '：', ':', '、'])
                .next()
                .unwrap_or(before);
            let other_year = clause.contains('年')
                && clause.chars().any(|c| c.is_ascii_digit())
                && !clause.contains(year);
            if other_year || clause.contains("占") {
                continue;
            }
            let part = if clause.contains("货物") {
                Part::Goods
            } else if clause.contains("工程") {
                Part::Works
            } else if clause.contains("服务") {
                Part::Services
            } else if clause.contains("采购") {
                Part::Total
            } else {
                continue;
            };
            out.push((part, m.amount()));
        }
    }
    out
}

/// Each project's stated 政府采购 (a part stated twice counts once: its first figure).
fn by_project(doc: &Document) -> Vec<(String, Vec<Stated>)> {
    let year = doc.meta.year.to_string();
    doc.projects
        .iter()
        .map(|p| {
            let mut stated: Vec<Stated> = Vec::new();
            for part in &p.parts {
                for (k, line) in part.text.lines().enumerate() {
                    let location = part.line_locations.get(k).copied().unwrap_or(part.location);
                    for (kind, amount) in stated_in(line, &year) {
                        if !stated.iter().any(|s| s.part == kind) {
                            stated.push(Stated {
                                part: kind,
                                amount,
                                location,
                            });
                        }
                    }
                }
            }
            (p.name.clone(), stated)
        })
        .collect()
}

/// The department's 政府采购 by part: as the narrative states it, else the 政府采购预算表's total.
fn department(doc: &Document) -> Vec<(Part, Amount)> {
    if let Some(p) = &doc.stated.procurement {
        let mut out = vec![(Part::Total, p.total)];
        for (part, a) in [
            (Part::Goods, p.goods),
            (Part::Works, p.works),
            (Part::Services, p.services),
        ] {
            if let Some(a) = a {
                out.push((part, a));
            }
        }
        return out;
    }
    let Some(t) = doc.tables.iter().find(|t| t.kind == TableKind::Procurement) else {
        return vec![];
    };
    let total = t
        .rows
        .iter()
        .find(|r| r.code.is_none() && r.is_total())
        .and_then(|r| r.cells.iter().rev().find_map(|c| c.amount()));
    total
        .map(|v| {
            vec![(
                Part::Total,
                Amount {
                    value: v,
                    unit: t.unit,
                },
            )]
        })
        .unwrap_or_default()
}

/// More than the limit beyond the printed precision's tolerance.
fn exceeds(sum: Decimal, limit: Decimal, terms: usize, unit: Unit) -> bool {
    sum > limit && agrees(limit, sum, terms, unit) == Agreement::Differs
}

/// P006: the projects' 政府采购 within the department's, part by part, and each project's within
/// its budget.
pub fn projects_within_procurement(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let projects = by_project(doc);
    let at =
        |name: &str, l: Location| FindingLocation::in_section(format!("{name}经费情况说明"), l);
    // Each project: its 政府采购 (its parts' sum where it states parts) within its budget.
    for (p, (name, stated)) in doc.projects.iter().zip(&projects) {
        let Some(total) = p.total else { continue };
        let parts: Vec<&Stated> = stated.iter().filter(|s| s.part != Part::Total).collect();
        let (sum, first) = if parts.is_empty() {
            match stated.iter().find(|s| s.part == Part::Total) {
                Some(s) => (s.amount.to_yuan(), s),
                None => continue,
            }
        } else {
            (parts.iter().map(|s| s.amount.to_yuan()).sum(), parts[0])
        };
        let unit = if first.amount.unit == Unit::WanYuan || total.unit == Unit::WanYuan {
            Unit::WanYuan
        } else {
            Unit::Yuan
        };
        if exceeds(sum, total.to_yuan(), parts.len().max(1), unit) {
            out.push(Finding {
                rule: "P006",
                severity: Severity::Warning,
                message: format!("项目“{name}”所述政府采购{}超过项目预算", wan(sum)),
                location: at(name, first.location),
                expected: Some(format!("不超过 {}", wan(total.to_yuan()))),
                actual: Some(wan(sum)),
                hint: Some("核对项目说明中的政府采购金额与项目预算".into()),
            });
        }
    }
    // The department: each part the projects state, against the department's figure of it.
    let mut dept = department(doc);
    // The parts first: where a part is exceeded, the whole is the same cause (one finding).
    dept.sort_by_key(|(part, _)| *part);
    let mut part_exceeded = false;
    for (part, limit) in &dept {
        if *part == Part::Total && part_exceeded {
            continue;
        }
        // The projects' figures of this part; for the whole, each project's parts where it
        // states them, else its whole.
        let mut of_part: Vec<(&String, &Stated)> = Vec::new();
        for (name, stated) in &projects {
            let parts: Vec<&Stated> = stated.iter().filter(|s| s.part != Part::Total).collect();
            let picked: Vec<&Stated> = match part {
                Part::Total if parts.is_empty() => {
                    stated.iter().filter(|s| s.part == Part::Total).collect()
                }
                Part::Total => parts,
                p => stated.iter().filter(|s| s.part == *p).collect(),
            };
            of_part.extend(picked.into_iter().map(|s| (name, s)));
        }
        if of_part.is_empty() {
            continue;
        }
        let sum: Decimal = of_part.iter().map(|(_, s)| s.amount.to_yuan()).sum();
        let unit = if limit.unit == Unit::WanYuan
            || of_part.iter().any(|(_, s)| s.amount.unit == Unit::WanYuan)
        {
            Unit::WanYuan
        } else {
            Unit::Yuan
        };
        if !exceeds(sum, limit.to_yuan(), of_part.len(), unit) {
            continue;
        }
        part_exceeded = true;
        let names: Vec<&str> = of_part.iter().map(|(n, _)| n.as_str()).collect();
        let what = if *part == Part::Total {
            "政府采购".to_string()
        } else {
            format!("政府采购{}", part.label())
        };
        out.push(Finding {
            rule: "P006",
            severity: Severity::Warning,
            message: format!("项目说明所述{what}合计{}（{}），超过部门{what}预算", wan(sum), names.join("、")),
            location: at(of_part[0].0, of_part[0].1.location),
            expected: Some(format!("不超过 {}", wan(limit.to_yuan()))),
            actual: Some(wan(sum)),
            hint: Some("核对项目说明与政府采购预算（其他相关情况说明或政府采购预算表）：项目的政府采购是部门政府采购的一部分".into()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procurement_figures_of_a_line() {
        // check(input, expect): the parts and amounts (元) a line states.
        let y = |v: i64| Decimal::from(v);
        let cases: [(&str, Vec<(Part, Decimal)>); 5] = [
            (
                "本项目政府采购预算12万元，其中服务类10万元、货物类2万元。",
                vec![
                    (Part::Total, y(120_000)),
                    (Part::Services, y(100_000)),
                    (Part::Goods, y(20_000)),
                ],
            ),
            ("通过政府采购购买服务，预算5.5万元。", vec![]),
            (
                "通过政府采购购买服务5.5万元。",
                vec![(Part::Services, y(55_000))],
            ),
            ("2024年政府采购服务8万元。", vec![]),
            ("采购办公设备2万元。", vec![]),
        ];
        for (line, expect) in cases {
            let got: Vec<(Part, Decimal)> = stated_in(line, "2026")
                .into_iter()
                .map(|(p, a)| (p, a.to_yuan()))
                .collect();
            assert_eq!(got, expect, "{line}");
        }
    }
}
