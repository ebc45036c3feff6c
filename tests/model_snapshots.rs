//! The whole stored model of each real document (cover, contents, sections, tables, projects,
//! forms, stated figures, what was not understood) as a snapshot: any change to what the
//! importer reads shows up as a diff to review (`UPDATE_GOLDEN=1` rewrites them). Every number in
//! them is also in the `*.numbers.tsv` goldens, which were read against the sources; the model's
//! structure is asserted by the hand-written tests (`seed_000.rs`, `seeds_more.rs`,
//! `real_pdfs.rs`).

mod common;

use common::{golden, import_fixture, root, REAL_DOCUMENTS};

#[test]
fn every_document_model_matches_its_snapshot() {
    for (file, stem) in REAL_DOCUMENTS {
        let (doc, _) = import_fixture(file);
        let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        golden(
            &root().join(format!("fixtures/golden/{stem}.model.json")),
            &json,
        );
    }
}
