import { ByteArena, Labels, Postings, StringTable, U32List } from '../compact';
import { TermTable } from '../../search/term-table';

// Everything the related-story index holds, in one place, so that each of its parts
// (stories.ts adds and removes stories, postings.ts lays out the posting lists,
// scoring.ts scores, reasons.ts explains, compaction.ts drops removed stories,
// snapshot.ts writes and reads it all) works on the same data without copies.
//
// Memory (under 60 MB at 50,000 stories, against some 400 MB as JS strings and Maps;
// see ../compact.ts): terms and entities interned in typed-array hash tables; document
// vectors (ascending term ids as varint gaps with one-byte tf weights, entity ids) in a
// byte arena; per-story numbers in typed-array columns.

/** A term's weight in a story, 1 + ln(tf), kept in one byte: ln(tf) in steps of 1/32 (tf up to e^8). */
export const quantizeWeight = (tf: number) => Math.min(255, Math.max(0, Math.round(Math.log(tf) * 32)));
/** The weight a byte from quantizeWeight stands for. */
export const WEIGHT = Float64Array.from({ length: 256 }, (_, q) => 1 + q / 32);

/** Per-story columns, indexed by slot. */
export class StoryColumns {
  capacity = 0;
  /**
   * The story's record in the arena: its terms by ascending id (gap × 2 + 1 and a weight
   * byte, or gap × 2 for weight 0), then its entities (id gaps).
   */
  record = new Uint32Array(0);
  /** Bytes from the start of the record to its entities. */
  entityOffset = new Uint32Array(0);
  termCount = new Uint32Array(0);
  entityCount = new Uint32Array(0);
  termNorm = new Float32Array(0);
  entityNorm = new Float32Array(0);
  day = new Int32Array(0);
  signature = new Uint32Array(0);
  alive = new Uint8Array(0);

  ensure(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(64, Math.ceil(this.capacity * 1.5), size);
    const grow = <T extends Uint32Array | Float32Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.record = grow(this.record, (n) => new Uint32Array(n));
    this.entityOffset = grow(this.entityOffset, (n) => new Uint32Array(n));
    this.termCount = grow(this.termCount, (n) => new Uint32Array(n));
    this.entityCount = grow(this.entityCount, (n) => new Uint32Array(n));
    this.termNorm = grow(this.termNorm, (n) => new Float32Array(n));
    this.entityNorm = grow(this.entityNorm, (n) => new Float32Array(n));
    this.day = grow(this.day, (n) => new Int32Array(n));
    this.signature = grow(this.signature, (n) => new Uint32Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}

export class RelatedState {
  // Dictionaries: term (stem) and entity key → dense id, with document frequencies and postings.
  terms = new StringTable();
  /** Each term as first seen (folded), or with its diacritics once seen so (for reasons). See stories.ts. */
  termSurfaces = new Labels();
  termDf = new U32List();
  termPostings = new Postings();
  entities = new StringTable();
  entityNames = new Labels();
  entityDf = new U32List();
  entityPostings = new Postings();
  /** By term id, kept zeroed: term frequencies of the story being added, or the query's weights while scoring. */
  termScratch = new Float32Array(1024);

  // Stories.
  /**
   * The live stories' ids by slot, looked up by a table of numbers (search/term-table.ts)
   * rather than a Map and an array: at 67,000 stories 3.7 MB of Map table less.
   */
  stories = new TermTable();
  slots = new StoryColumns();
  slotCount = 0;
  /** Removed stories whose slots are still in the columns (see compaction.ts). */
  dead = 0;
  arena = new ByteArena();

  /** Stories added or removed since the norms were computed, and how many were live then (see scoring.ts). */
  changesSinceNorms = 0;
  liveAtNorms = 0;
  /**
   * Stories added or removed since the posting lists were last laid out from the records
   * (postings.ts, rebuild): while it is above 0, the lists may hold terms chosen with an
   * older idf than a fresh build would choose them with (see RelatedIndex.settle).
   */
  changesSincePostings = 0;

  /** Live stories. */
  get live(): number {
    return this.stories.size;
  }
}

/** Reads a record's sorted ids (stored as gaps) and, for terms, their weights. */
export class IdCursor {
  private data: Uint8Array = new Uint8Array(0);
  private at = 0;
  private left = 0;
  private weighted = false;
  id = 0;
  weight = 0;

  /** Offset in the chunk of the next byte to read. */
  get position(): number {
    return this.at;
  }

  open(arena: ByteArena, record: number, skip: number, count: number, weighted: boolean): this {
    this.data = arena.chunk(record);
    this.at = ByteArena.offset(record) + skip;
    this.left = count;
    this.weighted = weighted;
    this.id = 0;
    return this;
  }

  /** The terms of a story (with their weights). */
  terms(state: RelatedState, slot: number): this {
    return this.open(state.arena, state.slots.record[slot]!, 0, state.slots.termCount[slot]!, true);
  }

  /** The entities of a story. */
  entities(state: RelatedState, slot: number): this {
    const { record, entityOffset, entityCount } = state.slots;
    return this.open(state.arena, record[slot]!, entityOffset[slot]!, entityCount[slot]!, false);
  }

  next(): boolean {
    if (this.left === 0) return false;
    this.left--;
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.data[this.at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    value >>>= 0;
    if (this.weighted) {
      this.id += value >>> 1;
      this.weight = value & 1 ? this.data[this.at++]! : 0;
    } else this.id += value;
    return true;
  }
}
