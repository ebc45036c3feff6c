//! A landscape table printed on a portrait page (as Excel prints one): the page's text matrices
//! are turned a quarter, so the text runs up the page. Our reader turns the page back and reads
//! the sheet's lines left to right, top to bottom. The PDF is made by the test.

/// A one-page portrait PDF (595 × 842, `/Rotate 90` so viewers show it landscape) with this
/// content stream and a simple font whose glyphs are all 500 units wide.
fn portrait_pdf(content: &str) -> Vec<u8> {
    let widths = vec!["500"; 95].join(" ");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [{widths}] /Encoding /WinAnsiEncoding >>"),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{}\nendobj\n", i + 1, o).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

/// `text` at sheet point (x, y) from the sheet's top left, turned up the page (the sheet's top
/// to the page's left): the text matrix `0 1 -1 0` at page point (y, x).
fn at(text: &str, x: f64, y: f64) -> String {
    format!("BT /F1 12 Tf 0 1 -1 0 {y} {x} Tm ({text}) Tj ET\n")
}

#[test]
fn a_turned_page_reads_as_its_sheet() {
    let content = [at("2026", 40.0, 60.0), at("201", 40.0, 100.0), at("100.00", 300.0, 100.0), at("20101", 40.0, 120.0), at("60.00", 300.0, 120.0)].concat();
    let text = yusuan_import::pdf_text("turned.pdf", &portrait_pdf(&content)).unwrap();
    let lines: Vec<&str> = text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines, ["2026", "201\t100.00", "20101\t60.00"], "{text:?}");
}
