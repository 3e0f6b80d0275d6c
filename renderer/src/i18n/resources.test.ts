import { describe, expect, it } from 'vitest';
import type { HistoryCode, HistoryLabel } from '../../../shared/messages';
import { editName } from '../features/history/edit-name';
import { NAMESPACES, resources } from './resources';
import { translator } from './translate';

/** Every history code the core can send; a code added to `shared/messages.ts` but not here fails the typecheck. */
const HISTORY_CODES: Record<HistoryCode, true> = {
  'tag.create': true, 'tag.edit': true, 'tag.rename': true, 'tag.setColor': true, 'tag.move': true, 'tag.setMediaTopic': true,
  'tag.merge': true, 'tag.delete': true, 'tag.apply': true, 'tag.unapply': true, 'tag.editStories': true, 'tag.dismissSuggestion': true,
  'link.create': true, 'link.edit': true, 'link.setType': true, 'link.setNote': true, 'link.reverse': true, 'link.remove': true,
  'link.unlink': true, 'related.dismiss': true, 'story.setNote': true, 'story.setDate': true, 'story.setDates': true, 'story.delete': true,
  'dossier.create': true, 'dossier.rename': true, 'dossier.edit': true, 'dossier.addStories': true, 'dossier.removeStory': true,
  'dossier.reorder': true, 'dossier.setNote': true,
  'dossier.pinVersion': true, 'dossier.delete': true, 'search.save': true, 'search.rename': true, 'search.delete': true,
  import: true, 'trash.restore': true, 'proposal.accept': true, 'proposal.decline': true, 'chronology.review': true, 'chronology.edit': true, 'chronology.merge': true, 'chronology.split': true, 'series.rename': true, 'quote.addToDossier': true, 'quote.removeFromDossier': true, 'story.setNotes': true,
};

/** A key is worded when it is there as it is, or in both plural forms Dutch and English use. */
const worded = (dictionary: Record<string, string>, key: string) => key in dictionary || (`${key}_one` in dictionary && `${key}_other` in dictionary);

describe('i18next resources', () => {
  it('has the same keys in Dutch and English, none of them empty', () => {
    for (const namespace of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
      expect(Object.keys(resources.nl[namespace]).sort(), namespace).toEqual(Object.keys(resources.en[namespace]).sort());
      for (const language of ['nl', 'en'] as const) {
        for (const [key, value] of Object.entries(resources[language][namespace])) expect(value.trim(), `${language}.${namespace}.${key}`).not.toBe('');
      }
    }
  });

  it('uses the same interpolation parameters in Dutch and English, per key and its plural forms', () => {
    const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
    const parameters = (dictionary: Record<string, string>) => {
      const byKey = new Map<string, Set<string>>();
      for (const [key, value] of Object.entries(dictionary)) {
        const names = byKey.get(base(key)) ?? new Set<string>();
        // The one exception: English shows the importer's own English reason for a refused
        // file as it is (`reject.*` is `{{reason}}`, it names sizes); Dutch words the code.
        if (value !== '{{reason}}' && !(key.startsWith('reject.') && dictionary === resources.nl.import)) {
          for (const match of value.matchAll(/\{\{\s*(\w+)/g)) names.add(match[1]!);
        }
        byKey.set(base(key), names);
      }
      return Object.fromEntries([...byKey].map(([key, names]) => [key, [...names].sort()]));
    };
    for (const namespace of NAMESPACES) {
      expect(parameters(resources.nl[namespace]), namespace).toEqual(parameters(resources.en[namespace]));
    }
  });

  it('words every history code the core sends, in both languages', () => {
    for (const code of Object.keys(HISTORY_CODES)) {
      expect(worded(resources.en.history, code), `en ${code}`).toBe(true);
      expect(worded(resources.nl.history, code), `nl ${code}`).toBe(true);
    }
  });

  it('names edits with the plural the count asks for', () => {
    const en = translator('en', 'history');
    const nl = translator('nl', 'history');
    const label = (count: number): HistoryLabel => ({ code: 'tag.apply', count });
    expect(editName(en, label(1))).toBe('Tag story');
    expect(editName(en, label(3))).toBe('Tag 3 stories');
    expect(editName(nl, label(1))).toBe('1 bericht taggen');
    expect(editName(nl, label(1200))).toBe('1.200 berichten taggen');
    expect(nl('undoWhat', { label: editName(nl, { code: 'tag.merge' }) })).toBe('Ongedaan maken: Tags samenvoegen');
    expect(en('redoWhat', { label: editName(en, { code: 'story.delete', count: 2 }) })).toBe('Redo Delete 2 stories');
  });
});

describe('wording with numbers, names and dates', () => {
  it('chooses plural forms by count, with zero where a key has it', () => {
    const en = translator('en', 'dossiers');
    const nl = translator('nl', 'dossiers');
    expect(en('storyCount', { count: 1 })).toBe('1 story');
    expect(nl('storyCount', { count: 2 })).toBe('2 berichten');
    expect(nl('skippedMissing', { count: 1 })).toBe('1 bericht dat niet meer in de bibliotheek staat, is weggelaten.');
    expect(nl('skippedMissing', { count: 3 })).toBe('3 berichten die niet meer in de bibliotheek staan, zijn weggelaten.');
    expect(en('addChosen', { count: 0 })).toBe('Add stories');
    expect(en('addChosen', { count: 1200 })).toBe('Add 1,200 stories');
    expect(nl('addChosen', { count: 1200 })).toBe('1.200 berichten toevoegen');
    expect(translator('en', 'search')('filtersButton', { count: 0 })).toBe('Filters');
    expect(translator('nl', 'search')('filtersButton', { count: 2 })).toBe('Filters (2)');
  });

  it('lower-cases a view name inside a sentence', () => {
    expect(translator('en', 'library')('emptyViewTitle', { view: 'Briefs' })).toBe('No briefs yet');
    expect(translator('nl', 'library')('emptyViewTitle', { view: 'Korte berichten' })).toBe('Nog geen korte berichten');
  });

  it('passes names through as written (React escapes them when rendered)', () => {
    expect(translator('en', 'tags')('removeTag', { name: '<b>Rutte</b> & co' })).toBe('Remove tag <b>Rutte</b> & co');
  });
  it('shows every count with the digit grouping of its language (218.384 citaten, 218,384 quotes)', () => {
    const bare = NAMESPACES.flatMap((namespace) =>
      (['nl', 'en'] as const).flatMap((language) => Object.entries(resources[language][namespace]).filter(([, value]) => /\{\{count\}\}/.test(value)).map(([key]) => `${language}.${namespace}.${key}`)),
    );
    expect(bare).toEqual([]);
    expect(translator('nl', 'quotes')('count', { count: 218_384 })).toBe('218.384 citaten');
    expect(translator('en', 'quotes')('count', { count: 218_384 })).toBe('218,384 quotes');
    expect(translator('en', 'quotes')('count', { count: 1 })).toBe('1 quote');
  });

  it('words the desk one way in Dutch: berichten, tags, no English words (issue 15)', () => {
    // What the words say, without the {{parameters}} (named in English).
    const words = (language: 'nl' | 'en') =>
      NAMESPACES.flatMap((namespace) => Object.entries(resources[language][namespace]).map(([key, value]) => [`${namespace}.${key}`, value.replace(/\{\{[^}]*\}\}/g, '')] as const));
    // A newsroom says "bericht(en)", and a tag is a tag (never "label"); no English leaks in.
    const notDutch = /\b(verhaal|verhalen|labels?|taggings?|dateline|stories|story|briefs?|the|and)\b/i;
    expect(words('nl').filter(([, value]) => notDutch.test(value)).map(([key]) => key)).toEqual([]);
    // No Dutch desk words in the English UI.
    const notEnglish = /\b(berichten|bericht|verhalen|reeks|prullenbak|tijdlijn|koppelen|de|het|een)\b/i;
    expect(words('en').filter(([, value]) => notEnglish.test(value)).map(([key]) => key)).toEqual([]);
  });
});
