// The real core, in-process, for renderer tests: a library in a temp folder opened with
// openKroniek (the real store, importer, indexes and dispatcher), and a transport that
// calls its dispatch as the HTTP host does, with input and answer passed through JSON
// like the real transports. vitest's jsdom environment still runs in Node, so the test
// can hold the core; the renderer code under test still sees only a Client.
//
// Prefer this over renderer/src/test/fake-service.ts. Keep a fake only where a test needs
// a fault or timing the real core cannot give (a failing call, a slow answer), and say so.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MethodName } from '../../../shared/contract';
import { ServiceError } from '../../../shared/contract/envelope';
import { DEFAULT_SEEDS_DIR, openKroniek, type KroniekCore } from '../../../electron/core/app';
import type { KroniekPorts } from '../../../electron/core/ports';
import type { StoryContent } from '../../../electron/core/store/meta';
import { fakeStory } from '../../../electron/core/store/test/helpers';
import { createClient, type Client } from '../client';
import { UNREACHABLE, type Transport, type TransportKind } from '../client/transport';

export interface RealCore {
  readonly core: KroniekCore;
  readonly client: Client;
  readonly dataDir: string;
  /** Every call the renderer made, in order (input as it arrived at the core). */
  readonly calls: { method: MethodName; input: unknown }[];
  callsOf(method: MethodName): unknown[];
  /** Adds stories straight to the store (one segment), as an import would. */
  addStories(stories: StoryContent[]): Promise<void>;
  /** Calls the service directly, for arranging state; throws when the call fails. */
  call<T = unknown>(method: MethodName, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface RealCoreOptions {
  /** Fill the new library with the five sample pages (as the app does on first run). Default: empty. */
  seeds?: boolean;
  /** How the renderer believes it reaches the service (the desktop app's preload or the web host). */
  kind?: TransportKind;
  /**
   * A fault the real core cannot be made to give on cue: called before each call with how many
   * calls of that method there have been (this one included); an error returned is answered
   * instead of calling the core.
   */
  fault?: (method: MethodName, count: number) => ServiceError | undefined;
  /** What differs per runtime (e.g. native file dialogs in the desktop app). */
  ports?: KroniekPorts;
  /** False while the service is to be unreachable: calls then fail as the HTTP transport's do when the host is down. */
  reachable?: () => boolean;
}

const viaJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Opens a fresh library in a temp folder; `close()` closes it and removes the folder. */
export async function openRealCore(options: RealCoreOptions = {}): Promise<RealCore> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-renderer-'));
  const core = await openKroniek({
    dataDir,
    platform: 'electron',
    seedsDir: options.seeds ? DEFAULT_SEEDS_DIR : undefined,
    indexSnapshot: { enabled: false },
    ports: options.ports,
  });
  const calls: RealCore['calls'] = [];
  const transport: Transport = {
    kind: options.kind ?? 'http',
    async send(method, input) {
      if (options.reachable && !options.reachable()) throw new ServiceError('internal', 'Cannot reach the Kroniek host (connection refused).', UNREACHABLE);
      const sent = viaJson(input);
      calls.push({ method, input: sent });
      const fault = options.fault?.(method, calls.filter((entry) => entry.method === method).length);
      if (fault) return { ok: false, error: fault.toData() };
      return viaJson(await core.dispatch(method, sent));
    },
  };
  const call = async <T>(method: MethodName, input: unknown = {}): Promise<T> => {
    const answer = await core.dispatch(method, input);
    if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  return {
    core,
    client: createClient(transport),
    dataDir,
    calls,
    callsOf: (method) => calls.filter((entry) => entry.method === method).map((entry) => entry.input),
    async addStories(stories) {
      await core.context.store.addStories(stories);
      await (core.context.search as { whenReady?: () => Promise<void> }).whenReady?.();
    },
    call,
    async close() {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StoryOptions {
  kind?: 'article' | 'brief';
  place?: string;
  agencies?: string[];
  section?: string | null;
  text?: string;
}

/** A stored story for `addStories`: by default an article from DEN HAAG (ANP) with one paragraph. */
export function story(id: string, headline: string, extra: StoryOptions = {}): StoryContent {
  const content = fakeStory(id, headline);
  if (extra.kind) content.head.kind = extra.kind;
  if (extra.place || extra.agencies) content.head.dateline = { place: extra.place ?? content.head.dateline.place, agencies: extra.agencies ?? content.head.dateline.agencies };
  if (extra.section !== undefined) content.head.section = extra.section;
  if (extra.text) content.body = [{ type: 'paragraph', text: extra.text }];
  return content;
}
