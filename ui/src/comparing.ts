/**
 * The comparison as the UI filters it. The shapes (yusuan-compare's Comparison and
 * ChartSeries, as compare_documents returns them) are the generated ones; amounts and percents
 * are decimal strings.
 */

export type { AlignedLine, CompareView } from "./generated/contract";
import type { AlignedLine } from "./generated/contract";

/** 新增, 取消, 变动较大 … as the users read them (the Rust Flag names). */
export const FLAG_LABELS: Record<string, string> = {
  new: "新增",
  removed: "取消",
  beyond_threshold: "变动较大",
  renamed: "科目名称变化",
  mapped: "科目代码调整",
  basic_project_shift: "基本/项目调整",
  three_public: "三公经费变动",
};

/** Which lines a filter keeps. */
export type CompareFilter = "changed" | "all" | "beyond" | "new_removed" | "three_public";

export function keep(line: AlignedLine, filter: CompareFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "changed":
      return line.change !== "0" && !/^-?0(\.0+)?$/.test(line.change);
    case "beyond":
      return line.flags.includes("beyond_threshold");
    case "new_removed":
      return line.flags.includes("new") || line.flags.includes("removed");
    case "three_public":
      return line.flags.includes("three_public") || line.key.table === "three_public";
  }
}
