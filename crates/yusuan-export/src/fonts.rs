//! The two fonts of a disclosure (a Song-style body, a Hei-style heading) and their metrics.

use crate::ExportError;

/// One font face: its file's bytes and the face's index in a collection (`.ttc`).
#[derive(Clone)]
pub struct FontFace {
    /// A name for messages (`Noto Serif CJK SC`, `SimSun`).
    pub name: String,
    /// The font file.
    pub bytes: std::sync::Arc<Vec<u8>>,
    /// The face in a collection (0 for a single font).
    pub index: u32,
    units_per_em: f32,
    /// Advance widths of the characters measured so far (by char), in font units.
    widths: std::collections::HashMap<char, u16>,
    default_width: u16,
}

impl std::fmt::Debug for FontFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontFace({} #{})", self.name, self.index)
    }
}

impl FontFace {
    /// Reads a face; refuses bytes that are not a font or a face without CJK glyphs.
    pub fn new(
        name: &str,
        bytes: std::sync::Arc<Vec<u8>>,
        index: u32,
    ) -> Result<FontFace, ExportError> {
        let face = ttf_parser::Face::parse(&bytes, index)
            .map_err(|e| ExportError::Font(format!("{name}（第 {index} 个字面）无法读取：{e}")))?;
        let Some(han) = face.glyph_index('预') else {
            return Err(ExportError::Font(format!("{name} 不含中文字形")));
        };
        let units_per_em = face.units_per_em() as f32;
        let default_width = face.glyph_hor_advance(han).unwrap_or(face.units_per_em());
        // Measure what tables and texts print most, once.
        let mut widths = std::collections::HashMap::new();
        let common = "0123456789,.-%（）()：:、，。；“”元万年一二三四五六七八九十合计小项目类款部门预算支出收入 ";
        for c in common.chars() {
            if let Some(w) = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)) {
                widths.insert(c, w);
            }
        }
        Ok(FontFace {
            name: name.to_string(),
            bytes,
            index,
            units_per_em,
            widths,
            default_width,
        })
    }

    fn advance(&self, c: char) -> f32 {
        let w = match self.widths.get(&c) {
            Some(w) => *w,
            None => ttf_parser::Face::parse(&self.bytes, self.index)
                .ok()
                .and_then(|f| f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)))
                .unwrap_or(if c.is_ascii() {
                    self.default_width / 2
                } else {
                    self.default_width
                }),
        };
        w as f32 / self.units_per_em
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Learns the widths of every character of `text` (call before laying out, so measuring
    /// never parses the font again).
    pub fn learn(&mut self, text: &str) {
        let missing: Vec<char> = text
            .chars()
            .filter(|c| !self.widths.contains_key(c))
            .collect();
        if missing.is_empty() {
            return;
        }
        if let Ok(face) = ttf_parser::Face::parse(&self.bytes, self.index) {
            for c in missing {
                let w = face
                    .glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(if c.is_ascii() {
                        self.default_width / 2
                    } else {
                        self.default_width
                    });
                self.widths.insert(c, w);
            }
        }
    }
}

/// The body (宋体-style) and heading (黑体-style) faces.
#[derive(Debug, Clone)]
pub struct Fonts {
    /// Body text and table cells.
    pub body: FontFace,
    /// Headings.
    pub heading: FontFace,
}

impl Fonts {
    /// Learns every character the document prints.
    pub fn learn(&mut self, texts: &[&str]) {
        for t in texts {
            self.body.learn(t);
            self.heading.learn(t);
        }
    }
}

/// The face of a font file (a collection holds several) whose family name contains one of
/// `wanted` (`SC`, `SimSun`), or the first face that has Chinese glyphs.
pub fn choose_face(bytes: &[u8], wanted: &[&str]) -> Option<u32> {
    let n = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    let mut fallback = None;
    for i in 0..n {
        let Ok(face) = ttf_parser::Face::parse(bytes, i) else {
            continue;
        };
        if face.glyph_index('预').is_none() {
            continue;
        }
        fallback.get_or_insert(i);
        let family: Vec<String> = face
            .names()
            .into_iter()
            .filter(|n| {
                n.name_id == ttf_parser::name_id::FAMILY
                    || n.name_id == ttf_parser::name_id::FULL_NAME
            })
            .filter_map(|n| n.to_string())
            .collect();
        if family.iter().any(|f| wanted.iter().any(|w| f.contains(w))) {
            return Some(i);
        }
    }
    fallback
}
