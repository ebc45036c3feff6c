/**
 * The 审核 tab of a document: every finding of the reviewer's rules, 错误 first, each with its
 * place (table, row, column or section) and what was expected.
 */
import { emptyState, h } from "../dom";
import { severityLabel, type Finding } from "../drafting";

export function renderFindingsTab(findings: Finding[] | null): HTMLElement {
  if (findings === null) return emptyState("正在审核…");
  if (findings.length === 0) return emptyState("未发现问题。");
  return h(
    "ul",
    { class: "findings", "data-testid": "doc-findings" },
    findings.map((f) =>
      h(
        "li",
        { class: `finding ${f.severity}`, "data-testid": "finding" },
        h("span", { class: "sev" }, `${severityLabel(f.severity)}[${f.rule}]`),
        " ",
        f.message,
        h("div", { class: "where" }, [f.location.table, f.location.row, f.location.column, f.location.section].filter(Boolean).join(" / ")),
        f.expected || f.actual ? h("div", { class: "where" }, `应为 ${f.expected ?? ""}，实为 ${f.actual ?? ""}`) : null,
      ),
    ),
  );
}
