/**
 * The 项目经费情况说明 tab: each project with its stated total and its parts
 * (项目概述, 立项依据, 实施主体, 实施方案, 实施周期, 年度预算安排, 绩效目标),
 * including the amounts the text itemises.
 */
import { emptyState, h, paragraphs } from "../dom";
import { formatAmount, groupThousands, locationText } from "../format";
import type { ItemisedAmount, ProjectDescription, ProjectPart } from "../model";

function renderItems(items: ItemisedAmount[]): HTMLElement {
  return h(
    "table",
    { class: "items-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "明细"), h("th", {}, "单价"), h("th", {}, "数量"), h("th", {}, "金额"))),
    h(
      "tbody",
      {},
      items.map((it) =>
        h(
          "tr",
          { title: locationText(it.location) || undefined },
          h("td", {}, it.label),
          h("td", { class: "num" }, formatAmount(it.unit_price)),
          h("td", { class: "num" }, it.quantity ? groupThousands(it.quantity) : ""),
          h("td", { class: "num" }, formatAmount(it.amount)),
        ),
      ),
    ),
  );
}

function renderPart(part: ProjectPart): HTMLElement {
  return h(
    "section",
    { class: "project-part" },
    h("h4", { title: locationText(part.location) || undefined }, part.heading),
    paragraphs(part.text),
    part.items && part.items.length > 0 ? renderItems(part.items) : null,
  );
}

function renderProject(project: ProjectDescription): HTMLElement {
  return h(
    "article",
    { class: "project", "data-testid": "project" },
    h("h3", { title: locationText(project.location) || undefined }, project.name),
    project.total ? h("p", { class: "project-total" }, "项目资金：", h("span", { class: "num" }, formatAmount(project.total))) : null,
    project.parts.map(renderPart),
  );
}

export function renderProjectsTab(projects: ProjectDescription[]): HTMLElement {
  if (projects.length === 0) return emptyState("本文档没有项目经费情况说明。");
  return h("div", { class: "prose" }, projects.map(renderProject));
}
