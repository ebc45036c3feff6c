//! The real documents printed another way, as other departments' files print the same format:
//! each table's title wrapped onto a second line (`…收入预算` / `总表`), each unit wrapped
//! (`…单位：万` / `元`), each code printed with spaces between its levels (`201 03 50`,
//! `301 01`), each unit-only line moved into its title's brackets (`…总表（单位：万元）`), each
//! label printed as `表5` instead of `公开05表`. Every table must read exactly as the file as
//! printed reads: its title, unit,
//! codes and every cell. The variants are made from the given files line by line; no document
//! is collected for them.

use yusuan_import::{parse_lines_with, pdf_lines, split_lines, Layout, Line};

const FILES: &[&str] = &[
    "000_e54fcd81d7b1024c.txt",
    "001_e395be5bb9699fb6.txt",
    "004_dd8ce94d1496a6c0.txt",
    "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    "pdf/shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf",
    "pdf/jiangsu-renda-2018-bumen-yusuan.pdf",
    "pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf",
];

fn read(name: &str) -> (Vec<Line>, Layout) {
    let bytes = yusuan_testkit::fixture_bytes(name);
    if name.ends_with(".pdf") {
        (pdf_lines(name, &bytes).unwrap(), Layout::Flow)
    } else {
        (
            split_lines(&String::from_utf8(bytes).unwrap()),
            Layout::Cells,
        )
    }
}

/// Each table as read: title (without spaces) and unit, then each row's code and cells.
fn tables(lines: &[Line], layout: Layout) -> Vec<(String, Vec<Vec<String>>)> {
    let doc = parse_lines_with("f", lines, layout).unwrap().document;
    doc.tables
        .iter()
        .map(|t| {
            let rows = t.rows.iter().map(|r| {
                let code = r
                    .code
                    .as_ref()
                    .map_or(String::new(), |c| c.as_str().to_string());
                std::iter::once(code)
                    .chain(r.cells.iter().map(|c| c.printed().to_string()))
                    .collect()
            });
            (
                format!("{}|{:?}", t.title.replace(' ', ""), t.unit),
                rows.collect(),
            )
        })
        .collect()
}

/// A line of text only, where `l` was printed.
fn text_line(l: &Line, text: &str) -> Line {
    let mut n = l.clone();
    n.text = text.to_string();
    n.cells = vec![text.to_string()];
    n.spans.truncate(1);
    n.boxes.truncate(1);
    n
}

/// Every table's title line wrapped before its last two characters.
fn wrapped_titles(lines: &[Line], titles: &[String]) -> (Vec<Line>, usize) {
    let (mut out, mut n) = (Vec::new(), 0);
    for l in lines {
        let c = l.compact();
        if !l.is_tabular() && c.chars().count() > 6 && titles.contains(&c) {
            let chars: Vec<char> = c.chars().collect();
            let (a, b) = chars.split_at(chars.len() - 2);
            out.push(text_line(l, &a.iter().collect::<String>()));
            out.push(text_line(l, &b.iter().collect::<String>()));
            n += 1;
        } else {
            out.push(l.clone());
        }
    }
    (out, n)
}

/// Every line ending in `单位：万元` wrapped before its `元`.
fn wrapped_units(lines: &[Line]) -> (Vec<Line>, usize) {
    let (mut out, mut n) = (Vec::new(), 0);
    for l in lines {
        let t = l.text.trim_end();
        if t.ends_with("单位：万元") || t.ends_with("单位:万元") {
            let mut first = l.clone();
            first.text = t[..t.len() - "元".len()].to_string();
            if let Some(last) = first.cells.last_mut() {
                let cell = last.trim_end().to_string();
                *last = cell[..cell.len() - "元".len()].to_string();
            }
            out.push(first);
            out.push(text_line(l, "元"));
            n += 1;
        } else {
            out.push(l.clone());
        }
    }
    (out, n)
}

/// Every row's first cell that is a 5- or 7-digit code printed with spaces between its levels.
fn spaced_codes(lines: &[Line]) -> (Vec<Line>, usize) {
    let mut n = 0;
    let out = lines
        .iter()
        .map(|l| {
            let mut m = l.clone();
            if let Some(first) = m.cells.first_mut() {
                let f = first.trim().to_string();
                if matches!(f.len(), 5 | 7) && f.chars().all(|c| c.is_ascii_digit()) {
                    let spaced = if f.len() == 7 {
                        format!("{} {} {}", &f[..3], &f[3..5], &f[5..])
                    } else {
                        format!("{} {}", &f[..3], &f[3..])
                    };
                    m.text = m.text.replacen(&f, &spaced, 1);
                    *first = spaced;
                    n += 1;
                }
            }
            m
        })
        .collect();
    (out, n)
}

/// Every unit-only line under a title moved into the title's brackets (`…（单位：万元）`).
fn units_in_titles(lines: &[Line], titles: &[String]) -> (Vec<Line>, usize) {
    let unit_only = |l: &Line| {
        let c = l.compact();
        !l.is_tabular() && ["单位：万元", "单位：元", "单位:万元", "单位:元"].contains(&c.as_str())
    };
    let (mut out, mut n, mut i) = (Vec::new(), 0, 0);
    while i < lines.len() {
        let l = &lines[i];
        let under = (i + 1..(i + 5).min(lines.len())).find(|&k| unit_only(&lines[k]));
        match under {
            Some(k) if !l.is_tabular() && titles.contains(&l.compact()) => {
                let unit = lines[k].compact();
                out.push(text_line(l, &format!("{}（{unit}）", l.text.trim())));
                out.extend(lines[i + 1..k].iter().cloned());
                n += 1;
                i = k + 1;
            }
            _ => {
                out.push(l.clone());
                i += 1;
            }
        }
    }
    (out, n)
}

/// Every label `公开05表` printed as `表5`.
fn short_labels(lines: &[Line]) -> (Vec<Line>, usize) {
    let mut n = 0;
    let out = lines
        .iter()
        .map(|l| {
            let c = l.compact();
            match c.strip_prefix("公开").and_then(|r| r.strip_suffix('表')) {
                Some(num) if !num.is_empty() && num.chars().all(|d| d.is_ascii_digit()) => {
                    n += 1;
                    text_line(l, &format!("表{}", num.trim_start_matches('0')))
                }
                _ => l.clone(),
            }
        })
        .collect();
    (out, n)
}

#[test]
fn every_table_reads_the_same_printed_another_way() {
    let mut wrapped = (0, 0, 0);
    let mut moved = (0, 0);
    for name in FILES {
        let (lines, layout) = read(name);
        let base = tables(&lines, layout);
        let titles: Vec<String> = base
            .iter()
            .map(|t| t.0.split('|').next().unwrap_or_default().to_string())
            .collect();
        let (a, n) = wrapped_titles(&lines, &titles);
        assert_eq!(tables(&a, layout), base, "{name}: {n} titles wrapped");
        let (b, m) = wrapped_units(&lines);
        assert_eq!(tables(&b, layout), base, "{name}: {m} units wrapped");
        let (c, k) = spaced_codes(&lines);
        assert_eq!(tables(&c, layout), base, "{name}: {k} codes spaced");
        wrapped = (wrapped.0 + n, wrapped.1 + m, wrapped.2 + k);
        // Units and labels printed another way: the same units, codes and cells (titles aside:
        // the brackets are the title's).
        let unit_and_rows = |t: Vec<(String, Vec<Vec<String>>)>| {
            t.into_iter()
                .map(|(title, rows)| {
                    (
                        title.split('|').nth(1).unwrap_or_default().to_string(),
                        rows,
                    )
                })
                .collect::<Vec<_>>()
        };
        let (d, u) = units_in_titles(&lines, &titles);
        assert_eq!(
            unit_and_rows(tables(&d, layout)),
            unit_and_rows(base.clone()),
            "{name}: {u} units in titles"
        );
        let (e, l) = short_labels(&lines);
        assert_eq!(tables(&e, layout), base, "{name}: {l} labels");
        moved = (moved.0 + u, moved.1 + l);
    }
    assert_eq!(moved, (22, 12), "units moved, labels shortened");
    // Every variant is made on many tables (a test that changed nothing would prove nothing).
    assert_eq!(wrapped, (81, 52, 282), "titles, units, codes changed");
}
