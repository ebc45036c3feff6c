//! Our own reader of a PDF page's text layer: the content stream interpreted for its text
//! operators, with every font decoded once per document.
//!
//! `pdf-extract` rebuilds every font on every page, and parsing a CJK font's ToUnicode map is
//! most of its time on budget PDFs (a 30-page document has three fonts but reads them 90 times).
//! This reader keeps a cache of fonts by object, follows the PDF text model (ISO 32000 §9.4: text
//! matrix, line matrix, Tc/Tw/Tz/TL/Ts, TJ adjustments, `cm`, `q`/`Q`, Form XObjects) and hands
//! out the same glyph placement as `pdf-extract` did. It reads the fonts budget PDFs are made of
//! (composite fonts with Identity or UCS-2 encodings and a ToUnicode map, or not embedded with a
//! predefined GBK / GB 2312 CMap; simple fonts with widths and a standard, differences or
//! ToUnicode encoding). Anything else is `Unsupported`, and the
//! caller falls back to `pdf-extract` for the whole document, so no file reads worse than before.
//!
//! The page's drawn rules (stroked or filled straight, axis-parallel path segments) are kept
//! beside the glyphs: they are the cell borders of ruled tables.
//!
//! Coordinates, widths and sizes here are layout in points (f64), never money.

use super::{Glyph, PageText, Rule};
use lopdf::{content::Content, Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::HashMap;
use std::sync::Arc;

/// Why the fast reader cannot read a document (the caller falls back to `pdf-extract`).
#[derive(Debug)]
pub struct Unsupported(pub String);

/// A 2-D affine transform in PDF's row-vector convention: [a b c d e f] (layout, not money).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    fn translate(tx: f64, ty: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
    /// `self` applied first, then `o` (self × o).
    fn then(&self, o: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }
}

/// How a font's codes become text.
enum Decoder {
    /// Two-byte codes looked up in the ToUnicode map (Identity-H/V).
    Cmap2(Encoding<'static>),
    /// Two-byte codes that are UCS-2 / UTF-16 themselves (UniGB-UCS2-H, UniGB-UTF16-H).
    Ucs2,
    /// One-byte codes, every code's text worked out once.
    OneByte(Box<[String; 256]>),
    /// The predefined CJK CMaps of GBK / GB 2312 (`GBK-EUC-H`, `GB-EUC-H`, …), for fonts that are
    /// not embedded and carry no ToUnicode map: a byte below 0x81 is a code of its own (ASCII),
    /// else it leads a two-byte code; the codes are GBK text. `half_width`: the CMap maps ASCII
    /// to Adobe-GB1's half-width Latin (CIDs 814…), else to its proportional Latin (CIDs 1…).
    Gbk { half_width: bool },
    /// Two-byte codes looked up in a ToUnicode map our PDF library refused (a producer's slip
    /// in the map's PostScript, such as `difineresource`), read by its bfchar / bfrange entries.
    Map2(HashMap<u32, String>),
}

/// The first Adobe-GB1 CID of the half-width Latin glyphs (code 0x20) and of the proportional
/// ones, which the predefined CMaps map ASCII to.
const GB1_HALF_WIDTH_SPACE: u32 = 814;
const GB1_PROPORTIONAL_SPACE: u32 = 1;

/// A font as the reader needs it: how to decode codes and how wide each glyph is.
pub(super) struct Font {
    decoder: Decoder,
    widths: HashMap<u32, f64>, // glyph space units (layout)
    default_width: f64,        // glyph space units (layout)
}

impl Font {
    /// The next code of a string and how many bytes it takes.
    fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let len = match self.decoder {
            Decoder::OneByte(_) => 1,
            Decoder::Gbk { .. } if bytes[0] < 0x81 => 1,
            _ => 2,
        }
        .min(bytes.len());
        (
            bytes[..len]
                .iter()
                .fold(0u32, |acc, b| acc * 256 + *b as u32),
            len,
        )
    }
    fn width(&self, code: u32) -> f64 {
        if let Decoder::Gbk { half_width } = self.decoder {
            // Widths are by CID: an ASCII code's CID is known, a two-byte code's is not (its
            // glyph is full-width: the default width).
            if (0x20..0x7f).contains(&code) {
                let first = if half_width {
                    GB1_HALF_WIDTH_SPACE
                } else {
                    GB1_PROPORTIONAL_SPACE
                };
                let half = if half_width {
                    500.0
                } else {
                    self.default_width
                };
                return self
                    .widths
                    .get(&(first + code - 0x20))
                    .copied()
                    .unwrap_or(half);
            }
            return self.default_width;
        }
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
    fn text(&self, code: u32) -> String {
        match &self.decoder {
            Decoder::Gbk { .. } => {
                let bytes: Vec<u8> = if code < 0x100 {
                    vec![code as u8]
                } else {
                    vec![(code >> 8) as u8, code as u8]
                };
                let (text, bad) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
                if bad {
                    String::new()
                } else {
                    text.into_owned()
                }
            }
            Decoder::OneByte(table) => table[(code & 0xff) as usize].clone(),
            Decoder::Ucs2 => char::from_u32(code).map(String::from).unwrap_or_default(),
            Decoder::Cmap2(Encoding::UnicodeMapEncoding(map)) => map
                .get(code, 2)
                .map(|u| String::from_utf16_lossy(&u))
                .unwrap_or_default(),
            Decoder::Cmap2(_) => String::new(),
            Decoder::Map2(map) => map.get(&code).cloned().unwrap_or_default(),
        }
    }
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
}

/// Builds a font from its dictionary, or says why this reader cannot.
fn load_font(doc: &Document, font: &Dictionary) -> Result<Font, Unsupported> {
    let subtype = font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let unsupported =
        |why: &str| Unsupported(format!("{} 字体：{why}", String::from_utf8_lossy(subtype)));
    if subtype == b"Type0" {
        return load_type0(doc, font, &unsupported);
    }
    // Simple fonts (TrueType, Type1, MMType1): one byte per code, widths from /Widths.
    if !matches!(subtype, b"TrueType" | b"Type1" | b"MMType1") {
        return Err(unsupported("字体类型不受支持"));
    }
    load_simple(doc, font, &unsupported)
}

/// Builds a composite (Type0) font: its decoder from its encoding, its widths from its
/// descendant font.
fn load_type0(
    doc: &Document,
    font: &Dictionary,
    unsupported: &impl Fn(&str) -> Unsupported,
) -> Result<Font, Unsupported> {
    let encoding = font
        .get(b"Encoding")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_name().ok())
        .unwrap_or(b"");
    let decoder = match encoding {
        b"Identity-H" | b"Identity-V" => identity_decoder(doc, font, unsupported)?,
        b"UniGB-UCS2-H" | b"UniGB-UTF16-H" | b"UniGB-UCS2-V" | b"UniGB-UTF16-V" => Decoder::Ucs2,
        b"GBK-EUC-H" | b"GBK-EUC-V" | b"GB-EUC-H" | b"GB-EUC-V" => {
            Decoder::Gbk { half_width: true }
        }
        b"GBKp-EUC-H" | b"GBKp-EUC-V" | b"GBpc-EUC-H" | b"GBpc-EUC-V" => {
            Decoder::Gbk { half_width: false }
        }
        _ => return Err(unsupported("编码不受支持")),
    };
    let descendant = font
        .get(b"DescendantFonts")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(|| unsupported("缺少 DescendantFonts"))?;
    let default_width = descendant.get(b"DW").ok().and_then(num).unwrap_or(1000.0);
    let widths = cid_widths(doc, descendant, unsupported)?;
    Ok(Font {
        decoder,
        widths,
        default_width,
    })
}

/// The decoder of an Identity-encoded composite font: its ToUnicode map, read by lopdf or,
/// failing that, from the map's bfchar and bfrange entries.
fn identity_decoder(
    doc: &Document,
    font: &Dictionary,
    unsupported: &impl Fn(&str) -> Unsupported,
) -> Result<Decoder, Unsupported> {
    let has_map = font
        .get(b"ToUnicode")
        .ok()
        .map(|o| deref(doc, o))
        .is_some_and(|o| o.as_stream().is_ok());
    if !has_map {
        return Err(unsupported("Identity 编码而无 ToUnicode"));
    }
    // The map is owned by the encoding, so it outlives the document borrow.
    match font.get_font_encoding(doc) {
        Ok(Encoding::UnicodeMapEncoding(map)) => {
            Ok(Decoder::Cmap2(Encoding::UnicodeMapEncoding(map)))
        }
        _ => {
            let stream = font
                .get(b"ToUnicode")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_stream().ok());
            let data = stream
                .map(|st| {
                    st.decompressed_content()
                        .unwrap_or_else(|_| st.content.clone())
                })
                .unwrap_or_default();
            let map = bf_entries(&data);
            if map.is_empty() {
                return Err(unsupported("ToUnicode 无法解析"));
            }
            Ok(Decoder::Map2(map))
        }
    }
}

/// The glyph widths a descendant (CID) font's /W array gives, by code.
fn cid_widths(
    doc: &Document,
    descendant: &Dictionary,
    unsupported: &impl Fn(&str) -> Unsupported,
) -> Result<HashMap<u32, f64>, Unsupported> {
    let mut widths = HashMap::new();
    if let Some(w) = descendant
        .get(b"W")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
    {
        let mut i = 0;
        while i < w.len() {
            let Some(first) = num(deref(doc, &w[i])) else {
                return Err(unsupported("W 数组格式错误"));
            };
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(list)) => {
                    for (k, v) in list.iter().enumerate() {
                        if let Some(v) = num(deref(doc, v)) {
                            widths.insert(first as u32 + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(v)) =
                        (num(last), w.get(i + 2).map(|o| deref(doc, o)).and_then(num))
                    else {
                        return Err(unsupported("W 数组格式错误"));
                    };
                    for c in first as u32..=last as u32 {
                        widths.insert(c, v);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    Ok(widths)
}

/// Builds a simple font (TrueType, Type1, MMType1): one byte per code, widths from /Widths.
fn load_simple(
    doc: &Document,
    font: &Dictionary,
    unsupported: &impl Fn(&str) -> Unsupported,
) -> Result<Font, Unsupported> {
    let Some(list) = font
        .get(b"Widths")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
    else {
        return Err(unsupported("缺少 Widths（标准 14 字体）"));
    };
    let first = font.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0) as u32;
    let widths = list
        .iter()
        .enumerate()
        .filter_map(|(k, v)| num(deref(doc, v)).map(|v| (first + k as u32, v)))
        .collect();
    let default_width = dict(doc, font, b"FontDescriptor")
        .and_then(|d| d.get(b"MissingWidth").ok())
        .and_then(num)
        .unwrap_or(0.0);
    let has_encoding = font.get(b"Encoding").is_ok();
    let has_map = font.get(b"ToUnicode").is_ok();
    if !has_encoding && !has_map {
        // The font's built-in encoding: only known for symbolic fonts by reading the font program.
        return Err(unsupported("无编码信息"));
    }
    let encoding = font
        .get_font_encoding(doc)
        .map_err(|e| unsupported(&format!("编码无法解析（{e}）")))?;
    let table: Vec<String> = (0u8..=255)
        .map(|b| match &encoding {
            Encoding::UnicodeMapEncoding(map) => map
                .get(b as u32, 1)
                .map(|u| String::from_utf16_lossy(&u))
                .unwrap_or_default(),
            e => e.bytes_to_string(&[b]).unwrap_or_default(),
        })
        .collect();
    let table: Box<[String; 256]> = table
        .into_boxed_slice()
        .try_into()
        .map_err(|_| unsupported("编码表"))?;
    Ok(Font {
        decoder: Decoder::OneByte(table),
        widths,
        default_width,
    })
}

/// Fonts already built, by the object they came from (shared by all pages of a document).
#[derive(Default)]
pub(super) struct FontCache {
    by_id: HashMap<ObjectId, Arc<Font>>,
}

impl FontCache {
    fn get(
        &mut self,
        doc: &Document,
        resources: &[&Dictionary],
        name: &[u8],
    ) -> Result<Option<Arc<Font>>, Unsupported> {
        for res in resources.iter().rev() {
            let Some(fonts) = dict(doc, res, b"Font") else {
                continue;
            };
            let Ok(entry) = fonts.get(name) else { continue };
            let id = entry.as_reference().ok();
            if let Some(font) = id.and_then(|id| self.by_id.get(&id)) {
                return Ok(Some(font.clone()));
            }
            let Ok(d) = deref(doc, entry).as_dict() else {
                continue;
            };
            let font = Arc::new(load_font(doc, d)?);
            if let Some(id) = id {
                self.by_id.insert(id, font.clone());
            }
            return Ok(Some(font));
        }
        Ok(None)
    }
}

#[derive(Clone)]
struct TextState {
    font: Option<Arc<Font>>,
    size: f64,       // layout
    char_space: f64, // layout
    word_space: f64, // layout
    scale: f64,      // horizontal scaling (layout)
    leading: f64,    // layout
    rise: f64,       // layout
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    text: TextState,
}

struct Page<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    height: f64, // layout
    glyphs: Vec<Glyph>,
    tm: Matrix,
    tlm: Matrix,
    /// Codes that decoded to no text at all (a ToUnicode map that misses them).
    undecoded: usize,
    /// Segments of the path being built (page coordinates, top-left origin), until painted.
    path: Vec<Rule>,
    /// The current point and the start of the current subpath (page coordinates).
    at: Option<((f64, f64), (f64, f64))>,
    rules: Vec<Rule>,
}

impl Page<'_> {
    fn show(&mut self, st: &State, bytes: &[u8]) {
        let Some(font) = st.text.font.clone() else {
            return;
        };
        let t = &st.text;
        let mut rest = bytes;
        while !rest.is_empty() {
            let (code, len) = font.next_code(rest);
            rest = &rest[len..];
            let tsm = Matrix([t.scale, 0.0, 0.0, 1.0, 0.0, t.rise]);
            let trm = tsm.then(&self.tm).then(&st.ctm);
            let w0 = font.width(code) / 1000.0;
            let ch = font.text(code);
            if ch.is_empty() {
                self.undecoded += 1;
            }
            if !ch.trim().is_empty() {
                let [m11, m12, m21, m22, m31, m32] = trm.0;
                let (vx, vy) = (t.size * (m11 + m21), t.size * (m12 + m22));
                let size = (vx * vy).abs().sqrt().max(1.0);
                let (x, y) = (m31, self.height - m32);
                // The text's direction on the page (y down): a rotated text matrix turns it.
                let turn = super::turn_of(m11, -m12);
                let advance = w0 * size;
                let end = match turn {
                    0 => x + advance,
                    1 => y - advance,
                    2 => x - advance,
                    _ => y + advance,
                };
                self.glyphs.push(Glyph {
                    x,
                    y,
                    end,
                    size,
                    text: ch,
                    turn,
                });
            }
            let mut spacing = t.char_space;
            // Word spacing applies to the single-byte code 32, in any encoding.
            if len == 1 && code == 32 {
                spacing += t.word_space;
            }
            let tx = t.scale * (w0 * t.size + spacing);
            self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
        }
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &[&Dictionary],
        st: &mut State,
        depth: u32,
    ) -> Result<(), Unsupported> {
        let content =
            Content::decode(content).map_err(|e| Unsupported(format!("内容流无法解析（{e}）")))?;
        let mut stack: Vec<State> = Vec::new();
        for op in &content.operations {
            let n: Vec<f64> = op.operands.iter().filter_map(num).collect();
            match op.operator.as_str() {
                "BT" | "ET" => {
                    self.tm = Matrix::IDENTITY;
                    self.tlm = Matrix::IDENTITY;
                }
                "cm" if n.len() == 6 => {
                    st.ctm = Matrix([n[0], n[1], n[2], n[3], n[4], n[5]]).then(&st.ctm)
                }
                "q" => stack.push(st.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        *st = s;
                    }
                }
                "Tc" if !n.is_empty() => st.text.char_space = n[0],
                "Tw" if !n.is_empty() => st.text.word_space = n[0],
                "Tz" if !n.is_empty() => st.text.scale = n[0] / 100.0,
                "TL" if !n.is_empty() => st.text.leading = n[0],
                "Ts" if !n.is_empty() => st.text.rise = n[0],
                "Tf" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or(b"");
                    st.text.font = self.fonts.get(self.doc, resources, name)?;
                    st.text.size = op.operands.get(1).and_then(num).unwrap_or(0.0);
                }
                "Tm" if n.len() == 6 => {
                    self.tlm = Matrix([n[0], n[1], n[2], n[3], n[4], n[5]]);
                    self.tm = self.tlm;
                }
                "Td" | "TD" if n.len() == 2 => {
                    if op.operator == "TD" {
                        st.text.leading = -n[1];
                    }
                    self.tlm = Matrix::translate(n[0], n[1]).then(&self.tlm);
                    self.tm = self.tlm;
                }
                "T*" => self.next_line(st),
                "Tj" => {
                    if let Some(Object::String(s, _)) = op.operands.first() {
                        self.show(st, s);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" && n.len() >= 2 {
                        st.text.word_space = n[0];
                        st.text.char_space = n[1];
                    }
                    self.next_line(st);
                    if let Some(Object::String(s, _)) = op.operands.last() {
                        self.show(st, s);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = op.operands.first() {
                        self.show_array(st, items);
                    }
                }
                "Do" if depth < 8 => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or(b"");
                    self.run_form(name, resources, st, depth)?;
                }
                "m" | "l" | "c" | "v" | "y" | "h" | "re" | "S" | "s" | "f" | "F" | "f*" | "B"
                | "B*" | "b" | "b*" | "n" => self.path_op(st, op.operator.as_str(), &n),
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows a TJ array: its strings, and the adjustments between them that move the text.
    fn show_array(&mut self, st: &State, items: &[Object]) {
        for item in items {
            match item {
                Object::String(s, _) => self.show(st, s),
                o => {
                    if let Some(adj) = num(o) {
                        let tx = st.text.scale * (-adj / 1000.0 * st.text.size);
                        self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                    }
                }
            }
        }
    }

    /// Runs the form XObject `name` names (Do), in its own matrix and with its own resources;
    /// other XObjects (images) show nothing.
    fn run_form(
        &mut self,
        name: &[u8],
        resources: &[&Dictionary],
        st: &State,
        depth: u32,
    ) -> Result<(), Unsupported> {
        let Some(xobj) = resources.iter().rev().find_map(|r| {
            dict(self.doc, r, b"XObject")
                .and_then(|x| x.get(name).ok())
                .map(|o| deref(self.doc, o))
        }) else {
            return Ok(());
        };
        let Ok(stream) = xobj.as_stream() else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let mut inner = st.clone();
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| o.as_array().ok())
        {
            let m: Vec<f64> = m.iter().filter_map(num).collect();
            if m.len() == 6 {
                inner.ctm = Matrix([m[0], m[1], m[2], m[3], m[4], m[5]]).then(&st.ctm);
            }
        }
        let mut res: Vec<&Dictionary> = resources.to_vec();
        if let Some(own) = dict(self.doc, &stream.dict, b"Resources") {
            res.push(own);
        }
        let (tm, tlm) = (self.tm, self.tlm);
        self.run(&data, &res, &mut inner, depth + 1)?;
        (self.tm, self.tlm) = (tm, tlm);
        Ok(())
    }

    /// A user-space point in page coordinates with the origin at the top left.
    fn page_point(&self, st: &State, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = st.ctm.0;
        (a * x + c * y + e, self.height - (b * x + d * y + f))
    }

    /// Path construction and painting: only straight segments parallel to the page's axes are
    /// kept (a table's borders); curves end the segment chain.
    fn path_op(&mut self, st: &State, op: &str, n: &[f64]) {
        let segment = |from: (f64, f64), to: (f64, f64)| Rule {
            x0: from.0.min(to.0),
            y0: from.1.min(to.1),
            x1: from.0.max(to.0),
            y1: from.1.max(to.1),
        };
        match op {
            "m" if n.len() == 2 => {
                let p = self.page_point(st, n[0], n[1]);
                self.at = Some((p, p));
            }
            "l" if n.len() == 2 => {
                let p = self.page_point(st, n[0], n[1]);
                if let Some((cur, start)) = self.at {
                    self.path.push(segment(cur, p));
                    self.at = Some((p, start));
                }
            }
            "c" | "v" | "y" if n.len() >= 4 => {
                let p = self.page_point(st, n[n.len() - 2], n[n.len() - 1]);
                self.at = self.at.map(|(_, start)| (p, start));
            }
            "h" => {
                if let Some((cur, start)) = self.at {
                    self.path.push(segment(cur, start));
                    self.at = Some((start, start));
                }
            }
            "re" if n.len() == 4 => {
                let c = [
                    (n[0], n[1]),
                    (n[0] + n[2], n[1]),
                    (n[0] + n[2], n[1] + n[3]),
                    (n[0], n[1] + n[3]),
                ]
                .map(|(x, y)| self.page_point(st, x, y));
                for k in 0..4 {
                    self.path.push(segment(c[k], c[(k + 1) % 4]));
                }
                self.at = Some((c[0], c[0]));
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                // A filled hairline rectangle is a rule too: its long edges are kept.
                let painted = std::mem::take(&mut self.path);
                self.rules.extend(
                    painted
                        .into_iter()
                        .filter(|r| (r.x1 - r.x0 < 0.5) != (r.y1 - r.y0 < 0.5)),
                );
                self.at = None;
            }
            "n" => {
                self.path.clear();
                self.at = None;
            }
            _ => {}
        }
    }

    fn next_line(&mut self, st: &State) {
        self.tlm = Matrix::translate(0.0, -st.text.leading).then(&self.tlm);
        self.tm = self.tlm;
    }
}

/// The inherited value of a page attribute (MediaBox, Resources) up the page tree.
fn inherited<'a>(doc: &'a Document, mut page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    for _ in 0..32 {
        if let Ok(v) = page.get(key) {
            return Some(deref(doc, v));
        }
        page = dict(doc, page, b"Parent")?;
    }
    None
}

/// Reads the glyphs of one page (the page's own resources and those it inherits).
pub(super) fn read_page(
    doc: &Document,
    page_id: ObjectId,
    fonts: &mut FontCache,
) -> Result<PageText, Unsupported> {
    let page = doc
        .get_dictionary(page_id)
        .map_err(|e| Unsupported(format!("页面对象缺失（{e}）")))?;
    let media: Vec<f64> = inherited(doc, page, b"MediaBox")
        .and_then(|o| o.as_array().ok())
        .map(|a| a.iter().filter_map(|o| num(deref(doc, o))).collect())
        .unwrap_or_default();
    let height = if media.len() == 4 {
        media[3] - media[1]
    } else {
        842.0
    };
    let width = if media.len() == 4 {
        media[2] - media[0]
    } else {
        595.0
    };
    let resources: Vec<&Dictionary> = inherited(doc, page, b"Resources")
        .and_then(|o| o.as_dict().ok())
        .into_iter()
        .collect();
    let content = doc
        .get_page_content(page_id)
        .map_err(|e| Unsupported(format!("内容流无法读取（{e}）")))?;
    let mut reader = Page {
        doc,
        fonts,
        height,
        glyphs: Vec::new(),
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        undecoded: 0,
        path: Vec::new(),
        at: None,
        rules: Vec::new(),
    };
    let text = TextState {
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    let mut st = State {
        ctm: Matrix::IDENTITY,
        text,
    };
    reader.run(&content, &resources, &mut st, 0)?;
    // Many codes without text: the fonts' maps are incomplete for this reader; pdf-extract (which
    // also reads the fonts' own tables) does better.
    if reader.undecoded > 10 && reader.undecoded * 10 > reader.glyphs.len() {
        return Err(Unsupported(format!("{} 个字符无法解码", reader.undecoded)));
    }
    let (left, bottom) = if media.len() == 4 {
        (media[0], media[1])
    } else {
        (0.0, 0.0)
    };
    let glyphs = on_the_page(reader.glyphs, left, bottom, width, height);
    Ok(PageText {
        glyphs,
        rules: reader.rules,
        width,
        height,
    })
}

/// How far (points) a glyph may start outside its page's box and still be printed (a character
/// touching the edge).
const PAGE_EDGE_SLACK: f64 = 2.0; // layout

/// The glyphs drawn on the page: text set outside the page's box (a producer that writes the
/// next page's table below this one, at y < 0) is never seen by a reader and is not content.
/// Layout y is measured down from the box's top (`height - y` of the page's own coordinates).
fn on_the_page(glyphs: Vec<Glyph>, left: f64, bottom: f64, width: f64, height: f64) -> Vec<Glyph> {
    let (x0, x1) = (left - PAGE_EDGE_SLACK, left + width + PAGE_EDGE_SLACK);
    let (y0, y1) = (-bottom - PAGE_EDGE_SLACK, height - bottom + PAGE_EDGE_SLACK);
    glyphs
        .into_iter()
        .filter(|g| (x0..=x1).contains(&g.x) && (y0..=y1).contains(&g.y))
        .collect()
}

#[cfg(test)]
mod page_box_tests {
    use super::{on_the_page, Glyph};

    #[test]
    fn text_set_outside_the_page_is_not_read() {
        // check(input, expect): a glyph on an A4 page, one below it (y past the bottom), one
        // left of it; a page whose box starts at (0, 100) moves the visible band.
        let g = |x: f64, y: f64| Glyph {
            x,
            y,
            end: x + 10.0,
            size: 10.0,
            text: "字".into(),
            turn: 0,
        };
        let kept = on_the_page(
            vec![
                g(100.0, 400.0),
                g(100.0, 2600.0),
                g(-50.0, 400.0),
                g(590.0, 841.0),
            ],
            0.0,
            0.0,
            595.3,
            841.9,
        );
        assert_eq!(
            kept.iter().map(|g| (g.x, g.y)).collect::<Vec<_>>(),
            vec![(100.0, 400.0), (590.0, 841.0)]
        );
        let kept = on_the_page(
            vec![g(100.0, -50.0), g(100.0, 700.0)],
            0.0,
            100.0,
            595.0,
            742.0,
        );
        assert_eq!(kept.iter().map(|g| g.y).collect::<Vec<_>>(), vec![-50.0]);
    }
}

#[cfg(test)]
mod tests {
    use super::{Decoder, Font, Matrix};
    use std::collections::HashMap;

    /// A font with a predefined GBK CMap: ASCII bytes are codes of their own (half-width, 500
    /// units unless /W says), GBK pairs are Chinese (the default width), decoded as GBK.
    #[test]
    fn gbk_codes_decode_and_measure() {
        let font = Font {
            decoder: Decoder::Gbk { half_width: true },
            widths: HashMap::from([(814 + 0x10, 520.0)]),
            default_width: 1000.0,
        };
        // `工资 95.36` in GBK.
        let (bytes, _, _) = encoding_rs::GBK.encode("工资 95.36");
        let mut rest: &[u8] = &bytes;
        let mut out = Vec::new();
        while !rest.is_empty() {
            let (code, len) = font.next_code(rest);
            out.push((font.text(code), len, font.width(code)));
            rest = &rest[len..];
        }
        let expect = [
            ("工", 2, 1000.0),
            ("资", 2, 1000.0),
            (" ", 1, 500.0),
            ("9", 1, 500.0),
            ("5", 1, 500.0),
            (".", 1, 500.0),
            ("3", 1, 500.0),
            ("6", 1, 500.0),
        ];
        assert_eq!(out.len(), expect.len());
        for ((t, l, w), (et, el, ew)) in out.iter().zip(expect) {
            assert_eq!((t.as_str(), *l), (et, el));
            // `0` (0x30) has its own width in /W.
            assert_eq!(*w, if t == "0" { 520.0 } else { ew });
        }
        let zero = font.next_code(b"0").0;
        assert_eq!(font.width(zero), 520.0);
        // A lead byte with nothing after it, or a pair GBK does not define, is no text.
        assert_eq!(font.next_code(&[0xB9]), (0xB9, 1));
        assert_eq!(font.text(0xFFFF), "");
    }

    #[test]
    fn matrix_product_applies_left_first() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        assert_eq!(scale.then(&shift).0, [2.0, 0.0, 0.0, 2.0, 10.0, 5.0]);
        assert_eq!(shift.then(&scale).0, [2.0, 0.0, 0.0, 2.0, 20.0, 10.0]);
    }
}

/// A token of a ToUnicode CMap, as [`bf_entries`] reads it.
#[derive(Debug, PartialEq)]
enum CmapTok {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

/// A CMap's hex strings, array brackets and words, in order (everything else skipped).
fn cmap_tokens(data: &[u8]) -> Vec<CmapTok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |k| i + k);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .filter_map(|c| u8::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                    .collect();
                toks.push(CmapTok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                toks.push(CmapTok::Open);
                i += 1;
            }
            b']' => {
                toks.push(CmapTok::Close);
                i += 1;
            }
            b if b.is_ascii_alphabetic() => {
                let end = data[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(data.len(), |k| i + k);
                toks.push(CmapTok::Word(
                    String::from_utf8_lossy(&data[i..end]).into_owned(),
                ));
                i = end;
            }
            _ => i += 1,
        }
    }
    toks
}

/// A CMap's source code from its hex bytes (big-endian).
fn cmap_code(b: &[u8]) -> u32 {
    b.iter()
        .fold(0u32, |a, &x| a.wrapping_mul(256).wrapping_add(u32::from(x)))
}

/// A CMap's destination text from its hex bytes (UTF-16BE).
fn cmap_text(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Maps the codes `lo..=hi` of a `bfrange` to the texts counting up from `dst`.
fn insert_bf_range(map: &mut HashMap<u32, String>, lo: u32, hi: u32, dst: &[u8]) {
    for (n, c) in (lo..=hi).enumerate() {
        let mut d = dst.to_vec();
        // The last byte pair counts up from the first code's text.
        let last = d.len().saturating_sub(2);
        let base = u16::from_be_bytes([*d.get(last).unwrap_or(&0), *d.get(last + 1).unwrap_or(&0)]);
        let v = base.wrapping_add(n as u16).to_be_bytes();
        if d.len() >= 2 {
            d[last] = v[0];
            d[last + 1] = v[1];
        }
        map.insert(c, cmap_text(&d));
    }
}

/// A ToUnicode CMap's `bfchar` and `bfrange` entries (code → text), read from its tokens alone:
/// what a map says even where its PostScript around them is not well formed.
fn bf_entries(data: &[u8]) -> HashMap<u32, String> {
    let toks = cmap_tokens(data);
    let mut map = HashMap::new();
    let mut section = "";
    let mut k = 0;
    while k < toks.len() {
        match &toks[k] {
            CmapTok::Word(w) if w == "beginbfchar" || w == "beginbfrange" => {
                section = if w == "beginbfchar" { "char" } else { "range" }
            }
            CmapTok::Word(w) if w.starts_with("end") => section = "",
            CmapTok::Hex(src) if section == "char" => {
                if let Some(CmapTok::Hex(dst)) = toks.get(k + 1) {
                    map.insert(cmap_code(src), cmap_text(dst));
                    k += 1;
                }
            }
            CmapTok::Hex(lo) if section == "range" => {
                let (Some(CmapTok::Hex(hi)), Some(next)) = (toks.get(k + 1), toks.get(k + 2))
                else {
                    break;
                };
                let (lo, hi) = (cmap_code(lo), cmap_code(hi));
                if hi < lo || hi - lo > 0xFFFF {
                    k += 3;
                    continue;
                }
                match next {
                    CmapTok::Hex(dst) => {
                        insert_bf_range(&mut map, lo, hi, dst);
                        k += 3;
                        continue;
                    }
                    CmapTok::Open => {
                        let mut j = k + 3;
                        let mut c = lo;
                        while let Some(CmapTok::Hex(dst)) = toks.get(j) {
                            if c <= hi {
                                map.insert(c, cmap_text(dst));
                            }
                            c += 1;
                            j += 1;
                        }
                        k = j + 1;
                        continue;
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        k += 1;
    }
    map
}

#[cfg(test)]
mod bf_tests {
    use super::bf_entries;

    #[test]
    fn a_malformed_map_is_read_by_its_entries() {
        // check(input, expect): the real file's slip (`difineresource`), a range counting up,
        // a range with an array.
        let map = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar\n<0001> <0032>\n<000C> <0025>\nendbfchar\n2 beginbfrange\n<0010> <0012> <5E74>\n<0020> <0021> [<90E8> <95E8>]\nendbfrange\nendcmap CMapName currentdict /CMap difineresource pop end end";
        let m = bf_entries(map);
        let get = |c: u32| m.get(&c).cloned().unwrap_or_default();
        assert_eq!((get(1).as_str(), get(0x0C).as_str()), ("2", "%"));
        assert_eq!(
            (get(0x10).as_str(), get(0x11).as_str(), get(0x12).as_str()),
            ("年", "幵", "并")
        );
        assert_eq!((get(0x20).as_str(), get(0x21).as_str()), ("部", "门"));
        assert_eq!(m.len(), 7);
        assert!(bf_entries(b"garbage").is_empty());
    }
}
