/**
 * A tiny DOM builder used by every view: `h("td", { class: "num" }, "1,234")`.
 * Text children are inserted as text nodes, so document content can never be
 * interpreted as HTML.
 */

export type Child = Node | string | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | undefined | EventListener>;

/** Creates an element with attributes, `on*` event listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child === null || child === undefined || child === false) continue;
    else parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** A muted placeholder paragraph for empty lists and panes. */
export function emptyState(text: string): HTMLElement {
  return h("p", { class: "empty", "data-testid": "empty" }, text);
}

/** Splits a text into paragraphs at line breaks, dropping blank lines. */
export function paragraphs(text: string, attrs: Attrs = {}): HTMLElement[] {
  return text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => h("p", attrs, t));
}
