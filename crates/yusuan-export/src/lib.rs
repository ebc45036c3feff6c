//! The disclosure as the region publishes it: a PDF typeset in-process, and its XLSX.
//!
//! [`templates`] lists the region formats as data ([`Template`]: orientation, key columns of each
//! table kind, cover wording, the empty-table note); [`layout`] turns a [`yusuan_domain::Document`]
//! into pages of positioned text and rules (cover, 目录, narrative, every table with its
//! multi-level header repeated on each page, project descriptions and 绩效 forms), measuring text
//! with the chosen fonts ([`Fonts`]); [`pdf`] writes the pages with printpdf, the fonts embedded
//! as subsets, byte-identical for the same input and date; [`preflight`] reads the written PDF
//! back (page size and orientation, no blank page, every table, every number equal to the
//! source); [`svg`] draws the same pages for the in-app preview. [`xlsx`] writes the same tables as a workbook laid out for printing. No file I/O: font
//! bytes come from the caller.
#![deny(missing_docs)]

mod error;
mod fonts;
pub mod layout;
mod page;
pub mod pdf;
pub mod preflight;
pub mod svg;
mod template;
pub mod xlsx;

pub use error::ExportError;
pub use fonts::{choose_face, FontFace, Fonts};
pub use page::{Face, Item, Page};
pub use preflight::{preflight, Preflight};
pub use template::{template, template_for, templates, CodeStyle, Orientation, Template};

/// What the user chose for one export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The date printed on the cover and recorded in the file (`2026年2月`), and the file's
    /// creation date (`YYYY-MM-DD`).
    pub date: (i32, u8, u8),
    /// Page numbers in the footer.
    pub page_numbers: bool,
    /// Page numbers in the 目录 (needs `page_numbers`).
    pub contents_page_numbers: bool,
}

/// Exports `doc` as a PDF with `template`.
pub fn export_pdf(
    doc: &yusuan_domain::Document,
    template: &Template,
    fonts: &Fonts,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let pages = layout::layout(doc, template, fonts, options)?;
    pdf::write(&pages, fonts, &doc.meta.title, options)
}
