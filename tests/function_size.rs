//! No god functions: every function (free, method, nested) in `crates/` and `src-tauri/` —
//! sources and their tests — is at most 120 lines from its `fn` to its closing brace, read from
//! the syntax tree (`syn`), so strings and comments cannot fool the count.

use std::path::{Path, PathBuf};
use syn::visit::Visit;

const MOST_LINES: usize = 120;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() && !p.ends_with("target") {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every function of a file over the limit: (name, first line, lines).
struct Long {
    found: Vec<(String, usize, usize)>,
}

impl Long {
    fn check(&mut self, name: &syn::Ident, from: proc_macro2::Span, block: &syn::Block) {
        let (first, last) = (from.start().line, block.brace_token.span.close().end().line);
        let lines = last + 1 - first;
        if lines > MOST_LINES {
            self.found.push((name.to_string(), first, lines));
        }
    }
}

impl<'ast> Visit<'ast> for Long {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.check(&f.sig.ident, f.sig.fn_token.span, &f.block);
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.check(&f.sig.ident, f.sig.fn_token.span, &f.block);
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.check(&f.sig.ident, f.sig.fn_token.span, block);
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

fn long_functions(source: &str) -> Vec<(String, usize, usize)> {
    let file = syn::parse_file(source).expect("the file parses");
    let mut long = Long { found: Vec::new() };
    long.visit_file(&file);
    long.found
}

#[test]
fn no_function_is_over_120_lines() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    rust_files(&root.join("src-tauri"), &mut files);
    assert!(files.len() > 150, "{} files read", files.len());
    let mut over = Vec::new();
    for f in &files {
        let source = std::fs::read_to_string(f).unwrap();
        for (name, line, lines) in long_functions(&source) {
            let at = f.strip_prefix(&root).unwrap().display();
            over.push(format!("{at}:{line} {name}: {lines} lines"));
        }
    }
    assert!(
        over.is_empty(),
        "functions over {MOST_LINES} lines:\n{}",
        over.join("\n")
    );
}

#[test]
fn a_long_function_is_found_and_a_string_does_not_count() {
    // check(input, expect)
    let body = "    let x = 1;\n".repeat(MOST_LINES);
    let long = format!("fn outer() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&long),
        vec![("outer".into(), 1, MOST_LINES + 2)]
    );
    let short = format!(
        "fn f() {{\n    let s = \"{{\";\n{}}}\n",
        "    g();\n".repeat(10)
    );
    assert!(long_functions(&short).is_empty());
    let method = format!("struct S;\nimpl S {{\n    fn m(&self) {{\n{body}    }}\n}}\n");
    assert_eq!(
        long_functions(&method),
        vec![("m".into(), 3, MOST_LINES + 2)]
    );
}
