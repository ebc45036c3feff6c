//! The four real published PDFs (Shanghai Putuo, 9-table district format) through the real CLI.
//! Expected values were read from `pdftotext -layout` of the same files (an independent
//! extraction), table by table; a sample of cells in every table is asserted.

mod common;

use common::{cell, fixture, import_fixture, yusuan};
use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_domain::{Document, RegionalFormat, Scope, TableKind, Unit};

const REAL_PDFS: [&str; 4] = [
    "shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    "shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
    "shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    "shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
];

/// Every PDF in fixtures/pdf (for the CSV coverage).
const ALL_PDFS: [&str; 8] = [
    "shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    "shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
    "shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    "shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
    "shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf",
    "shanghai-putuo-caizhengju-2024-bumen-juesuan-TAMPERED.pdf",
    "jiangsu-zhengxie-2018-bumen-yusuan-text.pdf",
    "jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf",
];

/// The five seed documents (text).
const SEEDS: [&str; 5] = [
    "000_e54fcd81d7b1024c.txt",
    "001_e395be5bb9699fb6.txt",
    "002_e0c4b3d6f0f45810.txt",
    "003_f631a08b6fb80526.txt",
    "004_dd8ce94d1496a6c0.txt",
];

fn import(name: &str) -> (Document, serde_json::Value) {
    import_fixture(&format!("pdf/{name}"))
}

fn d(s: &str) -> Option<Decimal> {
    Some(Decimal::from_str(s).unwrap())
}

fn no_warnings(report: &serde_json::Value) {
    assert_eq!(
        report["warnings"].as_array().unwrap().len(),
        0,
        "{}",
        report["warnings"]
    );
    assert_eq!(report["tables"], 9);
}

#[test]
fn wanli_2025() {
    let (doc, report) = import("shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    no_warnings(&report);
    common::golden(
        &common::root().join("fixtures/golden/wanli-2025.numbers.tsv"),
        &common::numbers_tsv(&doc),
    );
    use TableKind::*;
    assert_eq!(doc.meta.department, "上海市普陀区人民政府万里街道办事处");
    assert_eq!(doc.meta.year, 2025);
    assert_eq!(doc.meta.format, RegionalFormat::Shanghai9);
    assert_eq!(doc.units.len(), 6);
    // 行政单位1家、参公1家、事业单位4家 (page 4): the names give exactly these counts.
    use yusuan_domain::UnitKind::*;
    let kinds: Vec<_> = doc.units.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [
            Administrative,
            Institution,
            Institution,
            Institution,
            Institution,
            CivilServiceInstitution
        ]
    );
    assert_eq!(
        cell(&doc, FinancialSummary, "收入总计", "本年收入/预算数"),
        d("189767551")
    );
    assert_eq!(
        cell(
            &doc,
            FinancialSummary,
            "八、城乡社区支出",
            "本年支出/预算数"
        ),
        d("154369326")
    );
    assert_eq!(
        cell(&doc, FinancialSummary, "二、事业收入", "本年收入/预算数"),
        None
    );
    assert_eq!(
        cell(&doc, Income, "2120101", "收入预算/合计"),
        d("17887739")
    );
    assert_eq!(
        cell(&doc, Income, "2010507", "收入预算/财政拨款收入"),
        d("438300")
    );
    assert_eq!(cell(&doc, Income, "合计", "收入预算/其他收入"), d("0"));
    assert_eq!(
        cell(&doc, Expenditure, "212", "支出预算/基本支出"),
        d("77381546")
    );
    assert_eq!(
        cell(&doc, Expenditure, "2120101", "支出预算/项目支出"),
        d("150000")
    );
    assert_eq!(
        cell(&doc, Expenditure, "合计", "支出预算/项目支出"),
        d("88425805")
    );
    assert_eq!(
        cell(&doc, FiscalSummary, "支出总计", "财政拨款支出/合计"),
        d("189767551")
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicFunction,
            "2210201",
            "一般公共预算支出/基本支出"
        ),
        d("3846732")
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "301",
            "一般公共预算基本支出/人员经费"
        ),
        d("90238584")
    );
    let t = doc.table(ThreePublic).unwrap();
    assert_eq!(t.unit, Unit::WanYuan);
    let vals: Vec<String> = t.rows[0]
        .cells
        .iter()
        .map(|c| c.amount().map(|v| v.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        vals,
        ["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]
    );
    let p = doc.stated.procurement.as_ref().unwrap();
    assert_eq!(
        [Some(p.total), p.goods, p.works, p.services].map(|a| a.unwrap().to_string()),
        ["4821.20万元", "57.43万元", "3780.72万元", "983.05万元"]
    );
    let perf = doc.stated.performance.as_ref().unwrap();
    assert_eq!(
        (
            perf.units,
            perf.projects,
            perf.amount.map(|a| a.to_string())
        ),
        (Some(3), Some(49), Some("8825.98万元".into()))
    );
    assert_eq!(doc.stated.assets.as_ref().unwrap().vehicles, Some(8));
    // Locations keep the page.
    assert!(doc.tables.iter().all(|t| t.location.page.is_some()));
}

#[test]
fn wanli_2024() {
    let (doc, report) = import("shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf");
    no_warnings(&report);
    common::golden(
        &common::root().join("fixtures/golden/wanli-2024.numbers.tsv"),
        &common::numbers_tsv(&doc),
    );
    use TableKind::*;
    assert_eq!(doc.meta.year, 2024);
    assert_eq!(
        cell(&doc, FinancialSummary, "支出总计", "本年支出/预算数"),
        d("156211123")
    );
    assert_eq!(
        cell(&doc, Income, "2120101", "收入预算/合计"),
        d("16603248")
    );
    assert_eq!(
        cell(&doc, Expenditure, "2120101", "支出预算/基本支出"),
        d("16353248")
    );
    assert_eq!(
        cell(&doc, Expenditure, "合计", "支出预算/基本支出"),
        d("99706020")
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "302",
            "一般公共预算基本支出/公用经费"
        ),
        d("11168569")
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "302",
            "一般公共预算基本支出/人员经费"
        ),
        d("0")
    );
    // The PDF prints `301 2 津贴补贴` (款 without its leading zero); it is read as 30102 and noted.
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30102",
            "一般公共预算基本支出/合计"
        ),
        d("16623810")
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30107",
            "一般公共预算基本支出/合计"
        ),
        d("11447100")
    );
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("缺少前导0") && notes.contains("30102"),
        "{notes}"
    );
    // 2024 had no 三公 budget: the table is published empty with its note.
    let t = doc.table(ThreePublic).unwrap();
    assert!(
        t.note.as_deref().is_some_and(|n| n.contains("空表")),
        "{:?}",
        t.note
    );
}

#[test]
fn district_office_2025_department_and_unit() {
    for (name, scope) in [
        (
            "shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
            Scope::Department,
        ),
        (
            "shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
            Scope::Unit,
        ),
    ] {
        let (doc, report) = import(name);
        assert_eq!(report["tables"], 9, "{name}");
        let stem = name
            .trim_end_matches(".pdf")
            .replace("shanghai-putuo-qu-zhengfu-bangongshi-", "district-office-");
        common::golden(
            &common::root().join(format!("fixtures/golden/{stem}.numbers.tsv")),
            &common::numbers_tsv(&doc),
        );
        use TableKind::*;
        assert_eq!(doc.meta.scope, scope, "{name}");
        assert_eq!(doc.meta.department, "上海市普陀区人民政府办公室", "{name}");
        // Cents are kept exactly.
        assert_eq!(
            cell(&doc, Income, "2210201", "收入预算/合计"),
            d("1741445.22"),
            "{name}"
        );
        // Blank cells (not printed 0) stay blank: placed by where the numbers were printed.
        assert_eq!(
            cell(&doc, Income, "201", "收入预算/财政拨款收入"),
            d("82096797.42"),
            "{name}"
        );
        assert_eq!(
            cell(&doc, Income, "201", "收入预算/事业收入"),
            None,
            "{name}"
        );
        assert_eq!(
            cell(
                &doc,
                GeneralPublicBasicEconomic,
                "302",
                "一般公共预算基本支出/公用经费"
            ),
            d("1932777.54"),
            "{name}"
        );
        assert_eq!(
            cell(
                &doc,
                GeneralPublicBasicEconomic,
                "302",
                "一般公共预算基本支出/人员经费"
            ),
            None,
            "{name}"
        );
        assert_eq!(
            cell(
                &doc,
                GeneralPublicBasicEconomic,
                "合计",
                "一般公共预算基本支出/人员经费"
            ),
            d("22473997.81"),
            "{name}"
        );
        let t = doc.table(ThreePublic).unwrap();
        let vals: Vec<String> = t.rows[0]
            .cells
            .iter()
            .map(|c| c.amount().map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(
            vals,
            ["867.50", "839.00", "28.50", "", "", "", "213.28"],
            "{name}"
        );
    }
}

#[test]
fn broken_pdfs_are_refused_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db").display().to_string();
    let real = std::fs::read(fixture(
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    ))
    .unwrap();
    let truncated = dir.path().join("truncated.pdf");
    std::fs::write(&truncated, &real[..real.len() / 3]).unwrap();
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, b"%PDF-1.7\n this is not a pdf at all").unwrap();
    let blank = dir.path().join("scan.pdf");
    std::fs::write(&blank, minimal_pdf_without_text()).unwrap();
    for (f, needle) in [
        (&truncated, "已损坏"),
        (&junk, "已损坏"),
        (&blank, "没有文字层"),
    ] {
        let r = yusuan(&["--db", &db, "import", f.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{}: {}", f.display(), r.stderr);
        assert!(r.stderr.contains(needle), "{}", r.stderr);
        assert!(
            r.stderr.contains(f.file_name().unwrap().to_str().unwrap()),
            "{}",
            r.stderr
        );
    }
    let r = yusuan(&["--db", &db, "list", "--format", "json"]);
    assert_eq!(r.stdout.trim(), "[]");
}

/// A one-page PDF whose page draws a rectangle and no text (what a scan looks like to a text
/// extractor). Made by hand for this test, with a correct cross-reference table.
fn minimal_pdf_without_text() -> Vec<u8> {
    minimal_pdf(b"0 0 0 rg 100 100 200 300 re f", "<< >>", &[])
}

/// A one-page PDF made by the test: this content stream, these page resources, extra objects
/// (numbered from 5) — the workspace's one hand-written PDF (`yusuan_testkit::one_page_pdf`).
fn minimal_pdf(content: &[u8], resources: &str, extra: &[&str]) -> Vec<u8> {
    yusuan_testkit::one_page_pdf(&format!("/Resources {resources}"), content, extra, "")
}

/// An independent oracle: poppler's `pdftotext -layout` on the same file. Every coded row we
/// read is looked up in its table's part of that text (by code and name); the numbers printed
/// on that line must be exactly the row's numbers, in order. Rows whose line cannot be found
/// (a name wrapped over lines) are counted, and must stay few.
#[test]
fn every_coded_row_agrees_with_pdftotext() {
    for name in REAL_PDFS {
        let (doc, _) = import(name);
        let out = std::process::Command::new("pdftotext")
            .args([
                "-layout",
                fixture(&format!("pdf/{name}")).to_str().unwrap(),
                "-",
            ])
            .output()
            .expect("pdftotext (poppler-utils, installed by scripts/install-deps.sh)");
        let text = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let (mut checked, mut missing) = (0, 0);
        let mut from = 0;
        for t in &doc.tables {
            let start = lines[from..]
                .iter()
                .position(|l| l.replace(' ', "") == t.title.replace(' ', ""))
                .map_or(from, |k| from + k);
            let end = lines[start + 1..]
                .iter()
                .position(|l| {
                    doc.tables
                        .iter()
                        .any(|o| o.title.replace(' ', "") == l.replace(' ', ""))
                })
                .map_or(lines.len(), |k| start + 1 + k);
            from = start;
            for r in &t.rows {
                let Some(code) = &r.code else { continue };
                let code_text = match code {
                    yusuan_domain::RowCode::Function(f) => f.split_form(),
                    yusuan_domain::RowCode::Economic(e) => {
                        format!("{} {}", &e.as_str()[..3], e.as_str().get(3..).unwrap_or(""))
                            .trim()
                            .to_string()
                    }
                    other => other.as_str().to_string(),
                };
                let key = format!("{code_text} {}", r.label);
                let Some(line) = lines[start..end].iter().find(|l| l.starts_with(&key)) else {
                    missing += 1;
                    continue;
                };
                let printed: Vec<&str> = line[key.len()..]
                    .split(' ')
                    .filter(|w| yusuan_domain::parse_amount(w).is_ok())
                    .collect();
                let ours = r.printed_amounts();
                assert_eq!(ours, printed, "{name}: {} row {key}", t.title);
                checked += 1;
            }
        }
        assert!(checked >= 50, "{name}: only {checked} rows checked");
        assert!(
            missing * 20 <= checked,
            "{name}: {missing} rows not found in pdftotext's text ({checked} checked)"
        );
        eprintln!("{name}: {checked} coded rows agree with pdftotext, {missing} not located");
    }
}

/// Our own text-layer reader (fonts cached per document) reads every real PDF as `pdf-extract`
/// does: the same lines on the same pages with the same text, cells starting at the same
/// places, and the same document once parsed. Cells may be split differently where a glyph's
/// width matters: pdf-extract ignores the `first last width` ranges of a CID font's W array
/// (it uses the default width there, so `201 05` reads as one cell); ours reads them.
#[test]
fn own_text_layer_reader_agrees_with_pdf_extract() {
    use yusuan_import::{parse_lines_with, pdf_lines_with, Layout, TextLayer};
    for name in REAL_PDFS {
        let bytes = std::fs::read(fixture(&format!("pdf/{name}"))).unwrap();
        let ours = pdf_lines_with(name, &bytes, TextLayer::Auto).unwrap();
        let theirs = pdf_lines_with(name, &bytes, TextLayer::PdfExtract).unwrap();
        // Our reader joins the lines of one ruled table row (a wrapped cell) into one line that
        // keeps its first line's number; pdf-extract reports no rules, so it has them apart.
        let key = |l: &yusuan_import::Line| (l.location.page, l.location.line);
        let mut split = std::collections::HashSet::new();
        let mut split_differently = 0;
        let mut j = 0;
        for (k, a) in ours.iter().enumerate() {
            let next = ours.get(k + 1).map(key);
            let mut covered = Vec::new();
            while j < theirs.len() && (next.is_none() || key(&theirs[j]) < next.unwrap()) {
                covered.push(&theirs[j]);
                j += 1;
            }
            let chars = |cells: &[String]| {
                let mut c: Vec<char> = cells
                    .concat()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                c.sort_unstable();
                c
            };
            let b = covered
                .first()
                .unwrap_or_else(|| panic!("{name} {:?}: no pdf-extract line there", a.location));
            assert_eq!(a.location, b.location, "{name}");
            if covered.len() > 1 {
                // One merged row: the same glyphs.
                let theirs_cells: Vec<String> =
                    covered.iter().flat_map(|l| l.cells.clone()).collect();
                assert_eq!(
                    chars(&a.cells),
                    chars(&theirs_cells),
                    "{name} {:?}",
                    a.location
                );
                split.extend(covered.iter().map(|l| l.location));
                split_differently += 1;
                continue;
            }
            let text = |cells: &[String]| cells.concat().replace(' ', "");
            assert_eq!(text(&a.cells), text(&b.cells), "{name} {:?}", a.location);
            if a.cells != b.cells {
                split_differently += 1;
                split.insert(a.location);
            }
            for sa in &a.spans {
                assert!(
                    b.spans.iter().any(|sb| (sa.0 - sb.0).abs() < 0.01) || a.cells != b.cells,
                    "{name} {:?}",
                    a.location
                );
            }
        }
        assert_eq!(
            j,
            theirs.len(),
            "{name}: pdf-extract lines ours does not account for"
        );
        eprintln!(
            "{name}: {split_differently} of {} lines joined or split differently",
            ours.len()
        );
        // Where the two layers cut a line into different cells (our reader also splits and joins
        // at the table's drawn rules), the rows read from it may differ; everywhere else the
        // documents carry the same numbers.
        let ours = parse_lines_with(name, &ours, Layout::Flow).unwrap();
        let theirs = parse_lines_with(name, &theirs, Layout::Flow).unwrap();
        // A table whose header our reader took from its drawn rules (a 财务收支总表 printing 人员经费
        // and 公用经费 beside 合计) has more columns than the standard layout pdf-extract's text
        // falls back to: never fewer, and its numbers are compared through the golden files.
        let titles = |d: &yusuan_domain::Document| {
            d.tables.iter().map(|t| t.title.clone()).collect::<Vec<_>>()
        };
        assert_eq!(titles(&ours.document), titles(&theirs.document), "{name}");
        let mut drawn = std::collections::HashSet::new();
        for (a, b) in ours.document.tables.iter().zip(&theirs.document.tables) {
            if a.columns != b.columns {
                assert!(
                    a.columns.len() > b.columns.len(),
                    "{name}: {}: {:?} against {:?}",
                    a.title,
                    a.columns,
                    b.columns
                );
                drawn.insert(a.title.clone());
            }
        }
        let same = |d: &yusuan_domain::Document| {
            d.numbers()
                .into_iter()
                .filter(|n| !split.contains(&n.location) && !drawn.contains(&n.table))
                .collect::<Vec<_>>()
        };
        assert_eq!(same(&ours.document), same(&theirs.document), "{name}");
    }
}

/// A PDF whose font our reader does not read (a standard-14 Type1 font without /Widths, made by
/// this test) is read by the pdf-extract fallback: the text comes through either way.
#[test]
fn fonts_our_reader_does_not_know_fall_back_to_pdf_extract() {
    let content = b"BT /F1 12 Tf 72 700 Td (2013901 Xingzheng 25,863,796) Tj ET";
    let pdf = minimal_pdf(
        content,
        "<< /Font << /F1 5 0 R >> >>",
        &["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
    );
    let lines = yusuan_import::pdf_lines("standard-font.pdf", &pdf).unwrap();
    let text: String = lines
        .iter()
        .map(|l| l.cells.concat())
        .collect::<Vec<_>>()
        .join("|")
        .replace(' ', "");
    assert!(
        text.contains("2013901") && text.contains("25,863,796"),
        "{text}"
    );
}

/// The number tokens a text prints: grouped thousands (with or without decimals) or a decimal
/// number, standing alone (`1,234.56`, `12.30`, `2,389`), with how often each is printed.
fn number_tokens(text: &str) -> std::collections::HashMap<String, usize> {
    let mut printed: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0
            || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.' || chars[i - 1] == ',');
        if !(chars[i].is_ascii_digit() && boundary) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.' || chars[j] == ',') {
            j += 1;
        }
        let tok: String = chars[i..j]
            .iter()
            .collect::<String>()
            .trim_end_matches(['.', ','])
            .to_string();
        let grouped = tok.contains(',')
            && tok
                .split('.')
                .next()
                .unwrap()
                .split(',')
                .skip(1)
                .all(|g| g.len() == 3);
        let decimal = !tok.contains(',') && tok.matches('.').count() == 1;
        if grouped || decimal {
            *printed.entry(tok).or_default() += 1;
        }
        i = j;
    }
    printed
}

/// The share of `text`'s number tokens that the CSV export of `doc` carries (each printing
/// counted once: a number printed twice must be exported twice).
fn csv_coverage(text: &str, doc: &Document) -> (usize, usize) {
    let printed = number_tokens(text);
    let mut exported: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in yusuan_api::numbers_csv(1, doc).lines().skip(1) {
        // `printed` is the 7th field (`≥236.00(人)`, `12.30万元`): its number tokens.
        for (t, n) in number_tokens(&split_csv(line)[6]) {
            *exported.entry(t).or_default() += n;
        }
    }
    let total: usize = printed.values().sum();
    let found: usize = printed
        .iter()
        .map(|(t, n)| (*n).min(exported.get(t).copied().unwrap_or(0)))
        .sum();
    (found, total)
}

/// Every amount a document prints is a fact: of the number tokens it prints — read by
/// `pdftotext -layout` from each PDF (the Jiangsu narrative and its tables as the one document
/// they make), or from the seed text itself — at least 98 % are in the CSV export: table cells,
/// projects (items, each price of a computation), forms (funds of the year and of the whole
/// project, indicator values), and the narrative's own figures and percentages.
#[test]
fn the_csv_export_carries_the_numbers_every_fixture_prints() {
    let pdftotext = |path: &std::path::Path| {
        String::from_utf8_lossy(
            &std::process::Command::new("pdftotext")
                .args(["-layout", path.to_str().unwrap(), "-"])
                .output()
                .expect("pdftotext")
                .stdout,
        )
        .into_owned()
    };
    let mut cases: Vec<(String, String, Document)> = Vec::new();
    for name in ALL_PDFS.iter().filter(|n| !n.starts_with("jiangsu")) {
        let path = fixture(&format!("pdf/{name}"));
        let doc = yusuan_import::import_any(name, &std::fs::read(&path).unwrap())
            .unwrap()
            .document;
        cases.push((name.to_string(), pdftotext(&path), doc));
    }
    // The Jiangsu pair: one document.
    let dir = tempfile::tempdir().unwrap();
    let mut lib = yusuan_api::Library::open(&dir.path().join("t.db")).unwrap();
    let (text, tables) = (
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
    );
    let id = yusuan_api::import_file(&mut lib, &text, "2026-12-01T00:00:00Z")
        .unwrap()
        .id;
    assert_eq!(
        yusuan_api::import_file(&mut lib, &tables, "2026-12-01T00:00:00Z")
            .unwrap()
            .id,
        id,
        "the tables join the narrative"
    );
    cases.push((
        "jiangsu pair".into(),
        pdftotext(&text) + &pdftotext(&tables),
        lib.document(id).unwrap(),
    ));
    for seed in SEEDS {
        let path = fixture(seed);
        let doc = yusuan_import::import_any(seed, &std::fs::read(&path).unwrap())
            .unwrap()
            .document;
        cases.push((
            seed.to_string(),
            std::fs::read_to_string(&path).unwrap(),
            doc,
        ));
    }
    let mut low = Vec::new();
    for (name, text, doc) in &cases {
        let (found, total) = csv_coverage(text, doc);
        let share = found as f64 / total as f64; // a share of tokens, not money
        eprintln!(
            "{name}: {found} of {total} printed numbers in the CSV ({:.1} %)",
            share * 100.0
        );
        if share < 0.98 {
            let mut exported: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            for line in yusuan_api::numbers_csv(1, doc).lines().skip(1) {
                for (t, n) in number_tokens(&split_csv(line)[6]) {
                    *exported.entry(t).or_default() += n;
                }
            }
            let missing: Vec<String> = number_tokens(text)
                .into_iter()
                .filter(|(t, n)| exported.get(t).copied().unwrap_or(0) < *n)
                .map(|(t, n)| format!("{t}×{n}"))
                .take(20)
                .collect();
            low.push(format!(
                "{name}: only {found} of {total}; not exported e.g. {missing:?}"
            ));
        }
    }
    assert!(low.is_empty(), "{low:?}");
}

/// Splits one CSV line (fields with commas are quoted, quotes doubled).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                out.last_mut().unwrap().push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// The two Shanghai 部门决算 (the national 9-table 决算 format, 万元): read as 决算 — the title set
/// over the cover's lines, the department before its year, the 决算 tables by kind — and the one
/// whose font is not embedded (a predefined `GBK-EUC-H` CMap, which `pdf-extract` cannot read) by
/// our own reader. That one is a test version with planted errors: the checker finds the
/// placeholder left in a heading and the table its 目录 lists but its body leaves out. Values
/// read from `pdftotext -layout` of the same files.
#[test]
fn final_accounts_are_read_as_final_accounts() {
    use yusuan_domain::DocKind;
    let (doc, report) = import("shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf");
    assert_eq!(
        (doc.meta.kind, doc.meta.year, doc.meta.department.as_str()),
        (DocKind::FinalAccounts, 2024, "中共上海市普陀区委社会工作部")
    );
    assert_eq!(report["tables"], 9);
    use TableKind::*;
    let kinds: Vec<TableKind> = doc.tables.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            FinancialSummary,
            Income,
            Expenditure,
            FiscalSummary,
            GeneralPublicFunction,
            GeneralPublicBasicEconomic,
            ThreePublic,
            GovernmentFundFunction,
            StateCapitalFunction
        ]
    );
    assert!(doc.tables.iter().all(|t| t.unit == Unit::WanYuan));
    // Its 基本支出 table is printed in halves (人员经费 left, 公用经费 right): each code a row.
    let t = doc.table(GeneralPublicBasicEconomic).unwrap();
    let amount = |code: &str| {
        t.rows
            .iter()
            .find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == code))
            .unwrap_or_else(|| panic!("{code}"))
            .cells[0]
            .amount()
    };
    assert_eq!(t.columns.len(), 1);
    assert_eq!(
        (
            amount("301"),
            amount("302"),
            amount("30201"),
            amount("30299"),
            amount("310")
        ),
        (d("95.36"), d("10.23"), d("3.78"), d("0.20"), d("0.00"))
    );
    // A real, unaltered document: nothing wrong in it.
    let errors: Vec<String> = yusuan_api::check(&doc)
        .into_iter()
        .filter(|f| f.severity == yusuan_api::Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let (doc, report) = import("shanghai-putuo-caizhengju-2024-bumen-juesuan-TAMPERED.pdf");
    assert_eq!(
        (doc.meta.kind, doc.meta.year, doc.meta.department.as_str()),
        (DocKind::FinalAccounts, 2024, "上海市普陀区财政局")
    );
    assert_eq!(report["tables"], 8, "its 支出决算表 was taken out");
    let summary = doc.table(FinancialSummary).unwrap();
    let row = |label: &str| {
        summary
            .rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("{label}"))
    };
    assert_eq!(
        row("本年收入合计").cells.iter().find_map(|c| c.amount()),
        d("2946.25")
    );
    assert_eq!(
        row("年初结转和结余").cells.iter().find_map(|c| c.amount()),
        d("49.14")
    );
    assert_eq!(
        row("八、其他收入").cells.iter().find_map(|c| c.amount()),
        d("6.20")
    );
    // No text of the page is lost to an undecodable font.
    assert!(!common::numbers_tsv(&doc).contains('\u{FFFD}'));
    let findings = yusuan_api::check(&doc);
    let has = |rule: &str, words: &str| {
        findings
            .iter()
            .any(|f| f.rule == rule && format!("{} {:?}", f.message, f.location).contains(words))
    };
    assert!(
        has("W001", "XX局"),
        "the placeholder in the 第二部分 heading"
    );
    assert!(
        has("T004", "支出决算表"),
        "the table the 目录 lists and the body leaves out"
    );
    assert!(
        has("N001", "收入支出总计"),
        "收入支出总计 0 万元 where the summary's 总计 is 2,995.39"
    );
    // And nothing else is 错误: the 年初预算 a 决算 states beside its outturn, the 财政拨款 总计,
    // the halves of its 基本支出 table are read as what they are.
    let errors: Vec<&str> = findings
        .iter()
        .filter(|f| f.severity == yusuan_api::Severity::Error)
        .map(|f| f.rule)
        .collect();
    assert_eq!(errors, ["T004", "N001"]);
}
