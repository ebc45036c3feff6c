//! Row and item labels as printed: their enumeration markers (`一、`, `1.`, `（一）`, `(2)`).

/// The label without its leading enumeration markers: `一、一般公共服务支出` → `一般公共服务支出`,
/// `（二）公务接待费` → `公务接待费`, `1.党建` → `党建`. A label that merely starts with a numeral
/// (`一般公共预算`, `2026年`) is left as it is.
pub fn strip_numbering(label: &str) -> &str {
    let mut s = label.trim_start();
    loop {
        let before = s;
        // `（一）` `(2)`
        if let Some(rest) = s.strip_prefix(['（', '(']) {
            let inner = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
            if inner.len() < rest.len() {
                if let Some(r) = inner.strip_prefix([')', '）']) {
                    s = r.trim_start();
                }
            }
        }
        // `一、` `1.` `1、` `1．`
        let inner = s.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
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

#[cfg(test)]
mod tests {
    use super::strip_numbering;

    #[test]
    fn strips_markers_not_numerals() {
        assert_eq!(strip_numbering("一、一般公共服务支出"), "一般公共服务支出");
        assert_eq!(strip_numbering("一般公共服务支出"), "一般公共服务支出");
        assert_eq!(strip_numbering("（二）公务接待费"), "公务接待费");
        assert_eq!(strip_numbering("(1) 上海市保健医疗中心"), "上海市保健医疗中心");
        assert_eq!(strip_numbering("1.党建工作"), "党建工作");
        assert_eq!(strip_numbering("十一、政府采购预算表"), "政府采购预算表");
        assert_eq!(strip_numbering("2026年收入预算"), "2026年收入预算");
        assert_eq!(strip_numbering("3.5万元"), "3.5万元");
    }
}
