/**
 * The domain model as it arrives over Tauri IPC, under the names the views use: every type is
 * the one generated from the Rust types (`generated/contract.ts`, checked by
 * crates/yusuan-api/tests/ts_contract.rs), so the UI cannot drift from what Rust sends. Money is
 * always a decimal string (rust_decimal with serde-with-str): never turned into a JS number
 * except to draw a chart.
 */
export type {
  Amount,
  BudgetUnit,
  Cell,
  Column,
  ContentsEntry,
  Document,
  DocumentMeta,
  DocumentView,
  Funds,
  Indicator,
  IndicatorValue,
  ItemisedAmount,
  LedgerSide,
  Paragraph,
  PerformanceForm,
  ProjectDescription,
  ProjectPart,
  RegionalFormat,
  Row,
  RowCode,
  RowLook,
  Section,
  Table,
  Unit as MoneyUnit,
  Unrecognised,
} from "./generated/contract";
export type { Location as Loc } from "./generated/contract";
