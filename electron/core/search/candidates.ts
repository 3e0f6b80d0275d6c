// Intersects posting lists while summing scores, over typed arrays indexed by a
// story's internal number, so a query allocates nothing per posting (a Map per
// query costs several times more at 50,000 stories). A generation stamp marks
// which stories are still in the running, so nothing is cleared between queries.

/** One story list of a query part: postings in score slots, plus a bonus for this alternative. */
export interface PostingList {
  slots: ReadonlyArray<ReadonlyArray<number> | undefined>;
  bonus: number;
}

export class CandidateSet {
  private mark = new Int32Array(1024);
  private gain = new Int32Array(1024);
  private score = new Int32Array(1024);
  private step = 0;
  private survivors: number[] = [];
  private started = false;

  /**
   * Starts a query over story numbers below `capacity`. `parts` bounds the number of
   * `require` calls, so stamps of different queries never collide.
   */
  begin(capacity: number, parts: number): void {
    if (capacity > this.mark.length) {
      const size = Math.max(capacity, this.mark.length * 2);
      this.mark = new Int32Array(size);
      this.gain = new Int32Array(size);
      this.score = new Int32Array(size);
      this.step = 0;
    }
    // Stamps only ever grow, so a mark left by any earlier query is older than every
    // stamp of this one (stamps spaced by query length would not be: a long query's
    // last marks can equal a later short query's).
    if (this.step + parts + 2 >= 2 ** 31 - 1) {
      this.mark.fill(0);
      this.step = 0;
    }
    this.step++;
    this.survivors = [];
    this.started = false;
  }

  /**
   * Keeps only the stories in any of `lists` (all of them on the first call), adding
   * to each its best slot weight (+ bonus) among the lists.
   */
  require(lists: readonly PostingList[], slotWeights: readonly number[]): void {
    const before = this.step;
    const now = before + 1;
    const next: number[] = [];
    for (const { slots, bonus } of lists) {
      for (let slot = 0; slot < slots.length; slot++) {
        const ids = slots[slot];
        if (!ids) continue;
        const weight = (slotWeights[slot] ?? 1) + bonus;
        for (let i = 0; i < ids.length; i++) {
          const num = ids[i]!;
          const stamp = this.mark[num];
          if (stamp === now) {
            if (weight > this.gain[num]!) this.gain[num] = weight;
          } else if (!this.started || stamp === before) {
            this.mark[num] = now;
            this.gain[num] = weight;
            if (!this.started) this.score[num] = 0;
            next.push(num);
          }
        }
      }
    }
    for (const num of next) this.score[num]! += this.gain[num]!;
    this.survivors = next;
    this.step = now;
    this.started = true;
  }

  /** Starts from every story in `nums` with score 1 (queries with no indexed term). */
  requireAll(nums: Iterable<number>): void {
    const now = this.step + 1;
    const next: number[] = [];
    for (const num of nums) {
      if (this.started && this.mark[num] !== this.step) continue;
      this.mark[num] = now;
      if (!this.started) this.score[num] = 0;
      this.score[num]! += 1;
      next.push(num);
    }
    this.survivors = next;
    this.step = now;
    this.started = true;
  }

  /** Drops the stories in `lists` (exclusions). */
  exclude(lists: readonly PostingList[]): void {
    for (const { slots } of lists) {
      for (const ids of slots) {
        if (!ids) continue;
        for (let i = 0; i < ids.length; i++) {
          const num = ids[i]!;
          if (this.mark[num] === this.step) this.mark[num] = 0;
        }
      }
    }
    this.survivors = this.survivors.filter((num) => this.mark[num] === this.step);
  }

  /** Keeps the stories for which `keep` is true. */
  retain(keep: (num: number) => boolean): void {
    this.survivors = this.survivors.filter((num) => {
      if (keep(num)) return true;
      this.mark[num] = 0;
      return false;
    });
  }

  get count(): number {
    return this.survivors.length;
  }

  /** Hits made by `hit` from story number and score, best first; ties go to the higher (more recently added) number. */
  ranked<T>(limit: number, hit: (num: number, score: number) => T): T[] {
    // One numeric sort of score·2^32 + num: far faster than sorting objects with a comparator.
    const keys = new Float64Array(this.survivors.length);
    this.survivors.forEach((num, i) => (keys[i] = this.score[num]! * 2 ** 32 + num));
    keys.sort();
    const out: T[] = [];
    for (let i = keys.length - 1; i >= 0 && out.length < limit; i--) {
      const key = keys[i]!;
      const num = key % 2 ** 32;
      out.push(hit(num, (key - num) / 2 ** 32));
    }
    return out;
  }
}
