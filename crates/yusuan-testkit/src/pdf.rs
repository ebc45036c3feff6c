//! A minimal PDF written by hand: one page, its objects numbered in order, a cross-reference
//! table and a trailer — for the tests that need a PDF of a kind no fixture is (a scan, a
//! password, a font, a turned page).

/// A PDF of one 595 × 842 page: `page` the page dictionary's further entries (its `/Resources`,
/// a `/Rotate`), `content` its content stream (object 4), `extra` objects numbered from 5 on, and
/// `trailer` the trailer's further entries (an `/Encrypt`, an `/ID`).
pub fn one_page_pdf(page: &str, content: &[u8], extra: &[&str], trailer: &str) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R {page} >>")
            .into_bytes(),
        [
            format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(),
            content,
            b"\nendstream",
        ]
        .concat(),
    ];
    objects.extend(extra.iter().map(|o| o.as_bytes().to_vec()));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
