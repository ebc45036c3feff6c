//! Every page's text from a PDF file: the file opened (or salvaged when it was cut short),
//! refused when it needs a password or unpacks to more than any disclosure does, and its pages
//! read on every core — by our reader, or by `pdf-extract` when a font is beyond ours — within
//! a time limit. A panic inside a PDF library is caught here and reported as a damaged file.

use super::{extract, reader, salvage, PageText, TextLayer};
use crate::ImportError;
use std::io::Read;
use std::time::{Duration, Instant};

/// The most a PDF's streams may unpack to, in MB, all together (a disclosure's unpack to a few
/// tens of MB: its fonts and pages; more is a decompression bomb).
pub(crate) const MAX_INFLATED_MB: u64 = 1024; // limit
/// The longest reading a PDF may take (a disclosure reads in well under a second).
pub(crate) const MAX_SECONDS: u64 = 120; // limit

/// Why the pages could not be read.
enum Failure {
    Damaged(String),
    /// Needs a password to open.
    Encrypted,
    /// Its streams unpack to more than the limit.
    Inflates,
    /// Reading took longer than the limit.
    Slow,
}

impl From<String> for Failure {
    fn from(reason: String) -> Failure {
        Failure::Damaged(reason)
    }
}

/// The pages' text, and the number of pages that survive when the file was cut short.
pub(super) fn collect(
    file: &str,
    bytes: &[u8],
    layer: TextLayer,
) -> Result<(Vec<PageText>, Option<usize>), ImportError> {
    collect_within(
        file,
        bytes,
        layer,
        Limits {
            inflated_mb: MAX_INFLATED_MB,
            time: Duration::from_secs(MAX_SECONDS),
        },
    )
}

/// The limits one reading is held to (smaller in tests).
#[derive(Clone, Copy)]
pub(super) struct Limits {
    pub inflated_mb: u64,
    pub time: Duration,
}

pub(super) fn collect_within(
    file: &str,
    bytes: &[u8],
    layer: TextLayer,
    limits: Limits,
) -> Result<(Vec<PageText>, Option<usize>), ImportError> {
    let damaged = |reason: String| ImportError::Damaged {
        file: file.to_string(),
        reason,
    };
    if !bytes.starts_with(b"%PDF") {
        return Err(ImportError::Unsupported {
            file: file.to_string(),
            reason: "文件头不是 %PDF".into(),
        });
    }
    let deadline = Instant::now() + limits.time;
    let result = std::panic::catch_unwind(|| -> Result<(Vec<PageText>, Option<usize>), Failure> {
        let (doc, salvaged) = open(bytes, limits.inflated_mb)?;
        let pages: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
        let read = if salvaged.is_some() {
            read_salvaged(&doc, &pages, deadline)?
        } else {
            read_all(&doc, &pages, layer, deadline)?
        };
        Ok((read, salvaged))
    });
    let (pages, salvaged) = match result {
        Ok(Ok(read)) => read,
        Ok(Err(Failure::Damaged(reason))) => return Err(damaged(reason)),
        Ok(Err(Failure::Encrypted)) => {
            return Err(ImportError::Encrypted {
                file: file.to_string(),
            })
        }
        Ok(Err(Failure::Inflates)) => {
            return Err(ImportError::TooLarge {
                file: file.to_string(),
                what: "PDF 中的内容解压后过大".into(),
                limit_mb: limits.inflated_mb,
            })
        }
        Ok(Err(Failure::Slow)) => {
            return Err(ImportError::TooSlow {
                file: file.to_string(),
                seconds: limits.time.as_secs(),
            })
        }
        Err(_) => return Err(damaged("PDF 内容不完整或已损坏".into())),
    };
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 && salvaged.is_some() {
        return Err(damaged("文件不完整，留下的部分中没有可读的页".into()));
    }
    if glyphs == 0 {
        return Err(ImportError::NoTextLayer {
            file: file.to_string(),
            pages: pages.len(),
        });
    }
    Ok((pages, salvaged))
}

/// The document, salvaged when its cross-reference table was lost (with the number of pages
/// that survive). lopdf opens a PDF protected only against printing or copying with its empty
/// user password; one still encrypted after loading needs a password the user must give.
fn open(bytes: &[u8], inflated_mb: u64) -> Result<(lopdf::Document, Option<usize>), Failure> {
    let (doc, salvaged) = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => (doc, None),
        Err(e) => salvage::rebuild(bytes)
            .and_then(|(fixed, pages)| {
                lopdf::Document::load_mem(&fixed)
                    .ok()
                    .map(|d| (d, Some(pages)))
            })
            .ok_or_else(|| format!("无法解析 PDF 结构（{e}）"))?,
    };
    if doc.is_encrypted() {
        return Err(Failure::Encrypted);
    }
    if inflated(&doc, inflated_mb * 1024 * 1024) {
        return Err(Failure::Inflates);
    }
    Ok((doc, salvaged))
}

/// Whether the document's Flate streams that a reader unpacks (page contents, forms, character
/// maps — not embedded font programs or images, which text extraction never unpacks) come to
/// more than `limit` bytes together: counted while unpacking into nothing, so a bomb costs no
/// memory and stops at the limit.
fn inflated(doc: &lopdf::Document, limit: u64) -> bool {
    let mut total: u64 = 0;
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let font_program = [b"Length1".as_slice(), b"Length2", b"Length3"]
            .iter()
            .any(|k| stream.dict.has(k))
            || matches!(
                stream.dict.get(b"Subtype").and_then(lopdf::Object::as_name),
                Ok(b"Type1C" | b"CIDFontType0C" | b"OpenType")
            );
        let image = matches!(
            stream.dict.get(b"Subtype").and_then(lopdf::Object::as_name),
            Ok(b"Image")
        );
        if font_program || image {
            continue;
        }
        let flate = match stream.dict.get(b"Filter") {
            Ok(lopdf::Object::Name(n)) => n == b"FlateDecode",
            Ok(lopdf::Object::Array(a)) => {
                a.first().and_then(|o| o.as_name().ok()) == Some(b"FlateDecode")
            }
            _ => false,
        };
        if !flate {
            total = total.saturating_add(stream.content.len() as u64);
            continue;
        }
        let room = limit.saturating_sub(total) + 1;
        let mut unpacked = flate2::read::ZlibDecoder::new(&stream.content[..]).take(room);
        total =
            total.saturating_add(std::io::copy(&mut unpacked, &mut std::io::sink()).unwrap_or(0));
        if total > limit {
            return true;
        }
    }
    false
}

/// Every page by our reader on every core; when a font is beyond it, by `pdf-extract`.
fn read_all(
    doc: &lopdf::Document,
    pages: &[(u32, lopdf::ObjectId)],
    layer: TextLayer,
    deadline: Instant,
) -> Result<Vec<PageText>, Failure> {
    if layer == TextLayer::Auto {
        let ours = in_parallel(pages, |part| {
            let mut fonts = reader::FontCache::default();
            part.iter()
                .map(|&(_, id)| {
                    in_time(deadline)?;
                    reader::read_page(doc, id, &mut fonts).map_err(|e| Failure::Damaged(e.0))
                })
                .collect()
        });
        match ours {
            Ok(glyphs) => return Ok(glyphs),
            Err(Failure::Slow) => return Err(Failure::Slow),
            Err(_) => {}
        }
    }
    in_parallel(pages, |part| {
        in_time(deadline)?;
        let numbers: Vec<u32> = part.iter().map(|&(n, _)| n).collect();
        let read = extract::read_pages(doc, &numbers)?;
        in_time(deadline)?;
        Ok(read
            .into_iter()
            .map(|glyphs| PageText {
                glyphs,
                ..Default::default()
            })
            .collect())
    })
}

/// A salvaged file's pages, each on its own: a page whose contents or fonts were in the lost part
/// is left blank.
fn read_salvaged(
    doc: &lopdf::Document,
    pages: &[(u32, lopdf::ObjectId)],
    deadline: Instant,
) -> Result<Vec<PageText>, Failure> {
    in_parallel(pages, |part| {
        let mut fonts = reader::FontCache::default();
        part.iter()
            .map(|&(n, id)| {
                in_time(deadline)?;
                Ok(reader::read_page(doc, id, &mut fonts).unwrap_or_else(|_| {
                    let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        extract::read_pages(doc, &[n])
                    }));
                    let glyphs = page
                        .ok()
                        .and_then(Result::ok)
                        .and_then(|mut p| p.pop())
                        .unwrap_or_default();
                    PageText {
                        glyphs,
                        ..Default::default()
                    }
                }))
            })
            .collect()
    })
}

fn in_time(deadline: Instant) -> Result<(), Failure> {
    if Instant::now() > deadline {
        Err(Failure::Slow)
    } else {
        Ok(())
    }
}

/// Runs `read` on consecutive runs of pages on every core and joins the pages in order.
fn in_parallel<F>(pages: &[(u32, lopdf::ObjectId)], read: F) -> Result<Vec<PageText>, Failure>
where
    F: Fn(&[(u32, lopdf::ObjectId)]) -> Result<Vec<PageText>, Failure> + Sync,
{
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = pages.len().div_ceil(workers).max(1);
    let results: Vec<Result<Vec<PageText>, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(chunk)
            .map(|part| scope.spawn(|| read(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::Damaged("PDF 内容不完整或已损坏".into())))
            })
            .collect()
    });
    let mut all = Vec::new();
    for r in results {
        all.extend(r?);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF whose content stream is `inflates_to` bytes of spaces, Flate-compressed.
    fn bomb(inflates_to: usize) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let chunk = vec![b' '; 1 << 20];
        let mut left = inflates_to;
        while left > 0 {
            let n = left.min(chunk.len());
            z.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        let data = z.finish().unwrap();
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let mut dict = lopdf::Dictionary::new();
        dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
        let content = doc.add_object(lopdf::Stream::new(dict, data).with_compression(false));
        let page = doc.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] });
        doc.objects.insert(
            pages_id,
            lopdf::Object::Dictionary(
                lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog =
            doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_unpacked() {
        let small = Limits {
            inflated_mb: 8,
            time: Duration::from_secs(60),
        };
        // 64 MB of content in a file of some 64 KB: refused, naming the limit.
        let err = collect_within("炸弹.pdf", &bomb(64 << 20), TextLayer::Auto, small)
            .err()
            .unwrap();
        assert!(
            matches!(err, ImportError::TooLarge { limit_mb: 8, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("解压后过大"), "{err}");
        // Under the limit: read (and found to hold no text).
        let err = collect_within("空白.pdf", &bomb(1 << 20), TextLayer::Auto, small)
            .err()
            .unwrap();
        assert!(matches!(err, ImportError::NoTextLayer { .. }), "{err}");
    }

    #[test]
    fn a_reading_past_its_time_limit_stops_and_says_so() {
        let pdf = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../fixtures/pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        )
        .unwrap();
        let none = Limits {
            inflated_mb: MAX_INFLATED_MB,
            time: Duration::ZERO,
        };
        let err = collect_within("慢.pdf", &pdf, TextLayer::Auto, none)
            .err()
            .unwrap();
        assert!(
            matches!(err, ImportError::TooSlow { seconds: 0, .. }),
            "{err}"
        );
        assert!(collect("快.pdf", &pdf, TextLayer::Auto).is_ok());
    }
}
