import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detached, fold, foldedWords, isStopword, scanWords, scanWrittenWords, stem, terms, wordHash, words } from './dutch';

describe('Dutch text analysis', () => {
  it('folds case and diacritics for matching only', () => {
    expect(fold('Oekraïne')).toBe('oekraine');
    expect(fold('GENÈVE')).toBe('geneve');
    expect(fold('ceremoniële')).toBe('ceremoniele');
  });

  it('never splits a word at a diacritic', () => {
    expect(words('Oekraïense Tsjechië privé')).toEqual(['oekraiense', 'tsjechie', 'prive']);
  });

  it('splits hyphenated compounds and keeps the joined form', () => {
    expect(words('Noord-Korea')).toEqual(['noord', 'korea', 'noordkorea']);
  });

  it('stems Dutch plurals onto their singular', () => {
    expect(stem('ontmoetingen')).toBe(stem('ontmoeting'));
    expect(stem('gesprekken')).toBe(stem('gesprek'));
  });

  it('drops Dutch stopwords', () => {
    expect(isStopword('de')).toBe(true);
    expect(isStopword('het')).toBe(true);
    expect(terms('De president van het land')).toEqual([stem('president'), stem('land')]);
  });

  it('copies words cut out of a text without changing them', () => {
    const text = 'De verkiezingscampagne van de Noord-Koreaanse regeringspartij.';
    for (const word of words(text)) expect(detached(word)).toBe(word);
    expect(detached('Генеральная ассамблея')).toBe('Генеральная ассамблея');
    expect(detached('kort')).toBe('kort');
    expect(stem(words(text)[1]!)).toBe(stem('verkiezingscampagne'));
  });
});

// The words of a text as found before words() folded word by word: fold the whole text, then match.
function wordsOfFoldedText(text: string): string[] {
  const out: string[] = [];
  for (const match of fold(text).matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const parts = match[0].split(/['’-]/).filter(Boolean);
    out.push(...parts);
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out;
}

describe('words() folded word by word', () => {
  it('gives exactly the words of the folded text, for any text', () => {
    // An alphabet with what breaks folding: decomposed marks, marks outside fold()'s range,
    // letters that lower-case to two characters, separators, non-Latin scripts, digits.
    const alphabet = ['a', 'Z', 'ï', 'É', 'e\u0301', '\u0301', '\u0308', 'İ', 'ß', 'ǅ', 'Ω', 'Ж', 'क', '\u093e', '\u0903',
      '٣', '²', '-', "'", '’', ' ', '.', '\n', '\u00a0', '\u200b', 'Å', '\u1fee', 'ﬁ', '7'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(words(text)).toEqual(wordsOfFoldedText(text));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('gives the same words as before on wire-style Dutch', () => {
    const text = "DEN HAAG (ANP) - Het Noord-Koreaanse ministerie van Buitenlandse Zaken zei dinsdag dat Kim’s bezoek aan Rusland 'zeer geslaagd' was. Oekraïne reageerde één dag later; Genève en Zürich zwegen. Co-voorzitter Jean-Pierre d'Aubigné (62) sprak over 2,5 miljard euro.";
    expect(words(text)).toEqual(wordsOfFoldedText(text));
  });
});

// words() as it was: every word found by one global regular expression.
function wordsByRegex(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\u0300-\u036f]+(?:['’-][\p{L}\p{N}\u0300-\u036f]+)*/gu)) {
    const word = match[0];
    if (/['’-]/.test(word)) {
      let parts = 0;
      let joined = '';
      for (const part of word.split(/['’-]/)) {
        const folded = fold(part);
        if (folded) {
          out.push(folded);
          joined += folded;
          parts++;
          continue;
        }
        if (parts > 1) out.push(joined);
        parts = 0;
        joined = '';
      }
      if (parts > 1) out.push(joined);
    } else {
      const folded = fold(word);
      if (folded) out.push(folded);
    }
  }
  return out;
}

describe('words() with its ASCII path', () => {
  it('finds exactly the words the one regular expression found, for any text', () => {
    // Mostly ASCII (the fast path), with what ends or continues a word next to it: separators,
    // non-ASCII letters and marks, astral letters and symbols, controls.
    const alphabet = ['a', 'b', 'Z', 'Q', '0', '9', ' ', ' ', '.', ',', '-', "'", '’', '\n', '\u0000', '\u007f', 'ë', 'É', '\u0301',
      '\u0308', 'ß', 'İ', '𝐀', '😀', '\ud835', '\udc00', '\u00a0', '“', '_', '@'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(words(text)).toEqual(wordsByRegex(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
    const wire = "DEN HAAG (ANP) - Het Noord-Koreaanse ministerie zei dat Kim’s bezoek 'zeer geslaagd' was; co-voorzitter d'Aubigné (62) sprak over 2,5 miljard euro. E-mail: x@y.nl";
    expect(words(wire)).toEqual(wordsByRegex(wire));
  });
});

describe('scanWords()', () => {
  // words() again from what scanWords hands over: a plain word's place in the text (lower-cased), any other word as it is.
  function scanned(text: string): string[] {
    const out: string[] = [];
    scanWords(
      text,
      (start, end, hash) => {
        const word = text.slice(start, end).toLowerCase();
        expect(hash).toBe(wordHash(word));
        out.push(word);
      },
      (word) => out.push(word),
    );
    return out;
  }

  it('finds exactly the words words() finds, with the hash of a plain word, for any text', () => {
    const alphabet = ['a', 'b', 'Z', 'Q', '0', '9', ' ', ' ', '.', ',', '-', "'", '’', '\n', '\u0000', '\u007f', 'ë', 'É', '\u0301',
      '\u0308', 'ß', 'İ', '𝐀', '😀', '\ud835', '\udc00', '\u00a0', '“', '_', '@', 'e\u0301', 'Ж'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(scanned(text)).toEqual(words(text));
      }),
      { numRuns: 5000, seed: 11 },
    );
    const wire = "DEN HAAG (ANP) - Het Noord-Koreaanse ministerie zei dat Kim’s bezoek 'zeer geslaagd' was; co-voorzitter d'Aubigné (62) sprak over 2,5 miljard euro. E-mail: x@y.nl";
    expect(scanned(wire)).toEqual(words(wire));
  });

  it('scanWrittenWords() hands over the same words, any other word as matched, for any text', () => {
    const alphabet = ['a', 'Z', 'q', '0', 'ï', 'É', 'e\u0301', '\u0301', 'İ', 'ß', 'Ж', '-', "'", '’', ' ', '.', '\n', '\u00a0', '7', 'Å', '\ud835', '😀'];
    const written = (text: string) => {
      const out: string[] = [];
      scanWrittenWords(
        text,
        (start, end, hash) => {
          const word = text.slice(start, end).toLowerCase();
          expect(hash).toBe(wordHash(word));
          out.push(word);
        },
        (match) => out.push(...foldedWords(match)),
      );
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(written(text)).toEqual(words(text));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
