//! Pages to PDF with printpdf: the two fonts embedded as subsets, text selectable, and the file
//! byte-identical for the same pages and date (fixed font resource names, dates from the export
//! options, the trailer /ID a hash of the content).

use crate::page::{Face, Item};
use crate::{ExportError, ExportOptions, Fonts, Page};
use printpdf::{
    Date, DateTime, FontId, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, Time,
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
            Item::Text {
                x,
                y,
                size,
                face,
                text,
            } => {
                let font = match face {
                    Face::Body => body.clone(),
                    Face::Heading => heading.clone(),
                };
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font),
                    size: pt(*size),
                });
                ops.push(Op::SetTextCursor { pos: point(*x, *y) });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                if (*width - thickness).abs() > f32::EPSILON {
                    ops.push(Op::SetOutlineThickness { pt: pt(*width) });
                    thickness = *width;
                }
                let p = |x: f32, y: f32| LinePoint {
                    p: point(x, y),
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![p(*x1, *y1), p(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
        }
    }
    ops
}

/// Writes the pages as a PDF.
pub fn write(
    pages: &[Page],
    fonts: &Fonts,
    title: &str,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let parse = |f: &crate::FontFace| {
        ParsedFont::from_bytes(&f.bytes, f.index as usize, &mut Vec::new())
            .ok_or_else(|| ExportError::Font(format!("{} 无法嵌入", f.name)))
    };
    // The two faces parsed side by side (each is a 20–26 MB collection).
    let (body_font, heading_font) = std::thread::scope(|s| {
        let h = s.spawn(|| parse(&fonts.heading));
        let b = parse(&fonts.body);
        (
            b,
            h.join()
                .unwrap_or_else(|_| Err(ExportError::Font("标题字体无法读取".into()))),
        )
    });
    let mut doc = PdfDocument::new(title);
    let (y, m, d) = options.date;
    let when = DateTime::new_in_offset(
        Date {
            year: y,
            month: m,
            day: d,
        },
        Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        Offset {
            hours: 8,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    );
    doc.metadata.info.creation_date = when;
    doc.metadata.info.modification_date = when;
    doc.metadata.info.metadata_date = when;
    doc.metadata.info.creator = "预算 Yusuan".into();
    doc.metadata.info.producer = "预算 Yusuan (printpdf)".into();
    let body = FontId("F1".into());
    let heading = FontId("F2".into());
    doc.resources
        .fonts
        .map
        .insert(body.clone(), PdfFont::new(body_font?));
    doc.resources
        .fonts
        .map
        .insert(heading.clone(), PdfFont::new(heading_font?));
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| {
            PdfPage::new(
                Mm::from(pt(p.width)),
                Mm::from(pt(p.height)),
                ops(p, &body, &heading),
            )
        })
        .collect();
    let doc = doc.with_pages(pdf_pages);
    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&save, &mut Vec::new());
    lo.compress();
    // The file's /ID: a hash of what it holds, instead of printpdf's per-process counter.
    let mut h = Sha256::new();
    for p in pages {
        h.update(format!("{:?}", p.items).as_bytes());
    }
    h.update(title.as_bytes());
    h.update(format!("{y}-{m}-{d}").as_bytes());
    let digest = h.finalize();
    tag_subsets(&mut lo, &digest);
    drop_empty_info(&mut lo);
    let id: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    let id = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal);
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| ExportError::Empty(format!("PDF 无法写出：{e}")))?;
    Ok(out)
}

/// A subset font's name carries a tag of six capital letters and a `+` (ISO 32000-1, 9.6.4):
/// printpdf writes its resource id (`F1+`), which preflight tools read as a font that is not a
/// subset. Each subset's tag is made from the content hash and its own name, so the same pages
/// give the same file; `/BaseFont` and the descriptor's `/FontName` stay the same name.
fn tag_subsets(lo: &mut lopdf::Document, digest: &[u8]) {
    let mut renamed = std::collections::BTreeMap::new();
    for object in lo.objects.values_mut() {
        retag(object, digest, &mut renamed);
    }
}

/// Retags the font names in an object and every dictionary nested in it (a descendant font's
/// dictionary sits inline in its parent's array).
fn retag(
    object: &mut lopdf::Object,
    digest: &[u8],
    renamed: &mut std::collections::BTreeMap<Vec<u8>, Vec<u8>>,
) {
    match object {
        lopdf::Object::Array(items) => items.iter_mut().for_each(|o| retag(o, digest, renamed)),
        lopdf::Object::Dictionary(dict) => {
            for key in [&b"BaseFont"[..], &b"FontName"[..]] {
                let Ok(lopdf::Object::Name(name)) = dict.get(key) else {
                    continue;
                };
                let Some(plus) = name.iter().position(|b| *b == b'+') else {
                    continue;
                };
                let (tag, rest) = (&name[..plus], name[plus + 1..].to_vec());
                if tag.len() == 6 && tag.iter().all(u8::is_ascii_uppercase) {
                    continue;
                }
                let new = renamed.entry(name.clone()).or_insert_with(|| {
                    let mut h = Sha256::new();
                    h.update(digest);
                    h.update(&name[..]);
                    let letters: Vec<u8> =
                        h.finalize().iter().take(6).map(|b| b'A' + b % 26).collect();
                    [letters, b"+".to_vec(), rest].concat()
                });
                dict.set(key, lopdf::Object::Name(new.clone()));
            }
            for (_, v) in dict.iter_mut() {
                retag(v, digest, renamed);
            }
        }
        _ => {}
    }
}

/// printpdf writes an empty `/GTS_PDFXVersion` into the info dictionary; strict preflight tools
/// read any such key as a PDF/X claim the file does not make, so an empty one goes (and empty
/// trapping and conformance keys with it).
fn drop_empty_info(lo: &mut lopdf::Document) {
    let Ok(info) = lo
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    if let Ok(lopdf::Object::Dictionary(dict)) = lo.get_object_mut(info) {
        let empty: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(k, v)| {
                k.starts_with(b"GTS_") && matches!(v, lopdf::Object::String(s, _) if s.is_empty())
            })
            .map(|(k, _)| k.clone())
            .collect();
        for k in empty {
            dict.remove(&k);
        }
    }
}
