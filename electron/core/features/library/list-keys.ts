import type { StoryKind } from '../../../../shared/types';
import type { LibraryStore } from '../../store/library-store';
import { publishedAtOf, type MetaDoc, type StoryHead } from '../../store/meta';
import { changedRecordKeys, own } from '../../store/records';

// What the list filters and sorts search hits by, kept per story number (the search
// index's), so that the tens of thousands of hits of a common word cost a few array
// reads each rather than map lookups and string work per hit.
//
// Kept in step with the store by identity, like the store itself: meta is replaced,
// never changed in place, so a new `deleted` or `storyEdits` names what may have
// changed. A story's head never changes once stored.

/** How a search provider names stories (see SearchIndex.numberOf). */
export interface StoryNumbers {
  idAt(num: number): string | undefined;
  numberOf(id: string): number | undefined;
  /** Changes whenever a story is given a number or loses one: what is kept by number per story is then stale. */
  readonly numbersRevision: number;
}

/** What `status` tells of a story number: not looked up yet, not a live story, or a live one of a kind. */
const UNKNOWN = 0;
export const GONE = 1;
const KIND_STATUS: Record<StoryKind, number> = { article: 2, brief: 3 };
/** A kind this version does not know (from a newer one, say): matches no kind filter. */
const OTHER_KIND = 4;

/** The `status` of live stories of this kind. */
export const kindStatus = (kind: StoryKind): number => KIND_STATUS[kind] ?? OTHER_KIND;

/** Date keys not yet worked out for this story. */
const UNKEYED = 0;
const KEYED = 1;
/** A date in a form other than the usual one: compare its strings instead. */
const IRREGULAR = 2;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `Date.prototype.toISOString`, as the importer writes `importedAt`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `2024-06-19` as 20240619. */
const dayNumber = (day: string) => Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
/** A list date (editor-set, estimated or the wire's; '' when undated) as yyyymmdd, 0 when undated; -1 when it is in another form (its string is compared then). */
export const listDayNumber = (date: string): number => (date === '' ? 0 : DAY.test(date) ? dayNumber(date) : -1);
/** The time of day of an ISO instant as HHMMSSmmm. */
const timeNumber = (instant: string) =>
  Number(instant.slice(11, 13)) * 10_000_000 + Number(instant.slice(14, 16)) * 100_000 + Number(instant.slice(17, 19)) * 1_000 + Number(instant.slice(20, 23));

/** A browse order (see ListKeys.browseOrder): the live stories' numbers in the list's order, and how many are of each kind. */
export interface BrowseOrder {
  readonly nums: Int32Array;
  readonly articles: number;
  readonly briefs: number;
}

const ARTICLE = KIND_STATUS.article;
const BRIEF = KIND_STATUS.brief;
/** Above every signed yyyymmdd: the undated come last whichever way the list runs. */
const UNDATED_LAST = 2 ** 31 - 1;
const DAY_MS = 86_400_000;
/** HHMMSSmmm as milliseconds since midnight. */
const msOfDay = (time: number) => Math.floor(time / 10_000_000) * 3_600_000 + (Math.floor(time / 100_000) % 100) * 60_000 + (Math.floor(time / 1_000) % 100) * 1_000 + (time % 1_000);

export class ListKeys {
  /** Live heads by number, where `statuses` says the story is live. */
  private readonly heads: Array<StoryHead | undefined> = [];
  /** A byte per story (see `status`): a filter pass over 30,000 hits reads 30 kB. */
  private statuses = new Uint8Array(1024);
  private dateState = new Uint8Array(1024);
  /** The list's date (editor-set, estimated or the wire's) as yyyymmdd, 0 for an undated story; the import instant as yyyymmdd and HHMMSSmmm. */
  private sortDay = new Int32Array(1024);
  private importedDay = new Int32Array(1024);
  private importedTime = new Int32Array(1024);
  private deleted: MetaDoc['deleted'] | null = null;
  private edits: MetaDoc['storyEdits'] | null = null;
  /** The numbers of the live stories in the store's order, and the revisions they are of (see liveNumbers). */
  private live: { nums: Int32Array; heads: number; numbers: number } | null = null;
  /** Changes whenever a story's date keys are forgotten: a browse order made before is then stale. */
  private datesRevision = 0;
  /** Browse orders by sort and direction (see browseOrder), each with the live numbers and dates revision it was made from. */
  private readonly orders = new Map<string, BrowseOrder & { live: Int32Array; dates: number }>();

  constructor(
    readonly store: LibraryStore,
    private readonly numbers: StoryNumbers,
    /** The numbering these keys are for (see SearchProvider.numbering). */
    readonly numbering = 0,
  ) {}

  /** Forgets what the store's latest changes (deletions, undeletions, dates) made stale. */
  sync(): void {
    const meta = this.store.meta;
    if (meta.deleted !== this.deleted) {
      if (this.deleted) for (const id of [...this.deleted, ...meta.deleted]) this.forgetHead(id);
      this.deleted = meta.deleted;
    }
    if (meta.storyEdits !== this.edits) {
      const before = this.edits;
      const after = meta.storyEdits;
      if (before) {
        for (const id of changedRecordKeys(before, after)) this.forgetDates(id);
      }
      this.edits = after;
    }
  }

  /**
   * Looks up every live story at once (and works out its date keys), rather than
   * number by number during the first searches: at 50,000 stories those lookups
   * took ~25 ms spread over the first few searches.
   */
  warm(): void {
    for (const _ of this.warmSteps()) continue;
  }

  /** As warm(), a story at a time between yields: the caller hands the event loop back now and then. */
  *warmSteps(): Generator<void> {
    // The live numbers in store order come with it (see liveNumbers).
    yield* this.walkLive((num, head) => {
      if ((this.statuses[num] ?? UNKNOWN) === UNKNOWN) this.remember(num, head);
      this.keyDates(num);
    });
  }

  /**
   * The numbers of the live stories, in the store's order (liveHeads(), the list's
   * tiebreak); null when a live story has no number yet (the index is behind the store).
   * Kept until a story is added, deleted, restored, shown in another version or
   * renumbered: a browse then reads a number per story instead of looking up every
   * story's id (two hash lookups each, ~4 of the ~6 ms per page at 52,000 stories).
   */
  liveNumbers(): Int32Array | null {
    const { live } = this;
    if (live && live.heads === this.store.headsRevision && live.numbers === this.numbers.numbersRevision) return live.nums;
    const walk = this.walkLive();
    for (;;) {
      const step = walk.next();
      if (step.done) return step.value;
    }
  }

  /**
   * Walks the live stories in store order, `each` given each one's number (yielding after
   * each when given), and keeps their numbers for liveNumbers if none changed meanwhile;
   * returns them, or null when a live story has no number.
   */
  private *walkLive(each?: (num: number, head: StoryHead) => void): Generator<void, Int32Array | null> {
    const heads = this.store.headsRevision;
    const numbers = this.numbers.numbersRevision;
    const list: number[] = [];
    let complete = true;
    for (const head of this.store.liveHeads()) {
      const num = this.numbers.numberOf(head.id);
      if (num === undefined) {
        if (!each) return null;
        complete = false;
        continue;
      }
      list.push(num);
      if (each) {
        each(num, head);
        yield;
      }
    }
    if (!complete) return null;
    const nums = Int32Array.from(list);
    if (heads === this.store.headsRevision && numbers === this.numbers.numbersRevision) this.live = { nums, heads, numbers };
    return nums;
  }

  /**
   * Every live story's number in the list's order by `sort` and `dir` (as the browse
   * compares them: the date keys, undated last for the date sorts, then store order), with
   * how many are of each kind; kept until a story or a date changes. Null where the keys
   * cannot answer (the index behind the store, a date in an unusual form).
   *
   * A browse used to order its page afresh from every story's keys (a bounded heap over all
   * of them, ~11 ms per page at 67,000 stories, most of it comparisons: a library imported
   * oldest first puts nearly every story into a newest-first heap); with the order kept, a
   * page of the unfiltered or kind-filtered list is read straight from it.
   */
  browseOrder(sort: 'date' | 'imported' | 'relevance', dir: 'asc' | 'desc'): BrowseOrder | null {
    const live = this.liveNumbers();
    if (!live) return null;
    const name = `${sort} ${dir}`;
    const kept = this.orders.get(name);
    if (kept && kept.live === live && kept.dates === this.datesRevision) return kept;
    const count = live.length;
    let articles = 0;
    let briefs = 0;
    // Looking a story up can replace its head by a newer version's (see head): the revision is read after.
    for (let at = 0; at < count; at++) {
      const num = live[at]!;
      const status = this.status(num);
      if (status === GONE || !this.keyDates(num)) return null;
      if (status === ARTICLE) articles++;
      else if (status === BRIEF) briefs++;
    }
    const dates = this.datesRevision;
    // What the browse compares, per position in `live`, turned the list's way: the day (the
    // undated after every dated one, for the date sorts), then the import instant as
    // milliseconds since day 0 of yyyymmdd (exact: below 2^53), then the position itself.
    const sign = dir === 'asc' ? 1 : -1;
    const first = new Int32Array(count);
    const second = new Float64Array(count);
    for (let at = 0; at < count; at++) {
      const num = live[at]!;
      if (sort !== 'imported') first[at] = this.sortDay[num] === 0 ? UNDATED_LAST : sign * this.sortDay[num]!;
      if (sort !== 'relevance') second[at] = sign * (this.importedDay[num]! * DAY_MS + msOfDay(this.importedTime[num]!));
    }
    const positions = new Int32Array(count);
    for (let at = 0; at < count; at++) positions[at] = at;
    positions.sort((a, b) => first[a]! - first[b]! || second[a]! - second[b]! || a - b);
    const nums = new Int32Array(count);
    for (let at = 0; at < count; at++) nums[at] = live[positions[at]!]!;
    const order = { nums, articles, briefs, live, dates };
    // One order per sort and direction, of the current live numbers and dates only.
    for (const [other, made] of this.orders) if (made.live !== live || made.dates !== dates) this.orders.delete(other);
    this.orders.set(name, order);
    return order;
  }

  /** GONE (deleted since the index last heard), else the story's `kindStatus`. */
  status(num: number): number {
    const status = num < this.statuses.length ? this.statuses[num]! : UNKNOWN;
    return status === UNKNOWN ? this.lookUp(num) : status;
  }

  /** The head of a story whose `status` is not GONE. */
  head(num: number): StoryHead {
    if (this.status(num) === GONE) throw new Error(`story ${num} is not in the library`);
    const head = this.heads[num]!;
    // A newer agency version replaces a wire story's head in the store (same id): the list
    // shows the newest headline and status, not the version these keys first saw.
    if (head.wire) {
      const current = this.store.head(head.id);
      if (current && current !== head) {
        this.heads[num] = current;
        if (num < this.dateState.length) this.dateState[num] = UNKEYED;
        this.datesRevision++;
        return current;
      }
    }
    return head;
  }

  private lookUp(num: number): number {
    const id = this.numbers.idAt(num);
    const head = id === undefined ? undefined : this.store.head(id);
    if (!head) {
      // Deleted (remembered until `deleted` changes), or not a story at all (not remembered).
      if (id !== undefined && this.store.isDeleted(id)) this.setStatus(num, GONE);
      return GONE;
    }
    return this.remember(num, head);
  }

  private remember(num: number, head: StoryHead): number {
    // Grown densely: an array first written far past its end becomes a slow hash table.
    while (num >= this.heads.length) this.heads.push(undefined);
    this.heads[num] = head;
    this.setStatus(num, kindStatus(head.kind));
    return this.statuses[num]!;
  }

  private setStatus(num: number, status: number): void {
    if (num >= this.statuses.length) this.grow(num + 1);
    this.statuses[num] = status;
  }

  /**
   * Works out the date keys of a live story; false when its dates are not in the
   * usual form (callers then compare the strings, as the list always did).
   */
  keyDates(num: number): boolean {
    const state = num < this.dateState.length ? this.dateState[num] : UNKEYED;
    if (state !== UNKEYED) return state === KEYED;
    const head = this.head(num);
    // Undated (no date, or an empty one): 0, which the list puts last whichever way it runs.
    const day = listDayNumber(publishedAtOf(own(this.store.meta.storyEdits, head.id), head) || '');
    const regular = day >= 0 && INSTANT.test(head.importedAt);
    if (num >= this.dateState.length) this.grow(num + 1);
    if (regular) {
      this.sortDay[num] = day;
      this.importedDay[num] = dayNumber(head.importedAt);
      this.importedTime[num] = timeNumber(head.importedAt);
    }
    this.dateState[num] = regular ? KEYED : IRREGULAR;
    return regular;
  }

  /** By the list's date, then the import instant (stories keyed by `keyDates`). */
  compareDates(a: number, b: number): number {
    return this.sortDay[a]! - this.sortDay[b]! || this.compareImported(a, b);
  }

  /** The story has no date (stories keyed by `keyDates`). */
  undated(num: number): boolean {
    return this.sortDay[num] === 0;
  }

  /** By the list's date alone (stories keyed by `keyDates`). */
  compareSortDays(a: number, b: number): number {
    return this.sortDay[a]! - this.sortDay[b]!;
  }

  /** By the import instant (stories keyed by `keyDates`). */
  compareImported(a: number, b: number): number {
    return this.importedDay[a]! - this.importedDay[b]! || this.importedTime[a]! - this.importedTime[b]!;
  }

  private forgetHead(id: string): void {
    const num = this.numbers.numberOf(id);
    if (num !== undefined && num < this.statuses.length) this.statuses[num] = UNKNOWN;
  }

  private forgetDates(id: string): void {
    const num = this.numbers.numberOf(id);
    if (num !== undefined && num < this.dateState.length) this.dateState[num] = UNKEYED;
    this.datesRevision++;
  }

  /** Every array by number is the same length. */
  private grow(size: number): void {
    const length = Math.max(size, this.statuses.length * 2);
    const grown = <T extends Uint8Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const copy = make(length);
      copy.set(array);
      return copy;
    };
    this.statuses = grown(this.statuses, (n) => new Uint8Array(n));
    this.dateState = grown(this.dateState, (n) => new Uint8Array(n));
    this.sortDay = grown(this.sortDay, (n) => new Int32Array(n));
    this.importedDay = grown(this.importedDay, (n) => new Int32Array(n));
    this.importedTime = grown(this.importedTime, (n) => new Int32Array(n));
  }
}
