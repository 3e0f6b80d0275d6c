import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryNotice } from '../../../shared/types';
import { ServiceError } from '../../../shared/contract/envelope';
import { isTempFileName, kindOf, NotAFileError, readFileIfExists, writeFileDurably } from './durable-file';
import { emptyMeta, migrateMeta, MIGRATIONS, SCHEMA_VERSION, type MetaDoc } from './meta';
import { checkMeta } from './meta-shape';

export const META_FILE = 'library.json';
/** The largest library.json read: V8's longest string is about 512 MiB (a 300 MB note still opens, and is reported). */
export const META_MAX_BYTES = 500 * 1024 * 1024;

export interface LoadedMeta {
  meta: MetaDoc;
  /** True when the file did not exist (a new library). */
  created: boolean;
  readOnly: boolean;
  notices: LibraryNotice[];
  /** Set when the file on disk must be rewritten (migrated). */
  needsWrite: boolean;
  /** Set when the document came from a backup (story files added since may be on disk unlisted). */
  restored?: boolean;
}

/** The newest backup that validated, found when the library file is damaged. */
export interface RestoredBackup {
  meta: MetaDoc;
  /** When the backup was made (ISO); the recovery notice names it. */
  createdAt: string;
}

export type MetaParse = { ok: true; meta: MetaDoc; migratedFrom: number | null } | { ok: false; newer: boolean; reason: string; found?: number };

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
  if (!migrated.ok) return migrated.code === 'newer' ? { ok: false, newer: true, reason: migrated.reason, found: migrated.found } : { ok: false, newer: false, reason: migrated.reason };
  const checked = checkMeta(migrated.doc);
  if (!checked.ok) return { ok: false, newer: false, reason: checked.reason };
  return { ok: true, meta: checked.meta, migratedFrom: migrated.migrated ? migrated.from : null };
}

/**
 * Keeps a damaged file byte-identical beside the original for later inspection: one copy
 * per distinct damaged content (a library opened read-only again and again, or a damage
 * that returns, does not fill the folder with copies of the same bytes).
 */
export async function keepDamagedCopy(filePath: string, now = new Date()): Promise<string> {
  const bytes = await fs.readFile(filePath);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const dir = path.dirname(filePath);
  const prefix = `${path.basename(filePath)}.damaged-`;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || isTempFileName(name)) continue;
    const candidate = path.join(dir, name);
    const stat = await fs.lstat(candidate).catch(() => null);
    if (!stat?.isFile() || stat.size !== bytes.length) continue;
    const theirs = await fs.readFile(candidate).catch(() => null);
    if (theirs && createHash('sha256').update(theirs).digest('hex') === hash) return candidate;
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${prefix}${stamp}`);
  await writeFileDurably(target, bytes);
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
  // Only a regular file within what V8 can hold as one string is read: a folder, FIFO or
  // device at the name (reading a FIFO would never end) or a file too large to parse is
  // damage that is left exactly where it is (a restored backup could not be written there
  // without removing it), and the library opens read-only with the stories found.
  const found = await fs.lstat(filePath).catch(() => null);
  if (found && (!found.isFile() || found.size > META_MAX_BYTES)) {
    return openWithoutMetaFile(dir, undefined, !found.isFile() ? `it is ${kindOf(found)}` : `it is larger than ${META_MAX_BYTES} bytes`);
  }
  let bytes: Buffer | null;
  try {
    bytes = await readFileIfExists(filePath);
  } catch (error) {
    // Replaced by something else since the check, or unreadable: damaged, and left as it is.
    if (!(error instanceof NotAFileError) && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
    return openWithoutMetaFile(dir, undefined, error instanceof NotAFileError ? `it is ${error.kind}` : 'it cannot be read');
  }
  if (bytes === null) {
    // No metadata but stories or backups: a damaged library, never a new one to fill with the sample stories.
    if (await holdsLibraryData(dir)) return openWithoutMetaFile(dir, restoreFromBackup, 'the file is missing');
    return { meta: emptyMeta(), created: true, readOnly: false, notices: [], needsWrite: true };
  }
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
  if (parsed.newer) throw new ServiceError('conflict', parsed.reason, { code: 'library.newer', what: 'library', found: parsed.found ?? NaN, supported: setup?.target ?? SCHEMA_VERSION });
  const kept = await keepDamagedCopy(filePath);
  const restored = restoreFromBackup ? await restoreFromBackup(parsed.reason) : null;
  if (restored) {
    return {
      meta: restored.meta,
      created: false,
      readOnly: false,
      notices: [{ code: 'recovered', backupCreatedAt: restored.createdAt, keptAs: path.basename(kept) }],
      needsWrite: true,
      restored: true,
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

/** True when the folder holds story files or backups: a library, whatever its metadata file says. */
async function holdsLibraryData(dir: string): Promise<boolean> {
  const names = async (sub: string) => (await fs.readdir(path.join(dir, sub)).catch(() => [] as string[])).filter((name) => !isTempFileName(name));
  const content = await names('content');
  if (content.some((name) => name.endsWith('.heads.json') || name.endsWith('.bodies.json'))) return true;
  return (await names('backups')).some((name) => /^library-.*\.json$/.test(name));
}

/**
 * The metadata file is missing or not a file: the newest valid backup is restored (the
 * missing-file notice says from when), or the library opens read-only with the stories
 * found on disk. Nothing at the path is touched.
 */
async function openWithoutMetaFile(
  dir: string,
  restoreFromBackup: ((reason: string) => Promise<RestoredBackup | null>) | undefined,
  damage: string,
): Promise<LoadedMeta> {
  const restored = restoreFromBackup ? await restoreFromBackup(damage) : null;
  const notice: LibraryNotice = { code: 'meta-missing', backupCreatedAt: restored?.createdAt ?? null, damage };
  if (restored) return { meta: restored.meta, created: false, readOnly: false, restored: true, notices: [notice], needsWrite: true };
  return { meta: emptyMeta(), created: false, readOnly: true, notices: [notice], needsWrite: false };
}
