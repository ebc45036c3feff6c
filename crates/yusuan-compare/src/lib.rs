//! Years side by side. `compare` takes two or more documents (oldest first) and aligns every
//! amount of every table by (table kind, side, classification code or row label, column), in 元
//! whatever unit each document printed. Each aligned line carries its amounts, the change and
//! percent change from the first to the last document (exact decimals), its share of the
//! table's total, and flags (new, removed, beyond a threshold, renamed, mapped to a new code, a
//! 基本/项目 shift, a 三公 change), plus the reason the latest narrative gives. The narrative's
//! own prior-year quotes (`比2024年预算增加3,355.65万元`) are checked against the comparison and
//! reported as findings. `series` derives the chart data (by 功能类, 基本/项目, economic 类, a
//! waterfall of the largest changes, a multi-year trend). Catalogue changes between years are
//! data (`data/code-mapping.tsv`), not code. `execution` sets a 预算 beside the 决算 of its year
//! (预算执行: each code's budget, actual spending and execution rate).

mod align;
mod execution;
mod mapping;
mod model;
mod quotes;
mod series;

pub use align::{compare, pair_by_department};
pub use execution::{execution, Execution, ExecutionError, ExecutionLine};
pub use mapping::{CodeMapping, Mapping};
pub use model::{AlignedLine, Comparison, DocRef, Flag, LineKey, Options};
pub use series::{series, BarKind, ChartSeries, Point, Waterfall, WaterfallBar};
