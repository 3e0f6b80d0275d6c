import { gazetteer } from '../analysis/gazetteer';
import { lexiconForm } from '../text/compounds';
import { fold } from '../text/dutch';
import { nameSkeleton } from '../text/transliteration';

// What a searched word also stands for (issue 16, class 11):
//  - the other names of a gazetteer entry it names (`beijing` → Peking, `kiev` → Kyiv,
//    `zelenski` → Zelensky, Zelenskyy), read through the gazetteer's API: aliases are data;
//  - transliteration variants of those names (`zelenskyj`), by a skeleton that folds the
//    usual Dutch/English/German spellings of Cyrillic letters onto one;
//  - Dutch compounds whose head it is (`raket` → kruisraket, langeafstandsraketten), by
//    the lexicon of text/compounds.ts; never compounds it only starts (`wapens` is not
//    the head of `wapenstilstand`).

/**
 * A transliteration skeleton of any word (folded first): `zelensky`, `zelenski`, `zelenskyj`,
 * `zelenskyy` → `zelenski`; `vostotsjny`, `vostochny` → `vostocni`… (text/transliteration.ts).
 */
export function transliterationKey(word: string): string {
  return nameSkeleton(fold(word));
}

interface NameIndex {
  /** Transliteration key → folded single-word names of gazetteer entries. */
  byKey: Map<string, Set<string>>;
  /** Folded single-word name → the display forms of its entry's other single-word names, and the words themselves. */
  variants: Map<string, { words: string[]; display: string[] }>;
}

let names: NameIndex | null = null;

/** Single-word names of the gazetteer's entries (people, places, organisations), by entry. */
function nameIndex(): NameIndex {
  if (names) return names;
  const byKey = new Map<string, Set<string>>();
  const variants = new Map<string, { words: string[]; display: string[] }>();
  for (const entry of gazetteer().entries) {
    if (entry.kind === 'topic') continue;
    // Single-word aliases, and for a person the surname of each full name (`Volodymyr Zelenski` → zelenski).
    const single = new Set<string>();
    for (const alias of entry.aliasKeys) {
      const parts = alias.split(' ');
      if (parts.length === 1) single.add(alias);
      else if (entry.kind === 'person' && parts.length === 2 && parts[1]!.length >= 4) single.add(parts[1]!);
    }
    if (single.size === 0) continue;
    const words = [...single];
    const display = words.map((word) => displayOf(entry.name, word));
    const group = { words, display };
    for (const word of words) {
      if (!variants.has(word)) variants.set(word, group);
      const key = transliterationKey(word);
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(word);
    }
  }
  names = { byKey, variants };
  return names;
}

/** A folded name as the gazetteer writes it: from the entry's name when it is in there, else capitalised. */
function displayOf(name: string, word: string): string {
  for (const part of name.split(/\s+/)) if (fold(part) === word) return part;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface NameVariants {
  /** Folded single words to search for besides the typed one (other names, transliterations). */
  words: string[];
  /** The same as the editor should read them (`Peking`). */
  display: string[];
  /** Transliteration keys of the names: a story's own spelling of them (`zelenskyj`) is found by key. */
  keys: string[];
}

/** The other names of what a folded word names, or null when it names no gazetteer entry. */
export function nameVariants(word: string): NameVariants | null {
  const index = nameIndex();
  let group = index.variants.get(word);
  if (!group) {
    // A spelling the gazetteer does not list (`zelenskyj`): its transliteration key.
    const known = index.byKey.get(transliterationKey(word));
    const first = known && [...known][0];
    group = first ? index.variants.get(first) : undefined;
  }
  if (!group) return null;
  const words: string[] = [];
  const display: string[] = [];
  group.words.forEach((other, k) => {
    if (other === word) return;
    words.push(other);
    display.push(group.display[k]!);
  });
  return { words, display, keys: [...new Set(group.words.map(transliterationKey))] };
}

/**
 * Reads what query expansion needs (the gazetteer's names, the lexicon) now rather than in
 * the editor's first search: called once the indexes are ready, in the worker's idle time.
 */
export function prepareExpansion(): void {
  nameIndex();
  lexiconForm('raket');
}

/** Whether a folded word is a whole word of the language (the lexicon's or a known name): a typed prefix that is one is read as a word. */
export function isWholeWord(word: string): boolean {
  return lexiconForm(word) !== null || nameIndex().variants.has(word);
}
