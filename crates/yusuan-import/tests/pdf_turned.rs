//! A landscape table printed on a portrait page (as Excel prints one): the page's text matrices
//! are turned a quarter, so the text runs up the page. Our reader turns the page back and reads
//! the sheet's lines left to right, top to bottom. The PDF is made by the test.

/// A one-page portrait PDF (595 × 842, `/Rotate 90` so viewers show it landscape) with this
/// content stream and a simple font whose glyphs are all 500 units wide.
fn portrait_pdf(content: &str) -> Vec<u8> {
    let widths = vec!["500"; 95].join(" ");
    let font = format!("<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [{widths}] /Encoding /WinAnsiEncoding >>");
    yusuan_testkit::one_page_pdf(
        "/Rotate 90 /Resources << /Font << /F1 5 0 R >> >>",
        content.as_bytes(),
        &[&font],
        "",
    )
}

/// `text` at sheet point (x, y) from the sheet's top left, turned up the page (the sheet's top
/// to the page's left): the text matrix `0 1 -1 0` at page point (y, x).
fn at(text: &str, x: f64, y: f64) -> String {
    format!("BT /F1 12 Tf 0 1 -1 0 {y} {x} Tm ({text}) Tj ET\n")
}

#[test]
fn a_turned_page_reads_as_its_sheet() {
    let content = [
        at("2026", 40.0, 60.0),
        at("201", 40.0, 100.0),
        at("100.00", 300.0, 100.0),
        at("20101", 40.0, 120.0),
        at("60.00", 300.0, 120.0),
    ]
    .concat();
    let text = yusuan_import::pdf_text("turned.pdf", &portrait_pdf(&content)).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(lines, ["2026", "201\t100.00", "20101\t60.00"], "{text:?}");
}

/// A real disclosure (Shanghai 9-table format, CJK fonts, drawn rules) with every page turned
/// the way a landscape sheet is printed on a portrait page: the content drawn a quarter turn up
/// the page (`0 1 -1 0` before it), the page's width and height swapped, and `/Rotate 90` so a
/// viewer shows it upright. Made by the test from `fixtures/pdf` (see fixtures/SOURCES.md): the
/// turned file reads to the same tables, every cell and label, as the original.
#[test]
fn a_real_document_turned_on_its_pages_reads_the_same() {
    use lopdf::{Document, Object};
    let original =
        yusuan_testkit::fixture_bytes("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let mut doc = Document::load_mem(&original).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    for id in pages {
        let media = media_box(&doc, id);
        let (w, h) = (media[2] - media[0], media[3] - media[1]);
        let content = doc.get_page_content(id).unwrap();
        let mut turned = format!("q 0 1 -1 0 {h} 0 cm\n").into_bytes();
        turned.extend_from_slice(&content);
        turned.extend_from_slice(b"\nQ\n");
        doc.change_page_content(id, turned).unwrap();
        let page = doc.get_object_mut(id).unwrap().as_dict_mut().unwrap();
        page.set(
            "MediaBox",
            Object::Array(vec![
                0.into(),
                0.into(),
                Object::Real(h as f32),
                Object::Real(w as f32),
            ]),
        );
        page.set("Rotate", 90);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();

    let read = |b: &[u8]| yusuan_import::import_pdf("wanli.pdf", b).unwrap().document;
    let (upright, turned) = (read(&original), read(&bytes));
    assert_eq!(turned.tables.len(), upright.tables.len());
    assert!(upright.tables.len() >= 9, "{}", upright.tables.len());
    for (t, u) in turned.tables.iter().zip(&upright.tables) {
        assert_eq!(
            (&t.title, t.kind, t.unit, &t.columns),
            (&u.title, u.kind, u.unit, &u.columns)
        );
        let rows = |x: &yusuan_domain::Table| {
            x.rows
                .iter()
                .map(|r| (r.code.clone(), r.label.clone(), r.cells.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(rows(t), rows(u), "{}", u.title);
    }
    assert_eq!(turned.sections.len(), upright.sections.len());
    assert_eq!(turned.meta.department, upright.meta.department);
}

/// A page's MediaBox, its own or inherited from its page tree.
fn media_box(doc: &lopdf::Document, mut id: lopdf::ObjectId) -> Vec<f64> {
    loop {
        let dict = doc.get_object(id).unwrap().as_dict().unwrap();
        if let Ok(b) = dict.get(b"MediaBox") {
            let b = match b {
                lopdf::Object::Reference(r) => doc.get_object(*r).unwrap(),
                o => o,
            };
            return b
                .as_array()
                .unwrap()
                .iter()
                .map(|o| {
                    o.as_float()
                        .map(f64::from)
                        .unwrap_or_else(|_| o.as_i64().unwrap() as f64)
                })
                .collect();
        }
        id = dict.get(b"Parent").unwrap().as_reference().unwrap();
    }
}
