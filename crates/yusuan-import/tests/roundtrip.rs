//! Text → model → text → model keeps every number: for every table of the real fixtures, and
//! for generated tables (property test). Mutated seeds never make the importer fail internally.

use proptest::prelude::*;
use yusuan_domain::{Cell, Column, FunctionCode, Location, Row, RowCode, Table, TableKind, Unit};
use yusuan_import::{import_any, import_text, table_text, ImportError};
use yusuan_testkit::fixture_bytes;

/// Every (code, label, side, column, value) of a table, sorted (a two-sided table may pair its
/// 收入 and 支出 rows on other lines when written back).
fn numbers(t: &Table) -> Vec<(String, String, String, String, String)> {
    let mut out = Vec::new();
    for r in &t.rows {
        for (i, c) in r.cells.iter().enumerate() {
            if let Cell::Amount { value, .. } = c {
                out.push((
                    r.code
                        .as_ref()
                        .map(|c| c.as_str().to_string())
                        .unwrap_or_default(),
                    r.label.clone(),
                    format!("{:?}", r.side),
                    t.columns[i].name(),
                    value.to_string(),
                ));
            }
        }
    }
    out.sort();
    out
}

fn reparse(t: &Table) -> Table {
    let text = format!(
        "上海市2026年市级部门预算\n\n预算主管部门：测试部门\n\n{}",
        table_text(t)
    );
    let doc =
        import_text("roundtrip.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(doc.document.tables.len(), 1, "{text}");
    doc.document.tables.into_iter().next().unwrap()
}

#[test]
fn every_table_of_the_real_documents_survives_a_round_trip() {
    let docs = [
        import_text("000.txt", &fixture_bytes("000_e54fcd81d7b1024c.txt"))
            .unwrap()
            .document,
        import_any(
            "a.pdf",
            &fixture_bytes("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        )
        .unwrap()
        .document,
        import_any(
            "b.pdf",
            &fixture_bytes("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf"),
        )
        .unwrap()
        .document,
    ];
    let mut tables = 0;
    for doc in &docs {
        for t in &doc.tables {
            let back = reparse(t);
            assert_eq!(numbers(&back), numbers(t), "{}", t.title);
            assert_eq!(back.unit, t.unit);
            tables += 1;
        }
    }
    assert_eq!(tables, 29);
}

fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (0u64..10_000_000_000).prop_map(|v| {
            let s = v.to_string();
            let mut out = String::new();
            for (i, ch) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(ch);
            }
            out
        }),
        (0u64..100_000_000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b:02}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A made-up function-classified table with random amounts and blanks keeps every number.
    #[test]
    fn generated_tables_round_trip(values in proptest::collection::vec(proptest::collection::vec(amount_text(), 3), 1..12)) {
        let codes = ["201", "20101", "2010101", "2010102", "208", "20805", "2080505", "210", "21011", "2101101", "221", "22102"];
        let rows: Vec<Row> = values
            .iter()
            .enumerate()
            .map(|(i, vals)| Row {
                code: Some(RowCode::Function(FunctionCode::parse(codes[i]).unwrap())),
                label: format!("科目{i}"),
                side: None,
                cells: vals
                    .iter()
                    .map(|v| if v.is_empty() { Cell::Blank } else { Cell::Amount { value: yusuan_domain::parse_amount(v).unwrap(), printed: v.clone() } })
                    .collect(),
                location: Location::default(),
            })
            .collect();
        let t = Table {
            title: "2026年部门支出预算总表".into(),
            number: None,
            kind: TableKind::Expenditure,
            unit: Unit::Yuan,
            compiled_by: Some("测试部门".into()),
            columns: ["合计", "基本支出", "项目支出"].iter().map(|c| Column { path: vec!["支出预算".into(), c.to_string()] }).collect(),
            rows,
            note: None,
            location: Location::default(),
        };
        let back = reparse(&t);
        prop_assert_eq!(numbers(&back), numbers(&t));
    }

    /// Random edits of a real seed either import or give a clear error; never an internal failure.
    #[test]
    fn mutated_seeds_never_fail_internally(edits in proptest::collection::vec((0usize..26_000, any::<u8>()), 1..40), cut in 0usize..26_000) {
        let mut bytes = fixture_bytes("000_e54fcd81d7b1024c.txt");
        for (at, b) in edits {
            let i = at % bytes.len();
            bytes[i] = b;
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        match import_text("mutated.txt", &bytes) {
            Ok(_) => {}
            Err(ImportError::Internal { .. }) => prop_assert!(false, "internal failure"),
            Err(e) => prop_assert!(e.to_string().starts_with("mutated.txt："), "{}", e),
        }
    }
}

/// Seed 000 re-encoded (by this test) as GB18030, UTF-16 LE with BOM and UTF-8 with BOM gives the
/// same document as the original UTF-8 file.
#[test]
fn every_encoding_gives_the_same_document() {
    let bytes = fixture_bytes("000_e54fcd81d7b1024c.txt");
    let text = String::from_utf8(bytes.clone()).unwrap();
    let original = import_text("000.txt", &bytes).unwrap().document;
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&bytes);
    for (name, b) in [
        ("gbk.txt", gbk.into_owned()),
        ("utf16.txt", utf16),
        ("bom.txt", bom),
    ] {
        let doc = import_text(name, &b)
            .unwrap_or_else(|e| panic!("{e}"))
            .document;
        assert_eq!(doc, original, "{name}");
    }
}
