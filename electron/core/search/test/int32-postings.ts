import type { SnapshotWriter } from '../../snapshot/codec';
import type { PostingStore } from '../posting-store';

/**
 * Writes a store's lists as snapshot format 9 did (PostingLayout 'int32'): the terms as
 * strings, then per term and slot the offset of its numbers, then every number in 32 bits.
 * For tests of the reading of that format, which this version no longer writes.
 */
export function* writeInt32Postings(out: SnapshotWriter, store: PostingStore, slotCount: number): Generator<void> {
  const terms = [...store.entries()].map(([term]) => term);
  const starts = [0];
  const numbers: number[] = [];
  for (const term of terms) {
    const slots = store.get(term)!;
    for (let slot = 0; slot < slotCount; slot++) {
      numbers.push(...Array.from(slots[slot] ?? []));
      starts.push(numbers.length);
    }
  }
  yield* out.strings(terms);
  yield* out.array(Int32Array.from(starts));
  yield* out.array(Int32Array.from(numbers));
}
