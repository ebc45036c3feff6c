//! Tables printed in two halves side by side: the 决算's 基本支出 table sets its 人员经费 codes on
//! the left and its 公用经费 codes on the right, each half `科目编码 | 科目名称 | 决算数`. Read as
//! lines, every right half lands in the value cells of the left half's row (`301 工资福利支出 95.36
//! 302 商品和服务支出 10.23`). Here the right halves become rows of their own, after the left
//! half's, so the codes add up within one list: `302` over its `302xx`.

use yusuan_domain::{Cell, EconomicCode, FunctionCode, Row, RowCode, Table};

/// A table is printed in halves when this many rows carry a second code among their values.
const MIN_HALF_ROWS: usize = 3; // layout

/// A 类 code or a whole code printed as a cell (`302`, `30201`).
fn code_like(text: &str) -> bool {
    let t = text.trim();
    (3..=7).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
}

fn text_of(c: &Cell) -> Option<&str> {
    match c {
        Cell::Text { text } => Some(text.as_str()),
        _ => None,
    }
}

/// The text a cell printed (a code reads as a number too: `302`).
fn printed(c: &Cell) -> Option<&str> {
    match c {
        Cell::Text { text } => Some(text.as_str()),
        Cell::Amount { printed, .. } => Some(printed.as_str()),
        Cell::Blank => None,
    }
}

/// Where a row's right half starts: its first cell that is a code followed by its name (after
/// the 款, where the code is printed as 类 | 款).
fn right_start(r: &Row) -> Option<usize> {
    let c = &r.cells;
    let named = |k: usize| {
        c.get(k)
            .and_then(text_of)
            .is_some_and(|t| !t.trim().is_empty() && !code_like(t))
    };
    let short_number = |k: usize| {
        c.get(k).and_then(printed).is_some_and(|p| {
            (1..=2).contains(&p.trim().len()) && p.trim().chars().all(|ch| ch.is_ascii_digit())
        })
    };
    (0..c.len()).find(|&k| {
        printed(&c[k]).is_some_and(code_like)
            && (named(k + 1) || (short_number(k + 1) && named(k + 2)))
    })
}

/// Where a total row's right half starts: a second 合计 label among its cells (`人员经费合计 95.36
/// 公用经费合计 10.23`).
fn right_total(r: &Row) -> Option<usize> {
    if r.code.is_some() || !r.is_total() {
        return None;
    }
    r.cells
        .iter()
        .position(|c| text_of(c).is_some_and(|t| t.contains("合计")))
}

/// The amounts among `cells`, first `width` of them, blank-padded (a half's values; where the
/// line lost a blank cell, the amounts still come in order).
fn values(cells: &[Cell], width: usize) -> Vec<Cell> {
    let mut v: Vec<Cell> = cells
        .iter()
        .filter(|c| c.amount().is_some())
        .take(width)
        .cloned()
        .collect();
    v.resize(width, Cell::Blank);
    v
}

/// The code of a right half: its code cell, with a 款 printed as its own cell (`302` `01`, read
/// as the number 1) joined to it.
fn half_code(cells: &[Cell]) -> (String, usize) {
    let code = printed(&cells[0]).unwrap_or("").trim().to_string();
    if code.len() == 3 {
        if let Some(Cell::Amount { printed, .. } | Cell::Text { text: printed }) = cells.get(1) {
            let p = printed.trim();
            let next_is_label = cells
                .get(2)
                .and_then(text_of)
                .is_some_and(|t| !code_like(t) && !t.trim().is_empty());
            if (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) && next_is_label
            {
                return (format!("{code}{p:0>2}"), 2);
            }
        }
    }
    (code, 1)
}

fn row_code(like: Option<&RowCode>, code: &str) -> Option<RowCode> {
    match like {
        Some(RowCode::Function(_)) => FunctionCode::parse(code).ok().map(RowCode::Function),
        _ => EconomicCode::parse(code).ok().map(RowCode::Economic),
    }
}

/// Unfolds a table printed in halves; `false` (and the table as it was) when it is not one.
pub(super) fn unfold_halves(t: &mut Table) -> bool {
    let starts: Vec<usize> = t
        .rows
        .iter()
        .filter(|r| r.code.is_some())
        .filter_map(right_start)
        .collect();
    if starts.len() < MIN_HALF_ROWS {
        return false;
    }
    // The left half's width: where most right halves start.
    let width = (1..=t.columns.len())
        .max_by_key(|w| starts.iter().filter(|s| **s == *w).count())
        .unwrap_or(1);
    if starts.iter().filter(|s| **s == width).count() < MIN_HALF_ROWS {
        return false;
    }
    let like = t.rows.iter().find_map(|r| r.code.clone());
    let rows = std::mem::take(&mut t.rows);
    let split_at = |r: &Row| {
        if r.code.is_some() {
            right_start(r).filter(|s| *s <= width)
        } else {
            None
        }
    };
    // A coded row with no second half is the right half's alone when its 类 is one only the right
    // halves print (the left half ended first).
    let class = |code: &str| code.get(..3).map(str::to_string);
    let right_classes: Vec<String> = rows
        .iter()
        .filter_map(|r| split_at(r).and_then(|s| class(&half_code(&r.cells[s..]).0)))
        .collect();
    let left_classes: Vec<String> = rows
        .iter()
        .filter(|r| split_at(r).is_some())
        .filter_map(|r| r.code.as_ref().and_then(|c| class(c.as_str())))
        .collect();
    // After the last row printed in both halves, a row of a 类 the left half does not print is the
    // right half's (its 310 资本性支出 printed on alone below the left half's end).
    let last_split = rows
        .iter()
        .rposition(|r| split_at(r).is_some() || right_total(r).is_some())
        .unwrap_or(0);
    let last_both = rows
        .iter()
        .rposition(|r| split_at(r).is_some())
        .unwrap_or(0);
    let (mut left, mut right, mut right_totals): (Vec<Row>, Vec<Row>, Vec<Row>) =
        (Vec::new(), Vec::new(), Vec::new());
    for (i, r) in rows.into_iter().enumerate() {
        if let Some(s) = split_at(&r) {
            let (code, used) = half_code(&r.cells[s..]);
            let rest = &r.cells[s + used..];
            let (label, after) = match rest.first().and_then(text_of) {
                Some(l) => (l.trim().to_string(), &rest[1..]),
                None => (String::new(), rest),
            };
            let mut l = r.clone();
            l.cells = values(&r.cells[..s], width);
            left.push(l);
            right.push(Row {
                code: row_code(like.as_ref(), &code),
                label,
                cells: values(after, width),
                ..r
            });
        } else if let Some(s) = right_total(&r) {
            let label = text_of(&r.cells[s]).unwrap_or("").trim().to_string();
            let mut l = r.clone();
            l.cells = values(&r.cells[..s], width);
            left.push(l);
            right_totals.push(Row {
                code: None,
                label,
                cells: values(&r.cells[s + 1..], width),
                ..r
            });
        } else {
            let own = r.code.as_ref().and_then(|c| class(c.as_str()));
            let mut r = r;
            r.cells = values(&r.cells, width);
            match own {
                Some(c)
                    if !left_classes.contains(&c)
                        && (right_classes.contains(&c) || (i > last_both && i < last_split)) =>
                {
                    right.push(r)
                }
                _ => left.push(r),
            }
        }
    }
    right.extend(right_totals);
    // The left half's 合计 comes after its rows.
    let (totals, mut rows): (Vec<Row>, Vec<Row>) = left
        .into_iter()
        .partition(|r| r.code.is_none() && r.is_total());
    rows.extend(totals);
    rows.extend(right);
    t.rows = rows;
    t.columns.truncate(width);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_domain::{Column, Location, TableKind, Unit};

    fn cell(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Blank
        } else if let Ok(v) = yusuan_domain::parse_amount(s) {
            Cell::Amount {
                value: v,
                printed: s.into(),
            }
        } else {
            Cell::Text { text: s.into() }
        }
    }

    fn row(code: Option<&str>, label: &str, cells: &[&str]) -> Row {
        Row {
            code: code.map(|c| RowCode::Economic(EconomicCode::parse(c).unwrap())),
            label: label.into(),
            cells: cells.iter().map(|c| cell(c)).collect(),
            side: None,
            location: Location::default(),
        }
    }

    fn table(rows: Vec<Row>) -> Table {
        let columns = ["决算数", "决算数", "未命名列1", "未命名列2"]
            .iter()
            .map(|n| Column {
                path: vec![n.to_string()],
            })
            .collect();
        Table {
            title: "基本支出决算表".into(),
            number: None,
            kind: TableKind::GeneralPublicBasicEconomic,
            unit: Unit::WanYuan,
            compiled_by: None,
            columns,
            rows,
            note: None,
            location: Location::default(),
        }
    }

    fn listed(t: &Table) -> Vec<String> {
        t.rows
            .iter()
            .map(|r| {
                format!(
                    "{} {} {}",
                    r.code.as_ref().map_or("", |c| c.as_str()),
                    r.label,
                    r.cells
                        .iter()
                        .map(|c| c.amount().map(|v| v.to_string()).unwrap_or_default())
                        .collect::<Vec<_>>()
                        .join("|")
                )
            })
            .collect()
    }

    #[test]
    fn the_right_halves_become_rows_after_the_left_halves() {
        let mut t = table(vec![
            row(
                Some("301"),
                "工资福利支出",
                &["95.36", "302", "商品和服务支出", "10.23"],
            ),
            row(
                Some("30101"),
                "基本工资",
                &["14.12", "30201", "办公费", "3.78"],
            ),
            // A left value the line lost: the right half starts at once.
            row(Some("30103"), "奖金", &["302", "3", "咨询费", "6.45"]),
            row(
                Some("303"),
                "对个人和家庭的补助",
                &["0.00", "30299", "其他商品和服务支出", "0.00"],
            ),
            // After the last row printed in both halves: a 类 only the right half has.
            row(Some("310"), "资本性支出", &["", "0.00"]),
            row(
                None,
                "人员经费合计",
                &["", "95.36", "公用经费合计", "10.23"],
            ),
        ]);
        assert!(unfold_halves(&mut t));
        assert_eq!(
            listed(&t),
            [
                "301 工资福利支出 95.36",
                "30101 基本工资 14.12",
                "30103 奖金 ",
                "303 对个人和家庭的补助 0.00",
                " 人员经费合计 95.36",
                "302 商品和服务支出 10.23",
                "30201 办公费 3.78",
                "30203 咨询费 6.45",
                "30299 其他商品和服务支出 0.00",
                "310 资本性支出 0.00",
                " 公用经费合计 10.23",
            ]
        );
        assert_eq!(t.columns.len(), 1);
    }

    #[test]
    fn an_ordinary_table_is_left_as_it_is() {
        let rows = vec![
            row(
                Some("301"),
                "工资福利支出",
                &["95.36", "80.00", "15.36", ""],
            ),
            row(Some("30101"), "基本工资", &["14.12", "14.12", "", ""]),
            row(None, "合计", &["95.36", "", "", ""]),
        ];
        let mut t = table(rows.clone());
        assert!(!unfold_halves(&mut t));
        assert_eq!(t.rows, rows);
    }
}
