//! D005: a classification code printed wrong (`7 社会保障和就业支出` where the 类 is 208). One
//! cause, one finding: the row is reported once with the code it should be, and every other
//! rule checks the document as if the code were right — the row's amounts still add up where
//! they belong instead of raising a T002 on every column of the 合计 above it.
//!
//! A row is misprinted when it sits among classified rows with no code of its own, its label
//! opens with digits that are no code (not 3/5/7 digits), and the code it should be is known
//! twice over: the row under it is a child of that code, and the rest of the label is that
//! code's name (the catalogue's, or the 类's).

use super::codes::catalogue_name;
use crate::{Finding, Severity};
use yusuan_domain::{name_key, Document, EconomicCode, FunctionCode, Row, RowCode, Table};

/// The printed digits and the name of a label that opens with digits (`7社会保障和就业支出`).
fn leading_digits(label: &str) -> Option<(String, String)> {
    let l = name_key(label);
    let digits: String = l.chars().take_while(|c| c.is_ascii_digit()).collect();
    let name = l[digits.len()..].to_string();
    (!digits.is_empty() && !name.is_empty() && !name.starts_with(['.', '、', '．']))
        .then_some((digits, name))
}

/// The code row `i` of `t` should have, and the digits it prints instead.
pub(crate) fn misprinted(t: &Table, i: usize) -> Option<(RowCode, String)> {
    let r = &t.rows[i];
    if r.code.is_some() || r.is_total() {
        return None;
    }
    let (digits, name) = leading_digits(&r.label)?;
    let next = t.rows.get(i + 1)?;
    let (parent, function) = match &next.code {
        Some(RowCode::Function(c)) => (c.parent()?.as_str().to_string(), true),
        Some(RowCode::Economic(c)) => (c.parent()?.as_str().to_string(), false),
        _ => return None,
    };
    // Digits that are a code of their own are a code, not a misprint.
    let valid = if function {
        FunctionCode::parse(&digits).is_ok()
    } else {
        EconomicCode::parse(&digits).is_ok()
    };
    if valid
        || t.rows
            .iter()
            .any(|o| o.code.as_ref().is_some_and(|c| c.as_str() == parent))
    {
        return None;
    }
    let known = catalogue_name(&parent)
        .map(str::to_string)
        .or_else(|| super::codes::class_name(&parent).map(str::to_string))?;
    if name_key(&known) != name {
        return None;
    }
    let code = if function {
        RowCode::Function(FunctionCode::parse(&parent).ok()?)
    } else {
        RowCode::Economic(EconomicCode::parse(&parent).ok()?)
    };
    Some((code, digits))
}

/// The document with every misprinted code put right (`None` when it has none).
pub(crate) fn repaired(doc: &Document) -> Option<Document> {
    let fixes: Vec<(usize, usize, RowCode)> = doc
        .tables
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| {
            (0..t.rows.len()).filter_map(move |i| misprinted(t, i).map(|(c, _)| (ti, i, c)))
        })
        .collect();
    if fixes.is_empty() {
        return None;
    }
    let mut doc = doc.clone();
    for (ti, i, code) in fixes {
        let row: &mut Row = &mut doc.tables[ti].rows[i];
        row.label = leading_digits(&row.label)
            .map(|(_, name)| name)
            .unwrap_or_default();
        row.code = Some(code);
    }
    Some(doc)
}

/// D005: each misprinted code, once.
pub fn run(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &doc.tables {
        for (i, r) in t.rows.iter().enumerate() {
            let Some((code, digits)) = misprinted(t, i) else {
                continue;
            };
            let name = leading_digits(&r.label).map(|(_, n)| n).unwrap_or_default();
            out.push(Finding {
                rule: "D005",
                severity: Severity::Error,
                message: format!("“{name}”的科目代码印为“{digits}”，应为 {}", code.as_str()),
                location: super::at(t, r, None),
                expected: Some(format!("{} {name}", code.as_str())),
                actual: Some(format!("{digits} {name}")),
                hint: Some("改正科目代码（其下级科目与名称都指向该代码）".into()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_opening_with_digits() {
        // check(input, expect)
        let cases = [
            ("7社会保障和就业支出", Some(("7", "社会保障和就业支出"))),
            ("7 社会保障和就业支出", Some(("7", "社会保障和就业支出"))),
            ("1.一般公共预算", None),
            ("社会保障和就业支出", None),
            ("2026", None),
        ];
        for (label, expect) in cases {
            assert_eq!(
                leading_digits(label),
                expect.map(|(d, n)| (d.to_string(), n.to_string())),
                "{label}"
            );
        }
    }
}
