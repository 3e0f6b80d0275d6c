import { f32s, i32s, SnapshotFormatError, u32s, u8s, type SnapshotReader, type SnapshotWriter } from '../../snapshot/codec';
import { ByteArena, Labels, Postings, StringTable, U32List } from '../compact';
import { RelatedState } from './state';

// The related index's part of the index snapshot (../../snapshot/index-snapshot.ts).
// Not a copy of the stories: the dictionaries, records, postings and norms as they are,
// so that reading it back gives an index that answers exactly as the written one did.
// Any change to what is written here changes the snapshot's layout: bump SNAPSHOT_FORMAT.

export function* writeRelatedState(state: RelatedState, out: SnapshotWriter): Generator<void> {
  // Norms and the counters that decide their refresh go out in one piece: a related()
  // call between slices may refresh the norms.
  out.u32(state.slotCount);
  out.u32(state.dead);
  out.f64(state.changesSinceNorms);
  out.f64(state.liveAtNorms);
  out.f64(state.changesSincePostings);
  const n = state.slotCount;
  const s = state.slots;
  for (const column of [s.record, s.entityOffset, s.termCount, s.entityCount, s.termNorm, s.entityNorm, s.day, s.signature, s.alive]) {
    for (const _ of out.array(column.subarray(0, n)));
  }
  const ids: string[] = new Array<string>(n);
  for (let slot = 0; slot < n; slot++) ids[slot] = state.stories.text(slot) ?? '';
  yield* out.strings(ids);
  yield* state.terms.write(out);
  yield* state.termSurfaces.write(out);
  yield* state.termDf.write(out);
  yield* state.termPostings.write(out);
  yield* state.entities.write(out);
  yield* state.entityNames.write(out);
  yield* state.entityDf.write(out);
  yield* state.entityPostings.write(out);
  yield* state.arena.write(out);
}

/**
 * The state writeRelatedState wrote; throws SnapshotFormatError when it does not add up.
 * `sharedId` gives the string to keep for a story's id (the search index's: one copy of each).
 */
export function* readRelatedState(input: SnapshotReader, sharedId: (id: string) => string = (id) => id): Generator<void, RelatedState> {
  const state = new RelatedState();
  const n = input.u32();
  state.slotCount = n;
  state.dead = input.u32();
  state.changesSinceNorms = input.f64();
  state.liveAtNorms = input.f64();
  state.changesSincePostings = input.f64();
  const s = state.slots;
  s.ensure(n);
  const column = <T extends ArrayBufferView & { length: number }>(values: T): T => {
    if (values.length !== n) throw new SnapshotFormatError('related: a column of the wrong length');
    return values;
  };
  s.record.set(column(yield* input.array(u32s, 4)));
  s.entityOffset.set(column(yield* input.array(u32s, 4)));
  s.termCount.set(column(yield* input.array(u32s, 4)));
  s.entityCount.set(column(yield* input.array(u32s, 4)));
  s.termNorm.set(column(yield* input.array(f32s, 4)));
  s.entityNorm.set(column(yield* input.array(f32s, 4)));
  s.day.set(column(yield* input.array(i32s, 4)));
  s.signature.set(column(yield* input.array(u32s, 4)));
  s.alive.set(column(yield* input.array(u8s, 1)));
  const ids = yield* input.strings();
  if (ids.length !== n) throw new SnapshotFormatError('related: story count');
  let dead = 0;
  for (let slot = 0; slot < n; slot++) {
    const alive = s.alive[slot] === 1;
    if (alive !== (ids[slot] !== '') || (alive && state.stories.has(ids[slot]!))) throw new SnapshotFormatError('related: stories');
    if (alive) state.stories.put(sharedId(ids[slot]!), slot);
    else dead++;
    if (slot % 4_096 === 4_095) yield;
  }
  if (dead !== state.dead) throw new SnapshotFormatError('related: removed stories');
  state.terms = yield* StringTable.read(input);
  state.termSurfaces = yield* Labels.read(input);
  state.termDf = yield* U32List.read(input);
  state.termPostings = yield* Postings.read(input);
  state.entities = yield* StringTable.read(input);
  state.entityNames = yield* Labels.read(input);
  state.entityDf = yield* U32List.read(input);
  state.entityPostings = yield* Postings.read(input);
  state.arena = yield* ByteArena.read(input);
  if (
    state.termSurfaces.size !== state.terms.size ||
    state.termDf.length !== state.terms.size ||
    state.entityNames.size !== state.entities.size ||
    state.entityDf.length !== state.entities.size
  ) {
    throw new SnapshotFormatError('related: dictionaries');
  }
  state.termScratch = new Float32Array(Math.max(1024, Math.ceil(state.terms.size * 1.5)));
  return state;
}
