/**
 * What the 编制 view keeps across its re-renders (one after each edit): the panels the user has
 * opened, whose texts the 文字部分 panel shows, the export's file, the grid of lines. It belongs
 * to the app's state and reaches the view modules through their props, so no view keeps state
 * of its own.
 */
import type { LinesGrid } from "./linesGrid";

export interface DraftScreen {
  /** The panels and boxes opened, by name (`actuals`, `carried:表名`, `form:项目`, `project:项目`). */
  opened: Set<string>;
  /** Whose texts the 文字部分 panel shows: the department's ("") or a unit's. */
  sectionsOf: string;
  /** The export's file as the user last typed or chose it. */
  exportTarget: { draft: string; file: string; reference: string };
  /** The grid of lines (kept across re-renders while the draft is the same). */
  grid: LazyLinesGrid;
}

/** The 编制 view's grid, its module (Tabulator) loaded the first time a draft is shown: the
 * library and the documents, where the app starts, do not carry it. */
export class LazyLinesGrid {
  private grid: LinesGrid | null = null;
  private loading: Promise<LinesGrid> | null = null;

  /** Runs `use` with the grid: now if its module is loaded, else once it is. */
  use(use: (grid: LinesGrid) => void): void {
    if (this.grid) {
      use(this.grid);
      return;
    }
    this.loading ??= import("./linesGrid").then((m) => (this.grid = new m.LinesGrid()));
    void this.loading.then(use);
  }
}

/** A screen with nothing opened yet. */
export function newDraftScreen(): DraftScreen {
  return { opened: new Set(), sectionsOf: "", exportTarget: { draft: "", file: "", reference: "" }, grid: new LazyLinesGrid() };
}

/** Keeps a `<details>` box's open state in the screen under `name`. */
export function remembered(screen: DraftScreen, name: string, box: HTMLElement): void {
  box.addEventListener("toggle", () => {
    if ((box as HTMLDetailsElement).open) screen.opened.add(name);
    else screen.opened.delete(name);
  });
}
