//! Row and item labels as printed: their enumeration markers (`一、`, `1.`, `（一）`, `(2)`), and
//! how alike two names are (a project's name drifting between years or between its description
//! and its form).

/// A text without any whitespace (for matching labels, titles and headings as printed).
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A department's name as a key for matching the same department printed two ways (a
/// narrative file and its tables file: `江苏省委办公厅` / `中国共产党江苏省委员会办公厅`): without
/// spaces, without the party's name before it (`中国共产党`, `中共`), `委员会` as `委`, and without a
/// trailing `机关`. Two different departments never share a key this way: each rule only drops
/// or shortens words every name of the department may or may not print.
pub fn department_key(name: &str) -> String {
    let mut t: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in ["中国共产党", "中共"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
            break;
        }
    }
    t = t.replace("委员会", "委");
    if let Some(rest) = t.strip_suffix("机关") {
        if !rest.is_empty() {
            t = rest.to_string();
        }
    }
    t
}

/// A label as a key for matching the same row printed with other character widths or spacing
/// (`公共财政拨款(补助)资金` one year, `公共财政拨款（补助）资金` the next; `其中:` / `其中：`):
/// without whitespace, full-width forms of ASCII (`（`, `：`, `１`) as their ASCII.
pub fn label_key(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A classification name as a key (`维修（护）费` = `维修(护)费`): without whitespace, full-width
/// brackets as half-width. Narrower than [`label_key`]: only the brackets are folded, as the
/// catalogue of code names is keyed.
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// Whether a column head or field label names a number that is not money (`资产数量`, `联系电话`,
/// `起始年度`, `占比`): such a number prints as words in a grid.
pub fn names_non_money(label: &str) -> bool {
    let t: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty()
        || [
            "金额", "万元", "元）", "元)", "预算", "单价", "资金", "经费", "费",
        ]
        .iter()
        .any(|k| t.contains(k))
    {
        return false;
    }
    [
        "数量",
        "数",
        "电话",
        "邮政编码",
        "邮编",
        "年度",
        "日期",
        "编码",
        "代码",
        "占比",
        "比例",
        "比重",
        "%",
        "人数",
    ]
    .iter()
    .any(|k| t.contains(k))
}

/// Whether a text says a disclosure's tables follow as an attachment (`2018年度部门预算公开表附后`,
/// `具体公开表样附后`, `详见附件`): a narrative published apart from its tables.
pub fn says_tables_attached(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (t.contains('表') && (t.contains("附后") || t.contains("另附")))
        || t.contains("详见附件")
        || t.contains("见附表")
}

/// The label without its leading enumeration markers: `一、一般公共服务支出` → `一般公共服务支出`,
/// `（二）公务接待费` → `公务接待费`, `1.党建` → `党建`. A label that merely starts with a numeral
/// (`一般公共预算`, `2026年`) is left as it is.
pub fn strip_numbering(label: &str) -> &str {
    let mut s = label.trim_start();
    loop {
        let before = s;
        // `（一）` `(2)`
        if let Some(rest) = s.strip_prefix(['（', '(']) {
            let inner = rest.trim_start_matches(|c: char| {
                c.is_ascii_digit() || "一二三四五六七八九十廿卅".contains(c)
            });
            if inner.len() < rest.len() {
                if let Some(r) = inner.strip_prefix([')', '）']) {
                    s = r.trim_start();
                }
            }
        }
        // `一、` `1.` `1、` `1．`
        let inner = s.trim_start_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十廿卅".contains(c)
        });
        if inner.len() < s.len() {
            if let Some(r) = inner.strip_prefix(['、', '.', '．']) {
                // `3.5万元` is a number, not a marker.
                if !r.starts_with(|c: char| c.is_ascii_digit()) {
                    s = r.trim_start();
                }
            }
        }
        if s.len() == before.len() {
            return s;
        }
    }
}

/// How alike two names are, 0..=1: the character pairs they share over all their pairs (Dice),
/// spaces ignored (`局、处级干部体检费` and `局级、处级干部 体检费`: 0.8). Names too short to have a
/// pair are alike only when equal. A ratio for matching names, not money.
pub fn name_similarity(a: &str, b: &str) -> f32 {
    let pairs = |s: &str| {
        let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        c.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    let (x, y) = (pairs(a), pairs(b));
    if x.is_empty() || y.is_empty() {
        let same = a
            .chars()
            .filter(|c| !c.is_whitespace())
            .eq(b.chars().filter(|c| !c.is_whitespace()));
        return if same { 1.0 } else { 0.0 };
    }
    let shared = x.iter().filter(|g| y.contains(g)).count();
    2.0 * shared as f32 / (x.len() + y.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::{name_similarity, says_tables_attached, strip_numbering};

    #[test]
    fn texts_that_say_the_tables_are_attached() {
        // check(input, expect)
        let cases = [
            ("2018年度部门预算公开表附后。", true),
            ("具体公开表样附后", true),
            ("详见附件：部门预算公开表", true),
            ("本部门无政府性基金预算，故本表为空表。", false),
            ("附后说明如下", false),
        ];
        for (text, expect) in cases {
            assert_eq!(says_tables_attached(text), expect, "{text}");
        }
    }

    #[test]
    fn names_alike() {
        assert!(name_similarity("局、处级干部体检费", "局级、处级干部 体检费") >= 0.6);
        assert!(name_similarity("党建工作", "党建工作经费") >= 0.6);
        assert!(name_similarity("党建工作", "完全不同的项目") < 0.6);
        assert_eq!(name_similarity("甲", "甲"), 1.0);
        assert_eq!(name_similarity("甲", "乙"), 0.0);
    }

    #[test]
    fn strips_markers_not_numerals() {
        assert_eq!(strip_numbering("一、一般公共服务支出"), "一般公共服务支出");
        assert_eq!(strip_numbering("一般公共服务支出"), "一般公共服务支出");
        assert_eq!(strip_numbering("（二）公务接待费"), "公务接待费");
        assert_eq!(
            strip_numbering("(1) 上海市保健医疗中心"),
            "上海市保健医疗中心"
        );
        assert_eq!(strip_numbering("1.党建工作"), "党建工作");
        assert_eq!(strip_numbering("十一、政府采购预算表"), "政府采购预算表");
        assert_eq!(strip_numbering("2026年收入预算"), "2026年收入预算");
        assert_eq!(strip_numbering("3.5万元"), "3.5万元");
        // Hubei numbers its 类 on past twenty with 廿.
        assert_eq!(
            strip_numbering("廿一、灾害防治及应急管理支出"),
            "灾害防治及应急管理支出"
        );
    }
}

#[cfg(test)]
mod department_key_tests {
    use super::department_key;

    #[test]
    fn one_department_printed_two_ways_has_one_key() {
        let check = |a: &str, b: &str, same: bool| {
            assert_eq!(department_key(a) == department_key(b), same, "{a} / {b}")
        };
        check("江苏省委办公厅", "中国共产党江苏省委员会办公厅", true);
        check("中共江苏省委办公厅", "江苏省委办公厅", true);
        check(
            "中共上海市普陀区委社会工作部",
            "上海市普陀区委社会工作部",
            true,
        );
        check("上海市普陀区财政局机关", "上海市普陀区 财政局", true);
        check("江苏省委办公厅", "江苏省政府办公厅", false);
        check("江苏省人大常委会办公厅", "江苏省委办公厅", false);
        assert_eq!(department_key("机关"), "机关");
    }
}

#[cfg(test)]
mod label_key_tests {
    #[test]
    fn a_label_printed_with_other_widths_or_spaces_is_the_same_key() {
        // check(input, expect)
        for (a, b, same) in [
            ("公共财政拨款(补助)资金", "公共财政拨款（补助）资金", true),
            ("其中:动用上年结转", "其中：动用 上年结转", true),
            ("２０１８年", "2018年", true),
            ("事业收入", "经营收入", false),
        ] {
            assert_eq!(
                super::label_key(a) == super::label_key(b),
                same,
                "{a} / {b}"
            );
        }
    }
}

#[cfg(test)]
mod name_key_tests {
    #[test]
    fn a_name_printed_with_other_brackets_or_spaces_is_the_same_key() {
        assert_eq!(super::name_key("维修（护） 费"), "维修(护)费");
        // Only the brackets are folded: other full-width forms stay as printed.
        assert_eq!(super::name_key("其中："), "其中：");
    }
}
