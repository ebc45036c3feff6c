//! Narrative against tables (N001–N005). The text of each section is read as one run (lines a
//! PDF wrapped mid-number are joined), every `amount 万元|元` it prints is named by the words
//! before it (`财政拨款收入6,864万元`, `“行政单位医疗（项）”18.41万元`), the name is resolved to
//! the table cells it can mean, and the printed amount must agree with one of them at the
//! printed precision. Shares (`占52.7%`) and rates of change (`增幅5.3%`) are recomputed from
//! the amounts printed beside them.

use super::percent::{share_after, Percent};
use super::{total_row, yuan_of};
use crate::{Finding, FindingLocation, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{mentions, Amount, Document, RowCode, Table, TableKind, Unit};

use yusuan_domain::compact;

/// The amounts of a text that are levels or changes (unit prices `元/人` left out).
fn amounts(text: &str) -> Vec<yusuan_domain::Mention> {
    mentions(text)
        .into_iter()
        .filter(|m| m.per.is_none())
        .collect()
}

/// Whether the words before an amount say it is an increase (增加/增长) and a decrease (减少/下降).
fn change_words(lead: &str) -> (bool, bool) {
    (
        lead.contains("增加") || lead.contains("增长"),
        lead.contains("减少") || lead.contains("下降"),
    )
}

/// Where the sentence holding byte `at` starts, and where the sentence before it starts.
fn sentence_starts(text: &str, at: usize) -> (usize, usize) {
    let this = text[..at].rfind('。').map_or(0, |s| s + '。'.len_utf8());
    let previous = text[..this.saturating_sub('。'.len_utf8())]
        .rfind('。')
        .map_or(0, |s| s + '。'.len_utf8());
    (this, previous)
}

/// The (up to) `n` bytes of `text` before `at`, cut at a character boundary.
fn lead(text: &str, at: usize, n: usize) -> &str {
    let mut s = at.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..at]
}

/// A section's text as one run (whitespace removed, wrapped lines joined).
type Run = yusuan_domain::SectionText;

/// The narrative as the rules read it: each section's run and the amounts printed in it.
type Reading = std::rc::Rc<Vec<(Run, Vec<yusuan_domain::Mention>)>>;

thread_local! {
    /// The reading of the document being checked (by its address), while [`crate::check`] runs.
    static SHARED: std::cell::RefCell<Option<(usize, Reading)>> = const { std::cell::RefCell::new(None) };
}

fn reading_of(doc: &Document) -> Reading {
    std::rc::Rc::new(
        yusuan_domain::section_texts(doc)
            .into_iter()
            .map(|run| {
                let ms = amounts(&run.text);
                (run, ms)
            })
            .collect(),
    )
}

/// While alive, the narrative rules share one reading of `doc` (each read it anew before: seven
/// rules × ~0.7 ms on a 2,000-line draft's narrative). Dropped at the end of the check, so no
/// reading outlives its document.
pub(crate) struct SharedReading;

impl SharedReading {
    pub(crate) fn begin(doc: &Document) -> SharedReading {
        let r = reading_of(doc);
        SHARED.with(|s| *s.borrow_mut() = Some((doc as *const Document as usize, r)));
        SharedReading
    }
}

impl Drop for SharedReading {
    fn drop(&mut self) {
        SHARED.with(|s| *s.borrow_mut() = None);
    }
}

/// The narrative's runs and amounts: the check's shared reading of this document, else read now.
fn runs(doc: &Document) -> Reading {
    let at = doc as *const Document as usize;
    SHARED
        .with(|s| {
            s.borrow()
                .as_ref()
                .filter(|(a, _)| *a == at)
                .map(|(_, r)| r.clone())
        })
        .unwrap_or_else(|| reading_of(doc))
}

const CHANGE_WORDS: [&str; 6] = ["增加", "减少", "增长", "下降", "持平", "变化"];

/// A cell an amount's name can mean: its value in 元 and a description for the finding.
struct Candidate {
    yuan: Decimal,
    what: String,
}

fn column_of(t: &Table, pred: impl Fn(&str) -> bool) -> Option<usize> {
    t.columns.iter().position(|c| pred(&c.name()))
}

fn total_cell(doc: &Document, kind: TableKind, pred: impl Fn(&str) -> bool) -> Option<Candidate> {
    let t = doc.table(kind)?;
    let r = total_row(t).or_else(|| {
        (kind == TableKind::ThreePublic)
            .then(|| {
                t.rows
                    .iter()
                    .find(|r| r.cells.iter().any(|c| c.amount().is_some()))
            })
            .flatten()
    })?;
    let c = column_of(t, pred)?;
    Some(Candidate {
        yuan: yuan_of(t, r, c)?,
        what: format!("{}“{}”", t.kind.label(), t.columns[c].name()),
    })
}

/// The sum of the 合计 rows of the fiscal function tables present (a table not printed is 0
/// only when the document prints at least one of them).
fn fiscal_total(doc: &Document, kinds: &[TableKind]) -> Option<Candidate> {
    let mut sum = Decimal::ZERO;
    let mut any = false;
    for k in kinds {
        if let Some(c) = total_ending(doc, *k, "合计") {
            sum += c.yuan;
            any = true;
        }
    }
    any.then(|| Candidate {
        yuan: sum,
        what: "财政拨款支出表合计".into(),
    })
}

/// The 总计 of a two-sided summary table (the first amount of its 总计 row).
fn ledger_total(doc: &Document, kind: TableKind) -> Option<Candidate> {
    let t = doc.table(kind)?;
    let r = t.rows.iter().find(|r| {
        r.code.is_none()
            && compact(&r.label).ends_with("总计")
            && r.cells.iter().any(|c| c.amount().is_some())
    })?;
    let c = r.cells.iter().position(|c| c.amount().is_some())?;
    Some(Candidate {
        yuan: yuan_of(t, r, c)?,
        what: format!("{}“{}”", t.title.trim(), r.label.trim()),
    })
}

/// The rows of the classification tables by label (their 合计 column), built once per check.
type Labels = std::collections::HashMap<String, Vec<Candidate>>;

fn label_index(doc: &Document) -> Labels {
    let mut out: Labels = std::collections::HashMap::new();
    for t in &doc.tables {
        if !matches!(
            t.kind,
            TableKind::Expenditure
                | TableKind::GeneralPublicFunction
                | TableKind::GeneralPublicBasicEconomic
                | TableKind::Projects
                | TableKind::GovernmentFundFunction
        ) {
            continue;
        }
        let Some(c) = column_of(t, |n| n.ends_with("合计")).or(if t.columns.len() == 1 {
            Some(0)
        } else {
            None
        }) else {
            continue;
        };
        for r in &t.rows {
            let label = compact(&r.label);
            let label = yusuan_domain::strip_numbering(&label);
            if let Some(v) = yuan_of(t, r, c) {
                let code = match &r.code {
                    Some(RowCode::Function(f)) => format!("{} ", f.as_str()),
                    Some(RowCode::Economic(e)) => format!("{} ", e.as_str()),
                    _ => String::new(),
                };
                out.entry(label.to_string()).or_default().push(Candidate {
                    yuan: v,
                    what: format!("{} {code}{}", t.kind.label(), r.label.trim()),
                });
            }
        }
    }
    out
}

/// A test on a column's header path.
type ColumnTest = fn(&str) -> bool;

/// What a named amount can be in the tables.
fn resolve(doc: &Document, labels: &Labels, name: &str) -> Vec<Candidate> {
    if not_in_tables(doc, name) {
        return Vec::new();
    }
    if name.ends_with("总计") {
        // `收入支出总计`, `财政拨款收入支出总计`: the 总计 row of the two-sided summary.
        let kind = if name.contains("财政拨款") {
            TableKind::FiscalSummary
        } else {
            TableKind::FinancialSummary
        };
        return ledger_total(doc, kind).into_iter().collect();
    }
    let cells = match three_public(doc, name) {
        Some(cell) => Some(vec![cell]),
        None => fund_cells(doc, name).or_else(|| department_cells(doc, name)),
    };
    match cells {
        Some(cells) => cells.into_iter().flatten().collect(),
        None if name.chars().count() >= 2 => labels
            .get(name)
            .map(|v| {
                v.iter()
                    .map(|c| Candidate {
                        yuan: c.yuan,
                        what: c.what.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        None => Vec::new(),
    }
}

/// Whether a named amount is one the tables do not print: a stated figure with its own rules
/// (政府采购, 资产, 绩效) or none of theirs, or a budget a 决算 states beside its outturn.
fn not_in_tables(doc: &Document, name: &str) -> bool {
    let has = |k: &str| name.contains(k);
    if has("采购")
        || has("资产")
        || has("绩效")
        || has("购买服务")
        || has("结转")
        || has("上年")
        || has("预留")
    {
        // Stated figures with their own rules (政府采购, 资产, 绩效) or not in these tables.
        return true;
    }
    if doc.meta.kind == yusuan_domain::DocKind::FinalAccounts
        && (name.ends_with("预算")
            || name.ends_with("预算数")
            || has("年初预算")
            || has("全年预算")
            || has("调整预算"))
    {
        // A 决算 states the budget beside the outturn (`年初预算为 0 万元，全年预算为 321.02
        // 万元，支出决算为 307.82 万元`): its tables print the outturn only.
        return true;
    }
    false
}

/// The 三公 item (or 机关运行经费) named closest to the amount (`因公出国…；（二）公务接待费预算0.5万元`);
/// `None` when the name names none.
fn three_public(doc: &Document, name: &str) -> Option<Option<Candidate>> {
    use TableKind::*;
    let three: [(&str, ColumnTest); 7] = [
        ("三公", |n| {
            n.ends_with("“三公”经费预算数/合计") || n == "合计" || n.ends_with("三公”经费/合计")
        }),
        ("因公出国", |n| n.contains("因公出国")),
        ("公务用车购置及运行", |n| {
            n.contains("公务用车") && n.ends_with("小计")
        }),
        ("公务用车购置", |n| n.ends_with("购置费")),
        ("公务用车运行", |n| {
            n.ends_with("运行费") || n.ends_with("运行维护费")
        }),
        ("公务接待", |n| n.contains("公务接待")),
        ("机关运行经费", |n| n.contains("机关运行经费")),
    ];
    let nearest = three
        .iter()
        .filter_map(|(k, pred)| name.rfind(k).map(|at| (at + k.len(), *k, *pred)))
        .max_by_key(|x| x.0);
    if let Some((_, "机关运行经费", _)) = nearest.filter(|_| doc.table(RunningCosts).is_some())
    {
        return Some(
            // A region that prints 机关运行经费 as a table of its own (Jiangsu): that table's 合计.
            total_cell(doc, RunningCosts, |n| {
                n.contains("机关运行经费") || n.ends_with("合计") || n == "金额"
            }),
        );
    }
    nearest.map(|(_, _, pred)| total_cell(doc, ThreePublic, pred))
}

/// The cell of the 合计 row of the table of `kind` in the column whose name ends with `column`.
fn total_ending(doc: &Document, kind: TableKind, column: &str) -> Option<Candidate> {
    total_cell(doc, kind, |n| n.ends_with(column))
}

/// A fund's spending (政府性基金, 国有资本经营): the 合计 of its function table; where the document
/// prints the 一般公共预算 table but not this fund's, 0 (`what` says so).
fn fund_total(doc: &Document, kind: TableKind, what: &str) -> Option<Candidate> {
    fiscal_total(doc, &[kind]).or_else(|| {
        fiscal_total(doc, &[TableKind::GeneralPublicFunction]).map(|_| Candidate {
            yuan: Decimal::ZERO,
            what: what.into(),
        })
    })
}

/// The cells a fund's figure (一般公共预算, 政府性基金, 国有资本经营) can be; `None` when the name
/// names no fund.
fn fund_cells(doc: &Document, name: &str) -> Option<Vec<Option<Candidate>>> {
    use TableKind::*;
    let has = |k: &str| name.contains(k);
    Some(if has("一般公共预算") && has("基本支出") {
        vec![
            total_ending(doc, GeneralPublicFunction, "基本支出"),
            total_ending(doc, GeneralPublicBasicEconomic, "合计"),
        ]
    } else if has("一般公共预算") && has("项目支出") {
        vec![total_ending(doc, GeneralPublicFunction, "项目支出")]
    } else if has("一般公共预算") && has("支出") {
        vec![total_ending(doc, GeneralPublicFunction, "合计")]
    } else if has("政府性基金") && has("支出") {
        vec![fund_total(
            doc,
            GovernmentFundFunction,
            "政府性基金预算支出（未列表，为0）",
        )]
    } else if has("国有资本经营") && has("支出") {
        vec![fund_total(
            doc,
            StateCapitalFunction,
            "国有资本经营预算支出（未列表，为0）",
        )]
    } else if has("一般公共预算") || has("政府性基金") || has("国有资本经营") {
        // A fund's income (`政府性基金收入预算`) or anything else of a fund not read above: the
        // department-wide totals below would be the wrong cells.
        Vec::new()
    } else {
        return None;
    })
}

/// The words a department's total income or spending is named by (as the name's ending), and
/// the table whose 合计 it is.
const DEPARTMENT_TOTALS: [(TableKind, &[&str]); 2] = [
    (
        TableKind::Income,
        &[
            "收入预算",
            "预算收入",
            "收入总额",
            "预算收入总额",
            "收入预算总额",
            "收支总预算",
            "收入总预算",
        ],
    ),
    (
        TableKind::Expenditure,
        &[
            "支出预算",
            "预算支出",
            "支出总额",
            "预算支出总额",
            "支出预算总额",
        ],
    ),
];

/// The department-wide totals a named amount can be (财政拨款, 收入, 支出, 基本/项目支出, 人员/公用
/// 经费); `None` when the name is none of them.
fn department_cells(doc: &Document, name: &str) -> Option<Vec<Option<Candidate>>> {
    use TableKind::*;
    let has = |k: &str| name.contains(k);
    let total_of = DEPARTMENT_TOTALS
        .iter()
        .find(|(_, endings)| endings.iter().any(|k| name.ends_with(k)));
    Some(if has("财政拨款") && has("支出") {
        vec![fiscal_total(
            doc,
            &[
                GeneralPublicFunction,
                GovernmentFundFunction,
                StateCapitalFunction,
            ],
        )]
    } else if has("财政拨款") && has("收入") {
        vec![total_cell(doc, Income, |n| n.contains("财政拨款"))]
    } else if ["事业收入", "事业单位经营收入", "其他收入"].contains(&name) {
        vec![total_ending(doc, Income, name)]
    } else if let Some((kind, _)) = total_of {
        vec![total_ending(doc, *kind, "合计")]
    } else if name == "基本支出" || name == "项目支出" {
        vec![
            total_ending(doc, Expenditure, name),
            total_ending(doc, GeneralPublicFunction, name),
        ]
    } else if name == "人员经费" || name == "公用经费" {
        vec![total_ending(doc, GeneralPublicBasicEconomic, name)]
    } else {
        return None;
    })
}

/// Where byte `at` of a section's run is.
fn location(run: &Run, at: usize) -> FindingLocation {
    FindingLocation::in_section(run.title.as_str(), run.location(at))
}

/// N001 (amount contradicts the tables) and N002 (元 written for 万元, or the reverse).
pub fn amounts_match_tables(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let labels = label_index(doc);
    for (run, ms) in runs(doc).iter() {
        for m in ms.iter().cloned() {
            // An amount right after 增加/减少… is a change, not a level.
            let lead = lead(&run.text, m.start, 12);
            if CHANGE_WORDS.iter().any(|w| lead.contains(w)) || m.name.is_empty() {
                continue;
            }
            let candidates = resolve(doc, &labels, &m.name);
            if candidates.is_empty() {
                continue;
            }
            let step = Decimal::new(1, m.decimals); // one unit of the last printed digit
            if candidates
                .iter()
                .any(|c| m.unit.printed(c.yuan, m.decimals) == m.value)
            {
                continue;
            }
            let c = &candidates[0];
            let slip = candidates
                .iter()
                .find(|c| m.unit.other().printed(c.yuan, m.decimals) == m.value);
            let (rule, severity, message, expected) = if let Some(s) = slip {
                let right = m.unit.other().as_str();
                (
                    "N002",
                    Severity::Error,
                    format!(
                        "“{}”的金额单位写错了：表中为{}，文字写成“{}”（应为{}）",
                        m.name, s.what, m.printed, right
                    ),
                    format!(
                        "{}{right}",
                        m.unit.other().printed(s.yuan, m.decimals).normalize()
                    ),
                )
            } else if candidates
                .iter()
                .any(|c| (m.unit.printed(c.yuan, m.decimals) - m.value).abs() <= step)
            {
                (
                    "N001",
                    Severity::Info,
                    format!("“{}”的金额与{}相差一个尾数", m.name, c.what),
                    format!("{}{}", m.unit.printed(c.yuan, m.decimals), m.unit_word()),
                )
            } else {
                (
                    "N001",
                    Severity::Error,
                    format!("“{}”的金额与{}不符", m.name, c.what),
                    format!("{}{}", m.unit.printed(c.yuan, m.decimals), m.unit_word()),
                )
            };
            out.push(Finding {
                rule,
                severity,
                message,
                location: location(run, m.start),
                expected: Some(expected),
                actual: Some(m.printed.clone()),
                hint: Some("文字中的金额应与表中数字一致（按所印精度取整）".into()),
            });
        }
    }
    out
}

/// A percentage printed right after `at` (`，占52.7%`, `，增幅5.3%`): the word before it (one
/// of `words`) and the percentage.
fn percent_after(text: &str, at: usize, words: &[&str]) -> Option<(String, Percent)> {
    let rest = text[at..].trim_start_matches(SHARE_SKIP);
    let word = words.iter().find(|w| rest.starts_with(**w))?;
    let pct = Percent::leading(rest[word.len()..].trim_start_matches(['为', '了']))?;
    Some((word.to_string(), pct))
}

/// What may stand between an amount and the percentage after it (`，占52.7%`).
const SHARE_SKIP: [char; 3] = ['，', ',', '、'];

/// N003: a share `X万元，占Y%` of the whole the sentence opened with (`支出预算880.84万元，其中：`).
pub fn shares_add_up(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (run, ms) in runs(doc).iter() {
        for (k, m) in ms.iter().enumerate() {
            if let Some(f) = share_of_named_whole(doc, run, m) {
                out.push(f);
                continue;
            }
            let Some((_, pct)) = percent_after(&run.text, m.end, &["占"]) else {
                continue;
            };
            // The whole: the last amount before a `其中` that precedes this one in the sentence.
            let (sentence_start, _) = sentence_starts(&run.text, m.start);
            let Some(whole) = ms[..k]
                .iter()
                .rev()
                .find(|w| w.start >= sentence_start && run.text[w.end..m.start].contains("其中"))
            else {
                continue;
            };
            if whole.yuan().is_zero() {
                continue;
            }
            let Some(share) = pct.recomputed(m.yuan(), whole.yuan()) else {
                continue;
            };
            out.push(pct.finding(
                "N003",
                share,
                format!(
                    "“{}”占比与所列金额不符：{}÷{}",
                    m.name, m.printed, whole.printed
                ),
                location(run, m.start),
                "占比应按所列金额重新计算",
            ));
        }
    }
    out
}

/// The words a share names its whole by, at most this long (`年初项目总预算的`).
const WHOLE_WORDS_MAX_CHARS: usize = 12;

/// `X万元，占年初项目总预算的Y%`: a share of a whole the sentence names rather than states —
/// the department's 项目支出, or its total spending or income — recomputed from the whole the
/// document's 支出总表 (收入总表) prints. `None` where the words name no such whole or the
/// document does not print it.
fn share_of_named_whole(doc: &Document, run: &Run, m: &yusuan_domain::Mention) -> Option<Finding> {
    let (words, pct) = share_after(&run.text, m.end, &SHARE_SKIP)?;
    if words.is_empty() || words.chars().count() > WHOLE_WORDS_MAX_CHARS || words.contains("其中")
    {
        return None;
    }
    let has = |w: &str| words.contains(w);
    let (kind, column, whole_name) = if has("项目") && (has("预算") || has("支出") || has("资金"))
    {
        (TableKind::Expenditure, "项目支出", "项目支出合计")
    } else if has("支出") && has("总") {
        (TableKind::Expenditure, "合计", "支出合计")
    } else if has("收入") && has("总") {
        (TableKind::Income, "合计", "收入合计")
    } else {
        return None;
    };
    let t = doc.table(kind)?;
    let r = total_row(t)?;
    let col = t.columns.iter().position(|c| c.name().ends_with(column))?;
    let whole = yuan_of(t, r, col)?;
    if whole.is_zero() {
        return None;
    }
    let share = pct.recomputed(m.yuan(), whole)?;
    Some(pct.finding(
        "N003",
        share,
        format!(
            "“{}”{}占{words}{}%，按{}（{}）应占{share}%",
            m.name,
            m.printed,
            pct.value,
            t.title,
            format_args!("{whole_name} {}", super::stated::wan(whole)),
        ),
        location(run, m.start),
        "占比应按文档自身所列的总额重新计算",
    ))
}

/// N004: 增加 described as a 减幅 (or 减少 as an 增幅); N005: the rate of change recomputed from
/// the amount and the change printed (`1786.11万元…比上年增加90.58万元，增幅5.3%`).
pub fn changes_are_consistent(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (run, ms) in runs(doc).iter() {
        for (k, m) in ms.iter().enumerate() {
            let lead = lead(&run.text, m.start, 9);
            let (up, down) = change_words(lead);
            if !up && !down {
                if let Some(f) = rate_between_amounts(doc, run, ms, k) {
                    out.push(f);
                }
                continue;
            }
            // The rate in any of the words documents print it with (`…减少1,000.0万元，减少
            // 12.34%` as well as `下降12.34%`).
            let Some((word, pct)) = percent_after(&run.text, m.end, &RATE_WORDS) else {
                continue;
            };
            let pct_up = rate_up(&word);
            if pct_up != up {
                out.push(rate_word_contradicts(
                    format!("金额“{}”前写的是", m.printed),
                    up,
                    &word,
                    location(run, m.start),
                ));
            }
            // The level it changed to: the sentence's first amount, else the previous sentence's
            // (`…预算收入总额为1786.11万元…。比上年部门收入增加90.58万元，…`).
            let (sentence_start, previous_start) = sentence_starts(&run.text, m.start);
            let level = ms[..k]
                .iter()
                .find(|w| w.start >= sentence_start)
                .or_else(|| {
                    ms[..k]
                        .iter()
                        .find(|w| w.start >= previous_start && w.end <= sentence_start)
                });
            let Some(level) = level else { continue };
            let prior = if up {
                level.yuan() - m.yuan()
            } else {
                level.yuan() + m.yuan()
            };
            if prior <= Decimal::ZERO {
                continue;
            }
            let Some(rate) = pct.recomputed(m.yuan(), prior) else {
                continue;
            };
            out.push(pct.finding(
                "N005",
                rate,
                format!(
                    "增减幅度与金额不符：{}÷（{}{}{}）",
                    m.printed,
                    level.printed,
                    if up { "－" } else { "＋" },
                    m.printed
                ),
                location(run, m.start),
                "增减幅度＝增减额÷上年数",
            ));
        }
    }
    out
}

/// Words before a percentage saying which way a figure went.
const RATE_WORDS: [&str; 11] = [
    "增幅",
    "减幅",
    "增长率",
    "增长",
    "下降",
    "降幅",
    "减少",
    "降低",
    "增加",
    "上升",
    "提高",
];

/// Whether a rate word says up.
fn rate_up(word: &str) -> bool {
    ["增幅", "增长", "增加", "上升", "提高"]
        .iter()
        .any(|w| word.starts_with(w))
}

/// N004: a rate whose word goes the other way than the change (`what` says how the change is
/// known: the word before its amount, or the two amounts).
fn rate_word_contradicts(what: String, up: bool, word: &str, location: FindingLocation) -> Finding {
    Finding {
        rule: "N004",
        severity: Severity::Warning,
        message: format!(
            "增减用词矛盾：{what}{}，百分比写的是“{word}”",
            if up { "增加" } else { "减少" }
        ),
        location,
        expected: Some(if up { "增幅".into() } else { "减幅".into() }),
        actual: Some(word.to_string()),
        hint: Some("增加对应增幅，减少对应减幅".into()),
    }
}

/// N004/N005 of a rate printed after this year's figure with no change amount, where the
/// sentence states last year's before it (`2025年执行数60.13万元，2026年预算安排25.77万元，
/// 减少57.14%`): the rate is (B−A)÷A, its word the direction.
fn rate_between_amounts(
    doc: &Document,
    run: &Run,
    ms: &[yusuan_domain::Mention],
    k: usize,
) -> Option<Finding> {
    let m = &ms[k];
    if restated_heading(doc, run, ms, k).is_some() {
        // One cause, one finding: the figure restated wrong is N010's.
        return None;
    }
    // The rate right after this year's figure, or after the base it is compared with
    // (`…预算安排25.77万元，比2023年预算执行数减少57.14%`).
    let (word, pct) = percent_after(&run.text, m.end, &RATE_WORDS)
        .or_else(|| percent_after(&run.text, compared_with(&run.text, m.end)?, &RATE_WORDS))?;
    let (sentence_start, _) = sentence_starts(&run.text, m.start);
    // Last year's figure: an earlier amount of the sentence named as last year's.
    let last_year = format!("{}年", doc.meta.year - 1);
    let prior = ms[..k]
        .iter()
        .rev()
        .filter(|w| w.start >= sentence_start)
        .find(|w| {
            let l = lead(&run.text, w.start, 30);
            let l = l.rsplit(['，', '；', '：']).next().unwrap_or(l);
            l.contains("执行数")
                || l.contains("上年")
                || l.contains("去年")
                || l.contains(&last_year)
        })?;
    let (a, b) = (prior.yuan(), m.yuan());
    if a <= Decimal::ZERO || a == b {
        return None;
    }
    let up = b > a;
    let location = location(run, m.start);
    if rate_up(&word) != up {
        return Some(rate_word_contradicts(
            format!("{}到{}是", prior.printed, m.printed),
            up,
            &word,
            location,
        ));
    }
    let rate = pct.recomputed((b - a).abs(), a)?;
    Some(pct.finding(
        "N005",
        rate,
        format!(
            "增减幅度与所列两个金额不符：（{}－{}）÷{}",
            m.printed, prior.printed, prior.printed
        ),
        location,
        "增减幅度＝（本年数－上年数）÷上年数",
    ))
}

/// Where the item holding byte `at` starts: after the last item mark before it (`31.`, `（三）`)
/// that opens the text or follows a sentence's end.
fn item_start(text: &str, at: usize) -> Option<usize> {
    // Back from `at`: the nearest mark is the item's.
    for (i, _) in text[..at].char_indices().rev() {
        let after_stop = i == 0 || text[..i].ends_with(['。', '：', ':']);
        if !after_stop {
            continue;
        }
        let rest = &text[i..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let numbered = (1..=2).contains(&digits)
            && rest[digits..].starts_with(['.', '．', '、'])
            && !rest[digits + 1..].starts_with(|c: char| c.is_ascii_digit());
        let bracketed = rest.starts_with('（')
            && rest['（'.len_utf8()..].starts_with(|c: char| "一二三四五六七八九十".contains(c));
        if numbered || bracketed {
            return Some(i);
        }
    }
    None
}

/// An item's amount restated in its own text (`31.“…住房公积金（项）”350.35万元，…2024年预算安排
/// 352.67万元`): mention `k` is this year's 预算安排 of the item whose heading printed another
/// amount — that heading amount.
fn restated_heading<'a>(
    doc: &Document,
    run: &Run,
    ms: &'a [yusuan_domain::Mention],
    k: usize,
) -> Option<&'a yusuan_domain::Mention> {
    let m = &ms[k];
    let clause = lead(&run.text, m.start, 40);
    let clause = clause
        .rsplit(['，', '。', '；', '：'])
        .next()
        .unwrap_or(clause);
    let this_year = format!("{}年", doc.meta.year);
    let restates =
        clause.contains("预算安排") && (clause.contains(&this_year) || clause.contains("本年"));
    if !restates || clause.contains("执行数") || clause.contains("上年") || clause.contains("其中")
    {
        return None;
    }
    let start = item_start(&run.text, m.start)?;
    let heading = ms[..k].iter().find(|h| h.start >= start)?;
    // The heading's amount is the item's: named by the item's own words, no comparison.
    let named = lead(&run.text, heading.start, 60);
    let named = &named[named.rfind(['。']).map_or(0, |i| i + '。'.len_utf8())..];
    if named.contains("执行数") || named.contains("增加") || named.contains("减少") {
        return None;
    }
    let unit = if m.unit == Unit::WanYuan || heading.unit == Unit::WanYuan {
        Unit::WanYuan
    } else {
        Unit::Yuan
    };
    let dp = m.decimals.min(heading.decimals);
    let (a, b) = (
        Amount {
            value: heading.yuan(),
            unit: Unit::Yuan,
        }
        .in_unit(unit)
        .value
        .round_dp(dp),
        Amount {
            value: m.yuan(),
            unit: Unit::Yuan,
        }
        .in_unit(unit)
        .value
        .round_dp(dp),
    );
    (a != b).then_some(heading)
}

/// N010: an item's amount restated otherwise in its own text.
pub fn item_amount_restated(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (run, ms) in runs(doc).iter() {
        for k in 0..ms.len() {
            let Some(h) = restated_heading(doc, run, ms, k) else {
                continue;
            };
            let m = &ms[k];
            out.push(Finding {
                rule: "N010",
                severity: Severity::Warning,
                message: format!(
                    "“{}”一项先列{}，其后又说预算安排{}",
                    h.name, h.printed, m.printed
                ),
                location: location(run, m.start),
                expected: Some(h.printed.clone()),
                actual: Some(m.printed.clone()),
                hint: Some("同一项的本年预算在文中只有一个数：核对哪一处写错".into()),
            });
        }
    }
    out
}

/// The words naming what a figure is compared with (`，比2023年预算执行数`), at most this long.
const COMPARED_WITH_MAX_CHARS: usize = 16;

/// After a figure, `，比2023年预算执行数` (or `较上年`) before its rate: where the rate's word
/// starts. `None` where no such words follow, or an amount or a clause's end comes first.
fn compared_with(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].trim_start_matches(['，', ',']);
    let skipped = text.len() - at - rest.len();
    if !rest.starts_with(['比', '较']) {
        return None;
    }
    let words: String = rest.chars().take(COMPARED_WITH_MAX_CHARS).collect();
    let word_at = RATE_WORDS.iter().filter_map(|w| words.find(w)).min()?;
    let between = &words[..word_at];
    if between.contains(['，', '。', '；', '%']) || between.contains("万元") {
        return None;
    }
    Some(at + skipped + word_at)
}

/// N006: a stated increase or decrease (`比2025年预算增加1,491万元`) with no reason given in the
/// sentence or the three after it (`主要原因是…`, `主要用于…`).
pub fn changes_have_reasons(doc: &Document) -> Vec<Finding> {
    const REASONS: [&str; 7] = ["原因", "主要是", "主要用于", "由于", "因为", "用于", "系"];
    let mut out = Vec::new();
    for (run, ms) in runs(doc).iter() {
        for m in ms.iter().cloned() {
            let lead = lead(&run.text, m.start, 12);
            let changed = change_words(lead) != (false, false);
            if !changed || m.value.is_zero() || !lead_has_comparison(&run.text, m.start) {
                continue;
            }
            // The reason may follow the whole passage of figures: up to three sentences on.
            let rest = &run.text[m.end..];
            let mut end = 0;
            for _ in 0..4 {
                end = rest[end..]
                    .find('。')
                    .map_or(rest.len(), |k| end + k + '。'.len_utf8());
            }
            if REASONS.iter().any(|r| rest[..end].contains(r)) {
                continue;
            }
            // Or a sentence after it that tells why and ends in the same change, with no figure
            // of its own (`退休人员退休费由省社保机构统一发放，单位支出减少。`).
            let (up, down) = change_words(lead);
            let explained = rest[..end].split('。').skip(1).any(|sentence| {
                let same = (up && (sentence.contains("增加") || sentence.contains("增长")))
                    || (down && (sentence.contains("减少") || sentence.contains("下降")));
                same && amounts(sentence).is_empty()
                    && !sentence.contains('%')
                    && sentence.chars().count() >= 8
            });
            if explained {
                continue;
            }
            out.push(Finding {
                rule: "N006",
                severity: Severity::Warning,
                message: format!("说明了增减（{}）但没有说明原因", m.printed),
                location: location(run, m.start),
                expected: Some("增减原因（主要原因是…）".into()),
                actual: Some("（未说明）".into()),
                hint: Some("预算增减应说明主要原因".into()),
            });
        }
    }
    out
}

/// Whether mention `m` is a change against last year (`比2025年预算增加73.87万元`, `marker` being
/// `比2025年`): whether it went up and whether down, when it is.
fn change_since(run: &Run, m: &yusuan_domain::Mention, marker: &str) -> Option<(bool, bool)> {
    let lead = lead(&run.text, m.start, 30);
    let (up, down) = change_words(lead);
    ((up || down) && lead.contains(marker)).then_some((up, down))
}

/// Whether the clause before `at` compares with another year (`比2025年`, `比上年`, `较上年`).
fn lead_has_comparison(text: &str, at: usize) -> bool {
    let l = lead(text, at, 60);
    let clause = l.rsplit(['。', '；']).next().unwrap_or(l);
    clause.contains('比') || clause.contains("较上年") || clause.contains("同比")
}

/// N007: a change the narrative states against last year (`比2025年预算增加73.87万元`) against the
/// prior-year amounts the document itself prints (Hubei 整体支出绩效目标表: 当年金额 and 近两年收支
/// 金额): the subject amount names the row, and the change must be the difference, with the right
/// word.
pub fn changes_match_own_prior_year(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(t) = doc.table(TableKind::DepartmentPerformance) else {
        return out;
    };
    let (Some(cur), Some(prior)) = (t.head_column("当年金额"), t.head_column("近两年"))
    else {
        return out;
    };
    let wan = |v: Decimal| {
        if t.unit == yusuan_domain::Unit::WanYuan {
            v * yusuan_domain::Unit::WanYuan.in_yuan()
        } else {
            v
        }
    };
    let rows: Vec<(Decimal, Decimal)> = t
        .rows
        .iter()
        .filter_map(|r| {
            Some((
                wan(r.cells.get(cur)?.amount()?),
                wan(r.cells.get(prior)?.amount()?),
            ))
        })
        .collect();
    let marker = format!("比{}年", doc.meta.year - 1);
    for (run, ms) in runs(doc).iter() {
        for (k, m) in ms.iter().enumerate() {
            let Some((_, down)) = change_since(run, m, &marker) else {
                continue;
            };
            let (sentence_start, previous_start) = sentence_starts(&run.text, m.start);
            let subject = ms[..k]
                .iter()
                .rev()
                .find(|w| w.start >= sentence_start)
                .or_else(|| ms[..k].iter().rev().find(|w| w.start >= previous_start));
            let Some(subject) = subject else { continue };
            let Some((c, p)) = rows
                .iter()
                .find(|(c, _)| subject.unit.printed(*c, subject.decimals) == subject.value)
            else {
                continue;
            };
            let computed = *c - *p;
            let stated = if down { -m.yuan() } else { m.yuan() };
            if m.unit.printed(computed, m.decimals) == m.unit.printed(stated, m.decimals) {
                continue;
            }
            out.push(Finding {
                rule: "N007",
                severity: Severity::Warning,
                message: format!(
                    "文字所述比{}年的增减额与本文档“{}”所列当年金额、{}年金额之差不符",
                    doc.meta.year - 1,
                    t.title,
                    doc.meta.year - 1
                ),
                location: location(run, m.start),
                expected: Some(format!(
                    "{}{}",
                    m.unit.printed(computed, m.decimals),
                    m.unit_word()
                )),
                actual: Some(format!(
                    "{}{}",
                    m.unit.printed(stated, m.decimals),
                    m.unit_word()
                )),
                hint: Some(format!(
                    "{}：当年 {}，{}年 {}；若所比口径不同（预算与执行），请在文中说明",
                    t.title,
                    Unit::WanYuan.printed(*c, 2),
                    doc.meta.year - 1,
                    Unit::WanYuan.printed(*p, 2)
                )),
            });
        }
    }
    out
}

/// N008: one prior-year figure, wherever the text implies it. Each `S…比2025年预算增加X` implies
/// the 2025 figure of S's name (S − X; S + X for 减少; S for 持平); the same name must imply the
/// same figure every time it is compared.
pub fn prior_year_consistent(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let marker = format!("比{}年", doc.meta.year - 1);
    let same = format!("与{}年", doc.meta.year - 1);
    let mut seen: Vec<(String, Decimal, u32, Unit, String)> = Vec::new(); // name, prior 元, dp, unit, printed
    for (run, ms) in runs(doc).iter() {
        for (k, m) in ms.iter().enumerate() {
            let Some((up, _)) = change_since(run, m, &marker) else {
                continue;
            };
            let Some(subject) = ms[..k]
                .last()
                .filter(|s| run.text[s.end..m.start].contains(&marker))
            else {
                continue;
            };
            let prior = if up {
                subject.yuan() - m.yuan()
            } else {
                subject.yuan() + m.yuan()
            };
            check_prior(
                &mut seen,
                &mut out,
                run,
                subject,
                prior,
                m.decimals.max(subject.decimals),
            );
        }
        // `…X万元，与2025年预算持平`: the prior figure is X itself.
        for (at, _) in run.text.match_indices(&same) {
            if !run.text[at..]
                .chars()
                .take(12)
                .collect::<String>()
                .contains("持平")
            {
                continue;
            }
            let Some(subject) = ms
                .iter()
                .rev()
                .find(|s| s.end <= at && !run.text[s.end..at].contains(['。', '；']))
            else {
                continue;
            };
            check_prior(
                &mut seen,
                &mut out,
                run,
                subject,
                subject.yuan(),
                subject.decimals,
            );
        }
    }
    out
}

/// N009: an increase over last year (`比2025年预算增加12万元`) stated for a figure that is 0 this
/// year — printed as 0 just before, or, when the sentence prints no level, 0 (or an empty table)
/// in the tables for what it names. An increase cannot end at nothing: one of the two is wrong.
pub fn increase_to_nothing(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let labels = label_index(doc);
    let marker = format!("比{}年", doc.meta.year - 1);
    for (run, ms) in runs(doc).iter() {
        for (k, m) in ms.iter().enumerate() {
            let lead_text = lead(&run.text, m.start, 30);
            let (up, _) = change_words(lead(&run.text, m.start, 9));
            if !up || m.value <= Decimal::ZERO || !lead_text.contains(&marker) {
                continue;
            }
            // The clause the change belongs to: from its start to the comparison.
            let clause_start = run.text[..m.start]
                .rfind(['。', '；', '，', ','])
                .map_or(0, |c| {
                    c + run.text[c..].chars().next().map_or(1, char::len_utf8)
                });
            let level = ms[..k].last().filter(|s| {
                run.text[s.end..m.start].contains(&marker)
                    && !run.text[s.end..m.start].contains(['。', '；'])
            });
            let zero = match level {
                // `…0万元，比2025年预算增加12万元`
                Some(level) => level
                    .value
                    .is_zero()
                    .then(|| format!("文字所列为{}", level.printed)),
                None => {
                    // `政府性基金预算拨款支出比2025年预算增加12万元`: what the clause names.
                    let Some(at) = run.text[clause_start..m.start].find(&marker) else {
                        continue;
                    };
                    let name = yusuan_domain::name_before(&run.text, clause_start + at);
                    let candidates = resolve(doc, &labels, &name);
                    (!candidates.is_empty() && candidates.iter().all(|c| c.yuan.is_zero()))
                        .then(|| format!("{}为0", candidates[0].what))
                }
            };
            let Some(why) = zero else { continue };
            out.push(Finding {
                rule: "N009",
                severity: Severity::Error,
                message: format!("文字说比上年增加{}，但本年为0（{why}）", m.printed),
                location: location(run, m.start),
                expected: Some("本年不为0，或写“减少”".into()),
                actual: Some(format!("增加{}", m.printed)),
                hint: Some("核对本年数与增减额：增加之后不可能为0".into()),
            });
        }
    }
    out
}

fn check_prior(
    seen: &mut Vec<(String, Decimal, u32, Unit, String)>,
    out: &mut Vec<Finding>,
    run: &Run,
    subject: &yusuan_domain::Mention,
    prior: Decimal,
    dp: u32,
) {
    if subject.name.chars().count() < 2 {
        return;
    }
    match seen.iter().find(|s| s.0 == subject.name) {
        None => seen.push((
            subject.name.clone(),
            prior,
            dp,
            subject.unit,
            subject.printed.clone(),
        )),
        Some((_, first, first_dp, unit, printed)) => {
            let d = dp.min(*first_dp);
            if unit.printed(*first, d) != unit.printed(prior, d) {
                out.push(Finding {
                    rule: "N008",
                    severity: Severity::Warning,
                    message: format!(
                        "“{}”的上年数前后不一致（前文由{}推得另一数值）",
                        subject.name, printed
                    ),
                    location: location(run, subject.start),
                    expected: Some(format!("{}{}", unit.printed(*first, d), unit.as_str())),
                    actual: Some(format!("{}{}", unit.printed(prior, d), unit.as_str())),
                    hint: Some("同一项目的上年数在文中应一致".into()),
                });
            }
        }
    }
}
