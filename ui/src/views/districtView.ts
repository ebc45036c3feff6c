/**
 * 全区审核: the district's page — every department's draft the user may read (on the bureau's
 * server, a reviewer reads them all), its latest version and status, the version's 支出预算, its
 * change against last year and its 错误/警告 counts, as Rust computed them when the version was
 * submitted. A submitted version is returned with a comment or accepted from here.
 */
import { h } from "../dom";
import { groupThousands } from "../format";
import type { DistrictRow } from "../generated/contract";

export interface DistrictViewProps {
  rows: DistrictRow[];
  busy: boolean;
  /** Returns the version with the comment the reviewer wrote. */
  onReturn(draft: string, version: string, comment: string): void;
  onAccept(draft: string, version: string): void;
  onOpen(draft: string): void;
  onBack(): void;
}

const money = (v: string | null | undefined) => (v ? groupThousands(v) : "—");

function actions(p: DistrictViewProps, r: DistrictRow): HTMLElement | null {
  if (r.status !== "已报送" || !r.version) return null;
  const version = r.version;
  const comment = h("input", { placeholder: "退回意见", "data-testid": "review-comment" });
  return h(
    "span",
    { class: "review-actions" },
    comment,
    h("button", { type: "button", "data-testid": "review-return", disabled: p.busy, onclick: () => { if (comment.value.trim()) p.onReturn(r.draft, version, comment.value.trim()); } }, "退回"),
    h("button", { type: "button", "data-testid": "review-accept", disabled: p.busy, onclick: () => p.onAccept(r.draft, version) }, "批准"),
  );
}

export function renderDistrictView(p: DistrictViewProps): HTMLElement {
  const submitted = p.rows.filter((r) => r.status === "已报送").length;
  return h(
    "div",
    { class: "district-view", "data-testid": "district-view" },
    h("header", { class: "doc-header" }, h("h1", { class: "doc-title" }, "全区审核"), h("div", { class: "doc-facts" }, `${p.rows.length}个部门的草稿，${submitted}个待审核`, " ", h("button", { type: "button", "data-testid": "back-to-docs", onclick: () => p.onBack() }, "返回"))),
    p.rows.length === 0
      ? h("p", { class: "muted" }, "预算库中还没有草稿。")
      : h(
          "table",
          { class: "budget-table district-table", "data-testid": "district-table" },
          h("thead", {}, h("tr", {}, ["部门", "年度", "版本", "状态", "支出预算（元）", "比上年增减（元）", "错误", "警告", ""].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            p.rows.map((r) =>
              h(
                "tr",
                { "data-testid": "district-row", "data-draft": r.draft },
                h("td", {}, h("button", { type: "button", class: "link", onclick: () => p.onOpen(r.draft) }, r.department)),
                h("td", {}, String(r.year)),
                h("td", {}, r.version ?? "—"),
                h("td", { "data-testid": "district-status" }, r.status),
                h("td", { class: "num" }, money(r.summary?.total_yuan)),
                h("td", { class: "num" }, money(r.change_yuan)),
                h("td", { class: "num" }, r.summary ? String(r.summary.errors) : "—"),
                h("td", { class: "num" }, r.summary ? String(r.summary.warnings) : "—"),
                h("td", {}, actions(p, r)),
              ),
            ),
          ),
        ),
  );
}
