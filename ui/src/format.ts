/**
 * Pure text formatting for the UI: thousands separators on decimal strings
 * (done by string manipulation so money never loses precision), format labels,
 * locations and error messages. Codes and total rows are drawn as Rust says (`RowLook`).
 */
import type { Amount, Loc, RegionalFormat } from "./model";

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
