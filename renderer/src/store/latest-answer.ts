import { createLatestGate } from '../features/search/latest';

/**
 * One piece of server state the UI asks for again and again (the open story, the tag
 * tree, the facets…): only the answer to the newest request is applied, so a slow
 * answer to a superseded request (another story opened meanwhile, a second change set
 * refreshing the same part) never overwrites a newer one. The one place that used to
 * be a hand-made generation counter in each slice.
 */
export interface LatestAnswer {
  /** Fetches; `apply` or `fail` runs only when no newer request began meanwhile. */
  load<T>(fetch: () => Promise<T>, apply: (value: T) => void, fail: (error: unknown) => void): Promise<void>;
  /** For a request in several steps: `current()` stays true until a newer request begins (or `drop`). */
  begin(): { current(): boolean };
  /** Drops whatever is in flight (the dialog or story was closed). */
  drop(): void;
}

export function latestAnswer(): LatestAnswer {
  const gate = createLatestGate();
  const begin = () => {
    const ticket = gate.begin();
    return { current: () => gate.isLatest(ticket) };
  };
  return {
    begin,
    async load(fetch, apply, fail) {
      const request = begin();
      try {
        const value = await fetch();
        if (request.current()) apply(value);
      } catch (error) {
        if (request.current()) fail(error);
      }
    },
    drop: () => gate.invalidate(),
  };
}
