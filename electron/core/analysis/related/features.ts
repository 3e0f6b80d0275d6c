import { splitCompound } from '../../text/compounds';
import { detached, fold, foldedWords, isStopword, scanWrittenWords, stem, words } from '../../text/dutch';
import { titleCasePlace } from '../entities';
import { gazetteer } from '../gazetteer';
import { contentSignatureOf, type RelatedDoc } from './doc';

// What the related-story index reads from one story's text, worked out without the
// index: its terms with their weights, their spellings for the reasons, its entities.
// Pure, so a full build can have another thread work it out (indexing/feature-feed.ts)
// while the index takes in the results in story order; the index then only numbers
// the terms and entities and stores the record (stories.ts).

/** Extra tf for each headline occurrence of a term. */
export const HEADLINE_BOOST = 2;

/**
 * Near-stopwords: everyday words that are not on the stopword list but say nothing about
 * what a story is about (`president`, `sinds`, `tijd`, `heel`, `jong`), in folded form.
 * In a small library their idf is high, so a football story and a North Korea story
 * could meet on `jong` (Frenkie de Jong, Kim Jong-un). They stay out of the wording score.
 */
export const NEAR_STOPWORDS: ReadonlySet<string> = new Set([
  // time
  'sinds', 'tijd', 'tijdens', 'jaar', 'jaren', 'jarige', 'maand', 'maanden', 'week', 'weken', 'dag', 'dagen', 'uur', 'uren',
  'vandaag', 'gisteren', 'morgen', 'eergisteren', 'ochtend', 'middag', 'avond', 'nacht', 'maandag', 'dinsdag', 'woensdag',
  'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'begin', 'eind', 'einde', 'afgelopen', 'vorige', 'volgende', 'komende',
  'eerder', 'later', 'laatst', 'laatste', 'straks', 'inmiddels', 'intussen', 'sindsdien', 'meteen', 'direct', 'opnieuw',
  // degree, size, age, number
  'heel', 'hele', 'zeer', 'erg', 'echt', 'vooral', 'bijna', 'ongeveer', 'zowat', 'ruim', 'flink', 'enorm', 'groot', 'grote',
  'groter', 'grootste', 'klein', 'kleine', 'jong', 'jonge', 'jongere', 'oud', 'oude', 'oudere', 'nieuw', 'nieuwe', 'veel',
  'weinig', 'meeste', 'aantal', 'twee', 'drie', 'vier', 'vijf', 'zes', 'tien', 'honderd', 'duizend', 'miljoen', 'miljard',
  'procent', 'eerste', 'tweede', 'derde', 'keer', 'maal', 'deel', 'helft',
  // generic people, places and roles
  'president', 'premier', 'minister', 'ministers', 'mensen', 'man', 'mannen', 'vrouw', 'vrouwen', 'land', 'landen',
  'plaats', 'plek', 'kant', 'manier', 'zaak', 'zaken', 'ding', 'dingen', 'iets', 'niets', 'elkaar', 'iedereen',
  'woordvoerder', 'leider', 'hoofd', 'heer', 'mevrouw', 'meneer',
  // news verbs and fillers
  'zeggen', 'gezegd', 'zegt', 'zei', 'zeiden', 'meldt', 'melden', 'meldde', 'gemeld', 'laat', 'laten', 'liet', 'gaat',
  'gaan', 'ging', 'gingen', 'komt', 'komen', 'kwam', 'kwamen', 'gekomen', 'krijgt', 'krijgen', 'kreeg', 'gekregen',
  'maakt', 'maken', 'maakte', 'gemaakt', 'staat', 'staan', 'stond', 'blijft', 'blijven', 'bleef', 'geeft', 'geven', 'gaf',
  'gegeven', 'zien', 'ziet', 'zag', 'gezien', 'willen', 'wilde', 'kunnen', 'moeten', 'zouden', 'mogen', 'goed', 'goede',
  'beter', 'steeds', 'verder', 'tussen', 'echter', 'daarom', 'daarmee', 'daarbij', 'waarbij', 'waarin', 'omdat', 'terwijl',
  'mogelijk', 'eigen', 'alle', 'andere', 'weer', 'want', 'onze', 'welke', 'zowel', 'nadat', 'voordat', 'zodat',
  'houden', 'houdt', 'hield', 'hielden', 'gehouden', 'noemt', 'noemen', 'noemde', 'genoemd', 'wijst', 'wees', 'vindt',
  'vinden', 'vond', 'denkt', 'denken', 'dacht', 'spreekt', 'sprak', 'roept', 'riep', 'vraagt', 'vroeg', 'wil', 'kan',
  'moet', 'zal', 'lijkt', 'leek', 'nemen', 'neemt', 'nam', 'brengt', 'bracht', 'volgt', 'volgde', 'bekend', 'gisteravond',
]);

// Latin letters with diacritics (À–ɏ, minus × and ÷): only words with one need their spelling kept.
const LATIN_DIACRITIC = /[À-ÖØ-öø-ɏ]/u;
// The lookbehind starts a match only at the start of a word: without it the regex is
// tried again from every letter of a word that has no diacritic (quadratic in the
// word's length; 4% of an index build). Same matches, as a match could only ever
// start at a word's start.
const WORD_WITH_DIACRITIC = /(?<![a-zß-öø-ɏ])[a-zß-öø-ɏ]*[ß-öø-ɏ][a-zß-öø-ɏ]*/gu;

export interface RelatedFeatures {
  /** signatureOf() without the date (the date is the library's, not the text's). */
  contentSignature: number;
  /** Stems in the order they first occur (text, then headline): the index numbers new ones in this order. */
  terms: string[];
  /** The folded word each term first came from: its spelling until one with diacritics is seen. */
  firstWords: string[];
  /** tf of each term, headline occurrences counted HEADLINE_BOOST times. */
  weights: number[];
  /** Spellings with diacritics, in text order: `term, folded, written` triples. */
  surfaces: string[];
  /** `key, name` pairs: the extracted entities, then the dateline place. */
  entities: string[];
}

/** The features of a story (the related index's upsert works them out itself when not given). */
export function relatedFeatures(doc: Omit<RelatedDoc, 'id' | 'date'>): RelatedFeatures {
  const headline = typeof doc.headline === 'string' ? doc.headline : '';
  let text = typeof doc.text === 'string' ? doc.text : '';
  // A brief's headline is its first sentence: `headline\nheadline …` would count it twice.
  if (headline && text.startsWith(`${headline}\n${headline}`)) text = text.slice(headline.length + 1);

  const features: RelatedFeatures = { contentSignature: contentSignatureOf(doc), terms: [], firstWords: [], weights: [], surfaces: [], entities: [] };
  // Name fragments: the words of a story's multi-word names (`Kim Jong-un`: kim, jong, un)
  // count through the entity score, not again, split up, in the wording score, where
  // `jong` would meet the `Jong` of a footballer named De Jong.
  const nameWords = new Set<string>();
  for (const item of Array.isArray(doc.entities) ? doc.entities : []) {
    const parts = typeof item?.name === 'string' ? words(item.name) : [];
    if (parts.length > 1) for (const part of parts) nameWords.add(part);
  }
  // Per word as written (folded), through its cache entry: its term's slot in this story, or
  // -1 for a word that is not a term, and the slots of its compound's parts (`stikstofplannen`:
  // stikstof, plan), each counted at COMPOUND_PART_WEIGHT, so stories on `stikstofuitstoot`
  // and `stikstof` share a word. One table lookup per running word, on the word where it
  // stands in the text (see AsciiWords): no string is made of a word seen before.
  const story = beginStory();
  const slotOf = (term: TermRef, word: string): number => {
    if (term.story !== story) {
      term.story = story;
      term.slot = features.terms.length;
      features.terms.push(term.term);
      features.firstWords.push(word);
      features.weights.push(0);
    }
    return term.slot;
  };
  let weight = 1;
  // The running words, kept only when the dateline place is to be looked for among them.
  const place = typeof doc.place === 'string' ? doc.place.trim() : '';
  const placeNamed = /\p{L}/u.test(place);
  let sequence: WordingEntry[] | null = null;
  const visit = (entry: WordingEntry) => {
    if (sequence) sequence.push(entry);
    if (entry.story !== story) {
      entry.story = story;
      const analysis = entry.analysis;
      if (!analysis || nameWords.has(entry.word)) {
        entry.slot = -1;
        entry.partSlots = null;
      } else {
        entry.slot = slotOf(analysis.term, entry.word);
        const { parts, partTerms } = analysis;
        entry.partSlots = parts.length ? parts.map((part, p) => slotOf(partTerms[p]!, part)) : null;
      }
    }
    const k = entry.slot;
    if (k >= 0) {
      features.weights[k]! += weight;
      const parts = entry.partSlots;
      if (parts) for (const part of parts) features.weights[part]! += weight * COMPOUND_PART_WEIGHT;
    }
  };
  // The spellings with diacritics (the text's runs of WORD_WITH_DIACRITIC, in its lower
  // case) are read off the text's words as scanWrittenWords() meets them: every such run lies in
  // one word it reports as matched, and the run's letters come out the same lower-cased
  // alone as in the whole text. The test of the whole text stays: a text with only, say,
  // `ẞ` has none, though its lower case has a run.
  let surfaces = false;
  const count = (source: string, list: WordingEntry[] | null) => {
    sequence = list;
    scanWrittenWords(
      source,
      (start, end, hash) => visit(asciiWords.entry(source, start, end, hash)),
      (match) => {
        const known = matchWords(match);
        for (const entry of known.entries) visit(entry);
        if (surfaces && known.surfaces) features.surfaces.push(...known.surfaces);
      },
    );
  };
  const textWords: WordingEntry[] | null = placeNamed ? [] : null;
  const headlineWords: WordingEntry[] | null = placeNamed ? [] : null;
  surfaces = LATIN_DIACRITIC.test(text);
  if (text) count(text, textWords);
  surfaces = false;
  weight = HEADLINE_BOOST;
  if (headline) count(headline, headlineWords);

  const keys = new Set<string>();
  const entity = (key: string, name: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    features.entities.push(key, name);
  };
  for (const item of Array.isArray(doc.entities) ? doc.entities : []) {
    if (typeof item?.key === 'string' && item.key && sharable(item.key)) entity(item.key, String(item.name ?? item.key));
  }
  // The dateline says where the copy was filed, not what it is about: every story from
  // DEN HAAG would otherwise share an entity, and two short briefs with nothing else in
  // common would look alike. It counts only when the text names the place too.
  if (placeNamed && namesPlace(headlineWords!, textWords!, place)) entity(fold(place), titleCasePlace(place));
  return features;
}

/** A ministry (`Binnenlandse Zaken`, `Ministerie van Defensie (Rusland)`) names a portfolio many stories share: never a link between stories. */
function sharable(key: string): boolean {
  return !key.startsWith('ministerie van ') && gazetteer().entry(key)?.generic !== true;
}

// Snowball strips derivational endings too (-ig, -ing, -lijk, -baar, -heid, -end), so
// `geweldig` and `geweld`, `machtig` and `macht` become one term. For likeness of wording
// that is a false friend: the term keeps such an ending (`geweldige` → `geweldig`,
// `verkiezingen` → `verkiezing`), inflections still fold together.
const DERIVATION = /^(?:heid|lijk|baar|ing|end|ig)/;

/** A compound's parts count this much of the whole word's weight each. */
export const COMPOUND_PART_WEIGHT = 0.5;
/** Shorter words are seldom compounds of two parts of four letters or more. */
const MIN_COMPOUND_LENGTH = 8;

/** What the wording score reads of a folded word: its term, and its compound parts with theirs. */
interface WordingAnalysis {
  term: TermRef;
  parts: string[];
  partTerms: TermRef[];
}

/**
 * A term, one object per term string (see termRef), with its slot in the story being read
 * (valid while `story` is that story's stamp): a word's first occurrence in a story finds
 * its term's slot without a lookup by the term's string.
 */
interface TermRef {
  term: string;
  story: number;
  slot: number;
}

/** A word's wording analysis, and what the story being read (`story`) made of it. */
interface WordingEntry {
  /** The folded word. */
  word: string;
  analysis: WordingAnalysis | null;
  story: number;
  slot: number;
  partSlots: number[] | null;
}

/**
 * The wording analysis per distinct word, for every story a thread reads: a full build
 * meets each word of the archive's Zipf vocabulary again and again, and its stem and
 * compound split are the same each time. Each entry also holds the word's slots in the
 * story being read (valid while `story` is that story's stamp), so a running word costs
 * one lookup.
 */
const wordingCache = new Map<string, WordingEntry>();
const termRefs = new Map<string, TermRef>();
const WORDING_CACHE_LIMIT = 200_000;
let storyStamp = 0;

/** Lets go of the wording cache (see releaseStemCache: after a full build, the thread only reads edits' words). */
export function releaseWordingCache(): void {
  wordingCache.clear();
  matchCache.clear();
  termRefs.clear();
  asciiWords.clear();
}

/**
 * A new story's stamp. A full cache is emptied here, between stories, never while one is
 * read: its terms must keep one TermRef each for the whole story.
 */
function beginStory(): number {
  if (wordingCache.size >= WORDING_CACHE_LIMIT || matchCache.size >= WORDING_CACHE_LIMIT) releaseWordingCache();
  return ++storyStamp;
}

function termRef(term: string): TermRef {
  let ref = termRefs.get(term);
  if (ref === undefined) {
    ref = { term: detached(term), story: 0, slot: -1 };
    termRefs.set(ref.term, ref);
  }
  return ref;
}

function wordingEntry(word: string): WordingEntry {
  let entry = wordingCache.get(word);
  if (entry === undefined) {
    let analysis: WordingAnalysis | null = null;
    if (isWordingWord(word)) {
      // Copies: a word cut out of a story's text would keep that whole text alive in the cache.
      const parts = compoundParts(word).map(detached);
      analysis = { term: termRef(wordingTerm(word)), parts, partTerms: parts.map((part) => termRef(wordingTerm(part))) };
    }
    entry = { word: detached(word), analysis, story: 0, slot: -1, partSlots: null };
    wordingCache.set(entry.word, entry);
  }
  return entry;
}

/** What relatedFeatures reads of a word scanWrittenWords() reports as matched: its folded words' entries, its spellings with diacritics. */
interface MatchedWord {
  entries: WordingEntry[];
  /** `term, folded, written` triples of its runs of WORD_WITH_DIACRITIC, or null for none. */
  surfaces: string[] | null;
}

/**
 * The words scanWrittenWords() reports as matched (not plain ASCII: `Oekraïne`, `Noord-Koreaanse`),
 * by the word as written: folding such a word and its spellings (normalising each twice)
 * at every occurrence cost more than looking it up.
 */
const matchCache = new Map<string, MatchedWord>();

function matchWords(match: string): MatchedWord {
  let known = matchCache.get(match);
  if (known === undefined) {
    const key = detached(match);
    let surfaces: string[] | null = null;
    for (const run of key.toLowerCase().matchAll(WORD_WITH_DIACRITIC)) {
      const written = detached(run[0].normalize('NFC'));
      const folded = detached(fold(written));
      (surfaces ??= []).push(detached(wordingTerm(folded)), folded, written);
    }
    known = { entries: foldedWords(key).map((word) => wordingEntry(word)), surfaces };
    matchCache.set(key, known);
  }
  return known;
}

/**
 * The wording cache's entries of plain ASCII words, found by the word where it stands in
 * a text (scanWrittenWords): an open-addressing table on the hash of the word's lower-cased
 * characters that scanWrittenWords() makes as it reads them, compared in place. Looking a running
 * word up in the Map would first cut it out of the text as a fresh string and hash that
 * again; this was most of what relatedFeatures cost. A word not in the table is cut out
 * once and looked up in the cache.
 */
class AsciiWordTable {
  private static readonly INITIAL_SLOTS = 1 << 16;
  private mask = AsciiWordTable.INITIAL_SLOTS - 1;
  private hashes = new Int32Array(this.mask + 1);
  private entries: (WordingEntry | undefined)[] = new Array<WordingEntry | undefined>(this.mask + 1);
  private size = 0;

  /** The entry of the word from `start` to `end` of `text`, `hash` its hash as scanWrittenWords() gives it. */
  entry(text: string, start: number, end: number, hash: number): WordingEntry {
    const length = end - start;
    // 0 marks an empty slot: the hashes are read first, and an entry only when its hash is the word's.
    if (hash === 0) hash = 1;
    for (let at = hash & this.mask; ; at = (at + 1) & this.mask) {
      const h = this.hashes[at]!;
      if (h === 0) break;
      if (h !== hash) continue;
      const found = this.entries[at]!;
      if (found.word.length === length && sameWord(found.word, text, start)) return found;
    }
    const entry = wordingEntry(text.slice(start, end).toLowerCase());
    this.insert(hash, entry);
    return entry;
  }

  /** Empties the table, back at its first size (after a full build it holds a few MB). */
  clear(): void {
    this.mask = AsciiWordTable.INITIAL_SLOTS - 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.entries = new Array<WordingEntry | undefined>(this.mask + 1);
    this.size = 0;
  }

  private insert(hash: number, entry: WordingEntry): void {
    if (++this.size * 2 > this.mask) this.grow();
    let at = hash & this.mask;
    while (this.hashes[at] !== 0) at = (at + 1) & this.mask;
    this.hashes[at] = hash;
    this.entries[at] = entry;
  }

  private grow(): void {
    const { hashes, entries } = this;
    this.mask = this.mask * 2 + 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.entries = new Array<WordingEntry | undefined>(this.mask + 1);
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      if (entry === undefined) continue;
      let at = hashes[k]! & this.mask;
      while (this.hashes[at] !== 0) at = (at + 1) & this.mask;
      this.hashes[at] = hashes[k]!;
      this.entries[at] = entry;
    }
  }
}

/** Whether `text` from `start` is `word` (a folded ASCII word) in upper or lower case. */
function sameWord(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(start + k);
    if (word.charCodeAt(k) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return true;
}

const asciiWords = new AsciiWordTable();

function isWordingWord(word: string): boolean {
  return word.length >= 2 && !isStopword(word) && !NEAR_STOPWORDS.has(word);
}

/** The telling parts of a compound (`huizenprijzen` → huis, prijzen), or none. */
export function compoundParts(word: string): string[] {
  if (word.length < MIN_COMPOUND_LENGTH) return [];
  const split = splitCompound(word);
  if (!split) return [];
  const parts: string[] = [];
  for (const part of [split.modifier, split.head]) if (part.length >= 4 && isWordingWord(part)) parts.push(part);
  return parts;
}

/** The related index's term for a folded word: its stem, with a derivational ending put back. */
export function wordingTerm(word: string): string {
  const stemmed = stem(word);
  if (stemmed.length === word.length || !word.startsWith(stemmed)) return stemmed;
  const ending = DERIVATION.exec(word.slice(stemmed.length));
  return ending ? stemmed + ending[0] : stemmed;
}

/** Whether the headline or text (their words) names the dateline place (`DEN HAAG` → `Den Haag`). */
function namesPlace(headlineWords: WordingEntry[], textWords: WordingEntry[], place: string): boolean {
  const key = words(place);
  if (!key.length) return false;
  // The words of `${headline}\n${text}` (a word never runs across the line break) have the
  // place's words in a row: what finding ` ${key.join(' ')} ` among them joined by spaces
  // did, as no word holds a space.
  const all = headlineWords.length ? headlineWords.concat(textWords) : textWords;
  for (let at = 0; at + key.length <= all.length; at++) {
    let k = 0;
    while (k < key.length && all[at + k]!.word === key[k]) k++;
    if (k === key.length) return true;
  }
  return false;
}
