import type { StoryKind } from '../../../../shared/types';
import { publishedAtOf, type MetaDoc, type StoryHead } from '../../store/meta';
import { own } from '../../store/records';

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

/** A slot's `dateState`: date keys not worked out yet, worked out, or in a form other than the usual one (compare the strings instead). */
export const UNKEYED = 0;
export const KEYED = 1;
export const IRREGULAR = 2;

/** The number written by `count` decimal digits of `text` from `start`; -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let at = start; at < start + count; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

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
   * Works out the date keys of a live story with this head at `at`; false when its dates
   * are not in the usual form (callers then compare the strings, as the list always did).
   */
  keyDates(at: number, head: StoryHead, storyEdits: MetaDoc['storyEdits']): boolean {
    // Undated (no date, or an empty one): 0, which the list puts last whichever way it runs.
    const day = listDayNumber(publishedAtOf(own(storyEdits, head.id), head) || '');
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

/**
 * The list keys of every live story in the store's order (liveHeads()), worked out while
 * the search index is still being read or built: what the list keys need of a story but
 * its number. Once the index has numbered the stories, ListKeys copies them slot by slot
 * (see ListKeys.warmSteps) instead of working each out: at 67,000 stories the keys took
 * ~110 ms of the main thread right after the indexes became ready, when the editor's
 * first searches come.
 */
export class PreparedKeys {
  private constructor(
    readonly columns: KeyColumns,
    readonly count: number,
    private readonly headsRevision: number,
    private readonly storyEdits: MetaDoc['storyEdits'],
  ) {}

  /**
   * Works the keys out, yielding now and then (the caller hands the event loop back);
   * returns them, or null when the store's stories or dates changed meanwhile.
   */
  static *prepare(store: { readonly headsRevision: number; readonly meta: MetaDoc; liveHeads(): Iterable<StoryHead> }): Generator<void, PreparedKeys | null> {
    const headsRevision = store.headsRevision;
    const storyEdits = store.meta.storyEdits;
    const columns = new KeyColumns();
    let count = 0;
    for (const head of store.liveHeads()) {
      columns.setStatus(count, kindStatus(head.kind));
      columns.keyDates(count, head, storyEdits);
      count++;
      if ((count & 255) === 0) {
        yield;
        if (store.headsRevision !== headsRevision || store.meta.storyEdits !== storyEdits) return null;
      }
    }
    if (store.headsRevision !== headsRevision || store.meta.storyEdits !== storyEdits) return null;
    return new PreparedKeys(columns, count, headsRevision, storyEdits);
  }

  /** The keys still hold: no story added, deleted, restored or shown in another version, no date changed. */
  fresh(store: { readonly headsRevision: number; readonly meta: MetaDoc }): boolean {
    return store.headsRevision === this.headsRevision && store.meta.storyEdits === this.storyEdits;
  }
}
