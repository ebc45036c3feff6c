//! Benchmark: a bureau's library on PostgreSQL beside a desk's SQLite file, in the same run —
//! the import of every given PDF (parse + store; fresh library each round), an edit's round
//! trip on a rolled-forward draft (load, apply, check the stale read, write the state and its
//! event), and the district's page over 300 departments. The server is the one `YUSUAN_TEST_POSTGRES` names (`scripts/postgres.sh`), each
//! library a schema of its own.
//!
//! `YUSUAN_TEST_POSTGRES=$(bash scripts/postgres.sh) cargo run --release -q -p yusuan-api --example bench_server`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use yusuan_api::{draft_new, draft_set, import_file, parse_draft_ref, Library};

const NOW: &str = "2026-12-06T00:00:00Z";

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// A fresh library of each kind: a file in a new folder, or a new schema on the server.
enum Fresh {
    File(tempfile::TempDir),
    Server(yusuan_testkit::ServerLibrary),
}

impl Fresh {
    fn new(server: bool) -> Fresh {
        if server {
            Fresh::Server(yusuan_testkit::ServerLibrary::new())
        } else {
            Fresh::File(tempfile::tempdir().unwrap())
        }
    }

    fn open(&self) -> Library {
        match self {
            Fresh::File(d) => Library::open(&d.path().join("lib.db")).unwrap(),
            Fresh::Server(s) => Library::open(Path::new(&s.url)).unwrap(),
        }
    }
}

fn pdfs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    v.sort();
    v
}

/// Every PDF imported into a fresh library: the whole import's time.
fn import_all(server: bool) -> Duration {
    let fresh = Fresh::new(server);
    let mut lib = fresh.open();
    let start = Instant::now();
    for p in pdfs() {
        import_file(&mut lib, &p, NOW).unwrap();
    }
    start.elapsed()
}

/// The median of `n` edits of one line of the wanli 2025 draft.
fn edit_round_trip(server: bool, n: usize) -> Duration {
    let fresh = Fresh::new(server);
    let mut lib = fresh.open();
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let doc = import_file(&mut lib, &pdf, NOW).unwrap().id;
    let id = parse_draft_ref(&draft_new(&mut lib, doc, None, NOW).unwrap().draft)
        .unwrap()
        .0;
    let key = yusuan_api::draft_lines(&lib, id)
        .unwrap()
        .into_iter()
        .map(|l| l.key)
        .find(|k| k.starts_with("支出|一般公共预算|"))
        .unwrap();
    let times = (0..n)
        .map(|i| {
            let start = Instant::now();
            draft_set(&mut lib, id, &key, &(400_000 + i).to_string(), NOW).unwrap();
            start.elapsed()
        })
        .collect();
    median(times)
}

/// The district's page over 300 departments, each draft (a blank one of the wanli document's
/// format) submitted as 一上: the median of 21 pages.
fn district_page(server: bool) -> Duration {
    let fresh = Fresh::new(server);
    let mut lib = fresh.open();
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let doc = import_file(&mut lib, &pdf, NOW).unwrap().id;
    for i in 0..300 {
        let req = yusuan_api::BlankRequest {
            department: format!("第{i:03}局"),
            region: None,
            year: Some(2027),
            threshold_percent: None,
        };
        let made =
            yusuan_api::draft_new_blank(&mut lib, &yusuan_api::BlankFrom::Document(doc), &req, NOW)
                .unwrap();
        let id = parse_draft_ref(&made.draft).unwrap().0;
        yusuan_api::draft_submit(&mut lib, id, "一上", NOW).unwrap();
    }
    let times = (0..21)
        .map(|_| {
            let start = Instant::now();
            assert_eq!(yusuan_api::district_view(&lib).unwrap().len(), 300);
            start.elapsed()
        })
        .collect();
    median(times)
}

fn main() {
    let rounds = 5;
    let (mut file, mut server) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        file.push(import_all(false));
        server.push(import_all(true));
    }
    let (f, s) = (median(file), median(server));
    println!("| what | SQLite file | PostgreSQL | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| import of the {} given PDFs into a new library, median of {rounds} | {} ms | {} ms | {:.2} |",
        pdfs().len(),
        ms(f),
        ms(s),
        s.as_secs_f64() / f.as_secs_f64()
    );
    let (f, s) = (edit_round_trip(false, 21), edit_round_trip(true, 21));
    println!(
        "| an edit's round trip (`draft_set`, wanli 2025 draft), median of 21 | {} ms | {} ms | {:.2} |",
        ms(f),
        ms(s),
        s.as_secs_f64() / f.as_secs_f64()
    );
    let (f, s) = (district_page(false), district_page(true));
    println!(
        "| the district's page, 300 departments each with a submitted version, median of 21 | {} ms | {} ms | {:.2} |",
        ms(f),
        ms(s),
        s.as_secs_f64() / f.as_secs_f64()
    );
}
