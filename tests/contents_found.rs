//! Every table a document's 目录 lists is found in its body, under its own title: for every real
//! file under fixtures/ (the seeds and the PDFs of ../shared/real-pdfs, a narrative and its
//! tables file imported together as one document). The test prints both lists
//! (`cargo test --test contents_found -- --nocapture`).

mod common;

use yusuan_api::Library;

const NOW: &str = "2026-12-01T00:00:00Z";

/// Each disclosure (its files, narrative first) and the number of tables its 目录 lists,
/// counted on the printed contents page.
const DOCUMENTS: &[(&[&str], usize)] = &[
    (&["000_e54fcd81d7b1024c.txt"], 11),
    (&["001_e395be5bb9699fb6.txt"], 11),
    (&["002_e0c4b3d6f0f45810.txt"], 0),
    (&["003_f631a08b6fb80526.txt"], 0),
    (&["004_dd8ce94d1496a6c0.txt"], 15),
    (
        &["pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"],
        9,
    ),
    (
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        9,
    ),
    (
        &["pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf"],
        9,
    ),
    (
        &["pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf"],
        9,
    ),
    (&["pdf/shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf"], 9),
    (
        &["pdf/shanghai-putuo-caizhengju-2024-bumen-juesuan-TAMPERED.pdf"],
        9,
    ),
    (&["pdf/jiangsu-renda-2017-bumen-yusuan.pdf"], 12),
    (&["pdf/jiangsu-renda-2018-bumen-yusuan.pdf"], 12),
    (
        &[
            "pdf/jiangsu-renda-2019-bumen-yusuan-text.pdf",
            "pdf/jiangsu-renda-2019-bumen-yusuan-tables.pdf",
        ],
        12,
    ),
    (
        &[
            "pdf/jiangsu-shengwei-2017-bumen-yusuan-text.pdf",
            "pdf/jiangsu-shengwei-2017-bumen-yusuan-tables.pdf",
        ],
        12,
    ),
    (
        &[
            "pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf",
            "pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf",
        ],
        12,
    ),
    (
        &[
            "pdf/jiangsu-shengwei-2019-bumen-yusuan-text.pdf",
            "pdf/jiangsu-shengwei-2019-bumen-yusuan-tables.pdf",
        ],
        12,
    ),
    (
        &[
            "pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf",
            "pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf",
        ],
        12,
    ),
];

/// Tables a 目录 lists that the body does not print, each judged in docs/findings-review.md (T004,
/// real): the file and the listed title.
const NOT_PRINTED: &[(&str, &str)] = &[
    ("004_dd8ce94d1496a6c0.txt", "政府采购预算表"),
    (
        "pdf/shanghai-putuo-caizhengju-2024-bumen-juesuan-TAMPERED.pdf",
        "支出决算表",
    ),
];

#[test]
fn every_listed_table_is_found_under_its_own_title() {
    let mut failures = Vec::new();
    for (files, listed_count) in DOCUMENTS {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
        let mut id = None;
        for f in *files {
            let o = yusuan_api::import_file(&mut lib, &common::fixture(f), NOW)
                .unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(id.is_none_or(|i| i == o.id), "{f}: one document");
            id = Some(o.id);
        }
        let doc = lib.document(id.unwrap()).unwrap();
        let listed = yusuan_check::listed_tables(&doc);
        println!(
            "{}: 目录 {} 张表, 正文 {} 张表",
            files[0],
            listed.len(),
            doc.tables.len()
        );
        for l in &listed {
            let found = l.found.map_or("（没有找到）".to_string(), |i| {
                doc.tables[i].title.clone()
            });
            println!("  {} → {}", l.title, found);
        }
        // A 项目支出绩效目标表 prints one 申报表 per project: the second and later follow the first.
        let repeated_form = |i: usize| {
            i > 0
                && doc.tables[i].title.ends_with("绩效目标申报表")
                && doc.tables[i - 1].title.contains("绩效目标")
        };
        let unlisted: Vec<&str> = (0..doc.tables.len())
            .filter(|&i| !listed.iter().any(|l| l.found == Some(i)) && !repeated_form(i))
            .map(|i| doc.tables[i].title.as_str())
            .collect();
        if !unlisted.is_empty() {
            println!("  目录没有列出：{}", unlisted.join("、"));
        }
        if listed.len() != *listed_count {
            failures.push(format!(
                "{}: 目录 lists {} tables, read {}",
                files[0],
                listed_count,
                listed.len()
            ));
        }
        let missing: Vec<&str> = listed
            .iter()
            .filter(|l| l.found.is_none())
            .map(|l| l.title.as_str())
            .collect();
        let judged: Vec<&str> = NOT_PRINTED
            .iter()
            .filter(|(f, _)| *f == files[0])
            .map(|(_, t)| *t)
            .collect();
        if missing != judged {
            failures.push(format!(
                "{}: not found {missing:?}, judged not printed {judged:?}",
                files[0]
            ));
        }
        // A document with a 目录 of tables prints no table it does not list.
        if !unlisted.is_empty() {
            failures.push(format!(
                "{}: tables the 目录 does not list: {unlisted:?}",
                files[0]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
