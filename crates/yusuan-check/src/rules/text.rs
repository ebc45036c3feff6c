//! The text itself (W001–W003): placeholders left in, a paragraph repeated verbatim, and years
//! that are neither the budget year nor the year before (outside quoted titles).

use crate::{Finding, FindingLocation, Severity};
use yusuan_domain::{Document, Location};

/// Every narrative paragraph with its section title.
fn paragraphs(doc: &Document) -> impl Iterator<Item = (&str, &yusuan_domain::Paragraph)> {
    doc.sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(move |p| (s.title.as_str(), p)))
}

/// An announced reason with nothing after it (`主要原因是。`, `原因是：；`): a reason the text
/// promised and never wrote.
const EMPTY_REASONS: [&str; 8] = [
    "原因是。",
    "原因是；",
    "原因是，",
    "原因是：。",
    "原因是:。",
    "原因为。",
    "原因是…",
    "原因是……",
];

/// W001: placeholders (`XX`, `××`, `待填`, `＊＊`, an empty `主要原因是。`) in the text, its headings
/// or table labels.
pub fn placeholders(doc: &Document) -> Vec<Finding> {
    const MARKS: [&str; 7] = ["XX", "xx", "××", "ＸＸ", "待填", "待补充", "＊＊"];
    let mut out = Vec::new();
    // An empty reason in the narrative names the figure whose reason it is, read in the
    // section's whole text (a sentence runs over printed lines).
    for text in yusuan_domain::section_texts(doc) {
        for m in EMPTY_REASONS {
            for (i, _) in text.text.match_indices(m) {
                out.push(empty_reason(
                    &text.text,
                    i,
                    m,
                    FindingLocation::in_section(&text.title, text.location(i)),
                ));
            }
        }
    }
    let mut report = |text: &str, loc: FindingLocation, narrative: bool| {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(m) = EMPTY_REASONS
            .iter()
            .find(|m| !narrative && compact.contains(**m))
        {
            let at = compact.find(m).unwrap_or(0);
            out.push(empty_reason(&compact, at, m, loc.clone()));
        }
        if let Some(m) = MARKS.iter().find(|m| text.contains(**m)) {
            let at = text.find(m).unwrap_or(0);
            let snippet: String = text[at..].chars().take(20).collect();
            out.push(Finding {
                rule: "W001",
                severity: Severity::Warning,
                message: format!("文中留有占位符“{m}”：{snippet}"),
                location: loc,
                expected: Some("实际内容".into()),
                actual: Some(m.to_string()),
                hint: Some("替换为实际内容后再公开".into()),
            });
        }
    };
    for (title, p) in paragraphs(doc) {
        report(
            &p.text,
            FindingLocation::in_section(title, p.location),
            true,
        );
    }
    // A heading is text too (`第二部分 上海市普陀区XX局 2024年度部门决算表`).
    for s in &doc.sections {
        report(
            &s.title,
            FindingLocation::in_section(&s.title, s.location),
            false,
        );
    }
    for t in &doc.tables {
        for r in &t.rows {
            report(
                &r.label,
                FindingLocation {
                    table: Some(t.title.clone()),
                    row: Some(r.label.clone()),
                    page: r.location.page,
                    line: r.location.line,
                    ..Default::default()
                },
                false,
            );
        }
    }
    out
}

/// An empty reason at `i` of a section's text: named by the figure its sentence speaks of (the
/// words before the sentence's first amount: `（二）公务用车购置及运行费1.20万元，与2025年预算持平，
/// 主要原因是。` is 公务用车购置及运行费's), quoted with the words before it.
fn empty_reason(text: &str, i: usize, m: &str, loc: FindingLocation) -> Finding {
    let start = text[..i]
        .rfind(['。', '；'])
        .map_or(0, |s| s + '。'.len_utf8());
    let subject = yusuan_domain::mentions(&text[start..i])
        .first()
        .map(|f| f.name.clone())
        .filter(|n| !n.is_empty());
    let before: String = text[..i]
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let message = match &subject {
        Some(s) => format!("“{s}”的原因说明是空的：{before}{m}"),
        None => format!("原因说明是空的：{before}{m}"),
    };
    Finding {
        rule: "W001",
        severity: Severity::Warning,
        message,
        location: loc,
        expected: Some(match &subject {
            Some(s) => format!("写明{s}增减变化的主要原因"),
            None => "写明主要原因".into(),
        }),
        actual: Some(m.to_string()),
        hint: Some("补写增减变化的主要原因后再公开".into()),
    }
}

/// W002: a paragraph of some length printed twice, word for word.
pub fn repeated_paragraphs(doc: &Document) -> Vec<Finding> {
    let mut seen: Vec<(String, Location)> = Vec::new();
    let mut out = Vec::new();
    for (title, p) in paragraphs(doc) {
        let t: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
        if t.chars().count() < 30 {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == t) {
            out.push(Finding {
                rule: "W002",
                severity: Severity::Info,
                message: format!("此段与第{}行的段落一字不差", first.line.unwrap_or(0)),
                location: FindingLocation::in_section(title, p.location),
                expected: None,
                actual: Some(t.chars().take(30).collect::<String>() + "…"),
                hint: Some("确认是否重复粘贴".into()),
            });
        } else {
            seen.push((t, p.location));
        }
    }
    out
}

/// W003: a year in the text that is neither the budget year nor the one before, outside 《》 and
/// quoted titles.
pub fn stray_years(doc: &Document) -> Vec<Finding> {
    let year = doc.meta.year;
    if year == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (title, p) in paragraphs(doc) {
        let mut depth = 0i32;
        let chars: Vec<char> = p.text.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            match chars[k] {
                '《' | '“' | '〔' | '[' | '【' => depth += 1,
                '》' | '”' | '〕' | ']' | '】' => depth -= 1,
                _ => {}
            }
            let is_year = k + 5 <= chars.len()
                && chars[k..k + 4].iter().all(char::is_ascii_digit)
                && (k == 0 || !chars[k - 1].is_ascii_digit())
                && chars[k + 4] == '年';
            if is_year && depth <= 0 {
                let y: i32 = chars[k..k + 4]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                if (2000..2100).contains(&y) && y != year && y != year - 1 {
                    out.push(Finding {
                        rule: "W003",
                        severity: Severity::Info,
                        message: format!("文中出现{y}年（预算年度为{year}年）"),
                        location: FindingLocation::in_section(title, p.location),
                        expected: Some(format!("{year}年或{}年", year - 1)),
                        actual: Some(format!("{y}年")),
                        hint: Some("确认不是沿用往年文稿未改的年份".into()),
                    });
                    break;
                }
            }
            k += 1;
        }
    }
    out
}
