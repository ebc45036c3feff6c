/**
 * A windowed list: a scrolling box that keeps in the page only the rows in view (and a few
 * either side), each row at its offset in a spacer as tall as the whole list. For the
 * document list of a city's library (10,000 documents: 12,000 rows would be 40,000 elements
 * rebuilt on every render). Rows have fixed heights by kind, set in CSS to the same figures.
 */
import { h } from "../dom";

export interface VirtualRow {
  /** Height in px; the row's CSS must give it exactly this height. */
  height: number;
  render(): HTMLElement;
}

export interface VirtualListOptions {
  class: string;
  testid: string;
  /** Where the list was scrolled to (kept by the caller across re-renders). */
  scrollTop: number;
  onScroll(top: number): void;
}

/** Rows rendered beyond the view on either side, so a fast scroll shows no gap. */
const OVERSCAN_PX = 400;
/** The view's height before the box is laid out (jsdom, or before the first frame). */
const FALLBACK_VIEW_PX = 900;

/** The index of the first row whose bottom is below `y` (offsets ascending, one per row plus the end); the row count past the end. */
export function firstRowBelow(offsets: number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function virtualList(rows: VirtualRow[], o: VirtualListOptions): HTMLElement {
  const offsets = [0];
  for (const r of rows) offsets.push(offsets[offsets.length - 1] + r.height);
  const total = offsets[offsets.length - 1];
  const spacer = h("div", { class: "vlist-spacer" });
  // CSSOM, not a style attribute: the window's CSP allows no inline styles.
  spacer.style.height = `${total}px`;
  const box = h("div", { class: `${o.class} vlist`, "data-testid": o.testid, role: "list" }, spacer);
  let shown: [number, number] = [-1, -1];
  const paint = (top: number) => {
    const view = box.clientHeight || FALLBACK_VIEW_PX;
    const from = firstRowBelow(offsets, Math.max(0, top - OVERSCAN_PX));
    const to = Math.min(rows.length, firstRowBelow(offsets, top + view + OVERSCAN_PX) + 1);
    if (from === shown[0] && to === shown[1]) return;
    shown = [from, to];
    const els: HTMLElement[] = [];
    for (let i = from; i < to; i++) {
      const el = rows[i].render();
      el.classList.add("vlist-row");
      el.setAttribute("role", "listitem");
      el.style.top = `${offsets[i]}px`;
      el.style.height = `${rows[i].height}px`;
      els.push(el);
    }
    spacer.replaceChildren(...els);
  };
  let queued = false;
  box.addEventListener("scroll", () => {
    o.onScroll(box.scrollTop);
    if (queued) return;
    queued = true;
    const run = () => { queued = false; paint(box.scrollTop); };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(run);
    else run();
  });
  paint(o.scrollTop);
  // Put back where the user was once the box is in the page (a scroll event then repaints).
  queueMicrotask(() => { if (box.isConnected && o.scrollTop > 0) box.scrollTop = o.scrollTop; });
  return box;
}
