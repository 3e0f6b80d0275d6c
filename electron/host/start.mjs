#!/usr/bin/env node
// Entry of `npm run host`: builds the renderer when its build is missing or older
// than its sources (never a dev server), then starts the host over the TS core.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIndex = path.join(root, 'out/renderer/index.html');

function newestMtime(target) {
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

function rendererIsStale() {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')), newestMtime(path.join(root, 'package.json')));
  return sources > built;
}

if (rendererIsStale()) {
  console.error('Building the renderer (out/renderer)…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    // The build's output goes to stderr: stdout's first line is reserved for the URL.
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    console.error('Building the renderer failed; see the messages above.');
    process.exit(1);
  }
}

register();
const { main } = await import('./main.ts');
try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(`kroniek host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
