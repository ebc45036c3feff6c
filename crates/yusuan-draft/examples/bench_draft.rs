//! Times edit → recompute → full check on a 2,000-line draft: the wanli 2025 PDF rolled forward
//! (127 real lines), grown to a large department by made-up lines (other funds, more 项 under its
//! 款, more economic 款 — made up for timing only). Median of 50 runs.
//! `cargo run --release -q -p yusuan-draft --example bench_draft`
use rust_decimal::Decimal;
use std::time::Instant;
use yusuan_domain::{EconomicCode, FunctionCode};
use yusuan_draft::{derive, findings_on, roll_forward, Draft, Fund, Leaf, LeafKey, SpendKind};

fn main() {
    let name = "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf";
    let bytes = yusuan_testkit::fixture_bytes(name);
    let doc = yusuan_import::import_any(name, &bytes).unwrap().document;
    let (mut draft, _) = roll_forward(&doc, 1, None).unwrap();
    let real = draft.leaves.len();
    let kuans: Vec<String> = draft
        .names
        .keys()
        .filter(|c| c.len() == 5 && c.starts_with('2'))
        .cloned()
        .collect();
    let mut n = 0u32;
    'grow: for fund in [Fund::GeneralPublic, Fund::GovernmentFund, Fund::Business] {
        for kuan in &kuans {
            for xiang in 50..99 {
                for kind in [SpendKind::Basic, SpendKind::Project] {
                    if draft.leaves.len() >= 1_900 {
                        break 'grow;
                    }
                    n += 1;
                    let function = FunctionCode::parse(&format!("{kuan}{xiang}")).unwrap();
                    let key = LeafKey::Spend {
                        fund: fund.clone(),
                        function,
                        kind: kind.clone(),
                    };
                    made_up(&mut draft, key, Decimal::from(1_000 + n * 37));
                }
            }
        }
    }
    for k in 1..=99 {
        for (lei, kind) in [("302", SpendKind::Public), ("301", SpendKind::Personnel)] {
            if draft.leaves.len() >= 2_000 {
                break;
            }
            let code = EconomicCode::parse(&format!("{lei}{k:02}")).unwrap();
            let key = LeafKey::Economic { code, kind };
            made_up(&mut draft, key, Decimal::from(500 + k));
        }
    }
    if std::env::var_os("PHASES").is_some() {
        phases(&draft);
    }
    let target = draft
        .leaves
        .iter()
        .position(|l| matches!(l.key, LeafKey::Spend { .. }))
        .unwrap();
    let mut times = Vec::new();
    let mut findings = 0;
    let mut cells = 0;
    for i in 0..50 {
        let t = Instant::now();
        draft.leaves[target].value += Decimal::from(1000 + i);
        let doc = derive(&draft);
        findings = findings_on(&draft, &doc).len();
        cells = doc.tables.iter().map(|t| t.amount_count()).sum::<usize>();
        times.push(t.elapsed().as_secs_f64() * 1000.0); // timing, not money
    }
    times.sort_by(f64::total_cmp);
    println!("| draft | leaf lines | derived table amounts | findings | edit → derive → full check, median ms (min–max) |\n|---|---|---|---|---|");
    println!(
        "| wanli 2025 rolled forward + made-up lines | {} ({real} real) | {cells} | {findings} | {:.2} ({:.2}–{:.2}) |",
        draft.leaves.len(),
        times[25],
        times[0],
        times[49]
    );
}

/// A made-up line `key` of `value` (the same last year) added to the draft, unless it has one.
fn made_up(draft: &mut Draft, key: LeafKey, value: Decimal) {
    if draft.leaf(&key).is_none() {
        draft.leaves.push(Leaf {
            label: draft.label_for(&key),
            key,
            value,
            baseline: Some(value),
            origin: None,
            estimated: false,
            unit: None,
        });
    }
}

#[allow(dead_code)]
fn phases(draft: &yusuan_draft::Draft) {
    let t = Instant::now();
    let doc = derive(draft);
    let a = t.elapsed();
    let t = Instant::now();
    let f = yusuan_check::check(&doc);
    let b = t.elapsed();
    let t = Instant::now();
    let _ = yusuan_draft::narrative::figures(draft);
    let c = t.elapsed();
    let t = Instant::now();
    let _ = yusuan_draft::derive_table_values(draft);
    eprintln!("tables alone {:?}", t.elapsed());
    for l in &draft.layout {
        let one = yusuan_draft::Draft {
            layout: vec![l.clone()],
            ..draft.clone()
        };
        let t = Instant::now();
        let _ = yusuan_draft::derive_table_values(&one);
        let e = t.elapsed();
        if e.as_micros() > 300 {
            eprintln!("  table {} {e:?}", l.title);
        }
    }
    eprintln!(
        "derive {a:?} check {b:?} ({} findings) figures {c:?}",
        f.len()
    );
    for r in yusuan_check::RULES {
        let t = Instant::now();
        let _ = (r.run)(&doc);
        let e = t.elapsed();
        if e.as_micros() > 500 {
            eprintln!("  {} {e:?}", r.id);
        }
    }
}
