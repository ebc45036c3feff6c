//! The command line: `yusuan [--db PATH] <command>`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// 预算 Yusuan：部门预算的导入、比较、编制、审核与公开。
#[derive(Debug, Parser)]
#[command(name = "yusuan", version, about)]
pub struct Cli {
    /// 预算库文件（默认：系统数据目录下的 yusuan/library.db）
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 供人阅读的文本
    Text,
    /// JSON（金额为十进制字符串）
    Json,
}

/// Comparison output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// 供人阅读的文本（只列有变动的行）
    Text,
    /// JSON（全部对齐行、发现的问题、图表数据；金额为十进制字符串，单位元）
    Json,
    /// CSV（全部对齐行，每行一个金额栏目，单位元）
    Csv,
    /// XLSX 工作簿（与 CSV 相同的栏目；需要 -o 文件）
    Xlsx,
}

/// Export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// 长表 CSV（doc,table,row_code,row_label,column,value_yuan,printed,location）
    Csv,
    /// 公开格式的 PDF（按地区模板排版，导出后复核）
    Pdf,
    /// 公开表格的 XLSX 工作簿（每表一页，打印设置同 PDF）
    Xlsx,
}

/// What `draft row` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RowAction {
    /// 在表末增加一个空行
    Add,
    /// 删除一行（给出行号）
    Remove,
    /// 用粘贴的行替换整张表（--from 文件，或 - 为标准输入；每行一行，单元格以制表符分隔，可从 Excel 复制）
    Paste,
}

/// Output format of lists that scripts read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LinesFormat {
    /// 供人阅读的文本
    Text,
    /// CSV（key,label,value_yuan,baseline_yuan,…）
    Csv,
    /// JSON（金额为十进制字符串）
    Json,
}

/// What `draft unit` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitAction {
    /// 列出各单位及其金额
    List,
    /// 把明细行的金额分配到单位
    Place,
    /// 增加单位
    Add,
    /// 删除单位
    Remove,
}

/// The `draft form` subcommands.
#[derive(Debug, Subcommand)]
pub enum FormCommand {
    /// 列出草稿的绩效目标表及其指标
    List {
        /// 草稿（draft:N）
        draft: String,
    },
    /// 设定一个指标的指标值（没有此指标时新增；项目还没有绩效目标表时新建）
    Set {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称（绩效目标表所属的项目）
        project: String,
        /// 指标：一级指标/二级指标/三级指标，如 产出指标/数量指标/培训人次
        path: String,
        /// 指标值，如 ≥800(人次)、=100(%)、及时
        value: String,
    },
    /// 删除一个指标
    Remove {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称
        project: String,
        /// 指标：一级指标/二级指标/三级指标（一级、二级印为空白的写 //三级指标）
        path: String,
    },
    /// 删除项目的整张绩效目标表
    Delete {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称
        project: String,
    },
}

/// The `draft project` subcommands.
#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// 列出草稿的项目及其说明的各部分
    List {
        /// 草稿（draft:N）
        draft: String,
    },
    /// 新增一个项目（七个部分待填写）
    Add {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称
        name: String,
    },
    /// 删除一个项目的说明
    Remove {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称（未命名的项目写 #序号）
        name: String,
    },
    /// 项目改名：说明的七个部分、绩效目标表和项目资金都保留
    Rename {
        /// 草稿（draft:N）
        draft: String,
        /// 现在的项目名称（未命名的项目写 #序号，如 #2）
        name: String,
        /// 新的项目名称
        new_name: String,
    },
    /// 改写项目说明的一部分（项目概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标），每行一段
    Set {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称
        name: String,
        /// 部分（如“年度预算安排”）
        part: String,
        /// 新的文字（每行一段）
        text: String,
    },
    /// 指定项目的资金来自哪一行项目支出、多少元（0 为取消）：项目的预算即其各行资金之和，与说明所述总额核对
    Fund {
        /// 草稿（draft:N）
        draft: String,
        /// 项目名称
        name: String,
        /// 项目支出明细行：键（支出|资金来源|科目|项目支出）、键@单位 或 #行号
        line: String,
        /// 金额（元）
        amount: String,
    },
}

/// The `draft` subcommands.
#[derive(Debug, Subcommand)]
pub enum DraftCommand {
    /// 由库中一份预算文档滚动编制下一年度草稿，输出草稿编号 draft:N；或按格式新建空白草稿
    /// （--template 模板，或 --from 文档 --blank，并给出 --department）
    New {
        /// 上年文档（编号、部门名称或文件名中唯一的一段）
        #[arg(long = "from", required_unless_present = "template")]
        from: Option<String>,
        /// 空白草稿的格式模板（yusuan draft templates 查看）
        #[arg(long, conflicts_with = "from")]
        template: Option<String>,
        /// 只取 --from 文档的格式，新建空白草稿（不带金额和文字）
        #[arg(long, requires = "from")]
        blank: bool,
        /// 空白草稿的部门名称（--template 或 --blank 时必填）
        #[arg(long)]
        department: Option<String>,
        /// 空白草稿的地区（默认：格式自带的地区）
        #[arg(long)]
        region: Option<String>,
        /// 预算年度（默认：上年文档年度＋1；空白草稿为明年）
        #[arg(long)]
        year: Option<i32>,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 列出库中的草稿
    List,
    /// 列出空白草稿可用的格式模板
    Templates,
    /// 新增一个明细行（草稿中还没有的科目），金额为元
    Add {
        /// 草稿（draft:N）
        draft: String,
        /// 明细行的键：支出|资金来源|功能科目代码|人员经费/公用经费/基本支出/项目支出，或 经济|经济科目代码|人员经费/公用经费
        key: String,
        /// 金额（元）
        value_yuan: String,
        /// 科目名称（科目目录中没有此代码时填写）；类、款的名称写成 代码=名称，如 --name 20101=人大事务（可重复）
        #[arg(long = "name")]
        names: Vec<String>,
    },
    /// 草稿的单位：列出各单位的金额（list）；把明细行的金额分配到单位（place）；分单位表中增加（add）或删除（remove，金额须先清零）单位。单位自己的单位预算写作 draft:N/单位名称（show、check、compare、export 均可用）
    Unit {
        /// 草稿（draft:N）
        draft: String,
        /// list、place、add 或 remove
        #[arg(value_enum)]
        action: UnitAction,
        /// 单位名称（place 时写“未分配”则退回部门未分配的金额）
        name: Option<String>,
        /// 单位代码（add；默认：下一个序号）
        #[arg(long)]
        code: Option<String>,
        /// 要分配的明细行（place）：键、键@单位 或 #行号
        #[arg(long)]
        line: Option<String>,
        /// 分配的金额（元，place；默认：整行）
        #[arg(long)]
        amount: Option<String>,
    },
    /// 上年执行数（一般公共预算，按功能科目）：列出；填一个科目（金额为元，或写“万元”；空为清除）；--paste 文件（每行“科目编码 金额”，可从 Excel 复制）；--from 上年决算的文档编号（按科目匹配）
    Actual {
        /// 草稿（draft:N）
        draft: String,
        /// 功能分类科目编码（类 3 位、款 5 位、项 7 位）
        code: Option<String>,
        /// 执行数（元；或如 140.42万元）
        value: Option<String>,
        /// 粘贴的列：文件路径，- 为标准输入
        #[arg(long, conflicts_with_all = ["code", "from"])]
        paste: Option<String>,
        /// 取自上年决算（库中文档编号）
        #[arg(long, conflicts_with_all = ["code", "paste"])]
        from: Option<i64>,
    },
    /// 修改按原表结转的表（如湖北格式的资产配置预算表、绩效目标表）的一个单元格：表名、行号、列号（从 1 起）、内容（数字按金额，其余按文字；空为清空）
    Cell {
        /// 草稿（draft:N）
        draft: String,
        /// 表名（按草稿中的标题）
        table: String,
        /// 行号（从 1 起）
        row: usize,
        /// 列号（从 1 起，含行标签所在的列）
        column: usize,
        /// 内容
        text: String,
    },
    /// 按原表结转的表（如湖北格式的资产配置预算表、江苏格式的政府采购预算表）增加一行（add，加在表末，再用 draft cell 填写）、删除一行（remove 行号），或用粘贴的行替换整张表（paste --from 文件）
    Row {
        /// 草稿（draft:N）
        draft: String,
        /// 表名（按草稿中的标题）
        table: String,
        /// add、remove 或 paste
        action: RowAction,
        /// 要删除的行号（从 1 起；remove 时必填）
        row: Option<usize>,
        /// paste 时的行：文件，或 - 为标准输入（行名在前，再依次各列，以制表符分隔）
        #[arg(long)]
        from: Option<String>,
    },
    /// 列出草稿的全部明细行
    Lines {
        /// 草稿（draft:N）
        draft: String,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: LinesFormat,
    },
    /// 修改一个明细行的金额（元）
    Set {
        /// 草稿（draft:N）
        draft: String,
        /// 明细行的键（见 draft lines），或 #行号
        key: String,
        /// 金额（元）
        #[arg(allow_hyphen_values = true)]
        value_yuan: String,
    },
    /// 填写变动原因（明细行的键，或“说明|收入预算”等说明数字的键）；空文本删除原因
    Reason {
        /// 草稿（draft:N）
        draft: String,
        /// 键
        key: String,
        /// 原因
        text: String,
    },
    /// 印法：零值单元格（按上年原表、留空、填0），表名年度（按上年原表、每张表都印年度、都不印年度）；不给选项时列出现在的印法
    Print {
        /// 草稿（draft:N）
        draft: String,
        /// 零值单元格：按上年原表 / 留空 / 填0
        #[arg(long)]
        zeros: Option<String>,
        /// 表名年度：按上年原表 / 每张表都印年度 / 都不印年度
        #[arg(long)]
        title_years: Option<String>,
    },
    /// 改写文字部分，每行一段：沿用的部分（主要职能、机构设置、名词解释等）照写；情况说明中的金额须是草稿中的数字，随明细行变化，写法与草稿不同处按草稿印出并列出
    Text {
        /// 草稿（draft:N）
        draft: String,
        /// 部分的标题（如“部门主要职能”）
        section: String,
        /// 新的文字（每行一段）
        text: String,
    },
    /// 改一张表或一个部分的标题（如“财政拨款支出预算表”改为“财政拨款支出预算表（功能科目）”），目录随之改；不给标题时列出全部标题
    Rename {
        /// 草稿（draft:N）
        draft: String,
        /// 现在的标题
        title: Option<String>,
        /// 新标题（须仍能认出是哪一张表或哪一部分）
        new_title: Option<String>,
    },
    /// 项目经费情况说明：列出（list）、新增（add）、删除（remove）项目，或改写项目说明的一部分（set）
    Project {
        #[command(subcommand)]
        command: ProjectCommand,
    },
    /// 绩效目标表：列出（list）指标，设定（set）或删除（remove）一个指标的指标值
    Form {
        #[command(subcommand)]
        command: FormCommand,
    },
    /// 撤销最近一次修改
    Undo {
        /// 草稿（draft:N）
        draft: String,
    },
    /// 重做最近一次撤销的修改
    Redo {
        /// 草稿（draft:N）
        draft: String,
    },
    /// 修改记录（时间、用户、原值、新值）
    History {
        /// 草稿（draft:N）
        draft: String,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 保存命名版本（一上、二上、批复…），可锁定为只读
    Version {
        /// 草稿（draft:N）
        draft: String,
        /// 版本名称
        #[arg(long)]
        name: String,
        /// 锁定：此后草稿为只读
        #[arg(long)]
        lock: bool,
    },
    /// 报送版本（一上、二上…）给财政局审核：保存为锁定版本，审核前草稿为只读
    Submit {
        /// 草稿（draft:N）
        draft: String,
        /// 版本名称
        #[arg(long)]
        name: String,
    },
    /// 审核：退回已报送的版本并写明意见（草稿重新可编辑，供下一版本修改）
    Return {
        /// 草稿（draft:N）
        draft: String,
        /// 版本名称
        #[arg(long)]
        name: String,
        /// 审核意见（可多条）
        #[arg(long = "comment", required = true)]
        comments: Vec<String>,
        /// 意见针对的明细行（行键）或审核发现（规则编号）；省略则针对整个版本
        #[arg(long = "on", default_value = "")]
        target: String,
    },
    /// 审核：批准已报送的版本
    Accept {
        /// 草稿（draft:N）
        draft: String,
        /// 版本名称
        #[arg(long)]
        name: String,
        /// 审核意见（可选，可多条）
        #[arg(long = "comment")]
        comments: Vec<String>,
    },
    /// 把离线编制的草稿的各版本推送到单位服务器上的预算库（同部门同年度的草稿；已有的版本不重复，同名而内容不同的另存为第二个版本）
    Push {
        /// 草稿（draft:N）
        draft: String,
        /// 单位服务器上的预算库（postgres://用户:口令@服务器/数据库）
        #[arg(long)]
        to: PathBuf,
    },
    /// 列出草稿收到的审核意见
    Comments {
        /// 草稿（draft:N）
        draft: String,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 导出可编辑的工作簿：明细行工作表，以及每张公开表一个工作表（合计为公式）
    ExportXlsx {
        /// 草稿（draft:N）
        draft: String,
        /// 输出文件
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// 导入编辑过的工作簿，报告改动了什么
    ImportXlsx {
        /// 草稿（draft:N）
        draft: String,
        /// 工作簿文件
        file: PathBuf,
    },
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 创建或升级预算库
    Init,
    /// 列出库中的文档
    List {
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 显示一个文档的全部内容
    Show {
        /// 文档编号（或部门名称、文件名中唯一的一段）
        doc: String,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 审核文档：逐条列出发现的问题（错误、警告、提示）；有错误时退出码为 1
    Check {
        /// 文件路径（直接审核，不入库），或库中文档的编号、部门名称
        doc: String,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 比较两个或多个年度的文档：按科目代码逐行对齐，列出增减额、增减率、占比和标记
    Compare {
        /// 文件路径或库中文档的编号、部门名称（按年度排序）；只给一个库中文档时，与该部门其他年度的文档比较
        #[arg(required = true, num_args = 1..)]
        docs: Vec<String>,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: CompareFormat,
        /// 变动较大的阈值：增减率（%）
        #[arg(long, default_value = "10")]
        threshold_percent: rust_decimal::Decimal,
        /// 变动较大的阈值：增减额（万元）
        #[arg(long, default_value = "50")]
        threshold_wan: rust_decimal::Decimal,
        /// 输出文件（省略则写到标准输出；xlsx 必须指定）
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 导出文档的全部数字（长表 CSV：每个数字一行，金额折算为元）
    Export(ExportArgs),
    /// 列出公开格式模板
    Templates,
    /// 备份预算库（使用中也可备份）；默认写到预算库旁的 备份/ 目录
    Backup {
        /// 备份文件（默认：备份/预算库-日期-时间.db）
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 用备份恢复整个预算库（恢复前的状态先另存为 备份/预算库-恢复前-….db）
    Restore {
        /// 备份文件
        file: PathBuf,
    },
    /// 全区各部门的草稿一览：最新版本、状态、支出预算、增减、错误和警告数
    District {
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 单位服务器上的预算库（--db postgres://…）：设置用户权限、添加部门用户和审核人员
    Server {
        #[command(subcommand)]
        command: ServerCommand,
    },
    /// 编制下一年度预算：滚动编制、修改明细行、原因、撤销/重做、版本、工作簿往返
    Draft {
        #[command(subcommand)]
        command: DraftCommand,
    },
    /// 导入公开文件（文本、PDF、XLSX）；同一文件重复导入会被识别
    Import {
        /// 要导入的文件
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 单独成册、没有写明年度的公开表按此预算年度导入（不指定时取文件名中的年份）
        #[arg(long, value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: Option<i32>,
        /// 输出格式
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

/// What `export` is given: the document, the format and the file, and how a PDF or XLSX is made.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// 文档编号（或部门名称、文件名中唯一的一段），或草稿 draft:N
    pub doc: String,
    /// 导出格式
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// 输出文件（CSV 省略则写到标准输出；PDF、XLSX 必须指定）
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 模板（默认：文档自身的格式；yusuan templates 查看）
    #[arg(long)]
    pub template: Option<String>,
    /// 封面和文件日期 YYYY-MM-DD（默认：今天）；同样的输入和日期得到完全相同的文件
    #[arg(long)]
    pub date: Option<String>,
    /// 警告的说明，按规则：R001=说明文字（可重复）；草稿的每个警告都须说明才能导出
    #[arg(long = "explain", value_name = "RULE=TEXT")]
    pub explain: Vec<String>,
    /// 页脚加页码，目录加页码
    #[arg(long)]
    pub page_numbers: bool,
    /// 正文字体文件（默认：宋体，或 Noto Serif CJK SC）
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// 标题字体文件（默认：黑体，或 Noto Sans CJK SC）
    #[arg(long, value_name = "FILE")]
    pub heading_font: Option<PathBuf>,
}

/// `yusuan server …`: a bureau's library on its PostgreSQL server.
#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// 在服务器上设置用户权限（由预算库的所有者运行一次；再次运行不作改动）：各部门只能查看和修改本部门的草稿，审核人员可查看全部草稿
    Init,
    /// 添加（或更新）一个用户：登录名、所属部门或审核人员；口令从标准输入读一行
    AddUser {
        /// 登录名（小写字母、数字、下划线，以字母开头）
        name: String,
        /// 所属部门（与草稿的部门名称一致）
        #[arg(long)]
        department: Option<String>,
        /// 审核人员：可查看全部部门的草稿，不能修改
        #[arg(long)]
        reviewer: bool,
    },
    /// 列出用户及其所属部门
    Users,
}
