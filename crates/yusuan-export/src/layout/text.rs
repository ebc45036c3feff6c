//! Text set in lines: wrapping to a width without breaking a number, measured with the font.

use crate::FontFace;

/// Whether `c` belongs to a number (digits, separators, a decimal point, a percent sign).
fn numeric(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ',' | '.' | '%')
}

/// The units that may not start a line (closing punctuation) or be split from a number.
fn sticks_to_previous(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '、'
            | '：'
            | '）'
            | '”'
            | '！'
            | '？'
            | ')'
            | ','
            | '.'
            | '%'
            | '万'
            | '元'
    )
}

/// Splits `text` into breakable tokens: a number with its unit (`18,976.76万元`) and any
/// closing punctuation stays whole; every other character is its own token.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        if numeric(chars[i]) || chars[i].is_ascii_alphabetic() {
            while j < chars.len() && (numeric(chars[j]) || chars[j].is_ascii_alphanumeric()) {
                j += 1;
            }
            // The unit after a number: 万元, 元, 个, %.
            for unit in ["万元", "元", "%"] {
                let u: Vec<char> = unit.chars().collect();
                if chars[j..].starts_with(&u) {
                    j += u.len();
                    break;
                }
            }
        }
        while j < chars.len() && sticks_to_previous(chars[j]) && !numeric(chars[j]) {
            j += 1;
        }
        let tok: String = chars[i..j].iter().collect();
        match out.last_mut() {
            // Closing punctuation never starts a line.
            Some(last)
                if tok.chars().next().is_some_and(sticks_to_previous)
                    && !tok.chars().next().is_some_and(numeric) =>
            {
                last.push_str(&tok)
            }
            _ => out.push(tok),
        }
        i = j;
    }
    out
}

/// Whether `rest` starts like a numbered item (`（2）`, `(2)`, `2.`, `2、`, `一、`): a wrapped
/// line never starts so, or it would read as a new item.
fn starts_item(rest: &[String]) -> bool {
    let s: String = rest.iter().take(4).map(String::as_str).collect();
    let mut c = s.chars();
    match c.next() {
        Some('（') | Some('(') => c
            .next()
            .is_some_and(|d| d.is_ascii_digit() || "一二三四五六七八九十".contains(d)),
        Some(d) if d.is_ascii_digit() => s
            .chars()
            .find(|x| !x.is_ascii_digit())
            .is_some_and(|x| x == '.' || x == '、'),
        Some(d) if "一二三四五六七八九十".contains(d) => s.chars().nth(1) == Some('、'),
        _ => false,
    }
}

/// `text` broken into lines no wider than `width` (the first line `first_indent` narrower).
pub fn wrap(font: &FontFace, text: &str, size: f32, width: f32, first_indent: f32) -> Vec<String> {
    let toks = tokens(text);
    let mut lines = Vec::new();
    let mut line: Vec<&str> = Vec::new();
    let mut used = first_indent;
    let mut i = 0;
    while i < toks.len() {
        let w = font.width(&toks[i], size);
        if used + w > width && !line.is_empty() {
            // Keep a numbered marker off the start of a wrapped line: carry one token over.
            if starts_item(&toks[i..]) && line.len() > 1 {
                i -= 1;
                line.pop();
            }
            lines.push(line.concat());
            line.clear();
            used = 0.0;
            continue;
        }
        line.push(&toks[i]);
        used += w;
        i += 1;
    }
    let line = line.concat();
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_their_units_stay_whole() {
        // check(input, expect)
        let cases = [
            (
                "收入预算18,976.76万元，比",
                vec!["收", "入", "预", "算", "18,976.76万元，", "比"],
            ),
            ("增长21.48%。", vec!["增", "长", "21.48%。"]),
            ("（一）因公", vec!["（", "一）", "因", "公"]),
        ];
        for (input, expect) in cases {
            assert_eq!(tokens(input), expect, "{input}");
        }
    }
}
