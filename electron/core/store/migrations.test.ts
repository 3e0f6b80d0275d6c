import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateMeta, MIGRATIONS, SCHEMA_VERSION } from './meta';
import { loadMeta, META_FILE, parseMetaBytes } from './meta-file';
import { withTempDir } from './test/helpers';

const FIXTURES = path.join(import.meta.dirname, 'test', 'fixtures');

describe('schema versions and migrations', () => {
  it('has a fixture of every schema version so far, and each migrates to the current one and validates', async () => {
    for (let version = 1; version <= SCHEMA_VERSION; version++) {
      const bytes = await readFile(path.join(FIXTURES, `library-v${version}.json`));
      const parsed = parseMetaBytes(bytes);
      expect(parsed.ok, `fixture v${version}`).toBe(true);
      if (parsed.ok) expect(parsed.meta.schemaVersion).toBe(SCHEMA_VERSION);
    }
    // Every step from version 1 up has its migration.
    for (let version = 1; version < SCHEMA_VERSION; version++) expect(MIGRATIONS[version], `migration ${version}→${version + 1}`).toBeTypeOf('function');
  });

  it('runs migrations one version at a time, purely', () => {
    const steps = {
      1: (doc: Record<string, unknown>) => ({ ...doc, renamed: doc.old, old: undefined }),
      2: (doc: Record<string, unknown>) => ({ ...doc, added: ['x'] }),
    };
    const input = { schemaVersion: 1, old: 'value' };
    const result = migrateMeta(input, 3, steps);
    expect(result).toEqual({ ok: true, from: 1, migrated: true, doc: { schemaVersion: 3, renamed: 'value', old: undefined, added: ['x'] } });
    expect(input).toEqual({ schemaVersion: 1, old: 'value' });
    expect(migrateMeta({ schemaVersion: 1 }, 3, { 1: steps[1] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(migrateMeta({ schemaVersion: 4 }, 3, steps)).toMatchObject({ ok: false, code: 'newer' });
    expect(migrateMeta({ nope: true }, 3, steps)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('keeps the file as the older version wrote it before upgrading', async () => {
    await withTempDir(async (dir) => {
      const v1 = await readFile(path.join(FIXTURES, 'library-v1.json'));
      await writeFile(path.join(dir, META_FILE), v1);
      const loaded = await loadMeta(dir, undefined, { target: 2, migrations: { 1: (doc) => ({ ...doc }) } });
      expect(loaded.needsWrite).toBe(true);
      expect(loaded.notices.map((notice) => notice.code)).toEqual(['migrated']);
      const kept = (await readdir(dir)).find((name) => name.startsWith(`${META_FILE}.schema-v1-`));
      expect(await readFile(path.join(dir, kept!))).toEqual(v1);
    });
  });
});
