// An in-memory stand-in for the service, for renderer tests that need what the real core
// cannot give on cue: a call that fails (failures), an answer held back or reordered
// (overrides), a state such as a start-up notice or a library of briefs with age labels
// set up in one line. Everything else should use the real core in-process
// (./real-core.ts): this fake is only as right as its author's guess, e.g. it let an
// import be undone, which the real store never does.
import type { Input, MethodName, Output } from '../../../shared/contract';
import type { ChangeSet, Commit } from '../../../shared/contract/changes';
import { ServiceError, type Envelope } from '../../../shared/contract/envelope';
import type { HistoryState, ListPage } from '../../../shared/contract/library';
import type { SavedSearchItem } from '../../../shared/contract/searches';
import type { ImportFileResult, LibraryNotice, Story } from '../../../shared/types';
import { createClient, type Client } from '../client';
import type { FeedEvents, Transport } from '../client/transport';
import { fakeChanges } from './fake-changes';

function decodeBase64Utf8(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

export function makeStory(partial: Partial<Story> & { id: string; headline: string }): Story {
  return {
    kind: 'article',
    dateline: { place: 'PYONGYANG', agencies: ['ANP', 'RTR'] },
    section: 'Buitenland',
    publishedAt: null,
    importedAt: '2024-06-19T10:00:00.000Z',
    ageLabel: null,
    pageId: null,
    tagIds: [],
    linkCount: 0,
    body: [{ type: 'paragraph', text: `${partial.headline} — lead.` }],
    source: { fileName: `${partial.id}.txt`, sha256: 'ab'.repeat(32), importedAt: '2024-06-19T10:00:00.000Z' },
    warnings: [],
    note: '',
    ...partial,
  };
}

type Handler<M extends MethodName> = (input: Input<M>) => Output<M> | Promise<Output<M>>;

export class FakeService {
  stories: Story[] = [];
  notices: LibraryNotice[] = [];
  savedSearches: SavedSearchItem[] = [];
  calls: { method: MethodName; input: unknown }[] = [];
  history: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
  /** Methods that fail with this error (by name) until cleared. */
  failures = new Map<MethodName, ServiceError>();
  overrides: Partial<{ [M in MethodName]: Handler<M> }> = {};
  readonly transport: Transport;
  readonly client: Client;
  /** The last commit's number; every edit the fake answers is one commit. */
  revision = 0;
  private readonly feeds = new Set<FeedEvents>();

  constructor(stories: Story[] = [], kind: Transport['kind'] = 'http') {
    this.stories = stories;
    this.transport = {
      kind,
      send: (method, input) => this.answer(method, input),
      subscribe: (events) => {
        this.feeds.add(events);
        events.connected?.(this.revision);
        return () => this.feeds.delete(events);
      },
    };
    this.client = createClient(this.transport);
  }

  /** A commit made elsewhere (another window, the CLI through the host): it arrives on the change feed only. */
  publish(changes: ChangeSet): Commit {
    const commit = { revision: ++this.revision, changes };
    for (const feed of this.feeds) feed.commit(commit);
    return commit;
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input);
  }

  private async answer(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ method, input });
    const failure = this.failures.get(method);
    if (failure) return { ok: false, error: failure.toData() };
    try {
      const override = this.overrides[method] as Handler<MethodName> | undefined;
      const value = override ? await override(input as never) : await this.handle(method, input as never);
      const changes = fakeChanges(method, (input ?? {}) as Record<string, unknown>, value);
      if (!changes) return { ok: true, value };
      const commit = { revision: ++this.revision, changes };
      // Like the core: the answer carries the commit, and the feed publishes it too.
      for (const feed of this.feeds) feed.commit(commit);
      return { ok: true, value, commits: [commit] };
    } catch (error) {
      const e = error instanceof ServiceError ? error : new ServiceError('internal', String(error));
      return { ok: false, error: e.toData() };
    }
  }

  private status() {
    const articles = this.stories.filter((s) => s.kind === 'article').length;
    return {
      dataDir: '/tmp/fake',
      schemaVersion: 1,
      counts: { articles, briefs: this.stories.length - articles, tags: 0, links: 0, dossiers: 0 },
      readOnly: false,
      notices: this.notices,
      index: { ready: true, indexed: this.stories.length, total: this.stories.length },
    };
  }

  private summary(story: Story) {
    const { body: _body, source: _source, warnings: _warnings, note: _note, ...summary } = story;
    return summary;
  }

  private async handle(method: MethodName, input: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'library.status':
        return this.status();
      case 'library.dismissNotices':
        this.notices = [];
        return this.status();
      case 'stories.list': {
        const q = input as Input<'stories.list'>;
        // Search: every word in the headline or body, without case or diacritics (enough for the UI).
        const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
        const words = fold(q.query ?? '').split(/\s+/).filter(Boolean);
        const text = (s: Story) => fold([s.headline, ...s.body.map((b) => b.text)].join(' '));
        let items = this.stories.filter(
          (s) =>
            (!q.kind || s.kind === q.kind) &&
            words.every((word) => text(s).includes(word)) &&
            (!q.tagIds || q.tagIds.every((id) => s.tagIds.includes(id))) &&
            (!q.place || s.dateline.place === q.place) &&
            (!q.agency || s.dateline.agencies.includes(q.agency)) &&
            (!q.section || s.section === q.section),
        );
        const sort = q.sort ?? 'date';
        const key = (s: Story) => (sort === 'headline' ? s.headline : sort === 'place' ? s.dateline.place : sort === 'imported' ? s.importedAt : (s.publishedAt ?? s.importedAt));
        items = [...items].sort((a, b) => key(a).localeCompare(key(b)));
        if ((q.dir ?? 'desc') === 'desc') items.reverse();
        const offset = q.offset ?? 0;
        const page: ListPage = { total: items.length, offset, items: items.slice(offset, offset + (q.limit ?? 100)).map((s) => this.summary(s)), highlight: words };
        // A search's page has scores (the real core's: none for browsing, nor for one letter).
        const searched = words.length > 0 && (words.length > 1 || words[0]!.length > 1);
        return searched ? { ...page, scores: page.items.map(() => 1) } : page;
      }
      case 'stories.get': {
        const story = this.stories.find((s) => s.id === input.id);
        if (!story) throw new ServiceError('not-found', `No story with id ${String(input.id)} in the library.`);
        return story;
      }
      case 'import.files': {
        const files = (input as Input<'import.files'>).files.map((file) => this.importOne(file.name, decodeBase64Utf8(file.base64)));
        const totals = { files: files.length, imported: 0, duplicate: 0, rejected: 0, briefsImported: 0, briefsDuplicate: 0 };
        for (const f of files) totals[f.status]++;
        return { files, totals };
      }
      case 'import.withDialog':
        if (this.transport.kind !== 'preload') throw new ServiceError('unsupported', 'Native file dialogs are only available in the desktop app.');
        return null;
      case 'searches.list':
        return this.savedSearches;
      case 'searches.save': {
        const { name, query } = input as Input<'searches.save'>;
        const saved = { id: `s${this.savedSearches.length + 1}`, name, query };
        this.savedSearches = [...this.savedSearches, saved].sort((a, b) => a.name.localeCompare(b.name));
        return saved;
      }
      case 'searches.rename': {
        const { id, name } = input as Input<'searches.rename'>;
        const saved = this.savedSearches.find((s) => s.id === id);
        if (!saved) throw new ServiceError('not-found', `No saved search with id ${id}.`);
        saved.name = name;
        return saved;
      }
      case 'searches.delete':
        this.savedSearches = this.savedSearches.filter((s) => s.id !== input.id);
        return { deleted: input.id };
      case 'stories.facets': {
        const count = (values: string[]) =>
          [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count);
        const dates = this.stories.map((s) => s.publishedAt).filter((d): d is string => d !== null).sort();
        return {
          places: count(this.stories.map((s) => s.dateline.place).filter(Boolean)),
          agencies: count(this.stories.flatMap((s) => s.dateline.agencies)),
          sections: count(this.stories.map((s) => s.section).filter((s): s is string => s !== null)),
          dates: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null,
        };
      }
      case 'stories.snippets':
        return (input as Input<'stories.snippets'>).ids.map((id) => ({ id, snippet: null }));
      // Tags, links, suggestions, dossiers and backups: an empty library of them unless a test overrides.
      case 'tags.list':
      case 'tags.suggest':
      case 'links.list':
      case 'related.list':
      case 'dossiers.list':
      case 'backups.list':
        return [];
      case 'history.state':
        return this.history;
      case 'history.undo':
      case 'history.redo':
        return this.history;
      default:
        throw new ServiceError('unknown-method', `Unknown method ${method}`);
    }
  }

  /** Enough of an importer for the UI: empty → rejected, a known headline → duplicate, else imported. */
  private importOne(fileName: string, text: string): ImportFileResult {
    const base = { fileName, warnings: [], briefs: { imported: 0, duplicate: 0 } };
    if (text.trim() === '') return { ...base, status: 'rejected', code: 'empty', reason: 'The file is empty.' };
    const headline = text.trim().split('\n')[0]!.trim();
    const existing = this.stories.find((s) => s.headline === headline);
    if (existing) return { ...base, status: 'duplicate', reason: `Already in the library: "${headline}".`, articleId: existing.id, headline };
    const id = `new${this.stories.length}`;
    this.stories.push(makeStory({ id, headline, source: { fileName, sha256: 'cd'.repeat(32), importedAt: new Date().toISOString() } }));
    this.history = { canUndo: true, canRedo: false, undoLabel: null, redoLabel: null };
    return { ...base, status: 'imported', articleId: id, headline };
  }
}
