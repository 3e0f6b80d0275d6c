import { describe, expect, it } from 'vitest';
import type { Dossier, Link, Tag } from '../../../shared/types';
import { mergeArchiveMeta, type MergeInput } from './archive-merge';
import { emptyMeta, type MetaDoc } from './meta';
import { StoryMap } from './story-map';

const tag = (id: string, name: string, fields: Partial<Tag> = {}): Tag => ({ id, name, color: null, parentId: null, mediaTopic: null, ...fields });
const link = (id: string, from: string, to: string, type: Link['type'] = 'related', note = ''): Link => ({ id, from, to, type, note, createdAt: '2024-06-20T10:00:00.000Z' });
const dossier = (id: string, title: string, storyIds: string[]): Dossier => ({
  id,
  title,
  subtitle: '',
  intro: '',
  entries: storyIds.map((storyId) => ({ storyId, note: '' })),
  createdAt: '2024-06-20T10:00:00.000Z',
  updatedAt: '2024-06-20T10:00:00.000Z',
});
const meta = (parts: Partial<MetaDoc>): MetaDoc => ({ ...emptyMeta('2024-01-01T00:00:00.000Z'), ...parts });

/** Stories `s*` are in both libraries, `n*` are new from the archive; `x*` are unknown. */
function merge(current: MetaDoc, archive: MetaDoc, extra: Partial<MergeInput> = {}) {
  let next = 0;
  return mergeArchiveMeta({
    current,
    archive,
    storyId: (id) => (id.startsWith('s') || id.startsWith('n') ? id : undefined),
    newStories: new Set(['n1', 'n2', 'n3']),
    newId: (prefix) => `${prefix}new${++next}`,
    ...extra,
  });
}

describe('mergeArchiveMeta', () => {
  it('matches tags without case or diacritics and creates the rest with colour, code and parent, ids remapped', () => {
    const current = meta({ tags: [tag('t1', 'Oekraïne', { color: '#112233' })], taggings: StoryMap.from({ s1: ['t1'] }) });
    const archive = meta({
      tags: [
        tag('a1', 'OEKRAINE', { color: '#ffffff' }),
        tag('a2', 'Kim–Poetin', { color: '#AA3300', mediaTopic: 'medtop:20000638', parentId: 'a3' }),
        tag('a3', 'Buitenland'),
        tag('a4', 'Onder Oekraïne', { parentId: 'a1' }),
      ],
      taggings: StoryMap.from({ s1: ['a1', 'a2'], n1: ['a3', 'gone'], x1: ['a2'] }),
    });
    const { meta: merged, counts } = merge(current, archive);
    expect(counts).toMatchObject({ tagsAdded: 3, tagsMatched: 1 });
    // The current tag keeps its own colour; the new ones get the archive's, under mapped parents.
    expect(merged.tags).toEqual([
      tag('t1', 'Oekraïne', { color: '#112233' }),
      tag('tnew1', 'Kim–Poetin', { color: '#aa3300', mediaTopic: 'medtop:20000638', parentId: 'tnew2' }),
      tag('tnew2', 'Buitenland'),
      tag('tnew3', 'Onder Oekraïne', { parentId: 't1' }),
    ]);
    expect(merged.taggings.toJSON()).toEqual({ s1: ['t1', 'tnew1'], n1: ['tnew2'] });
    expect(current.tags).toHaveLength(1);
  });

  it('never builds a tag cycle from a damaged archive, and skips nameless tags', () => {
    const archive = meta({ tags: [tag('a1', 'Een', { parentId: 'a2' }), tag('a2', 'Twee', { parentId: 'a1' }), tag('a3', '   ')] });
    const { meta: merged } = merge(meta({}), archive);
    expect(merged.tags.map((t) => [t.name, t.parentId])).toEqual([
      ['Een', 'tnew2'],
      ['Twee', null],
    ]);
  });

  it('adds links once per pair of stories: no duplicates, no self-links, none to unknown stories', () => {
    const current = meta({ links: [link('l1', 's1', 's2', 'follow-up')] });
    const archive = meta({
      links: [
        link('l1', 's2', 's1', 'follow-up'),
        link('la', 's1', 'n1', 'series', 'zelfde reeks'),
        link('lb', 'n1', 'n1'),
        link('lc', 'n1', 'x9'),
        link('l1', 'n2', 'n3', 'background'),
        link('ld', 's1', 's2', 'related'),
      ],
    });
    const { meta: merged, counts } = merge(current, archive);
    expect(merged.links).toEqual([
      link('l1', 's1', 's2', 'follow-up'),
      link('la', 's1', 'n1', 'series', 'zelfde reeks'),
      // Its id was taken here: a fresh one.
      link('lnew1', 'n2', 'n3', 'background'),
    ]);
    expect(counts.linksAdded).toBe(2);
    // s1–s2 exists here as a follow-up: the archive's `related` for that pair is a conflict, kept as here.
    expect(counts.conflictsKept).toBe(1);
  });

  it('fills missing notes and dates, keeps this library’s where both differ, and counts those', () => {
    const current = meta({ storyEdits: StoryMap.from({ s1: { note: 'Mijn notitie', publishedAt: '2024-06-19' }, s2: { publishedAt: null } }) });
    const archive = meta({
      storyEdits: StoryMap.from({
        s1: { note: 'Andere notitie', publishedAt: '2024-06-19' },
        s2: { note: 'Nieuw', publishedAt: '2024-06-18' },
        n1: { note: 'Genève' },
        x1: { note: 'onbekend' },
      }),
    });
    const { meta: merged, counts } = merge(current, archive);
    expect(merged.storyEdits.toJSON()).toEqual({
      s1: { note: 'Mijn notitie', publishedAt: '2024-06-19' },
      s2: { note: 'Nieuw', publishedAt: '2024-06-18' },
      n1: { note: 'Genève' },
    });
    expect(counts.conflictsKept).toBe(1);
  });

  it('keeps the deletion state of stories already here; new stories bring theirs', () => {
    const current = meta({ deleted: ['s1'] });
    const archive = meta({ deleted: ['s2', 'n1'] });
    expect(merge(current, archive).meta.deleted).toEqual(['s1', 'n1']);
    // s1 is deleted here but not in the archive: it stays deleted.
    expect(merge(current, meta({})).meta.deleted).toEqual(['s1']);
  });

  it('unions dismissed suggestions', () => {
    const current = meta({ dismissedTagSuggestions: { s1: ['poetin'] }, dismissedRelated: ['s1|s2'] });
    const archive = meta({ dismissedTagSuggestions: { s1: ['poetin', 'kim'], n1: ['rusland'], x1: ['niets'] }, dismissedRelated: ['s1|s2', 'n1|s1', 'n1|x1'] });
    const { meta: merged } = merge(current, archive);
    expect(merged.dismissedTagSuggestions).toEqual({ s1: ['poetin', 'kim'], n1: ['rusland'] });
    expect(merged.dismissedRelated).toEqual(['s1|s2', 'n1|s1']);
  });

  it('adds dossiers and saved searches; a known dossier id is the same dossier and stays as it is here', () => {
    const current = meta({ dossiers: [dossier('d1', 'Kim en Poetin', ['s1'])], savedSearches: [{ id: 'q1', name: 'Oekraïne', query: { query: 'oekraine' } }] });
    const archive = meta({
      tags: [tag('a1', 'Rusland')],
      dossiers: [dossier('d1', 'Andere titel', ['s1', 's2']), dossier('d2', 'Kim en Poetin', ['n1', 'x1']), { ...dossier('__proto__', 'Slecht', []) }],
      savedSearches: [
        { id: 'q1', name: 'Anders', query: {} },
        { id: 'q2', name: 'Rusland', query: { tagIds: ['a1', 'gone'], kind: 'article' } },
        { id: 'q3', name: 'Kapot', query: { sort: 'nope' } as never },
      ],
    });
    const { meta: merged, counts } = merge(current, archive);
    expect(merged.dossiers).toEqual([dossier('d1', 'Kim en Poetin', ['s1']), dossier('d2', 'Kim en Poetin', ['n1'])]);
    expect(merged.savedSearches).toEqual([current.savedSearches[0], { id: 'q2', name: 'Rusland', query: { tagIds: ['tnew1'], kind: 'article' } }]);
    expect(counts).toMatchObject({ dossiersAdded: 1, searchesAdded: 1 });
  });

  it('changes nothing when merging the same archive a second time', () => {
    const archive = meta({
      tags: [tag('a1', 'Rusland', { color: '#aa3300' })],
      taggings: StoryMap.from({ n1: ['a1'] }),
      links: [link('la', 'n1', 's1', 'follow-up')],
      storyEdits: StoryMap.from({ n1: { note: 'Genève' } }),
      dossiers: [dossier('d2', 'Kim', ['n1'])],
      savedSearches: [{ id: 'q2', name: 'Rusland', query: { tagIds: ['a1'] } }],
      deleted: ['n2'],
      dismissedRelated: ['n1|s2'],
      dismissedTagSuggestions: { n1: ['kim'] },
    });
    const once = merge(meta({ tags: [tag('t1', 'Kim')] }), archive).meta;
    const twice = merge(once, archive, { newStories: new Set() });
    expect(twice.meta).toEqual(once);
    expect(twice.counts).toEqual({ tagsAdded: 0, tagsMatched: 1, linksAdded: 0, dossiersAdded: 0, searchesAdded: 0, conflictsKept: 0, notTaken: [] });
    // Every part that did not change is the very same object (no rewrite, no spurious undo conflict).
    for (const key of Object.keys(once) as (keyof MetaDoc)[]) expect(twice.meta[key], key).toBe(once[key]);
  });
});

describe('mergeArchiveMeta: values the API would refuse are counted, never silently dropped or kept', () => {
  it('reports every dropped and repaired value by kind', () => {
    const archive = meta({
      tags: [
        tag('a1', 'x'.repeat(10_000_000)),
        tag('a2', 'Binnenland', { color: 'rood' as unknown as string, mediaTopic: 'medtop:nee' }),
        tag('a3', 'Sport', { parentId: 'nergens' }),
        tag('a4', 'Nul\u0000byte'),
      ],
      taggings: StoryMap.from({ n1: ['a1', 'a2'], x9: ['a2', 'a3'] }),
      links: [link('l1', 'n1', 'x9'), link('l2', 'n1', 'n2', 'related', 'te lang'.repeat(20_000)), link('l3', 'n1', 'n1')],
      storyEdits: StoryMap.from({
        n1: { publishedAt: '99999-01-01', note: 'n'.repeat(100_001) },
        n2: { publishedAt: '2024-02-30' },
        n3: { publishedAt: '2024-06-19', note: 'Een gewone notitie.' },
      }),
      dossiers: [
        { ...dossier('d1', 'Noord-Korea', ['n1', 'x9']), intro: 'i'.repeat(100_001) },
        dossier('constructor', 'Kwaadaardig', ['n1']),
      ],
      savedSearches: [{ id: 'q1', name: '', query: { query: 'poetin' } }],
      seriesNames: { n1: 'Top in Pyongyang', x9: 'Onbekend' },
    });
    const { meta: merged, counts } = merge(meta({}), archive);
    expect(counts.notTaken).toEqual([
      { field: 'tag', action: 'dropped', count: 2 },
      { field: 'tag.color', action: 'repaired', count: 1 },
      { field: 'tag.mediaTopic', action: 'repaired', count: 1 },
      { field: 'tag.parent', action: 'repaired', count: 1 },
      // a1 on n1 (its tag refused), and both taggings of the unknown story x9.
      { field: 'tagging', action: 'dropped', count: 3 },
      { field: 'link', action: 'dropped', count: 2 },
      { field: 'link.note', action: 'repaired', count: 1 },
      { field: 'date', action: 'dropped', count: 2 },
      { field: 'note', action: 'dropped', count: 1 },
      { field: 'dossier', action: 'dropped', count: 1 },
      { field: 'dossier.text', action: 'repaired', count: 1 },
      { field: 'dossier.entry', action: 'dropped', count: 1 },
      { field: 'search', action: 'dropped', count: 1 },
      { field: 'seriesName', action: 'dropped', count: 1 },
    ]);
    // What was taken in is what the API would have taken.
    expect(merged.tags.map((t) => [t.name, t.color, t.mediaTopic, t.parentId])).toEqual([
      ['Binnenland', null, null, null],
      ['Sport', null, null, null],
    ]);
    expect(merged.storyEdits.toJSON()).toEqual({ n3: { publishedAt: '2024-06-19', note: 'Een gewone notitie.' } });
    expect(merged.links).toEqual([expect.objectContaining({ from: 'n1', to: 'n2', note: '' })]);
    expect(merged.dossiers).toEqual([expect.objectContaining({ id: 'd1', intro: '', entries: [{ storyId: 'n1', note: '' }] })]);
    expect(merged.seriesNames).toEqual({ n1: 'Top in Pyongyang' });
  });

  it('carries a dossier\'s chronology, quotes and embargo history, merged page versions, purged versions and proposals, with story ids mapped', () => {
    const line = {
      key: 'n1:0:0',
      date: { granularity: 'day' as const, date: '2024-06-19' },
      summary: 'Poetin landde in Pyongyang.',
      sources: [{ storyId: 'n1', paragraph: 0, start: 0, end: 27, sentence: 'Poetin landde in Pyongyang.' }],
      status: 'approved' as const,
      confidence: 0.9,
    };
    const quote = {
      key: 'n1:1:4',
      kind: 'direct' as const,
      text: 'Wij staan schouder aan schouder',
      speaker: { key: 'kim jong-un', name: 'Kim Jong-un' },
      speakerText: 'Kim',
      attribution: 'named' as const,
      storyId: 'n1',
      headline: 'Top in Pyongyang',
      date: '2024-06-19',
      paragraph: 1,
      start: 0,
      end: 60,
      addedAt: '2024-06-20T10:00:00.000Z',
    };
    // A speaker that is not a person keeps its kind; a kind the app does not know is left off (the speaker stays).
    const byOrganisation = { ...quote, key: 'n1:2:0', paragraph: 2, speaker: { key: 'navo', name: 'de NAVO', kind: 'organisation' as const } };
    const archive = meta({
      dossiers: [
        {
          ...dossier('d1', 'Top', ['n1']),
          chronology: [line, { ...line, key: 'x9:0:0', sources: [{ ...line.sources[0]!, storyId: 'x9' }] }],
          history: [{ code: 'export.embargoOverride', at: '2024-06-19T10:00:00.000Z', format: 'pdf', storyIds: ['n1'] }],
          quotes: [quote, { ...quote, key: 'x9:1:4', storyId: 'x9' }, byOrganisation, { ...byOrganisation, key: 'n1:3:0', paragraph: 3, speaker: { key: 'navo', name: 'de NAVO', kind: 'alien' as string as 'organisation' } }],
        },
      ],
      storyEdits: StoryMap.from({ s1: { pageVersions: ['n2'] } }),
      deleted: ['n2'],
      purged: ['n2'],
      updateProposals: [{ id: 'p1', storyId: 's1', candidateId: 'n2', status: 'accepted', headlineSimilarity: 0.9, leadSimilarity: 0.8, proposedAt: '2024-06-19T10:00:00.000Z', decidedAt: '2024-06-19T11:00:00.000Z' }],
    });
    const { meta: merged, counts } = merge(meta({}), archive, { storyId: (id) => (id === 'n1' ? 'k1' : id.startsWith('s') || id.startsWith('n') ? id : undefined), newStories: new Set(['n2']) });
    expect(counts.notTaken).toEqual([
      { field: 'dossier.chronology', action: 'dropped', count: 1 },
      { field: 'dossier.quote', action: 'dropped', count: 1 },
    ]);
    expect(merged.dossiers[0]!.quotes).toEqual([
      { ...quote, key: 'k1:1:4', storyId: 'k1' },
      { ...byOrganisation, key: 'k1:2:0', storyId: 'k1' },
      { ...byOrganisation, key: 'k1:3:0', paragraph: 3, storyId: 'k1', speaker: { key: 'navo', name: 'de NAVO' } },
    ]);
    expect(merged.dossiers[0]!.chronology).toEqual([{ ...line, key: 'k1:0:0', sources: [{ ...line.sources[0]!, storyId: 'k1' }] }]);
    expect(merged.dossiers[0]!.history).toEqual([{ code: 'export.embargoOverride', at: '2024-06-19T10:00:00.000Z', format: 'pdf', storyIds: ['k1'] }]);
    expect(merged.storyEdits.get('s1')).toEqual({ pageVersions: ['n2'] });
    expect(merged.purged).toEqual(['n2']);
    expect(merged.deleted).toEqual(['n2']);
    expect(merged.updateProposals).toEqual([expect.objectContaining({ id: 'p1', storyId: 's1', candidateId: 'n2', status: 'accepted' })]);
  });
});
