/**
 * An in-memory Backend for tests and for `npm run dev` in a plain browser.
 * Holds libraries and their documents; can be told to fail a call so the
 * error banner can be exercised. Summaries are derived from the documents.
 */
import type { Backend, DocumentSummary, Library } from "./backend";
import { formatLabel } from "./format";
import type { Document } from "./model";

export interface MockLibrary {
  id: Library["id"];
  name: string;
  path: string;
  documents: Document[];
}

/** Which call should reject, and with what message. */
export type MockFailure = Partial<Record<keyof Backend, string>>;

export class MockBackend implements Backend {
  failures: MockFailure = {};
  /** Every call made, as "method:arg,arg", for assertions. */
  readonly calls: string[] = [];

  constructor(private readonly libraries: MockLibrary[]) {}

  async listLibraries(): Promise<Library[]> {
    this.record("listLibraries", []);
    return this.libraries.map((l) => ({ id: l.id, name: l.name, path: l.path, documents: l.documents.length }));
  }

  async listDocuments(library: string): Promise<DocumentSummary[]> {
    this.record("listDocuments", [library]);
    return this.find(library).documents.map((d, i) => summarise(d, i + 1));
  }

  async getDocument(library: string, id: number): Promise<Document> {
    this.record("getDocument", [library, id]);
    const doc = this.find(library).documents[id - 1];
    if (!doc) throw new Error(`文档不存在：${id}`);
    return doc;
  }

  private record(method: keyof Backend, args: unknown[]): void {
    this.calls.push(`${method}:${args.join(",")}`);
    const failure = this.failures[method];
    if (failure !== undefined) throw new Error(failure);
  }

  private find(library: string): MockLibrary {
    const lib = this.libraries.find((l) => l.id === library);
    if (!lib) throw new Error(`文档库不存在：${library}`);
    return lib;
  }
}

/** The summary line the Rust store would give for a document (ids are 1-based). */
export function summarise(doc: Document, id: number): DocumentSummary {
  const amounts = doc.tables.reduce(
    (n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c.t === "amount").length, 0),
    0,
  );
  return {
    id,
    title: doc.meta.title,
    department: doc.meta.department,
    year: doc.meta.year,
    kind: doc.meta.kind,
    scope: doc.meta.scope,
    format: formatLabel(doc.meta.format),
    source_name: `${doc.meta.department}${doc.meta.year}年${doc.meta.kind}.pdf`,
    imported_at: "2026-02-01T09:00:00Z",
    tables: doc.tables.length,
    amounts,
  };
}
