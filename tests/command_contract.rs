//! The window's command contract, generated: every `#[tauri::command]` of `src-tauri/commands.rs`
//! — its name, its arguments as the window sends them (camelCase, as Tauri reads them) and what
//! it answers — written as the TypeScript map `Commands` into `ui/src/generated/commands.ts`,
//! which the Tauri backend's one `call` is typed by. A command renamed, an argument added or a
//! return type changed in Rust without the window following fails here, then in `tsc`.
//! `UPDATE_GOLDEN=1 cargo test --test command_contract` rewrites the file.

use std::path::PathBuf;

/// One command as declared: name, arguments (Rust name, Rust type) and the answer's type.
struct Command {
    name: String,
    args: Vec<(String, String)>,
    returns: String,
}

/// The commands of `commands.rs`, in declaration order.
fn commands(source: &str) -> Vec<Command> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("#[tauri::command]") {
        rest = &rest[at..];
        let fn_at = rest.find("fn ").expect("a command is a function");
        let open = rest[fn_at..].find('(').expect("its arguments") + fn_at;
        let name = rest[fn_at + 3..open].trim().to_string();
        // The argument list: up to the parenthesis that closes it.
        let (mut depth, mut close) = (0, open);
        for (i, c) in rest[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let args = split_top(&rest[open + 1..close])
            .into_iter()
            .filter_map(|a| {
                let (n, t) = a.split_once(':')?;
                let t = t.trim();
                (!t.starts_with("State<")).then(|| (n.trim().to_string(), t.to_string()))
            })
            .collect();
        let body = rest[close..].find('{').expect("a body") + close;
        let signature = rest[close + 1..body].trim();
        let returns = signature.strip_prefix("->").map_or("()", str::trim);
        let returns = returns
            .strip_prefix("Result<")
            .and_then(|r| r.strip_suffix(", String>"))
            .unwrap_or(returns)
            .to_string();
        out.push(Command {
            name,
            args,
            returns,
        });
        rest = &rest[body..];
    }
    out
}

/// `a: T, b: Vec<(X, Y)>` split at the top level's commas.
fn split_top(list: &str) -> Vec<&str> {
    let (mut depth, mut from, mut out) = (0, 0, Vec::new());
    for (i, c) in list.char_indices() {
        match c {
            '(' | '<' => depth += 1,
            ')' | '>' => depth -= 1,
            ',' if depth == 0 => {
                out.push(list[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(list[from..].trim());
    out.into_iter().filter(|a| !a.is_empty()).collect()
}

/// A Rust type as the window receives it (the generated contract's names for our own types).
fn ts(rust: &str) -> String {
    let t = rust.trim();
    let inner = |prefix: &str| {
        t.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix('>'))
            .map(str::trim)
    };
    if let Some(x) = inner("Option<") {
        return format!("{} | null", ts(x));
    }
    if let Some(x) = inner("Vec<") {
        let x = ts(x);
        return if x.contains(' ') {
            format!("({x})[]")
        } else {
            format!("{x}[]")
        };
    }
    match t {
        "String" | "&str" => "string".into(),
        "bool" => "boolean".into(),
        "i32" | "i64" | "u32" | "u64" | "usize" => "number".into(),
        "()" => "null".into(),
        path => path.rsplit("::").next().unwrap_or(path).to_string(),
    }
}

/// `file_name` → `fileName`: Tauri's names for a command's arguments.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in name.chars() {
        match c {
            '_' => up = true,
            c if up => {
                out.extend(c.to_uppercase());
                up = false;
            }
            c => out.push(c),
        }
    }
    out
}

fn generated(commands: &[Command]) -> String {
    let builtin = ["string", "boolean", "number", "null"];
    let mut types: Vec<String> = commands
        .iter()
        .flat_map(|c| {
            c.args
                .iter()
                .map(|(_, t)| ts(t))
                .chain([ts(&c.returns)])
                .collect::<Vec<_>>()
        })
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !builtin.contains(w))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    types.sort();
    types.dedup();
    let mut text = String::from(
        "// Generated from src-tauri/commands.rs by tests/command_contract.rs: do not edit.\n// `UPDATE_GOLDEN=1 cargo test --test command_contract` rewrites it.\n\n",
    );
    text.push_str(&format!(
        "import type {{ {} }} from \"./contract\";\n\n",
        types.join(", ")
    ));
    text.push_str("/** Every command of the window: its arguments as sent, and its answer. */\nexport interface Commands {\n");
    for c in commands {
        let args: Vec<String> = c
            .args
            .iter()
            .map(|(n, t)| format!("{}: {}", camel(n), ts(t)))
            .collect();
        let args = if args.is_empty() {
            "Record<string, never>".to_string()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        text.push_str(&format!(
            "  {}: {{ args: {args}; returns: {} }};\n",
            c.name,
            ts(&c.returns)
        ));
    }
    text.push_str("}\n");
    text
}

#[test]
fn the_windows_commands_are_generated_from_their_rust_declarations() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join("src-tauri/commands.rs")).unwrap();
    let commands = commands(&source);
    // Every command the app registers is declared, and every declared one registered.
    let lib = std::fs::read_to_string(root.join("src-tauri/lib.rs")).unwrap();
    let handler = &lib[lib.find("generate_handler![").expect("the handler list")..];
    let handler = &handler[..handler.find(']').unwrap()];
    let mut registered: Vec<&str> = handler
        .split("commands::")
        .skip(1)
        .map(|s| s.trim_end_matches([',', ' ', '\n']).trim())
        .collect();
    let mut declared: Vec<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    registered.sort();
    declared.sort();
    assert_eq!(
        registered, declared,
        "registered and declared commands differ"
    );
    assert!(commands.len() >= 20, "{} commands read", commands.len());
    let get = commands.iter().find(|c| c.name == "get_document").unwrap();
    assert_eq!(
        (get.args.len(), ts(&get.returns).as_str()),
        (2, "DocumentView"),
        "get_document(library, id) -> DocumentView"
    );

    let text = generated(&commands);
    let path = root.join("ui/src/generated/commands.ts");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "ui/src/generated/commands.ts differs from src-tauri/commands.rs: UPDATE_GOLDEN=1 cargo test --test command_contract"
    );
}

#[test]
fn rust_types_read_as_the_window_receives_them() {
    assert_eq!(ts("Option<Vec<String>>"), "string[] | null");
    assert_eq!(ts("Vec<Option<i64>>"), "(number | null)[]");
    assert_eq!(ts("yusuan_api::dto::ExportArgs"), "ExportArgs");
    assert_eq!(camel("heading_font"), "headingFont");
    let c = commands(
        "#[tauri::command]\npub fn f(state: State<'_, AppState>, a_b: Vec<(i64, String)>) -> Result<Vec<X>, String> {\n}\n#[tauri::command]\npub fn g() -> Vec<Y> { }",
    );
    assert_eq!(c.len(), 2);
    assert_eq!(
        c[0].args,
        vec![("a_b".to_string(), "Vec<(i64, String)>".to_string())]
    );
    assert_eq!(c[0].returns, "Vec<X>");
    assert_eq!((c[1].args.len(), c[1].returns.as_str()), (0, "Vec<Y>"));
}
