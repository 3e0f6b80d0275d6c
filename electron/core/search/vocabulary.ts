import { indexTerm } from './query';

// Every distinct folded word seen by the index gets a small number. Stories keep
// their text as a sequence of these numbers (see packed-text.ts), the word's index
// term (stem) is computed once per distinct word rather than once per occurrence,
// and the words are bucketed by their first two letters for prefix matching.

/** Word id 0 is reserved: it separates fields in a packed text. */
export const FIELD_BREAK = 0;

const BUCKET_CHARS = 2;

/**
 * A copy of `text` that does not share memory with the string it was cut from.
 * Words found by a regex over a story's text are slices of that whole text, and
 * keeping one as a Map key would keep the whole text alive.
 */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

export class Vocabulary {
  private readonly idOf = new Map<string, number>();
  private readonly words: string[] = [''];
  /** Index term per word id; '' when the word is not indexed (stopword, single character). */
  private readonly terms: string[] = [''];
  private readonly buckets = new Map<string, number[]>();

  get size(): number {
    return this.words.length - 1;
  }

  /** The id of a folded word, adding it when new. */
  intern(word: string): number {
    let id = this.idOf.get(word);
    if (id === undefined) {
      word = detached(word);
      id = this.words.length;
      this.idOf.set(word, id);
      this.words.push(word);
      this.terms.push(indexTerm(word) ?? '');
      const key = word.slice(0, BUCKET_CHARS);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
    return id;
  }

  /** The id of a folded word, or undefined when no story ever contained it. */
  lookup(word: string): number | undefined {
    return this.idOf.get(word);
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  /** The index term (stem) of a word id, or '' when the word is not indexed. */
  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Distinct index terms of the known words starting with `prefix` (at least two characters). */
  termsStartingWith(prefix: string): string[] {
    if (prefix.length < BUCKET_CHARS) return [];
    const bucket = this.buckets.get(prefix.slice(0, BUCKET_CHARS));
    if (!bucket) return [];
    const out = new Set<string>();
    for (const id of bucket) {
      const term = this.terms[id]!;
      if (term && this.words[id]!.startsWith(prefix)) out.add(term);
    }
    return [...out];
  }
}
