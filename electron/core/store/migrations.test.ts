import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateMeta, MIGRATIONS, SCHEMA_VERSION } from './meta';
import { loadMeta, META_FILE, parseMetaBytes } from './meta-file';
import { LibraryStore } from './library-store';
import { plain, withTempDir } from './test/helpers';

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

  it('opens a version 1 library as the current version: every part as it was, and nothing opened yet', async () => {
    const v1 = JSON.parse(await readFile(path.join(FIXTURES, 'library-v1.json'), 'utf8')) as Record<string, unknown>;
    const parsed = parseMetaBytes(Buffer.from(JSON.stringify(v1)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.migratedFrom).toBe(1);
    const { schemaVersion, opened, ...rest } = parsed.meta;
    expect(schemaVersion).toBe(SCHEMA_VERSION);
    expect(opened).toEqual({});
    const { schemaVersion: _v1, ...before } = v1;
    expect(plain(rest)).toEqual(before);
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, META_FILE), JSON.stringify(v1));
      const store = await LibraryStore.open(dir);
      expect(store.meta.schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.meta.tags).toEqual(v1.tags);
      await store.close();
      // Written as the current version once opened, the version 1 file kept beside it.
      expect(JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION, opened: {} });
      expect((await readdir(dir)).some((name) => name.startsWith(`${META_FILE}.schema-v1-`))).toBe(true);
    });
  });

  it('opens a version 2 library as version 3 unchanged, and a Kroniek that reads up to 2 refuses version 3 (an edit log it would not read may continue it)', async () => {
    const v2 = JSON.parse(await readFile(path.join(FIXTURES, 'library-v2.json'), 'utf8')) as Record<string, unknown>;
    const parsed = parseMetaBytes(Buffer.from(JSON.stringify(v2)));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 2 });
    if (!parsed.ok) return;
    const { schemaVersion, ...rest } = parsed.meta;
    const { schemaVersion: _v2, ...before } = v2;
    expect(schemaVersion).toBe(3);
    expect(plain(rest)).toEqual(before);
    const v3 = await readFile(path.join(FIXTURES, 'library-v3.json'));
    expect(parseMetaBytes(v3, { target: 2, migrations: MIGRATIONS })).toMatchObject({ ok: false, newer: true });
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
      const loaded = await loadMeta(dir, undefined, { target: SCHEMA_VERSION + 1, migrations: { ...MIGRATIONS, [SCHEMA_VERSION]: (doc) => ({ ...doc }) } });
      expect(loaded.needsWrite).toBe(true);
      expect(loaded.notices.map((notice) => notice.code)).toEqual(['migrated']);
      const kept = (await readdir(dir)).find((name) => name.startsWith(`${META_FILE}.schema-v1-`));
      expect(await readFile(path.join(dir, kept!))).toEqual(v1);
    });
  });
});
