//! The roll-forward's leaves: what each table of the source gives the draft — the fund tables' 项
//! by use (split by the 收支总表's margins where a table prints totals only), the non-fiscal money
//! by source and class, the economic 款, the narrative's stated counts and 政府采购.

use super::*;

impl Roller<'_> {
    /// The 国有资产 counts and the 绩效目标 summary as the narrative states them: lines of the
    /// draft, each with where it was stated.
    pub(super) fn stated_leaves(&mut self) {
        let doc: &Document = self.doc;
        let doc_id = self.doc_id;
        let count = |v: Option<u32>| v.map(Decimal::from);
        let stated = &doc.stated;
        // Each section of the narrative, where it stands, and the counts it states.
        let sections = [
            stated.assets.as_ref().map(|a| {
                let items = vec![
                    (StatedItem::Vehicles, count(a.vehicles)),
                    (StatedItem::CostlyEquipment, count(a.costly_equipment)),
                    (StatedItem::VehiclesToBuy, count(a.vehicles_to_buy)),
                ];
                ("国有资产占有使用情况", a.location, items)
            }),
            stated.performance.as_ref().map(|p| {
                let items = vec![
                    (StatedItem::TargetProjects, count(p.projects)),
                    (StatedItem::TargetAmount, p.amount.map(|a| a.to_yuan())),
                ];
                ("绩效目标设置情况", p.location, items)
            }),
            stated.unit_counts.as_ref().map(|u| {
                let items = vec![
                    (
                        StatedItem::AdministrativeUnits,
                        Some(Decimal::from(u.administrative)),
                    ),
                    (
                        StatedItem::CivilServiceUnits,
                        Some(Decimal::from(u.civil_service)),
                    ),
                    (
                        StatedItem::InstitutionUnits,
                        Some(Decimal::from(u.institutions)),
                    ),
                ];
                ("机构设置", u.location, items)
            }),
        ];
        for (section, at, items) in sections.into_iter().flatten() {
            for (item, value) in items {
                let Some(value) = value else {
                    continue;
                };
                let origin = Origin {
                    document: doc_id,
                    table: section.into(),
                    row: item.leaf_label(),
                    column: item.unit().into(),
                    printed: format!("{value}{}", item.unit()),
                    page: at.page,
                    line: at.line,
                };
                self.add(LeafKey::Stated { item }, value, Some(origin), false);
            }
        }
    }

    /// 政府采购预算 as the narrative states it: its 货物/工程/服务 parts (their sum is the total) or,
    /// where it states none, the total; 面向中小企业预留 beside them.
    pub(super) fn procurement_leaves(&mut self) {
        let doc: &Document = self.doc;
        let Some(p) = &doc.stated.procurement else {
            return;
        };
        let doc_id = self.doc_id;
        let origin = |part: ProcurementPart, a: &yusuan_domain::Amount| Origin {
            document: doc_id,
            table: "其他相关情况说明".into(),
            row: "政府采购预算".into(),
            column: part.label().into(),
            printed: format!("{}{}", a.value, a.unit.as_str()),
            page: p.location.page,
            line: p.location.line,
        };
        let parts = [
            (ProcurementPart::Goods, p.goods),
            (ProcurementPart::Works, p.works),
            (ProcurementPart::Services, p.services),
        ];
        let stated: Vec<(ProcurementPart, yusuan_domain::Amount)> =
            if parts.iter().any(|(_, a)| a.is_some()) {
                parts
                    .iter()
                    .filter_map(|(k, a)| a.map(|a| (*k, a)))
                    .collect()
            } else {
                vec![(ProcurementPart::Total, p.total)]
            };
        let reserved = p
            .reserved_for_small_firms
            .map(|a| (ProcurementPart::SmallFirms, a))
            .into_iter()
            .chain(
                p.reserved_for_micro_firms
                    .map(|a| (ProcurementPart::MicroFirms, a)),
            );
        for (part, a) in stated.into_iter().chain(reserved) {
            let o = origin(part, &a);
            self.add(LeafKey::Procurement { part }, a.to_yuan(), Some(o), false);
        }
    }

    pub(super) fn fund_leaves(&mut self) {
        let doc = self.doc;
        // Codes whose kind split the table does not print (one 金额 column): (fund, code), amount, origin.
        let mut totals: Vec<((Fund, FunctionCode), Decimal, Origin)> = Vec::new();
        for t in doc.tables.iter().filter(|t| is_function_table(t)) {
            let Some(funds) = table_funds(t.kind) else {
                continue;
            };
            // A table of several funds (财政拨款支出预算表) repeats the funds' own tables.
            let [fund] = funds.as_slice() else { continue };
            let (cols, total_col) = Self::split_columns(t);
            for (r, code) in leaf_rows(t) {
                let RowCode::Function(code) = code else {
                    continue;
                };
                if let Some(c) = total_col {
                    totals.push((
                        (fund.clone(), code.clone()),
                        cell_yuan(t, r, c),
                        self.origin(t, r, c),
                    ));
                }
                for (c, kind) in &cols {
                    let key = LeafKey::Spend {
                        fund: fund.clone(),
                        function: code.clone(),
                        kind: kind.clone(),
                    };
                    let origin = self.origin(t, r, *c);
                    self.add(key, cell_yuan(t, r, *c), Some(origin), false);
                }
            }
        }
        if !totals.is_empty() {
            self.split_code_totals(totals);
        }
    }

    /// The 财政拨款's spending by kind as its 收支总表 prints it (基本支出, 项目支出, 单位预留机动经费).
    pub(super) fn fiscal_kind_margins(&self) -> Vec<(SpendKind, Decimal)> {
        let Some(t) = self
            .doc
            .tables
            .iter()
            .find(|t| t.kind == TableKind::FiscalSummary)
        else {
            return vec![];
        };
        let funds = Some(Fund::FISCAL.to_vec());
        let mut out = Vec::new();
        for r in t
            .rows
            .iter()
            .filter(|r| r.side == Some(LedgerSide::Expenditure))
        {
            let Some(Query::Spend {
                prefix: None,
                kinds: Some(kinds),
                ..
            }) = ledger_query(&r.label, r.side, &funds, |_| None)
            else {
                continue;
            };
            let kind = match kinds.as_slice() {
                [SpendKind::Personnel, SpendKind::Public, SpendKind::Basic] => SpendKind::Basic,
                [one] => one.clone(),
                _ => continue,
            };
            let v = side_amount(t, r)
                .map(|(_, v)| yuan(t, v))
                .unwrap_or_default();
            out.push((kind, v));
        }
        out
    }

    /// A format whose function tables print each code's total only (Jiangsu): the kinds are the
    /// 财政拨款收支总表's, spread over the codes keeping both margins (the codes that are 基本支出
    /// by nature first), and marked estimated where more than one kind has money.
    pub(super) fn split_code_totals(
        &mut self,
        mut totals: Vec<((Fund, FunctionCode), Decimal, Origin)>,
    ) {
        let sum: Decimal = totals.iter().map(|t| t.1).sum();
        let mut margins = self.fiscal_kind_margins();
        if margins.is_empty() || margins.iter().map(|m| m.1).sum::<Decimal>() != sum {
            self.report.carried.push("功能分类表只列各科目合计，财政拨款收支总表中没有与之相符的基本支出、项目支出，各科目暂记为基本支出，请核对".into());
            margins = vec![(SpendKind::Basic, sum)];
        }
        totals.sort_by_key(|((_, code), _, _)| !basic_by_nature(code.as_str()));
        let estimated = margins.iter().filter(|m| !m.1.is_zero()).count() > 1;
        let rows: Vec<(usize, Decimal)> =
            totals.iter().enumerate().map(|(i, t)| (i, t.1)).collect();
        for (i, kind, v) in north_west(&rows, &margins) {
            let ((fund, code), _, origin) = &totals[i];
            let key = LeafKey::Spend {
                fund: fund.clone(),
                function: code.clone(),
                kind,
            };
            self.add(key, v, Some(origin.clone()), estimated);
        }
    }

    /// Money of the 支出总表 that no fund table holds: split by the 收入总表's non-fiscal sources
    /// (north-west corner: exact, margins kept; marked estimated when the split is not printed).
    pub(super) fn non_fiscal_leaves(&mut self) {
        let doc = self.doc;
        let Some(exp) = doc
            .tables
            .iter()
            .find(|t| t.kind == TableKind::Expenditure && is_function_table(t))
        else {
            return;
        };
        if totals_only(exp) {
            self.non_fiscal_by_class(exp);
            return;
        }
        let fiscal_tables: Vec<&Table> = doc
            .tables
            .iter()
            .filter(|t| is_function_table(t) && table_funds(t.kind).is_some())
            .collect();
        let cols = Self::kind_columns(exp);
        let income = doc
            .tables
            .iter()
            .find(|t| t.kind == TableKind::Income && is_function_table(t));
        for (r, code) in leaf_rows(exp) {
            let RowCode::Function(code) = code else {
                continue;
            };
            // Residual per kind: the 支出总表 minus the fiscal leaves of this code.
            let mut residual: Vec<(SpendKind, Decimal, usize)> = Vec::new();
            for (c, kind) in &cols {
                let total = cell_yuan(exp, r, *c);
                let fiscal: Decimal = self
                    .leaves
                    .iter()
                    .filter(|l| match &l.key {
                        LeafKey::Spend {
                            fund,
                            function,
                            kind: k,
                        } => {
                            fund.is_fiscal()
                                && function == code
                                && (k == kind || (kind == &SpendKind::Basic && k.is_basic()))
                        }
                        _ => false,
                    })
                    .map(|l| l.value)
                    .sum();
                if fiscal_tables.is_empty() || !(total - fiscal).is_zero() {
                    residual.push((kind.clone(), total - fiscal, *c));
                }
            }
            if residual.iter().all(|(_, v, _)| v.is_zero()) {
                continue;
            }
            // Sources of this code's non-fiscal money, from the 收入总表.
            let mut sources: Vec<(Fund, Decimal)> = Vec::new();
            if let Some(inc) = income {
                if let Some(ir) = inc.rows.iter().find(|x| x.code.as_ref() == r.code.as_ref()) {
                    for (c, col) in inc.columns.iter().enumerate() {
                        let Some((Some(f), None)) = column_filter(&col.path, &None) else {
                            continue;
                        };
                        if let [fund] = f.as_slice() {
                            let fiscal_ok = !fiscal_tables.is_empty() && fund.is_fiscal();
                            let v = cell_yuan(inc, ir, c);
                            if !fiscal_ok && !v.is_zero() {
                                sources.push((fund.clone(), v));
                            }
                        }
                    }
                }
            }
            if sources.is_empty() {
                sources.push((Fund::Other, residual.iter().map(|(_, v, _)| *v).sum()));
                self.report.carried.push(format!(
                    "{} {}：支出总表中财政拨款以外的资金在收入总表中没有来源，记为其他收入",
                    exp.title,
                    row_name(r)
                ));
            }
            let estimated =
                sources.len() > 1 && residual.iter().filter(|(_, v, _)| !v.is_zero()).count() > 1;
            let residual: Vec<((SpendKind, usize), Decimal)> =
                residual.into_iter().map(|(k, v, c)| ((k, c), v)).collect();
            for (fund, (kind, c), v) in north_west(&sources, &residual) {
                let origin = self.origin(exp, r, c);
                let key = LeafKey::Spend {
                    fund,
                    function: code.clone(),
                    kind,
                };
                self.add(key, v, Some(origin), estimated);
            }
        }
    }

    /// The fiscal lines' sum under a function code prefix, of these kinds (all when `None`).
    pub(super) fn fiscal_sum(&self, prefix: &str, kinds: Option<&[SpendKind]>) -> Decimal {
        self.leaves
            .iter()
            .filter(|l| match &l.key {
                LeafKey::Spend {
                    fund,
                    function,
                    kind,
                } => {
                    fund.is_fiscal()
                        && function.as_str().starts_with(prefix)
                        && kinds.is_none_or(|k| k.contains(kind))
                }
                _ => false,
            })
            .map(|l| l.value)
            .sum()
    }

    /// Money the 财政拨款 does not hold where the 支出总表 prints no codes (Jiangsu): the 收支总表
    /// gives all funds' spending by 类; what a 类 has beyond its fiscal lines is the other funds'
    /// (the 收入总表's sources), of the kinds the 支出总表's total row has beyond the fiscal lines.
    /// The lines are at 类 level: no table says under which 款 or 项.
    pub(super) fn non_fiscal_by_class(&mut self, exp: &Table) {
        let doc = self.doc;
        let Some(fs) = doc
            .tables
            .iter()
            .find(|t| t.kind == TableKind::FinancialSummary)
        else {
            return;
        };
        let names = code_names(doc);
        let mut classes: Vec<((FunctionCode, Origin), Decimal)> = Vec::new();
        for r in fs
            .rows
            .iter()
            .filter(|r| r.side == Some(LedgerSide::Expenditure))
        {
            let bare = yusuan_domain::strip_numbering(&compact_label(&r.label)).to_string();
            let Some(code) = class_code(&names, &bare).and_then(|c| FunctionCode::parse(&c).ok())
            else {
                continue;
            };
            let Some((c, v)) = side_amount(fs, r) else {
                continue;
            };
            let rest = yuan(fs, v) - self.fiscal_sum(code.as_str(), None);
            if !rest.is_zero() {
                classes.push(((code, self.origin(fs, r, c)), rest));
            }
        }
        if classes.is_empty() {
            return;
        }
        let Some(total) = exp
            .rows
            .iter()
            .find(|r| r.code.is_none() && r.cells.iter().any(|c| c.amount().is_some()))
        else {
            return;
        };
        let basic = [SpendKind::Personnel, SpendKind::Public, SpendKind::Basic];
        let kinds: Vec<(SpendKind, Decimal)> = Self::kind_columns(exp)
            .into_iter()
            .map(|(c, kind)| {
                let all = cell_yuan(exp, total, c);
                let of = if kind.is_basic() {
                    self.fiscal_sum("", Some(&basic))
                } else {
                    self.fiscal_sum("", Some(std::slice::from_ref(&kind)))
                };
                (kind, all - of)
            })
            .filter(|(_, v)| !v.is_zero())
            .collect();
        let rest: Decimal = classes.iter().map(|c| c.1).sum();
        let kinds = if kinds.iter().map(|k| k.1).sum::<Decimal>() == rest {
            kinds
        } else {
            vec![(SpendKind::Basic, rest)]
        };
        let mut sources: Vec<(Fund, Decimal)> = doc
            .tables
            .iter()
            .filter(|t| crate::sources::is_sources_table(t))
            .flat_map(|t| {
                t.rows
                    .iter()
                    .zip(crate::sources::classify(&t.rows))
                    .filter_map(move |(r, k)| match k {
                        crate::sources::SourceRow::Fund(f) if !f.is_fiscal() => {
                            let v =
                                yuan(t, r.cells.iter().find_map(Cell::amount).unwrap_or_default());
                            (!v.is_zero()).then_some((f, v))
                        }
                        _ => None,
                    })
            })
            .collect();
        if sources.iter().map(|s| s.1).sum::<Decimal>() != rest {
            // The 收支总表 names them too (`二、财政专户管理资金 147.20`, where the 收入总表's
            // wrapped labels put the amount under `其他非税收入`).
            let summary = summary_sources(doc);
            if summary.iter().map(|s| s.1).sum::<Decimal>() == rest {
                sources = summary;
            }
        }
        if sources.iter().map(|s| s.1).sum::<Decimal>() != rest {
            self.report.carried.push(format!(
                "{}：财政拨款以外的资金在收入总表中没有相符的来源，记为其他收入",
                fs.title
            ));
            sources = vec![(Fund::Other, rest)];
        }
        let estimated = classes.len() > 1 || kinds.len() > 1 || sources.len() > 1;
        let pieces: Vec<((FunctionCode, Origin, Fund), Decimal)> = north_west(&classes, &sources)
            .into_iter()
            .map(|((code, origin), fund, v)| ((code, origin, fund), v))
            .collect();
        for ((code, origin, fund), kind, v) in north_west(&pieces, &kinds) {
            self.add(
                LeafKey::Spend {
                    fund,
                    function: code,
                    kind,
                },
                v,
                Some(origin),
                estimated,
            );
        }
    }

    pub(super) fn economic_leaves(&mut self) {
        let doc = self.doc;
        // The 一般公共预算's table where printed, else the 财政拨款's.
        let economic = |kind: TableKind| {
            doc.tables
                .iter()
                .find(|t| t.kind == kind && is_economic_table(t))
        };
        let Some(t) = economic(TableKind::GeneralPublicBasicEconomic)
            .or_else(|| economic(TableKind::FiscalBasicEconomic))
        else {
            return;
        };
        // No 人员经费/公用经费 columns (Jiangsu): each line's kind is its class's.
        let (cols, total_col) = Self::split_columns(t);
        for (r, code) in leaf_rows(t) {
            let RowCode::Economic(code) = code else {
                continue;
            };
            let by_class = total_col.map(|c| (c, economic_kind(code.as_str())));
            for (c, kind) in cols.iter().cloned().chain(by_class) {
                let origin = self.origin(t, r, c);
                self.add(
                    LeafKey::Economic {
                        code: code.clone(),
                        kind,
                    },
                    cell_yuan(t, r, c),
                    Some(origin),
                    false,
                );
            }
        }
    }
}

/// The non-fiscal money the 收支总表 names by fund on its income side: each row naming a fund
/// (not a 小计/合计) with its first amount.
fn summary_sources(doc: &yusuan_domain::Document) -> Vec<(Fund, Decimal)> {
    let mut out: Vec<(Fund, Decimal)> = Vec::new();
    for t in doc
        .tables
        .iter()
        .filter(|t| t.kind == yusuan_domain::TableKind::FinancialSummary)
    {
        for r in &t.rows {
            let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
            if ["小计", "合计", "总计"].iter().any(|w| l.contains(w)) {
                continue;
            }
            let Some(f) = Fund::from_label(&l).filter(|f| !f.is_fiscal()) else {
                continue;
            };
            let v = yuan(t, r.cells.iter().find_map(Cell::amount).unwrap_or_default());
            if !v.is_zero() && !out.iter().any(|(g, _)| *g == f) {
                out.push((f, v));
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}
