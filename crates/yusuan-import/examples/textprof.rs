//! Times the text importer on one file (parse only, no store): `cargo run --release -p
//! yusuan-import --example textprof FILE [RUNS]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("file");
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(200);
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let imported = yusuan_import::import_any(&args[1], &bytes).expect("import");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(imported);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{}: median {:.2} ms over {runs} runs",
        args[1],
        times[runs / 2]
    );
}
