// Words in a text as the version rail counts them: runs of letters and digits, joined by
// an apostrophe (' or ’) or a hyphen between two of them ("Noord-Korea", "auto's": one
// word each). The same count as matching /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu, in one
// pass without building the array of matches (the import counts every agency item's words).

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const nonAscii = new Map<number, boolean>();

/** Whether the code point at `at` is a letter or digit (a lone surrogate is neither). */
function wordCharAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  const point = text.codePointAt(at)!;
  let known = nonAscii.get(point);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(point));
    if (nonAscii.size < 4_096) nonAscii.set(point, known);
  }
  return known;
}

const width = (text: string, at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);
const isJoiner = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2d;

/** An ASCII letter or digit. */
const asciiWordChar = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let at = 0; at < text.length; ) {
    // ASCII (most of a Dutch text) without the code point work below.
    const code = text.charCodeAt(at);
    if (code < 0x80) {
      if (asciiWordChar(code)) {
        if (!inWord) count++;
        inWord = true;
      } else if (!(inWord && (code === 0x27 || code === 0x2d) && at + 1 < text.length && wordCharAt(text, at + 1))) inWord = false;
      at++;
      continue;
    }
    if (wordCharAt(text, at)) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && isJoiner(text.charCodeAt(at)) && at + 1 < text.length && wordCharAt(text, at + 1)) {
      // A joiner between two word characters: the word goes on.
    } else {
      inWord = false;
    }
    at += width(text, at);
  }
  return count;
}
