import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Host {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the contract over HTTP, as the renderer does (for arranging state, never for asserting UI). */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
}

/** Starts `npm run host` (the real host over a real store) on a fresh data folder. */
export async function startHost(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ host: Host; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'electron/host/start.mjs'), '--data', dataDir, ...(extraArgs.includes('--port') ? [] : ['--port', '0']), ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  const url = new URL(firstLine);
  const token = url.searchParams.get('token') ?? '';
  const host: Host = {
    url: firstLine,
    origin: url.origin,
    token,
    dataDir,
    async call(method, input = {}) {
      const response = await fetch(`${url.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kroniek-Token': token },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message ?? 'call failed');
      return envelope.value as never;
    },
  };
  return { host, child };
}

/**
 * Waits until the sample library's indexes are built: they are built in a worker thread
 * after the host answers, and a search before that finds only what is indexed so far (the
 * UI then asks again; tests that type a query expect the whole library at once).
 */
export async function indexesReady(host: Host, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await host.call<{ index: { ready: boolean } }>('library.status');
    if (status.index.ready) return;
    if (Date.now() > deadline) throw new Error('the indexes were not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Where the global set-up left the sample library as the host made it at its first start (see global-setup.ts). */
export const SAMPLE_LIBRARY_ENV = 'KRONIEK_E2E_SAMPLE_LIBRARY';

export const test = base.extend<{ host: Host; hostArgs: string[]; hostLibrary: 'sample' | 'fresh' }>({
  hostArgs: [[], { option: true }],
  /**
   * `sample`: the host starts on a copy of the sample library the global set-up had a host make
   * (its first start, with the index snapshot its close wrote): half the CPU of seeding and
   * building again in every test. `fresh`: an empty folder, which the host fills at its first start.
   */
  hostLibrary: ['sample', { option: true }],
  host: async ({ hostArgs, hostLibrary }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-e2e-'));
    const sample = process.env[SAMPLE_LIBRARY_ENV];
    if (hostLibrary === 'sample' && sample) await cp(sample, dataDir, { recursive: true });
    const { host, child } = await startHost(dataDir, hostArgs);
    try {
      await indexesReady(host);
      await use(host);
    } finally {
      await stopHost(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

/** `text` as a literal inside a RegExp (headlines contain quotes, dashes, parentheses). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export { expect };
