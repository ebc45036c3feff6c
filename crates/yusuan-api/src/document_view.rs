//! A document as the window shows it: the document itself and, for every row of its
//! tables, what drawing the row needs that the model does not store — the code as the
//! 科目编码 column prints it (`201 39 01`), its 类/款/项 level and whether the row is a
//! total — so the UI rebuilds none of the classification's rules.

use serde::Serialize;
use ts_rs::TS;
use yusuan_domain::{CodeLevel, Document, Row};

/// How one row of a table is drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowLook {
    /// The code as printed in the code column (`201 39 01`, `302 17`, a unit's code); empty
    /// when the row has none.
    pub code: String,
    /// 类 / 款 / 项 of a classification code; absent for other rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub level: Option<CodeLevel>,
    /// A 合计 / 总计 / 小计 row.
    pub total: bool,
}

impl RowLook {
    /// How `row` is drawn.
    pub fn of(row: &Row) -> RowLook {
        RowLook {
            code: row.code.as_ref().map(|c| c.shown()).unwrap_or_default(),
            level: row.code.as_ref().and_then(|c| c.level()),
            total: row.is_total(),
        }
    }
}

/// A document with the look of its tables' rows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocumentView {
    /// The document as stored or derived.
    pub document: Document,
    /// For each table (in `document.tables` order), each row's look (in its `rows` order).
    pub rows: Vec<Vec<RowLook>>,
}

impl DocumentView {
    /// The view of `document`.
    pub fn of(document: Document) -> DocumentView {
        let rows = document
            .tables
            .iter()
            .map(|t| t.rows.iter().map(RowLook::of).collect())
            .collect();
        DocumentView { document, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_domain::{EconomicCode, FunctionCode, Location, RowCode};

    fn row(code: Option<RowCode>, label: &str) -> Row {
        Row {
            code,
            label: label.into(),
            side: None,
            cells: vec![],
            location: Location::default(),
        }
    }

    #[test]
    fn rows_look_as_the_tables_print_them() {
        let f = |c: &str| Some(RowCode::Function(FunctionCode::parse(c).unwrap()));
        let e = |c: &str| Some(RowCode::Economic(EconomicCode::parse(c).unwrap()));
        let look = |code, label| RowLook::of(&row(code, label));
        assert_eq!(
            look(f("2013901"), "社会工作事务"),
            RowLook {
                code: "201 39 01".into(),
                level: Some(CodeLevel::Xiang),
                total: false
            }
        );
        assert_eq!(look(f("20139"), "x").code, "201 39");
        assert_eq!(look(f("201"), "x").level, Some(CodeLevel::Lei));
        assert_eq!(
            look(e("30217"), "公务接待费"),
            RowLook {
                code: "302 17".into(),
                level: Some(CodeLevel::Kuan),
                total: false
            }
        );
        assert_eq!(look(e("302"), "x").code, "302");
        let unit = look(Some(RowCode::Unit("1430012".into())), "本级");
        assert_eq!((unit.code.as_str(), unit.level), ("1430012", None));
        let project = look(Some(RowCode::Project("31000026T000000012345".into())), "x");
        assert_eq!(
            (project.code.as_str(), project.level),
            ("31000026T000000012345", None)
        );
        for total in ["合计", "收 入 总 计", " 小 计", "支出 合计"] {
            assert!(look(None, total).total, "{total}");
        }
        for not in ["小计项目", "合计数说明", "一般公共服务支出"] {
            assert!(!look(None, not).total, "{not}");
        }
        assert_eq!(look(None, "一、财政拨款收入").code, "");
    }
}
