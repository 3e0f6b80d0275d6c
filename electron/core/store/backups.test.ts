import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openKroniek } from '../app';
import { selectBackupsToKeep } from './backup-retention';
import { BACKUP_DIR, BackupScheduler, listBackups, readBackup, writeBackup, type BackupClock } from './backups';
import { emptyMeta } from './meta';
import { META_FILE } from './meta-file';
import { fakeStory, withTempDir } from './test/helpers';
import { StoryMap } from './story-map';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('backup retention', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('keeps everything recent, one per hour, one per day, then one per month', () => {
    const times = [
      ...Array.from({ length: 6 }, (_, i) => now - i * 10 * 60_000), // every 10 min for the last hour
      ...Array.from({ length: 40 }, (_, i) => now - 3 * HOUR - i * 30 * 60_000), // every 30 min, 3–23 h ago
      ...Array.from({ length: 20 }, (_, i) => now - 3 * DAY - i * 12 * HOUR), // twice a day, 3–13 days ago
      ...Array.from({ length: 30 }, (_, i) => now - 40 * DAY - i * 10 * DAY), // every 10 days, 40–330 days ago
    ];
    const kept = selectBackupsToKeep(times, now);
    // All six of the last hour.
    expect(kept.filter((t) => now - t < HOUR)).toHaveLength(6);
    // At most one per hour between 2 h and 2 days.
    const hourly = kept.filter((t) => now - t >= 2 * HOUR && now - t < 2 * DAY);
    expect(new Set(hourly.map((t) => Math.floor(t / HOUR))).size).toBe(hourly.length);
    // At most one per day between 2 and 30 days.
    const daily = kept.filter((t) => now - t >= 2 * DAY && now - t < 30 * DAY);
    expect(new Set(daily.map((t) => Math.floor(t / DAY))).size).toBe(daily.length);
    expect(daily.length).toBeGreaterThan(5);
    // Old ones sparse and bounded.
    expect(kept.filter((t) => now - t >= 30 * DAY).length).toBeLessThanOrEqual(12);
    expect(kept.length).toBeLessThan(times.length);
  });

  it('always keeps the newest backup, however old', () => {
    const old = now - 400 * DAY;
    expect(selectBackupsToKeep([old], now)).toEqual([old]);
    expect(selectBackupsToKeep([], now)).toEqual([]);
  });
});

describe('backups and recovery', () => {
  it('reads the plain JSON backups of earlier versions, and refuses a compressed one that is damaged or would expand beyond a library file', async () => {
    await withTempDir(async (dir) => {
      const meta = { ...emptyMeta(), taggings: StoryMap.from({ a1: ['t1'] }) };
      await writeBackup(dir, meta);
      await writeFile(path.join(dir, BACKUP_DIR, 'library-2020-01-01T00-00-00-000Z.json'), JSON.stringify(meta));
      expect((await readBackup(dir, 'library-2020-01-01T00-00-00-000Z.json'))?.taggings.get('a1')).toEqual(['t1']);
      expect((await listBackups(dir)).map((backup) => backup.name.replace(/\d/g, '0'))).toEqual(['library-0000-00-00T00-00-00-000Z.json.gz', 'library-0000-00-00T00-00-00-000Z.json']);
      const zipped = gzipSync(JSON.stringify(meta));
      await writeFile(path.join(dir, BACKUP_DIR, 'library-2021-01-01T00-00-00-000Z.json.gz'), zipped.subarray(0, zipped.length - 9));
      expect(await readBackup(dir, 'library-2021-01-01T00-00-00-000Z.json.gz')).toBeNull();
      // 600 MB of spaces in ~600 kB: more than library.json may ever be (META_MAX_BYTES).
      await writeFile(path.join(dir, BACKUP_DIR, 'library-2022-01-01T00-00-00-000Z.json.gz'), gzipSync(Buffer.alloc(600 * 1024 * 1024, 0x20), { level: 9 }));
      expect(await readBackup(dir, 'library-2022-01-01T00-00-00-000Z.json.gz')).toBeNull();
    });
  });

  it('writes the document as JSON.stringify would, made a slice at a time, gzip-compressed, and reads it back', async () => {
    await withTempDir(async (dir) => {
      const ids = Array.from({ length: 20_000 }, (_, i) => `s${i.toString(16).padStart(6, '0')}`);
      const meta = {
        ...emptyMeta(),
        deleted: ids.slice(0, 500),
        taggings: StoryMap.from(ids.map((id, i) => [id, i % 3 ? ['t1'] : ['t1', 't2']] as [string, string[]])),
        storyEdits: StoryMap.from(ids.filter((_, i) => i % 4 === 0).map((id) => [id, { note: 'Bron: ANP — “citaat” é' }] as [string, { note: string }])),
      };
      const info = await writeBackup(dir, meta);
      expect(info.name).toMatch(/^library-.*\.json\.gz$/);
      const stored = await readFile(path.join(dir, BACKUP_DIR, info.name));
      expect(gunzipSync(stored).toString('utf8')).toBe(JSON.stringify(meta));
      expect(info.bytes).toBe(stored.length);
      // Compressed: the ids and records repeat.
      expect(stored.length).toBeLessThan(Buffer.byteLength(JSON.stringify(meta)) / 3);
      expect((await readBackup(dir, info.name))?.taggings.get('s000001')).toEqual(['t1']);
    });
  });

  it('writes verified backups and restores the newest valid one when the library file is damaged', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      await core.context.store.addStories([fakeStory('a1')]);
      await core.context.store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: StoryMap.from({ a1: ['t1'] }) }));
      await core.close();
      expect((await listBackups(dir)).length).toBeGreaterThan(0);

      // A newer backup that is itself damaged must be skipped.
      await writeFile(path.join(dir, BACKUP_DIR, 'library-2099-01-01T00-00-00-000Z.json'), '{"broken');
      const damaged = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(path.join(dir, META_FILE))]);
      await writeFile(path.join(dir, META_FILE), damaged);

      const reopened = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      const status = await reopened.dispatch('library.status', {});
      expect(status).toMatchObject({ ok: true, value: { readOnly: false } });
      const notices = (status as { value: { notices: { code: string }[] } }).value.notices;
      expect(notices.map((notice) => notice.code)).toContain('recovered');
      expect(reopened.context.store.meta.taggings.toJSON()).toEqual({ a1: ['t1'] });
      expect(reopened.context.store.head('a1')).toBeDefined();
      const kept = (await readdir(dir)).find((name) => name.startsWith(`${META_FILE}.damaged-`));
      expect(await readFile(path.join(dir, kept!))).toEqual(damaged);
      await reopened.close();
    });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['truncated', Buffer.from('{"schemaVersion":1,"createdAt":"x","segm')],
    ['NUL-filled', Buffer.alloc(512)],
    ['valid JSON of the wrong shape', Buffer.from('{"schemaVersion":1,"tags":"nope"}')],
    ['a JSON array', Buffer.from('[1,2,3]')],
  ])('never overwrites a %s library file with defaults', async (_label, bytes) => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, META_FILE), bytes);
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      expect(core.context.store.readOnly).toBe(true);
      await core.close();
      expect(await readFile(path.join(dir, META_FILE))).toEqual(bytes);
    });
  });

  it('a damaged current file never pushes out the last good backup', async () => {
    await withTempDir(async (dir) => {
      const good = { ...emptyMeta(), tags: [{ id: 't1', name: 'Kim', color: null, parentId: null, mediaTopic: null }] };
      await writeBackup(dir, good, new Date('2026-01-01T00:00:00Z'));
      await writeFile(path.join(dir, META_FILE), 'garbage');
      for (let i = 0; i < 3; i++) {
        const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
        await core.close();
      }
      const backups = await listBackups(dir);
      expect(backups.some((backup) => backup.name === 'library-2026-01-01T00-00-00-000Z.json.gz')).toBe(true);
    });
  });
});

/** A clock moved by hand: timers run when `advance` passes their time, never by waiting. */
class ManualClock implements BackupClock {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  get pending() {
    return this.timers.map((timer) => timer.at - this.time);
  }
  /** Moves time on by `ms`, running each timer that falls due (in order). */
  advance(ms: number) {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.run();
    }
    this.time = until;
  }
}

describe('backup schedule: at most 10 minutes of editing depend on the disk', () => {
  const MIN = 60_000;
  const start = Date.parse('2026-11-23T09:00:00Z');

  async function withScheduler(run: (s: { scheduler: BackupScheduler; clock: ManualClock; edit(): void; backups(): Promise<number[]>; settle(): Promise<void> }) => Promise<void>) {
    await withTempDir(async (dir) => {
      const clock = new ManualClock(start);
      let revision = 0;
      const errors: Error[] = [];
      const scheduler = new BackupScheduler(dir, () => ({ ...emptyMeta(), notes: { s1: `edit ${revision}` } }) as never, (error) => errors.push(error), { clock });
      // Each backup is written to disk: wait for the writes a timer started.
      const settle = async () => {
        await scheduler.idle();
      };
      await run({
        scheduler,
        clock,
        edit: () => {
          revision++;
          scheduler.noteWrite();
        },
        backups: async () => (await listBackups(dir)).map((backup) => (Date.parse(backup.createdAt) - start) / MIN).sort((a, b) => a - b),
        settle,
      });
      expect(errors).toEqual([]);
    });
  }

  it('backs up the first edit after a quiet spell at once, then every 10 minutes while editing goes on', async () => {
    await withScheduler(async ({ clock, edit, backups, settle }) => {
      edit();
      clock.advance(0);
      await settle();
      expect(await backups()).toEqual([0]);
      // An edit every minute for 40 minutes: a backup at 10, 20, 30 and 40.
      for (let minute = 1; minute <= 40; minute++) {
        clock.advance(MIN - 1);
        await settle();
        edit();
        clock.advance(1);
        await settle();
      }
      expect(await backups()).toEqual([0, 10, 20, 30, 40]);
    });
  });

  it('makes the backup when the editing stops, without a further write, and nothing when nothing changed', async () => {
    await withScheduler(async ({ clock, edit, backups, settle }) => {
      edit();
      clock.advance(0);
      await settle();
      clock.advance(3 * MIN);
      edit(); // the last edit: due 10 minutes after the backup before it
      expect(await backups()).toEqual([0]);
      clock.advance(7 * MIN - 1);
      await settle();
      expect(await backups()).toEqual([0]);
      clock.advance(1);
      await settle();
      expect(await backups()).toEqual([0, 10]);
      // Quiet for an hour: no timer, no backup.
      expect(clock.pending).toEqual([]);
      clock.advance(60 * MIN);
      await settle();
      expect(await backups()).toEqual([0, 10]);
    });
  });

  it('backs up what is left at quit and leaves no timer behind', async () => {
    await withScheduler(async ({ scheduler, clock, edit, backups, settle }) => {
      edit();
      clock.advance(0);
      await settle();
      clock.advance(2 * MIN);
      edit();
      expect(clock.pending).toEqual([8 * MIN]);
      await scheduler.close();
      expect(await backups()).toEqual([0, 2]);
      expect(clock.pending).toEqual([]);
      scheduler.noteWrite();
      expect(clock.pending).toEqual([]);
    });
  });
});

describe('backup at quit', () => {
  it('closing the library backs up the last edit, whatever the timer', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      await core.context.store.addStories([fakeStory('q1', 'laatste bewerking')]);
      const answer = await core.dispatch('stories.setNote', { id: 'q1', note: 'vlak voor het afsluiten' });
      expect(answer.ok).toBe(true);
      await core.close();
      const [newest] = await listBackups(dir);
      const meta = JSON.parse(gunzipSync(await readFile(path.join(dir, BACKUP_DIR, newest!.name))).toString('utf8')) as { storyEdits: Record<string, { note?: string }> };
      expect(meta.storyEdits.q1?.note).toBe('vlak voor het afsluiten');
    });
  });
});
