/**
 * The 审核 tab of a document: every finding of the reviewer's rules, 错误 first, each with its
 * place (table, row, column or section) and what was expected; filtered by severity, and a
 * finding in a table opens that table with its row marked.
 */
import { emptyState, h } from "../dom";
import { severityLabel, type Finding } from "../drafting";

export type SeverityFilter = Finding["severity"] | "all";

export interface FindingsTabProps {
  findings: Finding[] | null;
  filter: SeverityFilter;
  onFilter(f: SeverityFilter): void;
  /** Opens the finding's table at its row (only offered for findings in a table). */
  onJump(f: Finding): void;
}

export function renderFindingsTab({ findings, filter, onFilter, onJump }: FindingsTabProps): HTMLElement {
  if (findings === null) return emptyState("正在审核…");
  if (findings.length === 0) return emptyState("未发现问题。");
  const count = (s: SeverityFilter) => (s === "all" ? findings.length : findings.filter((f) => f.severity === s).length);
  const filters: [SeverityFilter, string][] = [["all", "全部"], ["error", "错误"], ["warning", "警告"], ["info", "提示"]];
  const shown = findings.filter((f) => filter === "all" || f.severity === filter);
  return h(
    "div",
    { class: "findings-tab" },
    h(
      "div",
      { class: "doc-facts" },
      filters.map(([id, label]) =>
        h("button", { type: "button", class: id === filter ? "tab selected" : "tab", "data-testid": `severity-${id}`, onclick: () => onFilter(id) }, `${label}（${count(id)}）`),
      ),
    ),
    h(
      "ul",
      { class: "findings", "data-testid": "doc-findings" },
      shown.map((f) =>
        h(
          "li",
          {
            class: `finding ${f.severity}${f.location.table ? " jump" : ""}`,
            "data-testid": "finding",
            title: f.location.table ? "点击打开该表并定位到此行" : undefined,
            onclick: f.location.table ? () => onJump(f) : undefined,
          },
          h("span", { class: "sev" }, `${severityLabel(f.severity)}[${f.rule}]`),
          " ",
          f.message,
          h("div", { class: "where" }, [f.location.table, f.location.row, f.location.column, f.location.section].filter(Boolean).join(" / ")),
          f.expected || f.actual ? h("div", { class: "where" }, `应为 ${f.expected ?? ""}，实为 ${f.actual ?? ""}`) : null,
        ),
      ),
    ),
  );
}

/** The text of a row as a finding names it: no spaces (codes print as `201 39 01`). */
export function rowText(text: string): string {
  return text.replace(/\s+/g, "");
}
