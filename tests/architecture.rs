//! The architecture stays visible: within each crate, no module uses another that (directly or
//! through others) uses it back. A module is a file of `src/` or a folder of it; a use is a
//! `crate::name` outside comments, braced groups read item by item (`crate::{a, b::{c}}` uses `a`
//! and `b`). Inside a folder module (`text/`, `pdf/`, `rules/` …) the same
//! holds for its files, whose uses of each other are `super::name`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A file's code without its comment lines.
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The module names a path starting at `rest` (just after `crate::` or `super::`) uses: its first
/// segment (`derive::Eval` → `derive`), or each item's of a braced group (`{narrative, print,
/// restate::{bind, render}}` → `narrative`, `print`, `restate`), nested groups and `self` too.
fn named(rest: &str) -> Vec<String> {
    let ident = |t: &str| -> String {
        t.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect()
    };
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest)];
    };
    // The group's items at its own depth, up to its closing brace.
    let (mut depth, mut items, mut item) = (0usize, Vec::new(), String::new());
    for ch in group.chars() {
        match ch {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut item));
                continue;
            }
            _ => {}
        }
        item.push(ch);
    }
    items.push(item);
    items
        .iter()
        .map(|i| ident(i))
        .filter(|n| !n.is_empty() && n != "self")
        .collect()
}

/// Which of the modules in `text` (name → code) each uses: the names written after `prefix`
/// (`crate::` for a crate's modules, `super::` for a folder's files).
fn graph(text: &BTreeMap<String, String>, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let names: BTreeSet<String> = text.keys().cloned().collect();
    text.iter()
        .map(|(m, code)| {
            let used = code
                .match_indices(prefix)
                .flat_map(|(at, _)| named(&code[at + prefix.len()..]))
                .filter(|name| names.contains(name) && name != m)
                .collect();
            (m.clone(), used)
        })
        .collect()
}

/// Each top-level module of a crate's `src/` and the modules it uses.
fn uses(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut text: BTreeMap<String, String> = BTreeMap::new();
    for e in std::fs::read_dir(src).unwrap().flatten() {
        let p = e.path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || name == "main" {
            continue;
        }
        let mut files = Vec::new();
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.push(p.clone());
        }
        let code: String = files.iter().map(|f| code_of(f)).collect();
        text.entry(name).or_default().push_str(&code);
    }
    graph(&text, "crate::")
}

/// The files of a folder module (not its `mod.rs`) and which of their siblings each uses
/// (`super::name` outside comments).
fn sibling_uses(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut text: BTreeMap<String, String> = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if p.is_file() && p.extension().is_some_and(|x| x == "rs") && name != "mod" {
            text.insert(name, code_of(&p));
        }
    }
    graph(&text, "super::")
}

/// Every folder under `dir`, at any depth.
fn folders(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.push(e.path());
            folders(&e.path(), out);
        }
    }
}

/// A cycle through `start`, if any (the modules along it).
fn cycle(g: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap().clone();
        for next in g.get(&last).into_iter().flatten() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push(p);
            }
        }
    }
    None
}

#[test]
fn no_module_uses_another_in_a_circle() {
    let crates = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut circles = Vec::new();
    let mut modules = 0;
    for c in std::fs::read_dir(&crates).unwrap().flatten() {
        let src = c.path().join("src");
        if !src.is_dir() {
            continue;
        }
        let mut graphs = vec![(String::new(), uses(&src))];
        let mut dirs = Vec::new();
        folders(&src, &mut dirs);
        for d in dirs {
            let inside = d.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
            graphs.push((format!("{inside}/"), sibling_uses(&d)));
        }
        for (folder, g) in graphs {
            modules += g.len();
            for m in g.keys() {
                if let Some(path) = cycle(&g, m) {
                    circles.push(format!(
                        "{}: {folder}{} → {m}",
                        c.file_name().to_string_lossy(),
                        path.join(" → ")
                    ));
                }
            }
        }
    }
    assert!(
        modules > 50,
        "only {modules} modules found: the scan looks in the wrong place"
    );
    assert!(
        circles.is_empty(),
        "modules that use each other in a circle:\n{}",
        circles.join("\n")
    );
}

#[test]
fn braced_uses_are_read() {
    // check(input, expect)
    let cases: [(&str, &[&str]); 4] = [
        ("derive::Eval;", &["derive"]),
        ("{narrative, print};", &["narrative", "print"]),
        (
            "{\n    layout::{Body, Query},\n    model::Draft,\n};",
            &["layout", "model"],
        ),
        (
            "{self, restate::{bind, render}, words};",
            &["restate", "words"],
        ),
    ];
    for (input, expect) in cases {
        assert_eq!(named(input), expect, "{input}");
    }
}

#[test]
fn a_circle_is_found() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"]),
        ("c", &["a"]),
        ("d", &["a"]),
    ]
    .into_iter()
    .map(|(m, u)| (m.to_string(), u.iter().map(|s| s.to_string()).collect()))
    .collect();
    assert_eq!(
        cycle(&g, "a"),
        Some(vec!["a".to_string(), "b".to_string(), "c".to_string()])
    );
    assert_eq!(cycle(&g, "d"), None);
}

/// A folder's files are scanned too: two files of a folder that use each other by `super::`
/// are a circle (made in a temporary folder by the test).
#[test]
fn a_circle_inside_a_folder_is_found() {
    let dir = std::env::temp_dir().join(format!("yusuan-arch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mod.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::write(
        dir.join("a.rs"),
        "use super::b::f;\n// super::c is a comment\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.rs"), "pub fn f() { super::a::g() }\n").unwrap();
    std::fs::write(dir.join("c.rs"), "use super::a::g;\n").unwrap();
    let g = sibling_uses(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(cycle(&g, "a"), Some(vec!["a".to_string(), "b".to_string()]));
    assert_eq!(cycle(&g, "c"), None);
}

/// The ids ARCHITECTURE.md names: each `T001`-like id, and every id of a range `X001–X008`.
fn ids_named(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let id_at = |i: usize| -> Option<(char, u32)> {
        let c = *chars.get(i)?;
        if !c.is_ascii_uppercase() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            return None;
        }
        let digits: String = chars.get(i + 1..i + 4)?.iter().collect();
        if !digits.chars().all(|d| d.is_ascii_digit())
            || chars.get(i + 4).is_some_and(|n| n.is_ascii_alphanumeric())
        {
            return None;
        }
        Some((c, digits.parse().ok()?))
    };
    let mut out = BTreeSet::new();
    for i in 0..chars.len() {
        let Some((letter, n)) = id_at(i) else {
            continue;
        };
        out.insert(format!("{letter}{n:03}"));
        // A range: `X001–X008` (an en dash or a hyphen between).
        if matches!(chars.get(i + 4), Some('–' | '-')) {
            if let Some((l2, m)) = id_at(i + 5) {
                if l2 == letter {
                    for k in n..=m {
                        out.insert(format!("{letter}{k:03}"));
                    }
                }
            }
        }
    }
    out
}

/// ARCHITECTURE.md stays true where it lists things: every rule of the checker's registry is
/// named there (alone or in a range), and the desktop shell's commands are exactly those
/// `src-tauri/lib.rs` registers.
#[test]
fn architecture_md_lists_every_rule_and_exactly_the_registered_commands() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let named = ids_named(&doc);
    let missing: Vec<&str> = yusuan_check::RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !named.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules ARCHITECTURE.md does not name: {missing:?}"
    );

    let lib = std::fs::read_to_string(root.join("src-tauri/lib.rs")).unwrap();
    let registered: BTreeSet<String> = lib
        .match_indices("commands::")
        .map(|(at, _)| {
            lib[at + "commands::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect()
        })
        .filter(|n: &String| !n.is_empty())
        .collect();
    let shell = doc
        .lines()
        .find(|l| l.starts_with("| `src-tauri/`"))
        .expect("the src-tauri row");
    let list = shell
        .split_once("registers its commands (")
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| inside)
        .expect("its commands in brackets");
    let listed: BTreeSet<String> = list
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let unlisted: Vec<&String> = registered.difference(&listed).collect();
    let stale: Vec<&String> = listed.difference(&registered).collect();
    assert!(
        unlisted.is_empty() && stale.is_empty(),
        "ARCHITECTURE.md's commands: missing {unlisted:?}, no longer registered {stale:?}"
    );
}

#[test]
fn rule_ids_and_ranges_are_read() {
    // check(input, expect)
    let got = ids_named("`cross` (X001–X003), T001 and N009; not AB123 or T0012");
    let want: BTreeSet<String> = ["X001", "X002", "X003", "T001", "N009"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(got, want);
}
