//! Within the narrative (P001, P002, S001, S002): parts that must add up to a stated whole —
//! a project's itemised budget and its total, a performance form's funds and its project, 政府
//! 采购 货物 + 工程 + 服务, and the 绩效 summary's count and amount against the projects listed.

use crate::tolerance::{agree, Agreement};
use crate::{Finding, FindingLocation, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Amount, Document, Location, RegionalFormat, Unit};

fn at(section: &str, l: Location) -> FindingLocation {
    FindingLocation { section: Some(section.into()), page: l.page, line: l.line, ..Default::default() }
}

fn wan(yuan: Decimal) -> String {
    format!("{}万元", (yuan / Decimal::from(10_000)).normalize())
}

/// Sums printed amounts: in 元, with the unit the tolerance should use (万元 when any term is).
fn sum(amounts: &[Amount]) -> (Decimal, Unit) {
    let unit = if amounts.iter().any(|a| a.unit == Unit::WanYuan) { Unit::WanYuan } else { Unit::Yuan };
    (amounts.iter().map(|a| a.to_yuan()).sum(), unit)
}

/// `agree` on 元 values, with the tolerance of `unit`.
fn agrees(total: Decimal, parts: Decimal, terms: usize, unit: Unit) -> Agreement {
    if unit == Unit::WanYuan {
        let w = Decimal::from(10_000);
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
        let items: Vec<Amount> = p.parts.iter().flat_map(|x| &x.items).filter(|i| i.level == 1).map(|i| i.amount).collect();
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
            message: format!("项目“{}”年度预算安排所列 {} 项之和与所述预算总额不符", p.name, items.len()),
            location: at(&format!("{}经费情况说明", p.name), loc),
            expected: Some(wan(s)),
            actual: Some(wan(total.to_yuan())),
            hint: Some("核对各项金额与总额，或补上漏列的项目".into()),
        });
    }
    out
}

fn key(name: &str) -> String {
    let c: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    c.trim_end_matches("经费").trim_end_matches("项目").to_string()
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
    let pairs = |s: &str| s.chars().collect::<Vec<_>>().windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>();
    let (x, y) = (pairs(&a), pairs(&b));
    let shared = x.iter().filter(|g| y.contains(g)).count();
    // Dice similarity ≥ 0.6, in integers: 2·shared / (|x|+|y|) ≥ 3/5.
    10 * shared >= 3 * (x.len() + y.len())
}

/// P002: a performance form's 年度资金总额 equals its project's stated total.
pub fn form_funds_match_project(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &doc.performance_forms {
        let Some(funds) = f.funds.total else { continue };
        let Some(p) = doc.projects.iter().find(|p| same_project(doc, &f.project, &p.name)) else { continue };
        let Some(total) = p.total else { continue };
        let unit = if funds.unit == Unit::WanYuan || total.unit == Unit::WanYuan { Unit::WanYuan } else { Unit::Yuan };
        let severity = match agrees(total.to_yuan(), funds.to_yuan(), 1, unit) {
            Agreement::Exact => continue,
            Agreement::RoundingTail => Severity::Info,
            Agreement::Differs => Severity::Warning,
        };
        let loc = f.funds.printed.get("total").map_or(f.location, |x| x.1);
        out.push(Finding {
            rule: "P002",
            severity,
            message: format!("绩效目标表“{}”的年度资金总额与项目经费情况说明所述总额不符", f.project),
            location: at(&format!("绩效目标表：{}", f.project), loc),
            expected: Some(wan(total.to_yuan())),
            actual: Some(wan(funds.to_yuan())),
            hint: Some("绩效目标表的资金应与项目预算一致".into()),
        });
    }
    out
}

/// S001: 政府采购 货物 + 工程 + 服务 equals the stated total.
pub fn procurement_parts_add_up(doc: &Document) -> Vec<Finding> {
    let Some(p) = &doc.stated.procurement else { return Vec::new() };
    let (Some(g), Some(w), Some(s)) = (p.goods, p.works, p.services) else { return Vec::new() };
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
        location: at("政府采购预算情况", p.location),
        expected: Some(wan(parts)),
        actual: Some(wan(p.total.to_yuan())),
        hint: Some("核对政府采购预算总额及其分项".into()),
    }]
}

/// S002: where the document prints the project descriptions themselves, the 绩效 summary's
/// number of projects and amount equal the projects printed.
pub fn summary_matches_projects(doc: &Document) -> Vec<Finding> {
    let Some(perf) = &doc.stated.performance else { return Vec::new() };
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
                location: at("绩效目标设置情况", perf.location),
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
                location: at("绩效目标设置情况", perf.location),
                expected: Some(wan(s)),
                actual: Some(wan(a.to_yuan())),
                hint: None,
            });
        }
    }
    out
}

/// One factor of a price × quantity expression: its number, and 元 per unit when it is money.
fn factor(s: &str) -> Option<(Decimal, Option<bool>, usize)> {
    let digits = s.char_indices().take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',').last().map(|(i, c)| i + c.len_utf8())?;
    let number = s[..digits].trim_end_matches(['.', ',']);
    let value = yusuan_domain::parse_amount(number).ok()?;
    let mut at = number.len();
    let rest = &s[at..];
    let money = if rest.starts_with("万元") {
        at += "万元".len();
        Some(true)
    } else if rest.starts_with('元') {
        at += '元'.len_utf8();
        Some(false)
    } else {
        None
    };
    // `/人/天`, then a count word (`期`, `人`, `批次`): up to two characters each.
    let is_word = |c: char| !c.is_ascii() && !"元万×✕＊＝，。；：、（）".contains(c);
    loop {
        let rest = &s[at..];
        if let Some(r) = rest.strip_prefix('/') {
            let n: usize = r.chars().take_while(|c| is_word(*c)).take(3).map(char::len_utf8).sum();
            if n == 0 {
                break;
            }
            at += 1 + n;
        } else {
            break;
        }
    }
    let n: usize = s[at..].chars().take_while(|c| is_word(*c)).take(2).map(char::len_utf8).sum();
    Some((value, money, at + n))
}

/// Evaluates `a*b*c+d*e` (exactly one money factor per term) in 元; the whole of `s` must parse.
fn evaluate(s: &str) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    for term in s.split('+') {
        let mut product = Decimal::ONE;
        let mut money = 0;
        for f in term.split(['*', '×', 'x', 'X', '✕', '＊']) {
            let (v, m, used) = factor(f)?;
            if used != f.len() {
                return None;
            }
            if let Some(wan) = m {
                money += 1;
                product *= if wan { v * Decimal::from(10_000) } else { v };
            } else {
                product *= v;
            }
        }
        if money != 1 || !term.contains(['*', '×', 'x', 'X', '✕', '＊']) && s.split('+').count() == 1 {
            return None;
        }
        total += product;
    }
    Some(total)
}

/// Every `price × quantity = amount` in a text: (expression, computed 元, printed result, result
/// as printed in its unit and precision).
fn products(text: &str) -> Vec<(String, Decimal, String, Decimal, Decimal)> {
    let mut out = Vec::new();
    for (eq, sign) in text.match_indices(['=', '＝']) {
        let right = &text[eq + sign.len()..];
        let Some((result, Some(wan), used)) = factor(right) else { continue };
        let printed = right[..used].trim_end_matches(|c: char| !c.is_ascii_digit() && c != '元').to_string();
        let dp = printed.split('.').nth(1).map_or(0, |f| f.chars().take_while(char::is_ascii_digit).count() as u32);
        // The longest expression ending at `=`: try every start in the clause.
        let left = &text[..eq];
        let clause_start = left.rfind(['，', '。', '；', '：', ':', '（', '(', '、', ',']).map_or(0, |k| k + left[k..].chars().next().map_or(1, char::len_utf8));
        let clause = &left[clause_start..];
        let starts = clause.char_indices().filter(|(i, c)| c.is_ascii_digit() && (*i == 0 || !clause[..*i].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ',')));
        for (i, _) in starts {
            if let Some(v) = evaluate(&clause[i..]) {
                let unit = if wan { Decimal::from(10_000) } else { Decimal::ONE };
                out.push((clause[i..].to_string(), v, printed.clone(), (v / unit).round_dp(dp), result));
                break;
            }
        }
    }
    out
}

/// S004: a `price × quantity = amount` the text computes (`0.35万元*7=2.45万元`,
/// `3天*800人*60.00元/人/天=144000.00元`) is right.
pub fn products_are_right(doc: &Document) -> Vec<Finding> {
    let mut texts: Vec<(String, Location, String)> = Vec::new();
    for s in &doc.sections {
        for p in &s.paragraphs {
            texts.push((p.text.clone(), p.location, s.title.clone()));
        }
    }
    for p in &doc.projects {
        for part in &p.parts {
            for (k, line) in part.text.lines().enumerate() {
                texts.push((line.to_string(), part.line_locations.get(k).copied().unwrap_or(part.location), format!("{}经费情况说明", p.name)));
            }
        }
    }
    let mut out = Vec::new();
    for (text, loc, section) in texts {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for (expr, _, printed, computed, result) in products(&compact) {
            if computed == result {
                continue;
            }
            out.push(Finding {
                rule: "S004",
                severity: Severity::Error,
                message: format!("计算式“{expr}={printed}”的结果不对"),
                location: at(&section, loc),
                expected: Some(format!("{computed}{}", if printed.ends_with("万元") { "万元" } else { "元" })),
                actual: Some(printed),
                hint: Some("核对单价、数量与金额".into()),
            });
        }
    }
    out
}

/// S003: the 机构设置 counts of units by type (`行政单位1家, 事业单位1家`) add up to the units
/// the section lists.
pub fn unit_counts_match_list(doc: &Document) -> Vec<Finding> {
    let Some(c) = &doc.stated.unit_counts else { return Vec::new() };
    let stated = c.administrative + c.civil_service + c.institutions;
    if doc.units.is_empty() || stated as usize == doc.units.len() {
        return Vec::new();
    }
    vec![Finding {
        rule: "S003",
        severity: Severity::Warning,
        message: format!("机构设置所述单位个数（行政{}家、参公{}家、事业{}家）与所列单位不符", c.administrative, c.civil_service, c.institutions),
        location: at("机构设置", c.location),
        expected: Some(format!("{}家", doc.units.len())),
        actual: Some(format!("{stated}家")),
        hint: Some("核对单位个数与名单".into()),
    }]
}

#[cfg(test)]
mod tests {
    use super::products;

    #[test]
    fn computes_what_the_text_computes() {
        // Seed 003's own expressions (all right).
        for t in [
            "预计租房费用为4000.00元*12*3=14.40万元",
            "共计800.00元*10*6+800.00元*6*12=10.56万元",
            "50*450.00元+101*300.00元=5.28万元",
            "体检租车费用0.35万元*7=2.45万元",
            "培训费3天*800人*60.00元/人/天=144000.00元",
            "师资费4000.00元/讲*20期=80000.00元",
            "费用:1100人*50.00元/人=55000.00元",
        ] {
            let p = products(t);
            assert_eq!(p.len(), 1, "{t}");
            assert_eq!(p[0].3, p[0].4, "{t}: {:?}", p[0]);
        }
        let wrong = products("租车费用0.35万元*7=2.55万元");
        assert_eq!((wrong[0].3.to_string(), wrong[0].4.to_string()), ("2.45".to_string(), "2.55".to_string()));
        assert!(products("2026年1月=全年").is_empty());
    }
}
