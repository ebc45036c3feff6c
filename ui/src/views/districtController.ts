/**
 * 全区审核's controller: the district's page read when it opens (over the view shown), a
 * submitted version returned or accepted (Rust answers with the page again), a department's draft
 * opened from its row.
 */
import type { Reviewing } from "../appState";
import type { Context } from "../context";
import { renderDistrictView } from "./districtView";

export interface DistrictController {
  render(m: Reviewing): HTMLElement;
  /** Opens 全区审核 over the view shown. */
  open(): Promise<void>;
}

/** `openDraft` opens a department's draft in the 编制 view. */
export function districtController(ctx: Context, openDraft: (draft: string) => Promise<void>): DistrictController {
  const { backend, state } = ctx;

  const decide = (draft: string, version: string, accept: boolean, comment: string) =>
    void ctx.busyCall(accept ? "未能批准" : "未能退回", async () => {
      const rows = await backend.reviewVersion(draft, version, accept, comment);
      if (state.main.view === "district") state.main.rows = rows;
    });

  return {
    render: (m) => renderDistrictView({
      rows: m.rows, busy: state.busy,
      onReturn: (draft, version, comment) => decide(draft, version, false, comment),
      onAccept: (draft, version) => decide(draft, version, true, ""),
      onOpen: (draft) => void openDraft(draft),
      onBack: () => ctx.show(m.under),
    }),
    open: () => ctx.busyCall("无法打开全区审核", async () => {
      const rows = await backend.districtView();
      const under = state.main.view === "district" ? state.main.under : state.main;
      state.main = { view: "district", rows, under };
    }, { busy: false }),
  };
}
