//! Last year's explanation, restated for next year in the department's own words.
//!
//! A region's 情况说明 is not one template: Jiangsu explains each table in turn (`一、收支预算总表
//! 情况说明 … 收、支预算总计各增加2043.58万元，增长10.87%`), Putuo item by item. Where every
//! amount the source's explanation prints is a cell of its own tables (or two rows of one, the
//! way `人员经费` adds 工资福利支出 and 对个人和家庭的补助), the draft keeps those sentences and
//! binds each figure to its cells: an amount (`20849.45万元`), the change after it
//! (`增加2043.58万元，增长10.87%` — of the amount before it), its share (`占99.29%` — of the
//! earlier amount whose share it was), or the words for no change (`与上年保持一致`). [`bind`]
//! does this once, at roll-forward, on the year-advanced text; [`render`] prints the sentences
//! with next year's cells and changes, so the section follows the leaves like the generated
//! one. A section with an amount no cell has is not restated (it would print a stale number);
//! last year's reasons stay as printed and are counted, for the draft rules to ask about.

mod bind;
mod find;
mod render;
mod words;
mod write;

pub use bind::Unbound;
pub(crate) use bind::{bind, Against, MIN_AMOUNTS};
pub use render::reason_keys;
pub(crate) use render::{carried_reasons, render, spoken, Values};
pub(crate) use write::bind_written;
