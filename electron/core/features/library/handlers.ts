import path from 'node:path';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { IndexProgress } from '../../../../shared/contract/library';
import type { DamagedContent, LibraryStatus, Story } from '../../../../shared/types';
import { importBytes, importPaths } from '../../import/importer';
import type { ServiceContext } from '../../service/context';
import type { StoryEdit } from '../../store/meta';
import { listStories } from './list';
import type { PartialHandlers } from '../../service/registry';
import { own, recordWith, withOwn } from '../../store/records';

type LibraryMethod = Exclude<
  Extract<MethodName, `library.${string}` | `stories.${string}` | `import.${string}` | `history.${string}`>,
  | 'library.exportArchiveToFile'
  | 'library.exportArchiveToPath'
  | 'library.exportArchive'
  | 'library.importArchive'
  | 'library.importArchiveFromPath'
  | 'library.importArchiveWithDialog'
  | 'stories.facets'
  | 'stories.snippets'
  | 'library.markOpened'
>;

export function libraryStatus(ctx: ServiceContext): LibraryStatus {
  const { store } = ctx;
  let articles = 0;
  let briefs = 0;
  for (const head of store.liveHeads()) {
    if (head.kind === 'article') articles++;
    else briefs++;
  }
  const meta = store.meta;
  return {
    dataDir: store.dataDir,
    schemaVersion: meta.schemaVersion,
    counts: { articles, briefs, tags: meta.tags.length, links: meta.links.length, dossiers: meta.dossiers.length },
    readOnly: store.readOnly,
    notices: [...store.notices, ...meta.notices],
    index: indexProgress(ctx),
    ...damagedOf(store),
  };
}

function damagedOf(store: ServiceContext['store']): { damaged?: DamagedContent } {
  const damaged = store.damagedContent();
  return damaged ? { damaged } : {};
}

function indexProgress(ctx: ServiceContext): IndexProgress {
  return ctx.search?.progress() ?? { ready: true, indexed: ctx.store.storyCount, total: ctx.store.storyCount };
}

export async function requireStory(ctx: ServiceContext, id: string): Promise<Story> {
  const story = await ctx.store.story(id);
  if (!story) throw new ServiceError('not-found', `No story with id ${id} in the library.`);
  return story;
}

/** The editor's date: set (or cleared) by hand, so no longer an estimate. */
function confirmedDate(edit: StoryEdit | undefined, date: string | null): StoryEdit {
  const { publishedAtEstimated: _estimate, ...rest } = edit ?? {};
  return { ...rest, publishedAt: date };
}

function decodeBase64(name: string, base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ServiceError('invalid-input', `The contents of ${name} are not valid base64.`);
  return Buffer.from(base64, 'base64');
}

export const libraryHandlers: PartialHandlers<LibraryMethod> = {
  'library.status': (_input, ctx) => libraryStatus(ctx),

  'library.dismissNotices': async (_input, ctx) => {
    ctx.store.notices.length = 0;
    if (ctx.store.meta.notices.length && !ctx.store.readOnly) await ctx.store.update(null, (meta) => ({ ...meta, notices: [] }));
    return libraryStatus(ctx);
  },

  'library.checkContent': (_input, ctx) => ctx.store.checkContent(),

  'library.compact': async (_input, ctx) => {
    // The indexing worker may be reading the replaced files: they are deleted at the next open.
    const { segmentsBefore, segmentsAfter, retired, written } = await ctx.store.compact();
    return { segmentsBefore, segmentsAfter, retired, written };
  },

  'library.ready': async (_input, ctx) => {
    await ctx.whenIndexesReady();
    return indexProgress(ctx);
  },

  'stories.list': (input, ctx) => listStories(ctx, input),

  'stories.get': (input, ctx) => requireStory(ctx, input.id),

  'stories.setNote': async (input, ctx) => {
    await requireStory(ctx, input.id);
    await ctx.store.update({ code: 'story.setNote' }, (meta) => ({
      ...meta,
      storyEdits: withOwn<StoryEdit>(meta.storyEdits, input.id, { ...own(meta.storyEdits, input.id), note: input.note }),
    }));
    return requireStory(ctx, input.id);
  },

  'stories.setDate': async (input, ctx) => {
    await requireStory(ctx, input.id);
    await ctx.store.update({ code: 'story.setDate' }, (meta) => ({
      ...meta,
      storyEdits: withOwn(meta.storyEdits, input.id, confirmedDate(own(meta.storyEdits, input.id), input.date)),
    }));
    return requireStory(ctx, input.id);
  },

  'stories.setDates': async (input, ctx) => {
    const ids = [...new Set(input.ids)].filter((id) => ctx.store.head(id) && !ctx.store.isDeleted(id));
    if (ids.length === 0) throw new ServiceError('not-found', 'None of those stories are in the library.');
    if (ids.length < new Set(input.ids).size) {
      throw new ServiceError('not-found', 'Some of those stories are no longer in the library.', { code: 'stories.missing', count: new Set(input.ids).size - ids.length });
    }
    await ctx.store.update({ code: 'story.setDates', count: ids.length }, (meta) => {
      return { ...meta, storyEdits: recordWith(meta.storyEdits, ids.map((id) => [id, confirmedDate(own(meta.storyEdits, id), input.date)] as const)) };
    });
    return { dated: ids.length };
  },

  'stories.delete': async (input, ctx) => {
    const ids = [...new Set(input.ids)].filter((id) => ctx.store.head(id));
    if (ids.length === 0) throw new ServiceError('not-found', 'None of those stories are in the library.');
    await ctx.store.update({ code: 'story.delete', count: ids.length }, (meta) => ({ ...meta, deleted: [...meta.deleted, ...ids] }));
    return { deleted: ids.length };
  },

  'import.files': (input, ctx) =>
    importBytes(
      ctx.store,
      input.files.map((file) => ({ name: file.name, bytes: decodeBase64(file.name, file.base64), lastModified: file.lastModified })),
      ctx.importOptions,
    ),

  'import.withDialog': async (input, ctx) => {
    if (!ctx.ports.dialogs) throw new ServiceError('unsupported', 'Native file dialogs are only available in the desktop app; use the file picker or drag and drop.');
    const paths = await ctx.ports.dialogs.pickImportPaths({ folders: Boolean(input.folders) });
    if (!paths || paths.length === 0) return null;
    return importPaths(ctx.store, paths, ctx.importOptions);
  },

  'import.paths': (input, ctx) => {
    // Relative to what? The caller's working folder is not the core's business.
    const relative = input.paths.find((given) => !path.isAbsolute(given));
    if (relative !== undefined) throw new ServiceError('invalid-input', `Give files and folders to import as absolute paths, not "${relative}".`);
    return importPaths(ctx.store, input.paths, ctx.importOptions);
  },

  'history.state': (_input, ctx) => ctx.store.historyState(),
  'history.recent': (input, ctx) => ctx.store.recentChanges(input.limit),
  'history.undo': (_input, ctx) => ctx.store.undo(),
  'history.redo': (_input, ctx) => ctx.store.redo(),
};
