//! How a restated text is read and worded: items and paragraphs, percentages, counts, the words
//! for a change and for no change, the forms amounts print in.

use crate::print;
use crate::restated::Form;
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_domain::{Amount, Section};

/// Words ending a phrase that says a figure did not change (`与上年保持一致`, `与2026年预算持平`).
pub(super) const SAME_ENDS: [&str; 6] = ["保持一致", "保持不变", "持平", "一致", "相同", "不变"];

/// The words at the start of `after` saying a figure did not change: `与` + what it is compared
/// with (`上年`, `2026年预算`, at most 12 characters) + [`SAME_ENDS`]. Their length in bytes.
pub(super) fn same_words_at(after: &str) -> Option<usize> {
    let rest = after.strip_prefix('与')?;
    for (i, c) in rest.char_indices().take(14) {
        if "，。；：,;".contains(c) {
            return None;
        }
        if let Some(end) = SAME_ENDS.iter().find(|e| rest[i..].starts_with(**e)) {
            return (i > 0).then_some('与'.len_utf8() + i + end.len());
        }
    }
    None
}

/// What `与…持平` becomes when the figure changes: `与…相比增加X万元[，增长R%]`.
pub(super) fn unsame(text: &str, change: &str) -> String {
    let middle = text.strip_prefix('与').unwrap_or(text);
    let middle = SAME_ENDS
        .iter()
        .find_map(|e| middle.strip_suffix(e))
        .unwrap_or(middle);
    let middle = middle.strip_suffix("相比").unwrap_or(middle);
    format!("与{middle}相比{change}")
}

/// Words opening last year's reason for a change.
pub(super) const REASON_WORDS: [&str; 4] = ["主要原因是", "主要原因：", "主要原因为", "主要原因"];

/// A value in 元 as printed in this form (rounded half away from zero).
pub(super) fn printed_value(yuan: Decimal, form: Form) -> Decimal {
    Amount::yuan(yuan)
        .in_unit(form.unit)
        .value
        .round_dp_with_strategy(form.decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Whether `value` still prints as `then`, the value a change was written for.
pub(super) fn as_written(value: Decimal, then: Decimal, form: Form) -> bool {
    printed_value(value, form) == printed_value(then, form)
}

pub(super) fn show(v: Decimal, form: Form) -> String {
    print::amount(v, form.decimals, form.separators)
}

pub(super) fn unit_word(form: Form) -> &'static str {
    form.unit.as_str()
}

/// A percentage at the start of `text` (`10.87%`): its value, decimals and length in bytes.
pub(super) fn percent_at(text: &str) -> Option<(Decimal, u32, usize)> {
    let n = text.find('%')?;
    let num = &text[..n];
    if num.is_empty() || num.len() > 8 || !num.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let v: Decimal = num.parse().ok()?;
    Some((
        v,
        num.split('.').nth(1).map_or(0, |f| f.len() as u32),
        n + 1,
    ))
}

/// Where each of a section's printed lines ends a paragraph in the joined text: after a line
/// ending a sentence (`。` `：`) or heading an item (`一、机关运行经费预算`), before a line
/// opening an item (`一、` `（二）` `3．`).
pub(super) fn paragraph_ends(section: &Section) -> Vec<usize> {
    breaks(section).0
}

/// Where each item of a section starts in the joined text (a line opening `一、` `（二）` `3．`).
pub(super) fn item_starts(section: &Section) -> Vec<usize> {
    breaks(section).1
}

/// Paragraph ends and item starts of a section's joined text.
fn breaks(section: &Section) -> (Vec<usize>, Vec<usize>) {
    let (mut ends, mut items) = (Vec::new(), Vec::new());
    let mut at = 0;
    let lines: Vec<String> = section
        .paragraphs
        .iter()
        .map(|p| p.text.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let width = line_width(&lines);
    for (i, l) in lines.iter().enumerate() {
        if opens_item(l) {
            items.push(at);
        }
        at += l.len();
        let next_opens = lines.get(i + 1).is_some_and(|n| opens_item(n));
        let closes = l.ends_with('。') || (l.ends_with(['：', ':']) && !opens_reason(l));
        if closes || next_opens || item_heading(l, width) {
            ends.push(at);
        }
    }
    ends.push(at);
    (ends, items)
}

/// An item's heading stops well short of a full line: at most this share (in percent) of the
/// section's line width. Longer, it is a sentence the page wrapped (a narrow Word page wraps
/// `2．党委办公厅（室）及相关机构事务（款）一般行政管理` at 27 characters).
const ITEM_HEADING_MAX_SHARE: usize = 75;

/// Whether a line ends with a reason's opening words (`…主要原因是：`): the reason follows on the
/// next line, in the same paragraph.
fn opens_reason(l: &str) -> bool {
    let l = l.trim_end_matches(['：', ':']);
    ["主要原因是", "主要原因为", "主要原因"]
        .iter()
        .any(|w| l.ends_with(w))
}

/// A section's line width in characters: the median length of its lines that the page wrapped
/// (those not ending a sentence), which fill the line; 0 when none did.
fn line_width(lines: &[String]) -> usize {
    let mut wrapped: Vec<usize> = lines
        .iter()
        .filter(|l| !l.ends_with(['。', '：', ':']))
        .map(|l| l.chars().count())
        .collect();
    wrapped.sort_unstable();
    wrapped.get(wrapped.len() / 2).copied().unwrap_or(0)
}

/// Whether a line is an item's heading on a line of its own (`一、2025年“三公”经费预算情况说明`):
/// it opens an item, stops short of the section's line width (`width`, in characters) and has
/// no clause of a sentence in it.
fn item_heading(l: &str, width: usize) -> bool {
    opens_item(l)
        && l.chars().count() * 100 <= width * ITEM_HEADING_MAX_SHARE
        && !l.contains(['，', '。', '；', ',', ';', '：', ':'])
}

/// Whether a line opens an item: `一、` `（二）` `3．` — a Chinese numeral, or one or two
/// digits followed by its mark and then words (not `2043.58万元`).
pub(super) fn opens_item(t: &str) -> bool {
    let chinese = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let after = |n: usize| (t.chars().nth(n), t.chars().nth(n + 1));
    let chinese_item = chinese > 0 && matches!(after(chinese).0, Some('、' | '.' | '．'));
    let digit_item = (1..=2).contains(&digits)
        && matches!(after(digits), (Some('、' | '.' | '．'), Some(c)) if !c.is_ascii_digit());
    let bracketed = (t.starts_with('（') || t.starts_with('('))
        && t.chars()
            .nth(1)
            .is_some_and(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit());
    chinese_item || digit_item || bracketed
}

/// The counts a text prints (`12辆`, `3台（套）`, `17个`): value, the measure's kind (a
/// [`crate::keys::StatedItem`] unit) and byte range.
pub(super) fn counts(text: &str) -> Vec<(Decimal, &'static str, usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b','))
        {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let rest = &text[i..];
            let measure = [
                ("台（套）", "台（套）"),
                ("台(套)", "台（套）"),
                ("辆", "辆"),
                ("台", "台（套）"),
                ("套", "台（套）"),
                ("个", "个"),
                ("家", "家"),
            ]
            .into_iter()
            .find(|(w, _)| rest.starts_with(w));
            if let (Some((w, unit)), Ok(v)) = (measure, text[start..i].parse::<Decimal>()) {
                out.push((v, unit, start, i));
                i += w.len();
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Words before a rate that say it went down.
const DOWN_WORDS: [&str; 3] = ["下降", "减少", "降低"];

/// The change of a figure in a form: `增加X万元[，增长R%]`, `减少…`, or `持平`; the rate after
/// `rate_word` where that goes the change's way (`减少100%`).
pub(super) fn change_words(
    cur: Decimal,
    base: Decimal,
    form: Form,
    rate: Option<u32>,
    rate_word: Option<&str>,
) -> String {
    let (c, b) = (printed_value(cur, form), printed_value(base, form));
    let d = c - b;
    if d.is_zero() {
        return "持平".to_string();
    }
    let (more, grow) = if d > Decimal::ZERO {
        ("增加", "增长")
    } else {
        ("减少", "下降")
    };
    let grow = rate_word
        .filter(|w| DOWN_WORDS.contains(w) == (d < Decimal::ZERO))
        .unwrap_or(grow);
    let mut out = format!("{more}{}{}", show(d.abs(), form), unit_word(form));
    if let Some(dp) = rate.filter(|_| !b.is_zero()) {
        let pct = (d.abs() / b.abs() * Decimal::from(100))
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        out.push_str(&format!("，{grow}{}%", print::amount(pct, dp, false)));
    }
    out
}

/// `比上年` at the end of a sentence becomes `与上年`, before `持平`.
pub(super) fn with_not_than(out: &mut String) {
    let clause = out
        .rfind(['，', '。', '；', '：', ','])
        .map_or(0, |i| i + out[i..].chars().next().map_or(1, char::len_utf8));
    // Not the 比 of `与上年相比`, which reads already.
    if let Some(i) = out[clause..]
        .rfind('比')
        .filter(|&i| !out[clause..clause + i].ends_with('相'))
    {
        out.replace_range(clause + i..clause + i + '比'.len_utf8(), "与");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use yusuan_domain::Unit;

    #[test]
    fn an_item_heading_on_its_own_line_ends_its_paragraph() {
        let section = |lines: &[&str]| Section {
            kind: yusuan_domain::SectionKind::OtherExplanations,
            title: "其他相关情况说明".into(),
            paragraphs: lines
                .iter()
                .map(|t| yusuan_domain::Paragraph {
                    text: t.to_string(),
                    location: Default::default(),
                })
                .collect(),
            location: Default::default(),
        };
        // check(input, expect): the heading's end is a paragraph end; a wrapped clause is not.
        let heading = "一、2025年“三公”经费预算情况说明";
        let s = section(&[
            heading,
            "2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：（一）因公出国（境）",
            "费0万元，比2024年预算持平。",
        ]);
        assert_eq!(paragraph_ends(&s)[0], heading.len());
        let wrapped = "（二）公务用车购置及运行费36.56万元，比2024年预算";
        let s = section(&[wrapped, "减少10万元。"]);
        assert!(!paragraph_ends(&s).contains(&wrapped.len()));
        // A narrow page's full line is no heading, though it is short and has no comma.
        let narrow = "2．党委办公厅（室）及相关机构事务（款）一般行政管理";
        let s = section(&[
            narrow,
            "事务（项）支出1000万元，与上年相比增加10万元，增长",
            "1%。",
        ]);
        assert!(!paragraph_ends(&s).contains(&narrow.len()));
    }

    #[test]
    fn a_change_is_worded_by_its_direction_and_a_percentage_is_read_at_the_start() {
        let wan = Form {
            unit: Unit::WanYuan,
            decimals: 2,
            separators: false,
        };
        let yuan = |w: i64| Decimal::from(w * 100); // 0.01 万元 steps
        assert_eq!(
            change_words(yuan(2084945), yuan(1880587), wan, Some(2), None),
            "增加2043.58万元，增长10.87%"
        );
        assert_eq!(
            change_words(yuan(100000), yuan(120000), wan, None, None),
            "减少200.00万元"
        );
        assert_eq!(change_words(yuan(5), yuan(5), wan, Some(2), None), "持平");
        // From nothing: no rate.
        assert_eq!(
            change_words(yuan(5000), Decimal::ZERO, wan, Some(2), None),
            "增加50.00万元"
        );
        assert_eq!(
            percent_at("10.87%。主要"),
            Some((Decimal::new(1087, 2), 2, 6))
        );
        assert_eq!(percent_at("主要原因%"), None);
        assert_eq!(
            same_words_at("与2026年预算持平；政府性"),
            Some("与2026年预算持平".len())
        );
        assert_eq!(
            same_words_at("与上年保持一致。"),
            Some("与上年保持一致".len())
        );
        assert_eq!(same_words_at("与上年相比，增加"), None);
        assert_eq!(
            unsame("与上年保持一致", "增加1.00万元"),
            "与上年相比增加1.00万元"
        );
        assert_eq!(
            unsame("与2026年预算持平", "减少2万元"),
            "与2026年预算相比减少2万元"
        );
        let mut s = "其中：财政拨款支出预算6,864万元，比2026年预算".to_string();
        with_not_than(&mut s);
        assert_eq!(s, "其中：财政拨款支出预算6,864万元，与2026年预算");
        let c: Vec<(Decimal, &str)> =
            counts("共有车辆12辆；单价100万元（含）以上设备3台（套），项目17个，2019年，1.5个")
                .iter()
                .map(|c| (c.0, c.1))
                .collect();
        assert_eq!(
            c,
            vec![
                (Decimal::from(12), "辆"),
                (Decimal::from(3), "台（套）"),
                (Decimal::from(17), "个")
            ]
        );
        let mut s = "总计24458.43万元，与上年相比收、支预算总计各".to_string();
        with_not_than(&mut s);
        assert_eq!(s, "总计24458.43万元，与上年相比收、支预算总计各");
        // check(input, expect)
        for (t, expect) in [
            ("一、收支预算总表情况说明", true),
            ("（二）支出预算总计", true),
            ("3．住房保障支出", true),
            ("元，与上年相比", false),
            ("2017年度", false),
            ("2043.58万元，增长10.95%", false),
            ("12．其他", true),
        ] {
            assert_eq!(opens_item(t), expect, "{t}");
        }
    }
}
