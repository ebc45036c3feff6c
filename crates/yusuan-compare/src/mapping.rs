//! Classification codes that changed between years, kept as data (`data/code-mapping.tsv`).

/// One catalogue change: from a year on, `old` is printed as `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMapping {
    /// `function` or `economic`.
    pub kind: String,
    /// The code before the change.
    pub old: String,
    /// The code from `year` on.
    pub new: String,
    /// The first budget year of the new code.
    pub year: i32,
    /// What changed.
    pub note: String,
}

/// The mapping table.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Its entries.
    pub entries: Vec<CodeMapping>,
}

impl Mapping {
    /// The table shipped with the product.
    pub fn shipped() -> Mapping {
        Mapping::parse(include_str!("../data/code-mapping.tsv")).unwrap_or_default()
    }

    /// Reads a mapping table (`#` comments; five tab-separated columns).
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let [kind, old, new, year, note] = f[..] else {
                return Err(format!(
                    "第{}行：应为 5 列（类别、原代码、新代码、起始年度、说明）",
                    n + 1
                ));
            };
            let year = year
                .trim()
                .parse()
                .map_err(|_| format!("第{}行：起始年度“{year}”不是年份", n + 1))?;
            entries.push(CodeMapping {
                kind: kind.trim().into(),
                old: old.trim().into(),
                new: new.trim().into(),
                year,
                note: note.trim().into(),
            });
        }
        Ok(Mapping { entries })
    }

    /// The code a line of a `from`-year document is compared under when the comparison reaches
    /// `to`: follows the changes that took effect after `from` and by `to` (chains too).
    pub fn map(&self, code: &str, from: i32, to: i32) -> Option<String> {
        let mut current = code.to_string();
        let mut changed = false;
        for _ in 0..8 {
            match self
                .entries
                .iter()
                .find(|m| m.old == current && m.year > from && m.year <= to)
            {
                Some(m) => {
                    current = m.new.clone();
                    changed = true;
                }
                None => break,
            }
        }
        changed.then_some(current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_only_changes_that_took_effect_between_the_years() {
        let m = Mapping::parse("# c\nfunction\t2010101\t2010150\t2025\tsplit\nfunction\t2010150\t2010199\t2026\tagain\n").unwrap();
        assert_eq!(m.map("2010101", 2024, 2025).as_deref(), Some("2010150"));
        assert_eq!(m.map("2010101", 2024, 2026).as_deref(), Some("2010199"));
        assert_eq!(m.map("2010101", 2025, 2026), None);
        assert_eq!(m.map("2010102", 2024, 2026), None);
        assert!(Mapping::parse("function\t1\t2\n").is_err());
        assert!(Mapping::shipped().entries.iter().all(|e| !e.old.is_empty()));
    }
}
