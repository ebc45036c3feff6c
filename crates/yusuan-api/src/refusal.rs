//! Why a draft operation was refused: one typed value per kind of refusal, carrying what the
//! message names, and its Chinese message written here once. The window shows the message; the
//! command line adds [`Refusal::command_hint`], the `yusuan` command that does what the message
//! asks (never shown in the window).

use yusuan_draft::actuals::ActualsError;
use yusuan_draft::carried::CarriedError;
use yusuan_draft::project_funds::ShareError;
use yusuan_draft::rewrite::RewriteError;
use yusuan_draft::titles::TitleError;
use yusuan_draft::workbook::WorkbookError;
use yusuan_draft::{EditError, RollError, UnitError};

/// What the draft's own logic (yusuan-draft) refused.
#[derive(Debug, thiserror::Error)]
pub enum DraftFailure {
    /// An edit that does not apply.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// A unit that cannot be added, removed, placed or shown.
    #[error(transparent)]
    Unit(#[from] UnitError),
    /// A carried table's cell or rows.
    #[error(transparent)]
    Carried(#[from] CarriedError),
    /// A project's share of a line.
    #[error(transparent)]
    Share(#[from] ShareError),
    /// A title that cannot be renamed.
    #[error(transparent)]
    Title(#[from] TitleError),
}

/// A draft operation refused: what was asked cannot be done to this draft, or the value given
/// is not one the draft can take. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The draft's own logic refused.
    #[error("草稿 draft:{id}：{why}")]
    InDraft {
        /// The draft.
        id: i64,
        /// Why.
        why: DraftFailure,
    },
    /// A document that cannot be rolled forward.
    #[error("文档 {doc} 不能滚动编制：{why}")]
    NotRollable {
        /// The document.
        doc: i64,
        /// Why.
        why: RollError,
    },
    /// A document that cannot give a blank draft its format.
    #[error("文档 {doc} 不能作为空白草稿的格式：{why}")]
    NotAFormat {
        /// The document.
        doc: i64,
        /// Why.
        why: RollError,
    },
    /// A template name that names none.
    #[error("没有名为“{name}”的模板；可用的模板：{available}")]
    NoTemplate {
        /// The name given.
        name: String,
        /// The templates, listed.
        available: String,
    },
    /// A budget year out of range.
    #[error("预算年度 {year} 不在 2000–2100 之间")]
    YearOutOfRange {
        /// The year given.
        year: i32,
    },
    /// A line number beyond the draft's lines.
    #[error("草稿 draft:{id} 没有第 {n} 行（共 {count} 行）")]
    NoLineNumbered {
        /// The draft.
        id: i64,
        /// The number given.
        n: usize,
        /// How many lines there are.
        count: usize,
    },
    /// Text that is no line key.
    #[error("“{reference}”不是明细行的键。键的形式如“支出|一般公共预算|2013901|基本支出”（某单位的行在后面加“@单位名称”）")]
    NotALineKey {
        /// The draft.
        id: i64,
        /// What was given.
        reference: String,
    },
    /// A line key the draft has no line for.
    #[error("草稿 draft:{id} 中没有明细行“{reference}”")]
    NoSuchLine {
        /// The draft.
        id: i64,
        /// What was given.
        reference: String,
    },
    /// A unit's line where the unit has none: the department's money is placed first.
    #[error(
        "单位“{unit}”还没有明细行“{key}”：先把部门的金额分配给它，没有这一行时先新增部门的行再分配"
    )]
    UnitHasNoLine {
        /// The draft.
        id: i64,
        /// The unit.
        unit: String,
        /// The line.
        key: String,
    },
    /// A workbook that types a unit's line the unit does not have.
    #[error("单位“{unit}”没有明细行“{key}”：工作簿中不能新增单位的行；请在草稿中把部门的金额分配给该单位")]
    WorkbookUnitLine {
        /// The unit.
        unit: String,
        /// The line.
        key: String,
    },
    /// A new line of a kind the format's tables do not print.
    #[error("草稿 draft:{id} 的这类明细行按“{kinds}”分列，没有“{kind}”；请选其中之一")]
    KindNotPrinted {
        /// The draft.
        id: i64,
        /// The kinds the tables print, listed.
        kinds: String,
        /// The kind given.
        kind: String,
    },
    /// A 政府采购 合计 typed where the parts are given.
    #[error(
        "草稿 draft:{id} 的政府采购预算按货物、工程、服务分项填列，合计由分项相加，不能另填合计"
    )]
    ProcurementByParts {
        /// The draft.
        id: i64,
    },
    /// A 政府采购 part typed where only the 合计 is given.
    #[error("草稿 draft:{id} 的政府采购预算只有合计数（采购|合计）；如要分货物、工程、服务填列，请先将合计设为 0")]
    ProcurementTotalOnly {
        /// The draft.
        id: i64,
    },
    /// A count that is no whole number.
    #[error("“{text}”不是{unit}数：{what}请填不小于 0 的整数")]
    NotACount {
        /// What was typed.
        text: String,
        /// The count's unit (辆, 台, 个).
        unit: String,
        /// What the count is, when it is worth saying (`车辆是数量，`).
        what: String,
    },
    /// An amount that is no number.
    #[error("“{text}”不是金额；请输入以元为单位的数字，如 1250000 或 1,250,000.50")]
    NotAnAmount {
        /// What was typed.
        text: String,
    },
    /// A count placed into a unit.
    #[error("“{key}”是数量，不是金额；数量按部门填报")]
    CountNotPlaced {
        /// The line.
        key: String,
    },
    /// A line added where it exists.
    #[error("草稿 draft:{id} 已有明细行“{label}”：直接修改它的数值")]
    LineExists {
        /// The draft.
        id: i64,
        /// The line's label.
        label: String,
    },
    /// A key that cannot be added as a new line.
    #[error("“{key}”不是可新增的明细行：新增的行按功能科目（支出|资金来源|科目代码|基本支出或项目支出）、经济科目（经济|科目代码|人员经费或公用经费）、政府采购（采购|货物、工程、服务或面向中小企业预留）或情况说明的数字（情况|车辆、大型设备、购置车辆、绩效项目、绩效资金）填写")]
    NotAddable {
        /// What was given.
        key: String,
    },
    /// A name given for a code that is not the line's or one of its levels.
    #[error("名称“{name}”所对应的代码 {named} 不是 {code} 或它的类、款")]
    NameOfOtherCode {
        /// The name.
        name: String,
        /// The code it was given for.
        named: String,
        /// The line's code.
        code: String,
    },
    /// A name (部门名称, 单位名称, 地区, 科目名称) left empty.
    #[error("{what}不能为空")]
    EmptyName {
        /// Which name.
        what: &'static str,
    },
    /// A name over more than one line.
    #[error("{what}中有换行或控制字符，请只填一行名称")]
    NameNotOneLine {
        /// Which name.
        what: &'static str,
    },
    /// A name too long.
    #[error("{what}过长（{chars} 个字，最多 60 个字）")]
    NameTooLong {
        /// Which name.
        what: &'static str,
        /// Its length.
        chars: usize,
    },
    /// A text (说明, 依据 …) too long.
    #[error("{what}过长（{chars} 个字，最多 {max} 个字）")]
    TextTooLong {
        /// Which text.
        what: String,
        /// Its length.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// A text with control characters.
    #[error("{what}中有控制字符")]
    TextHasControls {
        /// Which text.
        what: String,
    },
    /// A unit the 分单位 table does not list.
    #[error("草稿 draft:{id} 的分单位表中没有单位“{name}”")]
    NoSuchUnit {
        /// The draft.
        id: i64,
        /// The unit.
        name: String,
    },
    /// A unit removed while lines of it hold money.
    #[error(
        "单位“{name}”还有 {count} 个不为零的明细行（如“{example}”）：先将其金额清零，再删除单位"
    )]
    UnitHasMoney {
        /// The unit.
        name: String,
        /// How many lines.
        count: usize,
        /// One of them.
        example: String,
    },
    /// A unit removed while lines are placed in it.
    #[error("单位“{name}”还有 {count} 个分配给它的明细行：先把它们移回部门（未分配），再删除单位")]
    UnitHasLines {
        /// The draft.
        id: i64,
        /// The unit.
        name: String,
        /// How many lines.
        count: usize,
    },
    /// Text that is no draft reference.
    #[error("“{reference}”不是草稿编号；草稿写作 draft:N，单位预算写作 draft:N/单位名称")]
    NotADraftReference {
        /// What was given.
        reference: String,
    },
    /// A unit's text with control characters or too long.
    #[error("单位的文字中有控制字符或过长（最多 20000 个字）")]
    UnitTextUnfit,
    /// A section the draft does not have.
    #[error("草稿中没有“{title}”这一部分")]
    NoSuchSection {
        /// The title given.
        title: String,
    },
    /// A unit's section generated from its lines.
    #[error("“{title}”由数字生成，单位预算的这一部分由分配给该单位的明细生成")]
    SectionGenerated {
        /// The section.
        title: String,
    },
    /// A carried section's text that does not apply.
    #[error("{0}")]
    SectionText(EditError),
    /// A section's text that could not be read back into the draft.
    #[error("“{title}”没有改写：{why}")]
    NotRewritten {
        /// The section.
        title: String,
        /// Why.
        why: RewriteOrEdit,
    },
    /// A project description's part that does not exist.
    #[error("“{label}”不是项目说明的一部分；可写：{parts}")]
    NotAProjectPart {
        /// What was given.
        label: String,
        /// The parts, listed.
        parts: String,
    },
    /// A project the draft does not have.
    #[error("草稿 draft:{id} 中没有项目“{name}”（{listed}；未命名的项目写 #序号，如 #1）")]
    NoSuchProject {
        /// The draft.
        id: i64,
        /// The name given.
        name: String,
        /// The projects there are (or that there are none).
        listed: String,
    },
    /// A project added or renamed to a name another has.
    #[error("草稿 draft:{id} 中已有项目“{name}”")]
    ProjectExists {
        /// The draft.
        id: i64,
        /// The name.
        name: String,
    },
    /// An indicator path not of three levels.
    #[error("指标“{path}”须写作 一级指标/二级指标/三级指标（如 产出指标/数量指标/培训人次）")]
    IndicatorPath {
        /// What was given.
        path: String,
    },
    /// An indicator value not of one line.
    #[error("指标值须为一行、1 至 200 个字（如 ≥95%、=100(人)、及时）")]
    IndicatorValue,
    /// A 绩效目标表 that cannot be edited as a form.
    #[error("绩效目标表“{form}”{why}")]
    FormNotEditable {
        /// The form.
        form: String,
        /// Why.
        why: String,
    },
    /// A 绩效目标 set without its project.
    #[error("须写明绩效目标表所属的项目名称")]
    FormWithoutProject,
    /// A new indicator without its 一级 and 二级.
    #[error("新增的指标须写明一级和二级指标（如 产出指标/数量指标/{name}）")]
    IndicatorWithoutLevels {
        /// The indicator.
        name: String,
    },
    /// An indicator the form does not have.
    #[error("绩效目标表“{form}”中没有指标“{path}”")]
    NoSuchIndicator {
        /// The form.
        form: String,
        /// The path given.
        path: String,
    },
    /// A project with no 绩效目标表.
    #[error("草稿 draft:{id} 中没有项目“{form}”的绩效目标表（{listed}）")]
    NoSuchForm {
        /// The draft.
        id: i64,
        /// The project.
        form: String,
        /// The forms there are (or that there are none).
        listed: String,
    },
    /// A carried table's cell text with control characters or too long.
    #[error("单元格的内容有控制字符或过长（最多 500 个字）")]
    CellTextUnfit,
    /// Pasted rows with control characters.
    #[error("粘贴的内容有控制字符；请从表格软件中复制单元格")]
    PasteHasControls,
    /// A 执行数 below zero.
    #[error("执行数“{text}”不能为负数")]
    NegativeActual {
        /// What was typed.
        text: String,
    },
    /// A 执行数 code or amount refused.
    #[error("{0}")]
    Actuals(#[from] ActualsError),
    /// A pasted 执行数 line refused.
    #[error("第 {line} 行：{why}")]
    PastedLine {
        /// The line (from 1).
        line: usize,
        /// Why.
        why: Box<crate::ApiError>,
    },
    /// A pasted 执行数 line with a code and no amount.
    #[error("第 {line} 行：科目 {code} 后没有金额")]
    PastedCodeOnly {
        /// The line (from 1).
        line: usize,
        /// The code.
        code: String,
    },
    /// Pasted text without a single `code amount` line.
    #[error("粘贴的内容中没有“科目编码 金额”行")]
    NothingPasted,
    /// 执行数 that a 决算 document cannot give.
    #[error("文档 {doc}：{why}")]
    ActualsFrom {
        /// The 决算.
        doc: i64,
        /// Why.
        why: ActualsError,
    },
    /// A print setting that does not exist.
    #[error("“{setting}”不是印法的一项；可设：{settings}")]
    NoPrintSetting {
        /// What was given.
        setting: String,
        /// The settings, listed.
        settings: String,
    },
    /// A print choice a setting does not have.
    #[error("“{choice}”不是{setting}的印法；可选：{choices}")]
    NoPrintChoice {
        /// What was given.
        choice: String,
        /// The setting.
        setting: String,
        /// Its choices, listed.
        choices: String,
    },
    /// A version name left empty.
    #[error("版本名称不能为空（例如 一上、二上、批复）")]
    EmptyVersionName,
    /// A version the draft does not have.
    #[error("草稿 draft:{id} 没有名为“{name}”的版本")]
    NoSuchVersion {
        /// The draft.
        id: i64,
        /// The name given.
        name: String,
    },
    /// A workbook that cannot be written or read back.
    #[error("{0}")]
    Workbook(#[from] WorkbookError),
    /// A workbook file that cannot be read back.
    #[error("{path}：{why}")]
    WorkbookFile {
        /// The file.
        path: String,
        /// Why.
        why: WorkbookError,
    },
    /// A draft without last year's document to compare with.
    #[error("草稿 {draft} 没有上年文档可比较")]
    NoBaseline {
        /// The draft reference.
        draft: String,
    },
}

/// Why a section's text was not taken.
#[derive(Debug, thiserror::Error)]
pub enum RewriteOrEdit {
    /// The text was not read as the section.
    #[error(transparent)]
    Rewrite(#[from] RewriteError),
    /// What it read does not apply.
    #[error(transparent)]
    Edit(#[from] EditError),
}

impl Refusal {
    /// The `yusuan` command that does what the message asks, for the command line (the window
    /// offers the same as a control, so it never shows this).
    pub fn command_hint(&self) -> Option<String> {
        match self {
            Refusal::NotALineKey { id, .. } | Refusal::NoSuchLine { id, .. } => {
                Some(format!("用 yusuan draft lines draft:{id} 查看明细行的键"))
            }
            Refusal::UnitHasNoLine { id, unit, key } => Some(format!(
                "分配：yusuan draft unit draft:{id} place {unit} --line {key}"
            )),
            Refusal::UnitHasLines { id, name, .. } => Some(format!(
                "移回部门：yusuan draft unit draft:{id} place 未分配 --line 键@{name}"
            )),
            Refusal::PastedLine { why, .. } => match why.as_ref() {
                crate::ApiError::Draft(r) => r.command_hint(),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Draft `id`'s own logic refused (for `map_err`).
pub(crate) fn in_draft<E: Into<DraftFailure>>(id: i64) -> impl Fn(E) -> crate::ApiError {
    move |why| {
        Refusal::InDraft {
            id,
            why: why.into(),
        }
        .into()
    }
}

/// An export (PDF, XLSX, the preview, a comparison's workbook) that cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportProblem {
    /// A comparison's workbook that could not be written.
    #[error("无法生成对比工作簿：{0}")]
    ComparisonWorkbook(#[from] rust_xlsxwriter::XlsxError),
    /// A font file with no Chinese glyphs.
    #[error("字体文件 {path} 不含中文字形；请选择宋体或黑体字体")]
    NoChineseGlyphs {
        /// The font file.
        path: String,
    },
    /// No Chinese font on the system, none chosen.
    #[error(
        "找不到中文字体：请安装宋体/黑体，或 Debian 的 fonts-noto-cjk，或在“设置”中指定字体文件"
    )]
    NoChineseFont,
    /// A printed date that is no date.
    #[error("日期“{text}”无法识别；请写作 YYYY-MM-DD，如 2026-02-15")]
    BadDate {
        /// What was given.
        text: String,
    },
    /// A template name that names none.
    #[error("没有名为“{id}”的模板")]
    NoSuchTemplate {
        /// What was given.
        id: String,
    },
    /// A document whose format has no template.
    #[error("“{title}”的格式（{format}）没有对应的公开模板")]
    NoTemplateFor {
        /// The document's title.
        title: String,
        /// Its format.
        format: String,
    },
    /// Typesetting, a font or the preflight refused.
    #[error(transparent)]
    Typeset(#[from] yusuan_export::ExportError),
}

impl ExportProblem {
    /// The command line's way to do what the message asks.
    pub fn command_hint(&self) -> Option<String> {
        match self {
            ExportProblem::NoChineseFont => Some("或用 --font 指定字体文件".into()),
            ExportProblem::NoSuchTemplate { .. } => Some("用 yusuan templates 查看可用模板".into()),
            ExportProblem::NoTemplateFor { .. } => {
                Some("用 --template 指定，yusuan templates 查看可用模板".into())
            }
            _ => None,
        }
    }
}

/// A setting refused: what, and what to enter instead.
#[derive(Debug, thiserror::Error)]
pub enum SettingsProblem {
    /// A settings file that cannot be read.
    #[error(
        "设置文件 {path} 无法读取（{reason}）：请在“设置”中重新保存，或删除该文件以恢复默认设置"
    )]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A change threshold out of range.
    #[error("变动幅度阈值 {percent}% 不在 0 到 1000 之间：请填写如 10 表示 ±10%")]
    Threshold {
        /// What was given.
        percent: rust_decimal::Decimal,
    },
    /// A negative amount threshold.
    #[error("变动金额阈值 {yuan} 元不能为负数")]
    NegativeAmount {
        /// What was given.
        yuan: rust_decimal::Decimal,
    },
    /// A font file that does not exist.
    #[error(
        "字体文件 {path} 不存在：请填写字体文件的完整路径（.ttf/.ttc/.otf），或留空使用系统字体"
    )]
    NoFontFile {
        /// What was given.
        path: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_reads_no_command_and_the_command_line_gets_one() {
        let refusals = [
            Refusal::NotALineKey {
                id: 3,
                reference: "支出|x".into(),
            },
            Refusal::NoSuchLine {
                id: 3,
                reference: "支出|x".into(),
            },
            Refusal::UnitHasNoLine {
                id: 3,
                unit: "某中心".into(),
                key: "支出|一般公共预算|2010101|基本支出".into(),
            },
            Refusal::UnitHasLines {
                id: 3,
                name: "某中心".into(),
                count: 2,
            },
        ];
        for r in refusals {
            let shown = r.to_string();
            assert!(!shown.contains("yusuan"), "{shown}");
            let hint = r.command_hint().expect("a command");
            assert!(
                hint.contains("yusuan draft") && hint.contains("draft:3"),
                "{hint}"
            );
        }
        let pasted = Refusal::PastedLine {
            line: 2,
            why: Box::new(
                Refusal::NotAnAmount {
                    text: "十万".into(),
                }
                .into(),
            ),
        };
        assert_eq!(
            pasted.to_string(),
            "第 2 行：“十万”不是金额；请输入以元为单位的数字，如 1250000 或 1,250,000.50"
        );
        assert_eq!(pasted.command_hint(), None);
    }
}
