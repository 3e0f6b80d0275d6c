import type { LibraryStore } from '../../store/library-store';
import type { MetaDoc, StoryHead } from '../../store/meta';
import { changedRecordKeys, own } from '../../store/records';
import { ARTICLE, BRIEF, GONE, KEYED, KeyColumns, kindStatus, orderSlots, UNKEYED, UNKNOWN, type BrowseOrder, type BrowseSort, type PreparedKeys } from './key-columns';
import { runToEnd } from '../../slices';

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

export { GONE, kindStatus, listDayNumber } from './key-columns';
export type { BrowseOrder } from './key-columns';

/** Stories walked between two yields of warmSteps (a yield each cost more than copying a story's keys). */
const WALK_STEP = 64;

export class ListKeys {
  /** Live heads by number, where `statuses` says the story is live. */
  private readonly heads: Array<StoryHead | undefined> = [];
  /** The keys by number (see KeyColumns). */
  private readonly columns = new KeyColumns();
  private deleted: MetaDoc['deleted'] | null = null;
  private edits: MetaDoc['storyEdits'] | null = null;
  /** The numbers of the live stories in the store's order, and the revisions they are of (see liveNumbers). */
  private live: { nums: Int32Array; heads: number; numbers: number } | null = null;
  /** Changes whenever a story's date keys are forgotten: a browse order made before is then stale. */
  private datesRevision = 0;
  /** Keys worked out in the store's order before the numbering, until the warm walk has copied them (see adopt). */
  private prepared: PreparedKeys | null = null;
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

  /**
   * Takes the live stories' keys worked out in the store's order before the index numbered
   * them (PreparedKeys): the list before the indexes are ready is read off them; the warm
   * walk, or a browse that comes before it, copies a story's keys from there while they
   * still hold, instead of working them out.
   */
  adopt(prepared: PreparedKeys | null): void {
    this.prepared = prepared;
  }

  /** The keys adopted (see adopt), until the warm walk has copied them; perhaps not all worked out yet. */
  preparedKeys(): PreparedKeys | null {
    return this.prepared;
  }

  /** As warm(), a few stories between yields: the caller hands the event loop back now and then. */
  *warmSteps(): Generator<void> {
    const { prepared } = this;
    // The live numbers in store order come with it (see liveNumbers).
    const nums = yield* this.walkLive((num, head, at) => {
      if (this.columns.status(num) === UNKNOWN) {
        if (prepared?.ready && at < prepared.count) {
          this.keep(num, head);
          this.columns.copy(prepared.columns, at, num);
          return;
        }
        this.remember(num, head);
      }
      this.keyDates(num);
    });
    // Every live story looked at: what was prepared is of no more use, but for the browse
    // orders made of it (the list's before the indexes were ready), kept by number now so that
    // the first browse after the walk does not sort every story again.
    if (nums && this.prepared === prepared) {
      if (prepared?.ready && prepared.count === nums.length) for (const [name, byPosition] of prepared.madeOrders()) if (!this.keptOrder(name, nums)) this.keepOrder(name, byPosition, nums);
      this.prepared = null;
    }
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
    return runToEnd(this.walkLive());
  }

  /**
   * Walks the live stories in store order, `each` given each one's number and position in
   * that order (yielding every WALK_STEP stories when given), and keeps their numbers for
   * liveNumbers if none changed meanwhile; returns them, or null when a live story has no
   * number.
   */
  private *walkLive(each?: (num: number, head: StoryHead, at: number) => void): Generator<void, Int32Array | null> {
    const heads = this.store.headsRevision;
    const numbers = this.numbers.numbersRevision;
    const list: number[] = [];
    let complete = true;
    let at = -1;
    for (const head of this.store.liveHeads()) {
      at++;
      const num = this.numbers.numberOf(head.id);
      if (num === undefined) {
        if (!each) return null;
        complete = false;
        continue;
      }
      list.push(num);
      if (each) {
        each(num, head, at);
        if (at % WALK_STEP === WALK_STEP - 1) yield;
      }
    }
    if (!complete) return null;
    const kept = this.live;
    // The same stories as kept already: kept as they are (a browse order made of them stays valid).
    if (kept && kept.heads === heads && kept.numbers === numbers && heads === this.store.headsRevision && numbers === this.numbers.numbersRevision) return kept.nums;
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
  browseOrder(sort: BrowseSort, dir: 'asc' | 'desc'): BrowseOrder | null {
    const { prepared } = this;
    // Made already of the same stories in the store's order (before the indexes were ready,
    // while they hold): taken by number below, without copying the prepared keys first (the
    // warm walk does that in the background; at 67,000 stories ~30 ms of the first browse after ready).
    const byPosition = prepared?.browseOrder(sort, dir) ?? null;
    // Keys prepared that give no order (a date in an unusual form): copied now, every story at once (rather than looked up one by one below).
    if (prepared?.ready && !byPosition) this.warm();
    const live = this.liveNumbers();
    if (!live) return null;
    const name = `${sort} ${dir}`;
    const kept = this.keptOrder(name, live);
    if (kept) return kept;
    const count = live.length;
    if (byPosition && byPosition.nums.length === count) return this.keepOrder(name, byPosition, live);
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
    return this.keepOrder(name, { nums: orderSlots(this.columns, live, count, sort, dir), articles, briefs }, live);
  }

  /** The order `name` as kept, if it is of these live stories and their dates as they are now. */
  private keptOrder(name: string, live: Int32Array): BrowseOrder | undefined {
    const kept = this.orders.get(name);
    return kept && kept.live === live && kept.dates === this.datesRevision ? kept : undefined;
  }

  /** Keeps, as the order `name` by number, an order of the live stories by their positions in `live`. */
  private keepOrder(name: string, byPosition: BrowseOrder, live: Int32Array): BrowseOrder {
    const dates = this.datesRevision;
    const positions = byPosition.nums;
    const nums = new Int32Array(live.length);
    for (let at = 0; at < live.length; at++) nums[at] = live[positions[at]!]!;
    const order = { nums, articles: byPosition.articles, briefs: byPosition.briefs, live, dates };
    // One order per sort and direction, of the current live numbers and dates only.
    for (const [other, made] of this.orders) if (made.live !== live || made.dates !== dates) this.orders.delete(other);
    this.orders.set(name, order);
    return order;
  }

  /** GONE (deleted since the index last heard), else the story's `kindStatus`. */
  status(num: number): number {
    const status = this.columns.status(num);
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
        this.columns.forgetDates(num);
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
      if (id !== undefined && this.store.isDeleted(id)) this.columns.setStatus(num, GONE);
      return GONE;
    }
    return this.remember(num, head);
  }

  private remember(num: number, head: StoryHead): number {
    this.keep(num, head);
    this.columns.setStatus(num, kindStatus(head.kind));
    return this.columns.status(num);
  }

  private keep(num: number, head: StoryHead): void {
    // Grown densely: an array first written far past its end becomes a slow hash table.
    while (num >= this.heads.length) this.heads.push(undefined);
    this.heads[num] = head;
  }

  /**
   * Works out the date keys of a live story; false when its dates are not in the
   * usual form (callers then compare the strings, as the list always did).
   */
  keyDates(num: number): boolean {
    const state = this.columns.dateStateOf(num);
    if (state !== UNKEYED) return state === KEYED;
    const head = this.head(num);
    return this.columns.keyDatesOf(num, head, own(this.store.meta.storyEdits, head.id));
  }

  /** By the list's date, then the import instant (stories keyed by `keyDates`). */
  compareDates(a: number, b: number): number {
    return this.columns.sortDay[a]! - this.columns.sortDay[b]! || this.compareImported(a, b);
  }

  /** The story has no date (stories keyed by `keyDates`). */
  undated(num: number): boolean {
    return this.columns.sortDay[num] === 0;
  }

  /** By the list's date alone (stories keyed by `keyDates`). */
  compareSortDays(a: number, b: number): number {
    return this.columns.sortDay[a]! - this.columns.sortDay[b]!;
  }

  /** By the import instant (stories keyed by `keyDates`). */
  compareImported(a: number, b: number): number {
    const { importedDay, importedTime } = this.columns;
    return importedDay[a]! - importedDay[b]! || importedTime[a]! - importedTime[b]!;
  }

  private forgetHead(id: string): void {
    const num = this.numbers.numberOf(id);
    if (num !== undefined && this.columns.status(num) !== UNKNOWN) this.columns.setStatus(num, UNKNOWN);
  }

  private forgetDates(id: string): void {
    const num = this.numbers.numberOf(id);
    if (num !== undefined) this.columns.forgetDates(num);
    this.datesRevision++;
  }
}
