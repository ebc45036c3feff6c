//! The pages as SVG for the in-app preview: the same laid-out pages the PDF is written from, so
//! what the user sees is where every run of text and every rule will print. Each run carries the
//! width the export font gives it (`textLength`), so a preview drawn with another installed CJK
//! font still keeps the PDF's line breaks and column alignment.

use crate::page::{Face, Item};
use crate::{ExportError, ExportOptions, Fonts, Page, Template};
use std::fmt::Write;

const BODY_FAMILY: &str = "SimSun, 'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const HEADING_FAMILY: &str = "SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One page as a standalone SVG document (points as units, white paper).
pub fn page_svg(page: &Page, fonts: &Fonts) -> String {
    let (w, h) = (page.width, page.height);
    let mut s = String::with_capacity(64 * page.items.len() + 256);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.1}" height="{h:.1}" viewBox="0 0 {w:.1} {h:.1}"><rect width="100%" height="100%" fill="#fff"/>"##
    );
    let _ = write!(s, r##"<g stroke="#000" stroke-linecap="square">"##);
    for item in &page.items {
        if let Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
        } = item
        {
            let _ = write!(
                s,
                r#"<line x1="{x1:.2}" y1="{:.2}" x2="{x2:.2}" y2="{:.2}" stroke-width="{width:.2}"/>"#,
                h - y1,
                h - y2
            );
        }
    }
    s.push_str("</g>");
    for item in &page.items {
        if let Item::Text {
            x,
            y,
            size,
            face,
            text,
        } = item
        {
            let (family, font) = match face {
                Face::Body => (BODY_FAMILY, &fonts.body),
                Face::Heading => (HEADING_FAMILY, &fonts.heading),
            };
            let length = font.width(text, *size);
            let _ = write!(
                s,
                r#"<text x="{x:.2}" y="{:.2}" font-size="{size:.2}" font-family="{family}" textLength="{length:.2}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">{}</text>"#,
                h - y,
                escape(text)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// Every page of `doc` as SVG, laid out exactly as [`crate::export_pdf`] lays it out.
pub fn preview(
    doc: &yusuan_domain::Document,
    template: &Template,
    fonts: &Fonts,
    options: &ExportOptions,
) -> Result<Vec<String>, ExportError> {
    let pages = crate::layout::layout(doc, template, fonts, options)?;
    Ok(pages.iter().map(|p| page_svg(p, fonts)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_document_text_stays_text() {
        assert_eq!(
            escape("<b>R&D</b> \"x\""),
            "&lt;b&gt;R&amp;D&lt;/b&gt; &quot;x&quot;"
        );
        assert_eq!(escape("a\u{7}b"), "a b");
    }
}
