//! The budget domain of Yusuan, in the vocabulary of the documents themselves.
//!
//! This crate holds the model every other crate speaks: exact [`Amount`]s with their [`Unit`]
//! (元 or 万元), classification codes ([`FunctionCode`] 类/款/项 and [`EconomicCode`] 类/款) in one
//! canonical form, the published disclosure [`Document`] (cover, narrative sections, tables,
//! project descriptions with their seven parts, performance target forms with their indicator
//! tree). Drafts live in `yusuan-draft`. It does no I/O, reads
//! no clock and cannot panic on user data: parsing functions return `Result`.
#![deny(missing_docs)]

mod amount;
mod code;
mod document;
mod label;
mod location;
mod mention;
mod numbers;
mod performance;
mod product;
mod project;
mod stated;
mod table;

pub use amount::{parse_amount, Amount, AmountError, Unit};
pub use code::{CodeError, CodeLevel, EconomicCode, FunctionCode};
pub use document::{
    BudgetUnit, ContentsEntry, DocKind, Document, DocumentMeta, FunctionAmounts, Paragraph,
    RegionalFormat, Scope, Section, SectionKind, UnitKind, Unrecognised,
};
pub use label::{
    compact, department_key, label_key, name_key, name_similarity, names_non_money,
    says_tables_attached, strip_numbering,
};
pub use location::Location;
pub use mention::{mentions, name_before, section_texts, Mention, SectionText};
pub use numbers::NumberEntry;
pub use performance::{FundKey, Funds, Indicator, IndicatorValue, Operator, PerformanceForm};
pub use product::{products, Product, Term};
pub use project::{ItemLevel, ItemisedAmount, ProjectDescription, ProjectPart, ProjectPartKind};
pub use stated::{AssetSummary, PerformanceSummary, Procurement, StatedFigures, UnitCounts};
pub use table::{sum_identities, Cell, Column, LedgerSide, Row, RowCode, Table, TableKind};
