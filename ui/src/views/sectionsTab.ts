/**
 * The 文字说明 tab: the document's narrative sections (部门主要职能, 编制说明,
 * 名词解释 …) as headings and paragraphs, followed by any text the importer
 * did not recognise so nothing printed is hidden from the reader.
 */
import { emptyState, h } from "../dom";
import { locationText } from "../format";
import type { Document } from "../model";

export function renderSectionsTab(doc: Document): HTMLElement {
  const { sections, unrecognised } = doc;
  if (sections.length === 0 && unrecognised.length === 0) return emptyState("本文档没有文字说明。");
  return h(
    "div",
    { class: "prose", "data-testid": "sections" },
    sections.map((s) =>
      h(
        "section",
        { class: "doc-section", "data-testid": "section" },
        h("h3", { title: locationText(s.location) || undefined }, s.title),
        s.paragraphs.map((p) => h("p", { title: locationText(p.location) || undefined }, p.text)),
      ),
    ),
    unrecognised.length > 0
      ? h(
          "details",
          { class: "unrecognised" },
          h("summary", {}, `未识别的文字（${unrecognised.length}段）`),
          unrecognised.map((u) => h("p", { title: locationText(u.location) || undefined }, u.text)),
        )
      : null,
  );
}
