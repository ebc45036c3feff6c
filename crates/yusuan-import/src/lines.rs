//! Text to numbered lines with cells: page marks, `<p>` tags and page-number lines handled.

use yusuan_domain::Location;

/// One line of the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Where it was.
    pub location: Location,
    /// The text, tags removed, trailing whitespace trimmed.
    pub text: String,
    /// The cells when the line is tab-separated (trimmed; empty cells kept), else one cell.
    pub cells: Vec<String>,
    /// For lines read from a PDF: each cell's horizontal extent on the page, in points
    /// (layout coordinates, not money). Empty for plain text.
    pub spans: Vec<(f32, f32)>,
    /// For lines read from a ruled PDF table: the box of drawn rules each cell sits in (one per
    /// cell, `None` where it is not enclosed). Empty when the page has no rules or for text.
    pub boxes: Vec<Option<CellBox>>,
}

/// A ruled cell's extent on the page, in points from the top left (layout coordinates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellBox {
    /// Left rule.
    pub left: f32, // layout
    /// Rule above.
    pub top: f32, // layout
    /// Right rule.
    pub right: f32, // layout
    /// Rule below.
    pub bottom: f32, // layout
}

/// Boxes this close (points) are the same drawn cell.
pub(crate) const SAME_BOX: f32 = 1.0; // layout

/// Whether two boxes are the same drawn cell: each rule within [`SAME_BOX`] of the other's.
#[inline]
pub(crate) fn same_box(a: &CellBox, b: &CellBox) -> bool {
    (a.left - b.left).abs() < SAME_BOX
        && (a.right - b.right).abs() < SAME_BOX
        && (a.top - b.top).abs() < SAME_BOX
        && (a.bottom - b.bottom).abs() < SAME_BOX
}

impl Line {
    /// Whether the line has no visible text.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The text without any whitespace (for matching headings).
    pub fn compact(&self) -> String {
        self.text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Whether the line is tab-separated into several cells.
    pub fn is_tabular(&self) -> bool {
        self.cells.len() > 1
    }
}

/// A text with its control characters removed (tab and line feed kept: they separate cells and
/// lines). A document's text is shown in a terminal and in the window: a control character
/// (an escape sequence, a bell) is never content, and printed raw it could rewrite the
/// user's terminal.
pub(crate) fn without_controls(s: String) -> String {
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n'))
    {
        s.chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
            .collect()
    } else {
        s
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let tail = &rest[i..];
        let close = tail.find('>');
        let is_tag = close.is_some_and(|j| {
            let inner = tail[1..j].trim_start_matches('/').trim();
            !inner.is_empty()
                && inner.len() <= 6
                && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
        });
        out.push_str(&rest[..i]);
        if is_tag {
            rest = &tail[close.unwrap_or(0) + 1..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    let inner = t
        .trim_start_matches(['-', '—', '－'])
        .trim_end_matches(['-', '—', '－'])
        .trim();
    let inner = inner
        .strip_prefix('第')
        .and_then(|s| s.strip_suffix('页'))
        .unwrap_or(inner);
    inner.len() < t.len()
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_digit())
}

/// Splits text into lines; a form feed starts a new page (pages are then numbered from 1).
pub fn split_lines(text: &str) -> Vec<Line> {
    let has_pages = text.contains('\u{c}');
    let mut page = 1u32;
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let mut raw = raw.trim_end_matches('\r');
        if raw.contains('\u{c}') {
            page += raw.matches('\u{c}').count() as u32;
            raw = raw.trim_start_matches('\u{c}');
        }
        let cleaned = without_controls(strip_tags(raw).replace('\u{c}', ""));
        let text = cleaned
            .trim_end_matches([' ', '\r', '\u{3000}'])
            .to_string();
        let location = Location {
            page: has_pages.then_some(page),
            line: Some(i as u32 + 1),
        };
        if is_page_number(&text) {
            out.push(Line {
                location,
                text: String::new(),
                cells: vec![String::new()],
                spans: vec![],
                boxes: vec![],
            });
            continue;
        }
        let cells = if text.trim().is_empty() {
            vec![String::new()]
        } else if text.contains('\t') {
            text.split('\t').map(|c| c.trim().to_string()).collect()
        } else {
            vec![text.trim().to_string()]
        };
        out.push(Line {
            location,
            text,
            cells,
            spans: vec![],
            boxes: vec![],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_tags_pages() {
        let lines = split_lines("a\tb\t\t<p>c</p>\r\n- 5 -\n\u{c}x < y");
        assert_eq!(lines[0].cells, vec!["a", "b", "", "c"]);
        assert!(lines[1].is_blank());
        assert_eq!(lines[2].text, "x < y");
        assert_eq!(lines[2].location.page, Some(2));
        assert_eq!(lines[2].location.line, Some(3));
        assert!(!is_page_number("2026"));
        assert!(is_page_number("第3页"));
    }

    #[test]
    fn control_characters_are_not_text() {
        let lines = split_lines("某局\u{1b}[31m\u{7}\t1,000\u{0}\u{85}\r\n");
        assert_eq!(lines[0].cells, vec!["某局[31m", "1,000"]);
        assert_eq!(without_controls("一\n二".into()), "一\n二");
    }
}
