import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { topicStory } from './test/topic-stories';
import { IndexingClient } from './client';
import { FeatureFeed } from './feature-feed';
import { runningWorkers, started, stopWorker, whenStopped } from '../workers/worker-exit';

// Workers are asked to exit and exit by themselves; terminate() only for one that does not
// answer. (A terminate() that lands as a worker starts a node:fs promise call aborts the
// whole process in Node 20: it did in CI, closing a library whose worker read its snapshot.)

/** A worker that keeps starting fs promise calls, as a worker reading a snapshot does, and exits when asked. */
function busyReader(): Worker {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { stat } = require('node:fs/promises');
    parentPort.on('message', (message) => { if (message.type === 'exit') process.exit(0); });
    (async () => { for (;;) await stat(__filename).catch(() => stat('.')); })();
    parentPort.postMessage('reading');
  `;
  return started(new Worker(code, { eval: true }));
}

const once = (worker: Worker, event: string) => new Promise<unknown>((resolve) => worker.once(event, resolve));

describe('stopping a worker', () => {
  it('asks it to exit and waits until it has, mid fs calls, with exit code 0', async () => {
    for (let round = 0; round < 5; round++) {
      const worker = busyReader();
      await once(worker, 'message');
      const code = once(worker, 'exit');
      const ending = stopWorker(worker);
      // Asked twice (a feed closed twice): one stop.
      expect(stopWorker(worker)).toBe(ending);
      expect(await ending).toBe('exited');
      expect(await code).toBe(0);
      expect(await stopWorker(worker)).toBe('ended');
    }
  });

  it('tells the workers left running (for the test set-up) from those asked to stop, and waits for these', async () => {
    const worker = busyReader();
    await once(worker, 'message');
    expect(runningWorkers()).toContain(worker);
    const ending = stopWorker(worker);
    expect(runningWorkers()).not.toContain(worker);
    await whenStopped();
    expect(await stopWorker(worker)).toBe('ended');
    expect(await ending).toBe('exited');
  });

  it('terminates a worker that does not exit within the grace period', async () => {
    const worker = started(new Worker(`require('node:worker_threads').parentPort.postMessage('up'); for (;;) {}`, { eval: true }));
    await once(worker, 'message');
    expect(await stopWorker(worker, 100)).toBe('terminated');
  });
});

describe('closing a library’s indexing worker', () => {
  it('lets the worker exit by itself, whatever it is doing: starting, reading its snapshot, building with the feature worker, idle', { timeout: 60_000 }, async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      try {
        await store.addStories(Array.from({ length: 400 }, (_, n) => topicStory(n)));
        const first = new IndexingClient(store);
        await first.whenReady();
        await first.saveSnapshot();
        await first.close();
        expect(first.workerEnd).toBe('exited');
        // From the snapshot: closed at moments spread over the worker's start and load.
        for (let round = 0; round < 12; round++) {
          const client = new IndexingClient(store);
          await new Promise((resolve) => setTimeout(resolve, round * 15));
          await client.close();
          expect(client.workerEnd, `closed after ${round * 15} ms`).toBe('exited');
        }
        // A full build with the feature worker (1,000 stories or more) closed midway.
        await store.addStories(Array.from({ length: 800 }, (_, n) => fakeStory(`x${n}`, `Kabinet neemt besluit over dijkversterking ${n}`)));
        for (const wait of [150, 400]) {
          const building = new IndexingClient(store, { snapshot: { enabled: false } });
          await new Promise((resolve) => setTimeout(resolve, wait));
          if (wait === 150) expect(building.lastBuild, 'still building').toBeNull();
          await building.close();
          expect(building.workerEnd).toBe('exited');
        }
      } finally {
        await store.close();
      }
    });
  });

  it('ends the feature worker by asking it, when the feed is closed midway', { timeout: 30_000 }, async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 300 }, (_, n) => topicStory(n)));
      const feed = new FeatureFeed(dir, store.meta, null);
      expect(await feed.take([...store.liveIds()][0]!)).toBeDefined();
      feed.close();
      feed.close();
      expect(await feed.stopped).toBe('exited');
      await store.close();
    });
  });
});
