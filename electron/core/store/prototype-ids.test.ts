import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeId } from '../../../shared/contract/define';
import type { ListPage } from '../../../shared/contract/library';
import { openKroniek, type KroniekCore } from '../app';
import { ok } from '../service/test/calls';
import { withOwn } from './records';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';

// Issue 17 item 4: an archive story with the id `constructor` broke search, suggestions
// and tagging for the whole library (`before.filter is not a function`). Ids drawn from
// every Object.prototype name and from random strings, sent to every entry point that
// takes an id, never break anything: each call answers (ok, or a clear refusal), and the
// library still lists, searches, suggests, tags, links, makes dossiers and exports.

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const REFUSALS = new Set(['invalid-input', 'not-found', 'conflict']);

let dir: string;
let core: KroniekCore;
let real: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-proto-'));
  core = await openKroniek({ dataDir: path.join(dir, 'lib'), seedsDir: SEEDS, platform: 'cli', indexes: 'eager' });
  await ok(core, 'library.ready', {});
  real = (await ok<ListPage>(core, 'stories.list', { limit: 3 })).items.map((item) => item.id);
}, 60_000);

afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

async function answers(method: string, input: unknown): Promise<void> {
  const answer = await core.dispatch(method, input);
  if (!answer.ok) expect(REFUSALS.has(answer.error.code), `${method} ${JSON.stringify(input)}: ${answer.error.code} ${answer.error.message}`).toBe(true);
}

async function libraryStillWorks(): Promise<void> {
  expect((await ok<ListPage>(core, 'stories.list', { query: 'Poetin' })).total).toBeGreaterThan(0);
  await ok(core, 'tags.suggest', { storyId: real[0] });
  await ok(core, 'tags.apply', { storyIds: [real[0]], addNames: ['Proef'] });
  await ok(core, 'links.create', { from: real[0], to: real[1], type: 'related' });
  await ok(core, 'links.remove', { storyA: real[0], storyB: real[1] });
  await ok(core, 'stories.get', { id: real[1] });
  await ok(core, 'related.list', { storyId: real[0] });
  await ok(core, 'dossiers.create', { title: 'Proef', storyIds: real });
}

describe('ids that are Object.prototype names', () => {
  it('are refused by the one id pattern, which takes every id Kroniek makes', () => {
    for (const name of [...PROTOTYPE_NAMES, '__proto__', 'prototype']) if (name !== 'prototype') expect(isSafeId(name), name).toBe(false);
    for (const id of ['a308492d5255544f', 'b1caabcfd4e2744f', 'w0123456789abcde', 'v0123456789abcde', 't0123456789abcdef', 's1', 'x']) expect(isSafeId(id), id).toBe(true);
  });

  it('never break search, suggestions, tagging, links, dossiers or export, at any entry point', async () => {
    const ids = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 70 }), fc.stringMatching(/^[a-z][0-9a-f]{15}$/));
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        await answers('stories.get', { id });
        await answers('stories.setNote', { id, note: 'x' });
        await answers('tags.apply', { storyIds: [id, real[0]], addNames: [id.trim() || 'leeg'] });
        await answers('tags.suggest', { storyId: id });
        await answers('tags.dismissSuggestion', { storyId: id, name: 'x' });
        await answers('links.create', { from: real[0], to: id, type: 'related' });
        await answers('related.list', { storyId: id });
        await answers('series.get', { storyId: id });
        await answers('dossiers.create', { title: 'Dossier', storyIds: [id] });
        await answers('dossiers.get', { id });
        await answers('stories.setDates', { ids: [id], date: '2024-01-02' });
      }),
      { numRuns: 60, seed: 17 },
    );
    await libraryStillWorks();
  }, 60_000);

  it('an archive story, tag, link or record keyed by one is refused or ignored, and the library keeps working', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const story = { head: { id: name, kind: 'article', headline: 'Kop', dateline: { place: '', agencies: [] }, section: null, ageLabel: null, pageId: null, fileName: 'x.txt', sha256: 's', importedAt: '2026-01-01T00:00:00.000Z', contentHash: `h-${name}`, warnings: [] }, body: [] };
      const meta = {
        createdAt: '2026-01-01T00:00:00.000Z', deleted: [], storyEdits: withOwn({}, name, { note: 'n' }), tags: [{ id: name, name: name, color: null, parentId: null }], taggings: withOwn({}, name, [name]),
        links: [{ id: name, from: name, to: real[0], type: 'related' }], dossiers: [{ id: name, title: 'D', entries: [{ storyId: name }] }], dismissedTagSuggestions: withOwn({}, name, ['x']), dismissedRelated: [`${name}|${real[0]}`],
        savedSearches: [], notices: [], opened: withOwn({}, name, 1),
      };
      const file = path.join(dir, `archive-${name}.json`);
      // With the story: refused (its id). Without it: merged, everything about the unknown story ignored.
      await writeFile(file, JSON.stringify({ format: 'kroniek-library', formatVersion: 1, schemaVersion: 2, exportedAt: '2026-01-01T00:00:00.000Z', meta, stories: [story] }));
      const refused = await core.dispatch('library.importArchiveFromPath', { path: file });
      expect(refused.ok, name).toBe(false);
      await writeFile(file, JSON.stringify({ format: 'kroniek-library', formatVersion: 1, schemaVersion: 2, exportedAt: '2026-01-01T00:00:00.000Z', meta, stories: [] }));
      await answers('library.importArchiveFromPath', { path: file });
    }
    await libraryStillWorks();
    await ok(core, 'library.exportArchiveToPath', { path: path.join(dir, 'out.json') });
  }, 60_000);
});
