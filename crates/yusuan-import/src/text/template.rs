//! Standard column layouts of the regional formats' tables.
//!
//! Text extracted from PDFs wraps header cells over several lines (`事业单位` / `经营收入`), which
//! makes a header grid unreliable. When a Shanghai document's table is recognised, the standard
//! column paths are used instead — unless its header was read from drawn rules and its rows carry
//! more values than the standard layout has columns (then it is not that layout).

use yusuan_domain::TableKind;

/// The value columns of a standard table: one list, or (income, expenditure) for two-sided ones.
pub enum Template {
    /// An ordinary table.
    Columns(&'static [&'static str]),
    /// A two-sided 收入 | 支出 table.
    Ledger(&'static [&'static str], &'static [&'static str]),
}

/// The Shanghai layout of a table kind, if it has a standard one.
pub fn shanghai(kind: TableKind) -> Option<Template> {
    use TableKind::*;
    Some(match kind {
        FinancialSummary => Template::Ledger(&["本年收入/预算数"], &["本年支出/预算数"]),
        Income => Template::Columns(&[
            "收入预算/合计",
            "收入预算/财政拨款收入",
            "收入预算/事业收入",
            "收入预算/事业单位经营收入",
            "收入预算/其他收入",
        ]),
        Expenditure => {
            Template::Columns(&["支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"])
        }
        ExpenditureByUnit => {
            Template::Columns(&["合计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"])
        }
        FiscalSummary => Template::Ledger(
            &["财政拨款收入/预算数"],
            &[
                "财政拨款支出/合计",
                "财政拨款支出/一般公共预算",
                "财政拨款支出/政府性基金预算",
                "财政拨款支出/国有资本经营预算",
            ],
        ),
        FiscalByUnit => Template::Columns(&[
            "财政拨款支出/合计",
            "财政拨款支出/基本支出/人员经费",
            "财政拨款支出/基本支出/公用经费",
            "财政拨款支出/项目支出",
        ]),
        GeneralPublicFunction => Template::Columns(&[
            "一般公共预算支出/合计",
            "一般公共预算支出/基本支出",
            "一般公共预算支出/项目支出",
        ]),
        GovernmentFundFunction => Template::Columns(&[
            "政府性基金预算支出/合计",
            "政府性基金预算支出/基本支出",
            "政府性基金预算支出/项目支出",
        ]),
        StateCapitalFunction => Template::Columns(&[
            "国有资本经营预算支出/合计",
            "国有资本经营预算支出/基本支出",
            "国有资本经营预算支出/项目支出",
        ]),
        GeneralPublicBasicEconomic => Template::Columns(&[
            "一般公共预算基本支出/合计",
            "一般公共预算基本支出/人员经费",
            "一般公共预算基本支出/公用经费",
        ]),
        ThreePublic => Template::Columns(&[
            "“三公”经费预算数/合计",
            "“三公”经费预算数/因公出国(境)费",
            "“三公”经费预算数/公务接待费",
            "“三公”经费预算数/公务用车购置及运行费/小计",
            "“三公”经费预算数/公务用车购置及运行费/购置费",
            "“三公”经费预算数/公务用车购置及运行费/运行费",
            "机关运行经费预算数",
        ]),
        _ => return None,
    })
}
