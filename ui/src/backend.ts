/**
 * The one interface through which the frontend reaches its data. The real app
 * uses the Tauri implementation (tauriBackend.ts); tests inject an in-memory
 * one (mockBackend.ts). Nothing else in the UI may call Tauri directly.
 */
import type { DraftingBackend } from "./drafting";
import type { Document } from "./model";

export type { Document } from "./model";

/** A document library: the user's own, or the bundled examples. */
export interface Library {
  id: "user" | "examples";
  name: string;
  path: string;
  documents: number;
}

/** One line of a library's document list. */
export interface DocumentSummary {
  id: number;
  title: string;
  department: string;
  year: number;
  /** 预算 | 决算 */
  kind: string;
  /** 部门 | 单位 */
  scope: string;
  /** Already a Chinese label, e.g. 上海11张表. */
  format: string;
  source_name: string;
  imported_at: string;
  tables: number;
  amounts: number;
}

export interface Backend extends DraftingBackend {
  /** invoke("list_libraries") */
  listLibraries(): Promise<Library[]>;
  /** invoke("list_documents", { library }) */
  listDocuments(library: string): Promise<DocumentSummary[]>;
  /** invoke("get_document", { library, id }) */
  getDocument(library: string, id: number): Promise<Document>;
}
