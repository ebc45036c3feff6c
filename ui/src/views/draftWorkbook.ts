/**
 * 编制工作簿: the draft as an Excel workbook (a sheet of its lines to edit, one sheet per table
 * whose totals are formulas) and an edited one read back as one undoable edit, with what changed.
 * Rust writes and reads the workbook; the panel only names the file and shows the result.
 */
import { h } from "../dom";
import { groupThousands } from "../format";
import type { DraftView, Edit } from "../generated/contract";

/** What the last workbook action did, kept in the app's state across re-renders. */
export interface WorkbookState {
  draft: string;
  /** The file written by the last export (and the default to read back). */
  written: string | null;
  /** The changes of the last import (empty: the workbook agreed with the draft). */
  changes: Edit[] | null;
}

export interface WorkbookProps {
  view: DraftView;
  busy: boolean;
  workbook: WorkbookState | null;
  onExportWorkbook(file: string): void;
  onImportWorkbook(file: string): void;
  chooseSavePath(suggested: string, extension: string): Promise<string | null>;
  chooseWorkbook(): Promise<string | null>;
}

function amount(v: string | null): string {
  return v === null ? "（无）" : `${groupThousands(v)} 元`;
}

export function workbookPanel(props: WorkbookProps): HTMLElement {
  const { view } = props;
  const state = props.workbook && props.workbook.draft === view.draft ? props.workbook : null;
  const out = h("input", { value: `${view.title}（编制工作簿）.xlsx`, "data-testid": "workbook-file" }) as HTMLInputElement;
  const back = h("input", { value: state?.written ?? "", placeholder: "编辑后的工作簿（完整路径）", "data-testid": "workbook-import-file" }) as HTMLInputElement;
  const locked = view.locked !== null;
  const changes = state?.changes;
  return h(
    "section",
    { class: "panel", "data-testid": "workbook" },
    h("h2", {}, "编制工作簿（Excel）"),
    h("p", { class: "muted" }, "导出后在 Excel 或 WPS 中修改“明细”表的本年金额，各表合计为公式；再导入，改动作为一次可撤销的修改记入草稿。"),
    h(
      "div",
      { class: "export-form" },
      out,
      h("button", { type: "button", onclick: () => void props.chooseSavePath(out.value, "xlsx").then((p) => { if (p) out.value = p; }) }, "另存为…"),
      h("button", { type: "button", "data-testid": "workbook-export", disabled: props.busy, onclick: () => props.onExportWorkbook(out.value.trim()) }, "导出工作簿"),
    ),
    state?.written ? h("div", { class: "ok", "data-testid": "workbook-written" }, `已导出：${state.written}`) : null,
    h(
      "div",
      { class: "export-form" },
      back,
      h("button", { type: "button", onclick: () => void props.chooseWorkbook().then((p) => { if (p) back.value = p; }) }, "选择文件…"),
      h("button", { type: "button", "data-testid": "workbook-import", disabled: props.busy || locked, onclick: () => { if (back.value.trim()) props.onImportWorkbook(back.value.trim()); } }, "导入工作簿"),
    ),
    changes === null || changes === undefined
      ? null
      : changes.length === 0
        ? h("div", { class: "ok", "data-testid": "workbook-result" }, "工作簿与草稿一致，没有改动。")
        : h(
            "div",
            { class: "ok", "data-testid": "workbook-result" },
            `已导入 ${changes.length} 处改动（可撤销）：`,
            h("ul", { class: "findings" }, changes.map((c) => h("li", { "data-testid": "workbook-change" }, `${c.target}：${amount(c.old)} → ${amount(c.new)}`))),
          ),
  );
}
