//! Prints each line Yusuan reads from a PDF with its cells' ruled boxes (for looking at real
//! files' table layouts): `cargo run -p yusuan-import --example pdfboxes -- FILE.pdf [FROM TO]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: pdfboxes FILE.pdf [FROM TO]");
    let from: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let to: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(usize::MAX);
    let bytes = std::fs::read(&path).expect("read");
    let lines = match yusuan_import::pdf_lines(&path, &bytes) {
        Ok(l) => l,
        Err(e) => return eprintln!("{e}"),
    };
    for (k, l) in lines
        .iter()
        .enumerate()
        .filter(|(k, _)| (from..to).contains(k))
    {
        let cells: Vec<String> = l
            .cells
            .iter()
            .zip(l.boxes.iter().map(Some).chain(std::iter::repeat(None)))
            .zip(l.spans.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|((c, b), s)| {
                let span = s.map_or(String::new(), |s| format!("({:.0}-{:.0})", s.0, s.1));
                match b.copied().flatten() {
                    Some(b) => format!(
                        "{c}{span}[{:.0},{:.0}-{:.0},{:.0}]",
                        b.left, b.top, b.right, b.bottom
                    ),
                    None => format!("{c}{span}[-]"),
                }
            })
            .collect();
        println!("{k} p{:?}: {}", l.location.page, cells.join(" ⇥ "));
    }
}
