import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

// Every command ends with one clear line and a released lock, whatever fails: a file
// that cannot be written, a folder that is not there, a stream that fails half-way.

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

describe('kroniek commands that fail', () => {
  it('say why in one line, exit 1 and leave no lock or temp file', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      const cases: [string[], RegExp][] = [
        [['export-library', '--out', path.join(dir, 'nowhere', 'x.json')], /^kroniek: There is no folder .*nowhere to write x\.json in\.\n$/],
        [['export-library', '--out', dir], /^kroniek: .* is a folder; name a file\.\n$/],
        [['import-library', path.join(dir, 'nowhere.json')], /^kroniek: nowhere\.json could not be read/],
        [['tag', 'nope', '--add', 'X'], /^kroniek: No story with id nope in the library\.\n$/],
      ];
      // Past the checks, the write itself fails (the folder exists, no file can be made in it): once an unhandled stream error and a stack trace.
      if (process.platform === 'linux') cases.push([['export-library', '--out', '/proc/kroniek-archive.json'], /^kroniek: Could not write \/proc\/kroniek-archive\.json \(ENOENT\)\.\n$/]);
      for (const [args, message] of cases) {
        const result = await runCli(['--data', data, ...args]);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr, args.join(' ')).toMatch(message);
        expect((await readdir(data)).filter((name) => name === 'kroniek.lock' || name.includes('kroniek-tmp')), args.join(' ')).toEqual([]);
      }
      expect((await readdir(dir)).filter((name) => name.includes('kroniek-tmp'))).toEqual([]);
    });
  });
});
