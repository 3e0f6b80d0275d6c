import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanName } from '../../../shared/clean-text';
import type { DossierDetail } from '../../../shared/contract/dossiers';
import type { SavedSearchItem } from '../../../shared/contract/searches';
import type { TagApplyResult, TagListItem } from '../../../shared/contract/tags';
import { openKroniek, type KroniekCore } from '../app';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { failure, ok } from './test/calls';

// Every name field and every note, through the dispatcher every transport uses (IPC,
// the host, the CLI): control characters and invisible-only names are refused at the
// contract, bidi overrides are stripped, and nothing refused is stored.

const CONTROL = ['Tag\u0000', 'Tag\u001b[31mrood', 'Tag\nregel', 'Tag\r', 'Tag\u007f', 'Tag\u0085', '\u0007'];
const INVISIBLE = ['\u200b', '\u200b\u200c\u200d\u2060', '\ufeff', '\u3164', ' \u00a0 ', '\u2800', '\u034f', '\u202e', '\u2066\u2069', '\u0301'];
const BIDI: [string, string][] = [
  ['\u202eexe.doc', 'exe.doc'],
  ['Oekra\u2066ïne\u2069', 'Oekraïne'],
  ['\u202aLinks\u202c', 'Links'],
];

async function withCore<T>(run: (core: KroniekCore) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes: 'lazy' });
    try {
      await core.context.store.addStories([fakeStory('s1'), fakeStory('s2')]);
      return await run(core);
    } finally {
      await core.close();
    }
  });
}

describe('cleanName and cleanLine', () => {
  it('refuses control characters and names that show nothing; strips bidi controls', () => {
    for (const name of CONTROL) expect(cleanName(name), JSON.stringify(name)).toEqual({ ok: false, problem: 'control' });
    for (const name of INVISIBLE) expect(cleanName(name).ok, JSON.stringify(name)).toBe(false);
    for (const [raw, clean] of BIDI) expect(cleanName(raw)).toEqual({ ok: true, value: clean });
    expect(cleanName('  Noord-Korea ')).toEqual({ ok: true, value: 'Noord-Korea' });
    expect(cleanName('שלום')).toEqual({ ok: true, value: 'שלום' });
    expect(cleanName('x'.repeat(201))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('makes one safe line of imported text without refusing it', () => {
    expect(cleanLine('Kop\u202e gpj.exe\u001b[2J\nnog een regel\u0000')).toBe('Kop gpj.exe [2J nog een regel');
  });
});

describe('names and notes at the contract boundary', () => {
  it('refuses control characters and invisible-only names in every name field, and stores nothing', async () => {
    await withCore(async (core) => {
      const dossier = await ok<DossierDetail>(core, 'dossiers.create', { title: 'Dossier' });
      const tag = await ok<TagListItem>(core, 'tags.create', { name: 'Goed' });
      const search = await ok<SavedSearchItem>(core, 'searches.save', { name: 'Zoek', query: { kind: 'article' } });
      for (const bad of [...CONTROL, ...INVISIBLE]) {
        const calls: [string, unknown][] = [
          ['tags.create', { name: bad }],
          ['tags.update', { id: tag.id, name: bad }],
          ['tags.apply', { storyIds: ['s1'], addNames: [bad] }],
          ['dossiers.create', { title: bad }],
          ['dossiers.update', { id: dossier.dossier.id, title: bad }],
          ['dossiers.update', { id: dossier.dossier.id, subtitle: `ondertitel ${bad}x` }],
          ['searches.save', { name: bad, query: { kind: 'article' } }],
          ['searches.rename', { id: search.id, name: bad }],
        ];
        for (const [method, input] of calls) {
          // A subtitle may hold invisible characters among visible ones, never control characters.
          if (method === 'dossiers.update' && (input as { subtitle?: string }).subtitle !== undefined && !CONTROL.includes(bad)) continue;
          expect((await failure(core, method, input)).code, `${method} ${JSON.stringify(bad)}`).toBe('invalid-input');
        }
      }
      for (const bad of ['note\u0000', 'note\u001b[31m', 'note\u007f', 'note\u0085']) {
        for (const [method, input] of [
          ['stories.setNote', { id: 's1', note: bad }],
          ['dossiers.update', { id: dossier.dossier.id, intro: bad }],
          ['links.create', { from: 's1', to: 's2', type: 'related', note: bad }],
        ] as [string, unknown][]) {
          expect((await failure(core, method, input)).code, `${method} ${JSON.stringify(bad)}`).toBe('invalid-input');
        }
      }
      // Line breaks and tabs stay allowed in notes.
      await ok(core, 'stories.setNote', { id: 's1', note: 'Regel een\n\tRegel twee\r\n' });
      expect((await ok<TagListItem[]>(core, 'tags.list', {})).map((item) => item.name)).toEqual(['Goed']);
      expect((await ok<SavedSearchItem[]>(core, 'searches.list', {})).map((item) => item.name)).toEqual(['Zoek']);
      expect((await ok<DossierDetail>(core, 'dossiers.get', { id: dossier.dossier.id })).dossier.title).toBe('Dossier');
    });
  });

  it('strips bidi overrides from names, so what is shown is what is stored', async () => {
    await withCore(async (core) => {
      const tag = await ok<TagListItem>(core, 'tags.create', { name: '\u202eexe.doc' });
      expect(tag.name).toBe('exe.doc');
      const applied = await ok<TagApplyResult>(core, 'tags.apply', { storyIds: ['s1'], addNames: ['Oekra\u2066ïne\u2069'] });
      expect(applied.createdTags.map((item) => item.name)).toEqual(['Oekraïne']);
      const dossier = await ok<DossierDetail>(core, 'dossiers.create', { title: '\u202aLinks\u202c', subtitle: 'Sub\u202etitel' });
      expect([dossier.dossier.title, dossier.dossier.subtitle]).toEqual(['Links', 'Subtitel']);
      expect((await ok<SavedSearchItem>(core, 'searches.save', { name: 'Zoek\u2067', query: {} })).name).toBe('Zoek');
    });
  });
});
