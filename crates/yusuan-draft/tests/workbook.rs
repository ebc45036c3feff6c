//! The draft workbook round trip, proven with LibreOffice: the table sheets' formulas,
//! recalculated by `soffice --headless` (Debian's libreoffice-calc-nogui, installed by
//! scripts/install-deps.sh), give exactly the totals Rust derives, and an edited leaf cell comes
//! back as exactly that change; a value typed over a formula is refused, naming sheet and cell.

use rust_decimal::Decimal;
use std::io::{Read, Write};
use std::path::Path;
use yusuan_draft::{roll_forward, workbook, Draft};

mod common;

use common::{fixture, JIANGSU};

/// Rewrites one part of an XLSX with `edit`.
fn edit_part(bytes: &[u8], part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == part {
            data = edit(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The workbook opened and saved by LibreOffice with every formula recalculated on load.
fn recalc(bytes: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile/user");
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::write(
        profile.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>"#,
    )
    .unwrap();
    let input = dir.path().join("draft.xlsx");
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("out");
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args(["--headless", "--calc", "--convert-to", "xlsx", "--outdir"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("soffice (libreoffice-calc-nogui) is installed by scripts/install-deps.sh");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read(Path::new(&out).join("draft.xlsx")).unwrap()
}

fn set_leaf_cell(bytes: &[u8], row: usize, value: Decimal) -> Vec<u8> {
    let cell = format!("H{}", row + 2);
    edit_part(bytes, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find(&format!("<c r=\"{cell}\"")).expect("leaf cell");
        let v0 = start + xml[start..].find("<v>").unwrap() + 3;
        let v1 = v0 + xml[v0..].find("</v>").unwrap();
        format!("{}{}{}", &xml[..v0], value, &xml[v1..])
    })
}

fn first_nonzero_spend(d: &Draft) -> usize {
    d.leaves
        .iter()
        .position(|l| matches!(l.key, yusuan_draft::LeafKey::Spend { .. }) && !l.value.is_zero())
        .unwrap()
}

#[test]
fn libreoffice_recalculates_exactly_the_totals_rust_derives_and_an_edit_comes_back() {
    let mut drafts: Vec<(&str, Draft)> = [
        "000_e54fcd81d7b1024c.txt",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        "004_dd8ce94d1496a6c0.txt",
        JIANGSU,
    ]
    .into_iter()
    .map(|name| (name, roll_forward(&fixture(name), 1, None).unwrap().0))
    .collect();
    // 000 with lines placed in its second unit (all of one, 1,000 元 of another): that unit's
    // rows of the 分单位 tables sum its lines (SUMIFS by 单位) and the 合计 rows add them to the
    // other unit's typed cells.
    let mut placed = drafts[0].1.clone();
    let unit = yusuan_draft::unit_names(&placed)[1].clone();
    let spend: Vec<_> = placed
        .leaves
        .iter()
        .filter(|l| matches!(l.key, yusuan_draft::LeafKey::Spend { .. }) && !l.value.is_zero())
        .map(|l| l.key.clone())
        .take(2)
        .collect();
    yusuan_draft::place(&mut placed, &spend[0], None, Some(&unit), None).unwrap();
    yusuan_draft::place(
        &mut placed,
        &spend[1],
        None,
        Some(&unit),
        Some(Decimal::from(1000)),
    )
    .unwrap();
    drafts.push(("000 placed in a unit", placed));
    for (name, draft) in drafts {
        let bytes = workbook::write(&draft).unwrap();
        // Untouched, it reads back unchanged.
        let back = workbook::read(&draft, &bytes).unwrap();
        assert!(
            back.values
                .iter()
                .all(|(k, u, v)| draft.leaf_at(k, u.as_deref()).map(|l| l.value) == Some(*v)),
            "{name}"
        );
        assert_eq!(back.values.len(), draft.leaves.len());
        // A leaf edited (+1,000 元) in the workbook; its cached totals are now stale, so they only
        // agree with Rust's derivation once LibreOffice has recalculated every formula.
        let i = first_nonzero_spend(&draft);
        let new = draft.leaves[i].value + Decimal::from(1000);
        let edited = set_leaf_cell(&bytes, i, new);
        assert!(
            workbook::read(&draft, &edited).is_err(),
            "{name}: stale totals must not read back"
        );
        let recalculated = recalc(&edited);
        let back = workbook::read(&draft, &recalculated).unwrap_or_else(|e| panic!("{name}: {e}"));
        let changes: Vec<_> = back
            .values
            .iter()
            .filter(|(k, u, v)| draft.leaf_at(k, u.as_deref()).map(|l| l.value) != Some(*v))
            .collect();
        assert_eq!(changes.len(), 1, "{name}: {changes:?}");
        assert_eq!(changes[0].0, draft.leaves[i].key);
        assert_eq!(changes[0].2, new);
    }
}

#[test]
fn a_value_typed_over_a_formula_is_refused_naming_the_sheet_and_cell() {
    let (draft, _) = roll_forward(
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        1,
        None,
    )
    .unwrap();
    let bytes = workbook::write(&draft).unwrap();
    // Sheet 3 is the second table (收入预算总表); its first amount cell C5 typed over with 1.
    let typed = edit_part(&bytes, "xl/worksheets/sheet3.xml", |xml| {
        let start = xml.find("<c r=\"C5\"").unwrap();
        let end = start + xml[start..].find("</c>").unwrap() + 4;
        format!("{}<c r=\"C5\"><v>1</v></c>{}", &xml[..start], &xml[end..])
    });
    let err = workbook::read(&draft, &typed).unwrap_err().to_string();
    assert!(
        err.contains("单元格 C5") && err.contains("2.") && err.contains("收入预算总表"),
        "{err}"
    );
}

#[test]
fn a_workbook_that_is_not_a_draft_is_refused_clearly() {
    let (draft, _) = roll_forward(&fixture("001_e395be5bb9699fb6.txt"), 1, None).unwrap();
    assert!(workbook::read(&draft, b"not a workbook")
        .unwrap_err()
        .to_string()
        .contains("XLSX"));
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "x").unwrap();
    let other = wb.save_to_buffer().unwrap();
    assert!(workbook::read(&draft, &other)
        .unwrap_err()
        .to_string()
        .contains("明细"));
}
