#!/usr/bin/env node
// Entry of `npm run host`: builds the renderer and the host's bundle when missing or
// older than their sources (never a dev server), then starts the host.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestMtime, nodeBundle, ROOT as root, viteBuild } from '../launch.mjs';

const builtIndex = path.join(root, 'out/renderer/index.html');

function rendererIsStale() {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')), newestMtime(path.join(root, 'package.json')));
  return sources > built;
}

if (rendererIsStale()) {
  console.error('Building the renderer (out/renderer)…');
  // The build's output goes to stderr: stdout's first line is reserved for the URL.
  if (!viteBuild(['--config', 'renderer/vite.config.ts'])) {
    console.error('Building the renderer failed; see the messages above.');
    process.exit(1);
  }
}

try {
  // The host's bundle (out/node/host.js), built first when missing or older than the sources.
  const { main } = await import(nodeBundle('host'));
  await main(process.argv.slice(2));
} catch (error) {
  console.error(`kroniek host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
