// Generated from the Rust types by crates/yusuan-api/tests/ts_contract.rs (ts-rs): do not edit.
// `UPDATE_GOLDEN=1 cargo test -p yusuan-api --test ts_contract` rewrites it.

export type Document = { 
/**
 * Cover facts.
 */
meta: DocumentMeta, 
/**
 * The department's units.
 */
units: Array<BudgetUnit>, 
/**
 * The contents page.
 */
contents: Array<ContentsEntry>, 
/**
 * Narrative sections, in order.
 */
sections: Array<Section>, 
/**
 * Tables, in order.
 */
tables: Array<Table>, 
/**
 * 项目经费情况说明, one per project.
 */
projects: Array<ProjectDescription>, 
/**
 * 绩效目标 forms.
 */
performance_forms: Array<PerformanceForm>, 
/**
 * Figures the narrative states outside the tables (政府采购, 绩效, 国有资产).
 */
stated: StatedFigures, 
/**
 * What was not understood.
 */
unrecognised: Array<Unrecognised>, };

export type DocumentMeta = { 
/**
 * The title as printed on the cover (`上海市2026年市级部门预算`).
 */
title: string, 
/**
 * 预算主管部门 (the department).
 */
department: string, 
/**
 * The budget year.
 */
year: number, 
/**
 * 预算 / 决算.
 */
kind: DocKind, 
/**
 * 部门 / 单位.
 */
scope: Scope, 
/**
 * The regional format.
 */
format: RegionalFormat, 
/**
 * The region / level as printed (`上海市`, `嘉定区`), when known.
 */
region?: string, 
/**
 * The publication date as printed (`2026年2月`), when printed.
 */
published?: string, };

export type DocKind = "预算" | "决算";

export type Scope = "部门" | "单位";

export type RegionalFormat = "shanghai11" | "shanghai9" | "hubei15" | "jiangsu12" | "performance_forms" | "project_descriptions" | { "other": string };

export type BudgetUnit = { 
/**
 * The unit's name.
 */
name: string, 
/**
 * Its code, when printed (Hubei prints `143001`).
 */
code?: string, 
/**
 * Its type, when the document says.
 */
kind: UnitKind, };

export type UnitKind = "行政单位" | "参公事业单位" | "事业单位" | "其他";

export type ContentsEntry = { 
/**
 * The number as printed (`一`, `1`), when any.
 */
number?: string, 
/**
 * The title.
 */
title: string, 
/**
 * Nesting level (0 = top).
 */
level: number, };

export type Section = { 
/**
 * What it is.
 */
kind: SectionKind, 
/**
 * Its heading as printed.
 */
title: string, 
/**
 * Its paragraphs, in order.
 */
paragraphs: Array<Paragraph>, 
/**
 * Where the heading was printed.
 */
location: Location, };

export type SectionKind = "functions" | "organisation" | "glossary" | "budget_explanation" | "other_explanations" | "notes" | "other";

export type Paragraph = { 
/**
 * The text.
 */
text: string, 
/**
 * Where it was printed.
 */
location: Location, };

export type Unrecognised = { 
/**
 * The text.
 */
text: string, 
/**
 * Where it was.
 */
location: Location, };

export type Location = { 
/**
 * 1-based page number, when the source has pages (PDF, or page-break marks).
 */
page?: number, 
/**
 * 1-based line number in the (extracted) text.
 */
line?: number, };

export type Table = { 
/**
 * The title as printed (`2026年部门收入预算总表`).
 */
title: string, 
/**
 * The table number when printed or listed (`1`, `5-1`).
 */
number?: string, 
/**
 * Which standard table this is.
 */
kind: TableKind, 
/**
 * The unit of every amount in the table.
 */
unit: Unit, 
/**
 * 编制部门 / 部门 line, when printed.
 */
compiled_by?: string, 
/**
 * The value columns (code and label columns are not listed: they key the rows).
 */
columns: Array<Column>, 
/**
 * The rows, in printed order.
 */
rows: Array<Row>, 
/**
 * A note printed with the table (e.g. 本部门无…，故本表为空表).
 */
note?: string, 
/**
 * Where the title was printed.
 */
location: Location, };

export type TableKind = "financial_summary" | "income" | "expenditure" | "expenditure_by_unit" | "fiscal_summary" | "fiscal_by_unit" | "fiscal_function" | "general_public_function" | "government_fund_function" | "state_capital_function" | "general_public_basic_economic" | "fiscal_basic_economic" | "three_public" | "running_costs" | "projects" | "procurement" | "purchased_services" | "asset_allocation" | "department_performance" | "project_performance" | "other";

export type Column = { 
/**
 * e.g. `["收入预算", "财政拨款收入"]` or `["本年支出", "预算数"]`.
 */
path: Array<string>, };

export type Row = { 
/**
 * The classification or unit code, when the row has one.
 */
code?: RowCode, 
/**
 * The row's label as printed (科目名称, 项目, unit name, 合计).
 */
label: string, 
/**
 * Side of a two-sided table; `None` in ordinary tables.
 */
side?: LedgerSide, 
/**
 * One cell per column of the table (same order as `Table::columns`).
 */
cells: Array<Cell>, 
/**
 * Where the row was printed.
 */
location: Location, };

export type RowCode = { "t": "function", "code": FunctionCode } | { "t": "economic", "code": EconomicCode } | { "t": "unit", "code": string } | { "t": "project", "code": string };

export type Cell = { "t": "blank" } | { "t": "amount", 
/**
 * Exact value in the table's unit.
 */
value: string, 
/**
 * The text as printed (`68,643,213`).
 */
printed: string, } | { "t": "text", 
/**
 * The text.
 */
text: string, };

export type LedgerSide = "income" | "expenditure";

export type Unit = "元" | "万元";

export type Amount = { 
/**
 * The value in `unit`, exactly as printed (scale kept: `62.10` stays `62.10`).
 */
value: string, 
/**
 * 元 or 万元.
 */
unit: Unit, };

export type FunctionCode = string;

export type CodeLevel = "类" | "款" | "项";

export type EconomicCode = string;

export type ProjectDescription = { 
/**
 * The project's name.
 */
name: string, 
/**
 * The stated total of the project, when the text gives one.
 */
total?: Amount, 
/**
 * The stated total as printed, and where (when `total` is given).
 */
total_printed?: [string, Location], 
/**
 * The parts, in printed order.
 */
parts: Array<ProjectPart>, 
/**
 * Where the title was printed.
 */
location: Location, };

export type ProjectPart = { 
/**
 * Which of the seven parts.
 */
kind: ProjectPartKind, 
/**
 * The heading as printed.
 */
heading: string, 
/**
 * The text.
 */
text: string, 
/**
 * Amounts itemised in this part.
 */
items?: Array<ItemisedAmount>, 
/**
 * Where the heading was printed.
 */
location: Location, 
/**
 * Where each line of `text` was printed (one per line, same order).
 */
line_locations?: Array<Location>, };

export type ProjectPartKind = "overview" | "basis" | "implementer" | "plan" | "period" | "budget" | "performance" | "other";

export type ItemisedAmount = { 
/**
 * What the money is for, as printed.
 */
label: string, 
/**
 * The amount.
 */
amount: Amount, 
/**
 * Unit price, when given as price × quantity.
 */
unit_price?: Amount, 
/**
 * Quantity, when given as price × quantity.
 */
quantity?: string, 
/**
 * The text as printed.
 */
printed: string, 
/**
 * Where.
 */
location: Location, 
/**
 * What kind of itemisation the amount is (stored as its number, 1–4).
 */
level: 1 | 2 | 3 | 4, };

export type PerformanceForm = { 
/**
 * 项目名称 (or the department, for the whole-department form).
 */
project: string, 
/**
 * 主管部门
 */
department?: string, 
/**
 * 实施单位
 */
implementer?: string, 
/**
 * 项目期限 / dates, as printed.
 */
period?: string, 
/**
 * The funds.
 */
funds: Funds, 
/**
 * 年度总体目标 text.
 */
annual_goal?: string, 
/**
 * The indicator tree, flattened in printed order.
 */
indicators: Array<Indicator>, 
/**
 * Where the form starts.
 */
location: Location, };

export type Funds = { 
/**
 * 资金总额 / 年度资金总额
 */
total?: Amount, 
/**
 * 财政资金 / 财政拨款
 */
fiscal?: Amount, 
/**
 * 其他资金
 */
other?: Amount, 
/**
 * 上年结转资金
 */
carried_over?: Amount, 
/**
 * 项目资金总额: the whole project's funds over all its years (beside the year's).
 */
project_total?: Amount, 
/**
 * 其中：财政资金 of the whole project.
 */
project_fiscal?: Amount, 
/**
 * How and where each amount above was printed.
 */
printed?: { [key in FundKey]?: [string, Location] }, };

export type FundKey = "carried_over" | "fiscal" | "other" | "project_fiscal" | "project_total" | "total";

export type Indicator = { 
/**
 * 一级指标 (产出 / 效益 / 满意度 / 成本).
 */
level1: string, 
/**
 * 二级指标 (数量 / 质量 / 时效 / 社会效益 …).
 */
level2: string, 
/**
 * 三级指标 name.
 */
name: string, 
/**
 * The target value.
 */
value: IndicatorValue, 
/**
 * The value as printed.
 */
printed: string, 
/**
 * Where.
 */
location: Location, };

export type IndicatorValue = { "t": "measured", 
/**
 * The comparison.
 */
operator: Operator, 
/**
 * The number, exact.
 */
value: string, 
/**
 * The measure (`人`, `%`, `元/场`), when printed.
 */
measure?: string, } | { "t": "word", 
/**
 * The comparison, when printed.
 */
operator?: Operator, 
/**
 * The word.
 */
text: string, };

export type Operator = "=" | "≥" | "≤" | ">" | "<";

export type StatedFigures = { 
/**
 * 政府采购.
 */
procurement?: Procurement, 
/**
 * 绩效目标 summary.
 */
performance?: PerformanceSummary, 
/**
 * 国有资产.
 */
assets?: AssetSummary, 
/**
 * 机构设置: units by type.
 */
unit_counts?: UnitCounts, };

export type Procurement = { 
/**
 * 政府采购预算 (the total).
 */
total: Amount, 
/**
 * 货物.
 */
goods?: Amount, 
/**
 * 工程.
 */
works?: Amount, 
/**
 * 服务.
 */
services?: Amount, 
/**
 * 面向中小企业预留.
 */
reserved_for_small_firms?: Amount, 
/**
 * 其中：预留给小型和微型企业.
 */
reserved_for_micro_firms?: Amount, 
/**
 * Where it is stated.
 */
location: Location, };

export type PerformanceSummary = { 
/**
 * How many budget units set targets.
 */
units?: number, 
/**
 * How many projects have targets.
 */
projects?: number, 
/**
 * The project money they cover.
 */
amount?: Amount, 
/**
 * Where it is stated.
 */
location: Location, };

export type AssetSummary = { 
/**
 * 车辆 held.
 */
vehicles?: number, 
/**
 * 单价100万元（含）以上设备 held.
 */
costly_equipment?: number, 
/**
 * 车辆 to be bought this year.
 */
vehicles_to_buy?: number, 
/**
 * Where it is stated.
 */
location: Location, };

export type UnitCounts = { 
/**
 * 行政单位.
 */
administrative: number, 
/**
 * 参公 (参照公务员法管理的) 事业单位.
 */
civil_service: number, 
/**
 * 事业单位 (other than 参公).
 */
institutions: number, 
/**
 * Where it is stated.
 */
location: Location, };

export type Finding = { 
/**
 * The rule's stable id.
 */
rule: string, 
/**
 * How serious.
 */
severity: Severity, 
/**
 * What is wrong, in Chinese.
 */
message: string, 
/**
 * Where.
 */
location: FindingLocation, 
/**
 * The expected value (decimal string with its unit).
 */
expected?: string, 
/**
 * The value printed.
 */
actual?: string, 
/**
 * What to do.
 */
hint?: string, };

export type FindingLocation = { 
/**
 * The table, as titled.
 */
table?: string, 
/**
 * The row (code and label).
 */
row?: string, 
/**
 * The column's header path.
 */
column?: string, 
/**
 * The narrative section.
 */
section?: string, 
/**
 * Page, when the source has pages.
 */
page?: number, 
/**
 * Line in the source.
 */
line?: number, };

export type Severity = "error" | "warning" | "info";

export type LibraryInfo = { 
/**
 * `user` or `examples`.
 */
id: string, 
/**
 * 我的预算库 / 示例库.
 */
name: string, 
/**
 * The database file.
 */
path: string, 
/**
 * How many documents it holds.
 */
documents: number, };

export type DocumentSummary = { 
/**
 * Id in its library.
 */
id: number, 
/**
 * Cover title.
 */
title: string, 
/**
 * 预算主管部门.
 */
department: string, 
/**
 * Budget year.
 */
year: number, 
/**
 * 预算 / 决算.
 */
kind: string, 
/**
 * 部门 / 单位.
 */
scope: string, 
/**
 * Regional format (Chinese).
 */
format: string, 
/**
 * The file it came from.
 */
source_name: string, 
/**
 * When it was imported (RFC 3339).
 */
imported_at: string, 
/**
 * Number of tables.
 */
tables: number, 
/**
 * Number of amounts in its tables.
 */
amounts: number, };

export type DocumentView = { 
/**
 * The document as stored or derived.
 */
document: Document, 
/**
 * For each table (in `document.tables` order), each row's look (in its `rows` order).
 */
rows: Array<Array<RowLook>>, };

export type RowLook = { 
/**
 * The code as printed in the code column (`201 39 01`, `302 17`, a unit's code); empty
 * when the row has none.
 */
code: string, 
/**
 * 类 / 款 / 项 of a classification code; absent for other rows.
 */
level?: CodeLevel, 
/**
 * A 合计 / 总计 / 小计 row.
 */
total: boolean, };

export type ImportResult = { 
/**
 * The file.
 */
file: string, 
/**
 * The document it became (or was already), when read.
 */
id: number | null, 
/**
 * The same content was already in the library.
 */
duplicate: boolean, 
/**
 * What was read (absent for duplicates and failures).
 */
report: ImportReport | null, 
/**
 * Why the file could not be imported.
 */
error: string | null, 
/**
 * The file's tables joined a document already there (the same department's narrative).
 */
attached: boolean, 
/**
 * Refused only because it names no year (tables published apart from their narrative)
 * and the import waited or the file's name gives none: worth trying again after the other
 * files of the same import, or with the year the user gives.
 */
needs_year: boolean, };

export type ImportReport = { 
/**
 * The file imported.
 */
file: string, 
/**
 * Number of tables recognised.
 */
tables: number, 
/**
 * Number of table rows.
 */
rows: number, 
/**
 * Number of amounts in tables.
 */
amounts: number, 
/**
 * Number of narrative sections.
 */
sections: number, 
/**
 * Number of project descriptions.
 */
projects: number, 
/**
 * Number of performance forms.
 */
forms: number, 
/**
 * Number of performance indicators.
 */
indicators: number, 
/**
 * Text kept but not understood.
 */
unrecognised: Array<ReportItem>, 
/**
 * Things the user should look at.
 */
warnings: Array<ReportItem>, 
/**
 * Ambiguities of the extracted text that the importer resolved with evidence (e.g. the
 * column of a number decided by the sub-rows' sums); worth a glance, not a problem.
 */
notes: Array<ReportItem>, };

export type ReportItem = { 
/**
 * What, in Chinese (rendered from `diagnostic`).
 */
message: string, 
/**
 * Where.
 */
location: Location, 
/**
 * What it is, with its data: a later pass settles a warning by this, never by the message's
 * words; a report stored by an earlier version reads as [`Diagnostic::Recorded`].
 */
diagnostic: Diagnostic, };

export type Diagnostic = { "kind": "recorded" } | { "kind": "truncated", pages: number, } | { "kind": "unrecognised", text: string, } | { "kind": "no_unit", table: string, } | { "kind": "extra_values", table: string, values: Array<string>, } | { "kind": "stray_text", table: string, text: string, } | { "kind": "padded_code", table: string, printed: string, read: string, } | { "kind": "spaced_code", table: string, printed: string, read: string | null, } | { "kind": "grid", table: string, rows: number, } | { "kind": "halves", table: string, } | { "kind": "placed_by_table_sums", table: string, rows: number, } | { "kind": "placed_by_side_totals", table: string, rows: number, } | { "kind": "placed_by_sub_rows", table: string, row: string, } | { "kind": "placed_row", table: string, how: string, } | { "kind": "placed_by_other_tables", rows: number, } | { "kind": "placed_by_function_classes", table: string, rows: number, } | { "kind": "row_open", table: string, printed: number, columns: number, } | { "kind": "side_open", table: string, row: string, printed: number, columns: number, } | { "kind": "attached", target: bigint, department: string, year: number, } | { "kind": "narrative_attached", target: bigint, } | { "kind": "year_from_file_name", year: number, } | { "kind": "year_given", year: number, } | { "kind": "columns_reordered", table: string, read: string, taken: string, failing_rows: number, } | { "kind": "unit_from_other_tables", table: string, other: string, } | { "kind": "split_at_heading", table: string, found: string, } | { "kind": "department_from_body", found: string, } | { "kind": "uncertain_reading", table: string, failing_rows: number, rows: number, };

export type CompareView = { 
/**
 * The comparison.
 */
comparison: Comparison, 
/**
 * Chart data.
 */
series: ChartSeries, 
/**
 * Each year whose 预算 and 决算 are both there: budget against actual, code by code.
 */
execution: Array<Execution>, };

export type Comparison = { 
/**
 * The documents, oldest first.
 */
documents: Array<DocRef>, 
/**
 * Every line of every document, aligned.
 */
lines: Array<AlignedLine>, 
/**
 * Prior-year figures the later documents quote that disagree with the comparison.
 */
findings: Array<Finding>, };

export type DocRef = { 
/**
 * The department.
 */
department: string, 
/**
 * The budget year.
 */
year: number, 
/**
 * A caller's label (library id or file name).
 */
label: string, };

export type AlignedLine = { 
/**
 * What the line is.
 */
key: LineKey, 
/**
 * The row label as printed in the latest document that has the line.
 */
row_label: string, 
/**
 * The table title in the latest document that has the line.
 */
table_title: string, 
/**
 * The amount in 元 in each document (same order as `Comparison::documents`); for the
 * 国有资产 lines (column 数量) a count.
 */
amounts: Array<string | null>, 
/**
 * Last minus first (a missing amount counts as 0), in 元.
 */
change: string, 
/**
 * The change in percent of the first amount, 2 decimals; none when the first is 0 or missing.
 */
change_percent: string | null, 
/**
 * The line's share of its table's total in each document, percent, 2 decimals.
 */
share_percent: Array<string | null>, 
/**
 * Flags.
 */
flags: Array<Flag>, 
/**
 * The earlier code the line was printed under, when mapped.
 */
mapped_from?: string, 
/**
 * The reason the latest narrative gives for the change (`主要原因是…`).
 */
reason?: string, };

export type Execution = { 
/**
 * The 预算.
 */
budget: DocRef, 
/**
 * The 决算.
 */
final_accounts: DocRef, 
/**
 * Every code either prints, in code order.
 */
lines: Array<ExecutionLine>, 
/**
 * The 合计 of both tables, where both print one.
 */
total: ExecutionLine | null, };

export type ExecutionLine = { 
/**
 * The function code (类, 款 or 项); empty for the 合计.
 */
code: string, 
/**
 * Its name (the 决算's where both print it).
 */
name: string, 
/**
 * 预算数, where the 预算 prints the code.
 */
budget: string | null, 
/**
 * 决算数, where the 决算 prints the code.
 */
actual: string | null, 
/**
 * 决算 less 预算 (a missing side counts as 0).
 */
difference: string, 
/**
 * 执行率: 决算 ÷ 预算 in percent, 2 decimals; none without a budget.
 */
rate_percent: string | null, };

export type LineKey = { 
/**
 * The standard table.
 */
table: TableKind, 
/**
 * 收入 / 支出 side of a two-sided table.
 */
side: LedgerSide | null, 
/**
 * The canonical code (empty for rows keyed by label).
 */
code: string, 
/**
 * The row label with spaces removed (used when there is no code).
 */
label: string, 
/**
 * The column's header path.
 */
column: string, };

export type Flag = "new" | "removed" | "beyond_threshold" | "renamed" | "mapped" | "basic_project_shift" | "three_public";

export type ChartSeries = { 
/**
 * 支出 by 功能分类 类 (the 支出预算总表's 合计 column).
 */
by_function_class: Array<Point>, 
/**
 * 基本支出 and 项目支出 totals.
 */
by_basic_project: Array<Point>, 
/**
 * 一般公共预算基本支出 by 经济分类 类.
 */
by_economic_class: Array<Point>, 
/**
 * The largest changes among 功能分类 项 between the first and the last document.
 */
waterfall: Waterfall | null, 
/**
 * Total expenditure per year.
 */
trend: Array<Point>, };

export type Point = { 
/**
 * What the point is (a 类 name, 基本支出, a year).
 */
label: string, 
/**
 * The amount in 元 in each document, oldest first.
 */
values: Array<string | null>, };

export type Waterfall = { 
/**
 * The first total, in 元.
 */
start: string, 
/**
 * The largest changes (by size), each a step, in 元.
 */
steps: Array<[string, string]>, 
/**
 * Everything else, in 元.
 */
other: string, 
/**
 * The last total, in 元.
 */
end: string, 
/**
 * The bars to draw, start to end: each floats from `low` to `low + size`.
 */
bars: Array<WaterfallBar>, };

export type WaterfallBar = { 
/**
 * `2024年`, `2080502 事业单位离退休`, `其他`.
 */
label: string, 
/**
 * Total, increase or decrease.
 */
kind: BarKind, 
/**
 * Where the bar starts, in 元.
 */
low: string, 
/**
 * How tall it is (never negative), in 元.
 */
size: string, 
/**
 * The signed change (the total itself for a total bar), in 元.
 */
change: string, };

export type BarKind = "total" | "up" | "down";

export type DraftView = { 
/**
 * `draft:N`.
 */
draft: string, 
/**
 * The derived document's title.
 */
title: string, 
/**
 * The department.
 */
department: string, 
/**
 * The budget year.
 */
year: number, 
/**
 * The leaf lines.
 */
lines: Array<LeafLine>, 
/**
 * The narrative's figures.
 */
figures: Array<FigureView>, 
/**
 * The findings (registry + draft rules).
 */
findings: Array<Finding>, 
/**
 * An undo is possible.
 */
can_undo: boolean, 
/**
 * A redo is possible.
 */
can_redo: boolean, 
/**
 * The version the draft is locked at.
 */
locked: string | null, 
/**
 * The edits, newest first (undone ones marked).
 */
history: Array<HistoryItem>, 
/**
 * The named versions, oldest first.
 */
versions: Array<VersionItem>, 
/**
 * What the bureau wrote when it returned or accepted a version, oldest first.
 */
comments: Array<ReviewCommentView>, 
/**
 * The narrative's sections: the carried ones to rewrite, the generated ones to read.
 */
sections: Array<SectionView>, 
/**
 * The 项目经费情况说明: each project's parts to rewrite.
 */
projects: Array<ProjectView>, 
/**
 * The draft's print style (零值单元格, 表名年度), each with its choices.
 */
print: Array<PrintSettingView>, 
/**
 * The tables' and sections' titles, to rename.
 */
titles: Array<TitleView>, 
/**
 * The 绩效目标表: each indicator's target value to set.
 */
forms: Array<FormView>, 
/**
 * The year of the 上年 figures (none for a blank draft).
 */
base_year: number | null, 
/**
 * The units the 分单位 tables list (none where the format prints no such table).
 */
units: Array<UnitView>, 
/**
 * Whether the format prints 分单位 tables (units can be added).
 */
has_unit_tables: boolean, 
/**
 * Each unit's spending placed in it (its own 单位预算 is `reference`), then the money not
 * yet placed in a unit.
 */
unit_money: Array<UnitMoney>, 
/**
 * Each unit's carried sections as its own budget prints them (none for a department of one
 * unit, whose budget prints the department's).
 */
unit_texts: Array<UnitTextView>, 
/**
 * The tables the draft carries as printed (Hubei's 资产配置 and 绩效 grids), cell by cell.
 */
carried: Array<CarriedTableView>, 
/**
 * The funds a new line can be of, as printed (一般公共预算 …).
 */
funds: Array<string>, 
/**
 * The kinds a new spending line can be of (人员经费/公用经费/项目支出, or 基本支出/项目支出).
 */
spend_kinds: Array<string>, 
/**
 * 上年执行数 by function code of the 一般公共预算 lines, with each code's execution rate.
 */
actuals: Array<ActualView>, 
/**
 * The year the 执行数 are of.
 */
actuals_year: number, 
/**
 * The library's 决算 of that year of the department, to take the 执行数 from.
 */
final_accounts: Array<FinalAccountsRef>, };

export type DraftSummary = { 
/**
 * `draft:N`.
 */
draft: string, 
/**
 * The department.
 */
department: string, 
/**
 * The budget year.
 */
year: number, };

export type LeafLine = { 
/**
 * The key.
 */
key: string, 
/**
 * Its name.
 */
label: string, 
/**
 * This year, 元 (decimal string).
 */
value_yuan: string, 
/**
 * Last year, 元 (decimal string; empty when none).
 */
baseline_yuan: string, 
/**
 * Change, 元.
 */
change_yuan: string, 
/**
 * Allocated by the roll-forward, to be confirmed.
 */
estimated: boolean, 
/**
 * The reason written for its change.
 */
reason: string, 
/**
 * Where the baseline came from.
 */
origin: string, 
/**
 * What the value counts: `元`, or a count's measure (`辆`, `台（套）`, `个`).
 */
unit: string, 
/**
 * The block the line belongs to (its fund's spending, the economic breakdown, a table of
 * its own, 政府采购, 国有资产与绩效目标): the grid groups by it.
 */
group: string, 
/**
 * The line's name within its block (its label without the block's words).
 */
name: string, 
/**
 * The unit (单位) the line is placed in; empty while it is the department's, not placed.
 */
budget_unit: string, };

export type FigureView = { 
/**
 * Its key (for reasons).
 */
key: string, 
/**
 * As the sentence names it.
 */
name: string, 
/**
 * This year.
 */
current_yuan: string, 
/**
 * Last year.
 */
baseline_yuan: string, 
/**
 * The change.
 */
change_yuan: string, 
/**
 * This year in 万元, as the narrative prints it.
 */
current_wan: string, 
/**
 * Last year in 万元.
 */
baseline_wan: string, 
/**
 * The change clause as generated (`比2025年预算增加0.10万元，增长0.01%`).
 */
change_text: string, 
/**
 * Beyond the threshold without a reason (R001).
 */
needs_reason: boolean, 
/**
 * The reason written for it.
 */
reason: string, };

export type HistoryItem = { 
/**
 * 1, 2, 3 … per draft.
 */
seq: number, 
/**
 * 修改 / 填写原因 / 粘贴 / 导入工作簿.
 */
action: string, 
/**
 * The line's name (or the reason's figure, or the pasted source).
 */
target: string, 
/**
 * Before (an amount in 元, a text, or how many lines).
 */
old_value: string, 
/**
 * After.
 */
new_value: string, 
/**
 * When (RFC 3339).
 */
at: string, 
/**
 * The OS user.
 */
user: string, 
/**
 * Undone (a redo brings it back).
 */
undone: boolean, };

export type SectionView = { 
/**
 * Its title (the key to rewrite it).
 */
title: string, 
/**
 * Its text, a paragraph a line.
 */
text: string, 
/**
 * Generated from the numbers (编制说明, 其他相关情况说明): read only.
 */
generated: boolean, };

export type ProjectView = { 
/**
 * 项目名称.
 */
name: string, 
/**
 * The total its text states (`项目经费…万元`), in 元, when it states one.
 */
total_yuan: string | null, 
/**
 * Its parts, in print order.
 */
parts: Array<ProjectPartView>, 
/**
 * The 项目支出 lines that fund it and how much of each.
 */
funds: Array<ProjectFundView>, 
/**
 * Its budget from those shares, 元 (decimal string; none while no line funds it).
 */
funded_yuan: string | null, };

export type ActualView = { 
/**
 * 功能分类科目编码 (类, 款 or 项).
 */
code: string, 
/**
 * Its name.
 */
name: string, 
/**
 * 上年执行数, 元 (none while not given).
 */
actual_yuan: string | null, 
/**
 * 上年预算 (the lines' baselines), 元.
 */
budget_yuan: string, 
/**
 * This year's budget, 元.
 */
current_yuan: string, 
/**
 * 执行率 (执行数 ÷ 上年预算), percent.
 */
rate_percent: string | null, };

export type ActualsImport = { 
/**
 * The recorded edit's number (0 when nothing changed).
 */
seq: bigint, 
/**
 * The codes the 决算 prints, with their 执行数.
 */
matched: Array<ActualView>, 
/**
 * The draft's codes the 决算 does not print (or, pasted, the codes the draft's lines do
 * not use).
 */
unmatched: Array<string>, };

export type DraftCommand = { "kind": "set_leaf", key: string, value: string, } | { "kind": "set_leaves", pairs: Array<[string, string]>, } | { "kind": "add_line", key: string, value: string, names: Array<[string, string]>, } | { "kind": "add_coded_line", line: NewLine, value: string, name: string, parent_name: string, } | { "kind": "add_unit", name: string, code: string | null, } | { "kind": "remove_unit", name: string, } | { "kind": "place_line", line: string, to: string | null, amount: string | null, } | { "kind": "set_reason", key: string, text: string, } | { "kind": "set_print", setting: string, choice: string, } | { "kind": "rename_title", title: string, new_title: string, } | { "kind": "set_section_text", title: string, text: string, } | { "kind": "set_project_part", project: string, part: string, text: string, } | { "kind": "add_project", name: string, } | { "kind": "remove_project", name: string, } | { "kind": "rename_project", name: string, new_name: string, } | { "kind": "set_project_fund", project: string, line: string, amount: string, } | { "kind": "delete_form", form: string, } | { "kind": "set_indicator", form: string, path: string, value: string, } | { "kind": "remove_indicator", form: string, path: string, } | { "kind": "set_actual", code: string, value: string, } | { "kind": "paste_actuals", text: string, } | { "kind": "actuals_from", document: number, } | { "kind": "set_carried_cell", table: string, row: number, column: number, text: string, } | { "kind": "add_carried_row", table: string, } | { "kind": "remove_carried_row", table: string, row: number, } | { "kind": "paste_carried_table", table: string, text: string, } | { "kind": "set_unit_text", unit: string, title: string, text: string, };

export type NewLine = { "grid": "spend", fund: string, code: string, kind: string, } | { "grid": "economic", code: string, kind: string, };

export type Applied = { 
/**
 * The edits.
 */
edits: Array<Edit>, 
/**
 * Figures printed otherwise than written.
 */
corrections: Array<TextCorrection>, 
/**
 * 执行数 read (pasted or from a 决算).
 */
actuals?: ActualsImport, };

export type TextCorrection = { 
/**
 * As written, with the words around it.
 */
written: string, 
/**
 * As the draft prints it.
 */
printed: string, };

export type FinalAccountsRef = { 
/**
 * Its library id.
 */
id: number, 
/**
 * Its title.
 */
title: string, };

export type ProjectPartView = { 
/**
 * The standard name (`年度预算安排`): what an edit names.
 */
kind: string, 
/**
 * The heading as printed.
 */
heading: string, 
/**
 * The text, a paragraph a line.
 */
text: string, 
/**
 * How many amounts the text itemises (items, computations, other amounts).
 */
items: number, };

export type ProjectFundView = { 
/**
 * The line's address (what an edit names).
 */
line: string, 
/**
 * The line's name.
 */
label: string, 
/**
 * The share, 元 (decimal string).
 */
amount_yuan: string, 
/**
 * The whole line this year, 元 (decimal string; empty when the line is gone).
 */
line_yuan: string, };

export type FormView = { 
/**
 * 项目名称 (the form's key).
 */
project: string, 
/**
 * Why its indicators are not edited here (written in the project's text, or a format that
 * prints its forms as carried grids); `None` when they are.
 */
not_editable: string | null, 
/**
 * Its indicators in printed order.
 */
indicators: Array<IndicatorView>, };

export type PrintSettingView = { 
/**
 * The setting's name (`零值单元格`, `表名年度`).
 */
name: string, 
/**
 * The choice made.
 */
chosen: string, 
/**
 * Every choice, in order.
 */
choices: Array<string>, };

export type TitleView = { 
/**
 * `表` or `部分`.
 */
kind: string, 
/**
 * The title as carried (what a rename names).
 */
title: string, 
/**
 * As it prints (a table's with the draft's year style).
 */
printed: string, };

export type IndicatorView = { 
/**
 * `一级/二级/三级`: what an edit names.
 */
path: string, 
/**
 * 三级指标.
 */
name: string, 
/**
 * The target value as printed.
 */
printed: string, };

export type VersionItem = { 
/**
 * Its name.
 */
name: string, 
/**
 * The first 12 hex digits of its content hash.
 */
hash: string, 
/**
 * Locked read-only.
 */
locked: boolean, 
/**
 * When (RFC 3339).
 */
created_at: string, 
/**
 * 已保存, 已报送, 已退回, 已批准.
 */
status: string, };

export type ReviewCommentView = { 
/**
 * The version it was written on.
 */
version: string, 
/**
 * What it is about: empty for the version as a whole, else a line's key or a finding.
 */
target: string, 
/**
 * What it says.
 */
text: string, 
/**
 * Who wrote it.
 */
author: string, 
/**
 * When.
 */
at: string, };

export type DistrictRow = { 
/**
 * `draft:N`.
 */
draft: string, 
/**
 * The department.
 */
department: string, 
/**
 * The budget year.
 */
year: number, 
/**
 * The latest version's name; none while the department has saved none.
 */
version?: string, 
/**
 * 编制中, 已保存, 已报送, 已退回, 已批准.
 */
status: string, 
/**
 * The latest version's summary, when it was saved with one (submitted versions are).
 */
summary?: VersionSummary, 
/**
 * Its change against last year (元).
 */
change_yuan?: string, };

export type VersionSummary = { 
/**
 * 支出预算 this year.
 */
total_yuan: string, 
/**
 * 支出预算 last year.
 */
baseline_yuan: string, 
/**
 * 错误 findings.
 */
errors: number, 
/**
 * 警告 findings.
 */
warnings: number, };

export type UnitView = { 
/**
 * Its name.
 */
name: string, 
/**
 * Its 序号 or code.
 */
code: string, };

export type UnitMoney = { 
/**
 * The unit's name (empty: the department's money not yet placed in a unit).
 */
name: string, 
/**
 * Lines placed in it.
 */
lines: number, 
/**
 * Its spending this year (the 支出 lines by fund and function), 元 (decimal string).
 */
value_yuan: string, 
/**
 * Its spending last year, 元 (decimal string).
 */
baseline_yuan: string, 
/**
 * The reference of the unit's own 单位预算 (`draft:N/名称`); empty for the unplaced money.
 */
reference: string, };

export type UnitTextView = { 
/**
 * The unit.
 */
unit: string, 
/**
 * The department's section title (what an edit names).
 */
title: string, 
/**
 * The title the unit's budget prints (`某中心主要职能`).
 */
shown_title: string, 
/**
 * The text the unit's budget prints, a paragraph a line.
 */
text: string, 
/**
 * Written for the unit (else the department's, in the unit's wording).
 */
own: boolean, };

export type CarriedTableView = { 
/**
 * Its title (what an edit names).
 */
title: string, 
/**
 * Its column headers.
 */
columns: Array<string>, 
/**
 * Each row's cells as printed (a Hubei grid's row label is one of its cells).
 */
rows: Array<Array<string>>, 
/**
 * Each row's name where the table prints it beside its cells (Jiangsu's 政府采购预算表: the
 * item, then its columns); empty where the name is a cell.
 */
labels: Array<string>, 
/**
 * The whole table as a paste gives it (a line a row, cells separated by tabs, the name first
 * where it is beside the cells): what 粘贴整表 starts from.
 */
text: string, };

export type WorkbookImport = { 
/**
 * The draft after it.
 */
view: DraftView, 
/**
 * Each line whose amount the workbook changed (old → new, 元); empty when it agreed.
 */
changes: Array<Edit>, };

export type Edit = { 
/**
 * The event's sequence number.
 */
seq: number, 
/**
 * The target.
 */
target: string, 
/**
 * Before.
 */
old: string | null, 
/**
 * After.
 */
new: string | null, };

export type DraftTemplate = { 
/**
 * Its id (`shanghai-9-bumen`).
 */
id: string, 
/**
 * What the user picks (`上海 9张表 部门预算（区级）`).
 */
name: string, 
/**
 * The region the template prints (`上海市普陀区`): the dialog's suggestion.
 */
region: string, 
/**
 * How many tables it prints.
 */
tables: number, };

export type Settings = { 
/**
 * A change beyond this percent needs a reason (drafts) and is 变动较大 (comparisons).
 */
threshold_percent: string, 
/**
 * A comparison also needs the change to exceed this many 元 to call it 变动较大.
 */
threshold_yuan: string, 
/**
 * The export's body font file (宋体), when not the system's.
 */
body_font: string | null, 
/**
 * The export's heading font file (黑体), when not the system's.
 */
heading_font: string | null, 
/**
 * 单位服务器: the bureau's library on its PostgreSQL server
 * (`postgres://用户:口令@服务器/数据库`), which 我的预算库 then is; none for the desk's own file.
 */
server: string | null, };

export type SettingsView = { 
/**
 * The settings in force.
 */
settings: Settings, 
/**
 * The data folder.
 */
data_dir: string, 
/**
 * 我的预算库 and 示例库.
 */
libraries: Array<FileInfo>, 
/**
 * Backups of 我的预算库 in `备份/`, newest first.
 */
backups: Array<FileInfo>, 
/**
 * 我的预算库 on the bureau's server: which server and database, as whom (no password).
 */
connected?: string, 
/**
 * Why the server in the settings could not be reached at start (我的预算库 is then the
 * desk's own file).
 */
server_error?: string, };

export type FileInfo = { 
/**
 * Full path.
 */
path: string, 
/**
 * Size in bytes.
 */
bytes: number, };

export type ExportArgs = { 
/**
 * `draft:N` or a document id of 我的预算库.
 */
reference: string, 
/**
 * `pdf` or `xlsx`.
 */
format: string, 
/**
 * A file name (written in the export folder) or a full path.
 */
file: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string | null, 
/**
 * Explanations of 警告 by rule.
 */
explanations: { [key in string]?: string }, };

export type ExportResult = { 
/**
 * The outcome when written.
 */
outcome: ExportOutcome | null, 
/**
 * Why it was refused.
 */
refused: string | null, 
/**
 * The findings that refused it.
 */
findings: Array<Finding>, };

export type ExportOutcome = { 
/**
 * Where.
 */
path: string, 
/**
 * SHA-256 of the file.
 */
sha256: string, 
/**
 * Size in bytes.
 */
bytes: number, 
/**
 * The template used.
 */
template: string, 
/**
 * What the preflight verified (PDF).
 */
preflight?: Preflight, 
/**
 * The fonts embedded.
 */
fonts: Array<string>, };

export type Preflight = { 
/**
 * Pages.
 */
pages: number, 
/**
 * Tables found again.
 */
tables: number, 
/**
 * Numbers (table cells, projects, forms, stated figures) found again, equal.
 */
numbers: number, 
/**
 * Figures of the narrative found again, equal.
 */
narrative_figures: number, };
