/** Long work hands the event loop back after at most this long, so the app stays responsive. */
export const SLICE_MS = 8;

/**
 * A function to await between units of long work: it takes a turn of the event loop
 * once the work since the last turn has run a slice (`beforeTurn` runs first, e.g. to
 * report progress), and returns at once otherwise. A worker thread, which holds up no
 * user, takes longer slices (it only has to answer queries now and then).
 */
export function sliceBreather(beforeTurn?: () => void, sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    beforeTurn?.();
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}
