//! Drafting next year's budget: leaf lines in, every table, total and narrative figure derived.
//!
//! A [`Draft`] holds only what a user decides: leaf lines ([`Leaf`], one amount in 元 keyed by
//! fund, function 项, 基本/项目 kind, economic 款, or a cell of a table whose structure is local),
//! the reasons for changes, and the texts carried from last year. Everything printed is derived:
//! [`derive`] turns a draft into a disclosure [`yusuan_domain::Document`] whose tables are sums of
//! leaves through each table's [`TableLayout`], and whose 编制说明 sentences are generated from the
//! same sums ([`narrative`]). [`roll_forward`] builds a draft from a stored document of year N,
//! keeping its amounts as the baseline with where each came from, and reports where the source
//! contradicts itself. [`draft_findings`] runs the document checker on the derived document plus
//! the draft rules. [`workbook`] writes the draft as an XLSX whose totals are formulas and reads
//! an edited one back. The crate does no file I/O and reads no clock.
#![deny(missing_docs)]

pub mod actuals;
pub mod carried;
mod derive;
pub mod edit;
mod empty;
mod eval;
mod finding;
mod grid_sums;
mod keys;
mod layout;
mod model;
pub mod narrative;
mod print;
pub mod project_funds;
pub mod restate;
pub mod restated;
pub mod rewrite;
mod roll;
mod rules;
mod sources;
mod template;
pub mod titles;
mod unit_view;
mod units;
pub mod workbook;

pub use derive::{derive, derive_table_values, DerivedCell};
pub use edit::{DraftEdit, EditError};
pub use eval::stated;
pub use layout::{class_name, Body, CellRule, ColumnRule, Query, RowRule, TableLayout};
pub use model::{
    address, parse_address, spend_kinds, Draft, Fund, Leaf, LeafKey, Origin, PrintChoices,
    PrintSetting, ProcurementPart, ProjectShare, SpendKind, StatedItem, TitleYears, Zeros,
    DRAFT_SCHEMA,
};
pub use roll::{roll_forward, RollError, RollReport, SourceContradiction};
pub use rules::{draft_findings, findings_on, DRAFT_RULES};
pub use template::{
    blank, name_forms, placeholder_text, template, BlankFor, TEMPLATES, TEMPLATE_DEPARTMENT,
};
pub use unit_view::{resolve_unit, unit_section_title, unit_view, unit_wording};
pub use units::{add_unit, listed_units, place, remove_unit, unit_names, Placed, UnitError};
