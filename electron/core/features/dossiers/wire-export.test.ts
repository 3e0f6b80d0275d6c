import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../../shared/contract/dossiers';
import { call } from '../../../cli/command';
import { openKroniek, type KroniekCore } from '../../app';
import { ninjsValidator } from '../../export/test/ninjs-validator';
import { importPrepared } from '../../import/importer';
import { dijkVersion, wireFile, wireItem } from '../../import/test/wire-items';
import { wireStoryId } from '../../import/wire-stories';
import { withTempDir } from '../../store/test/helpers';
import type { WireItem } from '../../import/wire/item';
import { closeExportSession } from './export-session';

// Agency stories in a dossier export: withdrawn ones only with the editor's choice, an
// embargo only with an override (kept in the dossier's history), and the agency's
// version, dates and rights carried into every format.

const DIJK = wireStoryId(dijkVersion(1).guid);
const BRUG = wireStoryId('urn:anp:nieuws:brug-kampen');

async function withWireDossier(run: (core: KroniekCore, dossierId: string) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes: 'lazy', indexSnapshot: { enabled: false } });
    try {
      await importPrepared(core.context.store, [
        wireFile('dijk-1.json', dijkVersion(1)),
        wireFile('dijk-2.json', dijkVersion(2)),
        wireFile(
          'brug.json',
          wireItem({
            guid: 'urn:anp:nieuws:brug-kampen',
            headline: 'Brug bij Kampen dicht voor onderhoud',
            datelinePlace: 'KAMPEN',
            subjects: [],
            infoSources: [{ name: 'ANP', role: 'originfo', uri: 'http://www.anp.nl/' }, { name: 'Rijkswaterstaat', role: null, uri: null }],
            rights: { copyrightHolder: 'ANP', copyrightNotice: null, usageTerms: null, linkedRights: 'https://www.anp.nl/voorwaarden' } as WireItem['rights'],
          }),
        ),
      ]);
      const dossier = await call(core, 'dossiers.create', { title: 'Water en wegen', storyIds: [DIJK, BRUG] });
      await run(core, dossier.dossier.id);
    } finally {
      await closeExportSession(core.context);
      await core.close();
    }
  });
}

const text = (file: ExportedFile) => Buffer.from(file.base64, 'base64').toString('utf8');

describe('agency stories in a dossier export', () => {
  it('carries version, dates, rights and sources into HTML, Markdown and ninjs, which stays valid 3.1', async () => {
    await withWireDossier(async (core, id) => {
      const html = text(await call(core, 'dossiers.export', { id, format: 'html', locale: 'nl' }));
      expect(html).toContain('Versie 2 van 3 december 2026 · eerst verstuurd 3 december 2026');
      expect(html).toContain('Rechten: © 2026 ANP — Alleen voor abonnees.');
      expect(html).toContain('<span class="src-file">Rechten: © 2026 ANP — Alleen voor abonnees.</span>');
      const md = text(await call(core, 'dossiers.export', { id, format: 'md', locale: 'en' }));
      expect(md).toContain('*Version 2 of 3 December 2026 · first sent 3 December 2026*');
      expect(md).toContain('Sources: ANP, Rijkswaterstaat');
      const ninjs = JSON.parse(text(await call(core, 'dossiers.export', { id, format: 'ninjs' })));
      const validate = ninjsValidator();
      expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true);
      const dijk = ninjs.associations.find((item: { headlines: { value: string }[] }) => item.headlines[0]!.value.startsWith('Dijk'));
      expect(dijk).toMatchObject({
        version: '2',
        firstCreated: '2026-12-03T09:02:00.000Z',
        versionCreated: '2026-12-03T09:16:00.000Z',
        pubStatus: 'usable',
        copyrightHolder: 'ANP',
        copyrightNotice: '© 2026 ANP',
        usageTerms: 'Alleen voor abonnees.',
        infoSources: [{ name: 'ANP', role: 'originfo' }],
      });
      expect(dijk.altIds).toContainEqual({ role: 'agency-guid', value: dijkVersion(1).guid });
      const brug = ninjs.associations.find((item: { headlines: { value: string }[] }) => item.headlines[0]!.value.startsWith('Brug'));
      expect(brug).toMatchObject({ copyrightHolder: 'ANP', rightsInfo: { linkedRights: 'https://www.anp.nl/voorwaarden' } });
      expect(brug.infoSources).toEqual([{ name: 'ANP', role: 'originfo', uri: 'http://www.anp.nl/' }, { name: 'Rijkswaterstaat' }]);
    });
  });

  it('asks what to do with a withdrawn story: leave it out, or include it with the printed note', async () => {
    await withWireDossier(async (core, id) => {
      await importPrepared(core.context.store, [wireFile('kill.json', dijkVersion(3, { signals: ['kill'], edNote: 'Onjuiste lengte genoemd.' }))]);
      const asked = await core.dispatch('dossiers.export', { id, format: 'html' });
      expect(asked).toMatchObject({ ok: false, error: { code: 'conflict', reason: { code: 'export.withdrawn', count: 1 } } });
      const without = text(await call(core, 'dossiers.export', { id, format: 'md', withdrawn: 'exclude' }));
      expect(without).not.toContain('Dijk bij Lelystad');
      expect(without).toContain('Brug bij Kampen');
      const withNote = text(await call(core, 'dossiers.export', { id, format: 'html', withdrawn: 'include', locale: 'nl' }));
      expect(withNote).toContain('<p class="wire-withdrawn" role="note">Ingetrokken door het persbureau op 3 december 2026. Notitie van het persbureau: Onjuiste lengte genoemd.</p>');
      const english = text(await call(core, 'dossiers.export', { id, format: 'md', withdrawn: 'include', locale: 'en' }));
      expect(english).toContain('**Withdrawn by the agency on 3 December 2026. Note from the agency: Onjuiste lengte genoemd.**');
      const ninjs = JSON.parse(text(await call(core, 'dossiers.export', { id, format: 'ninjs', withdrawn: 'include' })));
      expect(ninjsValidator()(ninjs)).toBe(true);
      expect(ninjs.associations[0].pubStatus).toBe('canceled');
    });
  });

  it('refuses to export before an embargo has passed unless overridden, and records the override', async () => {
    await withWireDossier(async (core, id) => {
      const until = new Date(Date.now() + 3_600_000).toISOString();
      await importPrepared(core.context.store, [wireFile('embargo.json', dijkVersion(3, { embargoedUntil: until }))]);
      const refused = await core.dispatch('dossiers.export', { id, format: 'md' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', reason: { code: 'export.embargoed', count: 1, until } } });
      expect(core.context.store.meta.dossiers[0]!.history).toBeUndefined();
      const md = text(await call(core, 'dossiers.export', { id, format: 'md', overrideEmbargo: true, locale: 'en' }));
      expect(md).toContain('Embargo until');
      const history = core.context.store.meta.dossiers[0]!.history!;
      expect(history).toEqual([{ code: 'export.embargoOverride', at: expect.any(String), format: 'md', storyIds: [DIJK] }]);
      // A passed embargo needs no override.
      await importPrepared(core.context.store, [wireFile('lifted.json', dijkVersion(4, { embargoedUntil: '2026-01-01T00:00:00Z' }))]);
      expect((await core.dispatch('dossiers.export', { id, format: 'md' })).ok).toBe(true);
    });
  });

  it('exports the version the dossier keeps: an older one pinned, an unknown one refused, back to the newest (undoable)', async () => {
    await withWireDossier(async (core, id) => {
      const pinned = await call(core, 'dossiers.pinVersion', { id, storyId: DIJK, version: 1 });
      expect(pinned.entries.find((entry) => entry.storyId === DIJK)).toMatchObject({ version: 1 });
      const md = text(await call(core, 'dossiers.export', { id, format: 'md', locale: 'nl' }));
      expect(md).toContain('Dijk bij Lelystad verzakt na dagen regen');
      expect(md).not.toContain('verzakt over 50 meter');
      expect(await core.dispatch('dossiers.pinVersion', { id, storyId: DIJK, version: 7 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      await call(core, 'history.undo', {});
      const newest = text(await call(core, 'dossiers.export', { id, format: 'md', locale: 'nl' }));
      expect(newest).toContain('Dijk bij Lelystad verzakt over 50 meter');
      await call(core, 'history.redo', {});
      const back = await call(core, 'dossiers.pinVersion', { id, storyId: DIJK, version: null });
      expect(back.entries.find((entry) => entry.storyId === DIJK)?.version).toBeUndefined();
    });
  });
});
