//! The narrative's numbers, generated from the leaves in the region's wording: 收入预算X万元，比上年
//! 增加Y万元，增长Z% …; the user writes only the reasons (keyed by [`Figure::key`]).

use crate::eval::{Eval, Year};
use crate::model::{Draft, Fund, LeafKey, SpendKind};
use crate::print;
use crate::restated::Subjects;
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_domain::{Amount, TableKind, Unit};

pub use crate::model::Figure;

/// 万元 with two decimals, as the narrative prints it (exact conversion through [`Unit`], then
/// rounded for print).
pub fn wan(yuan: Decimal) -> Decimal {
    Amount::yuan(yuan)
        .in_unit(Unit::WanYuan)
        .value
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn wan_text(yuan: Decimal) -> String {
    print::amount(wan(yuan), 2, true)
}

/// The change clause: `比2025年预算增加12.00万元，增长3.40%` / `与2025年预算持平` / `为新增`.
pub fn change_clause(current: Decimal, baseline: Decimal, base_year: i32) -> String {
    clause(current, baseline, &format!("{base_year}年预算"), false)
}

/// A change against a base (`2025年预算`, `2025年执行数`), rates on the 万元 printed; the base's
/// amount printed after its name when `show_base`.
fn clause(current: Decimal, base: Decimal, name: &str, show_base: bool) -> String {
    let (c, b) = (wan(current), wan(base));
    let d = c - b;
    if d.is_zero() {
        return format!("与{name}持平");
    }
    let word = if d > Decimal::ZERO {
        ("增加", "增长")
    } else {
        ("减少", "下降")
    };
    let amount = print::amount(d.abs(), 2, true);
    let shown = if show_base {
        format!("{}万元", wan_text(base))
    } else {
        String::new()
    };
    let head = format!("比{name}{shown}{}{amount}万元", word.0);
    if b.is_zero() {
        return head;
    }
    let pct = (d.abs() / b.abs() * Decimal::from(100))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{head}，{}{pct:.2}%", word.1)
}

/// Whether a change needs a written reason: beyond `threshold` percent, or from or to zero.
pub fn needs_reason(current: Decimal, baseline: Decimal, threshold: Decimal) -> bool {
    if current == baseline {
        return false;
    }
    if current.is_zero() || baseline.is_zero() {
        return true;
    }
    ((current - baseline).abs() / baseline.abs() * Decimal::from(100)) > threshold
}

/// The 三公 table's leaves whose column (its last header, or its whole path when `whole`)
/// contains every word of `words` and none of `not`: this year's and last year's sums.
fn three_public_leaf(
    draft: &Draft,
    eval: &Eval,
    base: &Eval,
    words: &[&str],
    not: &[&str],
    whole: bool,
) -> Option<(Decimal, Decimal)> {
    let keys: Vec<&LeafKey> = draft
        .leaves
        .iter()
        .map(|l| &l.key)
        .filter(|k| match k {
            LeafKey::Cell { table, column, .. } => {
                let c = if whole {
                    column.as_str()
                } else {
                    column.rsplit('/').next().unwrap_or(column)
                };
                table.starts_with(TableKind::ThreePublic.label())
                    && words.iter().all(|w| c.contains(w))
                    && !not.iter().any(|w| c.contains(w))
            }
            _ => false,
        })
        .collect();
    if keys.is_empty() {
        return None;
    }
    let sum = |e: &Eval| keys.iter().filter_map(|k| e.leaf(k)).sum::<Decimal>();
    Some((sum(eval), sum(base)))
}

/// The spending kinds of the format's own the draft's lines use (`单位预留机动经费`), in order.
fn named_kinds(draft: &Draft) -> Vec<SpendKind> {
    let mut out: Vec<SpendKind> = Vec::new();
    for l in &draft.leaves {
        if let LeafKey::Spend {
            kind: k @ SpendKind::Named(_),
            ..
        } = &l.key
        {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
    }
    out
}

/// Every figure the narrative states, in order.
pub fn figures(draft: &Draft) -> Vec<Figure> {
    let eval = Eval::new(draft, Year::Current);
    let base = Eval::new(draft, Year::Baseline);
    let mut out = Vec::new();
    let mut fig = |key: &str, name: &str, f: &dyn Fn(&Eval) -> Decimal| {
        out.push(Figure {
            key: format!("说明|{key}"),
            name: name.to_string(),
            current: f(&eval),
            baseline: f(&base),
        });
    };
    fig("收入预算", "收入预算", &|e| e.spend(None, None));
    fig("财政拨款收入", "财政拨款收入", &|e| {
        e.spend(Some(&Fund::FISCAL), None)
    });
    for f in &Fund::ALL[3..] {
        let fs = [f.clone()];
        fig(f.label(), f.label(), &|e| e.spend(Some(&fs), None));
    }
    fig("支出预算", "支出预算", &|e| e.spend(None, None));
    fig("基本支出", "基本支出", &|e| {
        e.spend(
            None,
            Some(&[SpendKind::Personnel, SpendKind::Public, SpendKind::Basic]),
        )
    });
    fig("项目支出", "项目支出", &|e| {
        e.spend(None, Some(&[SpendKind::Project]))
    });
    // A use of the format's own beside them (Jiangsu's 单位预留机动经费).
    for kind in named_kinds(draft) {
        let ks = [kind.clone()];
        fig(kind.label(), kind.label(), &|e| e.spend(None, Some(&ks)));
    }
    fig("财政拨款支出", "财政拨款支出预算", &|e| {
        e.spend(Some(&Fund::FISCAL), None)
    });
    for (f, name) in [
        (Fund::GeneralPublic, "一般公共预算拨款支出预算"),
        (Fund::GovernmentFund, "政府性基金拨款支出预算"),
        (Fund::StateCapital, "国有资本经营预算拨款支出预算"),
    ] {
        let fs = [f.clone()];
        fig(f.label(), name, &|e| e.spend(Some(&fs), None));
    }
    let abroad = three_public_leaf(draft, &eval, &base, &["出国"], &[], false);
    let cars = three_public_leaf(draft, &eval, &base, &["公务用车"], &[], true);
    let reception = three_public_leaf(draft, &eval, &base, &["接待"], &[], false);
    let parts = [abroad, cars, reception];
    if parts.iter().any(Option::is_some) {
        let (c, b) = parts
            .iter()
            .flatten()
            .fold((Decimal::ZERO, Decimal::ZERO), |(c, b), (x, y)| {
                (c + x, b + y)
            });
        out.push(Figure {
            key: "说明|三公经费".into(),
            name: "“三公”经费预算数".into(),
            current: c,
            baseline: b,
        });
    }
    let items = [
        ("因公出国（境）费", abroad),
        ("公务用车购置及运行费", cars),
        (
            "公务用车购置费",
            three_public_leaf(draft, &eval, &base, &["购置"], &[], false),
        ),
        (
            "公务用车运行费",
            three_public_leaf(draft, &eval, &base, &["运行"], &["机关运行"], false),
        ),
        ("公务接待费", reception),
        (
            "机关运行经费",
            three_public_leaf(draft, &eval, &base, &["机关运行经费"], &[], false),
        ),
    ];
    for (name, found) in items {
        if let Some((c, b)) = found {
            let shown = if name == "机关运行经费" {
                "机关运行经费预算"
            } else {
                name
            };
            out.push(Figure {
                key: format!("说明|{name}"),
                name: shown.to_string(),
                current: c,
                baseline: b,
            });
        }
    }
    out
}

fn find<'a>(figs: &'a [Figure], key: &str) -> Option<&'a Figure> {
    figs.iter().find(|f| f.key == format!("说明|{key}"))
}

/// The change a figure's sentence states, or `None` for a draft with no 上年 (a blank one).
pub fn change_of(draft: &Draft, current: Decimal, baseline: Decimal) -> Option<String> {
    draft.base_year.map(|y| change_clause(current, baseline, y))
}

/// Whether a change needs its reason written: beyond the draft's threshold, and only where
/// there is a 上年 to change from.
pub fn reason_needed(draft: &Draft, current: Decimal, baseline: Decimal) -> bool {
    draft.base_year.is_some() && needs_reason(current, baseline, draft.threshold_percent)
}

fn with_reason(draft: &Draft, f: &Figure) -> String {
    let mut s = format!("{}{}万元", f.name, wan_text(f.current));
    if let Some(change) = change_of(draft, f.current, f.baseline) {
        s.push_str(&format!("，{change}"));
    }
    if let Some(r) = draft.reasons.get(&f.key) {
        s.push_str(&format!("，主要原因是{}", r.trim_end_matches('。')));
    }
    s
}

/// The paragraphs of the 编制说明.
pub(crate) fn budget_explanation(draft: &Draft, eval: &Eval, _base: &Eval) -> Vec<String> {
    let figs = figures(draft);
    let y = draft.year;
    let mut out = Vec::new();
    let get = |k: &str| find(&figs, k);
    if let Some(total) = get("收入预算") {
        let mut s = format!("{y}年，{}{}", draft.department, with_reason(draft, total));
        let mut parts = Vec::new();
        if let Some(f) = get("财政拨款收入") {
            parts.push(with_reason(draft, f));
        }
        for fund in &Fund::ALL[3..] {
            if let Some(f) =
                get(fund.label()).filter(|f| !f.current.is_zero() || !f.baseline.is_zero())
            {
                parts.push(with_reason(draft, f));
            }
        }
        if !parts.is_empty() {
            // One sentence per figure: a reviewer (and the checker) reads each change with its own base.
            s.push_str(&format!("。其中：{}", parts.join("。")));
        }
        s.push('。');
        out.push(s);
    }
    if let Some(total) = get("支出预算") {
        let mut s = with_reason(draft, total);
        let named: Vec<String> = named_kinds(draft)
            .iter()
            .map(|k| k.label().to_string())
            .collect();
        let parts: Vec<String> = ["基本支出", "项目支出"]
            .into_iter()
            .chain(named.iter().map(String::as_str))
            .filter_map(get)
            .map(|f| with_reason(draft, f))
            .collect();
        if !parts.is_empty() {
            s.push_str(&format!("。其中：{}", parts.join("。")));
        }
        s.push('。');
        out.push(s);
    }
    if let Some(fiscal) = get("财政拨款支出") {
        let mut s = with_reason(draft, fiscal);
        let parts: Vec<String> = Fund::FISCAL
            .iter()
            .filter_map(|f| get(f.label()))
            .map(|f| with_reason(draft, f))
            .collect();
        s.push_str(&format!("。财政拨款支出预算中，{}。", parts.join("。")));
        out.push(s);
    }
    // The 一般公共预算 items by function 项.
    let items: Vec<(&str, Decimal)> = general_public_items(draft)
        .into_iter()
        .filter(|(_, v)| !v.is_zero())
        .collect();
    if !items.is_empty() {
        let lines = ItemLines::new(draft);
        out.push("一般公共预算拨款支出主要内容如下：".to_string());
        for (n, (code, v)) in items.iter().enumerate() {
            let name = |c: &str| draft.name_of(c).to_string();
            let path = match code.len() {
                7 => format!(
                    "{}（类）{}（款）{}（项）",
                    name(&code[..3]),
                    name(&code[..5]),
                    name(code)
                ),
                5 => format!("{}（类）{}（款）", name(&code[..3]), name(code)),
                _ => format!("{}（类）", name(code)),
            };
            out.push(format!(
                "{}.“{path}”科目{}万元{}。",
                n + 1,
                wan_text(*v),
                item_tail(draft, &lines, code, *v)
            ));
        }
    }
    let _ = eval;
    out
}

/// What a 一般公共预算 item's sentence says after its amount: the change against last year's
/// 执行数 where one is given (`，比2025年执行数140.42万元减少80.29万元，下降57.18%`), and every
/// reason written for the item or its lines (`，主要原因是…`).
fn item_tail(draft: &Draft, lines: &ItemLines, code: &str, current: Decimal) -> String {
    let (actual, reasons) = item_tail_parts(draft, lines, code, current);
    actual + &reasons
}

/// The reasons written for each 一般公共预算 item's lines, by function code, read once (a
/// draft's items are many and its lines more).
struct ItemLines<'a> {
    reasons: std::collections::HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> ItemLines<'a> {
    fn new(draft: &'a Draft) -> Self {
        let mut reasons: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        if draft.reasons.is_empty() {
            return ItemLines { reasons };
        }
        for l in &draft.leaves {
            if let LeafKey::Spend {
                fund: Fund::GeneralPublic,
                function,
                ..
            } = &l.key
            {
                let address = crate::model::address(&l.key, l.unit.as_deref());
                if let Some(r) = draft.reasons.get(&address) {
                    reasons
                        .entry(function.as_str())
                        .or_default()
                        .push(r.as_str());
                }
            }
        }
        ItemLines { reasons }
    }
}

/// Each 一般公共预算 item's tail by function code, where it has one.
pub(crate) fn item_tails(
    draft: &Draft,
) -> std::collections::BTreeMap<String, crate::restated::ItemTail> {
    let lines = ItemLines::new(draft);
    general_public_items(draft)
        .into_iter()
        .map(|(code, v)| {
            let (actual_clause, reasons) = item_tail_parts(draft, &lines, code, v);
            let tail = crate::restated::ItemTail {
                actual_clause,
                reasons,
                current: v,
                actual: draft.actuals.get(code).copied(),
            };
            (code.to_string(), tail)
        })
        .filter(|(_, t)| !t.actual_clause.is_empty() || !t.reasons.is_empty())
        .collect()
}

/// The 一般公共预算 money of each function 项 (its lines added), by code.
fn general_public_items(draft: &Draft) -> std::collections::BTreeMap<&str, Decimal> {
    let mut by_code = std::collections::BTreeMap::new();
    for l in &draft.leaves {
        if let LeafKey::Spend {
            fund: Fund::GeneralPublic,
            function,
            ..
        } = &l.key
        {
            *by_code.entry(function.as_str()).or_default() += l.value;
        }
    }
    by_code
}

/// An item's tail: its 执行数 clause, then its reasons.
fn item_tail_parts(
    draft: &Draft,
    lines: &ItemLines,
    code: &str,
    current: Decimal,
) -> (String, String) {
    let mut actual = String::new();
    if let Some(a) = draft.actuals.get(code) {
        let y = crate::actuals::actuals_year(draft);
        actual = format!("，{}", actual_clause(current, *a, y));
    }
    let mut s = String::new();
    let mut reasons: Vec<&str> = Vec::new();
    let item = draft
        .reasons
        .get(&format!("说明|项|{code}"))
        .map(String::as_str);
    let of_lines = lines.reasons.get(code).into_iter().flatten().copied();
    for r in item.into_iter().chain(of_lines) {
        // Written with its own opening words (`主要原因是：…`): the sentence supplies them.
        let r = ["主要原因是", "主要原因为", "主要原因"]
            .iter()
            .find_map(|w| r.trim().strip_prefix(w))
            .map_or(r, |rest| rest.trim_start_matches(['：', ':']));
        let r = r.trim().trim_end_matches('。');
        if !r.is_empty() && !reasons.contains(&r) {
            reasons.push(r);
        }
    }
    if !reasons.is_empty() {
        s.push_str(&format!("，主要原因是{}", reasons.join("；")));
    }
    (actual, s)
}

/// The change against last year's 执行数: `比2025年执行数140.42万元减少80.29万元，下降57.18%`,
/// `与2025年执行数持平`.
pub fn actual_clause(current: Decimal, actual: Decimal, year: i32) -> String {
    clause(current, actual, &format!("{year}年执行数"), true)
}

/// The paragraphs of 其他相关情况说明: 三公 and 机关运行经费 generated; 政府采购, 绩效 and 国有资产
/// from the carried figures.
pub(crate) fn other_explanations(draft: &Draft, _eval: &Eval, _base: &Eval) -> Vec<String> {
    explanations(draft, true, Subjects::default())
}

/// The 政府采购, 国有资产 and 绩效 paragraphs alone, for a format whose 情况说明 is one section and
/// states its 三公 in its own wording (Jiangsu's 三公、会议费、培训费) — less those of the subjects
/// a restated text speaks of already.
pub(crate) fn stated_explanations(draft: &Draft, spoken: Subjects) -> Vec<String> {
    explanations(draft, false, spoken)
}

/// The paragraphs of 其他相关情况说明, the 三公 and 机关运行经费 ones when `three_public`; those
/// of the subjects `spoken` left out.
fn explanations(draft: &Draft, three_public: bool, spoken: Subjects) -> Vec<String> {
    let figs = if three_public {
        figures(draft)
    } else {
        Vec::new()
    };
    let y = draft.year;
    let mut out = Vec::new();
    let mut n = 0;
    let mut heading = |out: &mut Vec<String>, title: String| {
        const NUM: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
        out.push(format!("{}、{title}", NUM[n.min(5)]));
        n += 1;
    };
    if let Some(total) = find(&figs, "三公经费") {
        heading(&mut out, format!("{y}年“三公”经费预算情况说明"));
        out.extend(three_public_paragraphs(draft, &figs, total));
    }
    if let Some(f) = find(&figs, "机关运行经费") {
        heading(&mut out, "机关运行经费预算".to_string());
        out.push(format!(
            "{y}年{}{}。",
            draft.department,
            with_reason(draft, f)
        ));
    }
    let mut stated = crate::eval::stated(draft);
    if spoken.procurement {
        stated.procurement = None;
    }
    if spoken.performance {
        stated.performance = None;
    }
    if spoken.assets {
        stated.assets = None;
    }
    if let Some(p) = &stated.procurement {
        heading(&mut out, "政府采购预算情况".to_string());
        out.extend(procurement_paragraphs(draft, p));
    }
    if let Some(p) = &stated.performance {
        heading(&mut out, "绩效目标设置情况".to_string());
        out.push(performance_paragraph(draft, p));
    }
    if let Some(a) = &stated.assets {
        heading(&mut out, "国有资产占有使用情况".to_string());
        out.extend(assets_paragraphs(draft, a));
    }
    out
}

/// The 三公 paragraphs under their heading: the total with its reason, then each item.
fn three_public_paragraphs(draft: &Draft, figs: &[Figure], total: &Figure) -> Vec<String> {
    let y = draft.year;
    let mut out = Vec::new();
    out.push(format!("{y}年{}。其中：", with_reason(draft, total)));
    let item = |k: &str| find(figs, k).map(|f| with_reason(draft, f));
    if let Some(s) = item("因公出国（境）费") {
        out.push(format!("（一）{s}。"));
    }
    if let Some(s) = item("公务用车购置及运行费") {
        let mut p = format!("（二）{s}");
        let parts: Vec<String> = ["公务用车购置费", "公务用车运行费"]
            .iter()
            .filter_map(|k| item(k))
            .collect();
        if !parts.is_empty() {
            p.push_str(&format!("。其中：{}", parts.join("。")));
        }
        p.push('。');
        out.push(p);
    }
    if let Some(s) = item("公务接待费") {
        out.push(format!("（三）{s}。"));
    }
    out
}

/// The 政府采购 paragraphs: the total and its parts, and what is reserved for small firms.
fn procurement_paragraphs(draft: &Draft, p: &yusuan_domain::Procurement) -> Vec<String> {
    let y = draft.year;
    let mut out = Vec::new();
    let part = |name: &str, a: &Option<Amount>| {
        a.map(|a| {
            format!(
                "政府采购{name}预算{}万元",
                print::amount(a.to_wan(), 2, false)
            )
        })
    };
    let parts: Vec<String> = [
        part("货物", &p.goods),
        part("工程", &p.works),
        part("服务", &p.services),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut s = format!(
        "{y}年本{}政府采购预算{}万元",
        draft.who(),
        print::amount(p.total.to_wan(), 2, false)
    );
    if !parts.is_empty() {
        s.push_str(&format!("，其中：{}", parts.join("、")));
    }
    s.push('。');
    out.push(s);
    if let Some(r) = p.reserved_for_small_firms {
        let micro = p.reserved_for_micro_firms.map_or(String::new(), |m| {
            format!(
                "，其中，预留给小型和微型企业的政府采购项目预算为{}万元",
                print::amount(m.to_wan(), 2, false)
            )
        });
        out.push(format!(
            "{y}年本{}面向中小企业预留政府采购项目预算金额{}万元{micro}。",
            draft.who(),
            print::amount(r.to_wan(), 2, false)
        ));
    }
    out
}

/// The 绩效目标设置情况 paragraph: how many projects, how much money.
fn performance_paragraph(draft: &Draft, p: &yusuan_domain::PerformanceSummary) -> String {
    let y = draft.year;
    let mut s = format!(
        "按照本区预算绩效管理工作的总体要求，本{}{y}年编报绩效目标的项目",
        draft.who()
    );
    if let Some(k) = p.projects {
        s.push_str(&format!("{k}个"));
    }
    if let Some(a) = p.amount {
        s.push_str(&format!(
            "，涉及项目预算资金{}万元",
            print::amount(a.to_wan(), 2, false)
        ));
    }
    s.push('。');
    s
}

/// The 国有资产占有使用情况 paragraphs: vehicles and costly equipment, vehicles to buy.
fn assets_paragraphs(draft: &Draft, a: &yusuan_domain::AssetSummary) -> Vec<String> {
    let y = draft.year;
    let mut out = Vec::new();
    let mut s = format!(
        "截至{}年8月31日，{}共有车辆{}辆",
        y - 1,
        draft.department,
        a.vehicles.unwrap_or(0)
    );
    if let Some(e) = a.costly_equipment {
        s.push_str(&format!(
            "；单价100万元（含）以上设备（不含车辆）{e}台（套）"
        ));
    }
    s.push('。');
    out.push(s);
    if let Some(v) = a.vehicles_to_buy {
        out.push(format!("{y}年{}预算安排购置车辆{v}辆。", draft.who()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn change_clauses_in_the_regions_wording() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        // check(input, expect)
        let cases = [
            (
                ("189767551", "156211123"),
                "比2024年预算增加3,355.65万元，增长21.48%",
            ),
            (
                ("1000000", "1100000"),
                "比2024年预算减少10.00万元，下降9.09%",
            ),
            (("500000", "500000"), "与2024年预算持平"),
            (("500000", "0"), "比2024年预算增加50.00万元"),
        ];
        for ((c, b), expect) in cases {
            assert_eq!(change_clause(d(c), d(b), 2024), expect);
        }
    }

    #[test]
    fn the_change_against_last_years_actuals() {
        // check(input, expect): the Putuo wording, rates on the 万元 printed.
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(
            actual_clause(d("601300"), d("1404200"), 2023),
            "比2023年执行数140.42万元减少80.29万元，下降57.18%"
        );
        assert_eq!(
            actual_clause(d("1200000"), d("1000000"), 2025),
            "比2025年执行数100.00万元增加20.00万元，增长20.00%"
        );
        assert_eq!(
            actual_clause(d("1000000"), d("1000040"), 2025),
            "与2025年执行数持平"
        );
        assert_eq!(
            actual_clause(d("50000"), d("0"), 2025),
            "比2025年执行数0.00万元增加5.00万元"
        );
    }

    #[test]
    fn reasons_are_needed_beyond_the_threshold_or_from_zero() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let t = d("10");
        assert!(!needs_reason(d("110"), d("100"), t));
        assert!(needs_reason(d("111"), d("100"), t));
        assert!(needs_reason(d("0"), d("100"), t));
        assert!(needs_reason(d("5"), d("0"), t));
        assert!(!needs_reason(d("0"), d("0"), t));
    }
}
