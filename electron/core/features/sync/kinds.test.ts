import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../../shared/contract/dossiers';
import type { SyncConflict } from '../../../../shared/contract/sync';
import type { ChronologyLine, DossierQuote, UpdateProposal } from '../../../../shared/types';
import { createChromiumPrinter } from '../../export/chromium-printer';
import type { PdfPrinter } from '../../ports';
import { openKroniek, type KroniekCore } from '../../app';
import type { StoryContent } from '../../store/meta';
import { fakeStory, withTempDir, wireVersion } from '../../store/test/helpers';
import { ok } from '../../service/test/calls';
import { storeLines } from '../chronology/ops';
import { nameSeries } from '../links/ops';
import { ACCOUNTS, startDesk, type Account, type Desk } from './test/desk';

// Every kind of record beyond tags, notes and dossiers is shared (docs/TEAM-LIBRARY.md):
// agency versions, chronology lines, the Trash, series names, dismissed suggestions and
// update proposals, each with its merge rule, between two libraries on one desk database.

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk(['kinds', 'kinds-offline', 'kinds-export']);
}, 30_000);
afterAll(async () => {
  await desk?.stop();
});

async function open(dir: string, name: string, account: Account, printer?: PdfPrinter): Promise<KroniekCore> {
  return openKroniek({ platform: 'cli', dataDir: path.join(dir, name), indexes: 'lazy', ports: printer ? { printer } : undefined, syncCredentials: () => ({ password: ACCOUNTS[account].password }) });
}

const run = promisify(execFile);

const line = (key: string, summary: string): ChronologyLine => ({
  key,
  date: { granularity: 'day', date: '2026-01-02' },
  summary,
  sources: [{ storyId: 's1', paragraph: 0, start: 0, end: 10, sentence: 'Tekst van s1.' }],
  status: 'approved',
  confidence: 0.9,
});

const proposal = (id: string, storyId: string, candidateId: string): UpdateProposal => ({
  id,
  storyId,
  candidateId,
  status: 'open',
  headlineSimilarity: 0.8,
  leadSimilarity: 0.7,
  proposedAt: '2026-01-01T10:00:00.000Z',
});

async function round(...cores: KroniekCore[]): Promise<void> {
  for (const core of cores) await core.context.sync.syncOnce();
}

describe('every kind of record is shared', () => {
  it('versions, chronology, Trash, series names, dismissed suggestions and proposals go from A to B and back', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        const sa = a.context.store;
        const sb = b.context.store;
        await sa.addStories([...['s1', 's2', 's3', 's4', 's5', 'c1', 'c2'].map((id) => fakeStory(id)), wireVersion('w1', 1, 'Dijk verzakt')]);
        const { dossier } = await ok<{ dossier: { id: string } }>(a, 'dossiers.create', { title: 'Dijken' });
        await sa.update({ code: 'test' } as never, (meta) => ({
          ...storeLines(meta, dossier.id, [line('s1:0:0', 'De dijk verzakt.')], [], '2026-01-02T00:00:00.000Z'),
          updateProposals: [proposal('p1', 's4', 'c1'), proposal('p2', 's5', 'c2')],
        }));
        await a.context.sync.connect({ url: desk.url('kinds'), user: 'anna' }, { live: false });
        await b.context.sync.connect({ url: desk.url('kinds'), user: 'ben' }, { live: false });

        // The first mirroring brought the agency version, the line and the proposals.
        expect(sb.storyVersions('w1').map((v) => v.version)).toEqual([1]);
        expect(sb.meta.dossiers[0]?.chronology?.map((l) => l.summary)).toEqual(['De dijk verzakt.']);
        expect(sb.meta.updateProposals?.map((p) => [p.id, p.status])).toEqual([['p1', 'open'], ['p2', 'open']]);

        // A later version (immutable, union), a line edited, a story trashed, a series named, a suggestion dismissed, proposals decided.
        await sa.addStories([wireVersion('w1', 2, 'Dijk verzakt over 50 meter')]);
        await sa.update(null, (meta) => storeLines(meta, dossier.id, [{ ...line('s1:0:0', 'De dijk verzakt over vijftig meter.'), edited: true }], [], '2026-01-03T00:00:00.000Z'));
        await ok(a, 'stories.delete', { ids: ['s2'] });
        await sa.update(null, (meta) => nameSeries(meta, ['s1', 's3'], 'Dijkval'));
        await ok(a, 'tags.dismissSuggestion', { storyId: 's1', name: 'Waterschap' });
        await ok(a, 'proposals.decline', { id: 'p1' });
        await ok(a, 'proposals.accept', { id: 'p2' });
        await round(a, b);

        expect(sb.storyVersions('w1').map((v) => v.version)).toEqual([1, 2]);
        expect(sb.head('w1')?.headline).toBe('Dijk verzakt over 50 meter');
        expect(sb.meta.dossiers[0]?.chronology).toEqual([{ ...line('s1:0:0', 'De dijk verzakt over vijftig meter.'), edited: true }]);
        expect(sb.isDeleted('s2')).toBe(true);
        expect(sb.meta.seriesNames).toEqual({ s1: 'Dijkval', s3: 'Dijkval' });
        expect(sb.meta.dismissedTagSuggestions.s1).toEqual(sa.meta.dismissedTagSuggestions.s1);
        expect(sb.meta.updateProposals?.map((p) => [p.id, p.status])).toEqual([['p1', 'declined'], ['p2', 'accepted']]);
        // Accepting merged c2 into s5 in B too: c2 is purged, s5 shows its text as a later version.
        expect(sb.isPurged('c2')).toBe(true);
        expect(sb.meta.storyEdits.get('s5')?.pageVersions).toEqual(['c2']);
        // None of it is on B's undo stack.
        expect(sb.historyState().canUndo).toBe(false);

        // Back from B: restored from the Trash, then purged in A reaches B; a series renamed.
        await ok(b, 'trash.restore', { ids: ['s2'] });
        await sb.update(null, (meta) => nameSeries(meta, ['s1', 's3'], 'Dijkdoorbraak'));
        await round(b, a);
        expect(sa.isDeleted('s2')).toBe(false);
        expect(sa.meta.seriesNames).toEqual({ s1: 'Dijkdoorbraak', s3: 'Dijkdoorbraak' });
        await ok(a, 'stories.delete', { ids: ['s3'] });
        await ok(a, 'trash.empty', { ids: ['s3'] });
        await round(a, b);
        expect(sb.isPurged('s3')).toBe(true);
        expect(sb.meta.seriesNames).toEqual({ s1: 'Dijkdoorbraak' });
        expect(await ok<SyncConflict[]>(b, 'sync.conflicts', {})).toEqual([]);
        expect((await ok<{ refused: { count: number } }>(b, 'sync.status', {})).refused.count).toBe(0);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);

  it('offline on both sides: a chronology line edited twice is a conflict, dismissals unite, a purge beats a restore', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        const sa = a.context.store;
        const sb = b.context.store;
        await sa.addStories(['s1', 's2', 's3'].map((id) => fakeStory(id)));
        const { dossier } = await ok<{ dossier: { id: string } }>(a, 'dossiers.create', { title: 'Dijken' });
        await sa.update(null, (meta) => storeLines(meta, dossier.id, [line('s1:0:0', 'De dijk verzakt.')], [], '2026-01-02T00:00:00.000Z'));
        await ok(a, 'stories.delete', { ids: ['s3'] });
        await a.context.sync.connect({ url: desk.url('kinds-offline'), user: 'anna' }, { live: false });
        await b.context.sync.connect({ url: desk.url('kinds-offline'), user: 'ben' }, { live: false });
        expect(sb.isDeleted('s3')).toBe(true);

        await sa.update(null, (meta) => storeLines(meta, dossier.id, [{ ...line('s1:0:0', 'Anna: de dijk bezwijkt.'), edited: true }], [], '2026-01-03T00:00:00.000Z'));
        await sb.update(null, (meta) => storeLines(meta, dossier.id, [{ ...line('s1:0:0', 'Ben: de dijk houdt het niet.'), edited: true }], [], '2026-01-03T00:00:00.000Z'));
        await ok(a, 'tags.dismissSuggestion', { storyId: 's1', name: 'Waterschap' });
        await ok(b, 'tags.dismissSuggestion', { storyId: 's1', name: 'Rijkswaterstaat' });
        await ok(a, 'trash.empty', { ids: ['s3'] });
        await ok(b, 'trash.restore', { ids: ['s3'] });
        await round(a, b, a);

        for (const core of [a, b]) {
          const conflicts = await ok<SyncConflict[]>(core, 'sync.conflicts', {});
          expect(conflicts.map((c) => [c.id, c.kind, c.target])).toEqual([[`chronology:${dossier.id}:s1:0:0`, 'chronology', dossier.id]]);
          expect(conflicts[0]!.versions.map((v) => (v.value as { summary: string }).summary).sort()).toEqual(['Anna: de dijk bezwijkt.', 'Ben: de dijk houdt het niet.']);
          expect([...(core.context.store.meta.dismissedTagSuggestions.s1 ?? [])].sort()).toEqual(['rijkswaterstaat', 'waterschap']);
          expect(core.context.store.isPurged('s3')).toBe(true);
        }
        expect(sa.meta.dossiers[0]?.chronology?.[0]?.summary).toBe(sb.meta.dossiers[0]?.chronology?.[0]?.summary);

        await ok(b, 'sync.resolve', { conflictId: `chronology:${dossier.id}:s1:0:0`, take: 'mine' });
        await round(b, a);
        expect(sa.meta.dossiers[0]?.chronology?.[0]?.summary).toBe('Ben: de dijk houdt het niet.');
        expect(await ok<SyncConflict[]>(a, 'sync.conflicts', {})).toEqual([]);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);

  it('a dossier built in A (entries, order, notes, a pinned version, chronology, quotes) exports to the same PDF, HTML and Markdown in B', async () => {
    await withTempDir(async (dir) => {
      const printer = createChromiumPrinter();
      const a = await open(dir, 'a', 'anna', printer);
      const b = await open(dir, 'b', 'ben', printer);
      try {
        const sa = a.context.store;
        const story = (id: string, headline: string, text: string): StoryContent => ({ ...fakeStory(id, headline), body: [{ type: 'paragraph', text }, { type: 'paragraph', text: `Tweede alinea van ${id}.` }] });
        await sa.addStories([
          story('s1', 'Dijk bij Lelystad verzakt', 'Op 2 januari verzakte de dijk bij Lelystad over vijftig meter.'),
          story('s2', 'Waterschap sluit weg af', 'Het waterschap sloot de weg op 3 januari af, zei de dijkgraaf.'),
          story('s3', 'Minister bezoekt dijk', '"We laten niemand in de steek," zei de minister op 5 januari.'),
          wireVersion('w1', 1, 'Dijk verzakt'),
          wireVersion('w1', 2, 'Dijk verzakt over 50 meter'),
        ]);
        await ok(a, 'stories.setDate', { id: 's1', date: '2026-01-02' });
        const { dossier } = await ok<{ dossier: { id: string } }>(a, 'dossiers.create', { title: 'Dijkval bij Lelystad', subtitle: 'Een reconstructie', intro: 'Wat er gebeurde, dag na dag.' });
        await ok(a, 'dossiers.addStories', { id: dossier.id, storyIds: ['s1', 's2', 's3', 'w1'] });
        await ok(a, 'dossiers.setOrder', { id: dossier.id, storyIds: ['s3', 's1', 'w1', 's2'] });
        await ok(a, 'dossiers.setEntryNote', { id: dossier.id, storyId: 's1', note: 'Eerste melding; bron ANP.' });
        await ok(a, 'dossiers.pinVersion', { id: dossier.id, storyId: 'w1', version: 1 });
        const quote: DossierQuote = {
          key: 's3:0:1',
          kind: 'direct',
          text: 'We laten niemand in de steek',
          speaker: { key: 'de minister', name: 'de minister' },
          speakerText: 'de minister',
          attribution: 'role',
          storyId: 's3',
          headline: 'Minister bezoekt dijk',
          date: '2026-01-05',
          paragraph: 0,
          start: 1,
          end: 29,
          addedAt: '2026-01-06T10:00:00.000Z',
        };
        // A speaker that is not a person carries its kind (the quotes view and the exports tell them apart).
        const byOrganisation: DossierQuote = { ...quote, key: 's2:0:0', text: 'de weg gaat dicht', kind: 'indirect', speaker: { key: 'waterschap', name: 'Het waterschap', kind: 'organisation' }, speakerText: 'Het waterschap', attribution: 'named', storyId: 's2', headline: 'Waterschap sluit weg af', date: null, start: 0, end: 64 };
        await sa.update(null, (meta) => {
          const next = storeLines(meta, dossier.id, [line('s1:0:0', 'De dijk bij Lelystad verzakt.'), { ...line('s2:0:0', 'Het waterschap sluit de weg af.'), date: { granularity: 'day', date: '2026-01-03' } }], [], '2026-01-06T00:00:00.000Z');
          return { ...next, dossiers: next.dossiers.map((d) => (d.id === dossier.id ? { ...d, quotes: [quote, byOrganisation] } : d)) };
        });
        await a.context.sync.connect({ url: desk.url('kinds-export'), user: 'anna' }, { live: false });
        await b.context.sync.connect({ url: desk.url('kinds-export'), user: 'ben' }, { live: false });

        expect(b.context.store.meta.dossiers[0]).toMatchObject({ quotes: [quote, byOrganisation], entries: a.context.store.meta.dossiers[0]!.entries });
        const exported = async (core: KroniekCore, format: 'pdf' | 'html' | 'md') => Buffer.from((await ok<ExportedFile>(core, 'dossiers.export', { id: dossier.id, format, locale: 'nl' })).base64, 'base64');
        // The export time is the one thing that may differ (to the minute or second, in words or ISO).
        const timeless = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?/g, 'T').replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, 'T');
        for (const format of ['html', 'md'] as const) {
          const [fromA, fromB] = [await exported(a, format), await exported(b, format)];
          expect(timeless(fromB.toString('utf8')), format).toBe(timeless(fromA.toString('utf8')));
          expect(fromA.toString('utf8')).toContain('Eerste melding; bron ANP.');
          expect(fromA.toString('utf8')).toContain('Citaten');
          expect(fromA.toString('utf8')).toContain('Het waterschap sluit de weg af.');
        }
        const pdfText: string[] = [];
        const pages: string[] = [];
        for (const [name, core] of [['a', a], ['b', b]] as const) {
          const file = path.join(dir, `${name}.pdf`);
          await writeFile(file, await exported(core, 'pdf'));
          pdfText.push(timeless((await run('pdftotext', ['-layout', file, '-'])).stdout));
          pages.push(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)?.[1] ?? '?');
        }
        expect(pdfText[1]).toBe(pdfText[0]);
        expect(pages[1]).toBe(pages[0]);
        expect(pdfText[0]).toContain('Dijkval bij Lelystad');
        expect(pdfText[0]).toContain('Eerste melding; bron ANP.');
        // The pinned first version, not the newest.
        expect(pdfText[0]).toContain('Versie 1 van het bericht.');
      } finally {
        await a.close();
        await b.close();
        await printer.close();
      }
    });
  }, 30_000);
});
