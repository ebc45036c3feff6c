//! Times the phases of a PDF import (load, text layer, parse) for one file.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("usage: pdfprof FILE.pdf");
    let bytes = std::fs::read(&path).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let doc = pdf_extract::Document::load_mem(&bytes).unwrap();
        let load = t.elapsed();
        drop(doc);
        let t = Instant::now();
        let lines = yusuan_import::pdf_lines(&path, &bytes).unwrap();
        let text = t.elapsed();
        let t = Instant::now();
        let _ =
            yusuan_import::parse_lines_with(&path, &lines, yusuan_import::Layout::Flow).unwrap();
        let parse = t.elapsed();
        println!("load {load:?}  load+text layer {text:?}  parse {parse:?}");
    }
}
