//! The whole job on real consecutive years: last year's published disclosure rolled forward,
//! every leaf line set to what the department published the next year (with `draft set` and
//! `draft add`, as a user would: the values are read off the later document's own lines), the
//! draft exported and read back — and its tables compared cell by cell with the later document.
//! The numbers are printed (`cargo test --test year_pairs -- --nocapture`).

mod common;

use rust_decimal::Decimal;
use std::collections::BTreeMap;
use yusuan_api::{ExportRequest, Library, OutFormat};

const NOW: &str = "2026-12-01T00:00:00Z";

/// A disclosure: its files (narrative first).
type Files = &'static [&'static str];

const PAIRS: &[(&str, Files, Files)] = &[
    ("万里街道 2024→2025", &["pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"], &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]),
    (
        "省委办公厅 2017→2018",
        &["pdf/jiangsu-shengwei-2017-bumen-yusuan-text.pdf", "pdf/jiangsu-shengwei-2017-bumen-yusuan-tables.pdf"],
        &["pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf", "pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf"],
    ),
    (
        "省委办公厅 2018→2019",
        &["pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf", "pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf"],
        &["pdf/jiangsu-shengwei-2019-bumen-yusuan-text.pdf", "pdf/jiangsu-shengwei-2019-bumen-yusuan-tables.pdf"],
    ),
];

fn import(lib: &mut Library, files: Files) -> i64 {
    let mut id = None;
    for f in files {
        let o = yusuan_api::import_file(lib, &common::fixture(f), NOW).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(id.is_none_or(|i| i == o.id), "{f}: the files of one disclosure make one document");
        id = Some(o.id);
    }
    id.unwrap()
}

/// A table cell's place, the same in both years: the table's title without its year, the row's
/// code and label, the column.
type Place = (String, String, String, String);

fn without_year(s: &str, year: i32) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace(&year.to_string(), "")
}

fn cells(doc: &yusuan_domain::Document) -> BTreeMap<Place, Vec<Decimal>> {
    let mut m: BTreeMap<Place, Vec<Decimal>> = BTreeMap::new();
    let titles: Vec<&str> = doc.tables.iter().map(|t| t.title.as_str()).collect();
    for n in doc.numbers().into_iter().filter(|n| titles.contains(&n.table.as_str())) {
        let place = (without_year(&n.table, doc.meta.year), n.row_code, without_year(&n.row_label, doc.meta.year), without_year(&n.column, doc.meta.year));
        m.entry(place).or_default().push(n.value_yuan.normalize());
    }
    m
}

/// How many of `want`'s cells `got` has, equal, in the same place.
fn equal_cells(want: &BTreeMap<Place, Vec<Decimal>>, got: &BTreeMap<Place, Vec<Decimal>>) -> (usize, usize, Vec<String>) {
    let (mut equal, mut total, mut differ) = (0, 0, Vec::new());
    for (place, values) in want {
        let mut theirs = got.get(place).cloned().unwrap_or_default();
        for v in values {
            total += 1;
            match theirs.iter().position(|x| x == v) {
                Some(k) => {
                    theirs.remove(k);
                    equal += 1;
                }
                None => differ.push(format!("{} | {} {} | {}：应为 {v}，草稿 {:?}", place.0, place.1, place.2, place.3, got.get(place))),
            }
        }
    }
    (equal, total, differ)
}

#[test]
fn each_real_year_rolled_forward_and_set_to_the_next_years_lines_reproduces_its_tables_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    for (name, earlier, later) in PAIRS {
        let mut lib = Library::open(&dir.path().join(format!("{}.db", name.replace(' ', "")))).unwrap();
        let (a, b) = (import(&mut lib, earlier), import(&mut lib, later));
        let draft = yusuan_api::parse_draft_ref(&yusuan_api::draft_new(&mut lib, a, None, NOW).unwrap().draft).unwrap().0;
        // What the department published the next year, as leaf lines: its own roll-forward's
        // baseline (the lines its tables give).
        let published = yusuan_api::parse_draft_ref(&yusuan_api::draft_new(&mut lib, b, None, NOW).unwrap().draft).unwrap().0;
        let target = yusuan_api::load_draft(&lib, published, None).unwrap();
        let mine = yusuan_api::load_draft(&lib, draft, None).unwrap();
        let (mut set, mut added, mut refused) = (0, 0, Vec::new());
        for l in &target.leaves {
            let key = yusuan_api::draft::address(&l.key, l.unit.as_deref());
            let value = l.value.to_string();
            let known = mine.leaf_at(&l.key, l.unit.as_deref()).is_some();
            let r = if known {
                yusuan_api::draft_set(&mut lib, draft, &key, &value, NOW)
            } else {
                let names: Vec<(String, String)> = vec![(String::new(), l.label.clone())];
                yusuan_api::draft_add_line(&mut lib, draft, &key, &value, &names, NOW)
            };
            match r {
                Ok(_) if known => set += 1,
                Ok(_) => added += 1,
                Err(e) => refused.push(format!("{key}: {e}")),
            }
        }
        // Lines the later year no longer has: 0.
        for l in &mine.leaves {
            if target.leaf_at(&l.key, l.unit.as_deref()).is_none() && !l.value.is_zero() {
                let key = yusuan_api::draft::address(&l.key, l.unit.as_deref());
                if yusuan_api::draft_set(&mut lib, draft, &key, "0", NOW).is_ok() {
                    set += 1;
                }
            }
        }
        let derived = yusuan_api::draft_document(&lib, draft, None).unwrap();
        let published_doc = lib.document(b).unwrap();
        let (equal, total, differ) = equal_cells(&cells(&published_doc), &cells(&derived));
        println!("{name}: {set} lines set, {added} added, {} refused; {equal} of {total} published table cells equal ({:.1} %)", refused.len(), 100.0 * equal as f64 / total.max(1) as f64);
        for r in refused.iter().take(5) {
            println!("  refused {r}");
        }
        for d in differ.iter().take(12) {
            println!("  {d}");
        }
        // The export: every 警告 explained (a user writes why), then written and read back.
        let findings = yusuan_api::draft_check(&lib, draft).unwrap();
        let errors: Vec<String> = findings.iter().filter(|f| f.severity == yusuan_api::Severity::Error).map(|f| format!("{} {}", f.rule, f.message)).collect();
        println!("  错误 {}: {errors:?}", errors.len());
        let explanations = findings.iter().filter(|f| f.severity == yusuan_api::Severity::Warning).map(|f| (f.rule.to_string(), "已核实".to_string())).collect();
        let req = ExportRequest { explanations, ..Default::default() };
        let out = dir.path().join(format!("{}.pdf", name.replace(' ', "")));
        let exported = yusuan_api::export_file(&mut lib, &format!("draft:{draft}"), OutFormat::Pdf, &out, &req, NOW);
        match &exported {
            Ok(o) => println!("  exported: {} pages, {} numbers read back", o.preflight.as_ref().map_or(0, |p| p.pages), o.preflight.as_ref().map_or(0, |p| p.numbers)),
            Err(e) => println!("  export refused: {e}"),
        }
    }
}
