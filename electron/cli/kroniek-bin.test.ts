import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../core/store/test/helpers';

// The installed `kroniek` command as a user runs it: a separate Node process that
// starts from electron/cli/kroniek.mjs, which runs the CLI's bundle (out/node/cli.js,
// built first when missing or stale), with no TypeScript loader. The other CLI tests
// run the same entry point in-process, for speed.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'electron/cli/kroniek.mjs');

function kroniek(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KRONIEK_DATA: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the kroniek command (bundled)', () => {
  it('runs without tsx: lists the sample library as JSON, imports with per-file results and exit 1 on a rejected file', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      const listed = kroniek('--data', data, '--seeds', 'list', '--kind', 'article', '--json');
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(5);

      await writeFile(path.join(dir, 'empty.txt'), '');
      // A relative path, as typed in a shell: the CLI resolves it against its working folder.
      const imported = spawnSync(process.execPath, [BIN, '--data', data, 'import', 'empty.txt'], { cwd: dir, encoding: 'utf8' });
      expect(imported.status).toBe(1);
      expect(imported.stdout).toMatch(/^rejected\s+empty\.txt — The file is empty\./m);
      expect(imported.stdout).toMatch(/1 files: 0 imported, 0 duplicate, 1 rejected/);

      const bad = kroniek('--data', data, 'list', '--kind', 'poem');
      expect(bad.code).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toMatch(/^kroniek: Invalid input for stories\.list: kind: /);
    });
  });

  it('prints file names and other untrusted text with control characters escaped, never raw', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      const hostile = 'kop\u001b]0;gekaapt\u0007\u001b[2J\nrejected  nep.txt\r\u202egpj.txt';
      await writeFile(path.join(dir, hostile), '');
      await writeFile(path.join(dir, 'verhaal\u001b[31m.txt'), 'Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen na een lange nacht van overleg.\n');
      const imported = spawnSync(process.execPath, [BIN, '--data', data, 'import', hostile, 'verhaal\u001b[31m.txt'], { cwd: dir, encoding: 'utf8' });
      expect(imported.status).toBe(1);
      // eslint-disable-next-line no-control-regex
      expect(imported.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
      const lines = imported.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe('rejected  kop\\x1b]0;gekaapt\\x07\\x1b[2J\\nrejected  nep.txt\\r\\u202egpj.txt — The file is empty.');
      expect(lines[1]).toMatch(/^imported\s+verhaal\\x1b\[31m\.txt$/);
      const listed = kroniek('--data', data, 'list', '--kind', 'article');
      expect(listed.stdout).not.toContain('\u001b');
      const shown = kroniek('--data', data, 'show', listed.stdout.split(' ')[0]!);
      // The story keeps its source's name as one clean line (cleanLine at import).
      expect(shown.stdout).toContain('Source: verhaal [31m.txt');
      // The JSON report keeps the exact name given (JSON escapes it).
      const json = spawnSync(process.execPath, [BIN, '--data', data, 'import', hostile, '--json'], { cwd: dir, encoding: 'utf8' });
      expect((JSON.parse(json.stdout) as { files: { fileName: string }[] }).files[0]!.fileName).toBe(hostile);
    });
  });
});
