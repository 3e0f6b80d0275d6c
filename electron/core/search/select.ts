// The first few items of a large set in a given order, without sorting the set.
//
// A common search word matches tens of thousands of stories, but a list shows one
// page of them. Keeping the best `k` in a bounded heap costs one comparison per
// item that cannot make the page (nearly all of them) instead of the ~15 per item
// of a full sort, and allocates nothing per item.

/** Negative when `a` comes before `b`. Must be a strict total order (no ties) for stable results. */
export type Order = (a: number, b: number) => number;

/**
 * Items `from` to `from + count` (exclusive) of `items[0..length)` in `order`, as
 * if the items were sorted and sliced. `order` must never return 0 for two
 * different items, so the answer is the same whichever end it is taken from.
 * `items` is left unchanged.
 */
export function sortedSlice(items: Int32Array, length: number, order: Order, from: number, count: number): Int32Array {
  const steps = sortedSliceSteps(items, length, order, from, count, 0);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * As sortedSlice, handing the event loop back (`breather`) every few thousand items:
 * for a list over every story taken on the thread that serves the window.
 */
export async function sortedSliceSliced(items: Int32Array, length: number, order: Order, from: number, count: number, breather: () => Promise<void>): Promise<Int32Array> {
  const steps = sortedSliceSteps(items, length, order, from, count, STEP_ITEMS);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await breather();
  }
}

/** Items between two yields of the sliced variant. */
const STEP_ITEMS = 2_048;

function* sortedSliceSteps(items: Int32Array, length: number, order: Order, from: number, count: number, step: number): Generator<void, Int32Array> {
  const start = Math.max(0, Math.min(from, length));
  const end = Math.max(start, Math.min(start + count, length));
  if (end === start) return new Int32Array(0);
  // A deep page (the End key) is a shallow one from the other end.
  if (length - start < end) {
    const reversed: Order = (a, b) => order(b, a);
    return (yield* firstInOrderSteps(items, length, reversed, length - start, step)).subarray(length - end).reverse();
  }
  return (yield* firstInOrderSteps(items, length, order, end, step)).subarray(start);
}

/** The first `k` of `items[0..length)` in `order`, sorted. */
export function firstInOrder(items: Int32Array, length: number, order: Order, k: number): Int32Array {
  const steps = firstInOrderSteps(items, length, order, k, 0);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** firstInOrder, yielding after every `step` items looked at (0: never; a sort of most of the items is one step). */
function* firstInOrderSteps(items: Int32Array, length: number, order: Order, k: number, step: number): Generator<void, Int32Array> {
  const size = Math.max(0, Math.min(k, length));
  if (size === 0) return new Int32Array(0);
  if (size * 4 >= length && (step === 0 || length <= step)) {
    // Most items are wanted: a sort is as cheap and simpler.
    const all = items.slice(0, length).sort(order);
    return all.subarray(0, size);
  }
  // heap[0] is the last of the kept items in order: a newcomer must beat it.
  const heap = new Int32Array(size);
  let looked = 0;
  for (let i = 0; i < size; i++) {
    siftUp(heap, i, items[i]!, order);
    if (++looked === step) {
      looked = 0;
      yield;
    }
  }
  for (let i = size; i < length; i++) {
    const item = items[i]!;
    if (order(item, heap[0]!) < 0) siftDown(heap, size, item, order);
    if (++looked === step) {
      looked = 0;
      yield;
    }
  }
  return heap.sort(order);
}

/** Inserts `item` at `at` (the heap's end) and restores the heap above it. */
function siftUp(heap: Int32Array, at: number, item: number, order: Order): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (order(heap[parent]!, item) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

/** Replaces the root by `item` and restores the heap below it. */
function siftDown(heap: Int32Array, size: number, item: number, order: Order): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && order(heap[child + 1]!, heap[child]!) > 0) child++;
    if (order(heap[child]!, item) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = item;
}
