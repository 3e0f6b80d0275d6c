import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEEDS_DIR, openKroniek } from '../core/app';
import { FileCredentialStore } from '../core/features/sync/credential-store';
import { lowerRuntimeHelpers } from '../core/thread-priority';
import { startHost } from './server';

const USAGE = `Usage: npm run -s host -- [--data DIR] [--port PORT] [--no-seeds] [--watch DIR]... [--move-imported]

Serves Kroniek's UI and service on http://127.0.0.1 only. The first line on
stdout is the URL to open (it carries this run's access token).
--watch DIR imports files as they arrive in the drop folder DIR while the host
runs (repeat it for more folders); --move-imported moves them to DIR/imported/.
KRONIEK_HOST_TOKEN (environment) keeps the access token of an earlier run: a page
left open reconnects by itself when the host is started again on the same --port.`;

/** How long a stop may take before the host stops hard (a snapshot write is bounded well below it). */
const SHUTDOWN_MS = 15_000;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'no-seeds': { type: 'boolean' },
      watch: { type: 'string', multiple: true },
      'move-imported': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = path.resolve(values.data ?? process.env.KRONIEK_DATA ?? '.kroniek-data');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

  // "Remember password on this computer": a 0600 file in the host's own config folder (never the library folder).
  // V8's helper threads, which collect the indexing workers' garbage, give way to this thread (thread-priority.ts).
  lowerRuntimeHelpers();
  const configDir = path.resolve(process.env.KRONIEK_CONFIG_DIR ?? path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'kroniek'));
  const core = await openKroniek({
    dataDir,
    seedsDir: values['no-seeds'] ? undefined : DEFAULT_SEEDS_DIR,
    platform: 'web',
    watchFolders: true,
    liveSync: true,
    credentialStore: new FileCredentialStore(configDir),
  });
  // Folders named on the host's own command line, by the editor who starts it (a page never
  // names one: watch.add is local): watched for this run, in-process.
  try {
    for (const given of values.watch ?? []) {
      await core.context.watch.add(path.resolve(given), { moveImported: values['move-imported'] ?? false, persist: false });
    }
  } catch (error) {
    await core.close();
    throw error;
  }
  // A host started again (same --port) can keep the access token of the run before, so a page
  // left open reconnects by itself: KRONIEK_HOST_TOKEN, never on the command line (process lists show it).
  const given = process.env.KRONIEK_HOST_TOKEN;
  if (given !== undefined && !/^[A-Za-z0-9_-]{24,}$/.test(given)) throw new Error('KRONIEK_HOST_TOKEN must be at least 24 letters, digits, - or _.');
  const host = await startHost({ dispatch: core.dispatch, feed: core.feed, rendererDir, port, token: given });
  process.stdout.write(`${host.url}\n`);
  console.error(`Kroniek host: library ${dataDir}. Press Ctrl+C to stop.`);

  // Stopping always ends: the server, the watch folders, the indexes' worker and the lock
  // close in order, and if that has not finished in time (a stuck disk, a second Ctrl+C)
  // the lock is given up and the process stops hard: every acknowledged edit is on disk.
  let stopping = false;
  const stopNow = (why: string) => {
    console.error(`Kroniek host: ${why}; stopping now.`);
    core.abandon();
    process.kill(process.pid, 'SIGKILL');
  };
  const stop = async () => {
    if (stopping) return stopNow('asked twice to stop');
    stopping = true;
    setTimeout(() => stopNow(`closing took more than ${SHUTDOWN_MS / 1000} s`), SHUTDOWN_MS);
    try {
      await host.close();
      await core.close();
    } catch (error) {
      console.error(`Kroniek host: closing failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
