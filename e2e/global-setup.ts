import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer and the host's bundle once, so parallel hosts never race to build them. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const builds: [config: string, what: string][] = [
    ['renderer/vite.config.ts', 'the renderer'],
    ['vite.node.config.ts', 'the host (out/node)'],
  ];
  for (const [config, what] of builds) {
    const result = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`Building ${what} for the e2e tests failed.`);
  }
}
