import { plainHead } from '../core/store/stored-heads';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { LibraryStore } from '../core/store/library-store';
import { percentile } from './stats';

/**
 * The naive design for comparison: every story, body included, plus the
 * taggings in ONE lowdb JSON file, rewritten on every edit (lowdb's own
 * JSONFile adapter: steno atomic rename, no fsync).
 */
export async function baselineEditMs(store: LibraryStore, workDir: string, edits = 5): Promise<{ medianMs: number; fileMB: number }> {
  const dir = path.join(workDir, 'baseline');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const stories: unknown[] = [];
  for await (const { head, body } of store.storiesWithBodies()) stories.push({ ...plainHead(head), body });
  const db = new Low<{ stories: unknown[]; taggings: Record<string, string[]> }>(new JSONFile(path.join(dir, 'db.json')), { stories: [], taggings: {} });
  db.data = { stories, taggings: {} };
  await db.write();
  const { size } = await (await import('node:fs/promises')).stat(path.join(dir, 'db.json'));
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    const start = performance.now();
    db.data.taggings[`story-${i}`] = ['bench'];
    await db.write();
    samples.push(performance.now() - start);
  }
  await rm(dir, { recursive: true, force: true });
  return { medianMs: percentile(samples, 50), fileMB: size / 1024 / 1024 };
}
