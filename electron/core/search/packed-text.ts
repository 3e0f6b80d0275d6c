import { FIELD_BREAK, type Vocabulary } from './vocabulary';
import { forEachWord } from './words';

// A story's searchable text, kept compactly for exact-phrase checks and for
// removing the story's terms from the index again. Each folded word becomes its
// vocabulary id, written as a varint (most words take one or two bytes), with
// fields separated by FIELD_BREAK. The bytes are held in a string of char codes
// 0-255, which V8 stores at one byte per character with no per-object backing
// store: about a fifth of the memory of the folded text itself.
//
// Field order: headline, place, note, body, then one field per tag.

export const Field = {
  Headline: 0,
  Place: 1,
  Note: 2,
  Body: 3,
  /** Tags are fields 4, 5, …: one per tag, so a phrase never runs from one tag into the next. */
  FirstTag: 4,
} as const;

export interface SearchFields {
  headline: string;
  body: string;
  place: string;
  tags: string[];
  note: string;
}

let scratch = new Uint8Array(4096);

export function packFields(vocabulary: Vocabulary, fields: SearchFields): string {
  let length = 0;
  const write = (value: number) => {
    if (length + 5 > scratch.length) {
      const grown = new Uint8Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    while (value >= 0x80) {
      scratch[length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    scratch[length++] = value;
  };
  const texts = [fields.headline, fields.place, fields.note, fields.body, ...fields.tags];
  texts.forEach((text, index) => {
    if (index > 0) write(FIELD_BREAK);
    forEachWord(typeof text === 'string' ? text : '', (word, joined) => write(vocabulary.intern(word) * 2 + (joined ? 1 : 0)));
  });
  let packed = '';
  for (let start = 0; start < length; start += 8192) {
    packed += String.fromCharCode.apply(null, scratch.subarray(start, Math.min(length, start + 8192)) as unknown as number[]);
  }
  return packed;
}

/**
 * Visits each word of a packed text: its vocabulary id, whether it is the joined
 * form of a hyphenated compound (see words.ts), and its field.
 */
export function forEachPackedWord(packed: string, visit: (wordId: number, joined: boolean, field: number) => void): void {
  let field = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < packed.length; i++) {
    const byte = packed.charCodeAt(i);
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

/** The varint bytes of one packed value, as written by packFields. */
function encodeValue(value: number): string {
  let out = '';
  while (value >= 0x80) {
    out += String.fromCharCode((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  return out + String.fromCharCode(value);
}

/**
 * Whether the running words of one field contain `phrase` (vocabulary ids) in order,
 * adjacent; the joined forms of compounds in between are not running words.
 *
 * Decoding every word of every candidate made a quoted search over 50,000 stories
 * take over a second (a phrase of two common words has tens of thousands of
 * candidates). Instead the string's native `indexOf` jumps to each occurrence of the
 * phrase's first word, and only the words after it are decoded.
 */
export function containsPhrase(packed: string, phrase: readonly number[]): boolean {
  if (phrase.length === 0) return true;
  const first = encodeValue(phrase[0]! * 2);
  for (let at = packed.indexOf(first); at !== -1; at = packed.indexOf(first, at + 1)) {
    // A varint's last byte is below 0x80, so a match right after one starts a value.
    if (at > 0 && packed.charCodeAt(at - 1) >= 0x80) continue;
    if (phraseContinuesAt(packed, at + first.length, phrase)) return true;
  }
  return false;
}

/** Whether phrase[1..] are the running words from `position` on, within the field. */
function phraseContinuesAt(packed: string, position: number, phrase: readonly number[]): boolean {
  let next = 1;
  let value = 0;
  let shift = 0;
  for (let i = position; next < phrase.length && i < packed.length; i++) {
    const byte = packed.charCodeAt(i);
    value += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    if (value === FIELD_BREAK) return false;
    if (value % 2 === 0) {
      if (value / 2 !== phrase[next]) return false;
      next++;
    }
    value = 0;
    shift = 0;
  }
  return next === phrase.length;
}
