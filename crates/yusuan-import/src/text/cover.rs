//! The cover (title, department, year, date) and the contents page.

use crate::{ImportError, Line};
use yusuan_domain::{ContentsEntry, DocKind, DocumentMeta, RegionalFormat, Scope};

pub(crate) fn find_year(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    for w in 0..chars.len().saturating_sub(3) {
        let cand: String = chars[w..w + 4].iter().collect();
        let before_digit =
            w > 0 && (chars[w - 1].is_ascii_digit() || matches!(chars[w - 1], '.' | ','));
        let after_digit = chars.get(w + 4).is_some_and(|c| c.is_ascii_digit());
        // An amount is not a year: `2000.00元/人/次`, `2000元`, `2,026`.
        let amount = match (chars.get(w + 4), chars.get(w + 5)) {
            (Some('.' | ','), Some(d)) if d.is_ascii_digit() => true,
            (Some('元' | '万'), _) => true,
            _ => false,
        };
        if !before_digit && !after_digit && !amount && cand.chars().all(|c| c.is_ascii_digit()) {
            if let Ok(y) = cand.parse::<i32>() {
                if (2000..=2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// A year written in Chinese numerals before 年 (`二〇一七年`, `二零二五年度`), as covers print
/// it, and the byte where it starts.
fn chinese_year(s: &str) -> Option<(i32, usize)> {
    const DIGITS: [&str; 10] = [
        "〇○零Ｏ",
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
    ];
    let digit = |c: char| DIGITS.iter().position(|d| d.contains(c));
    s.match_indices('年').find_map(|(at, _)| {
        let before: Vec<char> = s[..at].chars().rev().take(5).collect();
        let year: Vec<usize> = before.iter().take(4).map_while(|&c| digit(c)).collect();
        // Exactly four: `二二〇一七年` is no year.
        let fifth_is_digit = before.get(4).is_some_and(|&c| digit(c).is_some());
        if year.len() != 4 || fifth_is_digit {
            return None;
        }
        let y = year.iter().rev().fold(0, |acc, &d| acc * 10 + d as i32);
        let start = at - before.iter().take(4).map(|c| c.len_utf8()).sum::<usize>();
        (2000..=2100).contains(&y).then_some((y, start))
    })
}

/// The year a cover's line names, in digits (`2018`) or Chinese numerals (`二〇一八年`), and the
/// byte where it starts.
fn cover_year(s: &str) -> Option<(i32, usize)> {
    match find_year(s) {
        Some(y) => s.find(&y.to_string()).map(|at| (y, at)),
        None => chinese_year(s),
    }
}

/// The words of a title after its year, up to the kind of document (`2017年度江苏省某厅部门预算`
/// → `江苏省某厅`): a title that prints its year first names its department after it.
fn named_after_year(title: &str) -> Option<String> {
    let (_, at) = cover_year(title)?;
    let rest = &title[at..];
    let rest = rest.trim_start_matches(|c: char| !"年".contains(c));
    let rest = rest.trim_start_matches('年').trim_start_matches('度');
    let end = [
        "部门预算",
        "单位预算",
        "部门决算",
        "单位决算",
        "预算",
        "决算",
    ]
    .iter()
    .filter_map(|k| rest.find(k))
    .min()?;
    let name = rest[..end].trim();
    (name.chars().count() >= 2 && !name.starts_with("省级") && !name.starts_with("市级"))
        .then(|| name.to_string())
}

/// The first year written as one: four digits followed by `年` (`2018年度`), else four Chinese
/// numerals (`二〇一八年`).
pub(crate) fn written_year(s: &str) -> Option<i32> {
    digit_year(s).or_else(|| chinese_year(s).map(|(y, _)| y))
}

fn digit_year(s: &str) -> Option<i32> {
    s.match_indices('年').find_map(|(at, _)| {
        let digits = &s[..at];
        let d: String = digits
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        (d.len() == 4)
            .then(|| find_year(&s[at - 4..at + '年'.len_utf8()]))
            .flatten()
    })
}

fn after_colon(s: &str) -> Option<String> {
    let i = s.find(['：', ':'])?;
    let c = if s[i..].starts_with('：') {
        '：'
    } else {
        ':'
    };
    let v = s[i + c.len_utf8()..].trim();
    (!v.is_empty()).then(|| v.to_string())
}

fn is_contents_heading(compact: &str) -> bool {
    compact == "目录"
}

/// The departments a file's table heads name (`部门：江苏省政协办公厅`, `编制单位：…`), each once.
fn departments_named(lines: &[Line]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let cells: Vec<String> = l
            .cells
            .iter()
            .map(|cell| cell.chars().filter(|c| !c.is_whitespace()).collect())
            .filter(|c: &String| !c.is_empty())
            .collect();
        for (k, c) in cells.iter().enumerate() {
            let labels = [
                "编制部门：",
                "编制单位：",
                "部门名称：",
                "部门名称:",
                "部门：",
                "单位名称：",
                "编制部门:",
                "编制单位:",
                "部门:",
                "单位名称:",
            ];
            let name = labels.iter().find_map(|p| c.strip_prefix(p)).map(|n| {
                // `部门：` in a cell of its own, the name in the next (a ruled heading).
                let n = if n.is_empty() {
                    cells.get(k + 1).map_or("", String::as_str)
                } else {
                    n
                };
                n.split("单位：").next().unwrap_or(n).to_string()
            });
            if let Some(n) = name.filter(|n| n.chars().count() >= 2) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// Where a cover names no department, the body does: a heading that names the department before
/// the document's year (`第三部分 江苏省某厅2017年度部门预算情况说明`), else a table's 编制部门
/// line (`部门：江苏省某厅`).
pub(super) fn department_in_body(lines: &[Line], year: i32) -> Option<String> {
    let year = year.to_string();
    let heading = lines.iter().find_map(|l| {
        let c = l.compact();
        if l.is_tabular() || c.chars().count() > super::marks::DOCUMENT_PART_MAX_CHARS {
            return None;
        }
        // Past a part's number (`第三部分`) or a heading's (`一、`, `（一）`).
        let c = match c.find("部分") {
            Some(p) if c.starts_with('第') => &c[p + "部分".len()..],
            _ => c.trim_start_matches(|ch: char| {
                "一二三四五六七八九十0123456789、.．（）()".contains(ch)
            }),
        };
        let at = c.find(&year)?;
        let (name, after) = (&c[..at], &c[at..]);
        let words = name.chars().count();
        ((2..=COVER_LINE_MAX_CHARS).contains(&words)
            && !name.contains(['，', '。', '、', '；', '：', ':', '（', '('])
            && (after.contains("预算") || after.contains("决算")))
        .then(|| name.to_string())
    });
    heading.or_else(|| departments_named(lines).into_iter().next())
}

/// The longest end of a contents entry's title wrapped onto a line of its own.
const WRAPPED_TITLE: usize = 8; // layout

/// A cover is the first page: its facts are within this many lines, else there is no cover.
const COVER_MAX_LINES: usize = 60;

/// A cover's title is one line of a few dozen characters (`上海市普陀区人民政府办公室2025年度部门预算`).
const COVER_TITLE_MAX_CHARS: usize = 60;

/// A line of a title set over several lines is short (`中共上海市普陀区委`).
const COVER_LINE_MAX_CHARS: usize = 30;

/// A document without a cover still prints its year near the start (a form's 年度, a table's
/// title); past this many lines a year belongs to the body, not the document.
const YEAR_SEARCH_LINES: usize = 80;

/// A first line that stands for a cover-less document's title is a heading, not a paragraph.
const FIRST_LINE_TITLE_MAX_CHARS: usize = 40;

/// A title's second line (`部门预算公开`) is a few words.
const SHORT_LINE_MAX: usize = 20;

/// A publication date is the date alone (`2025年12月`, 13 bytes), not a sentence ending in 月.
const DATE_LINE_MAX_BYTES: usize = 20;

/// The most lines a cover sets its title over.
const TITLE_LINES: usize = 4; // layout

/// A title set over a cover's first lines, before its contents page: joined, it names a year and
/// 预算 or 决算 (`中共上海市普陀区委` / `社会工作部 2024 年度` / `部门决算`).
fn title_over_lines(cover: &[String]) -> Option<String> {
    if cover.is_empty() || cover.len() > TITLE_LINES {
        return None;
    }
    let joined: String = cover.concat();
    (cover_year(&joined).is_some()
        && (joined.contains("预算") || joined.contains("决算"))
        && joined.chars().count() <= COVER_TITLE_MAX_CHARS)
        .then_some(joined)
}

/// The administrative division a department's name starts with: `江苏省政协办公厅` → `江苏省`,
/// `青山区城市运行管理中心` → `青山区`, `上海市普陀区人民政府办公室` → `上海市普陀区`; none for a name
/// without one (`社会工作部`, `城市管理局`). A division is a name ending in 省, 市, 区, 县 or 州:
/// the first of three to five characters (`北京市`, `乌鲁木齐市`), or up to eight for an autonomous
/// region (`新疆维吾尔自治区`); each following one of three to five (`城市` in `青山区城市运行…` is
/// not one). A party's name before the division (`中共`, `民盟`, `九三学社` …) is not part of it.
fn division_of(name: &str) -> Option<String> {
    const PARTIES: [&str; 10] = [
        "中国共产党",
        "中共",
        "民革",
        "民盟",
        "民建",
        "民进",
        "农工党",
        "致公党",
        "九三学社",
        "台盟",
    ];
    let name = PARTIES
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let ends = |c: char| "省市区县州".contains(c);
    let mut end = 0;
    loop {
        let autonomous = end == 0 && chars.iter().take(8).collect::<String>().contains("自治");
        let (min, max) = if autonomous { (3, 8) } else { (3, 5) };
        let next = (end + min - 1..(end + max).min(chars.len())).find(|&k| ends(chars[k]));
        match next {
            Some(k) => end = k + 1,
            None => break,
        }
    }
    (end > 0).then(|| chars[..end].iter().collect())
}

/// Reads the cover: the lines before the contents page (or the first heading).
/// Returns the cover facts and the index of the first line after the cover.
pub fn parse_cover(file: &str, lines: &[Line]) -> Result<(DocumentMeta, usize), ImportError> {
    let mut title: Option<String> = None;
    let mut department: Option<String> = None;
    let mut published: Option<String> = None;
    let mut end = 0;
    // The cover's short lines before its contents page, in order: a title set over several
    // lines (`中共上海市普陀区委` / `社会工作部 2024 年度` / `部门决算`).
    let mut cover_lines: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(COVER_MAX_LINES) {
        let c = line.compact();
        if c.is_empty() {
            continue;
        }
        if is_contents_heading(&c) || super::segment::starts_table(lines, i) {
            // The contents page, or a table straight away (a workbook, a bare set of tables).
            end = i;
            if title.is_none() {
                title = title_over_lines(&cover_lines);
            }
            break;
        }
        // Who printed it (`江苏省财政厅印制`) is not part of the title.
        if title.is_none()
            && c.chars().count() <= COVER_LINE_MAX_CHARS
            && !c.contains(['：', ':'])
            && !c.ends_with("印制")
        {
            cover_lines.push(c.clone());
        }
        if names_department(&c) && department.is_none() {
            department = department_after_colon(line.text.trim());
        } else if title.is_none()
            && c.chars().count() <= COVER_TITLE_MAX_CHARS
            && cover_year(&c).is_some()
            && (c.contains("预算") || c.contains("决算"))
        {
            // `上海市普陀区财政局` over `2024 年度部门决算` (or `二〇一七年部门预算`): a title that
            // starts with its year goes on from the name on the line above.
            let starts_with_year = cover_year(&c).is_some_and(|(_, at)| at == 0);
            let above = cover_lines
                .iter()
                .rev()
                .nth(1)
                .filter(|p| cover_year(p).is_none() && starts_with_year);
            title = Some(match above {
                Some(name) => format!("{name}{}", line.text.trim()),
                None => line.text.trim().to_string(),
            });
        } else if published.is_none()
            && title.is_some()
            && c.len() <= DATE_LINE_MAX_BYTES
            && c.ends_with('月')
            && cover_year(&c).is_some()
        {
            published = Some(c.clone());
        } else if title.is_some() {
            // The body starts (no contents page): leave this line to it.
            end = i;
            break;
        }
        end = i + 1;
        if title.is_some() && department.is_some() && published.is_some() {
            break;
        }
    }
    let Some(title) = title else {
        return cover_from_first_lines(file, lines, department);
    };
    Ok((meta_from_title(title, department, published), end))
}

/// Whether a cover's line names the department (`预算主管部门：…`, `部门名称：…`).
fn names_department(c: &str) -> bool {
    [
        "预算主管部门",
        "主管部门",
        "部门名称",
        "预算单位：",
        "预算单位:",
        "部门：",
        "部门:",
    ]
    .iter()
    .any(|p| c.starts_with(p))
}

/// The department a cover's `部门名称：X` line names, without a unit printed after it.
fn department_after_colon(text: &str) -> Option<String> {
    // `部门名称：X⇥单位：万元`: the unit printed at the end of the same line is not the name.
    after_colon(text)
        .map(|v| {
            v.split(['⇥', '\t'])
                .next()
                .unwrap_or(&v)
                .split("单位：")
                .next()
                .unwrap_or(&v)
                .split("单位:")
                .next()
                .unwrap_or(&v)
                .trim()
                .to_string()
        })
        .filter(|v| !v.is_empty())
}

/// The cover facts a title names (year, region, department, kind and scope), with the
/// department and date a cover printed apart.
fn meta_from_title(
    title: String,
    department: Option<String>,
    published: Option<String>,
) -> DocumentMeta {
    let (year, year_at) = cover_year(&title).unwrap_or_default();
    let region = Some(title[..year_at].trim().to_string()).filter(|s| !s.is_empty());
    let named_by_title = department.is_none();
    let department = department.unwrap_or_else(|| {
        // Without a 预算主管部门 line, the title names the department (`XX2026年部门预算`, or
        // `2017年度XX部门预算`).
        region
            .clone()
            .or_else(|| named_after_year(&title))
            .unwrap_or_default()
    });
    // A title that starts with its department (`江苏省政协办公厅2018年度…`) names no region
    // beyond the divisions the department's name starts with.
    let region = if named_by_title || region.as_deref() == Some(department.as_str()) {
        region.and_then(|r| division_of(&r))
    } else {
        region
    };
    let kind = if title.contains("决算") {
        DocKind::FinalAccounts
    } else {
        DocKind::Budget
    };
    let scope = if title.contains("单位预算") || title.contains("单位决算") {
        Scope::Unit
    } else {
        Scope::Department
    };
    DocumentMeta {
        title,
        department,
        year,
        kind,
        scope,
        format: RegionalFormat::Other(String::new()),
        region,
        published,
    }
}

/// No cover (a set of project descriptions or forms): the first line stands for the title,
/// and the year is the first one printed. Returns the facts and the index of the first line
/// after the title (0 when the title stays with its table).
fn cover_from_first_lines(
    file: &str,
    lines: &[Line],
    department: Option<String>,
) -> Result<(DocumentMeta, usize), ImportError> {
    let Some(yl) = first_year_line(lines) else {
        return Err(no_year_error(file, lines));
    };
    let first = lines
        .iter()
        .find(|l| !l.is_blank())
        .map(|l| l.text.trim().to_string())
        .unwrap_or_default();
    let short: String = first.chars().take(COVER_TITLE_MAX_CHARS).collect();
    let year = written_year(&yl.compact())
        .or_else(|| find_year(&yl.compact()))
        .unwrap_or_default();
    let is_title =
        short.chars().count() <= FIRST_LINE_TITLE_MAX_CHARS && find_year(&short).is_some();
    let first_k = lines.iter().position(|l| !l.is_blank()).unwrap_or(0);
    // A table's title stands for the document's, but stays with its table.
    let mut end = if is_title && !super::segment::starts_table(lines, first_k) {
        first_k + 1
    } else {
        0
    };
    let mut title = if is_title {
        short
    } else {
        format!("{year}年度")
    };
    // `江苏省政协办公厅 2018年度` over `部门预算公开`: the title goes on over the next line,
    // and the words before its year name the department.
    let mut continued = false;
    if is_title && end > 0 && !title.contains("预算") && !title.contains("决算") {
        if let Some((whole, after)) = title_continued_below(lines, end, &title) {
            title = whole;
            end = after;
            continued = true;
        }
    }
    let named_by_title = continued
        .then(|| {
            title
                .find(|ch: char| ch.is_ascii_digit())
                .map(|i| title[..i].trim().to_string())
        })
        .flatten()
        .filter(|d| d.chars().count() >= 2);
    // Without a cover line, a table's 编制部门 names the department.
    let department = department
        .or_else(|| department_from_tables(lines))
        .or(named_by_title)
        .unwrap_or_default();
    let kind = if title.contains("决算") {
        DocKind::FinalAccounts
    } else {
        DocKind::Budget
    };
    Ok((
        DocumentMeta {
            title,
            department,
            year,
            kind,
            scope: Scope::Department,
            format: RegionalFormat::Other(String::new()),
            region: None,
            published: None,
        },
        end,
    ))
}

/// The first of the opening lines that names a year, for a file without a cover.
fn first_year_line(lines: &[Line]) -> Option<&Line> {
    // A year written as one (`2018年`) beats a bare number that reads as one (a code
    // printed apart and read with the words after it, `2071｜文化和旅游`, is no year).
    lines
        .iter()
        .take(YEAR_SEARCH_LINES)
        .find(|l| written_year(&l.compact()).is_some())
        .or_else(|| {
            lines
                .iter()
                .take(YEAR_SEARCH_LINES)
                .find(|l| find_year(&l.compact()).is_some())
        })
}

/// The error for a file without a cover whose opening lines name no year.
fn no_year_error(file: &str, lines: &[Line]) -> ImportError {
    // Tables that name their department but no year join that department's narrative.
    let departments = departments_named(lines);
    if !departments.is_empty() && lines.iter().any(|l| l.is_tabular()) {
        return ImportError::NoYear {
            file: file.to_string(),
            departments,
        };
    }
    ImportError::NotABudget {
        file: file.to_string(),
        reason: "前80行中没有找到预算年度".into(),
    }
}

/// A first-line title that goes on over the next line that is not blank (`部门预算公开`):
/// the whole title and the index of the line after its end.
fn title_continued_below(lines: &[Line], from: usize, title: &str) -> Option<(String, usize)> {
    let (k, next) = lines
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, l)| !l.is_blank())?;
    let c = next.compact();
    let continues = (c.contains("预算") || c.contains("决算"))
        && find_year(&c).is_none()
        && c.chars().count() <= SHORT_LINE_MAX
        && !is_contents_heading(&c);
    continues.then(|| {
        (
            format!("{}{c}", title.split_whitespace().collect::<String>()),
            k + 1,
        )
    })
}

/// The department a table's 编制部门 line names, among the opening lines.
fn department_from_tables(lines: &[Line]) -> Option<String> {
    lines.iter().take(YEAR_SEARCH_LINES).find_map(|l| {
        let c = l.compact();
        let rest = c.strip_prefix("编制部门")?.trim_start_matches(['：', ':']);
        let end = rest
            .find("单位：")
            .or_else(|| rest.find("单位:"))
            .unwrap_or(rest.len());
        let d = rest[..end].to_string();
        (!d.is_empty()).then_some(d)
    })
}

/// Splits `1. 标题`, `一、标题`, `- 1. 标题`, `（一）标题`, `第一部分 标题` into number and title.
fn contents_entry(text: &str) -> Option<ContentsEntry> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(rest) = compact.strip_prefix('第') {
        if let Some(p) = rest.find("部分") {
            let title = rest[p + "部分".len()..].to_string();
            if !title.is_empty() && title.chars().count() <= COVER_TITLE_MAX_CHARS {
                return Some(ContentsEntry {
                    number: Some(format!("第{}部分", &rest[..p])),
                    title,
                    level: 0,
                });
            }
        }
    }
    let indent = text.len() - text.trim_start().len();
    let mut t = text.trim();
    let mut level = u8::from(indent >= 1);
    if let Some(rest) = t.strip_prefix('-') {
        t = rest.trim();
    }
    // Dot leaders and trailing page numbers.
    let t = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || c == '…' || c == '·' || c.is_whitespace()
    });
    let t = if t.is_empty() { text.trim() } else { t };
    let num_end = t
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c) || c == '（' || c == '(')
        })
        .map(|(i, _)| i)?;
    if num_end == 0 {
        return None;
    }
    let number = t[..num_end].trim_matches(['（', '(']).to_string();
    let rest = &t[num_end..];
    let rest = rest.strip_prefix(['、', '.', '．', '）', ')'])?.trim();
    if rest.is_empty() || rest.chars().count() > COVER_TITLE_MAX_CHARS {
        return None;
    }
    if number.chars().all(|c| c.is_ascii_digit()) {
        level = level.max(1);
    }
    Some(ContentsEntry {
        number: Some(number),
        title: rest.to_string(),
        level,
    })
}

/// Whether a line is the contents page's own column heads: only the words a contents table
/// prints over its entries (`序号 报表名称`, `序号 名称 页码`).
fn is_contents_header(compact: &str) -> bool {
    let mut rest = compact.to_string();
    for w in [
        "序号",
        "报表名称",
        "表格名称",
        "名称",
        "内容",
        "页码",
        "页次",
        "编号",
    ] {
        rest = rest.replace(w, "");
    }
    rest.is_empty() && !compact.is_empty()
}

/// Reads the contents page starting at `start` (the 目录 line), if there is one.
pub fn parse_contents(lines: &[Line], start: usize) -> (Vec<ContentsEntry>, usize) {
    let start = lines[start.min(lines.len())..]
        .iter()
        .position(|l| !l.is_blank())
        .map_or(start, |k| start + k);
    let Some(first) = lines.get(start) else {
        return (vec![], start);
    };
    if !is_contents_heading(&first.compact()) {
        return (vec![], start);
    }
    let mut out = Vec::new();
    let mut i = start + 1;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        match contents_entry(&line.text) {
            // The body starts when the first entry comes round again.
            Some(e)
                if out.first().is_some_and(|f: &ContentsEntry| {
                    f.title == e.title && f.number == e.number
                }) =>
            {
                break
            }
            Some(e) => out.push(e),
            None => {
                // An entry's title wrapped onto a line of its own (`第三部分 … 部门决算情况` / `说明`),
                // with more entries after it.
                let next_is_entry = lines[i + 1..]
                    .iter()
                    .find(|l| !l.is_blank())
                    .is_some_and(|n| contents_entry(&n.text).is_some());
                let c = line.compact();
                match out.last_mut() {
                    // The contents' own column heads (`序号 报表名称`, `页码`) before any entry.
                    None if is_contents_header(&c) => {}
                    Some(last)
                        if c.chars().count() <= WRAPPED_TITLE
                            && next_is_entry
                            && !is_contents_heading(&c) =>
                    {
                        last.title.push_str(&c)
                    }
                    _ => break,
                }
            }
        }
        i += 1;
    }
    (out, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// check(input, expect): a contents page with its own column heads over the entries.
    #[test]
    fn contents_with_column_heads() {
        let lines = crate::lines::split_lines("目      录\n序号   报表名称\n一、   收支预算总表\n十一、 一般公共预算“三公”经费、会议费、培训费支出预算表\n十二、 政府采购支出预算表\n收支预算总表\n部门：某局\t单位：万元");
        let (entries, end) = parse_contents(&lines, 0);
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "收支预算总表",
                "一般公共预算“三公”经费、会议费、培训费支出预算表",
                "政府采购支出预算表"
            ]
        );
        assert_eq!(end, 5);
        assert!(
            is_contents_header("序号报表名称")
                && !is_contents_header("收支预算总表")
                && !is_contents_header("")
        );
    }

    /// check(input, expect): the division a department's name starts with.
    #[test]
    fn divisions() {
        for (name, expect) in [
            ("江苏省政协办公厅", Some("江苏省")),
            ("青山区城市运行管理中心", Some("青山区")),
            ("上海市普陀区人民政府办公室", Some("上海市普陀区")),
            (
                "湖北省武汉市青山区城市运行管理中心",
                Some("湖北省武汉市青山区"),
            ),
            ("内蒙古自治区财政厅", Some("内蒙古自治区")),
            ("中共上海市委社会工作部", Some("上海市")),
            ("新疆维吾尔自治区财政厅", Some("新疆维吾尔自治区")),
            ("乌鲁木齐市财政局", Some("乌鲁木齐市")),
            ("城市管理局", None),
            ("民盟江苏省委员会", Some("江苏省")),
            ("九三学社江苏省委员会", Some("江苏省")),
            ("社会工作部", None),
        ] {
            assert_eq!(division_of(name).as_deref(), expect, "{name}");
        }
    }

    fn cover_of(text: &str) -> DocumentMeta {
        parse_cover("t.txt", &crate::lines::split_lines(text))
            .unwrap()
            .0
    }

    /// The named limits of a cover, each at its edge: check(input, expect).
    #[test]
    fn cover_limits() {
        let over = |parts: &[&str]| {
            title_over_lines(&parts.iter().map(|p| p.to_string()).collect::<Vec<_>>())
        };
        // A title set over up to TITLE_LINES lines, joined within COVER_TITLE_MAX_CHARS.
        assert_eq!(
            over(&["中共上海市普陀区委", "社会工作部2024年度", "部门决算"]).as_deref(),
            Some("中共上海市普陀区委社会工作部2024年度部门决算")
        );
        assert_eq!(over(&["甲", "乙", "丙", "2024年度", "部门决算"]), None);
        // The printer under the title is not part of it (a Jiangsu tables file's cover).
        let meta = cover_of(
            "江苏省2018年度\n省级部门预算公开报表\n部 门:中共江苏省委办公厅\n江苏省财政厅印制\n目      录\n",
        );
        assert_eq!(meta.title, "江苏省2018年度省级部门预算公开报表");
        assert_eq!(meta.department, "中共江苏省委办公厅");
        let long = format!("{}2024年度部门预算", "某".repeat(COVER_TITLE_MAX_CHARS - 9)); // one past the limit
        assert_eq!(over(&[&long]), None);
        // A publication date is the date alone (DATE_LINE_MAX_BYTES).
        for (date, expect) in [
            ("2025年2月", Some("2025年2月")),
            ("2025年12月", Some("2025年12月")),
            ("本部门于2025年2月", None),
        ] {
            let meta = cover_of(&format!("某局2025年度部门预算\n{date}\n目录\n"));
            assert_eq!(meta.published.as_deref(), expect, "{date}");
        }
        // Past YEAR_SEARCH_LINES a year is the body's, not the document's.
        let late = format!("{}2026年部门预算\n", "说明文字\n".repeat(YEAR_SEARCH_LINES));
        assert!(parse_cover("t.txt", &crate::lines::split_lines(&late)).is_err());
        let early = format!(
            "{}2026年部门预算\n",
            "说明文字\n".repeat(YEAR_SEARCH_LINES - 1)
        );
        assert_eq!(cover_of(&early).year, 2026);
    }

    /// An amount is not a year; a year is, however it is followed.
    #[test]
    fn years_not_amounts() {
        for (s, y) in [
            ("上海市2026年市级部门预算", Some(2026)),
            ("2026 年度部门预算", Some(2026)),
            ("（2026）", Some(2026)),
            ("慰问金2000.00元/人/次，占项目总预算的二成", None),
            ("经费2000元", None),
            ("共计2,026人", None),
            ("1.2026万元", None),
        ] {
            assert_eq!(
                find_year(&s.chars().filter(|c| !c.is_whitespace()).collect::<String>()),
                y,
                "{s}"
            );
        }
    }

    #[test]
    fn contents_entries() {
        let e =
            contents_entry(" - 10. 2026年部门一般公共预算基本支出部门预算经济分类预算表").unwrap();
        assert_eq!(e.number.as_deref(), Some("10"));
        assert_eq!(e.level, 1);
        let e = contents_entry("- 一、部门主要职能").unwrap();
        assert_eq!(
            (e.number.as_deref(), e.title.as_str(), e.level),
            (Some("一"), "部门主要职能", 0)
        );
        let e = contents_entry("    1.   2024年部门财务收支预算总表").unwrap();
        assert_eq!(e.title, "2024年部门财务收支预算总表");
        assert!(contents_entry("中共上海市委社会工作部（部门）主要职能").is_none());
        assert!(contents_entry("2026年2月").is_none());
    }

    #[test]
    fn a_title_set_over_the_covers_lines() {
        let v = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // check(input, expect)
        for (cover, expect) in [
            (
                v(&["中共上海市普陀区委", "社会工作部2024年度", "部门决算"]),
                Some("中共上海市普陀区委社会工作部2024年度部门决算"),
            ),
            (
                v(&["江苏省政协办公厅2018年度", "部门预算公开"]),
                Some("江苏省政协办公厅2018年度部门预算公开"),
            ),
            (v(&["某某局", "工作报告"]), None),
            (v(&["一", "二", "三", "四", "2024年度部门决算"]), None),
            (v(&[]), None),
        ] {
            assert_eq!(title_over_lines(&cover).as_deref(), expect, "{cover:?}");
        }
    }

    #[test]
    fn a_contents_title_wrapped_onto_its_own_line() {
        let lines: Vec<crate::Line> = crate::lines::split_lines("目   录\n第二部分 某部门2024年度部门决算表\n一、收入支出决算总表\n第三部分 某部门2024年度部门决算情况\n说明\n一、收入支出决算总体情况说明\n\n某部门（部门）主要职能\n负责……。");
        let (entries, end) = parse_contents(&lines, 0);
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "某部门2024年度部门决算表",
                "收入支出决算总表",
                "某部门2024年度部门决算情况说明",
                "收入支出决算总体情况说明"
            ]
        );
        assert_eq!(lines[end].compact(), "某部门（部门）主要职能");
    }

    /// A document without a cover takes the year written as one, not a code's digits printed
    /// apart before it (`2071` over `文化和旅游` read as the year 2071). check(input, expect)
    #[test]
    fn a_year_written_as_one_beats_digits_that_read_as_one() {
        assert_eq!(written_year("2071 01 文化和旅游"), None);
        assert_eq!(written_year("江苏省2018年度部门预算"), Some(2018));
        assert_eq!(written_year("12018年"), None);
        // No cover and no title line: a code's digits first, the year written further down.
        let meta = cover_of(
            "功能科目编码\t功能科目名称\t金额\n2071\t文化和旅游\t12.00\n合计\t\t12.00\n编制日期：2018年3月1日\n",
        );
        assert_eq!(meta.year, 2018);
    }

    #[test]
    fn years() {
        assert_eq!(find_year("上海市2026年市级部门预算"), Some(2026));
        assert_eq!(find_year("12026"), None);
        // Chinese numerals before 年, exactly four of them.
        assert_eq!(written_year("二〇一七年部门预算"), Some(2017));
        assert_eq!(written_year("二零二五年度"), Some(2025));
        assert_eq!(written_year("二二〇一七年"), None);
        assert_eq!(written_year("一七年"), None);
        assert_eq!(
            named_after_year("2017年度江苏省某厅部门预算").as_deref(),
            Some("江苏省某厅")
        );
        assert_eq!(named_after_year("2017年度部门预算"), None);
        assert_eq!(named_after_year("2017年省级部门预算公开报表"), None);
        assert_eq!(find_year("无"), None);
    }
}
