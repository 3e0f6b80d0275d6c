import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { indexedMetaOf } from '../store/meta';
import { FeatureFeed } from './feature-feed';
import { BACKGROUND_NICE, lowerThisThreadsPriority } from './thread-priority';

/** The nice value of each thread of this process, by thread id (Linux: /proc/self/task). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Field 19 of stat is the nice value; fields after the command name's closing parenthesis start at 3.
      nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended while read.
    }
  }
  return nices;
}

const lowered = () => [...threadNices()].filter(([, nice]) => nice === BACKGROUND_NICE).map(([tid]) => tid);

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the feature worker’s priority', () => {
  it('is left alone where a thread’s priority cannot be set apart from the process’s (macOS, Windows)', () => {
    const before = getPriority(0);
    expect(lowerThisThreadsPriority('darwin')).toBe(false);
    expect(lowerThisThreadsPriority('win32')).toBe(false);
    expect(getPriority(0)).toBe(before);
  });

  it.runIf(process.platform === 'linux')('is lowered for that thread alone while it runs: the main thread and every other thread keep theirs', { timeout: 60_000 }, async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      // More stories than the feed lets the worker run ahead by (8 batches of 64): the worker
      // then waits, alive, for the stories to be taken, which this test never does.
      await store.addStories(Array.from({ length: 800 }, (_, n) => ({ ...fakeStory(`p${n}`, `Kabinet wil dorpen bereikbaar maken ${n}`), body: [{ type: 'paragraph' as const, text: `Het kabinet wil de dorpen in Drenthe beter bereikbaar maken, zegt minister De Vries (${n}).` }] })));
      const before = threadNices();
      expect(before.get(process.pid)).toBe(0);
      expect(lowered()).toEqual([]);
      const feed = new FeatureFeed(dir, indexedMetaOf(store.meta));
      try {
        await until(() => lowered().length === 1, 'the feature worker thread runs at the background priority');
        const during = threadNices();
        expect(during.get(process.pid)).toBe(0);
        // Every thread there was before (V8's and libuv's helpers among them) keeps its priority.
        for (const [tid, nice] of before) if (during.has(tid)) expect(during.get(tid), `thread ${tid}`).toBe(nice);
      } finally {
        feed.close();
        await store.close();
      }
      await until(() => lowered().length === 0, 'the feature worker thread has ended');
    });
  });
});
