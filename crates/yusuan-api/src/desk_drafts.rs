//! The desk's drafting and export operations for the app: drafts live in the user's library;
//! drafting from a bundled example first copies that document into the user's library (the
//! example library stays as shipped). Every edit answers with the whole [`DraftView`]: leaf
//! lines, the narrative figures, the derived document and its findings.

use crate::drafts::{self, from_json, leaf_lines, LeafLine};
use crate::{ApiError, Desk, ExportOutcome, ExportRequest, Library, OutFormat};
use serde::Serialize;
use ts_rs::TS;
use yusuan_check::Finding;
use yusuan_store::NewDocument;

/// A narrative figure with last year's value (decimal strings, 元).
#[derive(Debug, Clone, Serialize, TS)]
pub struct FigureView {
    /// Its key (for reasons).
    pub key: String,
    /// As the sentence names it.
    pub name: String,
    /// This year.
    pub current_yuan: String,
    /// Last year.
    pub baseline_yuan: String,
    /// The change.
    pub change_yuan: String,
    /// This year in 万元, as the narrative prints it.
    pub current_wan: String,
    /// Last year in 万元.
    pub baseline_wan: String,
    /// The change clause as generated (`比2025年预算增加0.10万元，增长0.01%`).
    pub change_text: String,
    /// Beyond the threshold without a reason (R001).
    pub needs_reason: bool,
    /// The reason written for it.
    pub reason: String,
}

/// Everything the 编制 view shows of a draft.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftView {
    /// `draft:N`.
    pub draft: String,
    /// The derived document's title.
    pub title: String,
    /// The department.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The leaf lines.
    pub lines: Vec<LeafLine>,
    /// The narrative's figures.
    pub figures: Vec<FigureView>,
    /// The findings (registry + draft rules).
    pub findings: Vec<Finding>,
    /// An undo is possible.
    pub can_undo: bool,
    /// A redo is possible.
    pub can_redo: bool,
    /// The version the draft is locked at.
    pub locked: Option<String>,
    /// The edits, newest first (undone ones marked).
    pub history: Vec<HistoryItem>,
    /// The named versions, oldest first.
    pub versions: Vec<VersionItem>,
    /// What the bureau wrote when it returned or accepted a version, oldest first.
    pub comments: Vec<crate::ReviewCommentView>,
    /// The narrative's sections: the carried ones to rewrite, the generated ones to read.
    pub sections: Vec<SectionView>,
    /// The 项目经费情况说明: each project's parts to rewrite.
    pub projects: Vec<crate::ProjectView>,
    /// The draft's print style (零值单元格, 表名年度), each with its choices.
    pub print: Vec<crate::PrintSettingView>,
    /// The tables' and sections' titles, to rename.
    pub titles: Vec<crate::TitleView>,
    /// The 绩效目标表: each indicator's target value to set.
    pub forms: Vec<crate::FormView>,
    /// The year of the 上年 figures (none for a blank draft).
    pub base_year: Option<i32>,
    /// The units the 分单位 tables list (none where the format prints no such table).
    pub units: Vec<UnitView>,
    /// Whether the format prints 分单位 tables (units can be added).
    pub has_unit_tables: bool,
    /// Each unit's spending placed in it (its own 单位预算 is `reference`), then the money not
    /// yet placed in a unit.
    pub unit_money: Vec<crate::UnitMoney>,
    /// Each unit's carried sections as its own budget prints them (none for a department of one
    /// unit, whose budget prints the department's).
    pub unit_texts: Vec<crate::UnitTextView>,
    /// The tables the draft carries as printed (Hubei's 资产配置 and 绩效 grids), cell by cell.
    pub carried: Vec<crate::CarriedTableView>,
    /// The funds a new line can be of, as printed (一般公共预算 …).
    pub funds: Vec<String>,
    /// The kinds a new spending line can be of (人员经费/公用经费/项目支出, or 基本支出/项目支出).
    pub spend_kinds: Vec<String>,
    /// 上年执行数 by function code of the 一般公共预算 lines, with each code's execution rate.
    pub actuals: Vec<crate::ActualView>,
    /// The year the 执行数 are of.
    pub actuals_year: i32,
    /// The library's 决算 of that year of the department, to take the 执行数 from.
    pub final_accounts: Vec<crate::FinalAccountsRef>,
}

/// A unit of the draft's 分单位 tables.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UnitView {
    /// Its name.
    pub name: String,
    /// Its 序号 or code.
    pub code: String,
}

/// A narrative section of the draft, as the 编制 view shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SectionView {
    /// Its title (the key to rewrite it).
    pub title: String,
    /// Its text, a paragraph a line.
    pub text: String,
    /// Generated from the numbers (编制说明, 其他相关情况说明): read only.
    pub generated: bool,
}

/// One edit of the draft's history, as the 编制 view lists it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HistoryItem {
    /// 1, 2, 3 … per draft.
    #[ts(type = "number")]
    pub seq: i64,
    /// 修改 / 填写原因 / 粘贴 / 导入工作簿.
    pub action: String,
    /// The line's name (or the reason's figure, or the pasted source).
    pub target: String,
    /// Before (an amount in 元, a text, or how many lines).
    pub old_value: String,
    /// After.
    pub new_value: String,
    /// When (RFC 3339).
    pub at: String,
    /// The OS user.
    pub user: String,
    /// Undone (a redo brings it back).
    pub undone: bool,
}

/// A named version (一上, 二上, 批复 …).
#[derive(Debug, Clone, Serialize, TS)]
pub struct VersionItem {
    /// Its name.
    pub name: String,
    /// The first 12 hex digits of its content hash.
    pub hash: String,
    /// Locked read-only.
    pub locked: bool,
    /// When (RFC 3339).
    pub created_at: String,
    /// 已保存, 已报送, 已退回, 已批准.
    pub status: String,
}

/// A draft's edits as the window lists them (newest first): each in Chinese, a line or figure
/// by its name — what `yusuan draft history` prints too.
pub fn draft_history_items(lib: &Library, id: i64) -> Result<Vec<HistoryItem>, ApiError> {
    let d = crate::load_draft(lib, id, None)?;
    let lines = leaf_lines(&d);
    let figures: Vec<(String, String)> = yusuan_draft::narrative::figures(&d)
        .into_iter()
        .map(|f| (f.key, f.name))
        .collect();
    history(lib, id, &lines, &figures)
}

fn history(
    lib: &Library,
    id: i64,
    lines: &[LeafLine],
    figures: &[(String, String)],
) -> Result<Vec<HistoryItem>, ApiError> {
    let name_of = |target: &str| {
        lines
            .iter()
            .find(|l| l.key == target)
            .map(|l| l.label.clone())
            .or_else(|| {
                figures
                    .iter()
                    .find(|(key, _)| key == target)
                    .map(|(_, name)| name.clone())
            })
            .unwrap_or_else(|| target.to_string())
    };
    let mut items: Vec<HistoryItem> = lib
        .store()
        .draft_events(id)?
        .into_iter()
        .map(|e| {
            // A typed edit's history line was said when it was recorded; an event from before
            // edits were typed is read by the migration.
            let shown = match &e.edit_json {
                Some(_) => crate::draft_edit::Described {
                    action: e.action.clone(),
                    target: e.target.clone(),
                    old: e.old_value.clone().unwrap_or_default(),
                    new: e.new_value.clone().unwrap_or_default(),
                },
                None => crate::draft_legacy::describe(&e, &name_of),
            };
            HistoryItem {
                seq: e.seq,
                action: shown.action,
                target: shown.target,
                old_value: shown.old,
                new_value: shown.new,
                at: e.at,
                user: e.os_user,
                undone: e.undone,
            }
        })
        .collect();
    items.reverse();
    Ok(items)
}

/// A draft of the user's library, listed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftSummary {
    /// `draft:N`.
    pub draft: String,
    /// The department.
    pub department: String,
    /// The budget year.
    pub year: i32,
}

pub(crate) fn view(lib: &Library, id: i64) -> Result<DraftView, ApiError> {
    // One read of the draft's row per view: its state and its lock.
    let row = lib.store().draft(id)?;
    let d = from_json(id, &row.state_json)?;
    let document = yusuan_draft::derive(&d);
    let findings = yusuan_draft::findings_on(&d, &document);
    use yusuan_draft::narrative::{change_of, reason_needed, wan};
    let figures: Vec<FigureView> = yusuan_draft::narrative::figures(&d)
        .into_iter()
        .map(|f| FigureView {
            reason: d.reasons.get(&f.key).cloned().unwrap_or_default(),
            needs_reason: reason_needed(&d, f.current, f.baseline)
                && !d.reasons.contains_key(&f.key),
            current_wan: format!("{:.2}", wan(f.current)),
            baseline_wan: format!("{:.2}", wan(f.baseline)),
            change_text: change_of(&d, f.current, f.baseline)
                .unwrap_or_else(|| "（无上年数）".to_string()),
            key: f.key,
            name: f.name,
            current_yuan: f.current.to_string(),
            baseline_yuan: f.baseline.to_string(),
            change_yuan: (f.current - f.baseline).to_string(),
        })
        .collect();
    let lines = leaf_lines(&d);
    let named: Vec<(String, String)> = figures
        .iter()
        .map(|f| (f.key.clone(), f.name.clone()))
        .collect();
    let history = history(lib, id, &lines, &named)?;
    let versions = lib
        .store()
        .draft_versions(id)?
        .into_iter()
        .map(|v| VersionItem {
            hash: v.content_hash.chars().take(12).collect(),
            name: v.name,
            locked: v.locked,
            created_at: v.created_at,
            status: v.status.label().to_string(),
        })
        .collect();
    // The sections as the derived document prints them (generated ones with their sentences).
    let sections = document
        .sections
        .iter()
        .map(|s| SectionView {
            title: s.title.clone(),
            text: drafts::section_text(s),
            generated: drafts::generated_section(s.kind),
        })
        .collect();
    Ok(DraftView {
        sections,
        projects: crate::draft_projects::project_views(&d),
        forms: crate::draft_forms::form_views(&d),
        draft: format!("draft:{id}"),
        title: document.meta.title,
        department: d.department.clone(),
        year: d.year,
        lines,
        history,
        versions,
        comments: crate::review::comment_views(lib, id)?,
        figures,
        findings,
        base_year: d.base_year,
        units: yusuan_draft::listed_units(&d)
            .into_iter()
            .map(|(name, code)| UnitView { name, code })
            .collect(),
        unit_money: crate::draft_units::unit_money(&d, id),
        carried: crate::draft_forms::carried_views(&d),
        unit_texts: if yusuan_draft::unit_names(&d).len() > 1 {
            crate::draft_units::unit_texts(&d)
        } else {
            Vec::new()
        },
        has_unit_tables: d.layout.iter().any(|t| {
            matches!(
                t.kind,
                yusuan_domain::TableKind::ExpenditureByUnit
                    | yusuan_domain::TableKind::FiscalByUnit
            )
        }),
        funds: yusuan_draft::Fund::ALL
            .iter()
            .map(|f| f.label().to_string())
            .collect(),
        spend_kinds: yusuan_draft::spend_kinds(&d)
            .iter()
            .map(|k| k.label().to_string())
            .collect(),
        actuals: crate::draft_actuals::actual_views(&d),
        actuals_year: yusuan_draft::actuals::actuals_year(&d),
        final_accounts: crate::draft_actuals::final_accounts_for(lib, &d)?,
        can_undo: lib.store().draft_undo_target(id)?.is_some(),
        can_redo: lib.store().draft_redo_target(id)?.is_some(),
        locked: row.locked_version,
        print: crate::draft_print::print_settings(&d),
        titles: crate::draft_titles::title_views(&d),
    })
}

impl Desk {
    /// Starts a draft of next year from a document of either library; an example is first
    /// copied into the user's library.
    pub fn start_draft(
        &mut self,
        library: &str,
        id: i64,
        now: &str,
    ) -> Result<DraftView, ApiError> {
        let source_id = if library == "examples" {
            let doc = self.examples.document(id)?;
            let hash = self.examples.store().content_hash(id)?;
            match self.user.store().find_by_hash(&hash)? {
                Some(existing) => existing,
                None => {
                    let name = self.examples.store().source_name(id)?;
                    let report = self.examples.store().report_json(id)?;
                    self.user.store_mut().insert(&NewDocument {
                        document: &doc,
                        source_name: &name,
                        content_hash: &hash,
                        imported_at: now,
                        report_json: &report,
                    })?
                }
            }
        } else {
            id
        };
        let threshold = self.settings().threshold_percent;
        let made = drafts::draft_new_with(&mut self.user, source_id, None, Some(threshold), now)?;
        let n = drafts::parse_draft_ref(&made.draft)
            .map(|r| r.0)
            .unwrap_or_default();
        view(&self.user, n)
    }

    /// Starts a blank draft of a shipped template's format for a department.
    pub fn start_blank_draft(
        &mut self,
        template: &str,
        department: &str,
        region: Option<&str>,
        year: Option<i32>,
        now: &str,
    ) -> Result<DraftView, ApiError> {
        let req = crate::BlankRequest {
            department: department.to_string(),
            region: region.map(str::to_string),
            year,
            threshold_percent: Some(self.settings().threshold_percent),
        };
        let made = crate::draft_new_blank(
            &mut self.user,
            &crate::BlankFrom::Template(template.to_string()),
            &req,
            now,
        )?;
        let n = drafts::parse_draft_ref(&made.draft)
            .map(|r| r.0)
            .unwrap_or_default();
        view(&self.user, n)
    }

    /// The drafts of the user's library.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, ApiError> {
        Ok(drafts::draft_list(&self.user)?
            .into_iter()
            .map(|(draft, department, year, _)| DraftSummary {
                draft,
                department,
                year,
            })
            .collect())
    }

    /// A draft as the 编制 view shows it.
    pub fn draft_view(&self, id: i64) -> Result<DraftView, ApiError> {
        view(&self.user, id)
    }

    /// Carries out one edit command on a draft and answers with the recomputed draft.
    pub fn edit_draft(
        &mut self,
        id: i64,
        command: &crate::DraftCommand,
        now: &str,
    ) -> Result<DraftView, ApiError> {
        crate::draft_edit(&mut self.user, id, command, now)?;
        view(&self.user, id)
    }

    /// Undoes the last edit.
    pub fn draft_undo(&mut self, id: i64, now: &str) -> Result<DraftView, ApiError> {
        crate::draft_undo(&mut self.user, id, now)?;
        view(&self.user, id)
    }

    /// The document the draft derives now (its tables, as the 编制 view shows them beside the lines).
    pub fn draft_document(&self, id: i64) -> Result<crate::DocumentView, ApiError> {
        drafts::draft_document(&self.user, id, None).map(crate::DocumentView::of)
    }

    /// Saves the draft as a named version (一上, 二上, 批复 …), locked read-only when asked.
    pub fn draft_save_version(
        &mut self,
        id: i64,
        name: &str,
        lock: bool,
        now: &str,
    ) -> Result<DraftView, ApiError> {
        drafts::draft_version(&mut self.user, id, name, lock, now)?;
        view(&self.user, id)
    }

    /// Submits the draft to the bureau as the version `name` (locked until the bureau decides).
    pub fn draft_submit(&mut self, id: i64, name: &str, now: &str) -> Result<DraftView, ApiError> {
        crate::draft_submit(&mut self.user, id, name, now)?;
        view(&self.user, id)
    }

    /// The district's page of 我的预算库 (on the bureau's server, every department the user may
    /// read).
    pub fn district(&self) -> Result<Vec<crate::DistrictRow>, ApiError> {
        crate::district_view(&self.user)
    }

    /// The bureau returns (with `comment`, on the version as a whole) or accepts a submitted
    /// version; answers with the district's page.
    pub fn review(
        &mut self,
        id: i64,
        name: &str,
        accept: bool,
        comment: &str,
        now: &str,
    ) -> Result<Vec<crate::DistrictRow>, ApiError> {
        let comments: Vec<(String, String)> = Some(comment.trim())
            .filter(|c| !c.is_empty())
            .map(|c| (String::new(), c.to_string()))
            .into_iter()
            .collect();
        crate::draft_review(&mut self.user, id, name, accept, &comments, now)?;
        self.district()
    }

    /// Redoes the last undone edit.
    pub fn draft_redo(&mut self, id: i64, now: &str) -> Result<DraftView, ApiError> {
        crate::draft_redo(&mut self.user, id, now)?;
        view(&self.user, id)
    }

    /// Exports a document of the user's library or a draft as a PDF or XLSX at `path`.
    pub fn export(
        &mut self,
        reference: &str,
        format: OutFormat,
        path: &std::path::Path,
        req: &ExportRequest,
        now: &str,
    ) -> Result<ExportOutcome, ApiError> {
        let req = self.with_chosen_fonts(req);
        crate::export_file(&mut self.user, reference, format, path, &req, now)
    }

    /// The request with the fonts of 设置 when it names none.
    fn with_chosen_fonts(&self, req: &ExportRequest) -> ExportRequest {
        let mut req = req.clone();
        if req.fonts == (None, None) {
            let s = self.settings();
            req.fonts = (s.body_font.map(Into::into), s.heading_font.map(Into::into));
        }
        req
    }

    /// The pages an export of a draft or a document of 我的预算库 would print, as SVG.
    pub fn preview(
        &self,
        reference: &str,
        req: &ExportRequest,
        now: &str,
    ) -> Result<Vec<String>, ApiError> {
        crate::export_preview(&self.user, reference, &self.with_chosen_fonts(req), now)
    }

    /// Where exports go by default: `导出/` in the data directory.
    pub fn export_dir(&self) -> std::path::PathBuf {
        self.data_dir.join("导出")
    }

    /// Where an export named `file` goes: a full path as given, a bare name into [`Desk::export_dir`];
    /// its folder is created.
    pub fn export_target(&self, file: &str) -> Result<std::path::PathBuf, ApiError> {
        let name = std::path::Path::new(file);
        let path = if name.is_absolute() {
            name.to_path_buf()
        } else {
            self.export_dir().join(name)
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| ApiError::Write {
                path: dir.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        Ok(path)
    }
}

/// One file's import, as the 资料库 view lists it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportResult {
    /// The file.
    pub file: String,
    /// The document it became (or was already), when read.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The same content was already in the library.
    pub duplicate: bool,
    /// What was read (absent for duplicates and failures).
    pub report: Option<yusuan_import::ImportReport>,
    /// Why the file could not be imported.
    pub error: Option<String>,
    /// The file's tables joined a document already there (the same department's narrative).
    pub attached: bool,
    /// Refused only because it names no year (tables published apart from their narrative)
    /// and the import waited or the file's name gives none: worth trying again after the other
    /// files of the same import, or with the year the user gives.
    pub needs_year: bool,
}

impl Desk {
    /// Imports one file into the user's library, a year-less file of tables as `yearless` says;
    /// a failure is reported, never thrown, so the other files of a batch go on.
    pub fn import_path(
        &mut self,
        path: &std::path::Path,
        yearless: crate::Yearless,
        now: &str,
    ) -> ImportResult {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        match crate::import_file_with(&mut self.user, path, yearless, now) {
            Ok(o) => ImportResult {
                file,
                id: Some(o.id),
                duplicate: o.duplicate,
                report: o.report,
                error: None,
                attached: o.attached,
                needs_year: false,
            },
            Err(e) => {
                let needs_year = matches!(
                    e,
                    ApiError::Import(yusuan_import::ImportError::NoYear { .. })
                );
                ImportResult {
                    file,
                    id: None,
                    duplicate: false,
                    report: None,
                    error: Some(e.to_string()),
                    attached: false,
                    needs_year,
                }
            }
        }
    }
}
