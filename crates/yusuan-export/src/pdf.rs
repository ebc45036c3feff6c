//! Pages to PDF with printpdf: the two fonts embedded as subsets, text selectable, and the file
//! byte-identical for the same pages and date (fixed font resource names, dates from the export
//! options, the trailer /ID a hash of the content).

use crate::page::{Face, Item};
use crate::{ExportError, ExportOptions, Fonts, Page};
use printpdf::{
    Date, DateTime, FontId, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    TextItem, Time,
};
use sha2::{Digest, Sha256};

fn pt(v: f32) -> Pt {
    Pt(v)
}

fn point(x: f32, y: f32) -> Point {
    Point { x: pt(x), y: pt(y) }
}

fn ops(page: &Page, body: &FontId, heading: &FontId) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut thickness = -1.0f32;
    for item in &page.items {
        match item {
            Item::Text { x, y, size, face, text } => {
                let font = match face {
                    Face::Body => body.clone(),
                    Face::Heading => heading.clone(),
                };
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont { font: PdfFontHandle::External(font), size: pt(*size) });
                ops.push(Op::SetTextCursor { pos: point(*x, *y) });
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                ops.push(Op::EndTextSection);
            }
            Item::Rule { x1, y1, x2, y2, width } => {
                if (*width - thickness).abs() > f32::EPSILON {
                    ops.push(Op::SetOutlineThickness { pt: pt(*width) });
                    thickness = *width;
                }
                let p = |x: f32, y: f32| LinePoint { p: point(x, y), bezier: false };
                ops.push(Op::DrawLine { line: Line { points: vec![p(*x1, *y1), p(*x2, *y2)], is_closed: false } });
            }
        }
    }
    ops
}

/// Writes the pages as a PDF.
pub fn write(pages: &[Page], fonts: &Fonts, title: &str, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let parse = |f: &crate::FontFace| {
        ParsedFont::from_bytes(&f.bytes, f.index as usize, &mut Vec::new()).ok_or_else(|| ExportError::Font(format!("{} 无法嵌入", f.name)))
    };
    // The two faces parsed side by side (each is a 20–26 MB collection).
    let (body_font, heading_font) = std::thread::scope(|s| {
        let h = s.spawn(|| parse(&fonts.heading));
        let b = parse(&fonts.body);
        (b, h.join().unwrap_or_else(|_| Err(ExportError::Font("标题字体无法读取".into()))))
    });
    let mut doc = PdfDocument::new(title);
    let (y, m, d) = options.date;
    let when = DateTime::new_in_offset(Date { year: y, month: m, day: d }, Time { hour: 0, minute: 0, second: 0, millisecond: 0 }, Offset { hours: 8, minutes: 0, seconds: 0, milliseconds: 0 });
    doc.metadata.info.creation_date = when;
    doc.metadata.info.modification_date = when;
    doc.metadata.info.metadata_date = when;
    doc.metadata.info.creator = "预算 Yusuan".into();
    doc.metadata.info.producer = "预算 Yusuan (printpdf)".into();
    let body = FontId("F1".into());
    let heading = FontId("F2".into());
    doc.resources.fonts.map.insert(body.clone(), PdfFont::new(body_font?));
    doc.resources.fonts.map.insert(heading.clone(), PdfFont::new(heading_font?));
    let pdf_pages: Vec<PdfPage> = pages.iter().map(|p| PdfPage::new(Mm::from(pt(p.width)), Mm::from(pt(p.height)), ops(p, &body, &heading))).collect();
    let doc = doc.with_pages(pdf_pages);
    let save = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut lo = doc.to_lopdf_document(&save, &mut Vec::new());
    lo.compress();
    // The file's /ID: a hash of what it holds, instead of printpdf's per-process counter.
    let mut h = Sha256::new();
    for p in pages {
        h.update(format!("{:?}", p.items).as_bytes());
    }
    h.update(title.as_bytes());
    h.update(format!("{y}-{m}-{d}").as_bytes());
    let id: String = h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
    let id = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| ExportError::Empty(format!("PDF 无法写出：{e}")))?;
    Ok(out)
}
