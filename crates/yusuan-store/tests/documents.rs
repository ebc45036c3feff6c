//! A real document kept whole: stored with every amount in long form, read back equal, found by
//! its hash, replaced by its joined form (either file recognised after), removed; an export
//! recorded — on the engine this run keeps its libraries in (a file, or the test server).

use yusuan_store::{ExportRecord, NewDocument, StoreError};

mod common;

fn seed() -> yusuan_domain::Document {
    let text = yusuan_testkit::fixture_bytes(yusuan_testkit::SEEDS[0]);
    yusuan_import::import_any("seed.txt", &text)
        .expect("the seed imports")
        .document
}

fn new<'a>(doc: &'a yusuan_domain::Document, hash: &'a str) -> NewDocument<'a> {
    NewDocument {
        document: doc,
        source_name: "seed.txt",
        content_hash: hash,
        imported_at: "2026-12-06T00:00:00Z",
        report_json: "{}",
    }
}

#[test]
fn a_document_is_kept_whole_with_every_amount_and_found_again() {
    let place = common::Place::new();
    let mut store = place.open();
    assert_eq!(
        store.schema_version().unwrap(),
        yusuan_store::MIGRATIONS.last().unwrap().version
    );
    let doc = seed();
    let id = store.insert(&new(&doc, "h1")).unwrap();
    assert_eq!(store.get(id).unwrap(), doc);
    let cells: usize = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .filter(|c| c.amount().is_some())
        .count();
    assert!(cells > 100, "{cells}");
    assert_eq!(store.amount_rows(id).unwrap().len(), cells);
    let listed = &store.list().unwrap()[0];
    assert_eq!((listed.id, listed.year), (id, doc.meta.year));
    assert_eq!(listed.amounts as usize, cells);
    assert_eq!(listed.tables as usize, doc.tables.len());
    assert!(matches!(
        store.insert(&new(&doc, "h1")),
        Err(StoreError::Duplicate { existing }) if existing == id
    ));

    // Joined with its second file: the same id, either hash recognised.
    let mut joined = doc.clone();
    joined.tables.truncate(2);
    store.replace(id, &new(&joined, "h2")).unwrap();
    assert_eq!(store.get(id).unwrap(), joined);
    assert_eq!(store.find_by_hash("h1").unwrap(), Some(id));
    assert_eq!(store.find_by_hash("h2").unwrap(), Some(id));
    assert_eq!(store.content_hash(id).unwrap(), "h1");
    assert!(store.amount_rows(id).unwrap().len() < cells);
    assert!(matches!(
        store.replace(999, &new(&joined, "h3")),
        Err(StoreError::NotFound(999))
    ));

    store.delete(id).unwrap();
    assert!(matches!(store.get(id), Err(StoreError::NotFound(_))));
    assert!(store.amount_rows(id).unwrap().is_empty());
    assert_eq!(store.find_by_hash("h2").unwrap(), None);
}

#[test]
fn an_export_is_recorded_with_what_it_was_made_from() {
    let place = common::Place::new();
    let mut store = place.open();
    let draft = store
        .insert_draft("某局", 2027, "上海9张表", None, "t0", "{}")
        .unwrap();
    let record = ExportRecord {
        doc_id: None,
        draft_id: Some(draft),
        draft_hash: Some("abc".into()),
        format: "pdf".into(),
        template: "shanghai-9-bumen".into(),
        path: "/tmp/某局.pdf".into(),
        sha256: "f00".into(),
        bytes: 123_456,
        pages: Some(21),
        explanations: "{\"W001\":\"已说明\"}".into(),
        exported_at: "t1".into(),
        os_user: "财务".into(),
    };
    let first = store.record_export(&record).unwrap();
    let second = store.record_export(&record).unwrap();
    assert!(second > first);
    // Attributed to the OS user the caller names — on a server, to the server's user.
    let expected = ExportRecord {
        os_user: store.server_user().unwrap_or("财务").to_string(),
        ..record
    };
    assert_eq!(store.exports().unwrap(), vec![expected.clone(), expected]);
    assert_eq!(
        store.draft_listing().unwrap(),
        vec![(draft, "某局".to_string(), 2027, None)]
    );
}
