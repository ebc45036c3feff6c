//! Times a full check (every rule) of each seed and real PDF, once imported: the median of 200
//! runs. `cargo run --release -q -p yusuan-check --example bench_check`
use std::time::Instant;

fn main() {
    let files = [
        "000_e54fcd81d7b1024c.txt",
        "001_e395be5bb9699fb6.txt",
        "002_e0c4b3d6f0f45810.txt",
        "003_f631a08b6fb80526.txt",
        "004_dd8ce94d1496a6c0.txt",
        "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    ];
    println!("| document | size | findings | full check, median ms |\n|---|---|---|---|");
    for f in files {
        let path = format!("{}/../../fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        let doc = yusuan_import::import_any(f, &bytes).unwrap().document;
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..200 {
            let t = Instant::now();
            n = yusuan_check::check(&doc).len();
            times.push(t.elapsed().as_secs_f64() * 1000.0); // timing, not money
        }
        times.sort_by(f64::total_cmp);
        println!("| {f} | {} KB | {n} | {:.3} |", bytes.len() / 1024, times[100]);
    }
}
