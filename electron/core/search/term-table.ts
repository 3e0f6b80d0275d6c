import { wordHash } from '../text/dutch';
import { grownInt32 } from '../grown';

// Strings numbered 0, 1, 2, … in the order they were added (or at numbers given, upwards: the
// search index's story ids, see put), looked up by an open-addressing
// table of numbers rather than a Map: the strings are kept anyway (one array of them), so a
// term costs its place in that array and a few bytes of table. At 50,000 stories the search
// index's 200,000–300,000 terms in a Map<string, number> took 14 MB of table each time
// (the frozen posting lists, the vocabulary's term numbers); here 3–5 MB. The vocabulary's
// words are numbered by one too, looked up also by where a word is in a story's text
// (findRange), with the hash worked out while the text was scanned.

const REMOVED = undefined;

export class TermTable {
  /** Per number: its string (REMOVED once deleted: the number is not used again). */
  private texts: Array<string | undefined> = [];
  private hashes = new Int32Array(1024);
  /** Number + 1 per place, 0 for an empty place; at most 70 % full (linear probing stays short). */
  private places = new Int32Array(2048);
  private live = 0;

  /** Strings in the table (deleted ones not counted). */
  get size(): number {
    return this.live;
  }

  /** Numbers given so far (deleted ones included): the next add gets this one. */
  get length(): number {
    return this.texts.length;
  }

  /** The number of `text` (`hash`: its wordHash, when known), or -1. */
  get(text: string, hash = wordHash(text)): number {
    return this.find(text, hash);
  }

  /**
   * The number of the string that is `text` from `start` to `end` with A–Z read as a–z
   * (`hash`: that string's wordHash), or -1; no string is cut out of `text`.
   */
  findRange(text: string, start: number, end: number, hash: number): number {
    const { places, hashes, texts } = this;
    const mask = places.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const number = places[at]! - 1;
      if (number < 0) return -1;
      if (hashes[number] !== hash) continue;
      const candidate = texts[number];
      if (candidate === undefined || candidate.length !== length) continue;
      let k = 0;
      for (; k < length; k++) {
        const c = text.charCodeAt(start + k);
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== candidate.charCodeAt(k)) break;
      }
      if (k === length) return number;
    }
  }

  has(text: string): boolean {
    return this.get(text) >= 0;
  }

  /** Every number's string, in number order (undefined where one was deleted). */
  all(): ReadonlyArray<string | undefined> {
    return this.texts;
  }

  /** The string with this number (undefined once deleted). */
  text(number: number): string | undefined {
    return this.texts[number];
  }

  /**
   * A table of `texts`, numbered by their places, keeping that very array (a snapshot's, of
   * exactly their number: one grown by push keeps up to half again as much room); null when
   * one of them repeats.
   */
  static of(texts: string[]): TermTable | null {
    const table = new TermTable();
    table.reserve(texts.length);
    for (const text of texts) {
      const hash = wordHash(text);
      if (table.find(text, hash) >= 0) return null;
      table.add(text, hash);
    }
    table.keepArray(texts);
    return table;
  }

  /**
   * Takes `texts` as its own array of strings by number: the very strings added, in the
   * order they were (a snapshot's array, of exactly their number, for the one grown by push).
   */
  keepArray(texts: string[]): void {
    if (texts.length !== this.texts.length) throw new RangeError(`${texts.length} strings for a table of ${this.texts.length}`);
    this.texts = texts;
  }

  /**
   * Makes room for `count` numbers in all, when they are known up front (a snapshot's, a
   * freeze's): the table is sized once, with no rehash on the way and no spare half past it
   * (grown by doubling, 270,000 terms kept room for 524,288: 2.1 MB of hashes where 1.1 do).
   */
  reserve(count: number): void {
    if (count > this.hashes.length) {
      const hashes = new Int32Array(count);
      hashes.set(this.hashes.subarray(0, this.texts.length));
      this.hashes = hashes;
    }
    let size = this.places.length;
    while (count * 10 > size * 7) size *= 2;
    if (size === this.places.length) return;
    this.places = new Int32Array(size);
    for (let number = 0; number < this.texts.length; number++) if (this.texts[number] !== REMOVED) this.place(number);
  }

  /** Adds `text`, which must not be in the table, as the next number (`hash`: its wordHash, when known); returns it. */
  add(text: string, hash = wordHash(text)): number {
    const number = this.texts.length;
    this.texts.push(text);
    if (number >= this.hashes.length) this.hashes = grownInt32(this.hashes, number + 1);
    this.hashes[number] = hash;
    if ((number + 1) * 10 > this.places.length * 7) {
      let size = this.places.length * 2;
      while ((number + 1) * 10 > size * 7) size *= 2;
      this.places = new Int32Array(size);
      // Numbers deleted or never used are left out: no lookup finds them anyway.
      for (let other = 0; other <= number; other++) if (this.texts[other] !== REMOVED) this.place(other);
    } else this.place(number);
    this.live++;
    return number;
  }

  /**
   * Adds `text`, which must not be in the table, as `number`, at or past `length` (the numbers
   * between are never used); returns it. For numbers given elsewhere (a snapshot's).
   */
  put(text: string, number: number, hash = wordHash(text)): number {
    if (number < this.texts.length) throw new RangeError(`number ${number} is taken or was`);
    while (this.texts.length < number) this.texts.push(REMOVED);
    return this.add(text, hash);
  }

  /** Takes `text` out (its number keeps its place, never found again); false when it was not in. */
  delete(text: string): boolean {
    const number = this.get(text);
    if (number < 0) return false;
    this.texts[number] = REMOVED;
    this.live--;
    return true;
  }

  /** Every string in the table with its number, in the order they were added. */
  *entries(): Generator<[string, number]> {
    const { texts } = this;
    for (let number = 0; number < texts.length; number++) {
      const text = texts[number];
      if (text !== REMOVED) yield [text, number];
    }
  }

  private find(text: string, hash: number): number {
    const { places, hashes, texts } = this;
    const mask = places.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const number = places[at]! - 1;
      if (number < 0) return -1;
      if (hashes[number] === hash && texts[number] === text) return number;
    }
  }

  private place(number: number): void {
    const mask = this.places.length - 1;
    let at = this.hashes[number]! & mask;
    while (this.places[at] !== 0) at = (at + 1) & mask;
    this.places[at] = number + 1;
  }
}
