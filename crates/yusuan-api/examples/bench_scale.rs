//! Benchmark: a library of 100, 1,000 and 10,000 documents (a city's departments and units over
//! five years, made by varying the real fixtures: each copy another department, years 2021–2025),
//! and what a user waits for in it — the document list, finding a department by a word of its
//! name, one department's five years compared — with the file's size and the store's throughput.
//!
//! `cargo run --release -p yusuan-api --example bench_scale [-- 10000]` prints a Markdown table for
//! docs/benchmarks.md (medians of repeated runs; the library is built in a temporary folder, or
//! kept in `KEEP_DIR` as that data folder's user library, to open the app on it).

use std::path::PathBuf;
use std::time::{Duration, Instant};
use yusuan_api::{compare_ids, Library};
use yusuan_domain::Document;
use yusuan_store::NewDocument;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// The fixtures with tables, read once.
fn sources() -> Vec<Document> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    [
        "000_e54fcd81d7b1024c.txt",
        "001_e395be5bb9699fb6.txt",
        "004_dd8ce94d1496a6c0.txt",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    ]
    .iter()
    .map(|f| {
        yusuan_import::import_any(f, &std::fs::read(root.join(f)).unwrap())
            .unwrap()
            .document
    })
    .collect()
}

fn main() {
    let sizes: Vec<usize> = match std::env::args().nth(1) {
        Some(n) => vec![n.parse().expect("a number of documents")],
        None => vec![100, 1_000, 10_000],
    };
    let sources = sources();
    let options = yusuan_compare::Options::default();
    println!("| documents | build (docs/s) | file (MB) | list, median ms | find a department, median ms | compare 5 years, median ms |");
    println!("|---|---|---|---|---|---|");
    for n in sizes {
        // KEEP_DIR=dir keeps the library as the user library of that data folder (to open the
        // app on it: YUSUAN_DATA_DIR=dir).
        let dir = tempfile::tempdir().unwrap();
        let folder = std::env::var_os("KEEP_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.path().to_path_buf());
        let path = folder.join("library.db");
        let mut lib = Library::open(&path).unwrap();
        let started = Instant::now();
        for k in 0..n {
            let mut doc = sources[(k / 5) % sources.len()].clone();
            // Five years of each department.
            doc.meta.department = format!("{}（第{}号）", doc.meta.department, k / 5);
            doc.meta.year = 2021 + (k % 5) as i32;
            let hash = format!("scale-{k}");
            lib.store_mut()
                .insert(&NewDocument {
                    document: &doc,
                    source_name: "scale",
                    content_hash: &hash,
                    imported_at: "2026-12-01T00:00:00Z",
                    report_json: "{}",
                })
                .unwrap();
        }
        let built = started.elapsed();
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
            + std::fs::metadata(folder.join("library.db-wal"))
                .map(|m| m.len())
                .unwrap_or(0);
        let runs = 15;
        let list = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let l = lib.list().unwrap();
                    assert_eq!(l.len(), n);
                    t.elapsed()
                })
                .collect(),
        );
        let wanted = format!("（第{}号）", n / 10);
        let find = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let l = lib.list().unwrap();
                    let hits = l.iter().filter(|d| d.department.contains(&wanted)).count();
                    assert_eq!(hits, 5);
                    t.elapsed()
                })
                .collect(),
        );
        let id = lib
            .list()
            .unwrap()
            .iter()
            .find(|d| d.department.contains(&wanted))
            .unwrap()
            .id;
        let compare = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let ids = yusuan_api::same_department(&lib, id).unwrap();
                    assert_eq!(ids.len(), 5);
                    compare_ids(&lib, &ids, &options).unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        println!(
            "| {n} | {:.0} | {:.1} | {} | {} | {} |",
            n as f64 / built.as_secs_f64(),
            size as f64 / 1e6,
            ms(list),
            ms(find),
            ms(compare)
        );
    }
}
