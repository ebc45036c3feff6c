//! Between tables (X001–X009): the same money printed in two tables must agree. Each rule says
//! in its message why it applies (which tables, which income mix).

use super::{at, coarser, tables_agree, total_row, yuan_of};
use crate::finding::money;
use crate::tolerance::Agreement;
use crate::{Finding, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Document, LedgerSide, Row, RowCode, Table, TableKind, Unit};

use yusuan_domain::compact;

/// A finding that `actual` (in `t`, row `r`) should equal `expected` (given in 元).
#[allow(clippy::too_many_arguments)]
fn differs(
    rule: &'static str,
    t: &Table,
    r: &Row,
    column: &str,
    expected: Decimal,
    actual: Decimal,
    why: &str,
    hint: &str,
) -> Finding {
    let tail = tables_agree(expected, actual, t.unit) == Agreement::RoundingTail;
    let in_unit = |v: Decimal| {
        if t.unit == Unit::WanYuan {
            v / Unit::WanYuan.in_yuan()
        } else {
            v
        }
    };
    Finding {
        rule,
        severity: if tail {
            Severity::Info
        } else {
            Severity::Error
        },
        message: if tail {
            format!("{why}（相差在万元取整尾差以内）")
        } else {
            why.to_string()
        },
        location: at(t, r, Some(column)),
        expected: Some(money(in_unit(expected).normalize(), t.unit)),
        actual: Some(money(in_unit(actual).normalize(), t.unit)),
        hint: Some(hint.into()),
    }
}

/// The tables of kinds `a` and `b`, when the document prints both.
fn both(doc: &Document, a: TableKind, b: TableKind) -> Option<(&Table, &Table)> {
    Some((doc.table(a)?, doc.table(b)?))
}

/// The 合计 row of `t` and its amount (元) in the column whose name ends with `column`.
fn total_in<'a>(t: &'a Table, column: &str) -> Option<(&'a Row, Decimal)> {
    let r = total_row(t)?;
    Some((r, yuan_of(t, r, t.column_index(column)?)?))
}

/// Rows keyed by function code, with the amount (元) of the column whose name ends with `col`.
fn by_code<'a>(t: &'a Table, col: &str) -> Vec<(String, Decimal, &'a Row)> {
    let Some(c) = t.column_index(col) else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter(|r| matches!(r.code, Some(RowCode::Function(_))))
        .filter_map(|r| {
            yuan_of(t, r, c).map(|v| {
                (
                    r.code
                        .as_ref()
                        .map(|k| k.as_str().to_string())
                        .unwrap_or_default(),
                    v,
                    r,
                )
            })
        })
        .collect()
}

/// X001: the 收入总表 and the 支出总表 are both by 功能分类: each code's 合计 agrees.
pub fn income_matches_expenditure(doc: &Document) -> Vec<Finding> {
    let Some((inc, exp)) = both(doc, TableKind::Income, TableKind::Expenditure) else {
        return Vec::new();
    };
    let (i, e) = (by_code(inc, "合计"), by_code(exp, "合计"));
    if i.is_empty() || e.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Each side's codes looked up once (a draft prints thousands of 项).
    let income: std::collections::HashMap<&str, Decimal> =
        i.iter().map(|(c, v, _)| (c.as_str(), *v)).collect();
    let spent: std::collections::HashSet<&str> = e.iter().map(|(c, _, _)| c.as_str()).collect();
    for (code, ev, er) in &e {
        let iv = income.get(code.as_str()).copied().unwrap_or(Decimal::ZERO);
        if tables_agree(iv, *ev, coarser(exp.unit, inc.unit)) != Agreement::Exact {
            out.push(differs(
                "X001",
                exp,
                er,
                "合计",
                iv,
                *ev,
                "支出总表与收入总表同一功能科目的合计不一致",
                "两表都按功能分类列示，同一科目的收入与支出应相等",
            ));
        }
    }
    for (code, iv, ir) in &i {
        if !spent.contains(code.as_str()) && !iv.is_zero() {
            out.push(differs(
                "X001",
                inc,
                ir,
                "合计",
                Decimal::ZERO,
                *iv,
                "收入总表有此功能科目，支出总表没有",
                "两表都按功能分类列示，科目应一一对应",
            ));
        }
    }
    out
}

/// The first amount of the row on `side` whose label ends with one of `labels`.
fn ledger<'a>(t: &'a Table, side: LedgerSide, labels: &[&str]) -> Option<(Decimal, &'a Row)> {
    for l in labels {
        if let Some(r) = t
            .rows
            .iter()
            .find(|r| r.side == Some(side) && compact(&r.label).ends_with(l))
        {
            let c = r.cells.iter().position(|c| c.amount().is_some())?;
            return yuan_of(t, r, c).map(|v| (v, r));
        }
    }
    None
}

/// X002: the 财务收支总表's 本年收入 / 本年支出 equal the 收入总表's and 支出总表's 合计.
pub fn summary_matches_totals(doc: &Document) -> Vec<Finding> {
    let Some(fs) = doc.table(TableKind::FinancialSummary) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let carried = fs.rows.iter().any(|r| {
        let l = compact(&r.label);
        (l.contains("上年结转") || l.contains("结转下年"))
            && r.cells
                .iter()
                .any(|c| c.amount().is_some_and(|v| !v.is_zero()))
    });
    let pairs = [
        (
            LedgerSide::Income,
            ["本年收入合计", "收入合计"].as_slice(),
            TableKind::Income,
            "收入总表",
        ),
        (
            LedgerSide::Expenditure,
            ["本年支出合计", "支出合计"].as_slice(),
            TableKind::Expenditure,
            "支出总表",
        ),
    ];
    for (side, labels, kind, name) in pairs {
        let found = ledger(fs, side, labels).or_else(|| {
            // Without carry-overs the 总计 is this year's money.
            (!carried)
                .then(|| {
                    ledger(
                        fs,
                        side,
                        &[if side == LedgerSide::Income {
                            "收入总计"
                        } else {
                            "支出总计"
                        }],
                    )
                })
                .flatten()
        });
        let (Some((v, r)), Some(t)) = (found, doc.table(kind)) else {
            continue;
        };
        let Some((_, tv)) = total_in(t, "合计") else {
            continue;
        };
        if tables_agree(tv, v, coarser(fs.unit, t.unit)) != Agreement::Exact {
            out.push(differs(
                "X002",
                fs,
                r,
                "预算数",
                tv,
                v,
                &format!("财务收支总表与{name}的合计不一致"),
                &format!("财务收支总表的本年数应等于{name}合计"),
            ));
        }
    }
    out
}

/// X003: the 一般公共预算 function table's 基本支出 合计 equals the 经济分类 table's 合计.
pub fn basic_matches_economic(doc: &Document) -> Vec<Finding> {
    let Some((f, e)) = both(
        doc,
        TableKind::GeneralPublicFunction,
        TableKind::GeneralPublicBasicEconomic,
    ) else {
        return Vec::new();
    };
    let (Some((_, fv)), Some((er, ev))) = (total_in(f, "基本支出"), total_in(e, "合计"))
    else {
        return Vec::new();
    };
    if tables_agree(fv, ev, coarser(f.unit, e.unit)) == Agreement::Exact {
        return Vec::new();
    }
    vec![differs(
        "X003",
        e,
        er,
        "合计",
        fv,
        ev,
        "经济分类表合计与一般公共预算支出表的基本支出合计不一致",
        "基本支出按经济分类列示，两表合计应相等",
    )]
}

/// X004: per 功能科目, the 财政拨款 function tables (一般公共预算, 政府性基金, 国有资本经营) add up
/// to no more than the 支出总表; exactly to it when all income is 财政拨款.
pub fn fiscal_within_expenditure(doc: &Document) -> Vec<Finding> {
    let Some(exp) = doc.table(TableKind::Expenditure) else {
        return Vec::new();
    };
    let fiscal: Vec<&Table> = doc
        .tables
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TableKind::GeneralPublicFunction
                    | TableKind::GovernmentFundFunction
                    | TableKind::StateCapitalFunction
            )
        })
        .collect();
    if fiscal.is_empty() {
        return Vec::new();
    }
    // The income mix: only 财政拨款 when every other income column of the 合计 row is 0.
    let all_fiscal = doc.table(TableKind::Income).and_then(|t| {
        let r = total_row(t)?;
        let mut other = Decimal::ZERO;
        let mut seen_fiscal = false;
        for (k, c) in t.columns.iter().enumerate() {
            let name = c.path.last().map(String::as_str).unwrap_or("");
            if name == "合计" {
                continue;
            }
            if name.contains("财政拨款")
                || name.contains("一般公共预算")
                || name.contains("政府性基金")
                || name.contains("国有资本")
            {
                seen_fiscal = true;
            } else {
                other += yuan_of(t, r, k).unwrap_or_default();
            }
        }
        Some(seen_fiscal && other.is_zero())
    });
    let mut out = Vec::new();
    let unit = fiscal.iter().fold(exp.unit, |u, t| coarser(u, t.unit));
    for col in ["合计", "基本支出", "项目支出"] {
        let totals = by_code(exp, col);
        // Each code's sum over the fund tables, once (not per code: tables run to thousands of rows).
        let mut sums: std::collections::HashMap<String, Decimal> = std::collections::HashMap::new();
        for (c, v, _) in fiscal.iter().flat_map(|t| by_code(t, col)) {
            *sums.entry(c).or_default() += v;
        }
        for (code, ev, er) in &totals {
            let sum: Decimal = sums.get(code).copied().unwrap_or_default();
            let too_much = sum > *ev && tables_agree(sum, *ev, unit) == Agreement::Differs;
            let too_little =
                all_fiscal == Some(true) && tables_agree(sum, *ev, unit) != Agreement::Exact;
            let (why, hint) = if too_much {
                (
                    "财政拨款各表此科目之和大于支出总表",
                    "财政拨款支出是部门支出的一部分，不能超过支出总表",
                )
            } else if too_little {
                (
                    "收入全部为财政拨款，但财政拨款各表此科目之和与支出总表不等",
                    "收入总表只有财政拨款收入时，一般公共预算、政府性基金、国有资本经营支出表之和应等于支出总表",
                )
            } else {
                continue;
            };
            out.push(differs("X004", exp, er, col, sum, *ev, why, hint));
        }
    }
    out
}

/// X005: the 分单位 table's 合计 row equals the 支出总表's 合计 row, column by column.
pub fn units_add_up(doc: &Document) -> Vec<Finding> {
    let Some((by_unit, exp)) = both(doc, TableKind::ExpenditureByUnit, TableKind::Expenditure)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for name in ["合计", "基本支出", "项目支出"] {
        let (Some((ur, uv)), Some((_, ev))) = (total_in(by_unit, name), total_in(exp, name)) else {
            continue;
        };
        if tables_agree(ev, uv, coarser(by_unit.unit, exp.unit)) != Agreement::Exact {
            out.push(differs(
                "X005",
                by_unit,
                ur,
                name,
                ev,
                uv,
                "分单位表合计与支出总表合计不一致",
                "各单位之和应等于部门支出总表",
            ));
        }
    }
    out
}

/// The 三公 table's row of figures and the 一般公共预算基本支出 economic table, when both are printed.
fn three_public_and_economic(doc: &Document) -> Option<(&Table, &Row, &Table)> {
    let (tp, eco) = both(
        doc,
        TableKind::ThreePublic,
        TableKind::GeneralPublicBasicEconomic,
    )?;
    let row = tp
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|c| c.amount().is_some()))?;
    Some((tp, row, eco))
}

/// X006: each 三公 item is at least the 基本支出 of its economic code (30212 因公出国（境）费,
/// 30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置); 三公 also counts 项目支出.
pub fn three_public_bounds(doc: &Document) -> Vec<Finding> {
    let Some((tp, row, eco)) = three_public_and_economic(doc) else {
        return Vec::new();
    };
    let Some(ec) = eco.column_index("合计") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (item, code) in [
        ("因公出国(境)费", "30212"),
        ("因公出国（境）费", "30212"),
        ("公务接待费", "30217"),
        ("运行费", "30231"),
        ("购置费", "31013"),
    ] {
        let Some(c) = tp.column_index(item) else {
            continue;
        };
        let (Some(tv), Some(er)) = (yuan_of(tp, row, c), eco.row_by_code(code)) else {
            continue;
        };
        let Some(ev) = yuan_of(eco, er, ec) else {
            continue;
        };
        if ev > tv && tables_agree(ev, tv, coarser(tp.unit, eco.unit)) == Agreement::Differs {
            let mut f = differs(
                "X006",
                tp,
                row,
                item,
                ev,
                tv,
                &format!("“三公”{item}小于经济分类表 {code} 的基本支出"),
                "“三公”经费含基本支出和项目支出，不应小于经济分类表中对应科目",
            );
            f.severity = Severity::Warning;
            out.push(f);
        }
    }
    out
}

/// X007: 机关运行经费 is at most the 经济分类 table's 公用经费 (it is the 公用经费 of the
/// administrative units).
pub fn running_costs_within_public(doc: &Document) -> Vec<Finding> {
    let Some((tp, row, eco)) = three_public_and_economic(doc) else {
        return Vec::new();
    };
    let Some(c) = tp
        .columns
        .iter()
        .position(|x| x.name().contains("机关运行经费"))
    else {
        return Vec::new();
    };
    let (Some(tv), Some((_, ev))) = (yuan_of(tp, row, c), total_in(eco, "公用经费")) else {
        return Vec::new();
    };
    if tv > ev && tables_agree(ev, tv, coarser(tp.unit, eco.unit)) == Agreement::Differs {
        let mut f = differs(
            "X007",
            tp,
            row,
            "机关运行经费",
            ev,
            tv,
            "机关运行经费大于经济分类表的公用经费合计",
            "机关运行经费是行政单位的公用经费，不应超过公用经费合计",
        );
        f.severity = Severity::Warning;
        return vec![f];
    }
    Vec::new()
}

/// X009: the 财务收支总表's 支出总计 split into 人员经费 and 公用经费 agrees with the 合计 row of the
/// 一般公共预算基本支出 economic table, when the two print the same 基本支出 (all of it 一般公共预算):
/// the same money cannot be split two ways.
pub fn ledger_split_matches_economic(doc: &Document) -> Vec<Finding> {
    let Some((fs, eco)) = both(
        doc,
        TableKind::FinancialSummary,
        TableKind::GeneralPublicBasicEconomic,
    ) else {
        return Vec::new();
    };
    let spend_col = |name: &str| {
        fs.columns.iter().position(|c| {
            c.path.last().is_some_and(|l| compact(l) == name)
                && c.path.first().is_some_and(|f| f.contains("支出"))
        })
    };
    let (Some(fp), Some(fu)) = (spend_col("人员经费"), spend_col("公用经费")) else {
        return Vec::new();
    };
    let Some(total) = fs
        .rows
        .iter()
        .find(|r| r.side == Some(LedgerSide::Expenditure) && compact(&r.label).contains("总计"))
    else {
        return Vec::new();
    };
    let (Some(lp), Some(lu), Some((_, xp)), Some((_, xu))) = (
        yuan_of(fs, total, fp),
        yuan_of(fs, total, fu),
        total_in(eco, "人员经费"),
        total_in(eco, "公用经费"),
    ) else {
        return Vec::new();
    };
    let unit = coarser(fs.unit, eco.unit);
    if tables_agree(lp + lu, xp + xu, unit) != Agreement::Exact
        || tables_agree(lp, xp, unit) == Agreement::Exact
    {
        return Vec::new();
    }
    let why = "财务收支总表的人员经费、公用经费与基本支出经济分类表不一致（两表基本支出合计相同）";
    let hint = "同一笔基本支出只有一种人员经费、公用经费划分；核对两表";
    vec![
        differs("X009", fs, total, "人员经费", xp, lp, why, hint),
        differs("X009", fs, total, "公用经费", xu, lu, why, hint),
    ]
}

/// A ledger row's label without its numbering (`八、城乡社区支出` → `城乡社区支出`).
fn bare(label: &str) -> String {
    yusuan_domain::strip_numbering(&compact(label)).to_string()
}

/// The 合计 of the function class named `name` in a table of `kind` (元).
fn class_total(doc: &Document, kind: TableKind, name: &str) -> Option<Decimal> {
    let t = doc.table(kind)?;
    let c = t.column_index("合计")?;
    let r = t.rows.iter().find(|r| {
        matches!(&r.code, Some(RowCode::Function(f)) if f.as_str().len() == 3)
            && compact(&r.label) == name
    })?;
    yuan_of(t, r, c)
}

/// X008: the summary tables' expenditure rows by 功能类 equal the class rows of the detailed
/// tables: 财务收支总表 ↔ 支出总表; 财政拨款收支总表's 一般公共预算 / 政府性基金 columns ↔ those
/// tables.
pub fn summaries_match_classes(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let checks: [(TableKind, Option<&str>, TableKind); 3] = [
        (TableKind::FinancialSummary, None, TableKind::Expenditure),
        (
            TableKind::FiscalSummary,
            Some("一般公共预算"),
            TableKind::GeneralPublicFunction,
        ),
        (
            TableKind::FiscalSummary,
            Some("政府性基金"),
            TableKind::GovernmentFundFunction,
        ),
    ];
    for (summary, column, detail) in checks {
        let (Some(s), Some(d)) = (doc.table(summary), doc.table(detail)) else {
            continue;
        };
        for r in s
            .rows
            .iter()
            .filter(|r| r.side == Some(LedgerSide::Expenditure))
        {
            let name = bare(&r.label);
            let c = match column {
                Some(col) => s
                    .columns
                    .iter()
                    .position(|x| x.path.last().is_some_and(|l| l.contains(col))),
                None => r.cells.iter().position(|c| c.amount().is_some()),
            };
            let Some(c) = c else { continue };
            let (Some(v), Some(expected)) = (yuan_of(s, r, c), class_total(doc, detail, &name))
            else {
                continue;
            };
            if tables_agree(expected, v, coarser(s.unit, d.unit)) != Agreement::Exact {
                let col = s.columns.get(c).map(|x| x.name()).unwrap_or_default();
                out.push(differs(
                    "X008",
                    s,
                    r,
                    &col,
                    expected,
                    v,
                    &format!("“{name}”与{}中该类的合计不一致", detail.label()),
                    "总表中按功能类列示的支出应等于明细表中该类的合计",
                ));
            }
        }
    }
    out
}
