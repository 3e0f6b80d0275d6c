// Shared by the launchers of the Node programs (electron/cli/kroniek.mjs,
// electron/host/start.mjs): they run bundles built from the TypeScript sources
// (vite.node.config.ts → out/node/), never the sources through a loader, and build
// them here first when they are missing or older than the sources, as the host does
// for the renderer. Plain JavaScript: it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');

/** The newest modification time of a file, or of any file below a folder (0 when missing). */
export function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Runs vite's build with `args`, its messages on stderr (stdout is the program's); false when it failed. */
export function viteBuild(args, env = {}) {
  const result = spawnSync(process.execPath, [VITE, 'build', ...args, '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 2, 2],
  });
  return result.status === 0;
}

const NODE_OUT = path.join(ROOT, 'out/node');
/** What the CLI and host bundles are built from. */
export const NODE_SOURCES = ['electron/core', 'electron/cli', 'electron/host', 'shared', 'package.json', 'package-lock.json', 'vite.node.config.ts'];

function nodeBundleIsStale() {
  const built = Math.min(newestMtime(path.join(NODE_OUT, 'cli.js')), newestMtime(path.join(NODE_OUT, 'host.js')));
  if (built === 0) return true;
  return NODE_SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

/**
 * The URL of one program's bundle (`cli` or `host`) in out/node/, built first when
 * stale. Built into a fresh folder that then replaces out/node/, so a process that
 * starts meanwhile never loads half a build.
 */
export function nodeBundle(name) {
  if (nodeBundleIsStale()) {
    console.error('Building the command line and host (out/node)…');
    const fresh = path.join(ROOT, 'out', `.node-${process.pid}-${Date.now()}`);
    if (!viteBuild(['--config', 'vite.node.config.ts'], { KRONIEK_NODE_OUT: fresh })) {
      rmSync(fresh, { recursive: true, force: true });
      throw new Error('Building out/node failed; see the messages above.');
    }
    rmSync(NODE_OUT, { recursive: true, force: true });
    try {
      renameSync(fresh, NODE_OUT);
    } catch {
      // Another launcher put its build in place first: use that one.
      rmSync(fresh, { recursive: true, force: true });
    }
  }
  return pathToFileURL(path.join(NODE_OUT, `${name}.js`)).href;
}
