//! Figures stated in the narrative outside the tables: 政府采购 (货物/工程/服务), the 绩效目标
//! summary (units, projects, money) and the 国有资产 counts. Read from the paragraphs of every
//! section, in the documents' own phrasing.

use super::narrative::first_amount;
use yusuan_domain::{
    Amount, AssetSummary, Document, Location, PerformanceSummary, Procurement, SectionKind,
    UnitCounts, UnitKind,
};

/// The amount printed right after `key` (at any of its occurrences).
fn amount_after(text: &str, key: &str) -> Option<Amount> {
    text.match_indices(key).find_map(|(at, _)| {
        let rest = text[at + key.len()..].trim_start_matches(['为', '：', ':', '约']);
        match first_amount(rest) {
            Some((a, 0, _)) => Some(a),
            _ => None,
        }
    })
}

/// The count printed right after `key` (at any of its occurrences).
fn count_after(text: &str, key: &str) -> Option<u32> {
    text.match_indices(key).find_map(|(at, _)| {
        let rest = text[at + key.len()..].trim_start();
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().ok()
    })
}

fn count_before(text: &str, key: &str) -> Option<u32> {
    let at = text.find(key)?;
    let digits: String = text[..at]
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// The `N家` after a unit type in the 机构设置 text (`行政单位1家`, `参公单位 1 家`).
fn units_of(text: &str, keys: &[&str]) -> u32 {
    keys.iter().filter_map(|k| count_after(text, k)).sum()
}

/// Reads the 机构设置 counts, and gives every listed unit its type when the counts leave no
/// doubt (all units of one type, as many as listed).
/// A unit's likely type from its name (see [`read_unit_counts`], which checks the guess against
/// the counts the text states).
fn kind_by_name(name: &str) -> UnitKind {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let n = n
        .trim_end_matches(['（', '）', '(', ')'])
        .replace("（本部）", "本部")
        .replace("(本部)", "本部");
    if n.contains("参公") || n.contains("执法") {
        UnitKind::CivilServiceInstitution
    } else if n.contains("事业单位") {
        UnitKind::Institution
    } else if n.ends_with("本部")
        || ["办事处", "办公室", "委员会", "部", "局", "厅", "委", "政府"]
            .iter()
            .any(|s| n.ends_with(s))
    {
        UnitKind::Administrative
    } else if ["中心", "站", "所", "院", "馆", "队", "社", "学校", "室"]
        .iter()
        .any(|s| n.contains(s))
    {
        UnitKind::Institution
    } else {
        UnitKind::Other
    }
}

fn read_unit_counts(doc: &mut Document) {
    let Some(sec) = doc.section(SectionKind::Organisation) else {
        return;
    };
    let text: String = sec
        .paragraphs
        .iter()
        .map(|p| p.text.replace(' ', ""))
        .collect();
    if !text.contains("单位") || !text.contains('家') {
        return;
    }
    let counts = UnitCounts {
        administrative: units_of(&text, &["行政单位"]),
        civil_service: units_of(
            &text,
            &["参公单位", "参照公务员法管理的事业单位", "参公事业单位"],
        ),
        institutions: units_of(&text, &["，事业单位", ",事业单位", "、事业单位"]).max(
            if text.starts_with("事业单位") {
                units_of(&text, &["事业单位"])
            } else {
                0
            },
        ),
        location: sec.location,
    };
    let total = counts.administrative + counts.civil_service + counts.institutions;
    if total == 0 {
        return;
    }
    let kinds = [
        (counts.administrative, UnitKind::Administrative),
        (counts.civil_service, UnitKind::CivilServiceInstitution),
        (counts.institutions, UnitKind::Institution),
    ];
    let present: Vec<UnitKind> = kinds
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, k)| *k)
        .collect();
    if present.len() == 1 && doc.units.len() == total as usize {
        for u in &mut doc.units {
            u.kind = present[0];
        }
    } else if doc.units.len() == total as usize {
        // The text counts the types but does not say which unit is which: the names do
        // (`…本部` and organs are 行政; `…执法队` is 参公; `…中心`, `…站`, `…所` are 事业). Taken
        // only when the names give exactly the counts the text states.
        let guess: Vec<UnitKind> = doc.units.iter().map(|u| kind_by_name(&u.name)).collect();
        let count = |k: UnitKind| guess.iter().filter(|g| **g == k).count() as u32;
        if count(UnitKind::Administrative) == counts.administrative
            && count(UnitKind::CivilServiceInstitution) == counts.civil_service
            && count(UnitKind::Institution) == counts.institutions
        {
            for (u, g) in doc.units.iter_mut().zip(guess) {
                u.kind = g;
            }
        }
    }
    doc.stated.unit_counts = Some(counts);
}

/// Fills `doc.stated` from the narrative.
pub fn read_stated(doc: &mut Document) {
    read_unit_counts(doc);
    // Text extracted from PDFs breaks sentences across lines: read each section as one text,
    // sentence by sentence (a sentence ends with 。), keeping where each sentence starts.
    let mut sentences: Vec<(String, Location)> = Vec::new();
    for sec in &doc.sections {
        let mut cur = String::new();
        let mut at = sec.location;
        for p in &sec.paragraphs {
            if cur.is_empty() {
                at = p.location;
            }
            cur.push_str(p.text.trim());
            while let Some(end) = cur.find('。') {
                let rest = cur.split_off(end + '。'.len_utf8());
                sentences.push((std::mem::replace(&mut cur, rest), at));
                at = p.location;
            }
        }
        if !cur.is_empty() {
            sentences.push((cur, at));
        }
    }
    for (t, loc) in &sentences {
        if doc.stated.procurement.is_none() && t.contains("政府采购预算") {
            if let Some(total) = amount_after(t, "政府采购预算") {
                doc.stated.procurement = Some(Procurement {
                    total,
                    goods: amount_after(t, "货物预算").or_else(|| amount_after(t, "货物类")),
                    works: amount_after(t, "工程预算").or_else(|| amount_after(t, "工程类")),
                    services: amount_after(t, "服务预算").or_else(|| amount_after(t, "服务类")),
                    reserved_for_small_firms: None,
                    reserved_for_micro_firms: None,
                    location: *loc,
                });
            }
        }
        if let Some(p) = &mut doc.stated.procurement {
            if p.reserved_for_small_firms.is_none() {
                p.reserved_for_small_firms = amount_after(t, "预留政府采购项目预算金额");
            }
            if p.reserved_for_micro_firms.is_none() {
                p.reserved_for_micro_firms =
                    amount_after(t, "预留给小型和微型企业的政府采购项目预算");
            }
        }
        if doc.stated.performance.is_none() && t.contains("绩效目标") && t.contains("项目") {
            let projects =
                count_after(t, "编报绩效目标的项目").or_else(|| count_before(t, "个项目"));
            let amount = amount_after(t, "涉及项目预算资金");
            if projects.is_some() || amount.is_some() {
                doc.stated.performance = Some(PerformanceSummary {
                    units: count_before(t, "个预算单位"),
                    projects,
                    amount,
                    location: *loc,
                });
            }
        }
        if doc.stated.assets.is_none() && t.contains("共有车辆") {
            doc.stated.assets = Some(AssetSummary {
                vehicles: count_after(t, "共有车辆"),
                costly_equipment: count_after(t, "以上设备（不含车辆）")
                    .or_else(|| count_after(t, "以上设备(不含车辆)")),
                vehicles_to_buy: None,
                location: *loc,
            });
        }
        if let Some(a) = &mut doc.stated.assets {
            if a.vehicles_to_buy.is_none() {
                a.vehicles_to_buy = count_after(t, "安排购置车辆");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(
            count_before("本部门2个预算单位开展了", "个预算单位"),
            Some(2)
        );
        assert_eq!(
            count_after("编报绩效目标的项目17个，涉及", "编报绩效目标的项目"),
            Some(17)
        );
        assert_eq!(
            amount_after("政府采购预算1,382.56万元，其中", "政府采购预算")
                .unwrap()
                .to_string(),
            "1382.56万元"
        );
    }
}
