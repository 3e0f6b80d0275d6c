import { asCommit } from '../../../shared/contract/changes';
import { ServiceError } from '../../../shared/contract/envelope';
import { UNREACHABLE, type FeedEvents, type Transport } from './transport';

export interface HttpTransportOptions {
  /** Per-run access token from the URL the host printed; null when none was given. */
  token: string | null;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Prefix for API paths; the host serves them at `/api/<method>`. */
  apiBase?: string;
  /** The host's change stream (Server-Sent Events). */
  changesPath?: string;
  /** Wait before reconnecting a change stream that ended or failed. */
  reconnectMs?: number;
}

/** Calls the contract over HTTP on the loopback host: `POST /api/<method>`, JSON in, envelope out. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const apiBase = options.apiBase ?? '/api/';
  return {
    kind: 'http',
    subscribe: (events) => followChanges(doFetch, options, events),
    async send(method, input) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.token) headers['X-Kroniek-Token'] = options.token;
      let response: Response;
      try {
        response = await doFetch(apiBase + encodeURIComponent(method), {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch (error) {
        // Marked, so the app shows one "connection lost" banner and keeps what is on screen.
        throw new ServiceError(
          'internal',
          `Cannot reach the Kroniek host (${error instanceof Error ? error.message : String(error)}). Is it still running? Start it again and open the URL it prints.`,
          UNREACHABLE,
        );
      }
      // The host answers errors (wrong token, too large…) with an envelope too, so
      // read the body whatever the status; only a body that is not JSON is a failure here.
      const text = await response.text().catch(() => '');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ServiceError('internal', `The Kroniek host answered "${method}" with something that is not JSON (HTTP ${response.status}).`);
      }
    },
  };
}

/**
 * Follows the host's change stream (`GET /changes`, Server-Sent Events) with fetch, so
 * the token goes in a header as for every call. Reconnects after a pause whenever the
 * stream ends or fails (the host restarted, the machine slept); each connection starts
 * with a `hello` carrying the revision, so the client knows whether it missed commits.
 */
function followChanges(doFetch: typeof fetch, options: HttpTransportOptions, events: FeedEvents): () => void {
  const abort = new AbortController();
  const reconnectMs = options.reconnectMs ?? 2_000;
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (options.token) headers['X-Kroniek-Token'] = options.token;

  async function connectOnce(): Promise<void> {
    const response = await doFetch(options.changesPath ?? '/changes', { method: 'GET', headers, cache: 'no-store', credentials: 'omit', signal: abort.signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatchEvent(buffer.slice(0, end), events);
        buffer = buffer.slice(end + 2);
      }
    }
  }

  void (async () => {
    while (!abort.signal.aborted) {
      await connectOnce().catch(() => undefined);
      if (abort.signal.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectMs);
        abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  })();
  return () => abort.abort();
}

/** One event block of the stream: `event:` and `data:` lines (comments and ids are not needed). */
function dispatchEvent(block: string, events: FeedEvents): void {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return;
  let payload: unknown;
  try {
    payload = JSON.parse(data.join('\n'));
  } catch {
    return;
  }
  if (name === 'commit') {
    const commit = asCommit(payload);
    if (commit) events.commit(commit);
  } else if (name === 'hello') {
    const revision = (payload as { revision?: unknown } | null)?.revision;
    if (typeof revision === 'number' && Number.isSafeInteger(revision)) events.connected?.(revision);
  }
}
