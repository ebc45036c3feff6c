//! Roll-forward in process: a real PDF read once, then rolled forward, derived and checked 60
//! times; the medians of each step (docs/benchmarks.md). `cargo run --release -q -p yusuan-draft
//! --example bench_roll -- fixtures/pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf`

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let doc = yusuan_import::import_pdf("x.pdf", &bytes).unwrap().document;
    let mut times = Vec::new();
    for _ in 0..60 {
        let t = std::time::Instant::now();
        let (d, _) = yusuan_draft::roll_forward(&doc, 1, None).unwrap();
        let t1 = t.elapsed();
        let derived = yusuan_draft::derive(&d);
        let t2 = t.elapsed();
        std::hint::black_box(&derived);
        let f = yusuan_draft::draft_findings(&d);
        std::hint::black_box(&f);
        let t3 = t.elapsed();
        times.push((
            t1.as_secs_f64() * 1000.0,
            (t2 - t1).as_secs_f64() * 1000.0,
            (t3 - t2).as_secs_f64() * 1000.0,
        ));
    }
    let mut r: Vec<f64> = times.iter().map(|t| t.0).collect();
    let mut dv: Vec<f64> = times.iter().map(|t| t.1).collect();
    let mut ck: Vec<f64> = times.iter().map(|t| t.2).collect();
    ck.sort_by(|a, b| a.partial_cmp(b).unwrap());
    r.sort_by(|a, b| a.partial_cmp(b).unwrap());
    dv.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "roll {:.2} ms, derive {:.2} ms, findings {:.2} ms (medians of 60)",
        r[30], dv[30], ck[30]
    );
}
