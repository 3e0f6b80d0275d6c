import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// A desk's database server for the sync tests. By default a CouchDB-protocol server
// (express-pouchdb over LevelDB, ./couch-server.mjs) in a child process on loopback, which
// a test can kill and restart. With KRONIEK_COUCHDB_URL (and KRONIEK_COUCHDB_ADMIN_USER /
// KRONIEK_COUCHDB_ADMIN_PASSWORD) the same tests run against a real CouchDB 3: each test gets
// fresh databases, removed afterwards (docs/TEAM-LIBRARY.md).

/** Accounts on every desk: two editors and a reader (a member without the editor role). */
export const ACCOUNTS = {
  anna: { password: 'anna-pw-4f1c', roles: ['editor'] },
  ben: { password: 'ben-pw-77a2', roles: ['editor'] },
  rita: { password: 'rita-pw-0b9e', roles: [] as string[] },
} as const;
export type Account = keyof typeof ACCOUNTS;

/** Writes need the `editor` role (or a server admin): a reader's pushes are refused. */
const VALIDATE = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') === -1 && userCtx.roles.indexOf('editor') === -1) {
    throw({ forbidden: 'This account may read the desk library but not change it.' });
  }
}`;

export interface Desk {
  /** The database URL for one of the databases asked for. */
  url(database: string): string;
  /** Writes a document as the server admin (a hostile or malformed one, in tests). */
  adminPut(database: string, id: string, body: string): Promise<number>;
  /** Reads a document as the server admin (`query` e.g. `revs=true`); null when it is not there. */
  adminGet(database: string, id: string, query?: string): Promise<Record<string, unknown> | null>;
  /** True when the server can be killed and restarted (the child-process server). */
  readonly restartable: boolean;
  /** The server's process id (the child-process server), for the benchmark's memory figures. */
  pid(): number | undefined;
  kill(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const real = process.env.KRONIEK_COUCHDB_URL;

export async function startDesk(databases: string[]): Promise<Desk> {
  return real ? realDesk(real, databases) : childDesk(databases);
}

function authHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function request(url: string, method: string, auth: string, body?: string): Promise<number> {
  const response = await fetch(url, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return response.status;
}

/**
 * `guarded`: the databases that get the editors-only design document. On a real CouchDB all of
 * them; on the test server only those named `reader`, because express-pouchdb 4.2's validation
 * plugin silently drops a conflicting revision replicated in (`new_edits: false`) once a
 * `validate_doc_update` exists, which CouchDB keeps (found by the conflict test).
 */
async function setUp(server: string, auth: string, databases: string[], create: boolean, guarded: (database: string) => boolean): Promise<void> {
  for (const [name, account] of Object.entries(ACCOUNTS)) {
    const id = `org.couchdb.user:${name}`;
    const status = await request(`${server}/_users/${encodeURIComponent(id)}`, 'PUT', auth, JSON.stringify({ name, password: account.password, roles: account.roles, type: 'user' }));
    if (status !== 201 && status !== 200 && status !== 409) throw new Error(`creating user ${name}: HTTP ${status}`);
  }
  for (const database of databases) {
    if (create) {
      const status = await request(`${server}/${database}`, 'PUT', auth);
      if (status !== 201 && status !== 412) throw new Error(`creating ${database}: HTTP ${status}`);
    }
    const security = { admins: { names: [], roles: [] }, members: { names: Object.keys(ACCOUNTS), roles: [] } };
    const status = await request(`${server}/${database}/_security`, 'PUT', auth, JSON.stringify(security));
    if (status !== 200 && status !== 201) throw new Error(`_security of ${database}: HTTP ${status}`);
    if (!guarded(database)) continue;
    const design = await request(`${server}/${database}/_design/kroniek`, 'PUT', auth, JSON.stringify({ validate_doc_update: VALIDATE }));
    if (design !== 201 && design !== 409) throw new Error(`design document of ${database}: HTTP ${design}`);
  }
}

async function getJson(url: string, auth: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(url, { headers: { authorization: auth } });
  if (response.status === 404) {
    await response.arrayBuffer();
    return null;
  }
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

async function childDesk(databases: string[]): Promise<Desk> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kroniek-desk-'));
  const adminPassword = randomBytes(8).toString('hex');
  const auth = authHeader('admin', adminPassword);
  let child: ChildProcess | null = null;
  let port = 0;
  const launch = async () => {
    const proc = spawn(process.execPath, [path.join(import.meta.dirname, 'couch-server.mjs'), folder, String(port), adminPassword, ...databases], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = proc;
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /PORT (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      proc.once('exit', (code) => reject(new Error(`the test server stopped (${code})`)));
    });
  };
  await launch();
  const server = () => `http://127.0.0.1:${port}`;
  await setUp(server(), auth, databases, false, (database) => database === 'reader');
  const desk: Desk = {
    url: (database) => `${server()}/${database}`,
    adminPut: (database, id, body) => request(`${server()}/${database}/${encodeURIComponent(id)}`, 'PUT', auth, body),
    adminGet: (database, id, query = '') => getJson(`${server()}/${database}/${encodeURIComponent(id)}${query ? `?${query}` : ''}`, auth),
    restartable: true,
    pid: () => (child as ChildProcess | null)?.pid,
    kill: () => {
      child?.kill('SIGKILL');
      child = null;
    },
    restart: async () => {
      desk.kill();
      await launch();
    },
    stop: async () => {
      const proc = child as ChildProcess | null;
      if (proc && proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGKILL');
        await exited;
      }
      child = null;
      await rm(folder, { recursive: true, force: true });
    },
  };
  return desk;
}

async function realDesk(serverUrl: string, databases: string[]): Promise<Desk> {
  const server = serverUrl.replace(/\/$/, '');
  const auth = authHeader(process.env.KRONIEK_COUCHDB_ADMIN_USER ?? 'admin', process.env.KRONIEK_COUCHDB_ADMIN_PASSWORD ?? '');
  const prefix = `kroniek-test-${randomBytes(4).toString('hex')}-`;
  await setUp(server, auth, databases.map((name) => prefix + name), true, () => true);
  return {
    url: (database) => `${server}/${prefix}${database}`,
    adminPut: (database, id, body) => request(`${server}/${prefix}${database}/${encodeURIComponent(id)}`, 'PUT', auth, body),
    adminGet: (database, id, query = '') => getJson(`${server}/${prefix}${database}/${encodeURIComponent(id)}${query ? `?${query}` : ''}`, auth),
    restartable: false,
    pid: () => undefined,
    kill: () => {
      throw new Error('a real CouchDB is not killed by the tests');
    },
    restart: async () => {},
    stop: async () => {
      for (const database of databases) await request(`${server}/${prefix}${database}`, 'DELETE', auth);
    },
  };
}

/** Waits until `check` holds (polling the real libraries; the test's own timeout bounds it). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
