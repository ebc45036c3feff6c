//! The `yusuan` binary's contract: exit codes, one-line errors on stderr, nothing stored on failure.

mod common;

use common::{fixture, temp_db};
use std::process::Command;
use yusuan_testkit::one_page_pdf;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    let o = bin().args(args).output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn count(db: &str) -> usize {
    let o = run(&["--db", db, "list", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    serde_json::from_str::<serde_json::Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn init_import_list_show() {
    let (_dir, db) = temp_db();
    let o = run(&["--db", &db, "init"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("结构版本 8"), "{}", o.stdout);
    let o = run(&[
        "--db",
        &db,
        "import",
        &fixture("000_e54fcd81d7b1024c.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v[0]["id"], 1);
    assert_eq!(v[0]["report"]["tables"], 11);
    assert_eq!(v[0]["report"]["amounts"], 259);
    let o = run(&["--db", &db, "list"]);
    assert!(o.stdout.contains("中共上海市委社会工作部"), "{}", o.stdout);
    assert!(o.stdout.contains("共 1 个文档"));
    let o = run(&["--db", &db, "show", "1"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout
            .contains("201 39 01\t行政运行\t25,863,796\t20,492,868\t5,370,928"),
        "{}",
        o.stdout
    );
    let o = run(&["--db", &db, "show", "社会工作部", "--format", "json"]);
    assert_eq!(
        o.code, 0,
        "a unique part of the department names the document: {}",
        o.stderr
    );
}

#[test]
fn usage_and_input_errors_exit_2_with_one_line() {
    let (_dir, db) = temp_db();
    for (args, needle) in [
        (vec!["--db", &db, "frobnicate"], "用法错误"),
        (vec!["--db", &db, "show", "42"], "找不到文档“42”"),
        (vec!["--db", &db, "list", "--format", "xml"], "用法错误"),
        (
            vec!["--db", &db, "import", "/nonexistent/file.txt"],
            "无法读取文件 /nonexistent/file.txt",
        ),
    ] {
        let o = run(&args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert_eq!(o.stderr.lines().count(), 1, "{args:?}: {}", o.stderr);
        assert!(o.stderr.contains(needle), "{args:?}: {}", o.stderr);
    }
}

#[test]
fn bad_files_store_nothing() {
    let (dir, db) = temp_db();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let junk = dir.path().join("junk.txt");
    std::fs::write(
        &junk,
        (0..4000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let prose = dir.path().join("prose.txt");
    std::fs::write(&prose, "今天天气很好。\n我们去公园散步。\n").unwrap();
    for (f, needle) in [
        (&empty, "文件是空的"),
        (&junk, "不是文本文件"),
        (&prose, "不是部门预算公开文件"),
    ] {
        let o = run(&["--db", &db, "import", f.to_str().unwrap()]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(o.stderr.contains(needle), "{}", o.stderr);
        assert!(
            o.stderr.contains(f.file_name().unwrap().to_str().unwrap()),
            "names the file: {}",
            o.stderr
        );
        assert_eq!(count(&db), 0);
    }
}

#[test]
fn newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    init_with_future_schema(&path);
    let o = run(&["--db", path.to_str().unwrap(), "list"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("更新版本"), "{}", o.stderr);
}

/// Creates a library with `init`, then sets its schema version to 99 by hand: SQLite keeps
/// `user_version` at offset 60 of the file header (big-endian u32).
fn init_with_future_schema(path: &std::path::Path) {
    let o = run(&["--db", path.to_str().unwrap(), "init"]);
    assert_eq!(o.code, 0);
    // The WAL is checkpointed when the CLI closes the database, so the header is in the file.
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn export_csv_gives_every_number_in_yuan() {
    let (dir, db) = temp_db();
    let o = run(&["--db", &db, "import", &fixture("000_e54fcd81d7b1024c.txt")]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let out = dir.path().join("n.csv");
    let o = run(&[
        "--db",
        &db,
        "export",
        "1",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "doc,table,row_code,row_label,column,value_yuan,printed,location"
    );
    // 275 numbers of the tables, projects, forms and stated figures (政府采购 down to 预留给小型和
    // 微型企业 0.00万元), then the 33 figures and percentages the narrative prints.
    assert_eq!(lines.len(), 1 + 275 + 33);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains(",文中金额,") || l.contains(",文中百分比,"))
            .count(),
        33
    );
    // Each named by the words before it, in its section, where it was printed.
    assert!(
        lines.contains(
            &"1,2026年部门预算编制说明,,财政拨款收入,文中金额,68640000,\"6,864万元\",第79行"
        ),
        "{csv}"
    );
    assert!(lines.contains(&"1,2026年部门支出预算总表,2013901,行政运行,支出预算/基本支出,20492868,\"20,492,868\",第155行"), "{}", &csv[..600]);
    // 万元 cells are converted exactly: 62.10 万元 = 621000 元.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("“三公”经费预算数/合计,621000,62.10,")),
        "{csv}"
    );
    // To stdout without -o.
    let o = run(&["--db", &db, "export", "1"]);
    assert_eq!(o.stdout, csv);
}

/// `yusuan check` of the fixture `name` as JSON: it exits 1; the findings of severity error.
fn check_errors(name: &str) -> Vec<serde_json::Value> {
    let o = run(&["check", &fixture(name), "--format", "json"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .cloned()
        .collect()
}

/// Seed 000 has real 1-元 slips: the 分单位 tables' 合计 (61,566,619 and 68,643,213) are 1 元 more
/// than 人员经费 + 公用经费 + 项目支出, and the economic table's 合计 row (36,545,394) is 1 元 more
/// than its parts and than Σ类. `check` reports each, and exits 1.
#[test]
fn check_reports_the_real_slips_of_seed_000() {
    // The errors (every finding of every document is in tests/findings.rs).
    let got: Vec<(String, String, i64, String, String)> = check_errors("000_e54fcd81d7b1024c.txt")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["location"]["line"].as_i64().unwrap(),
                f["expected"].as_str().unwrap().to_string(),
                f["actual"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("T001", "error", 187, "61566618元", "61566619元"),
        ("T001", "error", 189, "68643212元", "68643213元"),
        ("T001", "error", 214, "61566618元", "61566619元"),
        ("T001", "error", 216, "68643212元", "68643213元"),
        ("T001", "error", 327, "36545393元", "36545394元"),
        ("T002", "error", 327, "36545393元", "36545394元"),
    ];
    let want: Vec<(String, String, i64, String, String)> = want
        .iter()
        .map(|w| (w.0.into(), w.1.into(), w.2, w.3.into(), w.4.into()))
        .collect();
    assert_eq!(got, want);
    let o = run(&["check", &fixture("002_e0c4b3d6f0f45810.txt")]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("未发现问题"), "{}", o.stdout);
}

/// Seed 004's contents lists 十一、政府采购预算表, which the document never prints.
#[test]
fn check_finds_the_missing_table_of_seed_004() {
    let errors = check_errors("004_dd8ce94d1496a6c0.txt");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["rule"], "T004");
    assert_eq!(errors[0]["expected"], "政府采购预算表");
}

/// A one-page PDF printing `bytes` in a non-embedded CJK font with the predefined CMap `cmap`.
fn cjk_pdf(cmap: &str, bytes: &str) -> Vec<u8> {
    let font = format!("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{cmap} /DescendantFonts [6 0 R] >>");
    let cid = "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>";
    let desc = "<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>";
    let content = format!("BT /F1 12 Tf 72 720 Td <{bytes}> Tj ET");
    one_page_pdf(
        "/Resources << /Font << /F1 5 0 R >> >>",
        content.as_bytes(),
        &[&font, cid, desc],
        "",
    )
}

fn import_in(dir: &std::path::Path, file: &std::path::Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args([
            "--db",
            dir.join("t.db").to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .env("YUSUAN_DATA_DIR", dir)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A font a PDF library panics on (a non-embedded CJK font with the predefined Big5 CMap
/// B5pc-H, which our reader leaves to `pdf-extract`, made by the test): the user gets one line on
/// stderr, no panic message, no backtrace; the panic is in the log of the data folder. The same
/// font with the GBK CMap is our reader's own: its text is read.
#[test]
fn a_panic_inside_a_pdf_library_never_reaches_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big5.pdf");
    std::fs::write(&file, cjk_pdf("B5pc-H", "B977BAE2")).unwrap();
    let stderr = import_in(dir.path(), &file);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    assert!(stderr.lines().count() <= 1, "{stderr}");
    // The panic did happen (the test would prove nothing otherwise), and went to the log.
    let log =
        std::fs::read_to_string(dir.path().join("logs/panics.log")).expect("the panic is logged");
    assert!(log.contains("B5pc-H"), "{log}");
    assert!(stderr.contains("big5.pdf"), "{stderr}");

    // `2026年部门预算` in GBK under GBK-EUC-H: read (no table in it, so not imported — but not
    // refused as damaged, and nothing panicked).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gbk.pdf");
    let (gbk, _, _) = encoding_rs::GBK.encode("2026年部门预算");
    let hex: String = gbk.iter().map(|b| format!("{b:02X}")).collect();
    std::fs::write(&file, cjk_pdf("GBK-EUC-H", &hex)).unwrap();
    let stderr = import_in(dir.path(), &file);
    assert!(
        !stderr.contains("已损坏") && stderr.lines().count() <= 1,
        "{stderr}"
    );
    assert!(
        !dir.path().join("logs/panics.log").exists(),
        "nothing panicked"
    );
}

/// The Jiangsu disclosure's two files in one import, tables first: the narrative is imported,
/// the tables (which name no year) join it.
#[test]
fn a_narrative_and_its_tables_imported_together_are_one_document() {
    let (_dir, db) = temp_db();
    let o = run(&[
        "--db",
        &db,
        "import",
        &fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
        &fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout
            .contains("jiangsu-zhengxie-2018-bumen-yusuan-text.pdf：已导入为文档 1"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf：与文档 1 合为一份公开文件"),
        "{}",
        o.stdout
    );
    let list = run(&["--db", &db, "list"]);
    assert!(
        list.stdout.contains("江苏省政协办公厅") && list.stdout.contains("共 1 个文档"),
        "{}",
        list.stdout
    );
}

/// A file of tables whose name gives no year: refused with what to do, then read with `--year`;
/// a year out of range is refused by the arguments.
#[test]
fn tables_without_a_year_take_the_one_given() {
    let (dir, db) = temp_db();
    let renamed = dir.path().join("公开表.pdf");
    std::fs::copy(
        fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
        &renamed,
    )
    .unwrap();
    let o = run(&["--db", &db, "import", renamed.to_str().unwrap()]);
    assert_eq!(o.code, 2, "{}", o.stdout);
    assert!(o.stderr.contains("--year"), "{}", o.stderr);
    let o = run(&[
        "--db",
        &db,
        "import",
        "--year",
        "1800",
        renamed.to_str().unwrap(),
    ]);
    assert_ne!(o.code, 0);
    let o = run(&[
        "--db",
        &db,
        "import",
        "--year",
        "2018",
        renamed.to_str().unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.contains("公开表.pdf：已导入为文档 1")
            && o.stdout.contains("按导入时指定的 2018 年读取"),
        "{}",
        o.stdout
    );
    let list = run(&["--db", &db, "list"]);
    assert!(
        list.stdout.contains("江苏省政协办公厅") && list.stdout.contains("2018"),
        "{}",
        list.stdout
    );
}
