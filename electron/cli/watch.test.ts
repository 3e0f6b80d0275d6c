import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

// `kroniek watch DIR...` as a user runs it: the bundled command in a child process, which
// prints one line per file as it arrives and stops cleanly on Ctrl+C (SIGINT).

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'electron/cli/kroniek.mjs');

const STORY = 'Gemeente opent nieuwe brug over de rivier\nARNHEM (ANP) - De gemeente heeft vandaag een nieuwe brug over de Rijn geopend. Duizenden mensen kwamen kijken.\nDe brug kostte ruim veertig miljoen euro en was twee jaar in aanbouw.\n';

/** Resolves with the text of the stream so far once `pattern` matches it. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (!pattern.test(text)) return;
      stream.off('data', onData);
      resolve(text);
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`stream ended without ${pattern}: ${text}`)));
  });
}

describe('kroniek watch', () => {
  it('imports files as they arrive, one line each in Dutch, and exits cleanly on Ctrl+C', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      await writeFile(path.join(drop, 'leeg.txt'), '');
      const child = spawn(process.execPath, [BIN, '--data', path.join(dir, 'lib'), 'watch', 'drop', '--lang', 'nl'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const started = waitFor(child.stderr, /Stop met Ctrl\+C/);
        // The file that was already there is reported first.
        const rejected = waitFor(child.stdout, /niet ingelezen {2}leeg\.txt — het bestand is leeg; blijft in de map\n/);
        expect(await started).toContain(`Map ${drop} wordt bewaakt`);
        await rejected;
        const imported = waitFor(child.stdout, /ingelezen {2}brug\.txt — Gemeente opent nieuwe brug over de rivier \(a[0-9a-f]+\)\n/);
        await writeFile(path.join(drop, 'brug.txt'), STORY);
        await imported;
        const stopped = waitFor(child.stderr, /Bewaken gestopt\./);
        child.kill('SIGINT');
        await stopped;
        expect(await exited).toBe(0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      expect((await readdir(drop)).sort()).toEqual(['brug.txt', 'leeg.txt']);
      const listed = await runCli(['--data', path.join(dir, 'lib'), 'list', '--json']);
      expect((JSON.parse(listed.stdout) as { headline: string }[]).map((item) => item.headline)).toEqual(['Gemeente opent nieuwe brug over de rivier']);
    });
  });

  it('refuses a path that is not a folder, with the reason', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['--data', path.join(dir, 'lib'), 'watch', path.join(dir, 'nergens')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`There is no folder at ${path.join(dir, 'nergens')}.`);
    });
  });
});
