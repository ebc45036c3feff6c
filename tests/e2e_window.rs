//! End to end: the real desktop window (Tauri + WebKitGTK) driven over WebDriver.
//!
//! Needs what `scripts/test.sh` provides: an X display (Xvfb), `tauri-driver` and Debian's
//! `WebKitWebDriver`. It starts the app on a fresh data directory, checks that the example
//! library holds the bundled real document and the user's library stays empty, reads numbers off
//! the rendered tables, switches tabs, and saves a screenshot to `target/e2e/`.

mod common;
#[path = "common/window.rs"]
mod window;

use fantoccini::Locator;
use std::time::{Duration, Instant};
use window::{click, count, text_of};

#[tokio::test(flavor = "multi_thread")]
async fn window_shows_real_documents_from_the_store() {
    let data = tempfile::tempdir().unwrap();
    let app = std::path::Path::new(env!("CARGO_BIN_EXE_yusuan-app"));
    let (_driver, c) = window::open_window(app, data.path()).await;

    // The example library is chosen (the user's is empty) and lists the real documents: the
    // seed text and the four published PDFs.
    let start = Instant::now();
    while count(&c, "[data-testid=doc-item]").await < 8 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the example library did not list 8 documents"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let libraries = text_of(&c, "[data-testid=library-select]").await;
    assert!(
        libraries.contains("我的预算库（0") && libraries.contains("示例库（10"),
        "{libraries}"
    );
    click(
        &c,
        "//*[@data-testid='doc-item'][contains(., '中共上海市委社会工作部')]",
    )
    .await;

    // The first table, with numbers exactly as published.
    let title = text_of(&c, "[data-testid=doc-title]").await;
    assert_eq!(title, "上海市2026年市级部门预算");
    // 财务收支预算总表 is two-sided: the pane shows the 收入 and the 支出 side.
    let pane = text_of(&c, "[data-testid=table-pane]").await;
    assert!(
        pane.contains("68,643,213")
            && pane.contains("一、一般公共服务支出")
            && pane.contains("5,363,528"),
        "{pane}"
    );

    // Another table: 支出预算总表, row 201 39 01.
    assert_eq!(count(&c, "[data-testid=table-item]").await, 11);
    click(&c, "(//*[@data-testid='table-item'])[3]").await;
    let table = text_of(&c, "[data-testid=budget-table]").await;
    assert!(
        table.contains("201 39 01") && table.contains("20,492,868") && table.contains("5,370,928"),
        "{table}"
    );

    let shot = c.screenshot().await.unwrap();
    let dir = common::root().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("window-tables.png"), &shot).unwrap();
    assert!(
        shot.starts_with(b"\x89PNG") && shot.len() > 20_000,
        "screenshot is {} bytes",
        shot.len()
    );

    // The narrative tab.
    click(&c, "//*[@data-testid='tab-sections']").await;
    let sections = text_of(&c, "[data-testid=sections]").await;
    assert!(
        sections.contains("主要职能") && sections.contains("6,864万元"),
        "{}",
        &sections[..sections.len().min(300)]
    );
    std::fs::write(
        dir.join("window-sections.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();

    // The views of the workflow, each saved under target/e2e-screenshots/.
    let shots = common::root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let save = |name: &str, png: Vec<u8>| {
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 20_000,
            "{name}: {} bytes",
            png.len()
        );
        std::fs::write(shots.join(name), png).unwrap();
    };
    // 文档: wanli 2025, its 审核 tab lists the findings (the source's 1-元 slip in 21201).
    click(
        &c,
        "//*[@data-testid='doc-item'][contains(., '万里街道') and contains(., '2025')]",
    )
    .await;
    click(&c, "//*[@data-testid='tab-findings']").await;
    let findings = text_of(&c, "[data-testid=doc-findings]").await;
    assert!(
        findings.contains("T002") && findings.contains("21201"),
        "{}",
        &findings[..findings.len().min(300)]
    );
    save("document.png", c.screenshot().await.unwrap());
    // A click on the T002 finding opens its table with the row marked.
    click(&c, "(//*[@data-testid='finding'][contains(., 'T002')])[1]").await;
    let marked = text_of(&c, "[data-testid=marked-row]").await;
    assert!(marked.contains("212"), "{marked}");
    save("document-finding.png", c.screenshot().await.unwrap());

    // 编制: next year's draft from it; one line edited; the 编制说明 figure and the findings follow.
    assert_eq!(window::start_draft(&c).await, "18,976.76");
    let key = "支出|一般公共预算|2010507|项目支出";
    // The grid (Tabulator): a click on the line's 本年 cell opens its editor.
    let cell = format!("//div[contains(@class,'tabulator-row') and @data-key='{key}']//div[@tabulator-field='value_yuan']");
    c.execute("document.evaluate(arguments[0], document, null, 9, null).singleNodeValue.scrollIntoView({block: 'center'});", vec![serde_json::json!(cell)]).await.unwrap();
    click(&c, &cell).await;
    let input = c
        .find(Locator::XPath(&format!("{cell}//input")))
        .await
        .unwrap();
    // Empty the cell (as selecting its text would), then type the new amount and Enter.
    c.execute(
        "arguments[0].value = '';",
        vec![serde_json::to_value(&input).unwrap()],
    )
    .await
    .unwrap();
    input.send_keys("600000\u{E007}").await.unwrap();
    let start = Instant::now();
    loop {
        let now = text_of(
            &c,
            "[data-testid='figure-收入预算'] [data-testid=figure-current]",
        )
        .await;
        if now == "18,992.93" {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            std::fs::write(
                shots.join("draft-failed.png"),
                c.screenshot().await.unwrap(),
            )
            .unwrap();
            panic!("the total did not follow the edit: {now}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let panel = text_of(&c, "[data-testid=draft-findings]").await;
    assert!(
        panel.contains("R001") && panel.contains("专项普查活动"),
        "{panel}"
    );
    c.execute(
        "document.querySelector('[data-testid=draft-findings]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("draft.png", c.screenshot().await.unwrap());
    // 项目说明: a part of the project rewritten in its own box, saved as one edit.
    c.execute("const d = document.querySelector('[data-testid=project]'); d.open = true; d.scrollIntoView();", vec![]).await.unwrap();
    let part = "[data-testid='project-part-（未注明项目名称）-项目概述']";
    c.execute(&format!("document.querySelector(\"{part}\").value = '万里街道社区公共服务中心新建工程，2027年完成竣工结算。';"), vec![]).await.unwrap();
    click(
        &c,
        "//*[@data-testid='project-save-（未注明项目名称）-项目概述']",
    )
    .await;
    let start = Instant::now();
    loop {
        let history = text_of(&c, "[data-testid=draft-history]").await;
        if history.contains("项目概述") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the project edit is not in the history: {history}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let now = c
        .execute(
            &format!("return document.querySelector(\"{part}\").value;"),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        now.as_str(),
        Some("万里街道社区公共服务中心新建工程，2027年完成竣工结算。")
    );
    c.execute(
        "document.querySelector('[data-testid=draft-projects]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("draft-project.png", c.screenshot().await.unwrap());
    // The project printed without a name renamed in one step (its parts kept).
    c.execute("const i = document.querySelector('[data-testid=project-name-1]'); i.value = '万里街道社区公共服务中心新建工程';", vec![]).await.unwrap();
    click(&c, "//*[@data-testid='project-rename-1']").await;
    let start = Instant::now();
    loop {
        let history = text_of(&c, "[data-testid=draft-history]").await;
        if history.contains("项目改名") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the rename is not in the history: {history}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let projects = text_of(&c, "[data-testid=draft-projects]").await;
    assert!(
        projects.contains("万里街道社区公共服务中心新建工程")
            && !projects.contains("未注明项目名称"),
        "{projects}"
    );
    // A 绩效目标表 deleted whole, where the draft has one to edit.
    let forms = c
        .execute(
            "return [...document.querySelectorAll('[data-testid^=form-delete-]')].length;",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(0);
    if forms > 0 {
        c.execute(
            "document.querySelector('[data-testid^=form-delete-]').click();",
            vec![],
        )
        .await
        .unwrap();
        let start = Instant::now();
        while !text_of(&c, "[data-testid=draft-history]")
            .await
            .contains("删除绩效目标表")
        {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the form deletion is not in the history"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    // 2025年执行数 pasted as a column from a spreadsheet: the rate follows, the 编制说明 compares.
    c.execute(
        "const d = document.querySelector('[data-testid=draft-actuals]'); d.open = true; d.scrollIntoView(); document.querySelector('[data-testid=actuals-paste]').value = '科目编码\\t执行数\\n2010507\\t1404200\\n2120101\\t12000000';",
        vec![],
    )
    .await
    .unwrap();
    c.execute("document.querySelector('[data-testid=actuals-paste-save]').scrollIntoView({block: 'center'});", vec![]).await.unwrap();
    click(&c, "//*[@data-testid='actuals-paste-save']").await;
    let start = Instant::now();
    loop {
        let rate = text_of(&c, "[data-testid='actual-rate-2010507']").await;
        if rate.ends_with('%') {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no execution rate after the paste: {rate}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(text_of(&c, "[data-testid=draft-history]")
        .await
        .contains("上年执行数"));
    c.execute(
        "document.querySelector('[data-testid=draft-actuals]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("draft-actuals.png", c.screenshot().await.unwrap());
    c.execute(
        "document.querySelector('[data-testid=draft-actuals]').open = false;",
        vec![],
    )
    .await
    .unwrap();
    // The tables the draft derives, beside the lines: 收入总计 includes the edit.
    click(&c, "//*[@data-testid='show-tables']").await;
    let tables = text_of(&c, "[data-testid=draft-tables]").await;
    assert!(
        tables.contains("2026年部门财务收支预算总表") && tables.contains("189,929,251"),
        "{}",
        &tables[..tables.len().min(600)]
    );
    save("draft-tables.png", c.screenshot().await.unwrap());
    click(&c, "//*[@data-testid='tables-close']").await;

    // 单位预算: 100,000 元 of the edited line placed in one of the 街道's six units; the unit's
    // spending shows it, the department's tables do not move.
    let unit = "上海市普陀区万里街道社区党群服务中心";
    c.execute(
        "const p = document.querySelector('[data-testid=unit-budgets]'); p.scrollIntoView(); p.querySelector('[data-testid=place-line]').value = arguments[0]; p.querySelector('[data-testid=place-to]').value = arguments[1]; p.querySelector('[data-testid=place-amount]').value = '100000';",
        vec![serde_json::json!(key), serde_json::json!(unit)],
    )
    .await
    .unwrap();
    click(&c, "//*[@data-testid='place-save']").await;
    let start = Instant::now();
    loop {
        let money = c.execute("return [...document.querySelectorAll('[data-testid=unit-money]')].map(r => r.textContent).join('|');", vec![]).await.unwrap();
        let money = money.as_str().unwrap_or("").to_string();
        if money.contains(&format!("{unit}100,000 元1 行")) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the unit's spending did not follow: {money}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        text_of(
            &c,
            "[data-testid='figure-收入预算'] [data-testid=figure-current]"
        )
        .await,
        "18,992.93"
    );
    // The grid lists the placed part under its unit.
    let tagged = c.execute("return [...document.querySelectorAll('[data-testid=line-unit]')].map(t => t.textContent).join('|');", vec![]).await.unwrap();
    assert_eq!(tagged.as_str(), Some(unit));
    save("draft-units.png", c.screenshot().await.unwrap());

    // 零值单元格 chosen in 导出: every zero printed (填0), one edit in the history.
    c.execute(
        "const z = document.querySelector('[data-setting=零值单元格]'); z.scrollIntoView(); z.value = '填0'; z.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await
    .unwrap();
    let start = Instant::now();
    while !text_of(&c, "[data-testid=draft-history]")
        .await
        .contains("印法")
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the print style is not in the history"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        c.execute(
            "return document.querySelector('[data-setting=零值单元格]').value;",
            vec![]
        )
        .await
        .unwrap()
        .as_str(),
        Some("填0")
    );
    // A table renamed under 导出's 标题 (the year style printing it): one edit, shown as printed.
    c.execute(
        "const d = document.querySelector('[data-testid=titles]'); d.open = true; const i = [...document.querySelectorAll('[data-testid=title]')].find((i) => i.dataset.title.includes('三公')); i.value = i.value.replace('预算表', '预算情况表'); i.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await
    .unwrap();
    let start = Instant::now();
    while !text_of(&c, "[data-testid=draft-history]")
        .await
        .contains("改标题")
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the rename is not in the history"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let titled = c
        .execute("return [...document.querySelectorAll('[data-testid=title]')].map((i) => i.value).join('|');", vec![])
        .await
        .unwrap();
    assert!(
        titled
            .as_str()
            .is_some_and(|t| t.contains("“三公”经费和机关运行经费预算情况表")),
        "{titled:?}"
    );
    c.execute(
        "document.querySelector('[data-testid=export-panel]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("export-print-zeros.png", c.screenshot().await.unwrap());

    // 导出预览: the pages the PDF will print, drawn in the window.
    click(&c, "//*[@data-testid='export-preview']").await;
    let start = Instant::now();
    let pages = loop {
        let n = c.execute("return [...document.querySelectorAll('[data-testid=preview-page]')].filter(i => i.complete && i.naturalWidth > 0).length;", vec![]).await.unwrap();
        let n = n.as_u64().unwrap_or(0);
        if n >= 2 {
            break n;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no preview pages"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert!(pages >= 9, "{pages} preview pages");
    save("export-preview.png", c.screenshot().await.unwrap());
    c.execute(
        "document.querySelectorAll('[data-testid=preview-page]')[7].scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("export-preview-table.png", c.screenshot().await.unwrap());
    click(&c, "//*[@data-testid='preview-close']").await;

    // 导出: refused until the 警告 is explained; then written, read back, found on disk.
    let explain = c
        .find(Locator::Css("[data-testid=explain-R001]"))
        .await
        .unwrap();
    explain.send_keys("新增专项普查任务").await.unwrap();
    // The explanation restated from 2025's keeps 2025's reason for the change (R010).
    let explain = c
        .find(Locator::Css("[data-testid=explain-R010]"))
        .await
        .unwrap();
    explain.send_keys("原因已核实，仍为项目调整").await.unwrap();
    click(&c, "//*[@data-testid='export-pdf']").await;
    let start = Instant::now();
    let result = loop {
        let found = c.find(Locator::Css("[data-testid=export-result]")).await;
        if let Ok(e) = found {
            break e.text().await.unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no export result"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert!(
        result.contains("已导出") && result.contains("复核通过"),
        "{result}"
    );
    let exported = data
        .path()
        .join("导出")
        .join("上海市普陀区2026年区级部门预算.pdf");
    let bytes = std::fs::read(&exported).unwrap_or_else(|e| panic!("{}: {e}", exported.display()));
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    // The exported 编制说明 compares with the pasted 执行数.
    let text = std::process::Command::new("pdftotext")
        .arg(&exported)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', "");
    assert!(
        text.contains("比2025年执行数140.42万元"),
        "the 执行数 comparison is not in the PDF"
    );
    c.execute(
        "document.querySelector('[data-testid=export-result]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("export.png", c.screenshot().await.unwrap());

    // 编制工作簿: written into 导出/, read back unchanged (the file just written is the default).
    click(&c, "//*[@data-testid='workbook-export']").await;
    let written = text_of(&c, "[data-testid=workbook-written]").await;
    let workbook = data
        .path()
        .join("导出")
        .join("上海市普陀区2026年区级部门预算（编制工作簿）.xlsx");
    assert!(
        written.contains("编制工作簿") && workbook.is_file(),
        "{written}: {}",
        workbook.display()
    );
    click(&c, "//*[@data-testid='workbook-import']").await;
    let back = text_of(&c, "[data-testid=workbook-result]").await;
    assert_eq!(back, "工作簿与草稿一致，没有改动。");
    c.execute(
        "document.querySelector('[data-testid=workbook]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("draft-workbook.png", c.screenshot().await.unwrap());

    // 版本: the edit is in the history; 一上 is saved as a named version.
    let name = c
        .find(Locator::Css("[data-testid=version-name]"))
        .await
        .unwrap();
    name.send_keys("一上").await.unwrap();
    click(&c, "//*[@data-testid='version-save']").await;
    let start = Instant::now();
    let versions = loop {
        if let Ok(e) = c.find(Locator::Css("[data-testid=version-item]")).await {
            break e.text().await.unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no version listed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(versions.starts_with("一上"), "{versions}");
    let history = text_of(&c, "[data-testid=draft-history]").await;
    assert!(
        history.contains("修改")
            && history.contains("专项普查活动")
            && history.contains("→ 600,000"),
        "{history}"
    );
    // 与上年对比: the draft beside the 2025 document it came from; 收入总计 up by the edit.
    click(&c, "//*[@data-testid='compare-draft']").await;
    let lines = text_of(&c, "[data-testid=compare-lines]").await;
    assert!(
        lines.contains("189,767,551") && lines.contains("189,929,251") && lines.contains("161,700"),
        "{}",
        &lines[..lines.len().min(400)]
    );
    click(&c, "//*[@data-testid='back-to-docs']").await;
    text_of(&c, "[data-testid=draft-title]").await;

    // 资料库: two years of one department dropped on the window and imported into 我的预算库; the
    // 2025 file is already there (the draft brought it). The drop is the window's own Tauri
    // drag-and-drop event, as the system delivers it when files are dropped (WebDriver cannot
    // drag from the desktop): it goes through the app's drop listener and import, as a real one.
    let y2024 = common::fixture("pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf");
    let y2025 = common::fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let paths = serde_json::json!([y2024.display().to_string(), y2025.display().to_string()]);
    c.execute(
        "return window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'tauri://drag-drop', payload: { paths: arguments[0], position: { x: 600, y: 400 } } });",
        vec![paths],
    )
    .await
    .unwrap();
    let start = Instant::now();
    while count(&c, "[data-testid=import-item]").await < 2
        || count(&c, "[data-testid=doc-item]").await < 2
    {
        if start.elapsed() > Duration::from_secs(30) {
            std::fs::write(
                shots.join("import-failed.png"),
                c.screenshot().await.unwrap(),
            )
            .unwrap();
            panic!("the imports did not finish");
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let report = text_of(&c, "[data-testid=import-report]").await;
    assert!(
        report.contains("2024-bumen-yusuan.pdf 已导入为文档") && report.contains("875 个金额"),
        "{report}"
    );
    assert!(
        report.contains("2025-bumen-yusuan.pdf 已导入过"),
        "{report}"
    );
    let libraries = text_of(&c, "[data-testid=library-select]").await;
    assert!(libraries.contains("我的预算库（2"), "{libraries}");
    save("library.png", c.screenshot().await.unwrap());

    // 对比: the two years side by side, with a known change.
    click(&c, "//*[@data-testid='open-compare']").await;
    let lines = text_of(&c, "[data-testid=compare-lines]").await;
    assert!(
        lines.contains("156,211,123") && lines.contains("189,767,551"),
        "{}",
        &lines[..lines.len().min(400)]
    );
    // The charts are drawn (ECharts, SVG): by 功能分类 类 and the waterfall of the largest changes.
    let charts = c
        .execute("return [...document.querySelectorAll('[data-testid^=chart-]')].filter(e => e.querySelector('svg text')).map(e => e.dataset.testid + ':' + e.textContent).join('|');", vec![])
        .await
        .unwrap();
    let charts = charts.as_str().unwrap_or_default().to_string();
    assert!(
        charts.contains("chart-function:")
            && charts.contains("一般公共服务支出")
            && charts.contains("城乡社区支出"),
        "{charts}"
    );
    assert!(
        charts.contains("chart-waterfall:")
            && charts.contains("2024年")
            && charts.contains("2025年"),
        "{charts}"
    );
    save("compare.png", c.screenshot().await.unwrap());
    // The comparison as XLSX, into 导出/ of the data folder.
    click(&c, "//*[@data-testid='compare-export']").await;
    let exported = text_of(&c, "[data-testid=compare-exported]").await;
    let xlsx = data
        .path()
        .join("导出")
        .join("上海市普陀区人民政府万里街道办事处2024年-2025年对比.xlsx");
    assert!(exported.contains(&xlsx.display().to_string()), "{exported}");
    assert!(
        std::fs::read(&xlsx).unwrap().starts_with(b"PK"),
        "not an XLSX"
    );
    c.execute(
        "document.querySelector('[data-testid=chart-waterfall]').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    save("compare-waterfall.png", c.screenshot().await.unwrap());

    // 新建空白草稿: a department with no budget to roll forward starts from a shipped format,
    // adds a line by the 新增明细行 form, and sees it in the grid and the texts it must write.
    click(&c, "//*[@data-testid='new-blank-draft']").await;
    c.execute("const s = document.querySelector('[data-testid=blank-template]'); s.value = 'shanghai-9-bumen'; s.dispatchEvent(new Event('change'));", vec![]).await.unwrap();
    let region = c
        .find(Locator::Css("[data-testid=blank-region]"))
        .await
        .unwrap();
    assert_eq!(
        region.prop("value").await.unwrap().as_deref(),
        Some("上海市普陀区")
    );
    c.find(Locator::Css("[data-testid=blank-department]"))
        .await
        .unwrap()
        .send_keys("上海市普陀区新设街道办事处")
        .await
        .unwrap();
    click(&c, "//*[@data-testid='blank-create']").await;
    let title = text_of(&c, "[data-testid=draft-title]").await;
    assert!(title.contains("（编制中）"), "{title}");
    assert!(text_of(&c, "[data-testid=blank-note]")
        .await
        .contains("无上年数"));
    c.find(Locator::Css("[data-testid=add-code]"))
        .await
        .unwrap()
        .send_keys("2010101")
        .await
        .unwrap();
    c.find(Locator::Css("[data-testid=add-name]"))
        .await
        .unwrap()
        .send_keys("行政运行")
        .await
        .unwrap();
    c.find(Locator::Css("[data-testid=add-parent-name]"))
        .await
        .unwrap()
        .send_keys("人大事务")
        .await
        .unwrap();
    c.find(Locator::Css("[data-testid=add-value]"))
        .await
        .unwrap()
        .send_keys("1500000")
        .await
        .unwrap();
    click(&c, "//*[@data-testid='add-line-save']").await;
    let key = "支出|一般公共预算|2010101|基本支出";
    let start = Instant::now();
    loop {
        if count(&c, &format!(".tabulator-row[data-key='{key}']")).await == 1 {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            std::fs::write(
                shots.join("blank-draft-failed.png"),
                c.screenshot().await.unwrap(),
            )
            .unwrap();
            panic!("the new line is not in the grid");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let figures = text_of(&c, "[data-testid=draft-figures]").await;
    assert!(
        figures.contains("150.00") && figures.contains("无上年数"),
        "{figures}"
    );
    let panel = text_of(&c, "[data-testid=draft-findings]").await;
    assert!(
        panel.contains("R006") && panel.contains("主要职能"),
        "{panel}"
    );
    save("blank-draft.png", c.screenshot().await.unwrap());

    // 设置: where the data is; a backup of 我的预算库 lands in 备份/ of the data folder.
    click(&c, "//*[@data-testid='open-settings']").await;
    let dir = text_of(&c, "[data-testid=data-dir]").await;
    assert_eq!(dir, data.path().display().to_string());
    click(&c, "//*[@data-testid='backup']").await;
    let start = Instant::now();
    let backup = loop {
        if let Ok(e) = c.find(Locator::Css("[data-testid=backup-item]")).await {
            break e.text().await.unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no backup listed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let made: Vec<_> = std::fs::read_dir(data.path().join("备份"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(backup.contains(&made[0].display().to_string()), "{backup}");
    save("settings.png", c.screenshot().await.unwrap());

    // 导入: a file of tables that prints no year and whose name gives none is refused with a
    // 预算年度 box; the year typed imports it (through the real Tauri command and its arguments).
    let renamed = data.path().join("公开表.pdf");
    std::fs::copy(
        common::fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
        &renamed,
    )
    .unwrap();
    let typed = c
        .find(Locator::Css("[data-testid=import-paths]"))
        .await
        .unwrap();
    typed
        .send_keys(&renamed.display().to_string())
        .await
        .unwrap();
    click(&c, "//*[@data-testid='import-go']").await;
    let start = Instant::now();
    while count(&c, "[data-testid=import-year]").await < 1 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no 预算年度 box: {}",
            text_of(&c, "[data-testid=import-report]").await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(text_of(&c, "[data-testid=import-report]")
        .await
        .contains("没有写明预算年度"));
    c.find(Locator::Css("[data-testid=import-year]"))
        .await
        .unwrap()
        .send_keys("2018")
        .await
        .unwrap();
    click(&c, "//*[@data-testid='import-year-go']").await;
    let start = Instant::now();
    loop {
        let report = text_of(&c, "[data-testid=import-report]").await;
        if report.contains("公开表.pdf 已导入为文档") {
            assert!(report.contains("12 张表"), "{report}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the year did not import it: {report}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let title = text_of(&c, "[data-testid=doc-title]").await;
    assert!(
        title.contains("江苏省政协办公厅") && title.contains("2018"),
        "{title}"
    );
    save("import-year.png", c.screenshot().await.unwrap());

    c.close().await.unwrap();
}
