/**
 * The panels that shape a draft rather than edit its amounts: 新增明细行 (a line under a code the
 * draft has no line for: spending of a fund by 功能科目, or 基本支出 by 经济科目, named where the
 * catalogue cannot) and 单位 (the units its 分单位 tables list). Rust checks every value and
 * answers with the recomputed draft; the form only composes the key.
 */
import { h } from "../dom";
import type { DraftCommand, DraftView } from "../drafting";
import type { NewLine } from "../generated/contract";
import { groupThousands } from "../format";

export interface DraftSetupProps {
  /** One edit of the draft (the generated `DraftCommand`). */
  onEdit(edit: DraftCommand): void;
  view: DraftView;
  busy: boolean;
}

function select(testid: string, options: string[], value?: string): HTMLSelectElement {
  const s = h("select", { "data-testid": testid }, options.map((o) => h("option", { value: o }, o))) as HTMLSelectElement;
  if (value && options.includes(value)) s.value = value;
  return s;
}

/** 新增明细行: 按功能科目的支出 (fund, 7-digit 项 code, kind) or 按经济科目的基本支出 (5-digit 款 code,
 * 人员经费/公用经费), its amount in 元, and the names of its code and 款 when new to the catalogue. */
export function addLinePanel(props: DraftSetupProps): HTMLElement {
  const { view } = props;
  const grid = select("add-grid", ["按功能科目的支出", "按经济科目的基本支出"]);
  const fund = select("add-fund", view.funds, "一般公共预算");
  const kind = select("add-kind", view.spend_kinds);
  const econKind = select("add-econ-kind", ["人员经费", "公用经费"]);
  const code = h("input", { placeholder: "科目代码，如 2010101", inputmode: "numeric", "data-testid": "add-code" }) as HTMLInputElement;
  const name = h("input", { placeholder: "科目名称（目录中没有时填写）", "data-testid": "add-name" }) as HTMLInputElement;
  const parent = h("input", { placeholder: "所属款的名称（目录中没有时填写）", "data-testid": "add-parent-name" }) as HTMLInputElement;
  const value = h("input", { placeholder: "金额（元）", inputmode: "decimal", "data-testid": "add-value" }) as HTMLInputElement;
  const spendFields = h("span", { class: "add-spend" }, h("label", {}, "资金来源 ", fund), h("label", {}, "支出类型 ", kind));
  const econFields = h("span", { class: "add-econ", hidden: true }, h("label", {}, "类型 ", econKind));
  grid.addEventListener("change", () => {
    const spend = grid.value === "按功能科目的支出";
    spendFields.hidden = !spend;
    econFields.hidden = spend;
    code.placeholder = spend ? "科目代码，如 2010101" : "经济科目代码，如 30201";
  });
  const add = () => {
    const spend = grid.value === "按功能科目的支出";
    // Rust composes the line's key and the names of its code and 款 from the form's fields.
    const line: NewLine = spend
      ? { grid: "spend", fund: fund.value, code: code.value, kind: kind.value }
      : { grid: "economic", code: code.value, kind: econKind.value };
    props.onEdit({ kind: "add_coded_line", line, value: value.value.trim(), name: name.value, parent_name: spend ? parent.value : "" });
  };
  return h(
    "section",
    { class: "panel", "data-testid": "add-line" },
    h("h2", {}, "新增明细行"),
    h("p", { class: "muted" }, "草稿中还没有的科目：填写代码和金额，表格、合计和编制说明随之生成。"),
    h("div", { class: "export-form" }, h("label", {}, "按 ", grid), spendFields, econFields),
    h("div", { class: "export-form" }, code, name, parent),
    h("div", { class: "export-form" }, value, h("button", { type: "button", "data-testid": "add-line-save", disabled: props.busy || view.locked !== null, onclick: add }, "新增")),
  );
}

/** 单位: the units the 分单位 tables list; adding one gives it a row (its lines at zero) in each. */
export function unitsPanel(props: DraftSetupProps): HTMLElement | null {
  const { view } = props;
  if (!view.has_unit_tables) return null;
  const name = h("input", { placeholder: "单位名称", "data-testid": "unit-name" }) as HTMLInputElement;
  const code = h("input", { placeholder: "单位代码（可不填，按序号）", "data-testid": "unit-code" }) as HTMLInputElement;
  const locked = view.locked !== null;
  return h(
    "section",
    { class: "panel", "data-testid": "units" },
    h("h2", {}, `单位（${view.units.length} 个）`),
    view.units.length === 0
      ? h("p", { class: "muted" }, "分单位表中还没有单位：增加单位后，在明细行中填写各单位的金额。")
      : h(
          "ul",
          { class: "versions" },
          view.units.map((u) =>
            h(
              "li",
              { "data-testid": "unit-item" },
              `${u.code}　${u.name}`,
              " ",
              h("button", { type: "button", class: "link", "data-testid": "unit-remove", disabled: props.busy || locked, title: "金额须先清零", onclick: () => props.onEdit({ kind: "remove_unit", name: u.name }) }, "删除"),
            ),
          ),
        ),
    h(
      "div",
      { class: "export-form" },
      name,
      code,
      h("button", { type: "button", "data-testid": "unit-add", disabled: props.busy || locked, onclick: () => { if (name.value.trim()) props.onEdit({ kind: "add_unit", name: name.value.trim(), code: code.value.trim() || null }); } }, "增加单位"),
    ),
  );
}

const UNPLACED = "（未分配到单位）";

/** 单位预算: each unit's spending placed in it (its own 单位预算 is derived from those lines and
 * exported from 导出公开文件), the money not yet placed, and a form that places a line's money
 * (all of it, or an amount) in a unit. A department of one unit needs no placing. */
export function unitBudgetsPanel(props: DraftSetupProps): HTMLElement | null {
  const { view } = props;
  if (view.unit_money.length === 0) return null;
  const units = view.unit_money.filter((u) => u.reference !== "");
  const several = units.length > 1;
  const lines = view.lines.filter((l) => l.unit === "元" && l.key.startsWith("支出|"));
  const line = select("place-line", lines.map((l) => l.key));
  line.replaceChildren(...lines.map((l) => h("option", { value: l.key }, `${l.budget_unit ? `［${l.budget_unit}］` : ""}${l.label}（${groupThousands(l.value_yuan)} 元）`)));
  const to = select("place-to", [...units.map((u) => u.name), UNPLACED]);
  const amount = h("input", { placeholder: "金额（元，不填为整行）", inputmode: "decimal", "data-testid": "place-amount" }) as HTMLInputElement;
  const locked = view.locked !== null;
  return h(
    "section",
    { class: "panel", "data-testid": "unit-budgets" },
    h("h2", {}, "单位预算"),
    h("p", { class: "muted" }, several ? "把明细行的金额分配到单位：部门的表格不变，各单位的单位预算由分配给它的明细生成，在“导出公开文件”中选择单位导出。" : "部门只有一个预算单位：单位预算就是部门的全部明细，在“导出公开文件”中选择导出。"),
    h(
      "table",
      { class: "unit-money" },
      h("tbody", {}, view.unit_money.map((u) => h("tr", { "data-testid": "unit-money" }, h("td", {}, u.name || UNPLACED), h("td", { class: "num" }, `${groupThousands(u.value_yuan)} 元`), h("td", { class: "muted" }, `${u.lines} 行`)))),
    ),
    several
      ? h(
          "div",
          { class: "export-form" },
          h("label", {}, "明细行 ", line),
          h("label", {}, "分配到 ", to),
          amount,
          h(
            "button",
            {
              type: "button",
              "data-testid": "place-save",
              disabled: props.busy || locked || lines.length === 0,
              onclick: () => props.onEdit({ kind: "place_line", line: line.value, to: to.value === UNPLACED ? null : to.value, amount: amount.value.trim() || null }),
            },
            "分配",
          ),
        )
      : null,
  );
}
