/**
 * What the 编制 view keeps across its re-renders (one after each edit): the panels the user has
 * opened, whose texts the 文字部分 panel shows, the export's file. It belongs to the app's state
 * and reaches the view modules through their props, so no view keeps state of its own.
 */
export interface DraftScreen {
  /** The panels and boxes opened, by name (`actuals`, `carried:表名`, `form:项目`, `project:项目`). */
  opened: Set<string>;
  /** Whose texts the 文字部分 panel shows: the department's ("") or a unit's. */
  sectionsOf: string;
  /** The export's file as the user last typed or chose it. */
  exportTarget: { draft: string; file: string; reference: string };
}

/** A screen with nothing opened yet. */
export function newDraftScreen(): DraftScreen {
  return { opened: new Set(), sectionsOf: "", exportTarget: { draft: "", file: "", reference: "" } };
}

/** Keeps a `<details>` box's open state in the screen under `name`. */
export function remembered(screen: DraftScreen, name: string, box: HTMLElement): void {
  box.addEventListener("toggle", () => {
    if ((box as HTMLDetailsElement).open) screen.opened.add(name);
    else screen.opened.delete(name);
  });
}
