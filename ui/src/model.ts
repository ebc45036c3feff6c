/**
 * TypeScript mirror of the Rust domain model (`yusuan-domain`) as it arrives
 * over Tauri IPC as JSON. Money is always a decimal string (rust_decimal with
 * serde-with-str): never turn it into a JS number except to draw a chart.
 */

/** Where something was printed: 1-based page and line, when known. */
export interface Loc {
  page?: number;
  line?: number;
}

export type MoneyUnit = "元" | "万元";

/** An exact amount with its unit; `value` is a decimal string such as "62.10". */
export interface Amount {
  value: string;
  unit: MoneyUnit;
}

/** serde enum `RegionalFormat`: a snake_case name, or `{ other: "..." }`. */
export type RegionalFormat =
  | "shanghai11"
  | "shanghai9"
  | "hubei15"
  | "performance_forms"
  | "project_descriptions"
  | { other: string };

export interface DocumentMeta {
  title: string;
  department: string;
  year: number;
  kind: "预算" | "决算";
  scope: "部门" | "单位";
  format: RegionalFormat | string;
  region?: string;
  published?: string;
}

export interface BudgetUnit {
  name: string;
  code?: string;
  kind: "行政单位" | "参公事业单位" | "事业单位" | "其他";
}

export interface ContentsEntry {
  number?: string;
  title: string;
  level: number;
}

export interface Paragraph {
  text: string;
  location: Loc;
}

export interface Section {
  kind: string;
  title: string;
  paragraphs: Paragraph[];
  location: Loc;
}

export interface Column {
  path: string[];
}

export type Cell =
  | { t: "blank" }
  | { t: "amount"; value: string; printed: string }
  | { t: "text"; text: string };

export type RowCode = {
  t: "function" | "economic" | "unit" | "project";
  code: string;
};

export type LedgerSide = "income" | "expenditure";

export interface Row {
  code?: RowCode;
  label: string;
  side?: LedgerSide;
  cells: Cell[];
  location: Loc;
}

export interface Table {
  title: string;
  number?: string;
  kind: string;
  unit: MoneyUnit;
  compiled_by?: string;
  columns: Column[];
  rows: Row[];
  note?: string;
  location: Loc;
}

export interface ItemisedAmount {
  label: string;
  amount: Amount;
  unit_price?: Amount;
  quantity?: string;
  printed: string;
  location: Loc;
}

export interface ProjectPart {
  kind: string;
  heading: string;
  text: string;
  items?: ItemisedAmount[];
  location: Loc;
}

export interface ProjectDescription {
  name: string;
  total?: Amount;
  parts: ProjectPart[];
  location: Loc;
}

export interface Funds {
  total?: Amount;
  fiscal?: Amount;
  other?: Amount;
  carried_over?: Amount;
}

export interface Indicator {
  level1: string;
  level2: string;
  name: string;
  value: unknown;
  printed: string;
  location: Loc;
}

export interface PerformanceForm {
  project: string;
  department?: string;
  implementer?: string;
  period?: string;
  funds: Funds;
  annual_goal?: string;
  indicators: Indicator[];
  location: Loc;
}

export interface Unrecognised {
  text: string;
  location: Loc;
}

/** A whole disclosure document, as `get_document` returns it. */
export interface Document {
  meta: DocumentMeta;
  units: BudgetUnit[];
  contents: ContentsEntry[];
  sections: Section[];
  tables: Table[];
  projects: ProjectDescription[];
  performance_forms: PerformanceForm[];
  unrecognised: Unrecognised[];
}
