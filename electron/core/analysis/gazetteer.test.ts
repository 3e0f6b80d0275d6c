import { describe, expect, it } from 'vitest';
import { fold } from '../text/dutch';
import { gazetteer, inflectAdjective } from './gazetteer';
import { isRoleWord } from './name-cues';
import data from './gazetteer.nl.json';

describe('gazetteer data (gazetteer.nl.json)', () => {
  const entries = gazetteer().entries;

  it('holds a few hundred entries of every kind', () => {
    expect(entries.length).toBeGreaterThan(500);
    for (const kind of ['person', 'place', 'organisation', 'topic'] as const) {
      expect(entries.filter((entry) => entry.kind === kind).length, kind).toBeGreaterThan(10);
    }
  });

  it('gives every entry a unique canonical key and keeps names in NFC', () => {
    const keys = new Set<string>();
    for (const entry of entries) {
      expect(keys.has(entry.key), entry.name).toBe(false);
      keys.add(entry.key);
      expect(entry.key).toBe(fold(entry.name));
      expect(entry.name).toBe(entry.name.normalize('NFC'));
    }
  });

  it('never lets one alias mean two entries', () => {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const alias of entry.aliasKeys) {
        expect(owner.get(alias) ?? entry.name, `${alias}`).toBe(entry.name);
        owner.set(alias, entry.name);
      }
    }
  });

  it('uses only the known fields', () => {
    const allowed = new Set(['name', 'aliases', 'context', 'adjective', 'demonyms', 'role', 'country', 'generic']);
    for (const section of ['people', 'places', 'organisations', 'topics'] as const) {
      for (const entry of data[section]) {
        for (const field of Object.keys(entry)) expect(allowed.has(field), `${entry.name}: ${field}`).toBe(true);
      }
    }
  });

  it('looks names up by any alias, case and diacritics folded', () => {
    const g = gazetteer();
    expect(g.lookup('Poetin')?.name).toBe('Vladimir Poetin');
    expect(g.lookup('VS')?.name).toBe('Verenigde Staten');
    expect(g.lookup('Amerika')?.name).toBe('Verenigde Staten');
    expect(g.lookup('EU')?.name).toBe('Europese Unie');
    expect(g.lookup('zelensky')?.name).toBe('Volodymyr Zelensky');
    expect(g.lookup('GENEVE')?.name).toBe('Genève');
    expect(g.lookup('Oekraine')?.name).toBe('Oekraïne');
    expect(g.lookup('Kremlin')?.kind).toBe('organisation');
  });

  it('inflects Dutch nationality adjectives', () => {
    expect(inflectAdjective('Russisch')).toBe('Russische');
    expect(inflectAdjective('Amerikaans')).toBe('Amerikaanse');
    expect(inflectAdjective('Chinees')).toBe('Chinese');
    expect(inflectAdjective('Indiaas')).toBe('Indiase');
    expect(inflectAdjective('Frans')).toBe('Franse');
    expect(inflectAdjective('Noord-Koreaans')).toBe('Noord-Koreaanse');
  });

  it('gives people roles that read as role words and countries that are places in the gazetteer', () => {
    const g = gazetteer();
    let withRole = 0;
    for (const entry of entries) {
      if (entry.country !== undefined) expect(g.entry(entry.country)?.kind, `${entry.name}: ${entry.country}`).toBe('place');
      for (const role of entry.roles ?? []) expect(isRoleWord(role.split(' ').pop()!), `${entry.name}: ${role}`).toBe(true);
      if (entry.roles) withRole++;
    }
    expect(withRole).toBeGreaterThan(100);
  });

  it('never lets an alias of one entry be the full name or alias of another through folding', () => {
    const keys = new Map(entries.map((entry) => [entry.key, entry.name]));
    for (const entry of entries) {
      for (const alias of entry.aliasKeys) expect(keys.get(alias) ?? entry.name, `${entry.name}: ${alias}`).toBe(entry.name);
      for (const alias of entry.contextKeys) expect(entry.aliasKeys.includes(alias), `${entry.name}: ${alias}`).toBe(false);
    }
  });

  it('keeps transliterations as data: every spelling folds onto one entry', () => {
    const g = gazetteer();
    for (const spelling of ['Zelensky', 'Zelenski', 'Zelenskyj', 'Zelenskiy']) expect(g.lookup(spelling)?.name, spelling).toBe('Volodymyr Zelensky');
    for (const spelling of ['Kyiv', 'Kiev', 'Kiëv', 'Kyjiv']) expect(g.lookup(spelling)?.name, spelling).toBe('Kyiv');
    for (const spelling of ['Vostotsjny', 'Vostochny']) expect(g.lookup(spelling)?.name, spelling).toBe('Kosmodroom Vostotsjny');
    expect(g.lookup('Beijing')?.name).toBe('Peking');
  });
});
