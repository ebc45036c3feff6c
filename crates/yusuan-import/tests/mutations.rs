//! The bounded fuzz run of CI (stable toolchain): each real fixture mutated a fixed number of
//! times by a seeded generator — bytes flipped, runs deleted, duplicated or inserted, the file
//! cut short, digits, tabs and line breaks changed — and imported, each document that comes out
//! checked by every rule. No input may panic in our code (a panic a dependency raises is caught
//! and reported as a damaged file, by design), yield an internal error, or hang. Inputs the long
//! libFuzzer runs found (fuzz/regressions/<target>/, see docs/reliability.md) are replayed too.

use std::path::Path;
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};
use yusuan_import::{ImportError, Imported};
use yusuan_testkit::{fixture_bytes, root, SEEDS};

static HOOK: Once = Once::new();
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Records panics raised in our own crates (the importer catches them; here they fail the test).
fn watch_panics() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            if info
                .location()
                .is_some_and(|l| l.file().contains("yusuan-"))
            {
                PANICS.lock().unwrap().push(info.to_string());
            }
        }));
    });
}

/// xorshift64*: the same mutations on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Any edit: bytes flipped, runs deleted, duplicated or inserted, the file cut short, digits,
/// tabs and line breaks changed.
const ANY: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7];
/// Edits that keep a file's length and its structure's offsets (a PDF's cross-reference table
/// still finds every object, so the damage reaches the page contents and fonts).
const IN_PLACE: &[usize] = &[0, 5, 8];
/// Edits of a text's layout and numbers that keep it valid UTF-8 (so the parsers, not the
/// decoder, meet them).
const LAYOUT: &[usize] = &[5, 6, 7, 9];

/// One to four random edits of `input`, each of one of the kinds `ops`.
fn mutate(input: &[u8], rng: &mut Rng, ops: &[usize]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        let at = rng.below(len);
        match ops[rng.below(ops.len())] {
            0 => {
                if len > 0 {
                    out[at] ^= 1 << rng.below(8);
                }
            }
            1 => {
                let n = rng.below(64).min(len - at.min(len));
                out.drain(at..at + n);
            }
            2 => {
                let n = rng.below(256).min(len - at.min(len));
                let run = out[at..at + n].to_vec();
                let to = rng.below(len);
                out.splice(to..to, run);
            }
            3 => {
                let bytes: Vec<u8> = (0..1 + rng.below(16)).map(|_| rng.next() as u8).collect();
                out.splice(at..at, bytes);
            }
            4 => out.truncate(at),
            5 => {
                // A digit changed into another (amounts that no longer add up).
                if let Some(p) = (at..len).find(|&i| out[i].is_ascii_digit()) {
                    out[p] = b'0' + rng.below(10) as u8;
                }
            }
            6 => {
                let b = [b'\t', b'\n', b' ', b',', b'.', b'-'][rng.below(6)];
                out.insert(at.min(len), b);
            }
            7 => {
                if let Some(p) = (at..len).find(|&i| matches!(out[i], b'\t' | b'\n')) {
                    out.remove(p);
                }
            }
            8 => {
                for b in out.iter_mut().skip(at).take(1 + rng.below(32)) {
                    *b = rng.next() as u8;
                }
            }
            _ => {
                // A whole line deleted or repeated (rows lost, rows printed twice).
                let starts: Vec<usize> = std::iter::once(0)
                    .chain((0..len).filter(|&i| out[i] == b'\n').map(|i| i + 1))
                    .collect();
                let k = rng.below(starts.len());
                let end = starts.get(k + 1).copied().unwrap_or(len);
                let line = out[starts[k]..end].to_vec();
                if rng.below(2) == 0 {
                    out.drain(starts[k]..end);
                } else {
                    out.splice(end..end, line);
                }
            }
        }
    }
    out
}

fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("fuzz/regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return vec![];
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// An importer of the crate.
type Importer = fn(&str, &[u8]) -> Result<Imported, ImportError>;

/// Each fuzz target: the file name its inputs are imported under, its importer, the seconds one
/// input may take at the most, and the folders of `fuzz/regressions/` replayed with it.
const TARGETS: [(&str, &str, Importer, u64, &[&str]); 3] = [
    (
        "text",
        "fuzz.txt",
        yusuan_import::import_text,
        10,
        &["text", "check"],
    ),
    ("pdf", "fuzz.pdf", yusuan_import::import_pdf, 30, &["pdf"]),
    (
        "xlsx",
        "fuzz.xlsx",
        yusuan_import::import_xlsx,
        10,
        &["xlsx"],
    ),
];

/// Imports each input, then the target's regressions, with the `target`'s importer (and checks
/// what it gives), failing on a panic of ours, an internal error or an input that takes longer
/// than the target allows.
fn run(target: &str, mut inputs: Vec<(String, Vec<u8>)>) {
    let (_, name, import, seconds, replayed) = TARGETS
        .into_iter()
        .find(|t| t.0 == target)
        .expect("a fuzz target");
    let slow = Duration::from_secs(seconds);
    inputs.extend(replayed.iter().flat_map(|r| regressions(r)));
    watch_panics();
    let mut failures = Vec::new();
    let count = inputs.len();
    let mut imported_count = 0;
    for (what, bytes) in inputs {
        let started = Instant::now();
        let result = import(name, &bytes);
        if let Ok(imported) = &result {
            imported_count += 1;
            for f in yusuan_check::check(&imported.document) {
                if f.message.contains("内部错误") {
                    failures.push(format!("{what}: {}", f.message));
                }
            }
        }
        if let Err(e @ ImportError::Internal { .. }) = &result {
            failures.push(format!("{what}: {e}"));
        }
        let took = started.elapsed();
        if took > slow {
            failures.push(format!("{what}: took {took:?}"));
        }
        let panics: Vec<String> = PANICS.lock().unwrap().drain(..).collect();
        if !panics.is_empty() {
            failures.push(format!("{what}: {}", panics.join("; ")));
            if std::env::var_os("MUTATIONS_SAVE").is_some() {
                std::fs::write(
                    Path::new("/tmp").join(format!("mutation-{}", what.replace(['/', ' '], "_"))),
                    &bytes,
                )
                .unwrap();
            }
        }
    }
    eprintln!("{name}: {count} inputs, {imported_count} imported, the rest refused");
    assert!(
        failures.is_empty(),
        "{} of {count} inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The fixtures `files` mutated in rounds, each round (mutants per file, the generator's seed,
/// the kinds of edit) over every file in turn.
fn mutants(files: &[&str], rounds: &[(usize, u64, &[usize])]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for &(per_file, seed, ops) in rounds {
        let mut rng = Rng(seed);
        for f in files {
            let bytes = fixture_bytes(f);
            for k in 0..per_file {
                out.push((format!("{f} #{k} ({ops:?})"), mutate(&bytes, &mut rng, ops)));
            }
        }
    }
    out
}

#[test]
fn mutated_texts_import_or_are_refused_cleanly() {
    let rounds = [(40, 0x5EED_0001, ANY), (160, 0x5EED_0011, LAYOUT)];
    run("text", mutants(&SEEDS, &rounds));
}

#[test]
fn mutated_pdfs_import_or_are_refused_cleanly() {
    let files = [
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-caizhengju-2024-bumen-juesuan-TAMPERED.pdf",
    ];
    let rounds = [(4, 0x5EED_0002, ANY), (12, 0x5EED_0012, IN_PLACE)];
    run("pdf", mutants(&files, &rounds));
}

#[test]
fn mutated_workbooks_import_or_are_refused_cleanly() {
    // Workbooks of seed 000's tables, one sheet each (as budget systems export them): the
    // file's bytes mutated, and the sheets' cells mutated before the workbook is written.
    let doc = yusuan_import::import_text("000.txt", &fixture_bytes(SEEDS[0]))
        .unwrap()
        .document;
    let sheets: Vec<String> = doc.tables.iter().map(yusuan_import::table_text).collect();
    let workbook = |sheets: &[String]| {
        let mut book = rust_xlsxwriter::Workbook::new();
        for text in sheets {
            let sheet = book.add_worksheet();
            for (r, line) in text.lines().enumerate() {
                for (c, cell) in line.split('\t').enumerate() {
                    sheet.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
        book.save_to_buffer().unwrap()
    };
    let bytes = workbook(&sheets);
    let mut rng = Rng(0x5EED_0003);
    let mut inputs: Vec<(String, Vec<u8>)> = (0..20)
        .map(|k| (format!("workbook #{k}"), mutate(&bytes, &mut rng, ANY)))
        .collect();
    for k in 0..60 {
        let mut cells = sheets.clone();
        let s = rng.below(cells.len());
        cells[s] =
            String::from_utf8_lossy(&mutate(cells[s].as_bytes(), &mut rng, LAYOUT)).into_owned();
        inputs.push((format!("workbook of mutated cells #{k}"), workbook(&cells)));
    }
    run("xlsx", inputs);
}
