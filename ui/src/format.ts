/**
 * Pure text formatting for the UI: thousands separators on decimal strings
 * (done by string manipulation so money never loses precision), classification
 * code display ("201 39 01"), format labels, locations and error messages.
 */
import type { Amount, Loc, RegionalFormat, Row, RowCode } from "./model";

const DECIMAL = /^([+-]?)(\d+)(\.\d+)?$/;

/**
 * Adds thousands separators to a decimal string: "68643213" → "68,643,213",
 * "-1234.5" → "-1,234.5", "62.10" stays "62.10". Anything that is not a plain
 * decimal number (already grouped, words, "-") is returned unchanged.
 */
export function groupThousands(value: string): string {
  const text = value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return value;
  const [, sign, int, frac = ""] = m;
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign === "+" ? "" : sign}${grouped}${frac}`;
}

/** An amount with its unit: "1,234.50 万元". */
export function formatAmount(amount: Amount | undefined): string {
  if (!amount) return "";
  return `${groupThousands(amount.value)} ${amount.unit}`;
}

/**
 * Splits canonical classification digits into their levels:
 * 支出功能分类 "2013901" → "201 39 01" (3/5/7 digits), 经济分类 "30217" → "302 17".
 * Codes of any other length are returned unchanged.
 */
export function splitCode(code: string): string {
  if (!/^\d+$/.test(code)) return code;
  switch (code.length) {
    case 5:
      return `${code.slice(0, 3)} ${code.slice(3)}`;
    case 7:
      return `${code.slice(0, 3)} ${code.slice(3, 5)} ${code.slice(5)}`;
    default:
      return code;
  }
}

/** The code as shown in the 科目编码 column. */
export function formatRowCode(code: RowCode | undefined): string {
  if (!code) return "";
  return code.t === "function" || code.t === "economic" ? splitCode(code.code) : code.code;
}

export type CodeLevel = "类" | "款" | "项";

/** 类 / 款 / 项 of a function or economic code; undefined for other rows. */
export function codeLevel(code: RowCode | undefined): CodeLevel | undefined {
  if (!code || (code.t !== "function" && code.t !== "economic")) return undefined;
  switch (code.code.length) {
    case 3:
      return "类";
    case 5:
      return "款";
    case 7:
      return "项";
    default:
      return undefined;
  }
}

/** Whether a row is a total (label ending 合计 / 总计, or 小计). */
export function isTotalRow(row: Pick<Row, "label">): boolean {
  const label = row.label.replace(/\s+/g, "");
  return label.endsWith("合计") || label.endsWith("总计") || label === "小计";
}

const FORMAT_LABELS: Record<string, string> = {
  shanghai11: "上海11张表",
  shanghai9: "上海9张表",
  hubei15: "湖北15张表",
  jiangsu12: "江苏12张表",
  performance_forms: "项目绩效目标表",
  project_descriptions: "项目经费情况说明",
};

/** The Chinese label of a document's regional format. */
export function formatLabel(format: RegionalFormat | string): string {
  if (typeof format === "string") return FORMAT_LABELS[format] ?? format;
  return format.other;
}

/** "第3页 第12行", "第12行", or "" when nothing is known. */
export function locationText(loc: Loc | undefined): string {
  if (!loc) return "";
  const parts: string[] = [];
  if (loc.page !== undefined) parts.push(`第${loc.page}页`);
  if (loc.line !== undefined) parts.push(`第${loc.line}行`);
  return parts.join(" ");
}

/** "2026年 部门预算". */
export function docKindText(year: number, scope: string, kind: string): string {
  return `${year}年 ${scope}${kind}`;
}

/** A readable message from whatever a rejected promise carried (Tauri rejects with strings). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
