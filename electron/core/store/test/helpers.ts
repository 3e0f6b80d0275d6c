import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoryContent } from '../meta';

/** A fresh temp folder per test, removed afterwards. */
export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
