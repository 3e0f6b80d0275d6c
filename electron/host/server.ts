import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLocalMethod, isMethodName } from '../../shared/contract';
import type { ChangeFeed } from '../../shared/contract/changes';
import { LIMITS } from '../../shared/contract/define';
import type { Envelope } from '../../shared/contract/envelope';
import { mimeType, resolveStaticFile } from './static-files';

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export interface HostOptions {
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Per-run secret every API call must carry; generated when omitted. */
  token?: string;
  /** The library's change feed, served as an event stream at CHANGES_PATH; without it that path is 404. */
  feed?: ChangeFeed;
}

/**
 * `GET /changes` (with the token header, like every API call): a Server-Sent Events
 * stream of the library's commits. First `event: hello` with the current revision (a
 * client that reconnects and sees a later one knows it missed commits), then one
 * `event: commit` per store commit, `id:` its revision. Read with fetch, not
 * EventSource, so the token travels in a header and never in a URL.
 */
export const CHANGES_PATH = '/changes';
/** A comment line this often keeps idle proxies and sockets from closing the stream. */
const KEEP_ALIVE_MS = 25_000;

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `feature.method`: letters and digits around one dot, nothing to decode or normalise. */
const METHOD_PATH = /^[a-z][A-Za-z0-9]{0,63}\.[a-z][A-Za-z0-9]{0,63}$/;

/** `application/json`, optionally `; charset=utf-8`, and nothing else (no `application/jsonfoo`). */
export function isJsonType(header: string | undefined): boolean {
  if (header === undefined) return false;
  return /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(header.trim());
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function streamChanges(req: http.IncomingMessage, res: http.ServerResponse, feed: ChangeFeed): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ revision: feed.revision() })}\n\n`);
  const unsubscribe = feed.onCommit((commit) => {
    res.write(`id: ${commit.revision}\nevent: commit\ndata: ${JSON.stringify(commit)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}

/**
 * The loopback web host: serves the built renderer and the service contract
 * over HTTP on 127.0.0.1 only. Defends against other local web pages driving it:
 * a per-run token on every API call, a Host header check (DNS rebinding), its own
 * origin only (Origin, Sec-Fetch-Site), JSON only, and method paths matched exactly.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const hasToken = (req: http.IncomingMessage) => {
    const given = req.headers['x-kroniek-token'];
    return typeof given === 'string' && sameSecret(given, token);
  };

  const answerApi = async (req: http.IncomingMessage, res: http.ServerResponse, method: string) => {
    // Methods that take paths on this computer's disk are for in-process callers only
    // (see MethodReach): a page must never make the host read or write a file by path.
    // The web core's dispatcher refuses them too.
    if (isMethodName(method) && isLocalMethod(method)) return sendError(res, 403, 'forbidden', `${method} is not available over HTTP.`);
    const body = await readBody(req, LIMITS.payloadBytes);
    if (body === null) return sendError(res, 413, 'too-large', 'The request is too large.');
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(res, 400, 'invalid-input', 'The request body is not valid JSON.');
    }
    return sendJson(res, 200, await options.dispatch(method, input));
  };

  const server = http.createServer(async (req, res) => {
    try {
      const host = (req.headers.host ?? '').toLowerCase();
      if (!allowedHosts.has(host)) return sendError(res, 421, 'forbidden', 'Unexpected Host header.');
      // A page on another origin (another port, a file, a sandboxed frame: `null`) never
      // drives the host, even should it hold the token. The CLI and fetch from Node send no Origin.
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return sendError(res, 403, 'forbidden', 'Requests from another origin are refused.');
      // Only origin-form targets ("/path?query"): no absolute URLs, no "//authority".
      const target = req.url ?? '/';
      if (!target.startsWith('/') || target.startsWith('//')) return sendError(res, 400, 'invalid-input', 'Malformed request target.');
      const rawPath = target.split('?')[0]!;
      // The API and the change stream answer this page only (a link from elsewhere may still open the app).
      const fetchSite = req.headers['sec-fetch-site'];
      const crossSite = fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';

      if (rawPath === '/api' || rawPath.startsWith('/api/')) {
        // Matched on the path exactly as sent: `/api/tags.list/../tags.create`, `/api/%74ags.create`
        // and the like are refused, never normalised into another method.
        const method = rawPath.slice('/api/'.length);
        if (!METHOD_PATH.test(method)) return sendError(res, 400, 'invalid-input', 'Malformed API path.');
        if (crossSite) return sendError(res, 403, 'forbidden', 'Requests from another site are refused.');
        if (req.method !== 'POST') return sendError(res, 405, 'forbidden', 'Use POST for API calls.');
        if (!hasToken(req)) return sendError(res, 403, 'forbidden', 'Missing or wrong access token. Open the URL the host printed.');
        if (!isJsonType(req.headers['content-type'])) return sendError(res, 415, 'invalid-input', 'API calls must send JSON.');
        return await answerApi(req, res, method);
      }

      if (rawPath === CHANGES_PATH) {
        if (req.method !== 'GET') return sendError(res, 405, 'forbidden', 'Use GET for the change stream.');
        if (crossSite) return sendError(res, 403, 'forbidden', 'Requests from another site are refused.');
        if (!hasToken(req)) return sendError(res, 403, 'forbidden', 'Missing or wrong access token. Open the URL the host printed.');
        if (!options.feed) return sendError(res, 404, 'not-found', 'This host has no change stream.');
        return streamChanges(req, res, options.feed);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'forbidden', 'Method not allowed.');
      const file = await resolveStaticFile(options.rendererDir, rawPath);
      if (!file) {
        res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end('Not found');
      }
      const data = await fs.readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch (error) {
      if (error instanceof URIError) return void (res.headersSent ? res.destroy() : sendError(res, 400, 'invalid-input', 'Malformed request path.'));
      if (!res.headersSent) sendError(res, 500, 'internal', `Host error: ${(error as Error).message}`);
      else res.destroy();
    }
  });

  // A client that trickles its headers or body does not hold a connection open for long.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((allowed) => `http://${allowed}`));
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
