/**
 * The 编制 view of a draft: its leaf lines with last year beside this year's amount, edited in
 * place (Enter or leaving the cell saves; the recomputed draft comes back from Rust), the
 * figures the generated 编制说明 states, the live findings, undo/redo, and the 导出 panel (date,
 * file name, an explanation for each 警告 rule, the result or the findings that refuse it).
 */
import { h } from "../dom";
import type { DocumentView } from "../model";
import { renderTablesTab } from "./tablesTab";
import { groupThousands } from "../format";
import { severityLabel, warningRules, type DraftCommand, type DraftView, type ExportResult, type Finding, type HistoryItem } from "../drafting";
import { addLinePanel, unitBudgetsPanel, unitsPanel } from "./draftSetup";
import { workbookPanel, type WorkbookState } from "./draftWorkbook";
import { carriedPanel } from "./draftCarried";
import { formsPanel, projectsPanel } from "./draftProjects";
import { actualsPanel } from "./draftActuals";
import type { DraftScreen } from "./draftScreen";

export interface DraftViewProps {
  view: DraftView;
  busy: boolean;
  /** Show only lines whose label contains this text. */
  filter: string;
  /** Hide the lines that are 0 in both years (the source printed 0 in their column). */
  hideZero: boolean;
  exportResult: ExportResult | null;
  onFilter(text: string): void;
  onHideZero(hide: boolean): void;
  /** One edit of the draft (a line's amount, a reason, a text, a unit, a project, a form, a
   * carried table's cell, the print style, a title …): the generated `DraftCommand`. */
  onEdit(edit: DraftCommand): void;
  /** What the view keeps across re-renders (owned by the app's state). */
  screen: DraftScreen;
  /** The line whose input takes the focus after this render (Enter moves down). */
  focusKey: string | null;
  onFocusNext(key: string | null): void;
  onUndo(): void;
  onRedo(): void;
  /** Opens the comparison of these references (`draft:N` alone: with last year's document). */
  onCompare(references: string[]): void;
  /** Saves a named version (一上, 二上, 批复 …), locked read-only when asked. */
  onSaveVersion(name: string, lock: boolean): void;
  /** Submits the draft to the bureau as version `name` (locked until the bureau decides). */
  onSubmitVersion(name: string): void;
  /** Exports `reference` (the draft `draft:N`, or one unit's 单位预算 `draft:N/单位`) as PDF or XLSX. */
  onExport(date: string, file: string, explanations: Record<string, string>, reference: string, format: "pdf" | "xlsx"): void;
  /** The last workbook action's result. */
  workbook: WorkbookState | null;
  onExportWorkbook(file: string): void;
  onImportWorkbook(file: string): void;
  chooseWorkbook(): Promise<string | null>;
  /** The tables the draft derives, while they are shown (refreshed after every edit). */
  tables: { doc: DocumentView; selected: number } | null;
  onShowTables(): void;
  onSelectTable(index: number): void;
  onCloseTables(): void;
  /** The pages of the PDF as SVG while the preview is open. */
  preview: string[] | null;
  onPreview(date: string, reference: string): void;
  onClosePreview(): void;
  /** The save dialog: the full path chosen for the export (null when cancelled). */
  chooseSavePath(suggested: string, extension: string): Promise<string | null>;
  onBack(): void;
}

/** Focuses a leaf line's 本年 cell (a finding's click): scrolled into view, editing. */
type JumpTo = (key: string) => void;

function findingItem(f: Finding, lines: DraftView["lines"], jumpTo: JumpTo): HTMLElement {
  const where = [f.location.table, f.location.row, f.location.column, f.location.section].filter(Boolean).join(" / ");
  const line = lines.find((l) => l.key === f.location.row || (f.location.row && l.label === f.location.row));
  return h(
    "li",
    {
      class: `finding ${f.severity}${line ? " jump" : ""}`, "data-testid": "finding", "data-rule": f.rule,
      title: line ? `点击定位到：${line.label}` : undefined,
      onclick: line ? () => jumpTo(line.key) : undefined,
    },
    h("span", { class: "sev" }, `${severityLabel(f.severity)}[${f.rule}]`),
    " ",
    f.message,
    where ? h("div", { class: "where" }, where) : null,
    f.expected || f.actual ? h("div", { class: "where" }, `应为 ${f.expected ?? ""}，实为 ${f.actual ?? ""}`) : null,
  );
}

/** A finding's click: the line's 本年 cell in the view's grid. */
function jumpTo(props: DraftViewProps): JumpTo {
  return (key) => props.screen.grid.use((grid) => grid.focusLeaf(key));
}

/** How many findings the panel lists (a large draft can have thousands; errors come first). */
const SHOWN_FINDINGS = 200;

function findingsPanel(findings: Finding[], lines: DraftView["lines"], jumpTo: JumpTo): HTMLElement {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return h(
    "section",
    { class: "panel", "data-testid": "draft-findings" },
    h("h2", {}, `审核：${count("error")} 个错误、${count("warning")} 个警告、${count("info")} 个提示`),
    findings.length === 0 ? h("p", { class: "muted" }, "未发现问题。") : h("ul", { class: "findings" }, findings.slice(0, SHOWN_FINDINGS).map((f) => findingItem(f, lines, jumpTo))),
    findings.length > SHOWN_FINDINGS ? h("p", { class: "muted", "data-testid": "findings-more" }, `另有 ${findings.length - SHOWN_FINDINGS} 条未列出：先处理以上各条（错误在前）。`) : null,
  );
}

function reasonInput(key: string, reason: string, onEdit: (edit: DraftCommand) => void): HTMLElement {
  const input = h("input", { class: "reason-input", value: reason, placeholder: "主要原因是…", "data-testid": `reason-${key.replace("说明|", "")}` });
  input.addEventListener("change", () => {
    if (input.value.trim() !== reason) onEdit({ kind: "set_reason", key, text: input.value.trim() });
  });
  return input;
}

function figuresPanel(view: DraftView, onEdit: (edit: DraftCommand) => void): HTMLElement {
  return h(
    "section",
    { class: "panel", "data-testid": "draft-figures" },
    h("h2", {}, "编制说明中的数字（万元）"),
    h(
      "table",
      { class: "grid" },
      h("thead", {}, h("tr", {}, h("th", {}, "项目"), h("th", {}, "上年"), h("th", {}, "本年"), h("th", {}, "说明"), h("th", {}, "主要原因"))),
      h(
        "tbody",
        {},
        view.figures.map((f) =>
          h(
            "tr",
            { "data-testid": `figure-${f.key.replace("说明|", "")}`, class: f.needs_reason ? "needs-reason" : "" },
            h("td", {}, f.name),
            h("td", { class: "num" }, view.base_year === null ? "—" : groupThousands(f.baseline_wan)),
            h("td", { class: "num", "data-testid": "figure-current" }, groupThousands(f.current_wan)),
            h("td", {}, f.change_text, f.needs_reason ? h("span", { class: "sev warning" }, " 须说明原因") : null),
            h("td", {}, reasonInput(f.key, f.reason, onEdit)),
          ),
        ),
      ),
    ),
  );
}

/** Whether a decimal string is zero (`0`, `0.00`, `-0`). */
function isZero(value: string): boolean {
  return /^-?0*(\.0*)?$/.test(value.trim()) && value.trim() !== "";
}

function linesTable(props: DraftViewProps): HTMLElement {
  const { view, filter } = props;
  // A line a finding asks a reason for (R001) says so in its 原因 cell.
  const needs = new Set(view.findings.filter((f) => f.rule === "R001" && f.location.row).map((f) => f.location.row!));
  // Lines that are 0 in both years are hidden on request — in a draft rolled forward from a
  // year with money, never in a blank draft, whose lines are all still to fill in.
  const zero = (l: DraftView["lines"][number]) => isZero(l.value_yuan) && isZero(l.baseline_yuan);
  const zeros = view.lines.filter(zero).length;
  const canHide = zeros > 0 && view.lines.some((l) => !isZero(l.baseline_yuan));
  const hiding = props.hideZero && canHide;
  const shown = view.lines
    .filter((l) => !filter || l.label.includes(filter) || l.key.includes(filter))
    .filter((l) => !hiding || !zero(l))
    .map((l) => ({ ...l, needs_reason: needs.has(l.key) }));
  const host = h("div", { class: "lines-host" });
  props.screen.grid.use((grid) => grid.mount(
    host,
    {
      draft: view.draft,
      lines: view.lines,
      editable: !props.busy && view.locked === null,
      focusKey: props.focusKey,
      onEdit: props.onEdit,
      onFocusNext: props.onFocusNext,
    },
    shown,
  ));
  return h(
    "section",
    { class: "panel lines" },
    h(
      "div",
      { class: "panel-head" },
      h("h2", {}, `明细行（${view.lines.length} 行，单位：元）`),
      canHide
        ? h(
            "label",
            { class: "hide-zero", title: "上年和本年均为0的行（原表印出的0）；要填写其中一行的金额时取消勾选" },
            h("input", { type: "checkbox", checked: props.hideZero, "data-testid": "hide-zero", onchange: (e: Event) => props.onHideZero((e.target as HTMLInputElement).checked) }),
            ` 隐藏两年均为0的 ${zeros} 行`,
          )
        : null,
      h("input", {
        type: "search",
        placeholder: "筛选：科目、项目…",
        value: filter,
        "data-testid": "line-filter",
        onchange: (e: Event) => props.onFilter((e.target as HTMLInputElement).value),
      }),
    ),
    host,
  );
}

/** The narrative: each section to rewrite, a paragraph a line, saved as one undoable edit — a
 * carried one (主要职能, 机构设置, 名词解释 …) as written, one generated from the numbers shown as
 * it will print and rewritten in the department's words with its amounts bound to the draft. */

function sectionsPanel(props: DraftViewProps): HTMLElement {
  const { view, screen } = props;
  const locked = props.busy || view.locked !== null;
  const units = [...new Set(view.unit_texts.map((t) => t.unit))];
  if (!units.includes(screen.sectionsOf)) screen.sectionsOf = "";
  const who = h("select", { "data-testid": "sections-of" }, [h("option", { value: "" }, "部门预算"), ...units.map((u) => h("option", { value: u }, `单位预算：${u}`))]) as HTMLSelectElement;
  who.value = screen.sectionsOf;
  const body = h("div", {});
  const draw = () => {
    if (screen.sectionsOf === "") {
      body.replaceChildren(
        ...view.sections.map((s) => {
          const area = h("textarea", { rows: s.generated ? 10 : 4, class: "section-input", "data-testid": `section-${s.title}`, disabled: locked });
          area.value = s.text;
          const save = h("button", {
            type: "button",
            "data-testid": `section-save-${s.title}`,
            disabled: locked,
            onclick: () => { if (area.value !== s.text) props.onEdit({ kind: "set_section_text", title: s.title, text: area.value }); },
          }, "保存");
          if (s.generated) {
            // Shown as it will print; rewritten in the department's words, its amounts stay the
            // draft's (an amount the draft does not have is refused).
            return h("details", { class: "section-text generated" }, h("summary", {}, `${s.title}（由数字生成）`),
              h("p", { class: "muted" }, "可按本部门的写法改写：金额须是草稿中的数字，改写后仍随明细行变化；与草稿不符的增减额按草稿印出。"), area, save);
          }
          return h("div", { class: "section-text" }, h("h3", {}, s.title), area, save);
        }),
      );
      return;
    }
    // A unit's own texts: what its budget prints (the department's, in the unit's wording, until
    // written); an emptied box gives the unit the department's text again.
    body.replaceChildren(
      h("p", { class: "muted" }, "单位预算的文字：未改写的部分沿用部门的文字（措辞改为本单位）；清空后保存即恢复为部门的文字。由数字生成的部分按分配给该单位的明细生成。"),
      ...view.unit_texts
        .filter((t) => t.unit === screen.sectionsOf)
        .map((t) => {
          const area = h("textarea", { rows: 4, class: "section-input", "data-testid": `unit-section-${t.title}`, disabled: locked });
          area.value = t.text;
          const save = h("button", {
            type: "button",
            "data-testid": `unit-section-save-${t.title}`,
            disabled: locked,
            onclick: () => { if (area.value !== t.text || !t.own) props.onEdit({ kind: "set_unit_text", unit: t.unit, title: t.title, text: area.value }); },
          }, "保存");
          return h("div", { class: "section-text" }, h("h3", {}, t.shown_title, t.own ? null : h("span", { class: "muted" }, "（沿用部门的文字）")), area, save);
        }),
    );
  };
  who.addEventListener("change", () => { screen.sectionsOf = who.value; draw(); });
  draw();
  return h("section", { class: "panel", "data-testid": "draft-sections" }, h("h2", {}, "文字部分"), units.length ? h("label", {}, "文字属于 ", who) : null, body);
}

/** The named versions and the edits, newest first (the last 50; undone ones struck through). */
function historyPanel(props: DraftViewProps): HTMLElement {
  const { view } = props;
  const name = h("input", { placeholder: "版本名称，如 一上、二上、批复", "data-testid": "version-name" });
  const lock = h("input", { type: "checkbox", "data-testid": "version-lock" });
  const save = () => {
    if (name.value.trim()) props.onSaveVersion(name.value.trim(), lock.checked);
  };
  const change = (e: HistoryItem) => (e.old_value || e.new_value ? `：${e.old_value ? groupThousands(e.old_value) : "（空）"} → ${e.new_value ? groupThousands(e.new_value) : "（空）"}` : "");
  return h(
    "section",
    { class: "panel", "data-testid": "draft-history" },
    h("h2", {}, "版本与修改记录"),
    view.versions.length === 0
      ? h("p", { class: "muted" }, "尚未保存版本。")
      : h(
          "ul",
          { class: "versions" },
          view.versions.map((v) =>
            h(
              "li",
              {},
              h("span", { "data-testid": "version-item" }, `${v.name}${v.locked ? "（已锁定）" : ""}　${v.status === "已保存" ? "" : `${v.status}　`}${v.created_at.slice(0, 16).replace("T", " ")}　${v.hash}`),
              " ",
              h("button", { type: "button", class: "link", "data-testid": "compare-version", onclick: () => props.onCompare([`${view.draft}@${v.name}`, view.draft]) }, "与当前对比"),
            ),
          ),
        ),
    view.locked
      ? null
      : h(
          "div",
          { class: "export-form" },
          name,
          h("label", {}, lock, "锁定为只读"),
          h("button", { type: "button", "data-testid": "version-save", disabled: props.busy, onclick: save }, "保存版本"),
          h("button", { type: "button", "data-testid": "version-submit", disabled: props.busy, title: "保存为锁定的版本，报送财政局审核；审核前草稿为只读", onclick: () => { if (name.value.trim()) props.onSubmitVersion(name.value.trim()); } }, "报送审核"),
        ),
    view.comments.length === 0
      ? null
      : h(
          "ul",
          { class: "review-comments", "data-testid": "review-comments" },
          view.comments.map((c) => h("li", { "data-testid": "review-comment-item" }, `审核意见（${c.version}${c.target ? `，${c.target}` : ""}）：${c.text}　${c.author} ${c.at.slice(0, 16).replace("T", " ")}`)),
        ),
    view.history.length === 0
      ? h("p", { class: "muted" }, "尚无修改。")
      : h(
          "ol",
          { class: "history" },
          view.history.slice(0, 50).map((e) =>
            h("li", { class: e.undone ? "undone" : "", "data-testid": "history-item", title: `${e.user} ${e.at}` }, `${e.action} ${e.target}${change(e)}${e.undone ? "（已撤销）" : ""}`),
          ),
        ),
  );
}


function exportPanel(props: DraftViewProps): HTMLElement {
  const { view, exportResult, screen } = props;
  if (screen.exportTarget.draft !== view.draft) screen.exportTarget = { draft: view.draft, file: `${view.title}.pdf`, reference: view.draft };
  const scopes: [string, string][] = [[view.draft, "部门预算"], ...view.unit_money.filter((u) => u.reference !== "").map((u): [string, string] => [u.reference, `单位预算：${u.name}`])];
  if (!scopes.some(([r]) => r === screen.exportTarget.reference)) screen.exportTarget = { draft: view.draft, file: `${view.title}.pdf`, reference: view.draft };
  const scope = h("select", { "data-testid": "export-scope" }, scopes.map(([r, name]) => h("option", { value: r }, name))) as HTMLSelectElement;
  scope.value = screen.exportTarget.reference;
  scope.addEventListener("change", () => {
    screen.exportTarget.reference = scope.value;
    const unit = scopes.find(([r]) => r === scope.value);
    file.value = screen.exportTarget.file = scope.value === view.draft ? `${view.title}.pdf` : `${view.year}年${unit ? unit[1].replace("单位预算：", "") : ""}单位预算.pdf`;
  });
  const rules = warningRules(view.findings);
  // The draft's print style: how a zero cell prints, whether titles carry the year (as last
  // year's tables did, or as the region's newest documents do, by default).
  const style = view.print.map((s) => {
    const select = h("select", { "data-testid": "print-setting", "data-setting": s.name, disabled: props.busy || view.locked !== null }, s.choices.map((c) => h("option", { value: c }, c))) as HTMLSelectElement;
    select.value = s.chosen;
    select.addEventListener("change", () => { if (select.value !== s.chosen) props.onEdit({ kind: "set_print", setting: s.name, choice: select.value }); });
    return h("label", {}, `${s.name} `, select);
  });
  // The titles as this year's document prints them: a table or section renamed in one edit.
  const titles = h(
    "details",
    { "data-testid": "titles" },
    h("summary", {}, `标题（${view.titles.length}）`),
    ...view.titles.map((t) => {
      const input = h("input", { value: t.printed, "data-testid": "title", "data-title": t.title, disabled: props.busy || view.locked !== null, size: 40 }) as HTMLInputElement;
      input.addEventListener("change", () => { const v = input.value.trim(); if (v && v !== t.printed) props.onEdit({ kind: "rename_title", title: t.title, new_title: v }); });
      return h("label", {}, `${t.kind} `, input);
    }),
  );
  const date = h("input", { type: "date", value: new Date().toISOString().slice(0, 10), "data-testid": "export-date" });
  const file = h("input", { value: screen.exportTarget.file, "data-testid": "export-file" });
  file.addEventListener("change", () => { screen.exportTarget.file = file.value; });
  const explain = rules.map((rule) => h("input", { placeholder: `${rule} 的说明`, "data-testid": `explain-${rule}`, "data-rule": rule }));
  const errors = view.findings.filter((f) => f.severity === "error").length;
  const result = exportResult
    ? exportResult.outcome
      ? h(
          "div",
          { class: "ok", "data-testid": "export-result" },
          `已导出：${exportResult.outcome.path}（${exportResult.outcome.bytes} 字节）`,
          exportResult.outcome.preflight
            ? h("div", {}, `复核通过：${exportResult.outcome.preflight.pages} 页，${exportResult.outcome.preflight.tables} 张表，${exportResult.outcome.preflight.numbers} 个数字与草稿一致`)
            : null,
        )
      : h("div", { class: "refused", "data-testid": "export-result" }, `不能导出：${exportResult.refused ?? ""}`, h("ul", { class: "findings" }, exportResult.findings.map((f) => findingItem(f, view.lines, jumpTo(props)))))
    : null;
  return h(
    "section",
    { class: "panel", "data-testid": "export-panel" },
    h("h2", {}, "导出公开文件（PDF）"),
    errors > 0 ? h("p", { class: "sev error" }, `有 ${errors} 个错误，改正后才能导出。`) : null,
    scopes.length > 1 ? h("label", {}, "导出 ", scope) : null,
    ...style,
    titles,
    h("label", {}, "日期 ", date),
    h("label", {}, "文件名 ", file),
    h("button", { type: "button", "data-testid": "export-choose", onclick: () => void props.chooseSavePath(file.value, "pdf").then((p) => { if (p) file.value = screen.exportTarget.file = p; }) }, "另存为…"),
    rules.length ? h("div", {}, h("p", {}, "每个警告都须写明说明，随导出记录保存："), ...explain.map((e) => h("label", {}, e.dataset.rule ?? "", " ", e))) : null,
    h(
      "button",
      {
        type: "button",
        "data-testid": "export-pdf",
        disabled: props.busy,
        onclick: () => {
          const explanations: Record<string, string> = {};
          for (const e of explain) if (e.value.trim()) explanations[e.dataset.rule ?? ""] = e.value.trim();
          props.onExport(date.value, file.value, explanations, screen.exportTarget.reference, "pdf");
        },
      },
      "导出 PDF",
    ),
    h(
      "button",
      {
        type: "button",
        "data-testid": "export-xlsx",
        disabled: props.busy,
        title: "公开表格的 Excel 版（数字与 PDF 相同）",
        onclick: () => {
          const explanations: Record<string, string> = {};
          for (const e of explain) if (e.value.trim()) explanations[e.dataset.rule ?? ""] = e.value.trim();
          props.onExport(date.value, file.value.replace(/\.pdf$/i, "") + ".xlsx", explanations, screen.exportTarget.reference, "xlsx");
        },
      },
      "导出 XLSX",
    ),
    h("button", { type: "button", "data-testid": "export-preview", disabled: props.busy, onclick: () => props.onPreview(date.value, screen.exportTarget.reference) }, "预览"),
    result,
  );
}

/** The pages the PDF will print, drawn from the same layout (SVG images: no script, no HTML). */
function previewOverlay(pages: string[], onClose: () => void): HTMLElement {
  return h(
    "div",
    { class: "preview-overlay", "data-testid": "preview" },
    h("div", { class: "panel-head" }, h("h2", {}, `导出预览：共 ${pages.length} 页`), h("button", { type: "button", "data-testid": "preview-close", onclick: () => onClose() }, "关闭预览")),
    h(
      "div",
      { class: "preview-pages" },
      pages.map((svg, i) =>
        h("figure", { class: "preview-page" }, h("img", { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: `第 ${i + 1} 页`, loading: "lazy", "data-testid": "preview-page" }), h("figcaption", {}, `第 ${i + 1} 页`)),
      ),
    ),
  );
}

export function renderDraftView(props: DraftViewProps): HTMLElement {
  const { view } = props;
  return h(
    "div",
    { class: "draft-view", "data-testid": "draft-view" },
    h(
      "header",
      { class: "doc-header" },
      h("h1", { class: "doc-title", "data-testid": "draft-title" }, `${view.title}（编制中）`),
      h(
        "div",
        { class: "doc-facts" },
        h("span", { class: "fact" }, h("span", { class: "fact-label" }, "草稿"), view.draft),
        h("span", { class: "fact" }, h("span", { class: "fact-label" }, "预算主管部门"), view.department),
        view.base_year === null ? h("span", { class: "fact", "data-testid": "blank-note" }, h("span", { class: "fact-label" }, "空白草稿"), "无上年数，编制说明只写本年数") : null,
        view.locked ? h("span", { class: "fact" }, h("span", { class: "fact-label" }, "已锁定"), view.locked) : null,
        h("button", { type: "button", "data-testid": "undo", disabled: !view.can_undo || props.busy, onclick: () => props.onUndo() }, "撤销"),
        h("button", { type: "button", "data-testid": "redo", disabled: !view.can_redo || props.busy, onclick: () => props.onRedo() }, "重做"),
        h("button", { type: "button", "data-testid": "show-tables", onclick: () => props.onShowTables() }, "查看表格"),
        view.base_year === null ? null : h("button", { type: "button", "data-testid": "compare-draft", onclick: () => props.onCompare([view.draft]) }, "与上年对比"),
        h("button", { type: "button", "data-testid": "back-to-docs", onclick: () => props.onBack() }, "返回文档"),
      ),
    ),
    h("div", { class: "draft-columns" }, linesTable(props), h("div", { class: "draft-side" }, findingsPanel(view.findings, view.lines, jumpTo(props)), addLinePanel(props), unitsPanel(props), unitBudgetsPanel(props), exportPanel(props), workbookPanel(props), figuresPanel(view, props.onEdit), actualsPanel(props), sectionsPanel(props), projectsPanel(props), formsPanel(props), carriedPanel(props), historyPanel(props))),
    props.preview ? previewOverlay(props.preview, props.onClosePreview) : null,
    props.tables
      ? h(
          "div",
          { class: "preview-overlay tables-overlay", "data-testid": "draft-tables" },
          h("div", { class: "panel-head" }, h("h2", {}, "草稿的表格（随修改更新）"), h("button", { type: "button", "data-testid": "tables-close", onclick: () => props.onCloseTables() }, "关闭")),
          h("div", { class: "tab-body" }, renderTablesTab({ tables: props.tables.doc.document.tables, looks: props.tables.doc.rows, selected: props.tables.selected, onSelect: (i) => props.onSelectTable(i) })),
        )
      : null,
  );
}
