//! The review round from the command line, on a real PDF rolled forward: 一上 submitted (the
//! draft read-only), returned with a comment on a line, the line changed, 二上 submitted and
//! accepted; the district's page follows each step with the version's total, change and findings.

mod common;

use common::{drafted, ok, run};

fn district(db: &str) -> serde_json::Value {
    serde_json::from_str(&ok(db, &["district", "--format", "json"])).unwrap()
}

fn decimal(v: &serde_json::Value) -> rust_decimal::Decimal {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn a_version_goes_round_the_bureau_and_the_district_page_follows() {
    let (_dir, db) = drafted(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let page = district(db);
    assert_eq!(page[0]["status"], "编制中");
    assert!(page[0]["summary"].is_null());

    assert!(ok(db, &["draft", "submit", "draft:1", "--name", "一上"]).contains("已报送版本“一上”"));
    let page = district(db);
    assert_eq!(
        (page[0]["version"].as_str(), page[0]["status"].as_str()),
        (Some("一上"), Some("已报送"))
    );
    let first = decimal(&page[0]["summary"]["total_yuan"]);
    // Rolled forward unchanged: this year's total is last year's, no change.
    assert_eq!(first, decimal(&page[0]["summary"]["baseline_yuan"]));
    assert_eq!(
        decimal(&page[0]["change_yuan"]),
        rust_decimal::Decimal::ZERO
    );
    assert!(first > rust_decimal::Decimal::from(10_000_000), "{first}");

    // Read-only while the bureau reviews it.
    let lines = ok(db, &["draft", "lines", "draft:1", "--format", "csv"]);
    let (key, value) = lines
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[0].starts_with("支出|一般公共预算|"))
        .map(|f| (f[0].to_string(), f[2].parse::<i64>().unwrap()))
        .unwrap();
    let raised = (value + 1000).to_string();
    let o = run(db, &["draft", "set", "draft:1", &key, &raised]);
    assert!(o.code != 0 && o.stderr.contains("只读"), "{}", o.stderr);
    // A version is decided once it is submitted, and returned only with a reason.
    let o = run(db, &["draft", "accept", "draft:1", "--name", "二上"]);
    assert!(
        o.code != 0 && o.stderr.contains("没有名为“二上”的版本"),
        "{}",
        o.stderr
    );

    ok(
        db,
        &[
            "draft",
            "return",
            "draft:1",
            "--name",
            "一上",
            "--comment",
            "请说明增长原因",
            "--on",
            &key,
        ],
    );
    let said = ok(db, &["draft", "comments", "draft:1"]);
    assert!(
        said.contains("请说明增长原因") && said.contains(&key),
        "{said}"
    );
    assert_eq!(district(db)[0]["status"], "已退回");
    ok(db, &["draft", "set", "draft:1", &key, &raised]);
    ok(db, &["draft", "submit", "draft:1", "--name", "二上"]);
    ok(db, &["draft", "accept", "draft:1", "--name", "二上"]);
    let page = district(db);
    assert_eq!(
        (page[0]["version"].as_str(), page[0]["status"].as_str()),
        (Some("二上"), Some("已批准"))
    );
    assert_eq!(
        decimal(&page[0]["summary"]["total_yuan"]) - first,
        rust_decimal::Decimal::from(1000)
    );
    assert_eq!(
        decimal(&page[0]["change_yuan"]),
        rust_decimal::Decimal::from(1000)
    );
    let o = run(db, &["draft", "accept", "draft:1", "--name", "二上"]);
    assert!(
        o.code != 0 && o.stderr.contains("只有已报送的版本"),
        "{}",
        o.stderr
    );
    let text = ok(db, &["district"]);
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.contains("二上") && l.contains("已批准")),
        "{text}"
    );
}
