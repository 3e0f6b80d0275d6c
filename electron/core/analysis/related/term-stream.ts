// Terms as a stream of stories numbers them (the feature worker's batches, indexing/feature-batch.ts):
// a term's string comes once, with the first story that uses it, and every later use is its
// number in the stream. The related index then finds a term's id by the number (an array
// read) instead of hashing and comparing the term's characters against its table for every
// term of every story: ten million look-ups in a full build at 67,000 stories.

/** The terms of one stream, by number, and what each number is in the term table it is read into. */
export class TermStream {
  private readonly terms: string[] = [];
  private readonly words: string[] = [];
  /** Per number, its id in `idsOf` (-1: not looked up yet). */
  private ids = new Int32Array(1024).fill(-1);
  private idsOf: object | null = null;

  /** How many terms the stream has numbered. */
  get size(): number {
    return this.terms.length;
  }

  /** Numbers the next terms, in order; `words`: the folded word each first came from (its spelling until one with diacritics is seen). */
  append(terms: readonly string[], words: readonly string[]): void {
    if (terms.length !== words.length) throw new RangeError('a term stream needs a word for every term');
    for (let k = 0; k < terms.length; k++) {
      this.terms.push(terms[k]!);
      this.words.push(words[k]!);
    }
  }

  /** The term numbered `n`. */
  term(n: number): string {
    const term = this.terms[n];
    if (term === undefined) throw new RangeError(`term ${n} is not in the stream`);
    return term;
  }

  /** The word term `n` first came from. */
  word(n: number): string {
    return this.words[n]!;
  }

  /**
   * The id in `table` of the term numbered `n`: `resolve(term, word)` gives it the first time
   * (finding or adding the term), an array read after that. Another table starts afresh.
   */
  idOf(n: number, table: object, resolve: (term: string, word: string) => number): number {
    if (table !== this.idsOf) {
      this.idsOf = table;
      this.ids.fill(-1);
    }
    if (n >= this.ids.length) {
      const grown = new Int32Array(Math.max(n + 1, this.ids.length * 2)).fill(-1);
      grown.set(this.ids);
      this.ids = grown;
    }
    let id = this.ids[n]!;
    if (id < 0) this.ids[n] = id = resolve(this.term(n), this.words[n]!);
    return id;
  }
}

/** A story's terms as numbers of a stream, in the order of its features' weights. */
export interface StreamedTerms {
  stream: TermStream;
  numbers: Uint32Array;
}
