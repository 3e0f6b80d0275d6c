import { createClient, type Client } from './client';
import { httpTransport } from './http-transport';
import { preloadTransport } from './preload-transport';
import { takeToken } from './token';
import type { Transport } from './transport';

/** The Electron preload if present, else HTTP to the loopback host (token from the URL). */
export function pickTransport(win: Window): Transport {
  if (win.kroniek && typeof win.kroniek === 'object') return preloadTransport(win.kroniek);
  let storage: Storage | null;
  try {
    storage = win.sessionStorage;
  } catch {
    // Storage can be disabled; the token then lives only in memory.
    storage = null;
  }
  const token = takeToken({ location: win.location, history: win.history, storage });
  return httpTransport({ token, fetch: (...args) => win.fetch(...args) });
}

export function clientFor(win: Window): Client {
  return createClient(pickTransport(win));
}
