import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { z } from 'zod';
import { ServiceError } from '../../../shared/contract/envelope';
import { syncDirectory } from './durable-file';
import type { LibraryStore } from './library-store';
import { checkMeta, SCHEMA_VERSION, type MetaDoc, type StoryContent } from './meta';

// One-file export of a whole library (every story, deleted ones included, and
// all metadata), and its import into an empty library: the round trip is exact.

export const ARCHIVE_FORMAT = 'kroniek-library';
export const ARCHIVE_VERSION = 1;

const storySchema = z.object({
  head: z
    .object({
      id: z.string().min(1),
      kind: z.enum(['article', 'brief']),
      headline: z.string(),
      dateline: z.object({ place: z.string(), agencies: z.array(z.string()) }),
      contentHash: z.string(),
      sha256: z.string(),
      importedAt: z.string(),
    })
    .passthrough(),
  body: z.array(z.object({ type: z.enum(['paragraph', 'heading']), text: z.string() })),
});

const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_VERSION),
  schemaVersion: z.number().int(),
  exportedAt: z.string(),
  meta: z.record(z.string(), z.unknown()),
  stories: z.array(storySchema),
});

/** Streams the archive to `filePath` (through a temp file, fsynced, then renamed). */
export async function exportLibraryArchive(store: LibraryStore, filePath: string, now = new Date()): Promise<{ stories: number }> {
  const temp = `${filePath}.kroniek-tmp-${process.pid}`;
  const out = createWriteStream(temp, { flags: 'wx' });
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  const { segments: _segments, ...meta } = store.meta;
  let count = 0;
  try {
    await write(`{"format":"${ARCHIVE_FORMAT}","formatVersion":${ARCHIVE_VERSION},"schemaVersion":${store.meta.schemaVersion},"exportedAt":${JSON.stringify(now.toISOString())},\n"meta":${JSON.stringify(meta)},\n"stories":[`);
    for await (const story of store.allStoriesWithBodies()) {
      await write(`${count ? ',' : ''}\n${JSON.stringify(story)}`);
      count++;
    }
    await write('\n]}\n');
    out.end();
    await finished(out);
    const handle = await fs.open(temp, 'r+');
    await handle.sync();
    await handle.close();
    await fs.rename(temp, filePath);
    await syncDirectory(path.dirname(filePath));
  } catch (error) {
    out.destroy();
    await fs.rm(temp, { force: true });
    throw error;
  }
  return { stories: count };
}

/** Imports an archive into an EMPTY library (refuses otherwise, so nothing is ever mixed or lost). */
export async function importLibraryArchive(store: LibraryStore, filePath: string): Promise<{ stories: number }> {
  if (store.storyCount > 0 || store.meta.tags.length || store.meta.dossiers.length) {
    throw new ServiceError('conflict', 'A library archive can only be imported into an empty library. Choose a new data folder.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(filePath, 'utf8'));
  } catch (error) {
    throw new ServiceError('invalid-input', `${path.basename(filePath)} is not a readable Kroniek library archive (${(error as Error).message}).`);
  }
  const parsed = archiveSchema.safeParse(raw);
  if (!parsed.success) throw new ServiceError('invalid-input', `${path.basename(filePath)} is not a Kroniek library archive (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`);
  // Keep the original objects (zod's output reorders keys), so the round trip is byte-exact.
  const archive = raw as { meta: Record<string, unknown>; stories: StoryContent[]; schemaVersion: number };
  if (archive.schemaVersion > SCHEMA_VERSION) throw new ServiceError('conflict', `The archive was written by a newer Kroniek (schema ${archive.schemaVersion}). Update Kroniek to import it.`);
  const checked = checkMeta({ ...archive.meta, segments: [] });
  if (!checked.ok) throw new ServiceError('invalid-input', `The archive's metadata is damaged: ${checked.reason}.`);
  const { segments: _ignored, ...imported } = checked.meta;
  await store.addStories(archive.stories, (meta: MetaDoc) => ({ ...imported, segments: meta.segments }));
  return { stories: archive.stories.length };
}
