import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecentChange } from '../../../../shared/contract/library';
import { openKroniek } from '../../app';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { ok } from '../../service/test/calls';
import { ACCOUNTS, startDesk, until, type Desk } from './test/desk';

// The library's recent changes ("Recente wijzigingen"): the editor's own edits (marked while
// Undo can take them back), undo, and what arrived from a colleague through the desk database,
// with the colleague's name; newest first, bounded, and still there after a restart.

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk(['recent']);
}, 30_000);

afterAll(async () => {
  await desk?.stop();
});

const open = (dir: string, name: string, account: 'anna' | 'ben') =>
  openKroniek({ platform: 'cli', dataDir: path.join(dir, name), indexes: 'lazy', syncCredentials: () => ({ password: ACCOUNTS[account].password }) });
const recent = (core: Awaited<ReturnType<typeof open>>, limit?: number) => ok<RecentChange[]>(core, 'history.recent', limit ? { limit } : {});

describe('recent changes', () => {
  it('lists local edits and a colleague\'s incoming ones with the author, newest first, and keeps them over a restart', async () => {
    await withTempDir(async (dir) => {
      let a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        await a.context.store.addStories([fakeStory('r1'), fakeStory('r2')]);
        await ok(a, 'sync.connect', { url: desk.url('recent'), user: 'anna' });
        await ok(b, 'sync.connect', { url: desk.url('recent'), user: 'ben' });
        await until(() => b.context.store.hasStored('r2'), 'the stories in B');

        await ok(b, 'stories.setNote', { id: 'r1', note: 'van Ben' });
        await until(() => a.context.store.meta.storyEdits.get('r1')?.note === 'van Ben', 'B\'s note in A');
        await ok(a, 'stories.setNote', { id: 'r2', note: 'van Anna' });
        await ok(a, 'stories.setDate', { id: 'r2', date: '2026-03-01' });
        await ok(a, 'history.undo', {});

        const list = await recent(a);
        expect(list.slice(0, 4).map(({ label, source, author, undoable }) => ({ label, source, author, undoable }))).toEqual([
          { label: { code: 'story.setDate' }, source: 'undo', author: undefined, undoable: false },
          { label: { code: 'story.setDate' }, source: 'mine', author: undefined, undoable: false },
          { label: { code: 'story.setNote' }, source: 'mine', author: undefined, undoable: true },
          { label: { code: 'story.setNote' }, source: 'incoming', author: 'ben', undoable: false },
        ]);
        expect(list.map((change) => change.id)).toEqual([...list.map((change) => change.id)].sort((x, y) => y - x));
        // B lists its own edit as its own (not as incoming).
        expect((await recent(b))[0]).toMatchObject({ label: { code: 'story.setNote' }, source: 'mine', undoable: true });

        await a.close();
        a = await open(dir, 'a', 'anna');
        const again = await recent(a);
        expect(again.slice(0, 4).map(({ label, source, author }) => ({ label, source, author }))).toEqual(list.slice(0, 4).map(({ label, source, author }) => ({ label, source, author })));
        // After a restart nothing is on the undo stack any more.
        expect(again.some((change) => change.undoable)).toBe(false);
        expect(await recent(a, 2)).toHaveLength(2);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 30_000);

  it('names a colleague\'s restore from the Trash as a restore, not as a delete', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        await a.context.store.addStories([fakeStory('t1')]);
        await ok(a, 'sync.connect', { url: desk.url('recent'), user: 'anna' });
        await ok(b, 'sync.connect', { url: desk.url('recent'), user: 'ben' });
        await until(() => b.context.store.hasStored('t1'), 'the story in B');

        await ok(b, 'stories.delete', { ids: ['t1'] });
        await until(() => a.context.store.meta.deleted.includes('t1'), 'B\'s delete in A');
        await ok(b, 'trash.restore', { ids: ['t1'] });
        await until(() => !a.context.store.meta.deleted.includes('t1'), 'B\'s restore in A');

        const incoming = (await recent(a)).filter((change) => change.source === 'incoming' && change.author === 'ben');
        expect(incoming.slice(0, 2).map((change) => change.label)).toEqual([
          { code: 'trash.restore', count: 1 },
          { code: 'story.delete', count: 1 },
        ]);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 30_000);
});
