//! How each disclosure table is derived from leaves: its rows, and for every cell the query
//! whose sum it prints.
//!
//! Function- and economic-classified tables generate their rows from the leaves (every code with
//! money in the table's funds, with its 类/款 parents), so a new 项 appears wherever it belongs.
//! Ledger tables (收支总表) keep their printed rows, each bound to a query by its label. Tables
//! whose structure is their own (分单位, 三公, 项目) keep their rows; their leaf cells are leaves of
//! the draft and their total rows and columns sum them (from `合计` rows, code prefixes and the
//! header paths).

use crate::keys::{Fund, LeafKey, SpendKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use yusuan_domain::{strip_numbering, Column, LedgerSide, Location, RowCode, TableKind, Unit};

/// What a cell sums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "q", rename_all = "snake_case")]
pub enum Query {
    /// Spending leaves: of these funds (all when `None`), under this function code prefix (all
    /// when `None`), of these kinds (all when `None`).
    Spend {
        /// Funds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        funds: Option<Vec<Fund>>,
        /// Function code prefix.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        /// Kinds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kinds: Option<Vec<SpendKind>>,
    },
    /// Economic leaves under this prefix, of these kinds.
    Economic {
        /// Economic code prefix.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        /// Kinds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kinds: Option<Vec<SpendKind>>,
    },
    /// These leaves.
    Leaves {
        /// The keys.
        keys: Vec<LeafKey>,
    },
    /// Spending placed in a unit (its row of a 分单位 table, once it has lines of its own): of
    /// these funds and kinds (all when `None`).
    Placed {
        /// The unit's name.
        unit: String,
        /// Funds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        funds: Option<Vec<Fund>>,
        /// Kinds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kinds: Option<Vec<SpendKind>>,
    },
    /// The sum of several queries (a 分单位 table's 合计 row over units typed as cells and units
    /// whose row sums their placed lines).
    Parts {
        /// The queries.
        parts: Vec<Query>,
    },
}

/// One cell of a kept row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "c", rename_all = "snake_case")]
pub enum CellRule {
    /// Printed empty.
    Blank,
    /// Words.
    Text {
        /// The text.
        text: String,
    },
    /// The sum of a query, printed in the table's unit.
    Sum {
        /// What it sums.
        query: Query,
    },
    /// A value carried from the source that no leaf derives (a 结转下年 line, a count in a
    /// grid); reported by the roll-forward.
    Fixed {
        /// Value in the table's unit.
        value: Decimal,
        /// As printed.
        printed: String,
    },
}

/// A kept row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowRule {
    /// Its code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<RowCode>,
    /// Its label.
    pub label: String,
    /// Its side in a two-sided table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<LedgerSide>,
    /// One rule per column.
    pub cells: Vec<CellRule>,
    /// Not printed: kept as the pattern a new 类 row of a ledger copies (a blank template keeps
    /// one 类 row of each ledger this way).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pattern: bool,
}

/// What a column of a generated table sums (intersected with the row's code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "c", rename_all = "snake_case")]
pub enum ColumnRule {
    /// These funds and kinds (all when `None`).
    Filter {
        /// Funds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        funds: Option<Vec<Fund>>,
        /// Kinds.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kinds: Option<Vec<SpendKind>>,
    },
    /// A column no leaf feeds (printed empty).
    Blank,
}

/// The 合计 row of a generated table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalRow {
    /// Its label as printed.
    pub label: String,
    /// Printed above the code rows (Hubei) rather than below (Shanghai).
    pub first: bool,
}

/// The body of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "body", rename_all = "snake_case")]
pub enum Body {
    /// Rows generated from the spending leaves of these funds, by function code.
    Function {
        /// The table's funds (all when `None`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        funds: Option<Vec<Fund>>,
        /// One rule per column.
        columns: Vec<ColumnRule>,
        /// The 合计 row.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        total: Option<TotalRow>,
    },
    /// Rows generated from the economic leaves.
    Economic {
        /// One rule per column.
        columns: Vec<ColumnRule>,
        /// The 合计 row.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        total: Option<TotalRow>,
    },
    /// Kept rows.
    Rows {
        /// The rows.
        rows: Vec<RowRule>,
    },
}

/// How amounts are printed in a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintStyle {
    /// Decimals printed (0 for whole 元, 2 for 万元 and 元 with 分).
    pub decimals: u32,
    /// Thousands separators.
    pub separators: bool,
    /// Per column: a zero is printed (`0`, `0.00`) rather than left blank.
    pub zero_printed: Vec<bool>,
}

/// One table of the disclosure, as derived from the leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableLayout {
    /// The title (year advanced).
    pub title: String,
    /// Its number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Which standard table.
    pub kind: TableKind,
    /// The unit its amounts are printed in.
    pub unit: Unit,
    /// 编制部门 line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compiled_by: Option<String>,
    /// The value columns.
    pub columns: Vec<Column>,
    /// The note printed when the table is empty (years advanced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty_note: Option<String>,
    /// How amounts are printed.
    pub style: PrintStyle,
    /// The rows.
    pub body: Body,
    /// Where the source printed the table (keeps the document's order of texts and tables).
    #[serde(default)]
    pub location: Location,
    /// Carried as printed (no leaf derives it; the user edits its cells and rows): kept when a
    /// blank draft empties it, so its rows can be written anew.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

/// Header words that restrict nothing (`支出用途` and `功能分类` group a Jiangsu ledger's columns).
const NEUTRAL: [&str; 16] = [
    "合计",
    "小计",
    "预算数",
    "收入预算",
    "支出预算",
    "本年收入",
    "本年支出",
    "本年拨款",
    "金额",
    "总计",
    "预算",
    "本年",
    "收入",
    "支出",
    "支出用途",
    "功能分类",
];

/// The name of a 支出功能分类 类 (`213` → 农林水支出).
pub fn class_name(code: &str) -> Option<&'static str> {
    FUNCTION_CLASSES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// The 类 of the 支出功能分类 with their names (the checker's list).
pub(crate) use yusuan_check::FUNCTION_CLASS_NAMES as FUNCTION_CLASSES;

/// Funds and kinds a column restricts (`None`: all).
pub(crate) type Restriction = (Option<Vec<Fund>>, Option<Vec<SpendKind>>);

/// What a column's header path restricts: funds and kinds; `None` when a part of the path is
/// not understood (the column is then not derived).
pub(crate) fn column_filter(
    path: &[String],
    table_funds: &Option<Vec<Fund>>,
) -> Option<Restriction> {
    let mut funds = table_funds.clone();
    let mut kinds: Option<Vec<SpendKind>> = None;
    let intersect_f = |cur: Option<Vec<Fund>>, new: Vec<Fund>| -> Option<Vec<Fund>> {
        Some(match cur {
            None => new,
            Some(c) => c.into_iter().filter(|f| new.contains(f)).collect(),
        })
    };
    for part in path {
        let p: String = part.chars().filter(|c| !c.is_whitespace()).collect();
        if NEUTRAL.contains(&p.as_str()) {
            continue;
        }
        let mut understood = false;
        if p.contains("财政拨款") {
            funds = intersect_f(funds, Fund::FISCAL.to_vec());
            understood = true;
        } else if let Some(f) = Fund::from_label(&p) {
            funds = intersect_f(funds, vec![f]);
            understood = true;
        }
        let kind = if p.contains("人员经费") {
            Some(vec![SpendKind::Personnel])
        } else if p.contains("公用经费") {
            Some(vec![SpendKind::Public])
        } else if p.contains("基本支出") {
            Some(vec![
                SpendKind::Personnel,
                SpendKind::Public,
                SpendKind::Basic,
            ])
        } else if p.contains("项目支出") {
            Some(vec![SpendKind::Project])
        } else if !understood && (p.ends_with("支出") || p.ends_with("经费")) {
            // Another spending column (`事业单位经营支出`; Jiangsu's `单位预留机动经费`).
            Some(vec![SpendKind::Named(p.clone())])
        } else {
            None
        };
        if let Some(k) = kind {
            kinds = Some(match kinds {
                None => k,
                Some(cur) => cur.into_iter().filter(|x| k.contains(x)).collect(),
            });
            understood = true;
        }
        if !understood {
            return None;
        }
    }
    Some((funds, kinds))
}

/// The funds a function table is about, from its kind.
pub(crate) fn table_funds(kind: TableKind) -> Option<Vec<Fund>> {
    match kind {
        TableKind::GeneralPublicFunction => Some(vec![Fund::GeneralPublic]),
        TableKind::GovernmentFundFunction => Some(vec![Fund::GovernmentFund]),
        TableKind::StateCapitalFunction => Some(vec![Fund::StateCapital]),
        TableKind::FiscalSummary | TableKind::FiscalByUnit | TableKind::FiscalFunction => {
            Some(Fund::FISCAL.to_vec())
        }
        _ => None,
    }
}

/// A ledger row's query from its label and side, within the table's funds; `None` when the
/// label names nothing the leaves hold (结转下年, 结余 …).
pub(crate) fn ledger_query(
    label: &str,
    side: Option<LedgerSide>,
    table: &Option<Vec<Fund>>,
    class_code: impl Fn(&str) -> Option<String>,
) -> Option<Query> {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = strip_numbering(&l).to_string();
    if l.contains("结转")
        || l.contains("结余")
        || l.contains("上级补助")
        || l.contains("附属单位")
        || l.contains("用事业基金")
    {
        return None;
    }
    // `当年收入小计` (Jiangsu) is this year's total like `本年收入`.
    let total = l.contains("总计")
        || l.contains("合计")
        || bare == "本年收入"
        || bare == "本年支出"
        || l.ends_with("收入小计")
        || l.ends_with("支出小计");
    match side {
        Some(LedgerSide::Income) => {
            if total {
                return Some(Query::Spend {
                    funds: table.clone(),
                    prefix: None,
                    kinds: None,
                });
            }
            let funds = if l.contains("财政拨款") {
                Fund::FISCAL.to_vec()
            } else if bare == "其他资金" {
                // Jiangsu: 事业收入, 事业单位经营收入 and 其他收入 together.
                vec![Fund::Business, Fund::Operating, Fund::Other]
            } else {
                vec![Fund::from_label(&l)?]
            };
            let funds = match table {
                Some(t) => funds.into_iter().filter(|f| t.contains(f)).collect(),
                None => funds,
            };
            Some(Query::Spend {
                funds: Some(funds),
                prefix: None,
                kinds: None,
            })
        }
        Some(LedgerSide::Expenditure) => {
            if total {
                return Some(Query::Spend {
                    funds: table.clone(),
                    prefix: None,
                    kinds: None,
                });
            }
            if bare == "基本支出" || bare == "项目支出" {
                let kinds = if bare == "基本支出" {
                    vec![SpendKind::Personnel, SpendKind::Public, SpendKind::Basic]
                } else {
                    vec![SpendKind::Project]
                };
                return Some(Query::Spend {
                    funds: table.clone(),
                    prefix: None,
                    kinds: Some(kinds),
                });
            }
            if let Some(code) = class_code(&bare) {
                return Some(Query::Spend {
                    funds: table.clone(),
                    prefix: Some(code),
                    kinds: None,
                });
            }
            // A spending use of its own (Jiangsu's `单位预留机动经费` beside 基本/项目支出).
            bare.ends_with("机动经费").then(|| Query::Spend {
                funds: table.clone(),
                prefix: None,
                kinds: Some(vec![SpendKind::Named(bare.clone())]),
            })
        }
        None => None,
    }
}

/// Which side of a ledger a column belongs to, from its header path.
pub(crate) fn column_side(col: &Column) -> Option<LedgerSide> {
    let top = col.path.first().map(String::as_str).unwrap_or("");
    if top.contains("收入") {
        Some(LedgerSide::Income)
    } else if top.contains("支出") {
        Some(LedgerSide::Expenditure)
    } else {
        None
    }
}

/// Intersects a query with a column's funds (for ledger tables with fund columns).
pub(crate) fn narrow(
    query: Query,
    funds: &Option<Vec<Fund>>,
    kinds: &Option<Vec<SpendKind>>,
) -> Query {
    match query {
        Query::Spend {
            funds: qf,
            prefix,
            kinds: qk,
        } => {
            let f = match (qf, funds) {
                (None, x) => x.clone(),
                (Some(a), None) => Some(a),
                (Some(a), Some(b)) => Some(a.into_iter().filter(|f| b.contains(f)).collect()),
            };
            let k = match (qk, kinds) {
                (None, x) => x.clone(),
                (Some(a), None) => Some(a),
                (Some(a), Some(b)) => Some(a.into_iter().filter(|k| b.contains(k)).collect()),
            };
            Query::Spend {
                funds: f,
                prefix,
                kinds: k,
            }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Vec<String> {
        p.split('/').map(String::from).collect()
    }

    #[test]
    fn column_paths_restrict_funds_and_kinds() {
        // check(input, expect): what a header path restricts.
        type Case = (&'static str, Option<Vec<Fund>>, Option<Restriction>);
        let cases: [Case; 8] = [
            (
                "支出预算/基本支出",
                None,
                Some((
                    None,
                    Some(vec![
                        SpendKind::Personnel,
                        SpendKind::Public,
                        SpendKind::Basic,
                    ]),
                )),
            ),
            (
                "收入预算/财政拨款收入",
                None,
                Some((Some(Fund::FISCAL.to_vec()), None)),
            ),
            (
                "收入预算/事业收入",
                None,
                Some((Some(vec![Fund::Business]), None)),
            ),
            (
                "一般公共预算支出/项目支出",
                Some(vec![Fund::GeneralPublic]),
                Some((
                    Some(vec![Fund::GeneralPublic]),
                    Some(vec![SpendKind::Project]),
                )),
            ),
            (
                "基本支出/人员经费",
                None,
                Some((None, Some(vec![SpendKind::Personnel]))),
            ),
            (
                "事业单位经营支出",
                None,
                Some((
                    None,
                    Some(vec![SpendKind::Named("事业单位经营支出".into())]),
                )),
            ),
            (
                "单位预留机动经费",
                None,
                Some((
                    None,
                    Some(vec![SpendKind::Named("单位预留机动经费".into())]),
                )),
            ),
            ("项目单位", None, None),
        ];
        for (p, tf, expect) in cases {
            assert_eq!(column_filter(&path(p), &tf), expect, "{p}");
        }
    }

    #[test]
    fn ledger_labels_become_queries() {
        let class = |name: &str| (name == "一般公共服务支出").then(|| "201".to_string());
        let spend = |funds, prefix: Option<&str>, kinds| {
            Some(Query::Spend {
                funds,
                prefix: prefix.map(Into::into),
                kinds,
            })
        };
        let (income, expenditure) = (Some(LedgerSide::Income), Some(LedgerSide::Expenditure));
        let reserve = vec![SpendKind::Named("单位预留机动经费".into())];
        let others = vec![Fund::Business, Fund::Operating, Fund::Other];
        let cases = [
            (
                "一、一般公共服务支出",
                expenditure,
                spend(None, Some("201"), None),
            ),
            (
                "1.一般公共预算资金",
                income,
                spend(Some(vec![Fund::GeneralPublic]), None, None),
            ),
            ("结转下年", expenditure, None),
            // Jiangsu's words.
            ("三、其他资金", income, spend(Some(others), None, None)),
            ("当年支出小计", expenditure, spend(None, None, None)),
            (
                "三、单位预留机动经费",
                expenditure,
                spend(None, None, Some(reserve)),
            ),
        ];
        for (label, side, expect) in cases {
            assert_eq!(ledger_query(label, side, &None, class), expect, "{label}");
        }
    }
}
