import { FIELD_BREAK, type Vocabulary } from './vocabulary';
import { scanWords } from '../text/dutch';
import { grownInt32 } from '../grown';

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
/** One field's words so far while packing: their ids and lengths (for isJoinedForm's test). */
let fieldIds = new Int32Array(1024);
let fieldLengths = new Int32Array(1024);

/** `words`, when given, gets the words as PackedWords.decode would decode them from the packed text. */
export function packFields(vocabulary: Vocabulary, fields: SearchFields, words?: PackedWords): string {
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
  // forEachWord(text, (word, joined) => write(intern(word) * 2 + joined)), without a
  // string per running word: plain words are looked up where they are in the text
  // (see scanWords), and a joined form is told from the ids and lengths of the words
  // before it.
  let count = 0;
  const word = (id: number, wordLength: number) => {
    if (count === fieldIds.length) {
      fieldIds = grownInt32(fieldIds);
      fieldLengths = grownInt32(fieldLengths);
    }
    fieldIds[count] = id;
    fieldLengths[count] = wordLength;
    write(id * 2 + (joinedAt(vocabulary, count) ? 1 : 0));
    count++;
    words?.push(id, field);
  };
  const plain = (start: number, end: number, hash: number) => word(vocabulary.internRange(text, start, end, hash), end - start);
  const other = (folded: string) => word(vocabulary.intern(folded), folded.length);
  let text = '';
  let field = 0;
  if (words) words.length = 0;
  const texts = [fields.headline, fields.place, fields.note, fields.body, ...fields.tags];
  for (let index = 0; index < texts.length; index++) {
    if (index > 0) write(FIELD_BREAK);
    text = typeof texts[index] === 'string' ? texts[index]! : '';
    field = index;
    count = 0;
    scanWords(text, plain, other);
  }
  let packed = '';
  for (let start = 0; start < length; start += 8192) {
    packed += String.fromCharCode.apply(null, scratch.subarray(start, Math.min(length, start + 8192)) as unknown as number[]);
  }
  return packed;
}

/**
 * words.ts's isJoinedForm over the field's words so far (fieldIds, fieldLengths): whether
 * word `i` is the concatenation of the two or more words right before it. Lengths first:
 * only where they add up are the characters compared.
 */
function joinedAt(vocabulary: Vocabulary, i: number): boolean {
  const length = fieldLengths[i]!;
  if (i < 2 || length <= fieldLengths[i - 1]!) return false;
  let sum = fieldLengths[i - 1]!;
  for (let k = i - 2; k >= 0 && sum < length; k--) {
    sum += fieldLengths[k]!;
    if (sum !== length) continue;
    const word = vocabulary.word(fieldIds[i]!);
    let offset = 0;
    for (let m = k; m < i; m++) {
      const part = vocabulary.word(fieldIds[m]!);
      if (!word.startsWith(part, offset)) return false;
      offset += part.length;
    }
    return true;
  }
  return false;
}

/** A packed text's words decoded into arrays (reused from story to story): word ids and fields, in order. */
export class PackedWords {
  ids = new Int32Array(1024);
  fields = new Int32Array(1024);
  length = 0;

  /** Decodes `packed`: every word id in order with its field (joined forms of compounds are words here too). */
  decode(packed: string): this {
    let field = 0;
    let value = 0;
    let shift = 0;
    let length = 0;
    let ids = this.ids;
    let fields = this.fields;
    for (let i = 0; i < packed.length; i++) {
      const byte = packed.charCodeAt(i);
      value += (byte & 0x7f) * 2 ** shift;
      if (byte & 0x80) {
        shift += 7;
        continue;
      }
      if (value === FIELD_BREAK) field++;
      else {
        if (length === ids.length) {
          ids = this.ids = grownInt32(ids);
          fields = this.fields = grownInt32(fields);
        }
        ids[length] = Math.floor(value / 2);
        fields[length++] = field;
      }
      value = 0;
      shift = 0;
    }
    this.length = length;
    return this;
  }

  /** Visits the decoded word ids in order. */
  forEachId(visit: (wordId: number) => void): void {
    for (let k = 0; k < this.length; k++) visit(this.ids[k]!);
  }

  push(id: number, field: number): void {
    if (this.length === this.ids.length) {
      this.ids = grownInt32(this.ids);
      this.fields = grownInt32(this.fields);
    }
    this.ids[this.length] = id;
    this.fields[this.length++] = field;
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
