import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryNotice } from '../../../shared/types';
import { ServiceError } from '../../../shared/contract/envelope';
import { readFileIfExists, writeFileDurably } from './durable-file';
import { checkMeta, emptyMeta, migrateMeta, MIGRATIONS, SCHEMA_VERSION, type MetaDoc } from './meta';

export const META_FILE = 'library.json';

export interface LoadedMeta {
  meta: MetaDoc;
  /** True when the file did not exist (a new library). */
  created: boolean;
  readOnly: boolean;
  notices: LibraryNotice[];
  /** Set when the file on disk must be rewritten (migrated). */
  needsWrite: boolean;
}

/** The newest backup that validated, found when the library file is damaged. */
export interface RestoredBackup {
  meta: MetaDoc;
  /** When the backup was made (ISO); the recovery notice names it. */
  createdAt: string;
}

export type MetaParse = { ok: true; meta: MetaDoc; migratedFrom: number | null } | { ok: false; newer: boolean; reason: string };

export interface MigrationSetup {
  target: number;
  migrations: typeof MIGRATIONS;
}

/** Parses and validates meta bytes; never throws. */
export function parseMetaBytes(bytes: Buffer, setup: MigrationSetup = { target: SCHEMA_VERSION, migrations: MIGRATIONS }): MetaParse {
  if (bytes.length === 0) return { ok: false, newer: false, reason: 'the file is empty' };
  let value: unknown;
  try {
    // A BOM-prefixed file is damage too (we never write one): JSON.parse refuses it.
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, newer: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const migrated = migrateMeta(value, setup.target, setup.migrations);
  if (!migrated.ok) return { ok: false, newer: migrated.code === 'newer', reason: migrated.reason };
  const checked = checkMeta(migrated.doc);
  if (!checked.ok) return { ok: false, newer: false, reason: checked.reason };
  return { ok: true, meta: checked.meta, migratedFrom: migrated.migrated ? migrated.from : null };
}

/** Keeps a damaged file byte-identical beside the original for later inspection. */
export async function keepDamagedCopy(filePath: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${filePath}.damaged-${stamp}`;
  await fs.copyFile(filePath, target);
  return target;
}

/**
 * Reads the metadata document. A damaged file is never overwritten with
 * defaults: it is kept as `<name>.damaged-<time>`, a valid backup is restored
 * where the backup module finds one, and otherwise the library opens read-only.
 */
export async function loadMeta(
  dir: string,
  restoreFromBackup?: (reason: string) => Promise<RestoredBackup | null>,
  setup?: MigrationSetup,
): Promise<LoadedMeta> {
  const filePath = path.join(dir, META_FILE);
  const bytes = await readFileIfExists(filePath);
  if (bytes === null) return { meta: emptyMeta(), created: true, readOnly: false, notices: [], needsWrite: true };
  const parsed = parseMetaBytes(bytes, setup);
  if (parsed.ok) {
    const notices: LibraryNotice[] = [];
    if (parsed.migratedFrom !== null) {
      // The file as the older version wrote it stays beside the upgraded one.
      const kept = `${filePath}.schema-v${parsed.migratedFrom}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await writeFileDurably(kept, bytes);
      notices.push({ code: 'migrated', fromVersion: parsed.migratedFrom, keptAs: path.basename(kept) });
    }
    return { meta: parsed.meta, created: false, readOnly: false, notices, needsWrite: parsed.migratedFrom !== null };
  }
  if (parsed.newer) throw new ServiceError('conflict', parsed.reason);
  const kept = await keepDamagedCopy(filePath);
  const restored = restoreFromBackup ? await restoreFromBackup(parsed.reason) : null;
  if (restored) {
    return {
      meta: restored.meta,
      created: false,
      readOnly: false,
      notices: [{ code: 'recovered', backupCreatedAt: restored.createdAt, keptAs: path.basename(kept) }],
      needsWrite: true,
    };
  }
  return {
    meta: emptyMeta(),
    created: false,
    readOnly: true,
    notices: [{ code: 'read-only', keptAs: path.basename(kept), damage: parsed.reason }],
    needsWrite: false,
  };
}
