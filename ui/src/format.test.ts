/**
 * Unit tests for format.ts: thousands separators on exact decimal strings,
 * format labels, locations and error messages.
 */
import { describe, expect, it } from "vitest";
import {
  docKindText,
  errorMessage,
  formatAmount,
  formatLabel,
  groupThousands,
  locationText,
} from "./format";

describe("groupThousands", () => {
  it.each([
    ["68643213", "68,643,213"],
    ["62.10", "62.10"],
    ["-1234.5", "-1,234.5"],
    ["0", "0"],
    ["0.00", "0.00"],
    ["999", "999"],
    ["1000", "1,000"],
    ["-100", "-100"],
    ["100000", "100,000"],
    ["1234567.891234", "1,234,567.891234"],
    ["+5000", "5,000"],
  ])("%s → %s", (input, expected) => {
    expect(groupThousands(input)).toBe(expected);
  });

  it("keeps numbers beyond JS precision exact", () => {
    expect(groupThousands("12345678901234567890.12")).toBe("12,345,678,901,234,567,890.12");
    expect(groupThousands("-90071992547409931")).toBe("-90,071,992,547,409,931");
  });

  it("leaves what is not a plain decimal unchanged", () => {
    for (const s of ["68,643,213", "-", "", "abc", "1.2.3", "1e5"]) expect(groupThousands(s)).toBe(s);
  });

  it("formats an amount with its unit", () => {
    expect(formatAmount({ value: "6864.32", unit: "万元" })).toBe("6,864.32 万元");
    expect(formatAmount(undefined)).toBe("");
  });
});

describe("labels", () => {
  it("maps regional formats to Chinese", () => {
    expect(formatLabel("shanghai11")).toBe("上海11张表");
    expect(formatLabel("shanghai9")).toBe("上海9张表");
    expect(formatLabel("hubei15")).toBe("湖北15张表");
    expect(formatLabel("jiangsu12")).toBe("江苏12张表");
    expect(formatLabel("performance_forms")).toBe("项目绩效目标表");
    expect(formatLabel("project_descriptions")).toBe("项目经费情况说明");
    expect(formatLabel({ other: "区级格式" })).toBe("区级格式");
  });

  it("writes locations like the Rust side", () => {
    expect(locationText({ page: 3, line: 12 })).toBe("第3页 第12行");
    expect(locationText({ line: 12 })).toBe("第12行");
    expect(locationText({})).toBe("");
  });

  it("writes the kind of a document", () => {
    expect(docKindText(2026, "部门", "预算")).toBe("2026年 部门预算");
  });

  it("reads error messages from errors and strings", () => {
    expect(errorMessage(new Error("坏了"))).toBe("坏了");
    expect(errorMessage("文档不存在")).toBe("文档不存在");
    expect(errorMessage({ code: 1 })).toBe('{"code":1}');
  });
});
