//! Prepares a data folder whose 我的预算库 holds a 2,000-line draft, for measuring the 编制 view
//! (scripts/measure-app.py): the wanli 2025 PDF rolled forward (127 real lines), grown to a large
//! department by made-up lines pasted in one edit (more 项 under its 款 in three funds, more
//! economic 款) — made up for timing only, as in `yusuan-draft`'s bench_draft.
//! `cargo run --release -q -p yusuan-api --example large_draft -- DATA_DIR`
use yusuan_api::draft::{Fund, LeafKey, SpendKind};
use yusuan_domain::{EconomicCode, FunctionCode};

fn main() {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: large_draft DATA_DIR"),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let now = "2026-12-01T00:00:00Z";
    let mut desk = yusuan_api::Desk::open(&dir).unwrap();
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let imported = desk.import_path(&pdf, yusuan_api::Yearless::FromFileName, now);
    let view = desk
        .start_draft("user", imported.id.expect("imported"), now)
        .unwrap();
    let id = yusuan_api::parse_draft_ref(&view.draft).unwrap().0;
    let have: std::collections::BTreeSet<String> =
        view.lines.iter().map(|l| l.key.clone()).collect();
    let kuans: std::collections::BTreeSet<String> = view
        .lines
        .iter()
        .filter_map(|l| {
            l.key
                .split('|')
                .nth(2)
                .filter(|c| c.len() == 7 && c.bytes().all(|b| b.is_ascii_digit()))
                .map(|c| c[..5].to_string())
        })
        .collect();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut n = 0u32;
    let total = |pairs: &Vec<(String, String)>| have.len() + pairs.len();
    'grow: for fund in [Fund::GeneralPublic, Fund::GovernmentFund, Fund::Business] {
        for kuan in &kuans {
            for xiang in 50..99 {
                for kind in [SpendKind::Basic, SpendKind::Project] {
                    if total(&pairs) >= 1_900 {
                        break 'grow;
                    }
                    n += 1;
                    let key = LeafKey::Spend {
                        fund: fund.clone(),
                        function: FunctionCode::parse(&format!("{kuan}{xiang}")).unwrap(),
                        kind,
                    }
                    .to_string();
                    if !have.contains(&key) {
                        pairs.push((key, (1_000 + n * 37).to_string()));
                    }
                }
            }
        }
    }
    for k in 1..=99 {
        for (lei, kind) in [("302", SpendKind::Public), ("301", SpendKind::Personnel)] {
            if total(&pairs) >= 2_000 {
                break;
            }
            let key = LeafKey::Economic {
                code: EconomicCode::parse(&format!("{lei}{k:02}")).unwrap(),
                kind,
            }
            .to_string();
            if !have.contains(&key) {
                pairs.push((key, (500 + k).to_string()));
            }
        }
    }
    let many = yusuan_api::DraftCommand::SetLeaves { pairs };
    let view = desk.edit_draft(id, &many, now).unwrap();
    println!(
        "{}: {} lines, {} findings, in {}",
        view.draft,
        view.lines.len(),
        view.findings.len(),
        dir.display()
    );
    // What one edit costs on the Rust side of the window (the Desk call the edit_draft command
    // makes, and its JSON for IPC); the first line set back to its value afterwards.
    let key = view
        .lines
        .iter()
        .find(|l| l.key.starts_with("支出|"))
        .unwrap()
        .key
        .clone();
    let old = view
        .lines
        .iter()
        .find(|l| l.key == key)
        .unwrap()
        .value_yuan
        .clone();
    let mut times = Vec::new();
    let mut bytes = 0;
    for i in 0..9 {
        let t = std::time::Instant::now();
        let v = desk
            .edit_draft(id, &set(&key, &(600_000 + i).to_string()), now)
            .unwrap();
        bytes = serde_json::to_vec(&v).unwrap().len();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    desk.edit_draft(id, &set(&key, &old), now).unwrap();
    times.sort_by(f64::total_cmp);
    println!(
        "set_leaf on the Rust side: median {:.1} ms, {} KB of JSON",
        times[times.len() / 2],
        bytes / 1024
    );
}

/// The command that sets a line's amount.
fn set(key: &str, value: &str) -> yusuan_api::DraftCommand {
    yusuan_api::DraftCommand::SetLeaf {
        key: key.to_string(),
        value: value.to_string(),
    }
}
