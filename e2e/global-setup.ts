import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer once, so parallel hosts never race to build it. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the renderer for the e2e tests failed.');
}
