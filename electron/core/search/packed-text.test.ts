import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPhrase, packFields, PackedWords } from './packed-text';
import { FIELD_BREAK, Vocabulary } from './vocabulary';
import { forEachWord, runningWords } from './words';

const fields = (headline: string, body = '', tags: string[] = []) => ({ headline, body, place: '', note: '', tags });

/**
 * The reference decoder, written out plainly here: each packed word's id, whether it is the
 * joined form of a hyphenated compound, and its field (the production decoder, PackedWords,
 * keeps ids and fields only).
 */
function forEachPackedWord(packed: string, visit: (wordId: number, joined: boolean, field: number) => void): void {
  let field = 0;
  let value = 0;
  let shift = 0;
  for (const char of packed) {
    const byte = char.charCodeAt(0);
    value += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    if (value === FIELD_BREAK) field++;
    else visit(Math.floor(value / 2), value % 2 === 1, field);
    value = 0;
    shift = 0;
  }
}

function unpack(vocabulary: Vocabulary, packed: string): Array<[string, boolean, number]> {
  const out: Array<[string, boolean, number]> = [];
  forEachPackedWord(packed, (id, joined, field) => out.push([vocabulary.word(id), joined, field]));
  return out;
}

describe('packed text', () => {
  it('round-trips the folded words with their fields and compound markers', () => {
    const vocabulary = new Vocabulary();
    const packed = packFields(vocabulary, fields('Noord-Korea en Oekraïne', 'Kim', ['Tag één']));
    expect(unpack(vocabulary, packed)).toEqual([
      ['noord', false, 0],
      ['korea', false, 0],
      ['noordkorea', true, 0],
      ['en', false, 0],
      ['oekraine', false, 0],
      ['kim', false, 3],
      ['tag', false, 4],
      ['een', false, 4],
    ]);
  });

  it('keeps word ids above 127 and 16383 intact (multi-byte varints)', () => {
    const vocabulary = new Vocabulary();
    const many = Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' ');
    const packed = packFields(vocabulary, fields('kop', many));
    const words = unpack(vocabulary, packed).map(([word]) => word);
    expect(words.length).toBe(20_001);
    expect(words.at(-1)).toBe('w19999');
    // Stored as one byte per character: far smaller than the text itself.
    expect(packed.length).toBeLessThan(many.length / 2);
    expect([...packed].every((char) => char.charCodeAt(0) < 256)).toBe(true);
  });

  it('finds phrases within one field only, skipping compound joins', () => {
    const vocabulary = new Vocabulary();
    const packed = packFields(vocabulary, fields('De Noord-Koreaanse leider', 'leider vertrekt', ['Noord']));
    const ids = (text: string) => runningWords(text).map((word) => vocabulary.lookup(word) ?? -1);
    expect(containsPhrase(packed, ids('noord koreaanse leider'))).toBe(true);
    expect(containsPhrase(packed, ids('de noord'))).toBe(true);
    expect(containsPhrase(packed, ids('leider vertrekt'))).toBe(true);
    expect(containsPhrase(packed, ids('leider leider'))).toBe(false);
    expect(containsPhrase(packed, ids('vertrekt noord'))).toBe(false);
    expect(containsPhrase(packed, ids('koreaanse de'))).toBe(false);
  });

  it('finds a phrase exactly where decoding every word does, across one-, two- and three-byte word ids', () => {
    const vocabulary = new Vocabulary();
    // 20,000 words first, so later words need three varint bytes and their bytes can look like other words'.
    packFields(vocabulary, fields(Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(' ')));
    // v800's second byte is v5's only byte: a match there is inside another word.
    const pool = ['noord', 'korea', 'kim', 'jong', 'un', 'de', 'leider', 'v5', 'v800', 'v130', 'v16500', 'v19999', 'Noord-Korea', 'Kim Jong-un', 'zuid-noord'];
    const text = fc.array(fc.constantFrom(...pool), { maxLength: 30 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 2 }), fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 }), (headline, body, tags, phraseWords) => {
        const packed = packFields(vocabulary, fields(headline, body, tags));
        const ids = runningWords(phraseWords.join(' ')).map((word) => vocabulary.lookup(word) ?? -1);
        expect(containsPhrase(packed, ids)).toBe(containsPhraseByDecoding(packed, ids));
      }),
      { numRuns: 2_000 },
    );
  });
});

/** The obvious reference: decode every running word of each field and compare. */
function containsPhraseByDecoding(packed: string, phrase: readonly number[]): boolean {
  const fieldsWords: number[][] = [[]];
  forEachPackedWord(packed, (id, joined, field) => {
    while (fieldsWords.length <= field) fieldsWords.push([]);
    if (!joined) fieldsWords[field]!.push(id);
  });
  return fieldsWords.some((running) => running.some((_, start) => phrase.every((id, k) => running[start + k] === id)));
}

describe('packFields', () => {
  it('packs the words forEachWord gives, with its joined forms, for any text', () => {
    const vocabulary = new Vocabulary();
    // Words that are, or by their lengths could be, the concatenation of the words before them.
    const pool = ['Noord', 'korea', 'noordkorea', 'NoordKorea', 'Noord-Korea', 'de', 'DE', 'dede', 'ded', 'e', 'ee', 'a-b-c', 'abc', 'ab', 'c', "d'Aubigné", 'daubigne', 'Oekraïne', '-', ' ', '.'];
    const text = fc.array(fc.constantFrom(...pool), { maxLength: 12 }).map((list) => list.join(' '));
    const glued = fc.array(fc.constantFrom(...pool), { maxLength: 12 }).map((list) => list.join(''));
    fc.assert(
      fc.property(text, glued, fc.array(text, { maxLength: 2 }), (headline, body, tags) => {
        const words = new PackedWords();
        const packed = packFields(vocabulary, fields(headline, body, tags), words);
        const decoded = new PackedWords().decode(packed);
        expect([...words.ids.subarray(0, words.length)]).toEqual([...decoded.ids.subarray(0, decoded.length)]);
        expect([...words.fields.subarray(0, words.length)]).toEqual([...decoded.fields.subarray(0, decoded.length)]);
        const expected: Array<[string, boolean, number]> = [];
        [headline, '', '', body, ...tags].forEach((field, index) => forEachWord(field, (word, joined) => expected.push([word, joined, index])));
        expect(unpack(vocabulary, packed)).toEqual(expected);
      }),
      { numRuns: 3_000, seed: 5 },
    );
  });
});
