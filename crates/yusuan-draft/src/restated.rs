//! A source 情况说明 as the draft keeps it: its paragraphs as pieces — words, and figures bound to
//! what they are (a narrative figure, a line, table cells) — which [`crate::restate`] binds at
//! roll-forward and prints with the draft's values. Data only.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use yusuan_domain::{SectionKind, Unit};

/// A source section read as sentences over the tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restatement {
    /// Which section it stands for.
    pub kind: SectionKind,
    /// Its paragraphs, each a run of pieces.
    pub paragraphs: Vec<Vec<Piece>>,
    /// Reasons the source gave (`主要原因是…`) that follow no change it states: carried as
    /// printed, last year's words, for the draft rules to ask about.
    pub reasons: usize,
    /// Written for this year by the user (not last year's words): its reasons are this year's,
    /// and it prints as written — nothing added after its figures, nothing generated after it.
    #[serde(default)]
    pub written: bool,
}

/// A table cell a figure is bound to: the draft's table (by its place in the layout), its row
/// (code, else label as a key) and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellRef {
    /// Index into the draft's layout.
    pub table: usize,
    /// The row's code, or its label as a `label_key`.
    pub row: String,
    /// The value column.
    pub column: usize,
}

/// How a figure was printed: in 万元 or 元, with how many decimals, with or without thousands
/// separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredForm", into = "StoredForm")]
pub struct Form {
    /// The unit printed after the figure.
    pub unit: Unit,
    /// Decimals printed.
    pub decimals: u32,
    /// `20,849.45` (else `20849.45`).
    pub separators: bool,
}

/// [`Form`] as drafts store it (`"wan": true` for 万元), so that drafts saved before the unit was
/// typed read the same.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct StoredForm {
    wan: bool,
    decimals: u32,
    separators: bool,
}

impl From<StoredForm> for Form {
    fn from(f: StoredForm) -> Form {
        let unit = if f.wan { Unit::WanYuan } else { Unit::Yuan };
        Form {
            unit,
            decimals: f.decimals,
            separators: f.separators,
        }
    }
}

impl From<Form> for StoredForm {
    fn from(f: Form) -> StoredForm {
        StoredForm {
            wan: f.unit == Unit::WanYuan,
            decimals: f.decimals,
            separators: f.separators,
        }
    }
}

/// What a printed figure is: one of the draft's narrative figures (`说明|财政拨款支出`: the
/// money of a kind, whatever table prints it), a line of the figures stated outside the tables
/// (`情况|车辆`), or the sum of cells — one cell, or two rows of one
/// table the text names together (`人员经费` = 工资福利支出 + 对个人和家庭的补助).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Of {
    /// A narrative figure, by its key.
    Figure {
        /// `说明|…`.
        key: String,
    },
    /// A line of the draft (a 政府采购 part, a 国有资产 count, the 绩效目标 summary), by its
    /// address: its value, in 元 or counted.
    Line {
        /// `采购|货物`, `情况|车辆` ….
        key: String,
    },
    /// Table cells, added.
    Cells {
        /// The cells.
        cells: Vec<CellRef>,
    },
}

/// A part of a source's own 执行数 sentence ([`Piece::Actual`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum ActualPart {
    /// Words kept as printed (years advanced).
    Words {
        /// The words.
        text: String,
    },
    /// Last year's 执行数 of the item, with its unit.
    Actual {
        /// As printed.
        form: Form,
    },
    /// This year's budget of the item, with its unit.
    Budget {
        /// As printed.
        form: Form,
    },
    /// The rate of the budget against the 执行数 (`减少57.14%`; `持平`).
    Rate {
        /// The rate's decimals.
        decimals: u32,
        /// The word printed before a rise's rate (`增加`, `增长` …).
        up: String,
        /// The word printed before a fall's rate (`减少`, `下降` …).
        down: String,
    },
}

/// A piece of a restated paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "piece", rename_all = "snake_case")]
pub enum Piece {
    /// Words kept as printed.
    Text {
        /// The words.
        text: String,
    },
    /// An amount with its unit (`20849.45万元`).
    Amount {
        /// What it is.
        of: Of,
        /// As printed.
        form: Form,
    },
    /// A change of a figure: `增加X万元` / `减少X万元`, then `，增长R%` / `，下降R%` when the
    /// source printed a rate (its decimals); `持平` when there is none.
    Change {
        /// The figure whose change it is.
        of: Of,
        /// The figure as last year printed it, in 元: what it changed from.
        #[serde(with = "rust_decimal::serde::str")]
        was: Decimal,
        /// As the change was printed.
        form: Form,
        /// The rate's decimals, when one followed.
        rate: Option<u32>,
        /// The word printed before the rate (`减少100%`), kept while the change goes its way.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rate_word: Option<String>,
        /// In a text written this year: the change as written (`增加（减少）0万元，增长（减少）0%`)
        /// and the figure's value then (元) — printed as written while the figure has it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        written: Option<(String, Decimal)>,
    },
    /// Words saying the figure did not change (`与上年保持一致`): kept while it does not, else
    /// the change (`与上年相比增加X万元，增长R%`).
    Same {
        /// The figure.
        of: Of,
        /// The figure as last year printed it, in 元.
        #[serde(with = "rust_decimal::serde::str")]
        was: Decimal,
        /// As its amount was printed.
        form: Form,
        /// The words printed.
        text: String,
    },
    /// Last year's reason for the change before it (`主要原因是…`): printed while the figure
    /// still changes and the draft gives no reason of its own for it; the draft's reason
    /// (written under `key`, or for the figure or line whose change it is) in its place; nothing
    /// once the figure no longer changes.
    Reason {
        /// The figure whose change it explains.
        of: Of,
        /// The figure as last year printed it, in 元.
        #[serde(with = "rust_decimal::serde::str")]
        was: Decimal,
        /// As the figure was printed.
        form: Form,
        /// The key a reason for it is written under (`说明|社会保障和就业支出`).
        key: String,
        /// Last year's words, as printed.
        text: String,
    },
    /// An item's comparison with last year's 执行数 (`，比2025年执行数140.42万元减少96.59万元，下降
    /// 68.79%`): printed from the 执行数 the draft holds for the item's code, or left out.
    Actual {
        /// The item's function code.
        code: String,
        /// The source's own sentence for it, where it words it so (`2025年当年预算执行数为60.13
        /// 万元，2026年预算安排25.77万元，比2025年预算执行数减少57.14%。`); else the draft's clause.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sentence: Option<Vec<ActualPart>>,
    },
    /// Last year's reason after an item's own 执行数 sentence (`主要原因是：项目调整。`): it explains
    /// the comparison with the 执行数, so it prints while the draft holds one for the item — the
    /// draft's reasons for the item in its place, else last year's words (for the user to
    /// check) — and nothing while it holds none.
    ActualReason {
        /// The item's function code.
        code: String,
        /// The key a reason for the item is written under (`说明|项|2010507`).
        key: String,
        /// Last year's words, as printed.
        text: String,
    },
    /// A count (`共有车辆12辆`: the 12) of a line of the draft.
    Count {
        /// The line.
        of: Of,
    },
    /// A share (`占99.29%`) of one figure in another.
    Share {
        /// The part.
        of: Of,
        /// The whole.
        whole: Of,
        /// Decimals of the percentage.
        decimals: u32,
    },
}

/// The subjects of the stated figures a text speaks of (its paragraphs of them are not generated
/// again beside it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Subjects {
    /// 政府采购.
    pub procurement: bool,
    /// 绩效目标.
    pub performance: bool,
    /// 国有资产.
    pub assets: bool,
}

/// A 一般公共预算 item's tail in its parts (what the generated 编制说明 prints after the item's
/// amount), for a restated text, which words its items its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ItemTail {
    /// The 执行数 clause (`，比2025年执行数…`), empty without one.
    pub actual_clause: String,
    /// The reasons (`，主要原因是…`), empty without any.
    pub reasons: String,
    /// The item's budget this year, 元.
    pub current: Decimal,
    /// Last year's 执行数, 元, where given.
    pub actual: Option<Decimal>,
}
