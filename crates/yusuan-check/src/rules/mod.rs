//! The rule registry. Each rule lives in its own module as a plain function.

mod balance;
pub(crate) mod codes;
pub(crate) mod completeness;
mod cross;
mod hierarchy;
pub(crate) mod misprint;
pub(crate) mod misread;
pub(crate) mod narrative;
mod percent;
mod procurement;
mod row_sums;
mod stated;
mod template;
mod text;

use crate::tolerance::Agreement;
use crate::{Finding, FindingLocation, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Amount, Document, Row, Table, Unit};

/// A rule of the registry.
pub struct Rule {
    /// Stable id, never reused.
    pub id: &'static str,
    /// The severity of what it finds (a rounding tail is reported as 提示 whatever this is).
    pub severity: Severity,
    /// What it checks, in Chinese.
    pub description: &'static str,
    /// An example of a finding.
    pub example: &'static str,
    /// The check.
    pub run: fn(&Document) -> Vec<Finding>,
}

/// Every rule, in id order.
pub const RULES: &[Rule] = &[
    Rule {
        id: "T001",
        severity: Severity::Error,
        description: "表内每行的合计（小计）等于其各组成部分之和：基本支出＋项目支出、人员经费＋公用经费、各收入来源、“三公”各项",
        example: "支出预算总表 201 39 01 行政运行：合计 25,863,796，基本支出＋项目支出＝25,863,797",
        run: row_sums::run,
    },
    Rule {
        id: "T002",
        severity: Severity::Error,
        description: "按科目层级汇总：类＝Σ款＝Σ项，合计行＝Σ类（功能分类、经济分类，逐列）",
        example: "收入预算总表 208 社会保障和就业支出：印 3,557,923，其下各款之和 3,557,920",
        run: hierarchy::run,
    },
    Rule {
        id: "T003",
        severity: Severity::Error,
        description: "收支总表（财务收支、财政拨款收支）收入总计＝支出总计",
        example: "财务收支预算总表：收入总计 68,643,213，支出总计 68,643,212",
        run: balance::run,
    },
    Rule {
        id: "T005",
        severity: Severity::Error,
        description: "收支总表每一方的各项（一、二、……）之和等于该方的合计（小计、总计），逐列",
        example: "收支预算总表 支出用途：基本支出 5,678.17＋项目支出 3,314.68＋单位预留机动经费 1,157.63＝当年支出小计 10,150.48",
        run: balance::items_add_up,
    },
    Rule {
        id: "T006",
        severity: Severity::Info,
        description: "一张表有多行（至少5行，且至少四分之一有金额的行）合计与其组成不符：多半是版式没有读准（两张表读成一张、栏目错位、单位读错），不是文档本身的错误；该表的错误降为提示",
        example: "表“收入预算总表”有 12 行（共 30 行有金额）的合计与其组成不符",
        run: misread::run,
    },
    Rule {
        id: "T004",
        severity: Severity::Error,
        description: "目录列出的每张表都在正文中公开（无数据的表也应公开空表并注明）",
        example: "目录列出“十一、政府采购预算表”，正文从表10直接到表12",
        run: completeness::run,
    },
    Rule {
        id: "X001",
        severity: Severity::Error,
        description: "收入总表与支出总表都按功能分类列示时，同一科目的收入合计等于支出合计",
        example: "收入总表 2013901 合计 20,492,868，支出总表 2013901 合计 20,492,869",
        run: cross::income_matches_expenditure,
    },
    Rule {
        id: "X002",
        severity: Severity::Error,
        description: "财务收支总表的本年收入（支出）合计等于收入总表（支出总表）的合计（无结转时即收入总计、支出总计）",
        example: "财务收支总表 收入总计 68,643,213，收入总表 合计 68,643,212",
        run: cross::summary_matches_totals,
    },
    Rule {
        id: "X003",
        severity: Severity::Error,
        description: "一般公共预算支出功能分类表的基本支出合计等于基本支出经济分类表的合计",
        example: "一般公共预算支出表 基本支出合计 36,545,393，经济分类表 合计 36,545,394",
        run: cross::basic_matches_economic,
    },
    Rule {
        id: "X004",
        severity: Severity::Error,
        description: "每个功能科目：一般公共预算、政府性基金、国有资本经营支出表之和不大于支出总表；收入全部为财政拨款时二者相等（逐列：合计、基本支出、项目支出）",
        example: "收入只有财政拨款；支出总表 2120102 项目支出 11,443,950，一般公共预算支出表 11,443,905",
        run: cross::fiscal_within_expenditure,
    },
    Rule {
        id: "X005",
        severity: Severity::Error,
        description: "支出预算分单位明细表的合计行等于支出总表的合计行（合计、基本支出、项目支出）",
        example: "分单位表 合计 61,566,619，支出总表 合计 61,566,618",
        run: cross::units_add_up,
    },
    Rule {
        id: "X006",
        severity: Severity::Warning,
        description: "“三公”各项不小于经济分类表中对应科目的基本支出（30212 因公出国（境）费、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置）",
        example: "“三公”公务接待费 1.35万元，经济分类表 30217 公务接待费 2.00万元",
        run: cross::three_public_bounds,
    },
    Rule {
        id: "X007",
        severity: Severity::Warning,
        description: "机关运行经费不大于经济分类表的公用经费合计",
        example: "机关运行经费 504.99万元，经济分类表 公用经费合计 480.00万元",
        run: cross::running_costs_within_public,
    },
    Rule {
        id: "X008",
        severity: Severity::Error,
        description: "财务收支总表、财政拨款收支总表按功能类列示的支出，等于支出总表、一般公共预算支出表、政府性基金支出表中该类的合计",
        example: "财政拨款收支总表“八、城乡社区支出”一般公共预算 154,369,326，一般公共预算支出表 212 合计 154,369,327",
        run: cross::summaries_match_classes,
    },
    Rule {
        id: "X009",
        severity: Severity::Error,
        description: "财务收支总表支出总计的人员经费、公用经费，在基本支出全部为一般公共预算时，等于基本支出经济分类表合计行的人员经费、公用经费",
        example: "财务收支总表 人员经费 22,473,997.81，经济分类表 人员经费 22,373,997.81（两表基本支出合计相同）",
        run: cross::ledger_split_matches_economic,
    },
    Rule {
        id: "N001",
        severity: Severity::Error,
        description: "文字中的金额（收支总额、各收入来源、基本支出和项目支出、功能科目、经济科目、“三公”各项、机关运行经费、项目）与表中数字一致（按所印精度取整；只差末位一个尾数为提示）",
        example: "文字“一般公共服务支出5,779万元”，一般公共预算支出表 201 合计 5,780.12万元",
        run: |d| narrative::amounts_match_tables(d).into_iter().filter(|f| f.rule == "N001").collect(),
    },
    Rule {
        id: "N002",
        severity: Severity::Error,
        description: "文字中的金额单位错误：数值与表中一致，但元写成了万元（或万元写成了元）",
        example: "文字“行政事业单位医疗30.3元”，表中为 30.30万元",
        run: |d| narrative::amounts_match_tables(d).into_iter().filter(|f| f.rule == "N002").collect(),
    },
    Rule {
        id: "N003",
        severity: Severity::Warning,
        description: "文字中的占比（“其中：…X万元，占Y%”；或“占年初项目总预算的Y%”这样按名称指出的总额，取本文档支出总表、收入总表所列的项目支出、支出合计、收入合计）按所列金额重新计算后一致",
        example: "“支出总额1786.11万元，其中：基本支出29.43万元，占29.51%”，按金额应占 1.65%",
        run: narrative::shares_add_up,
    },
    Rule {
        id: "N004",
        severity: Severity::Warning,
        description: "增减用词与增减幅度用词一致（增加对应增幅，减少对应减幅）",
        example: "“比上年增加90.58万元，减幅53.43%”",
        run: |d| narrative::changes_are_consistent(d).into_iter().filter(|f| f.rule == "N004").collect(),
    },
    Rule {
        id: "N005",
        severity: Severity::Warning,
        description: "增减幅度按所列金额重新计算后一致（增减额÷上年数；只列上年数和本年数时为（本年数－上年数）÷上年数，幅度写在本年数之后或“比…执行数”之后；增幅、增长、减少、下降、降低等各种写法）",
        example: "“收入1786.11万元，比上年增加90.58万元，增幅53.43%”，按金额应为 5.34%",
        run: |d| narrative::changes_are_consistent(d).into_iter().filter(|f| f.rule == "N005").collect(),
    },
    Rule {
        id: "N006",
        severity: Severity::Warning,
        description: "说明了与上年相比的增减，应在同句或其后三句内说明原因（主要原因是…）",
        example: "“支出预算比2025年预算增加1,491万元。”之后没有说明原因",
        run: narrative::changes_have_reasons,
    },
    Rule {
        id: "N007",
        severity: Severity::Warning,
        description: "文字所述与上年相比的增减额（及增减用词）与本文档自身所列的当年、上年金额之差一致（湖北整体支出绩效目标表的“近两年收支金额”）",
        example: "“比2025年预算增加73.87万元”，表14：当年 880.84，2025年 806.77（差 74.07）",
        run: narrative::changes_match_own_prior_year,
    },
    Rule {
        id: "N008",
        severity: Severity::Warning,
        description: "同一项目在文中各处与上年比较时，推得的上年数一致（本年数∓增减额；持平即本年数）",
        example: "“三公经费62.10万元，与2025年预算持平”，后文“三公经费62.10万元，比2025年预算减少5万元”",
        run: narrative::prior_year_consistent,
    },
    Rule {
        id: "N009",
        severity: Severity::Error,
        description: "文字说某项比上年增加，而该项本年为0（文字所列为0，或表中为0、为空表）：增加之后不可能为0",
        example: "“政府性基金预算拨款支出0万元，比2025年预算增加12万元”",
        run: narrative::increase_to_nothing,
    },
    Rule {
        id: "N010",
        severity: Severity::Warning,
        description: "逐项说明中，一项先列的本年金额与同一项其后所述的本年预算安排一致",
        example: "“31.…住房公积金（项）”350.35万元，…2024年预算安排352.67万元”",
        run: narrative::item_amount_restated,
    },
    Rule {
        id: "P001",
        severity: Severity::Error,
        description: "项目经费情况说明中年度预算安排所列各项（1.、2.…）之和等于所述预算总额",
        example: "“公务员工作经费 57.45万元”，所列 5 项之和 46.45万元",
        run: stated::project_items_add_up,
    },
    Rule {
        id: "P002",
        severity: Severity::Warning,
        description: "绩效目标表的年度资金总额等于该项目经费情况说明所述总额",
        example: "网络信息系统运行与维护：说明 39.93万元，绩效目标表 399,280.00元",
        run: stated::form_funds_match_project,
    },
    Rule {
        id: "P003",
        severity: Severity::Error,
        description: "项目经费情况说明中，一项之下所列的分项（(1)、(2)…，或两个以上的计算式）之和等于该项金额",
        example: "“1.会议费 12万元：(1)场地费 5万元；(2)资料费 6万元”，分项之和 11万元",
        run: stated::sub_items_add_up,
    },
    Rule {
        id: "P004",
        severity: Severity::Warning,
        description: "项目经费情况说明中另述本项目预算（本项目安排…、该项目预算…）之处，与所述预算总额一致",
        example: "年度预算安排“共计56.12万元”，概述“本项目2026年预算安排57.80万元”",
        run: stated::project_total_restated,
    },
    Rule {
        id: "P005",
        severity: Severity::Warning,
        description: "项目经费情况说明中，一项占项目预算的比例（占项目总预算的…%）按所列金额与所述预算总额重新计算后一致",
        example: "预算总额56.12万元，“宣传经费26.12万元，占项目总预算的40%”，按金额应占 46.54%",
        run: stated::project_shares_follow,
    },
    Rule {
        id: "P006",
        severity: Severity::Warning,
        description: "项目经费情况说明所述的政府采购（货物、工程、服务），各项目合计不超过部门政府采购预算的同类金额，每个项目不超过其预算",
        example: "两个项目说明所述政府采购服务合计420万元，部门政府采购服务预算357.71万元",
        run: procurement::projects_within_procurement,
    },
    Rule {
        id: "S001",
        severity: Severity::Error,
        description: "政府采购预算的货物、工程、服务之和等于政府采购预算总额",
        example: "政府采购预算 173.95万元：货物 5.95＋工程 0＋服务 168＝173.95",
        run: stated::procurement_parts_add_up,
    },
    Rule {
        id: "S002",
        severity: Severity::Warning,
        description: "（项目经费情况说明汇编）绩效目标情况所述项目个数、预算资金与所列项目一致",
        example: "“共7个项目，涉及项目预算资金725.56万元”，所列项目 6 个",
        run: stated::summary_matches_projects,
    },
    Rule {
        id: "S003",
        severity: Severity::Warning,
        description: "机构设置所述各类单位个数之和等于所列单位的个数",
        example: "“行政单位1家，事业单位2家”，名单只列 2 家",
        run: stated::unit_counts_match_list,
    },
    Rule {
        id: "S004",
        severity: Severity::Error,
        description: "文字中的计算式（单价×数量＝金额，可有多项相加）结果正确",
        example: "“0.35万元*7=2.45万元”；“3天*800人*60.00元/人/天=144000.00元”",
        run: stated::products_are_right,
    },
    Rule {
        id: "S005",
        severity: Severity::Error,
        description: "“其中”所列各项只有把以元列示的一项读作万元时才等于总额：单位写错",
        example: "“预算资金约198.00万元（其中党建工作经费65.00万元，党建服务中心专项经费133.00元）”",
        run: stated::parts_unit_slip,
    },
    Rule {
        id: "D001",
        severity: Severity::Warning,
        description: "同一科目代码在文档各表中使用同一名称",
        example: "2013901 在支出总表中名为“行政运行”，在一般公共预算支出表中名为“一般行政管理事务”",
        run: codes::one_name_per_code,
    },
    Rule {
        id: "D002",
        severity: Severity::Info,
        description: "科目名称与科目目录（真实公开文件所印名称 data/codes.tsv，及部门预算支出经济分类科目 data/economic-codes.tsv）一致",
        example: "2080505 目录为“机关事业单位基本养老保险缴费支出”，此处为“基本养老保险缴费”",
        run: codes::names_match_catalogue,
    },
    Rule {
        id: "D003",
        severity: Severity::Info,
        description: "功能分类、经济分类科目的类级代码属于政府收支分类科目",
        example: "科目 2180101 的类级代码 218 不在政府收支分类科目中",
        run: codes::known_classes,
    },
    Rule {
        id: "D004",
        severity: Severity::Warning,
        description: "科目名称是别的科目的：2019年改名前的名称（医疗卫生与计划生育支出、文化体育与传媒支出、国土海洋气象等支出、行政事业单位离退休），或目录中同级相邻科目的名称",
        example: "2026年预算中 210 名为“医疗卫生与计划生育支出”（2019年起为卫生健康支出）",
        run: codes::names_of_other_codes,
    },
    Rule {
        id: "D005",
        severity: Severity::Error,
        description: "科目代码印错：无代码的行以非代码的数字开头，其下级科目与名称都指向同一个代码（只报一次，其余规则按改正后的代码检查）",
        example: "“7 社会保障和就业支出”，其下为 20805，应为 208",
        run: misprint::run,
    },
    Rule {
        id: "K001",
        severity: Severity::Warning,
        description: "每个项目经费情况说明有七个部分：项目概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标",
        example: "“信息工作项目”缺少：实施周期",
        run: template::seven_parts,
    },
    Rule {
        id: "K002",
        severity: Severity::Warning,
        description: "文档附有绩效目标表时，每个项目都有对应的绩效目标表",
        example: "项目“党代表工作经费”没有对应的绩效目标表",
        run: template::project_has_form,
    },
    Rule {
        id: "K003",
        severity: Severity::Warning,
        description: "每张绩效目标表都有产出、效益、满意度三类一级指标",
        example: "绩效目标表“培训经费”缺少满意度指标",
        run: template::form_has_indicator_kinds,
    },
    Rule {
        id: "K004",
        severity: Severity::Warning,
        description: "没有金额的表注明原因（如“本部门无政府性基金预算财政拨款安排的预算，故本表为空表”）",
        example: "“政府性基金预算支出功能分类预算表”没有金额，也没有注明原因",
        run: template::empty_tables_say_why,
    },
    Rule {
        id: "K005",
        severity: Severity::Warning,
        description: "上海市部门（单位）预算公开（含文字部分时）包含模板的各部分：主要职能、机构设置、名词解释、预算编制说明、其他相关情况说明",
        example: "按上海市部门预算公开模板，缺少：名词解释",
        run: template::template_sections,
    },
    Rule {
        id: "K006",
        severity: Severity::Warning,
        description: "绩效目标表的每个指标都有指标值；带比较符号（≥、≤、=）的指标值后面有数值或文字",
        example: "指标“群众满意度”的指标值只有“≥”",
        run: template::indicator_values_well_formed,
    },
    Rule {
        id: "K007",
        severity: Severity::Error,
        description: "空表的说明所称的资金与该表一致（政府性基金预算表注明无政府性基金预算，国有资本经营预算表注明无国有资本经营预算）",
        example: "国有资本经营预算支出表注“本部门无政府性基金预算财政拨款安排的预算”",
        run: template::empty_note_names_its_fund,
    },
    Rule {
        id: "W001",
        severity: Severity::Warning,
        description: "文中或表中留有占位符（XX、××、待填、待补充），或原因说明是空的（主要原因是。；指明是哪一项数字的原因）",
        example: "“本部门下属XX家单位”；“比上年增加12.00万元，主要原因是。”",
        run: text::placeholders,
    },
    Rule {
        id: "W002",
        severity: Severity::Info,
        description: "较长的段落一字不差地重复出现",
        example: "第 62 行与第 40 行的段落相同",
        run: text::repeated_paragraphs,
    },
    Rule {
        id: "W003",
        severity: Severity::Info,
        description: "文中出现的年份既不是预算年度也不是上一年度（书名号、引号内的文件名除外）",
        example: "2026年预算说明中写“2023年部门预算安排…”",
        run: text::stray_years,
    },
];

/// The coarser of two units (a comparison is as precise as its least precise side).
pub(crate) fn coarser(a: Unit, b: Unit) -> Unit {
    if a == Unit::WanYuan || b == Unit::WanYuan {
        Unit::WanYuan
    } else {
        Unit::Yuan
    }
}

/// Two amounts in 元 printed at `unit`'s precision: equal, a 万元 rounding tail (up to 0.01万元,
/// i.e. 100元), or different.
pub(crate) fn tables_agree(a: Decimal, b: Decimal, unit: Unit) -> Agreement {
    let diff = (a - b).abs();
    if diff.is_zero() {
        Agreement::Exact
    } else if unit == Unit::WanYuan && diff <= Decimal::from(100) {
        Agreement::RoundingTail
    } else if unit == Unit::WanYuan && diff <= coarse_half(a, b) {
        // One of them printed with fewer decimals (`20849` 万元 against `20849.45`): it was
        // rounded where it was printed.
        Agreement::RoundingTail
    } else {
        Agreement::Differs
    }
}

/// Half a unit of the last digit of the coarser of two amounts printed in 万元 (given in 元, so
/// their scale is the decimals printed): 5,000 元 for a whole 万元, 500 for one decimal; none
/// for two decimals or more, or when either is nothing (a blank is no rounded figure).
fn coarse_half(a: Decimal, b: Decimal) -> Decimal {
    let coarse = a.scale().min(b.scale());
    if a.is_zero() || b.is_zero() || coarse >= 2 {
        return Decimal::ZERO;
    }
    Decimal::new(5, coarse + 1) * Unit::WanYuan.in_yuan()
}

/// The table's 合计 row: the first row without a code or side labelled 合计/总计.
pub(crate) fn total_row(t: &Table) -> Option<&Row> {
    t.rows
        .iter()
        .find(|r| r.code.is_none() && r.side.is_none() && r.is_total())
}

/// A cell's amount in 元 (a blank cell in an amount row counts as 0).
pub(crate) fn yuan_of(t: &Table, r: &Row, col: usize) -> Option<Decimal> {
    let v = r.cells.get(col)?.value_or_zero()?;
    Some(
        Amount {
            value: v,
            unit: t.unit,
        }
        .to_yuan(),
    )
}

/// Where a cell of a table is.
pub(crate) fn at(t: &Table, r: &Row, column: Option<&str>) -> FindingLocation {
    let row = match &r.code {
        Some(c) => format!("{} {}", c.as_str(), r.label),
        None => r.label.clone(),
    };
    FindingLocation {
        table: Some(t.title.clone()),
        row: Some(row),
        column: column.map(str::to_string),
        section: None,
        page: r.location.page,
        line: r.location.line,
    }
}
