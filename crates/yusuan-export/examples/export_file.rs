//! Exports a file's document as the region's PDF: `cargo run -q -p yusuan-export --example
//! export_file -- FIXTURE OUT.pdf` (fonts: Debian's Noto CJK).
use std::sync::Arc;
use yusuan_export::{template_for, ExportOptions, FontFace, Fonts};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).unwrap();
    let doc = yusuan_import::import_any(&args[1], &bytes)
        .unwrap()
        .document;
    let serif =
        Arc::new(std::fs::read("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").unwrap());
    let sans =
        Arc::new(std::fs::read("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc").unwrap());
    let fonts = Fonts {
        body: FontFace::new("Noto Serif CJK SC", serif, 2).unwrap(),
        heading: FontFace::new("Noto Sans CJK SC Bold", sans, 2).unwrap(),
    };
    let t = std::time::Instant::now();
    let template = template_for(&doc).unwrap();
    if let Ok(needle) = std::env::var("DUMP") {
        let o = ExportOptions {
            date: (2026, 2, 1),
            page_numbers: false,
            contents_page_numbers: false,
        };
        dump(
            &yusuan_export::layout::layout(&doc, template, &fonts, &o).unwrap(),
            &needle,
        );
    }
    let o = ExportOptions {
        date: (2026, 2, 1),
        page_numbers: false,
        contents_page_numbers: false,
    };
    let t0 = std::time::Instant::now();
    let pages = yusuan_export::layout::layout(&doc, template, &fonts, &o).unwrap();
    let t1 = t0.elapsed();
    let pdf = yusuan_export::pdf::write(&pages, &fonts, &doc.meta.title, &o).unwrap();
    let t2 = t0.elapsed();
    let _ = yusuan_export::preflight(&pdf, &doc, template);
    eprintln!(
        "layout {t1:?}, pdf {:?}, preflight {:?}",
        t2 - t1,
        t0.elapsed() - t2
    );
    eprintln!(
        "{} pages? {} bytes in {:?}",
        template.id,
        pdf.len(),
        t.elapsed()
    );
    match yusuan_export::preflight(&pdf, &doc, template) {
        Ok(p) => eprintln!(
            "preflight ok: {} pages, {} tables, {} numbers, {} figures",
            p.pages, p.tables, p.numbers, p.narrative_figures
        ),
        Err(yusuan_export::ExportError::Preflight(p)) => {
            eprintln!("preflight: {} problems", p.len());
            for x in &p {
                eprintln!("  {}", x.chars().take(160).collect::<String>());
            }
        }
        Err(e) => eprintln!("{e}"),
    }
    std::fs::write(&args[2], pdf).unwrap();
}

#[allow(dead_code)]
fn dump(pages: &[yusuan_export::Page], needle: &str) {
    for p in pages {
        if p.holds.iter().any(|h| h.contains(needle)) {
            for i in &p.items {
                if let yusuan_export::Item::Text {
                    x, y, size, text, ..
                } = i
                {
                    eprintln!("{x:7.1} {y:7.1} {size:4.1} {text}");
                }
            }
        }
    }
}
