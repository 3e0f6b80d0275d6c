import { EVERYTHING } from '../../../../shared/contract/changes';
import type { Client } from '../../client';
import { isUnreachable } from '../../client/transport';
import type { SliceCreator } from '../../store/types';

/**
 * Whether the service can be reached. A call that never got there (the host stopped, the
 * connection dropped) marks the connection lost: the app shows one banner with a retry
 * instead of an error in every pane, keeps what is on screen, and asks the service again
 * every `reconnectMs` until it answers; then everything on screen is loaded afresh.
 */
export interface ConnectionSlice {
  connection: 'online' | 'lost';
  /** Asks the service now (the banner's Retry); resolves once it answered or failed. */
  retryConnection(): Promise<void>;
  /** A call could not reach the service (called by the watching client). */
  connectionLost(): void;
  /** A call was answered (called by the watching client). */
  connectionAnswered(): void;
}

/** How often a lost connection is tried again, unless the store is given another pause. */
export const RECONNECT_MS = 3_000;

/** The client, noting for the connection slice whether each call reached the service. */
export function watchConnection(client: Client, events: { lost(): void; answered(): void }): Client {
  return {
    transport: client.transport,
    onChange: (listener) => client.onChange(listener),
    async call(method, input) {
      try {
        const value = await client.call(method, input);
        events.answered();
        return value;
      } catch (error) {
        // An answer that is an error is still an answer: the service is there.
        if (isUnreachable(error)) events.lost();
        else events.answered();
        throw error;
      }
    },
  };
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set, get, deps) => {
  const pause = deps.reconnectMs ?? RECONNECT_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let probing: Promise<void> | null = null;

  function schedule() {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void probe();
    }, pause);
  }

  function probe(): Promise<void> {
    probing ??= deps.client
      .call('library.status', {})
      .then(
        (status) => {
          // Answered: connectionAnswered has reloaded what is on screen; the status is this one.
          set({ status, statusState: 'ready', statusError: null });
        },
        () => undefined,
      )
      .finally(() => {
        probing = null;
        if (get().connection === 'lost') schedule();
      });
    return probing;
  }

  return {
    connection: 'online',
    retryConnection: () => probe(),
    connectionLost() {
      if (get().connection !== 'lost') set({ connection: 'lost' });
      schedule();
    },
    connectionAnswered() {
      if (get().connection !== 'lost') return;
      set({ connection: 'online' });
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      // Edits made elsewhere meanwhile, and whatever failed to load: all of it afresh.
      const state = get();
      state.refreshFor(EVERYTHING);
      if (state.listState === 'error') void state.reloadList();
      if (state.openId && state.storyState === 'error') void state.reloadStory();
    },
  };
};
