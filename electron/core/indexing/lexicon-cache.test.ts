import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { IndexingClient } from './client';
import { topicStory } from './test/topic-stories';

// The compound lexicon (text/compounds.ts) travels in the index snapshot: a process that
// opens a library with a snapshot takes it from there instead of building it (~0.13 s of
// the worker, right when the indexes become ready and the editor's first search comes).
// Each case runs in a fresh process: in this one a worker has built the lexicon already.

const CHILD = path.join(import.meta.dirname, 'test', 'lexicon-cache-child.ts');
const run = promisify(execFile);

async function child(mode: 'open' | 'take', dir: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, mode, dir], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

/** A library with a few compounds, its indexes built and their snapshot written. */
async function withSnapshot(run: (dir: string) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const store = await LibraryStore.open(dir);
    try {
      await store.addStories([...Array.from({ length: 20 }, (_, n) => topicStory(n)), fakeStory('k1', 'Rusland vuurt kruisraketten af op Kyiv'), fakeStory('k2', 'De wapenstilstand houdt stand'), fakeStory('k3', 'Een raket sloeg in')]);
      const client = new IndexingClient(store, {});
      try {
        await client.whenReady();
        expect(await client.saveSnapshot()).not.toBeNull();
      } finally {
        await client.close();
      }
    } finally {
      await store.close();
    }
    await run(dir);
  });
}

describe('the compound lexicon in the index snapshot', () => {
  it('is taken from the snapshot by a fresh process, which builds none and splits compounds alike', async () => {
    await withSnapshot(async (dir) => {
      expect(await child('open', dir)).toEqual({ origin: 'snapshot', lexicon: 'cached', ids: ['k1', 'k3'], builtHere: false });
    });
  });

  it('is not taken under another fingerprint, in another shape or not as this code writes it; as kept it answers as the built one', async () => {
    await withSnapshot(async (dir) => {
      expect(await child('take', dir)).toEqual({ otherFingerprint: false, otherShape: false, fullTable: false, startsOutOfOrder: false, takenBefore: false, taken: true, origin: 'cached', words: [true, true, true, false] });
    });
  });
});
