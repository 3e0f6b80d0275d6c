import { ByteArena } from '../compact';
import { IdCursor, StoryColumns, type RelatedState } from './state';
import { TermTable } from '../../search/term-table';

// Removed stories stay in the columns and the arena as dead slots until they are a
// quarter of all slots; then the live ones are copied into fresh columns and a fresh
// arena, in slot order, and the caller lays out the posting lists again.

/** Slots are compacted once this many (and a quarter of all) are dead. */
const MIN_DEAD = 64;

export function compactionDue(state: RelatedState): boolean {
  return state.dead >= MIN_DEAD && state.dead >= state.slotCount / 4;
}

/** Copies the live stories into new columns and a new arena, dropping the dead slots. Posting lists are left stale. */
export function compactSlots(state: RelatedState): void {
  const old = { slots: state.slots, stories: state.stories, arena: state.arena, count: state.slotCount };
  const cursor = new IdCursor();
  state.slots = new StoryColumns();
  state.slots.ensure(state.stories.size);
  state.stories = new TermTable();
  state.arena = new ByteArena();
  state.slotCount = 0;
  state.dead = 0;
  for (let from = 0; from < old.count; from++) {
    if (!old.slots.alive[from]) continue;
    const slot = state.slotCount++;
    state.stories.put(old.stories.text(from)!, slot);
    state.slots.alive[slot] = 1;
    state.slots.signature[slot] = old.slots.signature[from]!;
    state.slots.day[slot] = old.slots.day[from]!;
    state.slots.termNorm[slot] = old.slots.termNorm[from]!;
    state.slots.entityNorm[slot] = old.slots.entityNorm[from]!;
    state.slots.termCount[slot] = old.slots.termCount[from]!;
    state.slots.entityCount[slot] = old.slots.entityCount[from]!;
    state.slots.entityOffset[slot] = old.slots.entityOffset[from]!;
    state.slots.record[slot] = state.arena.store(recordBytes(cursor, old.arena, old.slots, from));
  }
}

/** The bytes of a slot's record. */
function recordBytes(cursor: IdCursor, arena: ByteArena, slots: StoryColumns, slot: number): Uint8Array {
  const record = slots.record[slot]!;
  cursor.open(arena, record, slots.entityOffset[slot]!, slots.entityCount[slot]!, false);
  while (cursor.next());
  return arena.chunk(record).subarray(ByteArena.offset(record), cursor.position);
}
