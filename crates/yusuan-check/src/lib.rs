//! The reviewer's rules: every check is a function from a [`Document`] to [`Finding`]s.
//!
//! A [`Rule`] has a stable id (`T001` …), a severity (错误 blocks export, 警告 needs a written
//! explanation, 提示 is a hint), a Chinese description and an example; [`RULES`] is the
//! registry, [`check`] runs all of them and returns every finding, never only the first.
//! Amounts are compared exactly with the printed precision: exact in 元; in 万元 each summed
//! term may carry ±0.005 of rounding, so a difference within that tail is a 提示, not an 错误.
//! The crate does no I/O.
#![deny(missing_docs)]

mod finding;
mod rules;
mod tolerance;

pub use finding::{Finding, FindingLocation, Severity};
pub use rules::codes::{
    catalogue_name, class_name, economic_standard, renamed_class_code, renamed_for_year,
    FUNCTION_CLASS_NAMES,
};
pub use rules::completeness::{listed_tables, tables_published_apart, Listed};
pub use rules::misread::{misread_tables, Misread};
pub use rules::{Rule, RULES};

use yusuan_domain::Document;

/// Runs every rule of the registry on `doc`; findings sorted by severity, then place.
pub fn check(doc: &Document) -> Vec<Finding> {
    check_except(doc, &[])
}

/// [`check`] without the rules `skip` names (a draft, whose generated text states every change,
/// does not run N006; see yusuan-draft's R001).
pub fn check_except(doc: &Document, skip: &[&str]) -> Vec<Finding> {
    // One cause, one finding: a misprinted code is D005's (on the document as printed); every
    // other rule checks the document with the code put right.
    let repaired = rules::misprint::repaired(doc);
    let subject = repaired.as_ref().unwrap_or(doc);
    let _shared = rules::narrative::SharedReading::begin(subject);
    // A rule that fails on an input it did not foresee reports that, instead of crashing.
    let mut out: Vec<Finding> = RULES
        .iter()
        // T006 is read off the other rules' findings below, not run again.
        .filter(|r| !skip.contains(&r.id) && r.id != "T006")
        .flat_map(|r| {
            let on = if r.id == "D005" { doc } else { subject };
            std::panic::catch_unwind(|| (r.run)(on)).unwrap_or_else(|_| {
                vec![Finding {
                    rule: r.id,
                    severity: Severity::Warning,
                    message: format!(
                        "规则 {} 未能完成检查（内部错误），请人工核对此项：{}",
                        r.id, r.description
                    ),
                    location: FindingLocation::default(),
                    expected: None,
                    actual: None,
                    hint: Some("请将此文档反馈给开发者".into()),
                }]
            })
        })
        .collect();

    // One cause, one finding: a paragraph read twice (a clipped page, content repeated on the
    // next page) raises its findings where it first appears; W002 reports the repetition itself.
    let mut repeated = std::collections::HashSet::new();
    for section in &doc.sections {
        let mut texts = std::collections::HashSet::new();
        for p in &section.paragraphs {
            let t: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
            if !t.is_empty() && !texts.insert(t) {
                repeated.insert((p.location.page, p.location.line));
            }
        }
    }
    out.retain(|f| {
        f.rule == "W002"
            || f.location.section.is_none()
            || !repeated.contains(&(f.location.page, f.location.line))
    });
    hold_back_assumed_units(doc, &mut out);
    // A table read wrong is not blamed on the document (T006 says which and why).
    let misread = rules::misread::misread_in(subject, &out);
    rules::misread::hold_back(&misread, &mut out);
    if !skip.contains(&"T006") {
        out.extend(rules::misread::findings(&misread));
    }
    out.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(a.location.line.cmp(&b.location.line))
            .then(a.rule.cmp(b.rule))
    });
    out
}

/// A 错误 that rests on a table whose unit the document does not print (its amounts read as 元,
/// perhaps 10,000× too small) is not confirmed: a 提示 saying what could not be read, never the
/// document's 错误.
fn hold_back_assumed_units(doc: &Document, out: &mut [Finding]) {
    if doc.assumed_units.is_empty() {
        return;
    }
    // Each such table by its title and by the name a finding gives its kind.
    let names: Vec<(&str, Vec<&str>)> = doc
        .tables
        .iter()
        .filter(|t| doc.assumed_units.contains(&t.title))
        .map(|t| (t.title.as_str(), vec![t.title.trim(), t.kind.label()]))
        .collect();
    for f in out.iter_mut().filter(|f| f.severity == Severity::Error) {
        let on = names.iter().find(|(title, words)| {
            f.location.table.as_deref() == Some(*title)
                || words.iter().any(|w| !w.is_empty() && f.message.contains(w))
        });
        if let Some((title, _)) = on {
            f.severity = Severity::Info;
            f.message = format!(
                "{}（“{title}”未印出金额单位，按元读取，无法确认）",
                f.message
            );
        }
    }
}

/// `docs/rules.md`, generated from the registry.
pub fn rules_markdown() -> String {
    let mut s = String::from("# Rules\n\nGenerated from the rule registry (`crates/yusuan-check/src/rules`); do not edit by hand:\n`UPDATE_GOLDEN=1 cargo test -p yusuan-check` rewrites it.\n\n| id | severity | what it checks | example |\n|---|---|---|---|\n");
    for r in RULES {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.id,
            r.severity.label(),
            r.description,
            r.example
        ));
    }
    s
}
