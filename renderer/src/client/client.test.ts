import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../shared/contract/envelope';
import { createClient } from './client';
import { httpTransport } from './http-transport';
import { pickTransport } from './pick';
import { preloadTransport } from './preload-transport';
import { takeToken, TOKEN_KEY } from './token';
import type { Transport } from './transport';

const answering = (answer: unknown): Transport => ({ kind: 'http', send: async () => answer });

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected the call to fail');
}

describe('createClient', () => {
  it('unwraps a successful envelope', async () => {
    const client = createClient(answering({ ok: true, value: { canUndo: true, canRedo: false, undoLabel: { code: 'tag.create' }, redoLabel: null } }));
    await expect(client.call('history.state', {})).resolves.toEqual({ canUndo: true, canRedo: false, undoLabel: { code: 'tag.create' }, redoLabel: null });
  });

  it('throws a ServiceError with the code and message of a failed envelope', async () => {
    const client = createClient(answering({ ok: false, error: { code: 'not-found', message: 'No story with id x.' } }));
    const error = await rejection(client.call('stories.get', { id: 'x' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('No story with id x.');
  });

  it('keeps the reason of a failed envelope, and drops one that is not an object with a code', async () => {
    const reason = { code: 'stories.missing', count: 2 };
    const error = await rejection(createClient(answering({ ok: false, error: { code: 'not-found', message: 'Gone.', reason } })).call('stories.get', { id: 'x' }));
    expect(error.reason).toEqual(reason);
    const odd = await rejection(createClient(answering({ ok: false, error: { code: 'not-found', message: 'Gone.', reason: 'stories.missing' } })).call('stories.get', { id: 'x' }));
    expect(odd.reason).toBeUndefined();
  });

  it('maps an unknown error code to internal but keeps the message', async () => {
    const client = createClient(answering({ ok: false, error: { code: 'weird', message: 'Something odd.' } }));
    const error = await rejection(client.call('library.status', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Something odd.');
  });

  it.each([null, 'text', 42, { value: 1 }, { ok: 'yes' }])('refuses an answer that is not an envelope: %j', async (answer) => {
    const error = await rejection(createClient(answering(answer)).call('library.status', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/library\.status/);
  });

  it('reports which transport it uses', () => {
    expect(createClient({ kind: 'preload', send: async () => null }).transport).toBe('preload');
  });
});

describe('httpTransport', () => {
  function fakeFetch(respond: () => Response | Promise<Response>) {
    return vi.fn<typeof fetch>(async () => respond());
  }

  it('POSTs JSON to /api/<method> with the token header', async () => {
    const fetchMock = fakeFetch(() => new Response(JSON.stringify({ ok: true, value: { deleted: 1 } })));
    const client = createClient(httpTransport({ token: 's3cret', fetch: fetchMock }));
    await expect(client.call('stories.delete', { ids: ['a1'] })).resolves.toEqual({ deleted: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/stories.delete');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Kroniek-Token': 's3cret' });
    expect(JSON.parse(String(init?.body))).toEqual({ ids: ['a1'] });
  });

  it('sends no token header when there is no token', async () => {
    const fetchMock = fakeFetch(() => new Response(JSON.stringify({ ok: true, value: null })));
    await createClient(httpTransport({ token: null, fetch: fetchMock })).call('history.state', {});
    expect(fetchMock.mock.calls[0]![1]?.headers).not.toHaveProperty('X-Kroniek-Token');
  });

  it('reads the error envelope of a non-200 answer (wrong token)', async () => {
    const fetchMock = fakeFetch(
      () => new Response(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong access token. Open the URL the host printed.' } }), { status: 403 }),
    );
    const error = await rejection(createClient(httpTransport({ token: 'bad', fetch: fetchMock })).call('library.status', {}));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/access token/);
  });

  it('turns a body that is not JSON into a clear internal error', async () => {
    const fetchMock = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await rejection(createClient(httpTransport({ token: 't', fetch: fetchMock })).call('library.status', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/not JSON.*502/);
  });

  it('turns a network failure into a clear internal error', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await rejection(createClient(httpTransport({ token: 't', fetch: fetchMock })).call('library.status', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/Cannot reach the Kroniek host.*Failed to fetch/);
  });
});

describe('preloadTransport', () => {
  it('calls the named function of the preload API and unwraps its envelope', async () => {
    const api = { 'stories.get': vi.fn(async (input: unknown) => ({ ok: true, value: { asked: input } })) };
    const client = createClient(preloadTransport(api));
    await expect(client.call('stories.get', { id: 'a1' })).resolves.toEqual({ asked: { id: 'a1' } });
    expect(api['stories.get']).toHaveBeenCalledWith({ id: 'a1' });
  });

  it('reports a method the preload does not offer', async () => {
    const error = await rejection(createClient(preloadTransport({})).call('library.status', {}));
    expect(error.code).toBe('unknown-method');
  });

  it('turns a rejected IPC call into a ServiceError', async () => {
    const api = {
      'library.status': async () => {
        throw new Error('IPC channel closed');
      },
    };
    const error = await rejection(createClient(preloadTransport(api)).call('library.status', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/IPC channel closed/);
  });
});

describe('takeToken', () => {
  function env(href: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
    const replaced: string[] = [];
    return {
      env: {
        location: { href },
        history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
        storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      },
      storage,
      replaced,
    };
  }

  it('takes the token from the query, stores it and removes it from the address bar', () => {
    const e = env('http://127.0.0.1:5123/?token=abc-123&lang=nl#x');
    expect(takeToken(e.env)).toBe('abc-123');
    expect(e.storage.get(TOKEN_KEY)).toBe('abc-123');
    expect(e.replaced).toEqual(['/?lang=nl#x']);
  });

  it('takes the token from the hash too', () => {
    const e = env('http://127.0.0.1:5123/#token=from-hash');
    expect(takeToken(e.env)).toBe('from-hash');
    expect(e.replaced).toEqual(['/']);
  });

  it('falls back to the stored token after a reload, without touching history', () => {
    const e = env('http://127.0.0.1:5123/', 'kept');
    expect(takeToken(e.env)).toBe('kept');
    expect(e.replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeToken(env('http://127.0.0.1:5123/').env)).toBeNull();
  });

  it('still works when storage throws', () => {
    const e = env('http://127.0.0.1:5123/?token=t1');
    e.env.storage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(takeToken(e.env)).toBe('t1');
  });
});

describe('pickTransport', () => {
  it('uses the preload API when window.kroniek exists', () => {
    window.kroniek = { 'library.status': async () => ({ ok: true, value: null }) };
    try {
      expect(pickTransport(window).kind).toBe('preload');
    } finally {
      delete window.kroniek;
    }
  });

  it('uses HTTP otherwise, with the token from the URL, and cleans the address bar', async () => {
    window.history.replaceState(null, '', '/?token=tok-42');
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ ok: true, value: 'fine' })));
    const original = window.fetch;
    window.fetch = fetchMock;
    try {
      const transport = pickTransport(window);
      expect(transport.kind).toBe('http');
      expect(window.location.search).toBe('');
      expect(window.sessionStorage.getItem(TOKEN_KEY)).toBe('tok-42');
      await createClient(transport).call('library.status', {});
      expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({ 'X-Kroniek-Token': 'tok-42' });
    } finally {
      window.fetch = original;
    }
  });
});

describe('the change feed in the client', () => {
  /** A stream response whose chunks the test pushes; `end()` closes it. */
  function streamResponse() {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const encoder = new TextEncoder();
    return {
      response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
      push: (text: string) => controller.enqueue(encoder.encode(text)),
      end: () => controller.close(),
    };
  }

  it('reads commits from the host stream with the token header, each revision once, also when the answer brought it first', async () => {
    const stream = streamResponse();
    const fetchMock = vi.fn<typeof fetch>(async (url) => {
      if (String(url) === '/changes') return stream.response;
      return new Response(JSON.stringify({ ok: true, value: { id: 't1' }, commits: [{ revision: 5, changes: { tags: true, history: true } }] }));
    });
    const client = createClient(httpTransport({ token: 's3cret', fetch: fetchMock }));
    const seen: unknown[] = [];
    const stop = client.onChange((changes) => seen.push(changes));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/changes', expect.objectContaining({ method: 'GET', headers: expect.objectContaining({ 'X-Kroniek-Token': 's3cret' }) })));

    stream.push('retry: 2000\nevent: hello\ndata: {"revision":4}\n\n');
    await expect(client.call('tags.create', { name: 'x' })).resolves.toEqual({ id: 't1' });
    expect(seen).toEqual([{ tags: true, history: true }]);
    // The same commit on the stream (split over two chunks), then one from elsewhere, then junk.
    stream.push('id: 5\nevent: commit\ndata: {"revision":5,"changes":{"tags":true,"history":true}}\n\nid: 6\nevent: com');
    stream.push('mit\ndata: {"revision":6,"changes":{"taggings":["a1"]}}\n\n: keep-alive\n\nevent: commit\ndata: {"revision":7,"changes":{"evil":true}}\n\n');
    await vi.waitFor(() => expect(seen).toEqual([{ tags: true, history: true }, { taggings: ['a1'] }]));
    stop();
  });

  it('after the stream was cut and commits were missed, refreshes everything once', async () => {
    const first = streamResponse();
    const second = streamResponse();
    const responses = [first, second];
    const fetchMock = vi.fn<typeof fetch>(async () => responses.shift()!.response);
    const client = createClient(httpTransport({ token: null, fetch: fetchMock, reconnectMs: 1 }));
    const seen: unknown[] = [];
    const stop = client.onChange((changes) => seen.push(changes));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    first.push('event: hello\ndata: {"revision":2}\n\n');
    first.end();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    second.push('event: hello\ndata: {"revision":3}\n\n');
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ stories: 'all', tags: true, taggings: 'all', history: true, library: true });
    stop();
  });

  it('the preload transport passes on only well-formed commits from onChange', () => {
    let deliver: ((payload: unknown) => void) | null = null;
    const api = { onChange: (callback: (payload: unknown) => void) => ((deliver = callback), () => (deliver = null)) };
    const client = createClient(preloadTransport(api as never));
    const seen: unknown[] = [];
    const stop = client.onChange((changes) => seen.push(changes));
    deliver!({ revision: 1, changes: { dossiers: ['d1'] } });
    deliver!({ revision: 2, changes: { dossiers: 'some' } });
    expect(seen).toEqual([{ dossiers: ['d1'] }]);
    stop();
    expect(deliver).toBeNull();
  });
});
