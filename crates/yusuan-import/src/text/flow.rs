//! Rows of text whose cells carry no reliable positions (PDF text layers, space-separated text).
//!
//! Cells are re-tokenised first: codes printed together (`201 05`) are split, and numbers glued
//! to a neighbouring label (`189,767,551一、一般公共服务支出`, `07专项普查活动`) are cut apart.
//! A row is then read in order: leading code tokens, the label, the values. Blank cells cannot be
//! told from absent ones here, so these layouts are used for documents that print every value
//! (0 where nothing is budgeted); a row with fewer values than columns is reported.

use yusuan_domain::parse_amount;

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Whether a token is an amount (and not a bare code-like digit group).
pub fn is_amount(s: &str) -> bool {
    parse_amount(s).is_ok()
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Splits a leading number glued to a following CJK label, when the number is a code (2–3
/// digits) or an amount with a thousands separator or decimals (`2025年` stays whole).
fn split_leading(tok: &str) -> Option<(String, String)> {
    let end = tok
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|(i, _)| i)?;
    if end == 0 {
        return None;
    }
    let (num, rest) = tok.split_at(end);
    let next = rest.chars().next()?;
    if num.ends_with('.') || num.ends_with(',') || !is_cjk(next) || next == '、' || next == '．' {
        return None;
    }
    let digits = num.chars().filter(|c| c.is_ascii_digit()).count();
    let code_like = is_digits(num) && (2..=3).contains(&digits);
    let amount_like = is_amount(num) && (num.contains(',') || num.contains('.'));
    (code_like || amount_like).then(|| (num.to_string(), rest.to_string()))
}

/// Splits a trailing amount glued to a preceding label (`一般公共服务支出3,296,600`).
fn split_trailing(tok: &str) -> Option<(String, String)> {
    let start = tok
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == ',' || c == '.')
        .last()
        .map(|(i, _)| i)?;
    if start == 0 {
        return None;
    }
    let (label, num) = tok.split_at(start);
    let prev = label.chars().last()?;
    (is_cjk(prev) && prev != '、' && num.contains(',') && is_amount(num))
        .then(|| (label.to_string(), num.to_string()))
}

/// Splits amounts with two decimals printed without a gap (`20,120,000.0020,120,000.00`).
fn split_glued_decimals(tok: &str) -> Option<(String, String)> {
    if !tok.is_ascii() {
        return None;
    }
    let dot = tok.find('.')?;
    let cut = dot + 3;
    if tok.len() <= cut || !tok[cut..].contains('.') {
        return None;
    }
    let (a, b) = tok.split_at(cut);
    (is_amount(a) && is_amount(b)).then(|| (a.to_string(), b.to_string()))
}

/// Re-tokenises a row's cells.
/// The length in bytes of a money amount glued to the text after it (`91,016,775.35一、…`): a
/// number printed with thousands separators or two decimals, directly followed by a Chinese
/// character or an opening bracket. Tables whose cells are set too tight leave no gap there.
fn glued_money(t: &str) -> Option<usize> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '-'))
        .unwrap_or(t.len());
    let (num, rest) = t.split_at(end);
    let money = num.contains(',') || num.split_once('.').is_some_and(|(_, f)| f.len() == 2);
    let next_cjk = rest
        .chars()
        .next()
        .is_some_and(|c| c as u32 >= 0x3000 || c == '(');
    (end >= 4 && money && next_cjk && is_amount(num)).then_some(end)
}

pub fn tokens(cells: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for cell in cells {
        let parts: Vec<&str> = cell.split_whitespace().collect();
        // Split on spaces only between number-like parts (`201 05`, `154,369,326 154,369,326`),
        // or where a money amount is glued to the next label (`资金 91,016,775.35一、…`).
        let numeric = parts.len() > 1
            && (parts.iter().all(|p| is_amount(p))
                || parts[1..].iter().any(|p| glued_money(p).is_some()));
        let pieces: Vec<String> = if numeric {
            parts.iter().map(|p| p.to_string()).collect()
        } else {
            vec![cell.trim().to_string()]
        };
        for p in pieces {
            if p.is_empty() {
                continue;
            }
            let mut stack = vec![p];
            while let Some(t) = stack.pop() {
                if let Some(n) = glued_money(&t) {
                    stack.push(t[n..].to_string());
                    stack.push(t[..n].to_string());
                } else if let Some((a, b)) = split_glued_decimals(&t) {
                    stack.push(b);
                    stack.push(a);
                } else if let Some((a, b)) = split_leading(&t) {
                    stack.push(b);
                    stack.push(a);
                } else if let Some((a, b)) = split_trailing(&t) {
                    stack.push(b);
                    stack.push(a);
                } else {
                    out.push(t);
                }
            }
        }
    }
    out
}

/// Re-tokenises a row's cells, keeping for each token the horizontal centre of where it was
/// printed when the cells carry positions (PDF lines); a cell cut into several tokens shares
/// its extent among them by length.
pub fn tokens_with_x(cells: &[String], spans: &[(f32, f32)]) -> Vec<(String, Option<f32>)> {
    let mut out = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        let toks = tokens(std::slice::from_ref(cell));
        let span = spans.get(k).copied();
        let total: usize = toks.iter().map(|t| t.chars().count()).sum::<usize>().max(1);
        let mut done = 0usize;
        for t in toks {
            let n = t.chars().count();
            let x = span.map(|(a, b)| {
                let w = b - a; // layout coordinates
                a + w * (done as f32 + n as f32 / 2.0) / total as f32
            });
            done += n;
            out.push((t, x));
        }
    }
    out
}

/// Places values into columns by where they were printed: each value goes to the column whose
/// header centre is nearest, and the columns must come in the printed order. `None` when a
/// position is missing or two values would share a column.
pub fn place_by_x(
    values: &[(String, Option<f32>)],
    columns: &[Option<f32>],
) -> Option<Vec<Option<String>>> {
    let mut out: Vec<Option<String>> = vec![None; columns.len()];
    let mut last: Option<usize> = None;
    for (v, x) in values {
        let x = (*x)?;
        let (best, _) = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, (c - x).abs())))
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        if last.is_some_and(|l| best <= l) {
            return None;
        }
        out[best] = Some(v.clone());
        last = Some(best);
    }
    Some(out)
}

/// Reads code parts of the given digit widths from the front of `toks` (a 类 row has only the
/// first). Returns the parts and how many tokens they took.
///
/// A 款 or 项 printed without its leading zero (`301 2 津贴补贴`, a real misprint) is read as
/// `02`; the third value says which parts were padded.
pub fn leading_code(toks: &[String], widths: &[usize]) -> (Vec<String>, usize, Vec<String>) {
    let mut parts = Vec::new();
    let mut padded = Vec::new();
    for (k, w) in widths.iter().enumerate() {
        match toks.get(k) {
            Some(t) if is_digits(t) && t.len() == *w => parts.push(t.clone()),
            Some(t) if k > 0 && is_digits(t) && t.len() < *w => {
                padded.push(t.clone());
                parts.push(format!("{t:0>w$}", w = *w));
            }
            _ => break,
        }
    }
    let n = parts.len();
    (parts, n, padded)
}

/// Splits the rest of a row into its label (text before the first amount) and its values.
pub fn label_and_values(toks: &[String]) -> (String, Vec<String>) {
    let first_amount = toks.iter().position(|t| is_amount(t)).unwrap_or(toks.len());
    (toks[..first_amount].concat(), toks[first_amount..].to_vec())
}

/// A two-sided row: (income label, income values, expenditure label, expenditure values).
pub fn ledger_sides(toks: &[String], left: usize) -> [(String, Vec<String>); 2] {
    let mut i = 0;
    let mut read_side = |take: Option<usize>| {
        let mut label = String::new();
        while i < toks.len() && !is_amount(&toks[i]) {
            label.push_str(&toks[i]);
            i += 1;
            if !label.is_empty() {
                break;
            }
        }
        let mut vals = Vec::new();
        while i < toks.len() && is_amount(&toks[i]) && take.is_none_or(|n| vals.len() < n) {
            vals.push(toks[i].clone());
            i += 1;
        }
        (label, vals)
    };
    // A line whose first label is an expenditure item belongs wholly to the 支出 side.
    if toks
        .first()
        .is_some_and(|t| !is_amount(t) && is_expenditure_label(t))
    {
        let vals: Vec<String> = toks[1..].iter().filter(|t| is_amount(t)).cloned().collect();
        return [(String::new(), vec![]), (toks[0].clone(), vals)];
    }
    let first = read_side(Some(left));
    let second = read_side(None);
    if second.0.is_empty() && second.1.is_empty() && is_expenditure_label(&first.0) {
        // Only one label, and it is an expenditure item: the income side is empty on this line.
        return [(String::new(), vec![]), first];
    }
    [first, second]
}

/// Whether a ledger label names an expenditure item (右栏: `…支出`, `支出总计`).
pub fn is_expenditure_label(label: &str) -> bool {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    // 年终结转结余 is spent (支出); 上年结转结余 is money received from last year (收入).
    l.ends_with("支出")
        || l.contains("支出总计")
        || l.contains("支出合计")
        || (l.contains("结转结余") && !l.contains("上年"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carry_over_from_last_year_is_income() {
        assert!(!is_expenditure_label("上年结转结余"));
        assert!(is_expenditure_label("年终结转结余"));
        assert!(is_expenditure_label("一、一般公共服务支出"));
    }

    #[test]
    fn money_glued_to_the_next_label_is_split() {
        // check(input, expect)
        let cases: [(&str, &[&str]); 4] = [
            (
                "一、一般公共预算资金 91,016,775.35一、一般公共服务支出",
                &[
                    "一、一般公共预算资金",
                    "91,016,775.35",
                    "一、一般公共服务支出",
                ],
            ),
            ("1.一般公共预算资金", &["1.一般公共预算资金"]),
            ("2024年预算", &["2024年预算"]),
            ("880.84", &["880.84"]),
        ];
        for (input, expect) in cases {
            assert_eq!(tokens(&[input.to_string()]), expect, "{input}");
        }
    }

    fn t(cells: &[&str]) -> Vec<String> {
        tokens(&cells.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn retokenises_pdf_cells() {
        assert_eq!(
            t(&["201 05", "07专项普查活动", "438,300", "0"]),
            ["201", "05", "07", "专项普查活动", "438,300", "0"]
        );
        assert_eq!(
            t(&[
                "一、财政拨款收入",
                "189,767,551一、一般公共服务支出",
                "3,296,600"
            ]),
            [
                "一、财政拨款收入",
                "189,767,551",
                "一、一般公共服务支出",
                "3,296,600"
            ]
        );
        assert_eq!(
            t(&["合计", "189,767,551 189,767,551", "0"]),
            ["合计", "189,767,551", "189,767,551", "0"]
        );
        assert_eq!(t(&["1.一般公共预算资金"]), ["1.一般公共预算资金"]);
        assert_eq!(
            t(&["99", "20,120,000.0020,120,000.00"]),
            ["99", "20,120,000.00", "20,120,000.00"]
        );
        assert_eq!(t(&["2025年部门收入预算总表"]), ["2025年部门收入预算总表"]);
    }

    #[test]
    fn ledger_rows() {
        let toks = t(&["2.政府性基金", "三、教育支出", "250,000"]);
        let [l, r] = ledger_sides(&toks, 1);
        assert_eq!((l.0.as_str(), l.1.len()), ("2.政府性基金", 0));
        assert_eq!(
            (r.0.as_str(), r.1.clone()),
            ("三、教育支出", vec!["250,000".to_string()])
        );
        let toks = t(&["八、城乡社区支出", "154,369,326"]);
        let [l, r] = ledger_sides(&toks, 1);
        assert!(l.0.is_empty());
        assert_eq!(r.0, "八、城乡社区支出");
    }
}
