//! Every number of a document in long form, one per entry (the CSV export and golden files).

use crate::{Cell, Document, Location};
use rust_decimal::Decimal;
use serde::Serialize;

/// One number of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberEntry {
    /// The table as titled in the document.
    pub table: String,
    /// The row's canonical code digits (empty when the row has none).
    pub row_code: String,
    /// The row's label.
    pub row_label: String,
    /// The header path joined with `/`.
    pub column: String,
    /// The exact value in 元.
    pub value_yuan: Decimal,
    /// The text as printed.
    pub printed: String,
    /// Where it was printed.
    pub location: Location,
}

impl Document {
    /// Every amount of every table, in printed order.
    pub fn numbers(&self) -> Vec<NumberEntry> {
        let mut out = Vec::new();
        for t in &self.tables {
            for r in &t.rows {
                for (ci, c) in r.cells.iter().enumerate() {
                    if let Cell::Amount { value, printed } = c {
                        let amount = crate::Amount { value: *value, unit: t.unit };
                        out.push(NumberEntry {
                            table: t.title.clone(),
                            row_code: r.code.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default(),
                            row_label: r.label.clone(),
                            column: t.columns.get(ci).map(|c| c.name()).unwrap_or_default(),
                            value_yuan: amount.to_yuan(),
                            printed: printed.clone(),
                            location: r.location,
                        });
                    }
                }
            }
        }
        out
    }
}
