//! What the narrative says about the change: the reasons it gives (`主要原因是…`) and the
//! prior-year figures it quotes (`比2024年预算增加3,355.65万元`), checked against the comparison.

use crate::model::AlignedLine;
use rust_decimal::Decimal;
use yusuan_check::{Finding, FindingLocation, Severity};
use yusuan_domain::{Document, Location};

use yusuan_domain::compact;
use yusuan_domain::Unit;

/// A clause of the narrative (split at 。 and ；) with its section and where it starts. A
/// section's paragraphs are read as one text first, so a clause a PDF wrapped over lines stays
/// whole.
fn clauses(doc: &Document) -> Vec<(String, String, Location)> {
    let mut out = Vec::new();
    for s in yusuan_domain::section_texts(doc) {
        let mut at = 0;
        for c in s.text.split(['。', '；']) {
            if !c.is_empty() {
                out.push((c.to_string(), s.title.clone(), s.location(at)));
            }
            at += c.len() + '。'.len_utf8();
        }
    }
    out
}

/// Every `number 万元|元` in a (compact) text: value in 元, decimals printed, unit, byte range.
fn amounts(text: &str) -> Vec<(Decimal, u32, Unit, usize, usize)> {
    yusuan_domain::mentions(text)
        .into_iter()
        .filter(|m| m.per.is_none())
        .map(|m| (m.yuan().normalize(), m.decimals, m.unit, m.start, m.end))
        .collect()
}

/// Attaches to each changed line the reason the latest narrative gives in a clause that names it.
pub(crate) fn attach_reasons(latest: &Document, lines: &mut [AlignedLine]) {
    let clauses = clauses(latest);
    for l in lines.iter_mut() {
        // In the 三公 table the item is the column (`…/公务用车购置及运行费/购置费`); a 小计 or
        // 合计 is named by its parent (`公务用车购置及运行费`, `“三公”经费`).
        let label = if l.key.table == yusuan_domain::TableKind::ThreePublic {
            let mut parts = l.key.column.rsplit('/');
            let last = parts.next().unwrap_or_default();
            let name = if last == "小计" || last == "合计" {
                parts.next().unwrap_or(last)
            } else {
                last
            };
            compact(name.trim_matches(['“', '”']))
        } else {
            compact(&l.row_label)
        };
        let label = yusuan_domain::strip_numbering(&label);
        if l.change.is_zero()
            || label.chars().count() < 2
            || ["合计", "总计", "小计"].iter().any(|t| label.ends_with(t))
        {
            continue;
        }
        for (c, _, _) in &clauses {
            let Some(at) = c.find(label) else { continue };
            let after = &c[at..];
            if let Some(k) = ["主要原因是", "原因是", "主要是"]
                .iter()
                .find_map(|key| after.find(key).map(|k| k + key.len()))
            {
                let reason = after[k..].trim_start_matches(['：', ':']).to_string();
                if !reason.is_empty() {
                    l.reason = Some(reason);
                    break;
                }
            }
        }
    }
}

/// Checks the prior-year changes the latest document quotes against the comparison.
/// Q001 (警告): the quoted change disagrees; Q002 (提示): it differs only because the author
/// subtracted rounded figures; Q003 (警告): 增加/减少 contradicts the sign.
pub(crate) fn check_quotes(docs: &[&Document], lines: &[AlignedLine]) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(latest) = docs.last() else {
        return out;
    };
    let last = docs.len() - 1;
    for (clause, section, location) in clauses(latest) {
        for (earlier, doc) in docs.iter().enumerate().take(last) {
            let marker = format!("比{}年", doc.meta.year);
            let Some(at) = clause.find(&marker) else {
                continue;
            };
            let after = &clause[at + marker.len()..];
            let word = ["增加", "增长", "减少", "下降", "持平"]
                .iter()
                .filter_map(|w| after.find(w).map(|k| (k, *w)))
                .min();
            let Some((wk, word)) = word else { continue };
            let subject = amounts(&clause[..at]).into_iter().last();
            let stated = amounts(&after[wk..])
                .into_iter()
                .next()
                .filter(|a| a.3 <= 3 * "增".len());
            let Some((subject, dp, unit_of, _, _)) = subject else {
                continue;
            };
            // The lines the subject amount names: same value as printed, present in both years.
            let candidates: Vec<&AlignedLine> = lines
                .iter()
                .filter(|l| {
                    l.amounts[last]
                        .is_some_and(|v| unit_of.printed(v, dp) == unit_of.printed(subject, dp))
                        && l.amounts[earlier].is_some()
                })
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let loc = FindingLocation {
                section: Some(section.clone()),
                page: location.page,
                line: location.line,
                ..Default::default()
            };
            let unit = unit_of.as_str();
            let change_of = |l: &AlignedLine| {
                l.amounts[last].unwrap_or_default() - l.amounts[earlier].unwrap_or_default()
            };
            let decrease = matches!(word, "减少" | "下降");
            let sign_ok = |c: Decimal| match word {
                "持平" => c.is_zero(),
                _ if decrease => c.is_sign_negative() || c.is_zero(),
                _ => c.is_sign_positive() || c.is_zero(),
            };
            if !candidates.iter().any(|l| sign_ok(change_of(l))) {
                let l = candidates[0];
                out.push(Finding {
                    rule: "Q003",
                    severity: Severity::Warning,
                    message: format!(
                        "文字说“比{}年{}”，但{}的增减方向与此相反",
                        doc.meta.year, word, l.row_label
                    ),
                    location: loc.clone(),
                    expected: Some(format!("{}{unit}", unit_of.printed(change_of(l), dp))),
                    actual: Some(word.to_string()),
                    hint: Some("请核对增减用词与表中数字".into()),
                });
                continue;
            }
            let Some((stated, sdp, stated_unit, _, _)) = stated else {
                continue;
            };
            let quoted = Quoted {
                earlier,
                last,
                years: (doc.meta.year, latest.meta.year),
                word,
                candidates,
                location: loc,
                unit,
            };
            out.extend(quoted.amount_finding(stated, sdp, stated_unit));
        }
    }
    out
}

/// A change the latest document quotes against an earlier year's (`比2024年增加…`), with the
/// lines its subject amount names.
struct Quoted<'a> {
    /// The earlier document's index, and the latest's.
    earlier: usize,
    last: usize,
    /// The earlier document's year and the latest's.
    years: (i32, i32),
    /// 增加, 增长, 减少, 下降 or 持平.
    word: &'a str,
    candidates: Vec<&'a AlignedLine>,
    location: FindingLocation,
    unit: &'static str,
}

impl Quoted<'_> {
    fn change_of(&self, l: &AlignedLine) -> Decimal {
        l.amounts[self.last].unwrap_or_default() - l.amounts[self.earlier].unwrap_or_default()
    }

    /// Q001 or Q002 when the stated change is not what the lines changed by, at its precision.
    fn amount_finding(&self, stated: Decimal, sdp: u32, stated_unit: Unit) -> Option<Finding> {
        let decrease = matches!(self.word, "减少" | "下降");
        let stated_signed = if decrease { -stated } else { stated };
        let exact = self.candidates.iter().any(|l| {
            stated_unit.printed(self.change_of(l), sdp) == stated_unit.printed(stated_signed, sdp)
        });
        if exact {
            return None;
        }
        let l = self.candidates[0];
        let computed = stated_unit.printed(self.change_of(l), sdp);
        let rounded_diff = stated_unit.printed(l.amounts[self.last].unwrap_or_default(), sdp)
            - stated_unit.printed(l.amounts[self.earlier].unwrap_or_default(), sdp);
        let printed_stated = stated_unit.printed(stated_signed, sdp);
        let (rule, severity, message) = if rounded_diff == printed_stated {
            (
                "Q002",
                Severity::Info,
                format!(
                    "“比{}年{}”的金额是两个已取整数相减，与精确差额相差一个尾数（{}）",
                    self.years.0, self.word, l.row_label
                ),
            )
        } else {
            (
                "Q001",
                Severity::Warning,
                format!(
                    "文字所述比{}年的增减额与两年文档中{}的差额不符",
                    self.years.0, l.row_label
                ),
            )
        };
        Some(Finding {
            rule,
            severity,
            message,
            location: self.location.clone(),
            expected: Some(format!("{computed}{}", self.unit)),
            actual: Some(format!("{printed_stated}{}", self.unit)),
            hint: Some(format!(
                "{}年文档：{}；{}年：{}",
                self.years.0,
                l.amounts[self.earlier].unwrap_or_default(),
                self.years.1,
                l.amounts[self.last].unwrap_or_default()
            )),
        })
    }
}

/// The columns of a department's 整体支出绩效目标表 (Hubei table 14) holding this year's amount
/// (`当年金额`) and the first prior year's (`近两年收支金额`, its first sub-column).
fn hubei_columns(t: &yusuan_domain::Table) -> Option<(usize, usize)> {
    Some((t.head_column("当年金额")?, t.head_column("近两年")?))
}

/// Q004: the prior-year amounts a Hubei 整体支出绩效目标表 quotes (`近两年收支金额 / 2025 年`)
/// against the 当年金额 of the previous year's document of the same table and row.
pub(crate) fn check_hubei_quotes(docs: &[&Document]) -> Vec<Finding> {
    use yusuan_domain::TableKind::DepartmentPerformance;
    let mut out = Vec::new();
    let Some(latest) = docs.last() else {
        return out;
    };
    let Some(previous) = docs
        .iter()
        .rev()
        .skip(1)
        .find(|d| d.meta.year == latest.meta.year - 1)
    else {
        return out;
    };
    let (Some(lt), Some(pt)) = (
        latest.table(DepartmentPerformance),
        previous.table(DepartmentPerformance),
    ) else {
        return out;
    };
    let (Some((_, quoted_col)), Some((own_col, _))) = (hubei_columns(lt), hubei_columns(pt)) else {
        return out;
    };
    for r in &lt.rows {
        let Some(quoted) = r.cells.get(quoted_col).and_then(|c| c.amount()) else {
            continue;
        };
        if r.label.is_empty() {
            continue;
        }
        let Some(own) = pt
            .rows
            .iter()
            .find(|p| p.label == r.label)
            .and_then(|p| p.cells.get(own_col))
            .and_then(|c| c.amount())
        else {
            continue;
        };
        if own == quoted {
            continue;
        }
        out.push(Finding {
            rule: "Q004",
            severity: Severity::Warning,
            message: format!(
                "{}年文档引用的{}年数与{}年文档本身不一致（{}）",
                latest.meta.year, previous.meta.year, previous.meta.year, r.label
            ),
            location: FindingLocation {
                table: Some(lt.title.clone()),
                row: Some(r.label.clone()),
                page: r.location.page,
                line: r.location.line,
                ..Default::default()
            },
            expected: Some(format!("{own}{}", pt.unit)),
            actual: Some(format!("{quoted}{}", lt.unit)),
            hint: Some("近两年收支金额应与上年公开的数字一致".into()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_with_their_precision() {
        let a = amounts("收入预算18,976.76万元，比2024年增加3,355.65万元，其中120元");
        let got: Vec<(String, u32, Unit)> = a.iter().map(|x| (x.0.to_string(), x.1, x.2)).collect();
        assert_eq!(
            got,
            [
                ("189767600".to_string(), 2, Unit::WanYuan),
                ("33556500".into(), 2, Unit::WanYuan),
                ("120".into(), 0, Unit::Yuan)
            ]
        );
        assert_eq!(
            Unit::WanYuan
                .printed(Decimal::from(189_767_551), 2)
                .to_string(),
            "18976.76"
        );
    }
}
