/**
 * 上年执行数: last year's actual spending of the 一般公共预算 by function code, which the 编制说明
 * compares each 项 with where the region does so. Each code's 执行数 typed in place, a column
 * pasted from Excel/WPS (科目编码 and 金额 per line), or taken from last year's 决算 in the
 * library (matched by code); each change is one undoable edit. Rust computes every number shown
 * (the execution rate too); the UI only formats the strings.
 */
import { h } from "../dom";
import type { DraftCommand, DraftView } from "../drafting";
import { remembered, type DraftScreen } from "./draftScreen";
import { groupThousands } from "../format";

export interface ActualsProps {
  /** One edit of the draft (the generated `DraftCommand`). */
  onEdit(edit: DraftCommand): void;
  /** What the view keeps across re-renders. */
  screen: DraftScreen;
  view: DraftView;
  busy: boolean;
}


export function actualsPanel(props: ActualsProps): HTMLElement | null {
  const { view } = props;
  if (view.actuals.length === 0) return null;
  const locked = props.busy || view.locked !== null;
  const y = view.actuals_year;
  const rows = view.actuals.map((a) => {
    const input = h("input", { type: "text", value: a.actual_yuan ?? "", placeholder: "元", disabled: locked, "data-testid": `actual-${a.code}`, title: `${a.code} ${a.name} ${y}年执行数` }) as HTMLInputElement;
    input.addEventListener("change", () => { if (input.value.trim() !== (a.actual_yuan ?? "")) props.onEdit({ kind: "set_actual", code: a.code, value: input.value.trim() }); });
    return h(
      "tr",
      {},
      h("td", {}, a.code),
      h("td", {}, a.name),
      h("td", { class: "num" }, groupThousands(a.budget_yuan)),
      h("td", {}, input),
      h("td", { class: "num", "data-testid": `actual-rate-${a.code}` }, a.rate_percent ? `${a.rate_percent}%` : ""),
    );
  });
  const paste = h("textarea", { rows: 3, class: "section-input", placeholder: "从 Excel/WPS 复制两列粘贴：科目编码、执行数（元）", disabled: locked, "data-testid": "actuals-paste" }) as HTMLTextAreaElement;
  const pasteButton = h("button", { type: "button", disabled: locked, "data-testid": "actuals-paste-save" }, "填入粘贴的执行数") as HTMLButtonElement;
  pasteButton.addEventListener("click", () => { if (paste.value.trim()) props.onEdit({ kind: "paste_actuals", text: paste.value }); });
  const from = h("select", { disabled: locked, "data-testid": "actuals-from" }, view.final_accounts.map((f) => h("option", { value: String(f.id) }, f.title))) as HTMLSelectElement;
  const fromButton = h("button", { type: "button", disabled: locked || view.final_accounts.length === 0, "data-testid": "actuals-from-take" }, "从决算取数") as HTMLButtonElement;
  fromButton.addEventListener("click", () => { if (from.value) props.onEdit({ kind: "actuals_from", document: Number(from.value) }); });
  const box = h(
    "details",
    { class: "panel", "data-testid": "draft-actuals", open: props.screen.opened.has("actuals") },
    h("summary", {}, h("h2", { style: "display:inline" }, `${y}年执行数`)),
    h("p", { class: "muted" }, `填写后，编制说明按科目与${y}年执行数比较（比${y}年执行数增加/减少…）；执行率＝执行数÷${y}年预算。`),
    h("div", { class: "actuals-paste" }, paste, h("div", {}, pasteButton)),
    view.final_accounts.length > 0
      ? h("div", { class: "actuals-paste" }, from, h("div", {}, fromButton))
      : h("p", { class: "muted" }, `资料库中没有本部门${y}年的决算；导入后可在此按科目取数。`),
    h(
      "table",
      { class: "actuals" },
      h("thead", {}, h("tr", {}, ["科目编码", "科目名称", `${y}年预算（元）`, `${y}年执行数（元）`, "执行率"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows),
    ),
  );
  remembered(props.screen, "actuals", box);
  return box;
}
