import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes, type QuoteStory } from './quotes';

// extractQuotes finds the people a sentence names from the capitalised words of its
// paragraph, found once (SpeakerResolver.nameHits), and skips the focus of a story without
// people; `exhaustive` runs named() on every sentence instead. On random paragraphs of
// names, near-names (diacritics, apostrophes, hyphens, digits and letters glued on),
// pronouns, verbs of saying and quotation marks, the two give the same quotes.
const PEOPLE = [
  { key: 'kim-jong-un', name: 'Kim Jong-un' },
  { key: 'vladimir-poetin', name: 'Vladimir Poetin' },
  { key: 'ursula-von-der-leyen', name: 'Ursula von der Leyen' },
  { key: 'sean-o-brien', name: "Seán O'Brien" },
  { key: 'li-qiang', name: 'Li Qiang' },
];
const PIECES = [
  'Kim', 'Jong-un', 'Poetin', 'Poetins', 'POETIN', 'Vladimir', 'Leyen', 'Von der Leyen', 'Ursula', "O'Brien", 'Seán', 'Sean', 'Li', 'Qiang',
  'Kím', 'Ki\u0301m', 'Poetín', 'dePoetin', 'Poetin2', '3Kim', 'Kim’s', "Kim's", 'Kim-', '-Kim', 'Kim\u0301', 'é\u0301Kim', 'Kim\u00a0', 'ıKim',
  'hij', 'Hij', 'zij', 'Ze', 'zei', 'zegt', 'aldus', 'volgens', 'Volgens', 'liet weten dat', 'dat', 'de', 'De', 'president', 'Russische', 'leider',
  'Noord-Koreaanse', 'het', 'Kremlin', 'ministerie', 'is', 'komt', 'morgen', 'niet', 'tegen', 'met',
  '"', '“', '”', '„', "'", '‘', '’', '«', '»', ':', ',', '.', '. ', '? ', '!', '…', '(', ')', ' - ', '\u00a0', '  ', '\n',
  // Whole sentences whose speaker is the one in focus, and words that push a name past the sixth.
  '. "Wij gaan door," zei hij. ', '. Hij zei: "Dat klopt niet." ', '. "Nee," aldus de leider. ', 'vandaag in de stad op het plein',
  '. Na afloop sprak', '. Volgens', 'in Moskou',
];

const story = (paragraphs: string[], people = PEOPLE): QuoteStory => ({ id: 's', date: null, paragraphs, people });

describe('quote extraction, finding the people named once per paragraph', () => {
  it('gives the same quotes as named() on every sentence', () => {
    const paragraph = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(' ').replace(/ ([,.:]) /gu, '$1 '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.subarray(PEOPLE), (paragraphs, people) => {
        const s = story(paragraphs, people);
        expect(extractQuotes(s)).toEqual(extractQuotes(s, { exhaustive: true }));
      }),
      { numRuns: 4000, seed: 31 },
    );
  });

  it('finds the speakers named in clean and in glued words alike', () => {
    const s = story(['Poetin zei dinsdag: "We gaan door." Hij voegde eraan toe: "Niet nu."', 'dePoetin en Kim’s broer: "Wat nu?" zei hij.']);
    const quotes = extractQuotes(s);
    expect(quotes.map((q) => q.speaker?.key ?? null)).toEqual(extractQuotes(s, { exhaustive: true }).map((q) => q.speaker?.key ?? null));
    expect(quotes[0]!.speaker?.key).toBe('vladimir-poetin');
  });
});
