import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, promises as fs, statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type PouchDB from 'pouchdb-node';
import type { PouchDoc, PouchError, Replication } from 'pouchdb-node';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { HistoryLabel } from '../../../../shared/messages';
import type { StoryOrigin, SyncConflict, SyncReasonCode, SyncState, SyncStatus } from '../../../../shared/contract/sync';
import type { LibraryStore, StoreChange } from '../../store/library-store';
import type { CredentialKey, CredentialStore } from './credential-store';
import type { MetaDoc, StoryContent } from '../../store/meta';
import {
  allRecordIds,
  applyRecord,
  changedRecordIds,
  CONFLICT_KINDS,
  docId,
  parseDocId,
  recordOf,
  sameState,
  stateOfDoc,
  storyContent,
  validateDoc,
  versionContent,
  type ApplyBatch,
  type DismissedContent,
  type ProposalContent,
  type RecordState,
  type SyncDoc,
  type TrashContent,
} from './docs';

// The team library's engine (docs/TEAM-LIBRARY.md). Outgoing: every store commit's changed
// records are mirrored into a local PouchDB replica in `<library>/sync/replica` (queued, so a
// store write never waits for it). Incoming: the replica's changes feed, read in batches from
// a checkpoint, is validated and applied to the store as ordinary commits without a history
// label (not on the undo stack). Replication with the desk's CouchDB runs between the replica
// and the remote, so the store never talks to the network.

const SYNC_DIR = 'sync';
const REPLICA_DIR = 'replica';
const REMOTE_FILE = 'remote.json';
/** Revisions of one document the replica keeps (CouchDB keeps 1000): conflicts need only the recent ones. */
const REVS_LIMIT = 100;
/** Documents per replication batch and per batch applied to the store. */
const BATCH = 200;
const APPLIED = '_local/kroniek-applied';
const CONFLICTS = '_local/kroniek-conflicts';
const MIRRORED = '_local/kroniek-mirrored';
const IDENTITY = '_local/kroniek-identity';
const WAITING = '_local/kroniek-waiting';
/**
 * The outgoing journal: one JSON line per local commit (the records and stories it changed,
 * and the revision each record was edited on), appended synchronously in the commit's change
 * event and emptied once all of it is in the replica. Replayed at open, so an edit made while
 * the replica was closed (the CLI), or before a quit or a crash, still goes out.
 */
const JOURNAL_FILE = 'outgoing.jsonl';

interface JournalLine {
  r?: string[];
  s?: string[];
  /** Record id → the revision the store held when it was edited (the edit's base). */
  b?: Record<string, string>;
}

interface RemoteConfig {
  url: string;
  user: string;
}

export interface SyncCredentials {
  user?: string;
  password: string | null;
}

/**
 * The password for the desk database: `KRONIEK_SYNC_PASSWORD`, or the file named by
 * `KRONIEK_SYNC_PASSWORD_FILE`, which must be readable by its owner only (0600).
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): SyncCredentials {
  const user = env.KRONIEK_SYNC_USER || undefined;
  if (env.KRONIEK_SYNC_PASSWORD) return { user, password: env.KRONIEK_SYNC_PASSWORD };
  const file = env.KRONIEK_SYNC_PASSWORD_FILE;
  if (file) {
    const mode = statSync(file).mode;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new ServiceError('forbidden', 'The password file may be readable by its owner only (chmod 600).', { code: 'sync.refused', why: 'no-password' });
    }
    return { user, password: readFileSync(file, 'utf8').replace(/\r?\n$/, '') };
  }
  return { user, password: null };
}

/** The desk database's URL without credentials; https, or http only to this computer. */
export function checkRemoteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused('insecure-url', 'The desk database must be an https:// address.');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw refused('insecure-url', 'The desk database must be an https:// address (plain http only to this computer).');
  }
  if (url.username || url.password || url.search || url.hash) throw refused('insecure-url', 'Give the user separately; the address holds no credentials or query.');
  return url.toString().replace(/\/$/, '');
}

function refused(why: SyncReasonCode, message: string): ServiceError {
  const code = why === 'unauthorized' || why === 'forbidden' ? 'forbidden' : why === 'not-connected' || why === 'no-conflict' ? 'not-found' : 'invalid-input';
  return new ServiceError(code, message, { code: 'sync.refused', why });
}

function reasonOf(error: PouchError | undefined): SyncReasonCode {
  if (!error) return 'unreachable';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 403) return 'forbidden';
  if (!error.status || error.status >= 502 || error.name === 'FetchError' || error.code === 'ECONNREFUSED') return 'unreachable';
  return 'server-error';
}

/**
 * PouchDB, loaded when a library first opens its replica or reaches a server, not with the
 * app: with its LevelDB and HTTP adapters it took ~135 ms and ~16 MB resident (6 MB of heap)
 * at every start, the most of any module, for the libraries that never join a desk.
 */
let pouchDB: Promise<typeof PouchDB> | null = null;
const loadPouchDB = (): Promise<typeof PouchDB> =>
  (pouchDB ??= import('pouchdb-node').then(
    (module) => module.default,
    (error: unknown) => {
      pouchDB = null;
      throw error;
    },
  ));

export class TeamSync {
  private replicaDb: PouchDB | null = null;
  private config: RemoteConfig | null = null;
  private password: string | null = null;
  /** The password given in the Share dialog: held in this process's memory for the session only, never written. */
  private sessionPassword: string | null = null;
  /** The account last connected: edits made while disconnected are still the editor's (kept with the replica's identity). */
  private lastAuthor: string | null = null;
  private replication: Replication | null = null;
  private feed: { cancel(): void } | null = null;
  private origin = '';
  private state: SyncState = 'off';
  private reason: SyncReasonCode | null = null;
  private progress: SyncStatus['progress'] = null;
  private lastSyncedAt: string | null = null;
  private pushRefused = false;
  private unpushed = new Set<string>();
  private refusedCount = 0;
  private refusedRecent: { id: string; reason: string }[] = [];
  private conflictIds = new Set<string>();
  private lastIncoming: SyncStatus['lastIncoming'] = null;
  /** Records changed by local commits, not yet in the replica. */
  private pendingRecords = new Set<string>();
  private pendingStories = new Set<string>();
  /** Documents that could not apply yet (their story or tag has not arrived). */
  private waiting = new Set<string>();
  /** The revision whose state the store holds, per document: a local edit is written on top of it. */
  private baseRev = new Map<string, string>();
  /** Metadata documents this engine committed (incoming): not mirrored back out. */
  private ownCommits = new WeakSet<MetaDoc>();
  private work: Promise<unknown> = Promise.resolve();
  private flushScheduled = false;
  private pullScheduled = false;
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  /** The journal holds lines not yet written to the replica. */
  private journalDirty = false;
  /** Back-off of live sync while the server is away: the first wait, doubled up to the most (tests shorten it). */
  retry = { firstMs: 1_000, maxMs: 60_000 };
  private waitingSaved = '';

  /** The password was read from the credential store (remembered on this computer). */
  private remembered = false;

  constructor(
    private readonly store: LibraryStore,
    private readonly credentials: () => SyncCredentials = credentialsFromEnv,
    /** Where "Remember password on this computer" keeps it (the app: safeStorage; the host: a 0600 file); none: not offered. */
    private readonly credentialStore: CredentialStore | null = null,
  ) {}

  private credentialKey(): CredentialKey | null {
    return this.config && this.origin ? { library: this.origin, url: this.config.url, user: this.config.user } : null;
  }

  private get dir(): string {
    return path.join(this.store.dataDir, SYNC_DIR);
  }

  /** Opens the replica and resumes live sync when this library was connected before. */
  async start(options: { live: boolean } = { live: true }): Promise<void> {
    const config = await readConfig(this.dir);
    // A library that has (or had) a replica notes every local edit, connected or not, open or not.
    if (!this.store.readOnly && (config || existsSync(path.join(this.dir, REPLICA_DIR)))) this.watch();
    if (!config) return;
    this.config = config;
    // Without live sync (the CLI) the replica opens only when a command needs it.
    if (!options.live) return;
    await this.openReplica();
    // A password remembered on this computer reconnects without asking.
    const key = this.credentialKey();
    if (key && this.credentialStore && !this.credentialStore.unavailable()) {
      const password = await this.credentialStore.get(key).catch(() => null);
      if (password) {
        this.sessionPassword = password;
        this.remembered = true;
      }
    }
    {
      try {
        await this.goLive();
      } catch (error) {
        // Offline at start is normal: the status says so and the next connect tries again.
        if (!(error instanceof ServiceError)) throw error;
      }
    }
  }

  status(): SyncStatus {
    return {
      state: this.state,
      // Remembered from an earlier session (remote.json) but not syncing now: "not connected, connect".
      reason: this.reason ?? (this.state === 'off' && this.config ? 'not-connected' : null),
      remote: this.config?.url ?? null,
      user: this.config?.user ?? null,
      progress: this.progress,
      lastSyncedAt: this.lastSyncedAt,
      pushRefused: this.pushRefused,
      unpushed: this.unpushed.size,
      refused: { count: this.refusedCount, recent: [...this.refusedRecent] },
      conflicts: this.conflictIds.size,
      lastIncoming: this.lastIncoming,
      remembered: this.remembered,
      rememberUnavailable: this.credentialStore ? this.credentialStore.unavailable() : 'no-store',
    };
  }

  /** Connects to a desk database: checks the address and the account, then syncs live (or once). */
  async connect(input: { url: string; user: string; password?: string; remember?: boolean }, options: { live: boolean } = { live: true }): Promise<SyncStatus> {
    const url = checkRemoteUrl(input.url);
    if (this.store.readOnly) throw new ServiceError('read-only', 'The library is open read-only.', { code: 'library.readOnly' });
    await this.stopReplication();
    const sameAccount = this.config?.url === url && this.config.user === input.user;
    this.sessionPassword = input.password ?? (sameAccount ? this.sessionPassword : null);
    this.config = { url, user: input.user };
    this.watch();
    await this.openReplica();
    await writeConfig(this.dir, this.config);
    if (this.lastAuthor !== input.user) {
      this.lastAuthor = input.user;
      await putLocal(this.replica(), IDENTITY, { origin: this.origin, author: input.user });
    }
    if (options.live) await this.goLive();
    else await this.syncOnce();
    // Remembered only once the server took the password.
    if (input.remember !== undefined) await this.rememberPassword(input.remember);
    return this.status();
  }

  /** Keeps (or forgets) the session's password for this library, desk and account in the credential store. */
  private async rememberPassword(remember: boolean): Promise<void> {
    const key = this.credentialKey();
    const store = this.credentialStore;
    if (!key || !store) {
      if (remember) throw refused('no-password', 'Passwords cannot be remembered here.');
      return;
    }
    if (remember) {
      if (store.unavailable()) throw refused('no-password', 'Passwords cannot be remembered on this computer (no encryption available).');
      if (!this.sessionPassword) return;
      await store.set(key, this.sessionPassword);
      this.remembered = true;
    } else {
      await store.remove(key);
      this.remembered = false;
    }
    this.announce();
  }

  /** Forgets the password remembered for the current desk and account ("Forget"). */
  async forget(): Promise<SyncStatus> {
    await this.rememberPassword(false);
    return this.status();
  }

  /** Stops syncing and forgets the remote; the library and its replica stay. `forget`: the remembered password goes too. */
  async disconnect(options: { forget?: boolean } = {}): Promise<SyncStatus> {
    await this.stopReplication();
    if (options.forget && this.config) await this.rememberPassword(false);
    await fs.rm(path.join(this.dir, REMOTE_FILE), { force: true });
    this.config = null;
    this.sessionPassword = null;
    this.remembered = false;
    this.setState('off', null);
    return this.status();
  }

  /** One replication in each direction, applied to the store before it returns (CLI `sync --once`). */
  async syncOnce(): Promise<SyncStatus> {
    if (!this.replicaDb && this.config) await this.openReplica();
    const remote = await this.openRemote();
    const replica = this.replica();
    await this.flushOutgoing();
    this.setState('syncing', null);
    try {
      const pulled = await replica.replicate.from(remote, { batch_size: BATCH, batches_limit: 4 });
      this.progress = { done: pulled.docs_written, pending: 0 };
      await this.pull();
      await this.flushOutgoing();
      const pushed = await replica.replicate.to(remote, { batch_size: BATCH, batches_limit: 4 });
      this.notePushResult(pushed.doc_write_failures, pushed.errors);
    } catch (error) {
      this.setState(reasonOf(error as PouchError) === 'unreachable' ? 'offline' : 'error', reasonOf(error as PouchError));
      throw refused(reasonOf(error as PouchError), `Sync failed: ${(error as Error).message}`);
    }
    this.lastSyncedAt = new Date().toISOString();
    this.progress = null;
    this.setState('synced', null);
    return this.status();
  }

  async conflicts(): Promise<SyncConflict[]> {
    if (!this.replicaDb && this.config) await this.openReplica();
    const replica = this.replicaDb;
    if (!replica) return [];
    const out: SyncConflict[] = [];
    for (const id of [...this.conflictIds].sort()) {
      const conflict = await this.readConflict(replica, id);
      if (conflict) out.push(conflict);
    }
    return out;
  }

  /** Keeps one version (`mine`, `theirs`, or a revision) and removes the others; the store follows. */
  async resolve(conflictId: string, take: string): Promise<{ resolved: string }> {
    if (!this.replicaDb && this.config) await this.openReplica();
    const replica = this.replicaDb;
    if (!replica) throw refused('not-connected', 'This library is not connected to a desk database.');
    const conflict = this.conflictIds.has(conflictId) ? await this.readConflict(replica, conflictId) : null;
    if (!conflict) throw refused('no-conflict', 'There is no such conflict (resolved meanwhile?).');
    const chosen =
      take === 'mine'
        ? conflict.versions.find((v) => v.mine) ?? conflict.versions.find((v) => v.winning)
        : take === 'theirs'
          ? conflict.versions.find((v) => !v.mine)
          : conflict.versions.find((v) => v.rev === take);
    if (!chosen) throw refused('no-conflict', 'That conflict has no such version.');
    await this.serial(async () => {
      const winner = await replica.get(conflictId, { conflicts: true });
      const chosenDoc = chosen.rev === winner._rev ? winner : await replica.get(conflictId, { rev: chosen.rev });
      const { _rev: _ignored, _conflicts: _c, ...body } = chosenDoc;
      const stamp = this.stamp();
      const writes: PouchDoc[] = [{ ...body, ...stamp, _id: conflictId, _rev: winner._rev }];
      for (const rev of winner._conflicts ?? []) writes.push({ _id: conflictId, _rev: rev, _deleted: true });
      await replica.bulkDocs(writes);
      this.conflictIds.delete(conflictId);
      await this.saveConflicts();
    });
    await this.pull();
    return { resolved: conflictId };
  }

  /** The latest edit of a story's note, date or taggings that was made on another computer (for "changed by … at …"). */
  async storyOrigin(storyId: string): Promise<StoryOrigin | null> {
    const replica = this.replicaDb;
    if (!replica) return null;
    const [fixed, taggings] = await Promise.all([
      replica.allDocs({ keys: [docId('note', storyId), docId('date', storyId)], include_docs: true }),
      replica.allDocs({ startkey: `${docId('tagging', storyId)}:`, endkey: `${docId('tagging', storyId)}:\ufff0`, include_docs: true }),
    ]);
    const theirs: { author: string; at: string; part: StoryOrigin['parts'][number] }[] = [];
    for (const row of [...fixed.rows, ...taggings.rows]) {
      const checked = row.doc && !row.doc._deleted ? validateDoc(row.doc) : null;
      if (!checked?.ok || checked.doc.origin === this.origin) continue;
      const kind = checked.doc.kind;
      theirs.push({ author: checked.doc.author, at: checked.doc.at, part: kind === 'tagging' ? 'tags' : (kind as 'note' | 'date') });
    }
    if (theirs.length === 0) return null;
    const latest = theirs.reduce((best, item) => (item.at > best.at ? item : best));
    const parts = [...new Set(theirs.filter((item) => item.author === latest.author).map((item) => item.part))];
    return { author: latest.author, at: latest.at, parts };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    await this.stopReplication();
    // A quit writes what is queued (the journal would bring it back at the next start anyway).
    if (this.replicaDb) await this.flushOutgoing().catch(() => {});
    await this.work.catch(() => {});
    await this.replicaDb?.close().catch(() => {});
    this.replicaDb = null;
  }

  // ---- replica -----------------------------------------------------------------

  private replica(): PouchDB {
    if (!this.replicaDb) throw refused('not-connected', 'This library is not connected to a desk database.');
    return this.replicaDb;
  }

  private async openReplica(): Promise<void> {
    if (this.replicaDb) return;
    await fs.mkdir(this.dir, { recursive: true });
    const Pouch = await loadPouchDB();
    if (this.replicaDb) return;
    const replica = new Pouch(path.join(this.dir, REPLICA_DIR), { revs_limit: REVS_LIMIT, auto_compaction: true });
    this.replicaDb = replica;
    const identity = await getLocal(replica, IDENTITY);
    this.origin = String(identity?.origin ?? '');
    if (typeof identity?.author === 'string') this.lastAuthor = identity.author;
    if (!this.origin) {
      this.origin = randomUUID().replace(/-/g, '');
      await putLocal(replica, IDENTITY, { origin: this.origin });
    }
    this.conflictIds = new Set(((await getLocal(replica, CONFLICTS))?.ids as string[] | undefined) ?? []);
    const waiting = ((await getLocal(replica, WAITING))?.ids as string[] | undefined) ?? [];
    for (const id of waiting) this.waiting.add(id);
    this.waitingSaved = JSON.stringify([...this.waiting].sort());
    this.watch();
    this.replayJournal();
    if (!(await getLocal(replica, MIRRORED))) await this.serial(() => this.mirrorAll());
    // Local edits first (those of the journal too), then what arrived: an edit that was not
    // yet in the replica is written on the revision it was made on, never overwritten.
    await this.flushOutgoing();
    this.watchReplica();
    await this.pull();
  }

  /** Incoming: documents replication writes into the replica (again after a disconnect stopped it). */
  private watchReplica(): void {
    if (this.feed || !this.replicaDb) return;
    const feed = this.replicaDb.changes({ live: true, since: 'now' });
    feed.on('change', () => this.schedulePull());
    feed.on('error', () => {});
    this.feed = feed;
  }

  /** The password sync would use for this account: the session's (same address and user), else the environment's. */
  passwordFor(url: string, user: string): string | null {
    if (this.sessionPassword && this.config?.url === url && this.config.user === user) return this.sessionPassword;
    return this.credentials().password;
  }

  /** Outgoing: a listener that only notes ids (and journals them), so the store's commit never waits for the replica. */
  private watch(): void {
    if (this.unsubscribe || this.store.readOnly) return;
    this.unsubscribe = this.store.onChange((change) => this.noteChange(change));
  }

  private get journalPath(): string {
    return path.join(this.dir, JOURNAL_FILE);
  }

  private noteChange(change: StoreChange): void {
    const line: JournalLine = {};
    if (change.type === 'stories-added') {
      for (const id of change.ids) this.pendingStories.add(id);
      line.s = change.ids;
    } else {
      if (this.ownCommits.has(change.after)) return;
      const ids = changedRecordIds(change.before, change.after);
      if (ids.length === 0) return;
      line.r = ids;
      for (const id of ids) {
        this.pendingRecords.add(id);
        const base = this.baseRev.get(id);
        if (base) (line.b ??= {})[id] = base;
      }
    }
    this.journal(line);
    this.scheduleFlush();
  }

  /** Appends to the journal synchronously, inside the commit's change event (the commit is already durable). */
  private journal(line: JournalLine): void {
    try {
      if (!this.journalDirty) mkdirSyncQuiet(this.dir);
      appendFileSync(this.journalPath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      this.journalDirty = true;
    } catch (error) {
      console.error(`[kroniek] sync: the outgoing journal could not be written: ${(error as Error).message}`);
    }
  }

  /** Puts what the journal holds back in the queue (lines from an earlier run, or from another process on this library). */
  private replayJournal(): void {
    let text: string;
    try {
      text = readFileSync(this.journalPath, 'utf8');
    } catch {
      return;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: JournalLine;
      try {
        line = JSON.parse(raw) as JournalLine;
      } catch {
        continue; // a line cut short by a crash: the rest still counts
      }
      for (const id of Array.isArray(line.r) ? line.r : []) if (typeof id === 'string' && parseDocId(id)) this.pendingRecords.add(id);
      for (const id of Array.isArray(line.s) ? line.s : []) if (typeof id === 'string') this.pendingStories.add(id);
      for (const [id, rev] of Object.entries(line.b && typeof line.b === 'object' ? line.b : {})) {
        if (typeof rev === 'string' && !this.baseRev.has(id)) this.baseRev.set(id, rev);
      }
    }
    if (this.pendingRecords.size || this.pendingStories.size) this.journalDirty = true;
  }

  /** Empties the journal once everything it named is in the replica (called with nothing pending, in one tick). */
  private clearJournal(): void {
    if (!this.journalDirty || this.pendingRecords.size || this.pendingStories.size) return;
    try {
      writeFileSync(this.journalPath, '');
      this.journalDirty = false;
    } catch {
      // Kept: replaying it again only rewrites what is already in the replica.
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.closed) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flushOutgoing().catch((error: Error) => console.error(`[kroniek] sync: mirroring failed: ${error.message}`));
    });
  }

  private schedulePull(): void {
    if (this.pullScheduled || this.closed) return;
    this.pullScheduled = true;
    setImmediate(() => {
      this.pullScheduled = false;
      void this.pull().catch((error: Error) => console.error(`[kroniek] sync: applying failed: ${error.message}`));
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.work.then(task, task);
    this.work = run.catch(() => {});
    return run;
  }

  private stamp(): { author: string; at: string; origin: string } {
    return { author: this.config?.user ?? this.lastAuthor ?? 'kroniek', at: new Date().toISOString(), origin: this.origin };
  }

  /** First connection: every story and record of the library into the replica, in batches. */
  private async mirrorAll(): Promise<void> {
    const replica = this.replica();
    let batch: string[] = [];
    for (const id of allRecordIds(this.store.meta)) {
      batch.push(id);
      if (batch.length >= BATCH) {
        await this.writeRecords(batch);
        batch = [];
      }
    }
    await this.writeRecords(batch);
    // Every stored record as written: stories in the Trash too (the Trash is shared), each agency
    // version, and page text merged into a story as its later version; purged stories are not.
    const merged = new Set<string>();
    for (const edit of this.store.meta.storyEdits.values()) for (const id of edit.pageVersions ?? []) merged.add(id);
    let stories: StoryContent[] = [];
    let versions: StoryContent[] = [];
    for await (const item of this.store.allStoriesWithBodies(merged)) {
      const list = item.head.wire ? versions : stories;
      list.push(item);
      if (list.length >= BATCH) {
        if (item.head.wire) await this.writeStories([], versions);
        else await this.writeStories(stories);
        if (item.head.wire) versions = [];
        else stories = [];
      }
    }
    await this.writeStories(stories, versions);
    // What the replica holds now is this library's own: nothing to apply back (at 50,000 stories,
    // reading and checking every one of them again took longer than writing them).
    await putLocal(replica, APPLIED, { seq: (await replica.info()).update_seq });
    await putLocal(replica, MIRRORED, { at: new Date().toISOString() });
  }

  flushOutgoing(): Promise<void> {
    return this.serial(async () => {
      if (!this.replicaDb) return;
      while (this.pendingRecords.size || this.pendingStories.size) {
        const records = [...this.pendingRecords].slice(0, BATCH);
        for (const id of records) this.pendingRecords.delete(id);
        await this.writeRecords(records);
        const storyIds = [...this.pendingStories].slice(0, BATCH);
        for (const id of storyIds) this.pendingStories.delete(id);
        const items: StoryContent[] = [];
        const wire: string[] = [];
        for (const id of storyIds) {
          const head = this.store.head(id);
          if (!head) continue;
          if (head.wire || this.store.isWireStory(id)) {
            wire.push(id);
            continue;
          }
          const body = await this.store.body(id);
          if (body) items.push({ head, body });
        }
        await this.writeStories(items);
        await this.writeVersions(wire);
      }
      this.clearJournal();
    });
  }

  /** Page-text stories (`story:`) and agency version records (`version:`, a head with its wire facts) not yet in the replica. */
  private async writeStories(items: StoryContent[], versions: StoryContent[] = []): Promise<void> {
    const all = [...items, ...versions];
    if (all.length === 0) return;
    const replica = this.replica();
    const ids = all.map((item, index) => docId(index < items.length ? 'story' : 'version', item.head.id));
    const existing = await replica.allDocs({ keys: ids });
    const writes: PouchDoc[] = [];
    all.forEach((item, index) => {
      const row = existing.rows[index];
      if (row && !row.error && !row.value?.deleted) return;
      // A story version is immutable and the same everywhere: only its first writer stamps it.
      const content = index < items.length ? storyContent(item) : versionContent(item.head, item.body);
      writes.push({ _id: ids[index]!, kind: index < items.length ? 'story' : 'version', v: 1, ...this.stamp(), content } as PouchDoc);
    });
    if (writes.length) await replica.bulkDocs(writes);
  }

  /** Every agency version of these wire stories not yet in the replica, one immutable `version:` document each. */
  private async writeVersions(storyIds: string[]): Promise<void> {
    if (storyIds.length === 0) return;
    const replica = this.replica();
    const records: { storyId: string; version: number; contentId: string }[] = [];
    for (const storyId of storyIds) {
      for (const { version } of this.store.storyVersionsStored(storyId)) {
        const head = this.store.versionRecord(storyId, version);
        if (head) records.push({ storyId, version, contentId: head.id });
      }
    }
    for (let start = 0; start < records.length; start += BATCH) {
      const chunk = records.slice(start, start + BATCH);
      const ids = chunk.map((record) => docId('version', record.contentId));
      const existing = await replica.allDocs({ keys: ids });
      const writes: PouchDoc[] = [];
      for (const [index, record] of chunk.entries()) {
        const row = existing.rows[index];
        if (row && !row.error && !row.value?.deleted) continue;
        const head = this.store.versionRecord(record.storyId, record.version);
        const story = await this.store.storyAtVersion(record.storyId, record.version);
        if (!head?.wire || !story) continue;
        writes.push({ _id: ids[index]!, kind: 'version', v: 1, ...this.stamp(), content: versionContent(head, story.body) } as PouchDoc);
      }
      if (writes.length) await replica.bulkDocs(writes);
    }
  }

  private async writeRecords(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const replica = this.replica();
    const meta = this.store.meta;
    const existing = await replica.allDocs({ keys: ids, include_docs: true, conflicts: true });
    const writes: PouchDoc[] = [];
    const branched: PouchDoc[] = [];
    for (const [index, id] of ids.entries()) {
      const parsed = parseDocId(id);
      if (!parsed) continue;
      const state = recordOf(meta, id);
      const row = existing.rows[index];
      const current = row?.doc && !row.doc._deleted ? validateDoc(row.doc) : null;
      if (current?.ok && sameState(stateOfDoc(current.doc), state)) continue;
      if (!current && (state === null || (parsed.kind === 'tagging' && !(state as { present: boolean }).present))) continue;
      const doc: PouchDoc = { _id: id, kind: parsed.kind, v: 1, ...this.stamp() };
      const absent = state === null || (parsed.kind === 'note' && (state as { note: string }).note === '');
      if (absent) doc.deleted = true;
      else doc.content = state;
      const base = this.baseRev.get(id);
      const winner = row?.value?.rev;
      if (base && winner && base !== winner && CONFLICT_KINDS.has(parsed.kind)) {
        // Someone else's edit arrived after the one this edit was made on: a new branch, so both are kept as a conflict.
        const ancestors = await replica.get(id, { rev: base, revs: true }).catch(() => null);
        if (ancestors?._revisions) {
          const start = ancestors._revisions.start + 1;
          const hash = randomBytes(16).toString('hex');
          branched.push({ ...doc, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...ancestors._revisions.ids] } });
          continue;
        }
      }
      if (winner) doc._rev = winner;
      writes.push(doc);
    }
    if (writes.length) {
      const results = await replica.bulkDocs(writes);
      for (const result of results) if ('rev' in result) this.baseRev.set(result.id, result.rev);
    }
    if (branched.length) {
      await replica.bulkDocs(branched, { new_edits: false });
      for (const doc of branched) this.baseRev.set(doc._id, doc._rev!);
    }
  }

  // ---- incoming ----------------------------------------------------------------

  /** Applies what arrived in the replica since the checkpoint, a batch (one store commit) at a time. */
  pull(): Promise<void> {
    return this.serial(async () => {
      const replica = this.replicaDb;
      if (!replica || this.store.readOnly) return;
      for (;;) {
        const since = (await getLocal(replica, APPLIED))?.seq ?? 0;
        const batch = await replica.changes({ since, limit: BATCH, include_docs: true, conflicts: true });
        const ids = new Set<string>(this.waiting);
        this.waiting.clear();
        // The batch brings its documents (winning revision, conflicts): only waiting ones are read again.
        const known = new Map<string, PouchDoc>();
        for (const row of batch.results) {
          if (row.id.startsWith('_')) continue;
          ids.add(row.id);
          if (row.doc) known.set(row.id, row.doc);
        }
        if (ids.size) await this.applyIds(replica, [...ids], batch.results.length > 0, known);
        await this.saveWaiting(replica);
        if (batch.results.length === 0) return;
        await putLocal(replica, APPLIED, { seq: batch.last_seq });
        if (batch.results.length < BATCH) return;
      }
    });
  }

  private async applyIds(replica: PouchDB, ids: string[], fresh: boolean, known: ReadonlyMap<string, PouchDoc> = new Map()): Promise<void> {
    const missing = ids.filter((id) => !known.has(id));
    const read = missing.length ? (await replica.allDocs({ keys: missing, include_docs: true, conflicts: true })).rows : [];
    const rows = [...ids.filter((id) => known.has(id)).map((id) => ({ id, doc: known.get(id) })), ...read];
    const docs: SyncDoc[] = [];
    const revs = new Map<string, string>();
    let conflictsChanged = false;
    for (const row of rows) {
      const raw = row.doc;
      if (!raw || raw._deleted) continue;
      let doc: SyncDoc | null = this.checked(raw);
      if (raw._conflicts?.length) {
        const kind = parseDocId(row.id)?.kind;
        if (kind && CONFLICT_KINDS.has(kind)) {
          if (!this.conflictIds.has(row.id)) {
            this.conflictIds.add(row.id);
            conflictsChanged = true;
          }
        } else {
          doc = await this.autoMerge(replica, raw, doc);
        }
      } else if (this.conflictIds.delete(row.id)) {
        conflictsChanged = true;
      }
      if (!doc) continue;
      docs.push(doc);
      revs.set(row.id, raw._rev!);
    }
    if (conflictsChanged) await this.saveConflicts();
    if (docs.length === 0) return;
    const stories: StoryContent[] = [];
    const records: SyncDoc[] = [];
    for (const doc of docs) {
      if (doc.kind === 'story') {
        const content = doc.content as StoryContent | undefined;
        if (content && !this.store.hasStored(content.head.id)) stories.push(content);
      } else if (doc.kind === 'version') {
        const content = doc.content as StoryContent | undefined;
        const wire = content?.head.wire;
        if (content && wire && !this.store.hasVersion(wire.storyId, wire.version) && !stories.some((item) => item.head.wire?.storyId === wire.storyId && item.head.wire.version === wire.version)) stories.push(content);
      } else records.push(doc);
    }
    const snapshot = this.store.meta;
    let applied = 0;
    const byAuthor = new Map<string, number>();
    // What arrived, per author, kind and what was done: the recent changes list it ("from anna").
    const received = new Map<string, { author: string; kind: SyncDoc['kind']; count: number; action: IncomingAction }>();
    const receive = (doc: SyncDoc) => {
      const action = incomingAction(doc);
      const key = `${doc.author}\u0000${doc.kind}\u0000${action}`;
      const entry = received.get(key) ?? { author: doc.author, kind: doc.kind, count: 0, action };
      entry.count++;
      received.set(key, entry);
    };
    const change = (meta: MetaDoc): MetaDoc => {
      let next = meta;
      // One copy of each map the batch changes, not one per record (see ApplyBatch).
      const batch: ApplyBatch = new WeakSet();
      const known = new Set(stories.map((item) => item.head.wire?.storyId ?? item.head.id));
      const hasStory = (id: string) => known.has(id) || (this.store.hasStored(id) && !this.store.isPurged(id));
      for (const doc of records) {
        const state: RecordState = stateOfDoc(doc);
        // A local edit not yet in the replica is newer than anything there (an undo of an edit whose
        // own document is only now read back): it wins, and goes out on the revision it was made on.
        if (this.pendingRecords.has(doc._id)) continue;
        // A local edit made since this batch was read wins: it goes out as a newer revision.
        if (!sameState(recordOf(meta, doc._id), recordOf(snapshot, doc._id))) continue;
        if (sameState(recordOf(next, doc._id), state) && doc.kind !== 'dossier') {
          this.baseRev.set(doc._id, revs.get(doc._id)!);
          continue;
        }
        const outcome = applyRecord(next, doc._id, state, hasStory, batch);
        if (outcome.waiting) this.waiting.add(doc._id);
        if (outcome.meta !== next) {
          next = outcome.meta;
          applied++;
          byAuthor.set(doc.author, (byAuthor.get(doc.author) ?? 0) + 1);
          receive(doc);
        }
        this.baseRev.set(doc._id, revs.get(doc._id)!);
      }
      if (next !== meta) this.ownCommits.add(next);
      return next;
    };
    received.clear();
    const storyAuthors = new Map<string, number>();
    for (const doc of docs) {
      if (doc.kind !== 'story' && doc.kind !== 'version') continue;
      const content = doc.content as StoryContent | undefined;
      if (content && stories.includes(content)) storyAuthors.set(doc.author, (storyAuthors.get(doc.author) ?? 0) + 1);
    }
    if (stories.length) await this.store.addStories(stories, change);
    else if (records.length) await this.store.update(null, change);
    const incoming: { author: string; label: HistoryLabel }[] = [...storyAuthors].map(([author, count]) => ({ author, label: { code: 'import', count } }));
    for (const entry of received.values()) incoming.push({ author: entry.author, label: incomingLabel(entry.kind, entry.count, entry.action) });
    this.store.noteIncoming(incoming);
    if (applied + stories.length > 0 && fresh) {
      const author = [...byAuthor.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? docs[0]!.author;
      this.lastIncoming = { author, count: applied + stories.length, at: new Date().toISOString() };
      this.announce();
    }
  }

  /** Documents that wait for their story or tag are kept in the replica: after a restart they still apply when it arrives. */
  private async saveWaiting(replica: PouchDB): Promise<void> {
    const now = JSON.stringify([...this.waiting].sort());
    if (now === this.waitingSaved) return;
    await putLocal(replica, WAITING, { ids: [...this.waiting] });
    this.waitingSaved = now;
  }

  private checked(raw: PouchDoc): SyncDoc | null {
    const result = validateDoc(raw);
    if (result.ok) return result.doc;
    this.refusedCount++;
    this.refusedRecent = [...this.refusedRecent, { id: String(raw._id).slice(0, 200), reason: result.reason }].slice(-10);
    console.error(`[kroniek] sync: refused document ${JSON.stringify(String(raw._id).slice(0, 80))} (${result.reason})`);
    return null;
  }

  /**
   * Set-like and last-writer records resolve themselves: a tagging is present when any
   * version says so (union); a tag, link, saved search or story takes its latest edit, and a
   * removal wins only over edits older than itself. The losing versions are removed.
   */
  private async autoMerge(replica: PouchDB, winner: PouchDoc, winnerDoc: SyncDoc | null): Promise<SyncDoc | null> {
    const leaves: { rev: string; doc: SyncDoc | null }[] = [{ rev: winner._rev!, doc: winnerDoc }];
    for (const rev of winner._conflicts ?? []) {
      const raw = await replica.get(winner._id, { rev }).catch(() => null);
      leaves.push({ rev, doc: raw ? this.checked(raw) : null });
    }
    const valid = leaves.filter((leaf) => leaf.doc) as { rev: string; doc: SyncDoc }[];
    if (valid.length === 0) return null;
    const latest = (leaves: { doc: SyncDoc }[]) =>
      leaves.reduce((best, leaf) => {
        if (leaf.doc.at > best.doc.at) return leaf;
        if (leaf.doc.at === best.doc.at && best.doc.deleted && !leaf.doc.deleted) return leaf;
        return best;
      }).doc;
    const kind = valid[0]!.doc.kind;
    let merged: SyncDoc;
    if (kind === 'tagging') {
      const present = valid.find((leaf) => (stateOfDoc(leaf.doc) as { present: boolean } | null)?.present);
      merged = (present ?? valid[0]!).doc;
    } else if (kind === 'dismissed') {
      // A dismissed suggestion is a set: every name dismissed on any side stays dismissed.
      const names = new Set<string>();
      for (const leaf of valid) for (const name of (leaf.doc.content as DismissedContent | undefined)?.names ?? []) names.add(name);
      const base = latest(valid);
      merged = names.size ? { ...base, deleted: undefined, content: { names: [...names].sort() } } : base;
      if (!merged.deleted) delete merged.deleted;
    } else if (kind === 'trash') {
      // Purging is for good: it wins over any edit; otherwise the latest (a restore wins only over older trashings).
      merged = valid.find((leaf) => (leaf.doc.content as TrashContent | undefined)?.state === 'purged')?.doc ?? latest(valid);
    } else if (kind === 'proposal') {
      // Accepting merged the stories where it was done: it wins over declining, and a decision over "open".
      const rank = (doc: SyncDoc) => ({ accepted: 2, declined: 1, open: 0 })[(doc.content as ProposalContent | undefined)?.status ?? 'open'];
      const top = Math.max(...valid.map((leaf) => rank(leaf.doc)));
      merged = latest(valid.filter((leaf) => rank(leaf.doc) === top));
    } else {
      merged = latest(valid);
    }
    const writes: PouchDoc[] = [{ ...(merged as unknown as PouchDoc), _rev: winner._rev }];
    for (const leaf of leaves.slice(1)) writes.push({ _id: winner._id, _rev: leaf.rev, _deleted: true });
    if (merged !== winnerDoc) await replica.bulkDocs(writes);
    else await replica.bulkDocs(writes.slice(1));
    return merged;
  }

  private async readConflict(replica: PouchDB, id: string): Promise<SyncConflict | null> {
    const parsed = parseDocId(id);
    if (!parsed || !CONFLICT_KINDS.has(parsed.kind)) return null;
    const winner = await replica.get(id, { conflicts: true }).catch(() => null);
    if (!winner || !winner._conflicts?.length) return null;
    const versions: SyncConflict['versions'] = [];
    for (const rev of [winner._rev!, ...winner._conflicts]) {
      const raw = rev === winner._rev ? winner : await replica.get(id, { rev }).catch(() => null);
      const doc = raw ? validateDoc(raw) : null;
      if (!doc?.ok) continue;
      versions.push({ rev, author: doc.doc.author, at: doc.doc.at, mine: doc.doc.origin === this.origin, winning: rev === winner._rev, value: stateOfDoc(doc.doc) });
    }
    return { id, kind: parsed.kind as SyncConflict['kind'], target: parsed.parts[0]!, versions };
  }

  private async saveConflicts(): Promise<void> {
    if (this.replicaDb) await putLocal(this.replicaDb, CONFLICTS, { ids: [...this.conflictIds] });
    this.announce();
  }

  // ---- replication ---------------------------------------------------------------

  private async openRemote(): Promise<PouchDB> {
    if (!this.config) throw refused('not-connected', 'This library is not connected to a desk database.');
    const password = this.sessionPassword ?? this.credentials().password;
    if (!password) throw refused('no-password', 'Set KRONIEK_SYNC_PASSWORD or KRONIEK_SYNC_PASSWORD_FILE.');
    this.password = password;
    const { url, user } = this.config;
    const Pouch = await loadPouchDB();
    const remote = new Pouch(url, { skip_setup: true, auth: { username: user, password } });
    try {
      // PouchDB's http adapter answers a refused info() with the server's error body rather than rejecting.
      const info = (await remote.info()) as { error?: unknown; reason?: unknown };
      if (info.error) {
        const status = info.error === 'unauthorized' ? 401 : info.error === 'forbidden' ? 403 : 500;
        throw Object.assign(new Error(String(info.reason ?? info.error)), { status, name: String(info.error) });
      }
    } catch (error) {
      const why = reasonOf(error as PouchError);
      this.setState(why === 'unreachable' ? 'offline' : 'error', why);
      throw refused(why, `The desk database answered: ${(error as Error).message}`);
    }
    return remote;
  }

  private async goLive(): Promise<void> {
    const remote = await this.openRemote();
    const replica = this.replica();
    this.watchReplica();
    await this.flushOutgoing();
    this.setState('syncing', null);
    const replication = replica.sync(remote, {
      live: true,
      retry: true,
      batch_size: BATCH,
      batches_limit: 4,
      // 1 s, 2 s, 4 s … at most a minute between tries while the server is away.
      back_off_function: (delay) => (delay === 0 ? this.retry.firstMs : Math.min(delay * 2, this.retry.maxMs)),
    });
    this.replication = replication;
    // PouchDB's sync says "paused" as soon as one side pauses while the other has not started
    // (both begin as paused): "synced" waits until each side has caught up at least once. (It said
    // synced while the pull was still reading the server's changes since its checkpoint, e.g. every
    // document this library had just shared; a disconnect then left that for the next sync.)
    const caughtUp = { pull: false, push: false };
    replication.pull?.on('paused', (error?: PouchError) => {
      if (!error) caughtUp.pull = true;
    });
    replication.push?.on('paused', (error?: PouchError) => {
      if (!error) caughtUp.push = true;
    });
    replication.on('change', (info: { direction: string; change: { docs_written: number; pending?: number; doc_write_failures: number; errors: PouchError[] } }) => {
      const done = (this.progress?.done ?? 0) + info.change.docs_written;
      this.progress = { done, pending: typeof info.change.pending === 'number' ? info.change.pending : null };
      if (info.direction === 'push') this.notePushResult(info.change.doc_write_failures, info.change.errors);
      this.setState('syncing', null);
    });
    replication.on('paused', (error?: PouchError) => {
      if (error) {
        this.setState('offline', reasonOf(error));
        return;
      }
      if (!caughtUp.pull || !caughtUp.push) return;
      this.lastSyncedAt = new Date().toISOString();
      this.progress = null;
      this.setState('synced', null);
    });
    replication.on('active', () => this.setState('syncing', null));
    replication.on('denied', (error: PouchError & { id?: string }) => {
      this.pushRefused = true;
      if (error?.id) this.unpushed.add(error.id);
      this.announce();
    });
    // A request that failed (server gone, network down): PouchDB retries with the back-off above.
    for (const side of [replication.pull, replication.push]) {
      side?.on('requestError', (error: PouchError) => {
        const why = reasonOf(error);
        if (why === 'unauthorized' || why === 'forbidden') {
          this.setState('error', why);
          void this.stopReplication();
        } else this.setState('offline', why);
      });
    }
    replication.on('error', (error: PouchError) => {
      const why = reasonOf(error);
      this.setState('error', why);
      // Unauthorized is not retried: the editor fixes the password, then connects again.
      if (why === 'unauthorized' || why === 'forbidden') void this.stopReplication();
    });
  }

  private notePushResult(failures: number, errors: PouchError[] | undefined): void {
    if (failures > 0 || errors?.some((error) => error.status === 403 || error.name === 'forbidden')) {
      this.pushRefused = true;
      for (const error of errors ?? []) {
        const id = (error as PouchError & { id?: string }).id;
        if (id) this.unpushed.add(id);
      }
      this.announce();
    }
  }

  private async stopReplication(): Promise<void> {
    const replication = this.replication;
    this.replication = null;
    if (replication) {
      replication.cancel();
      await Promise.resolve(replication).catch(() => {});
    }
    this.feed?.cancel();
    this.feed = null;
  }

  private setState(state: SyncState, reason: SyncReasonCode | null): void {
    if (this.state === state && this.reason === reason) return;
    this.state = state;
    this.reason = reason;
    this.announce();
  }

  private announce(): void {
    if (!this.closed) this.store.announce({ sync: true });
  }
}

/** What a colleague did, where one kind of record stands for two acts: a proposal accepted or declined, a story trashed or restored. */
type IncomingAction = 'changed' | 'declined' | 'restored';

function incomingAction(doc: SyncDoc): IncomingAction {
  if (doc.kind === 'proposal') return (doc.content as ProposalContent | undefined)?.status === 'declined' ? 'declined' : 'changed';
  if (doc.kind === 'trash') return stateOfDoc(doc) === null ? 'restored' : 'changed';
  return 'changed';
}

/** How the recent changes name what arrived from a colleague: the undo labels' codes (worded by the renderer and the CLI). */
export function incomingLabel(kind: SyncDoc['kind'], count: number, action: IncomingAction = 'changed'): HistoryLabel {
  switch (kind) {
    case 'tag':
      return { code: 'tag.edit' };
    case 'tagging':
      return { code: 'tag.editStories', count };
    case 'link':
      return { code: 'link.edit' };
    case 'dossier':
      return { code: 'dossier.edit' };
    case 'chronology':
      return { code: 'chronology.edit' };
    case 'note':
      return count === 1 ? { code: 'story.setNote' } : { code: 'story.setNotes', count };
    case 'date':
      return count === 1 ? { code: 'story.setDate' } : { code: 'story.setDates', count };
    case 'trash':
      return action === 'restored' ? { code: 'trash.restore', count } : { code: 'story.delete', count };
    case 'search':
      return { code: 'search.save' };
    case 'series':
      return { code: 'series.rename' };
    case 'dismissed':
      return { code: 'tag.dismissSuggestion' };
    case 'proposal':
      return { code: action === 'declined' ? 'proposal.decline' : 'proposal.accept' };
    case 'story':
    case 'version':
      return { code: 'import', count };
  }
}

function mkdirSyncQuiet(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // appendFileSync says what is wrong
  }
}

async function readConfig(dir: string): Promise<RemoteConfig | null> {
  try {
    const raw = JSON.parse(await fs.readFile(path.join(dir, REMOTE_FILE), 'utf8')) as Partial<RemoteConfig>;
    if (typeof raw.url !== 'string' || typeof raw.user !== 'string') return null;
    return { url: checkRemoteUrl(raw.url), user: raw.user };
  } catch {
    return null;
  }
}

/** Address and user only: the password is never written here (nor in library.json). */
async function writeConfig(dir: string, config: RemoteConfig): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, REMOTE_FILE);
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify({ url: config.url, user: config.user }, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}

async function getLocal(db: PouchDB, id: string): Promise<Record<string, unknown> | null> {
  try {
    return await db.get(id);
  } catch {
    return null;
  }
}

async function putLocal(db: PouchDB, id: string, value: Record<string, unknown>): Promise<void> {
  const old = await getLocal(db, id);
  await db.put({ ...value, _id: id, ...(old?._rev ? { _rev: old._rev as string } : {}) });
}
