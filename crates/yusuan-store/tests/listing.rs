//! The document list and a department's documents, read from the list index.

use yusuan_store::NewDocument;

mod common;

fn doc(department: &str, year: i32) -> yusuan_domain::Document {
    yusuan_domain::Document::new(yusuan_domain::DocumentMeta {
        title: format!("{department}{year}年部门预算"),
        department: department.into(),
        year,
        kind: yusuan_domain::DocKind::Budget,
        scope: yusuan_domain::Scope::Department,
        format: yusuan_domain::RegionalFormat::Shanghai9,
        region: None,
        published: None,
    })
}

#[test]
fn a_department_is_found_with_its_name_printed_with_spaces_and_nothing_else() {
    let place = common::Place::new();
    let mut store = place.open();
    let mut add = |department: &str, year: i32, hash: &str| {
        store
            .insert(&NewDocument {
                document: &doc(department, year),
                source_name: "a.pdf",
                content_hash: hash,
                imported_at: "t",
                report_json: "{}",
            })
            .unwrap()
    };
    let a2025 = add("上海市某区 财政局", 2025, "1");
    let other = add("上海市某区财政局机关", 2025, "2");
    let a2024 = add("上海市某区\u{3000}财政局", 2024, "3");
    let a2026 = add("上海市某区财政局", 2026, "4");
    // Oldest year first, across every spelling of the name; another department left out.
    assert_eq!(
        store.same_department(a2025).unwrap(),
        vec![(a2024, 2024), (a2025, 2025), (a2026, 2026)]
    );
    assert_eq!(store.same_department(other).unwrap(), vec![(other, 2025)]);
    assert!(store.same_department(999).unwrap().is_empty());
    // The list: by department, then year, with the counts kept in each row.
    let list = store.list().unwrap();
    let order: Vec<i64> = list.iter().map(|d| d.id).collect();
    // Names compare as printed (a space sorts first): the list does not merge spellings.
    assert_eq!(order, vec![a2025, a2024, a2026, other]);
    assert!(list.iter().all(|d| d.tables == 0 && d.amounts == 0));
}
