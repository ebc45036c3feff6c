//! The whole stored model of each real document (cover, contents, sections, tables, projects,
//! forms, stated figures, what was not understood) as a snapshot: any change to what the
//! importer reads shows up as a diff to review (`UPDATE_GOLDEN=1` rewrites them). Every number in
//! them is also in the `*.numbers.tsv` goldens, which were read against the sources; the model's
//! structure is asserted by the hand-written tests (`seed_000.rs`, `seeds_more.rs`,
//! `real_pdfs.rs`).

mod common;

use common::{golden, import_fixture, root};

#[test]
fn every_document_model_matches_its_snapshot() {
    for (file, stem) in [
        ("000_e54fcd81d7b1024c.txt", "000_e54fcd81d7b1024c"),
        ("001_e395be5bb9699fb6.txt", "001_e395be5bb9699fb6"),
        ("002_e0c4b3d6f0f45810.txt", "002_e0c4b3d6f0f45810"),
        ("003_f631a08b6fb80526.txt", "003_f631a08b6fb80526"),
        ("004_dd8ce94d1496a6c0.txt", "004_dd8ce94d1496a6c0"),
        ("pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf", "wanli-2024"),
        ("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf", "wanli-2025"),
        ("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf", "district-office-2025-bumen-yusuan"),
        ("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf", "district-office-2025-danwei-yusuan"),
    ] {
        let (doc, _) = import_fixture(file);
        let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        golden(&root().join(format!("fixtures/golden/{stem}.model.json")), &json);
    }
}
