import type { StoryKind } from '../../../../shared/types';
import { publishedAtOf, type MetaDoc, type StoryEdit, type StoryHead } from '../../store/meta';
import { entriesOf } from '../../store/records';
import { digitsAt } from '../../store/stored-heads';
import { runToEnd } from '../../slices';

// What the list filters and sorts a story by, a column per key in typed arrays, by slot:
// a story number of the search index (ListKeys), or a position in the store's order
// (PreparedKeys, worked out before the index has numbered the stories).

/** A slot's `statuses`: not looked up yet, not a live story, or a live one of a kind. */
export const UNKNOWN = 0;
export const GONE = 1;
const KIND_STATUS: Record<StoryKind, number> = { article: 2, brief: 3 };
/** A kind this version does not know (from a newer one, say): matches no kind filter. */
const OTHER_KIND = 4;

/** The status of live stories of this kind. */
export const kindStatus = (kind: StoryKind): number => KIND_STATUS[kind] ?? OTHER_KIND;
export const ARTICLE = KIND_STATUS.article;
export const BRIEF = KIND_STATUS.brief;

/** A slot's `dateState`: date keys not worked out yet, worked out, or in a form other than the usual one (compare the strings instead). */
export const UNKEYED = 0;
export const KEYED = 1;
export const IRREGULAR = 2;

const DASH = 45;
/** `2024-06-19` at `start` of `text` as 20240619; -1 when it is not in that form there. */
function dayAt(text: string, start: number): number {
  if (text.charCodeAt(start + 4) !== DASH || text.charCodeAt(start + 7) !== DASH) return -1;
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
}

/** A list date (editor-set, estimated or the wire's; '' when undated) as yyyymmdd, 0 when undated; -1 when it is in another form (its string is compared then). */
export const listDayNumber = (date: string): number => (date === '' ? 0 : date.length === 10 ? dayAt(date, 0) : -1);

/**
 * The time of day of an ISO instant as `Date.prototype.toISOString` writes it (as the
 * importer writes `importedAt`, `2026-01-01T08:00:00.000Z`) as HHMMSSmmm; -1 when the
 * instant is in another form.
 */
function timeOfInstant(instant: string): number {
  if (typeof instant !== 'string' || instant.length !== 24 || instant.charCodeAt(10) !== 84 /* T */ || instant.charCodeAt(13) !== 58 /* : */ || instant.charCodeAt(16) !== 58) return -1;
  if (instant.charCodeAt(19) !== 46 /* . */ || instant.charCodeAt(23) !== 90 /* Z */) return -1;
  const hours = digitsAt(instant, 11, 2);
  const minutes = digitsAt(instant, 14, 2);
  const seconds = digitsAt(instant, 17, 2);
  const millis = digitsAt(instant, 20, 3);
  return hours < 0 || minutes < 0 || seconds < 0 || millis < 0 ? -1 : hours * 10_000_000 + minutes * 100_000 + seconds * 1_000 + millis;
}

export class KeyColumns {
  /** A byte per story (see UNKNOWN…): a filter pass over 30,000 hits reads 30 kB. */
  statuses: Uint8Array;
  dateState: Uint8Array;
  /** The list's date (editor-set, estimated or the wire's) as yyyymmdd, 0 for an undated story; the import instant as yyyymmdd and HHMMSSmmm. */
  sortDay: Int32Array;
  importedDay: Int32Array;
  importedTime: Int32Array;

  constructor(size = 1024) {
    this.statuses = new Uint8Array(size);
    this.dateState = new Uint8Array(size);
    this.sortDay = new Int32Array(size);
    this.importedDay = new Int32Array(size);
    this.importedTime = new Int32Array(size);
  }

  status(at: number): number {
    return at < this.statuses.length ? this.statuses[at]! : UNKNOWN;
  }

  setStatus(at: number, status: number): void {
    if (at >= this.statuses.length) this.grow(at + 1);
    this.statuses[at] = status;
  }

  dateStateOf(at: number): number {
    return at < this.dateState.length ? this.dateState[at]! : UNKEYED;
  }

  /** Forgets the slot's date keys (worked out again when next asked for). */
  forgetDates(at: number): void {
    if (at < this.dateState.length) this.dateState[at] = UNKEYED;
  }

  /**
   * Works out the date keys at `at` of a live story with this head and the editor's edit of
   * it; false when its dates are not in the usual form (callers then compare the strings, as
   * the list always did).
   */
  keyDatesOf(at: number, head: StoryHead, edit: StoryEdit | undefined): boolean {
    // Undated (no date, or an empty one): 0, which the list puts last whichever way it runs.
    const day = listDayNumber(publishedAtOf(edit, head) || '');
    const time = day >= 0 ? timeOfInstant(head.importedAt) : -1;
    const importedDay = time >= 0 ? dayAt(head.importedAt, 0) : -1;
    if (at >= this.dateState.length) this.grow(at + 1);
    const regular = importedDay >= 0;
    if (regular) {
      this.sortDay[at] = day;
      this.importedDay[at] = importedDay;
      this.importedTime[at] = time;
    }
    this.dateState[at] = regular ? KEYED : IRREGULAR;
    return regular;
  }

  /** Sets slot `to` to what `from` holds at `at`. */
  copy(from: KeyColumns, at: number, to: number): void {
    if (to >= this.statuses.length) this.grow(to + 1);
    this.statuses[to] = from.statuses[at]!;
    this.dateState[to] = from.dateState[at]!;
    this.sortDay[to] = from.sortDay[at]!;
    this.importedDay[to] = from.importedDay[at]!;
    this.importedTime[to] = from.importedTime[at]!;
  }

  /** Every column the same length, at least `size` (doubled at least: grown slot by slot, it would copy quadratically). */
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

/** What PreparedKeys reads of the store. */
export interface PreparedSource {
  readonly headsRevision: number;
  readonly meta: MetaDoc;
  liveHeads(): IterableIterator<StoryHead>;
}

/** An order of stories (positions or numbers) for the list without a search, and how many of them are of each kind. */
export interface BrowseOrder {
  readonly nums: Int32Array;
  readonly articles: number;
  readonly briefs: number;
}

export type BrowseSort = 'date' | 'imported' | 'relevance';

/** The order of the list the app opens on (the renderer's default sort: newest first), made in the background once the keys are prepared. */
export const OPENING_ORDER = { sort: 'date', dir: 'desc' } as const satisfies { sort: BrowseSort; dir: 'asc' | 'desc' };

/**
 * The order a search box holding one letter shows (a search sorts by relevance, and one letter
 * searches nothing: the list by date, see list.ts), also made in the background: the first
 * letter typed made it (~40 ms of the main thread at 67,000 stories, the slowest keystroke).
 */
export const FIRST_LETTER_ORDER = { sort: 'relevance', dir: 'desc' } as const satisfies { sort: BrowseSort; dir: 'asc' | 'desc' };

/** The orders made in the background once the keys are prepared, in this order. */
export const PREPARED_ORDERS = [OPENING_ORDER, FIRST_LETTER_ORDER] as const;

/** Above every signed yyyymmdd: the undated come last whichever way the list runs. */
const UNDATED_LAST = 2 ** 31 - 1;
const DAY_MS = 86_400_000;
/** HHMMSSmmm as milliseconds since midnight. */
const msOfDay = (time: number) => Math.floor(time / 10_000_000) * 3_600_000 + (Math.floor(time / 100_000) % 100) * 60_000 + (Math.floor(time / 1_000) % 100) * 1_000 + (time % 1_000);

/**
 * The slots (positions in `columns`) in the list's order by `sort` and `dir`, as the browse
 * compares them: the day (undated last, for the date sorts), then the import instant, then
 * the order of `slots` itself. The slots must all be KEYED.
 */
export function orderSlots(columns: KeyColumns, slots: Int32Array | null, count: number, sort: BrowseSort, dir: 'asc' | 'desc'): Int32Array {
  return runToEnd(orderSlotsSteps(columns, slots, count, sort, dir, IN_ONE_GO));
}

/**
 * Stories an ordering step takes between two yields of orderSlotsSteps (well under a
 * millisecond): the background task that makes an order takes a turn once its slice has run
 * (library.ts, 2 ms), so a yield costs it next to nothing, while a step of 16,384 stories took
 * 5-13 ms and, when the main thread's heap was collected in the same turn (a 10-14 ms pause
 * while the opening's heads are new), made its longest block of a build (21-22 ms).
 */
const ORDER_STEP = 2_048;

/**
 * orderSlots() in steps: yields now and then (after every ORDER_STEP stories of a pass, and
 * around the one numeric sort), so that a background task can make an order between the
 * editor's requests; returns the order. `columns` must not change meanwhile.
 */
export function* orderSlotsSteps(columns: KeyColumns, slots: Int32Array | null, count: number, sort: BrowseSort, dir: 'asc' | 'desc', sortChunk = SORT_CHUNK): Generator<void, Int32Array> {
  const { sortDay, importedDay, importedTime } = columns;
  // What the browse compares, per position in `slots`, turned the list's way: the day (the
  // undated after every dated one, for the date sorts), then the import instant as
  // milliseconds since day 0 of yyyymmdd (exact: below 2^53), then the position itself.
  const sign = dir === 'asc' ? 1 : -1;
  const first = new Int32Array(count);
  const second = new Float64Array(count);
  for (let at = 0; at < count; at++) {
    const slot = slots ? slots[at]! : at;
    if (sort !== 'imported') first[at] = sortDay[slot] === 0 ? UNDATED_LAST : sign * sortDay[slot]!;
    if (sort !== 'relevance') second[at] = sign * (importedDay[slot]! * DAY_MS + msOfDay(importedTime[slot]!));
    if ((at + 1) % ORDER_STEP === 0) yield;
  }
  return yield* orderByKeysSteps(first, second, sortChunk);
}

/** Runs up to this long are ordered by insertion (see orderByKeys). */
const INSERTION_RUN = 48;
/** A position takes the low 21 bits of a sort key beside a 32-bit value: exact in a double (53 bits). */
const POSITION_BITS = 2 ** 21;

/**
 * The positions 0 … n-1 ordered by `first`, then `second`, then the position itself. One
 * numeric sort (no comparator) of `first` and the position packed into a double groups the
 * positions by `first`, ascending within each group; then each group (one day: a decade
 * holds a few thousand) is ordered by `second`, mostly by insertion. At 67,000 stories one
 * sort with a comparator over all of them took 13–17 ms.
 */
export function orderByKeys(first: Int32Array, second: Float64Array): Int32Array {
  return runToEnd(orderByKeysSteps(first, second, IN_ONE_GO));
}

/** orderByKeys() in steps (see orderSlotsSteps); the keys sorted in chunks of `sortChunk` (see sortedSteps). */
function* orderByKeysSteps(first: Int32Array, second: Float64Array, sortChunk: number): Generator<void, Int32Array> {
  const count = first.length;
  const positions = new Int32Array(count);
  const bySecond = (a: number, b: number) => second[a]! - second[b]! || a - b;
  if (count > POSITION_BITS) {
    for (let at = 0; at < count; at++) positions[at] = at;
    return positions.sort((a, b) => first[a]! - first[b]! || bySecond(a, b));
  }
  const unsorted = new Float64Array(count);
  for (let at = 0; at < count; at++) {
    unsorted[at] = first[at]! * POSITION_BITS + at;
    if ((at + 1) % ORDER_STEP === 0) yield;
  }
  yield;
  // Sorted in steps: one native sort took ~5 ms at 67,000 stories and ~100 at 1,340,000.
  const packed = yield* sortedSteps(unsorted, sortChunk);
  yield;
  let start = 0;
  let runValue = 0;
  let sinceYield = 0;
  for (let at = 0; at <= count; at++) {
    const value = at < count ? Math.floor(packed[at]! / POSITION_BITS) : 0;
    if (at === count || (at > start && value !== runValue)) {
      orderRun(positions, start, at, second, bySecond);
      sinceYield += at - start;
      start = at;
      if (sinceYield >= ORDER_STEP) {
        sinceYield = 0;
        yield;
      }
    }
    if (at < count) {
      runValue = value;
      positions[at] = packed[at]! - value * POSITION_BITS;
    }
  }
  return positions;
}

/** Values per chunk that sortedSteps sorts natively in one step (~1 ms for 16,384 doubles). */
const SORT_CHUNK = 16_384;
/**
 * The chunk of an order made at once (a request's, through runToEnd): one native sort, ~1 ms
 * quicker at 67,000 stories than chunks and merges, which only pay when the steps are turns.
 */
const IN_ONE_GO = Infinity;

/**
 * `values` sorted ascending (numerically; no NaN), in steps (see orderSlotsSteps): chunks of
 * `chunk` values sorted natively one per step, then merged pairwise, a yield after every
 * ORDER_STEP values merged. Returns `values` or a second buffer of its length (either may
 * hold anything afterwards but the result).
 */
export function* sortedSteps(values: Float64Array, chunk: number): Generator<void, Float64Array> {
  const count = values.length;
  if (count <= chunk) return values.sort();
  for (let from = 0; from < count; from += chunk) {
    values.subarray(from, Math.min(count, from + chunk)).sort();
    yield;
  }
  let source: Float64Array = values;
  let target: Float64Array = new Float64Array(count);
  let sinceYield = 0;
  for (let width = chunk; width < count; width *= 2) {
    for (let low = 0; low < count; low += 2 * width) {
      const middle = Math.min(count, low + width);
      const high = Math.min(count, low + 2 * width);
      let left = low;
      let right = middle;
      for (let to = low; to < high; to++) {
        target[to] = right >= high || (left < middle && source[left]! <= source[right]!) ? source[left++]! : source[right++]!;
        if (++sinceYield === ORDER_STEP) {
          sinceYield = 0;
          yield;
        }
      }
    }
    [source, target] = [target, source];
  }
  return source;
}

/**
 * Orders positions[start … end-1] (ascending) by `second`, the earlier position first on
 * equal keys. A day's stories are mostly imported in the order they came, so a long run is
 * usually in order already, or (the list newest first: `second` negated) in reverse order
 * without ties: both are seen in one pass, instead of a sort with a comparator (~0.8 µs a story).
 */
function orderRun(positions: Int32Array, start: number, end: number, second: Float64Array, bySecond: (a: number, b: number) => number): void {
  if (end - start > INSERTION_RUN) {
    let ascending = true;
    let descending = true;
    for (let at = start + 1; at < end && (ascending || descending); at++) {
      const before = second[positions[at - 1]!]!;
      const here = second[positions[at]!]!;
      // Positions ascend within a run: equal keys are in order as they stand, and never reversed.
      if (here < before) ascending = false;
      if (here >= before) descending = false;
    }
    if (ascending) return;
    if (descending) positions.subarray(start, end).reverse();
    else positions.subarray(start, end).sort(bySecond);
    return;
  }
  for (let at = start + 1; at < end; at++) {
    const position = positions[at]!;
    const key = second[position]!;
    let to = at;
    while (to > start && second[positions[to - 1]!]! > key) {
      positions[to] = positions[to - 1]!;
      to--;
    }
    positions[to] = position;
  }
}

/** Stories whose keys are worked out between two looks at the clock (see PreparedKeys.advance). */
export const PREPARE_STEP = 256;

/**
 * The list keys of every live story in the store's order (liveHeads()), worked out while
 * the search index is still being read or built: what the list keys need of a story but
 * its number. The list the app opens on is read off them before the indexes are ready
 * (browseOrder, by position); once the index has numbered the stories, ListKeys copies
 * them slot by slot (see ListKeys.warmSteps) instead of working each out: at 67,000
 * stories the keys took ~110 ms of the main thread right after the indexes became ready,
 * when the editor's first searches come. Worked out again from the start when the store's
 * stories or dates change meanwhile.
 */
export class PreparedKeys {
  /** The keys by position (a new object when they are worked out again from the start). */
  columns = new KeyColumns();
  /** The live heads by position. */
  private heads: StoryHead[] = [];
  private worked = 0;
  private done = false;
  private headsRevision = -1;
  private storyEdits: MetaDoc['storyEdits'] | null = null;
  private walk: Iterator<StoryHead> | null = null;
  /** The editor's edits that set a date, read once (a StoryMap lookup per story hashes its id in JavaScript). */
  private dated = new Map<string, StoryEdit>();
  /** Whether every story's dates are in the usual form (else there is no browse order by position). */
  private regular = true;
  private readonly orders = new Map<string, BrowseOrder>();

  constructor(private readonly store: PreparedSource) {}

  /** Keys worked out for every live story, and still holding. */
  get ready(): boolean {
    return this.done && this.fresh();
  }

  /** How many stories the keys are of (once ready). */
  get count(): number {
    return this.worked;
  }

  /** The keys worked out so far still hold: no story added, deleted, restored or shown in another version, no date changed. */
  fresh(): boolean {
    return this.store.headsRevision === this.headsRevision && this.store.meta.storyEdits === this.storyEdits;
  }

  headAt(position: number): StoryHead {
    return this.heads[position]!;
  }

  /** Works out up to `stories` more stories' keys (from the start when what was worked out no longer holds); true once ready. */
  advance(stories: number): boolean {
    if (!this.fresh()) this.restart();
    if (this.done) return true;
    const walk = this.walk!;
    const { columns, heads, dated } = this;
    for (let k = 0; k < stories; k++) {
      const next = walk.next();
      if (next.done) {
        this.done = true;
        this.walk = null;
        this.dated = new Map();
        return true;
      }
      const head = next.value;
      const at = this.worked++;
      heads.push(head);
      columns.setStatus(at, kindStatus(head.kind));
      if (!columns.keyDatesOf(at, head, dated.get(head.id))) this.regular = false;
    }
    return false;
  }

  /**
   * Every live story's position in the list's order by `sort` and `dir`, with how many are of
   * each kind; kept while the keys hold. Null unless ready, or when a date is in an unusual form.
   */
  browseOrder(sort: BrowseSort, dir: 'asc' | 'desc'): BrowseOrder | null {
    if (!this.ready || !this.regular) return null;
    return this.orders.get(`${sort} ${dir}`) ?? runToEnd(this.orderSteps(sort, dir, IN_ONE_GO));
  }

  /**
   * Makes the browse order by `sort` and `dir` (see browseOrder) in steps, when the keys are
   * ready and it is not made yet: the list the app opens on asks for it again when the indexes
   * become ready, and made then it held that request up (one sort of every story: ~29 ms at
   * 67,000 stories). A background task made between two steps is dropped when the keys no
   * longer hold at the end; a browseOrder() call meanwhile makes its own.
   */
  *orderSteps(sort: BrowseSort, dir: 'asc' | 'desc', sortChunk = SORT_CHUNK): Generator<void, BrowseOrder | null> {
    if (!this.ready || !this.regular) return null;
    const name = `${sort} ${dir}`;
    const made = this.orders.get(name);
    if (made) return made;
    const { columns } = this;
    const count = this.worked;
    let articles = 0;
    let briefs = 0;
    const { statuses } = columns;
    for (let at = 0; at < count; at++) {
      if (statuses[at] === ARTICLE) articles++;
      else if (statuses[at] === BRIEF) briefs++;
      if ((at + 1) % ORDER_STEP === 0) yield;
    }
    const nums = yield* orderSlotsSteps(columns, null, count, sort, dir, sortChunk);
    // Worked out again meanwhile (a story or a date changed): dropped. Made by a browse meanwhile: that one stays.
    if (!this.ready || this.columns !== columns) return null;
    const order = this.orders.get(name) ?? { nums, articles, briefs };
    this.orders.set(name, order);
    return order;
  }

  /** The browse orders made so far (see browseOrder) by sort and direction, while the keys hold. */
  *madeOrders(): Generator<[string, BrowseOrder]> {
    if (this.ready) yield* this.orders;
  }

  private restart(): void {
    this.headsRevision = this.store.headsRevision;
    this.storyEdits = this.store.meta.storyEdits;
    this.columns = new KeyColumns();
    this.heads = [];
    this.worked = 0;
    this.done = false;
    this.regular = true;
    this.orders.clear();
    this.dated = new Map();
    for (const [id, edit] of entriesOf(this.storyEdits)) if (edit.publishedAt !== undefined) this.dated.set(id, edit);
    this.walk = this.store.liveHeads();
  }
}
