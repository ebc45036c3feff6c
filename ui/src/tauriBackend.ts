/**
 * The Backend implementation used inside the Tauri desktop app: each method is
 * one `invoke` of a Rust command (list_libraries, list_documents, get_document)
 * with exactly the argument names the Rust side declares.
 */
import { invoke, isTauri } from "@tauri-apps/api/core";
import type { Backend, DocumentSummary, Library } from "./backend";
import type { Document } from "./model";

/** Calls a Rust command, with a clear message when not running inside the desktop app. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!isTauri()) throw new Error("未在预算桌面程序中运行，无法读取数据。");
  return invoke<T>(command, args);
}

export class TauriBackend implements Backend {
  listLibraries(): Promise<Library[]> {
    return call<Library[]>("list_libraries");
  }

  listDocuments(library: string): Promise<DocumentSummary[]> {
    return call<DocumentSummary[]>("list_documents", { library });
  }

  getDocument(library: string, id: number): Promise<Document> {
    return call<Document>("get_document", { library, id });
  }
}
