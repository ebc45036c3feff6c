//! 绩效目标 forms: the tabular 财政项目支出绩效目标申报表 and the run-on indicator text some
//! project descriptions print instead (`产出指标数量指标-聘用人数≥236.00(人) …`).

use super::marks::compact;
use crate::Line;
use yusuan_domain::{
    parse_amount, Amount, FundKey, Funds, Indicator, IndicatorValue, Location, Operator,
    PerformanceForm, Unit,
};

const LEVEL1: [&str; 4] = ["产出指标", "效益指标", "满意度指标", "成本指标"];

/// Whether line `i` starts a 绩效目标申报表.
pub fn is_start(lines: &[Line], i: usize) -> bool {
    let c = lines[i].compact();
    (c.ends_with("绩效目标申报表") || c.ends_with("绩效目标填报表"))
        && c.starts_with("财政项目支出")
}

/// Reads an indicator value: `≥236.00(人)`, `=100.00(%)`, `≤100000.00(元/场)`, `及时`, `=可持续使用`.
pub fn parse_value(printed: &str) -> IndicatorValue {
    let t = compact(printed);
    let op_len = ["≥", "≤", ">=", "<=", "＝", "=", ">", "<", "＞", "＜"]
        .iter()
        .find(|o| t.starts_with(**o))
        .map_or(0, |o| o.len());
    let operator = Operator::parse(&t[..op_len]);
    let rest = &t[op_len..];
    let num_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    if num_end > 0 {
        if let Ok(value) = parse_amount(&rest[..num_end]) {
            let tail = rest[num_end..]
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）']);
            return IndicatorValue::Measured {
                operator: operator.unwrap_or(Operator::Eq),
                value,
                measure: (!tail.is_empty()).then(|| tail.to_string()),
            };
        }
    }
    IndicatorValue::Word {
        operator,
        text: rest.to_string(),
    }
}

fn amount_after(cells: &[String], label: &str, unit: Unit) -> Option<(Amount, String)> {
    let k = cells
        .iter()
        .position(|c| compact(c).trim_end_matches(['：', ':']).ends_with(label))?;
    cells[k + 1..].iter().find_map(|c| {
        parse_amount(c)
            .ok()
            .map(|value| (Amount { value, unit }, c.trim().to_string()))
    })
}

/// The amount printed in the cells between `label`'s cell and the next label (a cell with words):
/// `项目资金总额 | | 年度资金申请总额 | 36,118,005.00` gives none for 项目资金总额.
fn amount_beside(cells: &[String], label: &str, unit: Unit) -> Option<(Amount, String)> {
    let k = cells
        .iter()
        .position(|c| compact(c).trim_end_matches(['：', ':']).ends_with(label))?;
    cells[k + 1..]
        .iter()
        .take_while(|c| !c.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)))
        .find_map(|c| {
            parse_amount(c)
                .ok()
                .map(|value| (Amount { value, unit }, c.trim().to_string()))
        })
}

fn text_after(cells: &[String], label: &str) -> Option<String> {
    let k = cells.iter().position(|c| compact(c) == label)?;
    cells[k + 1..]
        .iter()
        .find(|c| !c.trim().is_empty())
        .map(|c| c.trim().to_string())
}

/// The form of `project` starting at `location`, nothing else read into it yet.
pub(super) fn empty_form(project: String, location: Location) -> PerformanceForm {
    PerformanceForm {
        project,
        department: None,
        implementer: None,
        period: None,
        funds: Funds::default(),
        annual_goal: None,
        indicators: vec![],
        location,
    }
}

/// Parses the form whose block is `lines` (its title line first; the next form or table starts
/// after them); returns it and the number of lines it took (prose after it is the narrative's).
pub fn parse_form(lines: &[Line], flow: bool) -> (PerformanceForm, usize) {
    let start = 0;
    let mut r = FormReader {
        form: empty_form(String::new(), lines[start].location),
        unit: Unit::Yuan,
        begin: None,
        end: None,
        l1: String::new(),
        l2: String::new(),
        pending: String::new(),
    };
    let mut in_goal = false;
    let mut in_indicators = false;
    let mut i = start + 1;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let stop_here = if flow {
            // Space-separated text: single cells are normal here; the form ends with the next
            // form or a project's heading.
            l.compact().ends_with("经费情况说明")
        } else {
            !l.is_tabular() && !l.compact().starts_with('(') && !l.compact().starts_with('（')
        };
        if stop_here {
            break;
        }
        let cells: Vec<String> = l
            .cells
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        let joined = compact(&l.text);
        r.read_facts(&cells, &joined, l.location);
        if joined.contains("年度总体目标") || (flow && joined == "年度总目标") {
            in_goal = true;
            i += 1;
            continue;
        }
        if cells.iter().any(|c| compact(c) == "一级指标") {
            in_goal = false;
            in_indicators = true;
            i += 1;
            continue;
        }
        // The wrapped halves of the row labels (`项目绩效` / `目标`, `绩效` / `指标`) are not goal text.
        if in_goal
            && matches!(
                joined.as_str(),
                "绩效" | "指标" | "目标" | "绩效目标" | "项目绩效"
            )
        {
            i += 1;
            continue;
        }
        if in_goal {
            let text = cells
                .iter()
                .max_by_key(|c| c.chars().count())
                .cloned()
                .unwrap_or_default();
            let goal = r.form.annual_goal.get_or_insert_with(String::new);
            goal.push_str(&text);
        } else if in_indicators {
            r.read_indicators(lines, i, &cells, flow);
        }
        i += 1;
    }
    (r.finish(), i)
}

/// A 绩效目标申报表 being read: the form so far, and what its lines carry to the next ones.
struct FormReader {
    form: PerformanceForm,
    /// The unit of the form's amounts (元 unless a line says 万元).
    unit: Unit,
    /// The printed 计划开始日期 and 计划完成日期.
    begin: Option<String>,
    end: Option<String>,
    /// The indicators' current 一级指标 and 二级指标.
    l1: String,
    l2: String,
    /// An indicator's name wrapped over lines, waiting for its value.
    pending: String,
}

impl FormReader {
    /// Reads the project's facts a line prints: its name, department, dates, unit and funds.
    fn read_facts(&mut self, cells: &[String], joined: &str, location: Location) {
        let form = &mut self.form;
        if let Some(v) = text_after(cells, "项目名称") {
            form.project = v;
        }
        if let Some(v) = text_after(cells, "主管部门") {
            form.department = Some(v);
        }
        if let Some(v) = text_after(cells, "实施单位") {
            form.implementer = Some(v);
        }
        if let Some(v) = text_after(cells, "计划开始日期") {
            self.begin = Some(v);
        }
        if let Some(v) = text_after(cells, "计划完成日期") {
            self.end = Some(v);
        }
        if joined.contains("项目资金") && joined.contains("万元") {
            self.unit = Unit::WanYuan;
        }
        let unit = self.unit;
        // The whole project's funds are printed to the left of the year's.
        let beside = [
            ("项目资金总额", FundKey::ProjectTotal),
            ("财政资金", FundKey::ProjectFiscal),
        ];
        for (label, key) in beside {
            if let Some((a, printed)) = amount_beside(cells, label, unit) {
                form.funds.set_printed(key, a, printed, location);
            }
        }
        let after = [
            ("年度资金申请总额", FundKey::Total),
            ("当年财政拨款", FundKey::Fiscal),
            ("上年结转资金", FundKey::CarriedOver),
        ];
        for (label, key) in after {
            if let Some((a, printed)) = amount_after(cells, label, unit) {
                form.funds.set_printed(key, a, printed, location);
            }
        }
        if joined.contains("其他资金") {
            if let Some((v, printed)) = cells
                .iter()
                .rev()
                .find_map(|c| parse_amount(c).ok().map(|v| (v, c.trim().to_string())))
            {
                let a = Amount { value: v, unit };
                form.funds.set_printed(FundKey::Other, a, printed, location);
            }
        }
    }

    /// Reads line `i` of the indicators (its non-empty `cells`): the levels it names, and an
    /// indicator's name and value.
    fn read_indicators(&mut self, lines: &[Line], i: usize, cells: &[String], flow: bool) {
        let l = &lines[i];
        let mut rest: Vec<String> = Vec::new();
        for c in cells {
            let cc = compact(c);
            if cc == "绩效指标" {
                continue;
            }
            if LEVEL1.contains(&cc.as_str()) {
                self.l1 = cc;
                self.l2.clear();
            } else if rest.is_empty() && cc.ends_with("指标") {
                self.l2 = cc;
            } else {
                rest.push(c.clone());
            }
        }
        if flow && rest.len() == 1 {
            self.read_flow_cell(lines, i, rest[0].clone());
            return;
        }
        if let (Some(name), Some(value)) = (rest.first(), rest.last()) {
            let printed = if rest.len() > 1 {
                value.clone()
            } else {
                String::new()
            };
            self.form.indicators.push(Indicator {
                level1: self.l1.clone(),
                level2: self.l2.clone(),
                name: name.clone(),
                value: parse_value(&printed),
                printed,
                location: l.location,
            });
        }
    }

    /// Reads the one cell left on line `i` of a space-separated form: a name wrapped over
    /// lines, or the value printed below it.
    fn read_flow_cell(&mut self, lines: &[Line], i: usize, only: String) {
        // A short word is the value, unless another short word follows it (then it was
        // the tail of a wrapped name: `考核评比机` / `制` / `健全`).
        let next_short = lines[i + 1..]
            .iter()
            .find(|n| !n.is_blank())
            .is_some_and(|n| {
                let c = n.compact();
                n.cells.len() == 1 && c.chars().count() <= 4 && !c.ends_with("指标")
            });
        let looks_like_value = matches!(parse_value(&only), IndicatorValue::Measured { .. })
            || (only.chars().count() <= 4 && !self.pending.is_empty() && !next_short);
        if looks_like_value && !self.pending.is_empty() {
            let name = std::mem::take(&mut self.pending);
            self.form.indicators.push(Indicator {
                level1: self.l1.clone(),
                level2: self.l2.clone(),
                name,
                value: parse_value(&only),
                printed: only,
                location: lines[i].location,
            });
        } else {
            self.pending.push_str(&only);
        }
    }

    /// The form read, with its period from the printed dates.
    fn finish(self) -> PerformanceForm {
        let mut form = self.form;
        if self.begin.is_some() || self.end.is_some() {
            form.period = Some(format!(
                "{}至{}",
                self.begin.unwrap_or_default(),
                self.end.unwrap_or_default()
            ));
        }
        form
    }
}

/// Reads run-on indicator text (`成本指标经济成本指标-控制在概算资金范围内 =100.00(%) 效益指标-…`)
/// into indicators.
pub fn indicators_in_text(text: &str, location: Location) -> Vec<Indicator> {
    // The lines of a wrapped paragraph join as one: without a space where the break falls
    // between two Chinese characters (inside a name: `园区绿化覆` / `盖率`), with one elsewhere.
    let mut t = String::new();
    for line in text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
    {
        let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        let joins_word = wide(t.chars().last()) && wide(line.chars().next());
        if !t.is_empty() && !joins_word {
            t.push(' ');
        }
        t.push_str(&line);
    }
    let t = t.as_str();
    // Split where a 一级指标 name begins an item: followed by its 二级 (a short name ending in
    // 指标, with no number in it) — not where it ends a 二级 name (`生态效益指标-园区…`,
    // `经济成本指标-控制…`). A value may run into the next item without a space (`较好产出指标…`).
    let begins_item = |i: usize, name: &str| {
        let rest = t[i + name.len()..].trim_start_matches(['-', '－', ' ']);
        let level2 = rest.split(['-', '－', ' ']).next().unwrap_or("");
        level2.ends_with("指标")
            && level2.chars().count() <= 12
            && !level2
                .chars()
                .any(|c| c.is_ascii_digit() || "=≥≤<>＝（(%：:，,、。".contains(c))
    };
    let mut starts: Vec<usize> = Vec::new();
    for name in LEVEL1 {
        starts.extend(
            t.match_indices(name)
                .map(|(i, _)| i)
                .filter(|&i| begins_item(i, name)),
        );
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let seg = t[s..starts.get(k + 1).copied().unwrap_or(t.len())].trim();
        let Some(l1) = LEVEL1.iter().find(|n| seg.starts_with(**n)) else {
            continue;
        };
        let rest = seg[l1.len()..].trim_start_matches(['-', '－']);
        let Some(l2_end) = rest.find("指标") else {
            continue;
        };
        let l2 = &rest[..l2_end + "指标".len()];
        let rest = rest[l2.len()..].trim_start_matches(['-', '－']);
        // `名称=100.00(%)`, or `名称：较好`.
        let (name, printed) = match rest.find(['=', '≥', '≤', '>', '<', '＝']) {
            Some(op) => (rest[..op].trim(), rest[op..].trim()),
            None => match rest.find(['：', ':']) {
                Some(c) => (
                    rest[..c].trim(),
                    rest[c..].trim_start_matches(['：', ':']).trim(),
                ),
                None => continue,
            },
        };
        if name.is_empty() {
            continue;
        }
        out.push(Indicator {
            level1: l1.to_string(),
            level2: l2.to_string(),
            name: name.to_string(),
            value: parse_value(printed),
            printed: printed.to_string(),
            location,
        });
    }
    out
}

/// Whether a form read from a grid stands for a department as a whole (整体支出绩效目标表).
fn whole_form(f: &PerformanceForm) -> bool {
    f.project.starts_with("部门整体支出：")
}

/// The index of the cell that reads `key` (spaces aside).
fn cell_named(all: &[String], key: &str) -> Option<usize> {
    all.iter().position(|c| compact(c) == key)
}

/// The first filled cell after cell `k`.
fn filled_after(all: &[String], k: usize) -> Option<String> {
    all[k + 1..].iter().find(|c| !c.is_empty()).cloned()
}

/// Hubei's 部门项目支出绩效目标申报表, kept as a grid of cells, read into forms: the project,
/// its department and executing unit, years, this year's budget, and the 年度绩效目标表
/// indicators (一级/二级 carried down the rows as printed).
pub fn forms_from_grid(t: &yusuan_domain::Table) -> Vec<PerformanceForm> {
    let mut out: Vec<PerformanceForm> = Vec::new();
    let mut annual = false;
    let mut cols: Option<(usize, usize, usize, usize)> = None;
    let (mut l1, mut l2) = (String::new(), String::new());
    let mut begin = String::new();
    for r in &t.rows {
        let all: Vec<String> = r
            .cells
            .iter()
            .map(|c| c.printed().trim().to_string())
            .collect();
        let find = |key: &str| cell_named(&all, key);
        if let Some(form) = grid_form_start(t, &all, r.location) {
            out.push(form);
            annual = false;
            cols = None;
            continue;
        }
        let Some(form) = out.last_mut() else { continue };
        read_grid_facts(form, &all, t.unit, r.location, &mut begin);
        // `年度绩效 指标 | 一级指标 | …` / `长期绩效 指标 | …`: the block's kind on its header row.
        if all.iter().any(|c| compact(c).contains("年度绩效指标")) {
            annual = true;
        } else if all.iter().any(|c| compact(c).contains("长期绩效指标")) {
            annual = false;
        }
        // `预期当年实现值` under 指标值, after the 近两年指标值 (2025 年 | 2024 年): this year's value
        // is the third value after the name (the merged header cells do not line up with the
        // data cells, so its position is counted from the name, not taken from the header).
        if let (Some(_), Some((a, b, c, _))) = (find("预期当年实现值"), cols) {
            cols = Some((a, b, c, c + 3));
            continue;
        }
        if all.iter().any(|c| compact(c).contains("年度绩效目标表")) {
            annual = !all.iter().any(|c| compact(c).contains("长期绩效目标表"));
            continue;
        }
        if all.iter().any(|c| compact(c).contains("长期绩效目标表")) {
            annual = false;
            continue;
        }
        if let (Some(a), Some(b), Some(c), Some(d)) = (
            find("一级指标"),
            find("二级指标"),
            find("三级指标名称"),
            find("指标值"),
        ) {
            cols = Some((a, b, c, d));
            continue;
        }
        if let (true, Some((a, b, c, d))) = (annual, cols) {
            let get = |k: usize| all.get(k).cloned().unwrap_or_default();
            if !get(a).is_empty() {
                l1 = get(a);
                l2.clear();
            }
            if !get(b).is_empty() {
                l2 = get(b);
            }
            let name = get(c);
            if !name.is_empty() {
                let printed = get(d);
                form.indicators.push(Indicator {
                    level1: l1.clone(),
                    level2: l2.clone(),
                    name,
                    value: parse_value(&printed),
                    printed,
                    location: r.location,
                });
            }
        }
    }
    out
}

/// The form a grid's row starts (its 项目名称, or a department table's 部门名称), if any.
fn grid_form_start(
    t: &yusuan_domain::Table,
    all: &[String],
    location: Location,
) -> Option<PerformanceForm> {
    // A department's 整体支出绩效目标表 is read as a form of the department as a whole.
    let department_table = t.kind == yusuan_domain::TableKind::DepartmentPerformance;
    let whole = cell_named(all, "部门名称").filter(|_| department_table);
    // (In the department table, `项目名称` heads its list of projects, not a form.)
    let start = if department_table {
        whole
    } else {
        cell_named(all, "项目名称")
    };
    let k = start?;
    let name = filled_after(all, k).unwrap_or_default();
    let project = if whole.is_some() {
        format!("部门整体支出：{name}")
    } else {
        name
    };
    Some(empty_form(project, location))
}

/// Reads the facts a grid's row prints into its form: department, executing unit, years
/// (the start year kept in `begin` until the end year comes), budget and annual goal.
fn read_grid_facts(
    form: &mut PerformanceForm,
    all: &[String],
    unit: Unit,
    location: Location,
    begin: &mut String,
) {
    let find = |key: &str| cell_named(all, key);
    let next = |k: usize| filled_after(all, k);
    if let Some(k) = find("项目主管部门") {
        form.department = next(k);
    }
    if let Some(k) = find("项目执行单位") {
        form.implementer = next(k);
    }
    if let Some(k) = find("起始年度") {
        *begin = next(k).unwrap_or_default();
    }
    if let Some(k) = find("终止年度") {
        let end = next(k).unwrap_or_default();
        form.period = Some(format!("{begin}至{end}"));
    }
    if let Some(k) = find("项目当年预算") {
        if let Some((value, printed)) =
            next(k).and_then(|v| parse_amount(&v).ok().map(|value| (value, v)))
        {
            let a = Amount { value, unit };
            form.funds.set_printed(FundKey::Total, a, printed, location);
        }
    }
    if let Some(k) = find("年度绩效目标") {
        if form.annual_goal.is_none() {
            form.annual_goal = next(k);
        }
    }
    // The department form's funds: the first 合计 row (收入构成), its first number.
    if whole_form(form) && form.funds.total.is_none() {
        if let Some(k) = all.iter().position(|c| compact(c) == "合计") {
            if let Some((value, printed)) = all[k + 1..]
                .iter()
                .find_map(|v| parse_amount(v).ok().map(|x| (x, v.clone())))
            {
                let a = Amount { value, unit };
                form.funds.set_printed(FundKey::Total, a, printed, location);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn values() {
        let measured = |operator, value: &str, measure: &str| IndicatorValue::Measured {
            operator,
            value: Decimal::from_str(value).unwrap(),
            measure: Some(measure.into()),
        };
        let word = |operator, text: &str| IndicatorValue::Word {
            operator,
            text: text.into(),
        };
        for (printed, value) in [
            ("≥236.00(人)", measured(Operator::Ge, "236.00", "人")),
            (
                "≤100000.00(元/场)",
                measured(Operator::Le, "100000.00", "元/场"),
            ),
            ("及时", word(None, "及时")),
            ("=可持续使用", word(Some(Operator::Eq), "可持续使用")),
        ] {
            assert_eq!(parse_value(printed), value, "{printed}");
        }
    }

    #[test]
    fn run_on_text() {
        let t = "成本指标经济成本指标-控制在概算资金范围内 =100.00(%) 成本指标生态环境成本指标-符合环保要求 =100.00(%) 效益指标-生态效益指标-园区绿化覆盖率≥20.00(%) 效益指标-可持续影响指标-项目成果可持续性 =可持续使用";
        let v = indicators_in_text(t, Location::default());
        assert_eq!(v.len(), 4);
        assert_eq!(
            (
                v[0].level1.as_str(),
                v[0].level2.as_str(),
                v[0].name.as_str()
            ),
            ("成本指标", "经济成本指标", "控制在概算资金范围内")
        );
        assert_eq!(
            (v[1].level2.as_str(), v[1].name.as_str()),
            ("生态环境成本指标", "符合环保要求")
        );
        assert_eq!(
            (
                v[2].level2.as_str(),
                v[2].name.as_str(),
                v[2].printed.as_str()
            ),
            ("生态效益指标", "园区绿化覆盖率", "≥20.00(%)")
        );
        assert_eq!(v[3].printed, "=可持续使用");
        let v = indicators_in_text(
            "成本指标-社会成本指标-助力居村减持续负：较好\n产出指标-质量指标-持续优化功能：较好",
            Location::default(),
        );
        assert_eq!(v.len(), 2);
        assert_eq!(
            (
                v[0].level2.as_str(),
                v[0].name.as_str(),
                v[0].printed.as_str()
            ),
            ("社会成本指标", "助力居村减持续负", "较好")
        );
        // A paragraph wrapped inside a name (as a PDF prints it) reads as one.
        let v = indicators_in_text("效益指标-生态效益指标-园区绿化覆\n盖率≥20.00(%) 效益指标-可持续影响指标-项目成果\n可持续性 =可持续使用", Location::default());
        assert_eq!(
            v.iter()
                .map(|i| (i.name.as_str(), i.printed.as_str()))
                .collect::<Vec<_>>(),
            [
                ("园区绿化覆盖率", "≥20.00(%)"),
                ("项目成果可持续性", "=可持续使用")
            ]
        );
        // Items run together without spaces, a line broken inside a 二级 name (`生态` / `效益指标`).
        let v = indicators_in_text("产出指标时效指标-按时完工=100.00(%)效益指标-生态\n效益指标-园区绿化覆盖率≥20.00(%)成本指标-社会成本指标-减负：较好产出指标-质量指标-优化功能：较好", Location::default());
        assert_eq!(
            v.iter()
                .map(|i| (i.level2.as_str(), i.name.as_str(), i.printed.as_str()))
                .collect::<Vec<_>>(),
            [
                ("时效指标", "按时完工", "=100.00(%)"),
                ("生态效益指标", "园区绿化覆盖率", "≥20.00(%)"),
                ("社会成本指标", "减负", "较好"),
                ("质量指标", "优化功能", "较好")
            ]
        );
    }
}
