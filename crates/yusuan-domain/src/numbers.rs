//! Every number of a document in long form, one per entry (the CSV export and golden files).

use crate::{Cell, Document, Location};
use rust_decimal::Decimal;
use serde::Serialize;

/// One number of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberEntry {
    /// The table as titled in the document.
    pub table: String,
    /// The row's canonical code digits (empty when the row has none).
    pub row_code: String,
    /// The row's label.
    pub row_label: String,
    /// The header path joined with `/`.
    pub column: String,
    /// The exact value in 元.
    pub value_yuan: Decimal,
    /// The text as printed.
    pub printed: String,
    /// Where it was printed.
    pub location: Location,
}

impl Document {
    /// Every number of the document: every amount of every table in printed order, then the
    /// projects' stated totals and itemised amounts, then the performance forms' funds and
    /// measured indicator values (an indicator's number is not money: its `value_yuan` is the
    /// number as printed and the column names its measure).
    pub fn numbers(&self) -> Vec<NumberEntry> {
        let mut out = Vec::new();
        self.table_numbers(&mut out);
        self.project_numbers(&mut out);
        self.stated_numbers(&mut out);
        self.form_numbers(&mut out);
        out
    }

    /// Every amount of every table, in printed order.
    fn table_numbers(&self, out: &mut Vec<NumberEntry>) {
        for t in &self.tables {
            for r in &t.rows {
                for (ci, c) in r.cells.iter().enumerate() {
                    if let Cell::Amount { value, printed } = c {
                        let amount = crate::Amount {
                            value: *value,
                            unit: t.unit,
                        };
                        out.push(NumberEntry {
                            table: t.title.clone(),
                            row_code: r
                                .code
                                .as_ref()
                                .map(|c| c.as_str().to_string())
                                .unwrap_or_default(),
                            row_label: r.label.clone(),
                            column: t.columns.get(ci).map(|c| c.name()).unwrap_or_default(),
                            value_yuan: amount.to_yuan(),
                            printed: printed.clone(),
                            location: r.location,
                        });
                    }
                }
            }
        }
    }

    /// The projects' stated totals and itemised amounts (unit prices too).
    fn project_numbers(&self, out: &mut Vec<NumberEntry>) {
        for p in &self.projects {
            let table = format!("{}经费情况说明", p.name);
            if let Some(t) = p.total {
                let (printed, location) = p
                    .total_printed
                    .clone()
                    .unwrap_or_else(|| (format!("{}{}", t.value, t.unit), p.location));
                out.push(NumberEntry {
                    printed,
                    ..money(&table, "项目预算合计", "合计", t, location)
                });
            }
            for part in &p.parts {
                for item in &part.items {
                    let column = match item.level {
                        crate::ItemLevel::Item => part.kind.label().to_string(),
                        crate::ItemLevel::SubItem => format!("{}/明细", part.kind.label()),
                        crate::ItemLevel::Computation => format!("{}/测算", part.kind.label()),
                        crate::ItemLevel::Mention => format!("{}/文中金额", part.kind.label()),
                    };
                    if let Some(price) = item.unit_price {
                        out.push(money(
                            &table,
                            &item.label,
                            &format!("{column}/单价"),
                            price,
                            item.location,
                        ));
                    }
                    let entry = money(&table, &item.label, &column, item.amount, item.location);
                    out.push(NumberEntry {
                        printed: item.printed.clone(),
                        ..entry
                    });
                }
            }
        }
    }

    /// The 政府采购 and 绩效 figures the narrative states.
    fn stated_numbers(&self, out: &mut Vec<NumberEntry>) {
        if let Some(p) = &self.stated.procurement {
            let parts = [
                ("政府采购预算", Some(p.total)),
                ("货物", p.goods),
                ("工程", p.works),
                ("服务", p.services),
                ("面向中小企业预留", p.reserved_for_small_firms),
                ("预留给小型和微型企业", p.reserved_for_micro_firms),
            ];
            for (label, a) in parts {
                if let Some(a) = a {
                    out.push(money("政府采购预算情况", label, "预算数", a, p.location));
                }
            }
        }
        if let Some(a) = self
            .stated
            .performance
            .as_ref()
            .and_then(|p| p.amount.map(|a| (a, p.location)))
        {
            out.push(money(
                "绩效目标设置情况",
                "涉及项目预算资金",
                "预算数",
                a.0,
                a.1,
            ));
        }
    }

    /// The performance forms' funds and measured indicator values.
    fn form_numbers(&self, out: &mut Vec<NumberEntry>) {
        for f in &self.performance_forms {
            let table = format!("绩效目标表：{}", f.project);
            for key in crate::FundKey::ALL {
                if let Some(a) = f.funds.get(key) {
                    let entry = money(&table, key.label(), "项目资金", a, f.location);
                    match f.funds.printed.get(&key) {
                        Some((printed, location)) => out.push(NumberEntry {
                            printed: printed.clone(),
                            location: *location,
                            ..entry
                        }),
                        None => out.push(entry),
                    }
                }
            }
            for ind in &f.indicators {
                if let crate::IndicatorValue::Measured { value, measure, .. } = &ind.value {
                    // Not money: the number is given as printed, its measure in the column.
                    out.push(NumberEntry {
                        table: table.clone(),
                        row_code: String::new(),
                        row_label: format!("{}/{}/{}", ind.level1, ind.level2, ind.name),
                        column: format!("指标值（{}）", measure.clone().unwrap_or_default()),
                        value_yuan: *value,
                        printed: ind.printed.clone(),
                        location: ind.location,
                    });
                }
            }
        }
    }
}

impl Document {
    /// Every figure the narrative prints, in the order printed: each `万元`/`元` amount and each
    /// percentage, named by the words before it, under its section's title (`table`), in the
    /// column `文中金额` or `文中百分比`. A percentage is not money: its `value_yuan` is the
    /// number as printed. (Kept apart from [`Document::numbers`], whose entries the comparison
    /// aligns year by year.)
    pub fn narrative_numbers(&self) -> Vec<NumberEntry> {
        let mut out = Vec::new();
        for run in crate::section_texts(self) {
            let mut found: Vec<(usize, NumberEntry)> = crate::mentions(&run.text)
                .into_iter()
                .map(|m| {
                    let entry = NumberEntry {
                        table: run.title.clone(),
                        row_code: String::new(),
                        row_label: m.name.clone(),
                        column: "文中金额".into(),
                        value_yuan: m.yuan(),
                        printed: m.printed.clone(),
                        location: run.location(m.start),
                    };
                    (m.start, entry)
                })
                .collect();
            found.extend(
                percentages(&run.text)
                    .into_iter()
                    .map(|(start, value, printed)| {
                        let entry = NumberEntry {
                            table: run.title.clone(),
                            row_code: String::new(),
                            row_label: crate::name_before(&run.text, start),
                            column: "文中百分比".into(),
                            value_yuan: value,
                            printed,
                            location: run.location(start),
                        };
                        (start, entry)
                    }),
            );
            found.sort_by_key(|(start, _)| *start);
            out.extend(found.into_iter().map(|(_, e)| e));
        }
        // The projects' own texts: their amounts are the projects' items (`numbers`); their
        // percentages here.
        for p in &self.projects {
            for part in &p.parts {
                let text: String = part.text.chars().filter(|c| !c.is_whitespace()).collect();
                for (start, value, printed) in percentages(&text) {
                    out.push(NumberEntry {
                        table: format!("{}经费情况说明", p.name),
                        row_code: String::new(),
                        row_label: crate::name_before(&text, start),
                        column: "文中百分比".into(),
                        value_yuan: value,
                        printed,
                        location: part.location,
                    });
                }
            }
        }
        out
    }
}

/// Every `number%` of a text (whitespace removed): where it starts, its value, as printed.
fn percentages(text: &str) -> Vec<(usize, Decimal, String)> {
    crate::mention::number_runs(text)
        .into_iter()
        .filter_map(|(i, number)| {
            let after = &text[i + number.len()..];
            let sign = after.chars().next().filter(|c| *c == '%' || *c == '％')?;
            let value = number.parse::<Decimal>().ok()?;
            Some((
                i,
                value,
                text[i..i + number.len() + sign.len_utf8()].to_string(),
            ))
        })
        .collect()
}

fn money(
    table: &str,
    label: &str,
    column: &str,
    a: crate::Amount,
    location: Location,
) -> NumberEntry {
    NumberEntry {
        table: table.to_string(),
        row_code: String::new(),
        row_label: label.to_string(),
        column: column.to_string(),
        value_yuan: a.to_yuan(),
        printed: format!("{}{}", a.value, a.unit),
        location,
    }
}
