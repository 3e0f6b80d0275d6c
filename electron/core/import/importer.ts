import { createHash } from 'node:crypto';
import type { BodyBlock, ImportFileResult, ImportReport } from '../../../shared/types';
import { cleanDateline, cleanLine } from '../../../shared/clean-text';
import { ServiceError } from '../../../shared/contract/envelope';
import { SEGMENT_SIZE, type AheadSegment, type LibraryStore, type UndoableAdd } from '../store/library-store';
import { touchedStories } from '../store/touched';
import type { MetaDoc, StoryContent, StoryHead } from '../store/meta';
import { prepareAnyImportFile, type PreparedFile, type PreparedWireFile } from './intake';
import { prepareImportPaths, type PrepareOptions } from './prepare-thread';
import { loadNinjsValidators } from './wire/validators/load';
import { WireBatch, wireFileResult } from './wire-stories';
import { estimatePublishedDay } from './estimate-date';
import { proposeUpdates, withProposals } from '../features/versions/proposals';
import type { UpdateProposal } from '../../../shared/types';
import type { ParsedBrief, ParsedPage } from './parse';

export interface ImportOptions {
  now?: () => Date;
  /**
   * Date briefs from their age label and the file's capture time (default on). Off for the
   * sample library, whose files' times say when they were installed, not captured.
   */
  estimateDates?: boolean;
  /** Stories held before their content is written ahead of the import's commit (default AHEAD_STORIES; at least a segment's worth). */
  aheadStories?: number;
  /** Where the files of an import from disk are prepared (prepare-thread.ts: on a thread of their own from PREPARE_THREAD_FROM files). */
  prepare?: Omit<PrepareOptions, 'maxBytes'>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Whitespace that collapse() changes: anything but a single space between other characters. */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;
const collapse = (text: string) => (LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text);

/** Content identity of an article: same headline and body text = same story, whatever file it came from. */
export function articleContentHash(page: NonNullable<ParsedPage['article']>): string {
  return sha256(['article', collapse(page.headline), ...page.body.map((block) => collapse(block.text))].join('\n'));
}

/** A brief captured with two different pages is still one brief. */
export function briefContentHash(brief: ParsedBrief): string {
  return sha256(['brief', collapse(brief.dateline.place), collapse(brief.text)].join('\n'));
}

const idFromHash = (prefix: 'a' | 'b', hash: string) => `${prefix}${hash.slice(0, 15)}`;

interface Pending {
  items: StoryContent[];
  undelete: Set<string>;
  seenHashes: Map<string, string>;
  /** New briefs' estimated days (see estimate-date.ts). */
  estimates: Map<string, string>;
  estimateDates: boolean;
}

/**
 * Imports prepared files as one batch: dedupes against the store and within the
 * batch, then writes everything with one store commit. Rejected files never touch
 * the store.
 */
export async function importPrepared(store: LibraryStore, files: (PreparedFile | PreparedWireFile)[], options: ImportOptions = {}): Promise<ImportReport> {
  const run = new ImportRun(store, options);
  return run.whole(async () => {
    for (const file of files) {
      run.take(file);
      if (run.aheadDue) await run.writeAhead();
    }
  });
}

/**
 * Stories an import holds before it writes their content ahead of its commit: a large
 * import (an archive of hundreds of thousands of files) held every prepared story until
 * its one commit, 8.4 GB at a million files, and each file cost more as the heap grew.
 */
const AHEAD_STORIES = 4 * SEGMENT_SIZE;

/**
 * One import: its files taken in one by one (deduped against the store and each other),
 * its new stories written ahead in whole segments once AHEAD_STORIES are held (then let
 * go: the commit reads their heads back), and one commit at the end that lists every
 * segment: until then nothing of it is in the library, and a failure leaves the library
 * as it was.
 */
class ImportRun {
  private readonly importedAt: string;
  private readonly pending: Pending;
  private readonly wire: WireBatch;
  private readonly results: ImportFileResult[] = [];
  private readonly proposals: UpdateProposal[] = [];
  private readonly ahead: AheadSegment[] = [];
  /** Stories held back from a write ahead (less than a segment), written with the commit. */
  private rest: StoryContent[] = [];
  private readonly aheadStories: number;

  constructor(
    private readonly store: LibraryStore,
    options: ImportOptions,
  ) {
    this.importedAt = (options.now?.() ?? new Date()).toISOString();
    this.pending = { items: [], undelete: new Set(), seenHashes: new Map(), estimates: new Map(), estimateDates: options.estimateDates ?? true };
    this.wire = new WireBatch(store);
    this.aheadStories = Math.max(SEGMENT_SIZE, options.aheadStories ?? AHEAD_STORIES);
  }

  /**
   * Takes the files in (`takeAll`), then commits. When taking them in fails, what was written
   * ahead is deleted again; not when the commit fails (its metadata may be on disk already:
   * then the files are the library's, and otherwise unreferenced and ignored).
   */
  async whole(takeAll: () => Promise<unknown>): Promise<ImportReport> {
    try {
      await takeAll();
    } catch (error) {
      await this.store.discardAhead(this.ahead);
      throw error;
    }
    return this.commit();
  }

  take(file: PreparedFile | PreparedWireFile): void {
    this.results.push(file.ok && 'wire' in file ? wireFileResult(file.fileName, file.wire, this.wire, file, this.importedAt) : importOne(this.store, file as PreparedFile, this.importedAt, this.pending));
  }

  /** Enough stories are held to write them ahead (writeAhead). */
  get aheadDue(): boolean {
    return this.rest.length + this.pending.items.length + this.wire.heldCount >= this.aheadStories;
  }

  /** Writes the stories held so far ahead of the commit, in whole segments (the rest is held on). */
  async writeAhead(): Promise<void> {
    const items = await this.takeHeld();
    const whole = items.length - (items.length % SEGMENT_SIZE);
    this.ahead.push(...(await this.store.writeAhead(items.slice(0, whole))));
    this.rest = items.slice(whole);
  }

  /**
   * Every story held (the rest of the last write ahead, then page text, then agency
   * versions), handed over; the page-text ones once their update proposals are worked out
   * (they read the bodies).
   */
  private async takeHeld(): Promise<StoryContent[]> {
    const pages = this.pending.items;
    this.pending.items = [];
    // Page text has no guid: a new article that looks like an update of a stored one is proposed to the editor.
    if (pages.length) this.proposals.push(...(await proposeUpdates(this.store, pages, this.importedAt)));
    const items = [...this.rest, ...pages, ...this.wire.takeItems()];
    this.rest = [];
    return items;
  }

  private async commit(): Promise<ImportReport> {
    const { undelete, estimates } = this.pending;
    const items = await this.takeHeld();
    const proposals = this.proposals;
    const wire = this.wire;
    if (items.length || this.ahead.length || undelete.size || wire.size) {
      const metaChange =
        undelete.size || estimates.size || wire.size || proposals.length
          ? (meta: MetaDoc) => {
              let next = undelete.size ? bringBack(meta, undelete) : meta;
              if (estimates.size) {
                const edits = next.storyEdits;
                // Never over a date the editor (or an archive) already gave the story.
                const dated = [...estimates].flatMap(([id, day]) => (edits.get(id)?.publishedAt == null ? [[id, { ...edits.get(id), publishedAt: day, publishedAtEstimated: true }] as const] : []));
                next = { ...next, storyEdits: edits.with(dated) };
              }
              next = withProposals(next, proposals);
              return wire.size ? wire.metaChange(next) : next;
            }
          : undefined;
      await this.store.addStories(items, metaChange, UNDO_IMPORT, this.ahead);
    }
    return summarise(this.results);
  }
}

/** Deleted stories imported again come back (also from a purge: the editor chose to import them). */
function bringBack(meta: MetaDoc, ids: ReadonlySet<string>): MetaDoc {
  const next: MetaDoc = { ...meta, deleted: meta.deleted.filter((id) => !ids.has(id)) };
  if (meta.purged?.some((id) => ids.has(id))) next.purged = meta.purged.filter((id) => !ids.has(id));
  return next;
}

/**
 * An import is undoable: undo removes exactly the stories it added (and puts back in the
 * Trash the ones it brought back), as long as nobody has tagged, dated, noted, linked or
 * placed one of them in a dossier since; otherwise it refuses and says how many are touched.
 */
const UNDO_IMPORT: UndoableAdd = {
  label: (count) => ({ code: 'import', count }),
  guard: (appeared) => (current, direction) => {
    if (direction !== 'undo') return;
    const touched = touchedStories(current, appeared);
    if (touched.length === 0) return;
    throw new ServiceError(
      'conflict',
      `Cannot undo the import: ${touched.length} of its ${appeared.length} stories were tagged, dated, noted, linked or put in a dossier since.`,
      { code: 'import.touched', count: touched.length, stories: appeared.length },
    );
  },
};

/** Resolves a content hash against the batch and the store: new, duplicate, or a deleted story to bring back. */
function classify(store: LibraryStore, hash: string, pending: Pending): { status: 'new' } | { status: 'duplicate' | 'restored'; id: string } {
  const inBatch = pending.seenHashes.get(hash);
  if (inBatch) return { status: 'duplicate', id: inBatch };
  const existing = store.findByContentHash(hash);
  if (!existing) return { status: 'new' };
  // Text merged into another story as its version: a duplicate of that story, never brought back on its own.
  const mergedInto = store.isDeleted(existing) ? store.mergedInto(existing) : undefined;
  if (mergedInto !== undefined) return { status: 'duplicate', id: mergedInto };
  if (store.isDeleted(existing) && !pending.undelete.has(existing)) {
    pending.undelete.add(existing);
    pending.seenHashes.set(hash, existing);
    return { status: 'restored', id: existing };
  }
  return { status: 'duplicate', id: existing };
}

function importOne(store: LibraryStore, file: PreparedFile, importedAt: string, pending: Pending): ImportFileResult {
  if (!file.ok) {
    return { fileName: file.fileName, status: 'rejected', code: file.code, reason: file.reason, warnings: [], briefs: { imported: 0, duplicate: 0 } };
  }
  const { page } = file;
  const result: ImportFileResult = { fileName: file.fileName, status: 'duplicate', warnings: [...file.warnings], briefs: { imported: 0, duplicate: 0 } };
  let pageId: string | null = null;
  let anythingNew = false;

  if (page.article) {
    const article = page.article;
    const hash = articleContentHash(article);
    const sameFile = store.findBySourceSha(file.sha256);
    const found = sameFile && !store.isDeleted(sameFile) ? ({ status: 'duplicate', id: sameFile } as const) : classify(store, hash, pending);
    result.headline = cleanLine(article.headline);
    if (found.status === 'new') {
      pageId = idFromHash('a', hash);
      pending.seenHashes.set(hash, pageId);
      const head: StoryHead = {
        id: pageId,
        kind: 'article',
        headline: cleanLine(article.headline),
        dateline: cleanDateline(article.dateline),
        section: article.section === null ? null : cleanLine(article.section),
        ageLabel: null,
        pageId: null,
        fileName: cleanLine(file.fileName),
        sha256: file.sha256,
        importedAt,
        contentHash: hash,
        warnings: [...file.warnings],
        ...(file.capturedAt && !Number.isNaN(file.capturedAt.getTime()) ? { capturedAt: file.capturedAt.toISOString() } : {}),
      };
      pending.items.push({ head, body: article.body });
      anythingNew = true;
    } else {
      pageId = found.id;
      if (found.status === 'restored') anythingNew = true;
      else result.reason = `Already in the library: "${store.head(found.id)?.headline ?? article.headline}".`;
    }
    result.articleId = pageId;
  }

  for (const brief of page.briefs) {
    const hash = briefContentHash(brief);
    const found = classify(store, hash, pending);
    if (found.status === 'duplicate') {
      result.briefs.duplicate++;
      continue;
    }
    result.briefs.imported++;
    anythingNew = true;
    if (found.status === 'restored') continue;
    const id = idFromHash('b', hash);
    pending.seenHashes.set(hash, id);
    if (pending.estimateDates && brief.ageLabel && file.capturedAt) {
      const day = estimatePublishedDay(brief.ageLabel, file.capturedAt);
      if (day) pending.estimates.set(id, day);
    }
    const body: BodyBlock[] = [{ type: 'paragraph', text: brief.text }];
    pending.items.push({
      head: {
        id,
        kind: 'brief',
        headline: cleanLine(brief.headline),
        dateline: cleanDateline(brief.dateline),
        section: page.article?.section == null ? null : cleanLine(page.article.section),
        ageLabel: brief.ageLabel,
        pageId,
        fileName: cleanLine(file.fileName),
        sha256: file.sha256,
        importedAt,
        contentHash: hash,
        warnings: [],
      },
      body,
    });
  }

  if (anythingNew) {
    result.status = 'imported';
    delete result.reason;
  } else if (!result.reason) {
    result.reason = 'Everything in this file is already in the library.';
  }
  return result;
}

function summarise(files: ImportFileResult[]): ImportReport {
  const totals: ImportReport['totals'] = { files: files.length, imported: 0, duplicate: 0, rejected: 0, briefsImported: 0, briefsDuplicate: 0 };
  let wireStories = 0;
  let wireVersions = 0;
  for (const file of files) {
    totals[file.status]++;
    totals.briefsImported += file.briefs.imported;
    totals.briefsDuplicate += file.briefs.duplicate;
    for (const entry of file.versions ?? []) {
      if (entry.outcome === 'story') wireStories++;
      else if (entry.outcome === 'version' || entry.outcome === 'older') wireVersions++;
    }
  }
  if (files.some((file) => file.versions)) Object.assign(totals, { wireStories, wireVersions });
  return { files, totals };
}

/** Import bytes the renderer sent (file picker, drag and drop). */
/** `lastModified`: the file's modification time (ms) as the browser knows it, when the page was captured. */
export async function importBytes(store: LibraryStore, files: { name: string; bytes: Uint8Array; lastModified?: number }[], options?: ImportOptions): Promise<ImportReport> {
  await loadNinjsValidators();
  return importPrepared(store, files.map((file) => prepareAnyImportFile(file.name, file.bytes, file.lastModified === undefined ? undefined : new Date(file.lastModified))), options);
}

/** Import files and folders (recursively: `.txt`, `.json`, `.xml`) from disk: dialogs, CLI, first-run seeds. */
export async function importPaths(store: LibraryStore, paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
  await loadNinjsValidators();
  const run = new ImportRun(store, options);
  // Each file is taken in as it is prepared, and its bytes and parse let go.
  return run.whole(() =>
    prepareImportPaths(
      paths,
      (file) => {
        run.take(file);
        return run.aheadDue ? run.writeAhead() : undefined;
      },
      options.prepare,
    ),
  );
}
