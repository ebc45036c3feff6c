//! Times comparing 20 documents of 5 departments over 4 years, once loaded: five real documents
//! (seeds 000, 001, 004 and two real PDFs), each given three earlier years by scaling every
//! amount (made-up years, for timing only). Prints the median of 30 runs.
//! `cargo run --release -q -p yusuan-compare --example bench_compare`
use rust_decimal::Decimal;
use std::time::Instant;
use yusuan_compare::{compare, series, Mapping, Options};
use yusuan_domain::{Cell, Document};

fn load(rel: &str) -> Document {
    let path = format!("{}/../../fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    yusuan_import::import_any(rel, &std::fs::read(&path).unwrap())
        .unwrap()
        .document
}

fn earlier(doc: &Document, years_back: i32) -> Document {
    let mut d = doc.clone();
    d.meta.year -= years_back;
    let factor = Decimal::from(100 - 3 * years_back) / Decimal::from(100);
    for t in &mut d.tables {
        for r in &mut t.rows {
            for c in &mut r.cells {
                if let Cell::Amount { value, .. } = c {
                    *value = (*value * factor).round_dp(2);
                }
            }
        }
    }
    d
}

fn main() {
    let bases = [
        "000_e54fcd81d7b1024c.txt",
        "001_e395be5bb9699fb6.txt",
        "004_dd8ce94d1496a6c0.txt",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    ];
    let groups: Vec<Vec<Document>> = bases
        .iter()
        .map(|b| {
            let now = load(b);
            (0..4).rev().map(|k| earlier(&now, k)).collect()
        })
        .collect();
    let amounts: usize = groups
        .iter()
        .flatten()
        .map(|d| d.tables.iter().map(|t| t.amount_count()).sum::<usize>())
        .sum();
    let mapping = Mapping::shipped();
    let options = Options::default();
    let mut times = Vec::new();
    let mut lines = 0;
    for _ in 0..30 {
        let t = Instant::now();
        lines = 0;
        for g in &groups {
            let docs: Vec<(&Document, String)> =
                g.iter().map(|d| (d, d.meta.year.to_string())).collect();
            let c = compare(&docs, &mapping, &options);
            let _ = series(&c, 10);
            lines += c.lines.len();
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!("20 documents (5 departments × 4 years, {amounts} amounts): {lines} aligned lines, median {:.2} ms (min {:.2}, max {:.2})", times[15], times[0], times[29]);
}
