//! Totals of a carried grid that follow their parts. A grid carried as printed (Jiangsu's
//! 政府采购预算表: 合计 over 货物/服务 over 专项 over items; Hubei's 资产配置预算表: total rows over
//! its assets) prints totals that no leaf derives, so an edited item would leave them wrong —
//! the arithmetic slip the product exists to prevent. The tree of totals is read from the
//! numbers themselves, column by column: a first row that is the total of the whole grid (its
//! label says 合计/总计, or it has none), each total followed by the rows that add up to it,
//! recursively. Only a tree the numbers allow in exactly one way is used; a column without one
//! is left as written.

use crate::layout::{CellRule, RowRule};
use crate::print::amount;
use rust_decimal::Decimal;

/// How many parse steps a column may take before it is left as written (a grid of a few dozen
/// rows takes a few hundred; a crafted one cannot make an edit search for ever).
const MAX_STEPS: usize = 1 << 13;

/// The most rows a grid's tree is read for: carried grids (assets to buy, procurement items)
/// run to a few dozen rows; a longer one is left as written.
const MAX_ROWS: usize = 120;

/// Each row's total (the index of the row it is part of), `None` for the root; `None` overall
/// when the column's numbers do not form exactly one tree under its first row. `values` are the
/// column's amounts, row by row (a blank is 0). Negative amounts are never a tree.
pub fn parents(values: &[Decimal]) -> Option<Vec<Option<usize>>> {
    if values.len() < 2
        || values.len() > MAX_ROWS
        || values.iter().any(|v| v.is_sign_negative() && !v.is_zero())
    {
        return None;
    }
    // Rows of 0 (a row just added, an item not bought this year) are read after the others:
    // each is a part of the row above it when that is a total, else of that row's total.
    let money: Vec<usize> = (0..values.len())
        .filter(|&k| !values[k].is_zero())
        .collect();
    if money.first() != Some(&0) {
        return None;
    }
    let tree = money_parents(&money.iter().map(|&k| values[k]).collect::<Vec<_>>())?;
    let mut out: Vec<Option<usize>> = vec![None; values.len()];
    for (k, p) in tree.into_iter().enumerate() {
        out[money[k]] = p.map(|p| money[p]);
    }
    for k in 1..values.len() {
        if values[k].is_zero() {
            let above = k - 1;
            out[k] = if out.contains(&Some(above)) || above == 0 {
                Some(above)
            } else {
                out[above]
            };
        }
    }
    Some(out)
}

/// [`parents`] of a column without rows of 0.
fn money_parents(values: &[Decimal]) -> Option<Vec<Option<usize>>> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len();
    let mut p = Parser {
        values,
        steps: 0,
        nodes: Default::default(),
        parts: Default::default(),
    };
    let v0 = values[0];
    // The root is a total over every other row: its parts end exactly at the last row.
    let whole = if v0.is_zero() {
        0
    } else {
        p.parts(1, v0).get(&n).copied().unwrap_or(0)
    };
    if p.steps > MAX_STEPS || whole != 1 {
        return None;
    }
    let mut out = vec![None; n];
    p.read_parts(1, v0, n, 0, &mut out);
    Some(out)
}

/// How many ways (counted up to two: one, or more than one) a reading ends at each row.
type Ends = std::collections::BTreeMap<usize, u8>;

fn add(ends: &mut Ends, end: usize, ways: u8) {
    let e = ends.entry(end).or_insert(0);
    *e = (*e + ways).min(2);
}

struct Parser<'a> {
    values: &'a [Decimal],
    steps: usize,
    /// Where a reading of the row at `i` (alone, or a total with its parts) may end.
    nodes: std::collections::HashMap<usize, Ends>,
    /// Where rows from `j` that add up to exactly `remaining` may end.
    parts: std::collections::HashMap<(usize, Decimal), Ends>,
}

impl Parser<'_> {
    fn node(&mut self, i: usize) -> Ends {
        if let Some(known) = self.nodes.get(&i) {
            return known.clone();
        }
        self.steps += 1;
        let mut out = Ends::new();
        add(&mut out, i + 1, 1);
        if !self.values[i].is_zero() && self.steps <= MAX_STEPS {
            for (end, ways) in self.parts(i + 1, self.values[i]) {
                add(&mut out, end, ways);
            }
        }
        self.nodes.insert(i, out.clone());
        out
    }

    fn parts(&mut self, j: usize, remaining: Decimal) -> Ends {
        let mut out = Ends::new();
        if remaining.is_zero() {
            add(&mut out, j, 1);
            return out;
        }
        if j >= self.values.len() || self.values[j] > remaining {
            return out;
        }
        if let Some(known) = self.parts.get(&(j, remaining)) {
            return known.clone();
        }
        self.steps += 1;
        if self.steps <= MAX_STEPS {
            for (first, a) in self.node(j) {
                for (end, b) in self.parts(first, remaining - self.values[j]) {
                    add(&mut out, end, a.saturating_mul(b).min(2));
                }
            }
        }
        self.parts.insert((j, remaining), out.clone());
        out
    }

    /// Writes the one reading of the parts from `j` adding up to `remaining` and ending at
    /// `end` (each a part of `total`), as counted.
    fn read_parts(
        &mut self,
        j: usize,
        remaining: Decimal,
        end: usize,
        total: usize,
        out: &mut [Option<usize>],
    ) {
        if remaining.is_zero() {
            return;
        }
        out[j] = Some(total);
        let rest = remaining - self.values[j];
        let first = self
            .node(j)
            .into_keys()
            .find(|&f| self.parts(f, rest).contains_key(&end));
        if let Some(f) = first {
            if f > j + 1 {
                self.read_parts(j + 1, self.values[j], f, j, out);
            }
            self.read_parts(f, rest, end, total, out);
        }
    }
}

/// The trees of a carried grid's columns, read before an edit, that the edit's totals follow.
pub(crate) struct Trees(Vec<Option<Vec<Option<usize>>>>);

/// A cell's amount for the sums: a written amount, 0 for a blank; `None` for words.
fn value(c: &CellRule) -> Option<Decimal> {
    match c {
        CellRule::Fixed { value, .. } => Some(*value),
        CellRule::Blank => Some(Decimal::ZERO),
        _ => None,
    }
}

impl Trees {
    /// Each column's tree: from the column's first amount (the head rows above it are not
    /// part), a column of amounts (two at least, no words) whose first row is labelled 合计/总计
    /// or not at all.
    pub(crate) fn of(rows: &[RowRule]) -> Trees {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        Trees(
            (0..width)
                .map(|c| {
                    let start = rows
                        .iter()
                        .position(|r| matches!(r.cells.get(c), Some(CellRule::Fixed { .. })))?;
                    let label = compact(&rows[start].label);
                    if !(label.is_empty() || label.ends_with("合计") || label.ends_with("总计"))
                    {
                        return None;
                    }
                    let below = &rows[start..];
                    if below
                        .iter()
                        .filter(|r| matches!(r.cells.get(c), Some(CellRule::Fixed { .. })))
                        .count()
                        < 2
                    {
                        return None;
                    }
                    let column: Vec<Decimal> = below
                        .iter()
                        .map(|r| r.cells.get(c).map_or(Some(Decimal::ZERO), value))
                        .collect::<Option<_>>()?;
                    let tree = parents(&column)?;
                    Some(
                        std::iter::repeat_n(None, start)
                            .chain(tree.into_iter().map(|p| p.map(|p| p + start)))
                            .collect(),
                    )
                })
                .collect(),
        )
    }

    /// Row `r` was removed: its totals (in every column) are what changed. Rows that were its
    /// parts are parts of its own total now (so that total keeps its sum).
    pub(crate) fn removed(&mut self, r: usize) -> Vec<Option<usize>> {
        self.0
            .iter_mut()
            .map(|tree| {
                let t = tree.as_mut()?;
                if r >= t.len() {
                    return None;
                }
                let parent = t.remove(r);
                for p in t.iter_mut() {
                    *p = match *p {
                        Some(q) if q == r => parent,
                        Some(q) if q > r => Some(q - 1),
                        other => other,
                    };
                }
                parent
            })
            .collect()
    }

    /// A row was inserted at `at`: it is a part of the row above when that is a total, else of
    /// the total the row above is part of (so a removed row put back by 撤销 goes back where it
    /// was).
    pub(crate) fn inserted(&mut self, at: usize) {
        for t in self.0.iter_mut().flatten() {
            let parent = match at.checked_sub(1).filter(|&a| a < t.len()) {
                None => None,
                Some(a) if t.contains(&Some(a)) => Some(a),
                Some(a) => t[a],
            };
            for p in t.iter_mut() {
                *p = p.map(|p| if p >= at { p + 1 } else { p });
            }
            t.insert(at.min(t.len()), parent);
        }
    }

    /// The parent of row `r` in column `c`'s tree.
    pub(crate) fn parent(&self, c: usize, r: usize) -> Option<usize> {
        self.0.get(c)?.as_ref()?.get(r).copied().flatten()
    }

    /// The columns that have a tree.
    pub(crate) fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_some())
            .map(|(c, _)| c)
    }

    /// Sets each total from `from` up to the root of column `c` to the sum of its parts, printed
    /// as that total was (its decimals, its separators). Returns the totals changed.
    pub(crate) fn follow(&self, rows: &mut [RowRule], c: usize, from: Option<usize>) -> usize {
        let Some(Some(tree)) = self.0.get(c) else {
            return 0;
        };
        let mut changed = 0;
        let mut at = from;
        while let Some(a) = at {
            let parts: Vec<usize> = (0..rows.len()).filter(|&k| tree[k] == Some(a)).collect();
            let sum: Decimal = parts
                .iter()
                .filter_map(|&k| rows[k].cells.get(c).and_then(value))
                .sum();
            // Printed with as many decimals as the total or any part shows (0.555 under 35.45).
            let places = |c: &CellRule| match c {
                CellRule::Fixed { printed, .. } => {
                    printed.split_once('.').map_or(0, |(_, f)| f.len() as u32)
                }
                _ => 0,
            };
            let part_places = parts
                .iter()
                .filter_map(|&k| rows[k].cells.get(c))
                .map(places)
                .max()
                .unwrap_or(0);
            if let Some(CellRule::Fixed { value, printed }) = rows[a].cells.get_mut(c) {
                if *value != sum {
                    let decimals = printed
                        .split_once('.')
                        .map_or(0, |(_, f)| f.len() as u32)
                        .max(part_places);
                    *printed = amount(sum, decimals, printed.contains(','));
                    *value = sum;
                    changed += 1;
                }
            }
            at = tree[a];
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| v.parse().unwrap()).collect()
    }

    #[test]
    fn trees_of_totals() {
        // check(input, expect)
        type Case<'a> = (Vec<&'a str>, Option<Vec<Option<usize>>>);
        let cases: Vec<Case> = vec![
            // 合计 over two groups, each over its items.
            (
                vec!["10", "4", "1", "3", "6", "6"],
                Some(vec![None, Some(0), Some(1), Some(1), Some(0), Some(4)]),
            ),
            // A total repeated over the same items (Hubei prints its total rows three times).
            (
                vec!["5", "5", "2", "3"],
                Some(vec![None, Some(0), Some(1), Some(1)]),
            ),
            // The first row is not the whole grid's total: no tree.
            (vec!["10", "4", "1"], None),
            // Two readings (3 over 3 over 3, then 3; or 3 over 3 twice): left as written.
            (vec!["6", "3", "3", "3", "3"], None),
            // A row of 0 is a part of the total above it, or of the total its neighbour above is
            // part of (a row just added at the end, an item not bought this year).
            (vec!["5", "0", "5"], Some(vec![None, Some(0), Some(0)])),
            (
                vec!["10", "4", "1", "3", "0", "6", "6", "0"],
                Some(vec![
                    None,
                    Some(0),
                    Some(1),
                    Some(1),
                    Some(1),
                    Some(0),
                    Some(5),
                    Some(5),
                ]),
            ),
            // Negative amounts and a single row: no tree.
            (vec!["1", "-1", "2"], None),
            (vec!["1"], None),
        ];
        for (values, expect) in cases {
            assert_eq!(parents(&d(&values)), expect, "{values:?}");
        }
    }

    /// Random trees of totals (a small generator, seeded): the reading is the tree the numbers
    /// were made from, or none — never another tree.
    #[test]
    fn a_reading_is_the_tree_or_none() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        // Appends a subtree at `parent` in pre-order; returns its total.
        fn grow(
            rows: &mut Vec<(Decimal, Option<usize>)>,
            parent: Option<usize>,
            depth: u32,
            next: &mut dyn FnMut(u64) -> u64,
        ) -> Decimal {
            let at = rows.len();
            rows.push((Decimal::ZERO, parent));
            if depth == 0 || (parent.is_some() && next(3) == 0) {
                let v = Decimal::new(next(100_000) as i64 + 1, 2);
                rows[at].0 = v;
                return v;
            }
            let kids = 1 + next(4);
            let total: Decimal = (0..kids)
                .map(|_| grow(rows, Some(at), depth - 1, next))
                .sum();
            rows[at].0 = total;
            total
        }
        let (mut read, mut left) = (0, 0);
        for _ in 0..400 {
            let mut rows = Vec::new();
            let depth = 1 + next(3) as u32;
            grow(&mut rows, None, depth, &mut next);
            let values: Vec<Decimal> = rows.iter().map(|r| r.0).collect();
            let truth: Vec<Option<usize>> = rows.iter().map(|r| r.1).collect();
            match parents(&values) {
                Some(tree) => {
                    assert_eq!(tree, truth, "{values:?}");
                    read += 1;
                }
                None => left += 1,
            }
        }
        // Most random trees read back (a total with one part reads two ways, and is left).
        assert!(read > left, "read {read}, left {left}");
    }

    #[test]
    fn long_columns_are_read_or_left_quickly() {
        let col = |first: &str, ones: usize| -> Vec<Decimal> {
            std::iter::once(first)
                .chain(std::iter::repeat_n("1", ones))
                .map(|v| v.parse().unwrap())
                .collect()
        };
        // 30 under a total of 30: one reading, every row a part of the first.
        let flat = parents(&col("30", 30)).unwrap();
        assert!(flat[1..].iter().all(|p| *p == Some(0)));
        // 40 rows of 1 under 20: countless readings (pairs, chains …), left as written, quickly.
        let start = std::time::Instant::now();
        assert_eq!(parents(&col("20", 40)), None);
        assert_eq!(parents(&col("60", 119)), None);
        assert_eq!(parents(&col("200", 400)), None, "past MAX_ROWS");
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}
