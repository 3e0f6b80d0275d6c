import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyOpsInPlace, EDIT_LOG_FIELD, generationOf, readEditLog } from '../edit-log';
import type { StoryContent } from '../meta';
import { META_FILE } from '../meta-file';

/** A fresh temp folder per test, removed afterwards. */
export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The metadata document as it is durably on disk while the library is open: library.json
 * continued by its edit log (as the next opening would read it, without its checks).
 */
export async function durableMeta(dir: string): Promise<Record<string, unknown>> {
  const log = await readEditLog(dir);
  const doc = JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8')) as Record<string, unknown>;
  if (log.generation !== null && log.generation === generationOf(doc)) for (const ops of log.edits) applyOpsInPlace(doc, ops);
  delete doc[EDIT_LOG_FIELD];
  return doc;
}

/** A document as JSON reads it back (its StoryMaps as objects): to compare with what is on disk. */
export function plain(meta: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
}

export function fakeStory(id: string, headline = `Kop ${id}`): StoryContent {
  return {
    head: {
      id,
      kind: 'article',
      headline,
      dateline: { place: 'DEN HAAG', agencies: ['ANP'] },
      section: 'Binnenland',
      ageLabel: null,
      pageId: null,
      fileName: `${id}.txt`,
      sha256: `sha-${id}`,
      importedAt: '2026-01-01T00:00:00.000Z',
      contentHash: `hash-${id}`,
      warnings: [],
    },
    body: [{ type: 'paragraph', text: `Tekst van ${id}.` }],
  };
}

/** One agency version of a wire story (content id `<storyId>v<version>`), as the importer stores it. */
export function wireVersion(storyId: string, version: number, headline: string): StoryContent {
  const base = fakeStory(`${storyId}v${version}`, headline);
  return {
    head: {
      ...base.head,
      wire: {
        storyId,
        guid: `urn:anp:${storyId}`,
        version,
        format: 'ninjs',
        firstCreated: '2026-01-01T08:00:00.000Z',
        versionCreated: `2026-01-01T${String(8 + version).padStart(2, '0')}:00:00.000Z`,
        date: '2026-01-01',
        status: 'usable',
        signals: version > 1 ? ['update'] : [],
        embargoedUntil: null,
        edNote: null,
        subheadline: null,
        slugline: 'dijk',
        byline: null,
        language: 'nl',
        rights: { copyrightHolder: 'ANP', copyrightNotice: null, usageTerms: null },
        infoSources: [],
        words: 5,
      },
    },
    body: [{ type: 'paragraph', text: `Versie ${version} van het bericht.` }],
  };
}
