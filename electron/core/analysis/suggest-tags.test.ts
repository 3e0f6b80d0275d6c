import { describe, expect, it } from 'vitest';
import { extractEntities, type Entity } from './entities';
import { suggestTags } from './suggest-tags';
import { loadSeedStories } from './test/seeds';

const entity = (overrides: Partial<Entity> & Pick<Entity, 'name'>): Entity => ({
  key: overrides.name.toLowerCase(),
  kind: 'person',
  count: 1,
  source: 'gazetteer',
  ...overrides,
});

describe('suggestTags', () => {
  it('ranks by mentions, headline mentions weighing extra', () => {
    const suggestions = suggestTags(
      [
        entity({ name: 'Mark Rutte', count: 3 }),
        entity({ name: 'Dick Schoof', count: 2, headline: 1 }),
        entity({ name: 'Geert Wilders', count: 4 }),
      ],
      [],
      [],
    );
    expect(suggestions.map((s) => s.name)).toEqual(['Geert Wilders', 'Dick Schoof', 'Mark Rutte']);
    expect(suggestions[1]).toEqual({ name: 'Dick Schoof', kind: 'person', reasons: [{ kind: 'mentions', named: 2, adjectives: 0 }, { kind: 'inHeadline' }] });
  });

  it('puts curated names above names guessed from capitals at the same count', () => {
    const suggestions = suggestTags(
      [entity({ name: 'Jan Jansen', key: 'jan jansen', source: 'pattern', count: 2 }), entity({ name: 'Rob Jetten', count: 2 })],
      [],
      [],
    );
    expect(suggestions.map((s) => s.name)).toEqual(['Rob Jetten', 'Jan Jansen']);
  });

  it('leaves out tags the story already has, compared folded and through gazetteer aliases', () => {
    const suggestions = suggestTags(
      [
        entity({ name: 'Vladimir Poetin', key: 'vladimir poetin', count: 5 }),
        entity({ name: 'Oekraïne', key: 'oekraine', kind: 'place', count: 2 }),
        entity({ name: 'Noord-Korea', key: 'noord-korea', kind: 'place', count: 2 }),
      ],
      ['Poetin', 'OEKRAINE'],
      [],
    );
    expect(suggestions.map((s) => s.name)).toEqual(['Noord-Korea']);
  });

  it('leaves out dismissed suggestions', () => {
    const suggestions = suggestTags(
      [entity({ name: 'Verenigde Staten', key: 'verenigde staten', kind: 'place', count: 4 }), entity({ name: 'Kim Jong-un', key: 'kim jong-un', count: 3 })],
      [],
      ['VS'],
    );
    expect(suggestions.map((s) => s.name)).toEqual(['Kim Jong-un']);
  });

  it('explains adjectives and datelines, and weighs adjectives at half', () => {
    const [rusland, pyongyang] = suggestTags(
      [
        entity({ name: 'Rusland', key: 'rusland', kind: 'place', count: 6, adjectives: 4 }),
        entity({ name: 'Pyongyang', key: 'pyongyang', kind: 'place', count: 3, dateline: true }),
      ],
      [],
      [],
    );
    expect(rusland).toMatchObject({ name: 'Rusland', reasons: [{ kind: 'mentions', named: 2, adjectives: 4 }] });
    expect(pyongyang).toMatchObject({ name: 'Pyongyang', reasons: [{ kind: 'mentions', named: 2, adjectives: 0 }, { kind: 'datelinePlace' }] });
  });

  it('needs more evidence for guessed single names and adjective-only countries', () => {
    const suggestions = suggestTags(
      [
        entity({ name: 'Artjom', key: 'artjom', kind: 'topic', source: 'pattern', count: 1 }),
        entity({ name: 'Louvre', key: 'louvre', kind: 'topic', source: 'pattern', count: 1, headline: 1 }),
        entity({ name: 'Cuba', key: 'cuba', kind: 'place', count: 1, adjectives: 1 }),
      ],
      [],
      [],
    );
    expect(suggestions.map((s) => s.name)).toEqual(['Louvre']);
  });

  it('accepts stored entities without the optional fields and ignores junk', () => {
    const stored = [{ key: 'vladimir poetin', name: 'Vladimir Poetin', kind: 'person', count: 2 }, null, { key: '', name: '', kind: 'x', count: 0 }];
    expect(suggestTags(stored as never, [], [])).toEqual([{ name: 'Vladimir Poetin', kind: 'person', reasons: [{ kind: 'mentions', named: 2, adjectives: 0 }] }]);
    expect(suggestTags(undefined as never, [], [])).toEqual([]);
  });

  it('respects the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => entity({ name: `Persoon ${i}`, key: `persoon ${i}`, count: 30 - i }));
    expect(suggestTags(many, [], [])).toHaveLength(10);
    expect(suggestTags(many, [], [], { limit: 3 }).map((s) => s.name)).toEqual(['Persoon 0', 'Persoon 1', 'Persoon 2']);
  });

  it('suggests the main actors of the seed articles first, headline names included', () => {
    for (const article of loadSeedStories().filter((story) => story.kind === 'article')) {
      const entities = extractEntities(article);
      const top = suggestTags(entities, [], [], { limit: 5 }).map((s) => s.name);
      const inHeadline = entities.filter((e) => (e.headline ?? 0) > 0).map((e) => e.name);
      expect(top, article.headline).toEqual(expect.arrayContaining(['Kim Jong-un', 'Noord-Korea', ...inHeadline]));
    }
  });
});
