/**
 * The one interface through which the frontend reaches its data. The real app
 * uses the Tauri implementation (tauriBackend.ts); tests inject an in-memory
 * one (mockBackend.ts). Nothing else in the UI may call Tauri directly.
 */
import type { DraftingBackend } from "./drafting";
import type { DocumentView } from "./model";

export type { Document } from "./model";

/** A document library (我的预算库 / 示例库) and one line of its document list: generated types. */
export type { DocumentSummary, LibraryInfo as Library } from "./generated/contract";
import type { DocumentSummary, LibraryInfo as Library } from "./generated/contract";

export interface Backend extends DraftingBackend {
  /** invoke("list_libraries") */
  listLibraries(): Promise<Library[]>;
  /** invoke("list_documents", { library }) */
  listDocuments(library: string): Promise<DocumentSummary[]>;
  /** invoke("get_document", { library, id }) */
  getDocument(library: string, id: number): Promise<DocumentView>;
}
