//! Benchmark: import time of every fixture (parse + store in an in-memory library), and the
//! PDFs against `pdftotext` (poppler) on the same files in the same run.
//!
//! `cargo run --release -p yusuan-api --example bench_import` prints a Markdown table (medians
//! of repeated runs) for docs/benchmarks.md.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use yusuan_api::{import_bytes, Library};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn fixtures(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures"))
        .unwrap()
        .chain(std::fs::read_dir(root.join("fixtures/pdf")).unwrap())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "pdf"))
        .collect();
    out.sort();
    out
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let runs = 30;
    println!(
        "| file | result | import (parse + store), median ms | pdftotext, median ms | ratio |"
    );
    println!("|---|---|---|---|---|");
    let mut seeds_total = Duration::ZERO;
    for path in fixtures(&root) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let mut times = Vec::new();
        let mut result = String::new();
        for _ in 0..runs {
            let dir = tempfile::tempdir().unwrap();
            let mut lib = Library::open(&dir.path().join("b.db")).unwrap();
            // A disclosure's tables published apart (`…-tables.pdf`) join its narrative, which
            // is imported first (not timed).
            let narrative = path.with_file_name(name.replace("-tables.pdf", "-text.pdf"));
            if name.ends_with("-tables.pdf") && narrative.exists() {
                yusuan_api::import_file(&mut lib, &narrative, "2026-01-01T00:00:00Z").unwrap();
            }
            let t = Instant::now();
            let r = import_bytes(&mut lib, &name, &bytes, "2026-01-01T00:00:00Z");
            times.push(t.elapsed());
            result = match r {
                Ok(o) if o.attached => format!(
                    "{} 个金额（并入文字说明）",
                    o.report.map_or(0, |r| r.amounts)
                ),
                Ok(o) => format!("{} 个金额", o.report.map_or(0, |r| r.amounts)),
                Err(e) => format!("未导入：{e}"),
            };
        }
        let ours = median(times);
        if name.ends_with(".txt") {
            seeds_total += ours;
        }
        let (pt, ratio) = if name.ends_with(".pdf") {
            let mut t_ext = Vec::new();
            for _ in 0..runs {
                let t = Instant::now();
                let ok = Command::new("pdftotext")
                    .arg(&path)
                    .arg("-")
                    .output()
                    .map(|o| o.status.success())
                    .unwrap_or(false);
                t_ext.push(t.elapsed());
                assert!(
                    ok,
                    "pdftotext failed (scripts/install-deps.sh installs poppler-utils)"
                );
            }
            let p = median(t_ext);
            (
                ms(p),
                format!("{:.2}×", ours.as_secs_f64() / p.as_secs_f64()),
            )
        } else {
            ("–".into(), "–".into())
        };
        println!("| {name} | {result} | {} | {pt} | {ratio} |", ms(ours));
    }
    println!(
        "\nFive seeds, parse + store, sum of medians: {} ms",
        ms(seeds_total)
    );
}
