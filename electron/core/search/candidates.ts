import type { Order } from './select';

// Intersects posting lists while summing scores, over typed arrays indexed by a
// story's internal number, so a query allocates nothing per posting (a Map per
// query costs several times more at 50,000 stories). A generation stamp marks
// which stories are still in the running, so nothing is cleared between queries.

/** One story list of a query part: postings (story numbers, ascending) in score slots, plus a bonus for this alternative. */
export interface PostingList {
  slots: ReadonlyArray<ArrayLike<number> | undefined>;
  bonus: number;
}

/** Every story a query matched, in no particular order. Shared: never modify. */
export interface Matches {
  /** Story numbers. */
  readonly nums: Int32Array;
  /** Each story's score, at the same position as its number. */
  readonly scores: Int32Array;
}

export class CandidateSet {
  private mark = new Int32Array(1024);
  private gain = new Int32Array(1024);
  private score = new Int32Array(1024);
  /** The stories still in the running, `survivors[0..count)`; `spare` is where `require` writes the next. */
  private survivors = new Int32Array(1024);
  private spare = new Int32Array(1024);
  private size = 0;
  private step = 0;
  private started = false;

  /**
   * Starts a query over story numbers below `capacity`, with at most `parts` calls
   * of `require`/`requireAll`.
   */
  begin(capacity: number, parts: number): void {
    if (capacity > this.mark.length) {
      const size = Math.max(capacity, this.mark.length * 2);
      this.mark = new Int32Array(size);
      this.gain = new Int32Array(size);
      this.score = new Int32Array(size);
      this.survivors = new Int32Array(size);
      this.spare = new Int32Array(size);
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
    this.size = 0;
    this.started = false;
  }

  /**
   * Keeps only the stories in any of `lists` (all of them on the first call), adding
   * to each its best slot weight (+ bonus) among the lists.
   */
  require(lists: readonly PostingList[], slotWeights: readonly number[]): void {
    if (this.started && this.probeIsCheaper(lists)) {
      this.requireByProbing(lists, slotWeights);
      return;
    }
    const before = this.step;
    const now = before + 1;
    const { mark, gain, score, started } = this;
    const next = this.spare;
    let size = 0;
    for (const { slots, bonus } of lists) {
      for (let slot = 0; slot < slots.length; slot++) {
        const ids = slots[slot];
        if (!ids) continue;
        const weight = (slotWeights[slot] ?? 1) + bonus;
        for (let i = 0; i < ids.length; i++) {
          const num = ids[i]!;
          const stamp = mark[num];
          if (stamp === now) {
            if (weight > gain[num]!) gain[num] = weight;
          } else if (!started || stamp === before) {
            mark[num] = now;
            gain[num] = weight;
            if (!started) score[num] = 0;
            next[size++] = num;
          }
        }
      }
    }
    for (let i = 0; i < size; i++) {
      const num = next[i]!;
      score[num]! += gain[num]!;
    }
    this.spare = this.survivors;
    this.survivors = next;
    this.size = size;
    this.step = now;
    this.started = true;
  }

  /**
   * Whether looking each remaining story up in the lists (a binary search per list) costs
   * less than walking the lists: a rare word with a common one leaves a few stories to look
   * up in lists of tens of thousands.
   */
  private probeIsCheaper(lists: readonly PostingList[]): boolean {
    let walk = 0;
    let searches = 0;
    for (const { slots } of lists) {
      for (let slot = 0; slot < slots.length; slot++) {
        const ids = slots[slot];
        if (!ids || ids.length === 0) continue;
        walk += ids.length;
        searches += 32 - Math.clz32(ids.length);
      }
    }
    return this.size * searches * PROBE_COST < walk;
  }

  /** `require` by looking each remaining story up in the lists (ascending: see PostingList). */
  private requireByProbing(lists: readonly PostingList[], slotWeights: readonly number[]): void {
    const now = this.step + 1;
    const { mark, score, survivors } = this;
    const next = this.spare;
    let size = 0;
    for (let i = 0; i < this.size; i++) {
      const num = survivors[i]!;
      let best = 0;
      for (const { slots, bonus } of lists) {
        for (let slot = 0; slot < slots.length; slot++) {
          const ids = slots[slot];
          if (!ids || !contains(ids, num)) continue;
          const weight = (slotWeights[slot] ?? 1) + bonus;
          if (weight > best) best = weight;
        }
      }
      if (best <= 0) continue;
      mark[num] = now;
      score[num]! += best;
      next[size++] = num;
    }
    this.spare = survivors;
    this.survivors = next;
    this.size = size;
    this.step = now;
  }

  /** Starts from every story in `nums` with score 1 (queries with no indexed term). */
  requireAll(nums: Iterable<number>): void {
    const now = this.step + 1;
    const next = this.spare;
    let size = 0;
    for (const num of nums) {
      if (this.started && this.mark[num] !== this.step) continue;
      this.mark[num] = now;
      if (!this.started) this.score[num] = 0;
      this.score[num]! += 1;
      next[size++] = num;
    }
    this.spare = this.survivors;
    this.survivors = next;
    this.size = size;
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
    this.retain((num) => this.mark[num] === this.step);
  }

  /** Keeps the stories for which `keep` is true. */
  retain(keep: (num: number) => boolean): void {
    const survivors = this.survivors;
    let size = 0;
    for (let i = 0; i < this.size; i++) {
      const num = survivors[i]!;
      if (keep(num)) survivors[size++] = num;
      else this.mark[num] = 0;
    }
    this.size = size;
  }

  get count(): number {
    return this.size;
  }

  /** The stories left and their scores, copied out (the buffers are reused by the next query). */
  matches(): Matches {
    const nums = this.survivors.slice(0, this.size);
    const scores = new Int32Array(this.size);
    for (let i = 0; i < nums.length; i++) scores[i] = this.score[nums[i]!]!;
    return { nums, scores };
  }
}

/** A binary search costs a few times a step of a walk (a branch that is hard to predict). */
const PROBE_COST = 4;

/** Whether an ascending list of story numbers holds `num`. */
function contains(ids: ArrayLike<number>, num: number): boolean {
  let low = 0;
  let high = ids.length - 1;
  if (high < 0 || num < ids[0]! || num > ids[high]!) return false;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = ids[mid]!;
    if (at === num) return true;
    if (at < num) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * Search order of matches, by position in `matches`: best score first, ties to the
 * higher (more recently added) story number.
 */
export function relevanceOrder({ nums, scores }: Matches): Order {
  return (a, b) => scores[b]! - scores[a]! || nums[b]! - nums[a]!;
}
