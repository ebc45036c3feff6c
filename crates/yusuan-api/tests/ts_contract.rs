//! The one contract between Rust and the UI: `ui/src/generated/contract.ts` holds the TypeScript
//! declarations of every type the UI receives or sends, generated from the Rust types (ts-rs).
//! This test regenerates them and fails when the committed file differs (run with
//! `UPDATE_GOLDEN=1` after changing a DTO, and commit the file); the UI's type check then tells
//! every place that must follow.

use ts_rs::TS;

fn decl<T: TS + 'static>() -> String {
    format!("export {}", T::decl())
}

/// The document model and what the narrative states.
fn model_decls() -> Vec<String> {
    use yusuan_domain as d;
    vec![
        // The document model.
        decl::<d::Document>(),
        decl::<d::DocumentMeta>(),
        decl::<d::DocKind>(),
        decl::<d::Scope>(),
        decl::<d::RegionalFormat>(),
        decl::<d::BudgetUnit>(),
        decl::<d::UnitKind>(),
        decl::<d::ContentsEntry>(),
        decl::<d::Section>(),
        decl::<d::SectionKind>(),
        decl::<d::Paragraph>(),
        decl::<d::Unrecognised>(),
        decl::<d::Location>(),
        decl::<d::Table>(),
        decl::<d::TableKind>(),
        decl::<d::Column>(),
        decl::<d::Row>(),
        decl::<d::RowCode>(),
        decl::<d::Cell>(),
        decl::<d::LedgerSide>(),
        decl::<d::Unit>(),
        decl::<d::Amount>(),
        decl::<d::FunctionCode>(),
        decl::<d::CodeLevel>(),
        decl::<d::EconomicCode>(),
        decl::<d::ProjectDescription>(),
        decl::<d::ProjectPart>(),
        decl::<d::ProjectPartKind>(),
        decl::<d::ItemisedAmount>(),
        decl::<d::PerformanceForm>(),
        decl::<d::Funds>(),
        decl::<d::FundKey>(),
        decl::<d::Indicator>(),
        decl::<d::IndicatorValue>(),
        decl::<d::Operator>(),
        decl::<d::StatedFigures>(),
        decl::<d::Procurement>(),
        decl::<d::PerformanceSummary>(),
        decl::<d::AssetSummary>(),
        decl::<d::UnitCounts>(),
    ]
}

/// Findings, the library, comparison, drafting and export.
fn operation_decls() -> Vec<String> {
    vec![
        // Findings.
        decl::<yusuan_check::Finding>(),
        decl::<yusuan_check::FindingLocation>(),
        decl::<yusuan_check::Severity>(),
        // The library.
        decl::<yusuan_api::dto::LibraryInfo>(),
        decl::<yusuan_api::dto::DocumentSummary>(),
        decl::<yusuan_api::DocumentView>(),
        decl::<yusuan_api::RowLook>(),
        decl::<yusuan_api::ImportResult>(),
        decl::<yusuan_import::ImportReport>(),
        decl::<yusuan_import::ReportItem>(),
        decl::<yusuan_import::Diagnostic>(),
        // Comparison.
        decl::<yusuan_api::CompareView>(),
        decl::<yusuan_compare::Comparison>(),
        decl::<yusuan_compare::DocRef>(),
        decl::<yusuan_compare::AlignedLine>(),
        decl::<yusuan_compare::Execution>(),
        decl::<yusuan_compare::ExecutionLine>(),
        decl::<yusuan_compare::LineKey>(),
        decl::<yusuan_compare::Flag>(),
        decl::<yusuan_compare::ChartSeries>(),
        decl::<yusuan_compare::Point>(),
        decl::<yusuan_compare::Waterfall>(),
        decl::<yusuan_compare::WaterfallBar>(),
        decl::<yusuan_compare::BarKind>(),
        // Drafting and export.
        decl::<yusuan_api::DraftView>(),
        decl::<yusuan_api::DraftSummary>(),
        decl::<yusuan_api::LeafLine>(),
        decl::<yusuan_api::FigureView>(),
        decl::<yusuan_api::HistoryItem>(),
        decl::<yusuan_api::SectionView>(),
        decl::<yusuan_api::ProjectView>(),
        decl::<yusuan_api::ActualView>(),
        decl::<yusuan_api::ActualsImport>(),
        decl::<yusuan_api::DraftCommand>(),
        decl::<yusuan_api::NewLine>(),
        decl::<yusuan_api::Applied>(),
        decl::<yusuan_api::TextCorrection>(),
        decl::<yusuan_api::FinalAccountsRef>(),
        decl::<yusuan_api::ProjectPartView>(),
        decl::<yusuan_api::ProjectFundView>(),
        decl::<yusuan_api::FormView>(),
        decl::<yusuan_api::PrintSettingView>(),
        decl::<yusuan_api::TitleView>(),
        decl::<yusuan_api::IndicatorView>(),
        decl::<yusuan_api::VersionItem>(),
        decl::<yusuan_api::ReviewCommentView>(),
        decl::<yusuan_api::DistrictRow>(),
        decl::<yusuan_api::VersionSummary>(),
        decl::<yusuan_api::UnitView>(),
        decl::<yusuan_api::UnitMoney>(),
        decl::<yusuan_api::UnitTextView>(),
        decl::<yusuan_api::CarriedTableView>(),
        decl::<yusuan_api::WorkbookImport>(),
        decl::<yusuan_api::Edit>(),
        decl::<yusuan_api::DraftTemplate>(),
        // Settings.
        decl::<yusuan_api::Settings>(),
        decl::<yusuan_api::SettingsView>(),
        decl::<yusuan_api::FileInfo>(),
        decl::<yusuan_api::dto::ExportArgs>(),
        decl::<yusuan_api::dto::ExportResult>(),
        decl::<yusuan_api::ExportOutcome>(),
        decl::<yusuan_api::typeset::Preflight>(),
    ]
}

#[test]
fn the_ui_contract_is_generated_from_the_rust_types() {
    let parts = [model_decls(), operation_decls()].concat();
    let text = format!(
        "// Generated from the Rust types by crates/yusuan-api/tests/ts_contract.rs (ts-rs): do not edit.\n// `UPDATE_GOLDEN=1 cargo test -p yusuan-api --test ts_contract` rewrites it.\n\n{}\n",
        parts.join("\n\n")
    );
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/generated/contract.ts");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == text, "ui/src/generated/contract.ts differs from the Rust types: UPDATE_GOLDEN=1 cargo test -p yusuan-api --test ts_contract");
}
