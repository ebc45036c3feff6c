//! The fallback text layer: `pdf-extract`, for PDFs whose fonts our own reader does not read
//! (see `reader.rs`). It is slower (it rebuilds every font on every page) but knows more font
//! kinds (standard 14 fonts with built-in metrics, predefined CJK CMaps, Type3).

use super::Glyph;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

#[derive(Default)]
pub(super) struct Collector {
    pub(super) pages: Vec<Vec<Glyph>>,
    height: f64, // layout
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _n: u32,
        media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        // The font size in page space: the text matrix applied to (size, size).
        let (vx, vy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = (vx * vy).abs().sqrt().max(1.0);
        let (x, y) = (trm.m31, self.height - trm.m32);
        if let Some(page) = self.pages.last_mut() {
            if !ch.trim().is_empty() {
                page.push(Glyph {
                    x,
                    y,
                    end: x + width * size,
                    size,
                    text: ch.to_string(),
                    turn: 0,
                });
            }
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Reads the given pages with `pdf-extract`, one `Vec<Glyph>` per page.
pub(super) fn read_pages(
    doc: &pdf_extract::Document,
    pages: &[u32],
) -> Result<Vec<Vec<Glyph>>, String> {
    let mut c = Collector::default();
    for &n in pages {
        pdf_extract::output_doc_page(doc, &mut c, n)
            .map_err(|e| format!("第{n}页读取文字层失败（{e}）"))?;
    }
    Ok(c.pages)
}
