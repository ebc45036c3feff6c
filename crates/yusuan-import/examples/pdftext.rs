//! Prints the tab-separated text Yusuan reads from a PDF (for looking at real files).
fn main() {
    let path = std::env::args().nth(1).expect("usage: pdftext FILE.pdf");
    let bytes = std::fs::read(&path).expect("read");
    match yusuan_import::pdf_text(&path, &bytes) {
        Ok(t) => print!("{t}"),
        Err(e) => eprintln!("{e}"),
    }
}
