import { describe, expect, it } from 'vitest';
import { foldName, matchTags, nearDuplicate } from './tag-match';

const tags = [
  { id: 't1', name: 'Oekraïne' },
  { id: 't2', name: 'Kim Jong-un' },
  { id: 't3', name: 'Noord-Korea' },
  { id: 't4', name: 'Korea-top' },
  { id: 't5', name: 'Zuid-Korea' },
];
const names = (found: { name: string }[]) => found.map((tag) => tag.name);

describe('tag matching', () => {
  it('folds case, diacritics and spaces for matching only', () => {
    expect(foldName('  Oekraïne  ')).toBe('oekraine');
    expect(foldName('KIM   Jong-un')).toBe('kim jong-un');
  });

  it('finds tags without case or diacritics, name starts first, then word starts, then anywhere', () => {
    expect(names(matchTags(tags, 'oekrai').tags)).toEqual(['Oekraïne']);
    expect(names(matchTags(tags, 'korea').tags)).toEqual(['Korea-top', 'Noord-Korea', 'Zuid-Korea']);
    expect(names(matchTags(tags, 'ore').tags)).toEqual(['Korea-top', 'Noord-Korea', 'Zuid-Korea']);
  });

  it('knows an exact name (then nothing new is offered) and offers a new tag otherwise', () => {
    const exact = matchTags(tags, 'oekraine');
    expect(exact.exact?.id).toBe('t1');
    expect(exact.canCreate).toBe(false);
    const fresh = matchTags(tags, 'Pyongyang');
    expect(fresh.tags).toEqual([]);
    expect(fresh.canCreate).toBe(true);
    expect(matchTags(tags, '   ').canCreate).toBe(false);
  });

  it('leaves out tags the story already has, but still knows them as existing names', () => {
    const found = matchTags(tags, 'noord-korea', new Set(['t3']));
    expect(found.tags).toEqual([]);
    expect(found.exact?.id).toBe('t3');
    expect(found.canCreate).toBe(false);
  });

  it('lists the tags (up to the limit) when nothing is typed', () => {
    expect(matchTags(tags, '', new Set(['t1']), 2).tags.map((tag) => tag.id)).toEqual(['t2', 't3']);
  });
});

describe('nearDuplicate', () => {
  it('finds a tag that differs only in case, diacritics, hyphens, spaces or dots, never the same name', () => {
    expect(nearDuplicate(tags, 'Kim Jong Un')?.name).toBe('Kim Jong-un');
    expect(nearDuplicate(tags, 'kim jongun')?.name).toBe('Kim Jong-un');
    expect(nearDuplicate(tags, 'Noord Korea')?.name).toBe('Noord-Korea');
    expect(nearDuplicate(tags, 'Oekraïne ')).toBeNull();
    expect(nearDuplicate(tags, 'oekraine')).toBeNull();
    expect(nearDuplicate(tags, 'Kim Jong')).toBeNull();
    expect(nearDuplicate(tags, ' - ')).toBeNull();
  });
});
