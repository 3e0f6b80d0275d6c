import type { Dateline, WireRightsInfo } from '../../../shared/types';
import type { StoryHead, WireVersionFacts } from './meta';

const EMPTY = Object.freeze([]) as unknown as never[];

/** The facts of an agency version that repeat from version to version, and that `wire` shares. */
export const SHARED_WIRE_FACTS = ['format', 'date', 'status', 'signals', 'byline', 'language', 'rights', 'infoSources'] as const;

/**
 * Heads repeat a few datelines, sections, pages and import times thousands of times, and
 * an agency's versions the same rights, format, status, language and (mostly empty) lists
 * of signals and sources; as parsed, each head has its own copy of each (some 140 bytes a
 * story, and ~300 more a version: at 67,000 stories with 28,700 versions ~9 MB of the main
 * thread's heap). Heads are never changed, so they share one copy, frozen so that a change
 * would fail loudly. `head` takes a head as read from a segment or just imported, before
 * the store keeps it.
 */
export class SharedHeadParts {
  private readonly strings = new Map<string, string>();
  private readonly datelines = new Map<string, Dateline>();
  private readonly rightsByKey = new Map<string, WireRightsInfo>();
  private readonly lists = new Map<string, readonly unknown[]>();
  /** The rights shared last: an agency's versions come in runs, so most are the same as the one before. */
  private lastRights: WireRightsInfo | null = null;

  head(head: StoryHead): void {
    head.dateline = this.dateline(head.dateline);
    head.section = this.string(head.section);
    head.ageLabel = this.string(head.ageLabel);
    head.pageId = this.string(head.pageId);
    head.importedAt = this.string(head.importedAt);
    if (Array.isArray(head.warnings) && head.warnings.length === 0) head.warnings = EMPTY;
    if (head.wire) this.wire(head.wire);
  }

  /** An agency version's facts, shared in place (as `head` shares a head's). */
  wire(wire: WireVersionFacts): void {
    const facts = wire as unknown as Record<string, unknown>;
    for (const key of SHARED_WIRE_FACTS) if (key in facts) facts[key] = this.wireFact(key, facts[key]);
    // A first version is sent when it is created: the two times are one string.
    if (wire.versionCreated !== null && wire.versionCreated === wire.firstCreated) wire.versionCreated = wire.firstCreated;
  }

  /** The library's copy of what an agency version's fact `key` (one of SHARED_WIRE_FACTS) holds; another key's value as it is. */
  wireFact(key: string, value: unknown): unknown {
    switch (key) {
      case 'format':
      case 'status':
      case 'language':
      case 'date':
      case 'byline':
        return this.string(value as string | null);
      case 'signals':
        return Array.isArray(value) ? this.list(value, value.join('\u0000')) : value;
      case 'infoSources':
        return Array.isArray(value) ? this.list(value, value.length ? JSON.stringify(value) : '', (source) => Object.freeze(source)) : value;
      case 'rights':
        return this.rights(value as WireRightsInfo);
      default:
        return value;
    }
  }

  /** The library's copy of a string (null and other values as they are). */
  string<T extends string | null>(value: T): T {
    if (typeof value !== 'string') return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  /** The library's frozen copy of a dateline (a value of another shape as it is). */
  dateline(dateline: Dateline): Dateline {
    if (!dateline || typeof dateline.place !== 'string' || !Array.isArray(dateline.agencies)) return dateline;
    const key = `${dateline.place}\u0000${dateline.agencies.join('\u0000')}`;
    let known = this.datelines.get(key);
    if (!known) {
      known = Object.freeze({ place: this.string(dateline.place), agencies: Object.freeze(dateline.agencies.map((agency) => this.string(agency))) as string[] });
      this.datelines.set(key, known);
    }
    return known;
  }

  /** One frozen copy per content (`key` says what it holds; '' only for an empty list). */
  private list<T>(items: T[], key: string, freeze: (item: T) => T = (item) => item): T[] {
    if (items.length === 0) return EMPTY;
    const kind = `${typeof items[0]}\u0001${key}`;
    let known = this.lists.get(kind) as T[] | undefined;
    if (!known) {
      known = Object.freeze(items.map(freeze)) as T[];
      this.lists.set(kind, known);
    }
    return known;
  }

  private rights(rights: WireRightsInfo): WireRightsInfo {
    if (!rights || typeof rights !== 'object') return rights;
    const last = this.lastRights;
    if (last && sameFields(last, rights)) return last;
    // Its own fields in their order: the JSON written back is the one read.
    const key = JSON.stringify(rights);
    let known = this.rightsByKey.get(key);
    if (!known) {
      known = Object.freeze(rights);
      this.rightsByKey.set(key, known);
    }
    this.lastRights = known;
    return known;
  }
}

/** The same own fields, in the same order, with the same values (strings or null). */
function sameFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keysA = Object.keys(x);
  const keysB = Object.keys(y);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || x[key] !== y[key]) return false;
  }
  return true;
}
