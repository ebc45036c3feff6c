//! Every preflight problem of a document's export, for looking at a refused export:
//! `cargo run -q -p yusuan-api --example preflight_dump -- LIB.db REF OUT.pdf`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let lib = yusuan_api::Library::open(std::path::Path::new(&a[1])).expect("library");
    let req = yusuan_api::ExportRequest::default();
    let bytes = yusuan_api::export_pdf_bytes(&lib, &a[2], &req, "2026-12-01T00:00:00Z").expect("export");
    std::fs::write(&a[3], &bytes).expect("write");
    let doc = match yusuan_api::parse_draft_ref(&a[2]) {
        Some((id, _)) => yusuan_api::draft_document(&lib, id, None).expect("draft"),
        None => lib.document(a[2].parse().expect("id")).expect("doc"),
    };
    let tpl = yusuan_export::template_for(&doc).expect("template");
    match yusuan_export::preflight(&bytes, &doc, tpl) {
        Ok(p) => println!("ok {p:?}"),
        Err(yusuan_export::ExportError::Preflight(v)) => v.iter().for_each(|p| println!("{p}")),
        Err(e) => println!("{e}"),
    }
}
