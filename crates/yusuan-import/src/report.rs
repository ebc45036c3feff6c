//! The import report: what was recognised, what was kept as text, and warnings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yusuan_domain::{Document, Location};

/// One reported item: what it is (typed, with its data), its message and its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportItem {
    /// What, in Chinese (rendered from `diagnostic`).
    pub message: String,
    /// Where.
    pub location: Location,
    /// What it is, with its data: a later pass settles a warning by this, never by the message's
    /// words; a report stored by an earlier version reads as [`Diagnostic::Recorded`].
    #[serde(default)]
    pub diagnostic: Diagnostic,
}

impl ReportItem {
    /// An item of this kind at this place, its message rendered from it.
    pub fn new(diagnostic: Diagnostic, location: Location) -> ReportItem {
        ReportItem {
            message: diagnostic.message(),
            location,
            diagnostic,
        }
    }
}

/// What the importer reports: each kind with the data it is about. The fields mean the same in
/// every kind: `table` a table's title, `row` a row's label, `rows` how many rows, `printed`
/// how many values a row printed and `columns` how many it should have had.
#[allow(missing_docs)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Diagnostic {
    /// A report stored by an earlier version of Yusuan, before diagnostics were typed.
    #[default]
    Recorded,
    /// A PDF cut short: the pages that could still be read.
    Truncated { pages: usize },
    /// A line kept as text but not understood.
    Unrecognised { text: String },
    /// A table printed without its unit, read as 元.
    NoUnit { table: String },
    /// A row printed with more values than the header has columns (kept in unnamed columns).
    ExtraValues { table: String, values: Vec<String> },
    /// Words inside a table that belong to no row.
    StrayText { table: String, text: String },
    /// A code printed without its leading zeros, read with them.
    PaddedCode {
        table: String,
        printed: String,
        read: String,
    },
    /// A joined code printed with spaces in it (`207 11 02`): read as one code, or, when its
    /// digits make none, kept out of the amounts and named.
    SpacedCode {
        table: String,
        printed: String,
        read: Option<String>,
    },
    /// A form-like table kept cell by cell.
    Grid { table: String, rows: usize },
    /// A table printed in two halves side by side, its right half read as rows of their own.
    Halves { table: String },
    /// Rows printed without their blanks, placed by the table's own sums.
    PlacedByTableSums { table: String, rows: usize },
    /// Rows of a two-sided table printed without their blanks, placed by each side's 总计.
    PlacedBySideTotals { table: String, rows: usize },
    /// A row whose blanks were lost, placed by the sum of its sub-rows.
    PlacedBySubRows { table: String, row: String },
    /// A row printed without its blanks, placed as `how` says (the 三公 table's own identities).
    PlacedRow { table: String, how: String },
    /// Rows printed without their blanks, placed by the same code's values in the document's
    /// other tables.
    PlacedByOtherTables { rows: usize },
    /// The 支出 side of a 财政拨款收支总表, placed by the function tables' 类 amounts.
    PlacedByFunctionClasses { table: String, rows: usize },
    /// A row printed without its blanks whose values' columns no evidence decides: kept in
    /// the printed order.
    RowOpen {
        table: String,
        printed: usize,
        columns: usize,
    },
    /// The same for one side of a two-sided table's row (settled later if another table
    /// decides it).
    SideOpen {
        table: String,
        row: String,
        printed: usize,
        columns: usize,
    },
    /// A file of tables joined to its narrative (document `target`).
    Attached {
        target: i64,
        department: String,
        year: i32,
    },
    /// A narrative joined to its tables already in the library (document `target`).
    NarrativeAttached { target: i64 },
    /// A file of tables that names no year, read under the year its file name gives.
    YearFromFileName { year: i32 },
    /// A file of tables that names no year, read under the year the user gave.
    YearGiven { year: i32 },
    /// A table whose row sums failed in `failing_rows` rows under the column plan read, read in
    /// the one least reordering of its amount columns under which they hold: the columns in the
    /// order `read` named them hold what `taken` names.
    ColumnsReordered {
        table: String,
        read: String,
        taken: String,
        failing_rows: usize,
    },
    /// A table that prints no unit, read as 万元: its 合计 so read is `other`'s (which prints one).
    UnitFromOtherTables { table: String, other: String },
    /// Rows of `table` from a second 合计 on read as another table, `found` (its heading was
    /// read as rows): split there, each part's 合计 is the sum of its own classes.
    SplitAtHeading { table: String, found: String },
    /// A document whose cover names no department, named by `found` (a part heading, a table's
    /// 编制部门 line) — or, where nothing names it, by nobody (`found` empty).
    DepartmentFromBody { found: String },
    /// A table whose own sums fail in many of its rows: read, but not confirmed by its sums (a
    /// misreading, not the document's errors; the checker holds its 错误 back).
    UncertainReading {
        table: String,
        failing_rows: usize,
        rows: usize,
    },
}

impl Diagnostic {
    /// The message a user reads, in Chinese.
    pub fn message(&self) -> String {
        use Diagnostic::*;
        match self {
            Recorded => String::new(),
            Truncated { pages } => format!("文件不完整（可能没有下载完）：结尾部分缺失，已读出留下的 {pages} 页；缺失部分的表和文字未能导入，请核对，或重新下载完整的文件后再导入"),
            Unrecognised { text } => text.clone(),
            NoUnit { table } => format!("表“{table}”没有注明金额单位，按“元”处理，请核对"),
            ExtraValues { table, values } => format!("表“{table}”此行的数值比表头多 {} 个：{}", values.len(), values.join(" ")),
            StrayText { table, text } => format!("表“{table}”中有一段文字无法对应到行：{text}"),
            PaddedCode { table, printed, read } => format!("表“{table}”此行的编码“{printed}”缺少前导0，按“{read}”读取"),
            SpacedCode { table, printed, read: Some(read) } => format!("表“{table}”此行的编码印作“{printed}”（中间有空格），按“{read}”读取，请核对原文"),
            SpacedCode { table, printed, read: None } => format!("表“{table}”此行的编码印作“{printed}”，不是有效的科目编码；这些数字没有当作金额读取，请核对原文"),
            Grid { table, rows } => format!("表“{table}”按原样逐格保留（{rows} 行），其中的栏目尚未逐项识别"),
            Halves { table } => format!("表“{table}”左右两半并排印出，已将右半的科目读为各自的行"),
            PlacedByTableSums { table, rows } => format!("表“{table}”有 {rows} 行未印出空白单元格，已按表内合计关系确定各数值所在的列"),
            PlacedBySideTotals { table, rows } => format!("表“{table}”有 {rows} 行未印出空白单元格，已按总计与各项的合计关系确定各数值所在的列"),
            PlacedBySubRows { table, row } => format!("表“{table}”中“{row}”一行的空单元格在提取时丢失，已按其下级科目的合计确定数值所在的列，请核对"),
            PlacedRow { table, how } => format!("表“{table}”此行未印出空白单元格，已{how}确定各数值所在的列"),
            PlacedByOtherTables { rows } => format!("{rows} 行未印出空白单元格，已按本文档其他表中同一科目的数值确定所在的列"),
            PlacedByFunctionClasses { table, rows } => format!("表“{table}”支出方有 {rows} 行未印出空白单元格，已按一般公共预算、政府性基金等支出表中同一功能类的金额确定所在的列"),
            RowOpen { table, printed, columns } => format!("表“{table}”此行只有 {printed} 个数值（表头有 {columns} 列），原文未印出空白单元格，无法确定所在列，已按顺序对应到前几列，请核对原文"),
            SideOpen { table, row, printed, columns } => format!("表“{table}”中“{row}”只印出 {printed} 个数值（该栏有 {columns} 列），原文未印出空白单元格，无法确定所在列，已按顺序对应，请核对原文"),
            Attached { target, department, year } => format!("表格并入文档 {target}（{department}{year}年的文字说明），两个文件合为一份公开文件"),
            NarrativeAttached { target } => format!("文字说明与库中文档 {target}（同一部门、同一年度单独导入的公开表）合为一份公开文件"),
            YearFromFileName { year } => format!("文件中没有写明预算年度（公开表单独成册），已按文件名中的“{year}”读作 {year} 年，请核对；文字说明导入后会与之合为一份"),
            ColumnsReordered { table, read, taken, failing_rows } => format!("表“{table}”按表头读出的栏目次序（{read}）有 {failing_rows} 行合计与其组成不符；按各行合计关系，这些栏目依次是：{taken}，已按此读取，请核对原文"),
            UnitFromOtherTables { table, other } => format!("表“{table}”没有注明金额单位；按万元读取时其合计与表“{other}”的合计相同（按元则不同），已按万元读取，请核对"),
            UncertainReading { table, failing_rows, rows } => format!("表“{table}”读取存疑：{failing_rows} 行（共 {rows} 行有金额）的合计与其组成不符，可能没有读准版式；审核不把这些不符算作文档的错误，请对照原文核对"),
            SplitAtHeading { table, found } => format!("表“{table}”中从此处起的各行是另一张表“{found}”（合计重新开始，标题没有按表头读出）；分开后两张表的合计都与各自的科目相符，已分为两张表读取，请核对"),
            DepartmentFromBody { found } if found.is_empty() => "封面、表头和正文标题都没有写明预算主管部门，文档按“未写明部门”导入；同一部门不同年度的文档无法自动对应，请核对原文".to_string(),
            DepartmentFromBody { found } => format!("封面没有写明预算主管部门，已按正文中的“{found}”读取，请核对"),
            YearGiven { year } => format!("文件中没有写明预算年度（公开表单独成册），已按导入时指定的 {year} 年读取"),
        }
    }
}

/// The report of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// The file imported.
    pub file: String,
    /// Number of tables recognised.
    pub tables: usize,
    /// Number of table rows.
    pub rows: usize,
    /// Number of amounts in tables.
    pub amounts: usize,
    /// Number of narrative sections.
    pub sections: usize,
    /// Number of project descriptions.
    pub projects: usize,
    /// Number of performance forms.
    pub forms: usize,
    /// Number of performance indicators.
    pub indicators: usize,
    /// Text kept but not understood.
    pub unrecognised: Vec<ReportItem>,
    /// Things the user should look at.
    pub warnings: Vec<ReportItem>,
    /// Ambiguities of the extracted text that the importer resolved with evidence (e.g. the
    /// column of a number decided by the sub-rows' sums); worth a glance, not a problem.
    #[serde(default)]
    pub notes: Vec<ReportItem>,
}

impl ImportReport {
    /// Counts what `doc` holds.
    pub fn tally(file: &str, doc: &Document, warnings: Vec<ReportItem>) -> ImportReport {
        ImportReport {
            file: file.to_string(),
            tables: doc.tables.len(),
            rows: doc.tables.iter().map(|t| t.rows.len()).sum(),
            amounts: doc.tables.iter().map(|t| t.amount_count()).sum(),
            sections: doc.sections.len(),
            projects: doc.projects.len(),
            forms: doc.performance_forms.len(),
            indicators: doc
                .performance_forms
                .iter()
                .map(|f| f.indicators.len())
                .sum(),
            unrecognised: doc
                .unrecognised
                .iter()
                .map(|u| {
                    ReportItem::new(
                        Diagnostic::Unrecognised {
                            text: u.text.clone(),
                        },
                        u.location,
                    )
                })
                .collect(),
            warnings,
            notes: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_says_what_it_is_and_renders_its_message() {
        let item = ReportItem::new(
            Diagnostic::NoUnit {
                table: "收入预算总表".into(),
            },
            Location::default(),
        );
        assert_eq!(
            item.message,
            "表“收入预算总表”没有注明金额单位，按“元”处理，请核对"
        );
        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(
            json["diagnostic"],
            serde_json::json!({ "kind": "no_unit", "table": "收入预算总表" })
        );
        assert_eq!(serde_json::from_value::<ReportItem>(json).unwrap(), item);
    }

    #[test]
    fn a_report_stored_before_diagnostics_were_typed_still_reads() {
        let stored = r#"{"message":"表“X”没有注明金额单位","location":{"page":null,"line":3}}"#;
        let item: ReportItem = serde_json::from_str(stored).unwrap();
        assert_eq!(
            (item.message.as_str(), item.diagnostic),
            ("表“X”没有注明金额单位", Diagnostic::Recorded)
        );
    }
}
