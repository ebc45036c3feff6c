/**
 * The comparison contract: what the Rust command compare_documents returns (yusuan-compare's
 * Comparison and ChartSeries). Amounts are decimal strings in 元; percents are decimal strings.
 */
import type { Finding } from "./drafting";

export interface AlignedLine {
  key: { table: string; side: string | null; code: string; label: string; column: string };
  row_label: string;
  table_title: string;
  amounts: (string | null)[];
  change: string;
  change_percent: string | null;
  share_percent: (string | null)[];
  flags: string[];
  mapped_from?: string;
  reason?: string;
}

export interface CompareView {
  comparison: { documents: { department: string; year: number; label: string }[]; lines: AlignedLine[]; findings: Finding[] };
  series: {
    by_function_class: { label: string; values: (string | null)[] }[];
    by_basic_project: { label: string; values: (string | null)[] }[];
    by_economic_class: { label: string; values: (string | null)[] }[];
    trend: { label: string; values: (string | null)[] }[];
  };
}

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
