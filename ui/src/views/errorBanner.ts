/**
 * The visible error banner shown above the panes when a backend call fails,
 * with a button to dismiss it.
 */
import { h } from "../dom";

export function renderErrorBanner(message: string | null, onClose: () => void): HTMLElement | null {
  if (message === null) return null;
  return h(
    "div",
    { class: "error-banner", role: "alert", "data-testid": "error" },
    h("span", { class: "error-text" }, message),
    h("button", { type: "button", class: "error-close", "aria-label": "关闭", onclick: onClose }, "关闭"),
  );
}
