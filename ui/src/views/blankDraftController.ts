/**
 * 新建空白草稿's controller: the shipped formats listed, and a blank draft of one made for the
 * department typed, then shown in the 编制 view (by the draft controller's `begin`).
 */
import type { BlankDrafting } from "../appState";
import type { Context } from "../context";
import { renderBlankDraftView } from "./blankDraftView";
import type { DraftController } from "./draftController";

export interface BlankDraftController {
  /** The 新建空白草稿 view of `m`. */
  render(m: BlankDrafting): HTMLElement;
  /** Opens 新建空白草稿 with the shipped formats. */
  open(): Promise<void>;
  /** Starts a blank draft of a format for a department. */
  create(template: string, department: string, region: string | null, year: number | null): Promise<void>;
}

export function blankDraftController(ctx: Context, drafts: Pick<DraftController, "begin">): BlankDraftController {
  const { backend, state } = ctx;

  const create = (template: string, department: string, region: string | null, year: number | null) =>
    drafts.begin("无法新建草稿", () => backend.startBlankDraft(template, department, region, year), "shown");

  return {
    render: (m) => renderBlankDraftView({
      templates: m.templates, busy: state.busy, year: new Date().getFullYear() + 1,
      onCreate: (template, department, region, year) => void create(template, department, region, year),
      onBack: () => ctx.show(m.under),
    }),
    open: () => ctx.busyCall("无法读取格式模板", async () => {
      state.main = { view: "blank", templates: await backend.listDraftTemplates(), under: { view: "library" } };
    }, { busy: false, whole: true }),
    create,
  };
}
