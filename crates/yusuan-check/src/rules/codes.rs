//! Classification codes (D001–D004): one code, one name within a document; names against the
//! catalogue built from real documents (`data/codes.tsv`, made by
//! `scripts/build-code-catalogue.py`) and the economic classification's standard
//! (`data/economic-codes.tsv`); codes whose 类 is not a class of the catalogue of
//! government revenue and expenditure classification (政府收支分类科目).

use crate::{Finding, Severity};
use std::collections::HashMap;
use yusuan_domain::{name_key, Document, RowCode};

/// `code<TAB>name` lines of a data file (comments `#`).
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
}

/// The 部门预算支出经济分类 as the standard names it (`data/economic-codes.tsv`).
pub fn economic_standard() -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(include_str!("../../data/economic-codes.tsv"))
}

/// The shipped catalogue: code → name as printed in real documents, and every economic 款 of the
/// standard besides (so a sibling's name is known even where no document here prints it).
fn catalogue() -> HashMap<&'static str, &'static str> {
    let mut cat: HashMap<&'static str, &'static str> =
        entries(include_str!("../../data/codes.tsv")).collect();
    for (code, name) in economic_standard() {
        cat.entry(code).or_insert(name);
    }
    cat
}

/// The name the catalogue gives a classification code, when it has one.
pub fn catalogue_name(code: &str) -> Option<&'static str> {
    static CATALOGUE: std::sync::OnceLock<HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    CATALOGUE.get_or_init(catalogue).get(code).copied()
}

/// The 类 of the 支出功能分类 (2024–2026 catalogue), for ledger rows that name a 类 the document
/// prints no code row for (Hubei's 收支总表 lists every 类, most of them 0.00).
pub const FUNCTION_CLASS_NAMES: [(&str, &str); 29] = [
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("227", "预备费"),
    ("229", "其他支出"),
    ("230", "转移性支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
    ("234", "抗疫特别国债安排的支出"),
];

/// The name of a 支出功能分类 类 (`208` → 社会保障和就业支出).
pub fn class_name(code: &str) -> Option<&'static str> {
    FUNCTION_CLASS_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// 支出功能分类 类 (2xx) and 部门/政府预算支出经济分类 类 (3xx, 5xx).
const FUNCTION_CLASSES: [&str; 33] = [
    "201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213",
    "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230",
    "231", "232", "233", "234", "235", "236", "299",
];
const ECONOMIC_CLASSES: [&str; 20] = [
    "301", "302", "303", "307", "309", "310", "311", "312", "313", "399", "501", "502", "503",
    "504", "505", "506", "507", "508", "509", "599",
];

fn coded_rows(
    doc: &Document,
) -> impl Iterator<Item = (&yusuan_domain::Table, &yusuan_domain::Row, &str)> {
    doc.tables.iter().flat_map(|t| {
        t.rows.iter().filter_map(move |r| match &r.code {
            Some(c @ (RowCode::Function(_) | RowCode::Economic(_))) => Some((t, r, c.as_str())),
            _ => None,
        })
    })
}

/// D001: a code printed under two different names in one document.
pub fn one_name_per_code(doc: &Document) -> Vec<Finding> {
    let mut first: HashMap<&str, (String, &yusuan_domain::Table)> = HashMap::new();
    let mut out = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for (t, r, code) in coded_rows(doc) {
        let name = name_key(&r.label);
        if name.is_empty() {
            continue;
        }
        match first.get(code) {
            None => {
                first.insert(code, (name, t));
            }
            Some((seen, where_)) if *seen != name && reported.insert(code.to_string()) => {
                out.push(Finding {
                    rule: "D001",
                    severity: Severity::Warning,
                    message: format!(
                        "科目 {code} 在{}中名为“{seen}”，在此处名为“{name}”",
                        where_.kind.label()
                    ),
                    location: super::at(t, r, None),
                    expected: Some(seen.clone()),
                    actual: Some(name),
                    hint: Some("同一科目在各表中应使用同一名称".into()),
                });
            }
            Some(_) => {}
        }
    }
    out
}

/// 功能分类 类 and 款 renamed by the 政府收支分类科目 of 2019: (code, the old name, the new
/// name, the first budget year of the new name).
const RENAMED_CLASSES: [(&str, &str, &str, i32); 5] = [
    ("207", "文化体育与传媒支出", "文化旅游体育与传媒支出", 2019),
    ("210", "医疗卫生与计划生育支出", "卫生健康支出", 2019),
    ("215", "资源勘探信息等支出", "资源勘探工业信息等支出", 2019),
    ("220", "国土海洋气象等支出", "自然资源海洋气象等支出", 2019),
    ("20805", "行政事业单位离退休", "行政事业单位养老支出", 2019),
];

/// The code an earlier name of a 类 or 款 belongs to (`医疗卫生与计划生育支出` → 210): a ledger
/// of a year before the renaming names its rows so.
pub fn renamed_class_code(name: &str) -> Option<&'static str> {
    let name = name_key(name);
    RENAMED_CLASSES
        .iter()
        .find(|(_, old, _, _)| name_key(old) == name)
        .map(|(c, ..)| *c)
}

/// The name a code has in `year` when `name` is its name before a renaming that `year` is past
/// (20805 `行政事业单位离退休` → `行政事业单位养老支出` from 2019): a budget rolled into a later
/// year takes the new name.
pub fn renamed_for_year(code: &str, name: &str, year: i32) -> Option<&'static str> {
    let name = name_key(name);
    RENAMED_CLASSES
        .iter()
        .find(|(c, old, _, since)| *c == code && name_key(old) == name && year >= *since)
        .map(|(_, _, new, _)| *new)
}

/// Whether a name is its code's name of the document's own year, before a renaming (a 2018
/// budget's 20805 行政事业单位离退休): the catalogue's later name is not expected of it.
fn name_of_its_year(year: i32, code: &str, name: &str) -> bool {
    RENAMED_CLASSES
        .iter()
        .any(|(c, old, _, since)| *c == code && name_key(old) == name && year < *since)
}

/// Why a row's name is another code's: an old name of its class, or the catalogue's name of a
/// sibling code (same 类 or 款: `30202 咨询费` beside `30203 咨询费`). (What it should be, why.)
fn misnamed(year: i32, code: &str, name: &str) -> Option<(String, String)> {
    if let Some((_, old, new, since)) = RENAMED_CLASSES
        .iter()
        .find(|(c, o, _, since)| *c == code && name_key(o) == name && year >= *since)
    {
        return Some((
            format!("{code} {new}"),
            format!("“{old}”是{since}年以前的类名"),
        ));
    }
    let own = catalogue_name(code)?;
    if name_key(own) == name || code.len() < 5 {
        return None;
    }
    let parent = &code[..code.len() - 2];
    static BY_NAME: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let all = BY_NAME.get_or_init(|| catalogue().into_iter().collect());
    let sibling = all.iter().find(|(c, n)| {
        *c != code && c.len() == code.len() && c.starts_with(parent) && name_key(n) == name
    })?;
    Some((
        format!("{code} {own}"),
        format!("“{name}”是科目 {} 的名称", sibling.0),
    ))
}

/// D004: a code printed under another code's name — its class's name before the 2019 renaming,
/// or the name of a sibling code — so the code or the name is wrong (one finding; D002 leaves
/// the row to it).
pub fn names_of_other_codes(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for (t, r, code) in coded_rows(doc) {
        let name = name_key(&r.label);
        let Some((expected, why)) = misnamed(doc.meta.year, code, &name) else {
            continue;
        };
        if !reported.insert(code.to_string()) {
            continue;
        }
        out.push(Finding {
            rule: "D004",
            severity: Severity::Warning,
            message: format!("科目 {code} 的名称是别的科目的：{why}"),
            location: super::at(t, r, None),
            expected: Some(expected),
            actual: Some(format!("{code} {name}")),
            hint: Some("核对科目代码与名称：代码录错，或沿用了旧名称".into()),
        });
    }
    out
}

/// D002: a code's name differs from the catalogue's (提示: the catalogue may lag a change).
pub fn names_match_catalogue(doc: &Document) -> Vec<Finding> {
    let cat = catalogue();
    let mut out = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for (t, r, code) in coded_rows(doc) {
        let Some(known) = cat.get(code) else { continue };
        let name = name_key(&r.label);
        if name.is_empty()
            || name == name_key(known)
            || misnamed(doc.meta.year, code, &name).is_some()
            || name_of_its_year(doc.meta.year, code, &name)
            || !reported.insert(code.to_string())
        {
            continue;
        }
        out.push(Finding {
            rule: "D002",
            severity: Severity::Info,
            message: format!("科目 {code} 的名称与科目目录不同"),
            location: super::at(t, r, None),
            expected: Some(known.to_string()),
            actual: Some(name),
            hint: Some("核对科目代码与名称是否对应（若为当年科目调整，可忽略）".into()),
        });
    }
    out
}

/// D003: a code whose 类 is not a class of the classification.
pub fn known_classes(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for (t, r, code) in coded_rows(doc) {
        let class = &code[..3.min(code.len())];
        let known = match &r.code {
            Some(RowCode::Function(_)) => FUNCTION_CLASSES.contains(&class),
            _ => ECONOMIC_CLASSES.contains(&class),
        };
        if known || !reported.insert(class.to_string()) {
            continue;
        }
        out.push(Finding {
            rule: "D003",
            severity: Severity::Info,
            message: format!("科目 {code} 的类级代码 {class} 不在政府收支分类科目中"),
            location: super::at(t, r, None),
            expected: Some("有效的类级代码".into()),
            actual: Some(class.to_string()),
            hint: Some("核对科目代码是否录错".into()),
        });
    }
    out
}
