// The part of PouchDB's API the team library uses (pouchdb-node ships no types).
declare module 'pouchdb-node' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    _revisions?: { start: number; ids: string[] };
    [key: string]: unknown;
  }
  export interface PouchError extends Error {
    status?: number;
    name: string;
    error?: string | boolean;
    reason?: string;
    code?: string;
  }
  export interface ChangeRow {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: PouchDoc;
    changes: { rev: string }[];
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: PouchError[];
    last_seq?: number | string;
    pending?: number;
  }
  export interface Replication extends PromiseLike<ReplicationResult> {
    on(event: string, listener: (info: never) => void): this;
    cancel(): void;
    /** On a two-way sync: its two one-way replications. */
    pull?: Replication;
    push?: Replication;
  }
  export interface ChangesFeed extends PromiseLike<{ results: ChangeRow[]; last_seq: number | string }> {
    on(event: string, listener: (info: never) => void): this;
    cancel(): void;
  }
  export interface ReplicateOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    back_off_function?: (delay: number) => number;
    checkpoint?: 'source' | 'target' | boolean;
  }
  export default class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
    get(id: string, options?: Record<string, unknown>): Promise<PouchDoc>;
    put(doc: PouchDoc, options?: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<({ ok: true; id: string; rev: string } | { error: string | boolean; id: string; reason?: string; status?: number })[]>;
    allDocs(options?: Record<string, unknown>): Promise<{ rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }[] }>;
    changes(options?: Record<string, unknown>): ChangesFeed;
    compact(): Promise<unknown>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    sync(remote: PouchDB | string, options?: ReplicateOptions): Replication;
    replicate: {
      from(remote: PouchDB | string, options?: ReplicateOptions): Replication;
      to(remote: PouchDB | string, options?: ReplicateOptions): Replication;
    };
  }
}
