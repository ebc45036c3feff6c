//! Times a full check (every rule) of each seed and real PDF, once imported: the median of 200
//! runs. `cargo run --release -q -p yusuan-check --example bench_check`
use std::time::Instant;
use yusuan_testkit::{fixture_bytes, SEEDS};

fn read(f: &str) -> (yusuan_domain::Document, usize) {
    // The Jiangsu pair: the narrative, and the tables read with its cover (as the library joins them).
    if let Some(stem) = f.strip_suffix(" (pair)") {
        let text = fixture_bytes(&format!("{stem}-text.pdf"));
        let tables = fixture_bytes(&format!("{stem}-tables.pdf"));
        let narrative = yusuan_import::import_any("text.pdf", &text)
            .unwrap()
            .document;
        let doc = yusuan_import::attach_tables(&narrative, "tables.pdf", &tables)
            .unwrap()
            .document;
        return (doc, text.len() + tables.len());
    }
    let bytes = fixture_bytes(f);
    (
        yusuan_import::import_any(f, &bytes).unwrap().document,
        bytes.len(),
    )
}

fn main() {
    let pdfs = [
        "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
        "pdf/jiangsu-zhengxie-2018-bumen-yusuan (pair)",
        "pdf/shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf",
        "pdf/shanghai-putuo-caizhengju-2024-bumen-juesuan-TAMPERED.pdf",
    ];
    println!("| document | size | findings | full check, median ms |\n|---|---|---|---|");
    for f in SEEDS.into_iter().chain(pdfs) {
        let (doc, size) = read(f);
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..200 {
            let t = Instant::now();
            n = yusuan_check::check(&doc).len();
            times.push(t.elapsed().as_secs_f64() * 1000.0); // timing, not money
        }
        times.sort_by(f64::total_cmp);
        println!("| {f} | {} KB | {n} | {:.3} |", size / 1024, times[100]);
    }
}
