//! Amounts a text prints (`财政拨款收入6,864万元`, `“行政单位医疗（项）”18.41万元`), each named by
//! the words before it: what the checker compares with the tables and what the importer keeps
//! of a project description's prose.

use crate::{parse_amount, Amount, Document, Location, Unit};
use rust_decimal::Decimal;

/// A narrative section's text read as one string without whitespace (so that a number or a
/// clause a PDF wrapped over lines stays whole), with where each paragraph starts.
#[derive(Debug, Clone)]
pub struct SectionText {
    /// The section's title.
    pub title: String,
    /// The paragraphs joined, whitespace removed.
    pub text: String,
    starts: Vec<(usize, Location)>,
}

impl SectionText {
    /// Where byte `at` of `text` was printed (its paragraph's location).
    pub fn location(&self, at: usize) -> Location {
        self.starts
            .iter()
            .rev()
            .find(|(s, _)| *s <= at)
            .map_or_else(Location::default, |x| x.1)
    }
}

/// Every narrative section of a document as one text (see [`SectionText`]).
pub fn section_texts(doc: &Document) -> Vec<SectionText> {
    doc.sections
        .iter()
        .map(|s| {
            let mut text = String::new();
            let mut starts = Vec::new();
            for p in &s.paragraphs {
                starts.push((text.len(), p.location));
                text.extend(p.text.chars().filter(|c| !c.is_whitespace()));
            }
            SectionText {
                title: s.title.clone(),
                text,
                starts,
            }
        })
        .collect()
}

/// An amount printed in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The words before it (numbering, years, quotes and linking words removed).
    pub name: String,
    /// The number as printed, exact.
    pub value: Decimal,
    /// Decimals printed.
    pub decimals: u32,
    /// The unit it is printed in (万元 or 元).
    pub unit: Unit,
    /// The text as printed (`6,864万元`).
    pub printed: String,
    /// For a unit price (`2000.00元/人/次`), what it is per (`/人/次`).
    pub per: Option<String>,
    /// Byte range in the text (a unit price's includes its `/人/次`).
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

impl Mention {
    /// The amount in 元.
    pub fn yuan(&self) -> Decimal {
        self.value * self.unit.in_yuan()
    }
    /// `万元` or `元`.
    pub fn unit_word(&self) -> &'static str {
        self.unit.as_str()
    }
    /// The amount with its unit.
    pub fn amount(&self) -> Amount {
        Amount {
            value: self.value,
            unit: self.unit,
        }
    }
}

/// The name of an amount: the words before it back to the clause's start, without numbering,
/// years, quotes, `（类）/（款）/（项）` and linking words.
pub fn name_before(text: &str, start: usize) -> String {
    let before = &text[..start];
    let cut = before
        .rfind(['，', '。', '；', '：', ':', ',', '、'])
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let mut name = before[cut..].to_string();
    // `“社会保障和就业支出（类）行政事业单位养老支出（款）”`: the last level named.
    for marker in ["（类）", "（款）", "（项）", "(类)", "(款)", "(项)"] {
        name = name.replace(marker, "|");
    }
    let name = name.trim_end_matches(['|', '”', '"', '’']);
    let name = name.rsplit('|').next().unwrap_or(name);
    let mut name: String = name.chars().filter(|c| !"“”\"‘’".contains(*c)).collect();
    // Leading numbering and years: `1.` `（一）` `(2)` `2026年`.
    loop {
        let t = crate::strip_numbering(&name);
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let t = if digits == 4 && t[digits..].starts_with('年') {
            &t[digits + '年'.len_utf8()..]
        } else {
            t
        };
        let t = t.trim_start_matches(['，', ',']).to_string();
        if t == name {
            break;
        }
        name = t;
    }
    for prefix in ["其中", "包括", "本部门", "部门", "本单位", "安排"] {
        if let Some(t) = name.strip_prefix(prefix) {
            name = t.to_string();
        }
    }
    for suffix in ["为", "是", "约", "共", "合计", "科目", "预算数", "总额为"] {
        // (A name that is only `合计` stays `合计`.)
        if let Some(t) = name.strip_suffix(suffix).filter(|t| !t.is_empty()) {
            name = t.to_string();
        }
    }
    name
}

/// The numbers of a text (digits with `.` and `,`, starting where no number part stands
/// before): each one's start and the text of it, its trailing `.`/`,` left out.
pub(crate) fn number_runs(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b',')))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.' || b[j] == b',') {
            j += 1;
        }
        out.push((i, text[i..j].trim_end_matches(['.', ','])));
        i = j;
    }
    out
}

/// Every `number 万元|元` of a text (whitespace already removed), with its name.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, number) in number_runs(text) {
        let after = &text[i + number.len()..];
        let (wan, unit_len) = if after.starts_with("万元") {
            (true, "万元".len())
        } else if after.starts_with('元') && !after.starts_with("元（含）") {
            (false, '元'.len_utf8())
        } else {
            continue;
        };
        if let Ok(value) = parse_amount(number) {
            let decimals = number.split('.').nth(1).map_or(0, |f| f.len() as u32);
            let mut end = i + number.len() + unit_len;
            // `元/人/次`: a unit price, per what follows the slashes.
            let mut per = String::new();
            while let Some(rest) = text[end..].strip_prefix('/') {
                // One character (`人`, `次`, `期`), or two joined by `·` (`人·年`).
                let mut it = rest.chars();
                let word: String = match (it.next(), it.next(), it.next()) {
                    (Some(a), Some('·'), Some(b)) if a.is_alphabetic() && b.is_alphabetic() => {
                        [a, '·', b].iter().collect()
                    }
                    (Some(a), _, _) if a.is_alphabetic() && !a.is_ascii() => a.to_string(),
                    _ => String::new(),
                };
                if word.is_empty() {
                    break;
                }
                per.push('/');
                per.push_str(&word);
                end += 1 + word.len();
            }
            let per = (!per.is_empty()).then_some(per);
            out.push(Mention {
                name: name_before(text, i),
                value,
                decimals,
                unit: if wan { Unit::WanYuan } else { Unit::Yuan },
                printed: text[i..end].to_string(),
                per,
                start: i,
                end,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mentions;

    use crate::compact;

    #[test]
    fn names_amounts_by_the_words_before_them() {
        let t = compact("2026年，某部门收入预算6,864万元，其中：财政拨款收入6,864万元；事业收入0万元。2、“卫生健康支出（类）行政事业单位医疗（款）”30.3元，其中：“行政单位医疗（项）”18.41万元");
        let names: Vec<(String, String)> = mentions(&t)
            .into_iter()
            .map(|m| (m.name, m.printed))
            .collect();
        assert_eq!(
            names,
            [
                ("某部门收入预算".to_string(), "6,864万元".to_string()),
                ("财政拨款收入".into(), "6,864万元".into()),
                ("事业收入".into(), "0万元".into()),
                ("行政事业单位医疗".into(), "30.3元".into()),
                ("行政单位医疗".into(), "18.41万元".into()),
            ]
        );
    }
}
