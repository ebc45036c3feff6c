//! A finding of a draft rule: where the draft rules put it (the 编制 section, the line's address).

use yusuan_check::{Finding, FindingLocation, Severity};

/// A draft rule's finding on `row` (a line's address or a figure's key).
pub(crate) fn finding(
    rule: &'static str,
    severity: Severity,
    message: String,
    row: Option<String>,
    expected: Option<String>,
    actual: Option<String>,
) -> Finding {
    Finding {
        rule,
        severity,
        message,
        location: FindingLocation {
            row,
            section: Some("编制".into()),
            ..Default::default()
        },
        expected,
        actual,
        hint: None,
    }
}
